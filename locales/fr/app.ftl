# Les textes de Candor (SPEC §9), regroupés par page. Voir les notes de
# l'original anglais (locales/en/app.ftl). Vouvoiement. Pluriels : one (0 et 1),
# many (1000000, « de rapports »), other.

## Partout : l'en-tête, le choix de la langue, les avis

brand = Candor
promise = { " " }— indiquez si l'IA a aidé pour la tâche que vous venez de terminer. Anonyme : rien ici ne permet de vous identifier.
nav-label = Navigation principale
nav-file = Envoyer un rapport
nav-history = Historique
nav-my-map = Ma carte
nav-team-map = Carte de l'équipe
nav-pilots = Pilotes
language = Langue
loading-app = Chargement de Candor…
page-not-found = Page introuvable
dismiss = Fermer
catalog-not-loaded = La traduction ({ $language }) n'a pas pu être chargée ({ $reason }) : Candor s'affiche donc en anglais. Rechargez la page pour réessayer.

## Quand candor.json est inutilisable

config-error-title = Candor ne peut pas démarrer : son fichier de configuration pose problème
config-error-unreachable = Vérifiez votre connexion et rechargez la page. Si le problème persiste, prévenez la personne qui gère Candor ici.
config-error-missing = La personne qui gère Candor ici doit placer candor.json à côté d'index.html.
config-error-invalid = La personne qui gère Candor ici doit corriger candor.json ; le message ci-dessus indique le champ en cause.
config-error-safe = Les rapports déjà enregistrés sur cet appareil ne risquent rien ; rien n'a été modifié.

## Envoyer un rapport (le formulaire)

form-title = Comment l'IA s'en est-elle sortie sur la tâche que vous venez de terminer ?
form-task = De quel type de tâche s'agissait-il ?
form-tool = Quel outil d'IA avez-vous utilisé ?
form-team = Votre équipe
form-more = Plus de détails (facultatif)
form-effort = Combien d'effort pour vérifier et corriger le travail de l'IA ?
form-why-tool = Pourquoi cet outil ?
form-complexity = La tâche était
outcome-legend = Comment ça s'est passé ?{ " " }
outcome-hint = Touches 1–5, puis Entrée pour enregistrer
reasons-legend = Pourquoi cela n'a-t-il pas aidé ?{ " " }
reasons-hint = Trois au maximum, facultatif
mandated-chosen = Mon propre choix
mandated-told = On m'a demandé de l'utiliser
form-save = Enregistrer{ " " }
key-enter = Entrée
form-saved = Enregistré.
form-undo = Annuler
form-undone = Annulé : ce rapport a été supprimé.
form-kept-nowhere = L'historique est désactivé sur cet appareil et ce déploiement n'a pas de serveur de synchronisation : un rapport ne serait conservé nulle part. Réactivez l'historique dans Historique pour envoyer des rapports.
privacy-note = Seule la semaine est enregistrée, jamais le jour ni l'heure. Votre rapport ne comporte ni nom, ni compte, ni identifiant d'appareil.
privacy-randomized = { " " }Avant l'envoi, votre réponse est rendue aléatoire sur cet appareil : aucun rapport ne peut donc, à lui seul, être pris au pied de la lettre.
form-missing-task = Choisissez d'abord le type de tâche.
form-missing-tool = Choisissez l'outil utilisé (ou Pas d'IA).
form-missing-outcome = Choisissez comment ça s'est passé : touches 1–5.
form-saved-not-kept = Enregistré pour l'envoi, mais pas conservé dans votre historique : { $error }.
form-not-saved = Non enregistré : { $error }.
form-undo-failed = Impossible d'annuler : { $error }.
pilot-not-kept = Le rapport n'a pas été conservé dans votre historique : { $error }.
link-ignored = Le lien demandait { $field ->
        [task] la tâche
       *[tool] l'outil
    } « { $id } », que ce déploiement ne propose pas ; la demande a été ignorée.

## Historique

history-title = Historique
history-lede = Vos propres rapports, conservés uniquement dans ce navigateur.
history-off = L'historique est désactivé sur cet appareil : les rapports que vous envoyez n'y sont pas conservés.
history-keep = Conserver l'historique sur cet appareil
history-export = Exporter en JSON
history-import = Importer un JSON…
history-erase = Tout effacer…
history-stop = Ne plus conserver l'historique sur cet appareil…
history-erase-yes = Oui, effacer
history-cancel = Annuler
history-empty = Aucun rapport conservé sur cet appareil.
history-count = { $count ->
        [one] { $count } rapport
        [many] { $count } de rapports
       *[other] { $count } rapports
    }, de la semaine la plus récente à la plus ancienne.
