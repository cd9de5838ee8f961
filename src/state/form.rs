//! The report form's state and transitions (SPEC §4, §6.1): what the
//! employee chose, what the keys do, saving (outbox first, then history),
//! undo, and the deep link `?task=&tool=`. Plain Rust; the page binds it.

use candor_core::{
    Choice, Complexity, Config, Effort, IsoWeek, Reason, Report, ReportId, MAX_REASONS, NO_AI,
};

use crate::language::{complexity_words, effort_words, t, tf, Arg, Msg};
use crate::store::device::StorageError;
use crate::store::prefs::Prefs;

/// The "Why this tool?" answer that means the employee was told to use it.
pub const MANDATED: &str = "told";
/// The "Why this tool?" answer that means it was the employee's own choice.
pub const CHOSEN: &str = "chosen";

/// What the form last said about saving.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Status {
    /// Nothing to say.
    #[default]
    Idle,
    /// Saved; "Undo" is offered for this report.
    Saved(ReportId),
    /// The last report was taken back.
    Undone,
    /// Something needed is not chosen yet.
    Incomplete(&'static str),
    /// Saving or undoing failed, in words.
    Failed(String),
}

/// Where a filed report goes: the outbox (with a sync server) and the
/// device's history. The page hands in the real stores; tests a fake.
pub trait Keeper {
    /// Whether the deployment has a sync server (an outbox).
    fn syncs(&self) -> bool;
    /// Whether this device keeps a history.
    fn keeps_history(&self) -> bool;
    /// Queues the report for the server; returns once it is stored.
    fn enqueue(&self, report: Report) -> Result<(), StorageError>;
    /// Keeps the report in the history and remembers its task, tool and team.
    fn file(&self, report: Report) -> Result<(), StorageError>;
    /// Takes a report just filed back out of the outbox and the history.
    fn take_back(&self, id: &ReportId) -> Result<(), StorageError>;
}

/// Where a report went, as [`keep`] says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// Into the outbox (with a sync server) and the history (when kept).
    Everywhere,
    /// Into the outbox, but the history could not keep it: why.
    ForSendingOnly(String),
    /// Nowhere: why.
    Not(String),
}

/// Checks a report against SPEC §2 and the deployment's config, then keeps
/// it: the outbox first (once it holds the report, the report reaches the
/// server even if keeping it in the history fails), then the history. The
/// form files through this, and so does the pilot desk (SPEC §10).
#[inline(never)]
pub fn keep(report: Report, config: &Config, keeper: &impl Keeper) -> Kept {
    if let Err(error) = report
        .validate()
        .and_then(|()| report.check_against(config))
    {
        return Kept::Not(error.to_string());
    }
    if keeper.syncs() {
        if let Err(error) = keeper.enqueue(report.clone()) {
            return Kept::Not(error.to_string());
        }
    }
    match keeper.file(report) {
        Ok(()) => Kept::Everywhere,
        Err(error) if keeper.syncs() => Kept::ForSendingOnly(error.to_string()),
        Err(error) => Kept::Not(error.to_string()),
    }
}

/// What a key press on the page does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    /// Not the form's: the browser handles it.
    Ignore,
    /// A number key chose this outcome.
    Outcome(i8),
    /// Enter: save the report.
    Save,
}

/// What the key was pressed on, as far as the shortcuts care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyTarget {
    /// A text field or a select: keys type there.
    Typing,
    /// A button, link or summary: Enter activates it.
    Activates,
    /// Anything else (the page, a radio chip, a checkbox).
    Other,
}

impl KeyTarget {
    /// Classifies an element by its tag name (upper case, as the DOM gives
    /// it) and its `type` attribute.
    pub fn of(tag: &str, input_type: Option<&str>) -> KeyTarget {
        match tag {
            "TEXTAREA" | "SELECT" => KeyTarget::Typing,
            "INPUT" if !matches!(input_type, Some("radio" | "checkbox")) => KeyTarget::Typing,
            "BUTTON" | "A" | "SUMMARY" => KeyTarget::Activates,
            _ => KeyTarget::Other,
        }
    }
}

