//! What every wasm part of Candor needs about the browser's language
//! (SPEC §9), small enough for the modules loaded later (SPEC §8: ≤ 60 KB
//! gzip each):
//!
//! - **Which language**: the one remembered on the device under
//!   [`STORAGE_KEY`] if it is one Candor ships, else the first of the
//!   browser's `navigator.languages` that Candor ships, else English
//!   ([`choose`], pure and tested natively; [`browser_lang`] in the browser).
//! - **Its plurals and numbers**: [`BrowserLocale`], a
//!   [`Locale`] on the browser's own `Intl.PluralRules` and
//!   `Intl.NumberFormat`, each formatter made once and kept.
//! - **Its messages**: a [`Catalog`] starts in English (compiled into the
//!   module by `candor-catalog`) and takes the chosen language's compiled
//!   catalog, `lang/<code>.<domain>.txt` beside the page, once it has loaded
//!   ([`load_chosen`]). When it cannot be had (network, HTTP status, a
//!   catalog of another version), the catalog stays English and the caller
//!   gets a [`LoadError`] to say so plainly (SPEC §7).

use std::cell::RefCell;
use std::thread::LocalKey;

use candor_core::catalog::{format, Arg, CatalogError, Lang, Locale, Messages, Plain, Plural};
use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the device remembers the language chosen, as its code (`de`).
pub const STORAGE_KEY: &str = "candor.lang";

/// The language to show: `stored` (the device's [`STORAGE_KEY`]) if it
/// holds the code of a language Candor ships (or `en-XA`, the
/// pseudo-locale), else [`Lang::negotiate`] over `preferences`, the
/// browser's `navigator.languages`.
pub fn choose(stored: Option<&str>, preferences: &[String]) -> Lang {
    let remembered = stored.and_then(Lang::from_code).filter(|lang| {
        stored.is_some_and(|code| code.eq_ignore_ascii_case(lang.code()))
            && (*lang != Lang::Pseudo || stored == Some(Lang::Pseudo.code()))
    });
    remembered.unwrap_or_else(|| {
        let preferences: Vec<&str> = preferences.iter().map(String::as_str).collect();
        Lang::negotiate(&preferences)
    })
}

/// [`choose`] with the browser's storage and `navigator.languages`; English
/// where the browser offers neither.
pub fn browser_lang() -> Lang {
    let Some(window) = web_sys::window() else {
        return Lang::En;
    };
    let stored = window
        .local_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten());
    let preferences: Vec<String> = window
        .navigator()
        .languages()
        .iter()
        .filter_map(|code| code.as_string())
        .collect();
    choose(stored.as_deref(), &preferences)
}

/// The compiled catalog's address: `lang/<code>.<domain>.txt` under the
/// app's `base` (`""` at the site's root, else e.g. `/candor`, as the
/// modules are given it for `candor.json`).
pub fn catalog_url(base: &str, lang: Lang, domain: &str) -> String {
    format!(
        "{}/lang/{}.{domain}.txt",
        base.trim_end_matches('/'),
        lang.code()
    )
}

/// Why the chosen language's catalog could not be used; the page stays in
/// English and says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadError {
    /// The request failed: offline, or the server could not be reached.
    Unreachable,
    /// The server answered with this HTTP status (404: not deployed).
    Status(u16),
    /// The catalog is not this build's (another version of Candor).
    Catalog(CatalogError),
}

impl LoadError {
    /// A stable snake_case code, for a message's select.
    pub fn code(&self) -> &'static str {
        match self {
            LoadError::Unreachable => "unreachable",
            LoadError::Status(_) => "status",
            LoadError::Catalog(error) => error.code(),
        }
    }

    /// The HTTP status, for [`LoadError::Status`]; 0 otherwise.
    pub fn status(&self) -> u16 {
        match self {
            LoadError::Status(status) => *status,
            _ => 0,
        }
    }
}

