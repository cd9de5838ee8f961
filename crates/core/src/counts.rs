//! Stored counts (SPEC §6.4): what a sync server keeps instead of reports, and their index in memory.
//!
//! A [`StoredCount`] is one distinct report content with how many reports
//! said it. A [`CountIndex`] groups them by everything a filter can ask,
//! and resolves the closed weeks once (`ClosedGroups`) for every view
//! [`crate::nested`] publishes from them.

use std::collections::{BTreeSet, HashMap};
use std::ops::RangeInclusive;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use rustc_hash::FxHashMap;

use crate::filter::AggregateFilter;
use crate::report::{outcome_index, Complexity, Effort, Reason, Report};
use crate::week::{IsoWeek, Period};

/// How many stored reports share one exact content (SPEC §6.4): the server's unit of storage.
///
/// Everything a report says except its id, plus the number of reports that
/// said it. Reasons are sorted, so the order a person ticked them in does
/// not split a count.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StoredCount {
    /// The week the tasks were done in.
    pub week: IsoWeek,
    /// The task id.
    pub task: String,
    /// The tool id.
    pub tool: String,
    /// The outcome, −2 to 2.
    pub outcome: i8,
    /// The effort answer, if given.
    pub effort: Option<Effort>,
    /// The mandated answer, if given.
    pub mandated: Option<bool>,
    /// The complexity answer, if given.
    pub complexity: Option<Complexity>,
    /// The team, if given.
    pub team: Option<String>,
    /// The reasons given, sorted.
    pub reasons: Vec<Reason>,
    /// How many reports had exactly this content.
    pub n: u64,
}

impl StoredCount {
    /// The content of one report, counted once; its id is left behind.
    pub fn of(report: &Report) -> StoredCount {
        let mut reasons = report.reasons.clone();
        reasons.sort_unstable();
        StoredCount {
            week: report.week,
            task: report.task.clone(),
            tool: report.tool.clone(),
            outcome: report.outcome,
            effort: report.effort,
            mandated: report.mandated,
            complexity: report.complexity,
            team: report.team.clone(),
            reasons,
            n: 1,
        }
    }

    /// Whether these reports fall in `filter`'s period and answer its questions the same way.
    ///
    /// Closed weeks are not checked here; [`publish`](crate::publish()) does that.
    pub fn matches(&self, filter: &AggregateFilter) -> bool {
        filter.period.contains(self.week)
            && (filter.team.is_none() || filter.team == self.team)
            && (filter.complexity.is_none() || filter.complexity == self.complexity)
            && (filter.mandated.is_none() || filter.mandated == self.mandated)
            && (filter.effort.is_none() || filter.effort == self.effort)
    }
}

/// Stored counts held in memory, grouped by everything a filter can ask.
///
/// A server answering `GET /aggregate` from a million reports must not
/// walk a million rows per request (SPEC §8: p99 ≤ 50 ms). Grouping by
/// week, task, tool and the filterable answers folds outcome and reasons
/// into sums, so the number of groups depends on the taxonomy and the
/// weeks, not on how many reports there are.
#[derive(Debug, Default)]
pub struct CountIndex {
    pub(crate) names: Vec<String>,
    pub(crate) ids: HashMap<String, u32>,
    pub(crate) groups: HashMap<GroupKey, GroupSums>,
    reports: u64,
    /// The closed weeks as views read them, resolved for the last current
    /// week asked; a server reads far more often than a closed week's counts
    /// change, and every reader would otherwise resolve its own copy.
    closed: Mutex<Option<Arc<ClosedGroups>>>,
}

impl Clone for CountIndex {
    fn clone(&self) -> CountIndex {
        CountIndex {
            names: self.names.clone(),
            ids: self.ids.clone(),
            groups: self.groups.clone(),
            reports: self.reports,
            closed: Mutex::new(self.closed_cache().clone()),
        }
    }
}

/// What a filter can ask about a group, with names interned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct GroupKey {
    pub(crate) week: IsoWeek,
    pub(crate) task: u32,
    pub(crate) tool: u32,
    pub(crate) team: Option<u32>,
    pub(crate) complexity: Option<Complexity>,
    pub(crate) mandated: Option<bool>,
    pub(crate) effort: Option<Effort>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct GroupSums {
    pub(crate) outcomes: [u64; 5],
    pub(crate) reasons: [u64; Reason::ALL.len()],
}

impl GroupSums {
    /// Reports in the group: every report has exactly one outcome.
    pub(crate) fn n(&self) -> u64 {
        self.outcomes.iter().sum()
    }
}

