//! Browser I/O only: the deployment config, the device's local storage, and
//! the reactive state the pages read.

pub mod config;
pub mod device;
pub mod download;
pub mod fetch;
pub mod history;
pub mod notices;
pub mod prefs;
pub mod sync;
pub mod team;
