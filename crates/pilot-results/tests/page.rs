//! The Pilots page's model from hand-written documents in the shape of
//! SPEC §10 (`GET /pilots`, `GET /pilots/{id}`): the verdict sentences, the
//! table, the chart, the CSV, and never a count of 1..k−1.

use candor_core::{Config, PilotList, PilotView};
use candor_pilot_results::{model, PilotsPage};

const CONFIG: &str = r#"{
  "tasks": [
    {"id": "tests", "label": "Writing tests", "description": ""},
    {"id": "docs", "label": "Documentation", "description": ""}
  ],
  "tools": [{"id": "chat", "label": "Chat assistant", "description": ""}],
  "k": 5,
  "sync_url": "/api/v1",
  "pilots": [
    {"id": "tests_q1", "label": "Tests with the chat assistant", "tasks": ["tests", "docs"],
     "tools": ["chat"], "from": "2027-W02", "to": "2027-W09", "randomize": true},
    {"id": "docs_chosen", "label": "Docs by choice", "tasks": ["docs"],
     "tools": ["chat"], "from": "2027-W02", "to": "2027-W09", "randomize": false}
  ]
}"#;

const LIST: &str = r#"{"k":5,"pilots":[
  {"pilot":"tests_q1","label":"Tests with the chat assistant","randomized":true,
   "weeks":{"from":"2027-W02","to":"2027-W09"},"tasks":["tests","docs"],"tools":["chat"],"verdict":"slower"},
  {"pilot":"docs_chosen","label":"Docs by choice","randomized":false,
   "weeks":{"from":"2027-W02","to":"2027-W09"},"tasks":["docs"],"tools":["chat"],"verdict":"no_clear_difference"}]}"#;

/// SPEC §10's example, with a retired task and a task whose `ai` arm is hidden.
const RANDOMIZED: &str = r#"{"pilot":"tests_q1","label":"Tests with the chat assistant","k":5,"randomized":true,
 "weeks":{"from":"2027-W02","to":"2027-W09"},"counted":{"from":"2027-W02","to":"2027-W07"},
 "arms":[{"arm":"ai","n":48,"felt":{"mean":0.9,"low":0.6,"high":1.2},
          "time":{"ratio":1.21,"low":1.08,"high":1.36},"against_arm":{"share":0.08,"low":0.03,"high":0.2}},
         {"arm":"no_ai","n":45,"felt":{"mean":0.1,"low":-0.2,"high":0.4},
          "time":{"ratio":1.02,"low":0.93,"high":1.12}}],
 "effect":{"time":{"ratio":1.19,"low":1.03,"high":1.37},
           "felt":{"diff":0.8,"low":0.4,"high":1.2},"verdict":"slower",
           "more_reports_to_halve":279,"felt_vs_measured":"felt_better_measured_slower"},
 "tasks":[{"task":"tests","arms":[{"arm":"ai","n":44,"felt":{"mean":1.0,"low":0.7,"high":1.3}},
                                  {"arm":"no_ai","n":40}],
           "effect":{"verdict":"not_enough_reports"}},
          {"task":"docs","arms":[{"arm":"ai","n":null},{"arm":"no_ai","n":null}],
           "effect":{"verdict":"not_enough_reports"}},
          {"task":"old_task","arms":[{"arm":"ai","n":0},{"arm":"no_ai","n":0}],
           "effect":{"verdict":"not_enough_reports"}}]}"#;

