//! `candor-server`: options, start, clean stop. Everything else is in the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use axum::http::{HeaderName, HeaderValue};
use candor_server::config::LoadError;
use candor_server::credentials::Issuer;
use candor_server::limits::{IdentityGate, LimitOptions, TrustedProxy};
use candor_server::routes::tokens::TokenService;
use candor_server::serve::serve;
use candor_server::store::{Database, StoreError};
use candor_server::{demo, router, AppState, Clock, HttpOptions, Ledger, ServedConfig};
use chrono::NaiveDate;
use clap::Parser;
use tokio::net::TcpListener;
use tracing::Level;
use tracing_subscriber::filter::{filter_fn, EnvFilter};
use tracing_subscriber::prelude::*;

/// Candor's sync server: stores reports as counts, publishes honest aggregates, serves the app.
///
/// Every option can also be set in the environment, as CANDOR_<NAME>.
#[derive(Debug, Parser)]
#[command(name = "candor-server", version, about, long_about = None)]
struct Options {
    /// Address to listen on, e.g. 0.0.0.0:8080; port 0 picks a free port.
    #[arg(long, env = "CANDOR_LISTEN", default_value = "127.0.0.1:8080")]
    listen: String,

    /// The SQLite database file (created when missing), or a PostgreSQL database given as
    /// postgres://user[:password]@host[:port]/database (its tables are created when missing).
    #[arg(long, env = "CANDOR_DB", default_value = "candor.db")]
    db: String,

    /// The deployment config (candor.json) [default: the built-in copy of public/candor.json].
    #[arg(long, env = "CANDOR_CONFIG")]
    config: Option<PathBuf>,

    /// The built app (`./candor build`); the API works without it.
    #[arg(long, env = "CANDOR_DIST", default_value = "dist")]
    dist: PathBuf,

    /// Seed an empty database with synthetic reports for the past 12 weeks, for a first look.
    #[arg(long, env = "CANDOR_DEMO")]
    demo: bool,

    /// Let pages from this origin call the API, e.g. https://intranet.example (repeatable;
    /// CANDOR_CORS_ORIGINS takes a comma-separated list). Off by default.
    #[arg(
        long = "cors-origin",
        env = "CANDOR_CORS_ORIGINS",
        value_delimiter = ','
    )]
    cors_origins: Vec<String>,

    /// POST /api/v1/reports requests allowed per client address per minute (also the burst); 0: no limit.
    #[arg(long, env = "CANDOR_BATCHES_PER_MINUTE", default_value_t = 30)]
    batches_per_minute: u32,

    /// Reports (inside those requests) allowed per client address per minute; the burst is this
    /// or one full batch of 500, whichever is more; 0: no limit.
    #[arg(long, env = "CANDOR_REPORTS_PER_MINUTE", default_value_t = 120)]
    reports_per_minute: u32,

    /// Other requests allowed per client address per minute (also the burst); 0: no limit.
    #[arg(long, env = "CANDOR_REQUESTS_PER_MINUTE", default_value_t = 600)]
    requests_per_minute: u32,

    /// A reverse proxy (address or network, e.g. 10.0.0.5 or 10.0.0.0/8) whose
    /// X-Forwarded-For names the client (repeatable; CANDOR_TRUSTED_PROXY takes a
    /// comma-separated list). Without it X-Forwarded-For is ignored.
    #[arg(
        long = "trusted-proxy",
        env = "CANDOR_TRUSTED_PROXY",
        value_delimiter = ','
    )]
    trusted_proxies: Vec<TrustedProxy>,

    /// The header in which the single sign-on proxy names the signed-in person, believed only
    /// from --trusted-proxy addresses; used only to count tokens per week (SPEC §6.10).
    #[arg(
        long = "identity-header",
        env = "CANDOR_IDENTITY_HEADER",
        default_value = "X-Forwarded-User"
    )]
    identity_header: String,

    /// Rate limit clients on this machine (127.0.0.1, ::1) too; by default they are not limited.
    #[arg(long, env = "CANDOR_LIMIT_LOOPBACK")]
    limit_loopback: bool,

    /// Seconds a request may take to arrive and be answered before it gets 408; a connection
    /// whose request headers take longer (or that sits idle that long) is closed.
    #[arg(long, env = "CANDOR_REQUEST_TIMEOUT", default_value_t = 30)]
    request_timeout: u64,

    /// For tests only: take this date (YYYY-MM-DD) as today instead of the system clock.
    #[arg(long, env = "CANDOR_TODAY", hide = true)]
    today: Option<NaiveDate>,
}

