//! Pilots (SPEC §10): each pilot's verdict, felt against measured. The
//! page itself is the `pilot-results` module (crates/pilot-results), loaded
//! when the page opens ([`crate::store::pilot_results`]); this is only its
//! heading and the element it draws into.

use candor_core::Config;
use leptos::prelude::*;

use crate::language::{t, Msg};
use crate::router::AppBase;
use crate::store::pilot_results;

/// The Pilots page.
#[component]
pub fn PilotsPage() -> impl IntoView {
    let api = expect_context::<Config>().sync_url.unwrap_or_default();
    // The module finds #pilot-results once it has loaded, after this view is mounted.
    pilot_results::open(&expect_context::<AppBase>().0, &api);
    view! {
        <main>
            <h1>{t(Msg::PilotsTitle)}</h1>
            <div id="pilot-results">
                <p class="loading">{t(Msg::PilotsLoading)}</p>
            </div>
        </main>
    }
}
