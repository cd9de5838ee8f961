//! The auditor's attack on a whole release (SPEC §5.2), run by the server on itself.
//!
//! [`crate::suppress`] makes one view safe and [`crate::nested`] makes pairs
//! and splits of nested views safe. An attacker with every view at once can
//! do more: write every number the release publishes as a linear equation
//! over the unknown counts of the finest groups, add that counts are never
//! negative, and ask a linear-programming solver for the smallest and
//! largest value each small group can take. [`audit_release`] runs exactly
//! that attack, with the true counts in hand to know where to look.
//!
//! # The equations
//!
//! The unknowns are the counts of the finest groups a release can tell
//! apart: one per task × tool cell, month, team (or blank), complexity (or
//! blank), mandated answer (or blank), effort (or blank) and outcome. Every
//! shown cell of every view gives five equations (its outcome counts); every
//! shown row total, column total and grand total gives one. A shown count
//! of zero — a cell a view does not list, an outcome nobody gave — removes
//! its unknowns outright. A total's equation keeps only its hidden cells
//! (the shown ones are known), and equations that say the same thing are
//! kept once. Reasons are not modelled: a reason count is published only in
//! a shown cell, and only reports with a negative outcome carry reasons.
//!
//! # What counts as a finding
//!
//! A *group* is a cell in a period (a month, a quarter or all) narrowed by
//! any choice of the four optional answers, where each answer is either
//! left open, a value, or blank (the report did not answer). A group of 1
//! to k−1 reports is *pinned* when the solver proves its count (the least
//! and greatest values it can take have no other whole number between
//! them), and it *proves an answer* when some outcome's count within it
//! cannot be 0. Either is a [`Finding`].
//!
//! Counts are whole numbers; the solver relaxes them to real ones. That
//! only widens what the attacker must allow, so a finding is always a real
//! inference, but an attack that needs whole numbers (rounding a bound) can
//! prove a little more than this auditor sees. Reasons and the
//! `shown`/`hidden` state of `/aggregate/choices` are not equations here.
//!
//! # Solving only where needed
//!
//! The auditor knows the true counts, so it checks only groups that truly
//! hold 1 to k−1 reports. The unknowns split into independent components
//! (unknowns linked by some equation); unknowns that sit in exactly the same
//! equations are one class. Every solution found — the truth first — is
//! kept as a known feasible point of its component: a group that is 0 at a
//! known point can be neither pinned nor hold a proved answer, and a known
//! point where it is at least one above the truth shows it is not pinned.
//! Only what those points cannot settle goes to the solver, and never as a
//! fresh program: each component's equations are solved once, and each
//! question ("can this group be 0?", "can it be n − 1?", "n + 1?") adds one
//! constraint to that solved basis, which microlp's dual simplex answers in
//! a few steps (a clone of the basis per question). The solution found
//! joins the known points.
//!
//! # Measured
//!
//! `cargo test -p candor-core --test release_audit -- --nocapture` on the
//! shared 2-core development machine (solver and core optimised), planted
//! data of issue 14 (default config, about 70 reports in each of three
//! cells over four closed weeks in two months, optional answers sometimes
//! blank):
//!
//! | release | views | exposed small groups (pinned / proved answer) | unknowns, largest component | questions solved | audit time |
//! | --- | --- | --- | --- | --- | --- |
//! | period + one filter, rules only | 32 | 46 (4 / 46) | 874, 820 | 456 | 0.15 s (8.2 s with a fresh program per question) |
//! | period + one filter, three teams, rules only | 44 | 59 (2 / 59) | 3,114, 288 | 1,013 | 0.38 s (3.2 s before) |
//! | the same, audited (38 rounds, 102 more groups hidden) | 44 | 0 | 3,900, 288 | about 200 | tens of ms (last round) |
//!
//! On the `--demo` data (3,000 reports, 32 cells, three months;
//! `cargo run --release -p candor-server --example release_build`) the
//! first audit solves 14,949 questions in 2.6 s and finds 1,478 exposed
//! groups; the whole release, 32 rounds, takes about 9 s. At 1,000,000
//! reports (`./candor bench server`: dense data, few small groups) it takes
//! 0.77 s. Before totals
//! that sum two or more hidden cells were withheld, the first audit of the
//! same data linked every cell into one component of 7,682 unknowns and
//! took 176 s. The cost of the audit is the number of small groups and the
//! size of the largest component, not the number of reports: counts are
//! kept per distinct content.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::time::Instant;

use microlp::{ComparisonOp, Error as LpError, OptimizationDirection, Problem, SolveOutcome};

use crate::counts::{CountIndex, StoredCount};
use crate::filter::AggregateFilter;
use crate::report::{outcome_index, Complexity, Effort};
use crate::view::{Published, PublishedCell};
use crate::week::{IsoWeek, Period};

