//! `--demo`: plausible synthetic reports, so a first look shows a populated team map.
//!
//! Only an empty database is seeded, through the same validation and
//! storage as real reports. The numbers follow patterns people report about
//! AI tools — a coding agent is good at tests and bad at incident response,
//! mandated use fares worse than chosen use, complex tasks worse than
//! routine ones — and some task × tool pairs are rare, so the map also
//! shows hidden cells. A fixed seed makes every demo the same for a given week.

use candor_core::{Complexity, Config, Effort, IsoWeek, Reason, Report, ReportId, NO_AI};

use crate::store::{Ledger, StoreError};

/// How many closed weeks the demo fills, ending with the last closed one.
pub const WEEKS: u32 = 12;

/// About how many reports the demo files in all.
pub const REPORTS: usize = 3000;

/// The seed; changing it changes every demo map.
const SEED: u64 = 0x00c0_ffee_cafe_f00d;

/// Seeds `ledger` with demo reports for the weeks before `open_week`, if it holds none.
///
/// Returns how many reports were stored (0 when the database already had some).
pub fn seed(ledger: &Ledger, config: &Config, open_week: IsoWeek) -> Result<u64, StoreError> {
    if ledger.len_reports() > 0 {
        return Ok(0);
    }
    let reports = reports(config, open_week);
    let mut stored = 0;
    for batch in reports.chunks(500) {
        stored += ledger.ingest(batch)?.stored.len() as u64;
    }
    Ok(stored)
}

/// The demo reports for the [`WEEKS`] weeks before `open_week`; all pass `check_against(config)`.
pub fn reports(config: &Config, open_week: IsoWeek) -> Vec<Report> {
    let mut rng = SplitMix(SEED);
    let tools: Vec<String> = config
        .baseline_tools()
        .into_iter()
        .map(|tool| tool.id)
        .collect();
    let tasks: Vec<&str> = config.tasks.iter().map(|task| task.id.as_str()).collect();
    let mut weeks = Vec::new();
    let mut week = open_week;
    for _ in 0..WEEKS {
        week = week.prev();
        weeks.push(week);
    }
    weeks.reverse();

    // Adoption grows: week `age` gets a share proportional to 6 + age.
    let growth = |age: usize| 6 + age;
    let all_weeks: usize = (0..weeks.len()).map(growth).sum();
    let mut reports = Vec::with_capacity(REPORTS);
    for (age, &week) in weeks.iter().enumerate() {
        for _ in 0..REPORTS * growth(age) / all_weeks {
            let task = *rng.weighted(&tasks, |t| task_weight(t));
            let tool = rng
                .weighted(&tools, |t| tool_weight(t) * usage(task, t))
                .clone();
            let report = one_report(&mut rng, config, week, task, &tool);
            debug_assert!(report.check_against(config).is_ok() && report.validate().is_ok());
            reports.push(report);
        }
    }
    reports
}

fn one_report(
    rng: &mut SplitMix,
    config: &Config,
    week: IsoWeek,
    task: &str,
    tool: &str,
) -> Report {
    let with_ai = tool != NO_AI;
    let complexity = rng.chance(0.8).then(|| {
        if rng.chance(0.6) {
            Complexity::Routine
        } else {
            Complexity::Complex
        }
    });
    let mandated = (with_ai && rng.chance(0.75)).then(|| rng.chance(0.3));
    let mut mean = if with_ai { fit(task, tool) } else { 0.1 };
    if with_ai && complexity == Some(Complexity::Complex) {
        mean -= 0.4;
    }
    if mandated == Some(true) {
        mean -= 0.5;
    }
    let noise = (rng.unit() + rng.unit() + rng.unit() - 1.5) * 1.6;
    let outcome = (mean + noise).round().clamp(-2.0, 2.0) as i8;
    let effort = (with_ai && rng.chance(0.7)).then(|| match outcome {
        ..=-1 if rng.chance(0.7) => Effort::High,
        2 if rng.chance(0.6) => Effort::Low,
        _ => *rng.pick(&Effort::ALL),
    });
    let reasons = if outcome < 0 && with_ai && rng.chance(0.8) {
        let mut reasons = vec![*rng.weighted(&Reason::ALL, |r| reason_weight(tool, *r))];
        if rng.chance(0.35) {
            let second = *rng.weighted(&Reason::ALL, |r| reason_weight(tool, *r));
            if !reasons.contains(&second) {
                reasons.push(second);
            }
        }
        reasons
    } else {
        Vec::new()
    };
    let team =
        (!config.teams.is_empty() && rng.chance(0.7)).then(|| rng.pick(&config.teams).id.clone());
    Report {
        id: ReportId::from_bytes(rng.bytes()),
        week,
        task: task.to_owned(),
        tool: tool.to_owned(),
        outcome,
        effort,
        mandated,
        complexity,
        team,
        pilot: None,
        reasons,
    }
}

