//! `GET /api/v1/config` and `GET /candor.json`: the deployment config in force.

use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;

use crate::AppState;

/// The config the server validated at start, with `sync_url` pointing here if it was unset.
///
/// `no-cache`: an operator who edits the file and restarts expects the
/// next page load to see it.
#[utoipa::path(get, path = "/api/v1/config", tag = "candor",
    responses((status = 200, description = "The deployment's candor.json (SPEC §3)",
        content_type = "application/json", body = Object)))]
pub async fn config(State(state): State<AppState>) -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "application/json"),
            (CACHE_CONTROL, "no-cache"),
        ],
        state.config.json.clone(),
    )
}
