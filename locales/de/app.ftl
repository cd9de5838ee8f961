# Candors eigene Texte (SPEC §9), nach Seiten gruppiert. Siehe die Hinweise
# im englischen Original (locales/en/app.ftl). Anrede: Sie.

## Überall: Kopfzeile, Sprachwahl, Hinweise

brand = Candor
promise = { " " }– sagen Sie, ob KI bei der Aufgabe geholfen hat, die Sie gerade erledigt haben. Anonym: Nichts hier verrät, wer Sie sind.
nav-label = Hauptnavigation
nav-file = Bericht abgeben
nav-history = Verlauf
nav-my-map = Meine Karte
nav-team-map = Teamkarte
nav-pilots = Piloten
language = Sprache
loading-app = Candor wird geladen …
page-not-found = Seite nicht gefunden
dismiss = Schließen
catalog-not-loaded = Die Übersetzung ({ $language }) konnte nicht geladen werden ({ $reason }), daher wird Candor auf Englisch angezeigt. Laden Sie die Seite neu, um es noch einmal zu versuchen.

## Wenn candor.json nicht verwendet werden kann

config-error-title = Candor kann nicht starten: Es gibt ein Problem mit der Konfigurationsdatei
config-error-unreachable = Prüfen Sie Ihre Verbindung und laden Sie die Seite neu. Wenn das Problem bestehen bleibt, wenden Sie sich an die Person, die Candor hier betreibt.
config-error-missing = Wer Candor hier betreibt, muss candor.json neben index.html ablegen.
config-error-invalid = Wer Candor hier betreibt, muss candor.json korrigieren; die Meldung oben nennt das betroffene Feld.
config-error-safe = Bereits auf diesem Gerät gespeicherte Berichte sind sicher; es wurde nichts verändert.

## Bericht abgeben (das Formular)

form-title = Wie hat KI bei der Aufgabe abgeschnitten, die Sie gerade abgeschlossen haben?
form-task = Um welche Art von Aufgabe ging es?
form-tool = Welches KI-Werkzeug haben Sie verwendet?
form-team = Ihr Team
form-more = Weitere Angaben (optional)
form-effort = Wie aufwendig war es, die Ausgabe der KI zu prüfen und zu korrigieren?
form-why-tool = Warum dieses Werkzeug?
form-complexity = Die Aufgabe war
outcome-legend = Wie lief es?{ " " }
outcome-hint = Tasten 1–5, dann Enter zum Speichern
reasons-legend = Warum hat es nicht geholfen?{ " " }
reasons-hint = Bis zu drei, optional
mandated-chosen = Meine eigene Wahl
mandated-told = Es wurde mir vorgegeben
form-save = Speichern{ " " }
key-enter = Enter
form-saved = Gespeichert.
form-undo = Rückgängig
form-undone = Rückgängig gemacht: Der Bericht wurde entfernt.
form-kept-nowhere = Der Verlauf ist auf diesem Gerät ausgeschaltet, und diese Installation hat keinen Sync-Server: Ein Bericht würde nirgends gespeichert. Schalten Sie den Verlauf unter „Verlauf“ wieder ein, um Berichte abzugeben.
privacy-note = Erfasst wird nur die Woche, nie Tag oder Uhrzeit. Ihr Bericht enthält keinen Namen, kein Konto und keine Geräte-ID.
privacy-randomized = { " " }Vor dem Senden wird Ihre Antwort auf diesem Gerät zufällig verändert, sodass kein einzelner Bericht beim Wort genommen werden kann.
form-missing-task = Wählen Sie zuerst die Art der Aufgabe.
form-missing-tool = Wählen Sie das verwendete Werkzeug (oder „Keine KI“).
form-missing-outcome = Wählen Sie, wie es lief: Tasten 1–5.
form-saved-not-kept = Zum Senden gespeichert, aber nicht in Ihren Verlauf übernommen: { $error }.
form-not-saved = Nicht gespeichert: { $error }.
form-undo-failed = Rückgängigmachen nicht möglich: { $error }.
pilot-not-kept = Der Bericht wurde nicht in Ihren Verlauf übernommen: { $error }.
link-ignored = { $field ->
        [task] Der Link verwies auf die Aufgabe „{ $id }“, die diese Installation nicht anbietet; die Angabe wurde ignoriert.
       *[tool] Der Link verwies auf das Werkzeug „{ $id }“, das diese Installation nicht anbietet; die Angabe wurde ignoriert.
    }

## Verlauf

