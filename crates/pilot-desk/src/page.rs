//! The pilot desk as a page model (SPEC §10): what the employee sees and
//! what each action does, in plain Rust, tested natively. `dom` draws it.
//!
//! - **Join or leave** a running pilot: kept on the device only.
//! - **Start** a task of a joined pilot: the task, then the forecast ("how
//!   long will it take, your usual way?"), then — in a randomized pilot —
//!   the coin, drawn by the device ([`Device::coin`]) and said plainly.
//! - **Open tasks** wait on the page with no time stored; each can be
//!   finished or dropped.
//! - **Finish**: how long it took, the tool really used (preset by the
//!   arm), how it went; then it files as a report v2 through the app's own
//!   outbox and history ([`Device::file`]), with Undo for a few seconds.
//!   A report the app refuses keeps the task open (SPEC §7: nothing lost).

use candor_core::{
    Arm, Choice, Config, IsoWeek, Pilot, PilotReport, Report, ReportId, MINUTE_BUCKETS, NO_AI,
    OUTCOME_MIN,
};

use candor_core::catalog::Arg;

use crate::desk::{OpenTask, PilotDesk};
use crate::lang::{number, t, tf, Msg};

/// What the page needs from the browser and the app; tests give a fake.
pub trait Device {
    /// A fair coin from a cryptographic generator: heads is "with AI".
    fn coin(&mut self) -> bool;
    /// 16 random bytes for a report id.
    fn random_id(&mut self) -> ReportId;
    /// Keeps the desk on the device.
    fn keep(&mut self, desk: &PilotDesk) -> Result<(), String>;
    /// Files a report as the form would (outbox, history); a warning to
    /// show if it was filed with one, the reason if it was not filed.
    fn file(&mut self, report: &Report) -> Result<String, String>;
    /// Takes back a report just filed.
    fn take_back(&mut self, id: &ReportId) -> Result<(), String>;
}

/// A radio group of the page, named as its inputs are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Which joined pilot a new task is for (when more than one).
    StartPilot,
    /// The new task's kind.
    StartTask,
    /// The new task's forecast, in minutes.
    Forecast,
    /// How long the finished task took, in minutes.
    Actual,
    /// The tool really used on the finished task.
    Tool,
    /// How it went, −2..=2.
    Outcome,
}

impl Field {
    /// Every field, for reading a name back.
    pub const ALL: [Field; 6] = [
        Field::StartPilot,
        Field::StartTask,
        Field::Forecast,
        Field::Actual,
        Field::Tool,
        Field::Outcome,
    ];

    /// The radio group's name.
    pub fn name(self) -> &'static str {
        match self {
            Field::StartPilot => "desk-pilot",
            Field::StartTask => "desk-task",
            Field::Forecast => "desk-forecast",
            Field::Actual => "desk-actual",
            Field::Tool => "desk-tool",
            Field::Outcome => "desk-outcome",
        }
    }
}

/// Something the employee did on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Join the pilot, or leave it.
    Toggle(String),
    /// A radio chosen.
    Choose(Field, String),
    /// Start the task chosen.
    Start,
    /// Open the finishing form for open task `i`.
    Finish(usize),
    /// Drop open task `i`.
    Drop(usize),
    /// Close the finishing form; the task stays open.
    Cancel,
    /// File the finished task.
    File,
    /// Take back the report just filed.
    Undo,
    /// The Undo offer has run out.
    Expire,
}

impl Action {
    /// Reads a button's `data-act` and `data-arg`.
    pub fn parse(act: &str, arg: &str) -> Option<Action> {
        Some(match act {
            "toggle" => Action::Toggle(arg.to_owned()),
            "start" => Action::Start,
            "finish" => Action::Finish(arg.parse().ok()?),
            "drop" => Action::Drop(arg.parse().ok()?),
            "cancel" => Action::Cancel,
            "file" => Action::File,
            "undo" => Action::Undo,
            _ => return None,
        })
    }

