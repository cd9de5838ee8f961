//! Plain GET requests for the app's JSON documents (the config, the team
//! aggregate), with errors in words.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a document could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The request did not get an answer (server down, offline).
    #[error("could not be fetched from {url}: {reason}")]
    Unreachable {
        /// The address that was tried.
        url: String,
        /// What the browser said.
        reason: String,
    },
    /// The server answered with an error status.
    #[error("was not found at {url} (HTTP {status})")]
    Status {
        /// The address that was tried.
        url: String,
        /// The HTTP status.
        status: u16,
        /// The body, which may carry the server's error.
        body: String,
    },
}

fn js_message(error: JsValue) -> String {
    js_sys::Error::from(error)
        .message()
        .as_string()
        .unwrap_or_else(|| "network error".into())
}

/// Fetches `url` bypassing the HTTP cache and returns its body as text.
pub async fn get_text(url: &str) -> Result<String, FetchError> {
    let unreachable = |error: JsValue| FetchError::Unreachable {
        url: url.to_string(),
        reason: js_message(error),
    };
    let window = web_sys::window().expect("the app runs in a browser window");
    // Always ask the server: an operator's edit or a new week must show now.
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(unreachable)?
        .unchecked_into();
    let text = JsFuture::from(response.text().map_err(unreachable)?)
        .await
        .map_err(unreachable)?
        .as_string()
        .unwrap_or_default();
    if !response.ok() {
        return Err(FetchError::Status {
            url: url.to_string(),
            status: response.status(),
            body: text,
        });
    }
    Ok(text)
}
