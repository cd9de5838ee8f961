//! `--demo`: plausible synthetic reports, so a first look shows a populated team map.
//!
//! Only an empty database is seeded, through the same validation and
//! storage as real reports. The numbers follow patterns people report about
//! AI tools — a coding agent is good at tests and bad at incident response,
//! mandated use fares worse than chosen use, complex tasks worse than
//! routine ones — and some task × tool pairs are rare, so the map also
//! shows hidden cells. A fixed seed makes every demo the same for a given week.
//!
//! When the config runs no pilot, the demo adds one ([`pilot`]): a randomized
//! trial of a coding agent for writing tests, started 8 closed weeks ago
//! and still running, whose reports say what METR's 2025 trial found —
//! people felt faster with AI and were measured slower (SPEC §10).

use candor_core::{Arm, Complexity, Config, Effort, IsoWeek, Pilot, PilotReport, Reason};
use candor_core::{Report, ReportId, NO_AI};

use crate::store::{Ledger, StoreError};

/// How many closed weeks the demo fills, ending with the last closed one.
pub const WEEKS: u32 = 12;

/// About how many reports the demo files in all.
pub const REPORTS: usize = 3000;

/// The seed; changing it changes every demo map.
const SEED: u64 = 0x00c0_ffee_cafe_f00d;

/// The id of the pilot the demo adds.
pub const PILOT: &str = "demo_tests";

/// How many of the demo pilot's weeks have closed.
pub const PILOT_CLOSED_WEEKS: u32 = 8;

/// How many weeks the demo pilot still runs after the current one.
pub const PILOT_WEEKS_LEFT: u32 = 2;

/// About how many reports the demo pilot holds per arm.
pub const PILOT_REPORTS_PER_ARM: usize = 70;

/// The pilot `--demo` adds to a config that runs none: a randomized trial
/// of a coding agent for writing tests (and one more task, so there are
/// results per task), from [`PILOT_CLOSED_WEEKS`] closed weeks ago to
/// [`PILOT_WEEKS_LEFT`] weeks after `open_week`, so people can still join.
///
/// Takes the config's `tests` and `debugging` tasks and `agent` tool where
/// it has them, else its first tasks and its first AI tool; `None` when
/// the config already runs a pilot or has no AI tool to try.
pub fn pilot(config: &Config, open_week: IsoWeek) -> Option<Pilot> {
    if !config.pilots.is_empty() {
        return None;
    }
    let tasks: Vec<&str> = config.tasks.iter().map(|task| task.id.as_str()).collect();
    let first = ["tests"]
        .into_iter()
        .find(|id| tasks.contains(id))
        .or_else(|| tasks.first().copied())?;
    let second = ["debugging"]
        .into_iter()
        .chain(tasks.iter().copied())
        .find(|id| *id != first && tasks.contains(id));
    let tools: Vec<&candor_core::Choice> = config
        .tools
        .iter()
        .filter(|tool| tool.id != NO_AI)
        .collect();
    let tool = tools
        .iter()
        .find(|tool| tool.id == "agent")
        .or_else(|| tools.first())?;
    let label = if first == "tests" && tool.id == "agent" {
        "Writing tests with a coding agent".to_owned()
    } else {
        let task = config.task(first).map_or(first, |task| task.label.as_str());
        format!("{task} with {}", tool.label)
    };
    let mut from = open_week;
    for _ in 0..PILOT_CLOSED_WEEKS {
        from = from.prev();
    }
    let mut to = open_week;
    for _ in 0..PILOT_WEEKS_LEFT {
        to = to.next();
    }
    Some(Pilot {
        id: PILOT.to_owned(),
        label,
        label_translated: Default::default(),
        tasks: std::iter::once(first)
            .chain(second)
            .map(str::to_owned)
            .collect(),
        tools: vec![tool.id.clone()],
        from,
        to,
        randomize: true,
    })
}

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
    if let Some(pilot) = config.pilot(PILOT).filter(|pilot| pilot.randomize) {
        reports.extend(pilot_reports(&mut rng, pilot, open_week));
    }
    reports
}

