//! What the team map says, as plain data for `dom` to draw: the map of a
//! published view, the summary, the five filters and their options, and an
//! opened cell's detail (SPEC §5). Plain Rust over the core's types and the
//! [`crate::state`], tested natively.

use candor_core::catalog::Arg;
use candor_core::privacy::RandomizedResponse;
use candor_core::{
    CellCounts, ChoiceState, Config, Dimension, FilterChoice, Grid, GroupCount, Published,
    PublishedCell, Reason,
};

use crate::heatmap::{
    colour_for_mean, counted, escape, format_mean, percent, CellView, HeatmapModel,
};
use crate::lang::{number, t, tf, Msg};
use crate::state::{is_chosen, CellFacts, EffortCounts};
use crate::team::TeamView;

/// The model of a published aggregate: the rows and columns of a grid of
/// the same ids ([`Grid::axes`]), hidden cells marked hidden.
pub fn model_of(published: &Published, config: &Config) -> HeatmapModel {
    model_with(
        published,
        config,
        RandomizedResponse::from_config(&config.privacy),
    )
}

/// [`model_of`], each mean debiased with `noise` where randomized response is on.
fn model_with(
    published: &Published,
    config: &Config,
    noise: Option<RandomizedResponse>,
) -> HeatmapModel {
    let cells = &published.cells;
    let (rows, cols) = Grid::axes(
        config,
        cells.iter().map(|cell| cell.task.as_str()),
        cells.iter().map(|cell| cell.tool.as_str()),
    );
    HeatmapModel::new(rows, cols, |task, tool| {
        let Some(cell) = published.cell(task, tool) else {
            return CellView::Empty;
        };
        if cell.n.is_none() {
            return CellView::Hidden;
        }
        let outcomes = cell.outcomes.unwrap_or_default();
        match counted(outcomes) {
            // The server's share is the honest one (debiased under randomized response).
            CellView::Shown { n, mean, .. } => CellView::Shown {
                n,
                mean: noise.and_then(|noise| noise.mean(outcomes)).unwrap_or(mean),
                helped: cell.helped,
            },
            view => view,
        }
    })
}

/// My map's model: the device's own reports, counted by task and tool
/// ([`crate::read::history`]), on the axes of a grid of `config`, without
/// suppression: the map is the employee's own (SPEC §5.6), its outcomes
/// as filed (randomized response applies to what leaves the device).
/// Drawn as a published view of every cell, with its share that helped.
pub fn own_model(counts: &[(String, String, [u64; 5])], config: &Config) -> HeatmapModel {
    let mut cells = Vec::new();
    for (task, tool, outcomes) in counts {
        let counts = CellCounts {
            outcomes: *outcomes,
            ..CellCounts::default()
        };
        cells.push(PublishedCell {
            task: task.clone(),
            tool: tool.clone(),
            n: Some(counts.n()),
            outcomes: Some(*outcomes),
            helped: counts.helped(),
            reasons: None,
        });
    }
    let own = Published {
        k: 0,
        weeks: None,
        total: GroupCount { n: None },
        tasks: Vec::new(),
        tools: Vec::new(),
        cells,
    };
    model_with(&own, config, None)
}

/// Words saying randomized response is on, or `None`.
pub fn noise_note(config: &Config) -> Option<String> {
    let noise = RandomizedResponse::from_config(&config.privacy)?;
    let epsilon = number(noise.epsilon(), 1);
    Some(tf(Msg::TeamNoise, &[Arg::Text(&epsilon)]))
}

/// The summary above the map: its weeks, its total (or why it is
/// withheld), randomized response if on, and the hiding rule.
pub fn summary(published: &Published, note: Option<&str>) -> String {
    let weeks = published.weeks.as_ref().map(|weeks| {
        let (from, to) = (weeks.from.to_string(), weeks.to.to_string());
        tf(Msg::TeamWeeks, &[Arg::Text(&from), Arg::Text(&to)])
    });
    let in_shown_cells: u64 = published.cells.iter().filter_map(|cell| cell.n).sum();
    let total = match published.total.n {
        Some(n) => tf(Msg::TeamReports, &[Arg::Count(n)]),
        // The total would tell the sum of the hidden cells (SPEC §5.2).
        None if in_shown_cells > 0 => tf(Msg::TeamShownCells, &[Arg::Count(in_shown_cells)]),
        None => t(Msg::TeamNotEnough),
    };
    let mut said = weeks.unwrap_or_default();
    said.push_str(&total);
    said.push_str(note.unwrap_or_default());
    said.push_str(&tf(Msg::TeamHiddenRule, &[Arg::Count(published.k.into())]));
    said
}

/// The words of each period a trend covers, oldest first.
pub fn trend_months(views: &[TeamView]) -> Vec<String> {
    // Loops with push rather than collect, here and below: each collect is
    // its own copy of Vec's building code in the module (SPEC §8).
    let mut months = Vec::new();
    for view in views {
        months.push(period_label(&view.filter.period.to_string()));
    }
    months
}

