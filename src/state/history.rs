//! The History page's state and transitions (SPEC §6.5): export, import,
//! erase, "don't keep history on this device", and the words each report
//! and the outbox are shown with. Plain Rust; the page binds it.

use candor_core::{Config, Delivery, ImportOutcome, Report, NO_AI};

use crate::language::{
    complexity_words, effort_words, outcome_words, reason_words, t, tf, Arg, Msg,
};
use crate::store::device::StorageError;
use crate::store::history::ImportError;
use crate::store::sync::SyncStatus;

/// The name of the file an export downloads as.
pub const EXPORT_FILE: &str = "candor-history.json";

/// A confirmation the page is waiting for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pending {
    /// None.
    #[default]
    Nothing,
    /// "Erase everything…".
    Erase,
    /// "Don't keep history on this device…" (which erases too).
    StopKeeping,
}

/// What the History page erases and imports into. The page hands in the
/// device's stores; tests a history in memory.
pub trait Shelf {
    /// Merges an exported history into the device's.
    fn import(&self, raw: &str) -> Result<ImportOutcome, ImportError>;
    /// Erases every report kept on the device.
    fn erase_all(&self) -> Result<(), StorageError>;
    /// Erases and stops keeping a history (and sent report ids) here.
    fn stop_keeping(&self) -> Result<(), StorageError>;
}

/// What the History page shows beside the reports themselves.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HistoryState {
    /// The confirmation on screen, if any.
    pub pending: Pending,
    /// The last thing an action said.
    pub message: Option<String>,
    /// What the last import did, until something else happens.
    pub imported: Option<ImportOutcome>,
}

impl HistoryState {
    /// Asks to confirm `what` (or, with [`Pending::Nothing`], cancels).
    pub fn ask(&mut self, what: Pending) {
        self.pending = what;
    }

    /// The question on screen, with the number of reports it would erase.
    pub fn question(&self, count: usize) -> Option<String> {
        match self.pending {
            Pending::Nothing => None,
            Pending::Erase => Some(tf(Msg::HistoryEraseQuestion, &[Arg::Count(count as u64)])),
            Pending::StopKeeping => Some(tf(Msg::HistoryStopQuestion, &[Arg::Count(count as u64)])),
        }
    }

    /// "Yes, erase": does what was asked and says how it went.
    pub fn confirm(&mut self, shelf: &impl Shelf) {
        let result = match self.pending {
            Pending::Erase => shelf.erase_all(),
            Pending::StopKeeping => shelf.stop_keeping(),
            Pending::Nothing => Ok(()),
        };
        self.pending = Pending::Nothing;
        self.imported = None;
        self.message = Some(match result {
            Ok(()) => t(Msg::HistoryErased).into(),
            Err(error) => tf(Msg::HistoryEraseFailed, &[Arg::Text(&error.to_string())]),
        });
    }

    /// Imports a chosen file's text; `None` when the browser could not read it.
    pub fn import(&mut self, text: Option<&str>, shelf: &impl Shelf) {
        let Some(text) = text else {
            self.message = Some(t(Msg::HistoryUnreadableFile).into());
            return;
        };
        match shelf.import(text) {
            Ok(outcome) => {
                self.message = None;
                self.imported = Some(outcome);
            }
            Err(error) => {
                self.imported = None;
                let error = error.to_string();
                self.message = Some(tf(Msg::HistoryImportFailed, &[Arg::Text(&error)]));
            }
        }
    }

    /// The export's download failed.
    pub fn export_failed(&mut self, error: impl std::fmt::Display) {
        let error = error.to_string();
        self.message = Some(tf(Msg::HistoryExportFailed, &[Arg::Text(&error)]));
    }
}

/// An import's outcome in words: the summary line, then one line per rejected entry.
pub fn import_summary(outcome: &ImportOutcome) -> (String, Vec<String>) {
    let summary = tf(
        Msg::HistoryImported,
        &[
            Arg::Count(outcome.added as u64),
            Arg::Count(outcome.duplicates as u64),
            Arg::Count(outcome.rejected.len() as u64),
        ],
    );
    let rejected = outcome
        .rejected
        .iter()
        .map(|(index, error)| {
            let error = error.to_string();
            tf(
                Msg::HistoryImportEntry,
                &[Arg::Count(*index as u64 + 1), Arg::Text(&error)],
            )
        })
        .collect();
    (summary, rejected)
}

