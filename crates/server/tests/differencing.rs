//! The differencing attack of SPEC §5.2, against the real server over HTTP.
//!
//! One distinctive report is planted — the only report of its team, and
//! mandated, complex and high-effort besides — among ordinary ones across
//! two quarters. The attacker then asks the API for every view there is
//! (every period, team, complexity, mandated answer and effort, and every
//! combination) and subtracts every nested pair, group by group, looking
//! for a difference of one report — or of anything from 1 to k−1. The
//! attack must find nothing, and the whole set must pass the core's audit.

mod common;

use std::collections::HashMap;

use candor_core::{audit_nested, AggregateFilter, Published};
use common::{temp_db, Start};
use serde_json::{json, Value};

const CONFIG: &str = r#"{
  "tasks": [{"id": "code_review", "label": "Code review"}, {"id": "incident", "label": "Incident"}],
  "tools": [{"id": "chat", "label": "Chat"}, {"id": "agent", "label": "Agent"}],
  "teams": [{"id": "payments", "label": "Payments"}, {"id": "search", "label": "Search"}],
  "k": 3
}"#;

/// Weeks from March (Q1) to May (Q2) 2026, all closed on 2026-05-20.
const WEEKS: [&str; 5] = ["2026-W11", "2026-W13", "2026-W15", "2026-W18", "2026-W20"];
const PERIODS: [&str; 6] = ["all", "2026-Q1", "2026-Q2", "2026-03", "2026-04", "2026-05"];

/// Ordinary reports: a fixed spread over weeks, cells and answers, none by team `search`.
fn ordinary() -> Vec<Value> {
    let tasks = ["code_review", "incident"];
    let tools = ["none", "chat", "agent"];
    let efforts = [None, Some("low"), Some("medium"), Some("high")];
    (0..160u32)
        .map(|i| {
            let mut report = json!({
                "v": 1,
                "id": format!("{:032x}", 1000 + i),
                "week": WEEKS[(i as usize * 7) % WEEKS.len()],
                "task": tasks[(i as usize / 3) % 2],
                "tool": tools[i as usize % 3],
                "outcome": (i % 5) as i64 - 2,
            });
            if i % 4 != 0 {
                report["team"] = json!("payments");
            }
            if i % 3 != 1 {
                report["mandated"] = json!(i % 2 == 0);
            }
            if i % 5 < 3 {
                report["complexity"] = json!(if i % 2 == 0 { "routine" } else { "complex" });
            }
            if let Some(effort) = efforts[(i as usize / 2) % 4] {
                report["effort"] = json!(effort);
            }
            if report["tool"] == "none" {
                report.as_object_mut().unwrap().remove("mandated");
                report.as_object_mut().unwrap().remove("effort");
            }
            report
        })
        .collect()
}

fn planted() -> Value {
    json!({
        "v": 1, "id": "feedfacefeedfacefeedfacefeedface", "week": "2026-W13",
        "task": "incident", "tool": "agent", "outcome": -2,
        "team": "search", "mandated": true, "complexity": "complex", "effort": "high",
        "reasons": ["wrong"]
    })
}

fn every_query() -> Vec<String> {
    let mut queries = Vec::new();
    for period in PERIODS {
        for team in [None, Some("payments"), Some("search")] {
            for complexity in [None, Some("routine"), Some("complex")] {
                for mandated in [None, Some("true"), Some("false")] {
                    for effort in [None, Some("low"), Some("medium"), Some("high")] {
                        let mut parts = vec![format!("period={period}")];
                        let named = [
                            ("team", team),
                            ("complexity", complexity),
                            ("mandated", mandated),
                            ("effort", effort),
                        ];
                        for (name, value) in named {
                            if let Some(value) = value {
                                parts.push(format!("{name}={value}"));
                            }
                        }
                        // The server publishes the period with one other filter at a time.
                        if parts.len() <= 2 {
                            queries.push(parts.join("&"));
                        }
                    }
                }
            }
        }
    }
    queries
}

/// Every shown group of a view by name.
fn shown_groups(view: &Published) -> HashMap<String, u64> {
    let mut groups = HashMap::new();
    if let Some(n) = view.total.n {
        groups.insert("total".to_owned(), n);
    }
    for task in &view.tasks {
        if let Some(n) = task.n {
            groups.insert(format!("task {}", task.task), n);
        }
    }
    for tool in &view.tools {
        if let Some(n) = tool.n {
            groups.insert(format!("tool {}", tool.tool), n);
        }
    }
    for cell in &view.cells {
        if let Some(n) = cell.n {
            groups.insert(format!("cell {} × {}", cell.task, cell.tool), n);
        }
    }
    groups
}

#[test]
fn subtracting_any_two_nested_views_isolates_no_one() {
    let (dir, db) = temp_db();
    let config = dir.path().join("candor.json");
    std::fs::write(&config, CONFIG).unwrap();
    let server = Start::new(&db)
        .args(&["--config", config.to_str().unwrap()])
        .run();
    let mut all = ordinary();
    all.push(planted());
    for chunk in all.chunks(100) {
        let answer = server.send(chunk);
        assert_eq!(answer["rejected"], json!([]), "{answer}");
    }

    let k = 3;
    let mut views: Vec<(AggregateFilter, Published)> = Vec::new();
    for query in every_query() {
        let body = server.aggregate(&format!("?{query}"));
        let view = Published::from_value(&body).unwrap_or_else(|err| panic!("?{query}: {err}"));
        let filter = AggregateFilter::from_query(form_urlencoded::parse(query.as_bytes())).unwrap();
        views.push((filter, view));
    }
    let widest: u64 = views[0].1.cells.iter().filter_map(|cell| cell.n).sum();
    assert!(
        widest >= 100,
        "the widest view shows most of the 161 reports: {widest}"
    );

    let shown: Vec<HashMap<String, u64>> = views.iter().map(|(_, v)| shown_groups(v)).collect();
    let mut pairs = 0;
    for (narrow_at, (narrow, _)) in views.iter().enumerate() {
        for (group, &n) in &shown[narrow_at] {
            assert!(
                n == 0 || n >= k,
                "?{} shows {group} = {n}",
                narrow.to_query()
            );
        }
        for (wide_at, (wide, _)) in views.iter().enumerate() {
            if wide_at == narrow_at || !narrow.is_within(wide) {
                continue;
            }
            pairs += 1;
            for (group, &n) in &shown[narrow_at] {
                if let Some(&m) = shown[wide_at].get(group) {
                    let difference = m - n;
                    assert!(
                        difference == 0 || difference >= k,
                        "?{} minus ?{} leaves {difference} in {group}",
                        wide.to_query(),
                        narrow.to_query()
                    );
                }
            }
        }
    }
    assert!(pairs > 200, "only {pairs} nested pairs tried");
    audit_nested(&views, k as u32).unwrap_or_else(|failure| panic!("{failure}"));

    // The planted report's own team is offered, but disabled, with no count.
    let choices = server.get("/api/v1/aggregate/choices").json();
    let search = choices["filters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["filter"] == "team" && c["value"] == "search")
        .unwrap_or_else(|| panic!("{choices}"));
    assert_eq!(search["state"], "hidden", "{choices}");
    let payments = choices["filters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["filter"] == "team" && c["value"] == "payments")
        .unwrap();
    assert_eq!(
        payments["state"], "shown",
        "all − payments is the 40 reports without a team plus the planted one: \
         at least k, so payments may be shown"
    );
}
