//! Reusable views: the header, the notice board and the pickers. (The
//! heatmap, the team map's filter bar and cell detail are drawn by the
//! team-map module, `crates/team-map`.)

pub mod choice_picker;
pub mod header;
pub mod notice_board;
pub mod outcome_picker;
