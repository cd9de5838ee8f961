//! Turning reports into counts, shares with honest intervals, and grids.
//!
//! These are raw counts for the device's own map. Shared aggregates must
//! also go through the suppression rules of SPEC §5 before anyone sees them.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::config::{Choice, Config};
use crate::report::{outcome_index, Effort, Reason, Report};

/// The z value of a two-sided 95% interval.
pub const Z_95: f64 = 1.959963984540054;

/// Counts for one group of reports (a task × tool cell, or any other group).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CellCounts {
    /// Reports per outcome, index 0 = -2 (much worse) to 4 = 2 (helped a lot).
    pub outcomes: [u64; 5],
    /// Reports per effort answer, in [`Effort::ALL`] order; reports without one are not counted.
    pub effort: [u64; 3],
    /// Reports giving each reason; a report may give several.
    pub reasons: BTreeMap<Reason, u64>,
}

impl CellCounts {
    /// Counts one report in.
    ///
    /// The report is taken as valid; an outcome outside -2..=2 counts at the nearest end.
    pub fn add(&mut self, report: &Report) {
        self.outcomes[outcome_index(report.outcome)] += 1;
        if let Some(effort) = report.effort {
            self.effort[effort_index(effort)] += 1;
        }
        for reason in &report.reasons {
            *self.reasons.entry(*reason).or_default() += 1;
        }
    }

    /// Adds another group's counts to these.
    pub fn merge(&mut self, other: &CellCounts) {
        for (mine, theirs) in self.outcomes.iter_mut().zip(other.outcomes) {
            *mine += theirs;
        }
        for (mine, theirs) in self.effort.iter_mut().zip(other.effort) {
            *mine += theirs;
        }
        for (reason, count) in &other.reasons {
            *self.reasons.entry(*reason).or_default() += count;
        }
    }

    /// The number of reports counted.
    pub fn n(&self) -> u64 {
        self.outcomes.iter().sum()
    }

    /// The mean outcome, -2.0 to 2.0; `None` for an empty group.
    pub fn mean(&self) -> Option<f64> {
        let n = self.n();
        if n == 0 {
            return None;
        }
        let total: f64 = (-2_i32..=2)
            .zip(self.outcomes)
            .map(|(outcome, count)| f64::from(outcome) * count as f64)
            .sum();
        Some(total / n as f64)
    }

    /// The share of reports where the tool helped (outcome above 0), with its interval.
    pub fn helped(&self) -> Option<Share> {
        wilson(self.outcomes[3] + self.outcomes[4], self.n())
    }
}

/// The slot of an effort answer in [`CellCounts::effort`].
pub(crate) fn effort_index(effort: Effort) -> usize {
    match effort {
        Effort::Low => 0,
        Effort::Medium => 1,
        Effort::High => 2,
    }
}

/// A share with its Wilson 95% score interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Share {
    /// The observed share, 0.0 to 1.0.
    pub share: f64,
    /// The interval's lower end.
    pub low: f64,
    /// The interval's upper end.
    pub high: f64,
}

impl Share {
    /// How wide the interval is; the heatmap fades wide cells (SPEC §5.3).
    pub fn width(&self) -> f64 {
        self.high - self.low
    }
}

/// The share `successes / n` with its Wilson 95% score interval, no continuity correction.
///
/// Wilson rather than the textbook p ± z·se interval because groups here are
/// small: it never leaves 0..1 and does not collapse to zero width at 0 or n.
/// `None` when `n` is 0; `successes` above `n` are taken as `n`.
pub fn wilson(successes: u64, n: u64) -> Option<Share> {
    if n == 0 {
        return None;
    }
    let successes = successes.min(n);
    let (s, n_f) = (successes as f64, n as f64);
    let p = s / n_f;
    let z2 = Z_95 * Z_95;
    let denominator = 1.0 + z2 / n_f;
    let centre = (p + z2 / (2.0 * n_f)) / denominator;
    let half = Z_95 * (p * (1.0 - p) / n_f + z2 / (4.0 * n_f * n_f)).sqrt() / denominator;
    // At 0 and n the matching end is exactly 0 or 1; rounding must not say otherwise.
    let low = if successes == 0 {
        0.0
    } else {
        (centre - half).max(0.0)
    };
    let high = if successes == n {
        1.0
    } else {
        (centre + half).min(1.0)
    };
    Some(Share {
        share: p,
        low,
        high,
    })
}

