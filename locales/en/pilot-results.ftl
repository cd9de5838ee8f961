# The Pilots page for managers (SPEC §10): each pilot's verdict, felt
# against measured, a table, a chart and downloads.
# "Felt" is how people said a task went with or without AI (the outcome,
# −2 much worse to +2 helped a lot); "measured" is the time it took against
# the time they forecast. An "arm" is one side of the trial: with AI or
# without AI.

## Page states

# While the page fetches the pilots from the sync server.
loading = Loading pilots…
# When the deployment declares no pilot. "candor.json", "pilots", "from",
# "to" and "randomize" are names in a file: keep them as they are.
no-pilots = No pilots are configured. An operator declares them in candor.json, under "pilots": each with an id, a label, its tasks and tools, its first and last week (from, to) and whether each task's arm is drawn by a coin (randomize); see SPEC §10.
# When the deployment has no sync server.
no-sync = This deployment has no sync server, so there are no pilot results: reports stay on each device.
# $why: one of the reasons below (server-unreachable …), or the server's own words.
load-failed = The pilots could not be loaded: { $why }
# A button under load-failed.
retry = Retry
# When this page's translation could not be loaded, so it is shown in English.
# $language: the language's own name (e.g. Deutsch); $reason: unreachable,
# status (with $status, an HTTP status code) or catalog_wrong_length.
catalog-failed = This page is shown in English: its { $language } translation could not be loaded ({ $reason ->
        [unreachable] the server could not be reached
        [status] the server answered HTTP { $status }
       *[other] it was made for another version of Candor
    }).

## Why the pilots could not be loaded (after load-failed)

# The browser's fetch failed without a message.
browser-no-reason = the browser gave no reason
# $url: the address asked; $why: the browser's words (often in English).
server-unreachable = the sync server could not be reached at { $url } ({ $why }).
# Not expected in a browser; said if there is no page window at all.
no-window = there is no window.
# $message: the server's own words (English); $status: the HTTP status code.
server-said = the sync server answered { $message } (HTTP { $status }).
server-status = the sync server answered HTTP { $status } at { $url }.
# $why: one of the "field-…" reasons, or not-json.
not-json = it is not JSON
not-pilot-list = the answer at { $url } is not a list of pilots ({ $why }).
not-pilot-results = the answer at { $url } is not a pilot's results ({ $why }).
# What is wrong in the server's answer; $field and $value are names and
# values from the document, in English: keep them as they are.
field-missing = no { $field }
field-not-text = { $field } is not text
field-not-number = { $field } is not a number
field-not-count = { $field } is not a count
field-not-boolean = { $field } is not true or false
field-not-list = { $field } is not a list
field-unknown-value = { $field } "{ $value }" is not one this page knows
field-not-week = { $field } "{ $value }" is not a week
# "ai" and "no_ai" are the arms' names in the document.
field-bad-arm = arm "{ $value }" is not ai or no_ai
field-non-text-id = { $field } holds a non-text id

## A pilot's section

# $from, $to: ISO weeks such as 2027-W02.
weeks-counted = Weeks { $from } to { $to }; counted so far: { $counted_from } to { $counted_to } (weeks that have ended).
weeks-none-counted = Weeks { $from } to { $to }; no week of it has ended yet, so nothing is counted.
design-randomized = Randomized: for each task, a coin on the employee's device chose whether to do it with AI or without.
design-chosen = Not randomized: a comparison of what people chose, weaker than a randomized trial. Those who chose AI may differ from those who did not in ways that also change their times.
# A heading above each task's verdict.
by-task = By task
# One task's verdict: $task is the task's name, $verdict one of the
# verdict sentences below.
task-verdict = { $task }: { $verdict }
# A task the deployment no longer lists; $task is its id.
task-retired = { $task } (retired)
# The group that is the whole pilot, all its tasks together.
whole-pilot = Whole pilot
side-by-side = Felt and measured, side by side
before-and-during = Before and during the pilot
# Followed by two buttons, CSV and JSON.
download-intro = Download what is shown:
# A download button's label for screen readers; $pilot: the pilot's name;
# $format: CSV or JSON.
download-as = Download { $pilot } as { $format }
# $k: the smallest group shown (at least 2).
hidden-note = “hidden”: a group of fewer than { $k } { $k ->
        [one] report
       *[other] reports
    }, or one whose count would let a reader work out such a group (SPEC §5). Its size is not given.

## The verdict, in one plain sentence (SPEC §10)