/// A response's `status` and `body` read as a catalog of `expected`
/// messages (the part of loading that needs no browser).
pub fn read_response(status: u16, body: String, expected: usize) -> Result<Messages, LoadError> {
    if !(200..300).contains(&status) {
        return Err(LoadError::Status(status));
    }
    Messages::read(body, expected).map_err(LoadError::Catalog)
}

/// Fetches `lang`'s compiled catalog of `domain` from under `base`; it must
/// have `expected` messages (the module's `COUNT`).
pub async fn load(
    base: &str,
    lang: Lang,
    domain: &str,
    expected: usize,
) -> Result<Messages, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Unreachable)?;
    let fetch = window.fetch_with_str(&catalog_url(base, lang, domain));
    let response: web_sys::Response = JsFuture::from(fetch)
        .await
        .map_err(|_| LoadError::Unreachable)?
        .unchecked_into();
    let text = response.text().map_err(|_| LoadError::Unreachable)?;
    let body = JsFuture::from(text)
        .await
        .map_err(|_| LoadError::Unreachable)?
        .as_string()
        .unwrap_or_default();
    read_response(response.status(), body, expected)
}

/// One domain's messages in the language shown: English (compiled into the
/// module) until another language's catalog is [set](Catalog::set).
pub struct Catalog {
    english: (&'static str, usize),
    lang: Lang,
    messages: Messages,
    locale: Box<dyn Locale>,
}

impl Catalog {
    /// The English catalog, `english` being the generated `ENGLISH` with
    /// `count` messages (`COUNT`), as before any catalog loads; numbers by
    /// [`locale`]`(Lang::En)`.
    pub fn english(english: &'static str, count: usize) -> Catalog {
        Catalog {
            english: (english, count),
            lang: Lang::En,
            // Not `expect`, which would bring Debug's formatting into the module.
            messages: match Messages::read(english.to_owned(), count) {
                Ok(messages) => messages,
                Err(_) => panic!("the generated English catalog has COUNT lines"),
            },
            locale: locale(Lang::En),
        }
    }

    /// Back to English, as [`Catalog::english`] made it.
    pub fn reset(&mut self) {
        *self = Catalog::english(self.english.0, self.english.1);
    }

    /// Shows `lang` from now on: its `messages`, plurals and numbers by `locale`.
    pub fn set(&mut self, lang: Lang, messages: Messages, locale: Box<dyn Locale>) {
        self.lang = lang;
        self.messages = messages;
        self.locale = locale;
    }

    /// The language shown.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Message `index` (its `Msg as usize`) with its arguments.
    pub fn format(&self, index: usize, args: &[Arg]) -> String {
        format(self.messages.get(index), args, &*self.locale)
    }

