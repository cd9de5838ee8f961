//! `POST /api/v1/reports`: a batch of reports in, stored durably before the answer.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::HeaderMap;
use axum::{Extension, Json};
use candor_core::{Config, IsoWeek, Report};
use http_body_util::BodyExt;
use serde::{Deserialize, Serialize};
use serde_json::error::Category;
use serde_json::value::RawValue;
use utoipa::ToSchema;

use crate::error::{ApiError, ErrorBody, ErrorDetail, MAX_BATCH, MAX_BODY_BYTES};
use crate::limits::ReportAllowance;
use crate::AppState;

/// The answer to a batch (SPEC §4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct BatchAnswer {
    /// Reports stored by this request.
    pub accepted: u64,
    /// Reports whose id was stored before: a retry, counted once.
    pub duplicates: u64,
    /// Reports refused, by their index in the batch, each with the rule it broke.
    pub rejected: Vec<Rejected>,
}

/// One refused report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Rejected {
    /// Its position in `reports`, from 0.
    pub index: usize,
    /// Why, with the field at fault.
    pub error: ErrorDetail,
}

/// The body of `POST /reports`, read but not yet validated.
///
/// Each report is kept as its raw JSON text so the core validator sees it
/// exactly as sent (it rejects a field written twice, which a parsed value
/// could no longer show).
#[derive(Debug)]
pub struct ReportBatch {
    reports: Vec<Box<RawValue>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    reports: Vec<Box<RawValue>>,
}

impl ReportBatch {
    /// Reads a batch from body bytes: 400 for bad JSON or shape, 413 past [`MAX_BATCH`].
    pub fn parse(body: &[u8]) -> Result<ReportBatch, ApiError> {
        let wire: Wire = serde_json::from_slice(body).map_err(|err| match err.classify() {
            Category::Data => ApiError::BadBatch(err.to_string()),
            Category::Syntax | Category::Eof | Category::Io => {
                ApiError::MalformedJson(err.to_string())
            }
        })?;
        if wire.reports.len() > MAX_BATCH {
            return Err(ApiError::BatchTooLarge(wire.reports.len()));
        }
        Ok(ReportBatch {
            reports: wire.reports,
        })
    }

    /// How many reports the batch holds, valid or not.
    pub fn len(&self) -> usize {
        self.reports.len()
    }

    /// Whether the batch holds no report at all.
    pub fn is_empty(&self) -> bool {
        self.reports.is_empty()
    }

    /// Splits the batch into valid reports and refusals (SPEC §2 rules, this config, this week).
    pub fn check(self, config: &Config, newest_week: IsoWeek) -> (Vec<Report>, Vec<Rejected>) {
        let mut valid = Vec::with_capacity(self.reports.len());
        let mut rejected = Vec::new();
        for (index, raw) in self.reports.iter().enumerate() {
            let checked = Report::from_json(raw.get()).and_then(|report| {
                report.check_against(config)?;
                report.check_not_in_future(newest_week)?;
                Ok(report)
            });
            match checked {
                Ok(report) => valid.push(report),
                Err(err) => rejected.push(Rejected {
                    index,
                    error: ErrorDetail::from(&err),
                }),
            }
        }
        (valid, rejected)
    }
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"))
}

/// How much of an oversize body is read and thrown away before answering 413.
///
/// Answering while the client is still writing makes it see a reset
/// connection instead of the 413; reading on up to this much lets an
/// ordinary client that sent too much read why. Beyond it, the connection
/// is simply closed.
pub const DRAIN_LIMIT: usize = 4 * MAX_BODY_BYTES;

/// Reads and discards a body the answer will not use, up to [`DRAIN_LIMIT`].
///
/// An unread body makes the server close the connection after answering,
/// and a client that reuses it sees the connection drop instead of the answer.
pub async fn drain(body: Body) {
    let _ = read_body(body).await;
}

/// Reads at most [`MAX_BODY_BYTES`]; past that, drains up to [`DRAIN_LIMIT`] and says 413.
async fn read_body(mut body: Body) -> Result<Bytes, ApiError> {
    let mut kept = Vec::new();
    let mut seen = 0;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|err| ApiError::UnreadableBody(err.to_string()))?;
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
        Err(ApiError::BodyTooLarge)
    } else {
        Ok(Bytes::from(kept))
    }
}

impl<S: Send + Sync> FromRequest<S> for ReportBatch {
    type Rejection = ApiError;

    async fn from_request(request: Request, _state: &S) -> Result<ReportBatch, ApiError> {
        if !is_json(request.headers()) {
            drain(request.into_body()).await;
            return Err(ApiError::UnsupportedMediaType);
        }
        let declared = request
            .headers()
            .get(CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok()?.parse::<u64>().ok());
        if declared.is_some_and(|length| length > DRAIN_LIMIT as u64) {
            return Err(ApiError::BodyTooLarge);
        }
        let body = read_body(request.into_body()).await?;
        ReportBatch::parse(&body)
    }
}

