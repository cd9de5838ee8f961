//! The device: local storage keys, setting unreadable data aside, and the two
//! things a report takes from the device (a random id and this ISO week).

use candor_core::{IsoWeek, ReportId};
use thiserror::Error;

use super::browser::BrowserError;

/// Where the employee's own history lives.
pub const HISTORY_KEY: &str = "candor.history";
/// Where remembered choices (last task, tool, team; history on or off) live.
pub const PREFS_KEY: &str = "candor.prefs";
/// Prefix of the keys under which unreadable data is kept aside, never deleted.
pub const ASIDE_PREFIX: &str = "candor.aside.";

/// Why the browser's local storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    /// Local storage is switched off or blocked (private mode, policy).
    #[error(
        "this browser does not let Candor keep anything on the device (local storage is blocked)"
    )]
    Unavailable,
    /// The browser refused a write, usually because the device is full.
    #[error("the browser refused to save ({0}); the device may be out of space")]
    Refused(BrowserError),
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// Reads one key; `Ok(None)` when it was never written.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    storage()?
        .get_item(key)
        .map_err(|error| StorageError::Refused(error.into()))
}

/// Writes one key, returning only once the browser has accepted the value.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?
        .set_item(key, value)
        .map_err(|error| StorageError::Refused(error.into()))
}

/// Removes one key.
pub fn remove(key: &str) -> Result<(), StorageError> {
    storage()?
        .remove_item(key)
        .map_err(|error| StorageError::Refused(error.into()))
}

/// Keeps `raw` under a fresh `candor.aside.<name>.<n>` key and returns that key.
pub fn set_aside(name: &str, raw: &str) -> Result<String, StorageError> {
    let store = storage()?;
    let key = (1..)
        .map(|n| format!("{ASIDE_PREFIX}{name}.{n}"))
        .find(|key| matches!(store.get_item(key), Ok(None)))
        .expect("an unused key exists");
    write(&key, raw)?;
    Ok(key)
}

/// All keys that hold data set aside, oldest first.
pub fn aside_keys() -> Vec<String> {
    let Ok(store) = storage() else {
        return Vec::new();
    };
    let count = store.length().unwrap_or(0);
    // A B-tree set sorts them: a slice sort would link another stable sort
    // (about 3 KB) into the app's main transfer (SPEC §8).
    let mut keys = std::collections::BTreeSet::new();
    for key in (0..count).filter_map(|index| store.key(index).ok().flatten()) {
        if key.starts_with(ASIDE_PREFIX) {
            keys.insert(key);
        }
    }
    keys.into_iter().collect()
}

/// Fills `bytes` from the browser's cryptographic generator.
pub fn random_bytes(bytes: &mut [u8]) {
    web_sys::window()
        .and_then(|window| window.crypto().ok())
        .and_then(|crypto| crypto.get_random_values_with_u8_array(bytes).ok())
        .expect("the browser offers crypto.getRandomValues");
}

/// A fresh report id: 128 random bits, linked to nothing.
pub fn new_report_id() -> ReportId {
    let mut bytes = [0u8; 16];
    random_bytes(&mut bytes);
    ReportId::from_bytes(bytes)
}

/// The ISO week of today's date on this device; no finer time is ever kept.
pub fn this_week() -> IsoWeek {
    let now = js_sys::Date::new_0();
    let date = chrono::NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .expect("the browser's date is a valid calendar date");
    IsoWeek::from_date(date)
}
