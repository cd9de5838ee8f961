//! The team map's documents from the sync server: published views and filter choices.
//!
//! Every number here was published by the server under SPEC §5; the module
//! never computes a shared count itself.

use candor_core::catalog::Arg;
use candor_core::{AggregateFilter, Config, FilterChoice, Published};

use crate::fetch::{self, Failed};
use crate::lang::{tf, Msg};
use crate::read;

/// Why part of the team map could not be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamMapError {
    /// A document could not be fetched: the browser's words.
    Unreachable {
        /// The address that was tried.
        url: String,
        /// What the browser said.
        why: String,
    },
    /// The server answered with an error status.
    Status {
        /// The address that was tried.
        url: String,
        /// The HTTP status.
        status: u16,
    },
    /// The server sent something that is not what was asked for: which part.
    Shape(String),
}

impl TeamMapError {
    /// The error in words, in the language shown.
    pub fn words(&self) -> String {
        match self {
            TeamMapError::Unreachable { url, why } => {
                tf(Msg::TeamUnreachable, &[Arg::Text(url), Arg::Text(why)])
            }
            TeamMapError::Status { url, status } => tf(
                Msg::TeamStatus,
                &[Arg::Text(url), Arg::Count(u64::from(*status))],
            ),
            TeamMapError::Shape(why) => tf(Msg::TeamNotAMap, &[Arg::Text(why)]),
        }
    }

    fn of(url: &str, failed: Failed) -> TeamMapError {
        match failed {
            Failed::Unreachable(why) => TeamMapError::Unreachable {
                url: url.to_owned(),
                why,
            },
            Failed::Status(status) => TeamMapError::Status {
                url: url.to_owned(),
                status,
            },
        }
    }
}

/// One published view, with the server's own text of it (exported as is).
#[derive(Debug, Clone)]
pub struct TeamView {
    /// The filter it was asked for.
    pub filter: AggregateFilter,
    /// The view.
    pub published: Published,
    /// The body exactly as the server sent it.
    pub json: String,
}

/// Two views are the same when they answer the same filter with the same
/// text: `published` is read from `json`.
impl PartialEq for TeamView {
    fn eq(&self, other: &TeamView) -> bool {
        self.filter == other.filter && self.json == other.json
    }
}

/// The address of `path` under the sync API with `filter` as its query;
/// `None` when the deployment has no sync server.
pub fn address(config: &Config, path: &str, filter: &AggregateFilter) -> Option<String> {
    let endpoint = config.sync_endpoint(path)?;
    let query = filter.to_query();
    Some(if query.is_empty() {
        endpoint
    } else {
        format!("{endpoint}?{query}")
    })
}

async fn get(url: &str) -> Result<String, TeamMapError> {
    fetch::text(url)
        .await
        .map_err(|failed| TeamMapError::of(url, failed))
}

/// Fetches the published view for `filter`; `None` when the deployment has no sync server.
pub async fn load_view(
    config: &Config,
    filter: AggregateFilter,
) -> Option<Result<TeamView, TeamMapError>> {
    let url = address(config, "aggregate", &filter)?;
    Some(fetch_view(url, filter).await)
}

async fn fetch_view(url: String, filter: AggregateFilter) -> Result<TeamView, TeamMapError> {
    let json = get(&url).await?;
    let published = fetch::parse(&json, read::published::<wasm_bindgen::JsValue>)
        .map_err(TeamMapError::Shape)?;
    Ok(TeamView {
        filter,
        published,
        json,
    })
}

/// Fetches what each filter value would show next to `filter`.
pub async fn load_choices(
    config: &Config,
    filter: &AggregateFilter,
) -> Result<Vec<FilterChoice>, TeamMapError> {
    let Some(url) = address(config, "aggregate/choices", filter) else {
        return Ok(Vec::new());
    };
    let json = get(&url).await?;
    fetch::parse(&json, read::choices::<wasm_bindgen::JsValue>).map_err(TeamMapError::Shape)
}

#[cfg(test)]
mod tests {
    use super::*;
    use candor_core::Period;

    #[test]
    fn views_are_asked_for_under_the_sync_api_with_their_filter() {
        let mut config = crate::read::config(&serde_json::json!({}));
        assert_eq!(
            address(&config, "aggregate", &AggregateFilter::default()),
            None
        );
        config.sync_url = Some("/api/v1/".into());
        assert_eq!(
            address(&config, "aggregate", &AggregateFilter::default()).as_deref(),
            Some("/api/v1/aggregate")
        );
        let filter = AggregateFilter {
            period: "2026-Q1".parse::<Period>().unwrap(),
            team: Some("web".into()),
            ..AggregateFilter::default()
        };
        assert_eq!(
            address(&config, "aggregate/choices", &filter).as_deref(),
            Some("/api/v1/aggregate/choices?period=2026-Q1&team=web")
        );
    }

    #[test]
    fn errors_are_said_in_words() {
        let unreachable =
            TeamMapError::of("/api/v1/aggregate", Failed::Unreachable("offline".into()));
        assert_eq!(
            unreachable.words(),
            "The team map could not be loaded: the aggregate could not be fetched from /api/v1/aggregate: offline."
        );
        assert_eq!(
            TeamMapError::of("/x", Failed::Status(502)).words(),
            "The team map could not be loaded: the aggregate was not found at /x (HTTP 502)."
        );
        assert_eq!(
            TeamMapError::Shape("k is missing".into()).words(),
            "The sync server's answer was not a team map (k is missing)."
        );
    }
}
