//! The deployment config in force: read once at start, validated, served as is.

use std::path::{Path, PathBuf};

use axum::body::Bytes;
use candor_core::{Config, ConfigError, Pilot};

/// The default config: the copy of `public/candor.json` the app is built with.
pub const BUILT_IN: &str = include_str!("../../../public/candor.json");

/// Where a config served by this server tells the app to send reports.
pub const OWN_SYNC_URL: &str = "/api/v1";

/// Why the config could not be loaded; the server does not start without one.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read the config file {path}: {source}")]
    Read {
        /// The file given with --config.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not a valid `candor.json`; the error names the field.
    #[error("{path}: {source}")]
    Invalid {
        /// The file given with --config, or "the built-in candor.json".
        path: String,
        /// What is wrong, and where.
        source: ConfigError,
    },
}

/// The config the server works with, and the exact bytes it serves.
#[derive(Debug, Clone)]
pub struct ServedConfig {
    /// The parsed config: k, taxonomy, teams.
    pub config: Config,
    /// The JSON served at `/candor.json` and `/api/v1/config`.
    pub json: Bytes,
}

impl ServedConfig {
    /// Reads and validates `path`, or the built-in config when `None`.
    pub fn load(path: Option<&Path>) -> Result<ServedConfig, LoadError> {
        match path {
            None => ServedConfig::from_text(BUILT_IN, "the built-in candor.json"),
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|source| LoadError::Read {
                    path: path.to_owned(),
                    source,
                })?;
                ServedConfig::from_text(&text, &path.display().to_string())
            }
        }
    }

    /// Validates `text` and prepares it for serving.
    ///
    /// A config without a `sync_url` is served with `"sync_url": "/api/v1"`:
    /// the app got it from this server, so this server is where its
    /// reports go. A `sync_url` the operator set is served unchanged.
    pub fn from_text(text: &str, name: &str) -> Result<ServedConfig, LoadError> {
        let mut config = Config::from_json(text).map_err(|source| LoadError::Invalid {
            path: name.to_owned(),
            source,
        })?;
        if config.sync_url.is_none() {
            config.sync_url = Some(OWN_SYNC_URL.to_owned());
        }
        Ok(ServedConfig::serving(config))
    }

    /// The config with `pilot` added, served as such (`--demo` adds its own
    /// pilot this way, so the app sees it); refused if the pilot does not fit the config.
    pub fn with_pilot(self, pilot: Pilot) -> Result<ServedConfig, ConfigError> {
        let mut config = self.config;
        config.pilots.push(pilot);
        config.validate()?;
        Ok(ServedConfig::serving(config))
    }

    fn serving(config: Config) -> ServedConfig {
        let json = serde_json::to_vec(&config).expect("a Config always serialises");
        ServedConfig {
            config,
            json: Bytes::from(json),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_config_is_valid_and_points_at_this_server() {
        let served = ServedConfig::load(None).unwrap();
        assert_eq!(served.config.sync_url.as_deref(), Some(OWN_SYNC_URL));
        let again = Config::from_json(std::str::from_utf8(&served.json).unwrap()).unwrap();
        assert_eq!(again, served.config);
    }

    #[test]
    fn an_operators_sync_url_is_kept() {
        let text = r#"{"tasks":[{"id":"a","label":"A"}],"tools":[],"sync_url":"https://x.example/api/v1"}"#;
        let served = ServedConfig::from_text(text, "c.json").unwrap();
        assert_eq!(
            served.config.sync_url.as_deref(),
            Some("https://x.example/api/v1")
        );
    }

    #[test]
    fn an_invalid_config_names_the_file_and_field() {
        let err = ServedConfig::from_text(
            r#"{"tasks":[{"id":"a","label":"A"}],"tools":[],"k":1}"#,
            "site.json",
        )
        .unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("site.json: "), "{message}");
        assert!(message.contains("field `k`"), "{message}");
    }
}