/// The outbox's state in words, or `None` without a sync server.
pub fn sync_line(status: &SyncStatus, waiting: usize) -> Option<String> {
    match status {
        SyncStatus::Off => None,
        SyncStatus::Idle | SyncStatus::Sending => Some(match waiting {
            0 => t(Msg::SyncAllSent).to_string(),
            n => tf(Msg::SyncWaiting, &[Arg::Count(n as u64)]),
        }),
        SyncStatus::Retrying(reason) => Some(tf(
            Msg::SyncRetrying,
            &[Arg::Count(waiting as u64), Arg::Text(&reason.to_string())],
        )),
        SyncStatus::WaitingForToken { reason, .. } => Some(tf(
            Msg::SyncWaitingToken,
            &[Arg::Count(waiting as u64), Arg::Text(&reason.to_string())],
        )),
    }
}

/// One report as the history lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportLine {
    /// The task's label, or its id marked retired.
    pub task: String,
    /// The tool's label ("No AI" for none), or its id marked retired.
    pub tool: String,
    /// The outcome's CSS class: negative, neutral or positive.
    pub outcome_class: &'static str,
    /// The outcome in words.
    pub outcome: &'static str,
    /// Effort, "told to use it", complexity and reasons, in brackets.
    pub details: Option<String>,
    /// Where it stands with the server: CSS class and words.
    pub delivery: Option<(&'static str, String)>,
}

fn label_or_retired(label: Option<&str>, id: &str) -> String {
    label.map_or_else(|| tf(Msg::Retired, &[Arg::Text(id)]), str::to_string)
}

impl ReportLine {
    /// The same line, saying a waiting report waits for a token (SPEC §6.10).
    pub fn waiting_for_token(mut self) -> ReportLine {
        if let Some(("delivery waiting", words)) = &mut self.delivery {
            *words = t(Msg::DeliveryWaitingToken).into();
        }
        self
    }