    /// `n` with `fraction_digits` decimals, the language's way.
    pub fn number(&self, n: f64, fraction_digits: u8) -> String {
        self.locale.number(n, fraction_digits)
    }
}

/// Loads the language the browser asks for ([`browser_lang`]) into the
/// module's `catalog` of `domain` (`expected` messages), fetching it from
/// under `base` unless it is English or already loaded. On an error the
/// catalog stays as it was (English) and the error says why, with the
/// language that was asked for.
pub async fn load_chosen(
    catalog: &'static LocalKey<RefCell<Catalog>>,
    base: &str,
    domain: &str,
    expected: usize,
) -> Result<(), (Lang, LoadError)> {
    let lang = browser_lang();
    // try_with, not with: with's panic would bring Debug's formatting in.
    let with = |change: &mut dyn FnMut(&mut Catalog)| {
        let _ = catalog.try_with(|catalog| change(&mut catalog.borrow_mut()));
    };
    let mut shown = Lang::En;
    with(&mut |catalog| shown = catalog.lang());
    if shown == lang {
        return Ok(());
    }
    let messages = match lang {
        // English is compiled into the module; its numbers stay as they were.
        Lang::En => {
            with(&mut Catalog::reset);
            return Ok(());
        }
        _ => load(base, lang, domain, expected)
            .await
            .map_err(|error| (lang, error))?,
    };
    let mut messages = Some(messages);
    with(&mut |catalog| {
        if let Some(messages) = messages.take() {
            catalog.set(lang, messages, locale(lang));
        }
    });
    Ok(())
}

/// The plurals and numbers of `lang`: the browser's ([`BrowserLocale`]) in
/// wasm, [`Plain`] in native tests. [`Plain`] writes with Rust's float
/// formatter, which would add kilobytes to a module; the browser's costs
/// nothing.
pub fn locale(lang: Lang) -> Box<dyn Locale> {
    if cfg!(target_arch = "wasm32") {
        Box::new(BrowserLocale::new(lang))
    } else {
        Box::new(Plain)
    }
}

/// `n` rounded to `digits` decimals with integer arithmetic (not the float
/// formatter), where the browser's `Intl` gives nothing.
fn fixed(n: f64, digits: u8) -> String {
    let scale = 10_u64.pow(u32::from(digits.min(6)));
    let scaled = (n.abs() * scale as f64).round() as u64;
    let sign = if n < 0.0 && scaled != 0 { "-" } else { "" };
    let (whole, fraction) = (scaled / scale, scaled % scale);
    match digits.min(6) {
        0 => format!("{sign}{whole}"),
        d => format!("{sign}{whole}.{fraction:0width$}", width = usize::from(d)),
    }
}

/// A [`Locale`] on the browser's `Intl.PluralRules` and `Intl.NumberFormat`
/// for one language. Numbers are written without grouping (`1279`, as the
/// pages always wrote them); one `NumberFormat` per count of decimals,
/// made the first time it is needed and kept.
pub struct BrowserLocale {
    locales: Array,
    plurals: Intl::PluralRules,
    numbers: RefCell<Vec<(u8, Function)>>,
}

impl BrowserLocale {
    /// The browser's rules for `lang`.
    pub fn new(lang: Lang) -> BrowserLocale {
        // The pseudo-locale writes numbers as English does.
        let code = if lang == Lang::Pseudo {
            "en"
        } else {
            lang.code()
        };
        let locales = Array::of1(&JsValue::from_str(code));
        BrowserLocale {
            plurals: Intl::PluralRules::new(&locales, &Object::new()),
            locales,
            numbers: RefCell::new(Vec::new()),
        }
    }

    fn formatter(&self, fraction_digits: u8) -> Function {
        let mut numbers = self.numbers.borrow_mut();
        if let Some((_, format)) = numbers.iter().find(|(d, _)| *d == fraction_digits) {
            return format.clone();
        }
        let options = Object::new();
        let digits = JsValue::from(fraction_digits);
        for (name, value) in [
            ("minimumFractionDigits", &digits),
            ("maximumFractionDigits", &digits),
            ("useGrouping", &JsValue::FALSE),
        ] {
            let _ = Reflect::set(&options, &name.into(), value);
        }
        let format = Intl::NumberFormat::new(&self.locales, &options).format();
        numbers.push((fraction_digits, format.clone()));
        format
    }
}

impl Locale for BrowserLocale {
    fn plural(&self, n: f64) -> Plural {
        let name = String::from(self.plurals.select(n));
        Plural::from_name(&name).unwrap_or(Plural::Other)
    }

