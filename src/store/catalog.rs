//! Which language the app is shown in (SPEC §9): the one chosen on this
//! device (local storage key [`LANG_KEY`]), else the browser's first
//! preference Candor ships. English is in the main bundle; another
//! language's compiled catalog, `lang/<code>.app.txt` beside `candor.json`,
//! is fetched while the page opens, never blocking the English form, and
//! put in force when it arrives. One that cannot be fetched or was compiled
//! for another version leaves the app in English, with a notice (SPEC §7).

use leptos::prelude::*;

use crate::language::{lang, tf, use_catalog, Arg, Lang, Msg};
use crate::store::device;
use crate::store::fetch::get_text;
use crate::store::notices::{Level, Notices};

/// Where the language chosen on this device is kept: its code (`de`, `en-XA`…).
pub const LANG_KEY: &str = "candor.lang";

/// The language to start in: the one stored on this device if it is one
/// Candor ships, else the first of the browser's `preferences` it ships,
/// else English.
pub fn starting_language(stored: Option<&str>, preferences: &[&str]) -> Lang {
    stored
        .and_then(Lang::from_code)
        .unwrap_or_else(|| Lang::negotiate(preferences))
}

/// Where `lang`'s catalog is, under the app's base.
pub fn catalog_url(base: &str, lang: Lang) -> String {
    format!("{base}/lang/{}.app.txt", lang.code())
}

/// Puts a fetched catalog in force, or returns the notice saying why
/// English stays: it could not be fetched (`Err`, in words) or does not
/// fit this version of the app.
pub fn arrived(chosen: Lang, fetched: Result<String, String>) -> Option<String> {
    let reason = match fetched.map(|text| use_catalog(chosen, text)) {
        Ok(Ok(())) => return None,
        Ok(Err(error)) => error.to_string(),
        Err(error) => error,
    };
    Some(tf(
        Msg::CatalogNotLoaded,
        &[Arg::Text(chosen.native_name()), Arg::Text(&reason)],
    ))
}

fn browser_preferences() -> Vec<String> {
    let languages = window().navigator().languages();
    languages
        .iter()
        .filter_map(|code| code.as_string())
        .collect()
}

fn mark_document(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.set_attribute("dir", if lang.right_to_left() { "rtl" } else { "ltr" });
    }
}

/// Starts in the chosen language: marks `<html lang dir>` and, unless it
/// is English, fetches its catalog. The signal holds the language in force
/// (English until the catalog arrives); views that read it are drawn again
/// when it changes.
pub fn open(base: &str, notices: Notices) -> RwSignal<Lang> {
    let stored = device::read(LANG_KEY).ok().flatten();
    let preferences = browser_preferences();
    let preferences: Vec<&str> = preferences.iter().map(String::as_str).collect();
    let chosen = starting_language(stored.as_deref(), &preferences);
    let shown = RwSignal::new(Lang::En);
    mark_document(chosen);
    if chosen != Lang::En {
        let url = catalog_url(base, chosen);
        leptos::task::spawn_local(async move {
            let fetched = get_text(&url).await.map_err(|error| error.to_string());
            match arrived(chosen, fetched) {
                None => shown.set(lang()),
                Some(notice) => {
                    mark_document(Lang::En);
                    notices.push(Level::Problem, notice);
                }
            }
        });
    }
    shown
}

/// Remembers `lang` on this device and reloads the page in it.
pub fn choose(lang: Lang) {
    let _ = device::write(LANG_KEY, lang.code());
    let _ = window().location().reload();
}

/// The languages offered by the switch: the six Candor ships, and the
/// pseudo-locale too while it is in force (it is chosen by hand, for tests).
pub fn offered() -> Vec<Lang> {
    let mut all = Lang::ALL.to_vec();
    if lang() == Lang::Pseudo {
        all.push(Lang::Pseudo);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::t;

    #[test]
    fn the_stored_choice_wins_over_the_browser() {
        assert_eq!(starting_language(Some("de"), &["fr-FR", "en"]), Lang::De);
        assert_eq!(starting_language(Some("en-XA"), &["ja"]), Lang::Pseudo);
        assert_eq!(starting_language(Some("ar"), &[]), Lang::Ar);
    }

    #[test]
    fn without_a_stored_choice_the_browser_decides() {
        assert_eq!(starting_language(None, &["zh-TW", "ja-JP", "de"]), Lang::Ja);
        assert_eq!(starting_language(None, &["ko"]), Lang::En);
        assert_eq!(starting_language(None, &[]), Lang::En);
        // A stored value this version does not ship is ignored.
        assert_eq!(starting_language(Some("klingon"), &["fr-CA"]), Lang::Fr);
        assert_eq!(starting_language(Some(""), &["es"]), Lang::Es);
    }

    #[test]
    fn catalogs_sit_beside_the_config() {
        assert_eq!(catalog_url("", Lang::De), "/lang/de.app.txt");
        assert_eq!(
            catalog_url("/candor", Lang::Pseudo),
            "/candor/lang/en-XA.app.txt"
        );
    }

    #[test]
    fn a_catalog_that_fails_keeps_english_and_says_so() {
        let notice = arrived(Lang::De, Err("could not be fetched: offline".into())).unwrap();
        assert!(notice.starts_with("Deutsch could not be loaded (could not be fetched: offline)"));
        assert!(notice.contains("Candor is shown in English"));
        // A catalog compiled for another version: the wrong number of lines.
        let notice = arrived(Lang::Ja, Ok("one line only".into())).unwrap();
        assert!(notice.starts_with("日本語 could not be loaded (the catalog has 1 messages where"));
        assert_eq!(lang(), Lang::En);
        assert_eq!(t(Msg::FormUndo), "Undo");
    }
}