/// The outcome for a shortcut key: "1" is −2 (much worse) … "5" is 2.
pub fn outcome_for_key(key: &str) -> Option<i8> {
    match key {
        "1" => Some(-2),
        "2" => Some(-1),
        "3" => Some(0),
        "4" => Some(1),
        "5" => Some(2),
        _ => None,
    }
}

/// What a key press on the page does. `modified`: Ctrl, Alt or Meta was
/// held, or an input method is composing.
pub fn key_action(key: &str, modified: bool, target: KeyTarget) -> KeyAction {
    if modified || target == KeyTarget::Typing {
        return KeyAction::Ignore;
    }
    if let Some(outcome) = outcome_for_key(key) {
        KeyAction::Outcome(outcome)
    } else if key == "Enter" && target != KeyTarget::Activates {
        KeyAction::Save
    } else {
        KeyAction::Ignore
    }
}

/// Everything the employee chose on the form, and what it last said.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FormState {
    /// The kind of task.
    pub task: Option<String>,
    /// The tool, or `none`.
    pub tool: Option<String>,
    /// The team, when the deployment has teams.
    pub team: Option<String>,
    /// −2..2.
    pub outcome: Option<i8>,
    /// Checking effort, as its id.
    pub effort: Option<String>,
    /// [`MANDATED`] or [`CHOSEN`].
    pub mandated: Option<String>,
    /// Complexity, as its id.
    pub complexity: Option<String>,
    /// Why it did not help; only with a negative outcome.
    pub reasons: Vec<Reason>,
    /// Whether the reasons are on screen. Saving clears the outcome but
    /// leaves them (emptied) in place, so nothing moves under the
    /// employee's eyes; they go or come only with the next outcome chosen.
    pub reasons_shown: bool,
    /// What the form last said about saving.
    pub status: Status,
}

fn known(id: Option<String>, choices: &[Choice]) -> Option<String> {
    id.filter(|id| choices.iter().any(|choice| &choice.id == id))
}

impl FormState {
    /// The form as it opens: a deep link's task and tool win over the
    /// remembered ones; an id the deployment does not offer is ignored, with
    /// a notice (returned) saying so.
    pub fn open(
        config: &Config,
        prefs: &Prefs,
        linked_task: Option<String>,
        linked_tool: Option<String>,
    ) -> (FormState, Vec<String>) {
        let tools = config.baseline_tools();
        let mut notices = Vec::new();
        let mut linked = |name: &str, id: Option<String>, choices: &[Choice]| {
            let id = id?;
            let found = known(Some(id.clone()), choices);
            if found.is_none() {
                notices.push(tf(Msg::LinkIgnored, &[Arg::Text(name), Arg::Text(&id)]));
            }
            found
        };
        let task = linked("task", linked_task, &config.tasks);
        let tool = linked("tool", linked_tool, &tools);
        let form = FormState {
            task: task.or_else(|| known(prefs.last_task.clone(), &config.tasks)),
            tool: tool.or_else(|| known(prefs.last_tool.clone(), &tools)),
            team: known(prefs.last_team.clone(), &config.teams),
            ..FormState::default()
        };
        (form, notices)
    }

    /// Chooses the tool; effort and "told to" are only asked about AI tools.
    pub fn choose_tool(&mut self, tool: String) {
        if tool == NO_AI {
            self.effort = None;
            self.mandated = None;
        }
        self.tool = Some(tool);
    }

    /// Whether an AI tool (not `none`) is chosen.
    pub fn uses_ai(&self) -> bool {
        self.tool.as_deref().is_some_and(|tool| tool != NO_AI)
    }

    /// Chooses the outcome; reasons show for a negative one, and a reason
    /// ticked and then hidden is not filed with a later negative outcome.
    pub fn choose_outcome(&mut self, outcome: i8) {
        self.outcome = Some(outcome);
        self.reasons_shown = outcome < 0;
        if !self.reasons_shown {
            self.reasons.clear();
        }
    }

    /// Ticks or unticks a reason; at most [`MAX_REASONS`] are ticked.
    pub fn toggle_reason(&mut self, reason: Reason) {
        if let Some(at) = self.reasons.iter().position(|r| *r == reason) {
            self.reasons.remove(at);
        } else if self.reasons.len() < MAX_REASONS {
            self.reasons.push(reason);
        }
    }

