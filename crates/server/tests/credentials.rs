//! Anonymous credentials over HTTP (SPEC §6.10): tokens only through the
//! trusted single sign-on proxy, at most N per person per week even across
//! a restart, each spent once, and a database that keeps no identity.
//!
//! The client side is the app's own token client (`candor-token-client`):
//! blind, let the server evaluate, finalize with the proof checked.

mod common;

use std::path::Path;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use common::{report, temp_db, Reply, Server, Start, THIS_WEEK};
use serde_json::{json, Value};

const PER_WEEK: u32 = 5;

fn config_file(dir: &Path) -> String {
    let path = dir.join("candor.json");
    std::fs::write(
        &path,
        json!({
            "tasks": [{"id": "review", "label": "Review"}],
            "tools": [{"id": "chat", "label": "Chat"}],
            "credentials": {"per_week": PER_WEEK},
        })
        .to_string(),
    )
    .unwrap();
    path.display().to_string()
}

fn start(db: &Path, config: &str, proxy: &str) -> Server {
    Start::new(db)
        .args(&["--config", config, "--trusted-proxy", proxy])
        .run()
}

fn post_as(server: &Server, path: &str, who: Option<&str>, body: &Value) -> Reply {
    let mut request = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .new_agent()
        .post(format!("{}{path}", server.base))
        .header("content-type", "application/json");
    if let Some(who) = who {
        request = request.header("x-forwarded-user", who);
    }
    let mut response = request.send(body.to_string()).unwrap();
    Reply {
        status: response.status().as_u16(),
        headers: response
            .headers()
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or("").to_owned()))
            .collect(),
        body: response.body_mut().read_to_string().unwrap(),
    }
}

