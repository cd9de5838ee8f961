//! My map: the employee's own reports as a task × tool heatmap. It is theirs,
//! so it shows everything at once, without suppression (SPEC §5.6).

use candor_core::{Config, Grid, Tally};
use leptos::prelude::*;

use crate::components::heatmap::{Heatmap, HeatmapModel};
use crate::language::{t, tf, Arg, Msg};
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
                    {t(Msg::MyMapEmptyStart)} <Link to=Page::File>{t(Msg::MyMapEmptyLink)}</Link>
                    {t(Msg::MyMapEmptyEnd)}
                </p>
            }
            .into_any(),
            (count, grid) => view! {
                <p class="summary">
                    {tf(Msg::MyMapCount, &[Arg::Count(count)])}
                    {t(Msg::MyMapRead)}
                </p>
                <Heatmap model=HeatmapModel::from_grid(&grid) title=t(Msg::MyMapTitle) />
            }
            .into_any(),
        }
    };
    view! {
        <main>
            <h1>{t(Msg::MyMapTitle)}</h1>
            <p class="lede">{t(Msg::MyMapLede)}</p>
            {map}
        </main>
    }
}