    /// Reads a radio's name and value.
    pub fn chosen(name: &str, value: &str) -> Option<Action> {
        let field = Field::ALL.into_iter().find(|field| field.name() == name)?;
        Some(Action::Choose(field, value.to_owned()))
    }
}

/// The task being finished and what has been said about it so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finishing {
    /// Which open task.
    pub index: usize,
    /// Minutes it took.
    pub actual: Option<u32>,
    /// The tool really used.
    pub tool: Option<String>,
    /// How it went.
    pub outcome: Option<i8>,
}

/// What the page last said.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Said {
    /// Nothing.
    #[default]
    Nothing,
    /// A sentence.
    Text(String),
    /// A report was filed; Undo is offered.
    Filed {
        /// The report's id.
        id: ReportId,
        /// The task it finished, opened again by Undo.
        task: OpenTask,
        /// A warning from the app, if any.
        warning: String,
    },
}

/// An open task as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Its index in the desk, for the buttons.
    pub index: usize,
    /// "Code review · forecast 30 min · Pilot name".
    pub about: String,
    /// "Do this one with AI", or why it cannot be finished.
    pub instruction: String,
    /// Its pilot is over or gone: it can only be dropped.
    pub ended: bool,
}

/// The page.
#[derive(Debug, Clone)]
pub struct DeskPage {
    config: Config,
    week: IsoWeek,
    /// The pilots joined and the open tasks.
    pub desk: PilotDesk,
    /// The joined pilot chosen for a new task.
    pub start_pilot: Option<String>,
    /// The new task's kind.
    pub start_task: Option<String>,
    /// The new task's forecast.
    pub forecast: Option<u32>,
    /// The finishing form, when open.
    pub finishing: Option<Finishing>,
    /// What the page last said.
    pub said: Said,
}

/// A bucket of minutes in words: "45 min", "1 h 30", "16 h".
pub fn minutes_label(minutes: u32) -> String {
    let count = |n: u32| Arg::Count(n.into());
    match (minutes / 60, minutes % 60) {
        (0, m) => tf(Msg::Minutes, &[count(m)]),
        (h, 0) => tf(Msg::Hours, &[count(h)]),
        (h, m) => tf(Msg::HoursMinutes, &[count(h), count(m)]),
    }
}

fn choice(id: String, label: String) -> Choice {
    Choice::plain(id, label, "")
}

/// The minute buckets as choices.
pub fn minute_choices() -> Vec<Choice> {
    MINUTE_BUCKETS
        .iter()
        .map(|&minutes| choice(minutes.to_string(), minutes_label(minutes)))
        .collect()
}

/// The five outcomes' words, −2 to 2.
const OUTCOMES: [Msg; 5] = [
    Msg::OutcomeMuchWorse,
    Msg::OutcomeSlowedMe,
    Msg::OutcomeNoDifference,
    Msg::OutcomeHelped,
    Msg::OutcomeHelpedALot,
];

/// The five outcomes as choices, with their number keys.
pub fn outcome_choices() -> Vec<Choice> {
    (OUTCOME_MIN..)
        .zip(OUTCOMES)
        .zip(1..)
        .map(|((outcome, label), key): ((i8, Msg), u32)| {
            let label = format!("{} {}", number(key.into(), 0), t(label));
            choice(outcome.to_string(), label)
        })
        .collect()
}

impl DeskPage {
    /// The page for `config` in `week`, with the desk the device kept.
    pub fn new(config: Config, week: IsoWeek, desk: PilotDesk) -> DeskPage {
        DeskPage {
            config,
            week,
            desk,
            start_pilot: None,
            start_task: None,
            forecast: None,
            finishing: None,
            said: Said::Nothing,
        }
    }

    /// Whether there is anything to show: a running pilot or an open task.
    pub fn is_empty(&self) -> bool {
        self.running().is_empty() && self.desk.open.is_empty()
    }

    /// The pilots running this week, each with whether it is joined.
    pub fn running(&self) -> Vec<(&Pilot, bool)> {
        self.config
            .pilots
            .iter()
            .filter(|pilot| pilot.runs_in(self.week))
            .map(|pilot| (pilot, self.desk.has_joined(&pilot.id)))
            .collect()
    }

