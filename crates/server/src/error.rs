//! Every error the API answers with, in the one shape of SPEC §4.
//!
//! `{"error":{"code":"…","message":"…","field":"…"}}` with a 4xx status; `field`
//! is left out when no single field is at fault. A 500 is always a bug (or
//! a disk that failed): it is logged, and the client is told only that. A
//! 503 `store_unavailable` (with `Retry-After`) is a database that cannot be
//! reached for now: nothing was stored, and the same request may be sent again.
//! The body itself is the core's [`ErrorBody`], the one the app reads.

use axum::body::Body;
use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use candor_core::release::NotInRelease;
use candor_core::{ErrorBody, FilterError, ServerError};

// Kept here as well as in `body`, where they live, for the modules that name them from here.
use crate::body::{drain, BodyError};
pub use crate::body::{MAX_BATCH, MAX_BODY_BYTES};
use crate::credentials::IssueError;
use crate::store::StoreError;

/// Seconds a client is told to wait (`Retry-After`) when the database is unavailable.
pub const STORE_RETRY_AFTER: u64 = 5;

/// An API call that went wrong, and what the caller can do about it.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The body was not sent as JSON.
    #[error("send the body as JSON, with Content-Type: application/json")]
    UnsupportedMediaType,
    /// The body is not valid JSON; carries the parser's words, with line and column.
    #[error("the body is not valid JSON: {0}")]
    MalformedJson(String),
    /// The body is JSON but not `{"reports":[…]}`.
    #[error("the body must be {{\"reports\":[…]}}: {0}")]
    BadBatch(String),
    /// The body could not be read to the end (the client went away mid-way).
    #[error("the body could not be read: {0}")]
    UnreadableBody(String),
    /// The body is larger than [`MAX_BODY_BYTES`].
    #[error("the body is larger than {MAX_BODY_BYTES} bytes; send fewer reports per request")]
    BodyTooLarge,
    /// The batch holds more than [`MAX_BATCH`] reports.
    #[error("a batch holds at most {MAX_BATCH} reports (this one has {0}); split it")]
    BatchTooLarge(usize),
    /// A query parameter of `GET /aggregate` is wrong.
    #[error("{0}")]
    Filter(#[from] FilterError),
    /// A filter combination the release does not hold (SPEC §5.2).
    #[error("{0}")]
    NotPublished(#[from] NotInRelease),
    /// No such API path.
    #[error("no such API path; the API is described at /api/v1/openapi.json")]
    NotFound,
    /// `GET /pilots/{id}` for an id that is not a pilot of the config.
    #[error(
        "no pilot has this id in this deployment's candor.json; GET /api/v1/pilots lists them"
    )]
    UnknownPilot,
    /// The path exists but not with this method.
    #[error("this path does not take this method; see /api/v1/openapi.json")]
    MethodNotAllowed,
    /// This source sent more requests than its limit allows (SPEC §6.7).
    #[error("too many requests from this network address; try again in {retry_after} s")]
    RateLimited {
        /// Seconds until a request would be accepted again, sent as `Retry-After`.
        retry_after: u64,
    },
    /// The deployment has no `credentials` in its config, so no token issuer.
    #[error("this deployment does not use tokens: candor.json has no \"credentials\"")]
    CredentialsOff,
    /// Tokens asked for without an identity from the single sign-on proxy.
    #[error("{0}")]
    SignInRequired(IssueError),
    /// This person has had every token of the week; `Retry-After` says when it resets.
    #[error("{issue}")]
    QuotaExhausted {
        /// What was exhausted, and until when.
        issue: IssueError,
        /// Seconds until the next week begins.
        retry_after: u64,
    },
    /// A token request the issuer cannot serve as sent (bad element, old epoch).
    #[error("{0}")]
    BadTokenRequest(IssueError),
    /// The request took longer than the server waits (a slow or stalled client).
    #[error("the request took too long to arrive; send it again")]
    Timeout,
    /// The store failed: a bug or a broken disk, never the caller's fault.
    #[error("the server could not store or read reports; nothing was stored, try again later")]
    Store(StoreError),
    /// The database cannot be reached for now (PostgreSQL down or its
    /// connection dropped): 503 with `Retry-After`; the server reconnects by itself.
    #[error("the database is unavailable for now; nothing was stored, send it again in {STORE_RETRY_AFTER} s")]
    StoreUnavailable(String),
    /// Something that cannot happen did (a task panicked).
    #[error("the server hit a bug; nothing was stored, try again later")]
    Bug(String),
}

