//! Bad input over HTTP: whatever a client sends, the answer is never a 5xx (SPEC §4).
//!
//! One real server on 127.0.0.1 takes arbitrary bodies, content types and
//! query strings; every answer must be 2xx or a 4xx with the §4 error
//! body. `FUZZ_CASES` sets the number of cases per property (default 300).

mod common;

use candor_server::routes::reports::ReportBatch;
use common::{temp_db, Reply, Server};
use proptest::prelude::*;
use serde_json::{json, Value};

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

/// Asserts the answer is a success, or a 4xx with the §4 error shape.
fn assert_no_server_error(what: &str, reply: &Reply) -> Result<(), TestCaseError> {
    prop_assert!(
        reply.status < 500,
        "{what} → {}: {}",
        reply.status,
        reply.body
    );
    if reply.status >= 400 {
        let body: Value = serde_json::from_str(&reply.body).map_err(|err| {
            TestCaseError::fail(format!(
                "{what}: error body not JSON ({err}): {}",
                reply.body
            ))
        })?;
        prop_assert!(
            body["error"]["code"]
                .as_str()
                .is_some_and(|c| !c.is_empty()),
            "{what}: {}",
            reply.body
        );
        prop_assert!(
            body["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{what}: {}",
            reply.body
        );
    }
    Ok(())
}

/// A report-ish JSON value: often valid, often one field off.
fn reportish() -> impl Strategy<Value = Value> {
    let field = prop_oneof![
        Just(json!(1)),
        Just(json!(-2)),
        Just(json!("2026-W20")),
        Just(json!("2099-W01")),
        Just(json!("docs")),
        Just(json!("chat")),
        Just(json!(null)),
        Just(json!([])),
        Just(json!({})),
        Just(json!(1e300)),
        Just(json!("\u{0}")),
        "[0-9a-f]{32}".prop_map(Value::String),
        ".{0,12}".prop_map(Value::String),
        any::<i64>().prop_map(Value::from),
    ];
    (
        any::<u128>(),
        -3i64..4,
        prop::collection::vec(("[a-z]{1,10}", field), 0..3),
    )
        .prop_map(|(id, outcome, extra)| {
            let mut report = json!({"v": 1, "id": format!("{id:032x}"), "week": "2026-W20",
                "task": "docs", "tool": "chat", "outcome": outcome});
            for (key, value) in extra {
                report[key] = value;
            }
            report
        })
}

#[test]
fn the_server_answers_anything_without_a_5xx() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let config = ProptestConfig {
        cases: cases(),
        ..ProptestConfig::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new(config.clone());

    // Arbitrary bytes (as text: the client library sends &str) under JSON and other types.
    runner
        .run(
            &(
                prop::collection::vec(any::<u8>(), 0..2048),
                prop::sample::select(vec![
                    "application/json",
                    "application/json; charset=utf-8",
                    "text/plain",
                    "",
                    "application/x-www-form-urlencoded",
                ]),
            ),
            |(bytes, content_type)| {
                let body = String::from_utf8_lossy(&bytes);
                let reply = server.post("/api/v1/reports", content_type, &body);
                assert_no_server_error("arbitrary body", &reply)
            },
        )
        .unwrap();

    // Batches of near-valid reports: accepted or refused one by one, never a crash.
    let mut runner = proptest::test_runner::TestRunner::new(config.clone());
    runner
        .run(&prop::collection::vec(reportish(), 0..20), |reports| {
            let body = json!({ "reports": reports }).to_string();
            let reply = server.post("/api/v1/reports", "application/json", &body);
            assert_no_server_error("near-valid batch", &reply)?;
            if reply.status == 200 {
                let answer: Value = serde_json::from_str(&reply.body).unwrap();
                let seen = answer["accepted"].as_u64().unwrap()
                    + answer["duplicates"].as_u64().unwrap()
                    + answer["rejected"].as_array().unwrap().len() as u64;
                prop_assert_eq!(
                    seen,
                    reports.len() as u64,
                    "every report accounted for: {}",
                    reply.body
                );
            }
            Ok(())
        })
        .unwrap();

    // Arbitrary query strings and paths on every GET the API has.
    let mut runner = proptest::test_runner::TestRunner::new(config);
    runner
        .run(
            &(
                prop::sample::select(vec![
                    "/api/v1/aggregate",
                    "/api/v1/aggregate.csv",
                    "/api/v1/health",
                    "/api/v1/config",
                    "/api/v1/openapi.json",
                    "/api/v1/x",
                ]),
                prop::collection::vec((".{0,10}", ".{0,14}"), 0..5),
            ),
            |(path, pairs)| {
                let query: String = form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(pairs)
                    .finish();
                let path = format!("{path}?{query}");
                let reply = server.get(&path);
                assert_no_server_error(&path, &reply)
            },
        )
        .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases() * 10, ..ProptestConfig::default() })]

    /// The batch reader itself, in process: any bytes give a batch or a typed 4xx error.
    #[test]
    fn the_batch_reader_survives_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        match ReportBatch::parse(&bytes) {
            Ok(batch) => {
                let config = candor_server::ServedConfig::load(None).unwrap().config;
                let week = "2026-W21".parse().unwrap();
                let _ = batch.check(&config, week);
            }
            Err(err) => {
                prop_assert!(err.status().is_client_error(), "{err}");
                prop_assert!(!err.code().is_empty());
            }
        }
    }
}
