//! Suppression that holds across nested views (SPEC §5.2), and the audit that proves it.
//!
//! One view alone is made safe by [`crate::suppress`](mod@crate::suppress). But a manager can
//! open many views — "all", one team, one team's mandated use, a month and
//! its quarter — and subtract one from another. Two views are *nested*
//! when every report of the narrower one is also in the wider one: the
//! wider view has each of the narrower one's filters, or a coarser period
//! (a month's quarter, `all`). [`NestedViews`] publishes every view of one
//! set of counts so that:
//!
//! 1. **Pairs.** For any shown group of a view and any shown group of a
//!    wider view that contains it (the same cell, its row or column total,
//!    the grand total), the difference is 0 or at least k.
//! 2. **Partitions.** Narrowing one filter splits a view into disjoint
//!    parts: the teams, the two `mandated` answers, the three efforts, the
//!    months of a quarter, the quarters of `all` — plus the reports that did
//!    not answer. For every shown group, the group minus any set of its
//!    shown parts is 0 or at least k.
//!
//! Both are decided widest view first, so a view's hidden groups depend
//! only on wider views and on the raw counts of its siblings, never on the
//! order in which views are asked for. The partition rule hides the parts
//! together: the unanswered reports and the parts below k form a residue;
//! while the residue is 1..k−1 the next-smallest part joins it. Then every
//! difference a reader can form is a sum of terms that are each 0 or at
//! least k. Whatever a forced hide exposes inside the view is then hidden by
//! the view's own rules ([`crate::suppress::suppress_with`]).
//!
//! [`audit_nested`] checks finished views against rules 1 and 2 without
//! trusting how they were made.
//!
//! What this does not cover: a difference between a group and a union of
//! disjoint parts drawn from *different* filters (e.g. all − mandated −
//! (payments ∧ not mandated)), and exact recovery of a count hidden only
//! by secondary suppression through equations spanning three or more
//! views. docs/privacy.md says so.

use std::collections::{BTreeSet, HashMap};
use std::ops::RangeInclusive;
use std::rc::Rc;
use std::sync::Arc;

use crate::aggregate::{axes, effort_index, Axis, CellCounts, Share};
use crate::config::Config;
use crate::counts::{period_code, ClosedGroups, CountIndex, GroupKey, MonthGroup};
use crate::filter::{AggregateFilter, ChoiceState, Dimension, FilterChoice};
use crate::privacy::RandomizedResponse;
use crate::report::{Complexity, Effort, Reason};
use crate::suppress::{audit, suppress_with, AuditFailure, Suppression};
use crate::view::{GroupCount, Published, PublishedCell, TaskCount, ToolCount, WeekRange};
use crate::week::{IsoWeek, Period};

/// A view's filter resolved for scanning groups: periods as ranges of month
/// codes and of weeks, the team as its interned id.
struct Matcher {
    /// The view's months' codes; every code for `all`.
    months: RangeInclusive<u64>,
    /// The closed weeks with reports in those months; `None` when there are none.
    weeks: Option<RangeInclusive<IsoWeek>>,
    team: Option<u32>,
    complexity: Option<Complexity>,
    mandated: Option<bool>,
    effort: Option<Effort>,
}

impl Matcher {
    fn answers(
        &self,
        team: Option<u32>,
        complexity: Option<Complexity>,
        mandated: Option<bool>,
        effort: Option<Effort>,
    ) -> bool {
        self.team.is_none_or(|mine| team == Some(mine))
            && (self.complexity.is_none() || self.complexity == complexity)
            && (self.mandated.is_none() || self.mandated == mandated)
            && (self.effort.is_none() || self.effort == effort)
    }

    fn accepts(&self, group: &MonthGroup) -> bool {
        self.months.contains(&u64::from(group.month))
            && self.answers(group.team, group.complexity, group.mandated, group.effort)
    }

