//! The sync API of SPEC §4 against the real binary and a real SQLite file.

mod common;

use candor_core::{audit, Published};
use common::{batch, every_n, report, reports, temp_db, Server, Start, LAST_WEEK, THIS_WEEK};
use serde_json::{json, Value};

const CONFIG_WITH_TEAMS: &str = r#"{
  "tasks": [{"id": "code_review", "label": "Code review"}, {"id": "incident", "label": "Incident"}],
  "tools": [{"id": "chat", "label": "Chat"}, {"id": "agent", "label": "Agent"}],
  "teams": [{"id": "payments", "label": "Payments"}, {"id": "search", "label": "Search"}],
  "k": 3
}"#;

#[test]
fn health_and_config_are_served_with_sync_url_filled_in() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    assert_eq!(server.get("/api/v1/health").json(), json!({"status": "ok"}));

    let config = server.get("/api/v1/config");
    assert_eq!(config.status, 200);
    assert_eq!(config.header("cache-control"), Some("no-cache"));
    let body = config.json();
    assert_eq!(body["sync_url"], "/api/v1");
    assert_eq!(body["k"], 5);
    assert_eq!(body["tasks"][0]["id"], "code_review");
    // The app reads its config next to index.html: the same document.
    assert_eq!(server.get("/candor.json").json(), body);
    candor_core::Config::from_json(&config.body).expect("the app can read it");
}

#[test]
fn the_config_file_comes_from_the_option_or_the_environment() {
    let (dir, db) = temp_db();
    let file = dir.path().join("site.json");
    std::fs::write(&file, CONFIG_WITH_TEAMS).unwrap();
    let by_option = Start::new(&db)
        .args(&["--config", file.to_str().unwrap()])
        .run();
    assert_eq!(
        by_option.get("/api/v1/config").json()["teams"][1]["id"],
        "search"
    );
    drop(by_option);
    let by_env = Start::new(&db)
        .env("CANDOR_CONFIG", file.to_str().unwrap())
        .run();
    assert_eq!(by_env.get("/api/v1/config").json()["k"], 3);
}

#[test]
fn translated_labels_are_served_as_the_file_gives_them() {
    let (dir, db) = temp_db();
    let file = dir.path().join("site.json");
    let translated = CONFIG_WITH_TEAMS
        .replace(
            r#""label": "Code review""#,
            r#""label": {"en": "Code review", "de": "Code-Review", "ar": "مراجعة الشيفرة"}"#,
        )
        .replace(
            r#""label": "Payments""#,
            r#""label": {"en": "Payments", "ja": "決済"}, "description": {"en": "Card payments", "fr": "Paiements par carte"}"#,
        );
    std::fs::write(&file, &translated).unwrap();
    let server = Start::new(&db)
        .args(&["--config", file.to_str().unwrap()])
        .run();
    let body = server.get("/api/v1/config").json();
    assert_eq!(
        body["tasks"][0]["label"],
        json!({"en": "Code review", "de": "Code-Review", "ar": "مراجعة الشيفرة"})
    );
    assert_eq!(body["tasks"][1]["label"], "Incident");
    assert_eq!(
        body["teams"][0]["label"],
        json!({"en": "Payments", "ja": "決済"})
    );
    assert_eq!(
        body["teams"][0]["description"],
        json!({"en": "Card payments", "fr": "Paiements par carte"})
    );
    assert_eq!(server.get("/candor.json").json(), body);
}

#[test]
fn an_invalid_config_stops_the_server_naming_the_field() {
    let (dir, db) = temp_db();
    let file = dir.path().join("bad.json");
    std::fs::write(
        &file,
        r#"{"tasks":[{"id":"a","label":"A"}],"tools":[],"k":2}"#,
    )
    .unwrap();
    let output = Start::new(&db)
        .args(&["--config", file.to_str().unwrap()])
        .command()
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty(), "no listening line");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("bad.json") && stderr.contains("field `k`"),
        "{stderr}"
    );
}

