//! Property tests: ISO weeks agree with the calendar and with their text form.

mod common;

use candor_core::{IsoWeek, Period};
use chrono::{Datelike, Days, Weekday};
use proptest::prelude::*;

proptest! {
    #[test]
    fn a_date_lies_in_the_week_its_monday_starts(date in common::date()) {
        let week = IsoWeek::from_date(date);
        let monday = week.monday();
        prop_assert_eq!(monday.weekday(), Weekday::Mon);
        prop_assert!(monday <= date && date < monday + Days::new(7));
        prop_assert_eq!(IsoWeek::from_date(monday), week);
    }

    #[test]
    fn text_form_round_trips(week in common::week()) {
        let text = week.to_string();
        prop_assert_eq!(text.len(), 8);
        prop_assert_eq!(text.parse::<IsoWeek>(), Ok(week));
        prop_assert_eq!(IsoWeek::new(week.year(), week.week()), Ok(week));
        let json = serde_json::to_string(&week).unwrap();
        prop_assert_eq!(serde_json::from_str::<IsoWeek>(&json).unwrap(), week);
    }

    #[test]
    fn next_and_prev_step_seven_days(week in common::week()) {
        prop_assert_eq!(week.next().monday(), week.monday() + Days::new(7));
        prop_assert_eq!(week.next().prev(), week);
        prop_assert!(week < week.next());
    }

    #[test]
    fn order_follows_mondays(a in common::week(), b in common::week()) {
        prop_assert_eq!(a.cmp(&b), a.monday().cmp(&b.monday()));
    }

    #[test]
    fn a_week_is_in_exactly_its_own_month_and_quarter(week in common::week(), other in common::week()) {
        let (month, quarter) = (week.month(), week.quarter());
        prop_assert!(month.contains(week));
        prop_assert!(quarter.contains(week));
        prop_assert!(Period::All.contains(week));
        prop_assert_eq!(month.contains(other), other.month() == month);
        prop_assert_eq!(month.to_string().parse::<Period>(), Ok(month));
        prop_assert_eq!(quarter.to_string().parse::<Period>(), Ok(quarter));
        // A month lies inside one quarter, so its weeks do too.
        if month.contains(other) {
            prop_assert!(quarter.contains(other));
        }
    }

    #[test]
    fn the_iso_year_is_the_thursdays_year(week in common::week()) {
        let thursday = week.monday() + Days::new(3);
        prop_assert_eq!(thursday.year(), week.year());
    }
}