    fn number(&self, n: f64, fraction_digits: u8) -> String {
        self.formatter(fraction_digits)
            .call1(&JsValue::NULL, &JsValue::from_f64(n))
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_else(|| fixed(n, fraction_digits))
    }
}

/// The items every wasm part's `lang` module has, for its catalog `domain`
/// (SPEC §9): the generated `Msg` enum, `COUNT` and `ENGLISH` (its
/// `build.rs` writes `<domain>_messages.rs` with `candor_catalog::build_script`),
/// `DOMAIN`, the catalog in force on this thread, and `shown`, `t`, `tf`,
/// `number`, `show`, `load`, `failed_note` (the domain's `catalog-failed`
/// message) and `mark_english`. One definition for the Pilots page and the
/// pilot desk, which differ only in their domain:
///
/// ```ignore
/// candor_language::module_words!("pilot-desk");
/// ```
#[macro_export]
macro_rules! module_words {
    ($domain:literal) => {
        include!(concat!(env!("OUT_DIR"), "/", $domain, "_messages.rs"));

        /// The catalogs' domain: `lang/<code>.<domain>.txt`.
        pub const DOMAIN: &str = $domain;

        thread_local! {
            static CATALOG: ::std::cell::RefCell<$crate::Catalog> = ::std::cell::RefCell::new($crate::Catalog::english(ENGLISH, COUNT));
        }

        /// The language shown: English until another's catalog has loaded.
        pub fn shown() -> $crate::__catalog::Lang {
            CATALOG
                .try_with(|catalog| catalog.borrow().lang())
                .unwrap_or($crate::__catalog::Lang::En)
        }

        /// A message without arguments, in the language shown.
        pub fn t(msg: Msg) -> String {
            tf(msg, &[])
        }

        /// A message with its arguments (in the English message's order of first
        /// appearance), in the language shown.
        pub fn tf(msg: Msg, args: &[$crate::__catalog::Arg]) -> String {
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
        pub fn show(lang: $crate::__catalog::Lang, messages: $crate::__catalog::Messages) {
            let _ = CATALOG.try_with(|catalog| {
                catalog
                    .borrow_mut()
                    .set(lang, messages, $crate::locale(lang))
            });
        }

        /// Loads the language the browser asks for from under the app's `base`;
        /// on an error the module stays in English and [`failed_note`] says why.
        pub async fn load(base: &str) -> Result<(), ($crate::__catalog::Lang, $crate::LoadError)> {
            $crate::load_chosen(&CATALOG, base, DOMAIN, COUNT).await
        }

        /// The note shown when `lang`'s catalog could not be loaded.
        pub fn failed_note(lang: $crate::__catalog::Lang, error: $crate::LoadError) -> String {
            tf(
                Msg::CatalogFailed,
                &[
                    $crate::__catalog::Arg::Text(lang.native_name()),
                    $crate::__catalog::Arg::Text(error.code()),
                    $crate::__catalog::Arg::Count(u64::from(error.status())),
                ],
            )
        }

        /// Marks `root` as English, left to right, when the module fell back to
        /// English inside a page in another language, so that screen readers read
        /// it as English and an Arabic page does not turn it right to left.
        pub fn mark_english(root: &$crate::__web_sys::Element) {
            let _ = root.set_attribute("lang", "en");
            let _ = root.set_attribute("dir", "ltr");
        }
    };
}

/// What [`module_words!`] names from the crates it builds on.
#[doc(hidden)]
pub use candor_core::catalog as __catalog;
#[doc(hidden)]
pub use web_sys as __web_sys;

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|code| (*code).to_owned()).collect()
    }

    #[test]
    fn a_remembered_language_wins_over_the_browsers() {
        assert_eq!(choose(Some("ja"), &langs(&["de-DE", "en"])), Lang::Ja);
        assert_eq!(choose(Some("ar"), &[]), Lang::Ar);
        assert_eq!(choose(Some("en"), &langs(&["fr"])), Lang::En);
        assert_eq!(choose(Some("en-XA"), &langs(&["fr"])), Lang::Pseudo);
    }

    #[test]
    fn an_unknown_remembered_value_falls_back_to_the_browser() {
        assert_eq!(choose(Some("zh"), &langs(&["de-AT", "en"])), Lang::De);
        assert_eq!(choose(Some(""), &langs(&["es-419"])), Lang::Es);
        // Only a code as the app writes it, not any tag that reads as one.
        assert_eq!(choose(Some("fr-CA"), &langs(&["ja"])), Lang::Ja);
        assert_eq!(choose(Some("en-xa"), &langs(&["ja"])), Lang::Ja);
        assert_eq!(choose(None, &langs(&["zh-TW", "ar-EG"])), Lang::Ar);
    }

    #[test]
    fn without_a_shipped_preference_it_is_english() {
        assert_eq!(choose(None, &[]), Lang::En);
        assert_eq!(choose(None, &langs(&["zh", "ko"])), Lang::En);
        assert_eq!(choose(Some("DE"), &[]), Lang::De);
    }

    #[test]
    fn catalogs_are_found_beside_the_page() {
        assert_eq!(
            catalog_url("", Lang::De, "pilot-desk"),
            "/lang/de.pilot-desk.txt"
        );
        assert_eq!(
            catalog_url("/candor/", Lang::Pseudo, "pilot-results"),
            "/candor/lang/en-XA.pilot-results.txt"
        );
    }

    #[test]
    fn a_failed_answer_is_a_typed_error() {
        assert_eq!(
            read_response(404, "Not Found".into(), 3),
            Err(LoadError::Status(404))
        );
        assert_eq!(LoadError::Status(503).code(), "status");
        assert_eq!(LoadError::Status(503).status(), 503);
        assert_eq!(LoadError::Unreachable.code(), "unreachable");
        assert_eq!(LoadError::Unreachable.status(), 0);
        let wrong = read_response(200, "a\nb\n".into(), 3).unwrap_err();
        assert_eq!(
            wrong,
            LoadError::Catalog(CatalogError::WrongLength {
                expected: 3,
                found: 2
            })
        );
        assert_eq!(wrong.code(), "catalog_wrong_length");
        let good = read_response(200, "a\nb\nc\n".into(), 3).unwrap();
        assert_eq!(good.get(2), "c");
    }

    #[test]
    fn numbers_without_intl_are_still_written() {
        assert_eq!(fixed(1.19, 2), "1.19");
        assert_eq!(fixed(0.0449, 1), "0.0");
        assert_eq!(fixed(-0.25, 1), "-0.3");
        assert_eq!(fixed(-0.01, 1), "0.0");
        assert_eq!(fixed(48.0, 0), "48");
        for n in [1.004, 12.3, 960.0, 0.07] {
            for digits in 0..4 {
                assert_eq!(fixed(n, digits), Plain.number(n, digits), "{n} {digits}");
            }
        }
    }

    #[test]
    fn a_catalog_is_english_until_another_is_set() {
        let mut catalog = Catalog::english("Hello\n\u{1}0\u{5} min", 2);
        assert_eq!(catalog.lang(), Lang::En);
        assert_eq!(catalog.format(0, &[]), "Hello");
        assert_eq!(catalog.format(1, &[Arg::Number(1.5, 1)]), "1.5 min");
        assert_eq!(catalog.format(2, &[]), "", "past the end: nothing");
        struct Comma;
        impl Locale for Comma {
            fn plural(&self, _: f64) -> Plural {
                Plural::Other
            }
            fn number(&self, n: f64, digits: u8) -> String {
                Plain.number(n, digits).replace('.', ",")
            }
        }
        let german = Messages::read("Hallo\n\u{1}0\u{5} Min.".into(), 2).unwrap();
        catalog.set(Lang::De, german, Box::new(Comma));
        assert_eq!(catalog.lang(), Lang::De);
        assert_eq!(catalog.format(1, &[Arg::Number(1.5, 1)]), "1,5 Min.");
        assert_eq!(catalog.number(0.32, 2), "0,32");
        catalog.reset();
        assert_eq!(catalog.lang(), Lang::En);
        assert_eq!(catalog.format(0, &[]), "Hello");
    }
}
