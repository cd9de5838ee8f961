//! How long publishing one view of 1,000,000 stored reports takes in
//! process, nested rules included (the server's `GET /aggregate` less
//! HTTP and JSON), and how long the team map's filter choices take.
//! "prepare" is resolving the closed weeks, which the index does once and
//! then shares until a closed week's counts change; the views after it
//! reuse that, as a server's requests do.
//! `cargo run --release -p candor-core --example publish_bench`

mod common;

use std::time::Instant;

use candor_core::{AggregateFilter, Config, CountIndex, IsoWeek, NestedViews, StoredCount};

/// The filters `crates/server/benches/server.rs` asks for.
const FILTERS: [&str; 8] = [
    "",
    "period=2026-03",
    "period=2026-Q2",
    "mandated=true",
    "effort=high",
    "complexity=complex&mandated=false",
    "period=2026-10&effort=low",
    "period=all",
];

fn main() {
    let config = Config::from_json(include_str!("../../../public/candor.json"))
        .expect("the default config is valid");
    let reports = common::synthetic::reports(1_000_000);
    let mut index: CountIndex = reports
        .iter()
        .map(StoredCount::of)
        .collect::<Vec<_>>()
        .iter()
        .collect();
    println!("{} groups", index.len_groups());
    let this_week = IsoWeek::new(2027, 1).unwrap();
    for _ in 0..3 {
        // A count for a closed week (of no reports, so the numbers below
        // stay put) makes the index resolve its closed weeks again, as a
        // late report does on a server.
        index.add(&StoredCount {
            n: 0,
            ..StoredCount::of(&reports[0])
        });
        let started = Instant::now();
        let views = NestedViews::new(&index, &config, this_week);
        println!("prepare {:.1} ms", started.elapsed().as_secs_f64() * 1000.0);
        drop(views);
    }
    for query in FILTERS {
        let filter: AggregateFilter = query.parse().unwrap();
        let started = Instant::now();
        let view = index.publish(&filter, &config, this_week);
        let publish_ms = started.elapsed().as_secs_f64() * 1000.0;
        let started = Instant::now();
        let choices = NestedViews::new(&index, &config, this_week).choices(&filter);
        let choices_ms = started.elapsed().as_secs_f64() * 1000.0;
        println!(
            "?{query:<36} publish {publish_ms:6.1} ms  choices {choices_ms:7.1} ms  (total {:?}, {} choices)",
            view.total.n,
            choices.len()
        );
    }
}