/// Words for a period value: "March 2026", "Q1 2026".
pub fn period_label(value: &str) -> String {
    match value.split_once('-') {
        Some((year, quarter)) if quarter.starts_with('Q') => {
            tf(Msg::PeriodQuarter, &[Arg::Text(quarter), Arg::Text(year)])
        }
        Some((year, month)) => match month.parse::<u32>() {
            Ok(month @ 1..=12) => tf(
                Msg::PeriodMonth,
                &[Arg::Count(month.into()), Arg::Text(year)],
            ),
            _ => value.to_string(),
        },
        None => value.to_string(),
    }
}

/// Words for one value of one filter; `None` is the filter left out.
pub fn value_label(config: &Config, dimension: Dimension, value: Option<&str>) -> String {
    let Some(value) = value else {
        return t(match dimension {
            Dimension::Period => Msg::FilterAllPeriods,
            Dimension::Team => Msg::FilterAllTeams,
            Dimension::Complexity => Msg::FilterAnyComplexity,
            Dimension::Mandated => Msg::FilterAnyMandated,
            Dimension::Effort => Msg::FilterAnyEffort,
        });
    };
    match dimension {
        Dimension::Period => period_label(value),
        Dimension::Team => config.team(value).map_or_else(
            || tf(Msg::Retired, &[Arg::Text(value)]),
            |team| team.label.clone(),
        ),
        Dimension::Complexity => tf(Msg::Complexity, &[Arg::Text(value)]),
        Dimension::Mandated if value == "true" => t(Msg::ToldTo),
        Dimension::Mandated => t(Msg::ChoseTo),
        Dimension::Effort => tf(Msg::Effort, &[Arg::Text(value)]),
    }
}

fn heading(dimension: Dimension) -> String {
    t(match dimension {
        Dimension::Period => Msg::FilterPeriod,
        Dimension::Team => Msg::FilterTeam,
        Dimension::Complexity => Msg::FilterComplexity,
        Dimension::Mandated => Msg::FilterMandated,
        Dimension::Effort => Msg::FilterEffort,
    })
}

/// One filter's select.
#[derive(Debug, Clone, PartialEq)]
pub struct Select {
    /// Which filter.
    pub dimension: Dimension,
    /// The element's id, `filter-<parameter>`.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Every value the server offers, in its order.
    pub options: Vec<Opt>,
}

/// One value of a filter.
#[derive(Debug, Clone, PartialEq)]
pub struct Opt {
    /// The value; "" leaves the filter out.
    pub value: String,
    /// Its words, with the reason when it cannot be chosen.
    pub words: String,
    /// Whether the filter in force shows it.
    pub selected: bool,
    /// Whether its view would be hidden or empty (and it is not the one shown).
    pub disabled: bool,
}

/// The selects of the filter bar: each filter the server offers a choice
/// on; a filter with nothing to choose (e.g. no teams) is left out.
///
/// Each lists every value the server offers; a value whose view would be
/// hidden (fewer than k reports, or a wider view minus it would be) is
/// shown disabled with the reason, as good survey tools do, instead of
/// leading to an empty page.
pub fn selects(
    config: &Config,
    filter: &candor_core::AggregateFilter,
    choices: &[FilterChoice],
) -> Vec<Select> {
    let mut selects = Vec::new();
    for dimension in Dimension::ALL {
        let mut options = Vec::new();
        for choice in choices
            .iter()
            .filter(|choice| choice.dimension == dimension)
        {
            let selected = is_chosen(filter, choice);
            let mut words = value_label(config, dimension, choice.value.as_deref());
            let disabled = choice.state != ChoiceState::Shown && !selected;
            if disabled {
                words.push_str(&t(if choice.state == ChoiceState::Empty {
                    Msg::FilterNoReports
                } else {
                    Msg::FilterTooFew
                }));
            }
            options.push(Opt {
                value: choice.value.clone().unwrap_or_default(),
                words,
                selected,
                disabled,
            });
        }
        if options.len() > 1 {
            selects.push(Select {
                dimension,
                id: format!("filter-{}", dimension.parameter()),
                label: heading(dimension),
                options,
            });
        }
    }
    selects
}

/// The opened cell's facts, if it is on the map and published.
pub fn cell_facts<'a>(
    model: &'a HeatmapModel,
    published: &'a Published,
    (row, col): (usize, usize),
    months: &[String],
) -> Option<CellFacts<'a>> {
    let task = model.rows.get(row)?;
    let tool = model.cols.get(col)?;
    let cell = published.cell(&task.id, &tool.id)?;
    let mut trend = Vec::new();
    if let Some(means) = model.trends.get(row).and_then(|cells| cells.get(col)) {
        for (month, mean) in months.iter().zip(means) {
            trend.push((month.clone(), *mean));
        }
    }
    Some(CellFacts {
        task: &task.label,
        tool: &tool.label,
        cell,
        vs_baseline: model.vs_baseline(row, col),
        trend,
    })
}

