//! The task × tool heatmap: colour by mean outcome on a diverging,
//! colour-blind-safe palette (ColorBrewer PuOr), n in every cell, the "No AI"
//! column first as the baseline, uncertain cells faded. The same numbers are
//! offered as a table for screen readers and for anyone who prefers one.
//!
//! The model and its markup, plain Rust: `dom` puts the markup into the
//! page (every label in it escaped) and turns clicks and keys on a cell
//! into the cell's (row, column).

use candor_core::catalog::Arg;
use candor_core::{Axis, CellCounts, Grid, Share};

use crate::lang::{number, shown, t, tf, Msg};

/// What one cell shows.
#[derive(Debug, Clone, PartialEq)]
pub enum CellView {
    /// No reports for this task and tool.
    Empty,
    /// Hidden by the k rule: there are reports, but too few to show.
    Hidden,
    /// Enough reports to show.
    Shown {
        /// Number of reports.
        n: u64,
        /// Mean outcome on −2..2.
        mean: f64,
        /// Share of reports where AI helped, with its Wilson interval.
        helped: Option<Share>,
    },
}

/// Everything the heatmap draws: rows (tasks), columns (tools, `none`
/// first) and a cell for each pair.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatmapModel {
    /// Tasks, top to bottom.
    pub rows: Vec<Axis>,
    /// Tools, left to right, the baseline first.
    pub cols: Vec<Axis>,
    /// `cells[row][col]`.
    pub cells: Vec<Vec<CellView>>,
    /// Mean outcome per period for each cell, oldest first (`None`: hidden
    /// or empty that period); empty when no trend is drawn.
    pub trends: Vec<Vec<Vec<Option<f64>>>>,
    /// Cells can be focused and opened (the team map's drill-down).
    pub interactive: bool,
}

impl HeatmapModel {
    /// The model of a grid counted from reports (no suppression: the
    /// employee's own map).
    pub fn from_grid(grid: &Grid) -> HeatmapModel {
        let cells = grid
            .cells
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| match cell {
                        Some(counts) if counts.n() > 0 => CellView::Shown {
                            n: counts.n(),
                            mean: counts.mean().unwrap_or(0.0),
                            helped: counts.helped(),
                        },
                        _ => CellView::Empty,
                    })
                    .collect()
            })
            .collect();
        HeatmapModel {
            rows: grid.rows.clone(),
            cols: grid.cols.clone(),
            cells,
            trends: Vec::new(),
            interactive: false,
        }
    }

    /// The model of a map of `rows` (tasks) × `cols` (tools), each cell as
    /// `cell(task id, tool id)` says; no trend, not interactive.
    pub fn new(
        rows: Vec<Axis>,
        cols: Vec<Axis>,
        cell: impl Fn(&str, &str) -> CellView,
    ) -> HeatmapModel {
        let mut cells = Vec::new();
        for row in &rows {
            let mut line = Vec::new();
            for col in &cols {
                line.push(cell(&row.id, &col.id));
            }
            cells.push(line);
        }
        HeatmapModel {
            rows,
            cols,
            cells,
            trends: Vec::new(),
            interactive: false,
        }
    }

    /// The mean outcome of a shown cell.
    pub fn mean(&self, row: usize, col: usize) -> Option<f64> {
        match self.cells.get(row)?.get(col)? {
            CellView::Shown { mean, .. } => Some(*mean),
            _ => None,
        }
    }

    /// How much better or worse than "No AI" on the same task a tool's cell is, in mean outcome.
    ///
    /// `None` for the baseline column itself, or when either cell is not shown.
    pub fn vs_baseline(&self, row: usize, col: usize) -> Option<f64> {
        if col == 0 {
            return None;
        }
        Some(self.mean(row, col)? - self.mean(row, 0)?)
    }
}

