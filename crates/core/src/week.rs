//! ISO 8601 weeks and the reporting periods built from them.
//!
//! A report carries its week and nothing finer, so every question about time
//! ("which month?", "is this week closed?") is answered from the week alone.
//! A week belongs to a month or quarter by its Thursday, the same rule ISO
//! uses to give a week to a year, so no week is ever counted twice.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The first ISO year a week may belong to; four digits keep the text form fixed-width.
const MIN_YEAR: i32 = 1000;
/// The last ISO year a week may belong to.
const MAX_YEAR: i32 = 9999;

/// An ISO 8601 week, e.g. 2020-W53. The only time information a report carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    // Field order matters: the derived `Ord` compares year first, then week,
    // which is chronological order.
    year: i32,
    week: u32,
}

/// Why a text or a pair of numbers is not an ISO week.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WeekError {
    /// The text is not of the form `YYYY-Www`.
    #[error("must look like 2026-W07 (a four-digit year, \"-W\", a two-digit week)")]
    Format,
    /// The year or week number does not exist.
    #[error("{}", out_of_range_message(*year, *week))]
    OutOfRange {
        /// The ISO year asked for.
        year: i32,
        /// The week number asked for.
        week: u32,
    },
}

fn out_of_range_message(year: i32, week: u32) -> String {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        format!("year {year} is out of range (years run from {MIN_YEAR} to {MAX_YEAR})")
    } else {
        let last = IsoWeek::weeks_in_year(year);
        format!("{year} has no week {week} (its weeks run from 1 to {last})")
    }
}

impl IsoWeek {
    /// The shape [`IsoWeek::from_str`](std::str::FromStr) reads, as a regular
    /// expression (the OpenAPI document shows it); the week must also exist.
    pub const PATTERN: &'static str = "^[0-9]{4}-W[0-9]{2}$";

    /// The week `week` of ISO year `year`; week 53 exists only in years that have it.
    pub fn new(year: i32, week: u32) -> Result<IsoWeek, WeekError> {
        if (MIN_YEAR..=MAX_YEAR).contains(&year) && (1..=Self::weeks_in_year(year)).contains(&week)
        {
            Ok(IsoWeek { year, week })
        } else {
            Err(WeekError::OutOfRange { year, week })
        }
    }

    /// The ISO week containing `date`.
    ///
    /// # Panics
    ///
    /// If the date's ISO year is outside 1000..=9999, which no clock date is.
    pub fn from_date(date: NaiveDate) -> IsoWeek {
        let iso = date.iso_week();
        match IsoWeek::new(iso.year(), iso.week()) {
            Ok(week) => week,
            Err(err) => panic!("{date} has no ISO week Candor can write down: {err}"),
        }
    }

    /// The ISO year, which differs from the calendar year for a few days around New Year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The week number, 1 to 52 or 53.
    pub fn week(&self) -> u32 {
        self.week
    }

