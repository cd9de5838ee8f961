//! `POST /api/v1/reports`: a batch of reports in, stored durably before the answer.

use std::sync::Arc;

use axum::extract::{FromRequest, Request, State};
use axum::{Extension, Json};
use candor_core::{check_reports, Batch, BatchAnswer, Config, ErrorBody, IsoWeek, Report};
use candor_core::{RejectedIndex, ServerError, Token, TokenError, MAX_BATCH};
use serde_json::error::Category;
use serde_json::value::RawValue;

use crate::body::read_json;
use crate::error::ApiError;
use crate::limits::ReportAllowance;
use crate::routes::tokens::TokenService;
use crate::store::{Ingested, Ledger};
use crate::AppState;

/// The body of `POST /reports`, read but not yet validated: the core's
/// [`Batch`], each report (and token) kept as its raw JSON text so the
/// core's checks see it exactly as sent, and one bad one refuses only itself.
#[derive(Debug)]
pub struct ReportBatch {
    batch: Batch<Box<RawValue>, Box<RawValue>>,
}

impl ReportBatch {
    /// Reads a batch from body bytes: 400 for bad JSON or shape, 413 past [`MAX_BATCH`].
    pub fn parse(body: &[u8]) -> Result<ReportBatch, ApiError> {
        let batch: Batch<Box<RawValue>, Box<RawValue>> =
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

    /// Splits the batch into valid reports, each with its index and the
    /// token sent for it, and refusals (SPEC §2 rules, this config, this week).
    pub fn check(self, config: &Config, newest_week: IsoWeek) -> (Vec<Filed>, Vec<RejectedIndex>) {
        let texts = self.batch.reports.iter().map(|raw| raw.get());
        let (valid, rejected) = check_reports(texts, config, newest_week);
        // The valid reports come in batch order: each takes the next index not refused.
        let mut refused = rejected.iter().map(|r| r.index).peekable();
        let mut tokens = self.batch.tokens.into_iter().map(Some);
        let mut filed = Vec::with_capacity(valid.len());
        let mut valid = valid.into_iter();
        for index in 0..self.batch.reports.len() {
            let token = tokens.next().flatten();
            if refused.peek() == Some(&index) {
                refused.next();
                continue;
            }
            let Some(report) = valid.next() else { break };
            filed.push(Filed {
                index,
                report,
                token,
            });
        }
        (filed, rejected)
    }
}

/// A valid report of a batch, where it was in the batch, and the token sent for it.
#[derive(Debug)]
pub struct Filed {
    /// Its index in the batch, for the answer.
    pub index: usize,
    /// The report, checked.
    pub report: Report,
    /// `tokens[index]` as sent, if there was one.
    pub token: Option<Box<RawValue>>,
}

/// A report refused for its token, as the answer lists it.
fn token_refused(index: usize, err: TokenError) -> RejectedIndex {
    RejectedIndex {
        index,
        error: ServerError {
            code: err.code().to_owned(),
            message: err.to_string(),
            field: Some(format!("tokens[{index}]")),
        },
    }
}

/// Stores the filed reports; with credentials, each spends its token in
/// the same transaction, and one without a good token is refused by index.
/// Blocks on the disk (and on the token checks, about 0.1 ms each).
fn store(
    ledger: &Ledger,
    tokens: Option<&TokenService>,
    filed: Vec<Filed>,
    week: IsoWeek,
) -> Result<(Ingested, Vec<RejectedIndex>), ApiError> {
    let Some(service) = tokens else {
        let reports: Vec<Report> = filed.into_iter().map(|f| f.report).collect();
        return Ok((ledger.ingest(&reports)?, Vec::new()));
    };
    let mut refused = Vec::new();
    let (mut reports, mut indices, mut spends) = (Vec::new(), Vec::new(), Vec::new());
    for Filed {
        index,
        report,
        token,
    } in filed
    {
        let checked = match token {
            None => Err(TokenError::Required),
            Some(raw) => match serde_json::from_str::<Token>(raw.get()) {
                Err(_) => Err(TokenError::Invalid),
                Ok(token) => service.issuer.check(&token, week)?,
            },
        };
        match checked {
            Ok(spend) => {
                reports.push(report);
                indices.push(index);
                spends.push(spend);
            }
            Err(err) => refused.push(token_refused(index, err)),
        }
    }
    let ingested = ledger.ingest_spending(&reports, &spends)?;
    refused.extend(
        (ingested.spent.iter())
            .map(|&position| token_refused(indices[position], TokenError::Spent)),
    );
    Ok((ingested, refused))
}

impl<S: Send + Sync> FromRequest<S> for ReportBatch {
    type Rejection = ApiError;

    async fn from_request(request: Request, _state: &S) -> Result<ReportBatch, ApiError> {
        let (parts, body) = request.into_parts();
        ReportBatch::parse(&read_json(&parts.headers, body).await?)
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
        (status = 200, description = "Stored; refused reports are listed (with credentials, \
            `token_required`, `token_invalid` or `token_spent` by index)", body = BatchAnswer),
        (status = 400, description = "`malformed_json`, `bad_batch` or `unreadable_body`", body = ErrorBody),
        (status = 413, description = "`body_too_large` (over 1 MiB) or `batch_too_large` (over 500 reports)", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: send Content-Type: application/json", body = ErrorBody),
        (status = 429, description = "`rate_limited`: too many requests or reports from this address; see Retry-After", body = ErrorBody),
        (status = 503, description = "`store_unavailable`: the database cannot be reached for now; nothing was stored, send the batch again after Retry-After seconds", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait before sending again"))),
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
    let (filed, mut rejected) = batch.check(&state.config.config, state.clock.newest_week());
    let ledger = Arc::clone(&state.ledger);
    let tokens = state.tokens.clone();
    let week = state.clock.utc_week();
    let (ingested, refused) =
        tokio::task::spawn_blocking(move || store(&ledger, tokens.as_deref(), filed, week))
            .await
            .map_err(|err| ApiError::Bug(format!("storing a batch panicked: {err}")))??;
    rejected.extend(refused);
    rejected.sort_by_key(|refusal| refusal.index);
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
