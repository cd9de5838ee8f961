//! Reads the documents the maps are drawn from into the core's own types,
//! from a parsed JSON tree, field by field: the sync server's published
//! view (`GET /aggregate`, [`Published`]) and filter choices
//! (`GET /aggregate/choices`, [`FilterChoice`]), the parts of `candor.json`
//! the maps need ([`Config`]), and the device's history document
//! (`{"schema":1,"reports":[…]}`, core's [`candor_core::History`]) counted
//! by task and tool.
//!
//! Why not serde_json and the core's readers (`Published::from_value`,
//! `Choices::from_json`, `Config::from_json`, `History::load`): they read
//! `serde_json::Value`, and serde_json's parser would cost this module
//! kilobytes of its 60 KB budget (SPEC §8), as the Pilots page and the
//! token client found. The browser's own `JSON.parse` reads the text, and
//! this reads the tree, generic over [`Node`] so that the tests read the
//! same documents from `serde_json::Value` and check the result against
//! the core's readers: the types and their wire names stay defined once,
//! in the core.

use std::collections::BTreeMap;

use candor_core::catalog::Arg;
use candor_core::{
    Choice, ChoiceState, Config, Dimension, FilterChoice, GroupCount, Privacy, Published,
    PublishedCell, Reason, Share, WeekRange, DEFAULT_K,
};

use crate::lang::{tf, Msg};

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
    /// Whether `name` is a member of an object, `null` included.
    fn has(&self, name: &str) -> bool;
}

