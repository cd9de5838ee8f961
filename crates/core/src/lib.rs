//! Candor's rules, written once.
//!
//! Candor lets employees say, in seconds and anonymously, whether an AI tool
//! helped on a task, and shows where AI fits as task × tool heatmaps. This
//! crate holds everything that must mean the same in the browser, the sync
//! server and any export, and nothing that talks to a network or a screen:
//!
//! Modules, in layers: each uses only those on lower lines (checked by
//! `scripts/module-layers.py`, which fails on a cycle).
//!
//! ```text
//! release                      (feature `audit`) every view, audited until lp_audit finds nothing
//! publish                      counts -> nested -> one honest view
//! nested   pilot               what nested views must also hide, and its audit (SPEC §5.2) |
//!                              a pilot's statistics: time and felt effects, hidden per §5 (SPEC §10)
//! privacy                      randomized response and its debiasing (SPEC §6.6)
//! outbox   suppress  lp_audit  the device's queue (§6.3, §7) | one view's hiding and audit (§5) |
//!                              (feature `audit`) the linear-programming attack on a release (§5.2)
//! batch    counts    view      POST /reports and its answer | stored counts | GET /aggregate's body
//! aggregate  filter  history  error_body  token
//!                              counts and Wilson intervals | view filters and choices |
//!                              the device's history | the API's error body |
//!                              anonymous credentials' documents (SPEC §6.10)
//! report                       the report wire format (SPEC §2) and its validator
//! config                       the deployment's candor.json (SPEC §3)
//! week  ids  health  catalog   ISO weeks and periods | task, tool and team ids | GET /health |
//!                              message catalogs and their formatter (SPEC §9)
//! ```
//!
//! - [`week`]: ISO weeks, the only time a report carries, and periods;
//! - [`ids`]: the ids of tasks, tools and teams, and `none`;
//! - [`config`]: the deployment's `candor.json` (SPEC §3);
//! - [`report`]: the report wire format (SPEC §2) and its validator;
//! - [`aggregate`]: counts, Wilson intervals and task × tool grids;
//! - [`filter`]: which reports a shared view counts, and the filter choices document;
//! - [`history`]: the device's own stored history, versioned;
//! - [`error_body`]: the sync API's error body (SPEC §4);
//! - [`token`]: the token issuer's documents and a spent token (SPEC §6.10);
//! - [`batch`]: a batch of reports and the server's answer (SPEC §4);
//! - [`view`]: the published view a sync server sends (SPEC §4, §5);
//! - [`counts`]: stored counts, what a server keeps instead of reports (SPEC §6.4);
//! - [`outbox`]: reports waiting for the sync server and when they may leave;
//! - [`suppress`](mod@suppress): what one shared view must hide (SPEC §5), and its audit;
//! - [`privacy`]: randomized response on the outcome and its debiasing (SPEC §6.6);
//! - [`nested`]: what must also be hidden so nested views cannot be subtracted, and its audit;
//! - [`pilot`]: a pilot's statistics, the measured time and felt effects of AI
//!   by arm with honest intervals and verdicts, hidden under §5 (SPEC §10);
//! - [`publish`](mod@publish): stored counts in, an honest view out;
//! - `lp_audit` (feature `audit`): the linear-programming attack on a whole
//!   release, run as an audit by the sync server on itself;
//! - `release` (feature `audit`): every view the sync server publishes, with
//!   extra suppression until `lp_audit` finds nothing;
//! - [`health`]: the sync server's health answer;
//! - [`catalog`]: message catalogs compiled from Fluent files, their
//!   formatter and the languages Candor ships (SPEC §9).
//!
//! Every document that crosses a boundary (report, batch, answer, error
//! body, published view, filter choices, config) is defined here once, with
//! `Serialize` derived, an OpenAPI schema behind the `openapi` feature, and
//! where the browser app reads it, a hand-written reader beside it (a
//! derived one would cost the app's size budget, SPEC §8).
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
pub mod catalog;
pub mod config;
pub mod counts;
pub mod error_body;
pub mod filter;
pub mod health;
pub mod history;
pub mod ids;
#[cfg(feature = "audit")]
pub mod lp_audit;
pub mod nested;
pub mod outbox;
pub mod pilot;
pub mod privacy;
pub mod publish;
#[cfg(feature = "audit")]
pub mod release;
pub mod report;
pub mod suppress;
pub mod token;
pub mod view;
pub mod week;

pub use aggregate::{wilson, Axis, CellCounts, Grid, Share, Tally, Z_95};
pub use batch::{check_reports, Batch, BatchAnswer, RejectedIndex, MAX_BATCH};
pub use config::{Choice, Config, ConfigError, Credentials, Pilot, Privacy, DEFAULT_K, MIN_K};
pub use counts::{CountIndex, StoredCount};
pub use error_body::{ErrorBody, ServerError};
pub use filter::{
    AggregateFilter, ChoiceState, Choices, Dimension, FilterChoice, FilterError, FILTER_PARAMETERS,
};
pub use health::Health;
pub use history::{History, HistoryError, ImportOutcome, Loaded, SetAside, SCHEMA};
pub use ids::{is_identifier, IDENTIFIER_PATTERN, MAX_IDENTIFIER_LEN, NO_AI};
pub use nested::{audit_nested, NestedViews};
pub use outbox::{Delivery, Outbox, OutboxError, Randomness, SendPolicy, SendQueue};
pub use pilot::{
    counted_weeks, is_bucket, t_quantile_95, weeks_before, Arm, ArmResults, BeforeAfter,
    CountsBefore, Difference, Disagreement, Effect, Mean, PilotCount, PilotList, PilotResults,
    PilotSummary, PilotView, Ratio, StoredPilotCount, TaskResults, Verdict, MINUTE_BUCKETS,
};
pub use publish::publish;
pub use report::{
    outcome_label, Complexity, Effort, PilotReport, Reason, Report, ReportError, ReportId, Rule,
    FORMAT_VERSION, MAX_REASONS, OUTCOME_LABELS, OUTCOME_MAX, OUTCOME_MIN, PILOT_FORMAT_VERSION,
};
pub use suppress::{audit, suppress, suppress_with, AuditFailure, Suppression};
pub use token::{Token, TokenError, TokenIssue, TokenKey, TokenRequest, MAX_TOKENS_PER_REQUEST};
pub use view::{GroupCount, Published, PublishedCell, TaskCount, ToolCount, WeekRange};
pub use week::{IsoWeek, Period, PeriodError, WeekError};
