//! The employee's own reports on this device, as reactive state over local
//! storage. Every change is written to the device before the signal moves, so
//! nothing on screen claims more than what is stored.

use candor_core::{History, HistoryError, ImportOutcome, Report, ReportId};
use leptos::prelude::*;

use super::device::{self, StorageError, HISTORY_KEY, PREFS_KEY};
use super::notices::{Level, Notices};
use super::prefs::Prefs;
use crate::language::{tf, Arg, Msg};

/// The device's history and remembered choices, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct LocalStore {
    history: RwSignal<History>,
    prefs: RwSignal<Prefs>,
}

impl LocalStore {
    /// Opens the device's store. Unreadable data is kept aside under its own
    /// key and the user is told; the app always starts.
    pub fn open(notices: Notices) -> LocalStore {
        let prefs = open_prefs(notices);
        let history = open_history(notices);
        LocalStore {
            history: RwSignal::new(history),
            prefs: RwSignal::new(prefs),
        }
    }

    /// Runs `read` over the history without cloning it.
    pub fn with_history<T>(&self, read: impl FnOnce(&History) -> T) -> T {
        self.history.with(read)
    }

    /// The remembered choices.
    pub fn prefs(&self) -> Signal<Prefs> {
        self.prefs.into()
    }

    /// Whether this device keeps a history.
    pub fn keeps_history(&self) -> bool {
        self.prefs.with_untracked(|prefs| prefs.keep_history)
    }

    /// Files a report: stored on the device (when history is kept) and its
    /// task, tool and team remembered. Returns only after the write succeeded.
    pub fn file(&self, report: Report) -> Result<(), StorageError> {
        let mut prefs = self.prefs.get_untracked();
        prefs.last_task = Some(report.task.clone());
        prefs.last_tool = Some(report.tool.clone());
        prefs.last_team = report.team.clone();
        if prefs.keep_history {
            let mut history = self.history.get_untracked();
            history.reports.push(report);
            save_history(&history)?;
            self.history.set(history);
        }
        // Losing the remembered choices costs a keystroke, not a report.
        let _ = prefs.save();
        self.prefs.set(prefs);
        Ok(())
    }

    /// Takes back a report just filed.
    pub fn undo(&self, id: &ReportId) -> Result<(), StorageError> {
        let mut history = self.history.get_untracked();
        if history.remove(id) {
            save_history(&history)?;
            self.history.set(history);
        }
        Ok(())
    }

    /// Merges an exported history into this one.
    pub fn import(&self, raw: &str) -> Result<ImportOutcome, ImportError> {
        let mut history = self.history.get_untracked();
        let outcome = history.import(raw)?;
        save_history(&history)?;
        self.history.set(history);
        Ok(outcome)
    }

    /// The history as an export document (the same format `import` reads).
    pub fn export_json(&self) -> String {
        self.history.with_untracked(History::to_json)
    }

    /// Erases every report kept on this device.
    pub fn erase_all(&self) -> Result<(), StorageError> {
        device::remove(HISTORY_KEY)?;
        self.history.set(History::default());
        Ok(())
    }

    /// Turns history keeping on or off; turning it off erases what is kept.
    pub fn set_keep_history(&self, keep: bool) -> Result<(), StorageError> {
        if !keep {
            self.erase_all()?;
        }
        let mut prefs = self.prefs.get_untracked();
        prefs.keep_history = keep;
        prefs.save()?;
        self.prefs.set(prefs);
        Ok(())
    }
}

/// Why an import did not happen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file is not a Candor export.
    #[error("this file is not a Candor export: {0}")]
    NotAnExport(#[from] HistoryError),
    /// The merged history could not be saved.
    #[error("{0}")]
    Storage(#[from] StorageError),
}

fn save_history(history: &History) -> Result<(), StorageError> {
    device::write(HISTORY_KEY, &history.to_json())
}

fn open_history(notices: Notices) -> History {
    let raw = match device::read(HISTORY_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return History::default(),
        Err(error) => {
            notices.push(
                Level::Problem,
                tf(Msg::HistoryUnreadable, &[Arg::Text(&error.to_string())]),
            );
            return History::default();
        }
    };
    match History::load(&raw) {
        Ok(loaded) => {
            if !loaded.set_aside.is_empty() {
                let entries: Vec<serde_json::Value> = loaded
                    .set_aside
                    .iter()
                    .map(|entry| {
                        serde_json::json!({
                            "index": entry.index,
                            "error": entry.error.to_string(),
                            "entry": entry.raw,
                        })
                    })
                    .collect();
                let kept = serde_json::to_string(&entries).expect("json serialises");
                let count = entries.len();
                let first = &loaded.set_aside[0].error;
                match device::set_aside("history", &kept) {
                    Ok(key) => notices.push(
                        Level::Problem,
                        tf(
                            Msg::HistoryEntriesAside,
                            &[
                                Arg::Count(count as u64),
                                Arg::Text(&first.to_string()),
                                Arg::Text(&key),
                            ],
                        ),
                    ),
                    Err(error) => notices.push(
                        Level::Problem,
                        tf(
                            Msg::HistoryEntriesLost,
                            &[Arg::Count(count as u64), Arg::Text(&error.to_string())],
                        ),
                    ),
                }
            }
            if loaded.migrated_from.is_some() || !loaded.set_aside.is_empty() {
                let _ = save_history(&loaded.history);
            }
            loaded.history
        }
        Err(error) => {
            match device::set_aside("history", &raw) {
                Ok(key) => {
                    notices.push(
                        Level::Problem,
                        tf(
                            Msg::HistoryAside,
                            &[Arg::Text(&error.to_string()), Arg::Text(&key)],
                        ),
                    );
                    let _ = device::remove(HISTORY_KEY);
                }
                Err(aside_error) => notices.push(
                    Level::Problem,
                    tf(
                        Msg::HistoryNotAside,
                        &[
                            Arg::Text(&error.to_string()),
                            Arg::Text(&aside_error.to_string()),
                            Arg::Text(HISTORY_KEY),
                        ],
                    ),
                ),
            }
            History::default()
        }
    }
}

fn open_prefs(notices: Notices) -> Prefs {
    let raw = match device::read(PREFS_KEY) {
        Ok(Some(raw)) => raw,
        _ => return Prefs::default(),
    };
    match Prefs::parse(&raw) {
        Ok(prefs) => prefs,
        Err(error) => {
            if let Ok(key) = device::set_aside("prefs", &raw) {
                let _ = device::remove(PREFS_KEY);
                notices.push(
                    Level::Info,
                    tf(
                        Msg::PrefsAside,
                        &[Arg::Text(&error.to_string()), Arg::Text(&key)],
                    ),
                );
            }
            Prefs::default()
        }
    }
}
