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

use candor_core::catalog::Arg;

use crate::chart::Chart;
use crate::format::{count, percent, shown, signed, times, with_interval};
use crate::lang::{t, tf, Msg};

/// The page's words when the documents could not be had, `why` in the server's or browser's words.
pub fn failed(why: &str) -> String {
    tf(Msg::LoadFailed, &[Arg::Text(why)])
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
    pub fn empty_message(&self) -> Option<String> {
        self.pilots.is_empty().then(|| t(Msg::NoPilots))
    }
}

/// A task's name from the config; an id it no longer lists is shown as
/// retired (SPEC §3), and every id as it is when the labels are missing.
fn task_label(tasks: &[Choice], id: &str) -> String {
    match tasks.iter().find(|task| task.id == id) {
        Some(task) => task.label.clone(),
        None if tasks.is_empty() => id.to_owned(),
        None => tf(Msg::TaskRetired, &[Arg::Text(id)]),
    }
}

/// A row header for `arm`: `msg` is one of arm-row, before-arm, during-arm.
fn arm_header(msg: Msg, group: &str, arm: Arm) -> String {
    let arm = Arg::Text(arm.id());
    match msg {
        Msg::ArmRow => tf(msg, &[Arg::Text(group), arm]),
        _ => tf(msg, &[arm]),
    }
}

/// A range of weeks as two texts, `2027-W02` and `2027-W09`.
fn weeks(range: &WeekRange) -> [String; 2] {
    [range.from.to_string(), range.to.to_string()]
}

fn section(view: &PilotView, json: &str, tasks_of_config: &[Choice]) -> PilotSection {
    let k = view.results.k;
    let [from, to] = weeks(&view.weeks);
    let weeks_said = match &view.counted {
        Some(counted) => {
            let [counted_from, counted_to] = weeks(counted);
            tf(
                Msg::WeeksCounted,
                &[
                    Arg::Text(&from),
                    Arg::Text(&to),
                    Arg::Text(&counted_from),
                    Arg::Text(&counted_to),
                ],
            )
        }
        None => tf(Msg::WeeksNoneCounted, &[Arg::Text(&from), Arg::Text(&to)]),
    };
    let design = t(if view.results.randomized {
        Msg::DesignRandomized
    } else {
        Msg::DesignChosen
    });
    let tasks: Vec<(String, &TaskResults)> = view
        .results
        .tasks
        .iter()
        .map(|task| (task_label(tasks_of_config, &task.task), task))
        .collect();
    let whole_pilot = t(Msg::WholePilot);
    let mut groups = vec![(whole_pilot.clone(), &view.results.effect)];
    groups.extend(
        tasks
            .iter()
            .map(|(label, task)| (label.clone(), &task.effect)),
    );

    let mut table = Table {
        caption: tf(Msg::TableCaption, &[Arg::Text(&view.label)]),
        columns: [
            Msg::ColumnGroup,
            Msg::ColumnReports,
            Msg::ColumnFelt,
            Msg::ColumnTime,
            Msg::ColumnAgainstArm,
        ]
        .map(t)
        .to_vec(),
        rows: Vec::new(),
    };
    let mut csv = String::from(
        "pilot,task,arm,n,felt,felt_low,felt_high,time,time_low,time_high,against_arm,against_arm_low,against_arm_high,verdict\n",
    );
    let whole = [(whole_pilot, "", &view.results.arms, &view.results.effect)];
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
            .map(|arm| felt_row(&arm_header(Msg::BeforeArm, "", arm.arm), arm, k))
            .collect();
        rows.extend(
            view.results
                .arms
                .iter()
                .map(|arm| felt_row(&arm_header(Msg::DuringArm, "", arm.arm), arm, k)),
        );
        let [from, to] = weeks(&before.before);
        Table {
            caption: tf(Msg::BeforeAfterCaption, &[Arg::Text(&from), Arg::Text(&to)]),
            columns: [Msg::ColumnGroup, Msg::ColumnReports, Msg::ColumnFelt]
                .map(t)
                .to_vec(),
            rows,
        }
    });

    PilotSection {
        id: view.pilot.clone(),
        heading: view.label.clone(),
        weeks: weeks_said,
        design,
        verdict: verdict_sentence(&view.results.effect, k),
        disagreement: view
            .results
            .effect
            .felt_vs_measured
            .map(disagreement_sentence),
        task_verdicts: tasks
            .iter()
            .map(|(label, task)| {
                let verdict = verdict_sentence(&task.effect, k);
                tf(Msg::TaskVerdict, &[Arg::Text(label), Arg::Text(&verdict)])
            })
            .collect(),
        chart: Chart::build(
            &groups
                .iter()
                .map(|(label, effect)| (label.clone(), effect.felt, effect.time))
                .collect::<Vec<_>>(),
        ),
        table,
        before_after,
        hidden_note: tf(Msg::HiddenNote, &[Arg::Count(k.into())]),
        csv,
        json: json.to_owned(),
    }
}

