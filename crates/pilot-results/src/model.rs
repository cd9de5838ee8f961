//! The Pilots page's state: the server's documents and the config's labels
//! turned into everything the page shows, as plain values the renderer
//! writes out and the tests read.
//!
//! Every count goes through [`crate::format::count`], so no group of
//! 1..k−1 reports is ever written (SPEC §5); hidden groups say "hidden".

use candor_core::{
    Arm, ArmResults, Choice, Disagreement, Effect, PilotList, PilotView, TaskResults, Verdict,
    WeekRange,
};

use crate::chart::Chart;
use crate::format::{count, percent, shown, signed, times, with_interval};

/// What the page says while it fetches.
pub const LOADING: &str = "Loading pilots…";

/// What the page says when the deployment runs no pilot.
pub const NO_PILOTS: &str = "No pilots are configured. An operator declares them in candor.json, \
under \"pilots\": each with an id, a label, its tasks and tools, its first and last week \
(from, to) and whether each task's arm is drawn by a coin (randomize); see SPEC §10.";

/// What the page says when the deployment has no sync server.
pub const NO_SYNC: &str =
    "This deployment has no sync server, so there are no pilot results: reports stay on each device.";

/// The page's words when the documents could not be had, `why` in the server's or browser's words.
pub fn failed(why: &str) -> String {
    format!("The pilots could not be loaded: {why}")
}

/// A table: a caption, column headers, and rows each led by a row header.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// What the table shows, as its caption.
    pub caption: String,
    /// The column headers, the first over the row headers.
    pub columns: Vec<String>,
    /// The rows.
    pub rows: Vec<TableRow>,
}

/// One row: its header (the group) and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// The group, e.g. "Whole pilot, with AI".
    pub header: String,
    /// One cell per column after the first.
    pub cells: Vec<String>,
}

/// One pilot as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PilotSection {
    /// The pilot's id (in the downloads' names).
    pub id: String,
    /// The pilot's name, its heading.
    pub heading: String,
    /// Its weeks and those counted so far.
    pub weeks: String,
    /// Randomized, or a comparison of choices (weaker).
    pub design: String,
    /// The verdict in one plain sentence.
    pub verdict: String,
    /// Where felt and measured disagree, said plainly.
    pub disagreement: Option<String>,
    /// Each task's verdict, "Task: sentence".
    pub task_verdicts: Vec<String>,
    /// Felt against measured, by arm, for the whole pilot and each task.
    pub table: Table,
    /// The same effects as intervals.
    pub chart: Chart,
    /// Without randomization: the felt outcome before the pilot beside its own.
    pub before_after: Option<Table>,
    /// What "hidden" means here.
    pub hidden_note: String,
    /// The table as CSV, ids as columns, hidden groups as empty cells.
    pub csv: String,
    /// The pilot's document exactly as the server sent it.
    pub json: String,
}

impl PilotSection {
    /// The download's file name for `extension`, e.g. `candor-pilot-tests_q1.csv`.
    pub fn file_name(&self, extension: &str) -> String {
        format!("candor-pilot-{}.{extension}", self.id)
    }
}

/// The whole page.
#[derive(Debug, Clone, PartialEq)]
pub struct PilotsPage {
    /// Each pilot, in candor.json's order; empty when none is configured.
    pub pilots: Vec<PilotSection>,
}

impl PilotsPage {
    /// The page for `list` and each pilot's document (parsed, and its text as
    /// served), with the config's `tasks` for their labels.
    pub fn build(list: &PilotList, views: &[(PilotView, String)], tasks: &[Choice]) -> PilotsPage {
        let pilots = list
            .pilots
            .iter()
            .filter_map(|summary| {
                views
                    .iter()
                    .find(|(view, _)| view.pilot == summary.pilot)
                    .map(|(view, json)| section(view, json, tasks))
            })
            .collect();
        PilotsPage { pilots }
    }

    /// What the page says instead of pilots, if there are none.
    pub fn empty_message(&self) -> Option<&'static str> {
        self.pilots.is_empty().then_some(NO_PILOTS)
    }
}

/// A task's name from the config; an id it no longer lists is shown as
/// retired (SPEC §3), and every id as it is when the labels are missing.
fn task_label(tasks: &[Choice], id: &str) -> String {
    match tasks.iter().find(|task| task.id == id) {
        Some(task) => task.label.clone(),
        None if tasks.is_empty() => id.to_owned(),
        None => format!("{id} (retired)"),
    }
}

fn arm_words(arm: Arm) -> &'static str {
    match arm {
        Arm::Ai => "with AI",
        Arm::NoAi => "without AI",
    }
}

fn range(weeks: &WeekRange) -> String {
    format!("{} to {}", weeks.from, weeks.to)
}