/// Below this, a solver's value is taken as 0; whole counts are judged with this slack.
const SLACK: f64 = 1e-6;

/// One optional answer of a group: left open, blank, or one value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Answer<T> {
    /// Any answer, blank included.
    Any,
    /// Reports that left the question blank.
    Blank,
    /// Reports that gave this answer.
    Is(T),
}

impl<T: fmt::Display> fmt::Display for Answer<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answer::Any => f.write_str("any"),
            Answer::Blank => f.write_str("blank"),
            Answer::Is(value) => value.fmt(f),
        }
    }
}

/// A group of reports the auditor checks: one cell, one period, one choice per optional answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Group {
    /// The task id.
    pub task: String,
    /// The tool id.
    pub tool: String,
    /// A month, a quarter or all.
    pub period: Period,
    /// The team.
    pub team: Answer<String>,
    /// The complexity.
    pub complexity: Answer<Complexity>,
    /// The mandated answer.
    pub mandated: Answer<bool>,
    /// The effort.
    pub effort: Answer<Effort>,
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} × {} in {}, team {}, complexity {}, mandated {}, effort {}",
            self.task,
            self.tool,
            self.period,
            self.team,
            self.complexity,
            self.mandated,
            self.effort
        )
    }
}

impl Group {
    /// Whether every report of this group is counted by `filter`'s view.
    pub fn is_within(&self, filter: &AggregateFilter) -> bool {
        let period = filter.period == Period::All
            || filter.period == self.period
            || self.period.wider() == Some(filter.period);
        fn within<T: PartialEq>(mine: &Answer<T>, filter: &Option<T>) -> bool {
            match filter {
                None => true,
                Some(value) => matches!(mine, Answer::Is(v) if v == value),
            }
        }
        period
            && within(&self.team, &filter.team)
            && within(&self.complexity, &filter.complexity)
            && within(&self.mandated, &filter.mandated)
            && within(&self.effort, &filter.effort)
    }

    /// Whether some report of this group could be counted by `filter`'s view.
    pub fn meets(&self, filter: &AggregateFilter) -> bool {
        let period = filter.period == Period::All
            || self.period == Period::All
            || filter.period == self.period
            || self.period.wider() == Some(filter.period)
            || filter.period.wider() == Some(self.period);
        fn meets<T: PartialEq>(mine: &Answer<T>, filter: &Option<T>) -> bool {
            match (mine, filter) {
                (_, None) | (Answer::Any, _) => true,
                (Answer::Is(mine), Some(value)) => mine == value,
                (Answer::Blank, Some(_)) => false,
            }
        }
        period
            && meets(&self.team, &filter.team)
            && meets(&self.complexity, &filter.complexity)
            && meets(&self.mandated, &filter.mandated)
            && meets(&self.effort, &filter.effort)
    }
}

/// A small group the attack exposes.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The group.
    pub group: Group,
    /// How many reports it truly holds, 1 to k−1.
    pub n: u64,
    /// The solver proves its count.
    pub pinned: bool,
    /// Outcomes (−2..2) the solver proves someone in the group gave.
    pub proved: Vec<i8>,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} reports)", self.group, self.n)?;
        if self.pinned {
            f.write_str(": count pinned")?;
        }
        if !self.proved.is_empty() {
            write!(f, "; proved outcomes {:?}", self.proved)?;
        }
        Ok(())
    }
}

/// What an audit did, for the record and for benchmarks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditStats {
    /// Views read.
    pub views: usize,
    /// Unknowns left after shown zeros removed theirs.
    pub unknowns: usize,
    /// Distinct equations.
    pub equations: usize,
    /// Independent components of unknowns linked by equations.
    pub components: usize,
    /// Unknowns in the largest component.
    pub largest_component: usize,
    /// Groups of 1 to k−1 reports checked.
    pub small_groups: usize,
    /// Linear programs solved.
    pub programs: usize,
    /// Wall time, milliseconds.
    pub millis: u128,
}

/// The result of [`audit_release`].
#[derive(Debug, Clone, Default)]
pub struct ReleaseAudit {
    /// Every exposed small group; empty when the release passes.
    pub findings: Vec<Finding>,
    /// What the audit did.
    pub stats: AuditStats,
}

impl ReleaseAudit {
    /// Small groups whose count is pinned.
    pub fn pinned(&self) -> usize {
        self.findings.iter().filter(|f| f.pinned).count()
    }

    /// Small groups with a proved answer.
    pub fn proved(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| !f.proved.is_empty())
            .count()
    }
}

/// The true counts of the closed weeks, as the server holds them.
#[derive(Debug, Clone, Default)]
pub struct Truth {
    /// (task, tool, month, team, complexity, mandated, effort) → reports per outcome.
    groups: HashMap<FineKey, [u64; 5]>,
}

