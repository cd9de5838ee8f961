//! Where reports go: counts on disk, and the same counts in memory for reading.
//!
//! The server keeps counts, not reports (SPEC §6.4): one count per distinct
//! report content, and apart from them the ids seen, linked to nothing.
//! [`ReportStore`] is the durable part (SQLite by default, see
//! [`sqlite::SqliteStore`]; PostgreSQL with `--db postgres://…`, see
//! [`pg::PgStore`]; [`Database`] picks one); [`Ledger`] puts a [`CountIndex`] in front of it so
//! `GET /aggregate` never touches the disk: the index is loaded once at start
//! and updated after each commit, and its size depends on weeks × taxonomy,
//! not on how many reports there are. On PostgreSQL other replicas write
//! too (SPEC §11): every batch's transaction adds one to a change counter,
//! and before a read the ledger compares it with the state it holds and, if
//! it moved, reads every count again ([`Ledger::catch_up`]; why a counter
//! and not LISTEN/NOTIFY: `docs/decisions.md`). What is published is a [`Release`],
//! built from a copy of the index and kept (see [`release_cache`]). A pilot
//! report (SPEC §10) is also counted, in the same transaction, as a pilot
//! count, held in memory beside the index ([`pilots::PilotIndex`]).

pub mod migrations;
pub mod pg;
pub mod pilots;
pub mod release_cache;
pub mod sqlite;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex, OnceLock, RwLock};
use std::time::Duration;

use candor_core::release::{Release, Scope};
use candor_core::{Arm, CountsBefore, Pilot, PilotCount, StoredPilotCount, WeekRange};
use candor_core::{Config, CountIndex, IsoWeek, Report, StoredCount};

pub use pg::PgStore;
use pilots::PilotIndex;
use release_cache::{Lookup, ReleaseCache};
pub use sqlite::SqliteStore;

/// Where the counts are kept, as given with `--db`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// A SQLite file (the default).
    Sqlite(std::path::PathBuf),
    /// A PostgreSQL database, `postgres://…` or `postgresql://…`.
    Postgres(String),
}

impl Database {
    /// A `postgres://` or `postgresql://` address is PostgreSQL; anything else a file.
    pub fn parse(db: &str) -> Database {
        if db.starts_with("postgres://") || db.starts_with("postgresql://") {
            Database::Postgres(db.to_owned())
        } else {
            Database::Sqlite(db.into())
        }
    }

    /// Opens the store: the file or the database, its schema brought up to date.
    pub fn open(&self) -> Result<Box<dyn ReportStore>, StoreError> {
        Ok(match self {
            Database::Sqlite(path) => Box::new(SqliteStore::open(path)?),
            Database::Postgres(url) => Box::new(PgStore::open(url)?),
        })
    }
}

impl std::fmt::Display for Database {
    /// The file's path, or the PostgreSQL database's name: no host, user or password (for logs).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Database::Sqlite(path) => write!(f, "{}", path.display()),
            Database::Postgres(url) => {
                write!(f, "the PostgreSQL database {}", pg::database_name(url))
            }
        }
    }
}

/// Why the store could not do its job; none of these is the client's fault.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or set up.
    #[error("cannot open the database {path}: {source}")]
    Open {
        /// The file, as given with --db.
        path: String,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// The file was written by a newer candor-server.
    #[error("the database has schema version {found}, but this candor-server knows versions up to {known}; run a newer candor-server")]
    NewerSchema {
        /// The version in the file.
        found: u32,
        /// The newest version this build knows.
        known: u32,
    },
    /// A stored row does not hold a valid count.
    #[error("the database holds a row that is not a valid count ({0}); was it edited by hand?")]
    Corrupt(String),
    /// The PostgreSQL database named by --db could not be reached or logged into.
    #[error("cannot connect to the PostgreSQL database {target}: {source}")]
    Connect {
        /// Host, port and database name; never the user's password.
        target: String,
        /// What the driver said.
        source: ::postgres::Error,
    },
    /// --db starts like a PostgreSQL address but does not parse (not repeated: it may hold a password).
    #[error("the --db address starts with postgres:// but does not parse; write it like postgres://user@host:5432/candor")]
    BadAddress,
    /// PostgreSQL cannot be reached now (down, refusing connections, or the
    /// connection dropped mid-request); the transaction was rolled back and
    /// the next request reconnects. Carries why in words without the host,
    /// user or password (see [`pg::why_unavailable`]).
    #[error("PostgreSQL is unavailable: {0}")]
    Unavailable(String),
    /// PostgreSQL failed while reading or writing; the transaction was rolled back.
    #[error("PostgreSQL error: {0}")]
    Postgres(#[from] ::postgres::Error),
    /// SQLite failed while reading or writing.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The thread that writes to the database could not start, failed or has stopped; a transaction it was running was rolled back.
    #[error("the database writer failed: {0}")]
    Writer(String),
}

/// What storing a batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ingested {
    /// The reports stored now, as counts of one, in batch order.
    pub stored: Vec<StoredCount>,
    /// How many reports had been stored before (same id): dropped.
    pub duplicates: u64,
    /// Positions (in the slice given) of reports not stored because their
    /// token had been spent before (SPEC §6.10).
    pub spent: Vec<usize>,
    /// The pilot reports among those stored, as pilot counts of one (SPEC §10).
    pub pilots: Vec<StoredPilotCount>,
    /// A store other processes write too ([`ReportStore::shared`]): the
    /// change counter as this batch's transaction left it, when it stored
    /// anything. `None` for a store only this process writes.
    pub generation: Option<u64>,
}

