//! What the audited release costs on the `--demo` data: build time, rounds,
//! and the cells each view shows with the rules alone and after the audit.
//!
//! `cargo run --release -p candor-server --example release_build -- [YYYY-Www]`
//! (the open week; default 2026-W49).

use candor_core::release::{Release, Scope};
use candor_core::{Config, CountIndex, IsoWeek, Published, StoredCount};
use std::time::Instant;

fn shown(view: &Published) -> usize {
    view.cells.iter().filter(|cell| cell.n.is_some()).count()
}

fn main() {
    let config: Config = serde_json::from_str(candor_server::config::BUILT_IN).unwrap();
    let open: IsoWeek = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "2026-W49".into())
        .parse()
        .expect("an ISO week, like 2026-W49");
    let reports = candor_server::demo::reports(&config, open);
    let counts: Vec<StoredCount> = reports.iter().map(StoredCount::of).collect();
    let index: CountIndex = counts.iter().collect();

    let started = Instant::now();
    let rules_only = Release::build_with(&index, &config, open, Scope::PeriodAndOne, false);
    println!(
        "{} demo reports; rules only: {} views in {:?}",
        reports.len(),
        rules_only.views.len(),
        started.elapsed()
    );
    let started = Instant::now();
    let audited = Release::build(&index, &config, open, Scope::PeriodAndOne);
    println!(
        "audited: {:?}, {} rounds, {} groups hidden by the audit, first audit found {} exposed groups; last audit {:?}",
        started.elapsed(),
        audited.rounds,
        audited.extra_hidden,
        audited.first_findings.len(),
        audited.audit
    );
    let (mut before, mut after) = (0, 0);
    for ((filter, plain), (_, kept)) in rules_only.views.iter().zip(&audited.views) {
        before += shown(plain);
        after += shown(kept);
        println!(
            "{:32} cells shown {:3} -> {:3}",
            if filter.to_query().is_empty() {
                "(all)".to_owned()
            } else {
                filter.to_query()
            },
            shown(plain),
            shown(kept)
        );
    }
    println!("every view: {before} -> {after} cells shown");
}
