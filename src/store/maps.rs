//! The maps' module (`crates/team-map`, SPEC §5): a wasm module of its own,
//! named in index.html's `candor-team-map` meta tag and imported the first
//! time the Team map or My map opens, so the main transfer carries neither
//! the heatmap nor the team map's filters, drill-down, trend, comparison
//! and exports (SPEC §8). The module draws into the page's `#team-map` or
//! `#my-map` element.
//!
//! The glue is JavaScript (`later.js`, shared with the other modules loaded
//! later), which says itself when the module cannot be loaded (SPEC §7).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/store/later.js")]
extern "C" {
    /// Imports the module from the app's `base` (once) and has it draw the
    /// team map of the sync API at `api` into `#team-map`, the map named
    /// `title`.
    #[wasm_bindgen(js_name = team_map_open)]
    pub fn open_team_map(base: &str, api: &str, title: &str);

    /// Imports the module from the app's `base` (once) and has it draw the
    /// heatmap of `history` (the device's history document, core's
    /// `History::to_json`) into `#my-map`, the map named `title`.
    #[wasm_bindgen(js_name = my_map_open)]
    pub fn open_my_map(base: &str, history: &str, title: &str);
}
