# Die Seite „Piloten“ für Führungskräfte (SPEC §10). Siehe die Hinweise im
# englischen Original (locales/en/pilot-results.ftl).

## Zustände der Seite

loading = Piloten werden geladen …
no-pilots = Es sind keine Piloten eingerichtet. Ein Betreiber legt sie in candor.json unter "pilots" an: jeder mit einer ID, einer Bezeichnung, seinen Aufgaben und Werkzeugen, seiner ersten und letzten Woche (from, to) und der Angabe, ob der Arm jeder Aufgabe per Münzwurf bestimmt wird (randomize); siehe SPEC §10.
no-sync = Diese Installation hat keinen Sync-Server, daher gibt es keine Pilotergebnisse: Berichte bleiben auf dem jeweiligen Gerät.
load-failed = Die Piloten konnten nicht geladen werden: { $why }
retry = Erneut versuchen
catalog-failed = Diese Seite wird auf Englisch angezeigt: Ihre Übersetzung ({ $language }) konnte nicht geladen werden ({ $reason ->
        [unreachable] der Server war nicht erreichbar
        [status] der Server antwortete mit HTTP { $status }
       *[other] sie wurde für eine andere Version von Candor erstellt
    }).

## Warum die Piloten nicht geladen werden konnten

browser-no-reason = der Browser hat keinen Grund genannt
server-unreachable = der Sync-Server war unter { $url } nicht erreichbar ({ $why }).
no-window = es gibt kein Fenster.
server-said = der Sync-Server antwortete: { $message } (HTTP { $status }).
server-status = der Sync-Server antwortete unter { $url } mit HTTP { $status }.
not-json = es ist kein JSON
not-pilot-list = die Antwort unter { $url } ist keine Liste von Piloten ({ $why }).
not-pilot-results = die Antwort unter { $url } enthält keine Ergebnisse eines Piloten ({ $why }).
field-missing = { $field } fehlt
field-not-text = { $field } ist kein Text
field-not-number = { $field } ist keine Zahl
field-not-count = { $field } ist keine Anzahl
field-not-boolean = { $field } ist weder true noch false
field-not-list = { $field } ist keine Liste
field-unknown-value = { $field } "{ $value }" ist dieser Seite unbekannt
field-not-week = { $field } "{ $value }" ist keine Woche
field-bad-arm = Arm "{ $value }" ist weder ai noch no_ai
field-non-text-id = { $field } enthält eine ID, die kein Text ist

## Der Abschnitt eines Piloten

weeks-counted = Wochen { $from } bis { $to }; bisher gezählt: { $counted_from } bis { $counted_to } (abgeschlossene Wochen).
weeks-none-counted = Wochen { $from } bis { $to }; noch keine Woche ist abgeschlossen, daher ist nichts gezählt.
design-randomized = Randomisiert: Für jede Aufgabe hat eine Münze auf dem Gerät der Person entschieden, ob sie mit oder ohne KI erledigt wird.
design-chosen = Nicht randomisiert: ein Vergleich dessen, was die Leute gewählt haben – schwächer als eine randomisierte Studie. Wer KI gewählt hat, kann sich von den anderen auf eine Weise unterscheiden, die auch die Zeiten verändert.
by-task = Nach Aufgabe
task-verdict = { $task }: { $verdict }
task-retired = { $task } (nicht mehr verwendet)
whole-pilot = Gesamter Pilot
side-by-side = Empfunden und gemessen im Vergleich
before-and-during = Vor und während des Piloten
download-intro = Herunterladen, was angezeigt wird:
download-as = { $pilot } als { $format } herunterladen
hidden-note = „verborgen“: eine Gruppe mit weniger als { $k } { $k ->
        [one] Bericht
       *[other] Berichten
    } oder eine, aus deren Anzahl sich eine solche Gruppe erschließen ließe (SPEC §5). Ihre Größe wird nicht angegeben.

## Das Ergebnis in einem Satz

verdict-not-enough = Noch nicht genug Berichte für ein Ergebnis: Jeder Arm braucht mindestens { $k } { $k ->
        [one] Bericht
       *[other] Berichte
    } aus abgeschlossenen Wochen sowie Zeiten, die sich unterscheiden.
