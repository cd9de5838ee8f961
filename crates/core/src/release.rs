//! A release: every view the sync server publishes, checked as a whole by the auditor (SPEC §5.2).
//!
//! The server builds one [`Release`] per state of the closed weeks and
//! answers `GET /aggregate`, its CSV and `/aggregate/choices` from it.
//!
//! 1. **Fewer views** ([`Scope::PeriodAndOne`]): the period (all, a quarter
//!    or a month), alone or with one of team, complexity, mandated or
//!    effort ([`AggregateFilter::is_published`]). [`Release::view`] answers
//!    a filter outside the scope with [`NotInRelease`]; choosing a filter
//!    next to another replaces it ([`AggregateFilter::with_choice`]), and
//!    [`Release::choices`] says what that choice would show.
//!    [`Scope::Every`] (every combination) is kept for measuring the attack.
//! 2. **Totals that tie hidden cells together are withheld.** A row, column
//!    or grand total covering two or more hidden cells tells their sum;
//!    across views such sums join every cell into one system (thousands of
//!    unknowns, minutes to audit, and more leaks).
//! 3. **Audit-driven extra suppression.** [`Release::build`] publishes every
//!    view, runs [`audit_release`] over them with the true counts, and for
//!    each exposed small group hides one more group of one view — a cell
//!    before a total, from the views a manager misses least first (filtered
//!    before unfiltered, months before quarters before all), the smallest
//!    first — unless a group hidden this round for another finding may
//!    close it; then publishes and audits again, until the auditor finds
//!    nothing. Each round hides at least one more group, so it ends: at
//!    worst with everything hidden.
//!
//! What managers keep: the team map by period and one filter (a team, the
//! told-to or chosen use, complexity, effort), the trend of one filter by
//! month, told-to beside chosen for the whole organisation in any period,
//! and the drill-down by effort of a period with no other filter. What they
//! lose: two filters at once (one team's told-to use, one team's
//! high-effort tasks), totals that would add up hidden cells, and some
//! cells the audit hides on top of the k rule; docs/privacy.md gives the
//! figures on the demo data.

use std::collections::HashMap;

use crate::config::Config;
use crate::counts::CountIndex;
use crate::filter::{AggregateFilter, ChoiceState, Dimension, FilterChoice};
use crate::lp_audit::{audit_release, AuditStats, Finding, Truth};
use crate::nested::NestedViews;
use crate::report::{Complexity, Effort};
use crate::view::Published;
use crate::week::{IsoWeek, Period};

/// Which filter combinations a release holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every combination of the five filters (the attack's yardstick; not published).
    Every,
    /// The period with at most one of team, complexity, mandated or effort.
    PeriodAndOne,
}

impl Scope {
    /// Whether a view with `filter` is in a release of this scope.
    pub fn holds(self, filter: &AggregateFilter) -> bool {
        match self {
            Scope::Every => true,
            Scope::PeriodAndOne => filter.is_published(),
        }
    }
}

/// A filter combination a [`Release`] of [`Scope::PeriodAndOne`] does not hold.
///
/// The sync server answers it with 400 and the code `not_published`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{query}` combines filters the server does not publish together: use the period with at \
     most one of team, complexity, mandated or effort (more views at once would let small groups \
     be worked out; see docs/privacy.md)"
)]
pub struct NotInRelease {
    /// The filter asked for, as a query string.
    pub query: String,
    /// The query parameter at fault: the last filter given.
    pub parameter: &'static str,
}

impl NotInRelease {
    /// The refusal for `filter`.
    pub fn of(filter: &AggregateFilter) -> NotInRelease {
        NotInRelease {
            query: filter.to_query(),
            parameter: filter
                .narrowed()
                .last()
                .map_or("period", |dim| dim.parameter()),
        }
    }

    /// The stable code, as an HTTP API serving the release would return it.
    pub fn code(&self) -> &'static str {
        "not_published"
    }
}