    /// Whether a group of the index counts in the view: a closed week with
    /// reports is in one of the view's months exactly when it lies between
    /// the first and last such week, as months follow the order of weeks.
    fn accepts_week(&self, key: &GroupKey) -> bool {
        self.weeks
            .as_ref()
            .is_some_and(|weeks| weeks.contains(&key.week))
            && self.answers(key.team, key.complexity, key.mandated, key.effort)
    }
}

/// A table with its margins as one flat list: `(rows + 1) × (cols + 1)`, row-major, margins last.
type Counts = Vec<u64>;

/// Publishes views of one set of stored counts under the nested rules above.
///
/// Views are worked out on demand and remembered, so asking for many
/// views of the same counts (a page of filter choices, a trend by month)
/// shares the work.
pub struct NestedViews<'a> {
    index: &'a CountIndex,
    config: &'a Config,
    rows: Vec<Axis>,
    cols: Vec<Axis>,
    /// Each task id's row and each tool id's column; `usize::MAX` when not shown.
    row_of: Vec<usize>,
    col_of: Vec<usize>,
    closed: Arc<ClosedGroups>,
    root: Option<Rc<Counts>>,
    partitions: HashMap<(AggregateFilter, Dimension), Rc<HashMap<u64, Counts>>>,
    hidden: HashMap<AggregateFilter, Rc<Suppression>>,
    /// Groups hidden on top of the rules, by view (see [`NestedViews::with_extra_hidden`]).
    extra: ExtraHidden,
}

/// Groups hidden on top of the rules, by view: `(task, tool)`, `None` standing for a total.
pub type ExtraHidden = HashMap<AggregateFilter, Vec<(Option<String>, Option<String>)>>;

impl<'a> NestedViews<'a> {
    /// Prepares to publish views of `index` for the closed weeks before `current_week`.
    pub fn new(index: &'a CountIndex, config: &'a Config, current_week: IsoWeek) -> Self {
        let closed = index.closed_groups(current_week);
        let seen = |flags: &[bool]| -> BTreeSet<&str> {
            (0..flags.len())
                .filter(|&id| flags[id])
                .map(|id| index.names[id].as_str())
                .collect()
        };
        let rows = axes(&config.tasks, seen(&closed.is_task));
        let cols = axes(&config.baseline_tools(), seen(&closed.is_tool));
        // Ids are dense, so positions are plain vectors indexed by id.
        let position = |list: &[Axis]| -> Vec<usize> {
            let mut at = vec![usize::MAX; index.names.len()];
            for (position, axis) in list.iter().enumerate() {
                if let Some(&id) = index.ids.get(&axis.id) {
                    at[id as usize] = position;
                }
            }
            at
        };
        NestedViews {
            index,
            config,
            row_of: position(&rows),
            col_of: position(&cols),
            rows,
            cols,
            closed,
            root: None,
            partitions: HashMap::new(),
            hidden: HashMap::new(),
            extra: HashMap::new(),
        }
    }

    /// Also hides these groups of these views, `(task, tool)` with `None`
    /// for a total, as if the rules had forced them: the release auditor's
    /// extra suppression (the `release` module, feature `audit`). Empty
    /// unless asked for, so what the sync server publishes is unchanged.
    pub fn with_extra_hidden(mut self, extra: ExtraHidden) -> Self {
        self.extra = extra;
        self.hidden.clear();
        self
    }

    /// The position of the cell of `task` × `tool` in a table with margins.
    fn at(&self, task: u32, tool: u32) -> usize {
        self.row_of[task as usize] * (self.cols.len() + 1) + self.col_of[tool as usize]
    }

    fn len(&self) -> usize {
        (self.rows.len() + 1) * (self.cols.len() + 1)
    }

    /// Fills in the margins of a table whose cells are counted.
    fn with_margins(&self, mut counts: Counts) -> Counts {
        let (rows, cols) = (self.rows.len(), self.cols.len());
        let width = cols + 1;
        for r in 0..rows {
            for c in 0..cols {
                let n = counts[r * width + c];
                counts[r * width + cols] += n;
                counts[rows * width + c] += n;
                counts[rows * width + cols] += n;
            }
        }
        counts
    }

