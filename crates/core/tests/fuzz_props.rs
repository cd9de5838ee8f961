//! Bad input: every parser that reads text from outside survives anything.
//!
//! cargo-fuzz needs a nightly toolchain, which the test command does not
//! have; these property tests play the fuzzer on stable. Each parser gets
//! arbitrary bytes, arbitrary JSON, and valid documents with one part
//! replaced by arbitrary JSON. The claims: no panic (a panic fails the
//! test), and every rejection is a typed error that says something.
//!
//! Case counts: `FUZZ_CASES` (default 2,000 per property) — the README
//! test command runs the default; set it higher for a long run, e.g.
//! `FUZZ_CASES=200000 cargo test -p candor-core --release --test fuzz_props`.

mod common;

use candor_core::{AggregateFilter, BatchAnswer, Config, History, Outbox, Report, ServerError};
use proptest::prelude::*;
use serde_json::{Map, Value};

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000)
}

/// Any JSON value, nested a few levels, with keys and strings that sometimes hit real field names.
fn any_json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        prop::sample::select(vec![
            "v",
            "id",
            "week",
            "task",
            "tool",
            "outcome",
            "effort",
            "mandated",
            "complexity",
            "team",
            "reasons",
            "tasks",
            "tools",
            "teams",
            "k",
            "sync_url",
            "privacy",
            "label",
            "description",
            "schema",
            "reports",
            "waiting",
            "rejected",
            "sent",
            "error",
            "code",
            "accepted",
            "duplicates",
            "index",
            "randomized_response",
            "epsilon",
        ])
        .prop_map(str::to_owned),
        ".{0,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        (-3i64..4).prop_map(Value::from),
        ".{0,40}".prop_map(Value::String),
        "[0-9a-f]{32}".prop_map(Value::String),
        "[0-9]{4}-W[0-9]{2}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Bytes as a parser that takes `&str` would get them from a lossy decoder.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..512)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        ".{0,256}",
        // Almost JSON: brackets, quotes and numbers in random order.
        prop::collection::vec(
            prop::sample::select(vec![
                "{",
                "}",
                "[",
                "]",
                "\"",
                ":",
                ",",
                "1",
                "-2",
                "1e999",
                "null",
                "true",
                "\\u0000",
                "\\ud800",
                "\"v\"",
                "\"reports\"",
                " ",
            ]),
            0..64
        )
        .prop_map(|parts| parts.concat()),
    ]
}

/// A valid config document to mutate.
const CONFIG: &str = r#"{"tasks":[{"id":"a","label":"A","description":"d"}],
    "tools":[{"id":"chat","label":"Chat"}],"teams":[{"id":"t","label":"T"}],"k":5,
    "sync_url":"/api/v1","privacy":{"randomized_response":true,"epsilon":1.0}}"#;

/// Replaces the value at a path picked by `pick` (a field, or an element of a list) with `new`.
fn replace_somewhere(value: &mut Value, pick: usize, new: Value) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(pick % map.len()).unwrap().clone();
            let slot = map.get_mut(&key).unwrap();
            if pick % 3 == 0 && (slot.is_object() || slot.is_array()) {
                replace_somewhere(slot, pick / 3, new);
            } else {
                *slot = new;
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let len = items.len();
            replace_somewhere(&mut items[pick % len], pick / 2, new);
        }
        other => *other = new,
    }
}

fn check_report(text: &str) -> Result<(), TestCaseError> {
    match Report::from_json(text) {
        Ok(report) => {
            // Accepted means valid, and it writes back to something that reads the same.
            prop_assert_eq!(report.validate(), Ok(()));
            let again = Report::from_json(&serde_json::to_string(&report).unwrap()).unwrap();
            prop_assert_eq!(again, report);
        }
        Err(err) => {
            prop_assert!(!err.code().is_empty());
            prop_assert!(!err.to_string().is_empty());
        }
    }
    Ok(())
}

fn check_config(text: &str) -> Result<(), TestCaseError> {
    match Config::from_json(text) {
        Ok(config) => {
            prop_assert!(config.k >= candor_core::MIN_K, "k {} accepted", config.k);
            let again = Config::from_json(&serde_json::to_string(&config).unwrap()).unwrap();
            prop_assert_eq!(again, config);
        }
        Err(err) => prop_assert!(!err.message.is_empty()),
    }
    Ok(())
}

