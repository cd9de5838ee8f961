//! The whole attack of issue 14 on the release of every filter
//! combination, with figures: how many small groups the linear programs
//! expose, with no teams and with three. Slow (minutes), so it is a
//! measurement run by hand, not a test; `tests/release_audit.rs` checks
//! the same attack finds pinned groups, stopping at the tenth.
//! `cargo run --release -p candor-core --example release_attack`

#[path = "../tests/planted/mod.rs"]
mod planted;

use candor_core::lp_audit::{audit_release, Truth};
use planted::{config_with_teams, every_combination, planted, week, THIS_WEEK};

fn main() {
    for teams in [&[][..], &["payments", "search", "infra"][..]] {
        let config = config_with_teams(teams);
        let counts = planted(70, teams, 14);
        let views = every_combination(&counts, &config);
        let audit = audit_release(
            &views,
            &Truth::of_counts(&counts, week(THIS_WEEK)),
            config.k,
        );
        println!(
            "every combination, {} teams: {} views, {} small groups exposed ({} pinned, {} with a proved answer); {:?}",
            teams.len(),
            views.len(),
            audit.findings.len(),
            audit.pinned(),
            audit.proved(),
            audit.stats
        );
    }
}
