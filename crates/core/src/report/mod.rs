//! The report: one task on which an employee could have used AI (SPEC §2).
//!
//! The wire format is checked here and nowhere else. `Deserialize` goes
//! through [`Report::from_value`], so serde and the validator cannot disagree,
//! and every rejection names the field and the rule it broke.

use std::fmt;

use serde::de;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use crate::ids::{is_identifier, MAX_IDENTIFIER_LEN, NO_AI};
use crate::week::{IsoWeek, WeekError};

mod answers;
mod read;
#[cfg(feature = "openapi")]
mod schema;

pub use answers::{
    is_bucket, Arm, Complexity, Effort, Reason, MINUTE_BUCKETS, MINUTE_BUCKETS_TEXT,
};

/// The report format version of a report in no pilot (SPEC §2).
pub const FORMAT_VERSION: u64 = 1;

/// The report format version that adds the pilot fields (SPEC §2, §10).
pub const PILOT_FORMAT_VERSION: u64 = 2;

/// The worst outcome: made it much worse.
pub const OUTCOME_MIN: i8 = -2;

/// The best outcome: helped a lot.
pub const OUTCOME_MAX: i8 = 2;

/// The most reasons a report may give.
pub const MAX_REASONS: usize = 3;

/// The fields a v1 report may have, in the order they are written: the six required ones first.
const FIELDS: [&str; 11] = [
    "v",
    "id",
    "week",
    "task",
    "tool",
    "outcome",
    "effort",
    "mandated",
    "complexity",
    "team",
    "reasons",
];

/// The fields report v2 adds, in the order they are written (SPEC §10).
const PILOT_FIELDS: [&str; 4] = ["pilot", "arm", "forecast", "actual"];

/// 128 random bits as 32 lowercase hex chars; for idempotent retries only.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReportId(String);

impl ReportId {
    /// The shape [`ReportId::parse`] accepts, as a regular expression (the OpenAPI document shows it).
    pub const PATTERN: &'static str = "^[0-9a-f]{32}$";

    /// The id for 16 bytes, which the caller draws from a secure random source.
    pub fn from_bytes(bytes: [u8; 16]) -> ReportId {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut text = String::with_capacity(32);
        for byte in bytes {
            text.push(char::from(HEX[usize::from(byte >> 4)]));
            text.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
        ReportId(text)
    }

    /// The id written in `s`, if it is exactly 32 lowercase hex characters.
    pub fn parse(s: &str) -> Option<ReportId> {
        let well_formed = s.len() == 32
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        well_formed.then(|| ReportId(s.to_owned()))
    }

    /// The 32 hex characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ReportId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for ReportId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ReportId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ReportId, D::Error> {
        let text = String::deserialize(deserializer)?;
        ReportId::parse(&text).ok_or_else(|| de::Error::custom(Rule::BadId))
    }
}

/// Outcome words for -2..=2, index 0 = -2.
pub const OUTCOME_LABELS: [&str; 5] = [
    "Much worse",
    "Slowed me",
    "No difference",
    "Helped",
    "Helped a lot",
];

/// The words for an outcome; values outside -2..=2 get the nearest end's words.
pub fn outcome_label(outcome: i8) -> &'static str {
    OUTCOME_LABELS[outcome_index(outcome)]
}

/// The index of `outcome` in [`OUTCOME_LABELS`] and in outcome counts.
pub(crate) fn outcome_index(outcome: i8) -> usize {
    // Clamped rather than panicking: a Report's fields are public, and a
    // chart label is not the place to crash on one built wrongly in code.
    usize::try_from(outcome.clamp(OUTCOME_MIN, OUTCOME_MAX) - OUTCOME_MIN)
        .expect("clamped to 0..=4")
}

/// One report, as filed by an employee (SPEC §2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Random per report; used only to drop a re-sent copy.
    pub id: ReportId,
    /// The week the task was done in.
    pub week: IsoWeek,
    /// The kind of task, an id from the config's `tasks`.
    pub task: String,
    /// The AI tool used, an id from the config's `tools`, or [`NO_AI`].
    pub tool: String,
    /// Net effect, -2 (much worse) to 2 (helped a lot).
    pub outcome: i8,
    /// Effort spent checking and fixing the output, if given.
    pub effort: Option<Effort>,
    /// Whether the tool was used because someone said so, if given.
    pub mandated: Option<bool>,
    /// How hard the task was, if given.
    pub complexity: Option<Complexity>,
    /// The team, an id from the config's `teams`, if given.
    pub team: Option<String>,
    /// Why it did not help; only with a negative outcome, at most [`MAX_REASONS`].
    pub reasons: Vec<Reason>,
    /// The pilot the task was part of, with its arm and times (report v2); `None` in v1.
    pub pilot: Option<PilotReport>,
}

