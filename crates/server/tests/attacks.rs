//! Attacks on anonymity, tried against the real binary with a real SQLite file on 127.0.0.1.
//!
//! Each test is one claim of docs/privacy.md: it plays the attacker and
//! fails if the attack learns something it should not.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use common::{batch, temp_db, Reply, Server, Start, LAST_WEEK, THIS_WEEK};
use serde_json::{json, Value};

/// A report with every optional field, its content picked by `n`, id from `id`.
fn rich(id: u128, week: &str, n: u32) -> Value {
    let tasks = ["code_review", "debugging", "tests", "docs"];
    let tools = ["none", "chat", "agent"];
    let outcome = (n % 5) as i64 - 2;
    let mut report = json!({
        "v": 1,
        "id": format!("{id:032x}"),
        "week": week,
        "task": tasks[(n / 5) as usize % tasks.len()],
        "tool": tools[(n / 3) as usize % tools.len()],
        "outcome": outcome,
        "complexity": if n % 2 == 0 { "routine" } else { "complex" },
    });
    if report["tool"] != "none" {
        let effort = ["low", "medium", "high"][n as usize % 3];
        report["effort"] = json!(effort);
        report["mandated"] = json!(n % 4 == 0);
    }
    if outcome < 0 {
        let reason = ["checking", "wrong", "context"][n as usize % 3];
        report["reasons"] = json!([reason]);
    }
    report
}

/// Every shared view a manager could read, as (path, body).
fn every_view(server: &Server) -> Vec<(String, String)> {
    let mut views = Vec::new();
    for query in [
        "",
        "?period=all",
        "?period=2026-05",
        "?period=2026-Q2",
        "?complexity=routine",
        "?complexity=complex",
        "?mandated=true",
        "?mandated=false",
        "?effort=high",
        "?period=2026-05&complexity=complex",
    ] {
        for path in ["/api/v1/aggregate", "/api/v1/aggregate.csv"] {
            let path = format!("{path}{query}");
            let reply = server.get(&path);
            assert_eq!(reply.status, 200, "{path}: {}", reply.body);
            views.push((path, reply.body));
        }
    }
    views
}

/// Watching (SPEC §5.6): a manager who polls every view while a colleague
/// files learns nothing, because this week's reports wait for the week to end.
#[test]
fn reports_filed_this_week_change_no_view_until_the_week_has_closed() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    // A populated past, so the views are not empty to begin with.
    let past: Vec<Value> = (0..300).map(|i| rich(i, LAST_WEEK, i as u32)).collect();
    server.send(&past);
    let before = every_view(&server);
    assert!(before[0].1.contains("\"n\":300"), "{}", before[0].1);

    // A colleague files, one report at a time, while the manager watches.
    let now: Vec<Value> = (0..120)
        .map(|i| rich(10_000 + i, THIS_WEEK, i as u32))
        .collect();
    for report in &now {
        assert_eq!(server.send(std::slice::from_ref(report))["accepted"], 1);
        let reply = server.get("/api/v1/aggregate");
        assert_eq!(
            reply.body, before[0].1,
            "a view moved while the week is open"
        );
    }
    assert_eq!(
        every_view(&server),
        before,
        "some view moved while the week is open"
    );
    let (status, _) = server.stop();
    assert!(status.success());

    // The week has closed: now, and only now, the reports count.
    let later = Start::new(&db).today("2026-05-25").run();
    let after = every_view(&later);
    assert!(after[0].1.contains("\"n\":420"), "{}", after[0].1);
}

