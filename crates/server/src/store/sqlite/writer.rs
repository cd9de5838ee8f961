//! The one thread that writes to the database.
//!
//! SQLite takes one writer at a time, so every write goes through a thread
//! of its own that owns the connection. Requests hand it their batch and
//! wait for the answer. Batches that arrive while a commit runs wait in
//! the channel, and the next commit takes all of them in one transaction
//! (group commit): a commit costs an fsync and a write of every page it
//! touched, whatever the number of reports, so sharing it is what lets
//! durable ingest pass SPEC §8.
//!
//! A thread of its own, rather than a mutex taken by whichever request
//! comes, keeps the connection's pages warm on one core and takes the
//! lock hand-offs out of every commit; with a page cache big enough for
//! the hot pages it took ingest over HTTP from 20,257–21,623 to 26,323–26,974
//! reports/s on the same day (see the Numbers in the README). That cache is handed back
//! once the writer has been idle for [`IDLE`], so an idle server stays
//! small (SPEC §8).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, SyncSender};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use candor_core::{Report, StoredCount, StoredPilotCount};
use rusqlite::{params, Connection};

use super::{id_bytes, join_reasons};
use crate::store::{Ingested, SpentToken, StoreError};

/// How long the writer waits without work before it hands its page cache back.
pub const IDLE: Duration = Duration::from_secs(2);

/// The writer's page cache while it works, in KiB: a million reports take
/// about 45 MB on disk, and inserts touch pages all over both tables
/// (ids are random), so a cache that holds them saves a read per insert.
const CACHE_KIB: i64 = 64 * 1024;

/// Where the writer sends the answer to one job.
pub type Reply<T> = SyncSender<Result<T, StoreError>>;

/// What the writer is asked to do.
pub enum Job {
    /// Store a batch and answer with what was stored.
    Ingest(Batch),
    /// Rewrite the file in content order (see `ReportStore::compact`).
    Compact(Reply<()>),
}

/// A batch waiting for the next commit.
pub struct Batch {
    /// The reports, already validated.
    pub reports: Vec<Report>,
    /// The token each report spends: empty, or one per report (SPEC §6.10).
    pub tokens: Vec<SpentToken>,
    /// Where the answer goes.
    pub reply: Reply<Ingested>,
}

/// The writer thread's side: the connection and the queue of jobs.
struct Writer {
    conn: Connection,
    jobs: Receiver<Job>,
    /// Whether pages were written since the cache was last handed back.
    cache_in_use: bool,
}

/// Starts the writer thread over `conn`; dropping the returned sender stops it.
pub fn spawn(conn: Connection) -> std::io::Result<(Sender<Job>, JoinHandle<()>)> {
    conn.pragma_update(None, "cache_size", -CACHE_KIB)
        .map_err(std::io::Error::other)?;
    let (jobs, queue) = mpsc::channel();
    let writer = Writer {
        conn,
        jobs: queue,
        cache_in_use: false,
    };
    let thread = thread::Builder::new()
        .name("candor-writer".into())
        .spawn(move || writer.run())?;
    Ok((jobs, thread))
}

impl Writer {
    fn run(mut self) {
        loop {
            let job = match self.jobs.recv_timeout(IDLE) {
                Ok(job) => job,
                Err(RecvTimeoutError::Timeout) => {
                    self.hand_back_cache();
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return,
            };
            let mut next = Some(job);
            while let Some(job) = next.take() {
                match job {
                    Job::Compact(reply) => {
                        let done = guarded(|| compact(&self.conn));
                        self.cache_in_use = true;
                        let _gone = reply.send(done);
                    }
                    Job::Ingest(batch) => {
                        let mut group = vec![batch];
                        // Everything that queued up during the last commit joins this one.
                        loop {
                            match self.jobs.try_recv() {
                                Ok(Job::Ingest(batch)) => group.push(batch),
                                Ok(other) => {
                                    next = Some(other);
                                    break;
                                }
                                Err(_) => break,
                            }
                        }
                        self.commit(group);
                    }
                }
            }
        }
    }

    /// Commits `group` in one transaction and answers every batch in it.
    fn commit(&mut self, group: Vec<Batch>) {
        self.cache_in_use = true;
        let batches: Vec<(&[Report], &[SpentToken])> = group
            .iter()
            .map(|batch| (batch.reports.as_slice(), batch.tokens.as_slice()))
            .collect();
        let answers = match guarded(|| commit_group(&mut self.conn, &batches)) {
            Ok(answers) => answers.into_iter().map(Ok).collect(),
            Err(err) if batches.len() == 1 => vec![Err(err)],
            // The failed transaction stored nothing. Each batch is tried
            // alone, so each caller gets its own answer and one batch's
            // trouble does not fail the others.
            Err(_) => batches
                .iter()
                .map(|batch| {
                    guarded(|| commit_group(&mut self.conn, &[*batch]))
                        .map(|mut answers| answers.pop().unwrap_or_default())
                })
                .collect(),
        };
        for (batch, answer) in group.iter().zip(answers) {
            // A caller that gave up waiting (its request timed out) gets no
            // answer; its batch is stored all the same, and a resend is a duplicate.
            let _gone = batch.reply.send(answer);
        }
    }

    /// Gives the page cache and freed heap back to the system after a burst of work.
    fn hand_back_cache(&mut self) {
        if !self.cache_in_use {
            return;
        }
        self.cache_in_use = false;
        // Failing to shrink costs memory, not data; the next idle spell tries again.
        if self.conn.execute_batch("PRAGMA shrink_memory").is_ok() {
            crate::heap::trim();
        }
    }
}

/// Runs `work`, turning a panic into an error so the writer outlives it.
///
/// A panic inside a transaction drops (rolls back) the transaction, so the
/// connection is sound afterwards.
fn guarded<T>(work: impl FnOnce() -> Result<T, StoreError>) -> Result<T, StoreError> {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".into());
        Err(StoreError::Writer(why))
    })
}