    fn team_id(&self, team: &str) -> u32 {
        self.index.ids.get(team).copied().unwrap_or(u32::MAX)
    }

    /// A view's filter with its ids and periods resolved, for scanning groups.
    fn matcher(&self, view: &AggregateFilter) -> Matcher {
        let months = month_codes(view.period);
        Matcher {
            weeks: self.closed.weeks_within(&months),
            months,
            team: view.team.as_deref().map(|team| self.team_id(team)),
            complexity: view.complexity,
            mandated: view.mandated,
            effort: view.effort,
        }
    }

    /// Which part of `parent`'s split along `dim` a group falls in; `None` when it did not answer.
    fn part_of(parent: &AggregateFilter, dim: Dimension, group: &MonthGroup) -> Option<u64> {
        match dim {
            Dimension::Period => match parent.period {
                Period::All => Some(quarter_code(group.month)),
                Period::Quarter { .. } => Some(u64::from(group.month)),
                Period::Month { .. } => None,
            },
            Dimension::Team => group.team.map(|team| u64::from(team) + 1),
            Dimension::Complexity => group.complexity.map(complexity_code),
            Dimension::Mandated => group.mandated.map(|m| u64::from(m) + 1),
            Dimension::Effort => group.effort.map(effort_code),
        }
    }

    /// Which part of its parent's split along `dim` a view is.
    fn part_code(&self, view: &AggregateFilter, dim: Dimension) -> u64 {
        match dim {
            Dimension::Period => period_code(view.period),
            Dimension::Team => view
                .team
                .as_deref()
                .map_or(0, |team| u64::from(self.team_id(team)) + 1),
            Dimension::Complexity => view.complexity.map_or(0, complexity_code),
            Dimension::Mandated => view.mandated.map_or(0, |m| u64::from(m) + 1),
            Dimension::Effort => view.effort.map_or(0, effort_code),
        }
    }

    /// The raw counts of every part of `parent` split along `dim`, by part.
    fn partition(&mut self, parent: &AggregateFilter, dim: Dimension) -> Rc<HashMap<u64, Counts>> {
        let memo = (parent.clone(), dim);
        if let Some(parts) = self.partitions.get(&memo) {
            return Rc::clone(parts);
        }
        let mut parts: HashMap<u64, Counts> = HashMap::new();
        let len = self.len();
        let matcher = self.matcher(parent);
        for (group, n) in &self.closed.groups {
            if !matcher.accepts(group) {
                continue;
            }
            if let Some(part) = Self::part_of(parent, dim, group) {
                let at = self.at(group.task, group.tool);
                parts.entry(part).or_insert_with(|| vec![0; len])[at] += n;
            }
        }
        let parts: HashMap<u64, Counts> = parts
            .into_iter()
            .map(|(part, counts)| (part, self.with_margins(counts)))
            .collect();
        let parts = Rc::new(parts);
        self.partitions.insert(memo, Rc::clone(&parts));
        parts
    }

    /// The raw counts of one view, margins included.
    fn raw(&mut self, view: &AggregateFilter) -> Rc<Counts> {
        let Some(&dim) = view.narrowed().first() else {
            if let Some(root) = &self.root {
                return Rc::clone(root);
            }
            let mut counts = vec![0; self.len()];
            for (group, n) in &self.closed.groups {
                counts[self.at(group.task, group.tool)] += n;
            }
            let root = Rc::new(self.with_margins(counts));
            self.root = Some(Rc::clone(&root));
            return root;
        };
        let parent = view.widened(dim).expect("narrowed along dim");
        let code = self.part_code(view, dim);
        let parts = self.partition(&parent, dim);
        Rc::new(
            parts
                .get(&code)
                .cloned()
                .unwrap_or_else(|| vec![0; self.len()]),
        )
    }

