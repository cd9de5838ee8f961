//! The PostgreSQL store (`--db postgres://…`, SPEC §11): SQLite's tables on a shared database.
//!
//! The driver is the sync `postgres` crate (a blocking wrapper over
//! tokio-postgres), which fits the sync [`ReportStore`]. Its client runs a
//! small runtime of its own, and tokio refuses to block on or drop a runtime
//! from the server's async threads, so the client lives on a thread of its
//! own, as the SQLite writer does: requests hand that thread their work and
//! wait for the answer. One connection, one transaction at a time; a
//! connection found closed is opened again before the next piece of work.
//!
//! Every rule of SPEC §6.4 holds as on SQLite: one count per distinct report
//! content (`INSERT … ON CONFLICT DO UPDATE`), ids in `seen_ids` linked to
//! nothing, no address, user agent or arrival time, and an ingest returns
//! only after its `COMMIT`. Migrations are [`migrations::PG_MIGRATIONS`],
//! run under an advisory lock so two servers starting together run each once.

mod group;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::thread::JoinHandle;
use std::time::Duration;

use candor_core::{Report, StoredCount, StoredPilotCount};
use postgres::config::Host;
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, Config, GenericClient, IsolationLevel, NoTls, Transaction};

use super::sqlite::{id_bytes, join_reasons, RawCount, RawPilotCount};
use super::{batch_needs_storing, migrations, Ingested, ReportStore, SpentToken, StoreError};

/// How long connecting may take before start-up (or a reconnect) fails, unless the address sets `connect_timeout`.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Work for the connection's thread; it gets the connection, or why there is none.
type Work = Box<dyn FnOnce(Result<&mut Client, StoreError>) + Send>;

/// What the connection's thread is asked to do.
enum Job {
    /// Any work on the connection.
    Work(Work),
    /// A batch to store; batches waiting together are stored together.
    Ingest(Pending),
}

/// A batch waiting for the next commit.
struct Pending {
    reports: Vec<Report>,
    tokens: Vec<SpentToken>,
    reply: SyncSender<Result<Ingested, StoreError>>,
}

/// Reports stored as counts in a PostgreSQL database.
pub struct PgStore {
    /// Host, port and database, for messages.
    target: String,
    /// The connection that stores batches (and ran the migrations).
    writer: Worker,
    /// A second connection for the change counter and the snapshots other
    /// replicas' reports are read from, so readers never queue behind a batch.
    reader: Worker,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("target", &self.target)
            .finish_non_exhaustive()
    }
}

/// `host:port/database` of a `postgres://` address: never the user or password.
pub fn describe(url: &str) -> String {
    url.parse::<Config>().map_or_else(
        |_| "(an address that does not parse)".into(),
        |c| target(&c),
    )
}

/// The database's name alone, for log lines.
pub fn database_name(url: &str) -> String {
    url.parse::<Config>()
        .ok()
        .and_then(|c| c.get_dbname().map(str::to_owned))
        .unwrap_or_else(|| "named by the user".into())
}

/// Why PostgreSQL could not be reached, for a log line: the operating
/// system's words for a network failure (`Connection refused`), or the
/// SQLSTATE of an error the server sent, whose text may name the user.
/// Never the host, port, user or password.
pub fn why_unavailable(err: &postgres::Error) -> String {
    use std::error::Error as _;
    if let Some(db) = err.as_db_error() {
        return format!(
            "the server ended the connection (SQLSTATE {})",
            db.code().code()
        );
    }
    let mut source = err.source();
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return format!("the connection failed ({})", io.kind());
        }
        source = cause.source();
    }
    if err.is_closed() {
        "the connection was closed".into()
    } else {
        "the connection failed".into()
    }
}

