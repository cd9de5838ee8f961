//! Native yardstick for SPEC §8's in-browser budget: 1,000,000 reports
//! counted into a task × tool grid, the same work the browser does for a
//! heatmap. `cargo run --release -p candor-core --example aggregate_bench`
//! prints the median of 11 runs in milliseconds.

mod common;

use std::time::Instant;

use candor_core::{Config, Grid, Tally};

fn main() {
    let config = Config::from_json(include_str!("../../../public/candor.json"))
        .expect("the default config is valid");
    let reports = common::synthetic::reports(1_000_000);
    let mut times = Vec::new();
    for _ in 0..11 {
        let started = Instant::now();
        let tally: Tally = reports.iter().collect();
        let grid = Grid::build(&tally, &config);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(tally.len_reports(), 1_000_000);
        assert_eq!(grid.rows.len(), 8);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "native aggregate of 1,000,000 reports: median {:.1} ms (11 runs)",
        times[5]
    );
}
