//! Reusable views: the header, the notice board, the outcome picker and the
//! heatmap.

pub mod choice_picker;
pub mod header;
pub mod heatmap;
pub mod notice_board;
pub mod outcome_picker;
