//! Documents from the server with the browser's fetch (no cookies, no
//! HTTP cache), parsed with the browser's `JSON.parse` and read by
//! [`crate::read`] through its [`Node`] trait.

use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestInit, Response};

use crate::lang::{t, Msg};
use crate::read::Node;

/// Why a document could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failed {
    /// No answer (server down, offline): the browser's words.
    Unreachable(String),
    /// The server answered with this error status.
    Status(u16),
}

/// What the browser said, as words.
fn words(thrown: &JsValue) -> String {
    thrown
        .as_string()
        .or_else(|| Reflect::get(thrown, &"message".into()).ok()?.as_string())
        .unwrap_or_else(|| t(Msg::BrowserNoReason))
}

/// Fetches `url` and returns its body; an error status is an error.
pub async fn text(url: &str) -> Result<String, Failed> {
    let unreachable = |thrown: JsValue| Failed::Unreachable(words(&thrown));
    // No HTTP cache (an operator's edit or a new week must show now), no cookies.
    let init = js_sys::Object::new();
    for (name, value) in [("cache", "no-cache"), ("credentials", "omit")] {
        let _ = Reflect::set(&init, &name.into(), &value.into());
    }
    let init: &RequestInit = init.unchecked_ref();
    let window = web_sys::window().ok_or_else(|| Failed::Unreachable(t(Msg::BrowserNoReason)))?;
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, init))
        .await
        .map_err(unreachable)?
        .unchecked_into();
    let status = response.status();
    if !(200..300).contains(&status) {
        return Err(Failed::Status(status));
    }
    Ok(JsFuture::from(response.text().map_err(unreachable)?)
        .await
        .map_err(unreachable)?
        .as_string()
        .unwrap_or_default())
}

impl Node for JsValue {
    fn get(&self, name: &str) -> Option<JsValue> {
        Reflect::get(self, &name.into())
            .ok()
            .filter(|value| !value.is_null() && !value.is_undefined())
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn text(&self) -> Option<String> {
        self.as_string()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn items(&self) -> Option<Vec<JsValue>> {
        if !Array::is_array(self) {
            return None;
        }
        let array: &Array = self.unchecked_ref();
        let mut items = Vec::new();
        for at in 0..array.length() {
            items.push(array.get(at));
        }
        Some(items)
    }
    fn has(&self, name: &str) -> bool {
        self.is_object() && Reflect::has(self, &name.into()).unwrap_or(false)
    }
}

/// Parses `text` with the browser's JSON parser and reads it with `read`.
pub fn parse<T>(text: &str, read: fn(&JsValue) -> Result<T, String>) -> Result<T, String> {
    read(&JSON::parse(text).map_err(|_| t(Msg::NotJson))?)
}
