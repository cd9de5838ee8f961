//! In-browser benchmark for SPEC §8: 1,000,000 reports into a heatmap.
//!
//! Built as a small wasm module (not the app, nor the team-map module
//! whose heatmap code it uses) so the numbers measure the work alone: `scripts/bench-aggregate.sh` builds it in release, loads it
//! in headless Chromium and times [`aggregate`] from JavaScript.
//! `generate` runs first and is not timed.

#[path = "../../core/examples/common/synthetic.rs"]
mod synthetic;

use std::cell::RefCell;

use candor_core::{Config, Grid, Report, Tally};
use candor_team_map::heatmap::{svg_markup, HeatmapModel};
use wasm_bindgen::prelude::*;

thread_local! {
    static REPORTS: RefCell<Vec<Report>> = const { RefCell::new(Vec::new()) };
}

/// Makes `count` synthetic reports and keeps them in memory.
#[wasm_bindgen]
pub fn generate(count: usize) {
    REPORTS.with(|reports| *reports.borrow_mut() = synthetic::reports(count));
}

/// Counts the kept reports into the heatmap's model and markup, and returns
/// the number counted (so the work cannot be skipped).
#[wasm_bindgen]
pub fn aggregate() -> f64 {
    let config = Config::from_json(include_str!("../../../public/candor.json"))
        .expect("the default config is valid");
    REPORTS.with(|reports| {
        let reports = reports.borrow();
        let tally: Tally = reports.iter().collect();
        let grid = Grid::build(&tally, &config);
        let model = HeatmapModel::from_grid(&grid);
        let svg = svg_markup(&model, "bench");
        assert!(svg.len() > 100);
        tally.len_reports() as f64
    })
}
