# Candor's own words (SPEC §9), grouped by page. Keep every id and every
# { $variable }; change the words and their order freely. A { " " } at the
# start or end of a message is a space the page needs there (Fluent drops
# spaces written plainly at either end): keep it. Where a number
# agrees with a noun, use a select on it with your language's plural
# categories.
# How to check your file: crates/catalog/README.md.

## Everywhere: the header, the language switch, notices

# The product's name, shown in the header.
brand = Candor
# After the name in the header, as one sentence with it.
promise = { " " }— say whether AI helped on the task you just did. Anonymous: nothing here identifies you.
# The main navigation's name, read by screen readers.
nav-label = Main
nav-file = File a report
nav-history = History
nav-my-map = My map
nav-team-map = Team map
nav-pilots = Pilots
# Label of the language switch in the header.
language = Language
# Shown while the app starts.
loading-app = Loading Candor…
page-not-found = Page not found
# The button that closes a notice.
dismiss = Dismiss
# $language is the language's own name (e.g. Deutsch); $reason is one of
# the three messages after it. Shown in English, since the language's own
# catalog is what could not be loaded.
catalog-not-loaded = { $language } could not be loaded ({ $reason }), so Candor is shown in English. Reload to try again.
catalog-unreachable = the server could not be reached
catalog-status = the server answered HTTP { $status }
catalog-other-version = it was made for another version of Candor

## When candor.json cannot be used

config-error-title = Candor cannot start: its configuration file has a problem
config-error-unreachable = Check your connection and reload. If it keeps happening, tell whoever runs Candor here.
config-error-missing = Whoever runs Candor here needs to put candor.json next to index.html.
config-error-invalid = Whoever runs Candor here needs to fix candor.json; the message above names the field.
config-error-safe = Reports already saved on this device are safe; nothing was changed.

## File a report (the form)

form-title = How did AI do on the task you just finished?
form-task = What kind of task was it?
form-tool = Which AI tool did you use?
form-team = Your team
form-more = More detail (optional)
form-effort = Checking and fixing the AI's output took
form-why-tool = Why this tool?
form-complexity = The task was
outcome-legend = How did it go?{ " " }
# 1–5 are the number keys that pick an outcome.
outcome-hint = Keys 1–5, then Enter to save
reasons-legend = Why didn't it help?{ " " }
reasons-hint = Up to three, optional
mandated-chosen = My own choice
mandated-told = I was told to use it
# The save button; the Enter key's name follows it.
form-save = Save{ " " }
# The name of the Enter key, as printed on keyboards.
key-enter = Enter
form-saved = Saved.
form-undo = Undo
form-undone = Undone: that report was removed.
form-kept-nowhere = History is off on this device and this deployment has no sync server, so a report would be kept nowhere. Turn history back on in History to file reports.
privacy-note = Only the week is recorded, never the day or time. Your report has no name, account or device id.
privacy-randomized = { " " }Before it is sent, your answer is randomized on this device, so no single report can be held to what it says.
form-missing-task = Choose the kind of task first.
form-missing-tool = Choose the tool you used (or No AI).
form-missing-outcome = Choose how it went: keys 1–5.
# $error says why, in English.
form-saved-not-kept = Saved for sending, but not kept in your history: { $error }.
form-not-saved = Not saved: { $error }.
form-undo-failed = Could not undo: { $error }.
pilot-not-kept = It was not kept in your history: { $error }.
# A link to the form named a task or tool ($field) by an id ($id) this deployment does not have.
link-ignored = The link asked for { $field ->
        [task] task
       *[tool] tool
    } “{ $id }”, which this deployment does not offer; it was ignored.

## History

history-title = History
history-lede = Your own reports, kept only in this browser.
history-off = History is off on this device: reports you file are not kept here.
history-keep = Keep history on this device
history-export = Export as JSON
history-import = Import JSON…
history-erase = Erase everything…
history-stop = Don't keep history on this device…
history-erase-yes = Yes, erase
history-cancel = Cancel
history-empty = No reports kept on this device.
history-count = { $count ->
        [one] { $count } report
       *[other] { $count } reports
    }, newest week first.
history-erase-question = Erase { $count ->
        [one] the { $count } report
       *[other] all { $count } reports
    } kept on this device? This cannot be undone. Export first if you want a copy.
history-stop-question = Stop keeping history here? This erases { $count ->
        [0] nothing yet
        [one] the { $count } report
       *[other] the { $count } reports
    } kept on this device, and new reports will not be kept. Export first if you want a copy.
history-erased = Erased: no reports are kept on this device.
history-erase-failed = Could not erase: { $error }.
history-unreadable-file = The file could not be read.
history-import-failed = Nothing was imported: { $error }.
history-export-failed = Export failed: { $error }
history-imported = Imported { $added ->
        [one] { $added } new report
       *[other] { $added } new reports
    }; { $duplicates } were already here; { $rejected } rejected.