    /// The running pilots joined, as choices.
    pub fn joined(&self) -> Vec<Choice> {
        self.running()
            .into_iter()
            .filter(|(_, joined)| *joined)
            .map(|(pilot, _)| choice(pilot.id.clone(), pilot.label.clone()))
            .collect()
    }

    /// The pilot a new task is for: the one chosen, or the only one joined.
    pub fn start_pilot(&self) -> Option<&Pilot> {
        let joined = self.joined();
        let id = match (&self.start_pilot, joined.as_slice()) {
            (Some(id), _) if joined.iter().any(|p| &p.id == id) => id.clone(),
            (_, [only]) => only.id.clone(),
            _ => return None,
        };
        self.config.pilot(&id)
    }

    /// The tasks of the pilot a new task is for.
    pub fn start_tasks(&self) -> Vec<Choice> {
        let Some(pilot) = self.start_pilot() else {
            return Vec::new();
        };
        self.config
            .tasks
            .iter()
            .filter(|task| pilot.tasks.contains(&task.id))
            .cloned()
            .collect()
    }

    fn label_of(&self, task: &str) -> String {
        self.config
            .task(task)
            .map_or_else(|| task.to_owned(), |task| task.label.clone())
    }

    /// The open tasks, oldest first.
    pub fn rows(&self) -> Vec<Row> {
        self.desk
            .open
            .iter()
            .enumerate()
            .map(|(index, task)| {
                let pilot = self.config.pilot(&task.pilot);
                let ended = !pilot.is_some_and(|pilot| pilot.runs_in(self.week));
                let about = [
                    self.label_of(&task.task),
                    minutes_label(task.forecast),
                    pilot.map_or(task.pilot.clone(), |p| p.label.clone()),
                ];
                Row {
                    index,
                    about: tf(
                        Msg::OpenTaskAbout,
                        &about.each_ref().map(|a| Arg::Text(a.as_str())),
                    ),
                    instruction: if ended {
                        t(Msg::PilotEnded)
                    } else {
                        task.instruction()
                    },
                    ended,
                }
            })
            .collect()
    }

    /// The tools a finished task may have used: `none`, then its pilot's.
    pub fn tool_choices(&self) -> Vec<Choice> {
        let Some(task) = self.finishing_task() else {
            return Vec::new();
        };
        let mut tools = vec![choice(NO_AI.to_owned(), t(Msg::NoAi))];
        if let Some(pilot) = self.config.pilot(&task.pilot) {
            for id in &pilot.tools {
                let label = self.config.tool(id).map_or(id, |tool| &tool.label);
                tools.push(choice(id.clone(), label.clone()));
            }
        }
        tools
    }

    /// The open task being finished.
    pub fn finishing_task(&self) -> Option<&OpenTask> {
        self.desk.open.get(self.finishing.as_ref()?.index)
    }

    /// Does what the employee did; `device` draws the coin, keeps and files.
    pub fn apply(&mut self, action: Action, device: &mut impl Device) {
        match action {
            Action::Toggle(pilot) => {
                self.desk.toggle(&pilot);
                self.keep(device);
            }
            Action::Choose(field, value) => self.choose(field, value),
            Action::Start => self.start(device),
            Action::Finish(index) => self.open_finishing(index),
            Action::Drop(index) => {
                if index < self.desk.open.len() {
                    self.desk.open.remove(index);
                    self.finishing = None;
                    self.keep(device);
                    self.said = Said::Text(t(Msg::Dropped));
                }
            }
            Action::Cancel => self.finishing = None,
            Action::File => self.file(device),
            Action::Undo => self.undo(device),
            Action::Expire => {
                if matches!(self.said, Said::Filed { .. }) {
                    self.said = Said::Nothing;
                }
            }
        }
    }

