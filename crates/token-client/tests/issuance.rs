//! Issuance against a real VOPRF issuer (`voprf::VoprfServer`, as the sync
//! server holds it): tokens come out and match the issuer's own evaluation;
//! a proof under another key, an altered element or proof, and malformed
//! input are refused.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use candor_token_client::{blind, Blinded, TokenClientError, ELEMENT_LEN, INPUT_LEN, OUTPUT_LEN};
use rand_core::OsRng;
use voprf::{BlindedElement, Group, Ristretto255, VoprfServer};

type Server = VoprfServer<Ristretto255>;

fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn decode(text: &str) -> Vec<u8> {
    URL_SAFE_NO_PAD
        .decode(text)
        .expect("base64url without padding")
}

fn public_key(server: &Server) -> String {
    encode(&Ristretto255::serialize_elem(server.get_public_key()))
}

/// What `POST /api/v1/tokens` answers: the evaluated elements and one batch proof.
fn issue(server: &Server, blinded: &[String]) -> (Vec<String>, String) {
    let elements: Vec<BlindedElement<Ristretto255>> = blinded
        .iter()
        .map(|text| BlindedElement::deserialize(&decode(text)).expect("a blinded element"))
        .collect();
    let result = server
        .batch_blind_evaluate(&mut OsRng, &elements)
        .expect("evaluated");
    let evaluated = result
        .messages
        .iter()
        .map(|message| encode(&message.serialize()))
        .collect();
    (evaluated, encode(&result.proof.serialize()))
}

fn code(error: &TokenClientError) -> &'static str {
    let message = error.to_string();
    if message.starts_with("malformed: ") {
        "malformed"
    } else if message.starts_with("proof_invalid: ") {
        "proof_invalid"
    } else {
        "other"
    }
}

#[test]
fn tokens_come_out_and_match_the_issuers_own_evaluation() {
    let server = Server::new(&mut OsRng).unwrap();
    let issuance = blind(5).unwrap();
    assert_eq!(issuance.blinded().len(), 5);
    let (evaluated, proof) = issue(&server, issuance.blinded());

    let tokens = issuance
        .finalize(&public_key(&server), &evaluated, &proof)
        .unwrap();
    assert_eq!(tokens.len(), 5);
    let mut inputs = Vec::new();
    for token in &tokens {
        let (input, output) = token.split_once('.').expect("<input>.<output>");
        let (input, output) = (decode(input), decode(output));
        assert_eq!(input.len(), INPUT_LEN);
        assert_eq!(output.len(), OUTPUT_LEN);
        assert_eq!(
            server.evaluate(&input).unwrap().as_slice(),
            output.as_slice()
        );
        inputs.push(input);
    }
    inputs.sort();
    inputs.dedup();
    assert_eq!(inputs.len(), 5, "every nonce is fresh");

    // Finalizing again (a retry) gives the same tokens.
    assert_eq!(
        issuance
            .finalize(&public_key(&server), &evaluated, &proof)
            .unwrap(),
        tokens
    );
}

#[test]
fn blinded_elements_are_fresh_points() {
    let first = blind(3).unwrap();
    let second = blind(3).unwrap();
    for text in first.blinded().iter().chain(second.blinded()) {
        let bytes = decode(text);
        assert_eq!(bytes.len(), ELEMENT_LEN);
        assert!(Ristretto255::deserialize_elem(&bytes).is_ok());
    }
    assert_ne!(first.blinded(), second.blinded());
}

#[test]
fn a_proof_under_another_key_is_refused_against_the_published_key() {
    let published = Server::new(&mut OsRng).unwrap();
    let other = Server::new(&mut OsRng).unwrap();
    let issuance = blind(4).unwrap();
    // The issuer answers with a key of its own, kept for this one person.
    let (evaluated, proof) = issue(&other, issuance.blinded());

    let error = issuance
        .finalize(&public_key(&published), &evaluated, &proof)
        .unwrap_err();
    assert_eq!(error, TokenClientError::ProofInvalid);
    assert_eq!(
        error.to_string(),
        "proof_invalid: the issuer's proof does not verify against its published key"
    );
    // The same answer is fine against the key that made it: the key is what failed.
    assert!(issuance
        .finalize(&public_key(&other), &evaluated, &proof)
        .is_ok());
}

