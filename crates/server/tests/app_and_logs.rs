//! Serving the built app, stopping cleanly, and what the logs may say.

mod common;

use std::path::Path;

use common::{report, temp_db, Server, Start, LAST_WEEK};

const JS: &str = "candor-0123456789abcdef.js";
const WASM: &str = "candor-0123456789abcdef_bg.wasm";
const CSS: &str = "main-abc123def456.css";

/// A stand-in for Trunk's output: the names and shapes matter, not the code.
fn fake_dist(dir: &Path) -> std::path::PathBuf {
    let dist = dir.join("dist");
    std::fs::create_dir(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        format!("<!doctype html><title>Candor</title><script type=module src=./{JS}></script>"),
    )
    .unwrap();
    std::fs::write(
        dist.join(JS),
        "export default function init() {}\n".repeat(200),
    )
    .unwrap();
    std::fs::write(dist.join(WASM), [0u8, 97, 115, 109, 1, 0, 0, 0]).unwrap();
    std::fs::write(dist.join(CSS), "body { margin: 0 }\n").unwrap();
    // The build's own copy; the server must serve its --config instead.
    std::fs::write(dist.join("candor.json"), r#"{"stale": true}"#).unwrap();
    dist
}

#[test]
fn the_app_is_served_with_fallback_and_cache_headers() {
    let (dir, db) = temp_db();
    let dist = fake_dist(dir.path());
    let server = Start::new(&db).dist(&dist).run();

    for page in ["/", "/index.html", "/history", "/map", "/history/"] {
        let reply = server.get(page);
        assert_eq!(reply.status, 200, "{page}");
        assert!(reply.body.contains("<title>Candor</title>"), "{page}");
        assert_eq!(reply.header("cache-control"), Some("no-cache"), "{page}");
        assert!(reply
            .header("content-type")
            .unwrap()
            .starts_with("text/html"));
    }
    for asset in [JS, WASM, CSS] {
        let reply = server.get(&format!("/{asset}"));
        assert_eq!(reply.status, 200, "{asset}");
        assert_eq!(
            reply.header("cache-control"),
            Some("public, max-age=31536000, immutable"),
            "{asset}"
        );
    }
    assert_eq!(
        server.get(&format!("/{WASM}")).header("content-type"),
        Some("application/wasm")
    );
    let missing = server.get("/candor-ffffffffffffffff.js");
    assert_eq!(missing.status, 404);
    assert_eq!(missing.header("cache-control"), Some("no-cache"));

    let config = server.get("/candor.json");
    assert_eq!(config.header("cache-control"), Some("no-cache"));
    assert_eq!(config.json()["sync_url"], "/api/v1");

    let zipped = server.get_with(&format!("/{JS}"), &[("accept-encoding", "gzip")]);
    assert_eq!(zipped.header("content-encoding"), Some("gzip"));
    for reply in [server.get("/"), server.get("/api/v1/health")] {
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(reply.header("referrer-policy"), Some("no-referrer"));
    }
}

#[test]
fn a_precompressed_copy_is_sent_as_it_is_to_browsers_that_accept_gzip() {
    let (dir, db) = temp_db();
    let dist = fake_dist(dir.path());
    // What scripts/precompress.mjs writes beside each hashed asset; the
    // server must send these bytes untouched, not compress anything again.
    std::fs::write(dist.join(format!("{CSS}.gz")), "precompressed copy").unwrap();
    let server = Start::new(&db).dist(&dist).run();

    let zipped = server.get_with(&format!("/{CSS}"), &[("accept-encoding", "gzip")]);
    assert_eq!(zipped.status, 200);
    assert_eq!(zipped.header("content-encoding"), Some("gzip"));
    assert_eq!(zipped.body, "precompressed copy");
    assert!(zipped
        .header("content-type")
        .unwrap()
        .starts_with("text/css"));
    assert_eq!(
        zipped.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let plain = server.get_with(&format!("/{CSS}"), &[("accept-encoding", "identity")]);
    assert_eq!(plain.header("content-encoding"), None);
    assert_eq!(plain.body, "body { margin: 0 }\n");
}

#[test]
fn without_a_built_app_the_api_works_and_pages_say_how_to_build() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let page = server.get("/");
    assert_eq!(page.status, 503);
    assert!(page.body.contains("./candor build"), "{}", page.body);
    assert_eq!(server.get("/history").status, 503);
    assert_eq!(server.get("/api/v1/health").status, 200);
}

#[test]
fn logs_name_requests_but_never_addresses_or_report_ids() {
    let (_dir, db) = temp_db();
    let server = Start::new(&db).env("RUST_LOG", "trace").run();
    let id_hex = format!("{:032x}", 0xfeed_beef_u128);
    server.send(&[report(0xfeed_beef, LAST_WEEK, "docs", "chat", 1)]);
    server.send(&[report(0xfeed_beef, LAST_WEEK, "docs", "chat", 1)]);
    server.get("/api/v1/aggregate?team=secret-team-name");
    server.get("/api/v1/nope");
    let (status, logs) = server.stop();
    assert!(
        status.success(),
        "SIGTERM stops the server cleanly: {status}\n{logs}"
    );
    assert!(logs.contains("POST /api/v1/reports 200"), "{logs}");
    assert!(logs.contains("GET /api/v1/aggregate 200"), "{logs}");
    assert!(logs.contains("GET /api/v1/nope 404"), "{logs}");
    for secret in ["127.0.0.1", &id_hex, "feedbeef", "secret-team-name", "ureq"] {
        assert!(!logs.contains(secret), "logs carry {secret:?}:\n{logs}");
    }
}