    /// Which groups of `view` are hidden, under its own rules and every wider view's.
    pub fn suppression(&mut self, view: &AggregateFilter) -> Rc<Suppression> {
        if let Some(hidden) = self.hidden.get(view) {
            return Rc::clone(hidden);
        }
        let k = u64::from(self.config.k);
        let counts = self.raw(view);
        let mut forced = vec![false; counts.len()];
        for wider in view.ancestors() {
            if &wider == view {
                continue;
            }
            let wider_hidden = self.suppression(&wider);
            let wider_counts = self.raw(&wider);
            for (e, &n) in counts.iter().enumerate() {
                if n == 0 {
                    continue;
                }
                for big in self.containing(e) {
                    let difference = wider_counts[big].saturating_sub(n);
                    if !wider_hidden.entry(big) && (1..k).contains(&difference) {
                        forced[e] = true;
                    }
                }
            }
        }
        for dim in view.narrowed() {
            let parent = view.widened(dim).expect("narrowed along dim");
            let parent_hidden = self.suppression(&parent);
            let parent_counts = self.raw(&parent);
            let parts = self.partition(&parent, dim);
            let mine = self.part_code(view, dim);
            for (e, forced) in forced.iter_mut().enumerate() {
                if parent_hidden.entry(e) || parent_counts[e] == 0 || counts[e] == 0 {
                    continue;
                }
                let sizes: Vec<(u64, u64)> = parts
                    .iter()
                    .map(|(part, counts)| (counts[e], *part))
                    .filter(|(n, _)| *n > 0)
                    .collect();
                if residue_parts(parent_counts[e], sizes, k).contains(&mine) {
                    *forced = true;
                }
            }
        }
        for (task, tool) in self.extra.get(view).into_iter().flatten() {
            let row = task
                .as_ref()
                .map(|id| self.rows.iter().position(|r| &r.id == id));
            let col = tool
                .as_ref()
                .map(|id| self.cols.iter().position(|c| &c.id == id));
            if let (Some(r), Some(c)) = (
                row.unwrap_or(Some(self.rows.len())),
                col.unwrap_or(Some(self.cols.len())),
            ) {
                forced[r * (self.cols.len() + 1) + c] = true;
            }
        }
        let cols = self.cols.len();
        let width = cols + 1;
        let cells: Vec<Vec<u64>> = (0..self.rows.len())
            .map(|r| counts[r * width..r * width + cols].to_vec())
            .collect();
        let hidden = Rc::new(suppress_with(&cells, cols, self.config.k, &forced));
        self.hidden.insert(view.clone(), Rc::clone(&hidden));
        hidden
    }

    /// The groups of the same view that contain entry `e`: itself, its row and column totals, the grand total.
    fn containing(&self, e: usize) -> Vec<usize> {
        let (rows, cols) = (self.rows.len(), self.cols.len());
        let width = cols + 1;
        let (r, c) = (e / width, e % width);
        let mut groups = vec![e];
        if c < cols {
            groups.push(r * width + cols);
        }
        if r < rows {
            groups.push(rows * width + c);
        }
        if r < rows && c < cols {
            groups.push(rows * width + cols);
        }
        groups
    }

