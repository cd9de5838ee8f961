//! The pilot desk (SPEC §10): joining pilots, starting a task with a
//! forecast and the coin, finishing it — a wasm module of its own
//! (`crates/pilot-desk`, named in index.html's `candor-pilot-desk` meta
//! tag), imported once the File page is up, so the form never waits for it
//! and the main transfer does not carry it (SPEC §8).
//!
//! The module files through the functions handed to it here, which run
//! the form's own checks and stores ([`crate::state::form::keep`]): a pilot
//! report goes through the same outbox, history and undo as any other. The
//! loader is JavaScript in `later.js`, shared with the other modules.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/store/later.js")]
extern "C" {
    async fn open_pilot_desk(base: &str, id: &str, week: &str, act: &js_sys::Function);
}

/// The id of the element the desk is drawn into.
pub const ROOT_ID: &str = "pilot-desk";

/// What `file` answers when a report was not filed: this, then why.
pub const NOT_FILED: &str = "not_filed:";

/// Loads the module and draws the desk into the element [`ROOT_ID`].
/// `act(true, reportJson)` files a report and answers a warning ("" for
/// none), or [`NOT_FILED`] and why; `act(false, id)` takes one back and
/// answers "" or why not. If the module cannot be loaded, the element says
/// so: the form and every report are unaffected.
pub async fn open(base: String, week: String, act: impl Fn(bool, String) -> String + 'static) {
    let act = Closure::<dyn Fn(bool, String) -> String>::new(act);
    open_pilot_desk(&base, ROOT_ID, &week, act.as_ref().unchecked_ref()).await;
    // The desk calls it for as long as the page shows it; a few bytes per
    // visit to the File page.
    act.forget();
}
