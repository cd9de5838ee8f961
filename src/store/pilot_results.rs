//! The Pilots page's module (`crates/pilot-results`, SPEC §10): a wasm
//! module of its own, named in index.html's `candor-pilot-results` meta
//! tag and imported the first time the page opens, so the main transfer
//! does not carry it (SPEC §8). The module fetches the config's labels and
//! the pilots and draws them into the page's `#pilot-results` element.
//!
//! The glue is JavaScript (`later.js`, shared with the other modules
//! loaded later), and it says itself when the module cannot be loaded: in Rust, with a node reference, a signal for the error, an
//! async call and the config's text handed over, the page measured 2.9 KB
//! gzip of the main transfer, which has no room for it; this way, under
//! 1 KB (docs/decisions.md).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/store/later.js")]
extern "C" {
    /// Imports the module from the app's `base` (once) and has it draw the
    /// pilots of the sync API at `api` ("" without a sync server).
    #[wasm_bindgen(js_name = pilot_results_open)]
    pub fn open(base: &str, api: &str);
}