/// A token a report spends (SPEC §6.10): its epoch and its 32-byte input.
///
/// The store keeps the pair, and only the pair, until the epoch can no
/// longer be spent, so a replay is refused; nothing ties it to the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SpentToken {
    /// The epoch (ISO week) whose key issued the token.
    pub epoch: IsoWeek,
    /// The random input the device drew; the VOPRF output is not kept.
    pub input: [u8; 32],
}

/// The shape every store asks of a batch before it touches storage:
/// `false` for no reports (nothing to store), an error when tokens are
/// given but not one per report (`tokens[i]` is spent by `reports[i]`).
pub fn batch_needs_storing(reports: &[Report], tokens: &[SpentToken]) -> Result<bool, StoreError> {
    if reports.is_empty() {
        return Ok(false);
    }
    if !tokens.is_empty() && tokens.len() != reports.len() {
        return Err(StoreError::Writer(format!(
            "{} tokens for {} reports",
            tokens.len(),
            reports.len()
        )));
    }
    Ok(true)
}

/// Durable storage of report counts and of the ids seen.
///
/// Implementations store no arrival time, address or anything else about
/// a request, and nothing that ties a count to an id.
pub trait ReportStore: Send + Sync {
    /// Stores valid `reports` in one transaction, durably, before returning.
    ///
    /// A report whose id was stored before, in this batch or an earlier
    /// one, is a duplicate and changes nothing. Either the whole batch is
    /// stored or, on error, none of it.
    fn ingest(&self, reports: &[Report]) -> Result<Ingested, StoreError> {
        self.ingest_spending(reports, &[])
    }

    /// As [`ReportStore::ingest`], with `tokens[i]` spent by `reports[i]` in
    /// the same transaction (`tokens` is empty, or as long as `reports`).
    ///
    /// A duplicate spends nothing (a resent batch is answered as before); a
    /// report whose token was spent before is not stored, and its position
    /// is in [`Ingested::spent`].
    fn ingest_spending(
        &self,
        reports: &[Report],
        tokens: &[SpentToken],
    ) -> Result<Ingested, StoreError>;

    /// Calls `visit` with every stored count, in no particular order.
    fn scan(&self, visit: &mut dyn FnMut(StoredCount)) -> Result<(), StoreError>;

    /// Calls `visit` with every stored pilot count (SPEC §10), in no particular order.
    fn scan_pilots(&self, visit: &mut dyn FnMut(StoredPilotCount)) -> Result<(), StoreError>;

    /// Rewrites the storage so its layout depends on its content only, not
    /// on the order reports arrived in (SPEC §6.4); called on a clean stop.
    fn compact(&self) -> Result<(), StoreError> {
        Ok(())
    }

    /// Whether other processes write to this store too (PostgreSQL replicas,
    /// SPEC §11); then a reader asks [`ReportStore::generation`] first.
    /// `false` (SQLite): this process is the only writer, and what it holds
    /// in memory is always the whole store.
    fn shared(&self) -> bool {
        false
    }

    /// The change counter of a shared store: one more for every transaction
    /// that stored a count, whichever process ran it. `None`: not kept.
    fn generation(&self) -> Result<Option<u64>, StoreError> {
        Ok(None)
    }

