//! Candor's client-side app: file a report in seconds, keep it on the device,
//! see your own task-fit map.
//!
//! Every rule (what a valid report is, which week a day falls in, how reports
//! become cells) lives in `candor_core`; this crate only draws and moves bytes.
//!
//! Layers, each using only those before it (no module cycle):
//!
//! ```text
//! language    the app's words: the compiled English catalog, t() and tf()
//!   → store   browser I/O: local storage, fetch, downloads, the outbox's sender,
//!             the modules loaded later (the maps, the pilots, the token client)
//!   → state   each page's state and transitions, plain Rust, tested natively
//!   → router  the app's base, the page on show, links, the deep link's query
//!   → components  reusable views: pickers, header, notices
//!   → pages   one per screen; they bind a state type to the DOM
//!   → app     loads the config, opens the stores, shows the routed page
//! ```
//!
//! The router sits below the components because links (in the header, on
//! pages) are part of it; it knows pages only as [`router::Page`] values,
//! and the app maps those to page components.

pub mod app;
pub mod components;
pub mod language;
pub mod pages;
pub mod router;
pub mod state;
pub mod store;

/// Mounts the app on `<body>`; called once by the binary.
pub fn mount() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into())
    }));
    leptos::mount::mount_to_body(app::App);
}