const CHOSEN: &str = r#"{"pilot":"docs_chosen","label":"Docs by choice","k":5,"randomized":false,
 "weeks":{"from":"2027-W02","to":"2027-W09"},"counted":{"from":"2027-W02","to":"2027-W05"},
 "arms":[{"arm":"ai","n":30,"felt":{"mean":0.5,"low":0.2,"high":0.8},
          "time":{"ratio":0.95,"low":0.8,"high":1.1}},
         {"arm":"no_ai","n":25,"felt":{"mean":0.2,"low":-0.1,"high":0.5},
          "time":{"ratio":1.0,"low":0.9,"high":1.1}}],
 "effect":{"time":{"ratio":0.95,"low":0.78,"high":1.15},
           "felt":{"diff":0.3,"low":-0.1,"high":0.7},"verdict":"no_clear_difference",
           "more_reports_to_halve":165},
 "tasks":[],
 "before_after":{"before":{"from":"2026-W50","to":"2027-W01"},
   "arms":[{"arm":"ai","n":3},{"arm":"no_ai","n":20,"felt":{"mean":0.0,"low":-0.3,"high":0.3}}]}}"#;

fn page() -> PilotsPage {
    let config = Config::from_json(CONFIG).expect("the config is valid");
    let list: PilotList = serde_json::from_str(LIST).unwrap();
    let views: Vec<(PilotView, String)> = [RANDOMIZED, CHOSEN]
        .into_iter()
        .map(|text| (serde_json::from_str(text).unwrap(), text.to_owned()))
        .collect();
    PilotsPage::build(&list, &views, &config.tasks)
}

/// Every text the page shows, one string.
fn all_text(page: &PilotsPage) -> String {
    let mut text = String::new();
    for pilot in &page.pilots {
        let tables = std::iter::once(&pilot.table).chain(pilot.before_after.as_ref());
        for table in tables {
            text += &table.caption;
            text += &table.columns.join(" | ");
            for row in &table.rows {
                text += &row.header;
                text += &row.cells.join(" | ");
            }
        }
        for part in [
            &pilot.heading,
            &pilot.weeks,
            &pilot.design,
            &pilot.verdict,
            &pilot.hidden_note,
        ] {
            text += part;
        }
        text += &pilot.disagreement.clone().unwrap_or_default();
        text += &pilot.task_verdicts.join(" ");
    }
    text
}

#[test]
fn the_verdict_comes_first_in_one_plain_sentence() {
    let page = page();
    let pilot = &page.pilots[0];
    assert_eq!(pilot.heading, "Tests with the chat assistant");
    assert_eq!(
        pilot.verdict,
        "People felt faster with AI (felt +0.8, 95% interval +0.4 to +1.2), and were measured \
         slower: tasks took 1.19× as long as forecast relative to without AI (95% interval 1.03× to 1.37×)."
    );
    assert_eq!(
        pilot.disagreement.as_deref(),
        Some("Felt and measured disagree: felt faster, measured slower. How people feel about AI is not how long their tasks took.")
    );
    assert!(pilot.design.starts_with("Randomized"));
    assert_eq!(
        pilot.weeks,
        "Weeks 2027-W02 to 2027-W09; counted so far: 2027-W02 to 2027-W07 (weeks that have ended)."
    );
}

#[test]
fn no_clear_difference_says_the_interval_holds_1_and_how_many_more_reports_would_halve_it() {
    let page = page();
    let pilot = &page.pilots[1];
    assert_eq!(
        pilot.verdict,
        "People felt no clear difference with AI (felt +0.3, 95% interval −0.1 to +0.7); no clear \
         difference was measured: tasks took 0.95× as long as forecast relative to without AI, and \
         the 95% interval, 0.78× to 1.15×, holds 1. About 165 more reports would make that interval half as wide."
    );
    assert_eq!(pilot.disagreement, None);
}

#[test]
fn not_enough_reports_says_so_with_k_and_no_other_number() {
    let page = page();
    let tasks = &page.pilots[0].task_verdicts;
    assert_eq!(
        tasks[1],
        "Documentation: Not enough reports yet for a verdict: each arm needs at least 5 reports \
         from weeks that have ended, and times that vary."
    );
    assert!(tasks[2].starts_with("old_task (retired): "));
}