# $k: the fewest reports each arm needs (at least 2).
verdict-not-enough = Not enough reports yet for a verdict: each arm needs at least { $k } { $k ->
        [one] report
       *[other] reports
    } from weeks that have ended, and times that vary.
# Measured faster or slower, with how it felt. $felt: faster, slower or
# unclear; $diff, $low, $high: the felt difference and its interval (+0.8);
# $verdict: faster or slower; $ratio, $ratio_low, $ratio_high: how long
# tasks took with AI against without, and its interval (1.19×).
verdict-clear-felt = People { $felt ->
        [faster] felt faster with AI
        [slower] felt slower with AI
       *[unclear] felt no clear difference with AI
    } (felt { $diff }, 95% interval { $low } to { $high }), and were measured { $verdict ->
        [slower] slower
       *[faster] faster
    }: tasks took { $ratio } as long as forecast relative to without AI (95% interval { $ratio_low } to { $ratio_high }).
# The same without a felt interval.
verdict-clear = People were measured { $verdict ->
        [slower] slower
       *[faster] faster
    } with AI: tasks took { $ratio } as long as forecast relative to without AI (95% interval { $ratio_low } to { $ratio_high }).
# No clear difference measured (the interval holds 1). $more: about how
# many more reports would halve the interval; 0 when not known.
verdict-unclear-felt = People { $felt ->
        [faster] felt faster with AI
        [slower] felt slower with AI
       *[unclear] felt no clear difference with AI
    } (felt { $diff }, 95% interval { $low } to { $high }); no clear difference was measured: tasks took { $ratio } as long as forecast relative to without AI, and the 95% interval, { $ratio_low } to { $ratio_high }, holds 1.{ $more ->
        [0] {""}
        [one] {" "}About { $more } more report would make that interval half as wide.
       *[other] {" "}About { $more } more reports would make that interval half as wide.
    }
verdict-unclear = For time, no clear difference was measured: tasks took { $ratio } as long as forecast relative to without AI, and the 95% interval, { $ratio_low } to { $ratio_high }, holds 1.{ $more ->
        [0] {""}
        [one] {" "}About { $more } more report would make that interval half as wide.
       *[other] {" "}About { $more } more reports would make that interval half as wide.
    }
# Where felt and measured disagree, said plainly.
disagree-felt-faster = Felt and measured disagree: felt faster, measured slower. How people feel about AI is not how long their tasks took.
disagree-felt-slower = Felt and measured disagree: felt slower, measured faster. How people feel about AI is not how long their tasks took.

## The table

# $pilot: the pilot's name.
table-caption = { $pilot }: felt and measured, by arm. Felt: the mean outcome, −2 (much worse) to +2 (helped a lot). Time: actual minutes ÷ forecast minutes, geometric mean; above 1 is slower.
column-group = Group
column-reports = Reports
column-felt = Felt (95% interval)
column-time = Time taken ÷ forecast (95% interval)
column-against-arm = Tool went against its arm (95% interval)
# A row's group: $group is "Whole pilot" or a task's name; $arm: ai or no_ai.
arm-row = { $group }, { $arm ->
        [ai] with AI
       *[no_ai] without AI
    }
# The row of the difference between the arms; $verdict: faster, slower,
# no_clear_difference or not_enough_reports.
effect-row = { $group }: AI against no AI ({ $verdict ->
        [faster] faster
        [slower] slower
        [no_clear_difference] no clear difference
       *[not_enough_reports] not enough reports
    })
# The size of a group too small to show (SPEC §5).
hidden = hidden
# A cell with no 95% interval yet.
no-interval = no interval yet
# Felt outcome before the pilot against during it (pilots without a coin).
# $from, $to: the weeks before the pilot.
before-after-caption = Felt outcome of the pilot's tasks and tools, by what people chose: the weeks before the pilot ({ $from } to { $to }) beside the pilot's own.
before-arm = Before the pilot, { $arm ->
        [ai] with AI
       *[no_ai] without AI
    }
during-arm = During the pilot, { $arm ->
        [ai] with AI
       *[no_ai] without AI
    }

## Numbers (the app writes the digits the language's way)

# A value and its 95% interval: +0.8 (+0.4 to +1.2).
interval = { $value } ({ $low } to { $high })
# A time ratio: 1.19×.
ratio = { $ratio }×
# A share: 8%.
percent = { $percent }%

## The chart (drawn for sighted readers; the table says the same)

chart-felt = Felt: AI − no AI
chart-time = Time: AI ÷ no AI (log)
