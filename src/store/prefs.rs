//! Remembered choices: the last task, tool and team (so the next report is two
//! keystrokes), and whether this device keeps a history at all.

use serde::{Deserialize, Serialize};

use super::device::{self, StorageError, PREFS_KEY};

/// Version of the stored prefs document; bump it with a migration.
pub const PREFS_SCHEMA: u64 = 1;

/// What the device remembers between visits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prefs {
    /// Schema version of this document.
    pub schema: u64,
    /// Task of the last report filed here.
    #[serde(default)]
    pub last_task: Option<String>,
    /// Tool of the last report filed here.
    #[serde(default)]
    pub last_tool: Option<String>,
    /// Team of the last report filed here.
    #[serde(default)]
    pub last_team: Option<String>,
    /// False on a shared machine: reports are filed but not kept here.
    #[serde(default = "keep_by_default")]
    pub keep_history: bool,
}

fn keep_by_default() -> bool {
    true
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            schema: PREFS_SCHEMA,
            last_task: None,
            last_tool: None,
            last_team: None,
            keep_history: true,
        }
    }
}

/// Why stored prefs could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrefsError {
    /// Not JSON, or not the shape of a prefs document.
    #[error("not a Candor settings document ({0})")]
    Foreign(String),
    /// Written by a newer version of the app.
    #[error("written by a newer Candor (schema {0}); this version reads up to {PREFS_SCHEMA}")]
    TooNew(u64),
}

impl Prefs {
    /// Parses a stored prefs document.
    pub fn parse(raw: &str) -> Result<Prefs, PrefsError> {
        let prefs: Prefs =
            serde_json::from_str(raw).map_err(|error| PrefsError::Foreign(error.to_string()))?;
        if prefs.schema > PREFS_SCHEMA {
            return Err(PrefsError::TooNew(prefs.schema));
        }
        Ok(prefs)
    }

    /// Writes the prefs to the device.
    pub fn save(&self) -> Result<(), StorageError> {
        let json = serde_json::to_string(self).expect("prefs serialise");
        device::write(PREFS_KEY, &json)
    }
}
