//! What the device keeps about pilots (SPEC §10): which it joined, and the
//! tasks started and not yet finished.
//!
//! Nothing here is ever sent. Joining and leaving stay on the device; an
//! open task keeps its pilot, task, forecast and, in a randomized pilot,
//! the coin's arm — no time at all, so a finished report says nothing
//! about when the task began. It files as a report v2 only when finished.
//!
//! The device keeps it under [`PILOTS_KEY`] as lines of words, which a
//! person can read in the browser's storage panel and which costs the
//! app's main transfer less than a JSON document would (SPEC §8):
//!
//! ```text
//! joined tests_q1
//! open tests_q1 code_review 30 ai
//! open choices debugging 60 -
//! ```
//!
//! `-` is "no arm" (a pilot without randomization). A line that does not
//! read is kept as it was, so an older or newer app's data is not lost.

use candor_core::catalog::Arg;
use candor_core::{Arm, Pilot, NO_AI};

use crate::lang::{tf, Msg};

/// Where the device keeps its pilots.
pub const PILOTS_KEY: &str = "candor.pilots";

/// A pilot task started on this device and not finished yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenTask {
    /// The pilot's id.
    pub pilot: String,
    /// The task's id, one of the pilot's tasks.
    pub task: String,
    /// The minutes forecast before starting, one of [`candor_core::MINUTE_BUCKETS`].
    pub forecast: u32,
    /// What the coin said, in a randomized pilot.
    pub arm: Option<Arm>,
}

impl OpenTask {
    /// The arm's id for a message's select: `ai`, `no_ai`, or `none`
    /// without a coin.
    pub fn arm_id(&self) -> &'static str {
        self.arm.map_or("none", Arm::id)
    }

    /// What the employee was asked to do, in words.
    pub fn instruction(&self) -> String {
        tf(Msg::Instruction, &[Arg::Text(self.arm_id())])
    }

    /// The tool the finishing form starts with: `none`
    /// for the `no_ai` arm, the pilot's first tool for `ai` unless
    /// `current` is already one of the pilot's, and `current` otherwise.
    pub fn suggested_tool(&self, pilot: Option<&Pilot>, current: Option<String>) -> Option<String> {
        match (self.arm, pilot) {
            (Some(Arm::NoAi), _) => Some(NO_AI.to_owned()),
            (Some(Arm::Ai), Some(pilot))
                if !current.as_ref().is_some_and(|t| pilot.tools.contains(t)) =>
            {
                pilot.tools.first().cloned()
            }
            _ => current,
        }
    }
}

/// The pilots this device joined and its open tasks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PilotDesk {
    /// Ids of the pilots joined, in the order joined.
    pub joined: Vec<String>,
    /// Tasks started and not finished, oldest first.
    pub open: Vec<OpenTask>,
    /// Lines that did not read, kept as they were.
    unread: Vec<String>,
}

