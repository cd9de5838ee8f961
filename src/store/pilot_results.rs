//! The Pilots page's module (`crates/pilot-results`, SPEC §10): a wasm
//! module of its own, named in index.html's `candor-pilot-results` meta
//! tag and imported the first time the page opens, so the main transfer
//! does not carry it (SPEC §8). The module fetches the config's labels and
//! the pilots and draws them into the page's `#pilot-results` element.
//!
//! The glue is JavaScript, and it says itself when the module cannot be
//! loaded: in Rust, with a node reference, a signal for the error, an
//! async call and the config's text handed over, the page measured 2.9 KB
//! gzip of the main transfer, which has no room for it; this way, under
//! 1 KB (docs/decisions.md).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
let module;
const root = () => document.getElementById('pilot-results') || document.createElement('p');
export function pilot_results_open(base, api) {
  const meta = document.querySelector('meta[name="candor-pilot-results"]');
  module ||= meta
    ? import(base + '/' + meta.content).then(async (m) => { await m.default(); return m; })
    : Promise.reject(new Error('this build of the app has no Pilots module'));
  module.then((m) => m.render(root(), api, base + '/candor.json'), (error) => {
    module = null;
    const r = root();
    r.className = 'failed';
    r.setAttribute('role', 'alert');
    r.textContent = `The Pilots page could not be loaded (${error.message}). Check the connection and reload the page.`;
  });
}
"#)]
extern "C" {
    /// Imports the module from the app's `base` (once) and has it draw the
    /// pilots of the sync API at `api` ("" without a sync server).
    #[wasm_bindgen(js_name = pilot_results_open)]
    pub fn open(base: &str, api: &str);
}
