//! A batch of reports on its way to the sync server, and the server's answer (SPEC §4 `POST /reports`).
//!
//! The app sends `{"reports":[…]}`, and with credentials on (SPEC §6.10)
//! `{"reports":[…],"tokens":[…]}`, one token per report; the server checks
//! each report on its own, stores the valid ones, and answers
//! `{"accepted":n,"duplicates":n,"rejected":[{"index":i,"error":{…}}]}`.
//! Both documents are defined here once: written with derived `Serialize`,
//! read by the server through serde and by the app through the
//! hand-written [`BatchAnswer::from_json`] (a derived reader would add its
//! own code to the browser app, which has a size budget, SPEC §8).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::config::Config;
use crate::error_body::ServerError;
use crate::report::Report;
use crate::token::Token;
use crate::week::IsoWeek;

/// The most reports one batch may carry (SPEC §4).
pub const MAX_BATCH: usize = 500;

/// The body of `POST /reports`: `{"reports":[…]}`, at most [`MAX_BATCH`] reports.
///
/// `R` is how a report is held: a [`Report`] when written, and on the
/// server the report's raw JSON text, so that each report is checked by
/// [`check_reports`] exactly as sent (it rejects a field written twice,
/// which a parsed value could no longer show) and one bad report does not
/// refuse the batch. Unknown fields are refused.
///
/// With credentials (SPEC §6.10) the batch also carries `"tokens":[…]`:
/// `tokens[i]` is spent by `reports[i]`. `T` is how a token is held: a
/// [`Token`] when written, its raw JSON text on the server, so that one
/// malformed token refuses its own report only. Without tokens the field is
/// left out, and a server without credentials ignores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Batch<R = Report, T = Token> {
    /// The reports, in the (shuffled) order sent; answers refer to them by index.
    pub reports: Vec<R>,
    /// One token per report, in the same order, when the deployment asks for them.
    #[serde(default = "Vec::new", skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<T>,
}

impl<R> Batch<R> {
    /// A batch of these reports, without tokens.
    pub fn new(reports: Vec<R>) -> Batch<R> {
        Batch {
            reports,
            tokens: Vec::new(),
        }
    }
}

/// One report the server refused, by its index in the batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RejectedIndex {
    /// Its position in `reports`, from 0.
    pub index: usize,
    /// Why, with the field at fault.
    pub error: ServerError,
}

/// The server's answer to `POST /reports` (SPEC §4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BatchAnswer {
    /// Reports stored by this request.
    pub accepted: u64,
    /// Reports whose id was stored before: a retry, counted once.
    pub duplicates: u64,
    /// Reports refused, by their index in the batch, each with the rule it broke.
    pub rejected: Vec<RejectedIndex>,
}

impl BatchAnswer {
    /// Reads the answer's JSON; `None` when it is not that shape.
    pub fn from_json(body: &str) -> Option<BatchAnswer> {
        let value: Value = serde_json::from_str(body).ok()?;
        let rejected = match value.get("rejected") {
            None => Vec::new(),
            Some(list) => list
                .as_array()?
                .iter()
                .map(|entry| {
                    Some(RejectedIndex {
                        index: usize::try_from(entry.get("index")?.as_u64()?).ok()?,
                        error: ServerError::from_value(entry.get("error")?)?,
                    })
                })
                .collect::<Option<Vec<_>>>()?,
        };
        Some(BatchAnswer {
            accepted: value.get("accepted")?.as_u64()?,
            duplicates: value.get("duplicates")?.as_u64()?,
            rejected,
        })
    }
}

/// Checks each report of a batch, given as its JSON text, on its own: every
/// rule of SPEC §2, this config, and not later than `current_week`.
///
/// Returns the valid reports and the refused ones by index; one bad report
/// does not hold back the others.
pub fn check_reports<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    config: &Config,
    current_week: IsoWeek,
) -> (Vec<Report>, Vec<RejectedIndex>) {
    let mut valid = Vec::new();
    let mut rejected = Vec::new();
    for (index, text) in texts.into_iter().enumerate() {
        let checked = Report::from_json(text).and_then(|report| {
            report.check_against(config)?;
            report.check_not_in_future(current_week)?;
            Ok(report)
        });
        match checked {
            Ok(report) => valid.push(report),
            Err(err) => rejected.push(RejectedIndex {
                index,
                error: ServerError::from(&err),
            }),
        }
    }
    (valid, rejected)
}

