//! Pilots over HTTP (SPEC §10): v2 reports in, results under §5 out, against the real binary.
//!
//! The clock is fixed at [`TODAY`] (2026-W21): weeks up to 2026-W20 are
//! closed, 2026-W21 is open.

mod common;

use std::path::Path;

use common::{temp_db, Server, Start, LAST_WEEK, THIS_WEEK};
use serde_json::{json, Value};

/// A config with three pilots: `trial` (randomized, 2026-W18 to W24),
/// `choice` (people choose, W19 to W22) and `later` (not started).
fn config_file(dir: &Path) -> String {
    let path = dir.join("candor.json");
    let pilot = |id: &str, from: &str, to: &str, randomize: bool| {
        json!({"id": id, "label": format!("Pilot {id}"), "tasks": ["tests", "debugging"],
               "tools": ["agent"], "from": from, "to": to, "randomize": randomize})
    };
    std::fs::write(
        &path,
        json!({
            "tasks": [{"id": "code_review", "label": "Code review"},
                      {"id": "tests", "label": "Tests"},
                      {"id": "debugging", "label": "Debugging"}],
            "tools": [{"id": "chat", "label": "Chat"}, {"id": "agent", "label": "Agent"}],
            "k": 5,
            "pilots": [pilot("trial", "2026-W18", "2026-W24", true),
                       pilot("choice", "2026-W19", "2026-W22", false),
                       pilot("later", "2026-W30", "2026-W32", true)],
        })
        .to_string(),
    )
    .unwrap();
    path.display().to_string()
}

fn start(dir: &Path, db: &Path) -> Server {
    Start::new(db).args(&["--config", &config_file(dir)]).run()
}

/// A v2 report of the task `tests` in `pilot`; `arm` only where given.
fn pilot_report(id: u128, week: &str, pilot: &str, arm: Option<&str>, tool: &str) -> Value {
    // Varied times and outcomes, so every group has a spread.
    let forecasts = [15, 30, 45, 60, 90];
    let actuals = [20, 30, 60, 60, 120];
    let at = (id % 5) as usize;
    let mut report = json!({
        "v": 2, "id": format!("{id:032x}"), "week": week, "task": "tests", "tool": tool,
        "outcome": (id % 3) as i64, "pilot": pilot,
        "forecast": forecasts[at], "actual": actuals[(at + id as usize / 5) % 5],
    });
    if let Some(arm) = arm {
        report["arm"] = json!(arm);
    }
    report
}

/// `count` reports of one arm of `trial`, ids from `first`.
fn trial(first: u128, count: usize, week: &str, arm: &str) -> Vec<Value> {
    let tool = if arm == "ai" { "agent" } else { "none" };
    (0..count as u128)
        .map(|i| pilot_report(first + i, week, "trial", Some(arm), tool))
        .collect()
}

