//! Each page's state and transitions as plain Rust types, apart from their
//! views: what the page holds, what each user action changes, which server
//! answer is current. They never touch the browser, so they are tested
//! natively (`cargo test -p candor --lib`); the pages only bind them.

pub mod form;
pub mod history;

/// The default deployment config, for the state tests.
#[cfg(test)]
pub(crate) fn test_config() -> candor_core::Config {
    candor_core::Config::from_json(include_str!("../../public/candor.json"))
        .expect("the default config is valid")
}
