//! Which language the app is shown in (SPEC §9): the one chosen on this
//! device (local storage key [`LANG_KEY`]), else the browser's first
//! preference Candor ships (`candor_language::browser_lang`, as every
//! module loaded later decides it). English is in the main bundle; another
//! language's compiled catalog, `lang/<code>.app.txt` beside `candor.json`,
//! is fetched while the page opens, beside the config, and put in force
//! when it arrives; the app waits for it at most [`WAIT`] after it starts,
//! then draws the form in English rather than block it. One that cannot be fetched or was compiled
//! for another version leaves the app in English, with a notice (SPEC §7).

use candor_core::catalog::Messages;
use candor_language::LoadError;
use leptos::prelude::*;

use crate::language::{lang, t, tf, use_catalog, Arg, Lang, Msg, COUNT, DOMAIN};
use crate::store::device;
use crate::store::notices::{Level, Notices};

/// How long the app waits for the chosen language's catalog before it
/// draws the form in English (the catalog is put in force when it comes).
pub const WAIT: std::time::Duration = std::time::Duration::from_secs(1);

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

/// What [`open`] gives the app: the language in force and whether its
/// catalog has settled.
#[derive(Clone, Copy)]
pub struct Shown {
    /// The language in force: English until another's catalog is.
    pub lang: RwSignal<Lang>,
    /// Whether the chosen language is in force or has failed (at once for
    /// English), so the app can draw the form once, in it.
    pub settled: RwSignal<bool>,
}

/// Starts in the chosen language: unless it is English, fetches its
/// catalog from under `base`, and marks `<html lang dir>` once it is in
/// force. Views that read `lang` are drawn again when it changes, which
/// only happens when the catalog arrives after the app has drawn.
pub fn open(base: &str, notices: Notices) -> Shown {
    let chosen = candor_language::browser_lang();
    let shown = Shown {
        lang: RwSignal::new(Lang::En),
        settled: RwSignal::new(chosen == Lang::En),
    };
    if chosen != Lang::En {
        let base = base.to_owned();
        leptos::task::spawn_local(async move {
            let fetched = candor_language::load(&base, chosen, DOMAIN, COUNT).await;
            match arrived(chosen, fetched) {
                None => {
                    mark_document(chosen);
                    shown.lang.set(lang());
                }
                Some(notice) => notices.push(Level::Problem, notice),
            }
            shown.settled.set(true);
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
