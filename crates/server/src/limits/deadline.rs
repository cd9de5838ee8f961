//! The request deadline as a layer (SPEC §6.7): answered in time, or 408.

use std::time::Duration;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// A request must arrive and be answered within the deadline, or it gets 408 `request_timeout`.
///
/// Layered with `axum::middleware::from_fn_with_state(limit, deadline)`;
/// requests get `limit` from when their headers are in. This bounds how
/// long a slow or stalled client (one trickling its body, or sending
/// nothing after its headers) holds the server's attention. It covers
/// reading the body and handling, not sending the answer, nor reading the
/// headers: the connection times those ([`crate::serve`]).
pub async fn deadline(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_elapsed) => ApiError::Timeout.into_response(),
    }
}
