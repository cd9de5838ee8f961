//! Property tests: whatever the counts, a published view keeps SPEC §5.1–5.2.

use candor_core::{
    audit, publish, AggregateFilter, Config, CountIndex, IsoWeek, Published, StoredCount,
};
use proptest::prelude::*;

const TASKS: [&str; 5] = ["review", "debug", "tests", "incident", "retired_task"];
const TOOLS: [&str; 4] = ["none", "chat", "agent", "retired_tool"];

fn config(k: u32) -> Config {
    Config::from_json(&format!(
        r#"{{"tasks":[{{"id":"review","label":"R"}},{{"id":"debug","label":"D"}},
                     {{"id":"tests","label":"T"}},{{"id":"incident","label":"I"}}],
            "tools":[{{"id":"chat","label":"C"}},{{"id":"agent","label":"A"}}],"k":{k}}}"#
    ))
    .unwrap()
}

/// Counts skewed towards small groups, where suppression has work to do.
fn count() -> impl Strategy<Value = StoredCount> {
    (
        0..TASKS.len(),
        0..TOOLS.len(),
        -2i8..=2,
        prop_oneof![3 => 1u64..4, 2 => 4u64..12, 1 => 12u64..60],
        0u32..3,
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(task, tool, outcome, n, week, mandated)| StoredCount {
            week: IsoWeek::new(2026, 5 + week).unwrap(),
            task: TASKS[task].to_owned(),
            tool: TOOLS[tool].to_owned(),
            outcome,
            effort: None,
            mandated,
            complexity: None,
            team: None,
            reasons: vec![],
            n,
        })
}

/// The true number of reports behind each group of a view.
fn truth<'a>(
    counts: &'a [StoredCount],
    filter: &AggregateFilter,
    current: IsoWeek,
) -> Vec<&'a StoredCount> {
    counts
        .iter()
        .filter(|c| c.week < current && c.matches(filter))
        .collect()
}

fn every_n(view: &Published) -> Vec<Option<u64>> {
    std::iter::once(view.total.n)
        .chain(view.tasks.iter().map(|t| t.n))
        .chain(view.tools.iter().map(|t| t.n))
        .chain(view.cells.iter().map(|c| c.n))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_published_view_passes_the_audit(
        counts in proptest::collection::vec(count(), 0..60),
        k in 3u32..10,
        mandated in proptest::option::of(any::<bool>()),
        current_week in 5u32..9,
    ) {
        let config = config(k);
        let filter = AggregateFilter { mandated, ..AggregateFilter::default() };
        let current = IsoWeek::new(2026, current_week).unwrap();
        let view = publish(&counts, &filter, &config, current);
        prop_assert_eq!(audit(&view, k), Ok(()));
        for n in every_n(&view).into_iter().flatten() {
            prop_assert!(n == 0 || n >= u64::from(k), "published n = {} with k = {}", n, k);
        }
        // The index publishes the very same view.
        let index: CountIndex = counts.iter().collect();
        prop_assert_eq!(index.publish(&filter, &config, current), view.clone());
    }

    #[test]
    fn shown_numbers_are_the_true_numbers(
        counts in proptest::collection::vec(count(), 0..60),
        k in 3u32..10,
    ) {
        let config = config(k);
        let filter = AggregateFilter::default();
        let current = IsoWeek::new(2026, 9).unwrap();
        let view = publish(&counts, &filter, &config, current);
        let counted = truth(&counts, &filter, current);
        let sum = |keep: &dyn Fn(&StoredCount) -> bool| -> u64 {
            counted.iter().filter(|c| keep(c)).map(|c| c.n).sum()
        };
        if let Some(n) = view.total.n {
            prop_assert_eq!(n, sum(&|_| true));
        }
        for task in &view.tasks {
            if let Some(n) = task.n {
                prop_assert_eq!(n, sum(&|c| c.task == task.task));
            }
        }
        for tool in &view.tools {
            if let Some(n) = tool.n {
                prop_assert_eq!(n, sum(&|c| c.tool == tool.tool));
            }
        }
        for cell in &view.cells {
            let n = sum(&|c| c.task == cell.task && c.tool == cell.tool);
            prop_assert!(n > 0, "a listed cell has reports");
            if let Some(shown) = cell.n {
                prop_assert_eq!(shown, n);
                prop_assert_eq!(cell.outcomes.unwrap().iter().sum::<u64>(), n);
            }
        }
        // A cell with reports is always listed, shown or hidden.
        for c in &counted {
            prop_assert!(view.cell(&c.task, &c.tool).is_some());
        }
    }

    #[test]
    fn a_tampered_view_fails_the_audit(
        counts in proptest::collection::vec(count(), 1..60),
        k in 3u32..10,
    ) {
        // Un-hiding any hidden cell that holds 1..k−1 reports must be caught.
        let config = config(k);
        let current = IsoWeek::new(2026, 9).unwrap();
        let filter = AggregateFilter::default();
        let view = publish(&counts, &filter, &config, current);
        let counted = truth(&counts, &filter, current);
        for (at, cell) in view.cells.iter().enumerate() {
            if cell.n.is_some() {
                continue;
            }
            let n: u64 = counted
                .iter()
                .filter(|c| c.task == cell.task && c.tool == cell.tool)
                .map(|c| c.n)
                .sum();
            if n < u64::from(k) {
                let mut tampered = view.clone();
                tampered.cells[at].n = Some(n);
                prop_assert!(audit(&tampered, k).is_err());
            }
        }
    }
}
