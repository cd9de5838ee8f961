//! Two real `candor-server` processes on one PostgreSQL database (SPEC §11, §7).
//!
//! Each test starts a throwaway cluster ([`common::pg_cluster`]) and the real
//! binary, and fails if PostgreSQL is not installed. What each one guards:
//! replicas see each other's reports and drop their published views when a
//! closed week changes anywhere; a replica killed during ingest loses no
//! acknowledged report; PostgreSQL restarted under load gives 503 with
//! `Retry-After`, never a 500 or a hang, and the server recovers by itself.

mod common;

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use common::pg_cluster::Cluster;
use common::{batch, reports, Server, Start, LAST_WEEK, THIS_WEEK};
use serde_json::Value;

/// A date in the week after [`common::TODAY`]: there, [`THIS_WEEK`] is closed.
const NEXT_WEEK_DAY: &str = "2026-05-27";

/// The `n` of the cell `task` × `tool` in an aggregate body (`None`: no such cell).
fn cell(aggregate: &Value, task: &str, tool: &str) -> Option<Value> {
    aggregate["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["task"] == task && c["tool"] == tool)
        .map(|c| c["n"].clone())
}

/// Waits (at most 10 s) until `n` reports are in `server`'s aggregate, and returns what it saw last.
fn total_soon(server: &Server, n: u64) -> Value {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let total = server.aggregate("")["total"]["n"].clone();
        if total == n || Instant::now() > deadline {
            return total;
        }
        thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_report_accepted_by_one_replica_is_published_by_the_other() {
    let cluster = Cluster::start();
    let url = cluster.create_database("replicas");
    let db = Path::new(&url);
    // A takes reports of this week; B is a week later, so this week is closed there.
    let a = Start::new(db).run();
    let b = Start::new(db).today(NEXT_WEEK_DAY).run();
    let k = b.get("/api/v1/config").json()["k"].as_u64().unwrap();
    assert!(k >= 2, "the test needs a threshold to cross, k = {k}");

    // B publishes (and keeps) a release without the cell.
    let before = b.aggregate("");
    assert_eq!(cell(&before, "docs", "chat"), None, "{before}");

    let first = k as usize - 1;
    assert_eq!(
        a.send(&reports(1, first, THIS_WEEK, "docs", "chat"))["accepted"],
        first
    );
    let below = b.aggregate("");
    assert_ne!(
        cell(&below, "docs", "chat"),
        Some(Value::from(first)),
        "below k the cell is hidden: {below}"
    );
    // One more on A: the cell reaches k on B, whose release must be dropped again.
    a.send(&reports(100, 1, THIS_WEEK, "docs", "chat"));
    let at_k = b.aggregate("");
    assert_eq!(
        cell(&at_k, "docs", "chat"),
        Some(Value::from(k)),
        "B publishes A's reports at once: {at_k}"
    );
    a.send(&reports(200, 2, THIS_WEEK, "docs", "chat"));
    assert_eq!(
        cell(&b.aggregate(""), "docs", "chat"),
        Some(Value::from(k + 2))
    );
    // A itself does not publish its open week.
    assert_eq!(cell(&a.aggregate(""), "docs", "chat"), None);

    // And the other way: B's reports of a week closed for both are on A.
    b.send(&reports(300, k as usize, LAST_WEEK, "tests", "agent"));
    let on_a = a.aggregate("");
    assert_eq!(
        cell(&on_a, "tests", "agent"),
        Some(Value::from(k)),
        "{on_a}"
    );
    // A resent id is a duplicate on the other replica too.
    let resent = a.send(&reports(300, k as usize, LAST_WEEK, "tests", "agent"));
    assert_eq!(resent["duplicates"], k, "{resent}");
    assert_eq!(
        cell(&a.aggregate(""), "tests", "agent"),
        Some(Value::from(k))
    );

    let (status, logs) = b.stop();
    assert!(status.success(), "{logs}");
    assert!(!logs.contains("could not check"), "{logs}");
}

/// Posts batches of 20 reports of [`LAST_WEEK`] to `server` until it stops
/// answering; returns how many reports it acknowledged and how many were sent.
fn post_until_dead(server: &Server, first_id: u128) -> (u64, u64) {
    let (mut acknowledged, mut sent) = (0, 0);
    for round in 0.. {
        let ids = first_id + round * 20;
        sent += 20;
        match server.try_send(&reports(ids, 20, LAST_WEEK, "docs", "chat")) {
            Ok(answer) => acknowledged += answer["accepted"].as_u64().unwrap(),
            Err(_) => return (acknowledged, sent),
        }
    }
    unreachable!()
}

#[test]
fn killing_a_replica_during_ingest_loses_no_acknowledged_report() {
    let cluster = Cluster::start();
    let url = cluster.create_database("kill");
    let db = Path::new(&url);
    let a = Arc::new(Start::new(db).run());
    let b = Start::new(db).run();
    let pid = a.pid();
    let senders: Vec<_> = (0..3u128)
        .map(|t| {
            let a = Arc::clone(&a);
            thread::spawn(move || post_until_dead(&a, 1 + t * 1_000_000))
        })
        .collect();
    thread::sleep(Duration::from_millis(1500));
    // SAFETY: kill(2) on our own child's pid with a valid signal.
    assert_eq!(unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) }, 0);
    let (mut acknowledged, mut sent) = (0, 0);
    for sender in senders {
        let (ack, tried) = sender.join().unwrap();
        acknowledged += ack;
        sent += tried;
    }
    assert!(
        acknowledged > 100,
        "the load ran: {acknowledged} acknowledged"
    );
    // Read through the replica that lived: every acknowledged report is
    // counted, and nothing that was not sent.
    let total = b.aggregate("")["total"]["n"].as_u64().unwrap();
    assert!(
        total >= acknowledged && total <= sent,
        "{total} counted, {acknowledged} acknowledged, {sent} sent"
    );
    // A replica started again finds the same.
    drop(a);
    let again = Start::new(db).run();
    assert_eq!(again.aggregate("")["total"]["n"], total);
}

