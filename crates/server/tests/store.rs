//! One test suite for every [`ReportStore`]: SQLite and PostgreSQL pass the same assertions.
//!
//! Each case gets a fresh database and a way to open it again (a restart).
//! The PostgreSQL run starts a throwaway cluster of its own
//! ([`common::pg_cluster`]) and fails if PostgreSQL is not installed.

mod common;

use std::sync::atomic::{AtomicU32, Ordering};

use candor_core::{Arm, Effort, PilotReport, Reason, Report, ReportId, StoredCount};
use candor_server::store::{migrations, Ingested, Ledger, PgStore, ReportStore};
use candor_server::store::{SpentToken, SqliteStore, StoreError};
use common::pg_cluster::Cluster;

/// Opens the same database each time it is called.
type Open = Box<dyn Fn() -> Box<dyn ReportStore>>;

/// One case of the suite: a name, and the test given a database to open.
type Case = (&'static str, fn(&Open));

/// The cases, each on a fresh database from `fresh`.
const CASES: &[Case] = &[
    (
        "same content shares one count, ids are kept apart",
        same_content_shares_one_count_and_ids_are_kept_apart,
    ),
    ("counts survive a restart", counts_survive_a_restart),
    (
        "concurrent batches are each answered, every id counts once",
        concurrent_batches_are_each_answered_and_every_id_counts_once,
    ),
    (
        "a pilot report counts in its pilot once and in the map too",
        a_pilot_report_counts_in_its_pilot_once_and_in_the_map_too,
    ),
    ("tokens are spent once", tokens_are_spent_once),
    (
        "opening again runs no migration twice",
        opening_again_runs_no_migration_twice,
    ),
    ("compacting keeps every count", compacting_keeps_every_count),
];

fn run_suite(fresh: &mut dyn FnMut() -> Open) {
    for (name, case) in CASES {
        eprintln!("case: {name}");
        case(&fresh());
    }
}

#[test]
fn the_store_suite_passes_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let next = AtomicU32::new(0);
    run_suite(&mut || {
        let path = dir
            .path()
            .join(format!("{}.db", next.fetch_add(1, Ordering::Relaxed)));
        Box::new(move || Box::new(SqliteStore::open(&path).unwrap()) as Box<dyn ReportStore>)
    });
}

#[test]
fn the_store_suite_passes_on_postgresql() {
    let cluster = Cluster::start();
    let mut next = 0;
    run_suite(&mut || {
        next += 1;
        let url = cluster.create_database(&format!("suite_{next}"));
        Box::new(move || Box::new(PgStore::open(&url).unwrap()) as Box<dyn ReportStore>)
    });
}

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

fn scanned(store: &dyn ReportStore) -> Vec<StoredCount> {
    let mut all = Vec::new();
    store.scan(&mut |c| all.push(c)).unwrap();
    all.sort_by_key(|c| c.outcome);
    all
}

fn total(store: &dyn ReportStore) -> u64 {
    scanned(store).iter().map(|c| c.n).sum()
}

fn same_content_shares_one_count_and_ids_are_kept_apart(open: &Open) {
    let store = open();
    assert_eq!(store.ingest(&[]).unwrap(), Ingested::default());
    let batch = [report(1, -1), report(2, -1), report(3, 2), report(1, 0)];
    let ingested = store.ingest(&batch).unwrap();
    assert_eq!((ingested.stored.len(), ingested.duplicates), (3, 1));
    let again = store.ingest(&batch).unwrap();
    assert_eq!((again.stored.len(), again.duplicates), (0, 4));
    let counts = scanned(&*store);
    assert_eq!(counts.len(), 2);
    assert_eq!((counts[0].outcome, counts[0].n), (-1, 2));
    assert_eq!(counts[0].reasons, [Reason::Checking, Reason::Wrong]);
    assert_eq!(counts[0].mandated, Some(false));
    assert_eq!(counts[0].effort, Some(Effort::High));
    assert_eq!((counts[1].outcome, counts[1].n), (2, 1));
    assert_eq!(counts[1].reasons, []);
}