/// The rows of both tables, in key order, as text.
fn logical_content(db: &Path) -> (Vec<String>, Vec<Vec<u8>>) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let counts = conn
        .prepare("SELECT week, task, tool, outcome, effort, mandated, complexity, team, reasons, n FROM counts ORDER BY 1,2,3,4,5,6,7,8,9")
        .unwrap()
        .query_map([], |row| {
            let cells: Vec<String> = (0..10)
                .map(|i| format!("{:?}", row.get::<_, rusqlite::types::Value>(i).unwrap()))
                .collect();
            Ok(cells.join("|"))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let ids = conn
        .prepare("SELECT id FROM seen_ids ORDER BY id")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    (counts, ids)
}

/// A reproducible shuffle (xorshift), so a failure can be replayed.
fn shuffled<T: Clone>(items: &[T], mut seed: u64) -> Vec<T> {
    let mut items = items.to_vec();
    for i in (1..items.len()).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        items.swap(i, (seed % (i as u64 + 1)) as usize);
    }
    items
}

/// The operator's copy of the database file (SPEC §6.4): the same reports
/// sent in two different orders and batchings leave the same logical
/// content and, after a clean stop, the same bytes — nothing in the file
/// follows arrival. Nor does it hold an id next to a count, a time or an address.
#[test]
fn the_database_file_is_the_same_whatever_order_reports_arrived_in() {
    let reports: Vec<Value> = (0..3000u32)
        .map(|i| {
            // Random-looking ids, so their order is not the content order.
            let id = u128::from(i).wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835) | 1;
            rich(
                id,
                ["2026-W18", "2026-W19", LAST_WEEK][i as usize % 3],
                i * 7 % 97,
            )
        })
        .collect();
    let (dir_a, db_a) = temp_db();
    let (dir_b, db_b) = temp_db();

    let a = Server::start(&db_a);
    for chunk in reports.chunks(100) {
        a.send(chunk);
    }
    let b = Server::start(&db_b);
    let mixed = shuffled(&reports, 0x5eed);
    for chunk in mixed.chunks(37) {
        b.send(chunk);
    }
    // A retry changes nothing either.
    b.send(&mixed[..50]);
    assert!(a.stop().0.success());
    assert!(b.stop().0.success());

    let (counts_a, ids_a) = logical_content(&db_a);
    assert_eq!((counts_a.clone(), ids_a.clone()), logical_content(&db_b));
    assert_eq!(ids_a.len(), 3000);
    let total: u64 = counts_a
        .iter()
        .map(|row| {
            row.rsplit('|')
                .next()
                .unwrap()
                .trim_start_matches("Integer(")
                .trim_end_matches(')')
                .parse::<u64>()
                .unwrap()
        })
        .sum();
    assert_eq!(total, 3000);

    // The write-ahead log was checkpointed away on the clean stop.
    for dir in [dir_a.path(), dir_b.path()] {
        let wal = dir.join("candor.db-wal");
        assert!(!wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0);
    }
    let bytes_a = std::fs::read(&db_a).unwrap();
    let bytes_b = std::fs::read(&db_b).unwrap();
    let differing: Vec<usize> = (0..bytes_a.len().min(bytes_b.len()))
        .filter(|&i| bytes_a[i] != bytes_b[i])
        .take(20)
        .collect();
    assert_eq!(
        (bytes_a.len(), differing.clone()),
        (bytes_b.len(), Vec::new()),
        "the files differ (first differing offsets shown)"
    );

    // No column could hold an arrival time, address or agent, and ids sit apart from counts.
    let conn = rusqlite::Connection::open(&db_a).unwrap();
    let columns: Vec<String> = conn
        .prepare("SELECT m.name || '.' || p.name FROM sqlite_schema m, pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY 1")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        columns,
        [
            "counts.complexity",
            "counts.effort",
            "counts.mandated",
            "counts.n",
            "counts.outcome",
            "counts.reasons",
            "counts.task",
            "counts.team",
            "counts.tool",
            "counts.week",
            "issuance_salts.salt",
            "issuance_salts.week",
            "issued.n",
            "issued.person",
            "issued.week",
            "pilot_counts.actual",
            "pilot_counts.against_arm",
            "pilot_counts.arm",
            "pilot_counts.forecast",
            "pilot_counts.n",
            "pilot_counts.outcome",
            "pilot_counts.pilot",
            "pilot_counts.task",
            "pilot_counts.week",
            "seen_ids.id",
            "spent_tokens.epoch",
            "spent_tokens.input",
            "token_keys.epoch",
            "token_keys.server",
        ]
    );
}

