//! Loading the deployment's `candor.json`, which sits next to `index.html`.

use candor_core::{Config, ConfigError};
use thiserror::Error;

use super::fetch::{get_text, FetchError};

/// The file the app reads its taxonomy and settings from.
pub const CONFIG_FILE: &str = "candor.json";

/// Why the deployment config could not be used; each names the file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigLoadError {
    /// The file could not be fetched.
    #[error("{CONFIG_FILE} {0}; it must sit next to index.html")]
    Fetch(#[from] FetchError),
    /// The file was fetched but breaks a rule of SPEC §3.
    #[error("{0}")]
    Invalid(#[from] ConfigError),
}

/// Fetches and validates the config at `url` (relative to the app's base).
pub async fn load(url: String) -> Result<Config, ConfigLoadError> {
    let text = get_text(&url).await?;
    Ok(Config::from_json(&text)?)
}
