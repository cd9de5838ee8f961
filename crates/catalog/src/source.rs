//! A translator's Fluent file, read into messages (SPEC §9).
//!
//! Only the part of Fluent a compiled catalog can carry is accepted: text,
//! variables (`{ $count }`), string literals (`{ "{" }`), and selects on a
//! variable whose variants hold text and variables. Everything else is
//! refused with the line and the message's id, so a translator learns what
//! to write instead.

use std::collections::HashMap;

use candor_core::catalog::is_control;
use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement, VariantKey};
use fluent_syntax::parser;
use fluent_syntax::unicode::unescape_unicode_to_string;

/// One message of a Fluent file, ready to compile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Its id, e.g. `form-submit`.
    pub id: String,
    /// The line of the file it starts on (from 1).
    pub line: usize,
    /// The variables it uses (placed or selected on), in order of first appearance.
    pub variables: Vec<String>,
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Variable(String),
    /// Only at the top of a message: variants hold text and variables.
    Select {
        on: String,
        variants: Vec<Variant>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Variant {
    key: String,
    default: bool,
    pieces: Vec<Piece>,
}

impl Message {
    /// The message compiled with its own variables' order.
    pub fn compiled(&self) -> String {
        self.compiled_with(&self.variables)
    }

    /// The message compiled with argument indices from `order` (English's
    /// variables); a variable not in `order` is written as index `order.len()`,
    /// which formats as nothing ([`align`](crate::align) refuses it first).
    pub(crate) fn compiled_with(&self, order: &[String]) -> String {
        let mut out = String::new();
        write_pieces(&self.pieces, order, &mut out);
        out
    }

    /// The same message with every piece of text changed by `change`
    /// (variables and select keys untouched).
    pub(crate) fn map_text(&self, change: &dyn Fn(&str) -> String) -> Message {
        Message {
            pieces: map_pieces(&self.pieces, change),
            ..self.clone()
        }
    }

    /// The message as Fluent would show it, for the generated code's docs.
    pub(crate) fn fluent(&self) -> String {
        let mut out = String::new();
        write_fluent(&self.pieces, &mut out);
        out
    }
}

fn map_pieces(pieces: &[Piece], change: &dyn Fn(&str) -> String) -> Vec<Piece> {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => Piece::Text(change(text)),
            Piece::Variable(name) => Piece::Variable(name.clone()),
            Piece::Select { on, variants } => Piece::Select {
                on: on.clone(),
                variants: variants
                    .iter()
                    .map(|variant| Variant {
                        pieces: map_pieces(&variant.pieces, change),
                        ..variant.clone()
                    })
                    .collect(),
            },
        })
        .collect()
}

fn index(name: &str, order: &[String]) -> usize {
    order.iter().position(|v| v == name).unwrap_or(order.len())
}

fn write_pieces(pieces: &[Piece], order: &[String], out: &mut String) {
    for piece in pieces {
        match piece {
            Piece::Text(text) => {
                for c in text.chars() {
                    match c {
                        '\n' => out.push('\u{6}'),
                        '\r' => {}
                        c => out.push(c),
                    }
                }
            }
            Piece::Variable(name) => {
                out.push('\u{1}');
                out.push_str(&index(name, order).to_string());
                out.push('\u{5}');
            }
            Piece::Select { on, variants } => {
                out.push('\u{2}');
                out.push_str(&index(on, order).to_string());
                for variant in variants {
                    out.push('\u{3}');
                    if variant.default {
                        out.push('*');
                    }
                    out.push_str(&variant.key);
                    out.push('\u{4}');
                    write_pieces(&variant.pieces, order, out);
                }
                out.push('\u{5}');
            }
        }
    }
}

fn write_fluent(pieces: &[Piece], out: &mut String) {
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Variable(name) => {
                out.push_str("{ $");
                out.push_str(name);
                out.push_str(" }");
            }
            Piece::Select { on, variants } => {
                out.push_str("{ $");
                out.push_str(on);
                out.push_str(" ->");
                for variant in variants {
                    out.push_str(if variant.default { " *[" } else { " [" });
                    out.push_str(&variant.key);
                    out.push_str("] ");
                    write_fluent(&variant.pieces, out);
                }
                out.push_str(" }");
            }
        }
    }
}