type FineKey = (
    String,
    String,
    Period,
    Option<String>,
    Option<Complexity>,
    Option<bool>,
    Option<Effort>,
);

impl Truth {
    /// The counts of weeks before `current_week`.
    pub fn of_counts<'a>(
        counts: impl IntoIterator<Item = &'a StoredCount>,
        current_week: IsoWeek,
    ) -> Truth {
        let mut truth = Truth::default();
        for count in counts {
            if count.week < current_week && count.n > 0 {
                truth.add(
                    (
                        count.task.clone(),
                        count.tool.clone(),
                        count.week.month(),
                        count.team.clone(),
                        count.complexity,
                        count.mandated,
                        count.effort,
                    ),
                    outcome_index(count.outcome),
                    count.n,
                );
            }
        }
        truth
    }

    /// The counts an index holds for weeks before `current_week`.
    pub fn of_index(index: &CountIndex, current_week: IsoWeek) -> Truth {
        let mut truth = Truth::default();
        let name = |id: u32| index.names[id as usize].clone();
        for (key, sums) in &index.groups {
            if key.week >= current_week {
                continue;
            }
            for (at, &n) in sums.outcomes.iter().enumerate() {
                if n > 0 {
                    truth.add(
                        (
                            name(key.task),
                            name(key.tool),
                            key.week.month(),
                            key.team.map(name),
                            key.complexity,
                            key.mandated,
                            key.effort,
                        ),
                        at,
                        n,
                    );
                }
            }
        }
        truth
    }

    fn add(&mut self, key: FineKey, outcome: usize, n: u64) {
        self.groups.entry(key).or_default()[outcome] += n;
    }

    /// Every month with reports.
    pub fn months(&self) -> Vec<Period> {
        let mut months: Vec<Period> = self.groups.keys().map(|key| key.2).collect();
        months.sort_unstable();
        months.dedup();
        months
    }

    /// Every team named in a report.
    pub fn teams(&self) -> Vec<String> {
        let mut teams: Vec<String> = self.groups.keys().filter_map(|k| k.3.clone()).collect();
        teams.sort_unstable();
        teams.dedup();
        teams
    }
}

/// The finest groups, numbered: each unknown is one of them with one outcome.
struct Space {
    tasks: Vec<String>,
    tools: Vec<String>,
    months: Vec<Period>,
    /// Team ids; code 0 is blank, team `i` is code `i + 1`.
    teams: Vec<String>,
}

/// Codes of the values a view or group allows along each dimension.
struct Selection {
    months: Vec<usize>,
    teams: Vec<usize>,
    complexities: Vec<usize>,
    mandated: Vec<usize>,
    efforts: Vec<usize>,
}

const COMPLEXITIES: usize = 1 + Complexity::ALL.len();
const MANDATED: usize = 3;
const EFFORTS: usize = 1 + Effort::ALL.len();

fn complexity_code(value: Option<Complexity>) -> usize {
    value.map_or(0, |v| {
        1 + Complexity::ALL.iter().position(|c| *c == v).unwrap_or(0)
    })
}

fn mandated_code(value: Option<bool>) -> usize {
    value.map_or(0, |v| 1 + usize::from(v))
}

fn effort_code(value: Option<Effort>) -> usize {
    value.map_or(0, |v| {
        1 + Effort::ALL.iter().position(|e| *e == v).unwrap_or(0)
    })
}

fn open_or<T>(
    answer: &Answer<T>,
    all: usize,
    code: impl Fn(Option<&T>) -> Option<usize>,
) -> Vec<usize> {
    match answer {
        Answer::Any => (0..all).collect(),
        Answer::Blank => vec![0],
        Answer::Is(value) => code(Some(value)).into_iter().collect(),
    }
}

impl Space {
    fn cells(&self) -> usize {
        self.tasks.len() * self.tools.len()
    }

    fn per_cell(&self) -> usize {
        self.months.len() * (self.teams.len() + 1) * COMPLEXITIES * MANDATED * EFFORTS * 5
    }

    fn len(&self) -> usize {
        self.cells() * self.per_cell()
    }

    fn cell(&self, task: &str, tool: &str) -> Option<usize> {
        let r = self.tasks.iter().position(|t| t == task)?;
        let c = self.tools.iter().position(|t| t == tool)?;
        Some(r * self.tools.len() + c)
    }

    fn team_code(&self, team: Option<&String>) -> Option<usize> {
        match team {
            None => Some(0),
            Some(team) => self.teams.iter().position(|t| t == team).map(|at| at + 1),
        }
    }

