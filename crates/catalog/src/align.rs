//! A translation put in English's order, with English's argument indices (SPEC §9).
//!
//! A translation must have exactly English's message ids, and each of its
//! messages must use exactly the variables its English message uses, each
//! at least once somewhere: as a placeable or as what a select chooses on.
//! So a variant may leave the number out (`[one] Ein Bericht`), as long as
//! the message still selects on it; a translation may not drop a variable
//! altogether (a lost number is a wrong sentence) nor bring one English
//! does not pass (it would always be empty).

use std::collections::HashMap;
use std::fmt;

use crate::source::Message;

/// Why a translation does not fit its English catalog: every difference at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
pub struct CatalogMismatch {
    /// Ids English has and the translation lacks, in English's order.
    pub missing: Vec<String>,
    /// Ids the translation has and English lacks, with their lines.
    pub extra: Vec<(String, usize)>,
    /// Messages whose variables differ from English's.
    pub variables: Vec<VariableMismatch>,
}

/// A translated message whose variables are not English's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariableMismatch {
    /// The message's id.
    pub id: String,
    /// Its line in the translation.
    pub line: usize,
    /// English's variables, in order.
    pub english: Vec<String>,
    /// The translation's variables, in order.
    pub translation: Vec<String>,
}

fn list(variables: &[String]) -> String {
    if variables.is_empty() {
        return "no variables".to_owned();
    }
    variables
        .iter()
        .map(|v| format!("${v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for CatalogMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut lines = Vec::new();
        for id in &self.missing {
            lines.push(format!("`{id}` is missing: English has it; translate it"));
        }
        for (id, line) in &self.extra {
            lines.push(format!(
                "line {line}: `{id}` is not in English; remove it (or add it to English first)"
            ));
        }
        for mismatch in &self.variables {
            lines.push(format!(
                "line {}: `{}` uses {} where English uses {}",
                mismatch.line,
                mismatch.id,
                list(&mismatch.translation),
                list(&mismatch.english)
            ));
        }
        f.write_str(&lines.join("\n"))
    }
}

impl CatalogMismatch {
    /// Whether the translation fits.
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.extra.is_empty() && self.variables.is_empty()
    }
}

/// The translation's messages compiled in English's order, with English's
/// argument indices, so line `i` means English's message `i`.
pub fn align(english: &[Message], other: &[Message]) -> Result<Vec<String>, CatalogMismatch> {
    let by_id: HashMap<&str, &Message> = other.iter().map(|m| (m.id.as_str(), m)).collect();
    let mut mismatch = CatalogMismatch::default();
    let mut lines = Vec::with_capacity(english.len());
    for message in english {
        let Some(translation) = by_id.get(message.id.as_str()) else {
            mismatch.missing.push(message.id.clone());
            continue;
        };
        let same = translation.variables.len() == message.variables.len()
            && translation
                .variables
                .iter()
                .all(|v| message.variables.contains(v));
        if !same {
            mismatch.variables.push(VariableMismatch {
                id: message.id.clone(),
                line: translation.line,
                english: message.variables.clone(),
                translation: translation.variables.clone(),
            });
        }
        lines.push(translation.compiled_with(&message.variables));
    }
    let english_ids: HashMap<&str, ()> = english.iter().map(|m| (m.id.as_str(), ())).collect();
    mismatch.extra = other
        .iter()
        .filter(|m| !english_ids.contains_key(m.id.as_str()))
        .map(|m| (m.id.clone(), m.line))
        .collect();
    if mismatch.is_empty() {
        Ok(lines)
    } else {
        Err(mismatch)
    }
}