    /// The view for `filter`, hidden where the nested rules say.
    pub fn publish(&mut self, filter: &AggregateFilter) -> Published {
        let hidden = self.suppression(filter);
        let width = self.cols.len() + 1;
        let mut cells: HashMap<usize, CellCounts> = HashMap::new();
        let mut weeks: Option<WeekRange> = None;
        let matcher = self.matcher(filter);
        // Outcomes and reasons are kept by week only, in the index itself.
        for (key, sums) in &self.index.groups {
            if !matcher.accepts_week(key) {
                continue;
            }
            let n = sums.n();
            if n == 0 {
                continue;
            }
            let cell = cells.entry(self.at(key.task, key.tool)).or_default();
            for (mine, theirs) in cell.outcomes.iter_mut().zip(sums.outcomes) {
                *mine += theirs;
            }
            if let Some(answer) = key.effort {
                cell.effort[effort_index(answer)] += n;
            }
            for (reason, count) in Reason::ALL.iter().zip(sums.reasons) {
                if count > 0 {
                    *cell.reasons.entry(*reason).or_default() += count;
                }
            }
            weeks = Some(match weeks {
                None => WeekRange {
                    from: key.week,
                    to: key.week,
                },
                Some(range) => WeekRange {
                    from: range.from.min(key.week),
                    to: range.to.max(key.week),
                },
            });
        }
        let counts = self.raw(filter);
        let noise = RandomizedResponse::from_config(&self.config.privacy);
        let (rows, cols) = (self.rows.len(), self.cols.len());
        let shown = |e: usize| (!hidden.entry(e)).then_some(counts[e]);
        let mut published_cells = Vec::new();
        for (r, task) in self.rows.iter().enumerate() {
            for (c, tool) in self.cols.iter().enumerate() {
                if let Some(cell) = cells.get(&(r * width + c)) {
                    let mut published =
                        PublishedCell::of(&task.id, &tool.id, cell, hidden.cell(r, c));
                    // Randomized outcomes: publish the debiased share and its wider interval.
                    if let (Some(noise), Some(_)) = (noise, published.n) {
                        published.helped = noise.helped_share(cell.outcomes).map(|share| Share {
                            share: share.estimate.clamp(0.0, 1.0),
                            low: share.low,
                            high: share.high,
                        });
                    }
                    published_cells.push(published);
                }
            }
        }
        let total = shown(rows * width + cols);
        // The weeks covered are given when the view shows some reports: in its
        // total, or in a cell when the total is withheld (see `release`).
        let shows_reports =
            total.unwrap_or(0) > 0 || published_cells.iter().any(|cell| cell.n.unwrap_or(0) > 0);
        Published {
            k: self.config.k,
            weeks: weeks.filter(|_| shows_reports),
            total: GroupCount { n: total },
            tasks: (0..rows)
                .map(|r| TaskCount {
                    task: self.rows[r].id.clone(),
                    n: shown(r * width + cols),
                })
                .collect(),
            tools: (0..cols)
                .map(|c| ToolCount {
                    tool: self.cols[c].id.clone(),
                    n: shown(rows * width + c),
                })
                .collect(),
            cells: published_cells,
        }
    }

    /// Every value each filter could take next, keeping the others, and what it would show.
    ///
    /// The periods offered are `all` and each quarter and month with closed
    /// weeks; the teams, the config's and any retired ones seen in reports.
    pub fn choices(&mut self, filter: &AggregateFilter) -> Vec<FilterChoice> {
        let periods = self.closed.periods();
        let mut teams: Vec<String> = self.config.teams.iter().map(|t| t.id.clone()).collect();
        for key in self.index.groups.keys() {
            if let Some(team) = key.team {
                let name = &self.index.names[team as usize];
                if !teams.contains(name) {
                    teams.push(name.clone());
                }
            }
        }
        let mut candidates: Vec<(Dimension, Option<String>, AggregateFilter)> = Vec::new();
        let with = |change: &dyn Fn(&mut AggregateFilter)| {
            let mut view = filter.clone();
            change(&mut view);
            view
        };
        for period in std::iter::once(Period::All).chain(periods) {
            let value = (period != Period::All).then(|| period.to_string());
            candidates.push((Dimension::Period, value, with(&|view| view.period = period)));
        }
        for team in std::iter::once(None).chain(teams.into_iter().map(Some)) {
            let view = with(&|view| view.team = team.clone());
            candidates.push((Dimension::Team, team, view));
        }
        for complexity in [None, Some(Complexity::Routine), Some(Complexity::Complex)] {
            candidates.push((
                Dimension::Complexity,
                complexity.map(|c| c.to_string()),
                with(&|view| view.complexity = complexity),
            ));
        }
        for mandated in [None, Some(true), Some(false)] {
            candidates.push((
                Dimension::Mandated,
                mandated.map(|m| m.to_string()),
                with(&|view| view.mandated = mandated),
            ));
        }
        for effort in std::iter::once(None).chain(Effort::ALL.into_iter().map(Some)) {
            candidates.push((
                Dimension::Effort,
                effort.map(|e| e.to_string()),
                with(&|view| view.effort = effort),
            ));
        }
        candidates
            .into_iter()
            .map(|(dimension, value, view)| {
                let total = self.len() - 1;
                let state = if self.raw(&view)[total] == 0 {
                    ChoiceState::Empty
                } else if self.suppression(&view).total() {
                    ChoiceState::Hidden
                } else {
                    ChoiceState::Shown
                };
                FilterChoice {
                    dimension,
                    value,
                    state,
                }
            })
            .collect()
    }
}

