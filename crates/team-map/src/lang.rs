//! The module's words in the language shown (SPEC §9): every sentence,
//! label and number it writes comes from its catalog, `locales/<lang>/team-map.ftl`,
//! through [`t`] and [`tf`].
//!
//! English is compiled in (`build.rs` generates [`Msg`], [`COUNT`] and
//! [`ENGLISH`] from `locales/en/team-map.ftl`); another language's compiled
//! catalog is fetched by [`load`] before the module draws, and where it
//! cannot be had the module draws in English and says so.

candor_language::module_words!("team-map");