    fn months_in(&self, period: Period) -> Vec<usize> {
        (0..self.months.len())
            .filter(|&m| {
                let month = self.months[m];
                period == Period::All || period == month || month.wider() == Some(period)
            })
            .collect()
    }

    fn of_filter(&self, filter: &AggregateFilter) -> Selection {
        fn chosen(all: usize, code: Option<usize>, given: bool) -> Vec<usize> {
            if given {
                code.into_iter().collect()
            } else {
                (0..all).collect()
            }
        }
        Selection {
            months: self.months_in(filter.period),
            teams: chosen(
                self.teams.len() + 1,
                filter.team.as_ref().and_then(|t| self.team_code(Some(t))),
                filter.team.is_some(),
            ),
            complexities: chosen(
                COMPLEXITIES,
                Some(complexity_code(filter.complexity)),
                filter.complexity.is_some(),
            ),
            mandated: chosen(
                MANDATED,
                Some(mandated_code(filter.mandated)),
                filter.mandated.is_some(),
            ),
            efforts: chosen(
                EFFORTS,
                Some(effort_code(filter.effort)),
                filter.effort.is_some(),
            ),
        }
    }

    fn of_group(&self, group: &Group) -> Selection {
        Selection {
            months: self.months_in(group.period),
            teams: open_or(&group.team, self.teams.len() + 1, |t| self.team_code(t)),
            complexities: open_or(&group.complexity, COMPLEXITIES, |c| {
                Some(complexity_code(c.copied()))
            }),
            mandated: open_or(&group.mandated, MANDATED, |m| {
                Some(mandated_code(m.copied()))
            }),
            efforts: open_or(&group.effort, EFFORTS, |e| Some(effort_code(e.copied()))),
        }
    }

    /// The unknowns of `cell` within `selection`, for the given outcomes (indices 0..5).
    fn unknowns(
        &self,
        cell: usize,
        selection: &Selection,
        outcomes: &[usize],
        out: &mut Vec<usize>,
    ) {
        let teams = self.teams.len() + 1;
        for &m in &selection.months {
            for &t in &selection.teams {
                for &c in &selection.complexities {
                    for &d in &selection.mandated {
                        for &e in &selection.efforts {
                            let fine =
                                ((((cell * self.months.len() + m) * teams + t) * COMPLEXITIES + c)
                                    * MANDATED
                                    + d)
                                    * EFFORTS
                                    + e;
                            for &o in outcomes {
                                out.push(fine * 5 + o);
                            }
                        }
                    }
                }
            }
        }
    }

    fn fine_index(&self, key: &FineKey) -> Option<usize> {
        let cell = self.cell(&key.0, &key.1)?;
        let m = self.months.iter().position(|m| *m == key.2)?;
        let t = self.team_code(key.3.as_ref())?;
        let teams = self.teams.len() + 1;
        Some(
            ((((cell * self.months.len() + m) * teams + t) * COMPLEXITIES
                + complexity_code(key.4))
                * MANDATED
                + mandated_code(key.5))
                * EFFORTS
                + effort_code(key.6),
        )
    }
}

const ALL_OUTCOMES: [usize; 5] = [0, 1, 2, 3, 4];

/// One component: its unknowns (global numbers), its equations over local numbers, and known feasible points.
struct Component {
    unknowns: Vec<usize>,
    /// Equations over classes (see [`System::build`]).
    equations: Vec<(Vec<usize>, f64)>,
    /// How many unknowns each class holds, and which.
    class_size: Vec<usize>,
    class_members: Vec<Vec<usize>>,
    /// Known feasible points, one value per class.
    points: Vec<Vec<f64>>,
    /// The equations solved once with no objective; every question starts from this basis.
    base: Base,
}

impl Component {
    /// The component's equations as a program over its classes (each at least 0), with
    /// the sum of `goal` as the objective (none when `goal` is empty), and its variables.
    fn program(
        &self,
        direction: OptimizationDirection,
        goal: &[usize],
    ) -> (Problem, Vec<microlp::Variable>) {
        let mut problem = Problem::new(direction);
        let mut costs = vec![0.0; self.class_size.len()];
        for &l in goal {
            costs[l] = 1.0;
        }
        let vars: Vec<microlp::Variable> = costs
            .iter()
            .map(|&cost| problem.add_var(cost, (0.0, f64::INFINITY)))
            .collect();
        for (locals, value) in &self.equations {
            let expr: Vec<(microlp::Variable, f64)> =
                locals.iter().map(|&l| (vars[l], 1.0)).collect();
            problem.add_constraint(expr, ComparisonOp::Eq, *value);
        }
        (problem, vars)
    }
}

/// A component's solved equations, kept so each question costs a few dual simplex steps.
enum Base {
    /// Not solved yet.
    Unsolved,
    /// Solved: the feasible basis every question starts from, and the variable of each class.
    Solved(Box<microlp::Solution>, Vec<microlp::Variable>),
    /// The solver failed on the equations themselves; every question is answered as exposed.
    Failed,
}