/// The part of a report (v2) that belongs to a pilot (SPEC §10).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PilotReport {
    /// The pilot, an id from the config's `pilots`.
    pub pilot: String,
    /// What the device's coin said; exactly in a randomized pilot.
    pub arm: Option<Arm>,
    /// The minutes the employee expected, before starting; one of [`MINUTE_BUCKETS`].
    pub forecast: u32,
    /// The minutes it took; one of [`MINUTE_BUCKETS`].
    pub actual: u32,
}

/// A report broke a rule: which field, and which rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", with_field(.field, .rule))]
pub struct ReportError {
    /// The field, e.g. `outcome` or `reasons[1]`; empty when the whole document is at fault.
    pub field: String,
    /// The rule it broke.
    pub rule: Rule,
}

fn with_field(field: &str, rule: &Rule) -> String {
    if field.is_empty() {
        rule.to_string()
    } else {
        format!("{field}: {rule}")
    }
}

impl ReportError {
    /// An error for `field` breaking `rule`.
    pub fn new(field: impl Into<String>, rule: Rule) -> ReportError {
        ReportError {
            field: field.into(),
            rule,
        }
    }

    /// The stable snake_case code of the rule, as the HTTP API returns it.
    pub fn code(&self) -> &'static str {
        self.rule.code()
    }
}

/// A rule of the report format, each with a stable code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rule {
    /// The text is not JSON, or repeats a field; carries the parser's words.
    #[error("{0}")]
    Malformed(String),
    /// The document is JSON but not an object.
    #[error("a report must be a JSON object")]
    NotAnObject,
    /// A required field is absent.
    #[error("is required")]
    Missing,
    /// The field is not part of the report format.
    #[error("is not a report field (check the spelling)")]
    UnknownField,
    /// The field has the wrong JSON type.
    #[error("must be {expected}")]
    WrongType {
        /// What it must be, in words, e.g. "an integer".
        expected: &'static str,
    },
    /// The report is in a format version this crate does not read.
    #[error("must be {FORMAT_VERSION} or {PILOT_FORMAT_VERSION}: this version of Candor reads report formats {FORMAT_VERSION} and {PILOT_FORMAT_VERSION}")]
    UnsupportedVersion,
    /// A pilot field in a report that says it is v1.
    #[error(
        "is a field of report format {PILOT_FORMAT_VERSION}: set \"v\" to {PILOT_FORMAT_VERSION}"
    )]
    NeedsVersion2,
    /// `arm`, `forecast` or `actual` without `pilot`.
    #[error("belongs to a pilot report: give `pilot` too, or leave this field out")]
    NeedsPilot,
    /// A time that is not one of the minute buckets.
    #[error("must be one of the minute buckets: {MINUTE_BUCKETS_TEXT}")]
    NotABucket,
    /// The pilot is not in this deployment's config.
    #[error("is not a pilot in this deployment's candor.json")]
    UnknownPilot,
    /// The week is outside the pilot's weeks.
    #[error("is outside the pilot's weeks (its `from` to its `to` in candor.json)")]
    WeekOutsidePilot,
    /// The task is not one of the pilot's tasks.
    #[error("is not one of the pilot's tasks")]
    TaskNotInPilot,
    /// The tool is neither one of the pilot's tools nor `none`.
    #[error("is not one of the pilot's tools, nor `none`")]
    ToolNotInPilot,
    /// A randomized pilot's report has no arm.
    #[error("is required in a randomized pilot: what the coin said before the task")]
    ArmRequired,
    /// A pilot without randomization got an arm.
    #[error("is only given in a randomized pilot; this pilot compares what people chose")]
    ArmNotRandomized,
    /// The id is not 32 lowercase hex characters.
    #[error("must be 32 lowercase hex characters (0-9, a-f)")]
    BadId,
    /// The week is not an ISO week.
    #[error("{0}")]
    BadWeek(WeekError),
    /// The number is outside its range.
    #[error("must be a whole number from {min} to {max}")]
    OutOfRange {
        /// The smallest allowed value.
        min: i64,
        /// The largest allowed value.
        max: i64,
    },
    /// The text is not one of the allowed answers.
    #[error("must be one of: {allowed}")]
    NotOneOf {
        /// The allowed answers, comma separated.
        allowed: &'static str,
    },
    /// Reasons were given although the outcome was not negative.
    #[error("reasons can only be given when the outcome is negative (the tool did not help)")]
    ReasonsNeedNegativeOutcome,
    /// More reasons than [`MAX_REASONS`].
    #[error("at most {MAX_REASONS} reasons can be given")]
    TooManyReasons,
    /// A reason appears twice.
    #[error("is already listed")]
    DuplicateReason,
    /// A task, tool or team id is not well formed.
    #[error(
        "ids are 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit"
    )]
    BadIdentifier,
    /// The task is not in this deployment's config.
    #[error("is not a task in this deployment's candor.json")]
    UnknownTask,
    /// The tool is not in this deployment's config.
    #[error("is not a tool in this deployment's candor.json")]
    UnknownTool,
    /// The team is not in this deployment's config.
    #[error("is not a team in this deployment's candor.json")]
    UnknownTeam,
    /// A team was given but the deployment defines none.
    #[error("this deployment does not define teams, so none can be given")]
    TeamsNotEnabled,
    /// The week has not started yet.
    #[error("is later than the current week")]
    WeekInFuture,
}

