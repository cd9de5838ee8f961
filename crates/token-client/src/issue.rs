//! The whole issuance over HTTP, for the app (SPEC §6.10): read the epoch's
//! key, blind, ask the issuer through the single sign-on, verify the proof
//! against the key, unblind.
//!
//! The app calls [`fetch_tokens`] in the background and keeps what it
//! returns beside its outbox. The documents are the core's `TokenKey`,
//! `TokenRequest` and `TokenIssue` (`candor_core::token`), read and written
//! here field for field with the browser's own JSON parser: candor-core's
//! serde_json would add about 8 KB gzip to this module (SPEC §8).
//!
//! Errors are thrown as `Error`s whose message starts with a code the app
//! matches: `sign_in:` (the single sign-on answered 401 or 403: the session
//! has expired), `quota:` (every token of the week is issued; the message
//! is the server's, saying when it resets), `proof_invalid:` (the issuer's
//! proof does not verify against its published key; nothing is returned),
//! `unavailable:` (anything else: offline, a server error; try again later).

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestCredentials, RequestInit, Response};

use crate::TokenClientError;

fn unavailable(why: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("unavailable: {why}"))
}

fn text_of(value: &JsValue) -> String {
    value
        .as_string()
        .or_else(|| Reflect::get(value, &"message".into()).ok()?.as_string())
        .unwrap_or_else(|| "the browser gave no reason".into())
}

fn field(document: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(document, &name.into())
        .ok()
        .filter(|value| !value.is_undefined())
}

fn text_field(document: &JsValue, name: &str) -> Result<String, JsError> {
    field(document, name)
        .and_then(|value| value.as_string())
        .ok_or_else(|| unavailable(format!("the answer has no {name}")))
}

/// Sends one request and reads its status and JSON body (`null` when the body is not JSON).
async fn request(
    url: &str,
    body: Option<&str>,
    credentials: RequestCredentials,
) -> Result<(u16, JsValue), JsError> {
    let init = RequestInit::new();
    init.set_cache(RequestCache::NoCache);
    init.set_credentials(credentials);
    if let Some(body) = body {
        init.set_method("POST");
        init.set_body(&body.into());
        let headers = Object::new();
        Reflect::set(&headers, &"content-type".into(), &"application/json".into())
            .map_err(|err| unavailable(text_of(&err)))?;
        init.set_headers(&headers);
    }
    let window = web_sys::window().ok_or_else(|| unavailable("no window"))?;
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|err| unavailable(text_of(&err)))?
        .unchecked_into();
    let text = JsFuture::from(response.text().map_err(|err| unavailable(text_of(&err)))?)
        .await
        .map_err(|err| unavailable(text_of(&err)))?
        .as_string()
        .unwrap_or_default();
    Ok((
        response.status(),
        JSON::parse(&text).unwrap_or(JsValue::NULL),
    ))
}

/// Fetches up to `count` tokens: `key_url` is `GET /tokens/key`, `issue_url`
/// is `POST /tokens` (sent with this origin's credentials: the single
/// sign-on's). Returns the tokens as the JSON text of an array of
/// `{"epoch","input","output"}`, ready to be kept and spent.
#[wasm_bindgen]
pub async fn fetch_tokens(
    key_url: String,
    issue_url: String,
    count: u32,
) -> Result<String, JsError> {
    let (status, key) = request(&key_url, None, RequestCredentials::Omit).await?;
    if status != 200 {
        return Err(unavailable(format!("the key answered HTTP {status}")));
    }
    let epoch = text_field(&key, "epoch")?;
    let public_key = text_field(&key, "public_key")?;
    let blinded = crate::blind(usize::try_from(count).unwrap_or(1)).map_err(js_error)?;

    let asked = Object::new();
    let elements: Array = blinded.blinded().iter().map(JsValue::from).collect();
    Reflect::set(&asked, &"epoch".into(), &epoch.as_str().into())
        .and_then(|_| Reflect::set(&asked, &"blinded".into(), &elements))
        .map_err(|err| unavailable(text_of(&err)))?;
    let body = JSON::stringify(&asked)
        .map_err(|err| unavailable(text_of(&err)))?
        .as_string()
        .unwrap_or_default();
    let (status, answer) = request(&issue_url, Some(&body), RequestCredentials::SameOrigin).await?;
    match status {
        200 => {}
        401 | 403 => {
            return Err(JsError::new(
                "sign_in: the single sign-on session has expired",
            ))
        }
        _ => {
            let error = field(&answer, "error").unwrap_or(JsValue::NULL);
            let code = field(&error, "code").and_then(|c| c.as_string());
            let message = field(&error, "message").and_then(|m| m.as_string());
            return Err(match (code.as_deref(), message) {
                (Some("quota_exhausted"), Some(message)) => {
                    JsError::new(&format!("quota: {message}"))
                }
                _ => unavailable(format!("the issuer answered HTTP {status}")),
            });
        }
    }
    let evaluated: Vec<String> = field(&answer, "evaluated")
        .filter(Array::is_array)
        .map(|list| {
            Array::from(&list)
                .iter()
                .filter_map(|e| e.as_string())
                .collect()
        })
        .ok_or_else(|| unavailable("the answer has no evaluated elements"))?;
    let proof = text_field(&answer, "proof")?;
    let tokens = blinded
        .finalize(&public_key, &evaluated, &proof)
        .map_err(js_error)?;

    let made = Array::new();
    for token in tokens {
        let (input, output) = token.split_once('.').unwrap_or_default();
        let kept = Object::new();
        Reflect::set(&kept, &"epoch".into(), &epoch.as_str().into())
            .and_then(|_| Reflect::set(&kept, &"input".into(), &input.into()))
            .and_then(|_| Reflect::set(&kept, &"output".into(), &output.into()))
            .map_err(|err| unavailable(text_of(&err)))?;
        made.push(&kept);
    }
    Ok(JSON::stringify(&made)
        .map_err(|err| unavailable(text_of(&err)))?
        .as_string()
        .unwrap_or_default())
}

fn js_error(error: TokenClientError) -> JsError {
    JsError::new(&error.to_string())
}