/// What a cell holding these counts of each outcome (−2..2) shows: its n,
/// mean and the share that helped, as [`HeatmapModel::from_grid`] shows a
/// counted cell; empty when it holds no report.
pub fn counted(outcomes: [u64; 5]) -> CellView {
    let counts = CellCounts {
        outcomes,
        ..CellCounts::default()
    };
    match counts.mean() {
        Some(mean) => CellView::Shown {
            n: counts.n(),
            mean,
            helped: counts.helped(),
        },
        None => CellView::Empty,
    }
}

/// An interval wider than this (40 percentage points) marks a cell as uncertain.
pub const UNCERTAIN_WIDTH: f64 = 0.4;

/// Whether a cell's score is too uncertain to show at full strength.
pub fn is_uncertain(helped: Option<Share>) -> bool {
    helped.is_none_or(|share| share.width() > UNCERTAIN_WIDTH)
}

// ColorBrewer PuOr, 7 classes, reversed so that orange is "worse" and purple
// "helped"; safe for the common forms of colour blindness.
const PALETTE: [(f64, [u8; 3]); 7] = [
    (-2.0, [0xb3, 0x58, 0x06]),
    (-4.0 / 3.0, [0xf1, 0xa3, 0x40]),
    (-2.0 / 3.0, [0xfe, 0xe0, 0xb6]),
    (0.0, [0xf7, 0xf7, 0xf7]),
    (2.0 / 3.0, [0xd8, 0xda, 0xeb]),
    (4.0 / 3.0, [0x99, 0x8e, 0xc3]),
    (2.0, [0x54, 0x27, 0x88]),
];

/// The fill for a mean outcome, interpolated along the palette.
pub fn colour_for_mean(mean: f64) -> [u8; 3] {
    let mean = mean.clamp(-2.0, 2.0);
    let upper = PALETTE
        .iter()
        .position(|(stop, _)| *stop >= mean)
        .unwrap_or(PALETTE.len() - 1)
        .max(1);
    let (low_stop, low) = PALETTE[upper - 1];
    let (high_stop, high) = PALETTE[upper];
    let t = ((mean - low_stop) / (high_stop - low_stop)).clamp(0.0, 1.0);
    let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t).round() as u8;
    [
        mix(low[0], high[0]),
        mix(low[1], high[1]),
        mix(low[2], high[2]),
    ]
}

/// Fades a colour towards white the wider its interval: fully strong up
/// to 20 points, faded by up to 65% from 60 points on (SPEC §5.3).
fn faded(colour: [u8; 3], helped: Option<Share>) -> [u8; 3] {
    let width = helped.map_or(1.0, |share| share.width());
    let amount = ((width - 0.2) / 0.4).clamp(0.0, 1.0) * 0.65;
    colour.map(|channel| (channel as f64 * (1.0 - amount) + 255.0 * amount).round() as u8)
}

fn hex(colour: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", colour[0], colour[1], colour[2])
}

fn is_dark(colour: [u8; 3]) -> bool {
    let [r, g, b] = colour.map(|channel| channel as f64);
    0.299 * r + 0.587 * g + 0.114 * b < 140.0
}

/// A mean with its sign and one decimal, e.g. "+1.2", "−0.5", "0.0", the
/// digits and decimal mark the language's way.
///
/// Rounded to integer tenths first, so a tiny mean is "0.0" without a
/// sign; no float formatting in the app (the browser's `Intl` writes it).
pub fn format_mean(mean: f64) -> String {
    let tenths = (mean * 10.0).round() as i64;
    let sign = match tenths {
        1.. => "+",
        ..=-1 => "−",
        0 => "",
    };
    let signed = sign.to_owned() + &number(tenths.unsigned_abs() as f64 / 10.0, 1);
    isolated(signed)
}

/// `number` kept in one piece, sign first, inside right-to-left text
/// (SPEC §9: "+0.8" would otherwise show as "0.8+" in Arabic); as it is
/// in a left-to-right language.
pub fn isolated(number: String) -> String {
    if shown().right_to_left() {
        format!("\u{2066}{number}\u{2069}")
    } else {
        number
    }
}

