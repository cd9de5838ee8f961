//! The browser's side of Candor's anonymous tokens (SPEC §6.10): a wasm
//! module of its own, which the app imports when it needs tokens, so none of
//! it counts against the main wasm's budget (SPEC §8: ≤ 60 KB gzip).
//!
//! Privacy Pass issuance with a privately verifiable VOPRF (RFC 9497,
//! verifiable mode, ciphersuite ristretto255-SHA512), all of its
//! cryptography from the `voprf` crate:
//!
//! 1. [`blind`] draws `count` random 32-byte inputs (the tokens' nonces) and
//!    blinds each; the blinded elements go to `POST /api/v1/tokens`.
//! 2. [`Blinded::finalize`] takes the issuer's published key, its evaluated
//!    elements and its one batch proof, checks the proof against the key
//!    (so an issuer cannot tag one person with a key of their own), and
//!    unblinds: one token `"<input>.<output>"` per nonce.
//!
//! Every byte string crossing the boundary is base64url without padding.
//! Errors carry a plain message starting with a code: `malformed:` for
//! anything that does not decode or does not fit, `proof_invalid:` for a
//! proof that does not verify against the published key.
//!
//! The logic here is plain Rust, tested natively (tests/issuance.rs);
//! `wasm` is the thin wasm-bindgen layer the app's JavaScript calls.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand_core::{OsRng, RngCore};
use voprf::{EvaluationElement, Group, Proof, Ristretto255, VoprfClient};

mod issue;
mod wasm;

pub use issue::fetch_tokens;
pub use wasm::Issuance;

/// Bytes of a token's input (its nonce), drawn at random.
pub const INPUT_LEN: usize = 32;
/// Bytes of a serialized ristretto255 point: a blinded or evaluated element, the public key.
pub const ELEMENT_LEN: usize = 32;
/// Bytes of a serialized proof: two scalars.
pub const PROOF_LEN: usize = 64;
/// Bytes of a finalized VOPRF output (SHA-512).
pub const OUTPUT_LEN: usize = 64;
/// The most tokens one issuance may ask for: the VOPRF's batch limit.
pub const MAX_COUNT: usize = u16::MAX as usize;

/// Why an issuance could not go on. The message (`Display`) starts with a
/// code the app can match: `malformed:` or `proof_invalid:`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenClientError {
    /// Input that does not decode, has the wrong length or count.
    #[error("malformed: {0}")]
    Malformed(String),
    /// The batch proof does not verify against the published key: the
    /// issuer did not use that key for these elements (or they were altered).
    #[error("proof_invalid: the issuer's proof does not verify against its published key")]
    ProofInvalid,
    /// Anything else the VOPRF refused; not expected with well-formed input.
    #[error("failed: {0}")]
    Voprf(voprf::Error),
}

fn malformed(message: impl Into<String>) -> TokenClientError {
    TokenClientError::Malformed(message.into())
}

/// One issuance in progress: the nonces and blinding states kept on the
/// device, and the blinded elements that go to the issuer.
#[derive(Debug, Clone)]
pub struct Blinded {
    inputs: Vec<[u8; INPUT_LEN]>,
    clients: Vec<VoprfClient<Ristretto255>>,
    blinded: Vec<String>,
}

/// Draws `count` random inputs with the OS's generator and blinds each.
///
/// # Errors
/// `malformed` when `count` is 0 or over [`MAX_COUNT`].
pub fn blind(count: usize) -> Result<Blinded, TokenClientError> {
    if count == 0 || count > MAX_COUNT {
        return Err(malformed(format!(
            "count must be 1 to {MAX_COUNT}, not {count}"
        )));
    }
    let mut inputs = Vec::with_capacity(count);
    let mut clients = Vec::with_capacity(count);
    let mut blinded = Vec::with_capacity(count);
    while inputs.len() < count {
        let mut input = [0u8; INPUT_LEN];
        OsRng.fill_bytes(&mut input);
        // Blinding a non-empty input fails only if it hashes to the identity
        // (probability about 2^-252); a fresh input is then drawn.
        let Ok(result) = VoprfClient::<Ristretto255>::blind(&input, &mut OsRng) else {
            continue;
        };
        inputs.push(input);
        blinded.push(encode(&result.message.serialize()));
        clients.push(result.state);
    }
    Ok(Blinded {
        inputs,
        clients,
        blinded,
    })
}

impl Blinded {
    /// The blinded elements, base64url without padding, in order: what the
    /// issuer evaluates.
    pub fn blinded(&self) -> &[String] {
        &self.blinded
    }

    /// Checks the issuer's batch `proof` against its published `public_key`
    /// and unblinds the `evaluated` elements (one per blinded element, in
    /// order; fewer when the person's week had fewer tokens left, which are
    /// then the first ones). Returns one token per evaluated element,
    /// `"<input>.<output>"`: the 32-byte nonce and the 64-byte VOPRF output,
    /// each base64url without padding.
    ///
    /// # Errors
    /// - `malformed` when an argument does not decode (base64url without
    ///   padding), has the wrong length, is not a valid point or scalar, or
    ///   there are no evaluated elements or more than blinded ones.
    /// - `proof_invalid` when the proof does not verify against the key.
    pub fn finalize<S: AsRef<str>>(
        &self,
        public_key: &str,
        evaluated: &[S],
        proof: &str,
    ) -> Result<Vec<String>, TokenClientError> {
        let key = decode(public_key, ELEMENT_LEN, "the public key")?;
        let key = Ristretto255::deserialize_elem(&key)
            .map_err(|_| malformed("the public key is not a ristretto255 point"))?;
        let issued = evaluated.len();
        if issued == 0 || issued > self.clients.len() {
            return Err(malformed(format!(
                "{} evaluated elements for {} blinded ones",
                evaluated.len(),
                self.clients.len()
            )));
        }
        let evaluated = evaluated
            .iter()
            .enumerate()
            .map(|(index, element)| {
                let what = format!("evaluated element {index}");
                let bytes = decode(element.as_ref(), ELEMENT_LEN, &what)?;
                EvaluationElement::<Ristretto255>::deserialize(&bytes)
                    .map_err(|_| malformed(format!("{what} is not a ristretto255 point")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let proof = decode(proof, PROOF_LEN, "the proof")?;
        let proof = Proof::<Ristretto255>::deserialize(&proof)
            .map_err(|_| malformed("the proof is not two ristretto255 scalars"))?;

        let inputs = self.inputs[..issued].to_vec();
        let clients = self.clients[..issued].to_vec();
        let outputs = VoprfClient::batch_finalize(&inputs, &clients, &evaluated, &proof, key)
            .map_err(|error| match error {
                voprf::Error::ProofVerification => TokenClientError::ProofInvalid,
                other => TokenClientError::Voprf(other),
            })?;
        inputs
            .iter()
            .zip(outputs)
            .map(|(input, output)| {
                let output = output.map_err(TokenClientError::Voprf)?;
                Ok(format!("{}.{}", encode(input), encode(&output)))
            })
            .collect()
    }
}

fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Decodes base64url without padding into exactly `len` bytes.
fn decode(text: &str, len: usize, what: &str) -> Result<Vec<u8>, TokenClientError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(text)
        .map_err(|_| malformed(format!("{what} is not base64url without padding")))?;
    if bytes.len() != len {
        return Err(malformed(format!(
            "{what} is {} bytes, not {len}",
            bytes.len()
        )));
    }
    Ok(bytes)
}
