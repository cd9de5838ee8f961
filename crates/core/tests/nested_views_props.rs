//! Property tests: every view of the same counts, taken together, keeps SPEC §5.2.
//!
//! Random data sets are published through every combination of filters —
//! each period (all, the quarters, the months), each team, complexity,
//! mandated answer and effort, and no filter — and the whole set is audited
//! with [`audit_nested`]: no shown group in 1..k−1, no difference between
//! nested groups in 1..k−1, no view minus its shown parts in 1..k−1.

use candor_core::{
    audit_nested, AggregateFilter, Complexity, Config, CountIndex, Effort, IsoWeek, NestedViews,
    Period, Published, StoredCount,
};
use std::collections::HashMap;

use proptest::prelude::*;

const TASKS: [&str; 3] = ["review", "debug", "old_task"];
const TOOLS: [&str; 3] = ["none", "chat", "agent"];
const TEAMS: [&str; 2] = ["pay", "ops"];

fn config(k: u32) -> Config {
    Config::from_json(&format!(
        r#"{{"tasks":[{{"id":"review","label":"R"}},{{"id":"debug","label":"D"}}],
            "tools":[{{"id":"chat","label":"C"}},{{"id":"agent","label":"A"}}],
            "teams":[{{"id":"pay","label":"P"}},{{"id":"ops","label":"O"}}],"k":{k}}}"#
    ))
    .unwrap()
}

/// Weeks 2026-W12 to W15 span two months (March, April) and two quarters.
fn count() -> impl Strategy<Value = StoredCount> {
    (
        (0..TASKS.len(), 0..TOOLS.len(), -2i8..=2),
        prop_oneof![4 => 1u64..4, 2 => 4u64..10, 1 => 10u64..40],
        12u32..16,
        proptest::option::of(0..TEAMS.len()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(0..3usize),
    )
        .prop_map(
            |((task, tool, outcome), n, week, team, complex, mandated, effort)| StoredCount {
                week: IsoWeek::new(2026, week).unwrap(),
                task: TASKS[task].to_owned(),
                tool: TOOLS[tool].to_owned(),
                outcome,
                effort: effort.map(|e| Effort::ALL[e]),
                mandated,
                complexity: complex.map(|c| {
                    if c {
                        Complexity::Complex
                    } else {
                        Complexity::Routine
                    }
                }),
                team: team.map(|t| TEAMS[t].to_owned()),
                reasons: vec![],
                n,
            },
        )
}

/// Every filter over the test's taxonomy and weeks.
fn every_filter() -> Vec<AggregateFilter> {
    let periods = ["all", "2026-Q1", "2026-Q2", "2026-03", "2026-04"];
    let teams = [None, Some("pay"), Some("ops")];
    let complexities = [None, Some(Complexity::Routine), Some(Complexity::Complex)];
    let mandated = [None, Some(true), Some(false)];
    let efforts = [
        None,
        Some(Effort::Low),
        Some(Effort::Medium),
        Some(Effort::High),
    ];
    let mut filters = Vec::new();
    for period in periods {
        for team in teams {
            for complexity in complexities {
                for mandated in mandated {
                    for effort in efforts {
                        filters.push(AggregateFilter {
                            period: period.parse::<Period>().unwrap(),
                            team: team.map(str::to_owned),
                            complexity,
                            mandated,
                            effort,
                        });
                    }
                }
            }
        }
    }
    filters
}

fn publish_all(counts: &[StoredCount], k: u32) -> Vec<(AggregateFilter, Published)> {
    let config = config(k);
    let index: CountIndex = counts.iter().collect();
    let current = IsoWeek::new(2026, 16).unwrap();
    let mut views = NestedViews::new(&index, &config, current);
    every_filter()
        .into_iter()
        .map(|filter| {
            let view = views.publish(&filter);
            (filter, view)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_nested_pair_of_views_passes_the_audit(
        counts in proptest::collection::vec(count(), 0..50),
        k in 3u32..7,
    ) {
        let views = publish_all(&counts, k);
        if let Err(failure) = audit_nested(&views, k) {
            prop_assert!(false, "{failure}");
        }
    }

    /// One distinctive report — the only one of its team, mandated, complex,
    /// high effort, in one month — cannot be isolated by subtracting any
    /// nested pair of views: no difference of shown groups equals 1.
    #[test]
    fn a_planted_report_cannot_be_isolated(
        counts in proptest::collection::vec(count(), 0..50),
        k in 3u32..7,
    ) {
        let mut counts: Vec<StoredCount> = counts
            .into_iter()
            .filter(|c| c.team.as_deref() != Some("ops"))
            .collect();
        counts.push(StoredCount {
            week: IsoWeek::new(2026, 14).unwrap(),
            task: "review".into(),
            tool: "agent".into(),
            outcome: -2,
            effort: Some(Effort::High),
            mandated: Some(true),
            complexity: Some(Complexity::Complex),
            team: Some("ops".into()),
            reasons: vec![],
            n: 1,
        });
        let views = publish_all(&counts, k);
        let shown: Vec<HashMap<String, u64>> = views
            .iter()
            .map(|(_, view)| groups(view).into_iter().filter_map(|(g, n)| Some((g, n?))).collect())
            .collect();
        for (narrow_at, (narrow, _)) in views.iter().enumerate() {
            for (group, &n) in &shown[narrow_at] {
                prop_assert!(n == 0 || n >= u64::from(k), "{group} of ?{} shows {n}", narrow.to_query());
            }
            for (wide_at, (wide, _)) in views.iter().enumerate() {
                if !narrow.is_within(wide) {
                    continue;
                }
                for (group, &n) in &shown[narrow_at] {
                    if let Some(&m) = shown[wide_at].get(group) {
                        prop_assert_ne!(
                            m - n, 1,
                            "?{} minus ?{} isolates one report in {}",
                            wide.to_query(), narrow.to_query(), group
                        );
                    }
                }
            }
        }
    }
}

/// Each group of a view by name, with its shown count.
fn groups(view: &Published) -> Vec<(String, Option<u64>)> {
    std::iter::once(("total".to_owned(), view.total.n))
        .chain(view.tasks.iter().map(|t| (format!("task {}", t.task), t.n)))
        .chain(view.tools.iter().map(|t| (format!("tool {}", t.tool), t.n)))
        .chain(
            view.cells
                .iter()
                .map(|c| (format!("cell {} × {}", c.task, c.tool), c.n)),
        )
        .collect()
}

#[test]
fn a_team_with_one_report_hides_it_everywhere() {
    // 12 reports by payments, one by ops: "all" minus "payments" would be 1.
    let mut counts = vec![StoredCount {
        week: IsoWeek::new(2026, 13).unwrap(),
        task: "review".into(),
        tool: "chat".into(),
        outcome: 1,
        effort: None,
        mandated: None,
        complexity: None,
        team: Some("pay".into()),
        reasons: vec![],
        n: 12,
    }];
    counts.push(StoredCount {
        team: Some("ops".into()),
        n: 1,
        ..counts[0].clone()
    });
    let views = publish_all(&counts, 5);
    let view = |query: &str| {
        let filter: AggregateFilter = query.parse().unwrap();
        views.iter().find(|(f, _)| *f == filter).unwrap().1.clone()
    };
    assert_eq!(view("").total.n, Some(13));
    assert_eq!(view("team=ops").total.n, None);
    assert_eq!(
        view("team=pay").total.n,
        None,
        "13 − 12 would single out the ops report"
    );
    audit_nested(&views, 5).unwrap();
}
