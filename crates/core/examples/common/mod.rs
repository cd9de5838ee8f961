//! Shared by the core's examples.
pub mod synthetic;
