//! Reads the pilot documents into the core's types (`PilotList`,
//! `PilotView`, …) from a parsed JSON tree, field by field.
//!
//! Why not serde_json: with the core's derived `Deserialize` (a flattened
//! `PilotView`, a dozen structs, serde_json's number parser and error
//! messages) this module measured 98.6 KB gzip, 42 KB of it serde; the
//! budget is 60 KB (SPEC §8). The browser's own `JSON.parse` reads the
//! text, and this reads the tree, generic over [`Node`] so that the tests
//! read the same documents from `serde_json::Value` and check the result
//! against the core's serde (`read_matches_the_cores_serde`): the types
//! and their wire names stay defined once, in the core. Enum names go
//! through the core's own derived `Deserialize` (`Verdict`,
//! `Disagreement`), weeks through `IsoWeek`'s `FromStr`.

use candor_core::catalog::Arg;
use candor_core::{
    Arm, ArmResults, BeforeAfter, Choice, Difference, Disagreement, Effect, Mean, PilotList,
    PilotResults, PilotSummary, PilotView, Ratio, Share, TaskResults, Verdict, WeekRange,
};
use serde::de::value::StrDeserializer;
use serde::Deserialize;

use crate::lang::{tf, Msg};

/// What is wrong with field `name`, in the language shown.
fn wrong(msg: Msg, name: &str) -> String {
    tf(msg, &[Arg::Text(name)])
}

/// What is wrong with field `name`'s `value`, in the language shown.
fn wrong_value(msg: Msg, name: &str, value: &str) -> String {
    tf(msg, &[Arg::Text(name), Arg::Text(value)])
}

/// A node of a parsed JSON document: the browser's `JsValue`, or
/// `serde_json::Value` in the tests.
pub trait Node: Sized {
    /// The member `name` of an object; `None` when absent or `null`.
    fn get(&self, name: &str) -> Option<Self>;
    /// The node as a number.
    fn number(&self) -> Option<f64>;
    /// The node as a string.
    fn text(&self) -> Option<String>;
    /// The node as a boolean.
    fn boolean(&self) -> Option<bool>;
    /// The node's items, if it is an array.
    fn items(&self) -> Option<Vec<Self>>;
}

/// Why a document could not be read: the field at fault.
type Read<T> = Result<T, String>;

fn need<N: Node>(node: &N, name: &str) -> Read<N> {
    node.get(name).ok_or_else(|| wrong(Msg::FieldMissing, name))
}

fn text<N: Node>(node: &N, name: &str) -> Read<String> {
    need(node, name)?
        .text()
        .ok_or_else(|| wrong(Msg::FieldNotText, name))
}

fn number<N: Node>(node: &N, name: &str) -> Read<f64> {
    need(node, name)?
        .number()
        .ok_or_else(|| wrong(Msg::FieldNotNumber, name))
}

fn count<N: Node>(node: &N, name: &str) -> Read<Option<u64>> {
    match node.get(name) {
        None => Ok(None),
        Some(value) => match value.number() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 => Ok(Some(n as u64)),
            _ => Err(wrong(Msg::FieldNotCount, name)),
        },
    }
}

fn boolean<N: Node>(node: &N, name: &str) -> Read<bool> {
    need(node, name)?
        .boolean()
        .ok_or_else(|| wrong(Msg::FieldNotBoolean, name))
}

fn items<N: Node>(node: &N, name: &str) -> Read<Vec<N>> {
    need(node, name)?
        .items()
        .ok_or_else(|| wrong(Msg::FieldNotList, name))
}

/// serde's error for a name it does not know, without its words: the page
/// writes its own, and serde's (which can describe a float) would bring
/// the float formatter into the module, about 6 KB gzip.
#[derive(Debug)]
struct Unknown;

impl std::fmt::Display for Unknown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unknown")
    }
}

impl std::error::Error for Unknown {}

