//! The Pilots page for managers (SPEC §10, issue 16): for each pilot its
//! verdict in one plain sentence, felt against measured side by side (a
//! table, and a chart of the intervals), what people chose before a pilot
//! without randomization, and downloads of what is shown.
//!
//! A wasm module of its own, which the app imports when the page opens
//! (`src/store/pilot_results.rs`, named in index.html's
//! `candor-pilot-results` meta tag), so it does not count against the main
//! transfer (SPEC §8: each module loaded later ≤ 60 KB gzip). It is plain
//! Rust over web-sys, not Leptos, which would not fit that budget
//! (docs/decisions.md).
//!
//! Built like one of the app's pages, a model apart from its view:
//!
//! ```text
//! lang    the page's words in the language shown, from its catalog (SPEC §9)
//!   → format  numbers and counts in words (a count of 1..k−1 is never written)
//!   → chart   the intervals' geometry, in SVG user units
//!   → model   PilotsPage: the documents and the config's labels turned into
//!             every sentence, table row, chart mark and download shown
//!   → dom     the thin renderer: createElement and textContent, never innerHTML
//!   → read    the documents into the core's types, from the browser's JSON.parse
//!   → fetch   GET {api}/pilots and each GET {api}/pilots/{id}, errors in words
//! ```
//!
//! Every word the page shows comes from `locales/<lang>/pilot-results.ftl`
//! (SPEC §9): English is compiled in; the language the browser asks for
//! (`candor-language`) is fetched as `lang/<code>.pilot-results.txt`, beside
//! candor.json, before the page draws. Where it cannot be had, the page is
//! drawn in English and says why.
//!
//! Everything but `dom` and `fetch` is plain Rust, tested natively
//! (`cargo test -p candor-pilot-results`). The JavaScript API:
//!
//! ```js
//! import init, { render } from './pilot-results-<hash>.js';
//! await init();
//! render(element, '/api/v1', './candor.json');
//! ```

pub mod chart;
mod dom;
mod fetch;
pub mod format;
pub mod lang;
pub mod model;
pub mod read;

pub use model::{PilotSection, PilotsPage, Table, TableRow};

use wasm_bindgen::prelude::*;

/// Fills `root` with the Pilots page: "Loading pilots…", then every pilot
/// of `GET {api_base}/pilots`, or the error in words with a Retry button.
/// `api_base` is the config's `sync_url`, "" when there is none.
/// `config_url` is the deployment's candor.json, as the app read it: the
/// task labels come from it (the app has checked it; the module reads it
/// itself, so the main transfer does not carry its text across).
#[wasm_bindgen]
pub fn render(root: web_sys::Element, api_base: String, config_url: String) {
    wasm_bindgen_futures::spawn_local(show(root, api_base, config_url));
}

async fn show(root: web_sys::Element, api_base: String, config_url: String) {
    // The catalogs are beside candor.json, under the app's base.
    let base = config_url.rsplit_once('/').map_or("", |(base, _)| base);
    let note = lang::load(base)
        .await
        .err()
        .map(|(lang, error)| lang::failed_note(lang, error));
    if note.is_some() {
        lang::mark_english(&root);
    }
    if api_base.is_empty() {
        let words = lang::t(lang::Msg::NoSync);
        return dom::note(
            &root,
            &note.map_or(words.clone(), |note| format!("{note} {words}")),
        );
    }
    dom::loading(&root);
    // Without the labels the page still shows the pilots, by task id.
    let tasks = match fetch::text(&config_url).await {
        Ok(text) => read::task_labels(&js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL)),
        Err(_) => Vec::new(),
    };
    match fetch::load(&api_base).await {
        Ok((list, views)) => dom::page(
            &root,
            &PilotsPage::build(&list, &views, &tasks),
            note.as_deref(),
        ),
        Err(why) => {
            let again = (root.clone(), api_base, config_url);
            dom::failed(
                &root,
                &model::failed(&why),
                Some(Box::new(move || {
                    render(again.0.clone(), again.1.clone(), again.2.clone())
                })),
            )
        }
    }
}
