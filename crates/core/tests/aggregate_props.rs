//! Property tests: counting is order-free and intervals are honest.

mod common;

use candor_core::{wilson, CellCounts, Tally};
use proptest::prelude::*;

proptest! {
    #[test]
    fn wilson_interval_holds_the_share(n in 1u64..100_000, successes in 0u64..100_000) {
        let successes = successes % (n + 1);
        let share = wilson(successes, n).unwrap();
        prop_assert!(0.0 <= share.low && share.low <= share.share);
        prop_assert!(share.share <= share.high && share.high <= 1.0);
        prop_assert!(share.width() > 0.0);
        // The interval shrinks as the same share is seen in a larger group.
        let bigger = wilson(successes * 4, n * 4).unwrap();
        prop_assert!(bigger.width() < share.width());
    }

    #[test]
    fn a_tally_counts_every_report_once(reports in proptest::collection::vec(common::crowded_report(), 0..40)) {
        let tally: Tally = reports.iter().collect();
        prop_assert_eq!(tally.len_reports(), reports.len() as u64);
        prop_assert_eq!(tally.total().n(), reports.len() as u64);
        let cells_sum: u64 = tally.cells().map(|(_, _, c)| c.n()).sum();
        prop_assert_eq!(cells_sum, reports.len() as u64);
        for (task, tool, counts) in tally.cells() {
            let expected = reports.iter().filter(|r| r.task == task && r.tool == tool).count();
            prop_assert_eq!(counts.n(), expected as u64);
            prop_assert_eq!(tally.cell(task, tool), Some(counts));
        }
    }

    #[test]
    fn splitting_and_merging_changes_nothing(
        reports in proptest::collection::vec(common::crowded_report(), 0..40),
        split in 0usize..40,
    ) {
        let split = split.min(reports.len());
        let mut whole = CellCounts::default();
        reports.iter().for_each(|r| whole.add(r));
        let (mut left, mut right) = (CellCounts::default(), CellCounts::default());
        reports[..split].iter().for_each(|r| left.add(r));
        reports[split..].iter().rev().for_each(|r| right.add(r));
        left.merge(&right);
        prop_assert_eq!(left, whole);
    }
}
