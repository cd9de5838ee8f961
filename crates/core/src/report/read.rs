//! Reading a report: every rule of SPEC §2, each rejection naming its field and rule.
//!
//! `Deserialize` goes through [`Report::from_value`], so serde and the
//! validator cannot disagree.

use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use super::{
    is_bucket, Arm, Complexity, Effort, PilotReport, Reason, Report, ReportError, ReportId, Rule,
    FIELDS, FORMAT_VERSION, MAX_REASONS, OUTCOME_MAX, OUTCOME_MIN, PILOT_FIELDS,
    PILOT_FORMAT_VERSION,
};
use crate::config::Config;
use crate::ids::{is_identifier, NO_AI};
use crate::week::IsoWeek;

fn fail<T>(field: impl Into<String>, rule: Rule) -> Result<T, ReportError> {
    Err(ReportError::new(field, rule))
}

/// The type errors a report can meet, worded for the person who wrote it.
const EXPECT_STRING: Rule = Rule::WrongType {
    expected: "a string",
};
const EXPECT_INTEGER: Rule = Rule::WrongType {
    expected: "an integer",
};
const EXPECT_BOOL: Rule = Rule::WrongType {
    expected: "true or false",
};
const EXPECT_LIST: Rule = Rule::WrongType { expected: "a list" };
const EXPECT_VERSION: Rule = Rule::WrongType {
    expected: "a whole number, the format version",
};
const OUTCOME_RANGE: Rule = Rule::OutOfRange {
    min: OUTCOME_MIN as i64,
    max: OUTCOME_MAX as i64,
};

fn check_identifier(field: &str, id: &str) -> Result<(), ReportError> {
    if is_identifier(id) {
        Ok(())
    } else {
        fail(field, Rule::BadIdentifier)
    }
}

fn check_outcome(outcome: i64) -> Result<i8, ReportError> {
    match i8::try_from(outcome) {
        Ok(value) if (OUTCOME_MIN..=OUTCOME_MAX).contains(&value) => Ok(value),
        _ => fail("outcome", OUTCOME_RANGE),
    }
}

/// The list-level reason rules; element rules are checked where elements are read.
fn check_reasons(reasons: &[Reason], outcome: i8) -> Result<(), ReportError> {
    if reasons.len() > MAX_REASONS {
        return fail("reasons", Rule::TooManyReasons);
    }
    for (index, reason) in reasons.iter().enumerate() {
        if reasons[..index].contains(reason) {
            return fail(format!("reasons[{index}]"), Rule::DuplicateReason);
        }
    }
    if !reasons.is_empty() && outcome >= 0 {
        return fail("reasons", Rule::ReasonsNeedNegativeOutcome);
    }
    Ok(())
}

/// The fields of one report object, each read with its own error field name.
struct Fields<'a> {
    map: &'a Map<String, Value>,
}

impl<'a> Fields<'a> {
    fn required(&self, name: &str) -> Result<&'a Value, ReportError> {
        self.map
            .get(name)
            .ok_or_else(|| ReportError::new(name, Rule::Missing))
    }

    fn optional<T>(
        &self,
        name: &str,
        read: impl FnOnce(&'a Value) -> Result<T, ReportError>,
    ) -> Result<Option<T>, ReportError> {
        self.map.get(name).map(read).transpose()
    }
}

fn string<'a>(field: &str, value: &'a Value) -> Result<&'a str, ReportError> {
    value
        .as_str()
        .ok_or_else(|| ReportError::new(field, EXPECT_STRING))
}

fn identifier(field: &str, value: &Value) -> Result<String, ReportError> {
    let id = string(field, value)?;
    check_identifier(field, id)?;
    Ok(id.to_owned())
}

/// Reads one of a closed set of answers, e.g. an effort or a reason.
fn answer<T>(
    field: &str,
    value: &Value,
    parse: fn(&str) -> Option<T>,
    allowed: &'static str,
) -> Result<T, ReportError> {
    parse(string(field, value)?).ok_or_else(|| ReportError::new(field, Rule::NotOneOf { allowed }))
}

/// The version, 1 or 2.
fn read_version(value: &Value) -> Result<u64, ReportError> {
    let Value::Number(n) = value else {
        return fail("v", EXPECT_VERSION);
    };
    if n.is_f64() {
        return fail("v", EXPECT_VERSION);
    }
    match n.as_u64() {
        Some(v @ (FORMAT_VERSION | PILOT_FORMAT_VERSION)) => Ok(v),
        _ => fail("v", Rule::UnsupportedVersion),
    }
}

/// A pilot time in minutes: an integer that is one of the buckets.
fn read_minutes(field: &str, value: &Value) -> Result<u32, ReportError> {
    let Value::Number(n) = value else {
        return fail(field, EXPECT_INTEGER);
    };
    match (n.as_u64(), n.is_f64()) {
        (_, true) => fail(field, EXPECT_INTEGER),
        (Some(minutes), _) => match u32::try_from(minutes) {
            Ok(minutes) if is_bucket(minutes) => Ok(minutes),
            _ => fail(field, Rule::NotABucket),
        },
        (None, _) => fail(field, Rule::NotABucket),
    }
}

