//! The SQLite store: one file, counts keyed by content, ids apart (SPEC §6.4).
//!
//! Every write goes through one thread that owns the writer connection and
//! commits waiting batches together ([`writer`]). Reads for
//! `GET /aggregate` come from memory ([`super::Ledger`]), so they never wait
//! for it; the one scan at start-up has a connection of its own.

mod writer;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use candor_core::{Arm, Complexity, Effort, PilotCount, Reason, ReportId, StoredCount};
use candor_core::{StoredPilotCount, MINUTE_BUCKETS};
use rusqlite::Connection;

use super::{batch_needs_storing, migrations, Ingested, ReportStore, SpentToken, StoreError};
use writer::{Batch, Job, Reply};

/// Reports stored as counts in one SQLite file.
pub struct SqliteStore {
    path: PathBuf,
    /// The writer thread's queue; taken on drop, which stops the thread.
    jobs: Option<Sender<Job>>,
    /// Joined on drop, so the file is closed when the store is gone.
    writer: Option<JoinHandle<()>>,
}

impl SqliteStore {
    /// Opens (or creates) the database at `path`, brings its schema up to
    /// date and starts the writer thread.
    ///
    /// The settings are what durability and privacy need: WAL with
    /// `synchronous=FULL`, so a commit is on disk before the reply that
    /// acknowledges it, and `secure_delete`, so deleted pages are zeroed.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let open_error = |source| StoreError::Open {
            path: path.display().to_string(),
            source,
        };
        let mut conn = Connection::open(path).map_err(open_error)?;
        configure(&conn).map_err(open_error)?;
        migrations::migrate(&mut conn)?;
        let (jobs, thread) = writer::spawn(conn)
            .map_err(|err| StoreError::Writer(format!("its thread could not start ({err})")))?;
        Ok(SqliteStore {
            path: path.to_owned(),
            jobs: Some(jobs),
            writer: Some(thread),
        })
    }

    /// Hands `job` to the writer thread and waits for its answer.
    fn ask<T>(&self, job: impl FnOnce(Reply<T>) -> Job) -> Result<T, StoreError> {
        let stopped = || StoreError::Writer("its thread has stopped".into());
        let (reply, answer) = mpsc::sync_channel(1);
        let jobs = self.jobs.as_ref().ok_or_else(stopped)?;
        jobs.send(job(reply)).map_err(|_| stopped())?;
        answer.recv().map_err(|_| stopped())?
    }
}

impl Drop for SqliteStore {
    fn drop(&mut self) {
        drop(self.jobs.take());
        if let Some(thread) = self.writer.take() {
            // A panic there was already answered as an error; nothing is left to do.
            let _ = thread.join();
        }
    }
}

/// The pragmas every connection to a Candor database gets.
pub fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "secure_delete", "ON")?;
    // journal_mode answers with the mode now in force; an in-memory database stays "memory".
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    // Report ids are random, so every insert dirties a random page; a
    // checkpoint writes each page once however often the WAL holds it.
    // Checkpointing every 10,000 pages (~40 MB of WAL) instead of SQLite's
    // 1,000 writes far fewer pages back, which took durable ingest of a
    // million reports from ~17,000 to over 30,000 reports/s here; 40,000
    // pages (~160 MB of WAL at most, emptied on a clean stop) gained another
    // 6–8 % in process (three runs each, one after the other).
    conn.pragma_update(None, "wal_autocheckpoint", 40_000)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(())
}

impl SqliteStore {
    /// Runs `read` on a connection of its own, opened and configured as the
    /// writer's, closed afterwards and the heap it grew given back: reading
    /// every count at start must not leave its pages behind (SPEC §8 memory).
    fn read_apart(
        &self,
        read: impl FnOnce(&Connection) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let conn = Connection::open(&self.path).map_err(|source| StoreError::Open {
            path: self.path.display().to_string(),
            source,
        })?;
        configure(&conn)?;
        read(&conn)?;
        drop(conn);
        crate::heap::trim();
        Ok(())
    }
}

impl ReportStore for SqliteStore {
    /// Hands the batch to the writer thread, which commits it with every
    /// batch waiting by then; returns once that transaction is on disk.
    fn ingest_spending(
        &self,
        reports: &[candor_core::Report],
        tokens: &[SpentToken],
    ) -> Result<Ingested, StoreError> {
        if !batch_needs_storing(reports, tokens)? {
            return Ok(Ingested::default());
        }
        self.ask(|reply| {
            Job::Ingest(Batch {
                reports: reports.to_vec(),
                tokens: tokens.to_vec(),
                reply,
            })
        })
    }

    fn compact(&self) -> Result<(), StoreError> {
        self.ask(Job::Compact)
    }

