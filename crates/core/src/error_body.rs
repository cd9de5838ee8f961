//! The error body of the sync API (SPEC §4): `{"error":{"code","message","field"?}}`.
//!
//! Every 4xx answer carries it, and every report refused inside a batch
//! answer carries its inner [`ServerError`]. The server writes it with the
//! derived `Serialize`; the app reads it with the hand-written readers here
//! (a derived reader would add its own code to the browser app, which has a
//! size budget, SPEC §8).

use serde::Serialize;
use serde_json::Value;

use crate::report::ReportError;

/// What went wrong: a stable code, words for people, and the field at fault.
///
/// The server sends it for a refused request or a refused report; the app
/// keeps it beside a refused report and shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServerError {
    /// A stable snake_case code, e.g. `unknown_task` or `malformed_json`.
    pub code: String,
    /// Plain words saying what to change.
    pub message: String,
    /// The field or parameter at fault, e.g. `outcome` or `reasons[1]`; absent when none is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// The body of every error answer: `{"error":{…}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ServerError,
}

fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key)?.as_str().map(str::to_string)
}

impl ServerError {
    /// Reads `{"code","message","field"?}`.
    pub fn from_value(value: &Value) -> Option<ServerError> {
        Some(ServerError {
            code: text(value, "code")?,
            message: text(value, "message")?,
            field: text(value, "field"),
        })
    }

    /// Reads the body of an error response, `{"error":{…}}`.
    pub fn from_response(body: &str) -> Option<ServerError> {
        let value: Value = serde_json::from_str(body).ok()?;
        ServerError::from_value(value.get("error")?)
    }
}

impl From<&ReportError> for ServerError {
    /// A report's broken rule as the API tells it: the rule's code, its words, the field.
    fn from(err: &ReportError) -> ServerError {
        ServerError {
            code: err.code().to_owned(),
            message: err.to_string(),
            field: (!err.field.is_empty()).then(|| err.field.clone()),
        }
    }
}

impl From<ServerError> for ErrorBody {
    fn from(error: ServerError) -> ErrorBody {
        ErrorBody { error }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Rule;

    #[test]
    fn the_body_reads_back_what_it_writes_and_leaves_out_a_missing_field() {
        let body = ErrorBody::from(ServerError {
            code: "bad_batch".into(),
            message: "the body must be {\"reports\":[…]}".into(),
            field: None,
        });
        let text = serde_json::to_string(&body).unwrap();
        assert_eq!(
            text,
            r#"{"error":{"code":"bad_batch","message":"the body must be {\"reports\":[…]}"}}"#
        );
        assert_eq!(ServerError::from_response(&text), Some(body.error));
        assert_eq!(ServerError::from_response("<html>proxy error</html>"), None);
    }

    #[test]
    fn a_broken_rule_names_its_field_only_when_there_is_one() {
        let at_outcome = ServerError::from(&ReportError::new(
            "outcome",
            Rule::OutOfRange { min: -2, max: 2 },
        ));
        assert_eq!(at_outcome.code, "out_of_range");
        assert_eq!(at_outcome.field.as_deref(), Some("outcome"));
        assert!(at_outcome.message.starts_with("outcome: "));
        let whole = ServerError::from(&ReportError::new("", Rule::NotAnObject));
        assert_eq!(whole.field, None);
    }
}