    /// The Monday the week starts on.
    pub fn monday(&self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon)
            .expect("an IsoWeek is always a real week")
    }

    /// The Thursday of the week, which decides its year, month and quarter.
    fn thursday(&self) -> NaiveDate {
        self.monday() + Days::new(3)
    }

    /// The week after this one.
    ///
    /// # Panics
    ///
    /// After 9999's last week.
    pub fn next(&self) -> IsoWeek {
        IsoWeek::from_date(self.monday() + Days::new(7))
    }

    /// The week before this one.
    ///
    /// # Panics
    ///
    /// Before 1000-W01.
    pub fn prev(&self) -> IsoWeek {
        IsoWeek::from_date(self.monday() - Days::new(7))
    }

    /// How many weeks ISO year `year` has: 52, or 53 in "long" years such as 2020.
    pub fn weeks_in_year(year: i32) -> u32 {
        // A year is long when it starts on a Thursday, or is a leap year that
        // starts on a Wednesday. `p` is the weekday of 31 December (0 = Sunday),
        // so it works for any i32 year without going through a calendar type.
        fn p(y: i64) -> i64 {
            (y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)).rem_euclid(7)
        }
        let y = i64::from(year);
        if p(y) == 4 || p(y - 1) == 3 {
            53
        } else {
            52
        }
    }

    /// The calendar month containing the week's Thursday.
    pub fn month(&self) -> Period {
        let thursday = self.thursday();
        Period::Month {
            year: thursday.year(),
            month: thursday.month(),
        }
    }

    /// The calendar quarter containing the week's Thursday.
    pub fn quarter(&self) -> Period {
        let thursday = self.thursday();
        Period::Quarter {
            year: thursday.year(),
            quarter: (thursday.month() - 1) / 3 + 1,
        }
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

impl FromStr for IsoWeek {
    type Err = WeekError;

    /// Reads exactly `YYYY-Www`; no lowercase `w`, no day part, no spaces.
    fn from_str(s: &str) -> Result<IsoWeek, WeekError> {
        let bytes = s.as_bytes();
        let shaped = bytes.len() == 8
            && bytes[..4].iter().all(u8::is_ascii_digit)
            && &bytes[4..6] == b"-W"
            && bytes[6..].iter().all(u8::is_ascii_digit);
        if !shaped {
            return Err(WeekError::Format);
        }
        // ASCII by the shape above; `get` rather than indexing keeps str's
        // panic message (and its Unicode tables) out of the wasm parts.
        let part = |range: std::ops::Range<usize>| s.get(range).unwrap_or_default();
        let year = part(0..4).parse().map_err(|_| WeekError::Format)?;
        let week = part(6..8).parse().map_err(|_| WeekError::Format)?;
        IsoWeek::new(year, week)
    }
}

impl Serialize for IsoWeek {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoWeek {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<IsoWeek, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A reporting period for shared aggregates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// Every week there is.
    All,
    /// A calendar month, 1 to 12.
    Month {
        /// The calendar year.
        year: i32,
        /// The month, 1 = January.
        month: u32,
    },
    /// A calendar quarter, 1 to 4.
    Quarter {
        /// The calendar year.
        year: i32,
        /// The quarter, 1 = January to March.
        quarter: u32,
    },
}

/// Why a text is not a period.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be `all`, a month like 2026-03 or a quarter like 2026-Q1")]
pub struct PeriodError;

impl Period {
    /// The period one step wider: a month's quarter, a quarter's `all`; `None` for `all`.
    pub fn wider(&self) -> Option<Period> {
        match *self {
            Period::All => None,
            Period::Quarter { .. } => Some(Period::All),
            Period::Month { year, month } => Some(Period::Quarter {
                year,
                quarter: (month - 1) / 3 + 1,
            }),
        }
    }

    /// Whether `week` falls in this period, judged by the week's Thursday.
    pub fn contains(&self, week: IsoWeek) -> bool {
        match *self {
            Period::All => true,
            Period::Month { .. } => week.month() == *self,
            Period::Quarter { .. } => week.quarter() == *self,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::All => f.write_str("all"),
            Period::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
        }
    }
}

impl Period {
    /// The shape [`Period::from_str`](std::str::FromStr) reads, as a regular
    /// expression (the OpenAPI document shows it): exact, so every text it
    /// allows is a period.
    pub const PATTERN: &'static str = r"^(all|[1-9][0-9]{3}-(0[1-9]|1[0-2])|[1-9][0-9]{3}-Q[1-4])$";
}

impl FromStr for Period {
    type Err = PeriodError;

    /// Reads `all`, `YYYY-MM` or `YYYY-Qn`, exactly.
    fn from_str(s: &str) -> Result<Period, PeriodError> {
        if s == "all" {
            return Ok(Period::All);
        }
        let bytes = s.as_bytes();
        if bytes.len() < 5 || !bytes[..4].iter().all(u8::is_ascii_digit) || bytes[4] != b'-' {
            return Err(PeriodError);
        }
        // ASCII by the check above; `get`, as in IsoWeek's from_str.
        let year: i32 = s
            .get(..4)
            .unwrap_or_default()
            .parse()
            .map_err(|_| PeriodError)?;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(PeriodError);
        }
        let rest = &bytes[5..];
        match rest {
            [b'Q', q @ b'1'..=b'4'] => Ok(Period::Quarter {
                year,
                quarter: u32::from(q - b'0'),
            }),
            [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
                let month = u32::from(a - b'0') * 10 + u32::from(b - b'0');
                if (1..=12).contains(&month) {
                    Ok(Period::Month { year, month })
                } else {
                    Err(PeriodError)
                }
            }
            _ => Err(PeriodError),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Period, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn week(text: &str) -> IsoWeek {
        text.parse().unwrap()
    }

    #[test]
    fn dates_at_year_edges_fall_in_the_iso_week() {
        assert_eq!(
            IsoWeek::from_date(date(2020, 12, 31)).to_string(),
            "2020-W53"
        );
        assert_eq!(IsoWeek::from_date(date(2021, 1, 3)).to_string(), "2020-W53");
        assert_eq!(IsoWeek::from_date(date(2021, 1, 4)).to_string(), "2021-W01");
        assert_eq!(
            IsoWeek::from_date(date(2024, 12, 30)).to_string(),
            "2025-W01"
        );
    }

    #[test]
    fn week_53_exists_only_in_long_years() {
        assert!(IsoWeek::new(2020, 53).is_ok());
        assert!("2020-W53".parse::<IsoWeek>().is_ok());
        assert_eq!(
            "2025-W53".parse::<IsoWeek>(),
            Err(WeekError::OutOfRange {
                year: 2025,
                week: 53
            })
        );
        assert!("2027-W53".parse::<IsoWeek>().is_err());
        // 1 January 2026 is a Thursday, so 2026 is a long year: its week 53
        // runs from Monday 28 December 2026 to Sunday 3 January 2027.
        assert!("2026-W53".parse::<IsoWeek>().is_ok());
        assert_eq!(
            IsoWeek::from_date(NaiveDate::from_ymd_opt(2027, 1, 3).unwrap()).to_string(),
            "2026-W53"
        );
        assert_eq!(IsoWeek::weeks_in_year(2015), 53);
        assert_eq!(IsoWeek::weeks_in_year(2025), 52);
        assert_eq!(IsoWeek::weeks_in_year(2026), 53);
        assert_eq!(IsoWeek::weeks_in_year(2032), 53);
    }

    #[test]
    fn weeks_in_year_agrees_with_the_calendar() {
        for year in 1000..=9999 {
            let expected = date(year, 12, 28).iso_week().week();
            assert_eq!(IsoWeek::weeks_in_year(year), expected, "{year}");
        }
    }

    #[test]
    fn week_zero_and_far_years_are_out_of_range() {
        assert!(IsoWeek::new(2026, 0).is_err());
        assert!(IsoWeek::new(999, 10).is_err());
        assert!(IsoWeek::new(10000, 10).is_err());
        let message = IsoWeek::new(2025, 53).unwrap_err().to_string();
        assert_eq!(message, "2025 has no week 53 (its weeks run from 1 to 52)");
    }

    #[test]
    fn parsing_is_strict() {
        for bad in [
            "2026-w07",
            "2026-W7",
            "2026W07",
            " 2026-W07",
            "2026-W07 ",
            "26-W07",
            "2026-07",
            "2026-W007",
            "+026-W07",
            "2026-W-7",
            "",
        ] {
            assert_eq!(bad.parse::<IsoWeek>(), Err(WeekError::Format), "{bad:?}");
        }
    }

    #[test]
    fn display_pads_the_week() {
        assert_eq!(IsoWeek::new(2026, 7).unwrap().to_string(), "2026-W07");
    }

    #[test]
    fn next_and_prev_cross_year_ends() {
        assert_eq!(week("2020-W53").next(), week("2021-W01"));
        assert_eq!(week("2021-W01").prev(), week("2020-W53"));
        assert_eq!(week("2025-W52").next(), week("2026-W01"));
        assert_eq!(week("2026-W01").prev(), week("2025-W52"));
    }

    #[test]
    fn order_is_chronological() {
        assert!(week("2020-W53") < week("2021-W01"));
        assert!(week("2021-W02") > week("2021-W01"));
    }

    #[test]
    fn monday_starts_the_week() {
        assert_eq!(week("2020-W53").monday(), date(2020, 12, 28));
        assert_eq!(week("2025-W01").monday(), date(2024, 12, 30));
    }

    #[test]
    fn month_and_quarter_follow_thursday() {
        // 2024-12-30 (Mon) .. 2025-01-05: Thursday is 2 January 2025.
        let w = week("2025-W01");
        assert_eq!(
            w.month(),
            Period::Month {
                year: 2025,
                month: 1
            }
        );
        assert_eq!(
            w.quarter(),
            Period::Quarter {
                year: 2025,
                quarter: 1
            }
        );
        // 2026-W14 runs 30 March to 5 April; Thursday is 2 April.
        let w = week("2026-W14");
        assert_eq!(w.month().to_string(), "2026-04");
        assert_eq!(w.quarter().to_string(), "2026-Q2");
    }

    #[test]
    fn period_text_round_trips() {
        for text in ["all", "2026-03", "2026-12", "2026-Q1", "2026-Q4"] {
            let period: Period = text.parse().unwrap();
            assert_eq!(period.to_string(), text);
        }
        assert_eq!(
            "2026-03".parse(),
            Ok(Period::Month {
                year: 2026,
                month: 3
            })
        );
        assert_eq!(
            "2026-Q1".parse(),
            Ok(Period::Quarter {
                year: 2026,
                quarter: 1
            })
        );
    }

    #[test]
    fn period_parsing_rejects_near_misses() {
        for bad in [
            "All", "2026-13", "2026-00", "2026-3", "2026-Q0", "2026-Q5", "2026-q1", "2026",
            "0999-01", "2026-003", "",
        ] {
            assert_eq!(bad.parse::<Period>(), Err(PeriodError), "{bad:?}");
        }
    }

    #[test]
    fn period_contains_by_thursday() {
        let march: Period = "2026-03".parse().unwrap();
        // 2026-W14: Monday 30 March, Thursday 2 April, so April's.
        assert!(!march.contains(week("2026-W14")));
        assert!(march.contains(week("2026-W13")));
        let q1: Period = "2026-Q1".parse().unwrap();
        assert!(q1.contains(week("2026-W13")));
        assert!(!q1.contains(week("2026-W14")));
        // 2020-W53's Thursday is 31 December 2020.
        assert!("2020-12"
            .parse::<Period>()
            .unwrap()
            .contains(week("2020-W53")));
        assert!("2020-Q4"
            .parse::<Period>()
            .unwrap()
            .contains(week("2020-W53")));
        assert!(Period::All.contains(week("2020-W53")));
    }

    #[test]
    fn serde_uses_the_text_form() {
        let w = week("2026-W07");
        assert_eq!(serde_json::to_string(&w).unwrap(), "\"2026-W07\"");
        assert_eq!(serde_json::from_str::<IsoWeek>("\"2026-W07\"").unwrap(), w);
        assert!(serde_json::from_str::<IsoWeek>("\"2025-W53\"").is_err());
        let q: Period = serde_json::from_str("\"2026-Q2\"").unwrap();
        assert_eq!(serde_json::to_string(&q).unwrap(), "\"2026-Q2\"");
    }
}