/// The pilot part of a v2 report: `pilot` brings `forecast` and `actual`
/// (and may bring `arm`); without `pilot`, none of them may be given.
fn read_pilot(fields: &Fields) -> Result<Option<PilotReport>, ReportError> {
    let Some(pilot) = fields.optional("pilot", |v| identifier("pilot", v))? else {
        return match PILOT_FIELDS
            .into_iter()
            .find(|f| fields.map.contains_key(*f))
        {
            Some(field) => fail(field, Rule::NeedsPilot),
            None => Ok(None),
        };
    };
    let arm = fields.optional("arm", |v| answer("arm", v, Arm::parse, Arm::ALLOWED))?;
    let forecast = read_minutes("forecast", fields.required("forecast")?)?;
    let actual = read_minutes("actual", fields.required("actual")?)?;
    Ok(Some(PilotReport {
        pilot,
        arm,
        forecast,
        actual,
    }))
}

fn read_outcome(value: &Value) -> Result<i8, ReportError> {
    let Value::Number(n) = value else {
        return fail("outcome", EXPECT_INTEGER);
    };
    // 1.0 is a float to serde_json: the format promises integers, so say so
    // rather than quietly rounding.
    match (n.as_i64(), n.as_u64()) {
        (Some(outcome), _) => check_outcome(outcome),
        (None, Some(_)) => fail("outcome", OUTCOME_RANGE),
        (None, None) => fail("outcome", EXPECT_INTEGER),
    }
}

