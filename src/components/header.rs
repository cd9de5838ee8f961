//! The header: what Candor does, in one line, and the navigation.

use leptos::prelude::*;
use leptos_router::components::A;

use candor_core::Config;

use crate::app::AppBase;

/// The page header with the one-line promise and the navigation.
#[component]
pub fn Header() -> impl IntoView {
    let base = expect_context::<AppBase>();
    let team = expect_context::<Config>()
        .sync_enabled()
        .then(|| view! { <A href=base.href("/team")>"Team map"</A> });
    view! {
        <header class="site-header">
            <p class="brand">
                <strong>"Candor"</strong>
                <span class="promise">
                    " — say whether AI helped on the task you just did. Anonymous: nothing here identifies you."
                </span>
            </p>
            <nav aria-label="Main">
                <A href=base.href("/") exact=true>"File a report"</A>
                <A href=base.href("/history")>"History"</A>
                <A href=base.href("/map")>"My map"</A>
                {team}
            </nav>
        </header>
    }
}