/// Why a document could not be read: what is wrong, and with which field.
/// Put in words once, by [`words`], not at every place it can happen.
type Read<T> = Result<T, (Msg, &'static str)>;

fn wrong(msg: Msg, field: &'static str) -> (Msg, &'static str) {
    (msg, field)
}

/// The reason in words, in the language shown.
fn words((msg, field): (Msg, &'static str)) -> String {
    tf(msg, &[Arg::Text(field)])
}

/// The text of member `name`; `field` names it in the error.
fn text<N: Node>(node: &N, name: &str, field: &'static str) -> Read<String> {
    node.get(name)
        .and_then(|value| value.text())
        .ok_or_else(|| wrong(Msg::FieldMissing, field))
}

/// A whole number of 0 or more, as a count.
fn whole<N: Node>(node: &N) -> Option<u64> {
    let number = node.number()?;
    (number >= 0.0 && number.fract() == 0.0 && number < 9.0e15).then_some(number as u64)
}

/// `n`: a count, or `null` where the group is hidden; it must be there.
/// `field` names it in the errors.
fn count<N: Node>(node: &N, field: &'static str) -> Read<Option<u64>> {
    match node.get("n") {
        Some(n) => whole(&n)
            .map(Some)
            .ok_or_else(|| wrong(Msg::FieldNotCount, field)),
        None if node.has("n") => Ok(None),
        None => Err(wrong(Msg::FieldMissing, field)),
    }
}

fn list<N: Node>(node: &N, name: &'static str) -> Read<Vec<N>> {
    node.get(name)
        .and_then(|value| value.items())
        .ok_or_else(|| wrong(Msg::FieldNotList, name))
}

/// `GET /aggregate`'s body, as core's `Published::from_value` reads it,
/// but for the row and column totals (`tasks`, `tools`), which the maps
/// do not draw (their JSON export is the text as served).
pub fn published<N: Node>(value: &N) -> Result<Published, String> {
    read_published(value).map_err(words)
}

fn read_published<N: Node>(value: &N) -> Read<Published> {
    let weeks = match value.get("weeks") {
        None => None,
        Some(range) => {
            let week = |name: &str, field: &'static str| {
                range
                    .get(name)
                    .and_then(|week| week.text()?.parse().ok())
                    .ok_or_else(|| wrong(Msg::FieldNotWeek, field))
            };
            Some(WeekRange {
                from: week("from", "weeks.from")?,
                to: week("to", "weeks.to")?,
            })
        }
    };
    let mut cells = Vec::new();
    for cell in list(value, "cells")? {
        let mut outcomes = None;
        if let Some(counts) = cell.get("outcomes").and_then(|counts| counts.items()) {
            let field = "cells[].outcomes";
            if counts.len() != 5 {
                return Err(wrong(Msg::FieldNotList, field));
            }
            let mut read = [0u64; 5];
            for (slot, count) in read.iter_mut().zip(&counts) {
                *slot = whole(count).ok_or_else(|| wrong(Msg::FieldNotCount, field))?;
            }
            outcomes = Some(read);
        }
        let mut helped = None;
        if let Some(share) = cell.get("helped") {
            let mut part = [0.0; 3];
            for (slot, key) in part.iter_mut().zip(["share", "low", "high"]) {
                *slot = share
                    .get(key)
                    .and_then(|value| value.number())
                    .ok_or_else(|| wrong(Msg::FieldNotNumber, "cells[].helped"))?;
            }
            let [share, low, high] = part;
            helped = Some(Share { share, low, high });
        }
        // Each reason the core knows, by its wire name; any other is left out, as the core does.
        let reasons = cell.get("reasons").map(|given| {
            let mut reasons = BTreeMap::new();
            for reason in Reason::ALL {
                if let Some(n) = given.get(reason.as_str()).as_ref().and_then(whole) {
                    reasons.insert(reason, n);
                }
            }
            reasons
        });
        cells.push(PublishedCell {
            task: text(&cell, "task", "cells[].task")?,
            tool: text(&cell, "tool", "cells[].tool")?,
            n: count(&cell, "cells[].n")?,
            outcomes,
            helped,
            reasons,
        });
    }
    let k = value
        .get("k")
        .as_ref()
        .and_then(whole)
        .and_then(|k| u32::try_from(k).ok())
        .ok_or_else(|| wrong(Msg::FieldMissing, "k"))?;
    let total = value
        .get("total")
        .ok_or_else(|| wrong(Msg::FieldMissing, "total"))?;
    Ok(Published {
        k,
        weeks,
        total: GroupCount {
            n: count(&total, "total.n")?,
        },
        // The row and column totals are not drawn: the maps lay out the cells.
        tasks: Vec::new(),
        tools: Vec::new(),
        cells,
    })
}

/// `GET /aggregate/choices`'s body, as core's `Choices::from_json` reads
/// it: entries for filters or states this build does not know are skipped.
pub fn choices<N: Node>(value: &N) -> Result<Vec<FilterChoice>, String> {
    let mut choices = Vec::new();
    for choice in list(value, "filters").map_err(words)? {
        let word = |name: &str| choice.get(name).and_then(|word| word.text());
        let dimension = word("filter").and_then(|word| Dimension::from_parameter(&word));
        let state = word("state").and_then(|word| ChoiceState::from_word(&word));
        if let (Some(dimension), Some(state)) = (dimension, state) {
            choices.push(FilterChoice {
                dimension,
                value: word("value"),
                state,
            });
        }
    }
    Ok(choices)
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

fn taxonomy<N: Node>(config: &N, name: &str) -> Vec<Choice> {
    let mut choices = Vec::new();
    for entry in config
        .get(name)
        .and_then(|list| list.items())
        .unwrap_or_default()
    {
        let id = entry.get("id").and_then(|id| id.text());
        if let (Some(id), Some(label)) = (id, entry.get("label").as_ref().and_then(label)) {
            choices.push(Choice::plain(id, label, ""));
        }
    }
    choices
}

/// What the maps need of `candor.json`: its tasks, tools and teams with
/// their labels, `k` and the privacy options. The app has already read and
/// checked this same file with the core's reader before it loads this
/// module, and says itself what is wrong with it; here only the values are
/// taken into core's own [`Config`].
pub fn config<N: Node>(file: &N) -> Config {
    let privacy = file.get("privacy");
    let privacy = Privacy {
        randomized_response: privacy
            .as_ref()
            .and_then(|p| p.get("randomized_response")?.boolean())
            .unwrap_or(false),
        epsilon: privacy.as_ref().and_then(|p| p.get("epsilon")?.number()),
    };
    Config {
        tasks: taxonomy(file, "tasks"),
        tools: taxonomy(file, "tools"),
        teams: taxonomy(file, "teams"),
        k: file
            .get("k")
            .as_ref()
            .and_then(whole)
            .and_then(|k| u32::try_from(k).ok())
            .unwrap_or(DEFAULT_K),
        sync_url: None,
        privacy,
        credentials: None,
        pilots: Vec::new(),
        // The baseline's column, in the language shown.
        no_ai: [crate::lang::t(crate::lang::Msg::NoAi), String::new()],
    }
}

/// The device's own reports counted by task × tool: each cell's reports
/// per outcome, −2..2.
pub type OwnCounts = Vec<(String, String, [u64; 5])>;

/// The device's history document (`History::to_json`, `{"schema":1,
/// "reports":[…]}`, or a bare list as schema 0 was) counted by task × tool
/// and outcome, which is all the map of one's own reports draws. The app
/// has read and checked every report before it hands the document over; an
/// entry without a task, tool or outcome is skipped.
pub fn history<N: Node>(document: &N) -> OwnCounts {
    let reports = document
        .items()
        .or_else(|| document.get("reports")?.items())
        .unwrap_or_default();
    let mut cells: OwnCounts = Vec::new();
    for report in &reports {
        let (Some(task), Some(tool), Some(outcome)) = (
            report.get("task").and_then(|t| t.text()),
            report.get("tool").and_then(|t| t.text()),
            report.get("outcome").and_then(|o| o.number()),
        ) else {
            continue;
        };
        let slot = (outcome.clamp(-2.0, 2.0) + 2.0).round() as usize;
        match cells.iter_mut().find(|(t, o, _)| *t == task && *o == tool) {
            Some((_, _, outcomes)) => outcomes[slot] += 1,
            None => {
                let mut outcomes = [0; 5];
                outcomes[slot] = 1;
                cells.push((task, tool, outcomes));
            }
        }
    }
    cells
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use candor_core::{Choices, History};
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
        fn has(&self, name: &str) -> bool {
            self.as_object().is_some_and(|map| map.contains_key(name))
        }
    }

    fn json(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    const VIEW: &str = r#"{"k":5,"weeks":{"from":"2026-W36","to":"2026-W47"},
     "total":{"n":null},
     "tasks":[{"task":"code_review","n":140},{"task":"incident","n":null}],
     "tools":[{"tool":"none","n":201},{"tool":"chat","n":null}],
     "cells":[{"task":"code_review","tool":"none","n":31,"outcomes":[1,3,12,10,5],
               "helped":{"share":0.48,"low":0.32,"high":0.65},"reasons":{"checking":4,"wrong":1,"someday":3}},
              {"task":"code_review","tool":"chat","n":12,"outcomes":[0,0,2,5,5]},
              {"task":"incident","tool":"chat","n":null}]}"#;

    /// The core's reading, but for the totals this one leaves out.
    fn cores(value: &Value) -> Published {
        Published {
            tasks: Vec::new(),
            tools: Vec::new(),
            ..Published::from_value(value).unwrap()
        }
    }

    #[test]
    fn a_view_reads_as_the_cores_reader_reads_it() {
        let value = json(VIEW);
        assert_eq!(published(&value), Ok(cores(&value)));
        let empty =
            json(r#"{"k":3,"weeks":null,"total":{"n":0},"tasks":[],"tools":[],"cells":[]}"#);
        assert_eq!(published(&empty), Ok(cores(&empty)));
    }

    #[test]
    fn a_view_of_another_shape_names_the_field_at_fault() {
        let read = |text: &str| published(&json(text));
        assert_eq!(read(r#"{"k":5}"#), Err("cells is not a list".to_owned()));
        let bad = VIEW.replace(r#""n":31"#, r#""n":3.5"#);
        assert_eq!(read(&bad), Err("cells[].n is not a count".to_owned()));
        let bad = VIEW.replace(
            r#"{"task":"incident","tool":"chat","n":null}"#,
            r#"{"task":"incident","tool":"chat"}"#,
        );
        assert_eq!(read(&bad), Err("cells[].n is missing".to_owned()));
        let bad = VIEW.replace("2026-W47", "2026-W99");
        assert_eq!(read(&bad), Err("weeks.to is not a week".to_owned()));
        // Every reading the core refuses, this refuses too.
        for text in [&bad, r#"{"k":5}"#] {
            assert!(Published::from_value(&json(text)).is_err());
        }
    }

    #[test]
    fn choices_read_as_the_cores_reader_reads_them() {
        let text = r#"{"filters":[
            {"filter":"period","value":null,"state":"shown"},
            {"filter":"period","value":"2026-Q1","state":"hidden"},
            {"filter":"team","value":"web","state":"empty"},
            {"filter":"colour","value":"red","state":"shown"},
            {"filter":"effort","value":"low","state":"maybe"}]}"#;
        let read = choices(&json(text)).unwrap();
        assert_eq!(read, Choices::from_json(text).unwrap().filters);
        assert_eq!(read.len(), 3);
        assert!(choices(&json("{}")).is_err());
    }

    #[test]
    fn the_config_is_read_as_the_core_reads_it() {
        let text = include_str!("../../../public/candor.json");
        let core = Config::from_json(text).unwrap();
        let read = config(&json(text));
        let ids_and_labels = |choices: &[Choice]| -> Vec<(String, String)> {
            choices
                .iter()
                .map(|c| (c.id.clone(), c.label.clone()))
                .collect()
        };
        assert_eq!(ids_and_labels(&read.tasks), ids_and_labels(&core.tasks));
        assert_eq!(ids_and_labels(&read.tools), ids_and_labels(&core.tools));
        assert_eq!((read.k, &read.privacy), (core.k, &core.privacy));
        let text = r#"{"tasks":[{"id":"a","label":"A"}],"tools":[],
            "teams":[{"id":"web","label":"Web"}],"k":7,
            "privacy":{"randomized_response":true,"epsilon":1.5}}"#;
        let core = Config::from_json(text).unwrap();
        let read = config(&json(text));
        assert_eq!(ids_and_labels(&read.teams), ids_and_labels(&core.teams));
        assert_eq!((read.k, &read.privacy), (core.k, &core.privacy));
    }

    #[test]
    fn translated_labels_are_read_in_the_language_shown_else_in_english() {
        use crate::lang;
        use candor_core::catalog::{Lang, Messages};
        let file = json(
            r#"{"tasks":[{"id":"tests","label":{"en":"Writing tests","de":"Tests schreiben"}},
                         {"id":"docs","label":{"en":"Documentation"}},
                         {"id":"none","label":{"fr":"Rien"}}]}"#,
        );
        let labels = |file: &Value| -> Vec<String> {
            config(file).tasks.into_iter().map(|c| c.label).collect()
        };
        assert_eq!(labels(&file), ["Writing tests", "Documentation"]);
        let english = || Messages::read(lang::ENGLISH.to_owned(), lang::COUNT).unwrap();
        lang::show(Lang::De, english());
        assert_eq!(labels(&file), ["Tests schreiben", "Documentation"]);
        lang::show(Lang::En, english());
    }

    #[test]
    fn a_history_counts_as_the_cores_tally_of_it() {
        use candor_core::Tally;
        let document = r#"{"schema":1,"reports":[
            {"v":1,"id":"00000000000000000000000000000001","week":"2026-W10","task":"debugging","tool":"chat","outcome":2},
            {"v":1,"id":"00000000000000000000000000000002","week":"2026-W10","task":"debugging","tool":"chat","outcome":1,"effort":"low"},
            {"v":1,"id":"00000000000000000000000000000003","week":"2026-W11","task":"debugging","tool":"none","outcome":-1,"reasons":["wrong"]},
            {"v":1,"id":"00000000000000000000000000000004","week":"2026-W11","task":"pairing","tool":"agent","outcome":0}]}"#;
        let core: Tally = History::load(document)
            .unwrap()
            .history
            .reports
            .iter()
            .collect();
        let sorted = |mut counts: OwnCounts| {
            counts.sort();
            counts
        };
        let of_core: OwnCounts = core
            .cells()
            .map(|(task, tool, counts)| (task.to_owned(), tool.to_owned(), counts.outcomes))
            .collect();
        assert_eq!(sorted(history(&json(document))), of_core);
        // What History::to_json writes reads back the same.
        let again = History::load(document).unwrap().history.to_json();
        assert_eq!(sorted(history(&json(&again))), of_core);
        assert!(history(&json("{}")).is_empty());
    }
}