    /// Whether `reason` cannot be ticked because the list is full.
    pub fn reason_locked(&self, reason: Reason) -> bool {
        self.reasons.len() >= MAX_REASONS && !self.reasons.contains(&reason)
    }

    /// Builds the report, or says what is still missing.
    pub fn report(&self, id: ReportId, week: IsoWeek) -> Result<Report, &'static str> {
        let task = self.task.clone().ok_or(t(Msg::FormMissingTask))?;
        let tool = self.tool.clone().ok_or(t(Msg::FormMissingTool))?;
        let outcome = self.outcome.ok_or(t(Msg::FormMissingOutcome))?;
        let effort = self.effort.as_deref();
        let complexity = self.complexity.as_deref();
        Ok(Report {
            id,
            week,
            task,
            tool,
            outcome,
            effort: Effort::ALL
                .into_iter()
                .find(|level| Some(level.as_str()) == effort),
            mandated: self.mandated.as_ref().map(|answer| answer == MANDATED),
            complexity: Complexity::ALL
                .into_iter()
                .find(|level| Some(level.as_str()) == complexity),
            team: self.team.clone(),
            pilot: None,
            reasons: if outcome < 0 {
                self.reasons.clone()
            } else {
                Vec::new()
            },
        })
    }

    /// Clears the per-report answers, keeping task, tool and team.
    fn reset_answers(&mut self) {
        self.outcome = None;
        self.effort = None;
        self.mandated = None;
        self.complexity = None;
        self.reasons.clear();
    }

    /// Saves the report under `id` for `week`: into the outbox first (once it
    /// holds the report, the report reaches the server even if keeping it in
    /// the history fails), then the history. Returns the id when "Undo" is
    /// offered, so the page can withdraw the offer after a while.
    pub fn save(
        &mut self,
        config: &Config,
        keeper: &impl Keeper,
        id: ReportId,
        week: IsoWeek,
    ) -> Option<ReportId> {
        if !(keeper.keeps_history() || keeper.syncs()) {
            return None;
        }
        let report = match self.report(id, week) {
            Ok(report) => report,
            Err(missing) => {
                self.status = Status::Incomplete(missing);
                return None;
            }
        };
        let id = report.id.clone();
        match keep(report, config, keeper) {
            Kept::Everywhere => {
                self.reset_answers();
                self.status = Status::Saved(id.clone());
                Some(id)
            }
            Kept::ForSendingOnly(error) => {
                self.reset_answers();
                self.status = Status::Failed(tf(Msg::FormSavedNotKept, &[Arg::Text(&error)]));
                None
            }
            Kept::Not(error) => {
                self.status = Status::Failed(tf(Msg::FormNotSaved, &[Arg::Text(&error)]));
                None
            }
        }
    }

    /// Takes back the report just saved, while "Undo" is offered.
    pub fn undo(&mut self, keeper: &impl Keeper) {
        if let Status::Saved(id) = &self.status {
            self.status = match keeper.take_back(id) {
                Ok(()) => Status::Undone,
                Err(error) => {
                    Status::Failed(tf(Msg::FormUndoFailed, &[Arg::Text(&error.to_string())]))
                }
            };
        }
    }

    /// Withdraws the "Undo" offer for `id`, unless something newer was said.
    pub fn expire(&mut self, id: &ReportId) {
        if self.status == Status::Saved(id.clone()) {
            self.status = Status::Idle;
        }
    }
}

fn choice(id: &str, label: &str) -> Choice {
    Choice::plain(id, label, "")
}

/// The checking-effort levels as choices.
pub fn effort_choices() -> Vec<Choice> {
    Effort::ALL
        .into_iter()
        .map(|effort| choice(effort.as_str(), effort_words(effort)))
        .collect()
}

/// The complexity levels as choices.
pub fn complexity_choices() -> Vec<Choice> {
    Complexity::ALL
        .into_iter()
        .map(|level| choice(level.as_str(), complexity_words(level)))
        .collect()
}