/// The felt difference as arguments: `faster`, `slower` or `unclear`, and
/// the difference and its interval in words; `None` without a felt interval.
fn felt_args(effect: &Effect) -> Option<(&'static str, [String; 3])> {
    let felt = effect.felt?;
    let how = if felt.low > 0.0 {
        "faster"
    } else if felt.high < 0.0 {
        "slower"
    } else {
        "unclear"
    };
    Some((how, [felt.diff, felt.low, felt.high].map(signed)))
}

/// The verdict in one plain sentence (SPEC §10), felt first where there is a felt interval.
pub fn verdict_sentence(effect: &Effect, k: u32) -> String {
    let time = match (effect.verdict, effect.time) {
        (Verdict::NotEnoughReports, _) | (_, None) => {
            return tf(Msg::VerdictNotEnough, &[Arg::Count(k.into())]);
        }
        (_, Some(time)) => time,
    };
    let [ratio, low, high] = [time.ratio, time.low, time.high].map(times);
    let (ratio, low, high) = (Arg::Text(&ratio), Arg::Text(&low), Arg::Text(&high));
    let more = Arg::Count(effect.more_reports_to_halve.unwrap_or(0));
    let verdict = Arg::Text(if effect.verdict == Verdict::Slower {
        "slower"
    } else {
        "faster"
    });
    let clear = matches!(effect.verdict, Verdict::Faster | Verdict::Slower);
    match felt_args(effect) {
        Some((how, [diff, felt_low, felt_high])) => {
            let felt = [
                Arg::Text(how),
                Arg::Text(&diff),
                Arg::Text(&felt_low),
                Arg::Text(&felt_high),
            ];
            if clear {
                let [a, b, c, d] = felt;
                tf(
                    Msg::VerdictClearFelt,
                    &[a, b, c, d, verdict, ratio, low, high],
                )
            } else {
                let [a, b, c, d] = felt;
                tf(
                    Msg::VerdictUnclearFelt,
                    &[a, b, c, d, ratio, low, high, more],
                )
            }
        }
        None if clear => tf(Msg::VerdictClear, &[verdict, ratio, low, high]),
        None => tf(Msg::VerdictUnclear, &[ratio, low, high, more]),
    }
}

/// Felt and measured disagreeing, in plain words.
pub fn disagreement_sentence(disagreement: Disagreement) -> String {
    t(match disagreement {
        Disagreement::FeltBetterMeasuredSlower => Msg::DisagreeFeltFaster,
        Disagreement::FeltWorseMeasuredFaster => Msg::DisagreeFeltSlower,
    })
}

fn arm_row(group: &str, arm: &ArmResults, k: u32) -> TableRow {
    let header = arm_header(Msg::ArmRow, group, arm.arm);
    if !shown(arm.n, k) {
        return TableRow {
            header,
            cells: vec![count(arm.n, k), "—".into(), "—".into(), "—".into()],
        };
    }
    let none = || t(Msg::NoInterval);
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
        _ if shown(arm.n, k) => t(Msg::NoInterval),
        _ => "—".to_owned(),
    };
    TableRow {
        header: group.to_owned(),
        cells: vec![count(arm.n, k), felt],
    }
}

fn effect_row(group: &str, effect: &Effect) -> TableRow {
    let none = || t(Msg::NoInterval);
    TableRow {
        header: tf(
            Msg::EffectRow,
            &[Arg::Text(group), Arg::Text(verdict_id(effect.verdict))],
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
    let verdict = verdict_id(effect.verdict);
    format!(
        "{pilot},{task},effect,,{},{},,,,{verdict}\n",
        triple(effect.felt.map(|f| (f.diff, f.low, f.high))),
        triple(effect.time.map(|t| (t.ratio, t.low, t.high))),
    )
}

/// A verdict's id, as the documents, the CSV and the messages' selects name it.
fn verdict_id(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Faster => "faster",
        Verdict::Slower => "slower",
        Verdict::NoClearDifference => "no_clear_difference",
        Verdict::NotEnoughReports => "not_enough_reports",
    }
}
