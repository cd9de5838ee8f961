//! Candor's optional sync server: reports in, honest aggregates out, and the app itself.
//!
//! One binary, one SQLite file, one config (SPEC §1, §4). The rules —
//! what a valid report is, what an aggregate may show — live in
//! `candor-core`; this crate moves bytes between HTTP, the disk and those rules.
//!
//! Modules, in layers: each uses only those on lower lines (checked by
//! `scripts/module-layers.py`, which fails on a cycle).
//!
//! ```text
//! router (this file)   the whole server: routes, fallbacks and layers
//! routes               the API handlers, one file per resource; openapi gathers them
//! limits               rate limits per source without identity, and the request deadline
//! error  demo          the one error type every handler returns | synthetic reports
//! credentials          the token issuer: keys per epoch, weekly quota, spent-token checks
//! body  store  clock  config  headers  static_files
//!                      request bodies capped and drained | counts on disk and in memory |
//!                      open and closed weeks | candor.json as served | security headers |
//!                      the built app
//! ```
//!
//! - [`body`]: how much of a request body is read, and draining the rest;
//! - [`store`]: counts on disk ([`store::SqliteStore`], or [`store::PgStore`] on PostgreSQL) and in memory ([`store::Ledger`]);
//! - [`clock`]: which weeks are open and closed;
//! - [`config`]: the deployment's `candor.json` as served;
//! - [`headers`]: the security headers on every response (CSP, nosniff, no cookies);
//! - [`static_files`]: the built app, with the right cache headers;
//! - [`error`]: the one error type every handler returns, answered as the core's `ErrorBody`;
//! - [`demo`]: synthetic reports for a first look;
//! - [`credentials`]: the anonymous token issuer and the check of spent tokens (SPEC §6.10);
//! - [`limits`]: rate limits per source without identity, and the request deadline, as layers;
//! - [`serve`]: connections, with a deadline on request headers;
//! - [`routes`]: the API handlers, one file per resource.
//!
//! Every document the API sends or reads is a `candor-core` type; none is
//! declared here.
//!
//! [`router`] builds the whole server from explicit parts, so tests and
//! benchmarks can run it in-process exactly as `main` does.

#![warn(missing_docs)]

pub mod body;
pub mod clock;
pub mod config;
pub mod credentials;
pub mod demo;
pub mod error;
pub mod headers;
pub mod heap;
pub mod limits;
pub mod routes;
pub mod serve;
pub mod static_files;
pub mod store;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::Request;
use axum::handler::HandlerWithoutStateExt;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{any, get, post};
use axum::Router;
use tower::Layer;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};

pub use clock::Clock;
pub use config::ServedConfig;
pub use error::ApiError;
pub use store::{Ledger, PgStore, ReportStore, SqliteStore};

/// What every handler can reach: the config, the counts, the clock.
#[derive(Clone)]
pub struct AppState {
    /// The deployment config in force.
    pub config: Arc<ServedConfig>,
    /// The stored counts.
    pub ledger: Arc<Ledger>,
    /// Where "this week" comes from.
    pub clock: Clock,
    /// The token issuer, when the config asks for credentials (SPEC §6.10).
    pub tokens: Option<Arc<routes::tokens::TokenService>>,
}

/// How the HTTP side is set up, beyond the state.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    /// The built app to serve; when it holds no `index.html`, pages say how to build it.
    pub dist: PathBuf,
    /// Origins allowed to call the API from another site; empty turns CORS off.
    pub cors_origins: Vec<HeaderValue>,
    /// Rate limits per source (SPEC §6.7).
    pub limits: limits::LimitOptions,
    /// How long a request may take to arrive and be answered before it gets 408.
    pub request_timeout: Duration,
}

/// The whole server: the API under `/api/v1`, `/candor.json`, and the app.
pub fn router(state: AppState, options: &HttpOptions) -> Router {
    // The app may call its configured sync server when that is another origin.
    let connect_origins = (state.config.config.sync_url.as_deref())
        .and_then(headers::origin_of)
        .into_iter()
        .collect();
    let security = Arc::new(headers::SecurityHeaders::new(
        &options.dist,
        connect_origins,
    ));
    // Rate limits are checked before anything reads a body, so a flood costs little.
    let rate = Arc::new(limits::RateLimiter::new(options.limits.clone()));
    // Filing has limits of its own: the batches limit here, and the handler
    // charges each report inside to the reports limit. A wrong method there
    // (405) is an ordinary request.
    let filing = post(routes::reports::post_reports)
        .route_layer(middleware::from_fn_with_state(
            limits::RouteLimit::batches(&rate),
            limits::limit,
        ))
        .fallback_service(
            middleware::from_fn_with_state(limits::RouteLimit::others(&rate), limits::limit)
                .layer(error::method_not_allowed.into_service()),
        );
    let api = Router::new()
        .route("/health", get(routes::health::health))
        .route("/config", get(routes::config::config))
        .route("/aggregate", get(routes::aggregate::aggregate))
        .route("/aggregate.csv", get(routes::aggregate::aggregate_csv))
        .route("/aggregate/choices", get(routes::aggregate::choices))
        .route("/pilots", get(routes::pilots::pilots))
        .route("/pilots/{id}", get(routes::pilots::pilot))
        .route("/tokens/key", get(routes::tokens::key))
        .route("/tokens", post(routes::tokens::issue))
        .route("/openapi.json", get(routes::openapi::openapi_json))
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        // Every route above and every miss draws on the loose limit; filing,
        // added after this layer, on its own only.
        .layer(middleware::from_fn_with_state(
            limits::RouteLimit::others(&rate),
            limits::limit,
        ))
        .route("/reports", filing);

    let mut app = Router::new()
        // Anything else under /api is an API path too, and gets a JSON 404.
        .route("/api", any(error::not_found))
        .route("/api/{*rest}", any(error::not_found))
        .route("/candor.json", get(routes::config::config))
        .fallback_service(static_files::router(options.dist.clone()))
        .layer(middleware::from_fn_with_state(
            limits::RouteLimit::others(&rate),
            limits::limit,
        ))
        // After the layer: the API has its limits already.
        .nest("/api/v1", api)
        .with_state(state);
    if !options.cors_origins.is_empty() {
        app = app.layer(
            CorsLayer::new()
                .allow_origin(AllowOrigin::list(options.cors_origins.clone()))
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([CONTENT_TYPE]),
        );
    }
    app.layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(
            options.request_timeout,
            limits::deadline,
        ))
        // Outside everything but the log line, so errors get the headers too.
        .layer(middleware::from_fn_with_state(security, headers::apply))
        .layer(middleware::from_fn(log_request))
}

/// Logs one line per request: method, path, status, time taken.
///
/// Deliberately not the query string (it is the caller's filter, but
/// nothing needs it), and never an address, user agent or report id (SPEC §6.4).
async fn log_request(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    tracing::info!(
        target: "candor_server::request",
        "{method} {path} {} {:.1}ms",
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    response
}