history-erase-question = { $count ->
        [one] Effacer l'unique rapport conservé sur cet appareil ?
        [many] Effacer les { $count } de rapports conservés sur cet appareil ?
       *[other] Effacer les { $count } rapports conservés sur cet appareil ?
    } Cette action est irréversible. Exportez d'abord votre historique si vous voulez en garder une copie.
history-stop-question = Ne plus conserver l'historique ici ? { $count ->
        [0] Les nouveaux rapports ne seront pas conservés.
        [one] Cela efface l'unique rapport conservé sur cet appareil, et les nouveaux rapports ne seront pas conservés. Exportez d'abord votre historique si vous voulez en garder une copie.
        [many] Cela efface les { $count } de rapports conservés sur cet appareil, et les nouveaux rapports ne seront pas conservés. Exportez d'abord votre historique si vous voulez en garder une copie.
       *[other] Cela efface les { $count } rapports conservés sur cet appareil, et les nouveaux rapports ne seront pas conservés. Exportez d'abord votre historique si vous voulez en garder une copie.
    }
history-erased = Effacé : aucun rapport n'est conservé sur cet appareil.
history-erase-failed = Impossible d'effacer : { $error }.
history-unreadable-file = Le fichier n'a pas pu être lu.
history-import-failed = Rien n'a été importé : { $error }.
history-export-failed = Échec de l'export : { $error }
history-imported = { $added ->
        [one] { $added } nouveau rapport importé
        [many] { $added } de nouveaux rapports importés
       *[other] { $added } nouveaux rapports importés
    } ; { $duplicates ->
        [one] { $duplicates } déjà présent
        [many] { $duplicates } de rapports déjà présents
       *[other] { $duplicates } déjà présents
    } ; { $rejected ->
        [one] { $rejected } rejeté
        [many] { $rejected } de rapports rejetés
       *[other] { $rejected } rejetés
    }.
history-import-entry = Élément { $entry } : { $error }
history-import-result = Résultat de l'import
sync-panel = Envoi vers la carte de l'équipe
sync-all-sent = Tous les rapports enregistrés ici ont été envoyés.
sync-waiting = { $count ->
        [one] { $count } rapport en attente d'envoi.
        [many] { $count } de rapports en attente d'envoi.
       *[other] { $count } rapports en attente d'envoi.
    } Les rapports partent après un délai aléatoire, par lots mélangés : leur heure d'arrivée ne dit donc rien du moment où vous les avez enregistrés.
sync-retrying = { $count ->
        [one] { $count } rapport en attente
        [many] { $count } de rapports en attente
       *[other] { $count } rapports en attente
    } : { $reason }. Candor réessaiera ; rien n'est perdu.
sync-waiting-token = { $count ->
        [one] { $count } rapport en attente d'un jeton : { $reason }. Il reste ici et partira dès qu'un jeton arrivera ; rien n'est perdu.
        [many] { $count } de rapports en attente d'un jeton : { $reason }. Ils restent ici et partiront dès qu'un jeton arrivera ; rien n'est perdu.
       *[other] { $count } rapports en attente d'un jeton : { $reason }. Ils restent ici et partiront dès qu'un jeton arrivera ; rien n'est perdu.
    }
sign-in-again = Se reconnecter
not-accepted-title = Refusés par le serveur
not-accepted = Refusé par le serveur : { $reason }
send-again = Renvoyer ces rapports
sent-again = { $count ->
        [one] { $count } rapport remis en file d'envoi.
        [many] { $count } de rapports remis en file d'envoi.
       *[other] { $count } rapports remis en file d'envoi.
    }
send-again-failed = Impossible de les remettre en file d'envoi : { $error }.
no-ai = Pas d'IA
retired = { $label } (plus disponible)
told-to-use-it = utilisation imposée
delivery-waiting = { " " }— en attente d'envoi
delivery-waiting-token = { " " }— en attente d'un jeton
delivery-sent = { " " }— envoyé
delivery-rejected = { " " }— refusé : { $reason }

## Ma carte

my-map-title = Ma carte
my-map-lede = Là où l'IA a trouvé sa place dans votre propre travail, par type de tâche. Cette carte n'est visible que par vous.
my-map-empty-start = Aucun rapport sur cet appareil pour l'instant.{ " " }
my-map-empty-link = Envoyez-en un
my-map-empty-end = { " " }et votre carte commencera à se remplir.
my-map-count = { $count ->
        [one] { $count } rapport
        [many] { $count } de rapports
       *[other] { $count } rapports
    } sur cet appareil.{ " " }
