//! The team map's state and transitions (SPEC §5): the filter in force
//! (typed, as core's [`AggregateFilter`]), the server's answers and which of
//! them is current, the opened cell, the side-by-side comparison and the
//! trend. Plain Rust; `dom` binds it and does the fetching.

use std::str::FromStr;

use candor_core::privacy::RandomizedResponse;
use candor_core::{
    AggregateFilter, CellCounts, ChoiceState, Dimension, Effort, FilterChoice, Period, Published,
    PublishedCell,
};

use crate::team::{TeamMapError, TeamView};

/// The most periods a cell's trend line shows.
pub const TREND_PERIODS: usize = 6;

/// One effort level's count in the opened cell: `Some(n)` shown, `None` hidden.
pub type EffortCounts = Vec<(Effort, Option<u64>)>;

/// What the detail panel shows about one cell.
#[derive(Debug, Clone, PartialEq)]
pub struct CellFacts<'a> {
    /// The task's label.
    pub task: &'a str,
    /// The tool's label.
    pub tool: &'a str,
    /// The published cell.
    pub cell: &'a PublishedCell,
    /// Its mean outcome minus the "No AI" cell's on the same task, when both are shown.
    pub vs_baseline: Option<f64>,
    /// (period label, mean outcome) oldest first; `None` where hidden or empty.
    pub trend: Vec<(String, Option<f64>)>,
}

/// Which request an answer belongs to: answers to an older filter (or an
/// older opened cell) must not overwrite a newer one's.
///
/// Written out rather than left to a framework's resources (in the Leptos
/// app, a `LocalResource` with `Suspense` cost 12.4 KB gzip; the module has
/// no framework at all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    asked: u32,
    /// The filter asked for.
    pub filter: AggregateFilter,
    /// Whether the told-to and chosen views are wanted too.
    pub compare: bool,
}

/// Everything the team map shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TeamMapState {
    /// The filter in force.
    pub filter: AggregateFilter,
    /// Whether told-to and chosen use are shown side by side.
    pub compare: bool,
    /// The view for the filter; `None` while loading.
    pub main: Option<Result<TeamView, TeamMapError>>,
    /// What each filter value would show next to the filter.
    pub choices: Vec<FilterChoice>,
    /// The months the trend covers, oldest first.
    pub trend: Vec<TeamView>,
    /// Told to use it, chose to use it.
    pub pair: Option<(TeamView, TeamView)>,
    /// The opened cell, as (row, column) of the map.
    pub selected: Option<(usize, usize)>,
    /// Checking effort in the opened cell, once loaded.
    pub efforts: Option<EffortCounts>,
    asked: u32,
}

impl TeamMapState {
    /// Sets one filter to a value the server offered (`None`: leave it
    /// out). A value this build cannot read changes nothing.
    pub fn choose(&mut self, dimension: Dimension, value: Option<&str>) {
        // The core's rule: choosing a team, complexity, mandated answer or
        // effort drops the other three (SPEC §5.2).
        if let Some(next) = self.filter.with_choice(dimension, value) {
            self.filter = next;
        }
    }

    /// Starts asking for the current filter: closes the opened cell and
    /// makes every answer to an earlier request stale.
    pub fn ask(&mut self) -> Ticket {
        self.asked += 1;
        self.selected = None;
        Ticket {
            asked: self.asked,
            filter: self.filter.clone(),
            compare: self.compare,
        }
    }

    /// Whether answers for `ticket` are still wanted.
    pub fn is_current(&self, ticket: &Ticket) -> bool {
        ticket.asked == self.asked
    }

    /// The view arrived; `false` (and nothing changed) when it is stale.
    pub fn answer_view(
        &mut self,
        ticket: &Ticket,
        view: Option<Result<TeamView, TeamMapError>>,
    ) -> bool {
        let current = self.is_current(ticket);
        if current {
            self.main = view;
        }
        current
    }

    /// The filter choices arrived.
    pub fn answer_choices(&mut self, ticket: &Ticket, choices: Vec<FilterChoice>) {
        if self.is_current(ticket) {
            self.choices = choices;
        }
    }