/// A share as a whole percentage, e.g. "57%".
pub fn percent(share: f64) -> String {
    tf(Msg::Percent, &[Arg::Count((share * 100.0).round() as u64)])
}

fn format_share(share: Share) -> String {
    let (value, low, high) = (
        percent(share.share),
        percent(share.low),
        percent(share.high),
    );
    tf(
        Msg::CellShare,
        &[Arg::Text(&value), Arg::Text(&low), Arg::Text(&high)],
    )
}

fn axis_label(axis: &Axis) -> String {
    if axis.retired {
        tf(Msg::Retired, &[Arg::Text(&axis.label)])
    } else {
        axis.label.clone()
    }
}

fn short(label: &str, max: usize) -> String {
    // The byte where the (max − 1)th character ends, if the label is longer than max.
    let cut = label
        .char_indices()
        .nth(max)
        .and_then(|_| label.char_indices().nth(max - 1))
        .map(|(at, _)| at);
    let mut short = String::from(cut.and_then(|at| label.get(..at)).unwrap_or(label));
    if cut.is_some() {
        short.push('…');
    }
    short
}

/// Words for one cell of `model`, as a screen reader or the table says them.
pub fn describe_cell(model: &HeatmapModel, row: usize, col: usize) -> String {
    match &model.cells[row][col] {
        CellView::Empty => t(Msg::CellNoReports),
        CellView::Hidden => t(Msg::CellNotEnough),
        CellView::Shown { n, mean, helped } => {
            let mean = format_mean(*mean);
            let mut text = tf(Msg::CellMean, &[Arg::Text(&mean), Arg::Count(*n)]);
            if let Some(share) = helped {
                text.push_str(", ");
                text.push_str(&format_share(*share));
            }
            if let Some(diff) = model.vs_baseline(row, col) {
                text.push_str(", ");
                text.push_str(&tf(Msg::CellAgainstNoAi, &[Arg::Text(&format_mean(diff))]));
            }
            text
        }
    }
}

// Geometry in whole SVG units (integers keep float formatting out of the app).
const LABEL_WIDTH: i32 = 180;
const HEADER_HEIGHT: i32 = 40;
const CELL_WIDTH: i32 = 112;

fn cell_height(model: &HeatmapModel) -> i32 {
    if model.trends.is_empty() {
        54
    } else {
        70
    }
}

/// Escapes text for use inside markup or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// The heatmap as SVG markup. Drawn as one string rather than a tree of
/// elements: the chart is static once built, and a string keeps the module
/// kilobytes under its size budget. Every label is escaped.
///
/// Interactive cells are focusable buttons carrying `data-cell="row-col"`.
pub fn svg_markup(model: &HeatmapModel, title: &str) -> String {
    svg_markup_in(model, title, shown().right_to_left())
}

/// [`svg_markup`], mirrored when `right_to_left` (SPEC §9, Arabic): the
/// task labels on the right, the "No AI" column next to them and the
/// tools leftwards in their order, as a reader of the language reads. The
/// SVG says `direction="rtl"`, so its text anchors mirror with it, on the
/// page and in the downloaded file alike.
pub fn svg_markup_in(model: &HeatmapModel, title: &str, right_to_left: bool) -> String {
    use std::fmt::Write;
    let height_of_cell = cell_height(model);
    let columns = model.cols.len() as i32;
    let width = LABEL_WIDTH + CELL_WIDTH * columns;
    let height = HEADER_HEIGHT + height_of_cell * model.rows.len() as i32;
    let role = if model.interactive { "group" } else { "img" };
    // Where column `col` starts, and where the task labels end.
    let column_x = |col: usize| {
        if right_to_left {
            CELL_WIDTH * (columns - 1 - col as i32)
        } else {
            LABEL_WIDTH + CELL_WIDTH * col as i32
        }
    };
    let labels_end = if right_to_left {
        width - LABEL_WIDTH + 10
    } else {
        LABEL_WIDTH - 10
    };
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" role=\"{role}\"{} \
         aria-label=\"{}\">",
        if right_to_left { " direction=\"rtl\"" } else { "" },
        escape(&tf(Msg::HeatmapLabel, &[Arg::Text(title)]))
    );
    for (col, axis) in model.cols.iter().enumerate() {
        let x = column_x(col) + CELL_WIDTH / 2;
        let _ = write!(
            svg,
            "<text class=\"axis-label col-label\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            HEADER_HEIGHT - 12,
            escape(&short(&axis_label(axis), 17))
        );
    }
    for (row, axis) in model.rows.iter().enumerate() {
        let y = HEADER_HEIGHT + height_of_cell * row as i32;
        let _ = write!(
            svg,
            "<g class=\"heatmap-row\"><text class=\"axis-label row-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            labels_end,
            y + height_of_cell / 2 + 5,
            escape(&short(&axis_label(axis), 24))
        );
        for col in 0..model.cols.len() {
            draw_cell(&mut svg, model, row, col, column_x(col), y);
        }
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    svg
}