my-map-read = Comparez chaque outil à la colonne « Pas d'IA », à gauche.

## Carte de l'équipe

team-title = Carte de l'équipe
team-no-sync = Ce déploiement n'a pas de serveur de synchronisation, il n'y a donc pas de carte de l'équipe. Vos propres rapports se trouvent dans Ma carte.
team-loading = Chargement de la carte de l'équipe…

## Les filtres de la carte de l'équipe

## Une cellule de la carte de l'équipe, ouverte

## La carte de chaleur (Ma carte et Carte de l'équipe)

## Pilotes

pilots-title = Pilotes
pilots-loading = Chargement des pilotes…

## Avis sur les données de cet appareil, et pourquoi des rapports attendent (Historique)

history-unreadable = Candor ne peut pas lire l'historique de cet appareil : { $error }.
history-entries-aside = { $count ->
        [one] { $count } rapport enregistré n'a pas pu être lu (problème : { $error }). Il a été mis de côté sous « { $key } » ; le reste de votre historique est intact.
        [many] { $count } de rapports enregistrés n'ont pas pu être lus (premier problème : { $error }). Ils ont été mis de côté sous « { $key } » ; le reste de votre historique est intact.
       *[other] { $count } rapports enregistrés n'ont pas pu être lus (premier problème : { $error }). Ils ont été mis de côté sous « { $key } » ; le reste de votre historique est intact.
    }
history-entries-lost = { $count ->
        [one] { $count } rapport enregistré n'a pas pu être lu, et sa mise de côté a échoué : { $error }.
        [many] { $count } de rapports enregistrés n'ont pas pu être lus, et leur mise de côté a échoué : { $error }.
       *[other] { $count } rapports enregistrés n'ont pas pu être lus, et leur mise de côté a échoué : { $error }.
    }
history-aside = Votre historique enregistré n'a pas pu être lu ({ $error }). Il a été mis de côté, intact, sous « { $key } », et Candor a commencé un nouvel historique.
history-not-aside = Votre historique enregistré n'a pu être ni lu ({ $error }) ni mis de côté ({ $aside }). Il est toujours stocké sous « { $key } » : exportez-le depuis les outils de développement du navigateur avant d'envoyer un rapport, sinon le prochain rapport le remplacera.
prefs-aside = Vos choix mémorisés n'ont pas pu être lus ({ $error }) ; ils ont été mis de côté sous « { $key } » et réinitialisés.
outbox-entries-aside = { $count ->
        [one] { $count } rapport en attente d'envoi n'a pas pu être lu ; il a été mis de côté sous « { $key } ».
        [many] { $count } de rapports en attente d'envoi n'ont pas pu être lus ; ils ont été mis de côté sous « { $key } ».
       *[other] { $count } rapports en attente d'envoi n'ont pas pu être lus ; ils ont été mis de côté sous « { $key } ».
    }
outbox-aside = Les rapports en attente d'envoi n'ont pas pu être lus ({ $error }). Ils ont été mis de côté, intacts, sous « { $key } ».
outbox-not-aside = Les rapports en attente d'envoi n'ont pu être ni lus ({ $error }) ni mis de côté ({ $aside }).
sync-unreachable = le serveur de synchronisation était injoignable ({ $error })
sync-not-understood = la réponse du serveur de synchronisation n'a pas été comprise
sync-http = le serveur de synchronisation a répondu HTTP { $status }
tokens-fetching = récupération des jetons en cours
tokens-sign-in = votre connexion a expiré ; reconnectez-vous pour obtenir des jetons
tokens-proof-invalid = les jetons du serveur n'ont pas pu être vérifiés avec sa clé publiée, aucun n'a donc été conservé (prévenez votre administrateur)
tokens-unavailable = { $why } ; Candor réessaiera

no-ai-description = Fait sans IA
catalog-unreachable = le serveur était injoignable
catalog-status = le serveur a répondu HTTP { $status }
catalog-other-version = il a été fait pour une autre version de Candor

## Les réponses fermées d'un rapport (formulaire, historique)

outcome-much-worse = Bien pire
outcome-worse = M'a ralenti
outcome-no-difference = Aucune différence
outcome-better = A aidé
outcome-much-better = A beaucoup aidé
effort-low = Peu de vérification
effort-medium = Un peu de vérification
effort-high = Beaucoup de vérification et de corrections
complexity-routine = Routinière
complexity-complex = Complexe
reason-checking = Vérifier le résultat a pris longtemps
reason-context = L'outil manquait de contexte
reason-wrong = Le résultat était faux ou peu fiable
reason-redo = J'ai dû le refaire moi-même
reason-friction = Lent, en panne ou gênant
