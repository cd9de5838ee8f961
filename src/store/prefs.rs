//! Remembered choices: the last task, tool and team (so the next report is two
//! keystrokes), and whether this device keeps a history at all.

use serde_json::{Map, Value};

use super::device::{self, StorageError, PREFS_KEY};

/// Version of the stored prefs document; bump it with a migration.
pub const PREFS_SCHEMA: u64 = 1;

/// What the device remembers between visits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefs {
    /// Schema version of this document.
    pub schema: u64,
    /// Task of the last report filed here.
    pub last_task: Option<String>,
    /// Tool of the last report filed here.
    pub last_tool: Option<String>,
    /// Team of the last report filed here.
    pub last_team: Option<String>,
    /// False on a shared machine: reports are filed but not kept here.
    pub keep_history: bool,
}

const FIELDS: [&str; 5] = [
    "schema",
    "last_task",
    "last_tool",
    "last_team",
    "keep_history",
];

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

// Read and written by hand over `serde_json::Value`: a derived parser would
// add its own code to the app, which has a size budget (SPEC §8).
impl Prefs {
    /// Parses a stored prefs document.
    pub fn parse(raw: &str) -> Result<Prefs, PrefsError> {
        let foreign = |why: String| PrefsError::Foreign(why);
        let value: Value = serde_json::from_str(raw).map_err(|error| foreign(error.to_string()))?;
        let object = value
            .as_object()
            .ok_or_else(|| foreign("not an object".into()))?;
        if let Some(unknown) = object.keys().find(|key| !FIELDS.contains(&key.as_str())) {
            return Err(foreign(format!("unknown field `{unknown}`")));
        }
        let schema = object
            .get("schema")
            .and_then(Value::as_u64)
            .ok_or_else(|| foreign("no schema".into()))?;
        if schema > PREFS_SCHEMA {
            return Err(PrefsError::TooNew(schema));
        }
        let id = |key: &str| -> Result<Option<String>, PrefsError> {
            match object.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(id)) => Ok(Some(id.clone())),
                Some(_) => Err(foreign(format!("`{key}` is not text"))),
            }
        };
        let keep_history = match object.get("keep_history") {
            None => true,
            Some(Value::Bool(keep)) => *keep,
            Some(_) => return Err(foreign("`keep_history` is not true or false".into())),
        };
        Ok(Prefs {
            schema,
            last_task: id("last_task")?,
            last_tool: id("last_tool")?,
            last_team: id("last_team")?,
            keep_history,
        })
    }

    /// The stored form of these prefs.
    pub fn to_json(&self) -> String {
        let mut object = Map::new();
        object.insert("schema".into(), Value::from(self.schema));
        for (key, id) in [
            ("last_task", &self.last_task),
            ("last_tool", &self.last_tool),
            ("last_team", &self.last_team),
        ] {
            if let Some(id) = id {
                object.insert(key.into(), Value::from(id.as_str()));
            }
        }
        object.insert("keep_history".into(), Value::from(self.keep_history));
        Value::Object(object).to_string()
    }

    /// Writes the prefs to the device.
    pub fn save(&self) -> Result<(), StorageError> {
        device::write(PREFS_KEY, &self.to_json())
    }
}