impl ApiError {
    /// The HTTP status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::MalformedJson(_)
            | ApiError::BadBatch(_)
            | ApiError::UnreadableBody(_)
            | ApiError::Filter(_)
            | ApiError::NotPublished(_)
            | ApiError::BadTokenRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::SignInRequired(_) => StatusCode::UNAUTHORIZED,
            ApiError::QuotaExhausted { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::CredentialsOff => StatusCode::NOT_FOUND,
            ApiError::BodyTooLarge | ApiError::BatchTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::NotFound | ApiError::UnknownPilot => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Timeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::Store(_) | ApiError::Bug(_) => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::StoreUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The stable snake_case code clients branch on.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::MalformedJson(_) => "malformed_json",
            ApiError::BadBatch(_) => "bad_batch",
            ApiError::UnreadableBody(_) => "unreadable_body",
            ApiError::BodyTooLarge => "body_too_large",
            ApiError::BatchTooLarge(_) => "batch_too_large",
            ApiError::Filter(err) => err.code(),
            ApiError::NotPublished(err) => err.code(),
            ApiError::NotFound => "not_found",
            ApiError::UnknownPilot => "unknown_pilot",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::RateLimited { .. } => "rate_limited",
            ApiError::CredentialsOff => "credentials_off",
            ApiError::SignInRequired(_) => "sign_in_required",
            ApiError::QuotaExhausted { .. } => "quota_exhausted",
            ApiError::BadTokenRequest(IssueError::EpochEnded { .. }) => "epoch_ended",
            ApiError::BadTokenRequest(_) => "bad_token_request",
            ApiError::Timeout => "request_timeout",
            ApiError::Store(_) | ApiError::Bug(_) => "internal",
            ApiError::StoreUnavailable(_) => "store_unavailable",
        }
    }

    /// The request field or query parameter at fault, if one is.
    pub fn field(&self) -> Option<String> {
        match self {
            ApiError::Filter(err) => Some(err.parameter().to_owned()),
            ApiError::NotPublished(err) => Some(err.parameter.to_owned()),
            ApiError::BatchTooLarge(_) | ApiError::BadBatch(_) => Some("reports".to_owned()),
            ApiError::UnknownPilot => Some("id".to_owned()),
            ApiError::BadTokenRequest(IssueError::BadRequest { field, .. }) => Some(field.clone()),
            ApiError::BadTokenRequest(IssueError::EpochEnded { .. }) => Some("epoch".to_owned()),
            _ => None,
        }
    }

    /// The body sent for this error.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            error: ServerError {
                code: self.code().to_owned(),
                message: self.to_string(),
                field: self.field(),
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status().is_server_error() {
            // The cause goes to the operator's log; the caller learns only that it failed.
            match &self {
                ApiError::Store(err) => tracing::error!("store failed: {err}"),
                // Words without host, user or password (`pg::why_unavailable`).
                ApiError::StoreUnavailable(why) => {
                    tracing::warn!("store unavailable: {why}; answered 503")
                }
                ApiError::Bug(what) => tracing::error!("bug: {what}"),
                _ => tracing::error!("{self}"),
            }
        }
        let mut response = (self.status(), Json(self.body())).into_response();
        let retry_after = match self {
            ApiError::RateLimited { retry_after }
            | ApiError::QuotaExhausted { retry_after, .. } => Some(retry_after),
            ApiError::StoreUnavailable(_) => Some(STORE_RETRY_AFTER),
            _ => None,
        };
        if let Some(retry_after) = retry_after {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(retry_after));
        }
        response
    }
}

impl ApiError {
    /// The answer to a token request the issuer refused; `retry_after` is
    /// the seconds until the next week, for an exhausted quota.
    pub fn from_issue(err: IssueError, retry_after: u64) -> ApiError {
        match err {
            IssueError::Store(err) => ApiError::from(err),
            IssueError::SignInRequired => ApiError::SignInRequired(err),
            IssueError::QuotaExhausted { .. } => ApiError::QuotaExhausted {
                issue: err,
                retry_after,
            },
            IssueError::EpochEnded { .. } | IssueError::BadRequest { .. } => {
                ApiError::BadTokenRequest(err)
            }
        }
    }
}

impl From<StoreError> for ApiError {
    /// An unreachable database is 503 `store_unavailable`; any other store failure 500 `internal`.
    fn from(err: StoreError) -> ApiError {
        match err {
            StoreError::Unavailable(why) => ApiError::StoreUnavailable(why),
            err => ApiError::Store(err),
        }
    }
}

impl From<BodyError> for ApiError {
    fn from(err: BodyError) -> ApiError {
        match err {
            BodyError::NotJson => ApiError::UnsupportedMediaType,
            BodyError::TooLarge => ApiError::BodyTooLarge,
            BodyError::Unreadable(why) => ApiError::UnreadableBody(why),
        }
    }
}

/// Answers API paths that do not exist.
pub async fn not_found(body: Body) -> ApiError {
    drain(body).await;
    ApiError::NotFound
}

/// Answers API paths called with a method they do not take.
pub async fn method_not_allowed(body: Body) -> ApiError {
    drain(body).await;
    ApiError::MethodNotAllowed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unavailable_store_is_503_with_retry_after_and_any_other_store_failure_500() {
        let down = ApiError::from(StoreError::Unavailable("the connection was closed".into()));
        assert_eq!(down.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(down.code(), "store_unavailable");
        assert_eq!(down.field(), None);
        assert!(
            !down.to_string().contains("connection was closed"),
            "{down}"
        );
        let response = down.into_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            response.headers().get(RETRY_AFTER),
            Some(&HeaderValue::from(STORE_RETRY_AFTER))
        );

        let broken = ApiError::from(StoreError::Corrupt("n = -1".into()));
        assert_eq!(broken.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(broken.code(), "internal");
        let response = broken.into_response();
        assert!(response.headers().get(RETRY_AFTER).is_none());

        let issuing = ApiError::from_issue(
            IssueError::Store(StoreError::Unavailable("refused".into())),
            0,
        );
        assert_eq!(issuing.code(), "store_unavailable");
    }
}