    fn keep(&mut self, device: &mut impl Device) {
        if let Err(error) = device.keep(&self.desk) {
            self.said = Said::Text(tf(Msg::NotKept, &[Arg::Text(&error)]));
        }
    }

    fn choose(&mut self, field: Field, value: String) {
        let minutes = value
            .parse::<u32>()
            .ok()
            .filter(|m| MINUTE_BUCKETS.contains(m));
        match field {
            Field::StartPilot => {
                self.start_pilot = Some(value);
                self.start_task = None;
            }
            Field::StartTask => self.start_task = Some(value),
            Field::Forecast => self.forecast = minutes,
            Field::Actual | Field::Tool | Field::Outcome => {
                if let Some(finishing) = &mut self.finishing {
                    match field {
                        Field::Actual => finishing.actual = minutes,
                        Field::Tool => finishing.tool = Some(value),
                        _ => finishing.outcome = value.parse().ok(),
                    }
                }
            }
        }
    }

    fn start(&mut self, device: &mut impl Device) {
        let Some(pilot) = self.start_pilot().cloned() else {
            self.said = Said::Text(t(Msg::JoinFirst));
            return;
        };
        let task = self
            .start_task
            .clone()
            .filter(|task| pilot.tasks.contains(task))
            .or_else(|| (pilot.tasks.len() == 1).then(|| pilot.tasks[0].clone()));
        let (Some(task), Some(forecast)) = (task, self.forecast) else {
            self.said = Said::Text(t(Msg::ChooseTaskAndForecast));
            return;
        };
        let heads = device.coin();
        let open = self.desk.start(&pilot, task, forecast, heads);
        self.forecast = None;
        self.said = Said::Text(tf(Msg::Started, &[Arg::Text(open.arm_id())]));
        self.keep(device);
    }

    fn open_finishing(&mut self, index: usize) {
        let Some(task) = self.desk.open.get(index) else {
            return;
        };
        // Without randomization no tool is preset: the employee says which.
        let tool = task.suggested_tool(self.config.pilot(&task.pilot), None);
        self.finishing = Some(Finishing {
            index,
            actual: None,
            tool,
            outcome: None,
        });
        self.said = Said::Nothing;
    }

    /// The report for the finishing form, or what is still missing.
    pub fn report(&self, id: ReportId) -> Result<Report, String> {
        let (Some(finishing), Some(task)) = (&self.finishing, self.finishing_task()) else {
            return Err(t(Msg::ChooseOpenTask));
        };
        let actual = finishing.actual.ok_or_else(|| t(Msg::ChooseActual))?;
        let tool = finishing.tool.clone().ok_or_else(|| t(Msg::ChooseTool))?;
        let outcome = finishing.outcome.ok_or_else(|| t(Msg::ChooseOutcome))?;
        Ok(Report {
            id,
            week: self.week,
            task: task.task.clone(),
            tool,
            outcome,
            effort: None,
            mandated: None,
            complexity: None,
            team: None,
            reasons: Vec::new(),
            pilot: Some(PilotReport {
                pilot: task.pilot.clone(),
                arm: task.arm,
                forecast: task.forecast,
                actual,
            }),
        })
    }

    fn file(&mut self, device: &mut impl Device) {
        let report = match self.report(device.random_id()) {
            Ok(report) => report,
            Err(missing) => {
                self.said = Said::Text(missing);
                return;
            }
        };
        match device.file(&report) {
            Ok(warning) => {
                let index = self.finishing.take().map_or(0, |f| f.index);
                let task = self.desk.open.remove(index);
                self.keep(device);
                if matches!(self.said, Said::Nothing | Said::Text(_)) {
                    self.said = Said::Filed {
                        id: report.id,
                        task,
                        warning,
                    };
                }
            }
            // The task stays open and the form filled: nothing is lost.
            Err(reason) => self.said = Said::Text(tf(Msg::NotFiled, &[Arg::Text(&reason)])),
        }
    }

