//! The API's handlers, one file per resource; each only moves bytes between HTTP and the core.

pub mod aggregate;
pub mod config;
pub mod health;
pub mod openapi;
pub mod pilots;
pub mod reports;
pub mod tokens;
