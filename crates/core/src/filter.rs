//! Which reports a shared view counts (SPEC §4 `GET /aggregate` filters, §5.1 choices).
//!
//! An [`AggregateFilter`] is read strictly from a query string, so a typo
//! is an error rather than a silently wider view. [`Dimension`] names the
//! five ways a view is narrowed, and how views nest; [`Choices`] is the
//! document of `GET /aggregate/choices`: every value each filter could take
//! next, and whether its view would be shown.

use std::fmt::Write as _;

use crate::ids::is_identifier;
use crate::report::{Complexity, Effort};
use crate::week::Period;

/// Which reports a view counts: `GET /aggregate?period=…&team=…&complexity=…&mandated=…&effort=…`.
///
/// A filter on an optional field counts only reports that answered it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AggregateFilter {
    /// The weeks counted, judged by each week's Thursday.
    pub period: Period,
    /// Only this team.
    pub team: Option<String>,
    /// Only routine or only complex tasks.
    pub complexity: Option<Complexity>,
    /// Only use that was (or was not) mandated.
    pub mandated: Option<bool>,
    /// Only this much checking effort.
    pub effort: Option<Effort>,
}

impl Default for AggregateFilter {
    fn default() -> AggregateFilter {
        AggregateFilter {
            period: Period::All,
            team: None,
            complexity: None,
            mandated: None,
            effort: None,
        }
    }
}

/// The filter parameters, in the order [`AggregateFilter::to_query`] writes them.
pub const FILTER_PARAMETERS: [&str; 5] = ["period", "team", "complexity", "mandated", "effort"];

/// Why a query string is not an [`AggregateFilter`]; each names the parameter to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    /// The parameter is not a filter (a typo must not silently widen the view).
    #[error(
        "`{0}` is not a filter; the filters are period, team, complexity, mandated and effort"
    )]
    Unknown(String),
    /// The parameter is given twice.
    #[error("`{0}` is given more than once; give each filter at most once")]
    Repeated(String),
    /// The value is not one the parameter takes.
    #[error("`{parameter}` {problem}")]
    Invalid {
        /// The parameter, e.g. `period`.
        parameter: &'static str,
        /// What it must be, e.g. "must be one of: low, medium, high".
        problem: String,
    },
}

impl FilterError {
    /// The query parameter at fault.
    pub fn parameter(&self) -> &str {
        match self {
            FilterError::Unknown(name) | FilterError::Repeated(name) => name,
            FilterError::Invalid { parameter, .. } => parameter,
        }
    }

    /// The stable snake_case code, as the HTTP API returns it.
    pub fn code(&self) -> &'static str {
        match self {
            FilterError::Unknown(_) => "unknown_parameter",
            FilterError::Repeated(_) => "repeated_parameter",
            FilterError::Invalid { .. } => "bad_parameter",
        }
    }
}

fn invalid(parameter: &'static str, problem: impl Into<String>) -> FilterError {
    FilterError::Invalid {
        parameter,
        problem: problem.into(),
    }
}

impl AggregateFilter {
    /// Reads a filter from decoded query pairs; every parameter is optional.
    ///
    /// Strict on purpose: an unknown, repeated or empty parameter is an
    /// error rather than ignored, because a silently wider view is a wrong
    /// number. Leave a parameter out to count every answer.
    pub fn from_query<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Result<AggregateFilter, FilterError> {
        let mut filter = AggregateFilter::default();
        let mut given = [false; FILTER_PARAMETERS.len()];
        for (name, value) in pairs {
            let (name, value) = (name.as_ref(), value.as_ref());
            let Some(slot) = FILTER_PARAMETERS.iter().position(|p| *p == name) else {
                return Err(FilterError::Unknown(name.to_owned()));
            };
            if std::mem::replace(&mut given[slot], true) {
                return Err(FilterError::Repeated(name.to_owned()));
            }
            let parameter = FILTER_PARAMETERS[slot];
            if value.is_empty() {
                return Err(invalid(
                    parameter,
                    "is empty; leave it out to count every answer",
                ));
            }
            match parameter {
                "period" => {
                    filter.period = value
                        .parse()
                        .map_err(|err| invalid(parameter, format!("{err} (got “{value}”)")))?;
                }
                "team" if is_identifier(value) => filter.team = Some(value.to_owned()),
                "team" => {
                    return Err(invalid(
                        parameter,
                        "must be a team id from candor.json, e.g. payments",
                    ))
                }
                "complexity" => {
                    filter.complexity =
                        Some(Complexity::parse(value).ok_or_else(|| {
                            invalid(parameter, "must be one of: routine, complex")
                        })?);
                }
                "mandated" => {
                    filter.mandated = Some(match value {
                        "true" => true,
                        "false" => false,
                        _ => return Err(invalid(parameter, "must be true or false")),
                    });
                }
                _ => {
                    filter.effort =
                        Some(Effort::parse(value).ok_or_else(|| {
                            invalid(parameter, "must be one of: low, medium, high")
                        })?);
                }
            }
        }
        Ok(filter)
    }

