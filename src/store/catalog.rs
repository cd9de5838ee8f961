//! Which language the app is shown in (SPEC §9): the one chosen on this
//! device (local storage key [`LANG_KEY`]), else the browser's first
//! preference Candor ships (`candor_language::browser_lang`, as every
//! module loaded later decides it). English is in the main bundle; another
//! language's compiled catalog, `lang/<code>.app.txt` beside `candor.json`,
//! is fetched while the page opens, never blocking the English form, and
//! put in force when it arrives. One that cannot be fetched or was compiled
//! for another version leaves the app in English, with a notice (SPEC §7).

use candor_core::catalog::Messages;
use candor_language::LoadError;
use leptos::prelude::*;

use crate::language::{lang, t, tf, use_catalog, Arg, Lang, Msg, COUNT, DOMAIN};
use crate::store::device;
use crate::store::notices::{Level, Notices};

/// Where the language chosen on this device is kept: its code (`de`, `en-XA`…).
pub use candor_language::STORAGE_KEY as LANG_KEY;

/// Puts a fetched catalog in force, or returns the notice saying why
/// English stays.
pub fn arrived(chosen: Lang, fetched: Result<Messages, LoadError>) -> Option<String> {
    let reason = match fetched {
        Ok(messages) => {
            use_catalog(chosen, messages);
            return None;
        }
        Err(LoadError::Unreachable) => t(Msg::CatalogUnreachable).to_owned(),
        Err(LoadError::Status(status)) => tf(Msg::CatalogStatus, &[Arg::Count(u64::from(status))]),
        Err(LoadError::Catalog(_)) => t(Msg::CatalogOtherVersion).to_owned(),
    };
    Some(tf(
        Msg::CatalogNotLoaded,
        &[Arg::Text(chosen.native_name()), Arg::Text(&reason)],
    ))
}

fn mark_document(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.set_attribute("dir", if lang.right_to_left() { "rtl" } else { "ltr" });
    }
}

/// Starts in the chosen language: marks `<html lang dir>` and, unless it
/// is English, fetches its catalog from under `base`. The signal holds the
/// language in force (English until the catalog arrives); views that read
/// it are drawn again when it changes.
pub fn open(base: &str, notices: Notices) -> RwSignal<Lang> {
    let chosen = candor_language::browser_lang();
    let shown = RwSignal::new(Lang::En);
    mark_document(chosen);
    if chosen != Lang::En {
        let base = base.to_owned();
        leptos::task::spawn_local(async move {
            let fetched = candor_language::load(&base, chosen, DOMAIN, COUNT).await;
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
    use candor_core::catalog::CatalogError;

    #[test]
    fn a_catalog_that_fails_keeps_english_and_says_why() {
        let notice = arrived(Lang::De, Err(LoadError::Unreachable)).unwrap();
        assert!(
            notice.starts_with("Deutsch could not be loaded (the server could not be reached)"),
            "{notice}"
        );
        assert!(notice.contains("Candor is shown in English"));
        let notice = arrived(Lang::Ar, Err(LoadError::Status(404))).unwrap();
        assert!(
            notice.contains("(the server answered HTTP 404)"),
            "{notice}"
        );
        let wrong = Messages::read("one line only".into(), COUNT).unwrap_err();
        assert!(matches!(wrong, CatalogError::WrongLength { .. }));
        let notice = arrived(Lang::Ja, Err(LoadError::Catalog(wrong))).unwrap();
        assert!(notice
            .starts_with("日本語 could not be loaded (it was made for another version of Candor)"));
        assert_eq!(lang(), Lang::En);
        assert_eq!(t(Msg::FormUndo), "Undo");
    }
}
