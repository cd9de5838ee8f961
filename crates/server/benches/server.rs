//! The server's SPEC §8 budgets, measured against the real binary, next to a yardstick.
//!
//! Run with `scripts/bench-server.sh` (a release-speed build), or
//! `cargo bench -p candor-server --profile server --bench server -- [--reports N] [--clients C]`.
//!
//! It prints, for candor-server over HTTP:
//! - durable ingest in reports/s with batches of 100 (budget ≥ 20,000/s);
//! - the time to build and audit the release after the ingest (the first
//!   `GET /aggregate` waits for it; SPEC §5.2);
//! - `GET /aggregate` p50/p99 with the stored reports (budget p99 ≤ 50 ms),
//!   and `GET /aggregate/choices` (what the team map asks on each filter change);
//! - resident memory, idle: fresh, a few seconds after the ingest,
//!   restarted over the full database, and 5 s after 1,000 connections at
//!   once (budget ≤ 30 MB);
//!
//! and, as a yardstick, the same reports stored in-process (no HTTP, no
//! JSON) two ways with the same durability settings — candor's counts
//! keyed by content, and a plain table with one row per report — with
//! ingest rates and aggregate latencies side by side.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

// The tests' throwaway cluster; the bench uses part of it.
#[allow(dead_code)]
#[path = "../tests/common/pg_cluster.rs"]
mod pg_cluster;

use candor_server::credentials::Issuer;
use candor_server::store::{ReportStore, SpentToken, SqliteStore};
use rusqlite::{params, Connection};

const BATCH: u64 = 100;
/// Every report falls in 2026-W01..W47; the server's clock is a week later, so all are closed.
const TODAY: &str = "2026-11-30";
const TASKS: [&str; 8] = [
    "code_review",
    "debugging",
    "tests",
    "feature",
    "incident",
    "docs",
    "design",
    "data",
];
const TOOLS: [&str; 4] = ["none", "chat", "completion", "agent"];
const FILTERS: [&str; 8] = [
    "",
    "?period=2026-03",
    "?period=2026-Q2",
    "?mandated=true",
    "?effort=high",
    "?complexity=complex",
    "?period=2026-10&effort=low",
    "?period=all",
];

struct Options {
    reports: u64,
    clients: u64,
    queries: usize,
    /// `--sqlite-only`: skip the PostgreSQL run (it needs PostgreSQL's server binaries).
    sqlite_only: bool,
}

fn options() -> Options {
    let mut options = Options {
        reports: 1_000_000,
        clients: 4,
        queries: 2000,
        sqlite_only: false,
    };
    let args: Vec<String> = std::env::args().collect();
    let mut at = 1;
    while at < args.len() {
        let value = || args.get(at + 1).and_then(|v| v.parse::<u64>().ok());
        match args[at].as_str() {
            "--reports" => options.reports = value().expect("--reports N"),
            "--clients" => options.clients = value().expect("--clients N"),
            "--queries" => options.queries = value().expect("--queries N") as usize,
            "--sqlite-only" => {
                options.sqlite_only = true;
                at += 1;
                continue;
            }
            // cargo bench passes --bench; anything else is not ours.
            _ => {
                at += 1;
                continue;
            }
        }
        at += 2;
    }
    options
}

/// The report with number `i`: a deterministic spread over weeks, cells and answers.
fn report(i: u64) -> Report {
    let h = i.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (i >> 7);
    let outcome = (h % 5) as i8 - 2;
    let pick = |shift: u32, n: u64| ((h >> shift) % n) as usize;
    Report {
        // Random-looking like real ids (128 random bits), so both stores pay
        // for inserting keys in random order; the low half keeps them unique.
        id: (u128::from(h.wrapping_mul(0xbf58_476d_1ce4_e5b9)) << 64) | u128::from(i),
        week: 1 + pick(8, 47) as u32,
        task: TASKS[pick(16, 8)],
        tool: TOOLS[pick(20, 4)],
        outcome,
        effort: [None, Some("low"), Some("medium"), Some("high")][pick(24, 4)],
        mandated: [None, Some(true), Some(false)][pick(28, 3)],
        complexity: [None, Some("routine"), Some("complex")][pick(32, 3)],
        reasons: if outcome < 0 {
            [&[][..], &["wrong"], &["checking", "context"]][pick(36, 3)]
        } else {
            &[]
        },
    }
}

