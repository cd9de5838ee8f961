# La page « Pilotes » pour les responsables (SPEC §10). Voir les notes de
# l'original anglais (locales/en/pilot-results.ftl).

## États de la page

loading = Chargement des pilotes…
no-pilots = Aucun pilote n'est configuré. Un opérateur les déclare dans candor.json, sous "pilots" : chacun avec un identifiant, un libellé, ses tâches et ses outils, sa première et sa dernière semaine (from, to) et l'indication si le bras de chaque tâche est tiré à pile ou face (randomize) ; voir SPEC §10.
no-sync = Ce déploiement n'a pas de serveur de synchronisation, il n'y a donc pas de résultats de pilotes : les rapports restent sur chaque appareil.
load-failed = Les pilotes n'ont pas pu être chargés : { $why }
retry = Réessayer
catalog-failed = Cette page s'affiche en anglais : sa traduction ({ $language }) n'a pas pu être chargée ({ $reason ->
        [unreachable] le serveur était injoignable
        [status] le serveur a répondu HTTP { $status }
       *[other] elle a été faite pour une autre version de Candor
    }).

## Pourquoi les pilotes n'ont pas pu être chargés

browser-no-reason = le navigateur n'a donné aucune raison
server-unreachable = le serveur de synchronisation était injoignable à l'adresse { $url } ({ $why }).
no-window = il n'y a pas de fenêtre.
server-said = le serveur de synchronisation a répondu : { $message } (HTTP { $status }).
server-status = le serveur de synchronisation a répondu HTTP { $status } à l'adresse { $url }.
not-json = ce n'est pas du JSON
not-pilot-list = la réponse à l'adresse { $url } n'est pas une liste de pilotes ({ $why }).
not-pilot-results = la réponse à l'adresse { $url } ne contient pas les résultats d'un pilote ({ $why }).
field-missing = { $field } manque
field-not-text = { $field } n'est pas du texte
field-not-number = { $field } n'est pas un nombre
field-not-count = { $field } n'est pas un effectif
field-not-boolean = { $field } n'est ni true ni false
field-not-list = { $field } n'est pas une liste
field-unknown-value = { $field } "{ $value }" est inconnu de cette page
field-not-week = { $field } "{ $value }" n'est pas une semaine
field-bad-arm = le bras "{ $value }" n'est ni ai ni no_ai
field-non-text-id = { $field } contient un identifiant qui n'est pas du texte

## La section d'un pilote

weeks-counted = Semaines { $from } à { $to } ; comptées jusqu'ici : { $counted_from } à { $counted_to } (semaines terminées).
weeks-none-counted = Semaines { $from } à { $to } ; aucune semaine n'est encore terminée, rien n'est donc compté.
design-randomized = Randomisé : pour chaque tâche, une pièce tirée sur l'appareil de la personne a décidé si elle se faisait avec ou sans IA.
design-chosen = Non randomisé : une comparaison de ce que les gens ont choisi, moins solide qu'un essai randomisé. Ceux qui ont choisi l'IA peuvent différer des autres d'une manière qui change aussi leurs durées.
by-task = Par tâche
task-verdict = { $task } : { $verdict }
task-retired = { $task } (retirée)
whole-pilot = Pilote entier
side-by-side = Ressenti et mesuré, côte à côte
before-and-during = Avant et pendant le pilote
download-intro = Télécharger ce qui est affiché :
download-as = Télécharger { $pilot } en { $format }
hidden-note = « masqué » : un groupe de moins de { $k } { $k ->
        [one] rapport
       *[other] rapports
    }, ou un groupe dont l'effectif permettrait d'en déduire un tel (SPEC §5). Sa taille n'est pas indiquée.

## Le verdict, en une phrase

verdict-not-enough = Pas encore assez de rapports pour un verdict : chaque bras a besoin d'au moins { $k } { $k ->
        [one] rapport
       *[other] rapports
    } de semaines terminées, et de durées qui varient.