fn section(view: &PilotView, json: &str, tasks_of_config: &[Choice]) -> PilotSection {
    let k = view.results.k;
    let counted = match &view.counted {
        Some(counted) => format!(
            "counted so far: {} (weeks that have ended).",
            range(counted)
        ),
        None => "no week of it has ended yet, so nothing is counted.".to_owned(),
    };
    let design = if view.results.randomized {
        "Randomized: for each task, a coin on the employee's device chose whether to do it with AI or without."
    } else {
        "Not randomized: a comparison of what people chose, weaker than a randomized trial. \
         Those who chose AI may differ from those who did not in ways that also change their times."
    };
    let tasks: Vec<(String, &TaskResults)> = view
        .results
        .tasks
        .iter()
        .map(|task| (task_label(tasks_of_config, &task.task), task))
        .collect();
    let mut groups = vec![("Whole pilot".to_owned(), &view.results.effect)];
    groups.extend(
        tasks
            .iter()
            .map(|(label, task)| (label.clone(), &task.effect)),
    );

    let mut table = Table {
        caption: format!(
            "{}: felt and measured, by arm. Felt: the mean outcome, −2 (much worse) to +2 (helped a lot). \
             Time: actual minutes ÷ forecast minutes, geometric mean; above 1 is slower.",
            view.label
        ),
        columns: [
            "Group",
            "Reports",
            "Felt (95% interval)",
            "Time taken ÷ forecast (95% interval)",
            "Tool went against its arm (95% interval)",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: Vec::new(),
    };
    let mut csv = String::from(
        "pilot,task,arm,n,felt,felt_low,felt_high,time,time_low,time_high,against_arm,against_arm_low,against_arm_high,verdict\n",
    );
    let whole = [(
        "Whole pilot".to_owned(),
        "",
        &view.results.arms,
        &view.results.effect,
    )];
    let parts = tasks
        .iter()
        .map(|(label, task)| (label.clone(), task.task.as_str(), &task.arms, &task.effect));
    for (label, task_id, arms, effect) in whole.into_iter().chain(parts) {
        for arm in arms {
            table.rows.push(arm_row(&label, arm, k));
            csv.push_str(&arm_csv(&view.pilot, task_id, arm, k));
        }
        table.rows.push(effect_row(&label, effect));
        csv.push_str(&effect_csv(&view.pilot, task_id, effect));
    }

    let before_after = view.before_after.as_ref().map(|before| {
        let mut rows: Vec<TableRow> = before
            .arms
            .iter()
            .map(|arm| felt_row(&format!("Before the pilot, {}", arm_words(arm.arm)), arm, k))
            .collect();
        rows.extend(
            view.results
                .arms
                .iter()
                .map(|arm| felt_row(&format!("During the pilot, {}", arm_words(arm.arm)), arm, k)),
        );
        Table {
            caption: format!(
                "Felt outcome of the pilot's tasks and tools, by what people chose: the weeks before the pilot ({}) beside the pilot's own.",
                range(&before.before)
            ),
            columns: ["Group", "Reports", "Felt (95% interval)"]
                .map(str::to_owned)
                .to_vec(),
            rows,
        }
    });

    PilotSection {
        id: view.pilot.clone(),
        heading: view.label.clone(),
        weeks: format!("Weeks {}; {counted}", range(&view.weeks)),
        design: design.to_owned(),
        verdict: verdict_sentence(&view.results.effect, k),
        disagreement: view.results.effect.felt_vs_measured.map(disagreement_sentence),
        task_verdicts: tasks
            .iter()
            .map(|(label, task)| format!("{label}: {}", verdict_sentence(&task.effect, k)))
            .collect(),
        chart: Chart::build(
            &groups
                .iter()
                .map(|(label, effect)| (label.clone(), effect.felt, effect.time))
                .collect::<Vec<_>>(),
        ),
        table,
        before_after,
        hidden_note: format!(
            "“hidden”: a group of fewer than {k} reports, or one whose count would let a reader work out such a group (SPEC §5). Its size is not given."
        ),
        csv,
        json: json.to_owned(),
    }
}

/// "People felt faster with AI (felt +0.8, 95% interval +0.4 to +1.2)", if there is a felt interval.
fn felt_clause(effect: &Effect) -> Option<String> {
    let felt = effect.felt?;
    let how = if felt.low > 0.0 {
        "felt faster with AI"
    } else if felt.high < 0.0 {
        "felt slower with AI"
    } else {
        "felt no clear difference with AI"
    };
    Some(format!(
        "People {how} (felt {}, 95% interval {} to {})",
        signed(felt.diff),
        signed(felt.low),
        signed(felt.high)
    ))
}

/// The verdict in one plain sentence (SPEC §10), felt first where there is a felt interval.
pub fn verdict_sentence(effect: &Effect, k: u32) -> String {
    let time = match (effect.verdict, effect.time) {
        (Verdict::NotEnoughReports, _) | (_, None) => {
            return format!(
                "Not enough reports yet for a verdict: each arm needs at least {k} reports from weeks that have ended, and times that vary."
            )
        }
        (_, Some(time)) => time,
    };
    let took = format!(
        "tasks took {} as long as forecast relative to without AI",
        times(time.ratio)
    );
    let interval = format!("{} to {}", times(time.low), times(time.high));
    let felt = felt_clause(effect);
    match effect.verdict {
        Verdict::Faster | Verdict::Slower => {
            let word = if effect.verdict == Verdict::Slower {
                "slower"
            } else {
                "faster"
            };
            match felt {
                Some(felt) => {
                    format!("{felt}, and were measured {word}: {took} (95% interval {interval}).")
                }
                None => format!(
                    "People were measured {word} with AI: {took} (95% interval {interval})."
                ),
            }
        }
        _ => {
            let halve = effect
                .more_reports_to_halve
                .map_or_else(String::new, |more| {
                    format!(" About {more} more reports would make that interval half as wide.")
                });
            let measured = format!(
                "no clear difference was measured: {took}, and the 95% interval, {interval}, holds 1.{halve}"
            );
            match felt {
                Some(felt) => format!("{felt}; {measured}"),
                None => format!("For time, {measured}"),
            }
        }
    }
}

/// Felt and measured disagreeing, in plain words.
pub fn disagreement_sentence(disagreement: Disagreement) -> String {
    match disagreement {
        Disagreement::FeltBetterMeasuredSlower => {
            "Felt and measured disagree: felt faster, measured slower. How people feel about AI is not how long their tasks took."
        }
        Disagreement::FeltWorseMeasuredFaster => {
            "Felt and measured disagree: felt slower, measured faster. How people feel about AI is not how long their tasks took."
        }
    }
    .to_owned()
}

fn arm_row(group: &str, arm: &ArmResults, k: u32) -> TableRow {
    let header = format!("{group}, {}", arm_words(arm.arm));
    if !shown(arm.n, k) {
        return TableRow {
            header,
            cells: vec![count(arm.n, k), "—".into(), "—".into(), "—".into()],
        };
    }
    let none = || "no interval yet".to_owned();
    TableRow {
        header,
        cells: vec![
            count(arm.n, k),
            arm.felt
                .map_or_else(none, |f| with_interval(f.mean, f.low, f.high, signed)),
            arm.time
                .map_or_else(none, |t| with_interval(t.ratio, t.low, t.high, times)),
            arm.against_arm
                .map_or_else(none, |a| with_interval(a.share, a.low, a.high, percent)),
        ],
    }
}

fn felt_row(group: &str, arm: &ArmResults, k: u32) -> TableRow {
    let felt = match arm.felt {
        Some(f) if shown(arm.n, k) => with_interval(f.mean, f.low, f.high, signed),
        _ if shown(arm.n, k) => "no interval yet".to_owned(),
        _ => "—".to_owned(),
    };
    TableRow {
        header: group.to_owned(),
        cells: vec![count(arm.n, k), felt],
    }
}

fn verdict_words(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Faster => "faster",
        Verdict::Slower => "slower",
        Verdict::NoClearDifference => "no clear difference",
        Verdict::NotEnoughReports => "not enough reports",
    }
}

