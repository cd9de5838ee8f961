//! The parts of `candor.json` the desk needs — tasks, tools and pilots —
//! read with the browser's JSON parser.
//!
//! The app has already read and validated this same file with core's
//! reader (`Config::from_json`, SPEC §3) before it loads this module, and
//! shows its errors itself; here only the values are taken into core's own
//! [`Config`] type. Core's reader and serde_json would cost this module
//! about 8 KB gzip of its 60 KB budget (SPEC §8), as the token client
//! found for its documents.

use candor_core::{Choice, Config, Pilot, DEFAULT_K};
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::JsValue;

use crate::lang::{t, tf, Msg};
use candor_core::catalog::Arg;

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn text(object: &JsValue, key: &str) -> String {
    get(object, key).as_string().unwrap_or_default()
}

/// A label: a plain string, or one per language (`{"en": …, "de": …}`,
/// SPEC §9), read in the language shown, else in English.
fn label(object: &JsValue) -> String {
    let value = get(object, "label");
    value
        .as_string()
        .or_else(|| {
            [crate::lang::shown().code(), "en"]
                .into_iter()
                .find_map(|code| get(&value, code).as_string())
        })
        .unwrap_or_default()
}

fn list(object: &JsValue, key: &str) -> Vec<JsValue> {
    let value = get(object, key);
    if Array::is_array(&value) {
        Array::from(&value).iter().collect()
    } else {
        Vec::new()
    }
}

fn choices(file: &JsValue, key: &str) -> Vec<Choice> {
    list(file, key)
        .iter()
        .map(|entry| Choice::plain(text(entry, "id"), label(entry), ""))
        .collect()
}

/// The tasks, tools and pilots of `candor.json`'s text.
pub fn read(json: &str) -> Result<Config, String> {
    let file = JSON::parse(json).map_err(|_| t(Msg::ConfigNotJson))?;
    let mut pilots = Vec::new();
    for entry in list(&file, "pilots") {
        let ids = |key| {
            list(&entry, key)
                .iter()
                .filter_map(JsValue::as_string)
                .collect()
        };
        let week = |key| {
            text(&entry, key)
                .parse()
                .map_err(|_| tf(Msg::ConfigBadWeek, &[Arg::Text(key)]))
        };
        pilots.push(Pilot {
            id: text(&entry, "id"),
            label: label(&entry),
            label_translated: Default::default(),
            tasks: ids("tasks"),
            tools: ids("tools"),
            from: week("from")?,
            to: week("to")?,
            randomize: get(&entry, "randomize").as_bool().unwrap_or(false),
        });
    }
    Ok(Config {
        tasks: choices(&file, "tasks"),
        tools: choices(&file, "tools"),
        teams: Vec::new(),
        k: DEFAULT_K,
        sync_url: None,
        privacy: Default::default(),
        credentials: None,
        pilots,
        no_ai: candor_core::config::no_ai_in_english(),
    })
}