/// A token as the app holds it, with what crossed the wire on its way.
#[derive(Debug, Clone)]
struct Held {
    token: Value,
    blinded: String,
    evaluated: String,
}

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Asks for `count` tokens as `who`, with the app's own token client; the
/// reply, and the tokens if it was 200.
fn fetch_tokens(server: &Server, who: Option<&str>, count: usize) -> (Reply, Vec<Held>) {
    let key = server.get("/api/v1/tokens/key").json();
    let issuance = candor_token_client::blind(count).unwrap();
    let blinded = issuance.blinded().to_vec();
    let reply = post_as(
        server,
        "/api/v1/tokens",
        who,
        &json!({"epoch": key["epoch"], "blinded": blinded}),
    );
    if reply.status != 200 {
        return (reply, Vec::new());
    }
    let answer = reply.json();
    let evaluated: Vec<String> = answer["evaluated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap().to_owned())
        .collect();
    let tokens = issuance
        .finalize(
            key["public_key"].as_str().unwrap(),
            &evaluated,
            answer["proof"].as_str().unwrap(),
        )
        .expect("the proof verifies against the published key");
    let held = tokens
        .iter()
        .zip(blinded.iter().zip(&evaluated))
        .map(|(token, (blinded, evaluated))| {
            let (input, output) = token.split_once('.').unwrap();
            Held {
                token: json!({"epoch": key["epoch"], "input": input, "output": output}),
                blinded: blinded.clone(),
                evaluated: evaluated.clone(),
            }
        })
        .collect();
    (reply, held)
}

fn file(server: &Server, reports: &[Value], tokens: &[Value]) -> Value {
    let reply = server.post(
        "/api/v1/reports",
        "application/json",
        &json!({"reports": reports, "tokens": tokens}).to_string(),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

fn codes(answer: &Value) -> Vec<(u64, String)> {
    answer["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["index"].as_u64().unwrap(),
                r["error"]["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn tokens_are_issued_only_through_the_trusted_proxy_and_at_most_n_a_week_across_restarts() {
    let (dir, db) = temp_db();
    let config = config_file(dir.path());
    let server = start(&db, &config, "127.0.0.1");

    let key = server.get("/api/v1/tokens/key");
    assert_eq!(key.status, 200, "{}", key.body);
    assert_eq!(key.json()["epoch"], THIS_WEEK);
    assert_eq!(key.json()["per_week"], PER_WEEK);

    // A script without a login: no identity header, no tokens.
    let (reply, _) = fetch_tokens(&server, None, 1);
    assert_eq!(
        reply.assert_error(401, "sign_in_required"),
        None,
        "{}",
        reply.body
    );

    let (reply, held) = fetch_tokens(&server, Some("alice@example.com"), 3);
    assert_eq!(reply.json()["remaining"], 2);
    assert_eq!(held.len(), 3);

    // A restart within the week does not reset Alice's allowance.
    drop(server);
    let server = start(&db, &config, "127.0.0.1");
    let (reply, held) = fetch_tokens(&server, Some("alice@example.com"), 5);
    assert_eq!(
        held.len(),
        2,
        "only what is left of the week: {}",
        reply.body
    );
    assert_eq!(reply.json()["remaining"], 0);
    let (reply, _) = fetch_tokens(&server, Some("alice@example.com"), 1);
    reply.assert_error(429, "quota_exhausted");
    let retry: u64 = reply.header("retry-after").unwrap().parse().unwrap();
    assert!(
        (1..=7 * 86_400).contains(&retry),
        "resets within the week: {retry}"
    );
    assert!(reply.body.contains("2026-W22"), "{}", reply.body);

    // Bob's allowance is his own.
    let (_, held) = fetch_tokens(&server, Some("bob@example.com"), 1);
    assert_eq!(held.len(), 1);

    // An old epoch, a bad element, too many: clear 400s naming the field.
    let old = json!({"epoch": "2026-W20", "blinded": ["AAAA"]});
    let reply = post_as(&server, "/api/v1/tokens", Some("carol"), &old);
    assert_eq!(
        reply.assert_error(400, "epoch_ended").as_deref(),
        Some("epoch")
    );
    let bad = json!({"epoch": THIS_WEEK, "blinded": ["not an element"]});
    let reply = post_as(&server, "/api/v1/tokens", Some("carol"), &bad);
    assert_eq!(
        reply.assert_error(400, "bad_token_request").as_deref(),
        Some("blinded[0]")
    );
    drop(server);

    // The header from an address that is not the declared proxy means nothing.
    let elsewhere = start(&db, &config, "10.0.0.1");
    let (reply, _) = fetch_tokens(&elsewhere, Some("dave@example.com"), 1);
    reply.assert_error(401, "sign_in_required");
}

#[test]
fn each_report_spends_one_valid_token_once() {
    let (dir, db) = temp_db();
    let config = config_file(dir.path());
    let server = start(&db, &config, "127.0.0.1");
    let (_, held) = fetch_tokens(&server, Some("alice@example.com"), 5);
    let tokens: Vec<Value> = held.iter().map(|h| h.token.clone()).collect();

    let first = [
        report(1, THIS_WEEK, "review", "chat", 1),
        report(2, THIS_WEEK, "review", "none", -1),
    ];
    let answer = file(&server, &first, &tokens[..2]);
    assert_eq!(answer["accepted"], 2, "{answer}");

    // The app resends a batch whose answer it lost: duplicates, not spent tokens.
    let answer = file(&server, &first, &tokens[..2]);
    assert_eq!(
        (answer["accepted"].as_u64(), answer["duplicates"].as_u64()),
        (Some(0), Some(2))
    );
    assert!(codes(&answer).is_empty(), "{answer}");

    // A replayed token on a new report is refused; the rest of the batch goes on.
    let mut tampered = tokens[3].clone();
    tampered["output"] = json!(b64(&[7; 64]));
    let replay = [
        report(3, THIS_WEEK, "review", "chat", 2),
        report(4, THIS_WEEK, "review", "chat", 2),
        report(5, THIS_WEEK, "review", "chat", 0),
        report(6, THIS_WEEK, "review", "chat", 0),
        report(7, THIS_WEEK, "review", "chat", 0),
    ];
    let answer = file(
        &server,
        &replay,
        &[
            tokens[0].clone(),
            tokens[2].clone(),
            tokens[2].clone(),
            tampered,
        ],
    );
    assert_eq!(answer["accepted"], 1, "{answer}");
    assert_eq!(
        codes(&answer),
        [
            (0, "token_spent".to_owned()),
            (2, "token_spent".to_owned()),
            (3, "token_invalid".to_owned()),
            (4, "token_required".to_owned()),
        ]
    );
    assert_eq!(answer["rejected"][3]["error"]["field"], "tokens[4]");

    // A token of another issuer's key does not verify here.
    let (other_dir, other_db) = temp_db();
    let other = start(&other_db, &config_file(other_dir.path()), "127.0.0.1");
    let (_, foreign) = fetch_tokens(&other, Some("alice@example.com"), 1);
    let answer = file(
        &server,
        &[report(8, THIS_WEEK, "review", "chat", 1)],
        &[foreign[0].token.clone()],
    );
    assert_eq!(codes(&answer), [(0, "token_invalid".to_owned())]);

    // A report refused for its token may come again with a good one.
    let answer = file(&server, &replay[4..], &[tokens[4].clone()]);
    assert_eq!(answer["accepted"], 1, "{answer}");
}

/// Every occurrence of `needle` in the database file and its write-ahead log.
fn occurs(db: &Path, needle: &[u8]) -> bool {
    let mut haystack = std::fs::read(db).unwrap();
    if let Ok(wal) = std::fs::read(db.with_extension("db-wal")) {
        haystack.extend(wal);
    }
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn the_database_keeps_no_identity_and_the_issuer_no_token_material() {
    let (dir, db) = temp_db();
    let config = config_file(dir.path());
    let server = start(&db, &config, "127.0.0.1");
    let identity = "alice.identifiable@example.com";
    let (_, held) = fetch_tokens(&server, Some(identity), 3);
    let tokens: Vec<Value> = held.iter().map(|h| h.token.clone()).collect();
    let answer = file(
        &server,
        &[
            report(1, THIS_WEEK, "review", "chat", 1),
            report(2, THIS_WEEK, "review", "chat", 2),
        ],
        &tokens[..2],
    );
    assert_eq!(answer["accepted"], 2);
    let (status, logs) = server.stop();
    assert!(status.success());
    assert!(!logs.contains(identity), "{logs}");

    let bytes = |text: &str| URL_SAFE_NO_PAD.decode(text).unwrap();
    // No identity in clear anywhere in the file.
    assert!(!occurs(&db, identity.as_bytes()));
    for h in &held {
        // Issuance left no trace of what it saw or sent.
        assert!(
            !occurs(&db, &bytes(&h.blinded)),
            "a blinded element is stored"
        );
        assert!(
            !occurs(&db, &bytes(&h.evaluated)),
            "an evaluated element is stored"
        );
        assert!(!occurs(&db, &bytes(h.token["output"].as_str().unwrap())));
    }
    // Spent inputs are kept (so a replay is refused), the unspent one is not.
    assert!(occurs(
        &db,
        &bytes(held[0].token["input"].as_str().unwrap())
    ));
    assert!(!occurs(
        &db,
        &bytes(held[2].token["input"].as_str().unwrap())
    ));

    let conn = rusqlite::Connection::open(&db).unwrap();
    let columns = |table: &str| -> Vec<String> {
        let mut query = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap();
        query
            .query_map([], |row| row.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    // The spent-token store holds an epoch and an input: no identity, nothing about the report.
    assert_eq!(columns("spent_tokens"), ["epoch", "input"]);
    // The issuance count is under a keyed hash of the identity, 32 bytes.
    assert_eq!(columns("issued"), ["week", "person", "n"]);
    let (person, n): (Vec<u8>, u32) = conn
        .query_row("SELECT person, n FROM issued", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .unwrap();
    assert_eq!((person.len(), n), (32, 3));
    use sha2::Digest;
    assert_ne!(
        person,
        sha2::Sha256::digest(identity).to_vec(),
        "keyed, not a plain hash"
    );
}

#[test]
fn without_credentials_nothing_changes() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    server
        .get("/api/v1/tokens/key")
        .assert_error(404, "credentials_off");
    let answer = file(
        &server,
        &[report(1, THIS_WEEK, "code_review", "none", 1)],
        &[json!({"epoch": THIS_WEEK, "input": "x", "output": "y"})],
    );
    assert_eq!(answer["accepted"], 1, "tokens are ignored: {answer}");
}

#[test]
fn credentials_without_a_trusted_proxy_do_not_start() {
    let (dir, db) = temp_db();
    let config = config_file(dir.path());
    let output = Start::new(&db)
        .args(&["--config", &config])
        .command()
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--trusted-proxy"), "{stderr}");
    assert!(!db.exists(), "refused before the database is opened");
}
