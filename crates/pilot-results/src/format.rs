//! Numbers as the page writes them, and the one place a count becomes words.
//! Numbers on the page are written the language's way through
//! [`crate::lang`] (`0,32` in German, SPEC §9); [`decimal`] writes them
//! plainly for the CSV and the chart's geometry.
//!
//! SPEC §5: no count of 1..k−1 is ever written. The server hides such
//! groups (`"n":null`); [`count`] also hides one that a document would
//! give anyway, so the page cannot print it.

use candor_core::catalog::Arg;

use crate::lang::{number, t, tf, Msg};

/// A group's size in words: the number, or "hidden" where SPEC §5 hides it
/// (`None`, or a count of 1..k−1 that should never have been sent).
pub fn count(n: Option<u64>, k: u32) -> String {
    match n {
        Some(n) if !(1..u64::from(k)).contains(&n) => number(n as f64, 0),
        _ => t(Msg::Hidden),
    }
}

/// Whether a group is shown: its count is known and not 1..k−1.
pub fn shown(n: Option<u64>, k: u32) -> bool {
    matches!(n, Some(n) if !(1..u64::from(k)).contains(&n))
}

/// A felt mean or difference with its sign, one decimal: `+0.8`, `−0.3`, `0.0`.
pub fn signed(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = match tenths {
        0 => "",
        t if t > 0 => "+",
        _ => "−",
    };
    format!("{sign}{}", number(tenths.unsigned_abs() as f64 / 10.0, 1))
}

/// `value` with at most `places` decimals, trailing zeros dropped: `1.5`,
/// `-0.25`, `3` (integer arithmetic: the float formatter would weigh
/// more than the rest of the module's text handling).
pub fn decimal(value: f64, places: u32) -> String {
    let scale = 10_i64.pow(places);
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, mut fraction) = (
        scaled.unsigned_abs() / scale as u64,
        scaled.unsigned_abs() % scale as u64,
    );
    let mut digits = places as usize;
    while digits > 0 && fraction % 10 == 0 {
        fraction /= 10;
        digits -= 1;
    }
    if digits == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction:0digits$}")
    }
}

/// A time ratio, two decimals: `1.19×`; three next to 1 (`0.996×`), so an
/// interval end just below or above 1 does not read as 1 itself.
pub fn times(ratio: f64) -> String {
    let hundredths = (ratio * 100.0).round().max(0.0) as u64;
    let thousandths = (ratio * 1000.0).round().max(0.0) as u64;
    let ratio = if hundredths == 100 && thousandths != 1000 {
        Arg::Number(thousandths as f64 / 1000.0, 3)
    } else {
        Arg::Number(hundredths as f64 / 100.0, 2)
    };
    tf(Msg::Ratio, &[ratio])
}

/// A share as a whole percentage: `8%`.
pub fn percent(share: f64) -> String {
    let percent = (share * 100.0).round().max(0.0) as u64;
    tf(Msg::Percent, &[Arg::Count(percent)])
}

/// A value and its 95% interval, each written by `write`: `+0.8 (+0.4 to +1.2)`.
pub fn with_interval(value: f64, low: f64, high: f64, write: fn(f64) -> String) -> String {
    let [value, low, high] = [value, low, high].map(write);
    tf(
        Msg::Interval,
        &[Arg::Text(&value), Arg::Text(&low), Arg::Text(&high)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_below_k_are_never_written() {
        assert_eq!(count(Some(48), 5), "48");
        assert_eq!(count(Some(5), 5), "5");
        assert_eq!(count(Some(0), 5), "0");
        assert_eq!(count(None, 5), "hidden");
        for n in 1..5 {
            assert_eq!(count(Some(n), 5), "hidden");
            assert!(!shown(Some(n), 5));
        }
        assert!(shown(Some(5), 5));
    }

    #[test]
    fn numbers_are_written_with_sign_and_fixed_decimals() {
        assert_eq!(signed(0.8), "+0.8");
        assert_eq!(signed(-0.25), "−0.3");
        assert_eq!(signed(0.04), "0.0");
        assert_eq!(signed(-1.2), "−1.2");
        assert_eq!(times(1.19), "1.19×");
        assert_eq!(times(0.9), "0.90×");
        assert_eq!(times(0.996), "0.996×");
        assert_eq!(times(1.004), "1.004×");
        assert_eq!(times(1.0), "1.00×");
        assert_eq!(times(1.0002), "1.00×");
        assert_eq!(percent(0.083), "8%");
        assert_eq!(
            with_interval(1.19, 1.03, 1.37, times),
            "1.19× (1.03× to 1.37×)"
        );
    }
}