    /// The query string for this filter, without `?`; empty for the default (everything).
    ///
    /// Every value is an id or a period, so nothing needs percent-encoding.
    pub fn to_query(&self) -> String {
        let mut query = String::new();
        let mut add = |name: &str, value: &dyn std::fmt::Display| {
            let sep = if query.is_empty() { "" } else { "&" };
            // Writing to a String cannot fail.
            let _ = write!(query, "{sep}{name}={value}");
        };
        if self.period != Period::All {
            add("period", &self.period);
        }
        if let Some(team) = &self.team {
            add("team", team);
        }
        if let Some(complexity) = self.complexity {
            add("complexity", &complexity);
        }
        if let Some(mandated) = self.mandated {
            add("mandated", &mandated);
        }
        if let Some(effort) = self.effort {
            add("effort", &effort);
        }
        query
    }
}

impl std::str::FromStr for AggregateFilter {
    type Err = FilterError;

    /// Reads what [`AggregateFilter::to_query`] writes (`period=2026-Q1&team=pay`,
    /// no `?`, nothing percent-encoded), with the rules of [`AggregateFilter::from_query`].
    fn from_str(query: &str) -> Result<AggregateFilter, FilterError> {
        AggregateFilter::from_query(
            query
                .split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| pair.split_once('=').unwrap_or((pair, ""))),
        )
    }
}

/// One of the five ways a view is narrowed; on the wire, its query parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Dimension {
    /// `period`: all, a quarter, a month.
    Period,
    /// `team`.
    Team,
    /// `complexity`.
    Complexity,
    /// `mandated`.
    Mandated,
    /// `effort`.
    Effort,
}

impl Dimension {
    /// Every dimension, in the order of [`crate::FILTER_PARAMETERS`].
    pub const ALL: [Dimension; 5] = [
        Dimension::Period,
        Dimension::Team,
        Dimension::Complexity,
        Dimension::Mandated,
        Dimension::Effort,
    ];

    /// The query parameter that narrows along this dimension.
    pub fn parameter(self) -> &'static str {
        match self {
            Dimension::Period => "period",
            Dimension::Team => "team",
            Dimension::Complexity => "complexity",
            Dimension::Mandated => "mandated",
            Dimension::Effort => "effort",
        }
    }

    /// The dimension a query parameter narrows; `None` for any other word.
    pub fn from_parameter(parameter: &str) -> Option<Dimension> {
        Dimension::ALL
            .into_iter()
            .find(|dim| dim.parameter() == parameter)
    }
}

impl AggregateFilter {
    /// Whether the server publishes this view: the period with at most one
    /// of team, complexity, mandated or effort (SPEC §5.2). More views at
    /// once, solved together as linear equations, would let small groups be
    /// worked out; see the core's `release` module.
    pub fn is_published(&self) -> bool {
        self.narrowed()
            .iter()
            .filter(|dim| **dim != Dimension::Period)
            .count()
            <= 1
    }

    /// This filter with `dimension` set to `value` (as choices and query
    /// strings write it), or left out for `None`; `None` when `value` is not
    /// a value of that filter. Choosing a team, complexity, mandated answer
    /// or effort drops the other three, so the result is always a view the
    /// server publishes when this one is ([`AggregateFilter::is_published`]).
    pub fn with_choice(
        &self,
        dimension: Dimension,
        value: Option<&str>,
    ) -> Option<AggregateFilter> {
        let mut next = self.clone();
        if value.is_some() && dimension != Dimension::Period {
            next = AggregateFilter {
                period: self.period,
                ..AggregateFilter::default()
            };
        }
        match dimension {
            Dimension::Period => next.period = value.map_or(Ok(Period::All), str::parse).ok()?,
            Dimension::Team => {
                next.team = match value {
                    Some(team) if !is_identifier(team) => return None,
                    team => team.map(str::to_string),
                }
            }
            Dimension::Complexity => {
                next.complexity = match value {
                    Some(level) => Some(Complexity::parse(level)?),
                    None => None,
                }
            }
            Dimension::Mandated => {
                next.mandated = match value {
                    Some("true") => Some(true),
                    Some("false") => Some(false),
                    Some(_) => return None,
                    None => None,
                }
            }
            Dimension::Effort => {
                next.effort = match value {
                    Some(level) => Some(Effort::parse(level)?),
                    None => None,
                }
            }
        }
        Some(next)
    }