impl PilotDesk {
    /// Reads what [`PilotDesk::to_text`] wrote.
    pub fn parse(text: &str) -> PilotDesk {
        let mut desk = PilotDesk::default();
        for line in text.lines().filter(|line| !line.trim().is_empty()) {
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                ["joined", ids @ ..] => desk.joined.extend(ids.iter().map(|id| (*id).to_owned())),
                ["open", pilot, task, forecast, arm] => match (forecast.parse(), *arm) {
                    (Ok(forecast), "-") => desk.open.push(OpenTask {
                        pilot: (*pilot).to_owned(),
                        task: (*task).to_owned(),
                        forecast,
                        arm: None,
                    }),
                    (Ok(forecast), arm) if Arm::parse(arm).is_some() => desk.open.push(OpenTask {
                        pilot: (*pilot).to_owned(),
                        task: (*task).to_owned(),
                        forecast,
                        arm: Arm::parse(arm),
                    }),
                    _ => desk.unread.push(line.to_owned()),
                },
                _ => desk.unread.push(line.to_owned()),
            }
        }
        desk
    }

    /// The text kept on the device.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        if !self.joined.is_empty() {
            text.push_str("joined");
            for id in &self.joined {
                text.push(' ');
                text.push_str(id);
            }
            text.push('\n');
        }
        for task in &self.open {
            let arm = task.arm.map_or("-", Arm::id);
            text.push_str(&format!(
                "open {} {} {} {arm}\n",
                task.pilot, task.task, task.forecast
            ));
        }
        for line in &self.unread {
            text.push_str(line);
            text.push('\n');
        }
        text
    }

    /// Whether this device joined `pilot`.
    pub fn has_joined(&self, pilot: &str) -> bool {
        self.joined.iter().any(|id| id == pilot)
    }

    /// Joins `pilot`, or leaves it if joined. Leaving keeps its open tasks,
    /// which can still be finished or dropped.
    pub fn toggle(&mut self, pilot: &str) {
        if self.has_joined(pilot) {
            self.joined.retain(|id| id != pilot);
        } else {
            self.joined.push(pilot.to_owned());
        }
    }

    /// Starts a task: `heads` is the device's coin, used only in a
    /// randomized pilot (heads: with AI). Returns the task now open.
    pub fn start(&mut self, pilot: &Pilot, task: String, forecast: u32, heads: bool) -> OpenTask {
        let arm = pilot
            .randomize
            .then_some(if heads { Arm::Ai } else { Arm::NoAi });
        let open = OpenTask {
            pilot: pilot.id.clone(),
            task,
            forecast,
            arm,
        };
        self.open.push(open.clone());
        open
    }

    /// Drops an open task (finished or given up); the first equal one.
    pub fn close(&mut self, task: &OpenTask) {
        if let Some(at) = self.open.iter().position(|open| open == task) {
            self.open.remove(at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use candor_core::IsoWeek;

    fn pilot(randomize: bool) -> Pilot {
        Pilot {
            id: "trial".into(),
            label: "Trial".into(),
            label_translated: Default::default(),
            tasks: vec!["debugging".into()],
            tools: vec!["agent".into(), "chat".into()],
            from: IsoWeek::new(2026, 10).unwrap(),
            to: IsoWeek::new(2026, 12).unwrap(),
            randomize,
        }
    }

    #[test]
    fn a_desk_round_trips_through_its_text_and_keeps_lines_it_cannot_read() {
        let mut desk = PilotDesk::default();
        desk.toggle("trial");
        desk.toggle("other");
        desk.start(&pilot(true), "debugging".into(), 30, true);
        desk.start(&pilot(false), "debugging".into(), 120, true);
        let text = format!(
            "{}open trial debugging soon ai\nsomething new\n",
            desk.to_text()
        );
        let again = PilotDesk::parse(&text);
        assert_eq!(again.joined, ["trial", "other"]);
        assert_eq!(again.open, desk.open);
        assert_eq!(again.open[0].arm, Some(Arm::Ai));
        assert_eq!(again.open[1].arm, None);
        assert_eq!(PilotDesk::parse(&again.to_text()), again);
        assert!(again
            .to_text()
            .ends_with("open trial debugging soon ai\nsomething new\n"));
        assert_eq!(PilotDesk::parse(""), PilotDesk::default());
    }

    #[test]
    fn the_coin_gives_the_arm_only_in_a_randomized_pilot() {
        let mut desk = PilotDesk::default();
        let heads = desk.start(&pilot(true), "debugging".into(), 30, true);
        let tails = desk.start(&pilot(true), "debugging".into(), 30, false);
        let chosen = desk.start(&pilot(false), "debugging".into(), 30, false);
        assert_eq!(
            (heads.arm, tails.arm, chosen.arm),
            (Some(Arm::Ai), Some(Arm::NoAi), None)
        );
        assert_eq!(tails.instruction(), "Do this one without AI");
        desk.close(&heads);
        assert_eq!(desk.open, [tails, chosen]);
    }

    #[test]
    fn leaving_keeps_open_tasks() {
        let mut desk = PilotDesk::default();
        desk.toggle("trial");
        desk.start(&pilot(true), "debugging".into(), 30, true);
        desk.toggle("trial");
        assert!(!desk.has_joined("trial"));
        assert_eq!(desk.open.len(), 1);
    }

    #[test]
    fn the_tool_follows_the_arm() {
        let trial = pilot(true);
        let task = |arm| OpenTask {
            pilot: "trial".into(),
            task: "debugging".into(),
            forecast: 30,
            arm,
        };
        let chat = Some("chat".to_owned());
        assert_eq!(
            task(Some(Arm::NoAi))
                .suggested_tool(Some(&trial), chat.clone())
                .as_deref(),
            Some("none")
        );
        assert_eq!(
            task(Some(Arm::Ai)).suggested_tool(Some(&trial), chat.clone()),
            chat
        );
        assert_eq!(
            task(Some(Arm::Ai))
                .suggested_tool(Some(&trial), Some("none".into()))
                .as_deref(),
            Some("agent")
        );
        assert_eq!(task(None).suggested_tool(Some(&trial), None), None);
    }
}