/// How well an AI tool fits a task, as a mean outcome; unknown pairs get a steady guess.
fn fit(task: &str, tool: &str) -> f64 {
    match (tool, task) {
        ("agent", "tests") => 1.3,
        ("agent", "feature") => 0.6,
        ("agent", "docs") => 0.4,
        ("agent", "incident") => -1.3,
        ("agent", "debugging") => -0.3,
        ("agent", "design") => -0.6,
        ("chat", "docs") => 1.0,
        ("chat", "data") => 0.8,
        ("chat", "design") => 0.4,
        ("chat", "debugging") => 0.3,
        ("chat", "incident") => -0.5,
        ("completion", "feature") => 0.8,
        ("completion", "tests") => 0.7,
        ("completion", "data") => 0.3,
        ("completion", "incident") => -0.2,
        ("completion", "design") => -0.1,
        _ => {
            // Unknown taxonomies still get varied, repeatable cells.
            let hash = task
                .bytes()
                .chain(tool.bytes())
                .fold(17u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
            f64::from(hash % 25) / 10.0 - 1.0
        }
    }
}

fn task_weight(task: &str) -> f64 {
    match task {
        "feature" => 20.0,
        "code_review" => 18.0,
        "debugging" => 16.0,
        "tests" | "data" => 12.0,
        "docs" => 10.0,
        "design" => 8.0,
        "incident" => 4.0,
        _ => 10.0,
    }
}

fn tool_weight(tool: &str) -> f64 {
    match tool {
        NO_AI => 30.0,
        "chat" => 30.0,
        "completion" => 25.0,
        "agent" => 15.0,
        _ => 20.0,
    }
}

/// How much less a tool is used for a task than usual: rare pairs make hidden cells.
fn usage(task: &str, tool: &str) -> f64 {
    match (task, tool) {
        ("incident", "agent") => 0.1,
        ("design", "completion") => 0.15,
        _ => 1.0,
    }
}

fn reason_weight(tool: &str, reason: Reason) -> f64 {
    match (tool, reason) {
        ("agent", Reason::Wrong | Reason::Redo) => 4.0,
        ("agent", Reason::Checking) => 3.0,
        ("chat", Reason::Context) => 4.0,
        ("chat", Reason::Wrong) => 2.0,
        ("completion", Reason::Friction) => 3.0,
        ("completion", Reason::Checking) => 2.0,
        _ => 1.0,
    }
}

/// SplitMix64: small, fast and plenty for demo data; not for anything secret.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in 0..1.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }

    fn weighted<'a, T>(&mut self, items: &'a [T], weight: impl Fn(&T) -> f64) -> &'a T {
        let total: f64 = items.iter().map(&weight).sum();
        let mut left = self.unit() * total;
        for item in items {
            left -= weight(item);
            if left < 0.0 {
                return item;
            }
        }
        &items[items.len() - 1]
    }

    fn bytes(&mut self) -> [u8; 16] {
        let (a, b) = (self.next().to_le_bytes(), self.next().to_le_bytes());
        std::array::from_fn(|i| if i < 8 { a[i] } else { b[i - 8] })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use candor_core::{audit, AggregateFilter, CountIndex, StoredCount};

    #[test]
    fn demo_reports_are_valid_varied_and_repeatable() {
        let config = crate::config::ServedConfig::load(None).unwrap().config;
        let open: IsoWeek = "2026-W20".parse().unwrap();
        let reports = reports(&config, open);
        assert!((2500..=3500).contains(&reports.len()), "{}", reports.len());
        assert_eq!(reports, super::reports(&config, open));
        for report in &reports {
            report.validate().unwrap();
            report.check_against(&config).unwrap();
            assert!(report.week < open);
        }
        let counts: Vec<StoredCount> = reports.iter().map(StoredCount::of).collect();
        let index: CountIndex = counts.iter().collect();
        let view = index.publish(&AggregateFilter::default(), &config, open);
        audit(&view, config.k).unwrap();
        let mean = |task: &str, tool: &str| {
            let cell = view.cell(task, tool).unwrap();
            let o = cell.outcomes.unwrap();
            (-2..=2)
                .zip(o)
                .map(|(v, n)| v as f64 * n as f64)
                .sum::<f64>()
                / cell.n.unwrap() as f64
        };
        assert!(mean("tests", "agent") > 0.5);
        assert!(
            view.cells.iter().any(|c| c.n.is_none()),
            "some cells are hidden"
        );
        assert!(view.cells.iter().filter(|c| c.n.is_some()).count() > 20);
    }
}