fn effect_row(group: &str, effect: &Effect) -> TableRow {
    let none = || "no interval yet".to_owned();
    TableRow {
        header: format!(
            "{group}: AI against no AI ({})",
            verdict_words(effect.verdict)
        ),
        cells: vec![
            "—".into(),
            effect
                .felt
                .map_or_else(none, |f| with_interval(f.diff, f.low, f.high, signed)),
            effect
                .time
                .map_or_else(none, |t| with_interval(t.ratio, t.low, t.high, times)),
            "—".into(),
        ],
    }
}

/// A number as the CSV writes it: plain, at most 4 decimals.
fn number(value: f64) -> String {
    crate::format::decimal(value, 4)
}

fn triple(values: Option<(f64, f64, f64)>) -> String {
    values.map_or_else(
        || ",,".to_owned(),
        |(v, low, high)| format!("{},{},{}", number(v), number(low), number(high)),
    )
}

fn arm_csv(pilot: &str, task: &str, arm: &ArmResults, k: u32) -> String {
    if !shown(arm.n, k) {
        return format!("{pilot},{task},{},,,,,,,,,,,\n", arm.arm.id());
    }
    format!(
        "{pilot},{task},{},{},{},{},{},\n",
        arm.arm.id(),
        arm.n.unwrap_or_default(),
        triple(arm.felt.map(|f| (f.mean, f.low, f.high))),
        triple(arm.time.map(|t| (t.ratio, t.low, t.high))),
        triple(arm.against_arm.map(|a| (a.share, a.low, a.high))),
    )
}

fn effect_csv(pilot: &str, task: &str, effect: &Effect) -> String {
    let verdict = match effect.verdict {
        Verdict::Faster => "faster",
        Verdict::Slower => "slower",
        Verdict::NoClearDifference => "no_clear_difference",
        Verdict::NotEnoughReports => "not_enough_reports",
    };
    format!(
        "{pilot},{task},effect,,{},{},,,,{verdict}\n",
        triple(effect.felt.map(|f| (f.diff, f.low, f.high))),
        triple(effect.time.map(|t| (t.ratio, t.low, t.high))),
    )
}