/// Stores a batch of reports; valid ones are committed to disk before this answers.
///
/// The batch is checked report by report: one bad report is refused with
/// its index and reason, and does not hold back the others. Valid reports
/// are stored in one transaction; re-sent ids count as duplicates.
#[utoipa::path(post, path = "/api/v1/reports", tag = "candor",
    request_body(content = ReportBatchSchema, content_type = "application/json",
        description = "At most 500 reports, at most 1 MiB"),
    responses(
        (status = 200, description = "Stored; refused reports are listed", body = BatchAnswer),
        (status = 400, description = "`malformed_json`, `bad_batch` or `unreadable_body`", body = ErrorBody),
        (status = 413, description = "`body_too_large` (over 1 MiB) or `batch_too_large` (over 500 reports)", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: send Content-Type: application/json", body = ErrorBody),
        (status = 429, description = "`rate_limited`: too many requests or reports from this address; see Retry-After", body = ErrorBody),
    ))]
pub async fn post_reports(
    State(state): State<AppState>,
    allowance: Option<Extension<ReportAllowance>>,
    batch: ReportBatch,
) -> Result<Json<BatchAnswer>, ApiError> {
    // One token per report, valid or not, so big batches gain a stuffer nothing.
    if let Some(Extension(allowance)) = allowance {
        allowance.take(batch.len())?;
    }
    let (valid, rejected) = batch.check(&state.config.config, state.clock.newest_week());
    let ledger = Arc::clone(&state.ledger);
    let ingested = tokio::task::spawn_blocking(move || ledger.ingest(&valid))
        .await
        .map_err(|err| ApiError::Bug(format!("storing a batch panicked: {err}")))??;
    Ok(Json(BatchAnswer {
        accepted: ingested.stored.len() as u64,
        duplicates: ingested.duplicates,
        rejected,
    }))
}

/// The request body, described for the OpenAPI document only.
///
/// `Deserialize` is derived only so `deny_unknown_fields` reaches the
/// document as `additionalProperties: false`, as the real readers enforce.
#[derive(ToSchema, Deserialize)]
#[serde(deny_unknown_fields)]
#[schema(as = ReportBatch)]
#[allow(dead_code)] // Never built: it documents what `ReportBatch` reads.
pub struct ReportBatchSchema {
    /// The reports, at most 500.
    #[schema(max_items = 500)]
    reports: Vec<ReportSchema>,
}

/// A report, wire format v1 (SPEC §2); unknown fields are refused.
#[derive(ToSchema, Deserialize)]
#[serde(deny_unknown_fields)]
#[schema(as = Report)]
#[allow(dead_code)] // Never built: the core crate's `Report` reads the real thing.
pub struct ReportSchema {
    /// Format version, always 1.
    #[schema(minimum = 1, maximum = 1)]
    v: u8,
    /// 32 lowercase hex characters, random per report; only for retries.
    #[schema(pattern = "^[0-9a-f]{32}$")]
    id: String,
    /// ISO week, e.g. 2026-W07; not later than the server's current week.
    #[schema(pattern = "^[0-9]{4}-W[0-9]{2}$", example = "2026-W07")]
    week: String,
    /// A task id from the config.
    task: String,
    /// A tool id from the config, or `none`.
    tool: String,
    /// −2 much worse … 2 helped a lot.
    #[schema(minimum = -2, maximum = 2)]
    outcome: i8,
    /// `low`, `medium` or `high`.
    #[schema(pattern = "^(low|medium|high)$")]
    effort: Option<String>,
    /// Used because told to.
    mandated: Option<bool>,
    /// `routine` or `complex`.
    #[schema(pattern = "^(routine|complex)$")]
    complexity: Option<String>,
    /// A team id from the config.
    team: Option<String>,
    /// Up to 3 of `checking`, `context`, `wrong`, `redo`, `friction`; only with a negative outcome.
    #[schema(max_items = 3)]
    reasons: Option<Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_errors_and_syntax_errors_are_told_apart() {
        let err = ReportBatch::parse(b"{\"reports\": [").unwrap_err();
        assert_eq!(err.code(), "malformed_json");
        assert!(err.to_string().contains("line 1 column"), "{err}");
        for body in [&b"[]"[..], b"{\"reports\": 5}", b"{\"report\": []}", b"{}"] {
            assert_eq!(ReportBatch::parse(body).unwrap_err().code(), "bad_batch");
        }
        let big = format!("{{\"reports\":[{}{{}}]}}", "{},".repeat(MAX_BATCH));
        assert_eq!(
            ReportBatch::parse(big.as_bytes()).unwrap_err().code(),
            "batch_too_large"
        );
    }

    #[test]
    fn the_answer_reads_as_the_apps_batch_answer() {
        let answer = BatchAnswer {
            accepted: 2,
            duplicates: 1,
            rejected: vec![Rejected {
                index: 3,
                error: ErrorDetail {
                    code: "unknown_task".into(),
                    message: "task: is not a task".into(),
                    field: Some("task".into()),
                },
            }],
        };
        let text = serde_json::to_string(&answer).unwrap();
        let read = candor_core::BatchAnswer::from_json(&text).unwrap();
        assert_eq!((read.accepted, read.duplicates), (2, 1));
        assert_eq!(read.rejected[0].index, 3);
        assert_eq!(read.rejected[0].error.field.as_deref(), Some("task"));
    }
}