fn target(config: &Config) -> String {
    let host = config
        .get_hosts()
        .iter()
        .map(|host| match host {
            Host::Tcp(name) => name.clone(),
            #[cfg(unix)]
            Host::Unix(path) => path.display().to_string(),
        })
        .collect::<Vec<_>>()
        .join(",");
    let host = if host.is_empty() {
        "localhost".into()
    } else {
        host
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let database = config.get_dbname().unwrap_or("(the user's database)");
    format!("{host}:{port}/{database}")
}

/// A connection on a thread of its own, reopened before the next piece of
/// work when it was found closed.
struct Worker {
    /// The thread's queue; taken on drop, which stops the thread.
    jobs: Option<Sender<Job>>,
    /// Joined on drop, so the connection is closed when the store is gone.
    thread: Option<JoinHandle<()>>,
}

impl Worker {
    /// Connects (running `first` on the new connection, e.g. the migrations)
    /// and starts the thread; fails as connecting or `first` fails.
    fn start(
        name: &str,
        connect: impl Fn() -> Result<Client, StoreError> + Send + 'static,
        first: impl FnOnce(&mut Client) -> Result<(), StoreError> + Send + 'static,
    ) -> Result<Worker, StoreError> {
        let (ready, started) = mpsc::sync_channel(1);
        let (jobs, queue) = mpsc::channel::<Job>();
        let thread = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                let opened = connect().and_then(|mut client| {
                    first(&mut client)?;
                    Ok(client)
                });
                match opened {
                    Ok(client) => {
                        let _ = ready.send(Ok(()));
                        Connection {
                            client: Some(client),
                            connect,
                        }
                        .serve(&queue);
                    }
                    Err(err) => {
                        let _ = ready.send(Err(err));
                    }
                }
            })
            .map_err(|err| StoreError::Writer(format!("its thread could not start ({err})")))?;
        started.recv().map_err(|_| stopped())??;
        Ok(Worker {
            jobs: Some(jobs),
            thread: Some(thread),
        })
    }

    /// Runs `work` on the connection's thread and waits for its answer; a
    /// panic there is an error here, and its transaction is rolled back.
    fn ask<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Client) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (reply, answer) = mpsc::sync_channel(1);
        let job: Work = Box::new(move |client| {
            let done = client.and_then(|client| {
                let done = guarded(|| work(&mut *client));
                outage(client, done)
            });
            // A caller that gave up waiting gets no answer; what committed stays committed.
            let _gone = reply.send(done);
        });
        self.send(Job::Work(job))?;
        answer.recv().map_err(|_| stopped())?
    }

    /// Hands a batch to the connection's thread and waits until it is
    /// committed with those that queued beside it.
    fn ingest(
        &self,
        reports: Vec<Report>,
        tokens: Vec<SpentToken>,
    ) -> Result<Ingested, StoreError> {
        let (reply, answer) = mpsc::sync_channel(1);
        self.send(Job::Ingest(Pending {
            reports,
            tokens,
            reply,
        }))?;
        answer.recv().map_err(|_| stopped())?
    }

    fn send(&self, job: Job) -> Result<(), StoreError> {
        let jobs = self.jobs.as_ref().ok_or_else(stopped)?;
        jobs.send(job).map_err(|_| stopped())
    }
}

/// The connection a worker's thread owns, and how to open it again.
struct Connection<C> {
    client: Option<Client>,
    connect: C,
}

impl<C: Fn() -> Result<Client, StoreError>> Connection<C> {
    /// Does the queue's jobs until the queue is closed; batches that queued
    /// up together are stored in one transaction (see [`group`]).
    fn serve(mut self, queue: &Receiver<Job>) {
        let mut next = queue.recv().ok();
        while let Some(job) = next.take() {
            match job {
                Job::Work(work) => work(self.client()),
                Job::Ingest(batch) => {
                    let mut batches = vec![batch];
                    loop {
                        match queue.try_recv() {
                            Ok(Job::Ingest(batch)) => batches.push(batch),
                            Ok(other) => {
                                next = Some(other);
                                break;
                            }
                            Err(_) => break,
                        }
                    }
                    self.store(batches);
                }
            }
            if next.is_none() {
                next = queue.recv().ok();
            }
        }
    }

    /// The connection, opened again first if it was found closed.
    fn client(&mut self) -> Result<&mut Client, StoreError> {
        if self.client.as_ref().is_none_or(Client::is_closed) {
            self.client = None;
            match (self.connect)() {
                Ok(fresh) => self.client = Some(fresh),
                // Logged per failed request: never the host, user or password.
                Err(StoreError::Connect { source, .. }) => {
                    return Err(StoreError::Unavailable(why_unavailable(&source)))
                }
                Err(err) => return Err(err),
            }
        }
        self.client.as_mut().ok_or_else(stopped)
    }

