//! `GET /api/v1/health`: is the server up.

use axum::Json;
use candor_core::Health;

/// Says the server is up; it touches nothing else, so it is safe to poll.
#[utoipa::path(get, path = "/api/v1/health", tag = "candor",
    responses((status = 200, description = "The server is up", body = Health)))]
pub async fn health() -> Json<Health> {
    Json(Health::OK)
}
