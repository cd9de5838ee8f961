//! Slow clients (SPEC §6.7): a client that trickles its request headers is
//! cut off after `--request-timeout`, while everyone else is served.
//!
//! Runs the real binary on 127.0.0.1 and holds a raw TCP connection open
//! byte by byte, as a slowloris attacker would.

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::{batch, report, temp_db, Start, LAST_WEEK};

/// How long the trickle would last if nobody cut it off.
const TRICKLE: Duration = Duration::from_secs(12);
/// The pause between two header bytes.
const PACE: Duration = Duration::from_millis(200);

/// Whether the server has closed `stream`: a read that ends or fails.
///
/// Waits up to [`PACE`] for something to arrive. Bytes the server sends
/// before closing (an error answer) are read and ignored.
fn closed_within_a_pace(stream: &mut TcpStream) -> bool {
    let mut buffer = [0; 1024];
    match stream.read(&mut buffer) {
        Ok(0) => true,
        Ok(_) => false,
        Err(err) if matches!(err.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => false,
        Err(_) => true,
    }
}

/// One header byte every 200 ms would take 12 s; with `--request-timeout 1`
/// the server must close the connection within a couple of seconds, and
/// answer other connections meanwhile.
#[test]
fn a_client_trickling_its_headers_is_cut_off_after_the_request_timeout() {
    let (_dir, db) = temp_db();
    let server = Start::new(&db).args(&["--request-timeout", "1"]).run();
    let address = server.base.strip_prefix("http://").unwrap();
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(PACE)).unwrap();

    // A request line and an endless header, never the blank line that ends them.
    let mut header = b"GET /api/v1/health HTTP/1.1\r\nhost: x\r\nx-slow: ".to_vec();
    header.resize(
        TRICKLE.as_millis() as usize / PACE.as_millis() as usize,
        b'a',
    );
    let started = Instant::now();
    let mut checked_others = false;
    let mut closed_after = None;
    for byte in &header {
        if stream.write_all(&[*byte]).is_err() || closed_within_a_pace(&mut stream) {
            closed_after = Some(started.elapsed());
            break;
        }
        if !checked_others && started.elapsed() > Duration::from_millis(500) {
            // While one connection trickles, another is served at once.
            let reply = server.get("/api/v1/health");
            assert_eq!(reply.status, 200, "{}", reply.body);
            checked_others = true;
        }
    }
    let closed_after = closed_after.unwrap_or_else(|| {
        panic!(
            "the server still held the connection after {:?} of trickled headers",
            started.elapsed()
        )
    });
    assert!(checked_others);
    assert!(
        closed_after >= Duration::from_millis(900) && closed_after < Duration::from_secs(4),
        "closed after {closed_after:?}; the timeout is 1 s"
    );
    // The server is still well, for a new connection as for the old ones.
    let reply = server.get("/api/v1/health");
    assert_eq!(reply.status, 200, "{}", reply.body);
}

/// Each route draws on its own limit (SPEC §6.7): filing reports on the
/// batches limit only, everything else — other API routes, a wrong method
/// on the filing route, unknown paths, the app — on the loose one.
#[test]
fn each_route_draws_on_its_own_limit() {
    let (_dir, db) = temp_db();
    let server = Start::new(&db)
        .args(&[
            "--limit-loopback",
            "--batches-per-minute",
            "2",
            "--requests-per-minute",
            "3",
        ])
        .run();
    let file = |i: u128| {
        server
            .post(
                "/api/v1/reports",
                "application/json",
                &batch(&[report(i, LAST_WEEK, "code_review", "none", 1)]),
            )
            .status
    };
    // Filing does not use up the loose limit...
    assert_eq!([file(1), file(2), file(3)], [200, 200, 429]);
    // ...and the loose limit is shared by every other kind of request.
    let statuses: Vec<u16> = [
        "/api/v1/health",
        "/api/v1/reports",
        "/api/v1/nope",
        "/candor.json",
        "/",
    ]
    .iter()
    .map(|path| server.get(path).status)
    .collect();
    assert_eq!(statuses, [200, 405, 404, 429, 429]);
    let refused = server.get("/api/v1/health");
    refused.assert_error(429, "rate_limited");
    assert!(refused.header("retry-after").is_some());
}
