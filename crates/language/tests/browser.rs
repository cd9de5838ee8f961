//! The browser's side of candor-language, in headless Chromium: Intl's
//! numbers and plural categories per language, the remembered language,
//! and a catalog that is not there (`cargo test -p candor-language
//! --target wasm32-unknown-unknown`; native builds skip this file).
#![cfg(target_arch = "wasm32")]

use candor_core::catalog::{Lang, Locale, Plural};
use candor_language::{browser_lang, load, BrowserLocale, LoadError, STORAGE_KEY};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn numbers_are_written_the_languages_way() {
    let german = BrowserLocale::new(Lang::De);
    assert_eq!(german.number(0.32, 2), "0,32");
    assert_eq!(german.number(0.65, 2), "0,65");
    // Twice: the second comes from the kept formatter.
    assert_eq!(german.number(1.5, 1), "1,5");
    assert_eq!(german.number(1.5, 1), "1,5");
    let english = BrowserLocale::new(Lang::En);
    assert_eq!(english.number(1.19, 2), "1.19");
    assert_eq!(english.number(0.996, 3), "0.996");
    // No grouping: counts read as the pages always wrote them.
    assert_eq!(english.number(1279.0, 0), "1279");
    assert_eq!(BrowserLocale::new(Lang::Fr).number(0.5, 1), "0,5");
    assert_eq!(BrowserLocale::new(Lang::Pseudo).number(0.5, 1), "0.5");
}

#[wasm_bindgen_test]
fn plural_categories_are_the_languages() {
    let arabic = BrowserLocale::new(Lang::Ar);
    let categories: Vec<Plural> = [0.0, 1.0, 2.0, 5.0, 11.0, 100.0]
        .into_iter()
        .map(|n| arabic.plural(n))
        .collect();
    assert_eq!(
        categories,
        [
            Plural::Zero,
            Plural::One,
            Plural::Two,
            Plural::Few,
            Plural::Many,
            Plural::Other
        ]
    );
    let japanese = BrowserLocale::new(Lang::Ja);
    assert_eq!(japanese.plural(1.0), Plural::Other);
    let english = BrowserLocale::new(Lang::En);
    assert_eq!(
        (english.plural(1.0), english.plural(2.0)),
        (Plural::One, Plural::Other)
    );
}

#[wasm_bindgen_test]
fn the_remembered_language_is_used() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item(STORAGE_KEY, "ja").unwrap();
    assert_eq!(browser_lang(), Lang::Ja);
    storage.set_item(STORAGE_KEY, "klingon").unwrap();
    let unknown = browser_lang();
    storage.remove_item(STORAGE_KEY).unwrap();
    assert_eq!(unknown, browser_lang(), "an unknown value is as none");
}

#[wasm_bindgen_test]
async fn a_missing_catalog_is_a_typed_error() {
    let error = load("", Lang::De, "no-such-domain", 3).await.unwrap_err();
    assert_eq!(error, LoadError::Status(404));
    let unreachable = load("http://127.0.0.1:9", Lang::De, "pilot-desk", 3).await;
    assert_eq!(unreachable.unwrap_err(), LoadError::Unreachable);
}
