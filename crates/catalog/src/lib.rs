//! Candor's message catalogs, compiled at build time (SPEC §9).
//!
//! Translators edit Fluent files, `locales/<lang>/<domain>.ftl`, one
//! directory per language (`en`, `de`, `fr`, `es`, `ja`, `ar`). English is
//! the source: every other language has exactly its files, its message ids
//! and, per message, its variables. This crate turns those files into the
//! compact catalogs `candor_core::catalog` formats in the browser, so the
//! app carries no Fluent runtime (about 65 KB gzip, SPEC §8):
//!
//! - [`compile_source`] reads one Fluent file into [`Message`]s, refusing
//!   what a compiled catalog cannot carry ([`SourceError`]: terms,
//!   attributes, message references, functions, nested selects);
//! - [`align`] puts a translation in English's order with English's
//!   argument numbers, or names every missing id, extra id and message
//!   whose variables differ ([`CatalogMismatch`]);
//! - [`pseudo`] makes the `en-XA` pseudo-locale from English;
//! - [`rust_source`] and [`build_script`] write the app's `enum Msg` and
//!   the English catalog, compiled into the main bundle;
//! - [`compile_all`] writes every language's catalog, `<code>.<domain>.txt`,
//!   and reports every failure at once; [`compile_present`] (the
//!   `candor-catalog` binary, run by the app's build) does so for the
//!   languages that have a directory yet.
//!
//! The crate's README.md gives the translator's workflow and what each
//! error means; `candor_core::catalog` describes the compiled format (one
//! message per line, placeables as control characters).
//!
//! ```
//! use candor_catalog::{align, compile_source};
//! use candor_core::catalog::{format, Arg, Plain};
//!
//! let english = compile_source(
//!     "saved = { $count ->
//!         [one] One report saved
//!        *[other] { $count } reports saved
//!     } for { $week }",
//! )?;
//! let german = compile_source(
//!     "saved = Für { $week } { $count ->
//!         [one] ein Bericht
//!        *[other] { $count } Berichte
//!     } gespeichert",
//! )?;
//! let lines = align(&english, &german)?;
//! let args = [Arg::Count(3), Arg::Text("2026-W07")];
//! assert_eq!(format(&english[0].compiled(), &args, &Plain), "3 reports saved for 2026-W07");
//! assert_eq!(format(&lines[0], &args, &Plain), "Für 2026-W07 3 Berichte gespeichert");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]

mod align;
mod files;
mod pseudo;
mod source;

pub use align::{align, CatalogMismatch, VariableMismatch};
pub use files::{
    build_script, catalog_text, compile, compile_all, compile_present, rust_source, Failure,
    Failures, Present,
};
pub use pseudo::{pseudo, pseudo_text};
pub use source::{compile_source, rust_name, Message, Problem, SourceError, SourceErrors};
