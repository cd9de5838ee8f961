//! `GET /api/v1/aggregate` and `GET /api/v1/aggregate.csv`: the honest team view (SPEC §5).

use axum::extract::{RawQuery, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::Json;
use std::sync::Arc;

use candor_core::release::Release;
use candor_core::{AggregateFilter, Choices, ErrorBody, Published};

use crate::error::ApiError;
use crate::AppState;

/// Reads the filter from the raw query string; any undecodable byte is replaced, then refused by the filter.
fn filter(query: Option<&str>) -> Result<AggregateFilter, ApiError> {
    let pairs = form_urlencoded::parse(query.unwrap_or("").as_bytes());
    Ok(AggregateFilter::from_query(pairs)?)
}

/// The release in force: a lookup when it is built; otherwise built off
/// the async threads, since a build takes a while. (A blocking-pool thread
/// per read would grow the pool, and the memory each thread keeps, with
/// every burst of readers.) On PostgreSQL, other replicas' reports are
/// read in first (SPEC §11, [`crate::store::Ledger::catch_up`]).
async fn release(state: &AppState) -> Result<Arc<Release>, ApiError> {
    state.ledger.catch_up().await;
    let week = state.clock.open_week();
    if let Some(release) = state.ledger.fresh_release(week) {
        return Ok(release);
    }
    let (ledger, config) = (Arc::clone(&state.ledger), Arc::clone(&state.config));
    tokio::task::spawn_blocking(move || ledger.release(&config.config, week))
        .await
        .map_err(|err| ApiError::Bug(format!("building the release failed: {err}")))
}

async fn published(state: &AppState, query: Option<&str>) -> Result<Published, ApiError> {
    let filter = filter(query)?;
    Ok(release(state).await?.view(&filter)?)
}

/// Counts by task × tool over closed weeks, with small groups hidden (SPEC §4, §5).
///
/// Served from memory: no request touches the database.
#[utoipa::path(get, path = "/api/v1/aggregate", tag = "candor",
    params(AggregateFilter),
    responses(
        (status = 200, description = "The published view; `n: null` marks a hidden group", body = Published),
        (status = 400, description = "`unknown_parameter`, `repeated_parameter` or `bad_parameter`; `field` names the parameter; `not_published` for more than one filter besides the period", body = ErrorBody),
    ))]
pub async fn aggregate(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Json<Published>, ApiError> {
    published(&state, query.as_deref()).await.map(Json)
}

/// The same view as CSV, one row per cell with a header row; hidden cells have every number empty.
///
/// Columns: `task, tool, n, much_worse, slowed_me, no_difference, helped,
/// helped_a_lot` (reports per outcome, −2 to 2), `helped_share,
/// helped_low, helped_high` (share with outcome > 0 and its Wilson 95%
/// interval), then `reason_checking, reason_context, reason_wrong,
/// reason_redo, reason_friction`.
#[utoipa::path(get, path = "/api/v1/aggregate.csv", tag = "candor",
    params(AggregateFilter),
    responses(
        (status = 200, description = "One row per task × tool cell with reports", content_type = "text/csv", body = String),
        (status = 400, description = "A bad filter, as for /aggregate", body = ErrorBody),
    ))]
pub async fn aggregate_csv(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<impl IntoResponse, ApiError> {
    let csv = published(&state, query.as_deref()).await?.to_csv();
    Ok((
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                CONTENT_DISPOSITION,
                "attachment; filename=\"candor-aggregate.csv\"",
            ),
        ],
        csv,
    ))
}

/// Every value each filter could take, keeping the others, and whether its view would be shown.
///
/// Lets a page show a filter that would publish a group below k as
/// disabled, with the reason, instead of leading to an empty view (SPEC §5.1).
/// Gives no counts.
#[utoipa::path(get, path = "/api/v1/aggregate/choices", tag = "candor",
    params(AggregateFilter),
    responses(
        (status = 200, description = "Each filter value and what it would show", body = Choices),
        (status = 400, description = "A bad filter, as for /aggregate", body = ErrorBody),
    ))]
pub async fn choices(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Json<Choices>, ApiError> {
    let filter = filter(query.as_deref())?;
    let filters = release(&state).await?.choices(&filter)?;
    Ok(Json(Choices { filters }))
}