    /// Stores `batches` in one transaction and answers each; if that fails,
    /// each is stored alone, so one batch's failure is its own.
    fn store(&mut self, batches: Vec<Pending>) {
        let group: Vec<(&[Report], &[SpentToken])> = batches
            .iter()
            .map(|b| (b.reports.as_slice(), b.tokens.as_slice()))
            .collect();
        let together = self.client().and_then(|client| {
            let done = guarded(|| group::store(client, &group));
            outage(client, done)
        });
        match together {
            Ok(answers) => {
                for (batch, answer) in batches.iter().zip(answers) {
                    let _gone = batch.reply.send(Ok(answer));
                }
            }
            Err(err) if batches.len() == 1 => {
                let _gone = batches[0].reply.send(Err(err));
            }
            Err(_) => {
                for (batch, alone) in batches.iter().zip(&group) {
                    let done = self.client().and_then(|client| {
                        let done = guarded(|| group::store(client, std::slice::from_ref(alone)));
                        outage(client, done)
                    });
                    let answer = done.map(|mut answers| answers.pop().unwrap_or_default());
                    let _gone = batch.reply.send(answer);
                }
            }
        }
    }
}

/// Runs `work`; a panic in it is an error, and the transaction it held is rolled back.
fn guarded<T>(work: impl FnOnce() -> Result<T, StoreError>) -> Result<T, StoreError> {
    catch_unwind(AssertUnwindSafe(work))
        .unwrap_or_else(|_| Err(StoreError::Writer("a panic while using PostgreSQL".into())))
}

/// A connection that went away under the work is the database's outage, not a bug.
fn outage<T>(client: &Client, done: Result<T, StoreError>) -> Result<T, StoreError> {
    match done {
        Err(StoreError::Postgres(err)) if client.is_closed() || err.is_closed() => {
            Err(StoreError::Unavailable(why_unavailable(&err)))
        }
        done => done,
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn stopped() -> StoreError {
    StoreError::Writer("the PostgreSQL connection's thread has stopped".into())
}

impl PgStore {
    /// Connects to the database at `url`, brings its schema up to date
    /// (waiting for another server that is migrating it) and starts the
    /// connections' threads. A database that cannot be reached is an error
    /// naming its host, port and database, after at most 10 s.
    pub fn open(url: &str) -> Result<PgStore, StoreError> {
        let mut config: Config = url.parse().map_err(|_| StoreError::BadAddress)?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        config.application_name("candor-server");
        let target = target(&config);
        let connect = {
            let target = target.clone();
            move || -> Result<Client, StoreError> {
                config.connect(NoTls).map_err(|source| StoreError::Connect {
                    target: target.clone(),
                    source,
                })
            }
        };
        let writer = Worker::start("candor-postgres", connect.clone(), |client| {
            migrations::migrate_pg(client)
        })?;
        let reader = Worker::start("candor-postgres-reads", connect, |_| Ok(()))?;
        Ok(PgStore {
            target,
            writer,
            reader,
        })
    }

    /// Runs `work` on the writing connection (see [`Worker::ask`]).
    fn ask<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Client) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        self.writer.ask(work)
    }
}

impl ReportStore for PgStore {
    /// Committed before this returns, in one transaction with the batches
    /// that queued beside it (see [`group`]).
    fn ingest_spending(
        &self,
        reports: &[Report],
        tokens: &[SpentToken],
    ) -> Result<Ingested, StoreError> {
        if !batch_needs_storing(reports, tokens)? {
            return Ok(Ingested::default());
        }
        self.writer.ingest(reports.to_vec(), tokens.to_vec())
    }

    fn scan(&self, visit: &mut dyn FnMut(StoredCount)) -> Result<(), StoreError> {
        self.ask(read_counts)?.into_iter().for_each(visit);
        Ok(())
    }

    fn scan_pilots(&self, visit: &mut dyn FnMut(StoredPilotCount)) -> Result<(), StoreError> {
        self.ask(read_pilot_counts)?.into_iter().for_each(visit);
        Ok(())
    }

    /// Other replicas write to the same database (SPEC §11).
    fn shared(&self) -> bool {
        true
    }

    /// `candor_changes.generation`, on the reading connection.
    fn generation(&self) -> Result<Option<u64>, StoreError> {
        self.reader.ask(|client| read_generation(client).map(Some))
    }

