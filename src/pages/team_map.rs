//! Team map: everyone's reports as the sync server publishes them — closed
//! weeks only, groups below k hidden, nested views protected (SPEC §5) —
//! with filters, a trend per cell, a drill-down, the mandated-versus-chosen
//! comparison and exports of exactly what is shown. The page's state and
//! which answer is current are [`crate::state::team_map`]; this page fetches
//! and binds.

use candor_core::privacy::RandomizedResponse;
use candor_core::{CellCounts, Config, Grid, Published, Tally};
use leptos::{prelude::*, task::spawn_local};

use crate::components::cell_detail::CellDetail;
use crate::components::filter_bar::{period_label, FilterBar};
use crate::components::heatmap::{svg_document, CellView, Heatmap, HeatmapModel};
use crate::language::{number, t, tf, Arg, Msg};
use crate::state::team_map::{
    comparison_filters, comparison_is_wider, effort_filters, export_name, trend_means, CellFacts,
    TeamMapState, Ticket,
};
use crate::store::download::download;
use crate::store::team::{load_choices, load_view, TeamView};

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
    let epsilon = number(noise.epsilon(), 1);
    Some(tf(Msg::TeamNoise, &[Arg::Text(&epsilon)]))
}

/// Asks the server for everything `ticket` wants, dropping stale answers.
async fn load(config: Config, state: RwSignal<TeamMapState>, ticket: Ticket) {
    let view = load_view(&config, ticket.filter.clone()).await;
    if state.try_update(|s| s.answer_view(&ticket, view)) != Some(true) {
        return;
    }
    if let Ok(choices) = load_choices(&config, &ticket.filter).await {
        state.try_update(|s| s.answer_choices(&ticket, choices));
    }
    let months = state
        .try_with_untracked(|s| s.trend_filters(&ticket))
        .unwrap_or_default();
    let mut views = Vec::new();
    for month in months {
        if let Some(Ok(view)) = load_view(&config, month).await {
            views.push(view);
        }
    }
    state.try_update(|s| s.answer_trend(&ticket, views));
    if ticket.compare {
        let (told, chose) = comparison_filters(&ticket.filter);
        if let (Some(Ok(told)), Some(Ok(chose))) = (
            load_view(&config, told).await,
            load_view(&config, chose).await,
        ) {
            state.try_update(|s| s.answer_pair(&ticket, told, chose));
        }
    }
}

/// The team's task-fit map, from the sync server.
#[component]
pub fn TeamMapPage() -> impl IntoView {
    let config = expect_context::<Config>();
    if !config.sync_enabled() {
        return view! {
            <main>
                <h1>{t(Msg::TeamTitle)}</h1>
                <p>{t(Msg::TeamNoSync)}</p>
            </main>
        }
        .into_any();
    }
    let state = RwSignal::new(TeamMapState::default());
    let stored_config = StoredValue::new(config);
    // Changes the state, then asks for what it now shows. Done in the
    // handlers rather than in an effect over the state, which would write
    // the state it reads.
    let change = move |change: &dyn Fn(&mut TeamMapState)| {
        if let Some(ticket) = state.try_update(|s| {
            change(s);
            s.ask()
        }) {
            spawn_local(load(stored_config.get_value(), state, ticket));
        }
    };
    change(&|_| {});
    let filter = Memo::new(move |_| state.with(|s| s.filter.clone()));
    let choices = Memo::new(move |_| state.with(|s| s.choices.clone()));
    let on_choose = Callback::new(move |(dimension, value): (_, Option<String>)| {
        change(&|s| s.choose(dimension, value.as_deref()));
    });
    view! {
        <main class="team-map">
            <h1>{t(Msg::TeamTitle)}</h1>
            <p class="lede">{t(Msg::TeamLede)}</p>
            <FilterBar filter choices on_choose />
            <label class="compare">
                <input type="checkbox" on:change=move |event| {
                    let checked = event_target_checked(&event);
                    change(&|s| s.compare = checked);
                } />
                {t(Msg::TeamCompare)}
            </label>
            <TeamMapBody state />
            <Comparison state />
        </main>
    }
    .into_any()
}

