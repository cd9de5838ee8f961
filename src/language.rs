//! The app's words in the chosen language (SPEC §9).
//!
//! Every string the app shows is a message of `locales/<lang>/app.ftl`,
//! named by a [`Msg`]. `build.rs` compiles English into this module
//! ([`ENGLISH`], in the main bundle, so the form never waits for a
//! catalog); another language's compiled catalog is fetched after the
//! page opens (`store::catalog`) and put in force once with [`use_catalog`].
//! Plural categories and numbers come from the browser's `Intl`
//! ([`candor_language::locale`], shared with the modules loaded later).
//! Unlike the modules' `t`, [`t`] returns a `&'static str`, a slice of the
//! catalog in force, which views take without allocating.

use std::cell::RefCell;
use std::sync::OnceLock;

use candor_core::catalog::{format, Locale, Messages};
pub use candor_core::catalog::{Arg, Lang};
use candor_core::{Complexity, Config, Effort, Reason};

include!(concat!(env!("OUT_DIR"), "/app_messages.rs"));

/// The catalogs' domain: `lang/<code>.app.txt`.
pub const DOMAIN: &str = "app";

/// English, read once; every message is a slice of it.
static ENGLISH_MESSAGES: OnceLock<Messages> = OnceLock::new();
/// The language in force when it is not English, and its messages.
static CHOSEN: OnceLock<(Lang, Messages)> = OnceLock::new();

thread_local! {
    /// Plurals and numbers of the language in force.
    static LOCALE: RefCell<Box<dyn Locale>> = RefCell::new(candor_language::locale(Lang::En));
}

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
    LOCALE
        .try_with(|locale| format(t(msg), args, &**locale.borrow()))
        .unwrap_or_default()
}

/// `n` with exactly `digits` digits after the decimal mark, the language's way.
pub fn number(n: f64, digits: u8) -> String {
    LOCALE
        .try_with(|locale| locale.borrow().number(n, digits))
        .unwrap_or_default()
}

/// Puts `lang`'s `messages` (a compiled catalog of [`COUNT`] lines, as
/// [`candor_language::load`] checked) in force, once per page load
/// (choosing another language reloads the page).
pub fn use_catalog(lang: Lang, messages: Messages) {
    if CHOSEN.set((lang, messages)).is_ok() {
        let _ = LOCALE.try_with(|locale| *locale.borrow_mut() = candor_language::locale(lang));
    }
}

/// The language in force.
pub fn lang() -> Lang {
    CHOSEN.get().map_or(Lang::En, |(lang, _)| *lang)
}

/// An outcome on the scale −2..2 in words (clamped, as core's labels are).
pub fn outcome_words(outcome: i8) -> &'static str {
    t(match outcome {
        ..=-2 => Msg::OutcomeMuchWorse,
        -1 => Msg::OutcomeWorse,
        0 => Msg::OutcomeNoDifference,
        1 => Msg::OutcomeBetter,
        2.. => Msg::OutcomeMuchBetter,
    })
}

/// An effort level in words.
pub fn effort_words(effort: Effort) -> &'static str {
    t(match effort {
        Effort::Low => Msg::EffortLow,
        Effort::Medium => Msg::EffortMedium,
        Effort::High => Msg::EffortHigh,
    })
}

/// A complexity level in words.
pub fn complexity_words(level: Complexity) -> &'static str {
    t(match level {
        Complexity::Routine => Msg::ComplexityRoutine,
        Complexity::Complex => Msg::ComplexityComplex,
    })
}

/// A reason AI did not help, in words.
pub fn reason_words(reason: Reason) -> &'static str {
    t(match reason {
        Reason::Checking => Msg::ReasonChecking,
        Reason::Context => Msg::ReasonContext,
        Reason::Wrong => Msg::ReasonWrong,
        Reason::Redo => Msg::ReasonRedo,
        Reason::Friction => Msg::ReasonFriction,
    })
}

/// `config` with its labels in the language in force (English where the
/// file has no translation) and the baseline's words from the catalog.
pub fn config_shown(config: &Config) -> Config {
    config.in_language(
        lang(),
        [t(Msg::NoAi).to_owned(), t(Msg::NoAiDescription).to_owned()],
    )
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

    #[test]
    fn the_cores_answers_have_words_from_the_catalog() {
        assert_eq!(outcome_words(-7), "Much worse");
        assert_eq!(outcome_words(0), "No difference");
        assert_eq!(outcome_words(2), "Helped a lot");
        assert_eq!(effort_words(Effort::High), "Lots of checking and fixing");
        assert_eq!(complexity_words(Complexity::Routine), "Routine");
        assert_eq!(reason_words(Reason::Friction), "Slow, broken or in the way");
        // The same words the core gives in English, so English reads as before.
        for outcome in -2..=2 {
            assert_eq!(outcome_words(outcome), candor_core::outcome_label(outcome));
        }
        for reason in Reason::ALL {
            assert_eq!(reason_words(reason), reason.label());
        }
    }
}