    /// One read-only `REPEATABLE READ` transaction on the reading
    /// connection: the counter and every row it counted, from one snapshot.
    fn snapshot(
        &self,
        counts: &mut dyn FnMut(StoredCount),
        pilots: &mut dyn FnMut(StoredPilotCount),
    ) -> Result<Option<u64>, StoreError> {
        let (generation, all_counts, all_pilots) = self.reader.ask(|client| {
            let mut tx = client
                .build_transaction()
                .isolation_level(IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()?;
            let generation = read_generation(&mut tx)?;
            let counts = read_counts(&mut tx)?;
            let pilots = read_pilot_counts(&mut tx)?;
            tx.commit()?;
            Ok((generation, counts, pilots))
        })?;
        all_counts.into_iter().for_each(counts);
        all_pilots.into_iter().for_each(pilots);
        // The rows read are gone; their pages go back, as after SQLite's scan.
        crate::heap::trim();
        Ok(Some(generation))
    }

    /// Rewrites the tables that grow with reports in key order, in one
    /// transaction: every row then carries that transaction's id (`xmin`)
    /// and sits in content order, so neither tells arrival order any more.
    fn compact(&self) -> Result<(), StoreError> {
        self.ask(|client| {
            let mut tx = client.transaction()?;
            tx.batch_execute(
                "LOCK TABLE counts, seen_ids, pilot_counts, spent_tokens IN ACCESS EXCLUSIVE MODE;
                 CREATE TEMP TABLE keep_counts ON COMMIT DROP AS SELECT * FROM counts;
                 TRUNCATE counts;
                 INSERT INTO counts SELECT * FROM keep_counts
                     ORDER BY week, task, tool, outcome, effort, mandated, complexity, team, reasons;
                 CREATE TEMP TABLE keep_ids ON COMMIT DROP AS SELECT * FROM seen_ids;
                 TRUNCATE seen_ids;
                 INSERT INTO seen_ids SELECT * FROM keep_ids ORDER BY id;
                 CREATE TEMP TABLE keep_pilots ON COMMIT DROP AS SELECT * FROM pilot_counts;
                 TRUNCATE pilot_counts;
                 INSERT INTO pilot_counts SELECT * FROM keep_pilots
                     ORDER BY pilot, week, task, arm, forecast, actual, outcome, against_arm;
                 CREATE TEMP TABLE keep_spent ON COMMIT DROP AS SELECT * FROM spent_tokens;
                 TRUNCATE spent_tokens;
                 INSERT INTO spent_tokens SELECT * FROM keep_spent ORDER BY epoch, input;",
            )?;
            tx.commit()?;
            Ok(())
        })
    }
}

/// The change counter: how many transactions have stored a count, in any replica.
fn read_generation(client: &mut impl GenericClient) -> Result<u64, StoreError> {
    let generation: i64 = client
        .query_one("SELECT generation FROM candor_changes", &[])?
        .try_get(0)?;
    u64::try_from(generation).map_err(|_| StoreError::Corrupt(format!("generation {generation}")))
}

/// Every stored count, read row by row as PostgreSQL sends them: never all
/// rows and all counts in memory at once (SPEC §8 memory).
fn read_counts(client: &mut impl GenericClient) -> Result<Vec<StoredCount>, StoreError> {
    let mut rows = client.query_raw(
        "SELECT week, task, tool, outcome, effort, mandated, complexity, team, reasons, n
         FROM counts",
        NO_PARAMETERS,
    )?;
    let mut counts = Vec::new();
    while let Some(row) = rows.next()? {
        counts.push(
            RawCount {
                week: row.try_get(0)?,
                task: row.try_get(1)?,
                tool: row.try_get(2)?,
                outcome: row.try_get::<_, i16>(3)?.into(),
                effort: row.try_get(4)?,
                mandated: row.try_get::<_, i16>(5)?.into(),
                complexity: row.try_get(6)?,
                team: row.try_get(7)?,
                reasons: row.try_get(8)?,
                n: row.try_get(9)?,
            }
            .parse()?,
        );
    }
    Ok(counts)
}

/// Every stored pilot count, read row by row as [`read_counts`].
fn read_pilot_counts(client: &mut impl GenericClient) -> Result<Vec<StoredPilotCount>, StoreError> {
    let mut rows = client.query_raw(
        "SELECT pilot, week, task, arm, forecast, actual, outcome, against_arm, n
         FROM pilot_counts",
        NO_PARAMETERS,
    )?;
    let mut counts = Vec::new();
    while let Some(row) = rows.next()? {
        counts.push(
            RawPilotCount {
                pilot: row.try_get(0)?,
                week: row.try_get(1)?,
                task: row.try_get(2)?,
                arm: row.try_get(3)?,
                forecast: row.try_get::<_, i32>(4)?.into(),
                actual: row.try_get::<_, i32>(5)?.into(),
                outcome: row.try_get::<_, i16>(6)?.into(),
                against_arm: row.try_get::<_, i16>(7)?.into(),
                n: row.try_get(8)?,
            }
            .parse()?,
        );
    }
    Ok(counts)
}

/// A query's parameters when it has none.
const NO_PARAMETERS: [&(dyn postgres::types::ToSql + Sync); 0] = [];

/// Stores a batch that spends tokens in `tx`, report by report, as the
/// SQLite writer does: a duplicate id spends nothing; a token spent before
/// refuses its report; else the token, the id and the count are written together.
fn ingest_spending_in(
    tx: &mut Transaction<'_>,
    reports: &[Report],
    tokens: &[SpentToken],
) -> Result<Ingested, StoreError> {
    let seen = tx.prepare("SELECT 1 FROM seen_ids WHERE id = $1")?;
    let remember = tx.prepare("INSERT INTO seen_ids (id) VALUES ($1) ON CONFLICT DO NOTHING")?;
    let spend = tx.prepare(
        "INSERT INTO spent_tokens (epoch, input) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    )?;
    let count = tx.prepare(
        "INSERT INTO counts
             (week, task, tool, outcome, effort, mandated, complexity, team, reasons, n)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1)
         ON CONFLICT (week, task, tool, outcome, effort, mandated, complexity, team, reasons)
         DO UPDATE SET n = counts.n + 1",
    )?;
    let pilot_count = tx.prepare(
        "INSERT INTO pilot_counts
             (pilot, week, task, arm, forecast, actual, outcome, against_arm, n)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1)
         ON CONFLICT (pilot, week, task, arm, forecast, actual, outcome, against_arm)
         DO UPDATE SET n = pilot_counts.n + 1",
    )?;
    let mut ingested = Ingested::default();
    for (position, report) in reports.iter().enumerate() {
        let id = id_bytes(&report.id);
        let id = id.as_slice();
        if let Some(token) = tokens.get(position) {
            if tx.query_opt(&seen, &[&id])?.is_some() {
                ingested.duplicates += 1;
                continue;
            }
            let epoch = token.epoch.to_string();
            if tx.execute(&spend, &[&epoch, &token.input.as_slice()])? == 0 {
                ingested.spent.push(position);
                continue;
            }
        }
        if tx.execute(&remember, &[&id])? == 0 {
            ingested.duplicates += 1;
            continue;
        }
        let stored = StoredCount::of(report);
        tx.execute(
            &count,
            &[
                &stored.week.to_string(),
                &stored.task,
                &stored.tool,
                &i16::from(stored.outcome),
                &stored.effort.map_or("", |e| e.as_str()),
                &stored.mandated.map_or(-1, i16::from),
                &stored.complexity.map_or("", |c| c.as_str()),
                &stored.team.as_deref().unwrap_or(""),
                &join_reasons(&stored.reasons),
            ],
        )?;
        ingested.stored.push(stored);
        // A pilot report counts in its pilot too, in this same transaction (SPEC §10).
        if let Some(stored) = StoredPilotCount::of(report) {
            let count = &stored.count;
            let minutes = |m: u32| i32::try_from(m).unwrap_or(i32::MAX);
            tx.execute(
                &pilot_count,
                &[
                    &stored.pilot,
                    &stored.week.to_string(),
                    &count.task,
                    &count.arm.id(),
                    &minutes(count.forecast),
                    &minutes(count.actual),
                    &i16::from(count.outcome),
                    &i16::from(count.against_arm),
                ],
            )?;
            ingested.pilots.push(stored);
        }
    }
    Ok(ingested)
}

#[cfg(test)]
mod tests {
    use super::super::Database;
    use super::*;

    #[test]
    fn an_address_is_described_by_host_port_and_database_only() {
        let url = "postgres://candor:s3cret@db.internal:6543/counts";
        assert_eq!(describe(url), "db.internal:6543/counts");
        assert_eq!(describe("postgres://candor@db/counts"), "db:5432/counts");
        assert!(!describe("postgres://candor:s3cret@db:port/x").contains("s3cret"));
        let database = Database::parse(url);
        assert_eq!(database, Database::Postgres(url.into()));
        assert_eq!(database.to_string(), "the PostgreSQL database counts");
        assert_eq!(
            Database::parse("postgresql://candor@db/counts"),
            Database::Postgres("postgresql://candor@db/counts".into())
        );
        assert_eq!(
            Database::parse("candor.db"),
            Database::Sqlite("candor.db".into())
        );
    }
}
