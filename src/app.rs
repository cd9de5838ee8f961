//! The app shell: load the deployment config, open the device's store, route.

use candor_core::Config;
use leptos::prelude::*;

use crate::components::{header::Header, notice_board::NoticeBoard};
use crate::language::{config_shown, t, Lang, Msg};
use crate::pages::{
    config_error::ConfigErrorPage, file::FilePage, history::HistoryPage, my_map::MyMapPage,
    pilots::PilotsPage, team_map::TeamMapPage,
};
use crate::router::{app_base, AppBase, Navigation, Page};
use crate::store::{catalog, config, history::LocalStore, notices::Notices, sync::SyncStore};

/// The whole app: a config error page, or the shell with its routes.
#[component]
pub fn App() -> impl IntoView {
    let pathname = window().location().pathname().unwrap_or_default();
    let base = app_base(&pathname);
    let config_url = format!("{base}/{}", config::CONFIG_FILE);
    let notices = Notices::new();
    provide_context(notices);
    // Fetched beside the config (SPEC §9).
    let shown = catalog::open(&base, notices);
    // A signal filled by a spawned task rather than a resource: the app loads
    // the config once, and a LocalResource with Suspense here measured
    // +12.4 KB gzip (245.2 → 257.6 KB, over the 250 KB budget of SPEC §8).
    let loaded = RwSignal::new(None);
    leptos::task::spawn_local(async move { loaded.set(Some(config::load(config_url).await)) });
    // The form is drawn once, in the chosen language, when its catalog is
    // in by then; a slow one is put in force later (the page is redrawn).
    let waited = RwSignal::new(false);
    set_timeout(move || waited.set(true), catalog::WAIT);
    // A memo, so the timer firing after the catalog came draws nothing again.
    let ready = Memo::new(move |_| shown.settled.get() || waited.get());
    move || match loaded.get() {
        Some(Ok(config)) if ready.get() => {
            view! { <Shell config base=base.clone() shown=shown.lang /> }.into_any()
        }
        Some(Err(error)) if ready.get() => view! { <ConfigErrorPage error /> }.into_any(),
        _ => view! { <p class="loading">{t(Msg::LoadingApp)}</p> }.into_any(),
    }
}

/// The app once its config is known: header, notices and pages.
#[component]
fn Shell(config: Config, base: String, shown: RwSignal<Lang>) -> impl IntoView {
    let notices = expect_context::<Notices>();
    let local = LocalStore::open(notices);
    provide_context(local);
    provide_context(SyncStore::open(
        &config,
        local.keeps_history(),
        notices,
        &base,
    ));
    // Labels in the language shown (SPEC §9); again below once another
    // language's catalog is in force.
    provide_context(config_shown(&config));
    let config = StoredValue::new(config);
    let base = AppBase(base);
    provide_context(Navigation::start(&base));
    provide_context(base);
    let navigation = expect_context::<Navigation>();
    // The header and the page are drawn again, once, when another
    // language's catalog comes into force (`shown` changes).
    view! {
        {move || {
            shown.track();
            config.with_value(|config| provide_context(config_shown(config)));
            view! { <Header /> }
        }}
        <NoticeBoard />
        {move || {
            shown.track();
            config.with_value(|config| provide_context(config_shown(config)));
            match navigation.page() {
                Page::File => view! { <FilePage /> }.into_any(),
                Page::History => view! { <HistoryPage /> }.into_any(),
                Page::MyMap => view! { <MyMapPage /> }.into_any(),
                Page::TeamMap => view! { <TeamMapPage /> }.into_any(),
                Page::Pilots => view! { <PilotsPage /> }.into_any(),
                Page::NotFound => view! { <main><h1>{t(Msg::PageNotFound)}</h1></main> }.into_any(),
            }
        }}
    }
}
