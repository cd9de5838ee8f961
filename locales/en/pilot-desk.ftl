# The pilot desk on the File page (SPEC §10): an employee joins a pilot,
# forecasts how long a task will take, is told by a coin whether to do it
# with or without AI, and later says how long it really took.
# A "pilot" is a time-bound experiment; an "arm" is one side of it (with AI
# or without AI).

## The desk

heading = Pilots
privacy-hint = Joining is kept on this device only. Nothing is sent until you finish a task, and then only its report.
# After a pilot's name (in bold), on the same line.
pilot-randomized = — a randomized trial: for each task, a coin on this device says with or without AI.
pilot-chosen = — you choose the tool for each task, as usual.
join = Join
leave = Leave
# The buttons' names for screen readers; $pilot: the pilot's name.
join-pilot = Join { $pilot }
leave-pilot = Leave { $pilot }
# When this part's translation could not be loaded, so it is shown in English.
# $language: the language's own name (e.g. Deutsch); $reason: unreachable,
# status (with $status, an HTTP status code) or catalog_wrong_length.
catalog-failed = The pilots are shown in English: their { $language } translation could not be loaded ({ $reason ->
        [unreachable] the server could not be reached
        [status] the server answered HTTP { $status }
       *[other] it was made for another version of Candor
    }).

## Starting a task

start-heading = Start a pilot task
# Legends of the choices.
pilot-legend = Pilot
task-legend = Task
forecast-legend = How long will it take, your usual way?
start = Start
join-first = Join a pilot first, and choose it.
choose-task-and-forecast = Choose the task and how long you expect it to take, then Start.
# What the coin said: $arm is ai (heads), no_ai, or none in a pilot
# without a coin.
instruction = { $arm ->
        [ai] Do this one with AI
        [no_ai] Do this one without AI
       *[none] Do it your usual way
    }
started = Started. { $arm ->
        [ai] Do this one with AI
        [no_ai] Do this one without AI
       *[none] Do it your usual way
    }. It waits below until you finish it.

## Durations (minute buckets)

# $minutes below an hour: 45 min.
minutes = { $minutes } min
# Whole hours: 16 h.
hours = { $hours } h
# Hours and minutes: 1 h 30.
hours-minutes = { $hours } h { $minutes }

## Open tasks

open-heading = Open pilot tasks
# $task: the task's name; $forecast: a duration (minutes, hours…); $pilot: the pilot's name.
open-task-about = { $task } · forecast { $forecast } · { $pilot }
pilot-ended = This pilot has ended: the task can only be dropped
finish = Finish
drop = Drop
# The buttons' names for screen readers; $task: the open-task-about line.
finish-task = Finish: { $task }
drop-task = Drop: { $task }
dropped = Dropped.

## Finishing a task

actual-legend = How long did it take?
tool-legend = Which tool did you use?
# The tool choice meaning no AI tool was used.
no-ai = No AI
against-coin = That is not what the coin said; say what you really used. It still counts in the coin's arm.
# The keys 1 to 5 choose an outcome.
outcome-legend = How did it go? (keys 1–5)
outcome-much-worse = Much worse
outcome-slowed-me = Slowed me
outcome-no-difference = No difference
outcome-helped = Helped
outcome-helped-a-lot = Helped a lot
file-report = File report
not-now = Not now
choose-open-task = Choose a task to finish.
choose-actual = Choose how long it took.
choose-tool = Choose the tool you used (or No AI).
choose-outcome = Choose how it went: keys 1–5.
# Shown before the app's own note, if any.
filed = Filed.
filed-sent = It is sent with your other reports.
undo = Undo
undone = Undone: the task is open again.

## Errors

# $reason: the app's words, or no-reason.
not-filed = Not filed: { $reason }
undo-failed = Could not undo: { $reason }
# $reason: the browser's words, no-storage or no-reason.
not-kept = Could not keep this on the device ({ $reason }); it holds until the page is closed.
no-storage = this browser keeps no local storage
no-reason = the app did not say why
# $reason: one of config-… below, or the browser's words.
load-failed = The pilots could not be loaded: { $reason }. Reload the page to try again.
no-window = no window
# $status: an HTTP status code.
config-status = candor.json answered { $status }
config-not-json = candor.json is not valid JSON
# $field: from or to, names in candor.json: keep them as they are.
config-bad-week = a pilot's `{ $field }` is not a week