/// Something in a translator's file that a catalog cannot carry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {}{problem}", id.as_deref().map(|id| format!("`{id}`: ")).unwrap_or_default())]
pub struct SourceError {
    /// The line (from 1): where the message starts, or where Fluent's parser stopped.
    pub line: usize,
    /// The message at fault, when the parser got as far as its id.
    pub id: Option<String>,
    /// What is wrong.
    pub problem: Problem,
}

/// What a [`SourceError`] refuses, and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// Not Fluent syntax.
    #[error("not valid Fluent: {0}")]
    Syntax(String),
    /// A term (`-brand = …`).
    #[error("terms (`-{0} = …`) are not supported; write the text into each message")]
    Term(String),
    /// A message attribute (`.title = …`).
    #[error("attributes (`.{0} = …`) are not supported; make it a message of its own")]
    Attribute(String),
    /// A message without a value.
    #[error("the message has no text")]
    Empty,
    /// `{ other-message }`.
    #[error("message references (`{{ {0} }}`) are not supported; write the text out")]
    MessageReference(String),
    /// `{ -term }`.
    #[error("term references (`{{ -{0} }}`) are not supported; write the text out")]
    TermReference(String),
    /// `{ NUMBER($n) }` and other functions.
    #[error(
        "functions (`{0}(…)`) are not supported; write `{{ $name }}`: counts and numbers \
         are already written the language's way"
    )]
    Function(String),
    /// `{ 5 }`.
    #[error("number literals (`{{ {0} }}`) are not supported; write the number as text")]
    NumberLiteral(String),
    /// A select whose selector is not a variable.
    #[error("a select must choose on a variable: `{{ $count -> … }}`")]
    SelectorNotVariable,
    /// A select inside a select's variant.
    #[error("a select inside a variant is not supported; write the variants out in full")]
    NestedSelect,
    /// `[1.5]` or `[-1]`.
    #[error("the variant key `[{0}]` is not a whole number from 0 to 4294967295, nor a word")]
    NumberKey(String),
    /// One of the characters the compiled form uses for placeables.
    #[error("the control character U+{0:04X} may not appear in a message")]
    ControlCharacter(u32),
    /// The same id twice.
    #[error("defined twice (first on line {0}); remove one")]
    Duplicate(usize),
    /// An id whose name in the app's code is reserved by Rust (`self` → `Self`).
    #[error("its name in the app's code, {0}, is reserved; choose another id")]
    ReservedRustName(String),
    /// Two ids that would become the same name in the app's code.
    #[error("`{0}` is already called {1} in the app's code; choose another id")]
    SameRustName(String, String),
}

/// Every problem in one file, in line order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct SourceErrors(pub Vec<SourceError>);

impl std::fmt::Display for SourceErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

/// The line (from 1) of byte `offset` in `text`.
fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The id of the entry `text` starts with, after blank lines and comments.
fn entry_id(text: &str) -> Option<String> {
    let line = text
        .lines()
        .find(|line| !line.trim().is_empty() && !line.starts_with('#'))?;
    let (name, _) = line.split_once('=')?;
    let name = name.trim_end();
    let body = name.strip_prefix('-').unwrap_or(name);
    is_identifier(body).then(|| body.to_owned())
}

