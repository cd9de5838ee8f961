//! The page's documents from the sync server: `GET {api}/pilots`, then each
//! `GET {api}/pilots/{id}`, with the browser's fetch (no cookies, no HTTP
//! cache) and errors in words: the server's own message where it sent one.

use candor_core::{PilotList, PilotView};
use js_sys::{Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestCredentials, RequestInit, Response};

/// What the browser said, as words.
fn words(thrown: &JsValue) -> String {
    thrown
        .as_string()
        .or_else(|| Reflect::get(thrown, &"message".into()).ok()?.as_string())
        .unwrap_or_else(|| "the browser gave no reason".into())
}

/// The server's message in an error body `{"error":{"message":…}}`, if it sent one.
fn server_message(body: &str) -> Option<String> {
    let document = JSON::parse(body).ok()?;
    let error = Reflect::get(&document, &"error".into()).ok()?;
    Reflect::get(&error, &"message".into()).ok()?.as_string()
}

/// Fetches `url` and returns its body; anything else is an error in words.
async fn get(url: &str) -> Result<String, String> {
    let unreachable = |thrown: JsValue| {
        format!(
            "the sync server could not be reached at {url} ({}).",
            words(&thrown)
        )
    };
    let init = RequestInit::new();
    init.set_cache(RequestCache::NoCache);
    init.set_credentials(RequestCredentials::Omit);
    let window = web_sys::window().ok_or("there is no window.")?;
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
        let status = response.status();
        return Err(match server_message(&body) {
            Some(message) => format!("the sync server answered {message} (HTTP {status})."),
            None => format!("the sync server answered HTTP {status} at {url}."),
        });
    }
    Ok(body)
}

/// The list of pilots and each pilot's document, with its text as served.
pub async fn load(api: &str) -> Result<(PilotList, Vec<(PilotView, String)>), String> {
    let api = api.trim_end_matches('/');
    let url = format!("{api}/pilots");
    let list: PilotList = serde_json::from_str(&get(&url).await?)
        .map_err(|error| format!("the answer at {url} is not a list of pilots ({error})."))?;
    let mut views = Vec::with_capacity(list.pilots.len());
    for pilot in &list.pilots {
        let url = format!("{api}/pilots/{}", pilot.pilot);
        let json = get(&url).await?;
        let view = serde_json::from_str(&json)
            .map_err(|error| format!("the answer at {url} is not a pilot's results ({error})."))?;
        views.push((view, json));
    }
    Ok((list, views))
}