#[test]
fn a_retried_batch_is_counted_once() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let sent = reports(1, 12, LAST_WEEK, "tests", "agent");
    assert_eq!(
        server.send(&sent),
        json!({"accepted": 12, "duplicates": 0, "rejected": []})
    );
    let before = server.aggregate("");
    assert_eq!(before["total"]["n"], 12);
    assert_eq!(
        server.send(&sent),
        json!({"accepted": 0, "duplicates": 12, "rejected": []})
    );
    // The same id twice in one batch is one report too.
    let twice = [
        report(100, LAST_WEEK, "tests", "agent", 1),
        report(100, LAST_WEEK, "tests", "agent", 1),
    ];
    assert_eq!(
        server.send(&twice),
        json!({"accepted": 1, "duplicates": 1, "rejected": []})
    );
    let after = server.aggregate("");
    assert_eq!(after["total"]["n"], 13);
    assert_eq!(after["cells"][0]["outcomes"], json!([3, 3, 2, 3, 2]));
}

#[test]
fn a_mixed_batch_stores_the_valid_and_names_each_rejection() {
    let (dir, db) = temp_db();
    let file = dir.path().join("teams.json");
    std::fs::write(&file, CONFIG_WITH_TEAMS).unwrap();
    let server = Start::new(&db)
        .args(&["--config", file.to_str().unwrap()])
        .run();
    let mut unknown_field = report(3, LAST_WEEK, "incident", "chat", 0);
    unknown_field["efort"] = json!("low");
    let mut reasons_on_success = report(5, LAST_WEEK, "incident", "chat", 1);
    reasons_on_success["reasons"] = json!(["wrong"]);
    let mut unknown_team = report(6, LAST_WEEK, "incident", "chat", 1);
    unknown_team["team"] = json!("marketing");
    let mut with_team = report(7, LAST_WEEK, "incident", "chat", -1);
    with_team["team"] = json!("payments");
    with_team["reasons"] = json!(["context"]);
    let items = [
        report(1, LAST_WEEK, "incident", "chat", 1),
        report(2, LAST_WEEK, "gardening", "chat", 1),
        unknown_field,
        report(4, LAST_WEEK, "incident", "oracle", 3),
        reasons_on_success,
        unknown_team,
        with_team,
        json!("not a report"),
        report(9, "2026-W22", "incident", "chat", 0),
    ];
    // A field written twice cannot be built with json!, so the body is spliced by hand.
    let mut body = batch(&items);
    body.truncate(body.len() - "]}".len());
    body.push_str(
        r#",{"v":1,"id":"0000000000000000000000000000000a","week":"2026-W20","task":"incident","tool":"chat","outcome":1,"outcome":-2}]}"#,
    );
    let reply = server.post("/api/v1/reports", "application/json; charset=utf-8", &body);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let answer = reply.json();
    assert_eq!(answer["accepted"], 2);
    assert_eq!(answer["duplicates"], 0);
    let rejected: Vec<(u64, String, Option<String>)> = answer["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            assert!(r["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()));
            (
                r["index"].as_u64().unwrap(),
                r["error"]["code"].as_str().unwrap().to_owned(),
                r["error"]["field"].as_str().map(str::to_owned),
            )
        })
        .collect();
    let expected: Vec<(u64, &str, Option<&str>)> = vec![
        (1, "unknown_task", Some("task")),
        (2, "unknown_field", Some("efort")),
        (3, "out_of_range", Some("outcome")),
        (4, "reasons_need_negative_outcome", Some("reasons")),
        (5, "unknown_team", Some("team")),
        (7, "not_an_object", None),
        (8, "week_in_future", Some("week")),
        (9, "malformed_json", Some("outcome")),
    ];
    let expected: Vec<(u64, String, Option<String>)> = expected
        .into_iter()
        .map(|(i, c, f)| (i, c.to_owned(), f.map(str::to_owned)))
        .collect();
    assert_eq!(rejected, expected);
}