/// Whether `name` is a Fluent identifier: `[a-zA-Z][a-zA-Z0-9_-]*`.
fn is_identifier(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Lines (from 1) starting an entry `name = …` (a term's name with its `-`), in order.
fn entry_lines(ftl: &str) -> HashMap<&str, Vec<usize>> {
    let mut lines: HashMap<&str, Vec<usize>> = HashMap::new();
    for (number, line) in ftl.lines().enumerate() {
        let Some((name, _)) = line.split_once('=') else {
            continue;
        };
        let name = name.trim_end();
        let body = name.strip_prefix('-').unwrap_or(name);
        if is_identifier(body) {
            lines.entry(name).or_default().push(number + 1);
        }
    }
    lines
}

/// The name the app's code gives a message: `form-submit` → `FormSubmit`.
pub fn rust_name(id: &str) -> String {
    let mut name = String::with_capacity(id.len());
    for part in id.split(['-', '_']) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            name.extend(first.to_uppercase());
            name.push_str(chars.as_str());
        }
    }
    name
}

/// Reads a Fluent file into messages, in the file's order.
///
/// Comments are translators' notes and are skipped. Every problem in the
/// file is returned, not only the first.
pub fn compile_source(ftl: &str) -> Result<Vec<Message>, SourceErrors> {
    let (resource, mut errors) = match parser::parse(ftl) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, parse_errors)) => {
            let errors = parse_errors
                .into_iter()
                .map(|error| SourceError {
                    line: line_at(ftl, error.pos.start),
                    id: error.slice.and_then(|slice| entry_id(&ftl[slice.start..])),
                    problem: Problem::Syntax(error.kind.to_string()),
                })
                .collect();
            (resource, errors)
        }
    };
    let lines = entry_lines(ftl);
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut rust_names: HashMap<String, String> = HashMap::new();
    let mut messages = Vec::new();
    for entry in &resource.body {
        let (name, is_term) = match entry {
            Entry::Message(message) => (message.id.name, false),
            Entry::Term(term) => (term.id.name, true),
            _ => continue,
        };
        // The line map keeps a term's leading `-`.
        let key = if is_term {
            format!("-{name}")
        } else {
            name.to_owned()
        };
        let nth = seen.entry(key.clone()).or_insert(0);
        let line = lines
            .get(key.as_str())
            .and_then(|l| l.get(*nth))
            .copied()
            .unwrap_or(0);
        *nth += 1;
        let refuse = |problem| SourceError {
            line,
            id: Some(name.to_owned()),
            problem,
        };
        let Entry::Message(message) = entry else {
            errors.push(refuse(Problem::Term(name.to_owned())));
            continue;
        };
        if let Some(first) = first_line.get(name) {
            errors.push(refuse(Problem::Duplicate(*first)));
            continue;
        }
        first_line.insert(name.to_owned(), line);
        let rust = rust_name(name);
        if rust == "Self" {
            errors.push(refuse(Problem::ReservedRustName(rust)));
            continue;
        }
        if let Some(other) = rust_names.get(&rust) {
            errors.push(refuse(Problem::SameRustName(other.clone(), rust)));
            continue;
        }
        rust_names.insert(rust, name.to_owned());
        match read_message(message) {
            Ok((pieces, variables)) => messages.push(Message {
                id: name.to_owned(),
                line,
                variables,
                pieces,
            }),
            Err(problems) => errors.extend(problems.into_iter().map(refuse)),
        }
    }
    if errors.is_empty() {
        Ok(messages)
    } else {
        errors.sort_by_key(|error| error.line);
        Err(SourceErrors(errors))
    }
}

type Pieces = (Vec<Piece>, Vec<String>);

fn read_message(message: &ast::Message<&str>) -> Result<Pieces, Vec<Problem>> {
    let mut reader = Reader::default();
    for attribute in &message.attributes {
        reader
            .problems
            .push(Problem::Attribute(attribute.id.name.to_owned()));
    }
    let pieces = match &message.value {
        Some(pattern) => reader.pattern(pattern, true),
        None => {
            if message.attributes.is_empty() {
                reader.problems.push(Problem::Empty);
            }
            Vec::new()
        }
    };
    if message.value.is_some() && pieces.is_empty() && reader.problems.is_empty() {
        reader.problems.push(Problem::Empty);
    }
    if reader.problems.is_empty() {
        Ok((pieces, reader.variables))
    } else {
        Err(reader.problems)
    }
}