/// The operator's logs (SPEC §6.4): at the most verbose level, under traffic
/// that carries an address, a user agent, forwarded-for and cookie headers
/// and report ids, the log holds none of them.
#[test]
fn logs_at_trace_level_hold_no_address_user_agent_or_report_id() {
    let (_dir, db) = temp_db();
    let server = Start::new(&db)
        .env("RUST_LOG", "trace")
        .args(&["--limit-loopback", "--batches-per-minute", "3"])
        .run();
    let agent = "Mozilla/5.0 (X11) CandorProbe/7.3.1-zq";
    let secrets_header = [
        ("user-agent", agent),
        ("x-forwarded-for", "203.0.113.77"),
        ("cookie", "session=c00k1e5ecret"),
        ("referer", "https://intranet.example/secret-page"),
    ];
    let id_a = format!("{:032x}", 0xabad_1dea_u128 << 64);
    let id_b = format!("{:032x}", 0xdead_10cc_u128);
    let body = json!({"reports": [
        {"v": 1, "id": id_a, "week": LAST_WEEK, "task": "docs", "tool": "chat", "outcome": -1, "reasons": ["wrong"]},
        {"v": 1, "id": id_b, "week": "2099-W01", "task": "docs", "tool": "chat", "outcome": 1},
    ]})
    .to_string();
    for _ in 0..5 {
        // Three accepted, then 429s: the refusals are logged too.
        raw_request(
            &server.base,
            "POST",
            "/api/v1/reports",
            &secrets_header,
            &body,
        );
    }
    raw_request(
        &server.base,
        "POST",
        "/api/v1/reports",
        &secrets_header,
        "{\"reports\": [{\"id\": \"c0ffee\"",
    );
    for path in [
        "/",
        "/history",
        "/api/v1/aggregate?complexity=complex",
        "/api/v1/aggregate.csv?effort=nonsense-filter-value",
        "/api/v1/config",
        "/api/v1/nope",
    ] {
        raw_request(&server.base, "GET", path, &secrets_header, "");
    }
    let (status, logs) = server.stop();
    assert!(status.success(), "{logs}");
    // The traffic was logged, one line per request, so the search below searched something.
    assert!(logs.contains("POST /api/v1/reports 200"), "{logs}");
    assert!(logs.contains("POST /api/v1/reports 429"), "{logs}");
    assert!(logs.contains("GET /api/v1/aggregate.csv 400"), "{logs}");
    for secret in [
        "127.0.0.1",
        "203.0.113.77",
        "CandorProbe",
        "Mozilla",
        "c00k1e5ecret",
        "intranet.example",
        "secret-page",
        &id_a,
        &id_b,
        "abad1dea",
        "dead10cc",
        "c0ffee",
        "nonsense-filter-value",
    ] {
        assert!(
            !logs.contains(secret),
            "the log carries {secret:?}:\n{logs}"
        );
    }
}