verdict-clear-felt = Mit KI { $felt ->
        [faster] fühlten sich die Leute schneller
        [slower] fühlten sich die Leute langsamer
       *[unclear] spürten die Leute keinen klaren Unterschied
    } (empfunden { $diff }, 95-%-Intervall { $low } bis { $high }), gemessen waren sie { $verdict ->
        [slower] langsamer
       *[faster] schneller
    }: Aufgaben dauerten, gemessen an der Schätzung, { $ratio } so lange wie ohne KI (95-%-Intervall { $ratio_low } bis { $ratio_high }).
verdict-clear = Gemessen waren die Leute mit KI { $verdict ->
        [slower] langsamer
       *[faster] schneller
    }: Aufgaben dauerten, gemessen an der Schätzung, { $ratio } so lange wie ohne KI (95-%-Intervall { $ratio_low } bis { $ratio_high }).
verdict-unclear-felt = Mit KI { $felt ->
        [faster] fühlten sich die Leute schneller
        [slower] fühlten sich die Leute langsamer
       *[unclear] spürten die Leute keinen klaren Unterschied
    } (empfunden { $diff }, 95-%-Intervall { $low } bis { $high }); gemessen wurde kein klarer Unterschied: Aufgaben dauerten, gemessen an der Schätzung, { $ratio } so lange wie ohne KI, und das 95-%-Intervall, { $ratio_low } bis { $ratio_high }, enthält 1.{ $more ->
        [0] {""}
        [one] {" "}Etwa { $more } weiterer Bericht würde dieses Intervall halb so breit machen.
       *[other] {" "}Etwa { $more } weitere Berichte würden dieses Intervall halb so breit machen.
    }
verdict-unclear = Bei der Zeit wurde kein klarer Unterschied gemessen: Aufgaben dauerten, gemessen an der Schätzung, { $ratio } so lange wie ohne KI, und das 95-%-Intervall, { $ratio_low } bis { $ratio_high }, enthält 1.{ $more ->
        [0] {""}
        [one] {" "}Etwa { $more } weiterer Bericht würde dieses Intervall halb so breit machen.
       *[other] {" "}Etwa { $more } weitere Berichte würden dieses Intervall halb so breit machen.
    }
disagree-felt-faster = Empfunden und gemessen widersprechen sich: schneller empfunden, langsamer gemessen. Wie sich KI anfühlt, sagt nicht, wie lange die Aufgaben gedauert haben.
disagree-felt-slower = Empfunden und gemessen widersprechen sich: langsamer empfunden, schneller gemessen. Wie sich KI anfühlt, sagt nicht, wie lange die Aufgaben gedauert haben.

## Die Tabelle

table-caption = { $pilot }: empfunden und gemessen, nach Arm. Empfunden: das mittlere Ergebnis, −2 (viel schlechter) bis +2 (hat sehr geholfen). Zeit: tatsächliche Minuten ÷ geschätzte Minuten, geometrisches Mittel; über 1 ist langsamer.
column-group = Gruppe
column-reports = Berichte
column-felt = Empfunden (95-%-Intervall)
column-time = Dauer ÷ Schätzung (95-%-Intervall)
column-against-arm = Werkzeug entgegen dem Arm (95-%-Intervall)
arm-row = { $group }, { $arm ->
        [ai] mit KI
       *[no_ai] ohne KI
    }
effect-row = { $group }: KI gegenüber ohne KI ({ $verdict ->
        [faster] schneller
        [slower] langsamer
        [no_clear_difference] kein klarer Unterschied
       *[not_enough_reports] nicht genug Berichte
    })
hidden = verborgen
no-interval = noch kein Intervall
before-after-caption = Empfundenes Ergebnis der Aufgaben und Werkzeuge des Piloten, nach eigener Wahl: die Wochen vor dem Piloten ({ $from } bis { $to }) neben denen des Piloten.
before-arm = Vor dem Piloten, { $arm ->
        [ai] mit KI
       *[no_ai] ohne KI
    }
during-arm = Während des Piloten, { $arm ->
        [ai] mit KI
       *[no_ai] ohne KI
    }

## Zahlen

interval = { $value } ({ $low } bis { $high })
ratio = { $ratio }×
percent = { $percent } %

## Das Diagramm

chart-felt = Empfunden: KI − ohne KI
chart-time = Zeit: KI ÷ ohne KI (log)
