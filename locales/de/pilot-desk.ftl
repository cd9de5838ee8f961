# Der Pilot-Bereich auf der Seite „Melden“ (SPEC §10). Siehe die Hinweise im
# englischen Original (locales/en/pilot-desk.ftl).

## Der Bereich

heading = Piloten
privacy-hint = Die Teilnahme wird nur auf diesem Gerät gespeichert. Nichts wird gesendet, bis Sie eine Aufgabe abschließen, und dann nur ihr Bericht.
pilot-randomized = – eine randomisierte Studie: Für jede Aufgabe sagt eine Münze auf diesem Gerät, ob mit oder ohne KI.
pilot-chosen = – Sie wählen das Werkzeug für jede Aufgabe wie gewohnt.
join = Teilnehmen
leave = Verlassen
join-pilot = An { $pilot } teilnehmen
leave-pilot = { $pilot } verlassen
catalog-failed = Die Piloten werden auf Englisch angezeigt: Ihre Übersetzung ({ $language }) konnte nicht geladen werden ({ $reason ->
        [unreachable] der Server war nicht erreichbar
        [status] der Server antwortete mit HTTP { $status }
       *[other] sie wurde für eine andere Version von Candor erstellt
    }).

## Eine Aufgabe beginnen

start-heading = Eine Pilot-Aufgabe beginnen
pilot-legend = Pilot
task-legend = Aufgabe
forecast-legend = Wie lange wird es dauern, so wie Sie es sonst machen?
start = Beginnen
join-first = Nehmen Sie zuerst an einem Piloten teil und wählen Sie ihn aus.
choose-task-and-forecast = Wählen Sie die Aufgabe und wie lange sie voraussichtlich dauert, dann „Beginnen“.
instruction = { $arm ->
        [ai] Erledigen Sie diese mit KI
        [no_ai] Erledigen Sie diese ohne KI
       *[none] Machen Sie es wie gewohnt
    }
started = Begonnen. { $arm ->
        [ai] Erledigen Sie diese mit KI
        [no_ai] Erledigen Sie diese ohne KI
       *[none] Machen Sie es wie gewohnt
    }. Sie wartet unten, bis Sie sie abschließen.

## Dauern

minutes = { $minutes } Min.
hours = { $hours } Std.
hours-minutes = { $hours } Std. { $minutes }

## Offene Aufgaben

open-heading = Offene Pilot-Aufgaben
open-task-about = { $task } · geschätzt { $forecast } · { $pilot }
pilot-ended = Dieser Pilot ist beendet: Die Aufgabe kann nur noch verworfen werden
finish = Abschließen
drop = Verwerfen
finish-task = Abschließen: { $task }
drop-task = Verwerfen: { $task }
dropped = Verworfen.

## Eine Aufgabe abschließen

actual-legend = Wie lange hat es gedauert?
tool-legend = Welches Werkzeug haben Sie verwendet?
no-ai = Keine KI
against-coin = Das hat die Münze nicht gesagt; geben Sie an, was Sie wirklich verwendet haben. Es zählt trotzdem im Arm der Münze.
outcome-legend = Wie lief es? (Tasten 1–5)
outcome-much-worse = Viel schlechter
outcome-slowed-me = Hat mich gebremst
outcome-no-difference = Kein Unterschied
outcome-helped = Hat geholfen
outcome-helped-a-lot = Hat sehr geholfen
file-report = Bericht abgeben
not-now = Nicht jetzt
choose-open-task = Wählen Sie eine Aufgabe zum Abschließen.
choose-actual = Wählen Sie, wie lange es gedauert hat.
choose-tool = Wählen Sie das verwendete Werkzeug (oder „Keine KI“).
choose-outcome = Wählen Sie, wie es lief: Tasten 1–5.
filed = Abgegeben.
filed-sent = Er wird mit Ihren anderen Berichten gesendet.
undo = Rückgängig
undone = Rückgängig gemacht: Die Aufgabe ist wieder offen.

## Fehler

not-filed = Nicht abgegeben: { $reason }
undo-failed = Konnte nicht rückgängig machen: { $reason }
not-kept = Konnte dies nicht auf dem Gerät speichern ({ $reason }); es bleibt erhalten, bis die Seite geschlossen wird.
no-storage = dieser Browser bietet keinen lokalen Speicher
no-reason = die App hat keinen Grund genannt
load-failed = Die Piloten konnten nicht geladen werden: { $reason }. Laden Sie die Seite neu, um es erneut zu versuchen.
no-window = kein Fenster
config-status = candor.json antwortete mit { $status }
config-not-json = candor.json ist kein gültiges JSON
config-bad-week = `{ $field }` eines Piloten ist keine Woche