/// Every filter of `scope` over `periods` and `teams`, widest first.
pub fn filters(scope: Scope, periods: &[Period], teams: &[String]) -> Vec<AggregateFilter> {
    let mut all = Vec::new();
    let teams: Vec<Option<String>> = std::iter::once(None)
        .chain(teams.iter().cloned().map(Some))
        .collect();
    let complexities = [None, Some(Complexity::Routine), Some(Complexity::Complex)];
    let mandated = [None, Some(true), Some(false)];
    let efforts: Vec<Option<Effort>> = std::iter::once(None)
        .chain(Effort::ALL.into_iter().map(Some))
        .collect();
    for &period in std::iter::once(&Period::All).chain(periods) {
        for team in &teams {
            for &complexity in &complexities {
                for &mandated in &mandated {
                    for &effort in &efforts {
                        let filter = AggregateFilter {
                            period,
                            team: team.clone(),
                            complexity,
                            mandated,
                            effort,
                        };
                        if scope.holds(&filter) {
                            all.push(filter);
                        }
                    }
                }
            }
        }
    }
    all.dedup();
    all
}

/// Every month and quarter with a closed week holding reports, in order.
pub fn closed_periods(index: &CountIndex, current_week: IsoWeek) -> Vec<Period> {
    let mut periods: Vec<Period> = index
        .groups
        .iter()
        .filter(|(key, sums)| key.week < current_week && sums.n() > 0)
        .flat_map(|(key, _)| [key.week.month(), key.week.quarter()])
        .collect();
    periods.sort_unstable();
    periods.dedup();
    periods
}

/// The config's teams, then retired ones seen in reports.
pub fn every_team(index: &CountIndex, config: &Config) -> Vec<String> {
    let mut teams: Vec<String> = config.teams.iter().map(|t| t.id.clone()).collect();
    let mut seen: Vec<&String> = index
        .groups
        .keys()
        .filter_map(|key| key.team.map(|t| &index.names[t as usize]))
        .collect();
    seen.sort_unstable();
    seen.dedup();
    for team in seen {
        if !teams.contains(team) {
            teams.push(team.clone());
        }
    }
    teams
}

pub use crate::nested::ExtraHidden;

/// Every view of one state of the counts, audited; what `GET /aggregate` serves.
#[derive(Debug, Clone)]
pub struct Release {
    /// Which filters it holds.
    pub scope: Scope,
    /// Every view, widest first.
    pub views: Vec<(AggregateFilter, Published)>,
    /// What the audit hid on top of the rules.
    pub extra: ExtraHidden,
    /// How many publish-and-audit rounds it took.
    pub rounds: usize,
    /// The last audit's figures.
    pub audit: AuditStats,
    /// Groups the audit hid on top of the rules.
    pub extra_hidden: usize,
    /// Findings of the first audit, before any extra suppression.
    pub first_findings: Vec<Finding>,
    choices: HashMap<AggregateFilter, Vec<FilterChoice>>,
}

/// At most this many publish-and-audit rounds; then every view meeting a finding is hidden whole.
const MAX_ROUNDS: usize = 100;

impl Release {
    /// Publishes every view of `scope` for the closed weeks before `current_week` and audits them
    /// until the auditor finds nothing (see the module docs).
    pub fn build(
        index: &CountIndex,
        config: &Config,
        current_week: IsoWeek,
        scope: Scope,
    ) -> Release {
        Release::build_with(index, config, current_week, scope, true)
    }

    /// As [`Release::build`]; with `audited` false, the release as the rules alone make it, with no audit at all.
    pub fn build_with(
        index: &CountIndex,
        config: &Config,
        current_week: IsoWeek,
        scope: Scope,
        audited: bool,
    ) -> Release {
        let truth = Truth::of_index(index, current_week);
        let periods = closed_periods(index, current_week);
        let teams = every_team(index, config);
        let filters = filters(scope, &periods, &teams);
        let mut extra: ExtraHidden = HashMap::new();
        let mut first_findings = None;
        let mut rounds = 0;
        loop {
            rounds += 1;
            let mut nested =
                NestedViews::new(index, config, current_week).with_extra_hidden(extra.clone());
            let views: Vec<(AggregateFilter, Published)> = filters
                .iter()
                .map(|filter| (filter.clone(), nested.publish(filter)))
                .collect();
            if audited && hide_linking_totals(&views, &mut extra) {
                continue;
            }
            let audit = if audited {
                audit_release(&views, &truth, config.k)
            } else {
                Default::default()
            };
            let findings = audit.findings;
            if first_findings.is_none() {
                first_findings = Some(findings.clone());
            }
            let mut grew = false;
            if audited {
                for finding in &findings {
                    let whole = rounds >= MAX_ROUNDS;
                    grew |= hide_for(finding, &views, &mut extra, whole);
                }
            }
            if findings.is_empty() || !grew {
                let choices = filters
                    .iter()
                    .map(|filter| {
                        let mut list = nested.choices(filter);
                        for choice in &mut list {
                            choice.state = choice_state(scope, filter, choice, &views);
                        }
                        (filter.clone(), list)
                    })
                    .collect();
                let extra_hidden = extra.values().map(Vec::len).sum();
                return Release {
                    scope,
                    views,
                    extra,
                    rounds,
                    audit: audit.stats,
                    extra_hidden,
                    first_findings: first_findings.unwrap_or_default(),
                    choices,
                };
            }
        }
    }

