//! The header: what Candor does, in one line, and the navigation.

use leptos::prelude::*;

use candor_core::Config;

use crate::router::{Link, Page};

/// The page header with the one-line promise and the navigation.
#[component]
pub fn Header() -> impl IntoView {
    let config = expect_context::<Config>();
    let team = config
        .sync_enabled()
        .then(|| view! { <Link to=Page::TeamMap>"Team map"</Link> });
    let pilots = (config.sync_enabled() && !config.pilots.is_empty())
        .then(|| view! { <Link to=Page::Pilots>"Pilots"</Link> });
    view! {
        <header class="site-header">
            <p class="brand">
                <strong>"Candor"</strong>
                <span class="promise">
                    " — say whether AI helped on the task you just did. Anonymous: nothing here identifies you."
                </span>
            </p>
            <nav aria-label="Main">
                <Link to=Page::File>"File a report"</Link>
                <Link to=Page::History>"History"</Link>
                <Link to=Page::MyMap>"My map"</Link>
                {team}
                {pilots}
            </nav>
        </header>
    }
}
