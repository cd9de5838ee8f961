//! Five pages, links that change the address without a reload, and the back button.
//!
//! Written here rather than taken from `leptos_router`: the app has five
//! fixed pages and one query (the deep link's `?task=&tool=`), and the
//! general router cost a large share of the 250 KB budget (SPEC §8).
//!
//! The router owns the app's base (where it is published): the pages' paths
//! decide which part of the address is the base, so both live here.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Where the app is published: the page's path without the route part, and
/// without a trailing slash ("" at the root), e.g. `/candor` on
/// `https://intranet.example/candor/history`.
pub fn app_base(pathname: &str) -> String {
    let trimmed = pathname.trim_end_matches('/');
    let routed = Page::ROUTED.map(|page| &page.path()[1..]);
    let base = match trimmed.rsplit_once('/') {
        Some((parent, last)) if routed.contains(&last) => parent,
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

/// A page of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `/`: the report form.
    File,
    /// `/history`: the device's reports.
    History,
    /// `/map`: the employee's own map.
    MyMap,
    /// `/team`: the team map.
    TeamMap,
    /// `/pilots`: the pilots' results.
    Pilots,
    /// Anything else.
    NotFound,
}

impl Page {
    /// The pages with a path segment of their own (every page but the form).
    pub const ROUTED: [Page; 4] = [Page::History, Page::MyMap, Page::TeamMap, Page::Pilots];

    /// The page for a path below the app's base, e.g. `/history`.
    pub fn from_path(path: &str) -> Page {
        match path.trim_end_matches('/') {
            "" | "/index.html" => Page::File,
            "/history" => Page::History,
            "/map" => Page::MyMap,
            "/team" => Page::TeamMap,
            "/pilots" => Page::Pilots,
            _ => Page::NotFound,
        }
    }

    /// The page's path below the app's base.
    pub fn path(self) -> &'static str {
        match self {
            Page::File | Page::NotFound => "/",
            Page::History => "/history",
            Page::MyMap => "/map",
            Page::TeamMap => "/team",
            Page::Pilots => "/pilots",
        }
    }
}

/// The page on show, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Navigation {
    page: RwSignal<Page>,
}

impl Navigation {
    /// Reads the page from the address and follows the back and forward buttons.
    pub fn start(base: &AppBase) -> Navigation {
        let base_length = base.0.len();
        let current = move || {
            let path = window().location().pathname().unwrap_or_default();
            Page::from_path(path.get(base_length..).unwrap_or(""))
        };
        let page = RwSignal::new(current());
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            page.try_set(current());
        });
        on_cleanup(move || handle.remove());
        Navigation { page }
    }

    /// The page on show.
    pub fn page(&self) -> Page {
        self.page.get()
    }

    /// Shows `to` and puts its address in the history, without reloading.
    pub fn go(&self, to: Page, href: &str) {
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(href));
        }
        self.page.set(to);
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The value of `name` in the page address's query (`?task=…`), decoded.
pub fn query_value(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .and_then(|(_, value)| {
            js_sys::decode_uri_component(&value.replace('+', " "))
                .ok()?
                .as_string()
        })
}

/// A link to a page of the app, marked `aria-current="page"` while it is on show.
#[component]
pub fn Link(
    /// The page.
    to: Page,
    /// The words.
    children: Children,
) -> impl IntoView {
    let navigation = expect_context::<Navigation>();
    let href = expect_context::<AppBase>().href(to.path());
    let target = href.clone();
    view! {
        <a
            href=href
            aria-current=move || (navigation.page() == to).then_some("page")
            on:click=move |event| {
                // Let the browser handle new tabs, windows and downloads.
                let plain = event.button() == 0
                    && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
                if plain {
                    event.prevent_default();
                    navigation.go(to, &target);
                }
            }
        >
            {children()}
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_is_the_path_without_its_route() {
        assert_eq!(app_base("/"), "");
        assert_eq!(app_base("/history"), "");
        assert_eq!(app_base("/team/"), "");
        assert_eq!(app_base("/candor/"), "/candor");
        assert_eq!(app_base("/candor/history"), "/candor");
        assert_eq!(app_base("/tools/candor/map"), "/tools/candor");
        assert_eq!(app_base("/candor/index.html"), "/candor");
        assert_eq!(AppBase("/candor".into()).href("/team"), "/candor/team");
    }

    #[test]
    fn every_page_reads_back_from_its_own_path() {
        for page in Page::ROUTED.into_iter().chain([Page::File]) {
            assert_eq!(Page::from_path(page.path()), page);
        }
        assert_eq!(Page::from_path("/index.html"), Page::File);
        assert_eq!(Page::from_path("/history/"), Page::History);
        assert_eq!(Page::from_path("/nowhere"), Page::NotFound);
    }
}