/// Where the equations stand: unknowns by component.
struct System {
    /// For each unknown: `(component, local number)`, or `None` when no equation holds it (or a shown zero removed it).
    place: Vec<Option<(usize, usize)>>,
    /// Unknowns removed by a shown zero.
    zero: Vec<bool>,
    components: Vec<Component>,
    programs: usize,
}

/// Audits a whole release: every view the server would publish, with the
/// true counts of the closed weeks it covers (see the module docs).
pub fn audit_release(
    release: &[(AggregateFilter, Published)],
    truth: &Truth,
    k: u32,
) -> ReleaseAudit {
    audit_release_until(release, truth, k, usize::MAX)
}

/// As [`audit_release`], stopping once `enough` findings are in (the release fails either way).
pub fn audit_release_until(
    release: &[(AggregateFilter, Published)],
    truth: &Truth,
    k: u32,
    enough: usize,
) -> ReleaseAudit {
    let started = Instant::now();
    let space = space_of(release, truth);
    let mut system = System::build(&space, release, truth);
    let mut stats = AuditStats {
        views: release.len(),
        unknowns: system.zero.iter().filter(|z| !**z).count(),
        equations: system.components.iter().map(|c| c.equations.len()).sum(),
        components: system.components.len(),
        largest_component: system
            .components
            .iter()
            .map(|c| c.unknowns.len())
            .max()
            .unwrap_or(0),
        ..AuditStats::default()
    };
    let groups = small_groups(truth, u64::from(k));
    stats.small_groups = groups.len();
    let mut findings = Vec::new();
    for (group, outcomes) in groups {
        if findings.len() >= enough {
            break;
        }
        let n: u64 = outcomes.iter().sum();
        let Some(cell) = space.cell(&group.task, &group.tool) else {
            continue;
        };
        let selection = space.of_group(&group);
        let mut all = Vec::new();
        space.unknowns(cell, &selection, &ALL_OUTCOMES, &mut all);
        if system.can_be_zero(&all) {
            continue;
        }
        let mut proved = Vec::new();
        for (o, &count) in outcomes.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let mut these = Vec::new();
            space.unknowns(cell, &selection, &[o], &mut these);
            if !system.can_be_zero(&these) {
                proved.push(o as i8 - 2);
            }
        }
        let pinned = system.pins(&all, n as f64);
        if pinned || !proved.is_empty() {
            findings.push(Finding {
                group,
                n,
                pinned,
                proved,
            });
        }
    }
    stats.programs = system.programs;
    stats.millis = started.elapsed().as_millis();
    ReleaseAudit { findings, stats }
}

/// The finest groups the release and the truth name.
fn space_of(release: &[(AggregateFilter, Published)], truth: &Truth) -> Space {
    let mut tasks: Vec<String> = Vec::new();
    let mut tools: Vec<String> = Vec::new();
    let mut months = truth.months();
    let mut teams = truth.teams();
    for (filter, view) in release {
        for task in &view.tasks {
            if !tasks.contains(&task.task) {
                tasks.push(task.task.clone());
            }
        }
        for tool in &view.tools {
            if !tools.contains(&tool.tool) {
                tools.push(tool.tool.clone());
            }
        }
        if let Period::Month { .. } = filter.period {
            if !months.contains(&filter.period) {
                months.push(filter.period);
            }
        }
        if let Some(team) = &filter.team {
            if !teams.contains(team) {
                teams.push(team.clone());
            }
        }
    }
    for key in truth.groups.keys() {
        if !tasks.contains(&key.0) {
            tasks.push(key.0.clone());
        }
        if !tools.contains(&key.1) {
            tools.push(key.1.clone());
        }
    }
    months.sort_unstable();
    Space {
        tasks,
        tools,
        months,
        teams,
    }
}

/// Every group truly holding 1 to k−1 reports, with its reports per outcome.
fn small_groups(truth: &Truth, k: u64) -> Vec<(Group, [u64; 5])> {
    let mut groups: HashMap<Group, [u64; 5]> = HashMap::new();
    for (key, outcomes) in &truth.groups {
        let month = key.2;
        let quarter = month.wider().unwrap_or(Period::All);
        for period in [month, quarter, Period::All] {
            for mask in 0u8..16 {
                let pick = |bit: u8| mask & (1 << bit) != 0;
                let group = Group {
                    task: key.0.clone(),
                    tool: key.1.clone(),
                    period,
                    team: if pick(0) {
                        key.3.clone().map_or(Answer::Blank, Answer::Is)
                    } else {
                        Answer::Any
                    },
                    complexity: if pick(1) {
                        key.4.map_or(Answer::Blank, Answer::Is)
                    } else {
                        Answer::Any
                    },
                    mandated: if pick(2) {
                        key.5.map_or(Answer::Blank, Answer::Is)
                    } else {
                        Answer::Any
                    },
                    effort: if pick(3) {
                        key.6.map_or(Answer::Blank, Answer::Is)
                    } else {
                        Answer::Any
                    },
                };
                let sums = groups.entry(group).or_default();
                for (sum, n) in sums.iter_mut().zip(outcomes) {
                    *sum += n;
                }
            }
        }
    }
    let mut small: Vec<(Group, [u64; 5])> = groups
        .into_iter()
        .filter(|(_, outcomes)| (1..k).contains(&outcomes.iter().sum()))
        .collect();
    small.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    small
}

