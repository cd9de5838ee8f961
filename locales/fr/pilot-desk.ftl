# L'espace des pilotes sur la page « Signaler » (SPEC §10). Voir les notes de
# l'original anglais (locales/en/pilot-desk.ftl).

## L'espace

heading = Pilotes
privacy-hint = La participation est conservée sur cet appareil uniquement. Rien n'est envoyé tant que vous n'avez pas terminé une tâche, et alors seulement son rapport.
pilot-randomized = — un essai randomisé : pour chaque tâche, une pièce tirée sur cet appareil dit avec ou sans IA.
pilot-chosen = — vous choisissez l'outil pour chaque tâche, comme d'habitude.
join = Participer
leave = Quitter
join-pilot = Participer à { $pilot }
leave-pilot = Quitter { $pilot }
catalog-failed = Les pilotes s'affichent en anglais : leur traduction ({ $language }) n'a pas pu être chargée ({ $reason ->
        [unreachable] le serveur était injoignable
        [status] le serveur a répondu HTTP { $status }
       *[other] elle a été faite pour une autre version de Candor
    }).

## Commencer une tâche

start-heading = Commencer une tâche du pilote
pilot-legend = Pilote
task-legend = Tâche
forecast-legend = Combien de temps cela prendra-t-il, à votre façon habituelle ?
start = Commencer
join-first = Participez d'abord à un pilote, puis choisissez-le.
choose-task-and-forecast = Choisissez la tâche et le temps que vous prévoyez, puis Commencer.
instruction = { $arm ->
        [ai] Faites celle-ci avec l'IA
        [no_ai] Faites celle-ci sans IA
       *[none] Faites comme d'habitude
    }
started = C'est parti. { $arm ->
        [ai] Faites celle-ci avec l'IA
        [no_ai] Faites celle-ci sans IA
       *[none] Faites comme d'habitude
    }. Elle vous attend ci-dessous jusqu'à ce que vous la terminiez.

## Durées

minutes = { $minutes } min
hours = { $hours } h
hours-minutes = { $hours } h { $minutes }

## Tâches ouvertes

open-heading = Tâches du pilote en cours
open-task-about = { $task } · prévu { $forecast } · { $pilot }
pilot-ended = Ce pilote est terminé : la tâche ne peut plus qu'être abandonnée
finish = Terminer
drop = Abandonner
finish-task = Terminer : { $task }
drop-task = Abandonner : { $task }
dropped = Abandonnée.

## Terminer une tâche

actual-legend = Combien de temps cela a-t-il pris ?
tool-legend = Quel outil avez-vous utilisé ?
no-ai = Pas d'IA
against-coin = Ce n'est pas ce qu'a dit la pièce ; indiquez ce que vous avez vraiment utilisé. Cela compte quand même dans le bras de la pièce.
outcome-legend = Comment ça s'est passé ? (touches 1–5)
outcome-much-worse = Bien pire
outcome-slowed-me = M'a ralenti
outcome-no-difference = Aucune différence
outcome-helped = A aidé
outcome-helped-a-lot = A beaucoup aidé
file-report = Envoyer le rapport
not-now = Pas maintenant
choose-open-task = Choisissez une tâche à terminer.
choose-actual = Choisissez combien de temps cela a pris.
choose-tool = Choisissez l'outil utilisé (ou Pas d'IA).
choose-outcome = Choisissez comment ça s'est passé : touches 1–5.
filed = Enregistré.
filed-sent = Il sera envoyé avec vos autres rapports.
undo = Annuler
undone = Annulé : la tâche est de nouveau ouverte.

## Erreurs

not-filed = Non enregistré : { $reason }
undo-failed = Impossible d'annuler : { $reason }
not-kept = Impossible de conserver ceci sur l'appareil ({ $reason }) ; cela tient jusqu'à la fermeture de la page.
no-storage = ce navigateur n'offre pas de stockage local
no-reason = l'application n'a pas dit pourquoi
load-failed = Les pilotes n'ont pas pu être chargés : { $reason }. Rechargez la page pour réessayer.
no-window = pas de fenêtre
config-status = candor.json a répondu { $status }
config-not-json = candor.json n'est pas du JSON valide
config-bad-week = le `{ $field }` d'un pilote n'est pas une semaine
