//! Team map: everyone's reports as the sync server publishes them — closed
//! weeks only, groups below k hidden (SPEC §5) — drawn with the same heatmap
//! as My map.

use candor_core::publish::Published;
use candor_core::{CellCounts, Config, Grid, Tally};
use leptos::prelude::*;

use crate::components::heatmap::{CellView, Heatmap, HeatmapModel};
use crate::store::fetch::get_text;

/// Why the team map could not be shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TeamMapError {
    /// The aggregate could not be fetched.
    #[error("The team map could not be loaded: the aggregate {0}.")]
    Fetch(#[from] crate::store::fetch::FetchError),
    /// The server sent something that is not an aggregate.
    #[error("The sync server's answer was not a team map ({0}).")]
    Shape(String),
}

async fn load(url: String) -> Result<Published, TeamMapError> {
    let text = get_text(&url).await?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|error| TeamMapError::Shape(error.to_string()))?;
    Published::from_value(&value).map_err(TeamMapError::Shape)
}

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
    for (row, task) in grid.rows.iter().enumerate() {
        for (col, tool) in grid.cols.iter().enumerate() {
            let hidden = published.cell(&task.id, &tool.id).map(|cell| cell.n);
            if hidden == Some(None) {
                model.cells[row][col] = CellView::Hidden;
            }
        }
    }
    model
}

/// The team's task-fit map, from the sync server.
#[component]
pub fn TeamMapPage() -> impl IntoView {
    let config = expect_context::<Config>();
    let Some(url) = config.sync_endpoint("aggregate") else {
        return view! {
            <main>
                <h1>"Team map"</h1>
                <p>"This deployment has no sync server, so there is no team map. Your own reports are under My map."</p>
            </main>
        }
        .into_any();
    };
    let published = RwSignal::new(None);
    leptos::task::spawn_local(async move { published.set(Some(load(url).await)) });
    let config = StoredValue::new(config);
    let body = move || match published.get() {
        None => view! { <p class="loading">"Loading the team map…"</p> }.into_any(),
        Some(Err(error)) => {
            view! { <p class="failed" role="alert">{error.to_string()}</p> }.into_any()
        }
        Some(Ok(published)) => {
            let k = published.k;
            let weeks = published
                .weeks
                .as_ref()
                .map(|weeks| format!("Weeks {} to {}. ", weeks.from, weeks.to));
            let total = match published.total.n {
                Some(n) => format!("{n} reports. "),
                None => "Not enough reports yet. ".to_string(),
            };
            let model = config.with_value(|config| model_of(&published, config));
            view! {
                <p class="summary">
                    {weeks}
                    {total}
                    {format!("Groups of fewer than {k} reports are hidden, so no one can be singled out.")}
                </p>
                <Heatmap model title="Team map" />
            }
            .into_any()
        }
    };
    view! {
        <main>
            <h1>"Team map"</h1>
            <p class="lede">
                "Where AI helps and where it hurts, by kind of task, from everyone's reports. Only weeks that have ended are shown."
            </p>
            {body}
        </main>
    }
    .into_any()
}