fn counts_survive_a_restart(open: &Open) {
    let store = open();
    store.ingest(&[report(9, 1), report(10, 1)]).unwrap();
    drop(store);
    let store = open();
    let counts = scanned(&*store);
    assert_eq!((counts.len(), counts[0].n), (1, 2));
    // An id stored before the restart is still a duplicate after it.
    let again = store.ingest(&[report(9, 1)]).unwrap();
    assert_eq!((again.stored.len(), again.duplicates), (0, 1));
}

fn concurrent_batches_are_each_answered_and_every_id_counts_once(open: &Open) {
    let store = open();
    // 8 writers × 20 batches of 10; ids repeat across writers (id = batch
    // position), so most batches race others holding the same ids.
    let answers: Vec<Ingested> = std::thread::scope(|scope| {
        let writers: Vec<_> = (0..8u8)
            .map(|writer| {
                let store = &store;
                scope.spawn(move || {
                    (0..20u8)
                        .map(|batch| {
                            let reports: Vec<Report> = (0..10u8)
                                .map(|i| report(batch * 10 + i, (writer % 5) as i8 - 2))
                                .collect();
                            store.ingest(&reports).unwrap()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        writers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    assert_eq!(answers.len(), 160);
    let stored: usize = answers.iter().map(|a| a.stored.len()).sum();
    let duplicates: u64 = answers.iter().map(|a| a.duplicates).sum();
    assert_eq!(stored, 200, "each of the 200 ids is stored once");
    assert_eq!(duplicates, 1400);
    for answer in &answers {
        assert_eq!(answer.stored.len() as u64 + answer.duplicates, 10);
    }
    assert_eq!(total(&*store), 200);
}

fn a_pilot_report_counts_in_its_pilot_once_and_in_the_map_too(open: &Open) {
    let store = open();
    let pilot = |id: u8, arm: Arm, tool: &str| {
        let mut report = report(id, 1);
        report.tool = tool.into();
        report.pilot = Some(PilotReport {
            pilot: "trial".into(),
            arm: Some(arm),
            forecast: 30,
            actual: 45,
        });
        report
    };
    let batch = [
        pilot(1, Arm::Ai, "chat"),
        pilot(2, Arm::Ai, "chat"),
        pilot(3, Arm::Ai, "none"),
        report(4, 1),
    ];
    let ingested = store.ingest(&batch).unwrap();
    assert_eq!((ingested.stored.len(), ingested.pilots.len()), (4, 3));
    // A resent batch counts in neither table.
    let again = store.ingest(&batch[..2]).unwrap();
    assert_eq!((again.duplicates, again.pilots.len()), (2, 0));
    drop(store);
    let store = open();
    let mut pilots = Vec::new();
    store.scan_pilots(&mut |c| pilots.push(c)).unwrap();
    pilots.sort_by_key(|c| c.count.against_arm);
    let summary: Vec<(&str, Arm, bool, u32, u32, u64)> = pilots
        .iter()
        .map(|c| {
            (
                c.pilot.as_str(),
                c.count.arm,
                c.count.against_arm,
                c.count.forecast,
                c.count.actual,
                c.count.n,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("trial", Arm::Ai, false, 30, 45, 2),
            ("trial", Arm::Ai, true, 30, 45, 1)
        ]
    );
    assert_eq!(total(&*store), 4);
}

fn tokens_are_spent_once(open: &Open) {
    let store = open();
    let token = |byte: u8| SpentToken {
        epoch: "2026-W07".parse().unwrap(),
        input: [byte; 32],
    };
    let first = store
        .ingest_spending(&[report(1, 1), report(2, 1)], &[token(1), token(2)])
        .unwrap();
    assert_eq!((first.stored.len(), first.spent.len()), (2, 0));
    // A token spent before refuses its report, and that report's id is not kept…
    let replay = store
        .ingest_spending(&[report(3, 1), report(4, 1)], &[token(5), token(1)])
        .unwrap();
    assert_eq!((replay.stored.len(), replay.spent), (1, vec![1]));
    // …so it may come again with a token of its own.
    let fresh = store.ingest_spending(&[report(4, 1)], &[token(6)]).unwrap();
    assert_eq!(fresh.stored.len(), 1);
    // A resent report is a duplicate and spends nothing: its new token is still good.
    let resent = store.ingest_spending(&[report(1, 1)], &[token(7)]).unwrap();
    assert_eq!((resent.duplicates, resent.spent.len()), (1, 0));
    let later = store.ingest_spending(&[report(8, 1)], &[token(7)]).unwrap();
    assert_eq!(later.stored.len(), 1);
    // Tokens are as long as the reports or absent.
    assert!(matches!(
        store.ingest_spending(&[report(9, 1)], &[token(8), token(9)]),
        Err(StoreError::Writer(_))
    ));
    drop(store);
    let store = open();
    let replay = store
        .ingest_spending(&[report(10, 1)], &[token(2)])
        .unwrap();
    assert_eq!(replay.spent, [0], "spent tokens survive a restart");
    assert_eq!(total(&*store), 5);
}

fn opening_again_runs_no_migration_twice(open: &Open) {
    let first = open();
    first.ingest(&[report(1, 2)]).unwrap();
    // A second store on the same database while the first is open, then a third.
    let second = open();
    drop(first);
    drop(second);
    let third = open();
    assert_eq!(total(&*third), 1);
}

fn compacting_keeps_every_count(open: &Open) {
    let store = open();
    store
        .ingest(&[report(5, 1), report(1, -2), report(3, 1)])
        .unwrap();
    let before = scanned(&*store);
    store.compact().unwrap();
    assert_eq!(scanned(&*store), before);
    let again = store.ingest(&[report(5, 1), report(6, 1)]).unwrap();
    assert_eq!((again.stored.len(), again.duplicates), (1, 1));
    assert_eq!(total(&*open()), 4);
}

#[test]
fn servers_starting_together_on_postgresql_migrate_once() {
    let cluster = Cluster::start();
    let url = cluster.create_database("together");
    let stores: Vec<PgStore> = std::thread::scope(|scope| {
        let starting: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| PgStore::open(&url)))
            .collect();
        starting
            .into_iter()
            .map(|s| s.join().unwrap().unwrap())
            .collect()
    });
    stores[0].ingest(&[report(1, 1)]).unwrap();
    assert_eq!(total(&stores[3]), 1, "all four share one database");
    let mut client = cluster.client("together");
    let versions: Vec<i32> = client
        .query("SELECT version FROM candor_schema", &[])
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert_eq!(versions, [migrations::pg_current_version() as i32]);
}

#[test]
fn the_postgresql_schema_holds_counts_and_ids_apart_and_nothing_about_arrival() {
    let cluster = Cluster::start();
    let url = cluster.create_database("schema");
    let store = PgStore::open(&url).unwrap();
    let mut client = cluster.client("schema");
    let columns: Vec<(String, String)> = client
        .query(
            "SELECT table_name::text, column_name::text FROM information_schema.columns
             WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
            &[],
        )
        .unwrap()
        .iter()
        .map(|row| (row.get(0), row.get(1)))
        .collect();
    let mut tables: Vec<&str> = columns.iter().map(|(t, _)| t.as_str()).collect();
    tables.dedup();
    assert_eq!(
        tables,
        [
            "candor_changes",
            "candor_schema",
            "counts",
            "issuance_salts",
            "issued",
            "pilot_counts",
            "seen_ids",
            "spent_tokens",
            "token_keys"
        ]
    );
    let seen_ids: Vec<&str> = columns
        .iter()
        .filter(|(t, _)| t == "seen_ids")
        .map(|(_, c)| c.as_str())
        .collect();
    assert_eq!(seen_ids, ["id"], "ids are linked to nothing");
    for (table, column) in &columns {
        for banned in [
            "addr", "agent", "arriv", "time", "created", "ip_", "user", "email", "identity",
        ] {
            assert!(!column.contains(banned), "{table}.{column}");
        }
    }
    // Rows carry the id of the transaction that wrote them (xmin), which
    // would tie an id to its count; compacting rewrites them all in one.
    store.ingest(&[report(1, 1)]).unwrap();
    store.ingest(&[report(2, -1)]).unwrap();
    let writers = |client: &mut postgres::Client| -> i64 {
        client
            .query_one(
                "SELECT count(DISTINCT x) FROM (
                     SELECT xmin::text AS x FROM counts UNION ALL SELECT xmin::text FROM seen_ids
                 ) AS rows",
                &[],
            )
            .unwrap()
            .get(0)
    };
    assert_eq!(writers(&mut client), 2);
    store.compact().unwrap();
    assert_eq!(writers(&mut client), 1);
}

#[test]
fn an_unreachable_postgresql_is_a_clear_error_naming_the_host_and_no_password() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = PgStore::open(&format!(
        "postgres://candor:hunter2@127.0.0.1:{port}/candor?connect_timeout=2"
    ))
    .unwrap_err();
    assert!(matches!(err, StoreError::Connect { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains(&format!("127.0.0.1:{port}/candor")),
        "{message}"
    );
    assert!(!message.contains("hunter2"), "{message}");
    let err = PgStore::open("postgres://candor:hunter2@host:port/candor").unwrap_err();
    assert!(matches!(err, StoreError::BadAddress), "{err:?}");
    assert!(!err.to_string().contains("hunter2"));
}

#[test]
fn a_postgresql_restart_fails_the_batches_meanwhile_and_the_store_reconnects_by_itself() {
    let cluster = Cluster::start();
    let url = cluster.create_database("restart");
    let store = PgStore::open(&url).unwrap();
    store.ingest(&[report(1, 1)]).unwrap();
    cluster.stop();
    // Nothing is acknowledged while the database is away, and nothing hangs.
    for id in 2..4 {
        let err = store.ingest(&[report(id, 1)]).unwrap_err();
        // Unavailable, not a bug (the server answers 503); logged without the host.
        assert!(matches!(err, StoreError::Unavailable(_)), "{err:?}");
        assert!(!err.to_string().contains("127.0.0.1"), "{err}");
    }
    cluster.restart();
    let after = store.ingest(&[report(1, 1), report(4, 1)]).unwrap();
    assert_eq!((after.stored.len(), after.duplicates), (1, 1));
    assert_eq!(total(&store), 2);
}

#[test]
fn two_ledgers_on_one_postgresql_database_see_each_others_counts() {
    let cluster = Cluster::start();
    let url = cluster.create_database("ledgers");
    let open = || Ledger::load(Box::new(PgStore::open(&url).unwrap())).unwrap();
    let (a, b) = (open(), open());
    let stored = a.ingest(&[report(1, 1), report(2, 1)]).unwrap();
    assert_eq!(stored.generation, Some(1), "one batch, one change");
    assert_eq!(a.len_reports(), 2);
    assert_eq!(b.len_reports(), 0, "B has not looked yet");
    b.sync().unwrap();
    assert_eq!(b.len_reports(), 2);
    // B's own batch comes after A's, which B holds: added in memory as is.
    assert_eq!(b.ingest(&[report(3, 1)]).unwrap().generation, Some(2));
    assert_eq!(b.len_reports(), 3);
    // A's next batch comes after B's, which A does not hold yet: A reads
    // everything again at its next check rather than miss B's.
    assert_eq!(a.ingest(&[report(4, 1)]).unwrap().generation, Some(3));
    assert_eq!(a.len_reports(), 2);
    a.sync().unwrap();
    assert_eq!(a.len_reports(), 4);
    b.sync().unwrap();
    assert_eq!(b.len_reports(), 4);
    // Duplicates and empty batches change nothing, counter included.
    assert_eq!(a.ingest(&[report(1, 1)]).unwrap().generation, None);
    let sqlite_dir = tempfile::tempdir().unwrap();
    let sqlite = SqliteStore::open(&sqlite_dir.path().join("c.db")).unwrap();
    assert!(!sqlite.shared() && sqlite.generation().unwrap().is_none());
    let mut client = cluster.client("ledgers");
    let generation: i64 = client
        .query_one("SELECT generation FROM candor_changes", &[])
        .unwrap()
        .get(0);
    assert_eq!(generation, 3);
}

/// `n` distinct reports from `first` on, in one week and one cell.
fn distinct(first: u32, n: u32) -> Vec<Report> {
    (first..first + n)
        .map(|i| {
            let mut bytes = [0u8; 16];
            bytes[..4].copy_from_slice(&i.to_be_bytes());
            Report {
                id: ReportId::from_bytes(bytes),
                ..report(0, (i % 5) as i8 - 2)
            }
        })
        .collect()
}

#[test]
fn batches_committed_together_on_postgresql_are_all_in_memory_whatever_order_they_finish_in() {
    let cluster = Cluster::start();
    let url = cluster.create_database("groups");
    let open = || Ledger::load(Box::new(PgStore::open(&url).unwrap())).unwrap();
    let (a, b) = (open(), open());
    // 8 writers on A and 2 on B at once: A's batches are committed in
    // groups, their changes numbered in order but answered in any order,
    // and B's changes fall between them.
    let generations: Vec<Option<u64>> = std::thread::scope(|scope| {
        let writers: Vec<_> = (0..10u32)
            .map(|writer| {
                let ledger = if writer < 8 { &a } else { &b };
                scope.spawn(move || {
                    (0..25u32)
                        .map(|batch| {
                            let first = (writer * 25 + batch) * 100;
                            let ingested = ledger.ingest(&distinct(first, 100)).unwrap();
                            assert_eq!(ingested.stored.len(), 100);
                            ingested.generation
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        writers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    let mut numbers: Vec<u64> = generations.into_iter().map(Option::unwrap).collect();
    numbers.sort_unstable();
    assert_eq!(
        numbers,
        (1..=250).collect::<Vec<_>>(),
        "each batch is one change of its own, none shared, none skipped"
    );
    assert_eq!(total_of(&cluster, "groups"), 25_000);
    // Another replica's change in between leaves a replica's later batches
    // waiting for its next check (a reader's); after it, both hold everything.
    a.sync().unwrap();
    b.sync().unwrap();
    assert_eq!(a.len_reports(), 25_000);
    assert_eq!(b.len_reports(), 25_000);

    // Alone, A's batches are all in memory without a check, however they were grouped.
    let alone = cluster.create_database("alone");
    let a = Ledger::load(Box::new(PgStore::open(&alone).unwrap())).unwrap();
    std::thread::scope(|scope| {
        for writer in 0..8u32 {
            let a = &a;
            scope.spawn(move || {
                for batch in 0..25u32 {
                    a.ingest(&distinct((writer * 25 + batch) * 100, 100))
                        .unwrap();
                }
            });
        }
    });
    assert_eq!(
        a.len_reports(),
        20_000,
        "no batch waits for a reader's check"
    );
}

fn total_of(cluster: &Cluster, database: &str) -> i64 {
    cluster
        .client(database)
        .query_one("SELECT sum(n)::bigint FROM counts", &[])
        .unwrap()
        .get(0)
}

#[test]
fn two_replicas_seeding_the_demo_together_store_it_once() {
    use candor_server::{config::ServedConfig, demo};
    let cluster = Cluster::start();
    let url = cluster.create_database("demo");
    let config = ServedConfig::load(None).unwrap().config;
    let week: candor_core::IsoWeek = "2026-W48".parse().unwrap();
    let open = || Ledger::load(Box::new(PgStore::open(&url).unwrap())).unwrap();
    let (a, b) = (open(), open());
    // Both find the database empty and seed it: the demo's ids are the same
    // for a given week, so the second replica's reports are duplicates.
    let stored: u64 = std::thread::scope(|scope| {
        let seeding: Vec<_> = [&a, &b]
            .into_iter()
            .map(|ledger| scope.spawn(|| demo::seed(ledger, &config, week).unwrap()))
            .collect();
        seeding.into_iter().map(|s| s.join().unwrap()).sum()
    });
    let expected = demo::reports(&config, week).len() as u64;
    assert_eq!(stored, expected, "each demo report stored by one replica");
    assert_eq!(total_of(&cluster, "demo"), expected as i64);
}
