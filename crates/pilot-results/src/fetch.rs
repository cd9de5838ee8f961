//! The page's documents from the sync server: `GET {api}/pilots`, then each
//! `GET {api}/pilots/{id}`, with the browser's fetch (no cookies, no HTTP
//! cache) and errors in words: the server's own message where it sent one.

use crate::lang::{t, tf, Msg};
use crate::read::{self, Node};
use candor_core::catalog::Arg;
use candor_core::{PilotList, PilotView};
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestCredentials, RequestInit, Response};

/// What the browser said, as words.
fn words(thrown: &JsValue) -> String {
    thrown
        .as_string()
        .or_else(|| Reflect::get(thrown, &"message".into()).ok()?.as_string())
        .unwrap_or_else(|| t(Msg::BrowserNoReason))
}

/// The server's message in an error body `{"error":{"message":…}}`, if it sent one.
fn server_message(body: &str) -> Option<String> {
    let document = JSON::parse(body).ok()?;
    let error = Reflect::get(&document, &"error".into()).ok()?;
    Reflect::get(&error, &"message".into()).ok()?.as_string()
}

/// Fetches `url` and returns its body; anything else is an error in words.
pub async fn text(url: &str) -> Result<String, String> {
    get(url).await
}

async fn get(url: &str) -> Result<String, String> {
    let unreachable = |thrown: JsValue| {
        let why = words(&thrown);
        tf(Msg::ServerUnreachable, &[Arg::Text(url), Arg::Text(&why)])
    };
    let init = RequestInit::new();
    init.set_cache(RequestCache::NoCache);
    init.set_credentials(RequestCredentials::Omit);
    let window = web_sys::window().ok_or_else(|| t(Msg::NoWindow))?;
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(unreachable)?
        .unchecked_into();
    let body = JsFuture::from(response.text().map_err(unreachable)?)
        .await
        .map_err(unreachable)?
        .as_string()
        .unwrap_or_default();
    if !response.ok() {
        let status = Arg::Count(response.status().into());
        return Err(match server_message(&body) {
            Some(message) => tf(Msg::ServerSaid, &[Arg::Text(&message), status]),
            None => tf(Msg::ServerStatus, &[status, Arg::Text(url)]),
        });
    }
    Ok(body)
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
        Array::is_array(self).then(|| Array::from(self).iter().collect())
    }
}

/// Parses `text` with the browser's JSON parser and reads it with `read`.
fn parse<T>(text: &str, read: fn(&JsValue) -> Result<T, String>) -> Result<T, String> {
    read(&JSON::parse(text).map_err(|_| t(Msg::NotJson))?)
}

/// The list of pilots and each pilot's document, with its text as served.
pub async fn load(api: &str) -> Result<(PilotList, Vec<(PilotView, String)>), String> {
    let api = api.trim_end_matches('/');
    let url = format!("{api}/pilots");
    let list: PilotList = parse(&get(&url).await?, read::pilot_list)
        .map_err(|why| tf(Msg::NotPilotList, &[Arg::Text(&url), Arg::Text(&why)]))?;
    let mut views = Vec::with_capacity(list.pilots.len());
    for pilot in &list.pilots {
        let url = format!("{api}/pilots/{}", pilot.pilot);
        let json = get(&url).await?;
        let view: PilotView = parse(&json, read::pilot_view)
            .map_err(|why| tf(Msg::NotPilotResults, &[Arg::Text(&url), Arg::Text(&why)]))?;
        views.push((view, json));
    }
    Ok((list, views))
}