#[test]
fn every_error_has_its_status_code_and_shape() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let reports_path = "/api/v1/reports";

    let malformed = server.post(
        reports_path,
        "application/json",
        "{\"reports\": [{\"v\": 1,",
    );
    malformed.assert_error(400, "malformed_json");
    assert!(malformed.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("line 1 column"));
    let field = server
        .post(reports_path, "application/json", "{\"reports\": {}}")
        .assert_error(400, "bad_batch");
    assert_eq!(field.as_deref(), Some("reports"));
    server
        .post(reports_path, "application/json", "[]")
        .assert_error(400, "bad_batch");

    server
        .post(reports_path, "text/plain", &batch(&[]))
        .assert_error(415, "unsupported_media_type");
    server
        .post(
            reports_path,
            "application/x-www-form-urlencoded",
            "reports=1",
        )
        .assert_error(415, "unsupported_media_type");

    let huge = format!(
        "{{\"reports\":[{{\"pad\":\"{}\"}}]}}",
        "x".repeat(1024 * 1024 + 10)
    );
    server
        .post(reports_path, "application/json", &huge)
        .assert_error(413, "body_too_large");

    let too_many = reports(1, 501, LAST_WEEK, "docs", "chat");
    let field = server
        .post(reports_path, "application/json", &batch(&too_many))
        .assert_error(413, "batch_too_large");
    assert_eq!(field.as_deref(), Some("reports"));
    // 500 is allowed.
    assert_eq!(server.send(&too_many[..500])["accepted"], 500);

    for path in [
        "/api/v1/nope",
        "/api/v1",
        "/api",
        "/api/v2/reports",
        "/api/v1/reports/1",
    ] {
        server.get(path).assert_error(404, "not_found");
    }
    server
        .get(reports_path)
        .assert_error(405, "method_not_allowed");
    server
        .post("/api/v1/health", "application/json", "{}")
        .assert_error(405, "method_not_allowed");

    for (query, parameter, code) in [
        ("?perod=all", "perod", "unknown_parameter"),
        ("?period=2026-13", "period", "bad_parameter"),
        ("?period=all&period=all", "period", "repeated_parameter"),
        ("?mandated=yes", "mandated", "bad_parameter"),
        ("?effort=", "effort", "bad_parameter"),
        ("?complexity=hard", "complexity", "bad_parameter"),
        ("?team=%20", "team", "bad_parameter"),
    ] {
        for path in ["/api/v1/aggregate", "/api/v1/aggregate.csv"] {
            let field = server
                .get(&format!("{path}{query}"))
                .assert_error(400, code);
            assert_eq!(field.as_deref(), Some(parameter), "{path}{query}");
        }
    }
}

#[test]
fn a_week_later_than_the_servers_is_refused() {
    let (_dir, db) = temp_db();
    let server = Start::new(&db).today("2026-05-24").run(); // Sunday of 2026-W21
    let answer = server.send(&[
        report(1, THIS_WEEK, "docs", "chat", 1),
        report(2, "2026-W22", "docs", "chat", 1),
        report(3, "2027-W01", "docs", "chat", 1),
    ]);
    assert_eq!(answer["accepted"], 1);
    let codes: Vec<_> = answer["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["index"].clone(),
                r["error"]["code"].clone(),
                r["error"]["field"].clone(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            (json!(1), json!("week_in_future"), json!("week")),
            (json!(2), json!("week_in_future"), json!("week"))
        ]
    );
}

#[test]
fn only_closed_weeks_are_published() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    server.send(&reports(1, 10, LAST_WEEK, "docs", "chat"));
    server.send(&reports(100, 7, THIS_WEEK, "docs", "chat"));
    let now = server.aggregate("");
    assert_eq!(now["total"]["n"], 10);
    assert_eq!(now["weeks"], json!({"from": LAST_WEEK, "to": LAST_WEEK}));
    server.kill();

    // A week later the week has closed, and its reports show.
    let later = Start::new(&db).today("2026-05-25").run();
    let next_week = later.aggregate("");
    assert_eq!(next_week["total"]["n"], 17);
    assert_eq!(
        next_week["weeks"],
        json!({"from": LAST_WEEK, "to": THIS_WEEK})
    );
}