verdict-clear-felt = Les gens { $felt ->
        [faster] se sont sentis plus rapides avec l'IA
        [slower] se sont sentis plus lents avec l'IA
       *[unclear] n'ont pas ressenti de différence nette avec l'IA
    } (ressenti { $diff }, intervalle à 95 % { $low } à { $high }), et ont été mesurés plus { $verdict ->
        [slower] lents
       *[faster] rapides
    } : rapporté à la prévision, les tâches ont pris { $ratio } le temps mis sans IA (intervalle à 95 % { $ratio_low } à { $ratio_high }).
verdict-clear = Les gens ont été mesurés plus { $verdict ->
        [slower] lents
       *[faster] rapides
    } avec l'IA : rapporté à la prévision, les tâches ont pris { $ratio } le temps mis sans IA (intervalle à 95 % { $ratio_low } à { $ratio_high }).
verdict-unclear-felt = Les gens { $felt ->
        [faster] se sont sentis plus rapides avec l'IA
        [slower] se sont sentis plus lents avec l'IA
       *[unclear] n'ont pas ressenti de différence nette avec l'IA
    } (ressenti { $diff }, intervalle à 95 % { $low } à { $high }) ; aucune différence nette n'a été mesurée : rapporté à la prévision, les tâches ont pris { $ratio } le temps mis sans IA, et l'intervalle à 95 %, { $ratio_low } à { $ratio_high }, contient 1.{ $more ->
        [0] {""}
        [one] {" "}Environ { $more } rapport de plus rendrait cet intervalle deux fois plus étroit.
       *[other] {" "}Environ { $more } rapports de plus rendraient cet intervalle deux fois plus étroit.
    }
verdict-unclear = Pour la durée, aucune différence nette n'a été mesurée : rapporté à la prévision, les tâches ont pris { $ratio } le temps mis sans IA, et l'intervalle à 95 %, { $ratio_low } à { $ratio_high }, contient 1.{ $more ->
        [0] {""}
        [one] {" "}Environ { $more } rapport de plus rendrait cet intervalle deux fois plus étroit.
       *[other] {" "}Environ { $more } rapports de plus rendraient cet intervalle deux fois plus étroit.
    }
disagree-felt-faster = Le ressenti et la mesure divergent : ressenti plus rapide, mesuré plus lent. Ce que les gens ressentent de l'IA n'est pas le temps qu'ont pris leurs tâches.
disagree-felt-slower = Le ressenti et la mesure divergent : ressenti plus lent, mesuré plus rapide. Ce que les gens ressentent de l'IA n'est pas le temps qu'ont pris leurs tâches.

## Le tableau

table-caption = { $pilot } : ressenti et mesuré, par bras. Ressenti : le résultat moyen, de −2 (bien pire) à +2 (a beaucoup aidé). Durée : minutes réelles ÷ minutes prévues, moyenne géométrique ; au-dessus de 1, c'est plus lent.
column-group = Groupe
column-reports = Rapports
column-felt = Ressenti (intervalle à 95 %)
column-time = Durée ÷ prévision (intervalle à 95 %)
column-against-arm = Outil contraire au bras (intervalle à 95 %)
arm-row = { $group }, { $arm ->
        [ai] avec IA
       *[no_ai] sans IA
    }
effect-row = { $group } : IA contre sans IA ({ $verdict ->
        [faster] plus rapide
        [slower] plus lent
        [no_clear_difference] pas de différence nette
       *[not_enough_reports] pas assez de rapports
    })
hidden = masqué
no-interval = pas encore d'intervalle
before-after-caption = Résultat ressenti des tâches et outils du pilote, selon le choix de chacun : les semaines avant le pilote ({ $from } à { $to }) à côté de celles du pilote.
before-arm = Avant le pilote, { $arm ->
        [ai] avec IA
       *[no_ai] sans IA
    }
during-arm = Pendant le pilote, { $arm ->
        [ai] avec IA
       *[no_ai] sans IA
    }

## Nombres

interval = { $value } ({ $low } à { $high })
ratio = { $ratio } ×
percent = { $percent } %

## Le graphique

chart-felt = Ressenti : IA − sans IA
chart-time = Durée : IA ÷ sans IA (log)
