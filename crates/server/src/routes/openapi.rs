//! `GET /api/v1/openapi.json`: the API described from the handlers themselves.

use std::sync::OnceLock;

use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use utoipa::OpenApi;

use super::{aggregate, config, health, pilots, reports, tokens};

/// The OpenAPI document, gathered from each handler's `#[utoipa::path]`.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Candor sync API",
        version = "1",
        description = "Reports in, honest aggregates out (Candor SPEC §4). Errors are \
            {\"error\":{\"code\",\"message\",\"field\"}} with a 4xx status; a 500 is a bug, \
            a 503 `store_unavailable` (with Retry-After) a database out of reach for now."
    ),
    paths(
        health::health,
        config::config,
        reports::post_reports,
        aggregate::aggregate,
        aggregate::aggregate_csv,
        aggregate::choices,
        pilots::pilots,
        pilots::pilot,
        tokens::key,
        tokens::issue,
        openapi_json,
    ),
    components(schemas(
        candor_core::Health,
        candor_core::ErrorBody,
        candor_core::ServerError,
        candor_core::Batch,
        candor_core::Report,
        candor_core::BatchAnswer,
        candor_core::RejectedIndex,
        candor_core::Published,
        candor_core::WeekRange,
        candor_core::GroupCount,
        candor_core::TaskCount,
        candor_core::ToolCount,
        candor_core::PublishedCell,
        candor_core::Share,
        candor_core::Choices,
        candor_core::FilterChoice,
        candor_core::Dimension,
        candor_core::ChoiceState,
        candor_core::PilotList,
        candor_core::PilotSummary,
        candor_core::PilotView,
        candor_core::PilotResults,
        candor_core::BeforeAfter,
        candor_core::ArmResults,
        candor_core::TaskResults,
        candor_core::Effect,
        candor_core::Arm,
        candor_core::Verdict,
        candor_core::Disagreement,
        candor_core::Mean,
        candor_core::Ratio,
        candor_core::Difference,
        candor_core::Token,
        candor_core::TokenKey,
        candor_core::TokenRequest,
        candor_core::TokenIssue,
    ))
)]
pub struct ApiDoc;

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "candor",
    responses((status = 200, description = "OpenAPI 3.1", content_type = "application/json", body = Object)))]
pub async fn openapi_json() -> impl IntoResponse {
    static DOC: OnceLock<String> = OnceLock::new();
    let doc = DOC.get_or_init(|| {
        ApiDoc::openapi()
            .to_pretty_json()
            .expect("the OpenAPI document serialises")
    });
    ([(CONTENT_TYPE, "application/json")], doc.as_str())
}