    fn undo(&mut self, device: &mut impl Device) {
        let Said::Filed { id, task, .. } = std::mem::take(&mut self.said) else {
            return;
        };
        match device.take_back(&id) {
            Ok(()) => {
                self.desk.open.push(task);
                self.said = Said::Text(t(Msg::Undone));
                self.keep(device);
            }
            Err(error) => self.said = Said::Text(tf(Msg::UndoFailed, &[Arg::Text(&error)])),
        }
    }

    /// Whether `arm` and `tool` disagree, for a gentle note on the form.
    pub fn against_arm(&self) -> bool {
        match (self.finishing_task().and_then(|t| t.arm), &self.finishing) {
            (
                Some(arm),
                Some(Finishing {
                    tool: Some(tool), ..
                }),
            ) => arm != Arm::of_tool(tool),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Fake {
        heads: bool,
        kept: Vec<String>,
        filed: Vec<Report>,
        refuse: Option<String>,
        ids: u8,
    }

    impl Device for Fake {
        fn coin(&mut self) -> bool {
            self.heads
        }
        fn random_id(&mut self) -> ReportId {
            self.ids += 1;
            ReportId::from_bytes([self.ids; 16])
        }
        fn keep(&mut self, desk: &PilotDesk) -> Result<(), String> {
            self.kept.push(desk.to_text());
            Ok(())
        }
        fn file(&mut self, report: &Report) -> Result<String, String> {
            match &self.refuse {
                Some(reason) => Err(reason.clone()),
                None => {
                    self.filed.push(report.clone());
                    Ok(String::new())
                }
            }
        }
        fn take_back(&mut self, id: &ReportId) -> Result<(), String> {
            self.filed.retain(|report| &report.id != id);
            Ok(())
        }
    }

    fn config() -> Config {
        Config::from_json(
            r#"{"tasks":[{"id":"tests","label":"Writing tests"},{"id":"docs","label":"Docs"},{"id":"review","label":"Review"}],
                "tools":[{"id":"agent","label":"Coding agent"},{"id":"chat","label":"Chat"}],
                "pilots":[{"id":"trial","label":"Tests with an agent","tasks":["tests","docs"],"tools":["agent"],"from":"2027-W02","to":"2027-W09","randomize":true},
                          {"id":"choice","label":"Reviews","tasks":["review"],"tools":["chat"],"from":"2027-W01","to":"2027-W03","randomize":false}]}"#,
        )
        .unwrap()
    }

    fn page(week: u32) -> DeskPage {
        DeskPage::new(
            config(),
            IsoWeek::new(2027, week).unwrap(),
            PilotDesk::default(),
        )
    }

    fn choose(page: &mut DeskPage, device: &mut Fake, field: Field, value: &str) {
        page.apply(Action::Choose(field, value.into()), device);
    }

    #[test]
    fn a_randomized_task_goes_from_joining_to_a_filed_v2_report() {
        let mut device = Fake::default();
        let mut page = page(3);
        assert_eq!(page.running().len(), 2);
        page.apply(Action::Toggle("trial".into()), &mut device);
        assert_eq!(page.joined().len(), 1);
        // The only pilot joined is the one a task is for; its two tasks are offered.
        assert_eq!(page.start_tasks().len(), 2);
        page.apply(Action::Start, &mut device);
        assert!(matches!(&page.said, Said::Text(t) if t.starts_with("Choose the task")));
        choose(&mut page, &mut device, Field::StartTask, "tests");
        choose(&mut page, &mut device, Field::Forecast, "30");
        page.apply(Action::Start, &mut device);
        assert!(matches!(&page.said, Said::Text(t) if t.contains("Do this one without AI")));
        assert_eq!(page.desk.open[0].arm, Some(Arm::NoAi));
        assert_eq!(
            device.kept.last().unwrap(),
            "joined trial\nopen trial tests 30 no_ai\n"
        );
        // No time anywhere in what is kept.
        assert!(!device.kept.iter().any(|text| text.contains("2027")));

        page.apply(Action::Finish(0), &mut device);
        assert_eq!(
            page.finishing.as_ref().unwrap().tool.as_deref(),
            Some("none")
        );
        assert_eq!(page.tool_choices().len(), 2);
        choose(&mut page, &mut device, Field::Actual, "45");
        page.apply(Action::File, &mut device);
        assert_eq!(
            page.said,
            Said::Text("Choose how it went: keys 1–5.".into())
        );
        choose(&mut page, &mut device, Field::Outcome, "-1");
        page.apply(Action::File, &mut device);
        let report = device.filed.last().unwrap();
        assert_eq!(
            serde_json::to_string(report).unwrap(),
            r#"{"v":2,"id":"02020202020202020202020202020202","week":"2027-W03","task":"tests","tool":"none","outcome":-1,"pilot":"trial","arm":"no_ai","forecast":30,"actual":45}"#
        );
        assert_eq!(report.check_against(&config()), Ok(()));
        assert!(page.desk.open.is_empty());
        assert!(matches!(page.said, Said::Filed { .. }));

        page.apply(Action::Undo, &mut device);
        assert!(device.filed.is_empty());
        assert_eq!(page.desk.open.len(), 1, "undo opens the task again");
    }

    #[test]
    fn a_refused_report_keeps_the_task_open_and_the_answers() {
        let mut device = Fake {
            heads: true,
            refuse: Some("the outbox is full".into()),
            ..Fake::default()
        };
        let mut page = page(3);
        page.apply(Action::Toggle("choice".into()), &mut device);
        choose(&mut page, &mut device, Field::Forecast, "60");
        page.apply(Action::Start, &mut device);
        assert_eq!(page.desk.open[0].arm, None, "no coin without randomization");
        assert_eq!(page.rows()[0].instruction, "Do it your usual way");
        page.apply(Action::Finish(0), &mut device);
        assert_eq!(page.finishing.as_ref().unwrap().tool, None);
        for (field, value) in [
            (Field::Actual, "90"),
            (Field::Tool, "chat"),
            (Field::Outcome, "2"),
        ] {
            choose(&mut page, &mut device, field, value);
        }
        page.apply(Action::File, &mut device);
        assert_eq!(
            page.said,
            Said::Text("Not filed: the outbox is full".into())
        );
        assert_eq!(page.desk.open.len(), 1);
        assert_eq!(page.finishing.as_ref().unwrap().actual, Some(90));
        device.refuse = None;
        page.apply(Action::File, &mut device);
        assert_eq!(device.filed[0].pilot.as_ref().unwrap().arm, None);
    }

    #[test]
    fn an_ended_pilot_shows_its_open_tasks_to_drop_and_forecasts_must_be_buckets() {
        let mut device = Fake::default();
        let mut page = page(3);
        page.apply(Action::Toggle("choice".into()), &mut device);
        choose(&mut page, &mut device, Field::Forecast, "25");
        assert_eq!(page.forecast, None);
        choose(&mut page, &mut device, Field::Forecast, "20");
        page.apply(Action::Start, &mut device);
        let later = DeskPage::new(config(), IsoWeek::new(2027, 5).unwrap(), page.desk.clone());
        assert!(later.rows()[0].ended);
        assert_eq!(later.running().len(), 1);
        assert!(!later.is_empty());
        let mut after = DeskPage::new(config(), IsoWeek::new(2027, 12).unwrap(), page.desk.clone());
        assert!(!after.is_empty(), "an open task still shows");
        after.apply(Action::Drop(0), &mut device);
        assert!(after.is_empty());
    }

    #[test]
    fn actions_read_back_from_the_page() {
        assert_eq!(Action::parse("finish", "2"), Some(Action::Finish(2)));
        assert_eq!(Action::parse("finish", "x"), None);
        assert_eq!(
            Action::chosen("desk-actual", "45"),
            Some(Action::Choose(Field::Actual, "45".into()))
        );
        assert_eq!(Action::chosen("task", "x"), None);
        assert_eq!(minutes_label(90), "1 h 30");
        assert_eq!(outcome_choices()[0].label, "1 Much worse");
        assert_eq!(outcome_choices()[4].id, "2");
    }
}