/// Why the server did not start.
#[derive(Debug, thiserror::Error)]
enum StartError {
    #[error(transparent)]
    Config(#[from] LoadError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot listen on {address}: {source} (is another server using the port?)")]
    Listen {
        address: String,
        source: std::io::Error,
    },
    #[error("--identity-header {0:?} is not a header name; write it like X-Forwarded-User")]
    IdentityHeader(String),
    #[error("credentials are on (candor.json) but no --trusted-proxy is given: tokens are issued only to requests from the single sign-on proxy, so declare its address")]
    NoTrustedProxy,
    #[error("credentials are on (candor.json), but the token issuer keeps its keys in SQLite only for now; run with a SQLite --db or without credentials")]
    CredentialsOnPostgres,
    #[error("--cors-origin {0:?} is not an origin; write it like https://intranet.example or http://localhost:3000")]
    CorsOrigin(String),
    #[error("the server stopped with an error: {0}")]
    Serve(std::io::Error),
}

fn main() -> ExitCode {
    // Before the runtime's threads exist (SPEC §8 memory; see candor_server::heap).
    candor_server::heap::limit_arenas();
    let options = Options::parse();
    init_logging();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("candor-server: could not start its threads: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("candor-server: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run(options: Options) -> Result<(), StartError> {
    let mut config = ServedConfig::load(options.config.as_deref())?;
    let cors_origins = options
        .cors_origins
        .iter()
        .map(|origin| cors_origin(origin))
        .collect::<Result<Vec<_>, _>>()?;
    let clock = options.today.map_or(Clock::System, Clock::Fixed);
    // With credentials, who may name a person is checked before the database is opened.
    let gate = match &config.config.credentials {
        None => None,
        Some(_) if options.trusted_proxies.is_empty() => return Err(StartError::NoTrustedProxy),
        Some(_) => Some(IdentityGate::new(
            HeaderName::try_from(options.identity_header.as_str())
                .map_err(|_| StartError::IdentityHeader(options.identity_header.clone()))?,
            options.trusted_proxies.clone(),
        )),
    };
    // The demo's pilot runs relative to this week, so it is added here, not written in a file.
    if let Some(pilot) = options
        .demo
        .then(|| demo::pilot(&config.config, clock.open_week()))
        .flatten()
    {
        let (id, from, to) = (pilot.id.clone(), pilot.from, pilot.to);
        config = config
            .with_pilot(pilot)
            .map_err(|source| LoadError::Invalid {
                path: "the demo pilot".to_owned(),
                source,
            })?;
        tracing::info!("--demo: the config runs no pilot, so it runs `{id}`, {from} to {to}");
    }
    let database = Database::parse(&options.db);
    if config.config.credentials.is_some() && matches!(database, Database::Postgres(_)) {
        return Err(StartError::CredentialsOnPostgres);
    }
    let ledger = Ledger::load(database.open()?)?;
    if options.demo {
        let seeded = demo::seed(&ledger, &config.config, clock.open_week())?;
        if seeded > 0 {
            tracing::info!("--demo: seeded {seeded} synthetic reports");
        }
    }
    tracing::info!("{} reports stored in {database}", ledger.len_reports());
    let tokens = match (&config.config.credentials, gate, &database) {
        (Some(credentials), Some(gate), Database::Sqlite(path)) => {
            tracing::info!(
                "credentials on: up to {} tokens per person per week, identity from {} via the trusted proxies",
                credentials.per_week,
                gate.header()
            );
            Some(std::sync::Arc::new(TokenService {
                issuer: Issuer::open(path, credentials)?,
                gate,
            }))
        }
        _ => None,
    };
    let ledger = std::sync::Arc::new(ledger);
    // The first release is built now, so the first manager to look does not wait for it.
    ledger.rebuild_in_background(&config.config, clock.open_week());
    let state = AppState {
        config: config.into(),
        ledger: std::sync::Arc::clone(&ledger),
        clock,
        tokens,
    };
    let request_timeout = Duration::from_secs(options.request_timeout.max(1));
    let app = router(
        state,
        &HttpOptions {
            dist: options.dist,
            cors_origins,
            limits: LimitOptions {
                batches_per_minute: options.batches_per_minute,
                reports_per_minute: options.reports_per_minute,
                requests_per_minute: options.requests_per_minute,
                trusted_proxies: options.trusted_proxies,
                limit_loopback: options.limit_loopback,
            },
            request_timeout,
        },
    );

    let listener =
        TcpListener::bind(&options.listen)
            .await
            .map_err(|source| StartError::Listen {
                address: options.listen.clone(),
                source,
            })?;
    let address = listener.local_addr().map_err(StartError::Serve)?;
    // Exactly one line on stdout: scripts and tests read the port from it.
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "candor-server listening on http://{address}");
    let _ = stdout.flush();
    drop(stdout);

    // The peer address reaches the rate limiter only; nothing logs or stores it.
    serve(listener, app, request_timeout, shutdown_signal()).await;
    // After the last request: the file's layout stops telling arrival order.
    if let Err(err) = ledger.compact() {
        tracing::warn!("could not compact the database on the way out: {err}");
    }
    tracing::info!("stopped");
    Ok(())
}

/// An origin is scheme://host[:port], nothing after it.
fn cors_origin(origin: &str) -> Result<HeaderValue, StartError> {
    let bad = || StartError::CorsOrigin(origin.to_owned());
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .ok_or_else(bad)?;
    if rest.is_empty() || rest.contains(['/', '?', '#', ' ']) {
        return Err(bad());
    }
    HeaderValue::from_str(origin).map_err(|_| bad())
}

/// Logs to stderr at RUST_LOG's level (default info).
///
/// Other crates' events below WARN are dropped whatever RUST_LOG says:
/// at trace level the HTTP stack logs peer addresses, and the logs must
/// never carry one (SPEC §6.4).
fn init_logging() {
    let level = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let ours_or_warnings =
        filter_fn(|meta| meta.target().starts_with("candor") || *meta.level() <= Level::WARN);
    tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_ansi(std::io::stderr().is_terminal())
                .with_target(false)
                .with_filter(ours_or_warnings),
        )
        .with(level)
        .init();
}

/// Resolves on Ctrl-C or SIGTERM; requests in flight are finished first.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("stopping: finishing the requests in flight");
}
