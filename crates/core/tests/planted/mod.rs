//! The planted data of issue 14, shared by `tests/release_audit.rs` and
//! `examples/release_attack.rs`: the default config, about 70 reports in
//! each of three cells over four closed weeks in two months, optional
//! answers sometimes blank, and every view of every filter combination
//! as the server published them before the release was narrowed.

use candor_core::release::{closed_periods, every_team, filters, Scope};
use candor_core::{
    AggregateFilter, Complexity, Config, CountIndex, Effort, IsoWeek, NestedViews, Published,
    StoredCount,
};

const DEFAULT_CONFIG: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../public/candor.json"
));

pub fn week(text: &str) -> IsoWeek {
    text.parse().unwrap()
}

/// A small deterministic generator, so the planted data are the same on every run.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % sides
    }
}

/// About `per_cell` reports in each of three cells, over two weeks of October and two of November 2026.
pub fn planted(per_cell: usize, teams: &[&str], seed: u64) -> Vec<StoredCount> {
    let mut dice = Dice(seed);
    let weeks = ["2026-W41", "2026-W43", "2026-W45", "2026-W47"];
    let cells = [
        ("code_review", "chat"),
        ("incident", "completion"),
        ("tests", "agent"),
    ];
    let mut counts = Vec::new();
    for (task, tool) in cells {
        for _ in 0..per_cell {
            let blank = |dice: &mut Dice| dice.roll(4) == 0;
            counts.push(StoredCount {
                week: week(weeks[dice.roll(4) as usize]),
                task: task.into(),
                tool: tool.into(),
                outcome: dice.roll(5) as i8 - 2,
                effort: (!blank(&mut dice)).then(|| Effort::ALL[dice.roll(3) as usize]),
                mandated: (!blank(&mut dice)).then(|| dice.roll(2) == 0),
                complexity: (!blank(&mut dice)).then(|| Complexity::ALL[dice.roll(2) as usize]),
                team: if teams.is_empty() || blank(&mut dice) {
                    None
                } else {
                    Some(teams[dice.roll(teams.len() as u64) as usize].to_string())
                },
                reasons: vec![],
                n: 1,
            });
        }
    }
    counts
}

pub fn config_with_teams(teams: &[&str]) -> Config {
    let mut value: serde_json::Value = serde_json::from_str(DEFAULT_CONFIG).unwrap();
    if !teams.is_empty() {
        value["teams"] = teams
            .iter()
            .map(|t| serde_json::json!({"id": t, "label": t}))
            .collect();
    }
    Config::from_json(&value.to_string()).unwrap()
}

pub const THIS_WEEK: &str = "2026-W48";

/// Every view of every filter combination, suppressed by the rules alone (what the server published before).
pub fn every_combination(
    counts: &[StoredCount],
    config: &Config,
) -> Vec<(AggregateFilter, Published)> {
    let index: CountIndex = counts.iter().collect();
    let this_week = week(THIS_WEEK);
    let periods = closed_periods(&index, this_week);
    let teams = every_team(&index, config);
    let mut views = NestedViews::new(&index, config, this_week);
    filters(Scope::Every, &periods, &teams)
        .into_iter()
        .map(|filter| {
            let view = views.publish(&filter);
            (filter, view)
        })
        .collect()
}