impl CountIndex {
    /// An empty index.
    pub fn new() -> CountIndex {
        CountIndex::default()
    }

    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = u32::try_from(self.names.len()).expect("fewer than 2^32 distinct ids");
        self.names.push(name.to_owned());
        self.ids.insert(name.to_owned(), id);
        id
    }

    /// Counts `count.n` more reports of that content in.
    pub fn add(&mut self, count: &StoredCount) {
        let key = GroupKey {
            week: count.week,
            task: self.intern(&count.task),
            tool: self.intern(&count.tool),
            team: count.team.as_deref().map(|team| self.intern(team)),
            complexity: count.complexity,
            mandated: count.mandated,
            effort: count.effort,
        };
        let closed = self
            .closed
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        if closed
            .as_ref()
            .is_some_and(|closed| count.week < closed.current_week)
        {
            *closed = None;
        }
        let sums = self.groups.entry(key).or_default();
        sums.outcomes[outcome_index(count.outcome)] += count.n;
        for reason in &count.reasons {
            let at = Reason::ALL
                .iter()
                .position(|r| r == reason)
                .expect("ALL lists every reason");
            sums.reasons[at] += count.n;
        }
        self.reports += count.n;
    }

    /// How many reports are counted, in every week.
    pub fn len_reports(&self) -> u64 {
        self.reports
    }

    /// Calls `visit` with each group's week, task, tool and reports per
    /// outcome (−2..=2), in no particular order. A week, task and tool may
    /// come more than once (groups also differ by the filterable answers):
    /// the caller adds them up. For views of some tasks × tools over some
    /// weeks, such as a pilot's before and after (SPEC §10).
    pub fn for_each_outcomes(&self, mut visit: impl FnMut(IsoWeek, &str, &str, &[u64; 5])) {
        for (key, sums) in &self.groups {
            let name = |id: u32| self.names[id as usize].as_str();
            visit(key.week, name(key.task), name(key.tool), &sums.outcomes);
        }
    }

    /// How many groups are held: a measure of memory, not of reports.
    pub fn len_groups(&self) -> usize {
        self.groups.len()
    }

    /// The groups of the weeks before `current_week`, resolved once and
    /// shared until a count for one of those weeks is added.
    pub(crate) fn closed_groups(&self, current_week: IsoWeek) -> Arc<ClosedGroups> {
        let mut closed = self.closed_cache();
        match &*closed {
            Some(groups) if groups.current_week == current_week => Arc::clone(groups),
            _ => {
                // Resolved under the lock, so readers arriving meanwhile wait
                // for this copy instead of each making their own.
                let groups = Arc::new(ClosedGroups::of(self, current_week));
                *closed = Some(Arc::clone(&groups));
                groups
            }
        }
    }

    fn closed_cache(&self) -> MutexGuard<'_, Option<Arc<ClosedGroups>>> {
        // The cache is replaced whole or not at all; one left by a panic is still whole.
        self.closed.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<'a> Extend<&'a StoredCount> for CountIndex {
    fn extend<I: IntoIterator<Item = &'a StoredCount>>(&mut self, counts: I) {
        for count in counts {
            self.add(count);
        }
    }
}

impl<'a> FromIterator<&'a StoredCount> for CountIndex {
    fn from_iter<I: IntoIterator<Item = &'a StoredCount>>(counts: I) -> CountIndex {
        let mut index = CountIndex::new();
        index.extend(counts);
        index
    }
}

/// The closed weeks of a [`CountIndex`], resolved once for every view of them.
///
/// Views tell weeks apart only by their month (and so their quarter), so
/// the groups of one month's closed weeks are added together: a year of
/// weekly groups becomes twelve months of them, each held as 32 bytes. The
/// index keeps one of these for its current week and shares it between
/// views and requests until a count for a closed week arrives; before, each
/// request made its own copy of every group, and the freed copies kept a
/// server's memory high. Outcomes and reasons stay in the index, which
/// [`NestedViews::publish`] reads once per view.
#[derive(Debug)]
pub(crate) struct ClosedGroups {
    /// Weeks before this one are closed.
    pub(crate) current_week: IsoWeek,
    /// Each closed week that holds reports, in order, with its month's [`period_code`].
    pub(crate) weeks: Vec<(IsoWeek, u32)>,
    /// Whether each task id has reports in closed weeks, by id.
    pub(crate) is_task: Vec<bool>,
    /// Whether each tool id has reports in closed weeks, by id.
    pub(crate) is_tool: Vec<bool>,
    /// Each group with its number of reports.
    pub(crate) groups: Vec<(MonthGroup, u64)>,
}

