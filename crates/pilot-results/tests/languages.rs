//! Every message of this module's catalog formats to text in every language
//! Candor ships (SPEC §9): each `locales/<lang>/pilot-results.ftl` is compiled with
//! candor-catalog and aligned to English, as the build step does, and each
//! message is written with counts that reach every plural category and with
//! every word a select chooses on.

use std::path::Path;

use candor_catalog::{align, catalog_text, compile_source, Message};
use candor_core::catalog::{is_control, Arg, Lang, Messages};
use candor_language::Catalog;
use candor_pilot_results::lang::{self, Msg, COUNT, DOMAIN, ENGLISH};

fn source(code: &str) -> Vec<Message> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../locales")
        .join(code)
        .join(format!("{DOMAIN}.ftl"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    compile_source(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn messages(lang: Lang) -> Messages {
    let english = source("en");
    let lines = match lang {
        Lang::En => english.iter().map(Message::compiled).collect(),
        _ => {
            align(&english, &source(lang.code())).unwrap_or_else(|e| panic!("{}: {e}", lang.code()))
        }
    };
    Messages::read(catalog_text(&lines), COUNT).expect("one line per English message")
}

/// The words the module's selects choose on, and counts for every category.
const WORDS: [&str; 12] = [
    "ai",
    "no_ai",
    "none",
    "faster",
    "slower",
    "unclear",
    "no_clear_difference",
    "not_enough_reports",
    "unreachable",
    "status",
    "catalog_wrong_length",
    "other",
];
const COUNTS: [u64; 8] = [0, 1, 2, 3, 11, 100, 102, 1000];

#[test]
fn every_message_formats_in_every_language() {
    for lang in Lang::ALL {
        let mut catalog = Catalog::english(ENGLISH, COUNT);
        catalog.set(lang, messages(lang), candor_language::locale(lang));
        let mut argument_sets: Vec<Vec<Arg>> =
            WORDS.iter().map(|word| vec![Arg::Text(word); 10]).collect();
        argument_sets.extend(COUNTS.iter().map(|&n| vec![Arg::Count(n); 10]));
        for index in 0..COUNT {
            for args in &argument_sets {
                let text = catalog.format(index, args);
                assert!(
                    !text.trim().is_empty() && !text.chars().any(is_control),
                    "{}: message {index} with {args:?} is {text:?}",
                    lang.code()
                );
            }
        }
    }
}

#[test]
fn the_compiled_english_is_the_english_file() {
    assert_eq!(
        messages(Lang::En),
        Messages::read(ENGLISH.to_owned(), COUNT).unwrap()
    );
}

#[test]
fn a_language_shown_is_used_by_t_and_tf() {
    assert_eq!(lang::t(Msg::Hidden), "hidden");
    lang::show(Lang::De, messages(Lang::De));
    assert_eq!(lang::t(Msg::Hidden), "verborgen");
    lang::show(Lang::En, messages(Lang::En));
    assert_eq!(lang::t(Msg::Hidden), "hidden");
}