fn read_reasons(value: &Value, outcome: i8) -> Result<Vec<Reason>, ReportError> {
    let items = value
        .as_array()
        .ok_or_else(|| ReportError::new("reasons", EXPECT_LIST))?;
    // Checked before the elements so a long list of junk gets the short answer.
    if items.len() > MAX_REASONS {
        return fail("reasons", Rule::TooManyReasons);
    }
    let reasons = items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            answer(
                &format!("reasons[{index}]"),
                item,
                Reason::parse,
                Reason::ALLOWED,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    check_reasons(&reasons, outcome)?;
    Ok(reasons)
}

impl Report {
    /// Reads a report from parsed JSON, applying every rule of SPEC §2.
    ///
    /// Fields are checked in wire order after the version, so the first
    /// error reported is the first a person reading the report would meet.
    /// Optional fields are either absent or valid; `null` is not "absent".
    pub fn from_value(value: &Value) -> Result<Report, ReportError> {
        let Some(map) = value.as_object() else {
            return fail("", Rule::NotAnObject);
        };
        let fields = Fields { map };

        // The version comes before unknown fields: a newer report has fields
        // this version does not know, and "unsupported version" is the useful answer.
        let version = read_version(fields.required("v")?)?;
        let known =
            |key: &&String| FIELDS.contains(&key.as_str()) || PILOT_FIELDS.contains(&key.as_str());
        if let Some(unknown) = map.keys().find(|key| !known(key)) {
            return fail(unknown.as_str(), Rule::UnknownField);
        }
        if version == FORMAT_VERSION {
            if let Some(field) = PILOT_FIELDS.into_iter().find(|f| map.contains_key(*f)) {
                return fail(field, Rule::NeedsVersion2);
            }
        }

        let id = ReportId::parse(string("id", fields.required("id")?)?)
            .ok_or_else(|| ReportError::new("id", Rule::BadId))?;
        let week = string("week", fields.required("week")?)?
            .parse::<IsoWeek>()
            .map_err(|err| ReportError::new("week", Rule::BadWeek(err)))?;
        let task = identifier("task", fields.required("task")?)?;
        let tool = identifier("tool", fields.required("tool")?)?;
        let outcome = read_outcome(fields.required("outcome")?)?;
        let effort = fields.optional("effort", |v| {
            answer("effort", v, Effort::parse, Effort::ALLOWED)
        })?;
        let mandated = fields.optional("mandated", |v| {
            v.as_bool()
                .ok_or_else(|| ReportError::new("mandated", EXPECT_BOOL))
        })?;
        let complexity = fields.optional("complexity", |v| {
            answer("complexity", v, Complexity::parse, Complexity::ALLOWED)
        })?;
        let team = fields.optional("team", |v| identifier("team", v))?;
        let reasons = fields
            .optional("reasons", |v| read_reasons(v, outcome))?
            .unwrap_or_default();
        let pilot = read_pilot(&fields)?;

        Ok(Report {
            id,
            week,
            task,
            tool,
            outcome,
            effort,
            mandated,
            complexity,
            team,
            reasons,
            pilot,
        })
    }

    /// Reads a report from JSON text; text that is not JSON breaks rule [`Rule::Malformed`].
    ///
    /// Unlike [`Report::from_value`], this also rejects a field written twice,
    /// which a parsed `Value` can no longer show.
    pub fn from_json(text: &str) -> Result<Report, ReportError> {
        match serde_json::from_str::<Document>(text) {
            Ok(document) => document.into_report(),
            Err(err) => fail("", Rule::Malformed(format!("not valid JSON: {err}"))),
        }
    }

    /// Applies the §2 rules to a report built in code.
    pub fn validate(&self) -> Result<(), ReportError> {
        // A ReportId is checked when made, so this cannot fail today; it is
        // kept so that validate alone stays a complete check of §2.
        if ReportId::parse(self.id.as_str()).is_none() {
            return fail("id", Rule::BadId);
        }
        check_identifier("task", &self.task)?;
        check_identifier("tool", &self.tool)?;
        check_outcome(i64::from(self.outcome))?;
        if let Some(team) = &self.team {
            check_identifier("team", team)?;
        }
        check_reasons(&self.reasons, self.outcome)?;
        if let Some(pilot) = &self.pilot {
            check_identifier("pilot", &pilot.pilot)?;
            for (field, minutes) in [("forecast", pilot.forecast), ("actual", pilot.actual)] {
                if !is_bucket(minutes) {
                    return fail(field, Rule::NotABucket);
                }
            }
        }
        Ok(())
    }

    /// Checks that the task, tool and team are ones `config` offers.
    ///
    /// [`NO_AI`] is always a known tool. Reports already stored are not
    /// checked this way: ids the config dropped still count, as retired.
    pub fn check_against(&self, config: &Config) -> Result<(), ReportError> {
        if config.task(&self.task).is_none() {
            return fail("task", Rule::UnknownTask);
        }
        if self.tool != NO_AI && config.tool(&self.tool).is_none() {
            return fail("tool", Rule::UnknownTool);
        }
        if let Some(team) = &self.team {
            if config.teams.is_empty() {
                return fail("team", Rule::TeamsNotEnabled);
            }
            if config.team(team).is_none() {
                return fail("team", Rule::UnknownTeam);
            }
        }
        match &self.pilot {
            Some(pilot) => self.check_pilot(pilot, config),
            None => Ok(()),
        }
    }

    /// The SPEC §10 rules a pilot report meets against its pilot's config.
    fn check_pilot(&self, part: &PilotReport, config: &Config) -> Result<(), ReportError> {
        let Some(pilot) = config.pilot(&part.pilot) else {
            return fail("pilot", Rule::UnknownPilot);
        };
        if !(pilot.from..=pilot.to).contains(&self.week) {
            return fail("week", Rule::WeekOutsidePilot);
        }
        if !pilot.tasks.contains(&self.task) {
            return fail("task", Rule::TaskNotInPilot);
        }
        if self.tool != NO_AI && !pilot.tools.contains(&self.tool) {
            return fail("tool", Rule::ToolNotInPilot);
        }
        match (pilot.randomize, part.arm) {
            (true, None) => fail("arm", Rule::ArmRequired),
            (false, Some(_)) => fail("arm", Rule::ArmNotRandomized),
            _ => Ok(()),
        }
    }

    /// Checks that the report's week has started by `current`, the receiver's own week.
    pub fn check_not_in_future(&self, current: IsoWeek) -> Result<(), ReportError> {
        if self.week > current {
            fail("week", Rule::WeekInFuture)
        } else {
            Ok(())
        }
    }
}

impl<'de> Deserialize<'de> for Report {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Report, D::Error> {
        Document::deserialize(deserializer)?
            .into_report()
            .map_err(de::Error::custom)
    }
}

/// A JSON document on its way to becoming a report.
///
/// It exists to catch a field written twice, which `serde_json::Value`
/// silently resolves to the last copy: a typo must not change data unseen.
enum Document {
    Object {
        map: Map<String, Value>,
        repeated: Option<String>,
    },
    NotAnObject,
}

impl Document {
    fn into_report(self) -> Result<Report, ReportError> {
        match self {
            Document::Object {
                repeated: Some(field),
                ..
            } => fail(
                field,
                Rule::Malformed("appears more than once in the JSON".to_owned()),
            ),
            Document::Object {
                map,
                repeated: None,
            } => Report::from_value(&Value::Object(map)),
            Document::NotAnObject => fail("", Rule::NotAnObject),
        }
    }
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Document, D::Error> {
        deserializer.deserialize_any(DocumentVisitor)
    }
}

struct DocumentVisitor;

impl<'de> Visitor<'de> for DocumentVisitor {
    type Value = Document;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a report object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Document, A::Error> {
        let mut map = Map::new();
        let mut repeated = None;
        while let Some(key) = access.next_key::<String>()? {
            let value = access.next_value::<Value>()?;
            if map.insert(key.clone(), value).is_some() && repeated.is_none() {
                repeated = Some(key);
            }
        }
        Ok(Document::Object { map, repeated })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Document, A::Error> {
        while access.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Document::NotAnObject)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Document, E> {
        Ok(Document::NotAnObject)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Document, E> {
        Ok(Document::NotAnObject)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Document, E> {
        Ok(Document::NotAnObject)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Document, E> {
        Ok(Document::NotAnObject)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Document, E> {
        Ok(Document::NotAnObject)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Document, E> {
        Ok(Document::NotAnObject)
    }

    fn visit_none<E: de::Error>(self) -> Result<Document, E> {
        Ok(Document::NotAnObject)
    }
}