/// What the load saw while PostgreSQL went away and came back.
#[derive(Default)]
struct Seen {
    /// Status codes of every answer to a batch, in order.
    statuses: Vec<u16>,
    /// The slowest answer.
    slowest: Duration,
    /// Answers other than 200 and 503-with-`Retry-After: 5`, described.
    wrong: Vec<String>,
}

#[test]
fn postgresql_restarted_under_load_gives_503_with_retry_after_and_the_server_recovers() {
    let cluster = Cluster::start();
    let url = cluster.create_database("restart");
    let server = Arc::new(
        Start::new(Path::new(&url))
            .args(&["--request-timeout", "8"])
            .run(),
    );
    let stop = Arc::new(AtomicBool::new(false));
    let accepted = Arc::new(AtomicU64::new(0));
    let seen = Arc::new(Mutex::new(Seen::default()));
    // Three clients behave like the app's outbox: a batch refused with 503 is sent again.
    let clients: Vec<_> = (0..3u128)
        .map(|t| {
            let (server, stop, accepted, seen) = (
                Arc::clone(&server),
                Arc::clone(&stop),
                Arc::clone(&accepted),
                Arc::clone(&seen),
            );
            thread::spawn(move || {
                let mut next = 1 + t * 1_000_000;
                let mut body = batch(&reports(next, 10, LAST_WEEK, "docs", "chat"));
                while !stop.load(Ordering::SeqCst) {
                    let asked = Instant::now();
                    let reply = server.post("/api/v1/reports", "application/json", &body);
                    let took = asked.elapsed();
                    let mut seen = seen.lock().unwrap();
                    seen.statuses.push(reply.status);
                    seen.slowest = seen.slowest.max(took);
                    match (reply.status, reply.header("retry-after")) {
                        (200, _) => {
                            // A batch refused with 503 whose COMMIT had gone
                            // through comes back as duplicates: stored once.
                            let answer = reply.json();
                            accepted.fetch_add(
                                answer["accepted"].as_u64().unwrap()
                                    + answer["duplicates"].as_u64().unwrap(),
                                Ordering::SeqCst,
                            );
                            next += 10;
                            body = batch(&reports(next, 10, LAST_WEEK, "docs", "chat"));
                        }
                        (503, Some("5")) if reply.body.contains("store_unavailable") => {
                            drop(seen);
                            thread::sleep(Duration::from_millis(50));
                        }
                        (status, retry) => seen
                            .wrong
                            .push(format!("{status} (Retry-After {retry:?}): {}", reply.body)),
                    }
                }
            })
        })
        .collect();
    // A reader too: reads are answered from memory while the database is away.
    let reader = {
        let (server, stop) = (Arc::clone(&server), Arc::clone(&stop));
        thread::spawn(move || {
            let mut worst = Duration::ZERO;
            let mut statuses = Vec::new();
            while !stop.load(Ordering::SeqCst) {
                let asked = Instant::now();
                statuses.push(server.get("/api/v1/aggregate").status);
                worst = worst.max(asked.elapsed());
                thread::sleep(Duration::from_millis(20));
            }
            (worst, statuses)
        })
    };
    thread::sleep(Duration::from_millis(700));
    cluster.stop();
    thread::sleep(Duration::from_secs(3));
    cluster.restart();
    // Recovered by itself: batches are stored again within a few seconds.
    let back = accepted.load(Ordering::SeqCst);
    let deadline = Instant::now() + Duration::from_secs(15);
    while accepted.load(Ordering::SeqCst) < back + 100 && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(50));
    }
    stop.store(true, Ordering::SeqCst);
    for client in clients {
        client.join().unwrap();
    }
    let (slowest_read, read_statuses) = reader.join().unwrap();
    let seen = seen.lock().unwrap();
    assert!(seen.wrong.is_empty(), "{:?}", seen.wrong);
    assert!(
        seen.statuses.contains(&503),
        "the outage was seen: {:?}",
        seen.statuses
    );
    let recovered = seen.statuses.iter().rposition(|&s| s == 503).unwrap();
    assert!(
        seen.statuses[recovered..]
            .iter()
            .filter(|&&s| s == 200)
            .count()
            >= 10,
        "stored again after the outage: {:?}",
        &seen.statuses[recovered..]
    );
    assert!(
        seen.slowest < Duration::from_secs(8),
        "a batch waited {:?}",
        seen.slowest
    );
    assert!(
        read_statuses.iter().all(|&s| s == 200) && slowest_read < Duration::from_secs(8),
        "reads: {read_statuses:?}, slowest {slowest_read:?}"
    );
    // Every acknowledged report is counted, once; nothing refused and never acknowledged.
    let n = accepted.load(Ordering::SeqCst);
    assert_eq!(total_soon(&server, n), n);
    let mut client = cluster.client("restart");
    let stored: i64 = client
        .query_one("SELECT sum(n)::bigint FROM counts", &[])
        .unwrap()
        .get(0);
    assert_eq!(stored as u64, n);
}
