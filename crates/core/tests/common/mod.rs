//! Strategies shared by the property tests: any valid week, report or history.

#![allow(dead_code)] // Each test crate uses a different subset.

use candor_core::{Complexity, Effort, IsoWeek, Reason, Report, ReportId};
use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::subsequence;

/// Any calendar date whose ISO week Candor can write down.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(1000, 1, 6).unwrap();
    let last = NaiveDate::from_ymd_opt(9999, 12, 24).unwrap();
    let days = (last - first).num_days();
    (0..=days).prop_map(move |offset| first + chrono::Days::new(offset as u64))
}

/// Any ISO week.
pub fn week() -> impl Strategy<Value = IsoWeek> {
    date().prop_map(IsoWeek::from_date)
}

/// A well-formed task, tool or team id.
pub fn identifier() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9_-]{0,63}"
}

/// Any report that passes every rule of SPEC §2.
pub fn report() -> impl Strategy<Value = Report> {
    report_with(
        identifier(),
        prop_oneof![Just("none".to_owned()), identifier()],
    )
}

/// Valid reports spread over a few tasks and tools, so cells fill up.
pub fn crowded_report() -> impl Strategy<Value = Report> {
    let pick = |ids: &[&str]| {
        proptest::sample::select(ids.iter().map(|id| id.to_string()).collect::<Vec<_>>())
    };
    report_with(
        pick(&["review", "debug", "docs"]),
        pick(&["none", "chat", "agent"]),
    )
}

/// Valid reports whose task and tool come from the given strategies.
pub fn report_with(
    task: impl Strategy<Value = String>,
    tool: impl Strategy<Value = String>,
) -> impl Strategy<Value = Report> {
    (
        any::<[u8; 16]>(),
        week(),
        task,
        tool,
        -2i8..=2,
        proptest::option::of(proptest::sample::select(Effort::ALL.to_vec())),
        proptest::option::of(any::<bool>()),
        proptest::option::of(proptest::sample::select(Complexity::ALL.to_vec())),
        proptest::option::of(identifier()),
        subsequence(Reason::ALL.to_vec(), 0..=3).prop_shuffle(),
    )
        .prop_map(
            |(id, week, task, tool, outcome, effort, mandated, complexity, team, reasons)| Report {
                id: ReportId::from_bytes(id),
                week,
                task,
                tool,
                outcome,
                effort,
                mandated,
                complexity,
                team,
                // Reasons are only allowed with a negative outcome.
                pilot: None,
                reasons: if outcome < 0 { reasons } else { Vec::new() },
            },
        )
}