/// The parts of a split that must be hidden together so that the parent minus any set of shown parts is 0 or at least k.
///
/// `parts` are (size, part) pairs; the residue starts as the parent's
/// reports in no part (they did not answer) plus every part below k, and
/// while it is 1..k−1 the smallest remaining part joins it.
fn residue_parts(parent: u64, mut parts: Vec<(u64, u64)>, k: u64) -> Vec<u64> {
    parts.sort_unstable();
    let in_parts: u64 = parts.iter().map(|(n, _)| n).sum();
    let mut residue = parent.saturating_sub(in_parts);
    let mut hidden = Vec::new();
    for &(n, part) in &parts {
        if n < k {
            residue += n;
            hidden.push(part);
        }
    }
    for &(n, part) in parts.iter().filter(|(n, _)| *n >= k) {
        if !(1..k).contains(&residue) {
            break;
        }
        residue += n;
        hidden.push(part);
    }
    hidden
}

/// The [`period_code`]s of the months in `period`.
fn month_codes(period: Period) -> RangeInclusive<u64> {
    match period {
        Period::All => 0..=u64::MAX,
        Period::Month { .. } => period_code(period)..=period_code(period),
        Period::Quarter { year, quarter } => {
            let last = period_code(Period::Month {
                year,
                month: quarter * 3,
            });
            last.saturating_sub(2)..=last
        }
    }
}

/// The [`period_code`] of the quarter of the month whose code is `month`.
fn quarter_code(month: u32) -> u64 {
    let (year, month) = (u64::from(month) / 100, u64::from(month) % 100);
    year * 100 + 20 + (month - 1) / 3 + 1
}

fn complexity_code(complexity: Complexity) -> u64 {
    match complexity {
        Complexity::Routine => 1,
        Complexity::Complex => 2,
    }
}

fn effort_code(effort: Effort) -> u64 {
    match effort {
        Effort::Low => 1,
        Effort::Medium => 2,
        Effort::High => 3,
    }
}