#[test]
fn a_pilot_without_randomization_is_labelled_weaker_and_shows_before_and_after() {
    let page = page();
    let pilot = &page.pilots[1];
    assert!(pilot.design.starts_with(
        "Not randomized: a comparison of what people chose, weaker than a randomized trial."
    ));
    let table = pilot.before_after.as_ref().expect("before and after");
    assert!(table.caption.contains("(2026-W50 to 2027-W01)"));
    let rows: Vec<(&str, Vec<&str>)> = table
        .rows
        .iter()
        .map(|row| {
            (
                row.header.as_str(),
                row.cells.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            // A count of 3 under k = 5 is never written, even if a document carried it.
            ("Before the pilot, with AI", vec!["hidden", "—"]),
            (
                "Before the pilot, without AI",
                vec!["20", "0.0 (−0.3 to +0.3)"]
            ),
            (
                "During the pilot, with AI",
                vec!["30", "+0.5 (+0.2 to +0.8)"]
            ),
            (
                "During the pilot, without AI",
                vec!["25", "+0.2 (−0.1 to +0.5)"]
            ),
        ]
    );
    // A randomized pilot has none.
    assert_eq!(page.pilots[0].before_after, None);
}

#[test]
fn the_table_has_each_arm_and_the_effect_for_the_pilot_and_each_task() {
    let page = page();
    let table = &page.pilots[0].table;
    assert_eq!(table.columns.len(), 5);
    assert!(table.rows.iter().all(|row| row.cells.len() == 4));
    let headers: Vec<&str> = table.rows.iter().map(|row| row.header.as_str()).collect();
    assert_eq!(
        &headers[..3],
        [
            "Whole pilot, with AI",
            "Whole pilot, without AI",
            "Whole pilot: AI against no AI (slower)"
        ]
    );
    assert_eq!(
        table.rows[0].cells,
        [
            "48",
            "+0.9 (+0.6 to +1.2)",
            "1.21× (1.08× to 1.36×)",
            "8% (3% to 20%)"
        ]
    );
    assert_eq!(table.rows[1].cells[3], "no interval yet");
    assert_eq!(table.rows[2].cells[2], "1.19× (1.03× to 1.37×)");
    // Hidden groups: "hidden", nothing else about them.
    let docs = table
        .rows
        .iter()
        .find(|row| row.header == "Documentation, with AI")
        .unwrap();
    assert_eq!(docs.cells, ["hidden", "—", "—", "—"]);
    assert_eq!(headers.len(), 3 * 4);
}

#[test]
fn no_count_between_1_and_k_minus_1_is_shown_anywhere() {
    let page = page();
    let text = all_text(&page);
    assert!(text.contains("hidden"));
    for pilot in &page.pilots {
        let tables = std::iter::once(&pilot.table).chain(pilot.before_after.as_ref());
        for row in tables.flat_map(|table| &table.rows) {
            let n = &row.cells[0];
            assert!(
                n == "hidden" || n == "—" || n.parse::<u64>().is_ok_and(|n| n == 0 || n >= 5),
                "{}: {n}",
                row.header
            );
        }
    }
    // Nor in the CSV's n column.
    for pilot in &page.pilots {
        for line in pilot.csv.lines().skip(1) {
            let n = line.split(',').nth(3).unwrap();
            assert!(
                n.is_empty() || n.parse::<u64>().is_ok_and(|n| n == 0 || n >= 5),
                "{line}"
            );
        }
    }
}

#[test]
fn the_csv_has_ids_as_columns_and_hidden_groups_as_empty_cells() {
    let page = page();
    let csv = &page.pilots[0].csv;
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "pilot,task,arm,n,felt,felt_low,felt_high,time,time_low,time_high,against_arm,against_arm_low,against_arm_high,verdict"
    );
    assert!(
        lines.iter().all(|line| line.split(',').count() == 14),
        "{csv}"
    );
    assert_eq!(
        lines[1],
        "tests_q1,,ai,48,0.9,0.6,1.2,1.21,1.08,1.36,0.08,0.03,0.2,"
    );
    assert_eq!(
        lines[3],
        "tests_q1,,effect,,0.8,0.4,1.2,1.19,1.03,1.37,,,,slower"
    );
    assert!(lines.contains(&"tests_q1,docs,ai,,,,,,,,,,,"));
    assert_eq!(page.pilots[0].file_name("csv"), "candor-pilot-tests_q1.csv");
    // The JSON download is the document exactly as served.
    assert_eq!(page.pilots[0].json, RANDOMIZED);
}