#[test]
fn no_group_of_fewer_than_k_is_published_in_json_or_csv() {
    let (dir, db) = temp_db();
    let file = dir.path().join("teams.json");
    std::fs::write(&file, CONFIG_WITH_TEAMS.replace("\"k\": 3", "\"k\": 5")).unwrap();
    let server = Start::new(&db)
        .args(&["--config", file.to_str().unwrap()])
        .run();
    // Cells of every size from 1 to 12, spread over tasks, tools, teams and answers.
    let mut all = Vec::new();
    let mut id = 1u128;
    let cells = [
        ("code_review", "none", 12),
        ("code_review", "chat", 1),
        ("code_review", "agent", 6),
        ("incident", "none", 4),
        ("incident", "chat", 9),
        ("incident", "agent", 2),
    ];
    for (task, tool, size) in cells {
        for i in 0..size {
            let mut r = report(id, LAST_WEEK, task, tool, (i % 5) as i8 - 2);
            if i % 3 == 0 {
                r["team"] = json!("payments");
            }
            if i % 2 == 0 {
                r["mandated"] = json!(i % 4 == 0);
            }
            all.push(r);
            id += 1;
        }
    }
    assert_eq!(server.send(&all)["accepted"], 34);
    for query in [
        "",
        "?team=payments",
        "?mandated=true",
        "?mandated=false",
        "?period=2026-05",
        "?period=2026-Q2",
    ] {
        let body = server.aggregate(query);
        for n in every_n(&body) {
            assert!(
                n.is_null() || n == 0 || n.as_u64().unwrap() >= 5,
                "{query}: n = {n} in {body}"
            );
        }
        for cell in body["cells"].as_array().unwrap() {
            if cell["n"].is_null() {
                assert_eq!(
                    cell.as_object().unwrap().len(),
                    3,
                    "a hidden cell says nothing else: {cell}"
                );
            }
        }
        // The app reads the same body, and it passes the audit.
        let published: Published = serde_json::from_value(body).unwrap();
        audit(&published, 5).unwrap_or_else(|err| panic!("{query}: {err}"));

        let csv = server.get(&format!("/api/v1/aggregate.csv{query}"));
        assert_eq!(csv.status, 200);
        assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
        let mut lines = csv.body.lines();
        assert!(lines.next().unwrap().starts_with("task,tool,n,much_worse,"));
        let rows: Vec<Vec<&str>> = lines.map(|line| line.split(',').collect()).collect();
        assert_eq!(rows.len(), published.cells.len());
        for (row, cell) in rows.iter().zip(&published.cells) {
            assert_eq!(row.len(), 16);
            assert_eq!((row[0], row[1]), (cell.task.as_str(), cell.tool.as_str()));
            match cell.n {
                Some(n) => assert_eq!(row[2].parse::<u64>().unwrap(), n),
                None => assert!(row[2..].iter().all(|f| f.is_empty()), "{row:?}"),
            }
        }
    }
    // The full view hides the single report and what would give it away.
    let body = server.aggregate("");
    // The grand total (34) would tell the sum of the three hidden cells.
    assert!(body["total"]["n"].is_null(), "{body}");
    let cell = |task: &str, tool: &str| {
        body["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["task"] == task && c["tool"] == tool)
            .cloned()
            .unwrap()
    };
    assert!(cell("code_review", "chat")["n"].is_null());
    assert!(cell("incident", "agent")["n"].is_null());
}

#[test]
fn filters_pick_their_reports() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let mut mandated = reports(1, 6, "2026-W10", "feature", "agent");
    for r in &mut mandated {
        r["mandated"] = json!(true);
        r["effort"] = json!("high");
        r["complexity"] = json!("complex");
    }
    let chosen = reports(100, 8, "2026-W15", "feature", "agent");
    server.send(&mandated);
    server.send(&chosen);
    let n = |query: &str| server.aggregate(query)["total"]["n"].clone();
    assert_eq!(n(""), 14);
    assert_eq!(n("?mandated=true"), 6);
    assert_eq!(n("?mandated=false"), 0);
    assert_eq!(n("?effort=high"), 6);
    assert_eq!(n("?complexity=complex"), 6);
    // Two filters besides the period are not published together (SPEC §5.2).
    server
        .get("/api/v1/aggregate?effort=high&complexity=complex")
        .assert_error(400, "not_published");
    server
        .get("/api/v1/aggregate.csv?period=2026-Q1&team=web&effort=high")
        .assert_error(400, "not_published");
    assert_eq!(n("?period=2026-03"), 6);
    assert_eq!(n("?period=2026-04"), 8);
    assert_eq!(n("?period=2026-Q1"), 6);
    assert_eq!(n("?period=2025-Q1"), 0);
    assert_eq!(n("?period=all"), 14);
}

