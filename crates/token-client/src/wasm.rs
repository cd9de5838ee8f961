//! The JavaScript API (wasm-bindgen), a thin layer over the crate's functions:
//!
//! ```js
//! import init, { Issuance } from './token-client-<hash>.js';
//! await init();
//! const issuance = Issuance.blind(10);        // 10 fresh nonces, blinded
//! const body = issuance.blinded();            // string[]: to POST /api/v1/tokens
//! const tokens = issuance.finalize(key, evaluated, proof); // string[]: "<input>.<output>"
//! ```
//!
//! Errors are thrown as `Error`s whose message starts with `malformed:` or
//! `proof_invalid:`.

use wasm_bindgen::prelude::*;

use crate::{Blinded, TokenClientError};

/// One issuance in progress: the nonces and blinding states stay inside.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Issuance(Blinded);

#[wasm_bindgen]
impl Issuance {
    /// Draws `count` random 32-byte inputs and blinds each (count 1 to 65535).
    pub fn blind(count: u32) -> Result<Issuance, JsError> {
        let count = usize::try_from(count).unwrap_or(usize::MAX);
        crate::blind(count).map(Issuance).map_err(js_error)
    }

    /// The blinded elements, base64url without padding, in order.
    pub fn blinded(&self) -> Vec<String> {
        self.0.blinded().to_vec()
    }

    /// Verifies the issuer's batch proof against its published key and
    /// unblinds: one `"<input>.<output>"` token per blinded element, each
    /// part base64url without padding. Throws `malformed: …` or
    /// `proof_invalid: …`.
    pub fn finalize(
        &self,
        public_key: &str,
        evaluated: Vec<String>,
        proof: &str,
    ) -> Result<Vec<String>, JsError> {
        self.0
            .finalize(public_key, &evaluated, proof)
            .map_err(js_error)
    }
}

fn js_error(error: TokenClientError) -> JsError {
    JsError::new(&error.to_string())
}