    /// The words for `report` under `config`.
    pub fn of(config: &Config, report: &Report, delivery: Option<Delivery>) -> ReportLine {
        let task = config.task(&report.task).map(|c| c.label.as_str());
        let tool = if report.tool == NO_AI {
            t(Msg::NoAi).to_string()
        } else {
            label_or_retired(
                config.tool(&report.tool).map(|c| c.label.as_str()),
                &report.tool,
            )
        };
        let mut details: Vec<&str> = Vec::new();
        details.extend(report.effort.as_ref().map(|effort| effort_words(*effort)));
        if report.mandated == Some(true) {
            details.push(t(Msg::ToldToUseIt));
        }
        details.extend(
            report
                .complexity
                .as_ref()
                .map(|level| complexity_words(*level)),
        );
        details.extend(report.reasons.iter().map(|reason| reason_words(*reason)));
        ReportLine {
            task: label_or_retired(task, &report.task),
            tool,
            outcome_class: match report.outcome {
                ..=-1 => "outcome negative",
                0 => "outcome neutral",
                _ => "outcome positive",
            },
            outcome: outcome_words(report.outcome),
            details: (!details.is_empty()).then(|| format!(" ({})", details.join(", "))),
            delivery: delivery.map(|delivery| match delivery {
                Delivery::Waiting => ("delivery waiting", t(Msg::DeliveryWaiting).into()),
                Delivery::Sent => ("delivery sent", t(Msg::DeliverySent).into()),
                Delivery::Rejected(error) => (
                    "delivery rejected",
                    tf(Msg::DeliveryRejected, &[Arg::Text(&error.message)]),
                ),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::{Cell, RefCell};

    use candor_core::{Effort, History, IsoWeek, Reason, ReportId, ServerError};

    use super::*;
    use crate::state::test_config;

    /// A history in memory.
    #[derive(Default)]
    struct Memory {
        history: RefCell<History>,
        keeps: Cell<bool>,
        broken: bool,
    }

    impl Shelf for Memory {
        fn import(&self, raw: &str) -> Result<ImportOutcome, ImportError> {
            Ok(self.history.borrow_mut().import(raw)?)
        }
        fn erase_all(&self) -> Result<(), StorageError> {
            if self.broken {
                return Err(StorageError::Unavailable);
            }
            *self.history.borrow_mut() = History::default();
            Ok(())
        }
        fn stop_keeping(&self) -> Result<(), StorageError> {
            self.erase_all()?;
            self.keeps.set(false);
            Ok(())
        }
    }

    fn report(n: u8, task: &str, tool: &str, outcome: i8) -> Report {
        Report {
            id: ReportId::from_bytes([n; 16]),
            week: IsoWeek::new(2026, 10).unwrap(),
            task: task.into(),
            tool: tool.into(),
            outcome,
            effort: None,
            mandated: None,
            complexity: None,
            team: None,
            pilot: None,
            reasons: Vec::new(),
        }
    }

    fn export_of(reports: &[Report]) -> String {
        History {
            reports: reports.to_vec(),
        }
        .to_json()
    }

    #[test]
    fn an_export_imports_into_another_device_and_again_as_duplicates() {
        let export = export_of(&[report(1, "docs", "chat", 1), report(2, "tests", "none", 0)]);
        let shelf = Memory::default();
        let mut page = HistoryState::default();
        page.import(Some(&export), &shelf);
        let outcome = page.imported.clone().expect("imported");
        assert_eq!((outcome.added, outcome.duplicates), (2, 0));
        assert_eq!(page.message, None);
        page.import(Some(&export), &shelf);
        let (summary, rejected) = import_summary(page.imported.as_ref().unwrap());
        assert_eq!(
            summary,
            "Imported 0 new reports; 2 were already here; 0 rejected."
        );
        assert!(rejected.is_empty());
        assert_eq!(shelf.history.borrow().reports.len(), 2);
    }

    #[test]
    fn a_file_that_is_not_an_export_imports_nothing_and_says_why() {
        let shelf = Memory::default();
        let mut page = HistoryState {
            imported: Some(ImportOutcome {
                added: 1,
                duplicates: 0,
                rejected: Vec::new(),
            }),
            ..HistoryState::default()
        };
        page.import(Some("{\"not\":\"ours\"}"), &shelf);
        assert_eq!(page.imported, None, "the old summary goes");
        let message = page.message.unwrap();
        assert!(
            message.starts_with("Nothing was imported: this file is not a Candor export"),
            "{message}"
        );
    }

    #[test]
    fn an_unreadable_file_is_reported() {
        let mut page = HistoryState::default();
        page.import(None, &Memory::default());
        assert_eq!(page.message.as_deref(), Some("The file could not be read."));
    }

    #[test]
    fn bad_entries_in_an_import_are_listed_by_position() {
        let good = export_of(&[report(1, "docs", "chat", 1)]);
        let broken = good.replace("\"outcome\":1", "\"outcome\":9");
        let shelf = Memory::default();
        let mut page = HistoryState::default();
        page.import(Some(&broken), &shelf);
        let (summary, rejected) = import_summary(page.imported.as_ref().unwrap());
        assert!(summary.ends_with("1 rejected."), "{summary}");
        assert!(rejected[0].starts_with("Entry 1: "), "{rejected:?}");
    }

    #[test]
    fn erasing_asks_first_and_cancel_erases_nothing() {
        let shelf = Memory::default();
        shelf
            .history
            .borrow_mut()
            .reports
            .push(report(1, "docs", "chat", 1));
        let mut page = HistoryState::default();
        assert_eq!(page.question(1), None);
        page.ask(Pending::Erase);
        assert!(page
            .question(1)
            .unwrap()
            .starts_with("Erase the 1 report kept"));
        page.ask(Pending::Nothing);
        assert_eq!(shelf.history.borrow().reports.len(), 1);
        page.ask(Pending::Erase);
        page.confirm(&shelf);
        assert!(shelf.history.borrow().reports.is_empty());
        assert_eq!(page.pending, Pending::Nothing);
        assert_eq!(
            page.message.as_deref(),
            Some("Erased: no reports are kept on this device.")
        );
    }

    #[test]
    fn stopping_history_erases_and_stops_keeping() {
        let shelf = Memory::default();
        shelf.keeps.set(true);
        shelf
            .history
            .borrow_mut()
            .reports
            .push(report(1, "docs", "chat", 1));
        let mut page = HistoryState::default();
        page.ask(Pending::StopKeeping);
        assert!(page
            .question(1)
            .unwrap()
            .starts_with("Stop keeping history here?"));
        page.confirm(&shelf);
        assert!(!shelf.keeps.get());
        assert!(shelf.history.borrow().reports.is_empty());
    }

    #[test]
    fn a_failed_erase_says_so_and_clears_an_import_summary() {
        let shelf = Memory {
            broken: true,
            ..Memory::default()
        };
        let mut page = HistoryState::default();
        page.import(Some(&export_of(&[])), &shelf);
        assert!(page.imported.is_some());
        page.ask(Pending::Erase);
        page.confirm(&shelf);
        assert_eq!(page.imported, None);
        assert!(page.message.unwrap().starts_with("Could not erase: "));
    }

    #[test]
    fn a_failed_export_is_reported() {
        let mut page = HistoryState::default();
        page.export_failed("no document");
        assert_eq!(page.message.as_deref(), Some("Export failed: no document"));
    }

    #[test]
    fn a_report_line_uses_labels_and_marks_retired_ids() {
        let config = test_config();
        let mut filed = report(1, "pairing", "none", -1);
        filed.effort = Some(Effort::High);
        filed.mandated = Some(true);
        filed.reasons = vec![Reason::Wrong];
        let line = ReportLine::of(&config, &filed, Some(Delivery::Waiting));
        assert_eq!(
            line.clone().waiting_for_token().delivery,
            Some(("delivery waiting", " — waiting for a token".to_string()))
        );
        assert_eq!(line.task, "pairing (retired)");
        assert_eq!(line.tool, "No AI");
        assert_eq!(line.outcome_class, "outcome negative");
        assert_eq!(line.outcome, "Slowed me");
        assert_eq!(
            line.details.as_deref(),
            Some(" (Lots of checking and fixing, told to use it, The output was wrong or unreliable)")
        );
        assert_eq!(
            line.delivery,
            Some(("delivery waiting", " — waiting to be sent".to_string()))
        );
        let plain = ReportLine::of(&config, &report(2, "docs", "chat", 2), None);
        assert_eq!(plain.details, None);
        assert_eq!(plain.outcome_class, "outcome positive");
        assert_ne!(plain.task, "docs (retired)");
    }

    #[test]
    fn a_refused_report_shows_the_servers_reason() {
        let refused = Delivery::Rejected(ServerError {
            code: "unknown_task".into(),
            message: "that task is not offered".into(),
            field: Some("task".into()),
        });
        let line = ReportLine::of(&test_config(), &report(1, "docs", "chat", 0), Some(refused));
        assert_eq!(
            line.delivery,
            Some((
                "delivery rejected",
                " — not accepted: that task is not offered".to_string()
            ))
        );
        assert_eq!(line.outcome_class, "outcome neutral");
    }

    #[test]
    fn the_outbox_line_says_what_waits_and_why() {
        assert_eq!(sync_line(&SyncStatus::Off, 3), None);
        let for_token = SyncStatus::WaitingForToken {
            reason: "your single sign-on session has expired".into(),
            sign_in: Some("/".into()),
        };
        let line = sync_line(&for_token, 2).unwrap();
        assert!(
            line.starts_with(
                "2 reports waiting for a token: your single sign-on session has expired."
            ),
            "{line}"
        );
        assert!(line.contains("nothing is lost"), "{line}");
        assert_eq!(
            sync_line(&SyncStatus::Idle, 0).as_deref(),
            Some("Every report filed here has been sent.")
        );
        assert!(sync_line(&SyncStatus::Sending, 2)
            .unwrap()
            .starts_with("2 reports waiting to be sent."));
        assert_eq!(
            sync_line(&SyncStatus::Retrying("the sync server answered HTTP 503".into()), 1).as_deref(),
            Some("1 report waiting: the sync server answered HTTP 503. Candor will try again; nothing is lost.")
        );
    }
}