/// Stores every batch of `group` in one transaction; one [`Ingested`] per batch.
///
/// Batches are stored in order, so an id sent in two batches of the group
/// counts for the first and is a duplicate in the second, as it would be
/// with one transaction each; the same goes for a token.
///
/// A report that spends a token is checked in this order: a duplicate id
/// spends nothing; a token spent before refuses the report (its id is not
/// remembered, so the report may come again with another token); else the
/// token, the id and the count are written together.
fn commit_group(
    conn: &mut Connection,
    group: &[(&[Report], &[SpentToken])],
) -> Result<Vec<Ingested>, StoreError> {
    let tx = conn.transaction()?;
    let mut answers = Vec::with_capacity(group.len());
    {
        let mut remember =
            tx.prepare_cached("INSERT INTO seen_ids (id) VALUES (?1) ON CONFLICT DO NOTHING")?;
        let mut seen = tx.prepare_cached("SELECT 1 FROM seen_ids WHERE id = ?1")?;
        let mut spend = tx.prepare_cached(
            "INSERT INTO spent_tokens (epoch, input) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        )?;
        let mut count = tx.prepare_cached(
            "INSERT INTO counts
                 (week, task, tool, outcome, effort, mandated, complexity, team, reasons, n)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1)
             ON CONFLICT (week, task, tool, outcome, effort, mandated, complexity, team, reasons)
             DO UPDATE SET n = n + 1",
        )?;
        let mut pilot_count = tx.prepare_cached(
            "INSERT INTO pilot_counts
                 (pilot, week, task, arm, forecast, actual, outcome, against_arm, n)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1)
             ON CONFLICT (pilot, week, task, arm, forecast, actual, outcome, against_arm)
             DO UPDATE SET n = n + 1",
        )?;
        for (reports, tokens) in group {
            let mut ingested = Ingested::default();
            for (position, report) in reports.iter().enumerate() {
                if let Some(token) = tokens.get(position) {
                    if seen.exists([id_bytes(&report.id)])? {
                        ingested.duplicates += 1;
                        continue;
                    }
                    if spend.execute(params![token.epoch.to_string(), token.input])? == 0 {
                        ingested.spent.push(position);
                        continue;
                    }
                }
                if remember.execute([id_bytes(&report.id)])? == 0 {
                    ingested.duplicates += 1;
                    continue;
                }
                let stored = StoredCount::of(report);
                count.execute(params![
                    stored.week.to_string(),
                    stored.task,
                    stored.tool,
                    stored.outcome,
                    stored.effort.map_or("", |e| e.as_str()),
                    stored.mandated.map_or(-1, i64::from),
                    stored.complexity.map_or("", |c| c.as_str()),
                    stored.team.as_deref().unwrap_or(""),
                    join_reasons(&stored.reasons),
                ])?;
                ingested.stored.push(stored);
                // A pilot report counts in its pilot too, in this same transaction (SPEC §10).
                if let Some(stored) = StoredPilotCount::of(report) {
                    let count = &stored.count;
                    pilot_count.execute(params![
                        stored.pilot,
                        stored.week.to_string(),
                        count.task,
                        count.arm.id(),
                        count.forecast,
                        count.actual,
                        count.outcome,
                        count.against_arm,
                    ])?;
                    ingested.pilots.push(stored);
                }
            }
            answers.push(ingested);
        }
    }
    tx.commit()?;
    Ok(answers)
}

/// `VACUUM` copies each table into a fresh file in key order, so two
/// stores with the same counts and ids end up with the same pages
/// whatever order the reports came in; the checkpoint then empties the
/// write-ahead log, which held pages in arrival order.
fn compact(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch("VACUUM")?;
    let _busy: (i64, i64, i64) = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| {
        Ok((row.get(0)?, row.get(1)?, row.get(2)?))
    })?;
    Ok(())
}
