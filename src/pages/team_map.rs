//! Team map: everyone's reports as the sync server publishes them — closed
//! weeks only, groups below k hidden, nested views protected (SPEC §5) —
//! with filters, a trend per cell, a drill-down, the mandated-versus-chosen
//! comparison and exports of exactly what is shown. The map itself is the
//! `team-map` module (crates/team-map), loaded when the page opens
//! ([`crate::store::maps`]); this is only its heading and the element it
//! draws into, or, without a sync server, why there is no map.

use candor_core::Config;
use leptos::prelude::*;

use crate::language::{t, Msg};
use crate::router::AppBase;
use crate::store::maps;

/// The team's task-fit map, from the sync server.
#[component]
pub fn TeamMapPage() -> impl IntoView {
    let config = expect_context::<Config>();
    let Some(api) = config.sync_url else {
        return view! {
            <main>
                <h1>{t(Msg::TeamTitle)}</h1>
                <p>{t(Msg::TeamNoSync)}</p>
            </main>
        }
        .into_any();
    };
    // The module finds #team-map once it has loaded, after this view is mounted.
    maps::open_team_map(&expect_context::<AppBase>().0, &api, t(Msg::TeamTitle));
    view! {
        <main class="team-map">
            <h1>{t(Msg::TeamTitle)}</h1>
            <div id="team-map">
                <p class="loading">{t(Msg::TeamLoading)}</p>
            </div>
        </main>
    }
    .into_any()
}
