# The team map and the heatmaps (SPEC §5, §9): the words of the wasm
# module crates/team-map, which draws the Team map page and the map on My
# map. Keep every id and every { $variable }; change the words and their
# order freely. A { " " } at the start or end of a message is a space the
# page needs there (Fluent drops spaces written plainly at either end):
# keep it. Where a number agrees with a noun, use a select on it with your
# language's plural categories, even where English writes "report(s)".
# How to check your file: crates/catalog/README.md.

retired = { $label } (plus disponible)
team-lede = Là où l'IA aide et là où elle nuit, par type de tâche, d'après les rapports de tous, comparés à la colonne « Pas d'IA ». Seules les semaines terminées sont affichées. Sélectionnez une cellule pour en voir le détail.
team-compare = { " " }Comparer côte à côte l'utilisation imposée et l'utilisation choisie
team-loading = Chargement de la carte de l'équipe…
team-loading-comparison = Chargement de la comparaison…
team-comparison-wider = La comparaison couvre toute l'organisation sur cette période : en plus de la période, le serveur ne publie qu'un filtre à la fois.
told-to = Utilisation imposée
chose-to = Utilisation choisie
team-weeks = Semaines { $from } à { $to }.{ " " }
team-reports = { $count ->
        [one] { $count } rapport.
        [many] { $count } de rapports.
       *[other] { $count } rapports.
    }{ " " }
team-shown-cells = Cellules affichées : { $count ->
        [one] { $count } rapport
        [many] { $count } de rapports
       *[other] { $count } rapports
    }. Le total n'est pas indiqué, car il permettrait de déduire les cellules masquées.{ " " }
team-not-enough = Pas assez de rapports pour afficher cette vue.{ " " }
team-hidden-rule = Les groupes de moins de { $k ->
        [one] { $k } rapport
        [many] { $k } de rapports
       *[other] { $k } rapports
    } sont masqués, de même que tout ce qu'une vue plus large, moins celle-ci, révélerait.
team-noise = Chaque appareil rend son résultat aléatoire avant de l'envoyer (réponse randomisée, ε = { $epsilon }) : un rapport donné peut donc n'être que du bruit ; les moyennes et les proportions sont corrigées en conséquence, et les intervalles sont plus larges.{ " " }
team-download = Télécharger ce qui est affiché :{ " " }
filter-legend = Afficher
filter-period = Période
filter-team = Équipe
filter-complexity = Complexité
filter-mandated = Pourquoi l'IA a été utilisée
filter-effort = Effort de vérification
filter-all-periods = Toutes les semaines terminées
filter-all-teams = Toutes les équipes
filter-any-complexity = Toute complexité
filter-any-mandated = Imposée ou non
filter-any-effort = Tout effort de vérification
filter-no-reports = { " " }— aucun rapport
filter-too-few = { " " }— trop peu de rapports pour l'afficher
filter-hint = Un seul filtre à la fois en plus de la période : en choisir un autre le remplace. Les choix grisés afficheraient moins de { $k ->
        [one] { $k } rapport
        [many] { $k } de rapports
       *[other] { $k } rapports
    } ou permettraient de combiner des vues pour isoler une personne.
period-quarter = { $quarter } { $year }
period-month = { $month ->
        [1] Janvier
        [2] Février
        [3] Mars
        [4] Avril
        [5] Mai
        [6] Juin
        [7] Juillet
        [8] Août
        [9] Septembre
        [10] Octobre
        [11] Novembre
       *[12] Décembre
    } { $year }
cell-with = { $task } avec { $tool }
cell-reports = { $count ->
        [one] { $count } rapport.
        [many] { $count } de rapports.
       *[other] { $count } rapports.
    }