impl Rule {
    /// The stable snake_case code, as the HTTP API returns it.
    pub fn code(&self) -> &'static str {
        match self {
            Rule::Malformed(_) => "malformed_json",
            Rule::NotAnObject => "not_an_object",
            Rule::Missing => "missing_field",
            Rule::UnknownField => "unknown_field",
            Rule::WrongType { .. } => "wrong_type",
            Rule::UnsupportedVersion => "unsupported_version",
            Rule::NeedsVersion2 => "needs_version_2",
            Rule::NeedsPilot => "needs_pilot",
            Rule::NotABucket => "not_a_bucket",
            Rule::UnknownPilot => "unknown_pilot",
            Rule::WeekOutsidePilot => "week_outside_pilot",
            Rule::TaskNotInPilot => "task_not_in_pilot",
            Rule::ToolNotInPilot => "tool_not_in_pilot",
            Rule::ArmRequired => "arm_required",
            Rule::ArmNotRandomized => "arm_not_randomized",
            Rule::BadId => "bad_id",
            Rule::BadWeek(_) => "bad_week",
            Rule::OutOfRange { .. } => "out_of_range",
            Rule::NotOneOf { .. } => "not_one_of",
            Rule::ReasonsNeedNegativeOutcome => "reasons_need_negative_outcome",
            Rule::TooManyReasons => "too_many_reasons",
            Rule::DuplicateReason => "duplicate_reason",
            Rule::BadIdentifier => "bad_identifier",
            Rule::UnknownTask => "unknown_task",
            Rule::UnknownTool => "unknown_tool",
            Rule::UnknownTeam => "unknown_team",
            Rule::TeamsNotEnabled => "teams_not_enabled",
            Rule::WeekInFuture => "week_in_future",
        }
    }
}