/// "Why this tool?" as choices.
pub fn mandated_choices() -> Vec<Choice> {
    vec![
        choice(CHOSEN, t(Msg::MandatedChosen)),
        choice(MANDATED, t(Msg::MandatedTold)),
    ]
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;
    use crate::state::test_config;

    /// A keeper in memory, with switches for each failure.
    #[derive(Default)]
    struct Shelf {
        syncs: bool,
        history_off: bool,
        outbox_full: bool,
        history_full: bool,
        outbox: RefCell<Vec<Report>>,
        history: RefCell<Vec<Report>>,
    }

    impl Keeper for Shelf {
        fn syncs(&self) -> bool {
            self.syncs
        }
        fn keeps_history(&self) -> bool {
            !self.history_off
        }
        fn enqueue(&self, report: Report) -> Result<(), StorageError> {
            if self.outbox_full {
                return Err(StorageError::Unavailable);
            }
            self.outbox.borrow_mut().push(report);
            Ok(())
        }
        fn file(&self, report: Report) -> Result<(), StorageError> {
            if self.history_full {
                return Err(StorageError::Unavailable);
            }
            if !self.history_off {
                self.history.borrow_mut().push(report);
            }
            Ok(())
        }
        fn take_back(&self, id: &ReportId) -> Result<(), StorageError> {
            self.outbox.borrow_mut().retain(|report| &report.id != id);
            self.history.borrow_mut().retain(|report| &report.id != id);
            Ok(())
        }
    }

    fn id(n: u8) -> ReportId {
        ReportId::from_bytes([n; 16])
    }

    fn week() -> IsoWeek {
        IsoWeek::new(2026, 10).unwrap()
    }

    fn ready() -> FormState {
        let mut form = FormState {
            task: Some("debugging".into()),
            tool: Some("chat".into()),
            ..FormState::default()
        };
        form.choose_outcome(1);
        form
    }

    #[test]
    fn a_deep_link_wins_over_what_was_remembered() {
        let prefs = Prefs {
            last_task: Some("docs".into()),
            last_tool: Some("agent".into()),
            ..Prefs::default()
        };
        let (form, notices) = FormState::open(
            &test_config(),
            &prefs,
            Some("incident".into()),
            Some("chat".into()),
        );
        assert_eq!(form.task.as_deref(), Some("incident"));
        assert_eq!(form.tool.as_deref(), Some("chat"));
        assert!(notices.is_empty());
    }

    #[test]
    fn an_unknown_deep_link_is_ignored_with_a_notice() {
        let prefs = Prefs {
            last_task: Some("docs".into()),
            ..Prefs::default()
        };
        let (form, notices) =
            FormState::open(&test_config(), &prefs, Some("astrology".into()), None);
        assert_eq!(
            form.task.as_deref(),
            Some("docs"),
            "the remembered task stays"
        );
        assert_eq!(notices.len(), 1);
        assert!(notices[0].contains("task “astrology”"), "{}", notices[0]);
    }

    #[test]
    fn remembered_choices_the_deployment_retired_are_dropped() {
        let prefs = Prefs {
            last_task: Some("pairing".into()),
            last_tool: Some("none".into()),
            last_team: Some("payments".into()),
            ..Prefs::default()
        };
        let (form, notices) = FormState::open(&test_config(), &prefs, None, None);
        assert_eq!(form.task, None);
        assert_eq!(
            form.tool.as_deref(),
            Some("none"),
            "No AI is always offered"
        );
        assert_eq!(form.team, None, "this deployment has no teams");
        assert!(notices.is_empty(), "only links are reported");
    }

    #[test]
    fn number_keys_choose_the_outcome_and_enter_saves() {
        assert_eq!(
            key_action("1", false, KeyTarget::Other),
            KeyAction::Outcome(-2)
        );
        assert_eq!(
            key_action("3", false, KeyTarget::Other),
            KeyAction::Outcome(0)
        );
        assert_eq!(
            key_action("5", false, KeyTarget::Other),
            KeyAction::Outcome(2)
        );
        assert_eq!(
            key_action("Enter", false, KeyTarget::Other),
            KeyAction::Save
        );
        assert_eq!(key_action("6", false, KeyTarget::Other), KeyAction::Ignore);
        assert_eq!(key_action("x", false, KeyTarget::Other), KeyAction::Ignore);
    }

    #[test]
    fn keys_are_left_alone_in_text_fields_with_modifiers_and_on_buttons() {
        assert_eq!(key_action("3", false, KeyTarget::Typing), KeyAction::Ignore);
        assert_eq!(
            key_action("Enter", false, KeyTarget::Typing),
            KeyAction::Ignore
        );
        assert_eq!(key_action("3", true, KeyTarget::Other), KeyAction::Ignore);
        assert_eq!(
            key_action("Enter", false, KeyTarget::Activates),
            KeyAction::Ignore
        );
        assert_eq!(
            key_action("2", false, KeyTarget::Activates),
            KeyAction::Outcome(-1)
        );
    }

    #[test]
    fn key_targets_are_told_apart_by_tag_and_type() {
        assert_eq!(KeyTarget::of("TEXTAREA", None), KeyTarget::Typing);
        assert_eq!(KeyTarget::of("SELECT", None), KeyTarget::Typing);
        assert_eq!(KeyTarget::of("INPUT", Some("text")), KeyTarget::Typing);
        assert_eq!(KeyTarget::of("INPUT", None), KeyTarget::Typing);
        assert_eq!(KeyTarget::of("INPUT", Some("radio")), KeyTarget::Other);
        assert_eq!(KeyTarget::of("INPUT", Some("checkbox")), KeyTarget::Other);
        assert_eq!(KeyTarget::of("BUTTON", None), KeyTarget::Activates);
        assert_eq!(KeyTarget::of("SUMMARY", None), KeyTarget::Activates);
        assert_eq!(KeyTarget::of("BODY", None), KeyTarget::Other);
    }

    #[test]
    fn saving_says_what_is_missing_first() {
        let shelf = Shelf::default();
        let mut form = FormState::default();
        assert_eq!(form.save(&test_config(), &shelf, id(1), week()), None);
        assert_eq!(
            form.status,
            Status::Incomplete("Choose the kind of task first.")
        );
        form.task = Some("debugging".into());
        form.save(&test_config(), &shelf, id(1), week());
        assert_eq!(
            form.status,
            Status::Incomplete("Choose the tool you used (or No AI).")
        );
        form.choose_tool("chat".into());
        form.save(&test_config(), &shelf, id(1), week());
        assert_eq!(
            form.status,
            Status::Incomplete("Choose how it went: keys 1–5.")
        );
        assert!(shelf.history.borrow().is_empty());
    }

    #[test]
    fn saving_keeps_the_report_and_clears_only_the_answers() {
        let shelf = Shelf::default();
        let mut form = ready();
        form.complexity = Some("complex".into());
        form.effort = Some("low".into());
        form.mandated = Some(MANDATED.into());
        assert_eq!(
            form.save(&test_config(), &shelf, id(1), week()),
            Some(id(1))
        );
        assert_eq!(form.status, Status::Saved(id(1)));
        let kept = shelf.history.borrow();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].outcome, 1);
        assert_eq!(kept[0].effort, Some(Effort::Low));
        assert_eq!(kept[0].mandated, Some(true));
        assert_eq!(kept[0].complexity, Some(Complexity::Complex));
        assert_eq!(form.task.as_deref(), Some("debugging"), "task kept");
        assert_eq!(form.tool.as_deref(), Some("chat"), "tool kept");
        assert_eq!((form.outcome, form.effort.clone()), (None, None));
        assert!(
            shelf.outbox.borrow().is_empty(),
            "no sync server, no outbox"
        );
    }

    #[test]
    fn with_a_sync_server_the_outbox_gets_the_report_first() {
        let shelf = Shelf {
            syncs: true,
            history_full: true,
            ..Shelf::default()
        };
        let mut form = ready();
        assert_eq!(form.save(&test_config(), &shelf, id(2), week()), None);
        assert_eq!(shelf.outbox.borrow().len(), 1);
        match &form.status {
            Status::Failed(words) => {
                assert!(
                    words.starts_with("Saved for sending, but not kept"),
                    "{words}"
                )
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            form.outcome, None,
            "the report is on its way: the answers clear"
        );
    }

    #[test]
    fn a_full_outbox_saves_nothing_and_keeps_the_answers() {
        let shelf = Shelf {
            syncs: true,
            outbox_full: true,
            ..Shelf::default()
        };
        let mut form = ready();
        form.save(&test_config(), &shelf, id(3), week());
        assert!(matches!(&form.status, Status::Failed(words) if words.starts_with("Not saved:")));
        assert!(shelf.history.borrow().is_empty());
        assert_eq!(form.outcome, Some(1), "nothing the employee chose is lost");
    }

    #[test]
    fn a_failed_history_without_sync_keeps_the_answers() {
        let shelf = Shelf {
            history_full: true,
            ..Shelf::default()
        };
        let mut form = ready();
        form.save(&test_config(), &shelf, id(4), week());
        assert!(matches!(&form.status, Status::Failed(words) if words.starts_with("Not saved:")));
        assert_eq!(form.outcome, Some(1));
    }

    #[test]
    fn nothing_is_saved_where_it_would_be_kept_nowhere() {
        let shelf = Shelf {
            history_off: true,
            ..Shelf::default()
        };
        let mut form = ready();
        assert_eq!(form.save(&test_config(), &shelf, id(5), week()), None);
        assert_eq!(form.status, Status::Idle);
        assert_eq!(form.outcome, Some(1));
    }

    #[test]
    fn a_task_the_config_does_not_offer_is_refused_in_words() {
        let shelf = Shelf::default();
        let mut form = ready();
        form.task = Some("astrology".into());
        form.save(&test_config(), &shelf, id(6), week());
        assert!(matches!(&form.status, Status::Failed(words) if words.starts_with("Not saved:")));
        assert!(shelf.history.borrow().is_empty());
    }

    #[test]
    fn undo_takes_the_report_back_and_the_offer_expires() {
        let shelf = Shelf {
            syncs: true,
            ..Shelf::default()
        };
        let mut form = ready();
        form.save(&test_config(), &shelf, id(7), week());
        form.undo(&shelf);
        assert_eq!(form.status, Status::Undone);
        assert!(shelf.history.borrow().is_empty());
        assert!(shelf.outbox.borrow().is_empty());

        form.choose_outcome(2);
        form.save(&test_config(), &shelf, id(8), week());
        form.expire(&id(7));
        assert_eq!(
            form.status,
            Status::Saved(id(8)),
            "an older timer changes nothing"
        );
        form.expire(&id(8));
        assert_eq!(form.status, Status::Idle);
        form.undo(&shelf);
        assert_eq!(form.status, Status::Idle, "no undo once the offer is gone");
        assert_eq!(shelf.history.borrow().len(), 1);
    }

    #[test]
    fn reasons_show_for_a_negative_outcome_and_stay_until_the_next_choice() {
        let shelf = Shelf::default();
        let mut form = ready();
        form.choose_outcome(-1);
        assert!(form.reasons_shown);
        form.toggle_reason(Reason::ALL[0]);
        form.save(&test_config(), &shelf, id(9), week());
        assert_eq!(shelf.history.borrow()[0].reasons, vec![Reason::ALL[0]]);
        assert!(form.reasons_shown, "saving moves nothing on screen");
        assert!(form.reasons.is_empty());
        form.choose_outcome(0);
        assert!(!form.reasons_shown);
    }

    #[test]
    fn a_reason_hidden_by_a_positive_outcome_is_not_filed_later() {
        let shelf = Shelf::default();
        let mut form = ready();
        form.choose_outcome(-2);
        form.toggle_reason(Reason::ALL[1]);
        form.choose_outcome(2);
        form.choose_outcome(-2);
        form.save(&test_config(), &shelf, id(10), week());
        assert!(shelf.history.borrow()[0].reasons.is_empty());
    }

    #[test]
    fn at_most_three_reasons_and_a_second_tick_unticks() {
        let mut form = ready();
        form.choose_outcome(-1);
        for reason in Reason::ALL.into_iter().take(4) {
            form.toggle_reason(reason);
        }
        assert_eq!(form.reasons.len(), MAX_REASONS);
        assert!(form.reason_locked(Reason::ALL[3]));
        assert!(!form.reason_locked(Reason::ALL[0]));
        form.toggle_reason(Reason::ALL[0]);
        assert_eq!(form.reasons, Reason::ALL[1..3].to_vec());
    }

    #[test]
    fn choosing_no_ai_drops_effort_and_told_to() {
        let mut form = ready();
        form.effort = Some("high".into());
        form.mandated = Some(MANDATED.into());
        assert!(form.uses_ai());
        form.choose_tool(NO_AI.into());
        assert!(!form.uses_ai());
        assert_eq!((form.effort, form.mandated), (None, None));
    }
}