/// Reports counted by task × tool.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    // Nested by task, then tool, rather than keyed by a (String, String)
    // pair, so lookups by &str allocate nothing: a browser tallies up to a
    // million reports per redraw (SPEC §8).
    cells: BTreeMap<String, BTreeMap<String, CellCounts>>,
}

impl Tally {
    /// An empty tally.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one report into its task × tool cell.
    pub fn add(&mut self, report: &Report) {
        self.cell_mut(&report.task, &report.tool).add(report);
    }

    /// Adds counts already made elsewhere (e.g. stored by a server) to a cell.
    pub fn add_counts(&mut self, task: &str, tool: &str, counts: &CellCounts) {
        self.cell_mut(task, tool).merge(counts);
    }

    fn cell_mut(&mut self, task: &str, tool: &str) -> &mut CellCounts {
        // Look up before inserting so only a new cell pays for owned keys.
        if !self.cells.contains_key(task) {
            self.cells.insert(task.to_owned(), BTreeMap::new());
        }
        let row = self.cells.get_mut(task).expect("inserted above");
        if !row.contains_key(tool) {
            row.insert(tool.to_owned(), CellCounts::default());
        }
        row.get_mut(tool).expect("inserted above")
    }

    /// The counts for one cell; `None` when no report fell in it.
    pub fn cell(&self, task: &str, tool: &str) -> Option<&CellCounts> {
        self.cells.get(task)?.get(tool)
    }

    /// Every non-empty cell as (task, tool, counts), sorted by task then tool id.
    pub fn cells(&self) -> impl Iterator<Item = (&str, &str, &CellCounts)> {
        self.cells.iter().flat_map(|(task, row)| {
            row.iter()
                .map(move |(tool, counts)| (task.as_str(), tool.as_str(), counts))
        })
    }

    /// All cells added up.
    pub fn total(&self) -> CellCounts {
        let mut total = CellCounts::default();
        for (_, _, counts) in self.cells() {
            total.merge(counts);
        }
        total
    }

    /// The number of reports counted.
    pub fn len_reports(&self) -> u64 {
        self.cells().map(|(_, _, counts)| counts.n()).sum()
    }

    /// Task ids that have at least one report, sorted.
    pub fn tasks(&self) -> BTreeSet<&str> {
        // Inserted one by one rather than collected: `collect` into a B-tree
        // sorts first, and each stable sort costs the app's wasm about 3 KB.
        let mut tasks = BTreeSet::new();
        for task in self.cells.keys() {
            tasks.insert(task.as_str());
        }
        tasks
    }

    /// Tool ids that have at least one report, sorted.
    pub fn tools(&self) -> BTreeSet<&str> {
        let mut tools = BTreeSet::new();
        for tool in self.cells.values().flat_map(BTreeMap::keys) {
            tools.insert(tool.as_str());
        }
        tools
    }
}

impl<'a> FromIterator<&'a Report> for Tally {
    fn from_iter<I: IntoIterator<Item = &'a Report>>(reports: I) -> Tally {
        let mut tally = Tally::new();
        tally.extend(reports);
        tally
    }
}