/// The map for the filter: loading, an error, or the map with its detail and exports.
#[component]
fn TeamMapBody(state: RwSignal<TeamMapState>) -> impl IntoView {
    let config = StoredValue::new(expect_context::<Config>());
    let main = Memo::new(move |_| state.with(|s| s.main.clone()));
    let trend = Memo::new(move |_| state.with(|s| s.trend.clone()));
    let selected = Memo::new(move |_| state.with(|s| s.selected));
    let efforts = Memo::new(move |_| state.with(|s| s.efforts.clone()));
    let open_cell = Callback::new(move |cell: (usize, usize)| {
        let Some((asked, filter)) = state.try_update(|s| s.open(cell)).flatten() else {
            return;
        };
        let config = config.get_value();
        let Some(Ok(team)) = main.get_untracked() else {
            return;
        };
        let model = model_of(&team.published, &config);
        let (task, tool) = (model.rows[cell.0].id.clone(), model.cols[cell.1].id.clone());
        spawn_local(async move {
            let mut levels = Vec::new();
            for (effort, view_filter) in effort_filters(&filter) {
                if let Some(Ok(view)) = load_view(&config, view_filter).await {
                    levels.push((
                        effort,
                        view.published.cell(&task, &tool).map_or(Some(0), |c| c.n),
                    ));
                }
            }
            state.try_update(|s| s.answer_efforts(asked, cell, levels));
        });
    });
    move || {
        match main.get() {
        None => view! { <p class="loading">{t(Msg::TeamLoading)}</p> }.into_any(),
        Some(Err(error)) => view! { <p class="failed" role="alert">{error.to_string()}</p> }.into_any(),
        Some(Ok(team)) => config.with_value(|config| {
            let mut model = model_of(&team.published, config);
            model.interactive = true;
            let noise = RandomizedResponse::from_config(&config.privacy);
            let months: Vec<String> = trend.with(|views| {
                let tasks: Vec<&str> = model.rows.iter().map(|axis| axis.id.as_str()).collect();
                let tools: Vec<&str> = model.cols.iter().map(|axis| axis.id.as_str()).collect();
                model.trends = trend_means(&tasks, &tools, views, noise);
                views.iter().map(|view| period_label(&view.filter.period.to_string())).collect()
            });
            let detail = selected.get().and_then(|cell| cell_facts(&model, &team.published, cell, &months)).map(|facts| {
                view! { <CellDetail facts efforts on_close=Callback::new(move |_| state.update(TeamMapState::close)) /> }
            });
            view! {
                <Summary published=team.published.clone() note=noise_note(config) />
                <Heatmap model=model.clone() title=t(Msg::TeamTitle) on_open=open_cell />
                {detail}
                <Exports svg=svg_document(&model, t(Msg::TeamTitle)) team />
            }
            .into_any()
        }),
    }
    }
}

/// The opened cell's facts, if it is on the map and published.
fn cell_facts(
    model: &HeatmapModel,
    published: &Published,
    (row, col): (usize, usize),
    months: &[String],
) -> Option<CellFacts> {
    let task = model.rows.get(row)?;
    let tool = model.cols.get(col)?;
    let cell = published.cell(&task.id, &tool.id)?.clone();
    let trend = model
        .trends
        .get(row)
        .and_then(|cells| cells.get(col))
        .map(|means| months.iter().cloned().zip(means.iter().copied()).collect())
        .unwrap_or_default();
    Some(CellFacts {
        task: task.label.clone(),
        tool: tool.label.clone(),
        cell,
        vs_baseline: model.vs_baseline(row, col),
        trend,
    })
}

#[component]
fn Summary(published: Published, note: Option<String>) -> impl IntoView {
    let weeks = published.weeks.as_ref().map(|weeks| {
        let (from, to) = (weeks.from.to_string(), weeks.to.to_string());
        tf(Msg::TeamWeeks, &[Arg::Text(&from), Arg::Text(&to)])
    });
    let in_shown_cells: u64 = published.cells.iter().filter_map(|cell| cell.n).sum();
    let total = match published.total.n {
        Some(n) => tf(Msg::TeamReports, &[Arg::Count(n)]),
        // The total would tell the sum of the hidden cells (SPEC §5.2).
        None if in_shown_cells > 0 => tf(Msg::TeamShownCells, &[Arg::Count(in_shown_cells)]),
        None => t(Msg::TeamNotEnough).to_string(),
    };
    let k = published.k;
    view! {
        <p class="summary">
            {weeks}
            {total}
            {note}
            {tf(Msg::TeamHiddenRule, &[Arg::Count(k.into())])}
        </p>
    }
}

/// Downloads of exactly what is shown.
#[component]
fn Exports(svg: String, team: TeamView) -> impl IntoView {
    let csv = team.published.to_csv();
    let name = StoredValue::new(team.filter);
    let save = move |extension: &'static str, media: &'static str, text: String| {
        move |_| {
            let _ = download(&export_name(&name.get_value(), extension), media, &text);
        }
    };
    view! {
        <p class="exports">
            {t(Msg::TeamDownload)}
            <button type="button" on:click=save("csv", "text/csv", csv)>"CSV"</button>
            <button type="button" on:click=save("json", "application/json", team.json)>"JSON"</button>
            <button type="button" on:click=save("svg", "image/svg+xml", svg)>"SVG"</button>
        </p>
    }
}

/// Told-to and chosen use side by side, when asked for.
#[component]
fn Comparison(state: RwSignal<TeamMapState>) -> impl IntoView {
    let config = StoredValue::new(expect_context::<Config>());
    let compare = Memo::new(move |_| state.with(|s| s.compare));
    let pair = Memo::new(move |_| state.with(|s| s.pair.clone()));
    move || {
        if !compare.get() {
            return None;
        }
        let config = config.get_value();
        Some(match pair.get() {
            None => view! { <p class="loading">{t(Msg::TeamLoadingComparison)}</p> }.into_any(),
            Some((told, chose)) => view! {
                {state.with_untracked(|s| comparison_is_wider(&s.filter)).then(|| view! {
                    <p class="note">{t(Msg::TeamComparisonWider)}</p>
                })}
                <div class="side-by-side">
                    <section>
                        <h2>{t(Msg::ToldTo)}</h2>
                        <Heatmap model=model_of(&told.published, &config) title=t(Msg::ToldTo) />
                    </section>
                    <section>
                        <h2>{t(Msg::ChoseTo)}</h2>
                        <Heatmap model=model_of(&chose.published, &config) title=t(Msg::ChoseTo) />
                    </section>
                </div>
            }
            .into_any(),
        })
    }
}
