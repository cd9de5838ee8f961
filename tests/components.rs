//! Component tests: the app's pieces in a real headless Chromium
//! (wasm-bindgen-test through ChromeDriver), with the real local storage.
#![cfg(target_arch = "wasm32")]

use candor_app::components::heatmap::{colour_for_mean, format_mean, Heatmap, HeatmapModel};
use candor_app::router::app_base;
use candor_app::state::form::outcome_for_key;
use candor_app::store::device::{self, HISTORY_KEY};
use candor_app::store::history::LocalStore;
use candor_app::store::notices::{Level, Notices};
use candor_core::{Config, Grid, IsoWeek, Report, ReportId, Tally};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn config() -> Config {
    Config::from_json(include_str!("../public/candor.json")).expect("the default config is valid")
}

fn report(n: u8, task: &str, tool: &str, outcome: i8) -> Report {
    Report {
        id: ReportId::from_bytes([n; 16]),
        week: IsoWeek::new(2026, 10).unwrap(),
        task: task.into(),
        tool: tool.into(),
        outcome,
        effort: None,
        mandated: None,
        complexity: None,
        team: None,
        pilot: None,
        reasons: Vec::new(),
    }
}

fn fresh_container() -> web_sys::HtmlElement {
    let document = document();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    container
}

fn clear_storage() {
    window().local_storage().unwrap().unwrap().clear().unwrap();
}

#[wasm_bindgen_test]
fn heatmap_draws_every_cell_with_the_baseline_first_and_a_table() {
    let reports = [
        report(1, "debugging", "chat", 2),
        report(2, "debugging", "chat", 1),
        report(3, "debugging", "none", -1),
        report(4, "pairing", "agent", 0),
    ];
    let tally: Tally = reports.iter().collect();
    let grid = Grid::build(&tally, &config());
    let model = HeatmapModel::from_grid(&grid);
    let (rows, cols) = (model.rows.len(), model.cols.len());
    let container = fresh_container();
    leptos::mount::mount_to(
        container.clone(),
        move || view! { <Heatmap model title="Test map" /> },
    )
    .forget();

    let cells = container.query_selector_all("svg g.cell").unwrap();
    assert_eq!(cells.length() as usize, rows * cols);
    assert_eq!(rows, 9, "eight tasks and the retired one");
    let headers: Vec<String> = (0..cols + 1)
        .map(|i| {
            container
                .query_selector_all("thead th")
                .unwrap()
                .item(i as u32)
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(headers[..2], ["Task".to_string(), "No AI".to_string()]);
    let text = container.text_content().unwrap();
    assert!(text.contains("n = 2"), "{text}");
    assert!(text.contains("mean +1.5 from 2 reports"), "{text}");
    assert!(text.contains("pairing (retired)"), "{text}");
    let svg = container.query_selector("svg").unwrap().unwrap();
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert!(svg
        .get_attribute("aria-label")
        .unwrap()
        .contains("Test map"));
}

#[wasm_bindgen_test]
fn palette_runs_from_orange_through_grey_to_purple() {
    assert_eq!(colour_for_mean(-2.0), [0xb3, 0x58, 0x06]);
    assert_eq!(colour_for_mean(0.0), [0xf7, 0xf7, 0xf7]);
    assert_eq!(colour_for_mean(2.0), [0x54, 0x27, 0x88]);
    assert_eq!(colour_for_mean(9.0), colour_for_mean(2.0));
    assert_eq!(format_mean(1.25), "+1.3");
    assert_eq!(format_mean(-0.5), "−0.5");
    assert_eq!(format_mean(0.01), "0.0");
}

#[wasm_bindgen_test]
fn number_keys_map_to_the_outcome_scale() {
    assert_eq!(outcome_for_key("1"), Some(-2));
    assert_eq!(outcome_for_key("3"), Some(0));
    assert_eq!(outcome_for_key("5"), Some(2));
    assert_eq!(outcome_for_key("6"), None);
    assert_eq!(outcome_for_key("Enter"), None);
}

#[wasm_bindgen_test]
fn app_base_follows_the_page_location() {
    assert_eq!(app_base("/"), "");
    assert_eq!(app_base("/history"), "");
    assert_eq!(app_base("/map"), "");
    assert_eq!(app_base("/candor/"), "/candor");
    assert_eq!(app_base("/candor/history"), "/candor");
    assert_eq!(app_base("/tools/candor/map"), "/tools/candor");
    assert_eq!(app_base("/candor/index.html"), "/candor");
}

#[wasm_bindgen_test]
fn unreadable_history_is_kept_aside_and_the_user_told() {
    clear_storage();
    device::write(HISTORY_KEY, "not json at all").unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let notices = Notices::new();
        let store = LocalStore::open(notices);
        assert!(store.with_history(|history| history.reports.is_empty()));
        let list = notices.list().get_untracked();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].level, Level::Problem);
        assert!(
            list[0].text.contains("candor.aside.history.1"),
            "{}",
            list[0].text
        );
    });
    assert_eq!(
        device::read("candor.aside.history.1").unwrap().as_deref(),
        Some("not json at all")
    );
    assert_eq!(
        device::aside_keys(),
        vec!["candor.aside.history.1".to_string()]
    );
    clear_storage();
}