#[test]
fn the_chart_has_a_row_per_group_and_whiskers_where_there_are_intervals() {
    let page = page();
    let chart = &page.pilots[0].chart;
    let labels: Vec<&str> = chart.rows.iter().map(|row| row.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Whole pilot",
            "Writing tests",
            "Documentation",
            "old_task (retired)"
        ]
    );
    assert!(chart.rows[0].felt.is_some() && chart.rows[0].time.is_some());
    assert!(chart.rows[1..]
        .iter()
        .all(|row| row.felt.is_none() && row.time.is_none()));
}

#[test]
fn no_pilots_points_to_candor_json() {
    let config = Config::from_json(CONFIG).unwrap();
    let list: PilotList = serde_json::from_str(r#"{"k":5,"pilots":[]}"#).unwrap();
    let page = PilotsPage::build(&list, &[], &config.tasks);
    let message = page.empty_message().unwrap();
    let message = message.as_str();
    assert!(message.starts_with("No pilots are configured."));
    assert!(message.contains("candor.json") && message.contains("\"pilots\""));
    assert_eq!(
        model::failed("HTTP 503"),
        "The pilots could not be loaded: HTTP 503"
    );
}

#[test]
fn without_the_configs_labels_tasks_are_shown_by_id() {
    let list: PilotList = serde_json::from_str(LIST).unwrap();
    let views = vec![(
        serde_json::from_str(RANDOMIZED).unwrap(),
        RANDOMIZED.to_owned(),
    )];
    let page = PilotsPage::build(&list, &views, &[]);
    let labels: Vec<&str> = page.pilots[0]
        .chart
        .rows
        .iter()
        .map(|row| row.label.as_str())
        .collect();
    assert_eq!(labels, ["Whole pilot", "tests", "docs", "old_task"]);
}

/// The language `code`'s compiled catalog, as the build step makes it.
fn catalog(code: &str) -> candor_core::catalog::Messages {
    let read = |code: &str| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../locales")
            .join(code)
            .join("pilot-results.ftl");
        candor_catalog::compile_source(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let lines = candor_catalog::align(&read("en"), &read(code)).unwrap();
    let text = candor_catalog::catalog_text(&lines);
    candor_core::catalog::Messages::read(text, candor_pilot_results::lang::COUNT).unwrap()
}

#[test]
fn in_every_language_the_verdicts_carry_their_numbers() {
    use candor_core::catalog::Lang;
    use candor_pilot_results::lang;
    for language in Lang::ALL.into_iter().filter(|&l| l != Lang::En) {
        lang::show(language, catalog(language.code()));
        let page = page();
        let (slower, unclear) = (&page.pilots[0], &page.pilots[1]);
        // Natively numbers are plain; the browser writes them the language's way.
        for number in ["+0.8", "1.19", "1.03", "1.37"] {
            assert!(
                slower.verdict.contains(number),
                "{}: {}",
                language.code(),
                slower.verdict
            );
        }
        for number in ["0.95", "0.78", "1.15", "165"] {
            assert!(
                unclear.verdict.contains(number),
                "{}: {}",
                language.code(),
                unclear.verdict
            );
        }
        assert!(!all_text(&page).contains("hidden"), "{}", language.code());
    }
    lang::show(Lang::En, catalog("en"));
}