    /// Reads on a connection of its own, closed afterwards, so the pages it
    /// went through do not stay in memory.
    fn scan(&self, visit: &mut dyn FnMut(StoredCount)) -> Result<(), StoreError> {
        self.read_apart(|conn| {
            let mut query = conn.prepare(
                "SELECT week, task, tool, outcome, effort, mandated, complexity, team, reasons, n
                 FROM counts",
            )?;
            let mut rows = query.query([])?;
            while let Some(row) = rows.next()? {
                let raw = RawCount {
                    week: row.get(0)?,
                    task: row.get(1)?,
                    tool: row.get(2)?,
                    outcome: row.get(3)?,
                    effort: row.get(4)?,
                    mandated: row.get(5)?,
                    complexity: row.get(6)?,
                    team: row.get(7)?,
                    reasons: row.get(8)?,
                    n: row.get(9)?,
                };
                visit(raw.parse()?);
            }
            Ok(())
        })
    }

    /// Reads on a connection of its own, as `scan` does.
    fn scan_pilots(&self, visit: &mut dyn FnMut(StoredPilotCount)) -> Result<(), StoreError> {
        self.read_apart(|conn| {
            let mut query = conn.prepare(
                "SELECT pilot, week, task, arm, forecast, actual, outcome, against_arm, n
                 FROM pilot_counts",
            )?;
            let mut rows = query.query([])?;
            while let Some(row) = rows.next()? {
                let raw = RawPilotCount {
                    pilot: row.get(0)?,
                    week: row.get(1)?,
                    task: row.get(2)?,
                    arm: row.get(3)?,
                    forecast: row.get(4)?,
                    actual: row.get(5)?,
                    outcome: row.get(6)?,
                    against_arm: row.get(7)?,
                    n: row.get(8)?,
                };
                visit(raw.parse()?);
            }
            Ok(())
        })
    }
}

/// The 16 bytes behind an id's 32 hex characters: half the space of the text.
pub(super) fn id_bytes(id: &ReportId) -> [u8; 16] {
    let hex = id.as_str().as_bytes();
    let nibble = |c: u8| match c {
        b'0'..=b'9' => c - b'0',
        _ => c - b'a' + 10,
    };
    std::array::from_fn(|i| nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]))
}

