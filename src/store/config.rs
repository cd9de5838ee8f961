//! Loading the deployment's `candor.json`, which sits next to `index.html`.

use candor_core::{Config, ConfigError};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The file the app reads its taxonomy and settings from.
pub const CONFIG_FILE: &str = "candor.json";

/// Why the deployment config could not be used; each names the file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigLoadError {
    /// The request itself failed (server down, offline).
    #[error("{CONFIG_FILE} could not be fetched from {url}: {reason}")]
    Unreachable {
        /// The address that was tried.
        url: String,
        /// What the browser said.
        reason: String,
    },
    /// The server answered with an error status.
    #[error(
        "{CONFIG_FILE} was not found at {url} (HTTP {status}); it must sit next to index.html"
    )]
    Status {
        /// The address that was tried.
        url: String,
        /// The HTTP status.
        status: u16,
    },
    /// The file was fetched but breaks a rule of SPEC §3.
    #[error("{0}")]
    Invalid(#[from] ConfigError),
}

/// Fetches and validates the config at `url` (relative to the app's base).
pub async fn load(url: &str) -> Result<Config, ConfigLoadError> {
    let unreachable = |error: JsValue| ConfigLoadError::Unreachable {
        url: url.to_string(),
        reason: js_sys::Error::from(error)
            .message()
            .as_string()
            .unwrap_or_else(|| "network error".into()),
    };
    let window = web_sys::window().expect("the app runs in a browser window");
    // Always ask the server: an operator's edit must show on the next load.
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(unreachable)?
        .unchecked_into();
    if !response.ok() {
        return Err(ConfigLoadError::Status {
            url: url.to_string(),
            status: response.status(),
        });
    }
    let text = JsFuture::from(response.text().map_err(unreachable)?)
        .await
        .map_err(unreachable)?
        .as_string()
        .unwrap_or_default();
    Ok(Config::from_json(&text)?)
}

/// [`load`] for an owned address, as a resource's fetcher needs.
pub async fn load_owned(url: String) -> Result<Config, ConfigLoadError> {
    load(&url).await
}
