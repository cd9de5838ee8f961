//! The team map's documents from the sync server: published views and filter choices.
//!
//! Every number here was published by the server under SPEC §5; the app
//! never computes a shared count itself.

use candor_core::{AggregateFilter, Choices, Config, FilterChoice, Published};

use crate::store::fetch::{get_text, FetchError};

/// Why part of the team map could not be shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TeamMapError {
    /// A document could not be fetched.
    #[error("The team map could not be loaded: the aggregate {0}.")]
    Fetch(#[from] FetchError),
    /// The server sent something that is not what was asked for.
    #[error("The sync server's answer was not a team map ({0}).")]
    Shape(String),
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
/// text: `published` is read from `json`. Written out, the derived
/// comparison of every cell measured 0.4 KB of the main transfer (SPEC §8).
impl PartialEq for TeamView {
    fn eq(&self, other: &TeamView) -> bool {
        self.filter == other.filter && self.json == other.json
    }
}

fn address(config: &Config, path: &str, filter: &AggregateFilter) -> Option<String> {
    let endpoint = config.sync_endpoint(path)?;
    let query = filter.to_query();
    Some(if query.is_empty() {
        endpoint
    } else {
        format!("{endpoint}?{query}")
    })
}

fn parse(text: &str) -> Result<serde_json::Value, TeamMapError> {
    serde_json::from_str(text).map_err(|error| TeamMapError::Shape(error.to_string()))
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
    let json = get_text(&url).await?;
    let published = Published::from_value(&parse(&json)?).map_err(TeamMapError::Shape)?;
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
    let choices = Choices::from_json(&get_text(&url).await?).map_err(TeamMapError::Shape)?;
    Ok(choices.filters)
}