#[derive(Default)]
struct Reader {
    variables: Vec<String>,
    problems: Vec<Problem>,
}

impl Reader {
    fn variable(&mut self, name: &str) -> String {
        if !self.variables.iter().any(|v| v == name) {
            self.variables.push(name.to_owned());
        }
        name.to_owned()
    }

    fn text(&mut self, text: &str, pieces: &mut Vec<Piece>) {
        if let Some(c) = text.chars().find(|&c| is_control(c)) {
            self.problems.push(Problem::ControlCharacter(u32::from(c)));
        }
        if text.is_empty() {
            return;
        }
        match pieces.last_mut() {
            Some(Piece::Text(last)) => last.push_str(text),
            _ => pieces.push(Piece::Text(text.to_owned())),
        }
    }

    fn pattern(&mut self, pattern: &ast::Pattern<&str>, top: bool) -> Vec<Piece> {
        let mut pieces = Vec::new();
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => self.text(value, &mut pieces),
                PatternElement::Placeable { expression } => {
                    self.expression(expression, top, &mut pieces)
                }
            }
        }
        pieces
    }

    fn expression(&mut self, expression: &Expression<&str>, top: bool, pieces: &mut Vec<Piece>) {
        match expression {
            Expression::Inline(inline) => self.inline(inline, top, pieces),
            Expression::Select { .. } if !top => self.problems.push(Problem::NestedSelect),
            Expression::Select { selector, variants } => {
                let on = match selector {
                    InlineExpression::VariableReference { id } => self.variable(id.name),
                    InlineExpression::FunctionReference { id, .. } => {
                        self.problems.push(Problem::Function(id.name.to_owned()));
                        return;
                    }
                    _ => {
                        self.problems.push(Problem::SelectorNotVariable);
                        return;
                    }
                };
                let variants = variants
                    .iter()
                    .map(|variant| {
                        let key = match variant.key {
                            VariantKey::Identifier { name } => name.to_owned(),
                            VariantKey::NumberLiteral { value } => {
                                let whole = value.bytes().all(|b| b.is_ascii_digit())
                                    && value.parse::<u32>().is_ok();
                                if !whole {
                                    self.problems.push(Problem::NumberKey(value.to_owned()));
                                }
                                value.to_owned()
                            }
                        };
                        Variant {
                            key,
                            default: variant.default,
                            pieces: self.pattern(&variant.value, false),
                        }
                    })
                    .collect();
                pieces.push(Piece::Select { on, variants });
            }
        }
    }

    fn inline(&mut self, inline: &InlineExpression<&str>, top: bool, pieces: &mut Vec<Piece>) {
        match inline {
            InlineExpression::StringLiteral { value } => {
                self.text(&unescape_unicode_to_string(value), pieces)
            }
            InlineExpression::VariableReference { id } => {
                let name = self.variable(id.name);
                pieces.push(Piece::Variable(name));
            }
            InlineExpression::Placeable { expression } => self.expression(expression, top, pieces),
            InlineExpression::NumberLiteral { value } => self
                .problems
                .push(Problem::NumberLiteral((*value).to_owned())),
            InlineExpression::FunctionReference { id, .. } => {
                self.problems.push(Problem::Function(id.name.to_owned()))
            }
            InlineExpression::MessageReference { id, .. } => self
                .problems
                .push(Problem::MessageReference(id.name.to_owned())),
            InlineExpression::TermReference { id, .. } => self
                .problems
                .push(Problem::TermReference(id.name.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_names_are_camel_case() {
        assert_eq!(rust_name("form-submit"), "FormSubmit");
        assert_eq!(rust_name("map_aria-label2"), "MapAriaLabel2");
        assert_eq!(rust_name("x"), "X");
    }

    #[test]
    fn lines_are_counted_from_one() {
        assert_eq!(line_at("a\nb\nc", 0), 1);
        assert_eq!(line_at("a\nb\nc", 2), 2);
        assert_eq!(line_at("a\nb\nc", 99), 3);
    }
}
