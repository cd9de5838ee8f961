# The team map and the heatmaps (SPEC §5, §9): the words of the wasm
# module crates/team-map, which draws the Team map page and the map on My
# map. Keep every id and every { $variable }; change the words and their
# order freely. A { " " } at the start or end of a message is a space the
# page needs there (Fluent drops spaces written plainly at either end):
# keep it. Where a number agrees with a noun, use a select on it with your
# language's plural categories, even where English writes "report(s)".
# How to check your file: crates/catalog/README.md.

## Everywhere in the module

# When this module's translation could not be loaded, so the map is shown in English.
# $language: the language's own name (e.g. Deutsch); $reason: unreachable,
# status (with $status, an HTTP status code) or catalog_wrong_length.
catalog-failed = This map is shown in English: its { $language } translation could not be loaded ({ $reason ->
        [unreachable] the server could not be reached
        [status] the server answered HTTP { $status }
       *[other] it was made for another version of Candor
    }).
# After a task, tool or team that the deployment no longer offers. Also in
# app.ftl (History shows it too).
retired = { $label } (retired)

## Team map

team-lede = Where AI helps and where it hurts, by kind of task, from everyone's reports, read against the “No AI” column. Only weeks that have ended are shown. Select a cell for its details.
team-compare = { " " }Compare told-to and chosen use side by side
# Also in app.ftl: the app shows it until this module has loaded.
team-loading = Loading the team map…
team-loading-comparison = Loading the comparison…
team-comparison-wider = The comparison covers the whole organisation in this period: the server publishes one filter besides the period at a time.
told-to = Told to use it
chose-to = Chose to use it
# $from and $to are ISO weeks, e.g. 2026-W07.
team-weeks = Weeks { $from } to { $to }.{ " " }
team-reports = { $count } reports.{ " " }
team-shown-cells = Shown cells: { $count } reports. The total is withheld, since it would add up the hidden cells.{ " " }
team-not-enough = Not enough reports to show this view.{ " " }
team-hidden-rule = Groups of fewer than { $k } reports are hidden, and so is anything a wider view minus this one would reveal.
# $epsilon is the privacy setting, a number like 1.5.
team-noise = Each device randomizes its outcome before sending it (randomized response, ε = { $epsilon }), so any one report may be noise; means and shares are corrected for it, and intervals are wider.{ " " }
team-download = Download what is shown:{ " " }

## The team map's filters

filter-legend = Show
filter-period = Period
filter-team = Team
filter-complexity = Complexity
filter-mandated = Why AI was used
filter-effort = Checking effort
filter-all-periods = All closed weeks
filter-all-teams = All teams
filter-any-complexity = Any complexity
filter-any-mandated = Told to or not
filter-any-effort = Any checking effort
filter-no-reports = { " " }— no reports
filter-too-few = { " " }— too few reports to show
filter-hint = One filter besides the period at a time: choosing another replaces it. Greyed-out choices would show fewer than { $k } reports, or let views be combined to single someone out.
# A quarter of a year: $quarter is Q1…Q4.
period-quarter = { $quarter } { $year }
period-month = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }

## A team-map cell opened

cell-with = { $task } with { $tool }
cell-reports = { $count } reports.
cell-helped = Helped in { $share } of reports (95% interval { $low } to { $high }).
cell-vs-baseline = Mean outcome { $diff } against No AI on the same task.
cell-no-reasons = No reasons given.
cell-outcomes = Outcomes
cell-why-not = Why it did not help
cell-effort = Checking effort
cell-by-period = Mean outcome by period
cell-hidden = Not enough reports to show this cell without risking singling someone out.
cell-loading = Loading…
cell-effort-one-filter = Checking effort is shown for a period with no other filter: the server publishes one filter besides the period at a time.
cell-close = Close
# "Label: number", for reasons, efforts and periods in the cell's lists.
cell-line = { $label }: { $value }
cell-distribution = Outcome distribution; the counts are listed beside each bar.

## The heatmap (My map and Team map)

heatmap-table = Show as a table
heatmap-task = Task
# $title is the map's name (My map, Team map).
heatmap-label = { $title }: heatmap of mean outcome by task and tool; the same numbers are in the table below.
heatmap-much-worse = −2 much worse
heatmap-helped-a-lot = +2 helped a lot
heatmap-legend = Each cell: mean outcome, n (the number of reports) and the difference from No AI on the same task. The wider a cell's 95% interval, the paler it is.
cell-no-reports = no reports
cell-not-enough = not enough reports
# Printed on a hidden cell, on two lines.
cell-not-enough-1 = not enough
cell-not-enough-2 = reports
# $n is the number of reports in the cell.
cell-n = n = { $n }
# $diff is a mean like +0.8, against the No AI column.
cell-vs-no-ai = { $diff } vs No AI
cell-mean = mean { $mean } from { $n ->
        [one] { $n } report
       *[other] { $n } reports
    }
cell-share = { $share } helped (95% interval { $low }–{ $high })
cell-against-no-ai = { $diff } against No AI
# A cell's button: what it shows, then in full. $shown is its printed words.
cell-button = { $shown }{ $task } with { $tool }: { $description }. Open details.
percent = { $value }%

## Why a map could not be drawn

# $url: the address asked; $why: the browser's words (often in English).
team-unreachable = The team map could not be loaded: the aggregate could not be fetched from { $url }: { $why }.
# $status: the HTTP status code.
team-status = The team map could not be loaded: the aggregate was not found at { $url } (HTTP { $status }).
# $why: one of the reasons below (not-json, field-…).
team-not-a-map = The sync server's answer was not a team map ({ $why }).
# The deployment's candor.json, which names the tasks and tools, could not
# be read. "candor.json" is a file name: keep it as it is. $why: the
# browser's words, an HTTP status (config-status) or not-json.
config-failed = The map could not be drawn: candor.json could not be read ({ $why }).
config-status = HTTP { $status }
# The browser's fetch failed without a message.
browser-no-reason = the browser gave no reason
not-json = it is not JSON
# What is wrong in the server's answer; $field is a name from the document,
# in English: keep it as it is.
field-missing = { $field } is missing
field-not-count = { $field } is not a count
field-not-number = { $field } is not a number
field-not-list = { $field } is not a list
field-not-week = { $field } is not a week

## A report's answers in words (the filters, a cell's detail)

# The baseline "tool": the task was done without AI.
no-ai = No AI
# The outcome scale by its place, 0 (much worse) to 4 (helped a lot).
outcome = { $index ->
         [0] Much worse
         [1] Slowed me
         [2] No difference
         [3] Helped
        *[4] Helped a lot
    }
# How much the AI's output had to be checked and fixed, by its id. An id this version does not know is shown as it is.
effort = { $id ->
         [low] Little checking
         [medium] Some checking
         [high] Lots of checking and fixing
        *[other] { $id }
    }
# How hard the task was, by its id. An id this version does not know is shown as it is.
complexity = { $id ->
         [routine] Routine
         [complex] Complex
        *[other] { $id }
    }
# Why AI did not help, by its id. An id this version does not know is shown as it is.
reason = { $id ->
         [checking] Checking the output took long
         [context] The tool lacked context
         [wrong] The output was wrong or unreliable
         [redo] I had to redo it myself
         [friction] Slow, broken or in the way
        *[other] { $id }
    }