/// Sends one HTTP/1.1 request with exactly these headers; returns the status line and headers.
fn raw_request(
    base: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> String {
    let address = base.strip_prefix("http://").unwrap();
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut request =
        format!("{method} {path} HTTP/1.1\r\nhost: {address}\r\nconnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if method == "POST" {
        request.push_str(&format!(
            "content-type: application/json\r\ncontent-length: {}\r\n",
            body.len()
        ));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

/// Stuffing (SPEC §6.7): one source that floods gets 429 with `Retry-After`
/// and the §4 error body, its refused reports are not stored, and other
/// sources and other requests are not held back.
#[test]
fn a_flooding_source_gets_429_with_retry_after_and_stores_nothing_more() {
    let (_dir, db) = temp_db();
    let server = Start::new(&db)
        .args(&[
            "--limit-loopback",
            "--batches-per-minute",
            "4",
            "--requests-per-minute",
            "1000",
        ])
        .run();
    let mut accepted = 0;
    let mut refused = Vec::new();
    for i in 0..10u128 {
        let reply = server.post(
            "/api/v1/reports",
            "application/json",
            &batch(&[rich(i + 1, LAST_WEEK, i as u32)]),
        );
        if reply.status == 200 {
            accepted += 1;
        } else {
            refused.push(reply);
        }
    }
    assert_eq!(accepted, 4, "the burst is the per-minute rate");
    assert_eq!(refused.len(), 6);
    for reply in &refused {
        reply.assert_error(429, "rate_limited");
        let wait: u64 = reply
            .header("retry-after")
            .expect("Retry-After")
            .parse()
            .unwrap();
        // Four a minute: the next token is at most 15 s away.
        assert!((1..=15).contains(&wait), "Retry-After: {wait}");
    }
    // Other requests draw from their own, looser bucket.
    assert_eq!(server.get("/api/v1/health").status, 200);
    let (_, logs) = server.stop();

    // What was refused was not stored: the next week's aggregate counts 4.
    let later = Start::new(&db).today("2026-05-25").run();
    assert_eq!(
        later.aggregate("")["total"]["n"],
        json!(null),
        "4 < k is hidden\n{logs}"
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let stored: i64 = conn
        .query_row("SELECT count(*) FROM seen_ids", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 4);
}

/// Stuffing with big batches (SPEC §6.7): each report takes a token, so
/// packing 500 reports into one request gains nothing over sending 500.
#[test]
fn reports_are_charged_one_by_one_so_big_batches_do_not_help_a_stuffer() {
    let (_dir, db) = temp_db();
    let server = Start::new(&db)
        .args(&["--limit-loopback", "--reports-per-minute", "60"])
        .run();
    // The burst is one full batch (500), then one report a second.
    let full: Vec<Value> = (0..500u128)
        .map(|i| rich(i + 1, LAST_WEEK, i as u32))
        .collect();
    assert_eq!(server.send(&full)["accepted"], 500);
    let more: Vec<Value> = (0..10u128).map(|i| rich(1000 + i, LAST_WEEK, 1)).collect();
    let refused = server.post("/api/v1/reports", "application/json", &batch(&more));
    refused.assert_error(429, "rate_limited");
    let wait: u64 = refused.header("retry-after").unwrap().parse().unwrap();
    assert!(
        (9..=11).contains(&wait),
        "ten reports at one a second: {wait}"
    );
    // Nothing of the refused batch was stored.
    drop(server);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let stored: i64 = conn
        .query_row("SELECT count(*) FROM seen_ids", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 500);
}

/// X-Forwarded-For is believed from a declared proxy only: otherwise a
/// stuffer could claim a fresh address with every request.
#[test]
fn forwarded_for_is_honoured_only_from_a_trusted_proxy() {
    let one_report = |i: u128| batch(&[rich(i, LAST_WEEK, 1)]);
    let post_as = |server: &Server, i: u128, claimed: &str| -> u16 {
        let answer = raw_request(
            &server.base,
            "POST",
            "/api/v1/reports",
            &[("x-forwarded-for", claimed)],
            &one_report(i),
        );
        answer[9..12].parse().unwrap()
    };

    // Not trusted: a new claimed address each time gains nothing.
    let (_dir, db) = temp_db();
    let server = Start::new(&db)
        .args(&["--limit-loopback", "--batches-per-minute", "2"])
        .run();
    let statuses: Vec<u16> = (0..4)
        .map(|i| post_as(&server, i + 1, &format!("198.51.100.{i}")))
        .collect();
    assert_eq!(statuses, [200, 200, 429, 429]);
    drop(server);

    // Trusted (here the proxy is this machine): each forwarded client has its own bucket.
    let (_dir, db) = temp_db();
    let server = Start::new(&db)
        .args(&["--limit-loopback", "--batches-per-minute", "2"])
        .env("CANDOR_TRUSTED_PROXY", "10.0.0.0/8,127.0.0.1")
        .run();
    let statuses: Vec<u16> = [
        "198.51.100.1",
        "198.51.100.1",
        "198.51.100.1",
        "198.51.100.2",
        "198.51.100.2",
        // A client that spoofs the left of the header is still itself.
        "192.0.2.1, 198.51.100.1",
    ]
    .iter()
    .enumerate()
    .map(|(i, claimed)| post_as(&server, 100 + i as u128, claimed))
    .collect();
    assert_eq!(statuses, [200, 200, 429, 200, 200, 429]);
}

/// Slow clients (SPEC §6.7): a body that stops arriving is answered 408
/// after the request timeout instead of holding the server forever.
#[test]
fn a_stalled_body_gets_408_after_the_request_timeout() {
    let (_dir, db) = temp_db();
    let server = Start::new(&db).args(&["--request-timeout", "1"]).run();
    let address = server.base.strip_prefix("http://").unwrap();
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let started = Instant::now();
    stream
        .write_all(b"POST /api/v1/reports HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{\"reports\":[")
        .unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"code\":\"request_timeout\""), "{answer}");
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(900) && waited < Duration::from_secs(5),
        "{waited:?}"
    );
}

/// A stand-in for Trunk's output with one inline module script, as Trunk writes it.
fn fake_dist(dir: &Path) -> std::path::PathBuf {
    let dist = dir.join("dist");
    std::fs::create_dir(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>Candor</title><script type=\"module\">\nimport init from './candor-0123456789abcdef.js';\nawait init();\n</script>",
    )
    .unwrap();
    std::fs::write(
        dist.join("candor-0123456789abcdef.js"),
        "export default function init() {}\n",
    )
    .unwrap();
    dist
}

/// The browser lock-down (SPEC §6.8): every answer — pages, files, API,
/// errors, refusals — carries the strict policy, and none sets a cookie.
#[test]
fn every_response_carries_the_security_headers_and_no_cookie() {
    let (dir, db) = temp_db();
    let dist = fake_dist(dir.path());
    let server = Start::new(&db)
        .dist(&dist)
        .args(&["--limit-loopback", "--batches-per-minute", "1"])
        .run();
    let mut replies: Vec<(String, Reply)> = Vec::new();
    for path in [
        "/",
        "/history",
        "/map",
        "/team",
        "/candor-0123456789abcdef.js",
        "/missing-file.png",
        "/candor.json",
        "/api/v1/health",
        "/api/v1/config",
        "/api/v1/aggregate",
        "/api/v1/aggregate.csv",
        "/api/v1/aggregate?period=nonsense",
        "/api/v1/openapi.json",
        "/api/v1/nope",
        "/api/v1/reports",
    ] {
        replies.push((path.into(), server.get_with(path, &[("cookie", "a=b")])));
    }
    for body in ["{\"reports\":[]}", "{\"reports\":[]}", "not json"] {
        replies.push((
            "POST".into(),
            server.post("/api/v1/reports", "application/json", body),
        ));
    }
    let statuses: Vec<u16> = replies.iter().map(|(_, r)| r.status).collect();
    for expected in [200, 400, 404, 405, 429] {
        assert!(
            statuses.contains(&expected),
            "{expected} not tried: {statuses:?}"
        );
    }
    let policy = replies[0]
        .1
        .header("content-security-policy")
        .unwrap()
        .to_owned();
    assert!(
        policy.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
        "{policy}"
    );
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    for (path, reply) in &replies {
        let context = format!("{path} ({})", reply.status);
        assert_eq!(
            reply.header("content-security-policy"),
            Some(policy.as_str()),
            "{context}"
        );
        assert_eq!(
            reply.header("x-content-type-options"),
            Some("nosniff"),
            "{context}"
        );
        assert_eq!(
            reply.header("referrer-policy"),
            Some("no-referrer"),
            "{context}"
        );
        assert_eq!(reply.header("set-cookie"), None, "{context}");
    }
}
