//! Property tests: stored histories read back whole, and imports are idempotent.

mod common;

use candor_core::{History, Report};
use proptest::prelude::*;

fn unique(reports: Vec<Report>) -> Vec<Report> {
    let mut history = History::default();
    for report in reports {
        history.add(report);
    }
    history.reports
}

proptest! {
    #[test]
    fn a_stored_history_loads_back_equal(reports in proptest::collection::vec(common::crowded_report(), 0..30)) {
        let history = History { reports: unique(reports) };
        let loaded = History::load(&history.to_json()).unwrap();
        prop_assert!(loaded.set_aside.is_empty());
        prop_assert_eq!(loaded.migrated_from, None);
        prop_assert_eq!(loaded.history, history);
    }

    #[test]
    fn importing_an_export_twice_adds_nothing_the_second_time(
        mine in proptest::collection::vec(common::crowded_report(), 0..20),
        theirs in proptest::collection::vec(common::crowded_report(), 0..20),
    ) {
        let theirs = History { reports: unique(theirs) };
        let mut history = History { reports: unique(mine) };
        let before = history.reports.len();
        let first = history.import(&theirs.to_json()).unwrap();
        prop_assert_eq!(first.added + first.duplicates, theirs.reports.len());
        prop_assert!(first.rejected.is_empty());
        prop_assert_eq!(history.reports.len(), before + first.added);
        let second = history.import(&theirs.to_json()).unwrap();
        prop_assert_eq!(second.added, 0);
        prop_assert_eq!(second.duplicates, theirs.reports.len());
    }

    #[test]
    fn by_week_keeps_every_report_newest_week_first(reports in proptest::collection::vec(common::crowded_report(), 0..30)) {
        let history = History { reports };
        let weeks = history.by_week();
        let count: usize = weeks.iter().map(|(_, rs)| rs.len()).sum();
        prop_assert_eq!(count, history.reports.len());
        prop_assert!(weeks.windows(2).all(|pair| pair[0].0 > pair[1].0));
        prop_assert!(weeks.iter().all(|(week, rs)| rs.iter().all(|r| r.week == *week)));
    }
}