history-title = Verlauf
history-lede = Ihre eigenen Berichte, nur in diesem Browser gespeichert.
history-off = Der Verlauf ist auf diesem Gerät ausgeschaltet: Berichte, die Sie abgeben, werden hier nicht gespeichert.
history-keep = Verlauf auf diesem Gerät speichern
history-export = Als JSON exportieren
history-import = JSON importieren …
history-erase = Alles löschen …
history-stop = Verlauf auf diesem Gerät nicht mehr speichern …
history-erase-yes = Ja, löschen
history-cancel = Abbrechen
history-empty = Auf diesem Gerät sind keine Berichte gespeichert.
history-count = { $count ->
        [one] { $count } Bericht
       *[other] { $count } Berichte
    }, neueste Woche zuerst.
history-erase-question = { $count ->
        [one] Den einen auf diesem Gerät gespeicherten Bericht löschen?
       *[other] Alle { $count } auf diesem Gerät gespeicherten Berichte löschen?
    } Das lässt sich nicht rückgängig machen. Exportieren Sie vorher, wenn Sie eine Kopie behalten möchten.
history-stop-question = Den Verlauf hier nicht mehr speichern? { $count ->
        [0] Neue Berichte werden dann nicht gespeichert.
        [one] Dadurch wird der eine auf diesem Gerät gespeicherte Bericht gelöscht, und neue Berichte werden nicht gespeichert. Exportieren Sie vorher, wenn Sie eine Kopie behalten möchten.
       *[other] Dadurch werden die { $count } auf diesem Gerät gespeicherten Berichte gelöscht, und neue Berichte werden nicht gespeichert. Exportieren Sie vorher, wenn Sie eine Kopie behalten möchten.
    }
history-erased = Gelöscht: Auf diesem Gerät sind keine Berichte mehr gespeichert.
history-erase-failed = Löschen nicht möglich: { $error }.
history-unreadable-file = Die Datei konnte nicht gelesen werden.
history-import-failed = Es wurde nichts importiert: { $error }.
history-export-failed = Export fehlgeschlagen: { $error }
history-imported = Importiert: { $added ->
        [one] { $added } neuer Bericht
       *[other] { $added } neue Berichte
    }; { $duplicates ->
        [one] { $duplicates } war bereits vorhanden
       *[other] { $duplicates } waren bereits vorhanden
    }; { $rejected } abgelehnt.
history-import-entry = Eintrag { $entry }: { $error }
history-import-result = Importergebnis
sync-panel = Übermittlung an die Teamkarte
sync-all-sent = Alle hier abgegebenen Berichte wurden gesendet.
sync-waiting = { $count ->
        [one] { $count } Bericht wartet
       *[other] { $count } Berichte warten
    } auf den Versand. Berichte werden nach einer zufälligen Verzögerung in gemischten Stapeln gesendet, sodass der Zeitpunkt ihres Eintreffens nichts darüber verrät, wann sie abgegeben wurden.
sync-retrying = { $count ->
        [one] { $count } Bericht wartet
       *[other] { $count } Berichte warten
    }: { $reason }. Candor versucht es erneut; nichts geht verloren.
sync-waiting-token = { $count ->
        [one] { $count } Bericht wartet auf ein Token: { $reason }. Er bleibt hier und wird gesendet, sobald ein Token eintrifft; nichts geht verloren.
       *[other] { $count } Berichte warten auf ein Token: { $reason }. Sie bleiben hier und werden gesendet, sobald ein Token eintrifft; nichts geht verloren.
    }
sign-in-again = Erneut anmelden
not-accepted-title = Vom Server nicht angenommen
not-accepted = Vom Server nicht angenommen: { $reason }
send-again = Diese erneut senden
sent-again = { $count ->
        [one] { $count } Bericht
       *[other] { $count } Berichte
    } zum erneuten Senden eingereiht.
send-again-failed = Erneutes Einreihen nicht möglich: { $error }.
no-ai = Keine KI
retired = { $label } (nicht mehr verwendet)
told-to-use-it = Nutzung vorgegeben
delivery-waiting = { " " }– wartet auf den Versand
delivery-waiting-token = { " " }– wartet auf ein Token
delivery-sent = { " " }– gesendet
delivery-rejected = { " " }– nicht angenommen: { $reason }

## Meine Karte

my-map-title = Meine Karte
my-map-lede = Wo KI zu Ihrer eigenen Arbeit gepasst hat, nach Art der Aufgabe. Nur Sie sehen das.
my-map-empty-start = Noch keine Berichte auf diesem Gerät.{ " " }
my-map-empty-link = Geben Sie einen ab
my-map-empty-end = { " " }und Ihre Karte beginnt sich zu füllen.
my-map-count = { $count ->
        [one] { $count } Bericht
       *[other] { $count } Berichte
    } auf diesem Gerät.{ " " }
my-map-read = Vergleichen Sie jedes Werkzeug mit der Spalte „Keine KI“ links.

## Teamkarte