/// The demo pilot's reports in its closed weeks: a fair coin gives each
/// task its arm; about one in twelve goes against it. With the agent, tasks
/// take about 25% longer than forecast beyond the usual optimism, and feel
/// better (METR 2025); intention to treat leaves the measured ratio near 1.2.
fn pilot_reports(rng: &mut SplitMix, pilot: &Pilot, open_week: IsoWeek) -> Vec<Report> {
    const FORECASTS: [u32; 8] = [15, 30, 45, 60, 90, 120, 180, 240];
    let mut weeks = Vec::new();
    let mut week = pilot.from;
    while week < open_week && week <= pilot.to {
        weeks.push(week);
        week = week.next();
    }
    if weeks.is_empty() {
        return Vec::new();
    }
    let per_week = 2 * PILOT_REPORTS_PER_ARM / weeks.len();
    let tool = &pilot.tools[0];
    let mut reports = Vec::new();
    for &week in &weeks {
        for _ in 0..per_week {
            let first_task = pilot.tasks.len() == 1 || rng.chance(0.6);
            let task = &pilot.tasks[usize::from(!first_task)];
            let arm = if rng.chance(0.5) { Arm::Ai } else { Arm::NoAi };
            let against = rng.chance(0.08);
            let with_ai = (arm == Arm::Ai) != against;
            let forecast = *rng.pick(&FORECASTS);
            // ln(actual / forecast): people forecast a little short, and the agent costs more.
            let shift = 0.08 + if with_ai { 1.25f64.ln() } else { 0.0 };
            let actual = snap(f64::from(forecast) * (shift + 0.45 * rng.normal()).exp());
            let felt = match (with_ai, first_task) {
                (true, true) => 1.2,
                (true, false) => 0.7,
                (false, _) => 0.1,
            };
            let noise = (rng.unit() + rng.unit() + rng.unit() - 1.5) * 1.6;
            let outcome = (felt + noise).round().clamp(-2.0, 2.0) as i8;
            let reasons = if outcome < 0 && with_ai {
                vec![*rng.weighted(&Reason::ALL, |r| reason_weight(tool, *r))]
            } else {
                Vec::new()
            };
            reports.push(Report {
                id: ReportId::from_bytes(rng.bytes()),
                week,
                task: task.clone(),
                tool: if with_ai {
                    tool.clone()
                } else {
                    NO_AI.to_owned()
                },
                outcome,
                effort: (with_ai && rng.chance(0.7)).then(|| *rng.pick(&Effort::ALL)),
                mandated: None,
                complexity: None,
                team: None,
                reasons,
                pilot: Some(PilotReport {
                    pilot: pilot.id.clone(),
                    arm: Some(arm),
                    forecast,
                    actual,
                }),
            });
        }
    }
    reports
}

/// The minute bucket nearest to `minutes` on a log scale.
fn snap(minutes: f64) -> u32 {
    let off = |bucket: u32| (f64::from(bucket).ln() - minutes.ln()).abs();
    candor_core::MINUTE_BUCKETS
        .into_iter()
        .min_by(|a, b| off(*a).total_cmp(&off(*b)))
        .expect("buckets")
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

    /// A standard normal number (Box–Muller).
    fn normal(&mut self) -> f64 {
        let (u, v) = (1.0 - self.unit(), self.unit());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
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

    #[test]
    fn the_demo_pilot_is_felt_faster_and_measured_slower() {
        use candor_core::{Disagreement, PilotCount, PilotResults, Verdict};
        let served = crate::config::ServedConfig::load(None).unwrap();
        let open: IsoWeek = "2026-W20".parse().unwrap();
        let pilot = pilot(&served.config, open).unwrap();
        assert_eq!(
            (pilot.from.to_string(), pilot.to.to_string()),
            ("2026-W12".into(), "2026-W22".into())
        );
        assert_eq!(
            (pilot.tasks.as_slice(), pilot.tools.as_slice()),
            (
                &["tests".to_owned(), "debugging".to_owned()][..],
                &["agent".to_owned()][..]
            )
        );
        let config = served.with_pilot(pilot).unwrap().config;
        let reports = reports(&config, open);
        let mut counts = Vec::new();
        for report in &reports {
            report.validate().unwrap();
            report.check_against(&config).unwrap();
            counts.extend(PilotCount::of(report));
        }
        for arm in [Arm::Ai, Arm::NoAi] {
            let n = counts.iter().filter(|c| c.arm == arm).count();
            assert!((60..=80).contains(&n), "{arm:?}: {n}");
        }
        let results = PilotResults::compute(&counts, config.k, true, None);
        let effect = &results.effect;
        let time = effect.time.unwrap();
        println!("{effect:?}");
        assert_eq!(effect.verdict, Verdict::Slower, "{effect:?}");
        assert!(
            time.low > 1.0 && (1.1..=1.3).contains(&time.ratio),
            "{time:?}"
        );
        assert_eq!(
            effect.felt_vs_measured,
            Some(Disagreement::FeltBetterMeasuredSlower)
        );
        let felt = |arm: usize| results.arms[arm].felt.unwrap().mean;
        assert!(felt(0) > felt(1) + 0.5, "{:?}", results.arms);
        assert_eq!(results.tasks.len(), 2);
        for task in &results.tasks {
            assert!(task.arms.iter().all(|arm| arm.n.is_some()), "{task:?}");
        }
        // A config that runs a pilot of its own gets none from the demo.
        assert_eq!(super::pilot(&config, open), None);
    }
}