    /// The filters whose views make the trend: the latest months of the
    /// ticket's period the choices offer.
    pub fn trend_filters(&self, ticket: &Ticket) -> Vec<AggregateFilter> {
        let mut filters = Vec::new();
        for period in trend_periods(&self.choices, ticket.filter.period) {
            filters.push(AggregateFilter {
                period,
                ..ticket.filter.clone()
            });
        }
        filters
    }

    /// The trend's views arrived.
    pub fn answer_trend(&mut self, ticket: &Ticket, views: Vec<TeamView>) {
        if self.is_current(ticket) {
            self.trend = views;
        }
    }

    /// The told-to and chosen views arrived.
    pub fn answer_pair(&mut self, ticket: &Ticket, told: TeamView, chose: TeamView) {
        if self.is_current(ticket) {
            self.pair = Some((told, chose));
        }
    }

    /// Opens a cell: its effort counts are to be asked for again.
    pub fn open(&mut self, cell: (usize, usize)) -> Option<(u32, AggregateFilter)> {
        self.selected = Some(cell);
        self.efforts = None;
        let Some(Ok(team)) = &self.main else {
            return None;
        };
        Some((self.asked, team.filter.clone()))
    }

    /// Closes the opened cell.
    pub fn close(&mut self) {
        self.selected = None;
    }

    /// The effort counts for `cell` arrived (asked under `asked`).
    pub fn answer_efforts(&mut self, asked: u32, cell: (usize, usize), levels: EffortCounts) {
        if asked == self.asked && self.selected == Some(cell) {
            self.efforts = Some(levels);
        }
    }
}

/// Whether `choice` is what `filter` already shows along its dimension.
pub fn is_chosen(filter: &AggregateFilter, choice: &FilterChoice) -> bool {
    filter
        .with_choice(choice.dimension, choice.value.as_deref())
        .as_ref()
        == Some(filter)
}

/// The told-to and chosen views of `filter`'s period, for the side-by-side
/// comparison: for the whole organisation, since the server publishes one
/// filter besides the period at a time (SPEC §5.2).
pub fn comparison_filters(filter: &AggregateFilter) -> (AggregateFilter, AggregateFilter) {
    let mandated = |value| AggregateFilter {
        period: filter.period,
        mandated: Some(value),
        ..AggregateFilter::default()
    };
    (mandated(true), mandated(false))
}

/// Whether the comparison covers fewer reports than the map beside it:
/// the map is narrowed by a filter the comparison must leave out.
pub fn comparison_is_wider(filter: &AggregateFilter) -> bool {
    filter.team.is_some() || filter.complexity.is_some() || filter.effort.is_some()
}

/// One view per effort level for an opened cell's effort counts, in
/// `filter`'s period; none when `filter` narrows by anything else, since
/// the server publishes one filter besides the period at a time (SPEC §5.2).
pub fn effort_filters(filter: &AggregateFilter) -> Vec<(Effort, AggregateFilter)> {
    let other = filter.team.is_some() || filter.complexity.is_some() || filter.mandated.is_some();
    if other {
        return Vec::new();
    }
    let mut views = Vec::new();
    for effort in Effort::ALL {
        let view = AggregateFilter {
            period: filter.period,
            effort: Some(effort),
            ..AggregateFilter::default()
        };
        views.push((effort, view));
    }
    views
}

/// The months a trend covers for `period`: those of a quarter, or the latest
/// of all; none for a month. Months with no reports are left out.
pub fn trend_periods(choices: &[FilterChoice], period: Period) -> Vec<Period> {
    // Sorted by insertion into a Vec: a slice sort would link a stable sort
    // (about 3 KB) and a B-tree set its own code into the module (SPEC §8).
    let mut months: Vec<Period> = Vec::new();
    for choice in choices {
        if choice.dimension != Dimension::Period || choice.state == ChoiceState::Empty {
            continue;
        }
        let Some(Ok(month)) = choice.value.as_deref().map(Period::from_str) else {
            continue;
        };
        let inside = period == Period::All || month.wider() == Some(period);
        if matches!(month, Period::Month { .. }) && inside {
            if let Err(at) = months.binary_search(&month) {
                months.insert(at, month);
            }
        }
    }
    let skip = months.len().saturating_sub(TREND_PERIODS);
    months.split_off(skip)
}

