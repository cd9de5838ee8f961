//! The device's own history, as stored in the browser (versioned from day one).
//!
//! A stored document is `{"schema":1,"reports":[...]}`. Reading it never
//! fails on one bad entry: entries that break a rule are set aside with the
//! reason, so nothing the employee filed is silently lost (SPEC §7).

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;
use serde_json::Value;

use crate::report::{Report, ReportError, ReportId};
use crate::week::IsoWeek;

/// The history document schema this crate writes, and the newest it reads.
pub const SCHEMA: u64 = 1;

/// The device's reports, oldest filed first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// The reports in the order they were filed or imported.
    pub reports: Vec<Report>,
}

/// What was read from a stored document: the history, plus entries that failed validation (kept aside, not dropped).
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The entries that read as valid reports.
    pub history: History,
    /// The entries that did not, to keep and show rather than drop.
    pub set_aside: Vec<SetAside>,
    /// The schema the document was written in, when it was older than [`SCHEMA`].
    pub migrated_from: Option<u64>,
}

/// One stored entry that is not a valid report.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    /// Its position in the stored list.
    pub index: usize,
    /// The entry's JSON, so it can be stored again or shown.
    pub raw: String,
    /// Why it was set aside.
    pub error: ReportError,
}

/// Why a stored or imported document could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HistoryError {
    /// The text is not JSON; carries the parser's words.
    #[error("not JSON: {0}")]
    NotJson(String),
    /// The JSON is not a history document.
    #[error("not a Candor history document")]
    Foreign,
    /// A newer Candor wrote it; this version must not touch it.
    #[error("written by a newer Candor (schema {0}); this version reads up to {SCHEMA}")]
    TooNew(u64),
}

/// What an import did.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    /// Reports added to the history.
    pub added: usize,
    /// Reports whose id was already there; the copy in the history is kept.
    pub duplicates: usize,
    /// Entries that are not valid reports, by position in the imported list.
    pub rejected: Vec<(usize, ReportError)>,
}

/// The stored form, borrowed so writing copies nothing.
#[derive(Serialize)]
struct Document<'a> {
    schema: u64,
    reports: &'a [Report],
}

/// The entries of a history document, whatever schema it was written in.
struct Entries {
    items: Vec<Value>,
    migrated_from: Option<u64>,
}

impl Entries {
    fn read(raw: &str) -> Result<Entries, HistoryError> {
        let value: Value =
            serde_json::from_str(raw).map_err(|err| HistoryError::NotJson(err.to_string()))?;
        match value {
            // Schema 0, before versioning: a bare list of reports.
            Value::Array(items) => Ok(Entries {
                items,
                migrated_from: Some(0),
            }),
            Value::Object(mut map) => {
                let schema = map
                    .get("schema")
                    .and_then(Value::as_u64)
                    .ok_or(HistoryError::Foreign)?;
                // Checked before the other fields: a newer schema may add some,
                // and "too new" tells the user what to do where "foreign" does not.
                if schema > SCHEMA {
                    return Err(HistoryError::TooNew(schema));
                }
                if schema != SCHEMA || map.keys().any(|key| key != "schema" && key != "reports") {
                    return Err(HistoryError::Foreign);
                }
                match map.remove("reports") {
                    Some(Value::Array(items)) => Ok(Entries {
                        items,
                        migrated_from: None,
                    }),
                    _ => Err(HistoryError::Foreign),
                }
            }
            _ => Err(HistoryError::Foreign),
        }
    }
}

impl History {
    /// Reads a stored document, migrating older schemas and setting bad entries aside.
    pub fn load(raw: &str) -> Result<Loaded, HistoryError> {
        let entries = Entries::read(raw)?;
        let mut history = History::default();
        let mut set_aside = Vec::new();
        for (index, item) in entries.items.iter().enumerate() {
            match Report::from_value(item) {
                Ok(report) => history.reports.push(report),
                Err(error) => set_aside.push(SetAside {
                    index,
                    raw: item.to_string(),
                    error,
                }),
            }
        }
        Ok(Loaded {
            history,
            set_aside,
            migrated_from: entries.migrated_from,
        })
    }

