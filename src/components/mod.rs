//! Reusable views: the header, the notice board, the pickers, the heatmap,
//! and the team map's filter bar and cell detail.

pub mod cell_detail;
pub mod choice_picker;
pub mod filter_bar;
pub mod header;
pub mod heatmap;
pub mod notice_board;
pub mod outcome_picker;