#[wasm_bindgen_test]
fn filing_writes_to_the_device_before_returning_and_undo_removes_it() {
    clear_storage();
    let owner = Owner::new();
    owner.with(|| {
        let store = LocalStore::open(Notices::new());
        let filed = report(7, "incident", "agent", -2);
        store.file(filed.clone()).unwrap();
        let raw = device::read(HISTORY_KEY).unwrap().unwrap();
        assert!(raw.contains(filed.id.as_str()), "{raw}");
        assert_eq!(
            store.prefs().get_untracked().last_task.as_deref(),
            Some("incident")
        );

        store.undo(&filed.id).unwrap();
        let raw = device::read(HISTORY_KEY).unwrap().unwrap();
        assert!(!raw.contains(filed.id.as_str()), "{raw}");
    });
    clear_storage();
}

#[wasm_bindgen_test]
fn a_new_report_id_is_fresh_and_the_week_is_valid() {
    let first = device::new_report_id();
    let second = device::new_report_id();
    assert_ne!(first, second);
    assert_eq!(first.as_str().len(), 32);
    let week = device::this_week();
    assert!(week.year() >= 2024, "{week}");
}

#[wasm_bindgen_test]
fn the_team_map_marks_hidden_cells_and_keeps_the_baseline_first() {
    use candor_app::components::heatmap::CellView;
    use candor_app::pages::team_map::model_of;
    use candor_core::Published;

    let published: Published = serde_json::from_str(
        r#"{"k":5,"weeks":{"from":"2026-W36","to":"2026-W47"},"total":{"n":12},
            "tasks":[{"task":"debugging","n":12}],"tools":[{"tool":"chat","n":null}],
            "cells":[{"task":"debugging","tool":"chat","n":7,"outcomes":[0,1,1,3,2],
                      "helped":{"share":0.71,"low":0.36,"high":0.92}},
                     {"task":"debugging","tool":"none","n":null}]}"#,
    )
    .expect("the documented shape parses");
    let model = model_of(&published, &config());
    assert_eq!(model.cols[0].id, "none");
    let row = model
        .rows
        .iter()
        .position(|axis| axis.id == "debugging")
        .unwrap();
    let chat = model
        .cols
        .iter()
        .position(|axis| axis.id == "chat")
        .unwrap();
    assert_eq!(model.cells[row][0], CellView::Hidden);
    match &model.cells[row][chat] {
        CellView::Shown { n, mean, .. } => {
            assert_eq!(*n, 7);
            // (−1·1 + 0·1 + 1·3 + 2·2) / 7
            assert!((mean - 6.0 / 7.0).abs() < 1e-9, "{mean}");
        }
        other => panic!("{other:?}"),
    }
    let review = model
        .rows
        .iter()
        .position(|axis| axis.id == "code_review")
        .unwrap();
    assert_eq!(model.cells[review][chat], CellView::Empty);
}
