//! `GET /api/v1/tokens/key` and `POST /api/v1/tokens`: the credential issuer (SPEC §6.10).
//!
//! Only when `credentials` is in the config; otherwise both answer 404
//! `credentials_off`. `POST /tokens` belongs behind the organisation's
//! single sign-on proxy, which names the person in `--identity-header`;
//! the handler passes that name to the issuer for the weekly count and
//! drops it. Nothing here logs it (the request log has method, path, status).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::CACHE_CONTROL;
use axum::response::IntoResponse;
use axum::Json;
use candor_core::{TokenIssue, TokenKey, TokenRequest};

use crate::body::{drain, read_json};
use crate::credentials::{IssueError, Issuer};
use crate::error::ApiError;
use crate::limits::IdentityGate;
use crate::AppState;

/// The credential issuer and who may reach it: what the token routes need.
#[derive(Debug)]
pub struct TokenService {
    /// Keys, quota and the check of spent tokens.
    pub issuer: Issuer,
    /// Who is asking, as the single sign-on proxy says.
    pub gate: IdentityGate,
}

fn service(state: &AppState) -> Result<Arc<TokenService>, ApiError> {
    state.tokens.clone().ok_or(ApiError::CredentialsOff)
}

/// The public key of this week's epoch, and the weekly allowance per person.
///
/// The app verifies every issuance proof against this key, so the issuer
/// cannot give one person tokens of a key of their own. `no-cache`: the key
/// changes each week.
#[utoipa::path(get, path = "/api/v1/tokens/key", tag = "candor",
    responses(
        (status = 200, description = "This epoch's VOPRF public key (SPEC §6.10)", body = TokenKey),
        (status = 404, description = "`credentials_off`: the config has no credentials", body = candor_core::ErrorBody),
    ))]
pub async fn key(State(state): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    let service = service(&state)?;
    let week = state.clock.utc_week();
    let key = tokio::task::spawn_blocking(move || service.issuer.public_key(week))
        .await
        .map_err(|err| ApiError::Bug(format!("reading the token key panicked: {err}")))??;
    Ok(([(CACHE_CONTROL, "no-cache")], Json(key)))
}

/// Issues tokens to the person the single sign-on proxy names, up to their weekly allowance.
///
/// Each blinded element asks for one token; when fewer are left this week,
/// the first ones are evaluated and `remaining` is 0. The count is stored
/// before the answer, so a restart does not reset it.
#[utoipa::path(post, path = "/api/v1/tokens", tag = "candor",
    request_body(content = TokenRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Evaluated elements and their proof", body = TokenIssue),
        (status = 400, description = "`bad_token_request` or `epoch_ended`", body = candor_core::ErrorBody),
        (status = 401, description = "`sign_in_required`: not through the single sign-on proxy", body = candor_core::ErrorBody),
        (status = 404, description = "`credentials_off`", body = candor_core::ErrorBody),
        (status = 429, description = "`quota_exhausted` until the week ends (see Retry-After), or `rate_limited`", body = candor_core::ErrorBody),
    ))]
pub async fn issue(
    State(state): State<AppState>,
    request: Request,
) -> Result<Json<TokenIssue>, ApiError> {
    let service = service(&state)?;
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(peer)| peer.ip());
    let Some(identity) = service
        .gate
        .identity(peer, request.headers())
        .map(str::to_owned)
    else {
        drain(request.into_body()).await;
        return Err(ApiError::SignInRequired(IssueError::SignInRequired));
    };
    let (parts, body) = request.into_parts();
    let asked = read_token_request(&read_json(&parts.headers, body).await?)?;
    let week = state.clock.utc_week();
    let retry_after = state.clock.seconds_to_next_week();
    tokio::task::spawn_blocking(move || service.issuer.issue(&identity, &asked, week))
        .await
        .map_err(|err| ApiError::Bug(format!("issuing tokens panicked: {err}")))?
        .map(Json)
        .map_err(|err| ApiError::from_issue(err, retry_after))
}

fn read_token_request(bytes: &[u8]) -> Result<TokenRequest, ApiError> {
    serde_json::from_slice(bytes).map_err(|err| {
        ApiError::BadTokenRequest(IssueError::BadRequest {
            field: "blinded".into(),
            message: format!("the body must be {{\"epoch\":\"YYYY-Www\",\"blinded\":[…]}}: {err}"),
        })
    })
}
