//! My map: the employee's own reports as a task × tool heatmap. It is theirs,
//! so it shows everything at once, without suppression (SPEC §5.6).

use candor_core::{Config, Grid, Tally};
use leptos::prelude::*;

use crate::components::heatmap::{Heatmap, HeatmapModel};
use crate::router::{Link, Page};
use crate::store::history::LocalStore;

/// The employee's own task-fit map.
#[component]
pub fn MyMapPage() -> impl IntoView {
    let config = expect_context::<Config>();
    let store = expect_context::<LocalStore>();
    let map = move || {
        let grid = store.with_history(|history| {
            let tally: Tally = history.reports.iter().collect();
            (tally.len_reports(), Grid::build(&tally, &config))
        });
        match grid {
            (0, _) => view! {
                <p class="empty-state">
                    "No reports on this device yet. " <Link to=Page::File>"File one"</Link>
                    " and your map starts to fill in."
                </p>
            }
            .into_any(),
            (count, grid) => view! {
                <p class="summary">
                    {format!("{count} report{} on this device. ", if count == 1 { "" } else { "s" })}
                    "Read each tool against the “No AI” column on the left."
                </p>
                <Heatmap model=HeatmapModel::from_grid(&grid) title="My map" />
            }
            .into_any(),
        }
    };
    view! {
        <main>
            <h1>"My map"</h1>
            <p class="lede">"Where AI has fitted your own work, by kind of task. Only you see this."</p>
            {map}
        </main>
    }
}
