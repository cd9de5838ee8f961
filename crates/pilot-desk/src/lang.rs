//! The module's words in the language shown (SPEC §9): every sentence,
//! label and number it writes comes from its catalog, `locales/<lang>/pilot-desk.ftl`,
//! through [`t`] and [`tf`].
//!
//! English is compiled in (`build.rs` generates [`Msg`], [`COUNT`] and
//! [`ENGLISH`] from `locales/en/pilot-desk.ftl`); another language's compiled
//! catalog is fetched by [`load`] before the module draws, and where it
//! cannot be had the module draws in English and says so.

use std::cell::RefCell;

use candor_core::catalog::{Arg, Lang, Messages};
use candor_language::{Catalog, LoadError};

include!(concat!(env!("OUT_DIR"), "/pilot-desk_messages.rs"));

/// The catalogs' domain: `lang/<code>.pilot-desk.txt`.
pub const DOMAIN: &str = "pilot-desk";

thread_local! {
    static CATALOG: RefCell<Catalog> = RefCell::new(Catalog::english(ENGLISH, COUNT));
}

/// The language shown: English until another's catalog has loaded.
pub fn shown() -> Lang {
    CATALOG
        .try_with(|catalog| catalog.borrow().lang())
        .unwrap_or(Lang::En)
}

/// A message without arguments, in the language shown.
pub fn t(msg: Msg) -> String {
    tf(msg, &[])
}

/// A message with its arguments (in the English message's order of first
/// appearance), in the language shown.
pub fn tf(msg: Msg, args: &[Arg]) -> String {
    // try_with, not with: with's panic would bring Debug's formatting in.
    CATALOG
        .try_with(|catalog| catalog.borrow().format(msg as usize, args))
        .unwrap_or_default()
}

/// `n` with `digits` decimals, the language's way (`0,32` in German).
pub fn number(n: f64, digits: u8) -> String {
    CATALOG
        .try_with(|catalog| catalog.borrow().number(n, digits))
        .unwrap_or_default()
}

/// Shows `lang` with `messages` (a compiled catalog of [`COUNT`] lines)
/// from now on, on this thread; for tests and tools.
pub fn show(lang: Lang, messages: Messages) {
    let _ = CATALOG.try_with(|catalog| {
        catalog
            .borrow_mut()
            .set(lang, messages, candor_language::locale(lang))
    });
}

/// Loads the language the browser asks for from under the app's `base`;
/// on an error the module stays in English and [`failed_note`] says why.
pub async fn load(base: &str) -> Result<(), (Lang, LoadError)> {
    candor_language::load_chosen(&CATALOG, base, DOMAIN, COUNT).await
}

/// The note shown when `lang`'s catalog could not be loaded.
pub fn failed_note(lang: Lang, error: LoadError) -> String {
    tf(
        Msg::CatalogFailed,
        &[
            Arg::Text(lang.native_name()),
            Arg::Text(error.code()),
            Arg::Count(u64::from(error.status())),
        ],
    )
}

/// Marks `root` as English, left to right, when the module fell back to
/// English inside a page in another language, so that screen readers read
/// it as English and an Arabic page does not turn it right to left.
pub fn mark_english(root: &web_sys::Element) {
    let _ = root.set_attribute("lang", "en");
    let _ = root.set_attribute("dir", "ltr");
}