    /// The published view for `filter`.
    pub fn view(&self, filter: &AggregateFilter) -> Result<Published, NotInRelease> {
        if !self.scope.holds(filter) {
            return Err(NotInRelease::of(filter));
        }
        Ok(self
            .views
            .iter()
            .find(|(f, _)| f == filter)
            .map(|(_, view)| view.clone())
            .unwrap_or_else(|| empty_view(self, filter)))
    }

    /// What each filter's values would show next to `filter`; a choice outside the release is `hidden`.
    pub fn choices(&self, filter: &AggregateFilter) -> Result<Vec<FilterChoice>, NotInRelease> {
        if !self.scope.holds(filter) {
            return Err(NotInRelease::of(filter));
        }
        Ok(self.choices.get(filter).cloned().unwrap_or_default())
    }
}

/// A view of a period or team with no reports: every group 0.
fn empty_view(release: &Release, _filter: &AggregateFilter) -> Published {
    let mut view = release
        .views
        .first()
        .map(|(_, view)| view.clone())
        .expect("a release holds at least the view of everything");
    view.weeks = None;
    view.total.n = Some(0);
    for task in &mut view.tasks {
        task.n = Some(0);
    }
    for tool in &mut view.tools {
        tool.n = Some(0);
    }
    view.cells.clear();
    view
}

/// Hides every shown total that covers two or more hidden cells of its view
/// (a row, a column or the grand total); `true` when it hid one more.
///
/// Such a total tells the sum of its hidden cells, an equation that ties
/// those cells' unknowns together: across a release's views these ties join
/// every cell into one system of thousands of unknowns, which the auditor
/// then takes minutes to solve and which leaks far more. A total with one
/// hidden cell is already safe by the differencing rule, and one with none
/// tells nothing the cells do not.
fn hide_linking_totals(views: &[(AggregateFilter, Published)], extra: &mut ExtraHidden) -> bool {
    let mut grew = false;
    for (filter, view) in views {
        let hidden = |task: &str, tool: &str| view.cell(task, tool).is_some_and(|c| c.n.is_none());
        let mut hide = Vec::new();
        for task in view.tasks.iter().filter(|t| t.n.is_some()) {
            if view
                .tools
                .iter()
                .filter(|t| hidden(&task.task, &t.tool))
                .count()
                >= 2
            {
                hide.push((Some(task.task.clone()), None));
            }
        }
        for tool in view.tools.iter().filter(|t| t.n.is_some()) {
            if view
                .tasks
                .iter()
                .filter(|t| hidden(&t.task, &tool.tool))
                .count()
                >= 2
            {
                hide.push((None, Some(tool.tool.clone())));
            }
        }
        let all_hidden = view.cells.iter().filter(|c| c.n.is_none()).count();
        if view.total.n.is_some() && all_hidden >= 2 {
            hide.push((None, None));
        }
        if !hide.is_empty() {
            let entries = extra.entry(filter.clone()).or_default();
            for entry in hide {
                if !entries.contains(&entry) {
                    entries.push(entry);
                    grew = true;
                }
            }
        }
    }
    grew
}