impl System {
    fn build(space: &Space, release: &[(AggregateFilter, Published)], truth: &Truth) -> System {
        let len = space.len();
        let mut zero = vec![false; len];
        let mut scratch = Vec::new();
        // First every shown zero, so equations are written over what is left.
        for (filter, view) in release {
            let selection = space.of_filter(filter);
            let listed: HashMap<(&str, &str), &PublishedCell> = view
                .cells
                .iter()
                .map(|cell| ((cell.task.as_str(), cell.tool.as_str()), cell))
                .collect();
            let mut clear = |cell: usize, outcomes: &[usize], zero: &mut Vec<bool>| {
                scratch.clear();
                space.unknowns(cell, &selection, outcomes, &mut scratch);
                for &u in &scratch {
                    zero[u] = true;
                }
            };
            for task in &view.tasks {
                for tool in &view.tools {
                    let Some(cell) = space.cell(&task.task, &tool.tool) else {
                        continue;
                    };
                    match listed.get(&(task.task.as_str(), tool.tool.as_str())) {
                        None => clear(cell, &ALL_OUTCOMES, &mut zero),
                        Some(shown) => {
                            if let Some(outcomes) = shown.outcomes {
                                for (o, &n) in outcomes.iter().enumerate() {
                                    if n == 0 {
                                        clear(cell, &[o], &mut zero);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Then the equations, each kept once.
        let mut seen: HashSet<Vec<usize>> = HashSet::new();
        let mut equations: Vec<(Vec<usize>, f64)> = Vec::new();
        let mut push =
            |mut unknowns: Vec<usize>, value: f64, equations: &mut Vec<(Vec<usize>, f64)>| {
                unknowns.retain(|&u| !zero[u]);
                if unknowns.is_empty() {
                    return;
                }
                unknowns.sort_unstable();
                if seen.insert(unknowns.clone()) {
                    equations.push((unknowns, value));
                }
            };
        for (filter, view) in release {
            let selection = space.of_filter(filter);
            let shown: HashMap<(&str, &str), u64> = view
                .cells
                .iter()
                .filter_map(|cell| Some(((cell.task.as_str(), cell.tool.as_str()), cell.n?)))
                .collect();
            for cell in &view.cells {
                let (Some(at), Some(outcomes)) =
                    (space.cell(&cell.task, &cell.tool), cell.outcomes)
                else {
                    continue;
                };
                for (o, &n) in outcomes.iter().enumerate() {
                    if n > 0 {
                        let mut unknowns = Vec::new();
                        space.unknowns(at, &selection, &[o], &mut unknowns);
                        push(unknowns, n as f64, &mut equations);
                    }
                }
            }
            // A total: its hidden cells hold what its shown cells do not.
            let mut total =
                |pairs: Vec<(&str, &str)>, n: u64, equations: &mut Vec<(Vec<usize>, f64)>| {
                    let mut rest = n;
                    let mut unknowns = Vec::new();
                    for (task, tool) in pairs {
                        match shown.get(&(task, tool)) {
                            Some(&count) => rest = rest.saturating_sub(count),
                            None => {
                                if let Some(at) = space.cell(task, tool) {
                                    space.unknowns(at, &selection, &ALL_OUTCOMES, &mut unknowns);
                                }
                            }
                        }
                    }
                    push(unknowns, rest as f64, equations);
                };
            for task in &view.tasks {
                if let Some(n) = task.n {
                    let pairs = view
                        .tools
                        .iter()
                        .map(|t| (task.task.as_str(), t.tool.as_str()))
                        .collect();
                    total(pairs, n, &mut equations);
                }
            }
            for tool in &view.tools {
                if let Some(n) = tool.n {
                    let pairs = view
                        .tasks
                        .iter()
                        .map(|t| (t.task.as_str(), tool.tool.as_str()))
                        .collect();
                    total(pairs, n, &mut equations);
                }
            }
            if let Some(n) = view.total.n {
                let pairs = view
                    .tasks
                    .iter()
                    .flat_map(|task| {
                        view.tools
                            .iter()
                            .map(move |tool| (task.task.as_str(), tool.tool.as_str()))
                    })
                    .collect();
                total(pairs, n, &mut equations);
            }
        }
        // Components, by union-find over the unknowns of each equation.
        let mut parent: Vec<usize> = (0..len).collect();
        fn root(parent: &mut [usize], mut u: usize) -> usize {
            while parent[u] != u {
                parent[u] = parent[parent[u]];
                u = parent[u];
            }
            u
        }
        for (unknowns, _) in &equations {
            let first = root(&mut parent, unknowns[0]);
            for &u in &unknowns[1..] {
                let other = root(&mut parent, u);
                if other != first {
                    parent[other] = first;
                }
            }
        }
        let mut place: Vec<Option<(usize, usize)>> = vec![None; len];
        let mut component_of: HashMap<usize, usize> = HashMap::new();
        let mut components: Vec<Component> = Vec::new();
        for (unknowns, _) in &equations {
            for &u in unknowns {
                if place[u].is_some() {
                    continue;
                }
                let r = root(&mut parent, u);
                let c = *component_of.entry(r).or_insert_with(|| {
                    components.push(Component {
                        unknowns: Vec::new(),
                        equations: Vec::new(),
                        class_size: Vec::new(),
                        class_members: Vec::new(),
                        points: Vec::new(),
                        base: Base::Unsolved,
                    });
                    components.len() - 1
                });
                place[u] = Some((c, components[c].unknowns.len()));
                components[c].unknowns.push(u);
            }
        }
        for (unknowns, value) in equations {
            let (c, _) = place[unknowns[0]].expect("placed above");
            let local = unknowns
                .iter()
                .map(|&u| place[u].expect("placed").1)
                .collect();
            components[c].equations.push((local, value));
        }
        // Unknowns that sit in exactly the same equations can trade reports
        // freely, so the solver sees each such class as one unknown.
        for component in &mut components {
            let mut signature: Vec<Vec<usize>> = vec![Vec::new(); component.unknowns.len()];
            for (at, (locals, _)) in component.equations.iter().enumerate() {
                for &l in locals {
                    signature[l].push(at);
                }
            }
            let mut class_of_signature: HashMap<&Vec<usize>, usize> = HashMap::new();
            let mut class_of = Vec::with_capacity(signature.len());
            for sig in &signature {
                let next = class_of_signature.len();
                class_of.push(*class_of_signature.entry(sig).or_insert(next));
            }
            let classes = class_of_signature.len();
            component.class_size = vec![0; classes];
            for &class in &class_of {
                component.class_size[class] += 1;
            }
            for (locals, _) in &mut component.equations {
                let mut mapped: Vec<usize> = locals.iter().map(|&l| class_of[l]).collect();
                mapped.sort_unstable();
                mapped.dedup();
                *locals = mapped;
            }
            for (l, &u) in component.unknowns.iter().enumerate() {
                if let Some(placed) = &mut place[u] {
                    placed.1 = class_of[l];
                }
            }
            component.class_members = vec![Vec::new(); classes];
            for (l, &u) in component.unknowns.iter().enumerate() {
                component.class_members[class_of[l]].push(u);
            }
        }
        // The truth is the first known point of every component.
        let mut truth_at = vec![0.0; len];
        for (key, outcomes) in &truth.groups {
            if let Some(fine) = space.fine_index(key) {
                for (o, &n) in outcomes.iter().enumerate() {
                    truth_at[fine * 5 + o] = n as f64;
                }
            }
        }
        for component in &mut components {
            let point = component
                .class_members
                .iter()
                .map(|members| members.iter().map(|&u| truth_at[u]).sum())
                .collect();
            component.points.push(point);
        }
        System {
            place,
            zero,
            components,
            programs: 0,
        }
    }

    /// `unknowns` by component: the classes wholly within them, and those
    /// they touch; and whether some unknown is in no equation.
    #[allow(clippy::type_complexity)]
    fn split(&self, unknowns: &[usize]) -> (HashMap<usize, (Vec<usize>, Vec<usize>)>, bool) {
        let mut counted: HashMap<usize, HashMap<usize, usize>> = HashMap::new();
        let mut free = false;
        for &u in unknowns {
            if self.zero[u] {
                continue;
            }
            match self.place[u] {
                Some((c, class)) => *counted.entry(c).or_default().entry(class).or_default() += 1,
                None => free = true,
            }
        }
        let parts = counted
            .into_iter()
            .map(|(c, classes)| {
                let sizes = &self.components[c].class_size;
                let whole = classes
                    .iter()
                    .filter(|(class, n)| sizes[**class] == **n)
                    .map(|(class, _)| *class)
                    .collect();
                (c, (whole, classes.into_keys().collect()))
            })
            .collect();
        (parts, free)
    }

    /// Whether the sum of `unknowns` can be 0: every component's share of it must reach 0.
    fn can_be_zero(&mut self, unknowns: &[usize]) -> bool {
        let (parts, _) = self.split(unknowns);
        parts.into_iter().all(|(c, (whole, _))| {
            whole.is_empty() || self.reaches(c, &whole, ComparisonOp::Le, SLACK)
        })
    }

    /// Whether the solver proves the sum of `unknowns` is `n`: no whole number but `n` lies
    /// between the least and the greatest value it can take.
    fn pins(&mut self, unknowns: &[usize], n: f64) -> bool {
        let (parts, free) = self.split(unknowns);
        if free {
            return false;
        }
        let mut parts: Vec<_> = parts.into_iter().collect();
        if parts.len() == 1 {
            let (c, (whole, touched)) = parts.pop().expect("one part");
            return !self.reaches(c, &whole, ComparisonOp::Le, n - 1.0 + SLACK)
                && !self.reaches(c, &touched, ComparisonOp::Ge, n + 1.0 - SLACK);
        }
        // Across components the extremes add up; each needs its own program.
        let (mut least, mut most) = (0.0, 0.0);
        for (c, (whole, touched)) in parts {
            if !whole.is_empty() {
                least += self.optimise(c, &whole, OptimizationDirection::Minimize);
            }
            most += self.optimise(c, &touched, OptimizationDirection::Maximize);
        }
        least > n - 1.0 + SLACK && most < n + 1.0 - SLACK
    }

    /// Whether the sum of `classes` of component `c` can be at most (`Le`) or at least (`Ge`)
    /// `bound`. A known point answers first; otherwise the component's solved equations get
    /// one constraint more, and the solution found joins the known points. When the solver
    /// cannot answer, the answer is no: the auditor errs towards a finding.
    fn reaches(&mut self, c: usize, classes: &[usize], op: ComparisonOp, bound: f64) -> bool {
        let sum = |point: &Vec<f64>| classes.iter().map(|&l| point[l]).sum::<f64>();
        let known = self.components[c].points.iter().any(|point| match op {
            ComparisonOp::Le => sum(point) <= bound,
            ComparisonOp::Ge => sum(point) >= bound,
            ComparisonOp::Eq => false,
        });
        if known {
            return true;
        }
        let Some((base, vars)) = self.base(c) else {
            return false;
        };
        let expr: Vec<(microlp::Variable, f64)> = classes.iter().map(|&l| (vars[l], 1.0)).collect();
        let (base, vars) = (base.clone(), vars.to_vec());
        self.programs += 1;
        match base.add_constraint(expr, op, bound) {
            Ok(SolveOutcome::Solution(solution)) => {
                self.keep_point(c, &vars, &solution);
                true
            }
            _ => false,
        }
    }

    /// The least or greatest value of the sum of `classes` of component `c`, from a fresh
    /// program; when the solver cannot answer, the value that makes a finding.
    fn optimise(&mut self, c: usize, classes: &[usize], direction: OptimizationDirection) -> f64 {
        self.programs += 1;
        let (problem, vars) = self.components[c].program(direction, classes);
        let maximise = direction == OptimizationDirection::Maximize;
        match problem.solve() {
            Ok(SolveOutcome::Solution(solution)) => {
                self.keep_point(c, &vars, &solution);
                solution.objective()
            }
            Err(LpError::Unbounded) if maximise => f64::INFINITY,
            // The truth is a feasible point, so anything else is the solver's
            // own trouble; answer as if the group were exposed, to be safe.
            _ if maximise => 0.0,
            _ => f64::INFINITY,
        }
    }

    /// Keeps a solution of component `c`'s program as a known feasible point.
    fn keep_point(&mut self, c: usize, vars: &[microlp::Variable], solution: &microlp::Solution) {
        let point = vars
            .iter()
            .map(|&v| solution.var_value(v).max(0.0))
            .collect();
        self.components[c].points.push(point);
    }

    /// Component `c`'s equations, solved once with no objective, and its variables.
    fn base(&mut self, c: usize) -> Option<(&microlp::Solution, &[microlp::Variable])> {
        let component = &mut self.components[c];
        if let Base::Unsolved = component.base {
            self.programs += 1;
            let (problem, vars) = component.program(OptimizationDirection::Minimize, &[]);
            component.base = match problem.solve() {
                Ok(SolveOutcome::Solution(solution)) => Base::Solved(Box::new(solution), vars),
                _ => Base::Failed,
            };
        }
        match &component.base {
            Base::Solved(solution, vars) => Some((solution, vars)),
            _ => None,
        }
    }
}
