//! `POST /api/v1/reports`: a batch of reports in, stored durably before the answer.

use std::sync::Arc;

use axum::extract::{FromRequest, Request, State};
use axum::{Extension, Json};
use candor_core::{check_reports, Batch, BatchAnswer, Config, ErrorBody, IsoWeek, Report};
use candor_core::{RejectedIndex, MAX_BATCH};
use serde_json::error::Category;
use serde_json::value::RawValue;

use crate::body::{declared_too_large, drain, is_json, read_capped};
use crate::error::ApiError;
use crate::limits::ReportAllowance;
use crate::AppState;

/// The body of `POST /reports`, read but not yet validated: the core's
/// [`Batch`], each report kept as its raw JSON text so the core's checks
/// see it exactly as sent.
#[derive(Debug)]
pub struct ReportBatch {
    batch: Batch<Box<RawValue>>,
}

impl ReportBatch {
    /// Reads a batch from body bytes: 400 for bad JSON or shape, 413 past [`MAX_BATCH`].
    pub fn parse(body: &[u8]) -> Result<ReportBatch, ApiError> {
        let batch: Batch<Box<RawValue>> =
            serde_json::from_slice(body).map_err(|err| match err.classify() {
                Category::Data => ApiError::BadBatch(err.to_string()),
                Category::Syntax | Category::Eof | Category::Io => {
                    ApiError::MalformedJson(err.to_string())
                }
            })?;
        if batch.reports.len() > MAX_BATCH {
            return Err(ApiError::BatchTooLarge(batch.reports.len()));
        }
        Ok(ReportBatch { batch })
    }

    /// How many reports the batch holds, valid or not.
    pub fn len(&self) -> usize {
        self.batch.reports.len()
    }

    /// Whether the batch holds no report at all.
    pub fn is_empty(&self) -> bool {
        self.batch.reports.is_empty()
    }

    /// Splits the batch into valid reports and refusals (SPEC §2 rules, this config, this week).
    pub fn check(self, config: &Config, newest_week: IsoWeek) -> (Vec<Report>, Vec<RejectedIndex>) {
        let texts = self.batch.reports.iter().map(|raw| raw.get());
        check_reports(texts, config, newest_week)
    }
}

impl<S: Send + Sync> FromRequest<S> for ReportBatch {
    type Rejection = ApiError;

    async fn from_request(request: Request, _state: &S) -> Result<ReportBatch, ApiError> {
        if !is_json(request.headers()) {
            drain(request.into_body()).await;
            return Err(ApiError::UnsupportedMediaType);
        }
        if declared_too_large(request.headers()) {
            return Err(ApiError::BodyTooLarge);
        }
        let body = read_capped(request.into_body()).await?;
        ReportBatch::parse(&body)
    }
}

/// Stores a batch of reports; valid ones are committed to disk before this answers.
///
/// The batch is checked report by report: one bad report is refused with
/// its index and reason, and does not hold back the others. Valid reports
/// are stored in one transaction; re-sent ids count as duplicates.
#[utoipa::path(post, path = "/api/v1/reports", tag = "candor",
    request_body(content = Batch, content_type = "application/json",
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
}