impl<'a> Extend<&'a Report> for Tally {
    /// Counts many reports at once, fast enough for a million in a browser
    /// (SPEC §8): reports are first summed into plain arrays found by a
    /// short linear search over borrowed ids (a deployment has tens of
    /// tasks and tools), and only the sums touch the tally's maps.
    fn extend<I: IntoIterator<Item = &'a Report>>(&mut self, reports: I) {
        let mut rows: Vec<(&'a str, Vec<(&'a str, Sums)>)> = Vec::new();
        for report in reports {
            let row = match rows.iter().position(|(task, _)| *task == report.task) {
                Some(at) => &mut rows[at].1,
                None => {
                    rows.push((&report.task, Vec::new()));
                    &mut rows.last_mut().expect("pushed").1
                }
            };
            let sums = match row.iter().position(|(tool, _)| *tool == report.tool) {
                Some(at) => &mut row[at].1,
                None => {
                    row.push((&report.tool, Sums::default()));
                    &mut row.last_mut().expect("pushed").1
                }
            };
            sums.outcomes[outcome_index(report.outcome)] += 1;
            if let Some(effort) = report.effort {
                sums.effort[effort_index(effort)] += 1;
            }
            for reason in &report.reasons {
                sums.reasons[*reason as usize] += 1;
            }
        }
        for (task, row) in rows {
            for (tool, sums) in row {
                let counts = CellCounts {
                    outcomes: sums.outcomes,
                    effort: sums.effort,
                    reasons: Reason::ALL
                        .into_iter()
                        .zip(sums.reasons)
                        .filter(|(_, n)| *n > 0)
                        .collect(),
                };
                self.add_counts(task, tool, &counts);
            }
        }
    }
}

/// One cell's counts while many reports are summed, in plain arrays.
#[derive(Default)]
struct Sums {
    outcomes: [u64; 5],
    effort: [u64; 3],
    reasons: [u64; Reason::ALL.len()],
}

/// One row or column of a grid: an id, its label, and whether the config still lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Axis {
    /// The task or tool id.
    pub id: String,
    /// The words to show; the id itself for a retired entry.
    pub label: String,
    /// True when the config no longer lists this id but reports still use it.
    pub retired: bool,
}

/// A task × tool grid ready to draw: rows are tasks in config order, then retired task ids seen in reports (sorted, label = id, retired=true); columns are `none` first, then tools in config order, then retired tools.
#[derive(Debug, Clone)]
pub struct Grid {
    /// The tasks, one per row.
    pub rows: Vec<Axis>,
    /// The tools, one per column, the `none` baseline first (SPEC §5.4).
    pub cols: Vec<Axis>,
    /// Counts as `cells[row][col]`; `None` where no report fell.
    pub cells: Vec<Vec<Option<CellCounts>>>,
}

impl Grid {
    /// Lays `tally` out along the axes `config` defines, keeping ids it no longer lists.
    pub fn build(tally: &Tally, config: &Config) -> Grid {
        let (rows, cols) = Grid::axes(config, tally.tasks(), tally.tools());
        let cells = rows
            .iter()
            .map(|row| {
                cols.iter()
                    .map(|col| tally.cell(&row.id, &col.id).cloned())
                    .collect()
            })
            .collect();
        Grid { rows, cols, cells }
    }

    /// The rows and columns [`Grid::build`] lays out for reports that name
    /// the task ids `tasks` and the tool ids `tools` (in any order, repeats
    /// allowed), for whoever counts them without a [`Tally`] (the team
    /// map's module draws published cells and its own counts on these).
    pub fn axes<'a>(
        config: &Config,
        tasks: impl IntoIterator<Item = &'a str>,
        tools: impl IntoIterator<Item = &'a str>,
    ) -> (Vec<Axis>, Vec<Axis>) {
        (
            axes(&config.tasks, tasks),
            axes(&config.baseline_tools(), tools),
        )
    }
}

/// The listed choices in order, then the seen ids they lack, sorted and marked retired.
pub(crate) fn axes<'a>(listed: &[Choice], seen: impl IntoIterator<Item = &'a str>) -> Vec<Axis> {
    axes_of(listed, &mut seen.into_iter())
}