/// The wire form, borrowed from a report so serialising copies nothing.
#[derive(Serialize)]
struct Wire<'a> {
    v: u64,
    id: &'a ReportId,
    week: IsoWeek,
    task: &'a str,
    tool: &'a str,
    outcome: i8,
    #[serde(skip_serializing_if = "Option::is_none")]
    effort: Option<Effort>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mandated: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    complexity: Option<Complexity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    team: Option<&'a str>,
    #[serde(skip_serializing_if = "<[Reason]>::is_empty")]
    reasons: &'a [Reason],
    #[serde(skip_serializing_if = "Option::is_none")]
    pilot: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    arm: Option<Arm>,
    #[serde(skip_serializing_if = "Option::is_none")]
    forecast: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actual: Option<u32>,
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let pilot = self.pilot.as_ref();
        Wire {
            // A report in no pilot stays v1, so servers before v2 take it.
            v: if pilot.is_some() {
                PILOT_FORMAT_VERSION
            } else {
                FORMAT_VERSION
            },
            id: &self.id,
            week: self.week,
            task: &self.task,
            tool: &self.tool,
            outcome: self.outcome,
            effort: self.effort,
            mandated: self.mandated,
            complexity: self.complexity,
            team: self.team.as_deref(),
            reasons: &self.reasons,
            pilot: pilot.map(|p| p.pilot.as_str()),
            arm: pilot.and_then(|p| p.arm),
            forecast: pilot.map(|p| p.forecast),
            actual: pilot.map(|p| p.actual),
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::config::Choice;
    use crate::config::Config;
    use serde_json::json;
    use std::collections::BTreeSet;

    const ID: &str = "0123456789abcdef0123456789abcdef";

    fn minimal() -> Value {
        json!({"v": 1, "id": ID, "week": "2026-W07", "task": "code_review", "tool": "none", "outcome": 0})
    }

    fn with(field: &str, value: Value) -> Value {
        let mut doc = minimal();
        doc[field] = value;
        doc
    }

    fn without(field: &str) -> Value {
        let mut doc = minimal();
        doc.as_object_mut().unwrap().remove(field);
        doc
    }

    fn rejected(value: &Value) -> ReportError {
        Report::from_value(value).expect_err("should be rejected")
    }

    fn assert_rejects(value: Value, field: &str, code: &str) {
        let err = rejected(&value);
        assert_eq!((err.field.as_str(), err.code()), (field, code), "{err}");
        // The serde path must reach the same verdict.
        assert!(serde_json::from_value::<Report>(value).is_err());
    }

    fn config() -> Config {
        let choice = |id: &str| Choice::plain(id, id, "");
        Config {
            tasks: vec![choice("code_review")],
            tools: vec![choice("assistant")],
            teams: vec![],
            k: 5,
            sync_url: None,
            privacy: Default::default(),
            credentials: None,
            pilots: vec![],
            no_ai: crate::config::no_ai_in_english(),
        }
    }

    #[test]
    fn a_minimal_report_reads() {
        let report = Report::from_value(&minimal()).unwrap();
        assert_eq!(report.id.as_str(), ID);
        assert_eq!(report.week.to_string(), "2026-W07");
        assert_eq!(report.outcome, 0);
        assert!(report.reasons.is_empty());
        assert_eq!(report.validate(), Ok(()));
    }

    #[test]
    fn a_full_report_round_trips_in_field_order() {
        let text = r#"{"v":1,"id":"0123456789abcdef0123456789abcdef","week":"2020-W53","task":"debugging","tool":"assistant_x","outcome":-2,"effort":"high","mandated":true,"complexity":"complex","team":"payments","reasons":["wrong","redo"]}"#;
        let report = Report::from_json(text).unwrap();
        assert_eq!(report.reasons, vec![Reason::Wrong, Reason::Redo]);
        assert_eq!(serde_json::to_string(&report).unwrap(), text);
        assert_eq!(serde_json::from_str::<Report>(text).unwrap(), report);
    }

    #[test]
    fn absent_optional_fields_are_not_written() {
        let report = Report::from_value(&with("reasons", json!([]))).unwrap();
        let text = serde_json::to_string(&report).unwrap();
        assert_eq!(
            text,
            r#"{"v":1,"id":"0123456789abcdef0123456789abcdef","week":"2026-W07","task":"code_review","tool":"none","outcome":0}"#
        );
    }

    #[test]
    fn rule_malformed_json() {
        let err = Report::from_json("{\"v\": 1,").unwrap_err();
        assert_eq!((err.field.as_str(), err.code()), ("", "malformed_json"));
        assert!(err.to_string().starts_with("not valid JSON"), "{err}");
    }

    #[test]
    fn rule_malformed_json_for_a_repeated_field() {
        let text = format!(
            r#"{{"v":1,"id":"{ID}","week":"2026-W07","task":"t","tool":"none","outcome":1,"outcome":-2}}"#
        );
        let err = Report::from_json(&text).unwrap_err();
        assert_eq!(
            (err.field.as_str(), err.code()),
            ("outcome", "malformed_json")
        );
        assert!(serde_json::from_str::<Report>(&text).is_err());
    }

    #[test]
    fn rule_not_an_object() {
        assert_rejects(json!([1, 2]), "", "not_an_object");
        let err = Report::from_json("\"report\"").unwrap_err();
        assert_eq!(err.code(), "not_an_object");
        assert_eq!(err.to_string(), "a report must be a JSON object");
    }

    #[test]
    fn rule_missing_field() {
        for field in ["v", "id", "week", "task", "tool", "outcome"] {
            assert_rejects(without(field), field, "missing_field");
        }
    }

    #[test]
    fn rule_unknown_field() {
        assert_rejects(with("efort", json!("low")), "efort", "unknown_field");
        let err = rejected(&with("user", json!("me")));
        assert_eq!(
            err.to_string(),
            "user: is not a report field (check the spelling)"
        );
    }

    #[test]
    fn rule_wrong_type() {
        assert_rejects(with("v", json!("1")), "v", "wrong_type");
        assert_rejects(with("id", json!(7)), "id", "wrong_type");
        assert_rejects(with("week", json!(202607)), "week", "wrong_type");
        assert_rejects(with("task", json!(null)), "task", "wrong_type");
        assert_rejects(with("tool", json!(["none"])), "tool", "wrong_type");
        assert_rejects(with("outcome", json!(1.0)), "outcome", "wrong_type");
        assert_rejects(with("outcome", json!("1")), "outcome", "wrong_type");
        assert_rejects(with("effort", json!(null)), "effort", "wrong_type");
        assert_rejects(with("mandated", json!("yes")), "mandated", "wrong_type");
        assert_rejects(with("complexity", json!(2)), "complexity", "wrong_type");
        assert_rejects(with("team", json!(3)), "team", "wrong_type");
        assert_rejects(with("reasons", json!("wrong")), "reasons", "wrong_type");
        let mut doc = with("outcome", json!(-1));
        doc["reasons"] = json!(["wrong", 4]);
        assert_rejects(doc, "reasons[1]", "wrong_type");
    }

    #[test]
    fn rule_unsupported_version() {
        assert_rejects(with("v", json!(3)), "v", "unsupported_version");
        assert_rejects(with("v", json!(0)), "v", "unsupported_version");
        // A newer version's extra fields do not hide the real problem.
        let mut doc = with("v", json!(3));
        doc["mood"] = json!("great");
        assert_rejects(doc, "v", "unsupported_version");
    }

    #[test]
    fn rule_bad_id() {
        assert_rejects(with("id", json!(ID.to_uppercase())), "id", "bad_id");
        assert_rejects(with("id", json!(&ID[1..])), "id", "bad_id");
        assert_rejects(with("id", json!(format!("{ID}0"))), "id", "bad_id");
        assert_rejects(
            with("id", json!("g123456789abcdef0123456789abcdef")),
            "id",
            "bad_id",
        );
    }

    #[test]
    fn rule_bad_week() {
        assert_rejects(with("week", json!("2025-W53")), "week", "bad_week");
        assert_rejects(with("week", json!("2026-02-11")), "week", "bad_week");
        let err = rejected(&with("week", json!("2026-7")));
        assert_eq!(err.rule, Rule::BadWeek(WeekError::Format));
        assert!(
            err.to_string().starts_with("week: must look like 2026-W07"),
            "{err}"
        );
    }

    #[test]
    fn rule_out_of_range() {
        assert_rejects(with("outcome", json!(3)), "outcome", "out_of_range");
        assert_rejects(with("outcome", json!(-3)), "outcome", "out_of_range");
        assert_rejects(with("outcome", json!(u64::MAX)), "outcome", "out_of_range");
        assert_rejects(with("outcome", json!(i64::MIN)), "outcome", "out_of_range");
        let report = Report {
            outcome: 5,
            ..Report::from_value(&minimal()).unwrap()
        };
        assert_eq!(report.validate().unwrap_err().code(), "out_of_range");
    }

    #[test]
    fn rule_not_one_of() {
        assert_rejects(with("effort", json!("huge")), "effort", "not_one_of");
        assert_rejects(
            with("complexity", json!("Routine")),
            "complexity",
            "not_one_of",
        );
        let mut doc = with("outcome", json!(-1));
        doc["reasons"] = json!(["checking", "boredom"]);
        assert_rejects(doc, "reasons[1]", "not_one_of");
        let err = rejected(&with("effort", json!("huge")));
        assert_eq!(err.to_string(), "effort: must be one of: low, medium, high");
    }

    #[test]
    fn rule_reasons_need_negative_outcome() {
        assert_rejects(
            with("reasons", json!(["wrong"])),
            "reasons",
            "reasons_need_negative_outcome",
        );
        // An empty list says nothing, so it is fine with any outcome.
        let doc = with("reasons", json!([]));
        assert!(Report::from_value(&doc).is_ok());
    }

    #[test]
    fn rule_too_many_reasons() {
        let mut doc = with("outcome", json!(-2));
        doc["reasons"] = json!(["checking", "context", "wrong", "redo"]);
        assert_rejects(doc, "reasons", "too_many_reasons");
    }

    #[test]
    fn rule_duplicate_reason() {
        let mut doc = with("outcome", json!(-1));
        doc["reasons"] = json!(["wrong", "context", "wrong"]);
        assert_rejects(doc, "reasons[2]", "duplicate_reason");
    }

    #[test]
    fn rule_bad_identifier() {
        assert_rejects(with("task", json!("Code review")), "task", "bad_identifier");
        assert_rejects(with("tool", json!("-leading")), "tool", "bad_identifier");
        assert_rejects(with("team", json!("")), "team", "bad_identifier");
        assert_rejects(
            with("task", json!("a".repeat(65))),
            "task",
            "bad_identifier",
        );
        assert!(Report::from_value(&with("task", json!("a".repeat(64)))).is_ok());
    }

    #[test]
    fn rule_unknown_task() {
        let report = Report::from_value(&with("task", json!("gardening"))).unwrap();
        let err = report.check_against(&config()).unwrap_err();
        assert_eq!((err.field.as_str(), err.code()), ("task", "unknown_task"));
    }

    #[test]
    fn rule_unknown_tool() {
        let report = Report::from_value(&with("tool", json!("oracle"))).unwrap();
        let err = report.check_against(&config()).unwrap_err();
        assert_eq!((err.field.as_str(), err.code()), ("tool", "unknown_tool"));
        // The baseline needs no listing.
        assert_eq!(
            Report::from_value(&minimal())
                .unwrap()
                .check_against(&config()),
            Ok(())
        );
        let listed = Report::from_value(&with("tool", json!("assistant"))).unwrap();
        assert_eq!(listed.check_against(&config()), Ok(()));
    }

    #[test]
    fn rule_unknown_team() {
        let mut config = config();
        config.teams = vec![Choice::plain("payments", "Payments", "")];
        let report = Report::from_value(&with("team", json!("search"))).unwrap();
        let err = report.check_against(&config).unwrap_err();
        assert_eq!((err.field.as_str(), err.code()), ("team", "unknown_team"));
        let known = Report::from_value(&with("team", json!("payments"))).unwrap();
        assert_eq!(known.check_against(&config), Ok(()));
    }

    #[test]
    fn rule_teams_not_enabled() {
        let report = Report::from_value(&with("team", json!("payments"))).unwrap();
        let err = report.check_against(&config()).unwrap_err();
        assert_eq!(
            (err.field.as_str(), err.code()),
            ("team", "teams_not_enabled")
        );
    }

    #[test]
    fn rule_week_in_future() {
        let report = Report::from_value(&minimal()).unwrap();
        let before: IsoWeek = "2026-W06".parse().unwrap();
        let err = report.check_not_in_future(before).unwrap_err();
        assert_eq!((err.field.as_str(), err.code()), ("week", "week_in_future"));
        assert_eq!(report.check_not_in_future(report.week), Ok(()));
    }

    #[test]
    fn validate_applies_the_wire_rules_to_code_built_reports() {
        let base = Report::from_value(&minimal()).unwrap();
        let negative = Report {
            outcome: -1,
            ..base.clone()
        };
        let cases = [
            (
                Report {
                    reasons: vec![Reason::Wrong],
                    ..base.clone()
                },
                "reasons",
                "reasons_need_negative_outcome",
            ),
            (
                Report {
                    reasons: vec![Reason::Wrong, Reason::Redo, Reason::Wrong],
                    ..negative.clone()
                },
                "reasons[2]",
                "duplicate_reason",
            ),
            (
                Report {
                    reasons: vec![
                        Reason::Wrong,
                        Reason::Redo,
                        Reason::Checking,
                        Reason::Context,
                    ],
                    ..negative.clone()
                },
                "reasons",
                "too_many_reasons",
            ),
            (
                Report {
                    tool: "No AI".into(),
                    ..base.clone()
                },
                "tool",
                "bad_identifier",
            ),
            (
                Report {
                    team: Some("A".into()),
                    ..base.clone()
                },
                "team",
                "bad_identifier",
            ),
        ];
        for (report, field, code) in cases {
            let err = report.validate().unwrap_err();
            assert_eq!((err.field.as_str(), err.code()), (field, code));
        }
    }

    #[test]
    fn report_ids_are_lowercase_hex() {
        let id = ReportId::from_bytes([0xab; 16]);
        assert_eq!(id.as_str(), "abababababababababababababababab");
        assert_eq!(ReportId::parse(id.as_str()), Some(id.clone()));
        assert_eq!(ReportId::parse("ABABABABABABABABABABABABABABABAB"), None);
        assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{id}\""));
        assert!(serde_json::from_str::<ReportId>("\"abc\"").is_err());
    }

    #[test]
    fn answers_have_ids_and_labels() {
        assert_eq!(Effort::ALL.map(|e| e.as_str()), ["low", "medium", "high"]);
        assert_eq!(Effort::High.label(), "Lots of checking and fixing");
        assert_eq!(Complexity::ALL.map(|c| c.label()), ["Routine", "Complex"]);
        assert_eq!(Reason::ALL.len(), 5);
        for reason in Reason::ALL {
            assert_eq!(Reason::parse(reason.as_str()), Some(reason));
            assert_eq!(
                serde_json::to_value(reason).unwrap(),
                json!(reason.as_str())
            );
        }
        assert_eq!(Reason::Checking.label(), "Checking the output took long");
    }

    #[test]
    fn outcome_labels_cover_the_scale() {
        assert_eq!(outcome_label(-2), "Much worse");
        assert_eq!(outcome_label(0), "No difference");
        assert_eq!(outcome_label(2), "Helped a lot");
        assert_eq!(outcome_label(9), "Helped a lot");
    }

    #[test]
    fn every_rule_has_a_distinct_code() {
        let rules = [
            Rule::Malformed(String::new()),
            Rule::NotAnObject,
            Rule::Missing,
            Rule::UnknownField,
            Rule::WrongType { expected: "" },
            Rule::UnsupportedVersion,
            Rule::BadId,
            Rule::BadWeek(WeekError::Format),
            Rule::OutOfRange { min: 0, max: 0 },
            Rule::NotOneOf { allowed: "" },
            Rule::ReasonsNeedNegativeOutcome,
            Rule::TooManyReasons,
            Rule::DuplicateReason,
            Rule::BadIdentifier,
            Rule::UnknownTask,
            Rule::UnknownTool,
            Rule::UnknownTeam,
            Rule::TeamsNotEnabled,
            Rule::WeekInFuture,
            Rule::NeedsVersion2,
            Rule::NeedsPilot,
            Rule::NotABucket,
            Rule::UnknownPilot,
            Rule::WeekOutsidePilot,
            Rule::TaskNotInPilot,
            Rule::ToolNotInPilot,
            Rule::ArmRequired,
            Rule::ArmNotRandomized,
        ];
        let codes: BTreeSet<_> = rules.iter().map(Rule::code).collect();
        assert_eq!(codes.len(), rules.len());
    }

    /// A v2 report in the randomized pilot of [`pilot_config`].
    fn pilot_report() -> Value {
        json!({"v": 2, "id": ID, "week": "2027-W03", "task": "code_review", "tool": "assistant",
               "outcome": 1, "pilot": "trial", "arm": "ai", "forecast": 30, "actual": 45})
    }

    fn pilot_config(randomize: bool) -> Config {
        let week = |text: &str| text.parse::<IsoWeek>().unwrap();
        let mut config = config();
        config
            .tasks
            .push(Choice::plain("debugging", "Debugging", ""));
        config.tools.push(Choice::plain("other", "Other", ""));
        config.pilots = vec![crate::config::Pilot {
            id: "trial".into(),
            label: "Trial".into(),
            label_translated: Default::default(),
            tasks: vec!["code_review".into()],
            tools: vec!["assistant".into()],
            from: week("2027-W02"),
            to: week("2027-W09"),
            randomize,
        }];
        config
    }

    fn pilot_with(field: &str, value: Value) -> Value {
        let mut doc = pilot_report();
        doc[field] = value;
        doc
    }

    fn pilot_without(field: &str) -> Value {
        let mut doc = pilot_report();
        doc.as_object_mut().unwrap().remove(field);
        doc
    }

    #[test]
    fn a_v2_report_round_trips_and_a_v1_report_is_still_written_as_v1() {
        let text = serde_json::to_string(&pilot_report()).unwrap();
        let report = Report::from_json(&text).unwrap();
        let part = report.pilot.clone().unwrap();
        assert_eq!(
            (part.pilot.as_str(), part.arm, part.forecast, part.actual),
            ("trial", Some(Arm::Ai), 30, 45)
        );
        assert_eq!(
            serde_json::to_string(&report).unwrap(),
            r#"{"v":2,"id":"0123456789abcdef0123456789abcdef","week":"2027-W03","task":"code_review","tool":"assistant","outcome":1,"pilot":"trial","arm":"ai","forecast":30,"actual":45}"#
        );
        assert_eq!(report.validate(), Ok(()));
        assert_eq!(report.check_against(&pilot_config(true)), Ok(()));
        // A v2 document without pilot fields is a report in no pilot, written back as v1.
        let plain = Report::from_value(&with("v", json!(2))).unwrap();
        assert_eq!(plain.pilot, None);
        assert!(serde_json::to_string(&plain)
            .unwrap()
            .starts_with(r#"{"v":1,"#));
    }

    #[test]
    fn pilot_shape_rules_name_their_field() {
        assert_rejects(with("v", json!(3)), "v", "unsupported_version");
        // A v1 report may not carry pilot fields: the version says what to read.
        assert_rejects(pilot_with("v", json!(1)), "pilot", "needs_version_2");
        for field in ["forecast", "actual"] {
            assert_rejects(pilot_without(field), field, "missing_field");
            assert_rejects(pilot_with(field, json!(25)), field, "not_a_bucket");
            assert_rejects(pilot_with(field, json!(0)), field, "not_a_bucket");
            assert_rejects(pilot_with(field, json!(-5)), field, "not_a_bucket");
            assert_rejects(pilot_with(field, json!(30.0)), field, "wrong_type");
            assert_rejects(pilot_with(field, json!("30")), field, "wrong_type");
        }
        assert_rejects(pilot_with("arm", json!("maybe")), "arm", "not_one_of");
        assert_rejects(
            pilot_with("pilot", json!("Trial!")),
            "pilot",
            "bad_identifier",
        );
        for field in ["arm", "forecast", "actual"] {
            let mut doc = pilot_without("pilot");
            doc.as_object_mut()
                .unwrap()
                .retain(|key, _| key == field || !PILOT_FIELDS.contains(&key.as_str()));
            assert_rejects(doc, field, "needs_pilot");
        }
        assert_rejects(pilot_with("minutes", json!(5)), "minutes", "unknown_field");
        for minutes in MINUTE_BUCKETS_LIST {
            assert!(Report::from_value(&pilot_with("actual", json!(minutes))).is_ok());
        }
    }

    const MINUTE_BUCKETS_LIST: [u32; 15] = crate::pilot::MINUTE_BUCKETS;

    #[test]
    fn pilot_config_rules_name_their_field() {
        let randomized = pilot_config(true);
        let check = |doc: Value, config: &Config| {
            let err = Report::from_value(&doc)
                .unwrap()
                .check_against(config)
                .unwrap_err();
            (err.field.clone(), err.code())
        };
        let is = |field: &str, code: &'static str| (field.to_owned(), code);
        assert_eq!(
            check(pilot_with("pilot", json!("other")), &randomized),
            is("pilot", "unknown_pilot")
        );
        assert_eq!(
            check(pilot_with("week", json!("2027-W01")), &randomized),
            is("week", "week_outside_pilot")
        );
        assert_eq!(
            check(pilot_with("week", json!("2027-W10")), &randomized),
            is("week", "week_outside_pilot")
        );
        assert_eq!(
            check(pilot_with("task", json!("debugging")), &randomized),
            is("task", "task_not_in_pilot")
        );
        assert_eq!(
            check(pilot_with("tool", json!("other")), &randomized),
            is("tool", "tool_not_in_pilot")
        );
        assert_eq!(
            check(pilot_without("arm"), &randomized),
            is("arm", "arm_required")
        );
        assert_eq!(
            check(pilot_report(), &pilot_config(false)),
            is("arm", "arm_not_randomized")
        );
        // Against its arm is allowed, and counted as such.
        for (arm, tool, against) in [
            ("no_ai", "assistant", true),
            ("ai", "none", true),
            ("no_ai", "none", false),
        ] {
            let mut doc = pilot_with("arm", json!(arm));
            doc["tool"] = json!(tool);
            let report = Report::from_value(&doc).unwrap();
            assert_eq!(report.check_against(&randomized), Ok(()));
            let count = crate::pilot::PilotCount::of(&report).unwrap();
            assert_eq!((count.arm.id(), count.against_arm), (arm, against));
        }
        // Without randomization the arm is what was chosen.
        let chosen = Report::from_value(&pilot_without("arm")).unwrap();
        assert_eq!(chosen.check_against(&pilot_config(false)), Ok(()));
        let count = crate::pilot::PilotCount::of(&chosen).unwrap();
        assert_eq!(
            (count.arm, count.against_arm, count.forecast, count.actual),
            (Arm::Ai, false, 30, 45)
        );
        // The pilot's first and last weeks are inside it.
        for week in ["2027-W02", "2027-W09"] {
            let report = Report::from_value(&pilot_with("week", json!(week))).unwrap();
            assert_eq!(report.check_against(&randomized), Ok(()));
        }
        assert_eq!(
            Report::from_value(&minimal()).map(|r| crate::pilot::PilotCount::of(&r)),
            Ok(None)
        );
    }

    #[test]
    fn validate_checks_code_built_pilot_reports() {
        let mut report = Report::from_value(&pilot_report()).unwrap();
        report.pilot.as_mut().unwrap().forecast = 7;
        assert_eq!(report.validate().unwrap_err().code(), "not_a_bucket");
        report.pilot.as_mut().unwrap().forecast = 5;
        report.pilot.as_mut().unwrap().pilot = "Bad Id".into();
        assert_eq!(report.validate().unwrap_err().field, "pilot");
    }
}