/// The mean outcome of a shown cell of a view, debiased under randomized response.
pub fn cell_mean(
    view: &Published,
    task: &str,
    tool: &str,
    noise: Option<RandomizedResponse>,
) -> Option<f64> {
    let outcomes = view.cell(task, tool)?.outcomes?;
    match noise {
        Some(noise) => noise.mean(outcomes),
        None => CellCounts {
            outcomes,
            ..CellCounts::default()
        }
        .mean(),
    }
}

/// Each cell's mean per trend view, `[task][tool][period]`; empty with
/// fewer than two views (a trend needs two points).
pub fn trend_means(
    tasks: &[&str],
    tools: &[&str],
    views: &[TeamView],
    noise: Option<RandomizedResponse>,
) -> Vec<Vec<Vec<Option<f64>>>> {
    if views.len() < 2 {
        return Vec::new();
    }
    let mut means = Vec::with_capacity(tasks.len());
    for task in tasks {
        let mut row = Vec::with_capacity(tools.len());
        for tool in tools {
            let mut line = Vec::with_capacity(views.len());
            for view in views {
                line.push(cell_mean(&view.published, task, tool, noise));
            }
            row.push(line);
        }
        means.push(row);
    }
    means
}

/// A file name for an export of the view under `filter`.
pub fn export_name(filter: &AggregateFilter, extension: &str) -> String {
    let query = filter.to_query().replace(['&', '='], "-");
    let sep = if query.is_empty() { "" } else { "-" };
    format!("candor-team-map{sep}{query}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use candor_core::Complexity;

    fn view(filter: AggregateFilter, json: &str) -> TeamView {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        TeamView {
            filter,
            published: Published::from_value(&value).unwrap(),
            json: json.to_string(),
        }
    }

    /// A view with one shown cell (debugging × chat) of these outcome counts.
    fn one_cell(filter: AggregateFilter, outcomes: [u64; 5]) -> TeamView {
        let n: u64 = outcomes.iter().sum();
        let json = format!(
            r#"{{"k":5,"weeks":{{"from":"2026-W01","to":"2026-W13"}},"total":{{"n":{n}}},
                "tasks":[{{"task":"debugging","n":{n}}}],"tools":[{{"tool":"chat","n":{n}}}],
                "cells":[{{"task":"debugging","tool":"chat","n":{n},"outcomes":{outcomes:?}}}]}}"#
        );
        view(filter, &json)
    }

    fn month(value: &str, state: ChoiceState) -> FilterChoice {
        FilterChoice {
            dimension: Dimension::Period,
            value: Some(value.into()),
            state,
        }
    }

    fn quarter(year: i32, quarter: u8) -> Period {
        Period::from_str(&format!("{year}-Q{quarter}")).unwrap()
    }

    #[test]
    fn choosing_a_value_narrows_the_typed_filter_and_none_widens_it() {
        let mut state = TeamMapState::default();
        state.choose(Dimension::Team, Some("payments"));
        state.choose(Dimension::Period, Some("2026-Q1"));
        assert_eq!(state.filter.team.as_deref(), Some("payments"));
        assert_eq!(state.filter.period, quarter(2026, 1));
        // One filter besides the period at a time: the next one replaces it.
        state.choose(Dimension::Complexity, Some("complex"));
        assert_eq!(state.filter.team, None);
        assert_eq!(state.filter.complexity, Some(Complexity::Complex));
        state.choose(Dimension::Mandated, Some("true"));
        assert_eq!(state.filter.complexity, None);
        assert_eq!(state.filter.mandated, Some(true));
        assert_eq!(state.filter.period, quarter(2026, 1), "the period stays");
        state.choose(Dimension::Effort, Some("low"));
        assert_eq!(state.filter.effort, Some(Effort::Low));
        assert!(state.filter.is_published());
        state.choose(Dimension::Period, None);
        state.choose(Dimension::Team, None);
        assert_eq!(state.filter.period, Period::All);
        assert_eq!(
            state.filter.effort,
            Some(Effort::Low),
            "clearing one filter keeps the other"
        );
    }

    #[test]
    fn a_value_the_filter_does_not_take_changes_nothing() {
        let mut state = TeamMapState::default();
        state.choose(Dimension::Team, Some("payments"));
        for (dimension, value) in [
            (Dimension::Period, "2026-W03"),
            (Dimension::Team, "Not An Id"),
            (Dimension::Complexity, "hard"),
            (Dimension::Mandated, "yes"),
            (Dimension::Effort, "none"),
        ] {
            state.choose(dimension, Some(value));
        }
        assert_eq!(
            state.filter,
            AggregateFilter {
                team: Some("payments".into()),
                ..AggregateFilter::default()
            }
        );
    }

    #[test]
    fn the_chosen_option_is_found_by_value_not_by_text() {
        let filter = AggregateFilter {
            period: quarter(2026, 1),
            mandated: Some(false),
            ..AggregateFilter::default()
        };
        let choice = |dimension, value: Option<&str>| FilterChoice {
            dimension,
            value: value.map(str::to_string),
            state: ChoiceState::Shown,
        };
        assert!(is_chosen(
            &filter,
            &choice(Dimension::Period, Some("2026-Q1"))
        ));
        assert!(!is_chosen(
            &filter,
            &choice(Dimension::Period, Some("2026-03"))
        ));
        assert!(!is_chosen(&filter, &choice(Dimension::Period, None)));
        assert!(is_chosen(
            &filter,
            &choice(Dimension::Mandated, Some("false"))
        ));
        assert!(is_chosen(&filter, &choice(Dimension::Team, None)));
        assert!(!is_chosen(&filter, &choice(Dimension::Team, Some("web"))));
    }

    #[test]
    fn an_answer_to_an_older_filter_is_dropped() {
        let mut state = TeamMapState::default();
        let first = state.ask();
        state.choose(Dimension::Team, Some("web"));
        let second = state.ask();
        let web = AggregateFilter {
            team: Some("web".into()),
            ..AggregateFilter::default()
        };
        assert!(state.answer_view(&second, Some(Ok(one_cell(web.clone(), [0, 0, 1, 2, 3])))));
        assert!(!state.answer_view(
            &first,
            Some(Ok(one_cell(first.filter.clone(), [5, 0, 0, 0, 0])))
        ));
        assert_eq!(state.main.as_ref().unwrap().as_ref().unwrap().filter, web);
        state.answer_choices(&first, vec![month("2026-01", ChoiceState::Shown)]);
        assert!(state.choices.is_empty(), "stale choices dropped");
        state.answer_trend(&first, vec![one_cell(AggregateFilter::default(), [1; 5])]);
        assert!(state.trend.is_empty(), "stale trend dropped");
    }

    #[test]
    fn asking_again_closes_the_opened_cell() {
        let mut state = TeamMapState::default();
        let ticket = state.ask();
        state.answer_view(
            &ticket,
            Some(Ok(one_cell(AggregateFilter::default(), [1; 5]))),
        );
        assert!(state.open((0, 1)).is_some());
        assert_eq!(state.selected, Some((0, 1)));
        state.ask();
        assert_eq!(state.selected, None);
    }

    #[test]
    fn errors_are_kept_for_the_page_to_show() {
        let mut state = TeamMapState::default();
        let ticket = state.ask();
        state.answer_view(&ticket, Some(Err(TeamMapError::Shape("not JSON".into()))));
        assert_eq!(
            state.main,
            Some(Err(TeamMapError::Shape("not JSON".into())))
        );
        assert_eq!(state.open((0, 0)), None, "no cell to load efforts for");
        assert_eq!(state.selected, Some((0, 0)));
    }

    #[test]
    fn effort_counts_for_a_cell_no_longer_open_are_dropped() {
        let mut state = TeamMapState::default();
        let ticket = state.ask();
        state.answer_view(
            &ticket,
            Some(Ok(one_cell(AggregateFilter::default(), [1; 5]))),
        );
        let (asked, _) = state.open((0, 1)).unwrap();
        state.open((2, 3));
        state.answer_efforts(asked, (0, 1), vec![(Effort::Low, Some(9))]);
        assert_eq!(state.efforts, None);
        state.answer_efforts(asked, (2, 3), vec![(Effort::High, None)]);
        assert_eq!(state.efforts, Some(vec![(Effort::High, None)]));
        state.close();
        assert_eq!(state.selected, None);
    }

    #[test]
    fn the_comparison_and_effort_views_are_views_the_server_publishes() {
        let period = quarter(2026, 1);
        let filter = AggregateFilter {
            period,
            team: Some("web".into()),
            ..AggregateFilter::default()
        };
        let (told, chose) = comparison_filters(&filter);
        assert_eq!((told.mandated, chose.mandated), (Some(true), Some(false)));
        assert_eq!((told.period, chose.team.as_deref()), (period, None));
        assert!(told.is_published() && chose.is_published());
        assert!(comparison_is_wider(&filter));
        assert!(!comparison_is_wider(&told));
        // The effort drill-down needs the period alone (or with an effort).
        assert!(effort_filters(&filter).is_empty());
        let efforts = effort_filters(&AggregateFilter {
            period,
            effort: Some(Effort::High),
            ..AggregateFilter::default()
        });
        assert_eq!(efforts.len(), Effort::ALL.len());
        assert!(efforts
            .iter()
            .all(|(effort, view)| view.effort == Some(*effort)
                && view.period == period
                && view.is_published()));
        let mut state = TeamMapState {
            compare: true,
            ..TeamMapState::default()
        };
        let ticket = state.ask();
        assert!(ticket.compare);
        state.answer_pair(
            &ticket,
            one_cell(told.clone(), [1; 5]),
            one_cell(chose, [1; 5]),
        );
        assert_eq!(state.pair.as_ref().unwrap().0.filter, told);
    }

    #[test]
    fn a_quarters_trend_is_its_months_with_reports_in_order() {
        let choices = vec![
            month("2026-03", ChoiceState::Hidden),
            month("2026-01", ChoiceState::Shown),
            month("2026-02", ChoiceState::Empty),
            month("2025-12", ChoiceState::Shown),
            month("2026-Q1", ChoiceState::Shown),
        ];
        let periods = trend_periods(&choices, quarter(2026, 1));
        let words: Vec<String> = periods.iter().map(Period::to_string).collect();
        assert_eq!(words, ["2026-01", "2026-03"]);
        assert!(
            trend_periods(&choices, periods[0]).is_empty(),
            "a month has no trend"
        );
    }

    #[test]
    fn the_whole_periods_trend_is_the_latest_six_months() {
        let choices: Vec<FilterChoice> = (1..=9)
            .map(|m| month(&format!("2026-{m:02}"), ChoiceState::Shown))
            .collect();
        let periods = trend_periods(&choices, Period::All);
        assert_eq!(periods.len(), TREND_PERIODS);
        assert_eq!(periods[0].to_string(), "2026-04");
        let mut state = TeamMapState {
            choices,
            ..TeamMapState::default()
        };
        state.choose(Dimension::Team, Some("web"));
        let ticket = state.ask();
        let filters = state.trend_filters(&ticket);
        assert_eq!(filters.len(), TREND_PERIODS);
        assert!(filters.iter().all(|f| f.team.as_deref() == Some("web")));
    }

    #[test]
    fn trend_means_need_two_views_and_mark_hidden_cells() {
        let january = one_cell(AggregateFilter::default(), [0, 0, 0, 5, 5]);
        let february = one_cell(AggregateFilter::default(), [5, 5, 0, 0, 0]);
        assert!(trend_means(
            &["debugging"],
            &["chat"],
            std::slice::from_ref(&january),
            None
        )
        .is_empty());
        let means = trend_means(
            &["debugging"],
            &["chat", "agent"],
            &[january, february],
            None,
        );
        assert_eq!(means[0][0], vec![Some(1.5), Some(-1.5)]);
        assert_eq!(means[0][1], vec![None, None], "no such cell: no point");
    }

    #[test]
    fn an_export_is_named_after_its_filter() {
        assert_eq!(
            export_name(&AggregateFilter::default(), "csv"),
            "candor-team-map.csv"
        );
        let filter = AggregateFilter {
            period: quarter(2026, 1),
            team: Some("web".into()),
            ..AggregateFilter::default()
        };
        assert_eq!(
            export_name(&filter, "svg"),
            "candor-team-map-period-2026-Q1-team-web.svg"
        );
    }
}