/// What choosing `choice` next to `filter` would show, read off the
/// release itself: a view with no reports is empty (as the rules say), one
/// with at least one shown cell is shown, any other hidden. A choice whose
/// view is outside the scope is hidden; with [`Scope::PeriodAndOne`] there
/// is none, since choosing one filter drops the others
/// ([`AggregateFilter::with_choice`]).
fn choice_state(
    scope: Scope,
    filter: &AggregateFilter,
    choice: &FilterChoice,
    views: &[(AggregateFilter, Published)],
) -> ChoiceState {
    if choice.state == ChoiceState::Empty {
        return ChoiceState::Empty;
    }
    let Some(next) = filter.with_choice(choice.dimension, choice.value.as_deref()) else {
        return ChoiceState::Hidden;
    };
    if !scope.holds(&next) {
        return ChoiceState::Hidden;
    }
    let shown = views
        .iter()
        .find(|(f, _)| *f == next)
        .is_some_and(|(_, view)| view.cells.iter().any(|cell| cell.n.is_some()));
    if shown {
        ChoiceState::Shown
    } else {
        ChoiceState::Hidden
    }
}

/// How much a manager would miss a view: the unfiltered views most, then
/// told-to and chosen use, then the other filters; within each, the longer
/// periods more. Extra suppression takes the least missed first.
fn worth(filter: &AggregateFilter) -> u8 {
    let period = match filter.period {
        Period::Month { .. } => 0,
        Period::Quarter { .. } => 1,
        Period::All => 2,
    };
    let unfiltered = filter
        .narrowed()
        .iter()
        .all(|dim| *dim == Dimension::Period);
    // Told-to beside chosen is the comparison Candor exists to show (SPEC §5.5).
    let view = if unfiltered {
        2
    } else if filter.mandated.is_some() {
        1
    } else {
        0
    };
    view * 3 + period
}

/// Hides one more group for `finding` — a shown cell containing it, else a row or
/// column total, else a grand total touching it; with `whole`, every one of them.
fn hide_for(
    finding: &Finding,
    views: &[(AggregateFilter, Published)],
    extra: &mut ExtraHidden,
    whole: bool,
) -> bool {
    let group = &finding.group;
    let (task, tool) = (group.task.as_str(), group.tool.as_str());
    // (total?, worth of the view to a manager, shown count, view, entry)
    #[allow(clippy::type_complexity)]
    let mut candidates: Vec<(
        bool,
        u8,
        u64,
        &AggregateFilter,
        (Option<String>, Option<String>),
    )> = Vec::new();
    for (filter, view) in views {
        if !group.meets(filter) {
            continue;
        }
        let worth = worth(filter);
        if let Some(n) = view.cell(task, tool).and_then(|cell| cell.n) {
            candidates.push((
                false,
                worth,
                n,
                filter,
                (Some(task.into()), Some(tool.into())),
            ));
        }
        if let Some(n) = view.tasks.iter().find(|t| t.task == task).and_then(|t| t.n) {
            candidates.push((true, worth, n, filter, (Some(task.into()), None)));
        }
        if let Some(n) = view.tools.iter().find(|t| t.tool == tool).and_then(|t| t.n) {
            candidates.push((true, worth, n, filter, (None, Some(tool.into()))));
        }
        // The view's grand total last: with every cell and margin around the
        // group hidden, a shown grand total can still pin it.
        if let Some(n) = view.total.n {
            candidates.push((true, worth, n.saturating_add(1 << 40), filter, (None, None)));
        }
    }
    candidates.sort_by_key(|a| (a.0, a.1, a.2));
    // Every candidate was shown when the audit ran: one already in `extra`
    // was hidden this round for another finding, which may well close this
    // one too. Hiding more before the next audit would hide needlessly.
    let hidden_this_round = candidates.iter().any(|(_, _, n, filter, entry)| {
        *n > 0
            && extra
                .get(*filter)
                .is_some_and(|hidden| hidden.contains(entry))
    });
    if hidden_this_round && !whole {
        return false;
    }
    let mut grew = false;
    for (_, _, n, filter, entry) in candidates {
        if n == 0 {
            continue;
        }
        let hidden = extra.entry(filter.clone()).or_default();
        if !hidden.contains(&entry) {
            hidden.push(entry);
            grew = true;
            if !whole {
                break;
            }
        }
    }
    grew
}
