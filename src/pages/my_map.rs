//! My map: the employee's own reports as a task × tool heatmap. It is theirs,
//! so it shows everything at once, without suppression (SPEC §5.6). The
//! heatmap is drawn by the `team-map` module (crates/team-map), handed the
//! device's history ([`crate::store::maps`]); this page says how many
//! reports there are, or how to file the first.

use candor_core::History;
use leptos::prelude::*;

use crate::language::{t, tf, Arg, Msg};
use crate::router::{AppBase, Link, Page};
use crate::store::history::LocalStore;
use crate::store::maps;

/// The employee's own task-fit map.
#[component]
pub fn MyMapPage() -> impl IntoView {
    let store = expect_context::<LocalStore>();
    let base = expect_context::<AppBase>().0;
    let map = move || {
        let (count, history) =
            store.with_history(|history| (history.reports.len() as u64, History::to_json(history)));
        if count == 0 {
            return view! {
                <p class="empty-state">
                    {t(Msg::MyMapEmptyStart)} <Link to=Page::File>{t(Msg::MyMapEmptyLink)}</Link>
                    {t(Msg::MyMapEmptyEnd)}
                </p>
            }
            .into_any();
        }
        // The module finds #my-map once it has loaded, after this view is mounted.
        maps::open_my_map(&base, &history, t(Msg::MyMapTitle));
        view! {
            <p class="summary">
                {tf(Msg::MyMapCount, &[Arg::Count(count)])}
                {t(Msg::MyMapRead)}
            </p>
            <div id="my-map"></div>
        }
        .into_any()
    };
    view! {
        <main>
            <h1>{t(Msg::MyMapTitle)}</h1>
            <p class="lede">{t(Msg::MyMapLede)}</p>
            {map}
        </main>
    }
}
