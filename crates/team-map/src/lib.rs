//! The team map for managers (SPEC §5): everyone's reports as the sync
//! server publishes them — closed weeks only, groups below k hidden, nested
//! views protected — as a task × tool heatmap, with filters, a trend per
//! cell, a drill-down into a cell, the told-to and chosen comparison, and
//! exports of exactly what is shown. And My map's heatmap: the device's own
//! reports, drawn the same way.
//!
//! A wasm module of its own, which the app imports when the Team map or My
//! map opens (`src/store/maps.rs`, named in index.html's `candor-team-map`
//! meta tag), so it does not count against the main transfer (SPEC §8:
//! each module loaded later ≤ 60 KB gzip). It is plain Rust over web-sys,
//! not Leptos, which would not fit that budget (docs/decisions.md).
//!
//! Built like one of the app's pages, a model apart from its view:
//!
//! ```text
//! lang      the module's words in the language shown, from its catalog (SPEC §9)
//!   → read  the documents into the core's types, from the browser's JSON.parse
//!   → heatmap  the map's model (cells, colours, uncertainty) and its markup
//!   → team  the server's documents: TeamView, TeamMapError, their fetching
//!   → state TeamMapState: the filter, which answer is current, the opened cell
//!   → page  every sentence, option and detail the team map shows
//!   → dom   the thin renderer: draws the state, asks the server, reads events
//!   → fetch the browser's fetch and JSON.parse
//! ```
//!
//! Every word it shows comes from `locales/<lang>/team-map.ftl` (SPEC §9):
//! English is compiled in; the language the browser asks for
//! (`candor-language`) is fetched as `lang/<code>.team-map.txt`, beside
//! candor.json, before the map draws. Where it cannot be had, the map is
//! drawn in English and says why. The maps' names (the pages' titles) are
//! the app's words, handed in.
//!
//! Everything but `dom` and `fetch` is plain Rust, tested natively
//! (`cargo test -p candor-team-map`). The JavaScript API:
//!
//! ```js
//! import init, { render, render_my_map } from './team-map-<hash>.js';
//! await init();
//! render(element, '/api/v1', './candor.json', 'Team map');
//! render_my_map(element, './candor.json', historyJson, 'My map');
//! ```

#[cfg(target_arch = "wasm32")]
mod alloc;
mod dom;
mod fetch;
pub mod heatmap;
pub mod lang;
pub mod page;
pub mod read;
pub mod state;
pub mod team;

pub use heatmap::{CellView, HeatmapModel};
pub use state::TeamMapState;

use candor_core::catalog::Arg;
use candor_core::Config;
use js_sys::JSON;
use wasm_bindgen::prelude::*;

/// Loads the language shown; on an error the module stays in English, its
/// `root` is marked so, and the words saying why are returned.
async fn words(root: &web_sys::Element, config_url: &str) -> Option<String> {
    // The catalogs are beside candor.json, under the app's base.
    let base = config_url.rsplit_once('/').map_or("", |(base, _)| base);
    let note = lang::load(base)
        .await
        .err()
        .map(|(lang, error)| lang::failed_note(lang, error));
    if note.is_some() {
        lang::mark_english(root);
    }
    note
}

/// The deployment's candor.json at `url`, as the maps need it; the error in words.
async fn config(url: &str) -> Result<Config, String> {
    let why = match fetch::text(url).await {
        Ok(text) => match JSON::parse(&text) {
            Ok(file) => return Ok(read::config(&file)),
            Err(_) => lang::t(lang::Msg::NotJson),
        },
        Err(fetch::Failed::Unreachable(why)) => why,
        Err(fetch::Failed::Status(status)) => {
            lang::tf(lang::Msg::ConfigStatus, &[Arg::Count(u64::from(status))])
        }
    };
    Err(lang::tf(lang::Msg::ConfigFailed, &[Arg::Text(&why)]))
}

/// What to draw once the words and the config are in.
enum Map {
    /// The team map of the sync API at this address.
    Team(String),
    /// My map of this history document.
    Own(String),
}

async fn draw(root: web_sys::Element, config_url: String, map: Map, title: String) {
    let note = words(&root, &config_url).await;
    match (config(&config_url).await, map) {
        (Ok(mut config), Map::Team(api_base)) => {
            config.sync_url = Some(api_base);
            dom::team_map(&root, config, title, note);
        }
        (Ok(config), Map::Own(history)) => {
            let document = JSON::parse(&history).unwrap_or(JsValue::NULL);
            let model = page::own_model(&read::history(&document), &config);
            dom::my_map(&root, &model, &title, note.as_deref());
        }
        (Err(why), _) => dom::failed(&root, &note.map_or(why.clone(), |n| format!("{n} {why}"))),
    }
}

/// Fills `root` with the team map of the sync API at `api_base` (the
/// config's `sync_url`): the lede, the filters, the compare box, then
/// "Loading the team map…" until the view for the filter arrives.
/// `config_url` is the deployment's candor.json, as the app read it: the
/// labels, k and privacy options come from it (the app has checked it; the
/// module reads it itself, so the main transfer does not carry its text
/// across). `title` is the page's name, which the map's label carries.
#[wasm_bindgen]
pub fn render(root: web_sys::Element, api_base: String, config_url: String, title: String) {
    wasm_bindgen_futures::spawn_local(draw(root, config_url, Map::Team(api_base), title));
}

/// Fills `root` with My map's heatmap: the reports of `history` (the
/// device's history document, core's `History::to_json`), counted by task
/// and tool on the axes of the deployment's candor.json at `config_url`,
/// without suppression: the map is the employee's own (SPEC §5.6).
#[wasm_bindgen]
pub fn render_my_map(root: web_sys::Element, config_url: String, history: String, title: String) {
    wasm_bindgen_futures::spawn_local(draw(root, config_url, Map::Own(history), title));
}
