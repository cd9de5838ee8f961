//! Team map: everyone's reports as the sync server publishes them — closed
//! weeks only, groups below k hidden, nested views protected (SPEC §5) —
//! with filters, a trend per cell, a drill-down, the mandated-versus-chosen
//! comparison and exports of exactly what is shown.

use std::str::FromStr;

use candor_core::privacy::RandomizedResponse;
use candor_core::{
    AggregateFilter, CellCounts, ChoiceState, Config, Dimension, Effort, FilterChoice, Grid,
    Period, Published, Tally,
};
use leptos::{prelude::*, task::spawn_local};

use crate::components::cell_detail::{CellDetail, CellFacts, EffortCounts};
use crate::components::filter_bar::{period_label, with_parameter, FilterBar};
use crate::components::heatmap::{svg_document, CellView, Heatmap, HeatmapModel};
use crate::store::download::download;
use crate::store::team::{load_choices, load_view, TeamMapError, TeamView};

/// The most periods a cell's trend line shows.
const TREND_PERIODS: usize = 6;

/// The model of a published aggregate: the same rows and columns as a grid
/// of the same ids, hidden cells marked hidden.
pub fn model_of(published: &Published, config: &Config) -> HeatmapModel {
    let mut tally = Tally::new();
    for cell in &published.cells {
        let counts = CellCounts {
            outcomes: cell.outcomes.unwrap_or_default(),
            ..CellCounts::default()
        };
        tally.add_counts(&cell.task, &cell.tool, &counts);
    }
    let grid = Grid::build(&tally, config);
    let mut model = HeatmapModel::from_grid(&grid);
    let noise = RandomizedResponse::from_config(&config.privacy);
    for (row, task) in grid.rows.iter().enumerate() {
        for (col, tool) in grid.cols.iter().enumerate() {
            let Some(cell) = published.cell(&task.id, &tool.id) else {
                continue;
            };
            match (&mut model.cells[row][col], cell.outcomes) {
                (CellView::Shown { mean, helped, .. }, Some(outcomes)) => {
                    // The server's share is the honest one (debiased under randomized response).
                    *helped = cell.helped;
                    if let Some(noise) = noise {
                        *mean = noise.mean(outcomes).unwrap_or(*mean);
                    }
                }
                (view, _) if cell.n.is_none() => *view = CellView::Hidden,
                _ => {}
            }
        }
    }
    model
}

/// Words saying randomized response is on, or `None`.
fn noise_note(config: &Config) -> Option<String> {
    let noise = RandomizedResponse::from_config(&config.privacy)?;
    let tenths = (noise.epsilon() * 10.0).round() as i64;
    Some(format!(
        "Each device randomizes its outcome before sending it (randomized response, ε = {}.{}), \
         so any one report may be noise; means and shares are corrected for it, and intervals are wider. ",
        tenths / 10,
        tenths % 10
    ))
}

/// The months a trend covers for `period`: those of a quarter, or the latest of all; none for a month.
fn trend_periods(choices: &[FilterChoice], period: Period) -> Vec<Period> {
    let mut months: Vec<Period> = choices
        .iter()
        .filter(|choice| {
            choice.dimension == Dimension::Period && choice.state != ChoiceState::Empty
        })
        .filter_map(|choice| Period::from_str(choice.value.as_deref()?).ok())
        .filter(|candidate| {
            matches!(candidate, Period::Month { .. })
                && (period == Period::All || candidate.wider() == Some(period))
        })
        .collect();
    months.sort();
    let skip = months.len().saturating_sub(TREND_PERIODS);
    months.split_off(skip)
}

