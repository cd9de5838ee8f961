//! The app's words in the chosen language (SPEC §9).
//!
//! Every string the app shows is a message of `locales/<lang>/app.ftl`,
//! named by a [`Msg`]. `build.rs` compiles English into this module
//! ([`ENGLISH`], in the main bundle, so the form never waits for a
//! catalog); another language's compiled catalog is fetched after the
//! page opens (`store::catalog`) and put in force once with [`use_catalog`].
//! Plural categories and numbers come from the browser's
//! `Intl.PluralRules` and `Intl.NumberFormat`, the language's digits and
//! decimal mark without thousands grouping (natively, in tests, English
//! rules).

use std::sync::OnceLock;

use candor_core::catalog::{format, CatalogError, Locale, Messages};
pub use candor_core::catalog::{Arg, Lang};

include!(concat!(env!("OUT_DIR"), "/app_messages.rs"));

/// English, read once; every message is a slice of it.
static ENGLISH_MESSAGES: OnceLock<Messages> = OnceLock::new();
/// The language in force when it is not English, and its messages.
static CHOSEN: OnceLock<(Lang, Messages)> = OnceLock::new();

fn messages() -> &'static Messages {
    match CHOSEN.get() {
        Some((_, messages)) => messages,
        None => ENGLISH_MESSAGES.get_or_init(|| {
            // ENGLISH has COUNT lines by construction (build.rs).
            Messages::read(ENGLISH.to_owned(), COUNT).unwrap_or_else(|_| {
                Messages::read(String::new(), 0).unwrap_or_else(|_| unreachable!())
            })
        }),
    }
}

/// A message without arguments, in the language in force.
pub fn t(msg: Msg) -> &'static str {
    messages().get(msg as usize)
}

/// A message with its arguments (by their order in the English message),
/// in the language in force.
pub fn tf(msg: Msg, args: &[Arg]) -> String {
    format(t(msg), args, &BrowserLocale)
}

/// The language in force.
pub fn lang() -> Lang {
    CHOSEN.get().map_or(Lang::En, |(lang, _)| *lang)
}

/// Puts `lang`'s compiled catalog in force, once per page load (choosing
/// another language reloads the page). A catalog compiled for another
/// version of the app (another number of messages) is refused, and
/// English stays.
pub fn use_catalog(lang: Lang, text: String) -> Result<(), CatalogError> {
    let messages = Messages::read(text, COUNT)?;
    let _ = CHOSEN.set((lang, messages));
    intl::reset();
    Ok(())
}

/// `n` with exactly `digits` digits after the decimal mark, the language's way.
pub fn number(n: f64, digits: u8) -> String {
    BrowserLocale.number(n, digits)
}

/// The browser's `Intl` for the language in force.
struct BrowserLocale;

#[cfg(target_arch = "wasm32")]
mod intl {
    use std::cell::RefCell;

    use candor_core::catalog::{Locale, Plural};
    use js_sys::{Array, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;

    /// The formatters made so far, for the language in force: plural rules,
    /// then one number format per count of fraction digits.
    #[derive(Default)]
    struct Formatters {
        plural: Option<Intl::PluralRules>,
        numbers: Vec<(u8, Intl::NumberFormat)>,
    }

    thread_local! {
        static FORMATTERS: RefCell<Formatters> = RefCell::default();
    }

    fn locales() -> Array {
        Array::of1(&JsValue::from_str(super::lang().code()))
    }

    /// Forgets the formatters of the language that was in force.
    pub fn reset() {
        FORMATTERS.with(|f| *f.borrow_mut() = Formatters::default());
    }

    impl Locale for super::BrowserLocale {
        fn plural(&self, n: f64) -> Plural {
            FORMATTERS.with(|f| {
                let mut f = f.borrow_mut();
                let rules = f
                    .plural
                    .get_or_insert_with(|| Intl::PluralRules::new(&locales(), &Object::new()));
                let name = rules.select(n).as_string().unwrap_or_default();
                Plural::from_name(&name).unwrap_or(Plural::Other)
            })
        }

        fn number(&self, n: f64, digits: u8) -> String {
            FORMATTERS.with(|f| {
                let mut f = f.borrow_mut();
                let at = match f.numbers.iter().position(|(d, _)| *d == digits) {
                    Some(at) => at,
                    None => {
                        // Without grouping, so English reads exactly as
                        // before ("2317 reports") and so do the tests.
                        let options = Object::new();
                        let digits_js = JsValue::from(digits);
                        for key in ["minimumFractionDigits", "maximumFractionDigits"] {
                            let _ = Reflect::set(&options, &key.into(), &digits_js);
                        }
                        let _ = Reflect::set(&options, &"useGrouping".into(), &JsValue::FALSE);
                        f.numbers
                            .push((digits, Intl::NumberFormat::new(&locales(), &options)));
                        f.numbers.len() - 1
                    }
                };
                let format = f.numbers[at].1.format();
                format
                    .call1(&JsValue::UNDEFINED, &JsValue::from(n))
                    .ok()
                    .and_then(|s| s.as_string())
                    .unwrap_or_default()
            })
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod intl {
    use candor_core::catalog::{Locale, Plain, Plural};

    pub fn reset() {}

    impl Locale for super::BrowserLocale {
        fn plural(&self, n: f64) -> Plural {
            Plain.plural(n)
        }
        fn number(&self, n: f64, digits: u8) -> String {
            Plain.number(n, digits)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_in_force_by_default() {
        assert_eq!(lang(), Lang::En);
        assert_eq!(t(Msg::FormUndo), "Undo");
        assert_eq!(
            tf(Msg::MyMapCount, &[Arg::Count(1)]),
            "1 report on this device. "
        );
        assert_eq!(
            tf(Msg::MyMapCount, &[Arg::Count(5)]),
            "5 reports on this device. "
        );
        assert_eq!(
            tf(Msg::HistoryImportEntry, &[Arg::Count(12), Arg::Text("x")]),
            "Entry 12: x"
        );
        assert_eq!(number(0.5, 2), "0.50");
    }
}