/// [`axes`], once for every kind of iterator (each copy measured about
/// 0.5 KB of the wasm that draws the maps).
fn axes_of(listed: &[Choice], seen: &mut dyn Iterator<Item = &str>) -> Vec<Axis> {
    let current = listed.iter().map(|choice| Axis {
        id: choice.id.clone(),
        label: choice.label.clone(),
        retired: false,
    });
    // Sorted and deduplicated by insertion, in a Vec: a B-tree set or a
    // slice sort would link kilobytes into the wasm that draws the maps.
    let mut unlisted: Vec<&str> = Vec::new();
    for id in seen {
        if listed.iter().any(|choice| choice.id == id) {
            continue;
        }
        if let Err(at) = unlisted.binary_search(&id) {
            unlisted.insert(at, id);
        }
    }
    let retired = unlisted.into_iter().map(|id| Axis {
        id: id.to_owned(),
        label: id.to_owned(),
        retired: true,
    });
    current.chain(retired).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ReportId;

    fn report(task: &str, tool: &str, outcome: i8) -> Report {
        Report {
            id: ReportId::from_bytes([outcome as u8; 16]),
            week: "2026-W07".parse().unwrap(),
            task: task.into(),
            tool: tool.into(),
            outcome,
            effort: None,
            mandated: None,
            complexity: None,
            team: None,
            pilot: None,
            reasons: vec![],
        }
    }

    fn close(actual: f64, expected: f64) -> bool {
        (actual - expected).abs() < 0.00005
    }

    #[test]
    fn wilson_matches_newcombe_1998() {
        // Newcombe, Stat Med 17:857 (1998), table I, method 3.
        for (s, n, low, high) in [
            (81, 263, 0.2553, 0.3662),
            (15, 148, 0.0624, 0.1605),
            (0, 20, 0.0, 0.1611),
            (1, 29, 0.0061, 0.1718),
        ] {
            let share = wilson(s, n).unwrap();
            assert!(
                close(share.low, low) && close(share.high, high),
                "{s}/{n}: got {:.4}-{:.4}, expected {low}-{high}",
                share.low,
                share.high
            );
            assert!((share.width() - (high - low)).abs() < 0.0001);
        }
    }

    #[test]
    fn wilson_edges() {
        assert_eq!(wilson(0, 0), None);
        let all = wilson(10, 10).unwrap();
        assert_eq!((all.share, all.high), (1.0, 1.0));
        assert!(all.low > 0.6 && all.low < 0.8);
        let none = wilson(0, 10).unwrap();
        assert_eq!((none.share, none.low), (0.0, 0.0));
        assert_eq!(wilson(12, 10), wilson(10, 10));
    }

    #[test]
    fn cell_counts_outcomes_effort_and_reasons() {
        let mut cell = CellCounts::default();
        let mut slow = report("a", "x", -1);
        slow.effort = Some(Effort::High);
        slow.reasons = vec![Reason::Checking, Reason::Wrong];
        cell.add(&slow);
        cell.add(&report("a", "x", 2));
        cell.add(&report("a", "x", 1));
        cell.add(&report("a", "x", 0));
        assert_eq!(cell.outcomes, [0, 1, 1, 1, 1]);
        assert_eq!(cell.effort, [0, 0, 1]);
        assert_eq!(cell.reasons[&Reason::Checking], 1);
        assert_eq!(cell.reasons.get(&Reason::Redo), None);
        assert_eq!(cell.n(), 4);
        assert_eq!(cell.mean(), Some(0.5));
        assert_eq!(cell.helped().unwrap().share, 0.5);
        assert_eq!(CellCounts::default().mean(), None);
        assert_eq!(CellCounts::default().helped(), None);
    }

    #[test]
    fn merging_adds_every_count() {
        let mut a = CellCounts::default();
        let mut b = CellCounts::default();
        let mut negative = report("a", "x", -2);
        negative.reasons = vec![Reason::Friction];
        negative.effort = Some(Effort::Low);
        a.add(&negative);
        b.add(&negative);
        b.add(&report("a", "x", 1));
        a.merge(&b);
        assert_eq!(a.outcomes, [2, 0, 0, 1, 0]);
        assert_eq!(a.effort, [2, 0, 0]);
        assert_eq!(a.reasons[&Reason::Friction], 2);
    }

    #[test]
    fn cell_counts_serialise_with_reason_ids() {
        let mut cell = CellCounts::default();
        let mut r = report("a", "x", -1);
        r.reasons = vec![Reason::Context];
        cell.add(&r);
        assert_eq!(
            serde_json::to_string(&cell).unwrap(),
            r#"{"outcomes":[0,1,0,0,0],"effort":[0,0,0],"reasons":{"context":1}}"#
        );
    }

    #[test]
    fn tally_counts_by_task_and_tool() {
        let reports = [
            report("review", "none", 0),
            report("review", "chat", 1),
            report("review", "chat", 2),
            report("debug", "chat", -1),
        ];
        let tally: Tally = reports.iter().collect();
        assert_eq!(tally.len_reports(), 4);
        assert_eq!(tally.cell("review", "chat").unwrap().n(), 2);
        assert_eq!(tally.cell("review", "nothing"), None);
        assert_eq!(tally.cell("revie", "chat"), None);
        assert_eq!(tally.total().outcomes, [0, 1, 1, 1, 1]);
        let order: Vec<_> = tally.cells().map(|(t, l, c)| (t, l, c.n())).collect();
        assert_eq!(
            order,
            [
                ("debug", "chat", 1),
                ("review", "chat", 2),
                ("review", "none", 1)
            ]
        );
    }

    #[test]
    fn tally_accepts_stored_counts() {
        let stored = CellCounts {
            outcomes: [0, 0, 3, 0, 0],
            ..CellCounts::default()
        };
        let mut tally = Tally::new();
        tally.add_counts("review", "none", &stored);
        tally.add(&report("review", "none", 2));
        assert_eq!(
            tally.cell("review", "none").unwrap().outcomes,
            [0, 0, 3, 0, 1]
        );
    }

    #[test]
    fn grid_orders_config_first_then_retired() {
        let config = Config::from_json(
            r#"{"tasks":[{"id":"review","label":"Code review"},{"id":"debug","label":"Debugging"}],
                "tools":[{"id":"chat","label":"Chat"},{"id":"agent","label":"Agent"}]}"#,
        )
        .unwrap();
        let reports = [
            report("review", "chat", 1),
            report("review", "none", 0),
            report("planning", "oldbot", -1),
            report("archived", "chat", 2),
            report("debug", "agent", 1),
        ];
        let tally: Tally = reports.iter().collect();
        let grid = Grid::build(&tally, &config);

        let rows: Vec<_> = grid
            .rows
            .iter()
            .map(|a| (a.id.as_str(), a.label.as_str(), a.retired))
            .collect();
        assert_eq!(
            rows,
            [
                ("review", "Code review", false),
                ("debug", "Debugging", false),
                ("archived", "archived", true),
                ("planning", "planning", true),
            ]
        );
        let cols: Vec<_> = grid
            .cols
            .iter()
            .map(|a| (a.id.as_str(), a.label.as_str(), a.retired))
            .collect();
        assert_eq!(
            cols,
            [
                ("none", "No AI", false),
                ("chat", "Chat", false),
                ("agent", "Agent", false),
                ("oldbot", "oldbot", true),
            ]
        );
        assert_eq!(grid.cells.len(), 4);
        assert!(grid.cells.iter().all(|row| row.len() == 4));
        assert_eq!(grid.cells[0][0].as_ref().unwrap().n(), 1);
        assert_eq!(grid.cells[0][1].as_ref().unwrap().outcomes, [0, 0, 0, 1, 0]);
        assert_eq!(grid.cells[0][2], None);
        assert_eq!(grid.cells[3][3].as_ref().unwrap().outcomes, [0, 1, 0, 0, 0]);
        assert_eq!(grid.cells[2][1].as_ref().unwrap().n(), 1);
        assert_eq!(grid.cells[1][2].as_ref().unwrap().n(), 1);

        // The same axes from the ids alone, in any order and repeated.
        let (tasks, tools) = Grid::axes(
            &config,
            ["planning", "review", "archived", "planning", "debug"],
            ["oldbot", "chat", "none", "oldbot", "agent"],
        );
        assert_eq!((tasks, tools), (grid.rows, grid.cols));
    }

    #[test]
    fn an_empty_grid_still_has_the_config_axes() {
        let config =
            Config::from_json(r#"{"tasks":[{"id":"review","label":"Review"}],"tools":[]}"#)
                .unwrap();
        let grid = Grid::build(&Tally::new(), &config);
        assert_eq!(grid.rows.len(), 1);
        assert_eq!(grid.cols.len(), 1);
        assert_eq!(grid.cells, vec![vec![None]]);
    }
}
