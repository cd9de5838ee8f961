//! Labels and descriptions in several languages (SPEC §9): in `candor.json`
//! a label may be a plain string or `{"en": "Code review", "de": "Code-Review"}`.
//!
//! A config is read with every text in English, as before; [`Translated`]
//! keeps what the file gave per language, so [`super::Config::in_language`]
//! can show another language's words (English where one is missing) and the
//! sync server's `GET /config` can hand the file's translations on
//! unchanged.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

use super::ConfigError;
use crate::catalog::Lang;

/// One text in the languages the file gave it in, English among them;
/// empty when the file gave a plain string.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Translated(Vec<(Lang, String)>);

impl Translated {
    /// The text in `lang`, if the file gave it.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        self.0
            .iter()
            .find(|(given, _)| *given == lang)
            .map(|(_, text)| text.as_str())
    }

    /// Every (language, text) the file gave, in the order of [`Lang::ALL`].
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        self.0.iter().map(|(lang, text)| (*lang, text.as_str()))
    }

    /// Whether the file gave a plain string.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A text as the file gave it: the plain string (the first field) when
/// there are no translations, else an object with a key per language.
pub(super) struct AsGiven<'a>(pub &'a str, pub &'a Translated);

impl Serialize for AsGiven<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let AsGiven(plain, translated) = self;
        if translated.is_empty() {
            return serializer.serialize_str(plain);
        }
        let mut map = serializer.serialize_map(Some(translated.0.len()))?;
        for (lang, text) in &translated.0 {
            map.serialize_entry(lang.code(), text)?;
        }
        map.end()
    }
}

/// Reads a text at `path` that may be translated: a string, or an object
/// whose keys are the codes of the languages Candor ships, `en` required.
/// Returns the English text and the translations.
pub(super) fn read(path: &str, value: &Value) -> Result<(String, Translated), ConfigError> {
    let object = match value {
        Value::String(text) => return Ok((text.clone(), Translated::default())),
        Value::Object(object) => object,
        _ => {
            return Err(ConfigError::new(
                path,
                "must be text in quotes, or one per language: {\"en\": …, \"de\": …}",
            ))
        }
    };
    let mut given = Vec::with_capacity(object.len());
    for (code, text) in object {
        let at = format!("{path}.{code}");
        let lang = Lang::ALL
            .into_iter()
            .find(|lang| lang.code() == code)
            .ok_or_else(|| {
                ConfigError::new(
                    at.clone(),
                    "is not a language Candor ships; the languages are en, de, fr, es, ja, ar",
                )
            })?;
        let Value::String(text) = text else {
            return Err(ConfigError::new(at, "must be text in quotes"));
        };
        given.push((lang, text.clone()));
    }
    given.sort_by_key(|(lang, _)| Lang::ALL.iter().position(|l| l == lang));
    let english = given
        .iter()
        .find(|(lang, _)| *lang == Lang::En)
        .map(|(_, text)| text.clone())
        .ok_or_else(|| {
            ConfigError::new(
                format!("{path}.en"),
                "is missing: English is shown where a translation is missing",
            )
        })?;
    Ok((english, Translated(given)))
}

/// The first translation of `translated` that is blank, as a field path
/// under `path`; English is checked as the text itself.
pub(super) fn blank(path: &str, translated: &Translated) -> Option<String> {
    translated
        .iter()
        .find(|(_, text)| text.trim().is_empty())
        .map(|(lang, _)| format!("{path}.{}", lang.code()))
}
