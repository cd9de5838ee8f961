//! A million reports spread over the default config's tasks and tools, for
//! the aggregation benchmarks (SPEC §8). Shared by the native yardstick and
//! the in-browser benchmark so both count the same reports.

use candor_core::{Complexity, Effort, Reason, Report, ReportId};

/// The tasks of `public/candor.json`.
pub const TASKS: [&str; 8] = [
    "code_review",
    "debugging",
    "tests",
    "feature",
    "incident",
    "docs",
    "design",
    "data",
];
/// The tools of `public/candor.json`, `none` first.
pub const TOOLS: [&str; 4] = ["none", "chat", "completion", "agent"];

/// `count` reports made from a fixed sequence (xorshift), the same on every run and platform.
pub fn reports(count: usize) -> Vec<Report> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let weeks: Vec<_> = (1..=52)
        .map(|week| candor_core::IsoWeek::new(2026, week).expect("2026 has 52 weeks"))
        .collect();
    (0..count)
        .map(|i| {
            let bits = next();
            let tool = TOOLS[(bits % 4) as usize];
            let outcome = ((bits >> 8) % 5) as i8 - 2;
            let with_ai = tool != "none";
            Report {
                id: ReportId::from_bytes((i as u128).to_le_bytes()),
                week: weeks[((bits >> 16) % 52) as usize],
                task: TASKS[((bits >> 24) % 8) as usize].to_string(),
                tool: tool.to_string(),
                outcome,
                effort: (with_ai && bits >> 32 & 1 == 1)
                    .then_some(Effort::ALL[((bits >> 33) % 3) as usize]),
                mandated: with_ai.then_some(bits >> 35 & 1 == 1),
                complexity: (bits >> 36 & 1 == 1).then_some(Complexity::Routine),
                team: None,
                pilot: None,
                reasons: if outcome < 0 {
                    vec![Reason::ALL[((bits >> 40) % 5) as usize]]
                } else {
                    Vec::new()
                },
            }
        })
        .collect()
}
