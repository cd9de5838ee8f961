# The team map and the heatmaps (SPEC §5, §9): the words of the wasm
# module crates/team-map, which draws the Team map page and the map on My
# map. Keep every id and every { $variable }; change the words and their
# order freely. A { " " } at the start or end of a message is a space the
# page needs there (Fluent drops spaces written plainly at either end):
# keep it. Where a number agrees with a noun, use a select on it with your
# language's plural categories, even where English writes "report(s)".
# How to check your file: crates/catalog/README.md.

retired = { $label } (nicht mehr verwendet)
team-lede = Wo KI hilft und wo sie schadet, nach Art der Aufgabe, aus den Berichten aller, verglichen mit der Spalte „Keine KI“. Nur abgeschlossene Wochen werden angezeigt. Wählen Sie eine Zelle für Details.
team-compare = { " " }Vorgegebene und selbst gewählte Nutzung nebeneinander vergleichen
team-loading = Teamkarte wird geladen …
team-loading-comparison = Vergleich wird geladen …
team-comparison-wider = Der Vergleich umfasst in diesem Zeitraum die gesamte Organisation: Der Server veröffentlicht neben dem Zeitraum jeweils nur einen Filter.
told-to = Nutzung vorgegeben
chose-to = Nutzung selbst gewählt
team-weeks = Wochen { $from } bis { $to }.{ " " }
team-reports = { $count ->
        [one] { $count } Bericht.
       *[other] { $count } Berichte.
    }{ " " }
team-shown-cells = Angezeigte Zellen: { $count ->
        [one] { $count } Bericht
       *[other] { $count } Berichte
    }. Die Gesamtzahl wird zurückgehalten, da sich aus ihr die verborgenen Zellen errechnen ließen.{ " " }
team-not-enough = Nicht genug Berichte für diese Ansicht.{ " " }
team-hidden-rule = Gruppen mit weniger als { $k ->
        [one] { $k } Bericht
       *[other] { $k } Berichten
    } werden verborgen, ebenso alles, was eine breitere Ansicht abzüglich dieser offenlegen würde.
team-noise = Jedes Gerät verändert sein Ergebnis vor dem Senden zufällig (Randomized Response, ε = { $epsilon }), daher kann jeder einzelne Bericht Rauschen sein; Mittelwerte und Anteile werden entsprechend korrigiert, und die Intervalle sind breiter.{ " " }
team-download = Herunterladen, was angezeigt wird:{ " " }
filter-legend = Anzeigen
filter-period = Zeitraum
filter-team = Team
filter-complexity = Komplexität
filter-mandated = Warum KI genutzt wurde
filter-effort = Prüfaufwand
filter-all-periods = Alle abgeschlossenen Wochen
filter-all-teams = Alle Teams
filter-any-complexity = Jede Komplexität
filter-any-mandated = Vorgegeben oder nicht
filter-any-effort = Jeder Prüfaufwand
filter-no-reports = { " " }– keine Berichte
filter-too-few = { " " }– zu wenige Berichte für eine Anzeige
filter-hint = Neben dem Zeitraum gilt jeweils nur ein Filter: Eine andere Auswahl ersetzt ihn. Ausgegraute Optionen würden weniger als { $k ->
        [one] { $k } Bericht
       *[other] { $k } Berichte
    } zeigen oder es erlauben, Ansichten so zu kombinieren, dass einzelne Personen erkennbar werden.
period-quarter = { $quarter } { $year }
period-month = { $month ->
        [1] Januar
        [2] Februar
        [3] März
        [4] April
        [5] Mai
        [6] Juni
        [7] Juli
        [8] August
        [9] September
        [10] Oktober
        [11] November
       *[12] Dezember
    } { $year }
cell-with = { $task } mit { $tool }
cell-reports = { $count ->
        [one] { $count } Bericht.
       *[other] { $count } Berichte.
    }