/// Every constructor of serde's errors, not only `custom`: the defaults
/// build their words (`format_args!` over serde's `Unexpected`, which can
/// be a float) before calling `custom`, which keeps the float formatter in
/// the module even though the words are never written.
impl serde::de::Error for Unknown {
    fn custom<T: std::fmt::Display>(_: T) -> Unknown {
        Unknown
    }
    fn invalid_type(_: serde::de::Unexpected, _: &dyn serde::de::Expected) -> Unknown {
        Unknown
    }
    fn invalid_value(_: serde::de::Unexpected, _: &dyn serde::de::Expected) -> Unknown {
        Unknown
    }
    fn invalid_length(_: usize, _: &dyn serde::de::Expected) -> Unknown {
        Unknown
    }
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Unknown {
        Unknown
    }
    fn unknown_field(_: &str, _: &'static [&'static str]) -> Unknown {
        Unknown
    }
    fn missing_field(_: &'static str) -> Unknown {
        Unknown
    }
    fn duplicate_field(_: &'static str) -> Unknown {
        Unknown
    }
}

/// A wire name read by the core's own derived `Deserialize`.
fn named<'de, T: Deserialize<'de>>(value: &'de str, what: &str) -> Read<T> {
    T::deserialize(StrDeserializer::<Unknown>::new(value))
        .map_err(|_| wrong_value(Msg::FieldUnknownValue, what, value))
}

fn weeks<N: Node>(node: &N) -> Read<WeekRange> {
    let week = |name: &str| -> Read<_> {
        let value = text(node, name)?;
        value
            .parse()
            .map_err(|_| wrong_value(Msg::FieldNotWeek, name, &value))
    };
    Ok(WeekRange {
        from: week("from")?,
        to: week("to")?,
    })
}

/// Reads `{A, "low", "high"}`, if `name` is there.
fn triple<N: Node>(node: &N, name: &str, first: &str) -> Read<Option<(f64, f64, f64)>> {
    node.get(name)
        .map(|value| {
            Ok((
                number(&value, first)?,
                number(&value, "low")?,
                number(&value, "high")?,
            ))
        })
        .transpose()
}

fn arms<N: Node>(node: &N) -> Read<Vec<ArmResults>> {
    items(node, "arms")?
        .iter()
        .map(|arm| {
            let id = text(arm, "arm")?;
            Ok(ArmResults {
                arm: Arm::parse(&id).ok_or_else(|| wrong(Msg::FieldBadArm, &id))?,
                n: count(arm, "n")?,
                felt: triple(arm, "felt", "mean")?.map(|(mean, low, high)| Mean {
                    mean,
                    low,
                    high,
                }),
                time: triple(arm, "time", "ratio")?.map(|(ratio, low, high)| Ratio {
                    ratio,
                    low,
                    high,
                }),
                against_arm: triple(arm, "against_arm", "share")?.map(|(share, low, high)| Share {
                    share,
                    low,
                    high,
                }),
            })
        })
        .collect()
}

fn effect<N: Node>(node: &N) -> Read<Effect> {
    let effect = need(node, "effect")?;
    Ok(Effect {
        time: triple(&effect, "time", "ratio")?.map(|(ratio, low, high)| Ratio {
            ratio,
            low,
            high,
        }),
        felt: triple(&effect, "felt", "diff")?.map(|(diff, low, high)| Difference {
            diff,
            low,
            high,
        }),
        verdict: named::<Verdict>(&text(&effect, "verdict")?, "verdict")?,
        more_reports_to_halve: count(&effect, "more_reports_to_halve")?,
        felt_vs_measured: effect
            .get("felt_vs_measured")
            .map(|value| {
                let value = value
                    .text()
                    .ok_or_else(|| wrong(Msg::FieldNotText, "felt_vs_measured"))?;
                named::<Disagreement>(&value, "felt_vs_measured")
            })
            .transpose()?,
    })
}

