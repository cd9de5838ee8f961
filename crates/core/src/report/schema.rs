//! The report as the OpenAPI document describes it, from the same constants
//! and answer lists the reader checks, so the two cannot drift apart.

use std::borrow::Cow;

use utoipa::openapi::schema::{
    AdditionalProperties, ArrayBuilder, ObjectBuilder, Schema, SchemaType, Type,
};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

use super::{
    Arm, Complexity, Effort, Reason, Report, ReportId, FIELDS, FORMAT_VERSION, MAX_REASONS,
    MINUTE_BUCKETS, OUTCOME_MAX, OUTCOME_MIN, PILOT_FIELDS, PILOT_FORMAT_VERSION,
};
use crate::ids::IDENTIFIER_PATTERN;
use crate::week::IsoWeek;

/// The required fields: the first of [`FIELDS`], which lists them first.
const REQUIRED: usize = 6;

fn text(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(SchemaType::Type(Type::String))
        .description(Some(description))
}

fn one_of(description: &str, ids: impl IntoIterator<Item = &'static str>) -> ObjectBuilder {
    text(description).enum_values(Some(ids))
}

fn integer(description: &str, min: i64, max: i64) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(SchemaType::Type(Type::Integer))
        .minimum(Some(min as f64))
        .maximum(Some(max as f64))
        .description(Some(description))
}

fn minutes(description: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(SchemaType::Type(Type::Integer))
        .enum_values(Some(MINUTE_BUCKETS))
        .description(Some(description))
        .into()
}

fn field(name: &str) -> RefOr<Schema> {
    match name {
        "v" => integer(
            "Format version: 1, or 2 for a report with the pilot fields.",
            FORMAT_VERSION as i64,
            PILOT_FORMAT_VERSION as i64,
        )
        .into(),
        "id" => text("32 lowercase hex characters, random per report; only for retries.")
            .pattern(Some(ReportId::PATTERN))
            .into(),
        "week" => text("ISO week, e.g. 2026-W07; not later than the server's current week.")
            .pattern(Some(IsoWeek::PATTERN))
            .examples(["2026-W07"])
            .into(),
        "task" => text("A task id from the config.")
            .pattern(Some(IDENTIFIER_PATTERN))
            .into(),
        "tool" => text("A tool id from the config, or `none`.")
            .pattern(Some(IDENTIFIER_PATTERN))
            .into(),
        "outcome" => integer(
            "−2 much worse … 2 helped a lot.",
            i64::from(OUTCOME_MIN),
            i64::from(OUTCOME_MAX),
        )
        .into(),
        "effort" => one_of(
            "Effort spent checking and fixing the output.",
            Effort::ALL.map(|effort| effort.as_str()),
        )
        .into(),
        "mandated" => ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::Boolean))
            .description(Some("Used because told to."))
            .into(),
        "complexity" => one_of(
            "How hard the task was.",
            Complexity::ALL.map(|complexity| complexity.as_str()),
        )
        .into(),
        "team" => text("A team id from the config.")
            .pattern(Some(IDENTIFIER_PATTERN))
            .into(),
        "reasons" => ArrayBuilder::new()
            .items(one_of(
                "Why it did not help.",
                Reason::ALL.map(|reason| reason.as_str()),
            ))
            .max_items(Some(MAX_REASONS))
            .unique_items(true)
            .description(Some("Only with a negative outcome."))
            .into(),
        "pilot" => text("v2: a pilot id from the config (SPEC §10).")
            .pattern(Some(IDENTIFIER_PATTERN))
            .into(),
        "arm" => one_of(
            "v2: what the device's coin said; exactly in a randomized pilot.",
            Arm::ALL.map(Arm::id),
        )
        .into(),
        "forecast" => minutes("v2, with `pilot`: the minutes expected, said before starting."),
        "actual" => minutes("v2, with `pilot`: the minutes it took."),
        other => unreachable!("the report field `{other}` has no schema"),
    }
}

/// A report (SPEC §2); unknown fields are refused, and `null` is not "absent".
impl PartialSchema for Report {
    fn schema() -> RefOr<Schema> {
        let mut object = ObjectBuilder::new()
            .description(Some(
                "A report (SPEC §2): one task on which AI could have been used. \
                 Unknown fields are refused. Version 2 adds the pilot fields (SPEC §10): \
                 `pilot` brings `forecast` and `actual`, and `arm` in a randomized pilot.",
            ))
            .additional_properties(Some(AdditionalProperties::FreeForm(false)));
        for (at, name) in FIELDS.into_iter().chain(PILOT_FIELDS).enumerate() {
            object = object.property(name, field(name));
            if at < REQUIRED {
                object = object.required(name);
            }
        }
        object.into()
    }
}

impl ToSchema for Report {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Report")
    }
}