/// One team-map cell opened: its outcome distribution, reasons, checking
/// effort and trend, under the same rules as the map (SPEC §5.7).
///
/// The distribution and reasons come with the published cell (SPEC §5.1
/// shows a published group's distribution). Effort is a filter, so its
/// counts are the cells of the effort-filtered views, hidden where those are.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    /// "Task with Tool".
    pub title: String,
    /// What is shown of it; `None`: hidden.
    pub shown: Option<ShownDetail>,
}

/// A shown cell's detail.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownDetail {
    /// Its count, the share it helped and the difference from No AI.
    pub counts: String,
    /// The outcome distribution as SVG markup.
    pub distribution: String,
    /// One line per reason given, or the words saying none was.
    pub reasons: Result<Vec<String>, String>,
    /// One line per period of the trend; empty without a trend.
    pub trend: Vec<String>,
}

impl Detail {
    /// The detail of `facts`.
    pub fn of(facts: &CellFacts) -> Detail {
        let title = tf(
            Msg::CellWith,
            &[Arg::Text(facts.task), Arg::Text(facts.tool)],
        );
        let (Some(n), Some(outcomes)) = (facts.cell.n, facts.cell.outcomes) else {
            return Detail { title, shown: None };
        };
        let helped = facts.cell.helped.map(|share| {
            let (share, low, high) = (
                percent(share.share),
                percent(share.low),
                percent(share.high),
            );
            tf(
                Msg::CellHelped,
                &[Arg::Text(&share), Arg::Text(&low), Arg::Text(&high)],
            )
        });
        let baseline = facts
            .vs_baseline
            .map(|diff| tf(Msg::CellVsBaseline, &[Arg::Text(&format_mean(diff))]));
        let mut counts = tf(Msg::CellReports, &[Arg::Count(n)]);
        for part in [helped, baseline].into_iter().flatten() {
            counts.push(' ');
            counts.push_str(&part);
        }
        let given = facts
            .cell
            .reasons
            .as_ref()
            .filter(|given| !given.is_empty());
        let reasons = match given {
            None => Err(t(Msg::CellNoReasons)),
            Some(given) => {
                let mut lines = Vec::new();
                for reason in Reason::ALL {
                    if let Some(count) = given.get(&reason) {
                        let words = tf(Msg::Reason, &[Arg::Text(reason.as_str())]);
                        let label = Arg::Text(&words);
                        lines.push(tf(Msg::CellLine, &[label, Arg::Count(*count)]));
                    }
                }
                Ok(lines)
            }
        };
        let mut trend = Vec::new();
        for (period, mean) in &facts.trend {
            let words = mean.map_or_else(|| t(Msg::CellNotEnough), format_mean);
            trend.push(tf(Msg::CellLine, &[Arg::Text(period), Arg::Text(&words)]));
        }
        Detail {
            title,
            shown: Some(ShownDetail {
                counts,
                distribution: distribution_markup(outcomes),
                reasons,
                trend,
            }),
        }
    }
}

/// Checking effort in the opened cell: still loading, not published next
/// to the filter in force, or one line per level.
pub fn effort_lines(efforts: Option<&EffortCounts>) -> Result<Vec<String>, String> {
    match efforts {
        None => Err(t(Msg::CellLoading)),
        Some(levels) if levels.is_empty() => Err(t(Msg::CellEffortOneFilter)),
        Some(levels) => {
            let mut lines = Vec::new();
            for (effort, n) in levels {
                let words = tf(Msg::Effort, &[Arg::Text(effort.as_str())]);
                let label = Arg::Text(&words);
                lines.push(match n {
                    Some(n) => tf(Msg::CellLine, &[label, Arg::Count(*n)]),
                    None => {
                        let hidden = t(Msg::CellNotEnough);
                        tf(Msg::CellLine, &[label, Arg::Text(&hidden)])
                    }
                });
            }
            Ok(lines)
        }
    }
}

/// The outcome distribution as horizontal bars, in SVG (no inline styles under the CSP).
pub fn distribution_markup(outcomes: [u64; 5]) -> String {
    use std::fmt::Write;
    let most = outcomes.iter().copied().max().unwrap_or(0).max(1);
    let mut svg = String::from(
        "<svg class=\"distribution\" viewBox=\"0 0 360 130\" width=\"360\" role=\"img\" aria-label=\"",
    );
    svg.push_str(&escape(&t(Msg::CellDistribution)));
    svg.push_str("\">");
    for (at, count) in outcomes.into_iter().enumerate() {
        let label = escape(&tf(Msg::Outcome, &[Arg::Count(at as u64)]));
        let y = at as i32 * 26;
        let width = (count * 180 / most) as i32;
        let mean = at as f64 - 2.0;
        let [r, g, b] = colour_for_mean(mean);
        let _ = write!(
            svg,
            "<text x=\"110\" y=\"{}\" text-anchor=\"end\">{label}</text>\
             <rect x=\"120\" y=\"{}\" width=\"{width}\" height=\"18\" fill=\"#{r:02x}{g:02x}{b:02x}\" stroke=\"#888\"></rect>\
             <text x=\"{}\" y=\"{}\">{count}</text>",
            y + 14,
            y + 1,
            126 + width,
            y + 14,
        );
    }
    svg.push_str("</svg>");
    svg
}