pub(super) fn join_reasons(reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// A counts row as the database returns it, before it is checked.
pub(super) struct RawCount {
    pub(super) week: String,
    pub(super) task: String,
    pub(super) tool: String,
    pub(super) outcome: i64,
    pub(super) effort: String,
    pub(super) mandated: i64,
    pub(super) complexity: String,
    pub(super) team: String,
    pub(super) reasons: String,
    pub(super) n: i64,
}

impl RawCount {
    pub(super) fn parse(self) -> Result<StoredCount, StoreError> {
        let corrupt = |what: &str| {
            StoreError::Corrupt(format!(
                "{what} in week {:?}, task {:?}, tool {:?}",
                self.week, self.task, self.tool
            ))
        };
        Ok(StoredCount {
            week: self.week.parse().map_err(|_| corrupt("bad week"))?,
            outcome: i8::try_from(self.outcome)
                .ok()
                .filter(|o| (-2..=2).contains(o))
                .ok_or_else(|| corrupt("bad outcome"))?,
            effort: optional(&self.effort)
                .map(|e| Effort::parse(e).ok_or_else(|| corrupt("bad effort")))
                .transpose()?,
            mandated: match self.mandated {
                -1 => None,
                0 => Some(false),
                1 => Some(true),
                _ => return Err(corrupt("bad mandated")),
            },
            complexity: optional(&self.complexity)
                .map(|c| Complexity::parse(c).ok_or_else(|| corrupt("bad complexity")))
                .transpose()?,
            team: optional(&self.team).map(str::to_owned),
            reasons: optional(&self.reasons)
                .map(|list| {
                    list.split(',')
                        .map(|r| Reason::parse(r).ok_or_else(|| corrupt("bad reason")))
                        .collect::<Result<Vec<_>, _>>()
                })
                .transpose()?
                .unwrap_or_default(),
            n: u64::try_from(self.n).map_err(|_| corrupt("bad n"))?,
            task: self.task,
            tool: self.tool,
        })
    }
}

/// A pilot_counts row as the database returns it, before it is checked.
pub(super) struct RawPilotCount {
    pub(super) pilot: String,
    pub(super) week: String,
    pub(super) task: String,
    pub(super) arm: String,
    pub(super) forecast: i64,
    pub(super) actual: i64,
    pub(super) outcome: i64,
    pub(super) against_arm: i64,
    pub(super) n: i64,
}

impl RawPilotCount {
    pub(super) fn parse(self) -> Result<StoredPilotCount, StoreError> {
        let corrupt = |what: &str| {
            StoreError::Corrupt(format!(
                "{what} in pilot_counts, pilot {:?}, week {:?}, task {:?}",
                self.pilot, self.week, self.task
            ))
        };
        let minutes = |value: i64, what: &str| {
            u32::try_from(value)
                .ok()
                .filter(|minutes| MINUTE_BUCKETS.contains(minutes))
                .ok_or_else(|| corrupt(what))
        };
        let count = PilotCount {
            task: self.task.clone(),
            arm: Arm::parse(&self.arm).ok_or_else(|| corrupt("bad arm"))?,
            forecast: minutes(self.forecast, "bad forecast")?,
            actual: minutes(self.actual, "bad actual")?,
            outcome: i8::try_from(self.outcome)
                .ok()
                .filter(|o| (-2..=2).contains(o))
                .ok_or_else(|| corrupt("bad outcome"))?,
            against_arm: match self.against_arm {
                0 => false,
                1 => true,
                _ => return Err(corrupt("bad against_arm")),
            },
            n: u64::try_from(self.n).map_err(|_| corrupt("bad n"))?,
        };
        Ok(StoredPilotCount {
            week: self.week.parse().map_err(|_| corrupt("bad week"))?,
            pilot: self.pilot,
            count,
        })
    }
}

/// An answer stored as '' when not given.
fn optional(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

/// What every store does (ingest, duplicates, scans, tokens, restarts) is
/// tested once for SQLite and PostgreSQL alike, in `tests/store.rs`; here,
/// what only the SQLite file does.
#[cfg(test)]
mod tests {
    use super::*;
    use candor_core::Report;

    fn report(id: u8, outcome: i8) -> Report {
        Report {
            id: ReportId::from_bytes([id; 16]),
            week: "2026-W07".parse().unwrap(),
            task: "review".into(),
            tool: "chat".into(),
            outcome,
            effort: Some(Effort::High),
            mandated: Some(false),
            complexity: None,
            team: None,
            pilot: None,
            reasons: if outcome < 0 {
                vec![Reason::Wrong, Reason::Checking]
            } else {
                vec![]
            },
        }
    }

    fn scanned(store: &SqliteStore) -> Vec<StoredCount> {
        let mut all = Vec::new();
        store.scan(&mut |c| all.push(c)).unwrap();
        all.sort_by_key(|c| c.outcome);
        all
    }

    #[test]
    fn counts_survive_reopening_and_the_schema_is_as_promised() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        SqliteStore::open(&path)
            .unwrap()
            .ingest(&[report(9, 1)])
            .unwrap();
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(scanned(&store)[0].n, 1);
        // Every connection, the writer's included, is set up by `configure`.
        let conn = Connection::open(&path).unwrap();
        configure(&conn).unwrap();
        let pragma = |name: &str| -> String {
            conn.query_row(&format!("PRAGMA {name}"), [], |row| {
                row.get::<_, rusqlite::types::Value>(0)
            })
            .map(|v| format!("{v:?}"))
            .unwrap()
        };
        assert_eq!(pragma("journal_mode"), "Text(\"wal\")");
        assert_eq!(pragma("synchronous"), "Integer(2)");
        assert_eq!(pragma("secure_delete"), "Integer(1)");
        let tables: Vec<String> = conn
            .prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        // counts and seen_ids; spent_tokens, token_keys, issuance_salts, issued (SPEC §6.10);
        // pilot_counts (SPEC §10).
        assert_eq!(tables.len(), 7);
        for sql in &tables {
            assert!(sql.contains("WITHOUT ROWID"), "{sql}");
            for banned in [
                "addr",
                "agent",
                "arriv",
                "timestamp",
                "created",
                "ip_",
                "user",
                "email",
                "identity",
            ] {
                assert!(!sql.to_lowercase().contains(banned), "{sql}");
            }
        }
    }

    #[test]
    fn dropping_the_store_stops_the_writer_and_closes_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let store = SqliteStore::open(&path).unwrap();
        store.ingest(&[report(4, 1)]).unwrap();
        let wal = dir.path().join("t.db-wal");
        assert!(
            wal.exists(),
            "the writer keeps a write-ahead log while open"
        );
        drop(store);
        // SQLite removes the log when the last connection closes: the
        // writer thread was joined, not left running with the file open.
        assert!(!wal.exists());
        assert_eq!(scanned(&SqliteStore::open(&path).unwrap())[0].n, 1);
    }

    #[test]
    fn ids_become_their_bytes() {
        let id = ReportId::parse("00ff10a0000000000000000000000001").unwrap();
        assert_eq!(id_bytes(&id)[..4], [0x00, 0xff, 0x10, 0xa0]);
        assert_eq!(id_bytes(&id)[15], 1);
    }
}