/// The mean outcome of a shown cell of a view, debiased under randomized response.
fn cell_mean(
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

/// A file name for an export of the view under `filter`.
fn export_name(filter: &AggregateFilter, extension: &str) -> String {
    let query = filter.to_query().replace(['&', '='], "-");
    let sep = if query.is_empty() { "" } else { "-" };
    format!("candor-team-map{sep}{query}.{extension}")
}

/// The team's task-fit map, from the sync server.
#[component]
pub fn TeamMapPage() -> impl IntoView {
    let config = expect_context::<Config>();
    if !config.sync_enabled() {
        return view! {
            <main>
                <h1>"Team map"</h1>
                <p>"This deployment has no sync server, so there is no team map. Your own reports are under My map."</p>
            </main>
        }
        .into_any();
    }
    let filter = RwSignal::new(AggregateFilter::default());
    let compare = RwSignal::new(false);
    let main = RwSignal::new(None::<Result<TeamView, TeamMapError>>);
    let choices = RwSignal::new(Vec::<FilterChoice>::new());
    let trend = RwSignal::new(Vec::<TeamView>::new());
    let pair = RwSignal::new(None::<(TeamView, TeamView)>);
    let selected = RwSignal::new(None::<(usize, usize)>);
    let efforts = RwSignal::new(None::<EffortCounts>);
    // Answers to an older filter must not overwrite a newer one's.
    let generation = StoredValue::new(0u32);
    let stored_config = StoredValue::new(config.clone());

    Effect::new(move || {
        let current = filter.get();
        let side_by_side = compare.get();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        selected.set(None);
        let config = stored_config.get_value();
        spawn_local(async move {
            let live = move || generation.try_get_value() == Some(mine);
            let answer = load_view(&config, current.clone()).await;
            if !live() {
                return;
            }
            main.try_set(answer);
            if let Ok(list) = load_choices(&config, &current).await {
                if live() {
                    choices.try_set(list);
                }
            }
            let periods = trend_periods(&choices.get_untracked(), current.period);
            let mut views = Vec::new();
            for period in periods {
                let month = AggregateFilter {
                    period,
                    ..current.clone()
                };
                if let Some(Ok(view)) = load_view(&config, month).await {
                    views.push(view);
                }
            }
            if live() {
                trend.try_set(views);
            }
            if side_by_side {
                let told = with_parameter(&current, "mandated", Some("true"));
                let chose = with_parameter(&current, "mandated", Some("false"));
                if let (Some(told), Some(chose)) = (told, chose) {
                    if let (Some(Ok(told)), Some(Ok(chose))) = (
                        load_view(&config, told).await,
                        load_view(&config, chose).await,
                    ) {
                        if live() {
                            pair.try_set(Some((told, chose)));
                        }
                    }
                }
            }
        });
    });

    let open_cell = Callback::new(move |(row, col): (usize, usize)| {
        selected.set(Some((row, col)));
        efforts.set(None);
        let Some(Ok(team)) = main.get_untracked() else {
            return;
        };
        let config = stored_config.get_value();
        let model = model_of(&team.published, &config);
        let (task, tool) = (model.rows[row].id.clone(), model.cols[col].id.clone());
        spawn_local(async move {
            let mut levels = Vec::new();
            for effort in Effort::ALL {
                let Some(view_filter) =
                    with_parameter(&team.filter, "effort", Some(effort.as_str()))
                else {
                    continue;
                };
                if let Some(Ok(view)) = load_view(&config, view_filter).await {
                    let n = view
                        .published
                        .cell(&task, &tool)
                        .map_or(Some(0), |cell| cell.n);
                    levels.push((effort, n));
                }
            }
            efforts.try_set(Some(levels));
        });
    });

    let body = move || {
        let config = stored_config.get_value();
        match main.get() {
            None => view! { <p class="loading">"Loading the team map…"</p> }.into_any(),
            Some(Err(error)) => {
                view! { <p class="failed" role="alert">{error.to_string()}</p> }.into_any()
            }
            Some(Ok(team)) => {
                let published = &team.published;
                let k = published.k;
                let weeks = published
                    .weeks
                    .as_ref()
                    .map(|weeks| format!("Weeks {} to {}. ", weeks.from, weeks.to));
                let total = match published.total.n {
                    Some(n) => format!("{n} reports. "),
                    None => "Not enough reports to show this view. ".to_string(),
                };
                let noise = RandomizedResponse::from_config(&config.privacy);
                let note = noise_note(&config);
                let mut model = model_of(published, &config);
                model.interactive = true;
                let months: Vec<String> = trend.with(|views| {
                    views
                        .iter()
                        .map(|view| period_label(&view.filter.period.to_string()))
                        .collect()
                });
                trend.with(|views| {
                    if views.len() >= 2 {
                        model.trends = model
                            .rows
                            .iter()
                            .map(|task| {
                                model
                                    .cols
                                    .iter()
                                    .map(|tool| {
                                        views
                                            .iter()
                                            .map(|view| {
                                                cell_mean(
                                                    &view.published,
                                                    &task.id,
                                                    &tool.id,
                                                    noise,
                                                )
                                            })
                                            .collect()
                                    })
                                    .collect()
                            })
                            .collect();
                    }
                });
                let detail = selected.get().and_then(|(row, col)| {
                    let task = model.rows.get(row)?;
                    let tool = model.cols.get(col)?;
                    let cell = published.cell(&task.id, &tool.id)?.clone();
                    let trend = model
                        .trends
                        .get(row)
                        .and_then(|cells| cells.get(col))
                        .map(|means| months.iter().cloned().zip(means.iter().copied()).collect())
                        .unwrap_or_default();
                    let facts = CellFacts {
                        task: task.label.clone(),
                        tool: tool.label.clone(),
                        cell,
                        vs_baseline: model.vs_baseline(row, col),
                        trend,
                    };
                    Some(view! {
                        <CellDetail facts efforts on_close=Callback::new(move |_| selected.set(None)) />
                    })
                });
                let csv = published.to_csv();
                let json = team.json.clone();
                let svg = svg_document(&model, "Team map");
                let name = StoredValue::new(team.filter.clone());
                let save = move |extension: &'static str, media: &'static str, text: String| {
                    move |_| {
                        let _ = download(&export_name(&name.get_value(), extension), media, &text);
                    }
                };
                view! {
                    <p class="summary">
                        {weeks}
                        {total}
                        {note}
                        {format!("Groups of fewer than {k} reports are hidden, and so is anything a wider view minus this one would reveal.")}
                    </p>
                    <Heatmap model title="Team map" on_open=open_cell />
                    {detail}
                    <p class="exports">
                        "Download what is shown: "
                        <button type="button" on:click=save("csv", "text/csv", csv)>"CSV"</button>
                        <button type="button" on:click=save("json", "application/json", json)>"JSON"</button>
                        <button type="button" on:click=save("svg", "image/svg+xml", svg)>"SVG"</button>
                    </p>
                }
                .into_any()
            }
        }
    };
    let comparison = move || {
        if !compare.get() {
            return None;
        }
        let config = stored_config.get_value();
        Some(match pair.get() {
            None => view! { <p class="loading">"Loading the comparison…"</p> }.into_any(),
            Some((told, chose)) => view! {
                <div class="side-by-side">
                    <section>
                        <h2>"Told to use it"</h2>
                        <Heatmap model=model_of(&told.published, &config) title="Told to use it" />
                    </section>
                    <section>
                        <h2>"Chose to use it"</h2>
                        <Heatmap model=model_of(&chose.published, &config) title="Chose to use it" />
                    </section>
                </div>
            }
            .into_any(),
        })
    };
    view! {
        <main class="team-map">
            <h1>"Team map"</h1>
            <p class="lede">
                "Where AI helps and where it hurts, by kind of task, from everyone's reports, read against the “No AI” column. Only weeks that have ended are shown. Select a cell for its details."
            </p>
            <FilterBar filter choices />
            <label class="compare">
                <input type="checkbox" on:change=move |event| compare.set(event_target_checked(&event)) />
                " Compare told-to and chosen use side by side"
            </label>
            {body}
            {comparison}
        </main>
    }
    .into_any()
}
