//! Pilot counts in memory (SPEC §10), so `GET /pilots` never touches the disk.
//!
//! Loaded once at start from the store's `pilot_counts` and added to after
//! each commit, like the ordinary counts' index. Its size is pilots × weeks
//! × tasks × arms × the minute buckets and outcomes people actually gave,
//! not the number of reports.

use std::collections::BTreeMap;

use candor_core::{Arm, IsoWeek, PilotCount, StoredPilotCount, WeekRange};

/// A pilot count's content: pilot, week, task, arm, forecast, actual, outcome, against its arm.
type Key = (String, IsoWeek, String, Arm, u32, u32, i8, bool);

/// Every stored pilot count, keyed by content, ordered by pilot and week.
#[derive(Debug, Default)]
pub struct PilotIndex {
    counts: BTreeMap<Key, u64>,
}

impl PilotIndex {
    /// Counts `stored.count.n` more reports of that content in.
    pub fn add(&mut self, stored: &StoredPilotCount) {
        let count = &stored.count;
        let key = (
            stored.pilot.clone(),
            stored.week,
            count.task.clone(),
            count.arm,
            count.forecast,
            count.actual,
            count.outcome,
            count.against_arm,
        );
        *self.counts.entry(key).or_default() += count.n;
    }

    /// The counts of `pilot` in `weeks`, each week's apart (the results add them up).
    pub fn counts(&self, pilot: &str, weeks: WeekRange) -> Vec<PilotCount> {
        let first = (
            pilot.to_owned(),
            weeks.from,
            String::new(),
            Arm::Ai,
            0,
            0,
            i8::MIN,
            false,
        );
        self.counts
            .range(first..)
            .take_while(|(key, _)| key.0 == pilot && key.1 <= weeks.to)
            .map(
                |((_, _, task, arm, forecast, actual, outcome, against_arm), n)| PilotCount {
                    task: task.clone(),
                    arm: *arm,
                    forecast: *forecast,
                    actual: *actual,
                    outcome: *outcome,
                    against_arm: *against_arm,
                    n: *n,
                },
            )
            .collect()
    }

    /// How many pilot reports are counted, in every pilot and week.
    pub fn len_reports(&self) -> u64 {
        self.counts.values().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(pilot: &str, week: &str, outcome: i8) -> StoredPilotCount {
        StoredPilotCount {
            pilot: pilot.into(),
            week: week.parse().unwrap(),
            count: PilotCount {
                task: "tests".into(),
                arm: Arm::NoAi,
                forecast: 30,
                actual: 45,
                outcome,
                against_arm: false,
                n: 1,
            },
        }
    }

    #[test]
    fn a_pilots_counts_in_its_weeks_and_no_others() {
        let mut index = PilotIndex::default();
        for (pilot, week, outcome) in [
            ("a", "2026-W01", 1),
            ("a", "2026-W02", 1),
            ("a", "2026-W02", 1),
            ("a", "2026-W02", -2),
            ("a", "2026-W05", 0),
            ("b", "2026-W02", 2),
            ("ab", "2026-W02", 2),
        ] {
            index.add(&stored(pilot, week, outcome));
        }
        assert_eq!(index.len_reports(), 7);
        let weeks = |from: &str, to: &str| WeekRange {
            from: from.parse().unwrap(),
            to: to.parse().unwrap(),
        };
        let got = index.counts("a", weeks("2026-W02", "2026-W04"));
        let summary: Vec<(i8, u64)> = got.iter().map(|c| (c.outcome, c.n)).collect();
        assert_eq!(summary, [(-2, 1), (1, 2)]);
        assert_eq!(index.counts("a", weeks("2026-W01", "2026-W52")).len(), 4);
        assert_eq!(index.counts("b", weeks("2026-W01", "2026-W52")).len(), 1);
        assert!(index.counts("c", weeks("2026-W01", "2026-W52")).is_empty());
    }
}