/// The heatmap as a standalone SVG file: the chart with its styles inlined, on white.
pub fn svg_document(model: &HeatmapModel, title: &str) -> String {
    let chart = svg_markup(model, title);
    let (open, rest) = chart.split_once('>').unwrap_or((&chart, ""));
    format!(
        "{open}><style>text{{font:13px sans-serif;fill:#1b1b1f}}.cell-score{{font-weight:600}}\
         .dark text{{fill:#fff}}rect{{stroke:#bbb}}.spark{{fill:none;stroke:#1b1b1f;stroke-width:1.5}}</style>\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\" stroke=\"none\"></rect>{rest}"
    )
}

fn draw_cell(svg: &mut String, model: &HeatmapModel, row: usize, col: usize, x: i32, y: i32) {
    use std::fmt::Write;
    let height = cell_height(model);
    let mut lines = Vec::new();
    let (fill, class) = match &model.cells[row][col] {
        CellView::Empty => {
            lines.push("–".to_string());
            ("none".to_string(), "cell empty")
        }
        CellView::Hidden => {
            lines.push(t(Msg::CellNotEnough1));
            lines.push(t(Msg::CellNotEnough2));
            ("#e0e0e0".to_string(), "cell hidden")
        }
        CellView::Shown { n, mean, helped } => {
            let colour = faded(colour_for_mean(*mean), *helped);
            let class = match (is_uncertain(*helped), is_dark(colour)) {
                (true, _) => "cell shown uncertain",
                (false, true) => "cell shown dark",
                (false, false) => "cell shown",
            };
            lines.push(format_mean(*mean));
            lines.push(tf(Msg::CellN, &[Arg::Count(*n)]));
            if let Some(diff) = model.vs_baseline(row, col) {
                lines.push(tf(Msg::CellVsNoAi, &[Arg::Text(&format_mean(diff))]));
            }
            (hex(colour), class)
        }
    };
    if model.interactive {
        // The name starts with the words on the cell, so speech input can
        // say what it sees (WCAG 2.5.3, label in name), then says it in full.
        let mut shown = String::new();
        for line in lines.iter().filter(|line| *line != "–") {
            shown.push_str(line);
            shown.push(' ');
        }
        if !shown.is_empty() {
            shown.push_str("— ");
        }
        let label = tf(
            Msg::CellButton,
            &[
                Arg::Text(&shown),
                Arg::Text(&model.rows[row].label),
                Arg::Text(&model.cols[col].label),
                Arg::Text(&describe_cell(model, row, col)),
            ],
        );
        let _ = write!(
            svg,
            "<g class=\"{class}\" tabindex=\"0\" role=\"button\" data-cell=\"{row}-{col}\" aria-label=\"{}\">",
            escape(&label)
        );
    } else {
        let _ = write!(svg, "<g class=\"{class}\">");
    }
    let _ = write!(
        svg,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"{fill}\"></rect>",
        x + 2,
        y + 2,
        CELL_WIDTH - 4,
        height - 4,
    );
    let cx = x + CELL_WIDTH / 2;
    for (at, line) in lines.iter().enumerate() {
        let class = if at == 0 { "cell-score" } else { "cell-n" };
        // A leading space (not drawn: SVG trims it) keeps the lines apart
        // in the cell's text, which must read as its accessible name does.
        let space = if at == 0 { "" } else { " " };
        let _ = write!(
            svg,
            "<text x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" class=\"{class}\">{space}{line}</text>",
            y + 18 + 14 * at as i32
        );
    }
    if let Some(trend) = model.trends.get(row).and_then(|cells| cells.get(col)) {
        svg.push_str(&sparkline(
            trend,
            x + 12,
            y + height - 16,
            CELL_WIDTH - 24,
            10,
        ));
    }
    svg.push_str("</g>");
}

