//! Every message of this module's catalog formats to text in every language
//! that has a `locales/<lang>/team-map.ftl` (SPEC §9): each is compiled with
//! candor-catalog and aligned to English, as the build step does
//! (`compile_present`: a language without the file yet is left in English),
//! and each message is written with counts that reach every plural category
//! and with every word a select chooses on.

use std::path::{Path, PathBuf};

use candor_catalog::{align, catalog_text, compile_source, Message};
use candor_core::catalog::{is_control, Arg, Lang, Messages};
use candor_language::Catalog;
use candor_team_map::lang::{self, Msg, COUNT, DOMAIN, ENGLISH};

fn path(code: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../locales")
        .join(code)
        .join(format!("{DOMAIN}.ftl"))
}

fn source(code: &str) -> Vec<Message> {
    let path = path(code);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    compile_source(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The languages with this module's file: English and those translated so far.
fn present() -> Vec<Lang> {
    Lang::ALL
        .into_iter()
        .filter(|lang| *lang == Lang::En || (*lang != Lang::Pseudo && path(lang.code()).is_file()))
        .collect()
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
const WORDS: [&str; 5] = [
    "unreachable",
    "status",
    "catalog_wrong_length",
    "other",
    "x",
];
const COUNTS: [u64; 9] = [0, 1, 2, 3, 11, 12, 100, 102, 1000];

#[test]
fn every_message_formats_in_every_language_present() {
    let languages = present();
    assert!(languages.contains(&Lang::En));
    for lang in languages {
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
    assert_eq!(lang::t(Msg::FilterLegend), "Show");
    assert_eq!(
        lang::tf(Msg::PeriodMonth, &[Arg::Count(3), Arg::Text("2026")]),
        "March 2026"
    );
    assert_eq!(
        lang::tf(Msg::CellMean, &[Arg::Text("+1.0"), Arg::Count(1)]),
        "mean +1.0 from 1 report"
    );
    lang::show(Lang::Pseudo, messages(Lang::En));
    assert_eq!(lang::shown(), Lang::Pseudo);
    lang::show(Lang::En, messages(Lang::En));
    assert_eq!(lang::shown(), Lang::En);
}