struct Report {
    id: u128,
    week: u32,
    task: &'static str,
    tool: &'static str,
    outcome: i8,
    effort: Option<&'static str>,
    mandated: Option<bool>,
    complexity: Option<&'static str>,
    reasons: &'static [&'static str],
}

impl Report {
    fn json(&self) -> String {
        let mut text = format!(
            r#"{{"v":1,"id":"{:032x}","week":"2026-W{:02}","task":"{}","tool":"{}","outcome":{}"#,
            self.id, self.week, self.task, self.tool, self.outcome
        );
        if let Some(effort) = self.effort {
            text.push_str(&format!(r#","effort":"{effort}""#));
        }
        if let Some(mandated) = self.mandated {
            text.push_str(&format!(r#","mandated":{mandated}"#));
        }
        if let Some(complexity) = self.complexity {
            text.push_str(&format!(r#","complexity":"{complexity}""#));
        }
        if !self.reasons.is_empty() {
            let list: Vec<String> = self.reasons.iter().map(|r| format!("\"{r}\"")).collect();
            text.push_str(&format!(r#","reasons":[{}]"#, list.join(",")));
        }
        text.push('}');
        text
    }
}

struct Server {
    child: Child,
    base: String,
}

impl Server {
    /// Starts candor-server on `db` (a file or a `postgres://` address); `dir` holds no app.
    fn start(db: &str, dir: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_candor-server"))
            .args(["--listen", "127.0.0.1:0", "--today", TODAY, "--db", db])
            .arg("--dist")
            .arg(dir.join("no-app"))
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("candor-server starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line
            .trim()
            .strip_prefix("candor-server listening on ")
            .expect("the listening line")
            .to_owned();
        Server { child, base }
    }

    /// CPU time the server has used so far, user + system, in seconds.
    fn cpu_seconds(&self) -> f64 {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap();
        // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .unwrap()
            .1
            .split_whitespace()
            .collect();
        let ticks: f64 = fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap();
        ticks / 100.0
    }

    fn rss_mb(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let kb: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .expect("VmRSS in /proc");
        kb / 1024.0
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .new_agent()
}

/// Sends reports 0..total in batches of 100 from `clients` threads; returns reports/s.
fn ingest_http(base: &str, total: u64, clients: u64) -> f64 {
    let next = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|_| {
            let (next, base) = (Arc::clone(&next), base.to_owned());
            std::thread::spawn(move || {
                let agent = agent();
                loop {
                    let first = next.fetch_add(BATCH, Ordering::Relaxed);
                    if first >= total {
                        return;
                    }
                    let body: Vec<String> = (first..(first + BATCH).min(total))
                        .map(|i| report(i).json())
                        .collect();
                    let body = format!(r#"{{"reports":[{}]}}"#, body.join(","));
                    let mut response = agent
                        .post(format!("{base}/api/v1/reports"))
                        .header("content-type", "application/json")
                        .send(body)
                        .expect("the server answers");
                    let answer = response.body_mut().read_to_string().unwrap();
                    assert!(answer.contains(r#""rejected":[]"#), "{answer}");
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    total as f64 / started.elapsed().as_secs_f64()
}

/// What candor-server over HTTP measures on one backend (SPEC §8).
struct HttpFigures {
    ingest: f64,
    server_cpu: f64,
    release_s: f64,
    agg_p50: f64,
    agg_p99: f64,
    agg_first: f64,
    choices_p50: f64,
    choices_p99: f64,
    choices_first: f64,
    rss_fresh: f64,
    rss_after_ingest: f64,
    load_s: f64,
    rss_loaded: f64,
    burst_s: f64,
    rss_after_burst: f64,
}

/// Ingest, reads and memory of candor-server on `db`, restarted once over what it stored.
fn http_figures(db: &str, dir: &Path, options: &Options) -> HttpFigures {
    let server = Server::start(db, dir);
    // Let start-up allocations settle before reading memory.
    std::thread::sleep(Duration::from_millis(300));
    let rss_fresh = server.rss_mb();
    let cpu_before = server.cpu_seconds();
    let ingest = ingest_http(&server.base, options.reports, options.clients);
    let server_cpu = server.cpu_seconds() - cpu_before;
    // The first read after the ingest waits for the release: every view
    // published and audited as linear programs (SPEC §5.2).
    let started = Instant::now();
    let (_, _, _) = get_http(&server.base, "aggregate", "{\"k\":", 1);
    let release_s = started.elapsed().as_secs_f64();
    let (agg_p50, agg_p99, agg_first) = aggregate_http(&server.base, options.queries);
    // What the team map asks on every filter change: each filter value's view, worked out in full.
    let (choices_p50, choices_p99, choices_first) = get_http(
        &server.base,
        "aggregate/choices",
        "{\"filters\":",
        (options.queries / 10).max(16),
    );
    // The writer hands its page cache back after 2 s without work.
    std::thread::sleep(Duration::from_secs(3));
    let rss_after_ingest = server.rss_mb();
    drop(server);

    let started = Instant::now();
    let server = Server::start(db, dir);
    let load_s = started.elapsed().as_secs_f64();
    let _ = aggregate_http(&server.base, 16);
    std::thread::sleep(Duration::from_millis(300));
    let rss_loaded = server.rss_mb();
    // A burst: 1,000 connections open at once, each asking for the aggregate,
    // while one more stays open throughout, as a load balancer's would.
    let held = hold_connection(&server.base);
    let burst_s = burst(&server.base, BURST);
    std::thread::sleep(Duration::from_secs(5));
    let rss_after_burst = server.rss_mb();
    drop(held);
    HttpFigures {
        ingest,
        server_cpu,
        release_s,
        agg_p50,
        agg_p99,
        agg_first,
        choices_p50,
        choices_p99,
        choices_first,
        rss_fresh,
        rss_after_ingest,
        load_s,
        rss_loaded,
        burst_s,
        rss_after_burst,
    }
}

/// A keep-alive connection that has asked for the health check once and stays open.
fn hold_connection(base: &str) -> std::net::TcpStream {
    use std::io::{Read, Write};
    let addr = base.strip_prefix("http://").expect("an http:// base");
    let mut stream = std::net::TcpStream::connect(addr).expect("the server accepts");
    stream
        .write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: bench\r\n\r\n")
        .unwrap();
    let mut answer = [0u8; 512];
    let read = stream.read(&mut answer).unwrap();
    assert!(answer[..read].starts_with(b"HTTP/1.1 200"));
    stream
}

/// Connections opened at once for the burst.
const BURST: usize = 1_000;

/// Opens `connections` connections at once, sends `GET /aggregate` on each,
/// reads every answer whole, then closes them all; returns the seconds it took.
fn burst(base: &str, connections: usize) -> f64 {
    use std::io::{Read, Write};
    let addr = base.strip_prefix("http://").expect("an http:// base");
    let started = Instant::now();
    let mut streams: Vec<std::net::TcpStream> = (0..connections)
        .map(|_| std::net::TcpStream::connect(addr).expect("the server accepts"))
        .collect();
    for stream in &mut streams {
        stream
            .write_all(
                b"GET /api/v1/aggregate HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n",
            )
            .unwrap();
    }
    for stream in &mut streams {
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        assert!(
            answer.starts_with(b"HTTP/1.1 200"),
            "{}",
            String::from_utf8_lossy(&answer[..answer.len().min(200)])
        );
    }
    drop(streams);
    started.elapsed().as_secs_f64()
}

/// Lifts this process's soft limit on open files (servers started afterwards inherit it).
fn raise_open_files(wanted: u64) {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit read and write the one struct passed.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < wanted {
            limit.rlim_cur = wanted.min(limit.rlim_max);
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let at = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[at].as_secs_f64() * 1000.0
}

/// GETs the aggregate `queries` times over the filters; returns (p50, p99, slowest first ask) in ms.
fn aggregate_http(base: &str, queries: usize) -> (f64, f64, f64) {
    get_http(base, "aggregate", "{\"k\":", queries)
}

/// GETs `/api/v1/{path}` `queries` times over the filters, checking each
/// body starts with `expected`; returns (p50, p99) in ms, and the slowest
/// of the first ask for each filter (worked out in full, before the
/// server remembers it).
fn get_http(base: &str, path: &str, expected: &str, queries: usize) -> (f64, f64, f64) {
    let agent = agent();
    let mut times = Vec::with_capacity(queries);
    for q in 0..queries {
        let url = format!("{base}/api/v1/{path}{}", FILTERS[q % FILTERS.len()]);
        let started = Instant::now();
        let mut response = agent.get(&url).call().unwrap();
        let body = response.body_mut().read_to_string().unwrap();
        times.push(started.elapsed());
        assert!(body.starts_with(expected), "{body}");
    }
    let first = times
        .iter()
        .take(FILTERS.len())
        .max()
        .copied()
        .unwrap_or_default();
    times.sort();
    (
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        first.as_secs_f64() * 1000.0,
    )
}

/// The yardstick's table: one row per report, as a naive design would keep them.
const PLAIN_SCHEMA: &str = "CREATE TABLE reports (
    id BLOB PRIMARY KEY, week TEXT NOT NULL, task TEXT NOT NULL, tool TEXT NOT NULL,
    outcome INTEGER NOT NULL, effort TEXT, mandated INTEGER, complexity TEXT,
    team TEXT, reasons TEXT)";

fn plain_table(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    candor_server::store::sqlite::configure(&conn).unwrap();
    conn.execute_batch(PLAIN_SCHEMA).unwrap();
    conn
}

/// The same reports into the plain table, one durable transaction per batch of 100.
///
/// Only the transactions are timed: building the rows is not storage work.
fn ingest_plain(conn: &mut Connection, total: u64) -> f64 {
    let mut busy = Duration::ZERO;
    let mut first = 0;
    while first < total {
        let rows: Vec<Report> = (first..(first + BATCH).min(total)).map(report).collect();
        let started = Instant::now();
        let tx = conn.transaction().unwrap();
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO reports VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, ?9)",
                )
                .unwrap();
            for r in &rows {
                insert
                    .execute(params![
                        r.id.to_be_bytes(),
                        format!("2026-W{:02}", r.week),
                        r.task,
                        r.tool,
                        r.outcome,
                        r.effort,
                        r.mandated,
                        r.complexity,
                        r.reasons.join(","),
                    ])
                    .unwrap();
            }
        }
        tx.commit().unwrap();
        busy += started.elapsed();
        first += BATCH;
    }
    total as f64 / busy.as_secs_f64()
}

/// The same reports through candor's own store (counts keyed by content, ids apart).
fn ingest_counts(store: &SqliteStore, total: u64) -> f64 {
    let mut busy = Duration::ZERO;
    let mut first = 0;
    while first < total {
        let batch: Vec<candor_core::Report> = (first..(first + BATCH).min(total))
            .map(|i| candor_core::Report::from_json(&report(i).json()).unwrap())
            .collect();
        let started = Instant::now();
        store.ingest(&batch).unwrap();
        busy += started.elapsed();
        first += BATCH;
    }
    total as f64 / busy.as_secs_f64()
}

/// The aggregate by SQL, per request: GROUP BY over `table`, adding up `count`.
fn aggregate_sql(conn: &Connection, table: &str, count: &str, queries: usize) -> (f64, f64) {
    let sql = [
        "",
        " AND week BETWEEN '2026-W10' AND '2026-W13'",
        " AND week BETWEEN '2026-W14' AND '2026-W26'",
        " AND mandated = 1",
        " AND effort = 'high'",
        " AND complexity = 'complex' AND mandated = 0",
        " AND week BETWEEN '2026-W40' AND '2026-W44' AND effort = 'low'",
        "",
    ];
    let mut times = Vec::with_capacity(queries);
    for q in 0..queries {
        let started = Instant::now();
        let mut statement = conn
            .prepare_cached(&format!(
                "SELECT task, tool, outcome, {count} FROM {table} WHERE week < '2026-W48'{} \
                 GROUP BY task, tool, outcome",
                sql[q % sql.len()]
            ))
            .unwrap();
        let rows: Vec<(String, String, i64, i64)> = statement
            .query_map([], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        times.push(started.elapsed());
        assert!(!rows.is_empty());
    }
    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.99))
}

/// Reports filed with credentials in the bench's last part.
const CREDENTIAL_REPORTS: u64 = 20_000;

/// What credentials cost (SPEC §6.10), in-process on the SQLite store: the
/// issuer's time per token (a request of 100: quota count, evaluation and
/// proof), the client's (blind and finalize with the proof checked), the
/// check of a spent token, and ingest of the same reports with credentials
/// on (each token checked and spent in the report's transaction) against off.
fn credentials_bench(dir: &Path) -> [f64; 5] {
    use candor_core::{Credentials, IsoWeek, Token, TokenIssue, TokenRequest};

    let week: IsoWeek = "2026-W49".parse().unwrap();
    let on_db = dir.join("credentials-on.db");
    let on = SqliteStore::open(&on_db).unwrap();
    let credentials = Credentials {
        per_week: 1000,
        sign_in_url: None,
    };
    let issuer = Issuer::open(&on_db, &credentials).unwrap();
    let key = issuer.public_key(week).unwrap();
    let (mut issuing, mut client) = (Duration::ZERO, Duration::ZERO);
    let mut tokens = Vec::new();
    for request in 0..CREDENTIAL_REPORTS / 100 {
        // The app's own token client: random inputs, blinded.
        let started = Instant::now();
        let issuance = candor_token_client::blind(100).unwrap();
        let asked = TokenRequest {
            epoch: week,
            blinded: issuance.blinded().to_vec(),
        };
        client += started.elapsed();
        let started = Instant::now();
        // Twenty people, a thousand tokens each.
        let TokenIssue {
            evaluated, proof, ..
        } = issuer
            .issue(&format!("person-{}", request % 20), &asked, week)
            .unwrap();
        issuing += started.elapsed();
        let started = Instant::now();
        let made = issuance
            .finalize(&key.public_key, &evaluated, &proof)
            .unwrap();
        tokens.extend(made.iter().map(|token| {
            let (input, output) = token.split_once('.').unwrap();
            Token {
                epoch: week,
                input: input.to_owned(),
                output: output.to_owned(),
            }
        }));
        client += started.elapsed();
    }
    let per_token = |d: Duration| d.as_secs_f64() * 1e6 / CREDENTIAL_REPORTS as f64;

    let off = SqliteStore::open(&dir.join("credentials-off.db")).unwrap();
    let (mut busy_on, mut busy_off, mut checking) =
        (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let mut first = 0;
    while first < CREDENTIAL_REPORTS {
        let range = first..(first + BATCH).min(CREDENTIAL_REPORTS);
        let batch: Vec<candor_core::Report> = range
            .clone()
            .map(|i| candor_core::Report::from_json(&report(i).json()).unwrap())
            .collect();
        let started = Instant::now();
        off.ingest(&batch).unwrap();
        busy_off += started.elapsed();
        let started = Instant::now();
        let spent: Vec<SpentToken> = range
            .map(|i| issuer.check(&tokens[i as usize], week).unwrap().unwrap())
            .collect();
        checking += started.elapsed();
        let stored = on.ingest_spending(&batch, &spent).unwrap();
        assert!(stored.spent.is_empty());
        busy_on += started.elapsed();
        first += BATCH;
    }
    let rate = |d: Duration| CREDENTIAL_REPORTS as f64 / d.as_secs_f64();
    [
        per_token(issuing),
        per_token(client),
        per_token(checking),
        rate(busy_on),
        rate(busy_off),
    ]
}

fn main() {
    let options = options();
    // Before any server starts: it inherits the limit, and the burst needs 1,000 sockets on each side.
    raise_open_files(BURST as u64 * 2 + 256);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bench.db");
    println!(
        "candor-server benchmark: {} reports, batches of {BATCH}, {} client threads, {} aggregate queries",
        options.reports, options.clients, options.queries
    );

    let sqlite_db = db.to_str().expect("a UTF-8 temporary path").to_owned();
    let sqlite = http_figures(&sqlite_db, dir.path(), &options);
    // The same on a throwaway PostgreSQL cluster of the bench's own (SPEC §11).
    let cluster = (!options.sqlite_only).then(pg_cluster::Cluster::start);
    let postgres = cluster
        .as_ref()
        .map(|cluster| http_figures(&cluster.create_database("bench"), dir.path(), &options));
    drop(cluster);

    let counts_store = SqliteStore::open(&dir.path().join("counts.db")).unwrap();
    let counts_ingest = ingest_counts(&counts_store, options.reports);
    drop(counts_store);
    let counts_conn = Connection::open(dir.path().join("counts.db")).unwrap();
    let sql_queries = (options.queries / 20).max(16);
    let (_, counts_sql_p99) = aggregate_sql(&counts_conn, "counts", "sum(n)", sql_queries);
    let mut plain = plain_table(&dir.path().join("plain.db"));
    let plain_ingest = ingest_plain(&mut plain, options.reports);
    let (_, plain_sql_p99) = aggregate_sql(&plain, "reports", "count(*)", sql_queries);

    let db_mb = |name: &str| {
        ["", "-wal"]
            .iter()
            .filter_map(|s| std::fs::metadata(dir.path().join(format!("{name}{s}"))).ok())
            .map(|m| m.len() as f64 / 1e6)
            .sum::<f64>()
    };
    print_http(&sqlite, postgres.as_ref(), &options);
    println!();
    println!("yardstick: the same reports stored in-process, same batches, same durability (WAL, synchronous=FULL):");
    println!(
        "{:<40} {:>18} {:>18} {:>8}",
        "", "candor counts", "row per report", "ratio"
    );
    println!(
        "{:<40} {:>18.0} {:>18.0} {:>7.2}x",
        "ingest (reports/s)",
        counts_ingest,
        plain_ingest,
        counts_ingest / plain_ingest
    );
    println!(
        "{:<40} {:>18.2} {:>18.2} {:>7.1}x",
        "aggregate p99, SQL GROUP BY (ms)",
        counts_sql_p99,
        plain_sql_p99,
        plain_sql_p99 / counts_sql_p99
    );
    println!(
        "{:<40} {:>18.2} {:>18.2} {:>7.1}x",
        "aggregate p99, as served (ms)",
        sqlite.agg_p99,
        plain_sql_p99,
        plain_sql_p99 / sqlite.agg_p99
    );
    println!(
        "{:<40} {:>18.1} {:>18.1}",
        "database on disk (MB)",
        db_mb("counts.db"),
        db_mb("plain.db")
    );

    let [issue_us, client_us, check_us, on_rate, off_rate] = credentials_bench(dir.path());
    println!();
    println!(
        "credentials (SPEC §6.10), {CREDENTIAL_REPORTS} reports in-process, tokens asked 100 at a time:"
    );
    println!(
        "  issuance, per token (server)      {issue_us:.0} us (quota count, evaluation, proof)"
    );
    println!("  blind + finalize, per token       {client_us:.0} us (client side, native; the proof checked)");
    println!("  redemption check, per report      {check_us:.0} us (the VOPRF output recomputed)");
    println!(
        "  ingest, credentials on / off      {on_rate:.0} / {off_rate:.0} reports/s ({:.2}x; on: each token checked and spent in the report's transaction)",
        on_rate / off_rate
    );
}

/// The HTTP figures, SQLite's beside PostgreSQL's when it was measured.
fn print_http(sqlite: &HttpFigures, postgres: Option<&HttpFigures>, options: &Options) {
    let verdict = |ok: bool| if ok { "ok" } else { "OVER BUDGET" };
    let both = |f: &dyn Fn(&HttpFigures) -> String| {
        let pg = postgres.map_or_else(|| "(not measured)".to_owned(), f);
        format!("{:>30} {:>30}", f(sqlite), pg)
    };
    let all = |ok: &dyn Fn(&HttpFigures) -> bool| ok(sqlite) && postgres.is_none_or(ok);
    println!();
    println!(
        "candor-server over HTTP (SPEC §8 budgets), {} reports:",
        options.reports
    );
    println!("{:<36} {:>30} {:>30}", "", "SQLite (default)", "PostgreSQL");
    println!(
        "{:<36} {}   budget >= 20,000   {}",
        "ingest, batches of 100, durable",
        both(&|f| format!("{:.0} reports/s", f.ingest)),
        verdict(all(&|f| f.ingest >= 20_000.0))
    );
    println!(
        "{:<36} {}   (no budget)",
        "  server CPU per report",
        both(&|f| format!("{:.0} us", f.server_cpu * 1e6 / options.reports as f64))
    );
    println!(
        "{:<36} {}   (no budget; the first GET /aggregate after the ingest)",
        "release built and audited",
        both(&|f| format!("{:.2} s", f.release_s))
    );
    println!(
        "{:<36} {}   budget p99 <= 50 ms   {}",
        "GET /aggregate p50 / p99",
        both(&|f| format!("{:.2} / {:.2} ms", f.agg_p50, f.agg_p99)),
        verdict(all(&|f| f.agg_p99 <= 50.0))
    );
    println!(
        "{:<36} {}   {}",
        "  first ask per filter, slowest",
        both(&|f| format!("{:.2} ms", f.agg_first)),
        verdict(all(&|f| f.agg_first <= 50.0))
    );
    println!(
        "{:<36} {}   (no budget; the team map's filters)",
        "GET /aggregate/choices p50 / p99",
        both(&|f| format!("{:.2} / {:.2} ms", f.choices_p50, f.choices_p99))
    );
    println!(
        "{:<36} {}   (no budget)",
        "  first ask, slowest",
        both(&|f| format!("{:.2} ms", f.choices_first))
    );
    println!(
        "{:<36} {}   (no budget)",
        "start-up over the stored reports",
        both(&|f| format!("{:.1} s", f.load_s))
    );
    println!(
        "{:<36} {}   budget <= 30 MB   {}",
        "resident memory, idle: fresh",
        both(&|f| format!("{:.1} MB", f.rss_fresh)),
        verdict(all(&|f| f.rss_fresh <= 30.0))
    );
    println!(
        "{:<36} {}   budget <= 30 MB   {}",
        "  3 s after the ingest",
        both(&|f| format!("{:.1} MB", f.rss_after_ingest)),
        verdict(all(&|f| f.rss_after_ingest <= 30.0))
    );
    println!(
        "{:<36} {}   budget <= 30 MB   {}",
        "  restarted over the stored reports",
        both(&|f| format!("{:.1} MB", f.rss_loaded)),
        verdict(all(&|f| f.rss_loaded <= 30.0))
    );
    println!(
        "{:<36} {}   budget <= 30 MB   {}",
        format!("  5 s after {BURST} connections at once"),
        both(&|f| format!("{:.1} MB ({:.1} s)", f.rss_after_burst, f.burst_s)),
        verdict(all(&|f| f.rss_after_burst <= 30.0))
    );
}
