//! Limits as layers on their routes (SPEC §6.7), seen from outside: the real
//! binary on 127.0.0.1.

mod common;

use common::{batch, report, temp_db, Start, LAST_WEEK};

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
