//! The app shell: load the deployment config, open the device's store, route.

use candor_core::Config;
use leptos::prelude::*;

use crate::components::{header::Header, notice_board::NoticeBoard};
use crate::pages::{
    config_error::ConfigErrorPage, file::FilePage, history::HistoryPage, my_map::MyMapPage,
    team_map::TeamMapPage,
};
use crate::router::{Navigation, Page};
use crate::store::{config, history::LocalStore, notices::Notices, sync::SyncStore};

/// The last path segments the router owns; anything before them is where the
/// app is published (e.g. `/candor` on `https://intranet.example/candor/`).
const ROUTES: [&str; 3] = ["history", "map", "team"];

/// Where the app is published: the page's path without the route part, and
/// without a trailing slash ("" at the root).
pub fn app_base(pathname: &str) -> String {
    let trimmed = pathname.trim_end_matches('/');
    let base = match trimmed.rsplit_once('/') {
        Some((parent, last)) if ROUTES.contains(&last) => parent,
        _ if pathname.ends_with("/index.html") => trimmed.trim_end_matches("/index.html"),
        _ => trimmed,
    };
    base.to_string()
}

/// Where the app is published, shared through context so links can carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppBase(pub String);

impl AppBase {
    /// The address of an in-app path such as `/history` under this base.
    pub fn href(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

/// The whole app: a config error page, or the shell with its routes.
#[component]
pub fn App() -> impl IntoView {
    let pathname = window().location().pathname().unwrap_or_default();
    let base = app_base(&pathname);
    let config_url = format!("{base}/{}", config::CONFIG_FILE);
    // A signal filled by a spawned task rather than a resource: the app loads
    // the config once, and the async-derived machinery would cost kilobytes.
    let loaded = RwSignal::new(None);
    leptos::task::spawn_local(async move { loaded.set(Some(config::load(config_url).await)) });
    move || match loaded.get() {
        None => view! { <p class="loading">"Loading Candor…"</p> }.into_any(),
        Some(Ok(config)) => view! { <Shell config base=base.clone() /> }.into_any(),
        Some(Err(error)) => view! { <ConfigErrorPage error /> }.into_any(),
    }
}

/// The app once its config is known: header, notices and pages.
#[component]
fn Shell(config: Config, base: String) -> impl IntoView {
    let notices = Notices::new();
    provide_context(notices);
    let local = LocalStore::open(notices);
    provide_context(local);
    provide_context(SyncStore::open(&config, local.keeps_history(), notices));
    provide_context(config);
    let base = AppBase(base);
    provide_context(Navigation::start(&base));
    provide_context(base);
    let navigation = expect_context::<Navigation>();
    view! {
        <Header />
        <NoticeBoard />
        {move || match navigation.page() {
            Page::File => view! { <FilePage /> }.into_any(),
            Page::History => view! { <HistoryPage /> }.into_any(),
            Page::MyMap => view! { <MyMapPage /> }.into_any(),
            Page::TeamMap => view! { <TeamMapPage /> }.into_any(),
            Page::NotFound => view! { <main><h1>"Page not found"</h1></main> }.into_any(),
        }}
    }
}
