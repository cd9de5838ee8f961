//! Candor's client-side app: file a report in seconds, keep it on the device,
//! see your own task-fit map.
//!
//! Every rule (what a valid report is, which week a day falls in, how reports
//! become cells) lives in `candor_core`; this crate only draws and moves bytes.

pub mod app;
pub mod components;
pub mod pages;
pub mod router;
pub mod store;

/// Mounts the app on `<body>`; called once by the binary.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