#[test]
fn an_altered_evaluated_element_or_proof_is_refused() {
    let server = Server::new(&mut OsRng).unwrap();
    let other = Server::new(&mut OsRng).unwrap();
    let key = public_key(&server);
    let issuance = blind(3).unwrap();
    let (evaluated, proof) = issue(&server, issuance.blinded());

    // Two elements swapped.
    let mut swapped = evaluated.clone();
    swapped.swap(0, 1);
    assert_eq!(
        issuance.finalize(&key, &swapped, &proof),
        Err(TokenClientError::ProofInvalid)
    );

    // One element replaced by a valid point: the other key's evaluation of it.
    let (foreign, _) = issue(&other, issuance.blinded());
    let mut replaced = evaluated.clone();
    replaced[2] = foreign[2].clone();
    assert_eq!(
        issuance.finalize(&key, &replaced, &proof),
        Err(TokenClientError::ProofInvalid)
    );

    // One bit flipped: either no longer a point, or not the proven one.
    let mut bytes = decode(&evaluated[1]);
    bytes[0] ^= 0x02;
    let mut flipped = evaluated.clone();
    flipped[1] = encode(&bytes);
    let error = issuance.finalize(&key, &flipped, &proof).unwrap_err();
    assert!(
        matches!(code(&error), "malformed" | "proof_invalid"),
        "{error}"
    );

    // The proof of another issuance with the same key.
    let (_, other_proof) = issue(&server, blind(3).unwrap().blinded());
    assert_eq!(
        issuance.finalize(&key, &evaluated, &other_proof),
        Err(TokenClientError::ProofInvalid)
    );

    // The untouched answer still works.
    assert!(issuance.finalize(&key, &evaluated, &proof).is_ok());
}

#[test]
fn malformed_input_is_refused_as_malformed() {
    let server = Server::new(&mut OsRng).unwrap();
    let key = public_key(&server);
    let issuance = blind(2).unwrap();
    let (evaluated, proof) = issue(&server, issuance.blinded());

    let refused = |issuance: &Blinded, key: &str, evaluated: &[String], proof: &str| {
        let error = issuance.finalize(key, evaluated, proof).unwrap_err();
        assert_eq!(code(&error), "malformed", "{error}");
        error.to_string()
    };
    // Not base64url: standard alphabet, padding, stray characters.
    let standard = base64::engine::general_purpose::STANDARD.encode(decode(&proof));
    if standard != proof {
        refused(&issuance, &key, &evaluated, &standard);
    }
    refused(&issuance, &key, &evaluated, &format!("{proof}=="));
    refused(&issuance, &key, &evaluated, "not base64!");
    refused(&issuance, &format!("{key}="), &evaluated, &proof);
    let mut bad = evaluated.clone();
    bad[0] = "%%%".into();
    let message = refused(&issuance, &key, &bad, &proof);
    assert!(message.contains("evaluated element 0"), "{message}");

    // Wrong lengths.
    refused(&issuance, &encode(&[1; 31]), &evaluated, &proof);
    refused(&issuance, &encode(&[1; 33]), &evaluated, &proof);
    refused(&issuance, &key, &evaluated, &encode(&[0; 63]));
    refused(&issuance, &key, &evaluated, "");

    // Not a point (the identity, or bytes that do not decode), not scalars.
    refused(&issuance, &encode(&[0; 32]), &evaluated, &proof);
    refused(&issuance, &encode(&[0xff; 32]), &evaluated, &proof);
    refused(&issuance, &key, &evaluated, &encode(&[0xff; 64]));

    // A count that does not match: fewer than the proof covers fail it,
    // none or more than were blinded are malformed.
    let partial = issuance.finalize(&key, &evaluated[..1], &proof);
    assert_eq!(partial, Err(TokenClientError::ProofInvalid));
    let none: [String; 0] = [];
    let message = refused(&issuance, &key, &none, &proof);
    assert_eq!(
        message,
        "malformed: 0 evaluated elements for 2 blinded ones"
    );
    let mut more = evaluated.clone();
    more.push(evaluated[0].clone());
    refused(&issuance, &key, &more, &proof);

    assert!(issuance.finalize(&key, &evaluated, &proof).is_ok());
}

#[test]
fn a_count_of_zero_or_over_the_batch_limit_is_malformed() {
    for count in [0, 65_536] {
        let error = blind(count).unwrap_err();
        assert_eq!(code(&error), "malformed", "{error}");
    }
}

#[test]
fn a_partial_issuance_gives_the_first_tokens() {
    // The issuer evaluates only the first of three: the person's week had one left.
    let server = Server::new(&mut OsRng).unwrap();
    let issuance = blind(3).unwrap();
    let (evaluated, proof) = issue(&server, &issuance.blinded()[..1]);
    let tokens = issuance
        .finalize(&public_key(&server), &evaluated, &proof)
        .unwrap();
    assert_eq!(tokens.len(), 1);
    let (input, output) = tokens[0].split_once('.').unwrap();
    assert_eq!(
        server.evaluate(&decode(input)).unwrap().to_vec(),
        decode(output)
    );
}