cell-helped = A aidé dans { $share } des rapports (intervalle à 95 % { $low } à { $high }).
cell-vs-baseline = Résultat moyen { $diff } par rapport à Pas d'IA sur la même tâche.
cell-no-reasons = Aucune raison indiquée.
cell-outcomes = Résultats
cell-why-not = Pourquoi ça n'a pas aidé
cell-effort = Effort de vérification
cell-by-period = Résultat moyen par période
cell-hidden = Pas assez de rapports pour afficher cette cellule sans risquer d'isoler une personne.
cell-loading = Chargement…
cell-effort-one-filter = L'effort de vérification s'affiche pour une période sans autre filtre : en plus de la période, le serveur ne publie qu'un filtre à la fois.
cell-close = Fermer
cell-line = { $label } : { $value }
cell-distribution = Répartition des résultats ; les effectifs figurent à côté de chaque barre.
heatmap-table = Afficher sous forme de tableau
heatmap-task = Tâche
heatmap-label = { $title } : carte de chaleur du résultat moyen par tâche et par outil ; les mêmes chiffres figurent dans le tableau ci-dessous.
heatmap-much-worse = −2 bien pire
heatmap-helped-a-lot = +2 a beaucoup aidé
heatmap-legend = Chaque cellule : résultat moyen, n (le nombre de rapports) et l'écart avec Pas d'IA sur la même tâche. Plus l'intervalle à 95 % d'une cellule est large, plus elle est pâle.
cell-no-reports = aucun rapport
cell-not-enough = pas assez de rapports
cell-not-enough-1 = pas assez
cell-not-enough-2 = de rapports
cell-n = n = { $n }
cell-vs-no-ai = { $diff } vs sans IA
cell-mean = moyenne { $mean } sur { $n ->
        [one] { $n } rapport
        [many] { $n } de rapports
       *[other] { $n } rapports
    }
cell-share = a aidé dans { $share } des cas (intervalle à 95 % { $low }–{ $high })
cell-against-no-ai = { $diff } par rapport à Pas d'IA
cell-button = { $shown }{ $task } avec { $tool } : { $description }. Ouvrir le détail.
percent = { $value } %

## A report's answers in words (the filters, a cell's detail)

# The baseline "tool": the task was done without AI.
no-ai = Pas d'IA
# The outcome scale by its place, 0 (much worse) to 4 (helped a lot).
outcome = { $index ->
         [0] Bien pire
         [1] M'a ralenti
         [2] Aucune différence
         [3] A aidé
        *[4] A beaucoup aidé
    }
# How much the AI's output had to be checked and fixed, by its id. An id this version does not know is shown as it is.
effort = { $id ->
         [low] Peu de vérification
         [medium] Un peu de vérification
         [high] Beaucoup de vérification et de corrections
        *[other] { $id }
    }
# How hard the task was, by its id. An id this version does not know is shown as it is.
complexity = { $id ->
         [routine] Routinière
         [complex] Complexe
        *[other] { $id }
    }
# Why AI did not help, by its id. An id this version does not know is shown as it is.
reason = { $id ->
         [checking] Vérifier le résultat a pris longtemps
         [context] L'outil manquait de contexte
         [wrong] Le résultat était faux ou peu fiable
         [redo] J'ai dû le refaire moi-même
         [friction] Lent, en panne ou gênant
        *[other] { $id }
    }

## Why the map could not be loaded or drawn

catalog-failed = Cette carte s'affiche en anglais : sa traduction ({ $language }) n'a pas pu être chargée ({ $reason ->
        [unreachable] le serveur était injoignable
        [status] le serveur a répondu HTTP { $status }
       *[other] elle a été faite pour une autre version de Candor
    }).
team-unreachable = La carte d'équipe n'a pas pu être chargée : l'agrégat n'a pas pu être récupéré à l'adresse { $url } : { $why }.
team-status = La carte d'équipe n'a pas pu être chargée : aucun agrégat à l'adresse { $url } (HTTP { $status }).
team-not-a-map = La réponse du serveur de synchronisation n'était pas une carte d'équipe ({ $why }).
config-failed = La carte n'a pas pu être dessinée : candor.json n'a pas pu être lu ({ $why }).
config-status = HTTP { $status }
browser-no-reason = le navigateur n'a donné aucune raison
not-json = ce n'est pas du JSON
field-missing = { $field } manque
field-not-count = { $field } n'est pas un effectif
field-not-number = { $field } n'est pas un nombre
field-not-list = { $field } n'est pas une liste
field-not-week = { $field } n'est pas une semaine
