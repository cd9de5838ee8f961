//! The chart of a pilot's effects: two panels side by side, one row per
//! group (the whole pilot, then each task). Left, the felt difference
//! (`ai − no_ai`) around a reference line at 0; right, the time ratio
//! (`ai ÷ no_ai`) on a log scale around a line at 1. Each effect is a dot
//! on a whisker from its interval's low end to its high end.
//!
//! Everything here is geometry in SVG user units; `dom` only draws it. The
//! chart is decoration for sighted readers (`aria-hidden`): the table is
//! the accessible alternative and always sits beside it.

use candor_core::{Difference, Ratio};

use candor_core::catalog::Arg;

use crate::format::{signed, times};
use crate::lang::{number, t, tf, Msg};

/// The whole drawing's width, in user units (the SVG scales to its box).
pub const WIDTH: f64 = 640.0;
/// Where the group names end and the first panel starts.
const LABELS: f64 = 150.0;
/// Each panel's width.
const PANEL: f64 = 205.0;
/// The space between the panels.
const GAP: f64 = 60.0;
/// Above the first row: the panels' titles.
const TOP: f64 = 34.0;
/// One row's height.
pub const ROW: f64 = 26.0;
/// Below the last row: the tick labels.
const BOTTOM: f64 = 26.0;

/// One interval drawn: x of its low end, its value and its high end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Whisker {
    /// The low end.
    pub low: f64,
    /// The dot.
    pub mid: f64,
    /// The high end.
    pub high: f64,
}

/// A labelled mark on a panel's axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Where, in user units.
    pub x: f64,
    /// The words under it.
    pub label: String,
}

/// One panel: its title, extent, reference line and ticks.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// The words above it.
    pub title: String,
    /// Its left edge.
    pub left: f64,
    /// Its right edge.
    pub right: f64,
    /// The x of "no difference" (0, or a ratio of 1).
    pub reference: f64,
    /// The marks under its axis.
    pub ticks: Vec<Tick>,
}

/// One group's row: its name and its two whiskers (none where there is no interval).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartRow {
    /// The group's name.
    pub label: String,
    /// The row's middle, in user units.
    pub y: f64,
    /// The felt difference.
    pub felt: Option<Whisker>,
    /// The time ratio.
    pub time: Option<Whisker>,
}

/// A pilot's chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The drawing's width.
    pub width: f64,
    /// The drawing's height.
    pub height: f64,
    /// Felt, then time.
    pub panels: [Panel; 2],
    /// One per group.
    pub rows: Vec<ChartRow>,
    /// Where the rows end and the tick labels start.
    pub axis_y: f64,
}

/// A linear map from `[-span, span]` onto `[left, right]`.
fn place(value: f64, span: f64, left: f64, right: f64) -> f64 {
    // max and min, not clamp: clamp's panic message writes its bounds with
    // f64's Debug, which brings Rust's float formatter into the module
    // (about 7 KB gzip).
    let at = left + (value.max(-span).min(span) + span) / (2.0 * span) * (right - left);
    (at * 10.0).round() / 10.0
}