/// A small line of mean outcome per period; hidden periods leave gaps.
fn sparkline(trend: &[Option<f64>], x: i32, y: i32, width: i32, height: i32) -> String {
    use std::fmt::Write;
    if trend.iter().flatten().count() < 2 {
        return String::new();
    }
    let step = width / (trend.len() as i32 - 1).max(1);
    let mut path = String::new();
    let mut pen_down = false;
    for (at, mean) in trend.iter().enumerate() {
        let Some(mean) = mean else {
            pen_down = false;
            continue;
        };
        let px = x + step * at as i32;
        let py = y + height - ((mean + 2.0) / 4.0 * height as f64).round() as i32;
        let _ = write!(path, "{}{px} {py}", if pen_down { " L" } else { " M" });
        pen_down = true;
    }
    format!("<path class=\"spark\" d=\"{path}\"></path>")
}

/// The same numbers as an HTML table, for screen readers and for anyone
/// who prefers one.
pub fn table_markup(model: &HeatmapModel, title: &str) -> String {
    let mut table = format!(
        "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>",
        escape(title),
        escape(&t(Msg::HeatmapTask))
    );
    for axis in &model.cols {
        table.push_str(&format!(
            "<th scope=\"col\">{}</th>",
            escape(&axis_label(axis))
        ));
    }
    table.push_str("</tr></thead><tbody>");
    for (row, axis) in model.rows.iter().enumerate() {
        table.push_str(&format!(
            "<tr><th scope=\"row\">{}</th>",
            escape(&axis_label(axis))
        ));
        for col in 0..model.cols.len() {
            table.push_str(&format!(
                "<td>{}</td>",
                escape(&describe_cell(model, row, col))
            ));
        }
        table.push_str("</tr>");
    }
    table.push_str("</tbody></table>");
    table
}

/// The colour scale as a small SVG (no inline styles: the page's CSP forbids them).
pub fn legend_markup() -> String {
    format!(
        "<span>{}</span><svg class=\"swatches\" width=\"130\" height=\"16\" aria-hidden=\"true\">{SWATCHES}</svg>\
         <span>{}</span><span class=\"legend-note\">{}</span>",
        escape(&t(Msg::HeatmapMuchWorse)),
        escape(&t(Msg::HeatmapHelpedALot)),
        escape(&t(Msg::HeatmapLegend))
    )
}

/// The legend's swatches: [`colour_for_mean`] of −2, −1, 0, 1 and 2, written
/// out (the test `the_legend_is_the_palette` checks them against it).
pub const SWATCHES: &str = "<rect x=\"0\" width=\"26\" height=\"16\" fill=\"#b35806\"></rect><rect x=\"26\" width=\"26\" height=\"16\" fill=\"#f8c27b\"></rect><rect x=\"52\" width=\"26\" height=\"16\" fill=\"#f7f7f7\"></rect><rect x=\"78\" width=\"26\" height=\"16\" fill=\"#b9b4d7\"></rect><rect x=\"104\" width=\"26\" height=\"16\" fill=\"#542788\"></rect>";