/// Checks a set of published views of the same counts against SPEC §5.1–5.2, from the views alone.
///
/// Every view must pass [`audit`]. For every pair where one view is nested
/// in the other, each shown group minus each shown group of the wider
/// view that contains it must be 0 or at least k. For every view and every
/// filter it does not narrow, the views among `views` that split it along
/// that filter are its parts: the view minus any set of its shown parts
/// must be 0 or at least k, group by group.
pub fn audit_nested(views: &[(AggregateFilter, Published)], k: u32) -> Result<(), AuditFailure> {
    let k64 = u64::from(k);
    let groups: Vec<HashMap<(String, String), Option<u64>>> =
        views.iter().map(|(_, view)| group_counts(view)).collect();
    for (filter, view) in views {
        audit(view, k).map_err(|failure| match failure {
            AuditFailure::SmallGroup { group, n, k } => AuditFailure::SmallGroup {
                group: format!("{group} of view ?{}", filter.to_query()),
                n,
                k,
            },
            other => other,
        })?;
    }
    for (narrow_at, (narrow, _)) in views.iter().enumerate() {
        for (wide_at, (wide, _)) in views.iter().enumerate() {
            if narrow_at == wide_at || !narrow.is_within(wide) {
                continue;
            }
            for ((task, tool), n) in &groups[narrow_at] {
                let Some(n) = *n else { continue };
                for container in containers(task, tool) {
                    let Some(Some(big)) = groups[wide_at].get(&container) else {
                        continue;
                    };
                    let difference =
                        big.checked_sub(n)
                            .ok_or_else(|| AuditFailure::Inconsistent {
                                group: format!("{} of ?{}", name(&container), wide.to_query()),
                            })?;
                    if (1..k64).contains(&difference) {
                        return Err(AuditFailure::SmallRemainder {
                            group: format!(
                                "{} of ?{} minus {} of ?{}",
                                name(&container),
                                wide.to_query(),
                                name(&(task.clone(), tool.clone())),
                                narrow.to_query()
                            ),
                            remainder: difference,
                            k,
                        });
                    }
                }
            }
        }
    }
    for (wide_at, (wide, _)) in views.iter().enumerate() {
        for dim in Dimension::ALL {
            let parts: Vec<usize> = views
                .iter()
                .enumerate()
                .filter(|(_, (part, _))| part.widened(dim).as_ref() == Some(wide))
                .map(|(at, _)| at)
                .collect();
            if parts.is_empty() || parts.len() > 16 {
                continue;
            }
            for (group, total) in &groups[wide_at] {
                let Some(total) = *total else { continue };
                let shown: Vec<u64> = parts
                    .iter()
                    .filter_map(|&at| groups[at].get(group).copied().flatten())
                    .filter(|n| *n > 0)
                    .collect();
                for subset in 1u32..(1 << shown.len()) {
                    let sum: u64 = (0..shown.len())
                        .filter(|bit| subset & (1 << bit) != 0)
                        .map(|bit| shown[bit])
                        .sum();
                    let remainder =
                        total
                            .checked_sub(sum)
                            .ok_or_else(|| AuditFailure::Inconsistent {
                                group: format!("{} of ?{}", name(group), wide.to_query()),
                            })?;
                    if (1..k64).contains(&remainder) {
                        return Err(AuditFailure::SmallRemainder {
                            group: format!(
                                "{} of ?{} minus its shown parts by {}",
                                name(group),
                                wide.to_query(),
                                dim.parameter()
                            ),
                            remainder,
                            k,
                        });
                    }
                }
            }
        }
    }
    Ok(())
}

/// Every group of a view by (task, tool), with `*` standing for a total.
fn group_counts(view: &Published) -> HashMap<(String, String), Option<u64>> {
    let mut groups = HashMap::new();
    groups.insert(("*".to_owned(), "*".to_owned()), view.total.n);
    for task in &view.tasks {
        groups.insert((task.task.clone(), "*".to_owned()), task.n);
    }
    for tool in &view.tools {
        groups.insert(("*".to_owned(), tool.tool.clone()), tool.n);
    }
    for task in &view.tasks {
        for tool in &view.tools {
            groups.insert((task.task.clone(), tool.tool.clone()), Some(0));
        }
    }
    for cell in &view.cells {
        groups.insert((cell.task.clone(), cell.tool.clone()), cell.n);
    }
    groups
}

/// A group's name for messages: `total`, `task review`, `tool chat`, `cell review × chat`.
fn name((task, tool): &(String, String)) -> String {
    match (task.as_str(), tool.as_str()) {
        ("*", "*") => "total".to_owned(),
        (task, "*") => format!("task {task}"),
        ("*", tool) => format!("tool {tool}"),
        (task, tool) => format!("cell {task} × {tool}"),
    }
}