fn ids<N: Node>(node: &N, name: &str) -> Read<Vec<String>> {
    items(node, name)?
        .iter()
        .map(|id| id.text().ok_or_else(|| wrong(Msg::FieldNonTextId, name)))
        .collect()
}

/// `GET /pilots`.
pub fn pilot_list<N: Node>(node: &N) -> Read<PilotList> {
    Ok(PilotList {
        k: number(node, "k")? as u32,
        pilots: items(node, "pilots")?
            .iter()
            .map(|pilot| {
                Ok(PilotSummary {
                    pilot: text(pilot, "pilot")?,
                    label: text(pilot, "label")?,
                    randomized: boolean(pilot, "randomized")?,
                    weeks: weeks(&need(pilot, "weeks")?)?,
                    tasks: ids(pilot, "tasks")?,
                    tools: ids(pilot, "tools")?,
                    verdict: named::<Verdict>(&text(pilot, "verdict")?, "verdict")?,
                })
            })
            .collect::<Read<_>>()?,
    })
}

/// `GET /pilots/{id}`.
pub fn pilot_view<N: Node>(node: &N) -> Read<PilotView> {
    Ok(PilotView {
        pilot: text(node, "pilot")?,
        label: text(node, "label")?,
        weeks: weeks(&need(node, "weeks")?)?,
        counted: node.get("counted").map(|c| weeks(&c)).transpose()?,
        results: PilotResults {
            k: number(node, "k")? as u32,
            randomized: boolean(node, "randomized")?,
            arms: arms(node)?,
            effect: effect(node)?,
            tasks: items(node, "tasks")?
                .iter()
                .map(|task| {
                    Ok(TaskResults {
                        task: text(task, "task")?,
                        arms: arms(task)?,
                        effect: effect(task)?,
                    })
                })
                .collect::<Read<_>>()?,
        },
        before_after: node
            .get("before_after")
            .map(|before| {
                Ok::<_, String>(BeforeAfter {
                    before: weeks(&need(&before, "before")?)?,
                    arms: arms(&before)?,
                })
            })
            .transpose()?,
    })
}

/// A label of candor.json: a plain string, or one per language
/// (`{"en": …, "de": …}`, SPEC §9), read in the language shown, else in
/// English.
fn label<N: Node>(value: &N) -> Option<String> {
    value.text().or_else(|| {
        [crate::lang::shown().code(), "en"]
            .into_iter()
            .find_map(|code| value.get(code)?.text())
    })
}

