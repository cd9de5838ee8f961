//! The one conversion from what a browser call throws (a `JsValue`, usually
//! an `Error` or a `DOMException`, or gloo-net's error wrapping one) into
//! words a message can carry.

use wasm_bindgen::JsValue;

/// What the browser said when a call into it failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BrowserError(pub String);

impl From<JsValue> for BrowserError {
    fn from(thrown: JsValue) -> BrowserError {
        let message = js_sys::Error::from(thrown).message().as_string();
        BrowserError(message.unwrap_or_else(|| "unknown error".into()))
    }
}

impl From<&str> for BrowserError {
    fn from(words: &str) -> BrowserError {
        BrowserError(words.to_string())
    }
}

impl From<gloo_net::Error> for BrowserError {
    fn from(error: gloo_net::Error) -> BrowserError {
        match error {
            gloo_net::Error::JsError(thrown) => BrowserError(thrown.message),
            other => BrowserError(other.to_string()),
        }
    }
}