/// What a view can ask about the reports of one month's closed weeks, with names interned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct MonthGroup {
    pub(crate) task: u32,
    pub(crate) tool: u32,
    /// The month's [`period_code`].
    pub(crate) month: u32,
    pub(crate) team: Option<u32>,
    pub(crate) complexity: Option<Complexity>,
    pub(crate) mandated: Option<bool>,
    pub(crate) effort: Option<Effort>,
}

impl ClosedGroups {
    /// Resolves the groups of `index` in the weeks before `current_week`.
    pub(crate) fn of(index: &CountIndex, current_week: IsoWeek) -> ClosedGroups {
        let names = index.names.len();
        let (mut is_task, mut is_tool) = (vec![false; names], vec![false; names]);
        let mut months: FxHashMap<IsoWeek, u32> = FxHashMap::default();
        let mut merged: FxHashMap<MonthGroup, u64> = FxHashMap::default();
        for (key, sums) in &index.groups {
            let n = sums.n();
            if key.week >= current_week || n == 0 {
                continue;
            }
            is_task[key.task as usize] = true;
            is_tool[key.tool as usize] = true;
            let month = *months
                .entry(key.week)
                .or_insert_with(|| month_code(key.week.month()));
            let group = MonthGroup {
                task: key.task,
                tool: key.tool,
                month,
                team: key.team,
                complexity: key.complexity,
                mandated: key.mandated,
                effort: key.effort,
            };
            *merged.entry(group).or_default() += n;
        }
        let mut weeks: Vec<(IsoWeek, u32)> = months.into_iter().collect();
        weeks.sort_unstable();
        ClosedGroups {
            current_week,
            weeks,
            is_task,
            is_tool,
            groups: merged.into_iter().collect(),
        }
    }

    /// Every month and quarter with a closed week that holds reports.
    pub(crate) fn periods(&self) -> BTreeSet<Period> {
        self.weeks
            .iter()
            .flat_map(|(week, _)| [week.month(), week.quarter()])
            .collect()
    }

    /// The first and last closed weeks with reports whose month's code is in `months`.
    pub(crate) fn weeks_within(
        &self,
        months: &RangeInclusive<u64>,
    ) -> Option<RangeInclusive<IsoWeek>> {
        let mut within = self
            .weeks
            .iter()
            .filter(|(_, month)| months.contains(&u64::from(*month)))
            .map(|(week, _)| *week);
        let first = within.next()?;
        Some(first..=within.next_back().unwrap_or(first))
    }
}

/// A number for a period, ordered within a year: `YYYYMM` for a month, `YYYY2Q` for a quarter, 0 for all.
pub(crate) fn period_code(period: Period) -> u64 {
    match period {
        Period::All => 0,
        Period::Month { year, month } => year as u64 * 100 + u64::from(month),
        Period::Quarter { year, quarter } => year as u64 * 100 + 20 + u64::from(quarter),
    }
}

/// The [`period_code`] of a week's month, small enough to keep with each group.
pub(crate) fn month_code(month: Period) -> u32 {
    u32::try_from(period_code(month)).expect("an ISO week's year has four digits")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_is_visited_with_its_outcomes() {
        let report = |week: &str, tool: &str, outcome: i8, mandated: Option<bool>| StoredCount {
            week: week.parse().unwrap(),
            task: "tests".into(),
            tool: tool.into(),
            outcome,
            effort: None,
            mandated,
            complexity: None,
            team: None,
            reasons: vec![],
            n: 2,
        };
        let counts = [
            report("2026-W01", "agent", 1, None),
            report("2026-W01", "agent", 2, Some(true)),
            report("2026-W01", "agent", 2, None),
            report("2026-W02", "none", -2, None),
        ];
        let index: CountIndex = counts.iter().collect();
        let mut seen = Vec::new();
        index.for_each_outcomes(|week, task, tool, outcomes| {
            seen.push((
                week.to_string(),
                task.to_owned(),
                tool.to_owned(),
                *outcomes,
            ));
        });
        seen.sort();
        let row = |week: &str, tool: &str, outcomes: [u64; 5]| {
            (
                week.to_owned(),
                "tests".to_owned(),
                tool.to_owned(),
                outcomes,
            )
        };
        assert_eq!(
            seen,
            [
                row("2026-W01", "agent", [0, 0, 0, 0, 2]),
                row("2026-W01", "agent", [0, 0, 0, 2, 2]),
                row("2026-W02", "none", [2, 0, 0, 0, 0]),
            ]
        );
    }
}