/// The config's tasks, `[{"id","label"}, …]`: all the page needs of candor.json.
pub fn task_labels<N: Node>(config: &N) -> Vec<Choice> {
    let tasks = config.get("tasks").and_then(|tasks| tasks.items());
    tasks
        .unwrap_or_default()
        .iter()
        .filter_map(|task| {
            Some(Choice::plain(
                task.get("id")?.text()?,
                label(&task.get("label")?)?,
                "",
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    impl Node for Value {
        fn get(&self, name: &str) -> Option<Value> {
            self.get(name).filter(|value| !value.is_null()).cloned()
        }
        fn number(&self) -> Option<f64> {
            self.as_f64()
        }
        fn text(&self) -> Option<String> {
            self.as_str().map(str::to_owned)
        }
        fn boolean(&self) -> Option<bool> {
            self.as_bool()
        }
        fn items(&self) -> Option<Vec<Value>> {
            self.as_array().cloned()
        }
    }

    const VIEW: &str = r#"{"pilot":"tests_q1","label":"Tests","k":5,"randomized":false,
     "weeks":{"from":"2027-W02","to":"2027-W09"},"counted":{"from":"2027-W02","to":"2027-W05"},
     "arms":[{"arm":"ai","n":48,"felt":{"mean":0.9,"low":0.6,"high":1.2},
              "time":{"ratio":1.21,"low":1.08,"high":1.36},"against_arm":{"share":0.08,"low":0.03,"high":0.2}},
             {"arm":"no_ai","n":null}],
     "effect":{"time":{"ratio":1.19,"low":1.03,"high":1.37},"felt":{"diff":0.8,"low":0.4,"high":1.2},
               "verdict":"slower","more_reports_to_halve":279,"felt_vs_measured":"felt_better_measured_slower"},
     "tasks":[{"task":"tests","arms":[{"arm":"ai","n":0},{"arm":"no_ai","n":null}],"effect":{"verdict":"not_enough_reports"}}],
     "before_after":{"before":{"from":"2026-W48","to":"2027-W01"},"arms":[{"arm":"ai","n":20,"felt":{"mean":0.1,"low":-0.2,"high":0.4}},{"arm":"no_ai","n":null}]}}"#;

    const LIST: &str = r#"{"k":5,"pilots":[{"pilot":"tests_q1","label":"Tests","randomized":true,
     "weeks":{"from":"2027-W02","to":"2027-W09"},"tasks":["tests"],"tools":["chat"],"verdict":"no_clear_difference"}]}"#;

    #[test]
    fn read_matches_the_cores_serde() {
        let view: PilotView = serde_json::from_str(VIEW).unwrap();
        assert_eq!(
            pilot_view(&serde_json::from_str::<Value>(VIEW).unwrap()),
            Ok(view)
        );
        let list: PilotList = serde_json::from_str(LIST).unwrap();
        assert_eq!(
            pilot_list(&serde_json::from_str::<Value>(LIST).unwrap()),
            Ok(list)
        );
    }

    #[test]
    fn a_document_of_another_shape_names_the_field_at_fault() {
        let read = |text: &str| pilot_view(&serde_json::from_str::<Value>(text).unwrap());
        assert_eq!(read(r#"{"label":"x"}"#), Err("no pilot".to_owned()));
        let bad = VIEW.replace("\"slower\"", "\"sideways\"");
        assert_eq!(
            read(&bad),
            Err("verdict \"sideways\" is not one this page knows".to_owned())
        );
        let bad = VIEW.replace("2027-W09", "2027-W99");
        assert_eq!(read(&bad), Err("to \"2027-W99\" is not a week".to_owned()));
        let bad = VIEW.replace("\"n\":48", "\"n\":4.5");
        assert_eq!(read(&bad), Err("n is not a count".to_owned()));
    }

    #[test]
    fn task_labels_are_read_from_the_config() {
        let config: Value = serde_json::from_str(
            r#"{"tasks":[{"id":"tests","label":"Writing tests","description":"x"},{"id":"bad"}],"k":5}"#,
        )
        .unwrap();
        let labels = task_labels(&config);
        assert_eq!(labels.len(), 1);
        assert_eq!(
            (labels[0].id.as_str(), labels[0].label.as_str()),
            ("tests", "Writing tests")
        );
        assert!(task_labels(&Value::Null).is_empty());
    }

    #[test]
    fn translated_labels_are_read_in_the_language_shown_else_in_english() {
        use crate::lang;
        use candor_core::catalog::{Lang, Messages};
        let config: Value = serde_json::from_str(
            r#"{"tasks":[{"id":"tests","label":{"en":"Writing tests","de":"Tests schreiben"}},
                         {"id":"docs","label":{"en":"Documentation"}},
                         {"id":"none","label":{"fr":"Rien"}}]}"#,
        )
        .unwrap();
        let labels = |config: &Value| -> Vec<String> {
            task_labels(config).into_iter().map(|c| c.label).collect()
        };
        assert_eq!(labels(&config), ["Writing tests", "Documentation"]);
        let english = || Messages::read(lang::ENGLISH.to_owned(), lang::COUNT).unwrap();
        lang::show(Lang::De, english());
        assert_eq!(labels(&config), ["Tests schreiben", "Documentation"]);
        lang::show(Lang::En, english());
    }
}
