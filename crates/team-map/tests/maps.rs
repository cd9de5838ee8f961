//! The maps' model and markup, natively (they were the app's component
//! tests in headless Chromium before the maps became a module of their own):
//! every cell drawn with the baseline first and a table of the same numbers,
//! the palette, a published view's hidden cells, and My map's counts laid
//! out as core's grid lays them out.

use candor_core::{Config, Grid, IsoWeek, Published, Report, ReportId, Tally};
use candor_team_map::heatmap::{
    colour_for_mean, format_mean, svg_markup, svg_markup_in, table_markup,
};
use candor_team_map::page::{model_of, own_model, summary};
use candor_team_map::{CellView, HeatmapModel};

fn config() -> Config {
    Config::from_json(include_str!("../../../public/candor.json"))
        .expect("the default config is valid")
}

fn report(n: u8, task: &str, tool: &str, outcome: i8) -> Report {
    Report {
        id: ReportId::from_bytes([n; 16]),
        week: IsoWeek::new(2026, 10).unwrap(),
        task: task.into(),
        tool: tool.into(),
        outcome,
        effort: None,
        mandated: None,
        complexity: None,
        team: None,
        pilot: None,
        reasons: Vec::new(),
    }
}

fn reports() -> Vec<Report> {
    vec![
        report(1, "debugging", "chat", 2),
        report(2, "debugging", "chat", 1),
        report(3, "debugging", "none", -1),
        report(4, "pairing", "agent", 0),
    ]
}

/// The device's counts as the module reads them from the history document.
fn own_counts(reports: &[Report]) -> Vec<(String, String, [u64; 5])> {
    let tally: Tally = reports.iter().collect();
    tally
        .cells()
        .map(|(task, tool, counts)| (task.to_owned(), tool.to_owned(), counts.outcomes))
        .collect()
}

#[test]
fn my_map_is_laid_out_as_cores_grid() {
    let tally: Tally = reports().iter().collect();
    let from_grid = HeatmapModel::from_grid(&Grid::build(&tally, &config()));
    let mut counts = own_counts(&reports());
    counts.reverse();
    assert_eq!(own_model(&counts, &config()), from_grid);
}

#[test]
fn heatmap_draws_every_cell_with_the_baseline_first_and_a_table() {
    let model = own_model(&own_counts(&reports()), &config());
    let (rows, cols) = (model.rows.len(), model.cols.len());
    assert_eq!(rows, 9, "eight tasks and the retired one");
    let svg = svg_markup(&model, "Test map");
    assert_eq!(svg.matches("<g class=\"cell").count(), rows * cols);
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("aria-label=\"Test map: heatmap"));
    assert!(svg.contains("n = 2"), "{svg}");
    let table = table_markup(&model, "Test map");
    assert!(table.starts_with(
        "<table><caption>Test map</caption><thead><tr><th scope=\"col\">Task</th><th scope=\"col\">No AI</th>"
    ));
    assert!(table.contains("mean +1.5 from 2 reports"), "{table}");
    assert!(table.contains("pairing (retired)"), "{table}");
}

/// The `x` of every `<text class="…{class}…" x="…">` in `svg`, in order.
fn xs(svg: &str, class: &str) -> Vec<i32> {
    svg.split("<text class=\"")
        .skip(1)
        .filter(|text| text.split('"').next().is_some_and(|c| c.contains(class)))
        .filter_map(|text| text.split("x=\"").nth(1)?.split('"').next()?.parse().ok())
        .collect()
}

