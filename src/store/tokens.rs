//! The device's anonymous tokens (SPEC §6.10): fetched ahead of use, in the
//! background, kept beside the outbox, one spent by each report as it leaves.
//!
//! The cryptography is in the token client, a wasm module of its own
//! (`crates/token-client`, built beside the app and named in index.html's
//! `candor-token-client` meta tag), imported the first time tokens are
//! fetched, so the form never waits for it and the main transfer does not
//! carry it (SPEC §8). This module only moves documents: the key and the
//! issuer's answer (the core's [`TokenKey`] and [`TokenIssue`]) to the
//! client, the tokens it makes to the device's storage.
//!
//! The tokens are kept under [`TOKENS_KEY`] as the JSON array the batch
//! sends, `[{"epoch","input","output"}, …]`; a token whose epoch can no
//! longer be spent (older than last week) is dropped when read.

use candor_core::{IsoWeek, TokenIssue, TokenKey};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use super::device::{self, StorageError};
use super::fetch::{send, send_signed_in};

/// Where the device keeps its unspent tokens.
pub const TOKENS_KEY: &str = "candor.tokens";

/// Tokens kept in hand beyond the reports waiting, so a report filed
/// later leaves without fetching one first (and its send time says nothing
/// about when its token was issued).
pub const SPARE: usize = 5;

#[wasm_bindgen(inline_js = r#"
let client;
function load(base) {
  if (!client) {
    const meta = document.querySelector('meta[name="candor-token-client"]');
    client = meta
      ? import(base + '/' + meta.content).then(async (m) => { await m.default(); return m; })
      : Promise.reject(new Error('this build of the app has no token client'));
    client.catch(() => { client = undefined; });
  }
  return client;
}
export async function token_blind(base, count) {
  const m = await load(base);
  return m.Issuance.blind(count);
}
export function token_blinded(issuance) {
  return JSON.stringify(issuance.blinded());
}
export function token_finalize(issuance, epoch, key, evaluated, proof) {
  const tokens = issuance.finalize(key, JSON.parse(evaluated), proof);
  return JSON.stringify(tokens.map((token) => {
    const [input, output] = token.split('.');
    return { epoch, input, output };
  }));
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn token_blind(base: &str, count: u32) -> Result<JsValue, JsValue>;
    fn token_blinded(issuance: &JsValue) -> String;
    #[wasm_bindgen(catch)]
    fn token_finalize(
        issuance: &JsValue,
        epoch: &str,
        key: &str,
        evaluated: &str,
        proof: &str,
    ) -> Result<String, JsValue>;
}

/// Why no tokens came; each is shown in words, none loses a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenProblem {
    /// The single sign-on session has expired: sign in again.
    SignIn,
    /// Every token of this week has been issued to this person.
    QuotaUsed(String),
    /// The issuer's proof did not verify against its published key: none kept.
    ProofInvalid,
    /// The issuer or the token client could not be reached; tried again later.
    Unavailable(String),
}

impl TokenProblem {
    /// The problem in words, for the History page.
    pub fn words(&self) -> String {
        match self {
            TokenProblem::SignIn => {
                "your single sign-on session has expired; sign in again to get tokens".into()
            }
            TokenProblem::QuotaUsed(message) => message.clone(),
            TokenProblem::ProofInvalid => "the tokens the server issued did not verify against its published key, so none were kept (ask your administrator)".into(),
            TokenProblem::Unavailable(why) => format!("no token could be fetched ({why}); Candor will try again"),
        }
    }
}

fn js_text(value: &JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(value, &"message".into())
                .ok()?
                .as_string()
        })
        .unwrap_or_else(|| "an unknown error".into())
}

/// The tokens on the device that can still be spent in `week`, each as the JSON text a batch sends.
pub fn held(week: IsoWeek) -> Vec<String> {
    let Ok(Some(raw)) = device::read(TOKENS_KEY) else {
        return Vec::new();
    };
    let Ok(Value::Array(tokens)) = serde_json::from_str::<Value>(&raw) else {
        return Vec::new();
    };
    let oldest = week.prev().to_string();
    tokens
        .iter()
        .filter(|token| {
            token
                .get("epoch")
                .and_then(Value::as_str)
                .is_some_and(|epoch| epoch >= oldest.as_str())
        })
        .map(Value::to_string)
        .collect()
}

/// Keeps `tokens` (JSON texts) as the device's tokens.
pub fn keep(tokens: &[String]) -> Result<(), StorageError> {
    device::write(TOKENS_KEY, &format!("[{}]", tokens.join(",")))
}

/// Fetches up to `count` tokens of this week: reads the key, blinds, asks
/// the issuer through the single sign-on, verifies the proof, keeps the
/// tokens with those already held. Returns how many were added.
pub async fn fetch(
    base: &str,
    key_url: &str,
    issue_url: &str,
    count: u32,
) -> Result<usize, TokenProblem> {
    let unavailable = |why: String| TokenProblem::Unavailable(why);
    let answer = send(key_url, None)
        .await
        .map_err(|err| unavailable(err.to_string()))?;
    let key = (answer
        .ok()
        .then(|| TokenKey::from_json(&answer.body))
        .flatten())
    .ok_or_else(|| unavailable(format!("the key answered HTTP {}", answer.status)))?;
    let issuance = token_blind(base, count)
        .await
        .map_err(|err| unavailable(js_text(&err)))?;
    let body = format!(
        r#"{{"epoch":"{}","blinded":{}}}"#,
        key.epoch,
        token_blinded(&issuance)
    );
    let answer = send_signed_in(issue_url, &body)
        .await
        .map_err(|err| unavailable(err.to_string()))?;
    match answer.status {
        200..=299 => {}
        401 | 403 => return Err(TokenProblem::SignIn),
        429 if answer.body.contains("quota_exhausted") => {
            let message = candor_core::ServerError::from_response(&answer.body)
                .map_or_else(|| "this week's tokens are used".into(), |e| e.message);
            return Err(TokenProblem::QuotaUsed(message));
        }
        status => return Err(unavailable(format!("the issuer answered HTTP {status}"))),
    }
    let issue = TokenIssue::from_json(&answer.body)
        .ok_or_else(|| unavailable("the issuer's answer was not understood".into()))?;
    let evaluated = serde_json::to_string(&issue.evaluated).expect("text serialises");
    let made = token_finalize(
        &issuance,
        &key.epoch.to_string(),
        &key.public_key,
        &evaluated,
        &issue.proof,
    )
    .map_err(|err| {
        let message = js_text(&err);
        if message.starts_with("proof_invalid") {
            TokenProblem::ProofInvalid
        } else {
            unavailable(message)
        }
    })?;
    let Ok(Value::Array(made)) = serde_json::from_str::<Value>(&made) else {
        return Err(unavailable(
            "the token client's answer was not understood".into(),
        ));
    };
    let mut tokens = held(key.epoch);
    tokens.extend(made.iter().map(Value::to_string));
    keep(&tokens).map_err(|err| unavailable(err.to_string()))?;
    Ok(made.len())
}