    /// Every count and every pilot count, with the change counter they are
    /// the state of, read from one snapshot. The default (a store only this
    /// process writes) scans both and has no counter.
    fn snapshot(
        &self,
        counts: &mut dyn FnMut(StoredCount),
        pilots: &mut dyn FnMut(StoredPilotCount),
    ) -> Result<Option<u64>, StoreError> {
        self.scan(counts)?;
        self.scan_pilots(pilots)?;
        Ok(None)
    }
}

/// How long a reader waits for the check of other replicas' reports (SPEC
/// §11) before it is answered from what this replica holds: a database out
/// of reach never holds up a read for longer.
const CATCH_UP_WAIT: Duration = Duration::from_secs(2);

/// A reader waiting for the follower's next check.
type Waiting = tokio::sync::oneshot::Sender<()>;

/// The counts the server holds: durable in a [`ReportStore`], readable from memory.
pub struct Ledger {
    store: Box<dyn ReportStore>,
    index: RwLock<Counted>,
    /// The pilot counts (SPEC §10), beside the ordinary ones.
    pilots: RwLock<PilotIndex>,
    releases: ReleaseCache,
    /// Held while a release is built: one build at a time.
    building: Mutex<()>,
    /// A build is running in the background.
    rebuilding: AtomicBool,
    /// A shared store only: the queue of the thread that checks for other
    /// replicas' reports, started by the first reader.
    follower: OnceLock<mpsc::Sender<Waiting>>,
}

/// The counts in memory, and the store's change counter they are the state
/// of (0 for a store only this process writes, which keeps none).
struct Counted {
    index: CountIndex,
    generation: u64,
    /// This replica's own batches whose changes came after one memory has
    /// not seen yet, by change number: batches committed together finish
    /// in any order, and another replica's change may sit between. Added
    /// once the changes before them are; a reader reads the counts again
    /// if the gap is another replica's. At most [`EARLY`].
    early: BTreeMap<u64, Ingested>,
}

/// At most this many early batches are kept; beyond, they are left to the
/// next reader, who reads every count again anyway.
const EARLY: usize = 64;

impl Counted {
    /// Adds a stored batch to memory; returns the earliest week it touched.
    fn add(&mut self, batch: &Ingested, pilots: &mut PilotIndex) -> Option<IsoWeek> {
        self.index.extend(&batch.stored);
        for count in &batch.pilots {
            pilots.add(count);
        }
        batch.stored.iter().map(|count| count.week).min()
    }

    /// Adds the early batches that now follow on; returns the earliest week they touched.
    fn add_early(&mut self, pilots: &mut PilotIndex) -> Option<IsoWeek> {
        let mut earliest = None;
        while let Some(batch) = self.early.remove(&(self.generation + 1)) {
            self.generation += 1;
            earliest = earlier(earliest, self.add(&batch, pilots));
        }
        earliest
    }
}

/// The earlier of two weeks, either of which may be missing.
fn earlier(a: Option<IsoWeek>, b: Option<IsoWeek>) -> Option<IsoWeek> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

impl Ledger {
    /// Opens a ledger over `store`, reading every stored count into memory.
    pub fn load(store: Box<dyn ReportStore>) -> Result<Ledger, StoreError> {
        let mut index = CountIndex::new();
        let mut pilots = PilotIndex::default();
        let generation = store
            .snapshot(&mut |count| index.add(&count), &mut |count| {
                pilots.add(&count)
            })?
            .unwrap_or(0);
        Ok(Ledger {
            store,
            index: RwLock::new(Counted {
                index,
                generation,
                early: BTreeMap::new(),
            }),
            pilots: RwLock::new(pilots),
            releases: ReleaseCache::default(),
            building: Mutex::new(()),
            rebuilding: AtomicBool::new(false),
            follower: OnceLock::new(),
        })
    }

    /// Stores `reports` durably, then counts them in memory; blocks on the disk.
    pub fn ingest(&self, reports: &[Report]) -> Result<Ingested, StoreError> {
        self.ingest_spending(reports, &[])
    }

