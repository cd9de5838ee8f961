//! Published views remembered between requests.
//!
//! A view covers closed weeks only (SPEC §5.6), so it changes only when a
//! report for a closed week arrives or a new week begins — rarely, next to
//! how often managers read. Working a view out under the nested rules
//! scans the closed weeks' groups several times (the index resolves those
//! once for all views, see `CountIndex`); remembering the view makes a
//! repeat read a lookup. Only what the API would publish anyway is kept, in memory.

use std::collections::HashMap;
use std::sync::Mutex;

use candor_core::{AggregateFilter, FilterChoice, IsoWeek, Published};

/// At most this many views (and as many choice lists) are kept; then all are dropped.
const CAPACITY: usize = 512;

/// Published views and filter choices by filter, for one current week and one state of the counts.
#[derive(Default)]
pub struct ViewCache {
    inner: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    /// Bumped whenever the counts of a closed week change.
    generation: u64,
    week: Option<IsoWeek>,
    views: HashMap<AggregateFilter, Published>,
    choices: HashMap<AggregateFilter, Vec<FilterChoice>>,
}

/// Where a cache stood when a view began to be worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    generation: u64,
    week: IsoWeek,
}

impl ViewCache {
    fn entries(&self) -> std::sync::MutexGuard<'_, Entries> {
        // The entries are plain data; one left half-written by a panic is at worst stale.
        self.inner
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    /// The view for `filter` in `week`, if remembered; else the stamp to store it under.
    pub fn view(&self, filter: &AggregateFilter, week: IsoWeek) -> Result<Published, Stamp> {
        let mut entries = self.entries();
        entries.start_week(week);
        entries.views.get(filter).cloned().ok_or(Stamp {
            generation: entries.generation,
            week,
        })
    }

    /// The choices for `filter` in `week`, if remembered; else the stamp to store them under.
    pub fn choices(
        &self,
        filter: &AggregateFilter,
        week: IsoWeek,
    ) -> Result<Vec<FilterChoice>, Stamp> {
        let mut entries = self.entries();
        entries.start_week(week);
        entries.choices.get(filter).cloned().ok_or(Stamp {
            generation: entries.generation,
            week,
        })
    }

    /// Remembers a view worked out since `stamp`, unless the counts changed meanwhile.
    pub fn keep_view(&self, stamp: Stamp, filter: &AggregateFilter, view: &Published) {
        let mut entries = self.entries();
        if entries.is_current(stamp) {
            if entries.views.len() >= CAPACITY {
                entries.views.clear();
            }
            entries.views.insert(filter.clone(), view.clone());
        }
    }

    /// Remembers choices worked out since `stamp`, unless the counts changed meanwhile.
    pub fn keep_choices(&self, stamp: Stamp, filter: &AggregateFilter, choices: &[FilterChoice]) {
        let mut entries = self.entries();
        if entries.is_current(stamp) {
            if entries.choices.len() >= CAPACITY {
                entries.choices.clear();
            }
            entries.choices.insert(filter.clone(), choices.to_vec());
        }
    }

    /// Forgets everything: reports for a week that may already be closed were counted.
    pub fn counts_changed(&self) {
        let mut entries = self.entries();
        entries.generation += 1;
        entries.views.clear();
        entries.choices.clear();
    }

    /// Reports of weeks up to `latest` were counted: forgets the views if
    /// any of those weeks is closed for them. Reports of the week still
    /// running change nothing published until it closes, and a new week
    /// starts the cache afresh anyway.
    pub fn counted_up_to(&self, latest: IsoWeek) {
        let current = self.entries().week;
        if current.is_none_or(|current| latest < current) {
            self.counts_changed();
        }
    }
}

impl Entries {
    fn start_week(&mut self, week: IsoWeek) {
        if self.week != Some(week) {
            self.week = Some(week);
            self.generation += 1;
            self.views.clear();
            self.choices.clear();
        }
    }

    fn is_current(&self, stamp: Stamp) -> bool {
        self.generation == stamp.generation && self.week == Some(stamp.week)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(text: &str) -> IsoWeek {
        text.parse().unwrap()
    }

    fn view(total: u64) -> Published {
        Published {
            k: 5,
            weeks: None,
            total: candor_core::GroupCount { n: Some(total) },
            tasks: vec![],
            tools: vec![],
            cells: vec![],
        }
    }

    #[test]
    fn a_view_is_kept_until_the_counts_or_the_week_change() {
        let cache = ViewCache::default();
        let all = AggregateFilter::default();
        let stamp = cache.view(&all, week("2026-W10")).unwrap_err();
        cache.keep_view(stamp, &all, &view(7));
        assert_eq!(cache.view(&all, week("2026-W10")), Ok(view(7)));

        cache.counts_changed();
        let stamp = cache.view(&all, week("2026-W10")).unwrap_err();
        cache.keep_view(stamp, &all, &view(8));
        assert_eq!(cache.view(&all, week("2026-W10")), Ok(view(8)));

        // A new week closes the old one: everything is worked out again.
        assert!(cache.view(&all, week("2026-W11")).is_err());
    }

    #[test]
    fn reports_of_the_running_week_keep_the_views() {
        let cache = ViewCache::default();
        let all = AggregateFilter::default();
        let stamp = cache.view(&all, week("2026-W10")).unwrap_err();
        cache.keep_view(stamp, &all, &view(7));
        cache.counted_up_to(week("2026-W10"));
        assert_eq!(cache.view(&all, week("2026-W10")), Ok(view(7)));
        cache.counted_up_to(week("2026-W09"));
        assert!(cache.view(&all, week("2026-W10")).is_err());
    }

    #[test]
    fn a_view_worked_out_while_counts_changed_is_not_kept() {
        let cache = ViewCache::default();
        let all = AggregateFilter::default();
        let stamp = cache.view(&all, week("2026-W10")).unwrap_err();
        cache.counts_changed();
        cache.keep_view(stamp, &all, &view(7));
        assert!(cache.view(&all, week("2026-W10")).is_err());
    }
}
