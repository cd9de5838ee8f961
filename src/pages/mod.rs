//! One file per screen.

pub mod config_error;
pub mod file;
pub mod history;
pub mod my_map;
pub mod pilots;
pub mod team_map;