fn check_history_and_outbox(text: &str) -> Result<(), TestCaseError> {
    match History::load(text) {
        Ok(loaded) => {
            // Whatever was kept is valid; whatever was not is set aside, not lost.
            for report in &loaded.history.reports {
                prop_assert_eq!(report.validate(), Ok(()));
            }
        }
        Err(err) => prop_assert!(!err.to_string().is_empty()),
    }
    let mut history = History::default();
    if let Err(err) = history.import(text) {
        prop_assert!(!err.to_string().is_empty());
    }
    match Outbox::load(text) {
        Ok(loaded) => {
            let written = loaded.outbox.to_json();
            prop_assert!(Outbox::load(&written).is_ok(), "{}", written);
        }
        Err(err) => prop_assert!(!err.to_string().is_empty()),
    }
    // The app's readers of server answers: None for anything that is not one.
    let _ = BatchAnswer::from_json(text);
    let _ = ServerError::from_response(text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn report_parser_survives_any_text(text in any_text()) {
        check_report(&text)?;
    }

    #[test]
    fn report_parser_survives_any_json(value in any_json()) {
        check_report(&value.to_string())?;
    }

    #[test]
    fn a_valid_report_with_one_field_replaced_is_refused_by_name_or_still_valid(
        report in common::report(), pick in any::<usize>(), new in any_json(),
    ) {
        let mut value = serde_json::to_value(&report).unwrap();
        let key = {
            let map = value.as_object().unwrap();
            map.keys().nth(pick % map.len()).unwrap().clone()
        };
        value[&key] = new;
        match Report::from_value(&value) {
            Ok(changed) => prop_assert_eq!(changed.validate(), Ok(())),
            // The error names the replaced field (or a part of it), or the rule that ties two fields.
            Err(err) => prop_assert!(
                err.field.starts_with(&key) || err.code() == "reasons_need_negative_outcome",
                "{key} replaced, error at {:?}: {err}", err.field
            ),
        }
    }

    #[test]
    fn config_parser_survives_any_text(text in any_text()) {
        check_config(&text)?;
    }

    #[test]
    fn config_parser_survives_any_json(value in any_json()) {
        check_config(&value.to_string())?;
    }

    #[test]
    fn a_valid_config_with_one_part_replaced_never_panics(pick in any::<usize>(), new in any_json()) {
        let mut value: Value = serde_json::from_str(CONFIG).unwrap();
        replace_somewhere(&mut value, pick, new);
        check_config(&value.to_string())?;
    }

    #[test]
    fn history_outbox_and_answer_readers_survive_any_text(text in any_text()) {
        check_history_and_outbox(&text)?;
    }

    #[test]
    fn history_outbox_and_answer_readers_survive_any_json(value in any_json()) {
        check_history_and_outbox(&value.to_string())?;
        // Wrapped as the documents they expect, so the inner parsers are reached.
        for wrapped in [
            serde_json::json!({"schema": 1, "reports": [value.clone()]}),
            serde_json::json!([value.clone()]),
            serde_json::json!({"schema": 1, "waiting": [value.clone()], "rejected": [value.clone()], "sent": [value.clone()]}),
            serde_json::json!({"accepted": value.clone(), "duplicates": 0, "rejected": [value.clone()]}),
            serde_json::json!({"error": value.clone()}),
        ] {
            check_history_and_outbox(&wrapped.to_string())?;
        }
    }

    #[test]
    fn aggregate_filters_survive_any_query(pairs in prop::collection::vec((".{0,12}", ".{0,16}"), 0..6)) {
        if let Err(err) = AggregateFilter::from_query(pairs) {
            prop_assert!(!err.code().is_empty());
            prop_assert!(!err.to_string().is_empty());
        }
    }

    #[test]
    fn weeks_and_periods_survive_any_text(text in ".{0,16}") {
        if let Ok(week) = text.parse::<candor_core::IsoWeek>() {
            prop_assert_eq!(week.to_string().parse::<candor_core::IsoWeek>().unwrap(), week);
        }
        let _ = text.parse::<candor_core::Period>();
    }
}