    /// The dimensions this filter narrows.
    pub fn narrowed(&self) -> Vec<Dimension> {
        Dimension::ALL
            .into_iter()
            .filter(|dim| self.widened(*dim).is_some())
            .collect()
    }

    /// The view one step wider along `dim` (a month's quarter, a quarter's
    /// `all`, any other filter dropped); `None` when `dim` is not narrowed.
    pub fn widened(&self, dim: Dimension) -> Option<AggregateFilter> {
        let narrowed = match dim {
            Dimension::Period => self.period != Period::All,
            Dimension::Team => self.team.is_some(),
            Dimension::Complexity => self.complexity.is_some(),
            Dimension::Mandated => self.mandated.is_some(),
            Dimension::Effort => self.effort.is_some(),
        };
        if !narrowed {
            return None;
        }
        let mut wider = self.clone();
        match dim {
            Dimension::Period => wider.period = self.period.wider()?,
            Dimension::Team => wider.team = None,
            Dimension::Complexity => wider.complexity = None,
            Dimension::Mandated => wider.mandated = None,
            Dimension::Effort => wider.effort = None,
        }
        Some(wider)
    }

    /// Whether every report this view counts is also counted by `wider`.
    pub fn is_within(&self, wider: &AggregateFilter) -> bool {
        let period = wider.period == Period::All
            || wider.period == self.period
            || self.period.wider() == Some(wider.period);
        period
            && (wider.team.is_none() || wider.team == self.team)
            && (wider.complexity.is_none() || wider.complexity == self.complexity)
            && (wider.mandated.is_none() || wider.mandated == self.mandated)
            && (wider.effort.is_none() || wider.effort == self.effort)
    }

    /// This view and every view that contains it, widest first.
    pub fn ancestors(&self) -> Vec<AggregateFilter> {
        let mut periods = vec![self.period];
        while let Some(wider) = periods.last().and_then(Period::wider) {
            periods.push(wider);
        }
        let mut views = Vec::new();
        for period in periods {
            let base = AggregateFilter {
                period,
                ..self.clone()
            };
            let others: Vec<Dimension> = base
                .narrowed()
                .into_iter()
                .filter(|dim| *dim != Dimension::Period)
                .collect();
            for mask in 0u32..(1 << others.len()) {
                let mut view = base.clone();
                for (bit, dim) in others.iter().enumerate() {
                    if mask & (1 << bit) != 0 {
                        view = view.widened(*dim).expect("narrowed along dim");
                    }
                }
                views.push(view);
            }
        }
        views.sort_by_key(steps);
        views
    }
}

/// How many single widening steps lead from this view to `all` with no filters.
fn steps(view: &AggregateFilter) -> usize {
    let period = match view.period {
        Period::All => 0,
        Period::Quarter { .. } => 1,
        Period::Month { .. } => 2,
    };
    period + view.narrowed().len() - usize::from(view.period != Period::All)
}

/// Whether one choice of a filter would show a view, or why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ChoiceState {
    /// The view's total is shown.
    Shown,
    /// No reports in closed weeks fall in the view.
    Empty,
    /// The view's total is hidden: fewer than k reports, or a wider view minus it would be.
    Hidden,
}

impl ChoiceState {
    /// The word the API uses.
    pub fn as_str(self) -> &'static str {
        match self {
            ChoiceState::Shown => "shown",
            ChoiceState::Empty => "empty",
            ChoiceState::Hidden => "hidden",
        }
    }

    /// Reads the word the API uses; `None` for any other.
    pub fn from_word(word: &str) -> Option<ChoiceState> {
        [ChoiceState::Shown, ChoiceState::Empty, ChoiceState::Hidden]
            .into_iter()
            .find(|state| state.as_str() == word)
    }
}

/// One value a filter could take next, with the current other filters kept.
///
/// On the wire (`GET /aggregate/choices`): `{"filter":"team","value":"web","state":"shown"}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FilterChoice {
    /// Which filter, as its query parameter.
    #[serde(rename = "filter")]
    pub dimension: Dimension,
    /// Its value as a query parameter would give it; `None` leaves the filter out.
    pub value: Option<String>,
    /// What choosing it would show.
    pub state: ChoiceState,
}

