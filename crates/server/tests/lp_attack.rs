//! The auditor's attack of SPEC §5.2, against the real server over HTTP.
//!
//! A server holds sparse random reports: three teams, most groups below k,
//! every optional answer sometimes left blank. The attacker reads every view
//! the server offers — every period the choices list, alone or with each
//! value of one other filter — writes every published number as a linear
//! equation over the unknown counts, and asks a linear-programming solver
//! for the least and greatest value each small group can take (the core's
//! `lp_audit`, given the true counts only to know where to look). No group
//! of 1..k−1 reports may have its count pinned or an answer proved.
//!
//! The protection is checked to matter: the same data published by the
//! rules of single views and nested pairs alone, without the release's
//! audit, leaks (each data set below is one where it does).

mod common;

use candor_core::lp_audit::{audit_release, Truth};
use candor_core::release::{Release, Scope};
use candor_core::{AggregateFilter, Config, CountIndex, Published, Report, StoredCount};
use common::{temp_db, Start, TODAY};
use serde_json::{json, Value};

const CONFIG: &str = r#"{
  "tasks": [{"id": "code_review", "label": "Code review"}, {"id": "incident", "label": "Incident"},
            {"id": "docs", "label": "Docs"}],
  "tools": [{"id": "chat", "label": "Chat"}, {"id": "agent", "label": "Agent"}],
  "teams": [{"id": "payments", "label": "Payments"}, {"id": "search", "label": "Search"},
            {"id": "web", "label": "Web"}],
  "k": 5
}"#;

/// Closed weeks in April and May 2026 (today is in 2026-W21).
const WEEKS: [&str; 5] = ["2026-W15", "2026-W16", "2026-W17", "2026-W19", "2026-W20"];

/// A small deterministic generator (xorshift), so a failure can be replayed by its seed.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % sides as u64) as usize
    }

    fn pick<'a>(&mut self, values: &[&'a str]) -> &'a str {
        values[self.roll(values.len())]
    }
}

/// `count` random reports; each optional answer is blank about a quarter of the time.
fn random_reports(seed: u64, count: usize) -> Vec<Value> {
    let mut dice = Dice(seed);
    (0..count)
        .map(|i| {
            let tool = dice.pick(&["none", "chat", "agent"]);
            // Outcomes lean one way per tool, as real ones do: rare answers are what leak.
            let roll = dice.roll(10);
            let outcome = if roll == 0 {
                -2
            } else if tool == "agent" && roll <= 4 {
                -1
            } else {
                [0, 0, 0, 0, 1, 1, 1, 1, 2, 2][roll]
            };
            let mut report = json!({
                "v": 1,
                "id": format!("{:016x}{:016x}", seed, i),
                "week": dice.pick(&WEEKS),
                "task": dice.pick(&["code_review", "incident", "docs"]),
                "tool": tool,
                "outcome": outcome,
            });
            let mut answer = |name: &str, values: &[Value]| {
                if dice.roll(4) != 0 {
                    report[name] = values[dice.roll(values.len())].clone();
                }
            };
            answer("team", &[json!("payments"), json!("search"), json!("web")]);
            answer("complexity", &[json!("routine"), json!("complex")]);
            if tool != "none" {
                answer("mandated", &[json!(true), json!(false)]);
                answer("effort", &[json!("low"), json!("medium"), json!("high")]);
            }
            report
        })
        .collect()
}

/// Every view the server offers: each period of the choices, alone or with one value of another filter.
fn every_offered_view(server: &common::Server) -> Vec<(AggregateFilter, Published)> {
    let choices = server.get("/api/v1/aggregate/choices").json();
    let choices = choices["filters"].as_array().unwrap();
    let values = |filter: &str| -> Vec<String> {
        choices
            .iter()
            .filter(|c| c["filter"] == filter && !c["value"].is_null())
            .map(|c| c["value"].as_str().unwrap().to_owned())
            .collect()
    };
    let mut queries = Vec::new();
    for period in std::iter::once("all".to_owned()).chain(values("period")) {
        queries.push(format!("period={period}"));
        for filter in ["team", "complexity", "mandated", "effort"] {
            for value in values(filter) {
                queries.push(format!("period={period}&{filter}={value}"));
            }
        }
    }
    queries
        .iter()
        .map(|query| {
            let body = server.aggregate(&format!("?{query}"));
            let view = Published::from_value(&body).unwrap_or_else(|err| panic!("?{query}: {err}"));
            let filter =
                AggregateFilter::from_query(form_urlencoded::parse(query.as_bytes())).unwrap();
            (filter, view)
        })
        .collect()
}

#[test]
fn solving_every_offered_view_as_linear_programs_exposes_no_small_group() {
    let config: Config = serde_json::from_str(CONFIG).unwrap();
    let current_week = "2026-W21".parse().unwrap();
    for (seed, count) in [(0x9e37_79b9_7f4a_7c15, 120), (0x2545_f491_4f6c_dd1d, 200)] {
        let reports = random_reports(seed, count);
        let (dir, db) = temp_db();
        let file = dir.path().join("candor.json");
        std::fs::write(&file, CONFIG).unwrap();
        let server = Start::new(&db)
            .today(TODAY)
            .args(&["--config", file.to_str().unwrap()])
            .run();
        for chunk in reports.chunks(100) {
            assert_eq!(server.send(chunk)["rejected"], json!([]));
        }
        // Two filters besides the period are refused, so they add no equations.
        let refused = server.get("/api/v1/aggregate?team=web&effort=high");
        assert_eq!(
            refused.assert_error(400, "not_published").as_deref(),
            Some("effort")
        );

        let views = every_offered_view(&server);
        assert!(views.len() >= 40, "{} views offered", views.len());
        let counts: Vec<StoredCount> = reports
            .iter()
            .map(|r| StoredCount::of(&serde_json::from_value::<Report>(r.clone()).unwrap()))
            .collect();
        let truth = Truth::of_counts(&counts, current_week);
        let audit = audit_release(&views, &truth, config.k);
        assert!(
            audit.findings.is_empty(),
            "seed {seed:#x}: {} small groups exposed over HTTP, e.g. {}",
            audit.findings.len(),
            audit.findings[0]
        );
        assert!(audit.stats.small_groups > 100, "sparse: {:?}", audit.stats);

        // The same data, published without the release's audit, leaks.
        let index: CountIndex = counts.iter().collect();
        let unaudited =
            Release::build_with(&index, &config, current_week, Scope::PeriodAndOne, false);
        let leaks = audit_release(&unaudited.views, &truth, config.k);
        assert!(
            !leaks.findings.is_empty(),
            "seed {seed:#x}: this data set does not test the protection"
        );
        // And what the server published is the audited release of the core
        // (counts compared; shares are floats that went through JSON).
        let release = Release::build(&index, &config, current_week, Scope::PeriodAndOne);
        let counts_of = |view: &Published| {
            let cells: Vec<_> = view
                .cells
                .iter()
                .map(|c| (c.task.clone(), c.tool.clone(), c.n, c.outcomes))
                .collect();
            (view.total.n, cells)
        };
        for (filter, view) in &views {
            let built = release.view(filter).unwrap();
            assert_eq!(counts_of(view), counts_of(&built), "?{}", filter.to_query());
        }
        drop(server);
        drop(dir);
    }
}
