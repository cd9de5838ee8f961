//! Component tests: the app's pieces in a real headless Chromium
//! (wasm-bindgen-test through ChromeDriver), with the real local storage.
#![cfg(target_arch = "wasm32")]

use candor_app::router::app_base;
use candor_app::state::form::outcome_for_key;
use candor_app::store::device::{self, HISTORY_KEY};
use candor_app::store::history::LocalStore;
use candor_app::store::notices::{Level, Notices};
use candor_core::{IsoWeek, Report, ReportId};
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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

fn clear_storage() {
    window().local_storage().unwrap().unwrap().clear().unwrap();
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