    /// The document to store: `{"schema":1,"reports":[...]}`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&Document {
            schema: SCHEMA,
            reports: &self.reports,
        })
        .expect("reports always serialise")
    }

    /// Merges an exported history document into this one, by report id.
    ///
    /// Accepts whatever [`History::load`] accepts. A report whose id is
    /// already here counts as a duplicate and the copy here is kept as is,
    /// so importing the same export twice changes nothing.
    pub fn import(&mut self, raw: &str) -> Result<ImportOutcome, HistoryError> {
        let entries = Entries::read(raw)?;
        let mut known: HashSet<ReportId> = self.reports.iter().map(|r| r.id.clone()).collect();
        let mut outcome = ImportOutcome {
            added: 0,
            duplicates: 0,
            rejected: Vec::new(),
        };
        for (index, item) in entries.items.iter().enumerate() {
            match Report::from_value(item) {
                Ok(report) if known.contains(&report.id) => outcome.duplicates += 1,
                Ok(report) => {
                    known.insert(report.id.clone());
                    self.reports.push(report);
                    outcome.added += 1;
                }
                Err(error) => outcome.rejected.push((index, error)),
            }
        }
        Ok(outcome)
    }

    /// Adds a newly filed report; false, and nothing changes, if its id is already here.
    pub fn add(&mut self, report: Report) -> bool {
        if self.reports.iter().any(|r| r.id == report.id) {
            return false;
        }
        self.reports.push(report);
        true
    }

    /// Erases the report with this id; false if there was none.
    pub fn remove(&mut self, id: &ReportId) -> bool {
        let before = self.reports.len();
        self.reports.retain(|report| &report.id != id);
        self.reports.len() != before
    }

    /// The reports grouped by week, newest week first, most recently added first within a week.
    pub fn by_week(&self) -> Vec<(IsoWeek, Vec<&Report>)> {
        let mut weeks: BTreeMap<IsoWeek, Vec<&Report>> = BTreeMap::new();
        for report in self.reports.iter().rev() {
            weeks.entry(report.week).or_default().push(report);
        }
        weeks.into_iter().rev().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(id_byte: u8, week: &str, outcome: i8) -> Value {
        json!({
            "v": 1,
            "id": ReportId::from_bytes([id_byte; 16]).as_str(),
            "week": week,
            "task": "review",
            "tool": "none",
            "outcome": outcome,
        })
    }

    fn document(entries: &[Value]) -> String {
        json!({"schema": 1, "reports": entries}).to_string()
    }

    #[test]
    fn a_saved_history_loads_back() {
        let loaded = History::load(&document(&[
            entry(1, "2026-W07", 1),
            entry(2, "2026-W08", -1),
        ]))
        .unwrap();
        assert_eq!(loaded.history.reports.len(), 2);
        assert!(loaded.set_aside.is_empty());
        assert_eq!(loaded.migrated_from, None);
        let again = History::load(&loaded.history.to_json()).unwrap();
        assert_eq!(again.history, loaded.history);
    }

    #[test]
    fn to_json_writes_the_schema_first() {
        let history = History::load(&document(&[entry(1, "2026-W07", 0)]))
            .unwrap()
            .history;
        let text = history.to_json();
        assert!(
            text.starts_with(r#"{"schema":1,"reports":[{"v":1,"#),
            "{text}"
        );
        assert_eq!(History::default().to_json(), r#"{"schema":1,"reports":[]}"#);
    }

    #[test]
    fn a_bare_list_is_migrated_from_schema_0() {
        let raw = json!([entry(1, "2026-W07", 1)]).to_string();
        let loaded = History::load(&raw).unwrap();
        assert_eq!(loaded.migrated_from, Some(0));
        assert_eq!(loaded.history.reports.len(), 1);
    }

    #[test]
    fn a_bad_entry_is_set_aside_not_dropped() {
        let mut bad = entry(2, "2026-W07", 1);
        bad["outcome"] = json!(9);
        let raw = document(&[entry(1, "2026-W07", 1), bad.clone(), json!("junk")]);
        let loaded = History::load(&raw).unwrap();
        assert_eq!(loaded.history.reports.len(), 1);
        assert_eq!(loaded.set_aside.len(), 2);
        let first = &loaded.set_aside[0];
        assert_eq!(first.index, 1);
        assert_eq!(first.error.field, "outcome");
        assert_eq!(first.error.code(), "out_of_range");
        assert_eq!(serde_json::from_str::<Value>(&first.raw).unwrap(), bad);
        assert_eq!(loaded.set_aside[1].index, 2);
        assert_eq!(loaded.set_aside[1].error.code(), "not_an_object");
    }

    #[test]
    fn foreign_documents_are_refused() {
        for raw in [
            r#"{"reports":[]}"#,
            r#"{"schema":"1","reports":[]}"#,
            r#"{"schema":1}"#,
            r#"{"schema":1,"reports":{}}"#,
            r#"{"schema":1,"reports":[],"theme":"dark"}"#,
            r#"{"schema":0,"reports":[]}"#,
            r#""hello""#,
            "42",
            "null",
        ] {
            assert_eq!(History::load(raw), Err(HistoryError::Foreign), "{raw}");
        }
    }

    #[test]
    fn a_newer_schema_is_refused_untouched() {
        let err = History::load(r#"{"schema":2,"reports":[],"extra":true}"#).unwrap_err();
        assert_eq!(err, HistoryError::TooNew(2));
        assert_eq!(
            err.to_string(),
            "written by a newer Candor (schema 2); this version reads up to 1"
        );
    }

    #[test]
    fn text_that_is_not_json_is_refused() {
        assert!(matches!(History::load("{"), Err(HistoryError::NotJson(_))));
        let mut history = History::default();
        assert!(matches!(history.import(""), Err(HistoryError::NotJson(_))));
    }

    #[test]
    fn import_merges_by_id() {
        let mut history = History::load(&document(&[
            entry(1, "2026-W07", 1),
            entry(2, "2026-W07", 0),
        ]))
        .unwrap()
        .history;
        let mut changed = entry(2, "2026-W07", 2);
        changed["effort"] = json!("low");
        let mut bad = entry(4, "2026-W07", 0);
        bad["reasons"] = json!(["wrong"]);
        let export = document(&[
            changed,
            entry(3, "2026-W08", -1),
            bad,
            entry(3, "2026-W08", -1),
        ]);

        let outcome = history.import(&export).unwrap();
        assert_eq!(outcome.added, 1);
        assert_eq!(outcome.duplicates, 2);
        assert_eq!(outcome.rejected.len(), 1);
        assert_eq!(outcome.rejected[0].0, 2);
        assert_eq!(
            outcome.rejected[0].1.code(),
            "reasons_need_negative_outcome"
        );
        assert_eq!(history.reports.len(), 3);
        // The copy already here wins.
        assert_eq!(history.reports[1].outcome, 0);
        assert_eq!(history.reports[1].effort, None);

        let again = history.import(&export).unwrap();
        assert_eq!((again.added, again.duplicates), (0, 3));
    }

    #[test]
    fn import_reads_a_bare_list_and_refuses_foreign_documents() {
        let mut history = History::default();
        let outcome = history
            .import(&json!([entry(1, "2026-W07", 1)]).to_string())
            .unwrap();
        assert_eq!(outcome.added, 1);
        assert_eq!(
            history.import(r#"{"schema":9,"reports":[]}"#),
            Err(HistoryError::TooNew(9))
        );
        assert_eq!(
            history.import(r#"{"kind":"other"}"#),
            Err(HistoryError::Foreign)
        );
        assert_eq!(history.reports.len(), 1);
    }

    #[test]
    fn add_and_remove_by_id() {
        let mut history = History::default();
        let report = Report::from_value(&entry(1, "2026-W07", 1)).unwrap();
        assert!(history.add(report.clone()));
        assert!(!history.add(report.clone()));
        assert_eq!(history.reports.len(), 1);
        assert!(history.remove(&report.id));
        assert!(!history.remove(&report.id));
        assert!(history.reports.is_empty());
    }

    #[test]
    fn by_week_puts_the_newest_week_first() {
        let history = History::load(&document(&[
            entry(1, "2025-W52", 1),
            entry(2, "2026-W02", 0),
            entry(3, "2025-W52", -1),
            entry(4, "2026-W01", 2),
        ]))
        .unwrap()
        .history;
        let weeks: Vec<_> = history
            .by_week()
            .into_iter()
            .map(|(week, reports)| {
                (
                    week.to_string(),
                    reports.iter().map(|r| r.outcome).collect::<Vec<_>>(),
                )
            })
            .collect();
        assert_eq!(
            weeks,
            [
                ("2026-W02".to_owned(), vec![0]),
                ("2026-W01".to_owned(), vec![2]),
                ("2025-W52".to_owned(), vec![-1, 1]),
            ]
        );
    }
}
