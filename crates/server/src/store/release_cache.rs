//! The release the server publishes, built once per state of the closed weeks.
//!
//! A [`Release`] is every view `GET /aggregate` can answer, published under
//! the rules of SPEC §5 and audited as a whole against the linear-programming
//! attack of §5.2 (see the core's `release` and `lp_audit`). Views cover
//! closed weeks only (§5.6), so a release changes only when a report for a
//! closed week arrives or a new week begins — rarely, next to how often
//! managers read. Building one takes from milliseconds to seconds (the
//! figures are in the README), so it is built once and kept; every view and
//! every filter choice is then a lookup.

use std::sync::{Arc, Mutex};

use candor_core::release::Release;
use candor_core::IsoWeek;

/// The latest release and whether it still matches the counts.
#[derive(Default)]
pub struct ReleaseCache {
    slot: Mutex<Slot>,
}

#[derive(Default)]
struct Slot {
    /// Bumped whenever the counts of a closed week change.
    generation: u64,
    /// The week the counts were last read for.
    week: Option<IsoWeek>,
    latest: Option<(Stamp, Arc<Release>)>,
}

/// Which state of the counts a release was built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    generation: u64,
    week: IsoWeek,
}

/// What the cache holds for a week.
pub enum Lookup {
    /// A release of the counts as they are now.
    Fresh(Arc<Release>),
    /// An older release (built before a change, or for an earlier week), and the stamp a new one is built under.
    Stale(Arc<Release>, Stamp),
    /// No release yet: build one under this stamp.
    Missing(Stamp),
}

impl ReleaseCache {
    fn slot(&self) -> std::sync::MutexGuard<'_, Slot> {
        // The slot is plain data; one left half-written by a panic is at worst stale.
        self.slot
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    /// The release for `week`, fresh or not.
    pub fn lookup(&self, week: IsoWeek) -> Lookup {
        let mut slot = self.slot();
        if slot.week.is_none_or(|seen| seen < week) {
            slot.week = Some(week);
            slot.generation += 1;
        }
        let stamp = Stamp {
            generation: slot.generation,
            week,
        };
        match &slot.latest {
            Some((built, release)) if *built == stamp => Lookup::Fresh(Arc::clone(release)),
            Some((_, release)) => Lookup::Stale(Arc::clone(release), stamp),
            None => Lookup::Missing(stamp),
        }
    }

    /// Keeps a release built since `stamp`, unless a newer one is kept already.
    pub fn keep(&self, stamp: Stamp, release: Arc<Release>) {
        let mut slot = self.slot();
        let newer = slot.latest.as_ref().is_some_and(|(built, _)| {
            (built.week, built.generation) > (stamp.week, stamp.generation)
        });
        if !newer {
            slot.latest = Some((stamp, release));
        }
    }

    /// Reports of weeks up to `latest` were counted: the release is stale if
    /// any of those weeks is closed for it. Reports of the running week
    /// change nothing published until it closes.
    pub fn counted_up_to(&self, latest: IsoWeek) {
        let mut slot = self.slot();
        if slot.week.is_none_or(|week| latest < week) {
            slot.generation += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use candor_core::release::Scope;
    use candor_core::{Config, CountIndex};

    fn week(text: &str) -> IsoWeek {
        text.parse().unwrap()
    }

    fn release() -> Arc<Release> {
        let config: Config = serde_json::from_str(crate::config::BUILT_IN).unwrap();
        Arc::new(Release::build(
            &CountIndex::new(),
            &config,
            week("2026-W10"),
            Scope::PeriodAndOne,
        ))
    }

    fn stamp(lookup: Lookup) -> Stamp {
        match lookup {
            Lookup::Missing(stamp) | Lookup::Stale(_, stamp) => stamp,
            Lookup::Fresh(_) => panic!("expected no fresh release"),
        }
    }

    #[test]
    fn a_release_is_fresh_until_a_closed_week_or_the_week_changes() {
        let cache = ReleaseCache::default();
        let first = stamp(cache.lookup(week("2026-W10")));
        cache.keep(first, release());
        assert!(matches!(cache.lookup(week("2026-W10")), Lookup::Fresh(_)));

        // A report of the running week changes nothing published.
        cache.counted_up_to(week("2026-W10"));
        assert!(matches!(cache.lookup(week("2026-W10")), Lookup::Fresh(_)));

        // A late report of a closed week does.
        cache.counted_up_to(week("2026-W09"));
        let second = stamp(cache.lookup(week("2026-W10")));
        assert_ne!(first, second);

        // A new week closes the old one.
        cache.keep(second, release());
        assert!(matches!(cache.lookup(week("2026-W11")), Lookup::Stale(..)));
    }

    #[test]
    fn a_release_built_from_older_counts_does_not_replace_a_newer_one() {
        let cache = ReleaseCache::default();
        let older = stamp(cache.lookup(week("2026-W10")));
        cache.counted_up_to(week("2026-W09"));
        let newer = stamp(cache.lookup(week("2026-W10")));
        cache.keep(newer, release());
        cache.keep(older, release());
        assert!(matches!(cache.lookup(week("2026-W10")), Lookup::Fresh(_)));
    }
}
