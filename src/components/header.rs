//! The header: what Candor does, in one line, the navigation and the
//! language switch (SPEC §9: the language can be changed from every page).

use leptos::prelude::*;

use candor_core::Config;

use crate::language::{lang, t, Lang, Msg};
use crate::router::{Link, Page};
use crate::store::catalog;

/// The page header with the one-line promise, the navigation and the language switch.
#[component]
pub fn Header() -> impl IntoView {
    let config = expect_context::<Config>();
    let team = config
        .sync_enabled()
        .then(|| view! { <Link to=Page::TeamMap>{t(Msg::NavTeamMap)}</Link> });
    let pilots = (config.sync_enabled() && !config.pilots.is_empty())
        .then(|| view! { <Link to=Page::Pilots>{t(Msg::NavPilots)}</Link> });
    view! {
        <header class="site-header">
            <p class="brand">
                <strong>{t(Msg::Brand)}</strong>
                <span class="promise">{t(Msg::Promise)}</span>
            </p>
            <nav aria-label=t(Msg::NavLabel)>
                <Link to=Page::File>{t(Msg::NavFile)}</Link>
                <Link to=Page::History>{t(Msg::NavHistory)}</Link>
                <Link to=Page::MyMap>{t(Msg::NavMyMap)}</Link>
                {team}
                {pilots}
            </nav>
            <LanguageSwitch />
        </header>
    }
}

/// A select of the languages, each in its own name; choosing one keeps it
/// on this device and reloads the page in it.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let current = lang();
    let options = catalog::offered()
        .into_iter()
        .map(|option| {
            view! {
                <option value=option.code() selected=option == current lang=option.code()>
                    {option.native_name()}
                </option>
            }
        })
        .collect_view();
    view! {
        <p class="language">
            <label for="language">{t(Msg::Language)}</label>
            " "
            <select id="language" on:change=move |event| {
                if let Some(chosen) = Lang::from_code(&event_target_value(&event)) {
                    catalog::choose(chosen);
                }
            }>{options}</select>
        </p>
    }
}
