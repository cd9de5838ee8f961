//! Request bodies: how much the server reads, and how it reads away the rest (SPEC §4, §6.7).
//!
//! The bottom of the server: errors, limits and routes all use it, and it
//! uses none of them. A body is read up to [`MAX_BODY_BYTES`]; past that,
//! up to [`DRAIN_LIMIT`] more is read and thrown away so that an ordinary
//! client that sent too much reads the 413 instead of a reset connection.

use axum::body::{Body, Bytes};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::HeaderMap;
use http_body_util::BodyExt;

/// The most reports one `POST /reports` may carry (SPEC §4); the rule lives in the core.
pub use candor_core::MAX_BATCH;

/// The largest request body `POST /reports` reads: 500 reports need about a quarter of it.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// How much of an oversize body is read and thrown away before answering 413.
///
/// Answering while the client is still writing makes it see a reset
/// connection instead of the 413; reading on up to this much lets an
/// ordinary client that sent too much read why. Beyond it, the connection
/// is simply closed.
pub const DRAIN_LIMIT: usize = 4 * MAX_BODY_BYTES;

/// Why a body was not read.
#[derive(Debug, thiserror::Error)]
pub enum BodyError {
    /// The body was not sent as JSON; it was drained.
    #[error("send the body as JSON, with Content-Type: application/json")]
    NotJson,
    /// The body is larger than [`MAX_BODY_BYTES`].
    #[error("the body is larger than {MAX_BODY_BYTES} bytes; send fewer reports per request")]
    TooLarge,
    /// The body could not be read to the end (the client went away mid-way).
    #[error("the body could not be read: {0}")]
    Unreadable(String),
}

/// Whether the request says its body is JSON (`Content-Type: application/json`, any parameters).
pub fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"))
}

/// Whether the request declares a body too large to be worth reading even to drain it.
pub fn declared_too_large(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok()?.parse::<u64>().ok())
        .is_some_and(|length| length > DRAIN_LIMIT as u64)
}

/// Reads a body sent as JSON: [`BodyError::NotJson`] (drained) without the
/// content type, [`BodyError::TooLarge`] when it declares or turns out too large.
pub async fn read_json(headers: &HeaderMap, body: Body) -> Result<Bytes, BodyError> {
    if !is_json(headers) {
        drain(body).await;
        return Err(BodyError::NotJson);
    }
    if declared_too_large(headers) {
        return Err(BodyError::TooLarge);
    }
    read_capped(body).await
}

/// Reads and discards a body the answer will not use, up to [`DRAIN_LIMIT`].
///
/// An unread body makes the server close the connection after answering,
/// and a client that reuses it sees the connection drop instead of the answer.
pub async fn drain(body: Body) {
    let _ = read_capped(body).await;
}

/// Reads at most [`MAX_BODY_BYTES`]; past that, drains up to [`DRAIN_LIMIT`] and says [`BodyError::TooLarge`].
pub async fn read_capped(mut body: Body) -> Result<Bytes, BodyError> {
    let mut kept = Vec::new();
    let mut seen = 0;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|err| BodyError::Unreadable(err.to_string()))?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        seen += data.len();
        if seen <= MAX_BODY_BYTES {
            kept.extend_from_slice(&data);
        } else if seen > DRAIN_LIMIT {
            break;
        }
    }
    if seen > MAX_BODY_BYTES {
        Err(BodyError::TooLarge)
    } else {
        Ok(Bytes::from(kept))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_body_is_kept_up_to_the_cap_and_refused_past_it() {
        let small = read_capped(Body::from(vec![b'x'; MAX_BODY_BYTES])).await;
        assert_eq!(small.unwrap().len(), MAX_BODY_BYTES);
        let big = read_capped(Body::from(vec![b'x'; MAX_BODY_BYTES + 1])).await;
        assert!(matches!(big, Err(BodyError::TooLarge)));
    }

    #[test]
    fn json_is_recognised_with_parameters_and_any_case() {
        let mut headers = HeaderMap::new();
        assert!(!is_json(&headers));
        headers.insert(
            CONTENT_TYPE,
            "Application/JSON; charset=utf-8".parse().unwrap(),
        );
        assert!(is_json(&headers));
        headers.insert(
            CONTENT_LENGTH,
            (DRAIN_LIMIT + 1).to_string().parse().unwrap(),
        );
        assert!(declared_too_large(&headers));
    }
}