    /// As [`Ledger::ingest`], each report spending its token (see [`ReportStore::ingest_spending`]).
    ///
    /// On a shared store the batch is added in memory only when its
    /// transaction was the next change after the state memory holds; else
    /// another replica's batch came in between (or a reader has already read
    /// this one), and the next reader reads the counts again.
    pub fn ingest_spending(
        &self,
        reports: &[Report],
        tokens: &[SpentToken],
    ) -> Result<Ingested, StoreError> {
        let ingested = self.store.ingest_spending(reports, tokens)?;
        if ingested.stored.is_empty() {
            return Ok(ingested);
        }
        let mut counted = self.write();
        let mut pilots = self
            .pilots
            .write()
            .unwrap_or_else(|poison| poison.into_inner());
        let earliest = match ingested.generation {
            None => counted.add(&ingested, &mut pilots),
            Some(next) if next == counted.generation + 1 => {
                counted.generation = next;
                let earliest = counted.add(&ingested, &mut pilots);
                earlier(earliest, counted.add_early(&mut pilots))
            }
            Some(next) if next > counted.generation + 1 && counted.early.len() < EARLY => {
                counted.early.insert(next, ingested.clone());
                None
            }
            Some(_) => None,
        };
        drop(pilots);
        drop(counted);
        if let Some(week) = earliest {
            self.releases.counted_up_to(week);
        }
        Ok(ingested)
    }

    /// Brings memory up to date with reports other replicas stored (SPEC
    /// §11), before a read; returns at once on a store only this process
    /// writes. Readers that arrive together share one check, made after
    /// they arrived; a reader waits for it at most [`CATCH_UP_WAIT`], then
    /// reads what this replica holds (a database out of reach is logged by
    /// the check, and reads go on from memory).
    pub async fn catch_up(self: &Arc<Self>) {
        if !self.store.shared() {
            return;
        }
        let (done, checked) = tokio::sync::oneshot::channel();
        let follower = self.follower.get_or_init(|| self.start_follower());
        if follower.send(done).is_ok() {
            let _ = tokio::time::timeout(CATCH_UP_WAIT, checked).await;
        }
    }

    /// The thread behind [`Ledger::catch_up`]: takes every waiting reader,
    /// checks once, answers them all. It holds the ledger weakly, and stops
    /// when the ledger (and with it the queue) is gone.
    fn start_follower(self: &Arc<Self>) -> mpsc::Sender<Waiting> {
        let (asks, queue) = mpsc::channel::<Waiting>();
        let ledger = Arc::downgrade(self);
        let started = std::thread::Builder::new()
            .name("candor-follower".into())
            .spawn(move || {
                while let Ok(first) = queue.recv() {
                    let waiting: Vec<Waiting> =
                        std::iter::once(first).chain(queue.try_iter()).collect();
                    let Some(ledger) = ledger.upgrade() else {
                        break;
                    };
                    if let Err(err) = ledger.sync() {
                        tracing::warn!(
                            "could not check for other replicas' reports ({err}); answered from memory"
                        );
                    }
                    drop(ledger);
                    for done in waiting {
                        let _gone = done.send(());
                    }
                }
            });
        if let Err(err) = started {
            // Without it readers get this replica's counts, as a lone server would.
            tracing::error!("the thread that follows other replicas could not start: {err}");
        }
        asks
    }

    /// Reads every count again if the store's change counter moved since the
    /// state memory holds (another replica stored reports), and drops the
    /// published release if a closed week changed. Blocks on the database.
    pub fn sync(&self) -> Result<(), StoreError> {
        let Some(now) = self.store.generation()? else {
            return Ok(());
        };
        if now == self.read_counted().generation {
            return Ok(());
        }
        let mut index = CountIndex::new();
        let mut pilots = PilotIndex::default();
        let Some(generation) = self
            .store
            .snapshot(&mut |count| index.add(&count), &mut |count| {
                pilots.add(&count)
            })?
        else {
            return Ok(());
        };
        let mut counted = self.write();
        // This replica's own batch may have moved memory past the snapshot meanwhile.
        if generation <= counted.generation {
            return Ok(());
        }
        let changed = earliest_change(&counted.index, &index);
        // This replica's batches after the snapshot still wait their turn.
        let early = std::mem::take(&mut counted.early).split_off(&(generation + 1));
        *counted = Counted {
            index,
            generation,
            early,
        };
        let mut now_pilots = self
            .pilots
            .write()
            .unwrap_or_else(|poison| poison.into_inner());
        *now_pilots = pilots;
        let changed = earlier(changed, counted.add_early(&mut now_pilots));
        drop(now_pilots);
        drop(counted);
        if let Some(week) = changed {
            self.releases.counted_up_to(week);
        }
        Ok(())
    }

    /// The pilot counts of `pilot` in `weeks` (SPEC §10); from memory.
    pub fn pilot_counts(&self, pilot: &str, weeks: WeekRange) -> Vec<PilotCount> {
        self.pilots
            .read()
            .unwrap_or_else(|poison| poison.into_inner())
            .counts(pilot, weeks)
    }