impl Chart {
    /// Lays out one row per group, `(name, felt difference, time ratio)`.
    pub fn build(groups: &[(String, Option<Difference>, Option<Ratio>)]) -> Chart {
        // Felt: symmetric around 0, at least ±1, in steps of 0.5, at most ±4.
        let felt_extent = groups
            .iter()
            .filter_map(|(_, felt, _)| felt.map(|f| f.low.abs().max(f.high.abs())))
            .fold(1.0_f64, f64::max);
        let felt_span = ((felt_extent * 2.0 - 1e-9).ceil() / 2.0).min(4.0);
        // Time: symmetric around 1 on a log scale, at least 1.5× either way.
        let time_extent = groups
            .iter()
            .filter_map(|(_, _, time)| {
                time.filter(|t| t.low > 0.0 && t.high > 0.0)
                    .map(|t| t.low.ln().abs().max(t.high.ln().abs()))
            })
            .fold(1.5_f64.ln(), f64::max);
        let time_span = ((time_extent.exp() * 10.0 - 1e-9).ceil() / 10.0)
            .min(100.0)
            .ln();

        let felt_panel = (LABELS, LABELS + PANEL);
        let time_panel = (LABELS + PANEL + GAP, LABELS + 2.0 * PANEL + GAP);
        let felt_x = |v: f64| place(v, felt_span, felt_panel.0, felt_panel.1);
        let time_x = |v: f64| place(v.max(1e-9).ln(), time_span, time_panel.0, time_panel.1);

        let rows: Vec<ChartRow> = groups
            .iter()
            .enumerate()
            .map(|(at, (label, felt, time))| ChartRow {
                label: label.clone(),
                y: TOP + ROW * (at as f64 + 0.5),
                felt: felt.map(|f| Whisker {
                    low: felt_x(f.low),
                    mid: felt_x(f.diff),
                    high: felt_x(f.high),
                }),
                time: time.map(|t| Whisker {
                    low: time_x(t.low),
                    mid: time_x(t.ratio),
                    high: time_x(t.high),
                }),
            })
            .collect();
        let axis_y = TOP + ROW * rows.len() as f64;
        let tick = |x: f64, label: String| Tick { x, label };
        Chart {
            width: WIDTH,
            height: axis_y + BOTTOM,
            panels: [
                Panel {
                    title: t(Msg::ChartFelt),
                    left: felt_panel.0,
                    right: felt_panel.1,
                    reference: felt_x(0.0),
                    ticks: vec![
                        tick(felt_x(-felt_span), signed(-felt_span)),
                        tick(felt_x(0.0), number(0.0, 0)),
                        tick(felt_x(felt_span), signed(felt_span)),
                    ],
                },
                Panel {
                    title: t(Msg::ChartTime),
                    left: time_panel.0,
                    right: time_panel.1,
                    reference: time_x(1.0),
                    ticks: vec![
                        tick(time_x((-time_span).exp()), times((-time_span).exp())),
                        tick(time_x(1.0), tf(Msg::Ratio, &[Arg::Count(1)])),
                        tick(time_x(time_span.exp()), times(time_span.exp())),
                    ],
                },
            ],
            rows,
            axis_y,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn felt(diff: f64, low: f64, high: f64) -> Option<Difference> {
        Some(Difference { diff, low, high })
    }

    fn time(ratio: f64, low: f64, high: f64) -> Option<Ratio> {
        Some(Ratio { ratio, low, high })
    }

    #[test]
    fn effects_sit_around_their_reference_lines() {
        let chart = Chart::build(&[
            (
                "Whole pilot".into(),
                felt(0.8, 0.4, 1.2),
                time(1.19, 1.03, 1.37),
            ),
            ("Code review".into(), None, None),
        ]);
        let [felt_panel, time_panel] = &chart.panels;
        // Felt ±1.5 around 0, the reference in the middle of the panel.
        assert_eq!(
            felt_panel.reference,
            (felt_panel.left + felt_panel.right) / 2.0
        );
        assert_eq!(felt_panel.ticks[2].label, "+1.5");
        let row = &chart.rows[0];
        let felt = row.felt.unwrap();
        assert!(felt.low > felt_panel.reference && felt.low < felt.mid && felt.mid < felt.high);
        // Slower: the whole whisker right of 1, on a log scale (1.19 nearer 1.37 than 1.03 in log).
        let time = row.time.unwrap();
        assert!(time.low > time_panel.reference);
        assert!(time.low < time.mid && time.mid < time.high);
        assert_eq!(time_panel.ticks[1].label, "1×");
        assert_eq!(time_panel.ticks[0].label, "0.67×");
        assert_eq!(time_panel.ticks[2].label, "1.50×");
        // A group without intervals has a row and no whiskers.
        assert_eq!(chart.rows[1].felt, None);
        assert_eq!(chart.rows[1].time, None);
        assert!(chart.rows[1].y > chart.rows[0].y);
        assert_eq!(chart.height, chart.axis_y + BOTTOM);
    }

    #[test]
    fn a_log_scale_puts_half_and_twice_at_equal_distances() {
        let chart = Chart::build(&[("All".into(), None, time(1.0, 0.5, 2.0))]);
        let time = chart.rows[0].time.unwrap();
        let reference = chart.panels[1].reference;
        assert!(((reference - time.low) - (time.high - reference)).abs() < 0.2);
        assert_eq!(time.mid, reference);
    }
}