team-title = Teamkarte
team-no-sync = Diese Installation hat keinen Sync-Server, daher gibt es keine Teamkarte. Ihre eigenen Berichte finden Sie unter „Meine Karte“.
team-loading = Teamkarte wird geladen …

## Die Filter der Teamkarte

## Eine geöffnete Zelle der Teamkarte

## Die Heatmap (Meine Karte und Teamkarte)

## Piloten

pilots-title = Piloten
pilots-loading = Piloten werden geladen …

## Hinweise zu Daten auf diesem Gerät und warum Berichte warten (Verlauf)

history-unreadable = Candor kann den Verlauf dieses Geräts nicht lesen: { $error }.
history-entries-aside = { $count ->
        [one] { $count } gespeicherter Bericht konnte nicht gelesen werden (Problem: { $error }). Er wurde unter „{ $key }“ gesondert abgelegt; der Rest Ihres Verlaufs ist in Ordnung.
       *[other] { $count } gespeicherte Berichte konnten nicht gelesen werden (erstes Problem: { $error }). Sie wurden unter „{ $key }“ gesondert abgelegt; der Rest Ihres Verlaufs ist in Ordnung.
    }
history-entries-lost = { $count ->
        [one] { $count } gespeicherter Bericht konnte nicht gelesen werden, und auch das gesonderte Ablegen ist fehlgeschlagen: { $error }.
       *[other] { $count } gespeicherte Berichte konnten nicht gelesen werden, und auch das gesonderte Ablegen ist fehlgeschlagen: { $error }.
    }
history-aside = Ihr gespeicherter Verlauf konnte nicht gelesen werden ({ $error }). Er wurde unverändert unter „{ $key }“ gesondert abgelegt, und Candor hat einen neuen Verlauf begonnen.
history-not-aside = Ihr gespeicherter Verlauf konnte weder gelesen ({ $error }) noch gesondert abgelegt werden ({ $aside }). Er liegt weiterhin unter „{ $key }“: Exportieren Sie ihn über die Entwicklertools des Browsers, bevor Sie einen Bericht abgeben, sonst ersetzt ihn der nächste Bericht.
prefs-aside = Ihre gespeicherten Einstellungen konnten nicht gelesen werden ({ $error }); sie wurden unter „{ $key }“ gesondert abgelegt und zurückgesetzt.
outbox-entries-aside = { $count ->
        [one] { $count } Bericht, der auf den Versand wartet, konnte nicht gelesen werden; er wurde unter „{ $key }“ gesondert abgelegt.
       *[other] { $count } Berichte, die auf den Versand warten, konnten nicht gelesen werden; sie wurden unter „{ $key }“ gesondert abgelegt.
    }
outbox-aside = Die Berichte, die auf den Versand warten, konnten nicht gelesen werden ({ $error }). Sie wurden unverändert unter „{ $key }“ gesondert abgelegt.
outbox-not-aside = Die Berichte, die auf den Versand warten, konnten weder gelesen ({ $error }) noch gesondert abgelegt werden ({ $aside }).
sync-unreachable = der Sync-Server war nicht erreichbar ({ $error })
sync-not-understood = die Antwort des Sync-Servers war nicht verständlich
sync-http = der Sync-Server antwortete mit HTTP { $status }
tokens-fetching = Tokens werden abgerufen
tokens-sign-in = Ihre Anmeldung ist abgelaufen; melden Sie sich erneut an, um Tokens zu erhalten
tokens-proof-invalid = die Tokens des Servers ließen sich mit seinem veröffentlichten Schlüssel nicht prüfen, daher wurde keines behalten (wenden Sie sich an Ihre Administration)
tokens-unavailable = { $why }; Candor versucht es erneut

no-ai-description = Ohne KI erledigt
catalog-unreachable = der Server war nicht erreichbar
catalog-status = der Server antwortete mit HTTP { $status }
catalog-other-version = er wurde für eine andere Version von Candor erstellt

## Die festen Antworten eines Berichts (Formular, Verlauf)

outcome-much-worse = Viel schlechter
outcome-worse = Hat mich gebremst
outcome-no-difference = Kein Unterschied
outcome-better = Hat geholfen
outcome-much-better = Hat sehr geholfen
effort-low = Wenig Prüfung
effort-medium = Etwas Prüfung
effort-high = Viel Prüfen und Korrigieren
complexity-routine = Routine
complexity-complex = Komplex
reason-checking = Das Prüfen der Ausgabe dauerte lange
reason-context = Dem Werkzeug fehlte Kontext
reason-wrong = Die Ausgabe war falsch oder unzuverlässig
reason-redo = Ich musste es selbst neu machen
reason-friction = Langsam, fehlerhaft oder im Weg
