//! Browser I/O only: the deployment config, the language and its catalog, the device's local storage,
//! fetch (one function, [`fetch::send`]), downloads, the modules loaded
//! later, and the reactive stores the pages read. Whatever a browser call throws becomes a
//! [`browser::BrowserError`] in one place.

pub mod browser;
pub mod catalog;
pub mod config;
pub mod device;
pub mod download;
pub mod fetch;
pub mod history;
pub mod maps;
pub mod notices;
pub mod pilot_desk;
pub mod pilot_results;
pub mod prefs;
pub mod sync;
pub mod tokens;