cell-helped = Hat in { $share } der Berichte geholfen (95-%-Intervall { $low } bis { $high }).
cell-vs-baseline = Mittleres Ergebnis { $diff } gegenüber „Keine KI“ bei derselben Aufgabe.
cell-no-reasons = Keine Gründe angegeben.
cell-outcomes = Ergebnisse
cell-why-not = Warum es nicht geholfen hat
cell-effort = Prüfaufwand
cell-by-period = Mittleres Ergebnis nach Zeitraum
cell-hidden = Nicht genug Berichte, um diese Zelle anzuzeigen, ohne dass einzelne Personen erkennbar werden könnten.
cell-loading = Wird geladen …
cell-effort-one-filter = Der Prüfaufwand wird für einen Zeitraum ohne weiteren Filter angezeigt: Der Server veröffentlicht neben dem Zeitraum jeweils nur einen Filter.
cell-close = Schließen
cell-line = { $label }: { $value }
cell-distribution = Verteilung der Ergebnisse; die Anzahlen stehen neben jedem Balken.
heatmap-table = Als Tabelle anzeigen
heatmap-task = Aufgabe
heatmap-label = { $title }: Heatmap des mittleren Ergebnisses nach Aufgabe und Werkzeug; dieselben Zahlen stehen in der Tabelle darunter.
heatmap-much-worse = −2 viel schlechter
heatmap-helped-a-lot = +2 hat sehr geholfen
heatmap-legend = Jede Zelle: mittleres Ergebnis, n (die Anzahl der Berichte) und der Unterschied zu „Keine KI“ bei derselben Aufgabe. Je breiter das 95-%-Intervall einer Zelle, desto blasser ist sie.
cell-no-reports = keine Berichte
cell-not-enough = nicht genug Berichte
cell-not-enough-1 = nicht genug
cell-not-enough-2 = Berichte
cell-n = n = { $n }
cell-vs-no-ai = { $diff } vs. ohne KI
cell-mean = Mittelwert { $mean } aus { $n ->
        [one] { $n } Bericht
       *[other] { $n } Berichten
    }
cell-share = bei { $share } geholfen (95-%-Intervall { $low }–{ $high })
cell-against-no-ai = { $diff } gegenüber „Keine KI“
cell-button = { $shown }{ $task } mit { $tool }: { $description }. Details öffnen.
percent = { $value } %

## A report's answers in words (the filters, a cell's detail)

# The baseline "tool": the task was done without AI.
no-ai = Keine KI
# The outcome scale by its place, 0 (much worse) to 4 (helped a lot).
outcome = { $index ->
         [0] Viel schlechter
         [1] Hat mich gebremst
         [2] Kein Unterschied
         [3] Hat geholfen
        *[4] Hat sehr geholfen
    }
# How much the AI's output had to be checked and fixed, by its id. An id this version does not know is shown as it is.
effort = { $id ->
         [low] Wenig Prüfung
         [medium] Etwas Prüfung
         [high] Viel Prüfen und Korrigieren
        *[other] { $id }
    }
# How hard the task was, by its id. An id this version does not know is shown as it is.
complexity = { $id ->
         [routine] Routine
         [complex] Komplex
        *[other] { $id }
    }
# Why AI did not help, by its id. An id this version does not know is shown as it is.
reason = { $id ->
         [checking] Das Prüfen der Ausgabe dauerte lange
         [context] Dem Werkzeug fehlte Kontext
         [wrong] Die Ausgabe war falsch oder unzuverlässig
         [redo] Ich musste es selbst neu machen
         [friction] Langsam, fehlerhaft oder im Weg
        *[other] { $id }
    }

## Why the map could not be loaded or drawn

catalog-failed = Diese Karte wird auf Englisch angezeigt: Ihre Übersetzung ({ $language }) konnte nicht geladen werden ({ $reason ->
        [unreachable] der Server war nicht erreichbar
        [status] der Server antwortete mit HTTP { $status }
       *[other] sie wurde für eine andere Version von Candor erstellt
    }).
team-unreachable = Die Teamkarte konnte nicht geladen werden: Die Auswertung war unter { $url } nicht abrufbar: { $why }.
team-status = Die Teamkarte konnte nicht geladen werden: Unter { $url } wurde keine Auswertung gefunden (HTTP { $status }).
team-not-a-map = Die Antwort des Sync-Servers war keine Teamkarte ({ $why }).
config-failed = Die Karte konnte nicht gezeichnet werden: candor.json war nicht lesbar ({ $why }).
config-status = HTTP { $status }
browser-no-reason = der Browser hat keinen Grund genannt
not-json = es ist kein JSON
field-missing = { $field } fehlt
field-not-count = { $field } ist keine Anzahl
field-not-number = { $field } ist keine Zahl
field-not-list = { $field } ist keine Liste
field-not-week = { $field } ist keine Woche
