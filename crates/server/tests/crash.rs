//! SPEC §7: killing the server never loses an acknowledged report.
//!
//! Round after round, a client sends batches while the server is killed
//! with SIGKILL mid-stream, then restarted on the same file. Every batch
//! the server acknowledged must be counted; the one batch in flight at the
//! kill is either wholly stored or not at all, and re-sending it settles
//! which (it comes back as accepted or as duplicates, never half and half).

mod common;

use std::sync::mpsc;

use common::{batch, reports, temp_db, Server, LAST_WEEK};
use serde_json::Value;

const ROUNDS: usize = 20;
const BATCH: usize = 100;

/// What the client saw before the server died.
struct Sent {
    /// The batch whose request failed: stored or not, we cannot tell yet.
    in_flight: Vec<Value>,
    next_id: u128,
}

fn client(base: String, mut next_id: u128, acks: mpsc::Sender<u64>) -> Sent {
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .new_agent();
    loop {
        let sent = reports(next_id, BATCH, LAST_WEEK, "incident", "agent");
        next_id += BATCH as u128;
        let answer = agent
            .post(format!("{base}/api/v1/reports"))
            .header("content-type", "application/json")
            .send(batch(&sent))
            .and_then(|mut response| {
                assert_eq!(response.status(), 200);
                response.body_mut().read_to_string()
            });
        match answer {
            Ok(text) => {
                let answer: Value = serde_json::from_str(&text).unwrap();
                assert_eq!(answer["accepted"], BATCH as u64, "{answer}");
                if acks.send(BATCH as u64).is_err() {
                    return Sent {
                        in_flight: Vec::new(),
                        next_id,
                    };
                }
            }
            Err(_) => {
                return Sent {
                    in_flight: sent,
                    next_id,
                }
            }
        }
    }
}

fn total(server: &Server) -> u64 {
    server.aggregate("")["total"]["n"]
        .as_u64()
        .expect("totals are multiples of the batch, never hidden")
}

/// Checks the store holds `known` or `known + in_flight`, then re-sends the
/// in-flight batch and returns the new number known to be stored.
fn settle(server: &Server, known: u64, in_flight: &[Value]) -> u64 {
    let stored = total(server);
    let pending = in_flight.len() as u64;
    assert!(
        stored == known || stored == known + pending,
        "stored {stored}, acknowledged {known}, in flight {pending}"
    );
    if in_flight.is_empty() {
        return known;
    }
    let answer = server.send(in_flight);
    if stored == known {
        assert_eq!(answer["accepted"], pending, "{answer}");
    } else {
        assert_eq!(answer["duplicates"], pending, "{answer}");
    }
    known + pending
}

#[test]
fn killing_the_server_never_loses_an_acknowledged_report() {
    let (_dir, db) = temp_db();
    // A fixed sequence of kill moments, so a failure can be replayed.
    let mut moment = 0x2545_f491_u64;
    let mut known = 0;
    let mut in_flight = Vec::new();
    let mut next_id = 1;
    for _ in 0..ROUNDS {
        let server = Server::start(&db);
        known = settle(&server, known, &in_flight);

        let (acks, acked) = mpsc::channel();
        let base = server.base.clone();
        let sending = std::thread::spawn(move || client(base, next_id, acks));
        moment = moment
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        let wait_for = 1 + (moment >> 33) % 8;
        let mut acknowledged = 0;
        for _ in 0..wait_for {
            acknowledged += acked.recv().expect("the client is sending");
        }
        // Then a random fraction of a request's time more, so the kill lands
        // anywhere: before, during or after the commit of the batch in flight.
        let spin = std::time::Duration::from_micros((moment >> 17) % 3000);
        let started = std::time::Instant::now();
        while started.elapsed() < spin {
            std::hint::spin_loop();
        }
        server.kill();
        let sent = sending.join().unwrap();
        // Acknowledgements that arrived between the last count and the kill count too.
        acknowledged += acked.try_iter().sum::<u64>();
        known += acknowledged;
        in_flight = sent.in_flight;
        next_id = sent.next_id;
    }
    let server = Server::start(&db);
    known = settle(&server, known, &in_flight);
    assert_eq!(total(&server), known);
    assert!(known >= (ROUNDS * BATCH) as u64);
}