/// The answer of `GET /aggregate/choices`: every value each filter could take next.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Choices {
    /// One entry per filter value; `value: null` leaves that filter out.
    pub filters: Vec<FilterChoice>,
}

impl Choices {
    /// Reads the document by hand over `serde_json::Value` (a derived reader
    /// would add its own code to the browser app, which has a size budget,
    /// SPEC §8). Entries for filters or states this build does not know are
    /// skipped, so a newer server does not break an older app.
    pub fn from_json(text: &str) -> Result<Choices, String> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|err| err.to_string())?;
        let list = value
            .get("filters")
            .and_then(|filters| filters.as_array())
            .ok_or("filters is not a list")?;
        let filters = list
            .iter()
            .filter_map(|choice| {
                Some(FilterChoice {
                    dimension: Dimension::from_parameter(choice.get("filter")?.as_str()?)?,
                    value: choice
                        .get("value")
                        .and_then(|value| value.as_str())
                        .map(str::to_string),
                    state: ChoiceState::from_word(choice.get("state")?.as_str()?)?,
                })
            })
            .collect();
        Ok(Choices { filters })
    }
}

/// The filters as the OpenAPI document describes them: query parameters, each optional.
///
/// The handlers read the raw query with [`AggregateFilter::from_query`]
/// (strict: unknown or repeated parameters are errors); this describes the
/// same parameters, in the same order, from the same constants and answer lists.
#[cfg(feature = "openapi")]
impl utoipa::IntoParams for AggregateFilter {
    fn into_params(
        parameter_in_provider: impl Fn() -> Option<utoipa::openapi::path::ParameterIn>,
    ) -> Vec<utoipa::openapi::path::Parameter> {
        use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
        use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
        use utoipa::openapi::Required;

        let text = || ObjectBuilder::new().schema_type(SchemaType::Type(Type::String));
        let words = |ids: Vec<&'static str>| text().enum_values(Some(ids));
        FILTER_PARAMETERS
            .into_iter()
            .map(|name| {
                let (description, schema) = match name {
                    "period" => (
                        "`all` (default), a month `2026-03` or a quarter `2026-Q1`; weeks belong to the month of their Thursday.",
                        text().pattern(Some(Period::PATTERN)),
                    ),
                    "team" => (
                        "Only reports that name this team id.",
                        text().pattern(Some(crate::ids::IDENTIFIER_PATTERN)),
                    ),
                    "complexity" => (
                        "`routine` or `complex`.",
                        words(Complexity::ALL.map(|c| c.as_str()).to_vec()),
                    ),
                    "mandated" => (
                        "`true` or `false`: only reports that answered so.",
                        ObjectBuilder::new().schema_type(SchemaType::Type(Type::Boolean)),
                    ),
                    "effort" => (
                        "`low`, `medium` or `high`.",
                        words(Effort::ALL.map(|e| e.as_str()).to_vec()),
                    ),
                    other => unreachable!("the filter `{other}` has no description"),
                };
                ParameterBuilder::new()
                    .name(name)
                    .parameter_in(parameter_in_provider().unwrap_or(ParameterIn::Query))
                    .required(Required::False)
                    .description(Some(description))
                    .schema(Some(schema))
                    .build()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_read_back_what_they_write() {
        let choices = Choices {
            filters: vec![
                FilterChoice {
                    dimension: Dimension::Team,
                    value: Some("web".into()),
                    state: ChoiceState::Hidden,
                },
                FilterChoice {
                    dimension: Dimension::Period,
                    value: None,
                    state: ChoiceState::Shown,
                },
            ],
        };
        let text = serde_json::to_string(&choices).unwrap();
        assert_eq!(
            text,
            r#"{"filters":[{"filter":"team","value":"web","state":"hidden"},{"filter":"period","value":null,"state":"shown"}]}"#
        );
        assert_eq!(Choices::from_json(&text).unwrap(), choices);
    }

    #[test]
    fn unknown_filters_and_states_are_skipped_and_a_wrong_shape_is_an_error() {
        let text = r#"{"filters":[{"filter":"mood","value":null,"state":"shown"},
            {"filter":"team","value":null,"state":"sparkly"},
            {"filter":"effort","value":"low","state":"empty"}]}"#;
        let read = Choices::from_json(text).unwrap();
        assert_eq!(read.filters.len(), 1);
        assert_eq!(read.filters[0].dimension, Dimension::Effort);
        assert!(Choices::from_json(r#"{"filters":5}"#).is_err());
        assert!(Choices::from_json("[").is_err());
    }
}
