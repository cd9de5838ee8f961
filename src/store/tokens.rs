//! The device's anonymous tokens (SPEC §6.10): fetched ahead of use, in the
//! background, kept beside the outbox, one spent by each report as it leaves.
//!
//! The issuance itself (the key, blinding, the issuer's proof checked
//! against the published key) is the token client's, a wasm module of its
//! own (`crates/token-client`, named in index.html's `candor-token-client`
//! meta tag), imported the first time tokens are fetched: the form never
//! waits for it and the main transfer does not carry it (SPEC §8).
//!
//! The tokens are kept under [`TOKENS_KEY`] as the JSON array of the core's
//! `Token`s the client made, `[{"epoch","input","output"}, …]`, and spent as
//! that same text in a batch's `tokens`; one whose epoch can no longer be
//! spent (older than last week) is dropped when read. The few lines that
//! count, take and put back tokens are JavaScript, in `later.js`: in
//! Rust, reading and writing the list measured 1.2 KB gzip of the app's
//! main transfer, which has no room for it (SPEC §8, docs/decisions.md).

use candor_core::IsoWeek;
use wasm_bindgen::prelude::*;

use crate::language::{t, tf, Arg, Msg};

/// Where the device keeps its unspent tokens.
pub const TOKENS_KEY: &str = "candor.tokens";

/// Tokens kept in hand beyond the reports waiting, so a report filed
/// later leaves without fetching one first (and its send time says nothing
/// about when its token was issued).
pub const SPARE: usize = 5;

#[wasm_bindgen(module = "/src/store/later.js")]
extern "C" {
    fn tokens_held(oldest: &str) -> u32;
    #[wasm_bindgen(catch)]
    fn tokens_take(oldest: &str, count: u32) -> Result<String, JsValue>;
    #[wasm_bindgen(catch)]
    fn tokens_give_back(oldest: &str, taken: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch)]
    async fn tokens_fetch(
        base: &str,
        key_url: &str,
        issue_url: &str,
        count: u32,
        oldest: &str,
    ) -> Result<JsValue, JsValue>;
}

/// Why no tokens came; each is shown in words, none loses a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenProblem {
    /// The single sign-on session has expired: sign in again.
    SignIn,
    /// Every token of this week has been issued to this person (the server's words).
    QuotaUsed(String),
    /// The issuer's proof did not verify against its published key: none kept.
    ProofInvalid,
    /// The issuer or the token client could not be reached; tried again later.
    Unavailable(String),
}

impl TokenProblem {
    /// Reads the token client's error message, `code: words`.
    pub fn of(message: &str) -> TokenProblem {
        let (code, words) = message.split_once(':').unwrap_or(("", message));
        let words = words.trim_start().to_owned();
        match code {
            "sign_in" => TokenProblem::SignIn,
            "quota" => TokenProblem::QuotaUsed(words),
            "proof_invalid" => TokenProblem::ProofInvalid,
            _ => TokenProblem::Unavailable(words),
        }
    }

    /// The problem in words, for the History page.
    pub fn words(self) -> String {
        match self {
            TokenProblem::SignIn => t(Msg::TokensSignIn).into(),
            TokenProblem::QuotaUsed(message) => message,
            TokenProblem::ProofInvalid => t(Msg::TokensProofInvalid).into(),
            TokenProblem::Unavailable(why) => tf(Msg::TokensUnavailable, &[Arg::Text(&why)]),
        }
    }
}

/// The oldest epoch whose tokens can still be spent in `week`.
fn oldest(week: IsoWeek) -> String {
    week.prev().to_string()
}

/// How many tokens the device holds that can still be spent in `week`.
pub fn held(week: IsoWeek) -> usize {
    tokens_held(&oldest(week)) as usize
}

/// Takes up to `count` tokens off the device, to spend: the JSON text of their array.
pub fn take(week: IsoWeek, count: usize) -> Option<String> {
    tokens_take(&oldest(week), u32::try_from(count).unwrap_or(u32::MAX)).ok()
}

/// Puts back tokens taken for a batch the server may not have received.
pub fn give_back(week: IsoWeek, taken: &str) {
    // If the device refuses, the tokens are lost, not the reports.
    let _ = tokens_give_back(&oldest(week), taken);
}

/// Fetches up to `count` tokens through the token client and keeps them
/// with those already held; returns how many came.
pub async fn fetch(
    base: &str,
    key_url: &str,
    issue_url: &str,
    count: u32,
    week: IsoWeek,
) -> Result<usize, TokenProblem> {
    match tokens_fetch(base, key_url, issue_url, count, &oldest(week)).await {
        Ok(made) => Ok(made.as_f64().unwrap_or(0.0) as usize),
        Err(err) => Err(TokenProblem::of(
            &js_sys::Reflect::get(&err, &"message".into())
                .ok()
                .and_then(|message| message.as_string())
                .unwrap_or_default(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_clients_errors_are_read_by_their_code() {
        assert_eq!(TokenProblem::of("sign_in: expired"), TokenProblem::SignIn);
        assert_eq!(
            TokenProblem::of("quota: you have been issued all 5 tokens of 2026-W49"),
            TokenProblem::QuotaUsed("you have been issued all 5 tokens of 2026-W49".into())
        );
        assert_eq!(
            TokenProblem::of("proof_invalid: the issuer's proof does not verify"),
            TokenProblem::ProofInvalid
        );
        assert_eq!(
            TokenProblem::of("unavailable: offline"),
            TokenProblem::Unavailable("offline".into())
        );
        assert!(TokenProblem::SignIn.words().contains("sign in again"));
    }
}