#[test]
fn right_to_left_mirrors_the_map_the_baseline_next_to_the_tasks() {
    let model = own_model(&own_counts(&reports()), &config());
    let ltr = svg_markup_in(&model, "map", false);
    let rtl = svg_markup_in(&model, "map", true);
    assert!(rtl.contains(" direction=\"rtl\"") && !ltr.contains("direction"));
    let (columns, rows) = (xs(&rtl, "col-label"), xs(&rtl, "row-label"));
    assert_eq!(columns.len(), model.cols.len());
    // Right to left: each column left of the one before; the tasks rightmost.
    assert!(
        columns.windows(2).all(|pair| pair[1] < pair[0]),
        "{columns:?}"
    );
    assert!(rows.iter().all(|x| *x > columns[0]), "{rows:?} {columns:?}");
    // Left to right, the same positions the other way round.
    let (width, mirrored) = (
        rtl.split("width=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse::<i32>()
            .unwrap(),
        xs(&ltr, "col-label"),
    );
    let back: Vec<i32> = columns.iter().map(|x| width - x).collect();
    assert_eq!(back, mirrored);
    assert_eq!(
        rtl.matches("<g class=\"cell").count(),
        ltr.matches("<g class=\"cell").count()
    );
}

#[test]
fn labels_are_escaped_in_the_markup() {
    let mut config = config();
    config.tasks[0].label = "<b>\"Review\" & 'more'</b>".into();
    let model = own_model(&own_counts(&[report(1, "code_review", "chat", 1)]), &config);
    for markup in [
        svg_markup(&model, "<i>map</i>"),
        table_markup(&model, "<i>map</i>"),
    ] {
        assert!(
            !markup.contains("<b>") && !markup.contains("<i>"),
            "{markup}"
        );
        assert!(markup.contains("&lt;i&gt;map&lt;/i&gt;"));
    }
}

#[test]
fn palette_runs_from_orange_through_grey_to_purple() {
    assert_eq!(colour_for_mean(-2.0), [0xb3, 0x58, 0x06]);
    assert_eq!(colour_for_mean(0.0), [0xf7, 0xf7, 0xf7]);
    assert_eq!(colour_for_mean(2.0), [0x54, 0x27, 0x88]);
    assert_eq!(colour_for_mean(9.0), colour_for_mean(2.0));
    assert_eq!(format_mean(1.25), "+1.3");
    assert_eq!(format_mean(-0.5), "−0.5");
    assert_eq!(format_mean(0.01), "0.0");
}

const VIEW: &str = r#"{"k":5,"weeks":{"from":"2026-W36","to":"2026-W47"},"total":{"n":null},
    "tasks":[{"task":"debugging","n":12}],"tools":[{"tool":"chat","n":null}],
    "cells":[{"task":"debugging","tool":"chat","n":7,"outcomes":[0,1,1,3,2],
              "helped":{"share":0.71,"low":0.36,"high":0.92}},
             {"task":"debugging","tool":"none","n":null}]}"#;

#[test]
fn the_team_map_marks_hidden_cells_and_keeps_the_baseline_first() {
    let published: Published = serde_json::from_str(VIEW).expect("the documented shape parses");
    let model = model_of(&published, &config());
    assert_eq!(model.cols[0].id, "none");
    let at = |axes: &[candor_core::Axis], id: &str| axes.iter().position(|a| a.id == id).unwrap();
    let (row, chat) = (at(&model.rows, "debugging"), at(&model.cols, "chat"));
    assert_eq!(model.cells[row][0], CellView::Hidden);
    match &model.cells[row][chat] {
        CellView::Shown { n, mean, helped } => {
            assert_eq!(*n, 7);
            // (−1·1 + 0·1 + 1·3 + 2·2) / 7
            assert!((mean - 6.0 / 7.0).abs() < 1e-9, "{mean}");
            assert_eq!(helped.unwrap().low, 0.36, "the server's interval");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        model.cells[at(&model.rows, "code_review")][chat],
        CellView::Empty
    );
    // The total would add up the hidden cells: the shown cells' reports are given instead.
    assert_eq!(
        summary(&published, None),
        "Weeks 2026-W36 to 2026-W47. Shown cells: 7 reports. The total is withheld, since it \
         would add up the hidden cells. Groups of fewer than 5 reports are hidden, and so is \
         anything a wider view minus this one would reveal."
    );
}

#[test]
fn long_labels_are_cut_with_an_ellipsis_on_a_character() {
    let mut config = config();
    config.tasks[0].label = "Ünïcödé réview of a very long pull request".into();
    let model = own_model(&own_counts(&[report(1, "code_review", "chat", 1)]), &config);
    let svg = svg_markup(&model, "map");
    // Rows keep 23 characters and an ellipsis; the table keeps the whole label.
    assert!(svg.contains(">Ünïcödé réview of a ver…</text>"), "{svg}");
    assert!(table_markup(&model, "map").contains("Ünïcödé réview of a very long pull request"));
}

#[test]
fn the_legend_is_the_palette() {
    use candor_team_map::heatmap::SWATCHES;
    let computed: String = [-2.0, -1.0, 0.0, 1.0, 2.0]
        .into_iter()
        .enumerate()
        .map(|(at, mean)| {
            let [r, g, b] = colour_for_mean(mean);
            format!(
                "<rect x=\"{}\" width=\"26\" height=\"16\" fill=\"#{r:02x}{g:02x}{b:02x}\"></rect>",
                at * 26
            )
        })
        .collect();
    assert_eq!(SWATCHES, computed);
}
