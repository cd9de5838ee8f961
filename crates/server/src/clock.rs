//! The server's idea of "this week", the only time it ever needs.
//!
//! Two weeks matter, and around midnight on Sunday they differ by time zone:
//! - a report may carry any week that has started *somewhere* (the newest
//!   week on Earth, UTC+14), or an employee east of the server would have a
//!   legitimate report refused as `week_in_future`;
//! - an aggregate may show only weeks that have ended *everywhere* (the
//!   oldest week still running, UTC−12), so no one's week is open while its
//!   numbers are published (SPEC §5.6).
//!
//! Tests fix the date with the hidden `--today` option instead of waiting.

use chrono::{Duration, NaiveDate, Utc};

use candor_core::IsoWeek;

/// Where the server gets the date from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The system clock, read at each request.
    System,
    /// A fixed date, for tests: both weeks are the week of this date.
    Fixed(NaiveDate),
}

impl Clock {
    /// The newest week a report may carry: the week it already is somewhere on Earth.
    pub fn newest_week(&self) -> IsoWeek {
        match self {
            Clock::System => IsoWeek::from_date((Utc::now() + Duration::hours(14)).date_naive()),
            Clock::Fixed(date) => IsoWeek::from_date(*date),
        }
    }

    /// The week in UTC: the epoch credentials are issued for (SPEC §6.10).
    pub fn utc_week(&self) -> IsoWeek {
        match self {
            Clock::System => IsoWeek::from_date(Utc::now().date_naive()),
            Clock::Fixed(date) => IsoWeek::from_date(*date),
        }
    }

    /// Seconds until the next UTC week begins (Monday 00:00 UTC); at least 1.
    pub fn seconds_to_next_week(&self) -> u64 {
        let now = match self {
            Clock::System => Utc::now().naive_utc(),
            Clock::Fixed(date) => date.and_hms_opt(0, 0, 0).expect("midnight exists"),
        };
        let next = self.utc_week().next().monday().and_hms_opt(0, 0, 0);
        let seconds = next.map_or(1, |next| (next - now).num_seconds());
        u64::try_from(seconds).unwrap_or(1).max(1)
    }

    /// The oldest week still running somewhere; every week before it is closed everywhere.
    pub fn open_week(&self) -> IsoWeek {
        match self {
            Clock::System => IsoWeek::from_date((Utc::now() - Duration::hours(12)).date_naive()),
            Clock::Fixed(date) => IsoWeek::from_date(*date),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_has_one_week() {
        let clock = Clock::Fixed(NaiveDate::from_ymd_opt(2026, 2, 15).unwrap());
        assert_eq!(clock.newest_week().to_string(), "2026-W07");
        assert_eq!(clock.open_week().to_string(), "2026-W07");
    }

    #[test]
    fn the_system_clock_accepts_at_least_the_week_it_publishes_up_to() {
        assert!(Clock::System.open_week() <= Clock::System.newest_week());
    }
}