/// The groups that contain (task, tool): itself, its row and column totals, the grand total.
fn containers(task: &str, tool: &str) -> Vec<(String, String)> {
    let mut all = vec![(task.to_owned(), tool.to_owned())];
    if tool != "*" {
        all.push((task.to_owned(), "*".to_owned()));
    }
    if task != "*" {
        all.push(("*".to_owned(), tool.to_owned()));
    }
    if task != "*" && tool != "*" {
        all.push(("*".to_owned(), "*".to_owned()));
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::counts::month_code;

    fn filter(query: &str) -> AggregateFilter {
        query.parse().unwrap()
    }

    #[test]
    fn ancestors_run_widest_first_and_are_all_wider() {
        let view = filter("period=2026-02&team=pay&mandated=true");
        let ancestors = view.ancestors();
        assert_eq!(ancestors.len(), 3 * 4);
        assert_eq!(ancestors[0], AggregateFilter::default());
        assert_eq!(ancestors.last(), Some(&view));
        for (at, wider) in ancestors.iter().enumerate() {
            assert!(view.is_within(wider), "{}", wider.to_query());
            for later in &ancestors[at + 1..] {
                assert!(!wider.is_within(later) || wider == later);
            }
        }
        assert!(filter("period=2026-02").is_within(&filter("period=2026-Q1")));
        assert!(!filter("period=2026-04").is_within(&filter("period=2026-Q1")));
        assert!(!filter("team=pay").is_within(&filter("mandated=true")));
    }

    #[test]
    fn randomized_outcomes_publish_the_debiased_share_with_a_wider_interval() {
        use crate::{publish, wilson, StoredCount};
        let config = |privacy: &str| {
            Config::from_json(&format!(
                r#"{{"tasks":[{{"id":"docs","label":"Docs"}}],"tools":[],"k":5{privacy}}}"#
            ))
            .unwrap()
        };
        let count = |outcome: i8, n: u64| StoredCount {
            week: "2026-W07".parse().unwrap(),
            task: "docs".into(),
            tool: "none".into(),
            outcome,
            effort: None,
            mandated: None,
            complexity: None,
            team: None,
            reasons: vec![],
            n,
        };
        let counts = [count(2, 40), count(0, 60)];
        let week = "2026-W08".parse().unwrap();
        let plain = publish(&counts, &AggregateFilter::default(), &config(""), week);
        let noisy_config = config(r#","privacy":{"randomized_response":true,"epsilon":1.0}"#);
        let noisy = publish(&counts, &AggregateFilter::default(), &noisy_config, week);
        let plain_share = plain.cells[0].helped.unwrap();
        let noisy_share = noisy.cells[0].helped.unwrap();
        assert_eq!(plain_share, wilson(40, 100).unwrap());
        let expected = RandomizedResponse::new(1.0)
            .unwrap()
            .helped_share([0, 0, 60, 0, 40])
            .unwrap();
        // Received 40% helped; noise alone gives 2q = 2/(e+4) ≈ 30%: (0.40 − 0.298) / (p − q) ≈ 40% truly helped.
        assert!((noisy_share.share - expected.estimate).abs() < 1e-12);
        assert!(
            (noisy_share.share - 0.400).abs() < 0.01,
            "{}",
            noisy_share.share
        );
        assert!(noisy_share.width() > plain_share.width() * 1.5);
        // Counts are counts of reports either way: suppression is unchanged.
        assert_eq!(noisy.cells[0].n, Some(100));
    }

    #[test]
    fn month_codes_nest_in_their_quarters() {
        for month in 1..=12 {
            let month = Period::Month { year: 2026, month };
            let code = month_code(month);
            let quarter = month.wider().unwrap();
            assert_eq!(quarter_code(code), period_code(quarter));
            assert!(month_codes(quarter).contains(&u64::from(code)));
            assert!(month_codes(Period::All).contains(&u64::from(code)));
            assert_eq!(month_codes(month), u64::from(code)..=u64::from(code));
        }
        let q2: Vec<u64> = month_codes("2026-Q2".parse().unwrap()).collect();
        assert_eq!(q2, [202604, 202605, 202606]);
    }

    #[test]
    fn residue_takes_small_parts_and_the_next_smallest() {
        // 3 unanswered + a part of 1: residue 4 < 5, so the part of 6 joins.
        assert_eq!(
            residue_parts(20, vec![(10, 1), (6, 2), (1, 3)], 5),
            vec![3, 2]
        );
        // Everyone answered, every part at least k: nothing hidden.
        assert_eq!(
            residue_parts(15, vec![(10, 1), (5, 2)], 5),
            Vec::<u64>::new()
        );
        // 5 unanswered is itself a safe residue.
        assert_eq!(
            residue_parts(20, vec![(10, 1), (5, 2)], 5),
            Vec::<u64>::new()
        );
    }
}
