//! The pilot desk (SPEC §10): joining pilots, starting a task with a
//! forecast and the coin, finishing it — a wasm module of its own
//! (`crates/pilot-desk`, named in index.html's `candor-pilot-desk` meta
//! tag), imported once the File page is up, so the form never waits for it
//! and the main transfer does not carry it (SPEC §8).
//!
//! The module files through the functions handed to it here, which run
//! the form's own checks and stores ([`crate::state::form::keep`]): a pilot
//! report goes through the same outbox, history and undo as any other.

use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(inline_js = r#"
let desk;
export async function open_pilot_desk(base, root, week, file, takeBack) {
  if (!desk) {
    const meta = document.querySelector('meta[name="candor-pilot-desk"]');
    desk = meta
      ? import(base + '/' + meta.content).then(async (m) => { await m.default(); return m; })
      : Promise.reject(new Error('this build of the app has no pilot desk'));
    desk.catch(() => { desk = undefined; });
  }
  await (await desk).render_desk(root, base, week, file, takeBack);
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn open_pilot_desk(
        base: &str,
        root: &Element,
        week: &str,
        file: &js_sys::Function,
        take_back: &js_sys::Function,
    ) -> Result<JsValue, JsValue>;
}

/// What `file` answers when a report was not filed: this, then why.
pub const NOT_FILED: &str = "not_filed:";

/// Loads the module and draws the desk into `root`. `file(reportJson)`
/// answers a warning ("" for none), or [`NOT_FILED`] and why;
/// `take_back(id)` answers "" or why not. If the module cannot be loaded,
/// `root` says so: the form and every report are unaffected.
pub async fn open(
    root: Element,
    base: String,
    week: String,
    file: impl Fn(String) -> String + 'static,
    take_back: impl Fn(String) -> String + 'static,
) {
    let file = Closure::<dyn Fn(String) -> String>::new(file);
    let take_back = Closure::<dyn Fn(String) -> String>::new(take_back);
    let opened = open_pilot_desk(
        &base,
        &root,
        &week,
        file.as_ref().unchecked_ref(),
        take_back.as_ref().unchecked_ref(),
    )
    .await;
    if let Err(error) = opened {
        let why = error
            .dyn_ref::<js_sys::Error>()
            .map_or_else(|| "it did not load".into(), |e| String::from(e.message()));
        root.set_text_content(Some(&format!(
            "The pilots could not be shown ({why}). Reports filed with the form above are not affected; reload the page to try again."
        )));
    }
    // The desk calls these for as long as the page shows it; a few bytes
    // per visit to the File page.
    file.forget();
    take_back.forget();
}