fn view(server: &Server, id: &str) -> Value {
    let reply = server.get(&format!("/api/v1/pilots/{id}"));
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

/// The `n` of each whole-pilot arm, `ai` then `no_ai`.
fn arm_sizes(view: &Value) -> [Value; 2] {
    [view["arms"][0]["n"].clone(), view["arms"][1]["n"].clone()]
}

#[test]
fn a_v2_report_is_accepted_and_counted_and_v1_reports_still_are() {
    let (dir, db) = temp_db();
    let server = start(dir.path(), &db);
    let mut batch = trial(1, 6, LAST_WEEK, "ai");
    batch.extend(trial(100, 7, "2026-W19", "no_ai"));
    batch.push(common::report(500, LAST_WEEK, "tests", "agent", 1));
    let answer = server.send(&batch);
    assert_eq!(
        answer,
        json!({"accepted": 14, "duplicates": 0, "rejected": []})
    );

    let body = view(&server, "trial");
    assert_eq!(body["pilot"], "trial");
    assert_eq!(body["label"], "Pilot trial");
    assert_eq!(body["k"], 5);
    assert_eq!(body["randomized"], true);
    assert_eq!(body["weeks"], json!({"from": "2026-W18", "to": "2026-W24"}));
    assert_eq!(
        body["counted"],
        json!({"from": "2026-W18", "to": "2026-W20"})
    );
    assert_eq!(arm_sizes(&body), [json!(6), json!(7)]);
    assert_eq!(body["tasks"][0]["task"], "tests");
    assert!(body["arms"][0]["time"]["ratio"].is_number(), "{body}");
    assert!(body["arms"][0]["felt"]["mean"].is_number(), "{body}");
    assert!(body["effect"]["verdict"].is_string(), "{body}");
    // A randomized pilot is not compared with the weeks before it.
    assert!(body.get("before_after").is_none(), "{body}");
    // Pilot reports are reports of the team map too.
    let map = server.aggregate("");
    let cell = |tool: &str| {
        map["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["task"] == "tests" && c["tool"] == tool)
            .map(|c| c["n"].clone())
    };
    assert_eq!(cell("agent"), Some(json!(7)));
    assert_eq!(cell("none"), Some(json!(7)));
}

#[test]
fn each_pilot_rule_is_refused_with_its_field_and_code() {
    let (dir, db) = temp_db();
    let server = start(dir.path(), &db);
    let good = || pilot_report(1, LAST_WEEK, "trial", Some("ai"), "agent");
    let with = |id: u128, change: &dyn Fn(&mut Value)| {
        let mut report = good();
        report["id"] = json!(format!("{id:032x}"));
        change(&mut report);
        report
    };
    let cases: Vec<(Value, &str, &str)> = vec![
        (
            with(10, &|r| r["pilot"] = json!("nope")),
            "pilot",
            "unknown_pilot",
        ),
        (
            with(11, &|r| r["week"] = json!("2026-W17")),
            "week",
            "week_outside_pilot",
        ),
        (
            with(12, &|r| r["task"] = json!("code_review")),
            "task",
            "task_not_in_pilot",
        ),
        (
            with(13, &|r| r["tool"] = json!("chat")),
            "tool",
            "tool_not_in_pilot",
        ),
        (
            with(14, &|r| {
                r.as_object_mut().unwrap().remove("arm");
            }),
            "arm",
            "arm_required",
        ),
        (
            with(15, &|r| r["pilot"] = json!("choice")),
            "arm",
            "arm_not_randomized",
        ),
        (
            with(16, &|r| r["forecast"] = json!(25)),
            "forecast",
            "not_a_bucket",
        ),
        (
            with(17, &|r| r["actual"] = json!(0)),
            "actual",
            "not_a_bucket",
        ),
        (with(18, &|r| r["v"] = json!(1)), "pilot", "needs_version_2"),
    ];
    let mut batch: Vec<Value> = cases.iter().map(|(report, _, _)| report.clone()).collect();
    batch.push(good());
    let answer = server.send(&batch);
    assert_eq!(answer["accepted"], 1, "{answer}");
    let rejected = answer["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), cases.len(), "{answer}");
    for (index, ((_, field, code), refusal)) in cases.iter().zip(rejected).enumerate() {
        assert_eq!(refusal["index"], index, "{refusal}");
        assert_eq!(refusal["error"]["code"], *code, "{refusal}");
        assert_eq!(refusal["error"]["field"], *field, "{refusal}");
        assert!(refusal["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }
    // Nothing refused was counted: the one good report is below k, so hidden.
    let body = view(&server, "trial");
    assert_eq!(body["arms"][0], json!({"arm": "ai", "n": null}));
    assert_eq!(body["arms"][1]["n"], 0);
    assert_eq!(view(&server, "choice")["arms"][0]["n"], 0);
}

#[test]
fn results_cover_closed_weeks_only() {
    let (dir, db) = temp_db();
    let server = start(dir.path(), &db);
    server.send(&trial(1, 6, LAST_WEEK, "ai"));
    server.send(&trial(100, 6, LAST_WEEK, "no_ai"));
    let before = view(&server, "trial");
    assert_eq!(arm_sizes(&before), [json!(6), json!(6)]);
    let list = server.get("/api/v1/pilots").body;
    // Reports of the open week change nothing published, however many.
    let now = [
        trial(200, 9, THIS_WEEK, "ai"),
        trial(300, 9, THIS_WEEK, "no_ai"),
    ]
    .concat();
    assert_eq!(server.send(&now)["accepted"], 18);
    assert_eq!(view(&server, "trial"), before);
    assert_eq!(server.get("/api/v1/pilots").body, list);
    drop(server);

    // The week has closed: now, and only now, they count.
    let later = Start::new(&db)
        .today("2026-05-25")
        .args(&["--config", &config_file(dir.path())])
        .run();
    let after = view(&later, "trial");
    assert_eq!(
        after["counted"],
        json!({"from": "2026-W18", "to": "2026-W21"})
    );
    assert_eq!(arm_sizes(&after), [json!(15), json!(15)]);
}

#[test]
fn an_arm_below_k_is_hidden_and_says_nothing_else() {
    let (dir, db) = temp_db();
    let server = start(dir.path(), &db);
    server.send(
        &[
            trial(1, 3, LAST_WEEK, "ai"),
            trial(100, 8, LAST_WEEK, "no_ai"),
        ]
        .concat(),
    );
    let body = view(&server, "trial");
    assert_eq!(body["arms"][0], json!({"arm": "ai", "n": null}));
    assert_eq!(body["arms"][1]["n"], 8);
    assert_eq!(body["tasks"][0]["arms"][0], json!({"arm": "ai", "n": null}));
    assert_eq!(body["effect"], json!({"verdict": "not_enough_reports"}));
    assert!(!body.to_string().contains("\"n\":3"), "{body}");
    let list = server.get("/api/v1/pilots").json();
    assert_eq!(list["pilots"][0]["verdict"], "not_enough_reports");
}

#[test]
fn a_resent_report_counts_once() {
    let (dir, db) = temp_db();
    let server = start(dir.path(), &db);
    let batch = [
        trial(1, 6, LAST_WEEK, "ai"),
        trial(100, 6, LAST_WEEK, "no_ai"),
    ]
    .concat();
    assert_eq!(server.send(&batch)["accepted"], 12);
    let first = view(&server, "trial");
    let again = server.send(&batch);
    assert_eq!(
        (again["accepted"].clone(), again["duplicates"].clone()),
        (json!(0), json!(12))
    );
    assert_eq!(view(&server, "trial"), first);
    assert_eq!(arm_sizes(&first), [json!(6), json!(6)]);
    // Counted once on disk too: a restart reads the same.
    drop(server);
    let restarted = start(dir.path(), &db);
    assert_eq!(view(&restarted, "trial"), first);
}

#[test]
fn an_unknown_pilot_is_404_in_the_error_shape() {
    let (dir, db) = temp_db();
    let server = start(dir.path(), &db);
    for id in ["nope", "Trial", "%FF", "a%2Fb", "trial%20"] {
        let reply = server.get(&format!("/api/v1/pilots/{id}"));
        let field = reply.assert_error(404, "unknown_pilot");
        assert_eq!(field.as_deref(), Some("id"), "{id}");
    }
    server
        .get("/api/v1/pilots/trial/more")
        .assert_error(404, "not_found");
    server
        .post("/api/v1/pilots/trial", "application/json", "{}")
        .assert_error(405, "method_not_allowed");
    // A deployment without pilots lists none, and knows none.
    let (_dir, db) = temp_db();
    let plain = Server::start(&db);
    assert_eq!(
        plain.get("/api/v1/pilots").json(),
        json!({"k": 5, "pilots": []})
    );
    plain
        .get("/api/v1/pilots/demo_tests")
        .assert_error(404, "unknown_pilot");
}

#[test]
fn the_list_gives_every_pilot_in_order_with_its_verdict() {
    let (dir, db) = temp_db();
    let server = start(dir.path(), &db);
    let list = server.get("/api/v1/pilots").json();
    assert_eq!(list["k"], 5);
    let pilots = list["pilots"].as_array().unwrap();
    let ids: Vec<&str> = pilots
        .iter()
        .map(|p| p["pilot"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["trial", "choice", "later"]);
    assert_eq!(
        pilots[1],
        json!({"pilot": "choice", "label": "Pilot choice", "randomized": false,
               "weeks": {"from": "2026-W19", "to": "2026-W22"},
               "tasks": ["tests", "debugging"], "tools": ["agent"],
               "verdict": "not_enough_reports"})
    );
    // A pilot whose first week has not closed counts nothing yet.
    let later = view(&server, "later");
    assert_eq!(later["counted"], Value::Null);
    assert_eq!(arm_sizes(&later), [json!(0), json!(0)]);
    assert_eq!(later["tasks"], json!([]));
    assert_eq!(later["effect"]["verdict"], "not_enough_reports");

    // Enough reports with a clear slowdown: the list says so.
    let slow: Vec<Value> = (0..40u128)
        .flat_map(|i| {
            let forecast = [15, 30, 60, 120][i as usize % 4];
            let report = |id: u128, arm: &str, tool: &str, actual: u32| {
                json!({"v": 2, "id": format!("{id:032x}"), "week": LAST_WEEK, "task": "tests",
                       "tool": tool, "outcome": 1, "pilot": "trial", "arm": arm,
                       "forecast": forecast, "actual": actual})
            };
            let jitter = [1, 2, 1, 2][(i / 4) as usize % 4];
            [
                report(1000 + i, "ai", "agent", forecast * 2 * jitter),
                report(2000 + i, "no_ai", "none", forecast * jitter),
            ]
        })
        .collect();
    assert_eq!(server.send(&slow)["accepted"], 80);
    let list = server.get("/api/v1/pilots").json();
    assert_eq!(list["pilots"][0]["verdict"], "slower", "{list}");
    assert_eq!(view(&server, "trial")["effect"]["verdict"], "slower");
}

#[test]
fn a_pilot_without_randomization_is_set_beside_the_weeks_before_it() {
    let (dir, db) = temp_db();
    let server = start(dir.path(), &db);
    // `choice` runs from 2026-W19; W19 and W20 have closed, so the two weeks
    // before it, W17 and W18, are its "before".
    let ordinary = |first: u128, count: usize, week: &str, task: &str, tool: &str| {
        common::reports(first, count, week, task, tool)
    };
    let mut batch = Vec::new();
    batch.extend(ordinary(1, 4, "2026-W17", "tests", "agent"));
    batch.extend(ordinary(10, 3, "2026-W18", "debugging", "agent"));
    batch.extend(ordinary(20, 6, "2026-W18", "tests", "none"));
    // Not the pilot's tool, not its task, not its weeks: left out.
    batch.extend(ordinary(30, 9, "2026-W18", "tests", "chat"));
    batch.extend(ordinary(40, 9, "2026-W18", "code_review", "agent"));
    batch.extend(ordinary(50, 9, "2026-W16", "tests", "agent"));
    // The pilot's own reports: the tool says the arm.
    for (i, tool) in ["agent", "none"].into_iter().enumerate() {
        for j in 0..6u128 {
            let id = 1000 + 100 * i as u128 + j;
            batch.push(pilot_report(id, LAST_WEEK, "choice", None, tool));
        }
    }
    assert_eq!(server.send(&batch)["accepted"], batch.len());

    let body = view(&server, "choice");
    assert_eq!(body["randomized"], false);
    assert_eq!(
        body["counted"],
        json!({"from": "2026-W19", "to": "2026-W20"})
    );
    assert_eq!(arm_sizes(&body), [json!(6), json!(6)]);
    let before = &body["before_after"];
    assert_eq!(
        before["before"],
        json!({"from": "2026-W17", "to": "2026-W18"})
    );
    let arms = before["arms"].as_array().unwrap();
    assert_eq!(
        (arms[0]["arm"].clone(), arms[0]["n"].clone()),
        (json!("ai"), json!(7))
    );
    assert_eq!(
        (arms[1]["arm"].clone(), arms[1]["n"].clone()),
        (json!("no_ai"), json!(6))
    );
    // n and felt only: no time, no share against the arm.
    for arm in arms {
        assert!(arm["felt"]["mean"].is_number(), "{arm}");
        assert!(
            arm.get("time").is_none() && arm.get("against_arm").is_none(),
            "{arm}"
        );
    }
    // Below k before the pilot: hidden like any group.
    let (dir2, db2) = temp_db();
    let small = start(dir2.path(), &db2);
    small.send(&ordinary(1, 3, "2026-W18", "tests", "agent"));
    let body = view(&small, "choice");
    assert_eq!(
        body["before_after"]["arms"][0],
        json!({"arm": "ai", "n": null})
    );
    assert_eq!(
        body["before_after"]["arms"][1],
        json!({"arm": "no_ai", "n": 0})
    );
}

/// Every occurrence of `needle` in `haystack`.
fn occurrences(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// The pilot tables hold counts, not reports (SPEC §6.4): after a clean
/// stop, the file holds a pilot report's id only where seen_ids keeps it,
/// and not at all once seen_ids is gone.
#[test]
fn the_database_holds_no_pilot_report_id_beyond_the_seen_ids() {
    let (dir, db) = temp_db();
    let server = start(dir.path(), &db);
    // Ids no other bytes of the file could hold by chance.
    let ids: Vec<u128> = (0..12u128)
        .map(|i| 0x5eed_c0de_0000_0000_0000_0000_0000_0000 | (0xabcd_ef01_2345 * (i + 1)))
        .collect();
    let batch: Vec<Value> = ids
        .iter()
        .enumerate()
        .map(|(i, &id)| {
            let arm = if i % 2 == 0 { "ai" } else { "no_ai" };
            let tool = if arm == "ai" { "agent" } else { "none" };
            pilot_report(id, LAST_WEEK, "trial", Some(arm), tool)
        })
        .collect();
    assert_eq!(server.send(&batch)["accepted"], 12);
    let (status, logs) = server.stop();
    assert!(status.success());
    let bytes = std::fs::read(&db).unwrap();
    for id in &ids {
        let hex = format!("{id:032x}");
        assert!(!logs.contains(&hex), "the log holds an id");
        assert_eq!(occurrences(&bytes, hex.as_bytes()), 0, "{hex} as text");
        assert!(
            occurrences(&bytes, &id.to_be_bytes()) >= 1,
            "seen_ids keeps {hex}"
        );
    }
    // Without seen_ids (a copy, vacuumed), no byte of any id is left.
    let copy = dir.path().join("copy.db");
    std::fs::copy(&db, &copy).unwrap();
    let conn = rusqlite::Connection::open(&copy).unwrap();
    conn.execute_batch("PRAGMA secure_delete = ON; DROP TABLE seen_ids; VACUUM;")
        .unwrap();
    let rows: i64 = conn
        .query_row("SELECT sum(n) FROM pilot_counts", [], |row| row.get(0))
        .unwrap();
    assert_eq!(rows, 12);
    drop(conn);
    let bytes = std::fs::read(&copy).unwrap();
    for id in &ids {
        let raw = id.to_be_bytes();
        for part in [&raw[..8], &raw[8..]] {
            assert_eq!(occurrences(&bytes, part), 0, "{id:032x}");
        }
    }
}

/// Every number in `value` that is a whole number, with where it is.
fn whole_numbers(value: &Value, at: &str, found: &mut Vec<(String, u64)>) {
    match value {
        Value::Number(n) => {
            if let Some(n) = n.as_u64() {
                found.push((at.to_owned(), n));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                whole_numbers(item, &format!("{at}[{i}]"), found);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                whole_numbers(item, &format!("{at}.{key}"), found);
            }
        }
        _ => {}
    }
}

#[test]
fn the_demo_pilot_is_felt_faster_and_measured_slower() {
    let (_dir, db) = temp_db();
    let server = Start::new(&db).args(&["--demo"]).run();
    // The app sees the demo's pilot wherever it reads the config.
    for path in ["/api/v1/config", "/candor.json"] {
        let config = server.get(path).json();
        let pilot = &config["pilots"][0];
        assert_eq!(pilot["id"], "demo_tests", "{path}");
        assert_eq!(pilot["label"], "Writing tests with a coding agent");
        assert_eq!(pilot["tasks"], json!(["tests", "debugging"]));
        assert_eq!(pilot["tools"], json!(["agent"]));
        assert_eq!(pilot["randomize"], true);
        // 8 closed weeks, this one and 2 more.
        assert_eq!(pilot["from"], "2026-W13");
        assert_eq!(pilot["to"], "2026-W23");
    }
    let body = view(&server, "demo_tests");
    assert_eq!(
        body["counted"],
        json!({"from": "2026-W13", "to": "2026-W20"})
    );
    let effect = &body["effect"];
    assert_eq!(effect["verdict"], "slower", "{body}");
    assert_eq!(effect["felt_vs_measured"], "felt_better_measured_slower");
    let time = &effect["time"];
    assert!(time["low"].as_f64().unwrap() > 1.0, "{time}");
    let ratio = time["ratio"].as_f64().unwrap();
    assert!((1.1..=1.3).contains(&ratio), "{time}");
    let felt = |arm: usize| body["arms"][arm]["felt"]["mean"].as_f64().unwrap();
    assert!(felt(0) > felt(1) + 0.5, "{body}");
    for arm in 0..2 {
        let n = body["arms"][arm]["n"].as_u64().unwrap();
        assert!((60..=80).contains(&n), "{body}");
    }
    assert_eq!(body["tasks"].as_array().unwrap().len(), 2);
    // No published number is a group of 1..k−1.
    let k = body["k"].as_u64().unwrap();
    let mut found = Vec::new();
    whole_numbers(&body, "", &mut found);
    let small: Vec<_> = found.iter().filter(|(_, n)| (1..k).contains(n)).collect();
    assert!(small.is_empty(), "{small:?}");
    let list = server.get("/api/v1/pilots").json();
    assert_eq!(list["pilots"][0]["verdict"], "slower");
}

#[test]
fn tasks_come_in_the_pilots_order_and_a_task_it_no_longer_lists_still_counts() {
    let (dir, db) = temp_db();
    let server = start(dir.path(), &db);
    let mut batch = Vec::new();
    for (i, task) in ["debugging", "tests"].into_iter().enumerate() {
        for arm in ["ai", "no_ai"] {
            for mut report in trial(
                1000 * (i as u128 + 1) + 100 * u128::from(arm == "ai"),
                5,
                LAST_WEEK,
                arm,
            ) {
                report["task"] = json!(task);
                batch.push(report);
            }
        }
    }
    assert_eq!(server.send(&batch)["accepted"], 20);
    let tasks = |body: &Value| -> Vec<String> {
        (body["tasks"].as_array().unwrap().iter())
            .map(|task| task["task"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(tasks(&view(&server, "trial")), ["tests", "debugging"]);
    drop(server);

    // The operator takes debugging out of the pilot: its reports still count, listed last.
    let path = config_file(dir.path());
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        r#""tasks":["tests","debugging"]"#,
        r#""tasks":["tests"]"#,
        1,
    );
    assert!(text.contains(r#""tasks":["tests"]"#), "{text}");
    std::fs::write(&path, text).unwrap();
    let server = Start::new(&db).args(&["--config", &path]).run();
    let body = view(&server, "trial");
    assert_eq!(tasks(&body), ["tests", "debugging"]);
    assert_eq!(arm_sizes(&body), [json!(10), json!(10)]);
}