#[cfg(feature = "openapi")]
mod schema {
    use std::borrow::Cow;

    use utoipa::openapi::schema::{AdditionalProperties, ArrayBuilder, ObjectBuilder, Schema};
    use utoipa::openapi::{Ref, RefOr};
    use utoipa::{PartialSchema, ToSchema};

    use super::{Batch, MAX_BATCH};
    use crate::report::Report;
    use crate::token::Token;

    /// The request body as the OpenAPI document shows it: `{"reports":[Report…],"tokens":[Token…]}`.
    impl PartialSchema for Batch {
        fn schema() -> RefOr<Schema> {
            ObjectBuilder::new()
                .description(Some(
                    "A batch of reports; each is checked on its own, and refused ones are \
                     listed by index in the answer.",
                ))
                .property(
                    "reports",
                    ArrayBuilder::new()
                        .items(Ref::from_schema_name(Report::name()))
                        .max_items(Some(MAX_BATCH))
                        .description(Some(format!("The reports, at most {MAX_BATCH}."))),
                )
                .property(
                    "tokens",
                    ArrayBuilder::new()
                        .items(Ref::from_schema_name(Token::name()))
                        .max_items(Some(MAX_BATCH))
                        .description(Some(
                            "With credentials configured (SPEC §6.10): one token per report, \
                             tokens[i] spent by reports[i]. Left out otherwise.",
                        )),
                )
                .required("reports")
                .additional_properties(Some(AdditionalProperties::FreeForm(false)))
                .into()
        }
    }

    impl ToSchema for Batch {
        fn name() -> Cow<'static, str> {
            Cow::Borrowed("Batch")
        }

        fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
            schemas.push((Report::name().into(), Report::schema()));
            schemas.push((Token::name().into(), Token::schema()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::from_json(r#"{"tasks":[{"id":"docs","label":"Docs"}],"tools":[]}"#).unwrap()
    }

    fn report_text(task: &str) -> String {
        format!(
            r#"{{"v":1,"id":"0123456789abcdef0123456789abcdef","week":"2026-W07","task":"{task}","tool":"none","outcome":1}}"#
        )
    }

    #[test]
    fn a_batch_is_written_as_the_server_reads_it() {
        let report = Report::from_json(&report_text("docs")).unwrap();
        let text = serde_json::to_string(&Batch::new(vec![report.clone()])).unwrap();
        assert_eq!(text, format!(r#"{{"reports":[{}]}}"#, report_text("docs")));
        let read: Batch = serde_json::from_str(&text).unwrap();
        assert_eq!(read.reports, vec![report]);
        let unknown = serde_json::from_str::<Batch>(r#"{"reports":[],"extra":1}"#);
        assert!(unknown.unwrap_err().to_string().contains("unknown field"));
    }

    #[test]
    fn each_report_is_checked_on_its_own_and_refused_by_index() {
        let week: IsoWeek = "2026-W08".parse().unwrap();
        let texts = [
            report_text("docs"),
            report_text("unknown"),
            "[]".to_owned(),
            report_text("docs").replace("\"v\":1,", "\"v\":1,\"v\":1,"),
        ];
        let (valid, rejected) = check_reports(texts.iter().map(String::as_str), &config(), week);
        assert_eq!(valid.len(), 1);
        let codes: Vec<(usize, &str)> = rejected
            .iter()
            .map(|r| (r.index, r.error.code.as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                (1, "unknown_task"),
                (2, "not_an_object"),
                (3, "malformed_json")
            ]
        );
        let early: IsoWeek = "2026-W06".parse().unwrap();
        let (_, late) = check_reports([report_text("docs").as_str()], &config(), early);
        assert_eq!(late[0].error.code, "week_in_future");
    }

    #[test]
    fn the_answer_reads_back_what_it_writes() {
        let answer = BatchAnswer {
            accepted: 2,
            duplicates: 1,
            rejected: vec![RejectedIndex {
                index: 3,
                error: ServerError {
                    code: "unknown_task".into(),
                    message: "task: is not a task".into(),
                    field: Some("task".into()),
                },
            }],
        };
        let text = serde_json::to_string(&answer).unwrap();
        assert_eq!(BatchAnswer::from_json(&text), Some(answer));
        assert_eq!(BatchAnswer::from_json(r#"{"accepted":1}"#), None);
    }
}