# One line per entry of an imported file that was refused; $entry counts from 1.
history-import-entry = Entry { $entry }: { $error }
history-import-result = Import result
sync-panel = Sending to the team map
sync-all-sent = Every report filed here has been sent.
sync-waiting = { $count ->
        [one] { $count } report
       *[other] { $count } reports
    } waiting to be sent. They leave after a random delay, in shuffled batches, so the time they arrive says nothing about when you filed them.
sync-retrying = { $count ->
        [one] { $count } report
       *[other] { $count } reports
    } waiting: { $reason }. Candor will try again; nothing is lost.
sync-waiting-token = { $count ->
        [one] { $count } report
       *[other] { $count } reports
    } waiting for a token: { $reason }. They stay here and leave once a token arrives; nothing is lost.
sign-in-again = Sign in again
not-accepted-title = Not accepted by the server
not-accepted = Not accepted by the server: { $reason }
send-again = Send these again
sent-again = { $count ->
        [one] { $count } report
       *[other] { $count } reports
    } queued to be sent again.
send-again-failed = Could not queue them again: { $error }.
# The baseline "tool": the task was done without AI.
no-ai = No AI
# The baseline's help text, where the deployment gives none.
no-ai-description = Did it without AI
# After a report's task or tool that the deployment no longer offers ($id).
retired = { $label } (retired)
told-to-use-it = told to use it
delivery-waiting = { " " }— waiting to be sent
delivery-waiting-token = { " " }— waiting for a token
delivery-sent = { " " }— sent
delivery-rejected = { " " }— not accepted: { $reason }

## My map

my-map-title = My map
my-map-lede = Where AI has fitted your own work, by kind of task. Only you see this.
# The empty map's sentence is in three parts around a link to the form ("File one").
my-map-empty-start = No reports on this device yet.{ " " }
my-map-empty-link = File one
my-map-empty-end = { " " }and your map starts to fill in.
my-map-count = { $count ->
        [one] { $count } report
       *[other] { $count } reports
    } on this device.{ " " }
my-map-read = Read each tool against the “No AI” column on the left.

## Team map

# The map itself, its filters, cells and the heatmaps on both pages are
# drawn by a module of their own, in team-map.ftl. team-loading is shown
# until that module has loaded (it is in team-map.ftl too).

team-title = Team map
team-no-sync = This deployment has no sync server, so there is no team map. Your own reports are under My map.
team-loading = Loading the team map…

## Pilots

pilots-title = Pilots
pilots-loading = Loading pilots…

## Notices about data on this device, and why reports wait (History)

# $error says why, in English; $key is the local storage key the data was kept under.
history-unreadable = Candor cannot read this device's history: { $error }.
history-entries-aside = { $count ->
        [one] { $count } saved report
       *[other] { $count } saved reports
    } could not be read (first problem: { $error }). They were kept aside under “{ $key }”; the rest of your history is fine.
history-entries-lost = { $count ->
        [one] { $count } saved report
       *[other] { $count } saved reports
    } could not be read, and keeping them aside failed: { $error }.
history-aside = Your saved history could not be read ({ $error }). It was kept aside, untouched, under “{ $key }”, and Candor started a new history.
history-not-aside = Your saved history could not be read ({ $error }) and could not be kept aside ({ $aside }). It is still stored under “{ $key }”: export it from the browser's developer tools before filing, or the next report will replace it.
prefs-aside = Your remembered choices could not be read ({ $error }); they were kept aside under “{ $key }” and reset.
outbox-entries-aside = { $count ->
        [one] { $count } report
       *[other] { $count } reports
    } waiting to be sent could not be read; they were kept aside under “{ $key }”.
outbox-aside = The reports waiting to be sent could not be read ({ $error }). They were kept aside, untouched, under “{ $key }”.
outbox-not-aside = The reports waiting to be sent could not be read ({ $error }) nor kept aside ({ $aside }).
# Why reports wait, after "3 reports waiting:". $error is the browser's words.
sync-unreachable = the sync server could not be reached ({ $error })
sync-not-understood = the sync server's answer was not understood
sync-http = the sync server answered HTTP { $status }
tokens-fetching = fetching tokens
tokens-sign-in = your sign-in has expired; sign in again to get tokens
tokens-proof-invalid = the server's tokens did not verify against its published key, so none were kept (tell your administrator)
# $why is the token module's words, in English.
tokens-unavailable = { $why }; Candor will try again

## A report's closed answers (the form, History)

# The outcome scale, from -2 to 2: how the task went with this tool.
outcome-much-worse = Much worse
outcome-worse = Slowed me
outcome-no-difference = No difference
outcome-better = Helped
outcome-much-better = Helped a lot

# How much the AI's output had to be checked and fixed.
effort-low = Little checking
effort-medium = Some checking
effort-high = Lots of checking and fixing
# How hard the task was.
complexity-routine = Routine
complexity-complex = Complex
# Why AI did not help (asked only when it did not).
reason-checking = Checking the output took long
reason-context = The tool lacked context
reason-wrong = The output was wrong or unreliable
reason-redo = I had to redo it myself
reason-friction = Slow, broken or in the way