    /// The ordinary counts a pilot without randomization is compared
    /// against, in the weeks `before` (the core's [`CountsBefore`]); from memory.
    pub fn counts_before(&self, pilot: &Pilot, before: WeekRange) -> Vec<(Arm, i8, u64)> {
        let mut counted = CountsBefore::new(pilot, before);
        self.read_counted()
            .index
            .for_each_outcomes(|week, task, tool, outcomes| {
                counted.add(week, task, tool, outcomes)
            });
        counted.counts()
    }

    /// Rewrites the durable store in content order; see [`ReportStore::compact`].
    pub fn compact(&self) -> Result<(), StoreError> {
        self.store.compact()
    }

    /// How many reports are stored, in every week.
    pub fn len_reports(&self) -> u64 {
        self.read_counted().index.len_reports()
    }

    /// Everything `GET /aggregate` and its choices publish for weeks before
    /// `current_week` (SPEC §5), for the counts as they are: a reader after a
    /// change of the closed weeks waits for the one build that every reader
    /// then shares. May block for the length of a build: call it off the
    /// async threads.
    pub fn release(&self, config: &Config, current_week: IsoWeek) -> Arc<Release> {
        self.fresh_release(current_week)
            .unwrap_or_else(|| self.build_release(config, current_week))
    }

    /// The release for `current_week` if one is built for the counts as they
    /// are; never blocks on a build, so it is fine on the async threads.
    pub fn fresh_release(&self, current_week: IsoWeek) -> Option<Arc<Release>> {
        match self.releases.lookup(current_week) {
            Lookup::Fresh(release) => Some(release),
            Lookup::Stale(..) | Lookup::Missing(_) => None,
        }
    }

    /// Starts building the release for `current_week` on a thread of its own,
    /// unless one is being built; at start, so the first reader does not wait.
    pub fn rebuild_in_background(self: &Arc<Self>, config: &Config, current_week: IsoWeek) {
        if self.rebuilding.swap(true, Ordering::SeqCst) {
            return;
        }
        /// Lets the next build start even if this one panicked.
        struct Done(Arc<Ledger>);
        impl Drop for Done {
            fn drop(&mut self) {
                self.0.rebuilding.store(false, Ordering::SeqCst);
            }
        }
        let done = Done(Arc::clone(self));
        let config = config.clone();
        std::thread::spawn(move || {
            done.0.build_release(&config, current_week);
        });
    }

    fn build_release(&self, config: &Config, current_week: IsoWeek) -> Arc<Release> {
        let _one_at_a_time = self
            .building
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        let stamp = match self.releases.lookup(current_week) {
            Lookup::Fresh(release) => return release,
            Lookup::Stale(_, stamp) | Lookup::Missing(stamp) => stamp,
        };
        // A copy, so ingest is never held up by a build.
        let index = self.read_counted().index.clone();
        let started = std::time::Instant::now();
        let release = Arc::new(Release::build(
            &index,
            config,
            current_week,
            Scope::PeriodAndOne,
        ));
        tracing::info!(
            "release for {current_week} built: {} views, {} publish-and-audit rounds, {} groups hidden by the audit, {} ms",
            release.views.len(),
            release.rounds,
            release.extra_hidden,
            started.elapsed().as_millis()
        );
        self.releases.keep(stamp, Arc::clone(&release));
        // The copy of the index and the audit's programs are freed; without a
        // trim glibc keeps them in this thread's arena (45 MB resident after a
        // restart over 1,000,000 reports, against 20 MB before releases).
        drop(index);
        crate::heap::trim();
        release
    }

    fn read_counted(&self) -> std::sync::RwLockReadGuard<'_, Counted> {
        // A panic while adding counts leaves at worst a few counts missing
        // from memory until restart; reading on is better than failing every request.
        self.index
            .read()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Counted> {
        self.index
            .write()
            .unwrap_or_else(|poison| poison.into_inner())
    }
}

/// The earliest week whose number of reports differs between `old` and
/// `new`. Counts only grow, so a week that changed at all has a new total.
fn earliest_change(old: &CountIndex, new: &CountIndex) -> Option<IsoWeek> {
    let totals = |index: &CountIndex| {
        let mut totals = BTreeMap::<IsoWeek, u64>::new();
        index.for_each_outcomes(|week, _, _, outcomes| {
            *totals.entry(week).or_default() += outcomes.iter().sum::<u64>();
        });
        totals
    };
    let (old, new) = (totals(old), totals(new));
    old.keys()
        .chain(new.keys())
        .filter(|week| old.get(week) != new.get(week))
        .min()
        .copied()
}
