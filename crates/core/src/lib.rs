//! Candor's rules, written once.
//!
//! Candor lets employees say, in seconds and anonymously, whether an AI tool
//! helped on a task, and shows where AI fits as task × tool heatmaps. This
//! crate holds everything that must mean the same in the browser, the sync
//! server and any export, and nothing that talks to a network or a screen:
//!
//! - [`report`]: the report wire format (SPEC §2) and its validator;
//! - [`week`]: ISO weeks, the only time a report carries, and periods;
//! - [`config`]: the deployment's `candor.json` (SPEC §3);
//! - [`aggregate`]: counts, Wilson intervals and task × tool grids;
//! - [`history`]: the device's own stored history, versioned;
//! - [`outbox`]: reports waiting for the sync server and when they may leave;
//! - [`publish`](mod@publish): the shared aggregate a sync server publishes, and stored counts;
//! - [`suppress`](mod@suppress): what one shared view must hide (SPEC §5), and its audit;
//! - [`nested`]: what must also be hidden so nested views cannot be subtracted, and its audit;
//! - [`privacy`]: randomized response on the outcome and its debiasing (SPEC §6.6).
//!
//! ```
//! use candor_core::{Config, Report, Tally, Grid};
//!
//! let config = Config::from_json(
//!     r#"{"tasks":[{"id":"code_review","label":"Code review"}],"tools":[]}"#,
//! )?;
//! let report = Report::from_json(
//!     r#"{"v":1,"id":"0123456789abcdef0123456789abcdef","week":"2026-W07",
//!         "task":"code_review","tool":"none","outcome":1}"#,
//! )?;
//! report.check_against(&config)?;
//! let tally: Tally = [&report].into_iter().collect();
//! let grid = Grid::build(&tally, &config);
//! assert_eq!(grid.cols[0].label, "No AI");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]

pub mod aggregate;
pub mod batch;
pub mod config;
pub mod error_body;
pub mod health;
pub mod history;
pub mod ids;
pub mod nested;
pub mod outbox;
pub mod privacy;
pub mod publish;
pub mod report;
pub mod suppress;
pub mod week;

pub use aggregate::{wilson, Axis, CellCounts, Grid, Share, Tally, Z_95};
pub use batch::{check_reports, Batch, BatchAnswer, RejectedIndex, MAX_BATCH};
pub use config::{Choice, Config, ConfigError, Privacy, DEFAULT_K, MIN_K};
pub use error_body::{ErrorBody, ServerError};
pub use health::Health;
pub use history::{History, HistoryError, ImportOutcome, Loaded, SetAside, SCHEMA};
pub use ids::{is_identifier, IDENTIFIER_PATTERN, MAX_IDENTIFIER_LEN, NO_AI};
pub use nested::{audit_nested, ChoiceState, Choices, Dimension, FilterChoice, NestedViews};
pub use outbox::{Delivery, Outbox, OutboxError, Randomness, SendPolicy, SendQueue};
pub use publish::{
    publish, AggregateFilter, CountIndex, FilterError, GroupCount, Published, PublishedCell,
    StoredCount, TaskCount, ToolCount, WeekRange, FILTER_PARAMETERS,
};
pub use report::{
    outcome_label, Complexity, Effort, Reason, Report, ReportError, ReportId, Rule, FORMAT_VERSION,
    MAX_REASONS, OUTCOME_LABELS, OUTCOME_MAX, OUTCOME_MIN,
};
pub use suppress::{audit, suppress, suppress_with, AuditFailure, Suppression};
pub use week::{IsoWeek, Period, PeriodError, WeekError};
