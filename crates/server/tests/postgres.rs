//! The real `candor-server` binary on `--db postgres://…`, against a throwaway cluster.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::pg_cluster::Cluster;
use common::{batch, reports, Start, LAST_WEEK, THIS_WEEK};
use serde_json::json;

#[test]
fn a_batch_accepted_over_http_is_in_the_aggregate_after_a_restart() {
    let cluster = Cluster::start();
    cluster.create_database("candor");
    // The cluster trusts 127.0.0.1, so the password is never sent; it is
    // here to show it is never logged either.
    let url = format!(
        "postgres://postgres:not-logged@127.0.0.1:{}/candor",
        cluster.port
    );
    let db = Path::new(&url);
    let server = Start::new(db).run();
    let answer = server.send(&reports(1, 10, LAST_WEEK, "docs", "chat"));
    assert_eq!(answer["accepted"], 10);
    server.send(&reports(100, 7, THIS_WEEK, "docs", "chat"));
    let again = server.send(&reports(1, 3, LAST_WEEK, "docs", "chat"));
    assert_eq!(again["duplicates"], 3, "{again}");
    assert_eq!(server.aggregate("")["total"]["n"], 10);
    // SIGKILL: what was acknowledged was committed.
    server.kill();

    // A week later the open week has closed, and its reports show too.
    let later = Start::new(db).today("2026-05-25").run();
    let next_week = later.aggregate("");
    assert_eq!(next_week["total"]["n"], 17);
    assert_eq!(
        next_week["weeks"],
        json!({"from": LAST_WEEK, "to": THIS_WEEK})
    );
    let (status, logs) = later.stop();
    assert!(status.success(), "{logs}");
    assert!(
        logs.contains("17 reports stored in the PostgreSQL database candor"),
        "{logs}"
    );
    for secret in ["not-logged", "postgres:", "127.0.0.1"] {
        assert!(!logs.contains(secret), "{secret} in the logs:\n{logs}");
    }
    // The clean stop compacted the tables; the counts are as they were.
    let mut client = cluster.client("candor");
    let n: i64 = client
        .query_one("SELECT sum(n)::bigint FROM counts", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 17);
}

#[test]
fn a_postgresql_out_of_reach_stops_the_start_with_a_clear_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("postgres://candor:not-shown@127.0.0.1:{port}/candor?connect_timeout=2");
    let out = Start::new(Path::new(&url)).command().output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "cannot connect to the PostgreSQL database 127.0.0.1:{port}/candor"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("not-shown"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.stdout.is_empty(), "it never listened");
}

#[test]
fn credentials_on_postgresql_are_refused_at_start_for_now() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("candor.json");
    let with_credentials = json!({
        "tasks": [{"id": "review", "label": "Review"}],
        "tools": [{"id": "chat", "label": "Chat"}],
        "credentials": {"per_week": 5},
    });
    std::fs::write(&config, with_credentials.to_string()).unwrap();
    let out = Start::new(Path::new("postgres://candor@127.0.0.1:1/candor"))
        .args(&[
            "--config",
            config.to_str().unwrap(),
            "--trusted-proxy",
            "127.0.0.1",
        ])
        .command()
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("SQLite only for now"), "{stderr}");
}

#[test]
fn while_postgresql_is_down_a_batch_gets_503_with_retry_after_in_time_and_after_it_is_back_it_is_stored(
) {
    let cluster = Cluster::start();
    let url = cluster.create_database("outage");
    // The password is never sent (the cluster trusts 127.0.0.1); it must not be logged.
    let url = url.replacen("postgres://postgres@", "postgres://postgres:not-logged@", 1);
    assert!(url.contains("not-logged"), "{url}");
    let server = Start::new(Path::new(&url))
        .args(&["--request-timeout", "8"])
        .run();
    server.send(&reports(1, 5, LAST_WEEK, "docs", "chat"));
    cluster.stop();
    let body = batch(&reports(10, 5, LAST_WEEK, "docs", "chat"));
    // Twice: the connection dropped under the server, then refused on reconnecting.
    for _ in 0..2 {
        let asked = Instant::now();
        let down = server.post("/api/v1/reports", "application/json", &body);
        assert!(
            asked.elapsed() < Duration::from_secs(8),
            "{:?}",
            asked.elapsed()
        );
        assert_eq!(down.assert_error(503, "store_unavailable"), None);
        assert_eq!(down.header("retry-after"), Some("5"), "{:?}", down.headers);
    }
    cluster.restart();
    let resent = server.post("/api/v1/reports", "application/json", &body);
    assert_eq!(resent.status, 200, "{}", resent.body);
    assert_eq!(resent.json()["accepted"], 5);
    assert_eq!(server.aggregate("")["total"]["n"], 10);
    let (_, logs) = server.stop();
    assert!(logs.contains("store unavailable: "), "{logs}");
    assert!(!logs.contains("store failed"), "{logs}");
    for secret in ["127.0.0.1", "not-logged", "postgres:", "user \""] {
        assert!(!logs.contains(secret), "{secret} in the logs:\n{logs}");
    }
}
