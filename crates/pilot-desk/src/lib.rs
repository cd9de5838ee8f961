//! The employee's side of Candor's pilots (SPEC §10): a wasm module of its
//! own that the File page loads after the form is usable, so none of it
//! counts against the main transfer (SPEC §8: each module loaded later
//! ≤ 60 KB gzip).
//!
//! - [`desk`]: what the device keeps — pilots joined, tasks open.
//! - [`page`]: the page model — joining, starting with a forecast and the
//!   coin, finishing into a report v2 — plain Rust, tested natively.
//! - `dom`: draws the model into the element the app gives, and reads
//!   clicks and keys back into [`page::Action`]s. Filing goes through the
//!   app's own outbox and history, by the functions the app hands in.
//!
//! Every word it shows comes from `locales/<lang>/pilot-desk.ftl` (SPEC
//! §9), through [`lang`]: English is compiled in; the language the browser
//! asks for (`candor-language`) is fetched as `lang/<code>.pilot-desk.txt`
//! under the app's base before the desk draws, and where it cannot be had
//! the desk is drawn in English and says why.
//!
//! Why a module rather than Leptos views in the app: written as Leptos
//! components on the File page, the same flow measured 15 KB gzip of the
//! main transfer, which had 2 KB left (docs/decisions.md).

mod config;
pub mod desk;
mod dom;
pub mod lang;
pub mod page;

pub use dom::render_desk;
