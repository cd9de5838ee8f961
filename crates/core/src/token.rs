//! Anonymous credentials (SPEC §6.10): the issuer's documents and a spent token.
//!
//! With `credentials` in `candor.json`, every report spends one token. Tokens
//! follow the Privacy Pass architecture (RFC 9576) with privately verifiable
//! issuance (RFC 9578 §5) over the VOPRF of RFC 9497, ciphersuite
//! ristretto255-SHA512, made by the `voprf` crate on both sides:
//!
//! 1. the app reads the epoch's public key, `GET /tokens/key` ([`TokenKey`]);
//! 2. it draws random 32-byte inputs, blinds them and sends the blinded
//!    elements, `POST /tokens` ([`TokenRequest`]), through the organisation's
//!    single sign-on, which tells the server who asks (for the weekly quota only);
//! 3. the server evaluates them with the epoch's key and proves it did
//!    ([`TokenIssue`]: the evaluated elements and one batch DLEQ proof);
//! 4. the app verifies the proof against the published key and unblinds:
//!    a [`Token`] is the input and the VOPRF output on it;
//! 5. the report's batch carries the token; the server recomputes the output
//!    from the input with its key, and remembers the input as spent.
//!
//! The server sees each input only when it is spent, never at issuance
//! (it saw a blinded element), so it cannot tell whose token it is.
//!
//! Bytes travel as base64url without padding (RFC 4648 §5), as in Privacy
//! Pass. The types are written with derived `Serialize`. In the browser
//! they are read by the token client (`crates/token-client`), field for
//! field with the browser's JSON parser: serde_json would cost that module
//! about 8 KB gzip (SPEC §8).
//!
//! Where this differs from RFC 9578: its privately verifiable token type
//! (0x0001) uses P-384; Candor uses ristretto255, whose client is a third of
//! the size in the browser, and it has no origin or challenge: the token's
//! input is 32 random bytes and its epoch names the key.

use serde::{Deserialize, Serialize};

use crate::week::IsoWeek;

/// The most tokens one `POST /tokens` may ask for.
pub const MAX_TOKENS_PER_REQUEST: usize = 100;

/// `GET /tokens/key`: the epoch's public key and what a person may have of it.
///
/// An epoch is an ISO week. A token stays spendable during its epoch and
/// the week after, so a report filed offline on a Sunday still leaves on
/// Monday; the app asks for tokens of the current epoch only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenKey {
    /// The epoch this key issues for, e.g. `2026-W49`.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2026-W49"))]
    pub epoch: IsoWeek,
    /// The VOPRF public key: a ristretto255 element, 32 bytes, base64url.
    pub public_key: String,
    /// The most tokens one person is issued per week.
    pub per_week: u32,
}

/// The body of `POST /tokens`: blinded elements, one per token wanted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    /// The epoch whose key the app verified, so it never gets tokens of a
    /// key it has not seen (an epoch that just ended is refused).
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2026-W49"))]
    pub epoch: IsoWeek,
    /// Blinded elements (ristretto255, 32 bytes each, base64url), at most [`MAX_TOKENS_PER_REQUEST`].
    pub blinded: Vec<String>,
}

/// The answer to `POST /tokens`: the evaluated elements and their proof.
///
/// When fewer tokens are left in the person's week than were asked for,
/// only the first `evaluated.len()` blinded elements were evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenIssue {
    /// The epoch of the key that evaluated them.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2026-W49"))]
    pub epoch: IsoWeek,
    /// One evaluated element per blinded element issued, in order (32 bytes each, base64url).
    pub evaluated: Vec<String>,
    /// The batch DLEQ proof that every element was evaluated with the epoch's key (64 bytes, base64url).
    pub proof: String,
    /// Tokens this person may still be issued this week.
    pub remaining: u32,
}

/// A token as a report spends it: the input and its VOPRF output.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Token {
    /// The epoch whose key issued it.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2026-W49"))]
    pub epoch: IsoWeek,
    /// 32 random bytes the device drew, base64url.
    pub input: String,
    /// The VOPRF output on `input` under the epoch's key, 64 bytes, base64url.
    pub output: String,
}

/// Why a report's token was refused; the codes of SPEC §4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// The report came without a token.
    #[error("each report needs a token from POST /api/v1/tokens; this one has none")]
    Required,
    /// The token is malformed, from an unknown or expired epoch, or its output is wrong.
    #[error("this token was not issued by this server, or its epoch has ended; fetch new tokens")]
    Invalid,
    /// The token was spent before, by another report.
    #[error("this token was already spent by another report")]
    Spent,
}

impl TokenError {
    /// The stable code clients branch on.
    pub fn code(&self) -> &'static str {
        match self {
            TokenError::Required => "token_required",
            TokenError::Invalid => "token_invalid",
            TokenError::Spent => "token_spent",
        }
    }

    /// Whether the report itself is fine and only needs another token.
    ///
    /// The app keeps such a report waiting for a token instead of showing it as refused.
    pub fn is_token_code(code: &str) -> bool {
        [TokenError::Required, TokenError::Invalid, TokenError::Spent]
            .iter()
            .any(|error| error.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issuers_answers_are_written_as_the_token_client_reads_them() {
        let key = TokenKey {
            epoch: "2026-W49".parse().unwrap(),
            public_key: "AAAA".into(),
            per_week: 20,
        };
        let text = serde_json::to_string(&key).unwrap();
        assert_eq!(
            text,
            r#"{"epoch":"2026-W49","public_key":"AAAA","per_week":20}"#
        );
        let issue = TokenIssue {
            epoch: "2026-W49".parse().unwrap(),
            evaluated: vec!["a".into(), "b".into()],
            proof: "p".into(),
            remaining: 3,
        };
        assert_eq!(
            serde_json::to_string(&issue).unwrap(),
            r#"{"epoch":"2026-W49","evaluated":["a","b"],"proof":"p","remaining":3}"#
        );
    }

    #[test]
    fn a_token_is_read_strictly() {
        let token: Token =
            serde_json::from_str(r#"{"epoch":"2026-W49","input":"i","output":"o"}"#).unwrap();
        assert_eq!(token.epoch.to_string(), "2026-W49");
        assert_eq!(
            serde_json::to_string(&token).unwrap(),
            r#"{"epoch":"2026-W49","input":"i","output":"o"}"#
        );
        let extra = r#"{"epoch":"2026-W49","input":"i","output":"o","who":"x"}"#;
        assert!(serde_json::from_str::<Token>(extra).is_err());
    }

    #[test]
    fn token_codes_are_stable_and_recognised() {
        for error in [TokenError::Required, TokenError::Invalid, TokenError::Spent] {
            assert!(TokenError::is_token_code(error.code()));
        }
        assert!(!TokenError::is_token_code("unknown_task"));
    }
}