#[test]
fn the_openapi_document_lists_every_path() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let doc = server.get("/api/v1/openapi.json").json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for path in [
        "/health",
        "/config",
        "/reports",
        "/aggregate",
        "/aggregate/choices",
        "/aggregate.csv",
        "/pilots",
        "/pilots/{id}",
        "/openapi.json",
    ] {
        assert!(
            paths.contains(&format!("/api/v1{path}").as_str()),
            "{path} in {paths:?}"
        );
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for schema in [
        "Published",
        "PublishedCell",
        "ErrorBody",
        "ServerError",
        "Batch",
        "BatchAnswer",
        "RejectedIndex",
        "Report",
        "PilotList",
        "PilotSummary",
        "PilotView",
        "BeforeAfter",
        "ArmResults",
        "Effect",
    ] {
        assert!(schemas.contains_key(schema), "{schema}");
    }
    // The pilot's id is an identifier, as the config's ids are, and an unknown one is a 404.
    let pilot = &doc["paths"]["/api/v1/pilots/{id}"]["get"];
    let id = &pilot["parameters"][0];
    assert_eq!(
        (id["name"].as_str(), id["in"].as_str()),
        (Some("id"), Some("path"))
    );
    assert_eq!(id["schema"]["pattern"], candor_core::IDENTIFIER_PATTERN);
    let refs = |status: &str| {
        pilot["responses"][status]["content"]["application/json"]["schema"]["$ref"].clone()
    };
    assert_eq!(refs("200"), "#/components/schemas/PilotView");
    assert_eq!(refs("404"), "#/components/schemas/ErrorBody");
    let list = &doc["paths"]["/api/v1/pilots"]["get"]["responses"]["200"];
    assert_eq!(
        list["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/PilotList"
    );
    let arm = &schemas["ArmResults"];
    assert_eq!(arm["required"], json!(["arm", "n"]), "{arm}");
    let cell = &schemas["PublishedCell"]["properties"];
    for field in ["task", "tool", "n", "outcomes", "helped", "reasons"] {
        assert!(cell.get(field).is_some(), "PublishedCell.{field}");
    }
}

#[test]
fn demo_seeds_an_empty_database_once() {
    let (_dir, db) = temp_db();
    let first = Start::new(&db).args(&["--demo"]).run();
    let body = first.aggregate("");
    // The grand total is withheld where it would sum hidden cells; the shown cells hold most reports.
    let shown: u64 = body["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["n"].as_u64())
        .sum();
    assert!((1500..=3500).contains(&shown), "{shown}");
    let hidden = body["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["n"].is_null())
        .count();
    assert!(hidden > 0, "the demo shows what a hidden cell looks like");
    first.kill();
    let again = Start::new(&db).env("CANDOR_DEMO", "true").run();
    assert_eq!(again.aggregate("")["cells"], body["cells"]);
}

#[test]
fn cors_is_off_unless_an_origin_is_allowed() {
    let (_dir, db) = temp_db();
    let origin = |server: &Server, from: &str| {
        server
            .get_with("/api/v1/health", &[("origin", from)])
            .header("access-control-allow-origin")
            .map(str::to_owned)
    };
    let closed = Server::start(&db);
    assert_eq!(origin(&closed, "https://intranet.example"), None);
    drop(closed);
    let open = Start::new(&db)
        .env(
            "CANDOR_CORS_ORIGINS",
            "https://intranet.example,http://localhost:3000",
        )
        .run();
    assert_eq!(
        origin(&open, "https://intranet.example").as_deref(),
        Some("https://intranet.example")
    );
    assert_eq!(origin(&open, "https://elsewhere.example"), None);
    drop(open);
    let bad = Start::new(&db)
        .args(&["--cors-origin", "intranet.example/path"])
        .command()
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--cors-origin"));
}

#[test]
fn reports_of_every_shape_round_trip_into_counts() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let full: Vec<Value> = (0..5u128)
        .map(|i| {
            json!({"v":1,"id":format!("{:032x}", 500 + i),"week":LAST_WEEK,"task":"debugging","tool":"chat",
                   "outcome":-1,"effort":"high","mandated":false,"complexity":"complex",
                   "reasons":["wrong","context"]})
        })
        .collect();
    assert_eq!(server.send(&full)["accepted"], 5);
    let body = server.aggregate("?effort=high");
    for query in ["?mandated=false", "?complexity=complex"] {
        assert_eq!(server.aggregate(query)["cells"], body["cells"], "{query}");
    }
    let cell = &body["cells"][0];
    assert_eq!(cell["n"], 5);
    assert_eq!(cell["outcomes"], json!([0, 5, 0, 0, 0]));
    assert_eq!(cell["reasons"], json!({"context": 5, "wrong": 5}));
    assert_eq!(cell["helped"]["share"], 0.0);
}

/// The document describes the core's types with the core's own rules, and
/// what the server answers reads back through the core's readers (the app's).
#[test]
fn the_api_document_and_answers_are_the_cores() {
    use candor_core::{
        BatchAnswer, IsoWeek, ReportId, ServerError, FORMAT_VERSION, IDENTIFIER_PATTERN, MAX_BATCH,
        MAX_REASONS, MINUTE_BUCKETS, OUTCOME_MAX, OUTCOME_MIN, PILOT_FORMAT_VERSION,
    };
    let (_dir, db) = temp_db();
    let server = Server::start(&db);
    let doc = server.get("/api/v1/openapi.json").json();
    let schemas = &doc["components"]["schemas"];
    let report_schema = &schemas["Report"];
    let field = |name: &str| &report_schema["properties"][name];
    assert_eq!(field("week")["pattern"], IsoWeek::PATTERN);
    assert_eq!(field("id")["pattern"], ReportId::PATTERN);
    for id in ["task", "tool", "team"] {
        assert_eq!(field(id)["pattern"], IDENTIFIER_PATTERN, "{id}");
    }
    assert_eq!(field("v")["minimum"], json!(FORMAT_VERSION));
    assert_eq!(field("v")["maximum"], json!(PILOT_FORMAT_VERSION));
    assert_eq!(field("forecast")["enum"], json!(MINUTE_BUCKETS));
    assert_eq!(field("arm")["enum"], json!(["ai", "no_ai"]));
    assert_eq!(field("outcome")["minimum"], json!(OUTCOME_MIN));
    assert_eq!(field("outcome")["maximum"], json!(OUTCOME_MAX));
    assert_eq!(field("reasons")["maxItems"], json!(MAX_REASONS));
    assert_eq!(field("effort")["enum"], json!(["low", "medium", "high"]));
    assert_eq!(report_schema["additionalProperties"], json!(false));
    assert_eq!(
        report_schema["required"],
        json!(["v", "id", "week", "task", "tool", "outcome"])
    );
    let batch_schema = &schemas["Batch"];
    assert_eq!(
        batch_schema["properties"]["reports"]["maxItems"],
        json!(MAX_BATCH)
    );
    assert_eq!(
        batch_schema["properties"]["reports"]["items"]["$ref"],
        "#/components/schemas/Report"
    );
    let body =
        &doc["paths"]["/api/v1/reports"]["post"]["requestBody"]["content"]["application/json"];
    assert_eq!(body["schema"]["$ref"], "#/components/schemas/Batch");

    // A real answer with a refusal, read as the app reads it.
    let mut bad = report(2, LAST_WEEK, "code_review", "none", 1);
    bad["task"] = json!("no_such_task");
    let reply = server.post(
        "/api/v1/reports",
        "application/json",
        &batch(&[report(1, LAST_WEEK, "code_review", "none", 1), bad]),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let answer = BatchAnswer::from_json(&reply.body).expect("the core reads the answer");
    assert_eq!((answer.accepted, answer.duplicates), (1, 0));
    assert_eq!(answer.rejected[0].index, 1);
    assert_eq!(answer.rejected[0].error.code, "unknown_task");
    assert_eq!(answer.rejected[0].error.field.as_deref(), Some("task"));

    // A real error body, read as the app reads it.
    let reply = server.post("/api/v1/reports", "application/json", "{\"reports\": [");
    assert_eq!(reply.status, 400);
    let error = ServerError::from_response(&reply.body).expect("the core reads the error");
    assert_eq!((error.code.as_str(), error.field), ("malformed_json", None));
}
