//! The shared aggregate (SPEC §4 `GET /aggregate`, §5): stored counts in, an honest view out.
//!
//! A sync server keeps one [`StoredCount`] per distinct report content, never
//! the reports themselves (SPEC §6.4). [`publish`] turns those counts into
//! a [`Published`] view for one [`AggregateFilter`]: closed weeks only, the
//! filter applied, and hidden where [`crate::suppress`](mod@crate::suppress)
//! says for the view alone and [`crate::nested`] says across views. The same types read the server's JSON in
//! the browser, so both sides share one definition of the body.
//!
//! ```
//! use candor_core::{AggregateFilter, Config, IsoWeek, Report, StoredCount, publish};
//!
//! let config = Config::from_json(r#"{"tasks":[{"id":"docs","label":"Docs"}],"tools":[],"k":3}"#)?;
//! let counts: Vec<StoredCount> = (0..4u8)
//!     .map(|i| {
//!         let text = format!(
//!             r#"{{"v":1,"id":"{:032x}","week":"2026-W07","task":"docs","tool":"none","outcome":1}}"#,
//!             i
//!         );
//!         StoredCount::of(&Report::from_json(&text).unwrap())
//!     })
//!     .collect();
//! let filter = AggregateFilter::from_query([("period", "2026-Q1")])?;
//! let this_week: IsoWeek = "2026-W08".parse()?;
//! let view = publish(&counts, &filter, &config, this_week);
//! assert_eq!(view.total.n, Some(4));
//! assert_eq!(view.cells[0].outcomes, Some([0, 0, 0, 4, 0]));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Serialize};

use crate::aggregate::{CellCounts, Share};
use crate::config::Config;
use crate::nested::{ClosedGroups, NestedViews};
use crate::report::{is_identifier, outcome_index, Complexity, Effort, Reason, Report};
use crate::week::{IsoWeek, Period};

/// A shared aggregate: counts by task × tool for the closed weeks it covers (SPEC §4).
///
/// A group whose `n` is `null` is hidden by the rules of SPEC §5 and says
/// nothing else. A cell the view does not list has no reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Published {
    /// The minimum group size these numbers were published under.
    pub k: u32,
    /// The first and last closed week holding a counted report; `null` when the total is hidden or 0.
    pub weeks: Option<WeekRange>,
    /// All counted reports.
    pub total: GroupCount,
    /// One row total per task: the config's tasks in order, then retired ids seen in reports.
    pub tasks: Vec<TaskCount>,
    /// One column total per tool: `none` first, then the config's tools, then retired ids.
    pub tools: Vec<ToolCount>,
    /// Every task × tool cell with at least one report, row by row in the order of `tasks` and `tools`.
    pub cells: Vec<PublishedCell>,
}

impl<'de> Deserialize<'de> for Published {
    /// Reads a view with [`Published::from_value`].
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Published, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        Published::from_value(&value).map_err(serde::de::Error::custom)
    }
}

impl Published {
    /// Reads a view from parsed JSON, by hand rather than derived: the
    /// browser app reads it, and every derived parser costs it kilobytes of
    /// its size budget (SPEC §8). The error names the part that is wrong.
    pub fn from_value(value: &serde_json::Value) -> Result<Published, String> {
        use serde_json::Value;
        let count = |group: &Value, at: &str| -> Result<Option<u64>, String> {
            match group.get("n") {
                Some(Value::Null) => Ok(None),
                Some(n) => n.as_u64().map(Some).ok_or(format!("{at}.n is not a count")),
                None => Err(format!("{at}.n is missing")),
            }
        };
        let text = |group: &Value, key: &str, at: &str| -> Result<String, String> {
            group
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or(format!("{at}.{key} is missing"))
        };
        let list = |key: &str| -> Result<&Vec<Value>, String> {
            value
                .get(key)
                .and_then(Value::as_array)
                .ok_or(format!("{key} is not a list"))
        };
        let week = |range: &Value, key: &str| -> Result<IsoWeek, String> {
            range
                .get(key)
                .and_then(Value::as_str)
                .and_then(|week| week.parse().ok())
                .ok_or(format!("weeks.{key} is not a week"))
        };
        let weeks = match value.get("weeks") {
            None | Some(Value::Null) => None,
            Some(range) => Some(WeekRange {
                from: week(range, "from")?,
                to: week(range, "to")?,
            }),
        };
        let tasks = list("tasks")?
            .iter()
            .map(|group| {
                Ok(TaskCount {
                    task: text(group, "task", "tasks[]")?,
                    n: count(group, "tasks[]")?,
                })
            })
            .collect::<Result<_, String>>()?;
        let tools = list("tools")?
            .iter()
            .map(|group| {
                Ok(ToolCount {
                    tool: text(group, "tool", "tools[]")?,
                    n: count(group, "tools[]")?,
                })
            })
            .collect::<Result<_, String>>()?;
        let cells = list("cells")?
            .iter()
            .map(|cell| {
                let outcomes = match cell.get("outcomes").and_then(Value::as_array) {
                    None => None,
                    Some(counts) => {
                        let mut outcomes = [0u64; 5];
                        if counts.len() != 5 {
                            return Err("cells[].outcomes must hold 5 counts".to_string());
                        }
                        for (slot, count) in outcomes.iter_mut().zip(counts) {
                            *slot = count.as_u64().ok_or("cells[].outcomes holds a non-count")?;
                        }
                        Some(outcomes)
                    }
                };
                let helped = match cell.get("helped") {
                    None | Some(Value::Null) => None,
                    Some(share) => {
                        let part = |key: &str| {
                            share
                                .get(key)
                                .and_then(Value::as_f64)
                                .ok_or(format!("cells[].helped.{key} is not a number"))
                        };
                        Some(Share {
                            share: part("share")?,
                            low: part("low")?,
                            high: part("high")?,
                        })
                    }
                };
                let reasons = cell
                    .get("reasons")
                    .and_then(Value::as_object)
                    .map(|counts| {
                        counts
                            .iter()
                            .filter_map(|(reason, n)| Some((Reason::parse(reason)?, n.as_u64()?)))
                            .collect()
                    });
                Ok(PublishedCell {
                    task: text(cell, "task", "cells[]")?,
                    tool: text(cell, "tool", "cells[]")?,
                    n: count(cell, "cells[]")?,
                    outcomes,
                    helped,
                    reasons,
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(Published {
            k: value
                .get("k")
                .and_then(Value::as_u64)
                .and_then(|k| u32::try_from(k).ok())
                .ok_or("k is missing")?,
            weeks,
            total: GroupCount {
                n: count(value.get("total").ok_or("total is missing")?, "total")?,
            },
            tasks,
            tools,
            cells,
        })
    }
}

/// The closed weeks a view covers, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeekRange {
    /// The first week, e.g. `2026-W36`.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2026-W36"))]
    pub from: IsoWeek,
    /// The last week.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2026-W47"))]
    pub to: IsoWeek,
}

/// The size of a group, or `null` where SPEC §5 hides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupCount {
    /// Reports in the group; `null` when hidden.
    pub n: Option<u64>,
}

/// A task's row total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TaskCount {
    /// The task id.
    pub task: String,
    /// Reports for this task; `null` when hidden.
    pub n: Option<u64>,
}

/// A tool's column total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ToolCount {
    /// The tool id; `none` is the baseline.
    pub tool: String,
    /// Reports with this tool; `null` when hidden.
    pub n: Option<u64>,
}

/// One task × tool cell; when `n` is `null` the other fields are absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishedCell {
    /// The task id.
    pub task: String,
    /// The tool id.
    pub tool: String,
    /// Reports in the cell; `null` when hidden.
    pub n: Option<u64>,
    /// Reports per outcome, −2 (much worse) to 2 (helped a lot).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Vec<u64>>, example = json!([1, 3, 12, 10, 5])))]
    pub outcomes: Option<[u64; 5]>,
    /// The share of reports with outcome above 0, with its Wilson 95% interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helped: Option<Share>,
    /// How many reports gave each reason (a report may give up to three).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<BTreeMap<String, u64>>, example = json!({"checking": 4})))]
    pub reasons: Option<BTreeMap<Reason, u64>>,
}

/// Which reports a view counts: `GET /aggregate?period=…&team=…&complexity=…&mandated=…&effort=…`.
///
/// A filter on an optional field counts only reports that answered it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AggregateFilter {
    /// The weeks counted, judged by each week's Thursday.
    pub period: Period,
    /// Only this team.
    pub team: Option<String>,
    /// Only routine or only complex tasks.
    pub complexity: Option<Complexity>,
    /// Only use that was (or was not) mandated.
    pub mandated: Option<bool>,
    /// Only this much checking effort.
    pub effort: Option<Effort>,
}

impl Default for AggregateFilter {
    fn default() -> AggregateFilter {
        AggregateFilter {
            period: Period::All,
            team: None,
            complexity: None,
            mandated: None,
            effort: None,
        }
    }
}

/// The filter parameters, in the order [`AggregateFilter::to_query`] writes them.
pub const FILTER_PARAMETERS: [&str; 5] = ["period", "team", "complexity", "mandated", "effort"];

/// Why a query string is not an [`AggregateFilter`]; each names the parameter to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    /// The parameter is not a filter (a typo must not silently widen the view).
    #[error(
        "`{0}` is not a filter; the filters are period, team, complexity, mandated and effort"
    )]
    Unknown(String),
    /// The parameter is given twice.
    #[error("`{0}` is given more than once; give each filter at most once")]
    Repeated(String),
    /// The value is not one the parameter takes.
    #[error("`{parameter}` {problem}")]
    Invalid {
        /// The parameter, e.g. `period`.
        parameter: &'static str,
        /// What it must be, e.g. "must be one of: low, medium, high".
        problem: String,
    },
}

impl FilterError {
    /// The query parameter at fault.
    pub fn parameter(&self) -> &str {
        match self {
            FilterError::Unknown(name) | FilterError::Repeated(name) => name,
            FilterError::Invalid { parameter, .. } => parameter,
        }
    }

    /// The stable snake_case code, as the HTTP API returns it.
    pub fn code(&self) -> &'static str {
        match self {
            FilterError::Unknown(_) => "unknown_parameter",
            FilterError::Repeated(_) => "repeated_parameter",
            FilterError::Invalid { .. } => "bad_parameter",
        }
    }
}

fn invalid(parameter: &'static str, problem: impl Into<String>) -> FilterError {
    FilterError::Invalid {
        parameter,
        problem: problem.into(),
    }
}

impl AggregateFilter {
    /// Reads a filter from decoded query pairs; every parameter is optional.
    ///
    /// Strict on purpose: an unknown, repeated or empty parameter is an
    /// error rather than ignored, because a silently wider view is a wrong
    /// number. Leave a parameter out to count every answer.
    pub fn from_query<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Result<AggregateFilter, FilterError> {
        let mut filter = AggregateFilter::default();
        let mut given = [false; FILTER_PARAMETERS.len()];
        for (name, value) in pairs {
            let (name, value) = (name.as_ref(), value.as_ref());
            let Some(slot) = FILTER_PARAMETERS.iter().position(|p| *p == name) else {
                return Err(FilterError::Unknown(name.to_owned()));
            };
            if std::mem::replace(&mut given[slot], true) {
                return Err(FilterError::Repeated(name.to_owned()));
            }
            let parameter = FILTER_PARAMETERS[slot];
            if value.is_empty() {
                return Err(invalid(
                    parameter,
                    "is empty; leave it out to count every answer",
                ));
            }
            match parameter {
                "period" => {
                    filter.period = value
                        .parse()
                        .map_err(|err| invalid(parameter, format!("{err} (got {value:?})")))?;
                }
                "team" if is_identifier(value) => filter.team = Some(value.to_owned()),
                "team" => {
                    return Err(invalid(
                        parameter,
                        "must be a team id from candor.json, e.g. payments",
                    ))
                }
                "complexity" => {
                    filter.complexity =
                        Some(Complexity::parse(value).ok_or_else(|| {
                            invalid(parameter, "must be one of: routine, complex")
                        })?);
                }
                "mandated" => {
                    filter.mandated = Some(match value {
                        "true" => true,
                        "false" => false,
                        _ => return Err(invalid(parameter, "must be true or false")),
                    });
                }
                _ => {
                    filter.effort =
                        Some(Effort::parse(value).ok_or_else(|| {
                            invalid(parameter, "must be one of: low, medium, high")
                        })?);
                }
            }
        }
        Ok(filter)
    }

    /// The query string for this filter, without `?`; empty for the default (everything).
    ///
    /// Every value is an id or a period, so nothing needs percent-encoding.
    pub fn to_query(&self) -> String {
        let mut query = String::new();
        let mut add = |name: &str, value: &dyn std::fmt::Display| {
            let sep = if query.is_empty() { "" } else { "&" };
            // Writing to a String cannot fail.
            let _ = write!(query, "{sep}{name}={value}");
        };
        if self.period != Period::All {
            add("period", &self.period);
        }
        if let Some(team) = &self.team {
            add("team", team);
        }
        if let Some(complexity) = self.complexity {
            add("complexity", &complexity);
        }
        if let Some(mandated) = self.mandated {
            add("mandated", &mandated);
        }
        if let Some(effort) = self.effort {
            add("effort", &effort);
        }
        query
    }
}

impl std::str::FromStr for AggregateFilter {
    type Err = FilterError;

    /// Reads what [`AggregateFilter::to_query`] writes (`period=2026-Q1&team=pay`,
    /// no `?`, nothing percent-encoded), with the rules of [`AggregateFilter::from_query`].
    fn from_str(query: &str) -> Result<AggregateFilter, FilterError> {
        AggregateFilter::from_query(
            query
                .split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| pair.split_once('=').unwrap_or((pair, ""))),
        )
    }
}

/// How many stored reports share one exact content (SPEC §6.4): the server's unit of storage.
///
/// Everything a report says except its id, plus the number of reports that
/// said it. Reasons are sorted, so the order a person ticked them in does
/// not split a count.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StoredCount {
    /// The week the tasks were done in.
    pub week: IsoWeek,
    /// The task id.
    pub task: String,
    /// The tool id.
    pub tool: String,
    /// The outcome, −2 to 2.
    pub outcome: i8,
    /// The effort answer, if given.
    pub effort: Option<Effort>,
    /// The mandated answer, if given.
    pub mandated: Option<bool>,
    /// The complexity answer, if given.
    pub complexity: Option<Complexity>,
    /// The team, if given.
    pub team: Option<String>,
    /// The reasons given, sorted.
    pub reasons: Vec<Reason>,
    /// How many reports had exactly this content.
    pub n: u64,
}

impl StoredCount {
    /// The content of one report, counted once; its id is left behind.
    pub fn of(report: &Report) -> StoredCount {
        let mut reasons = report.reasons.clone();
        reasons.sort_unstable();
        StoredCount {
            week: report.week,
            task: report.task.clone(),
            tool: report.tool.clone(),
            outcome: report.outcome,
            effort: report.effort,
            mandated: report.mandated,
            complexity: report.complexity,
            team: report.team.clone(),
            reasons,
            n: 1,
        }
    }

    /// Whether these reports fall in `filter`'s period and answer its questions the same way.
    ///
    /// Closed weeks are not checked here; [`publish`] does that.
    pub fn matches(&self, filter: &AggregateFilter) -> bool {
        filter.period.contains(self.week)
            && (filter.team.is_none() || filter.team == self.team)
            && (filter.complexity.is_none() || filter.complexity == self.complexity)
            && (filter.mandated.is_none() || filter.mandated == self.mandated)
            && (filter.effort.is_none() || filter.effort == self.effort)
    }
}

/// Publishes `counts` for `filter`: closed weeks only (before `current_week`), then SPEC §5.
///
/// `current_week` is the receiver's current week: a week is closed once it
/// has ended, so reports of the week still running never show (SPEC §5.6).
pub fn publish<'a>(
    counts: impl IntoIterator<Item = &'a StoredCount>,
    filter: &AggregateFilter,
    config: &Config,
    current_week: IsoWeek,
) -> Published {
    counts
        .into_iter()
        .collect::<CountIndex>()
        .publish(filter, config, current_week)
}

impl Published {
    /// The view as CSV: a header row, then one row per listed cell; a hidden cell's numbers are empty.
    ///
    /// Columns: `task, tool, n`; reports per outcome `much_worse,
    /// slowed_me, no_difference, helped, helped_a_lot` (−2 to 2);
    /// `helped_share, helped_low, helped_high` (share with outcome > 0 and
    /// its Wilson 95% interval, 4 decimals); then the reports giving each
    /// reason, `reason_checking` … `reason_friction`. Ids never need quoting.
    pub fn to_csv(&self) -> String {
        let mut csv = String::from(
            "task,tool,n,much_worse,slowed_me,no_difference,helped,helped_a_lot,\
             helped_share,helped_low,helped_high",
        );
        for reason in Reason::ALL {
            csv.push_str(",reason_");
            csv.push_str(reason.as_str());
        }
        csv.push('\n');
        for cell in &self.cells {
            let _ = write!(csv, "{},{},", cell.task, cell.tool);
            if let (Some(n), Some(outcomes)) = (cell.n, cell.outcomes) {
                let _ = write!(csv, "{n}");
                for count in outcomes {
                    let _ = write!(csv, ",{count}");
                }
                match cell.helped {
                    Some(h) => {
                        let _ = write!(csv, ",{:.4},{:.4},{:.4}", h.share, h.low, h.high);
                    }
                    None => csv.push_str(",,,"),
                }
                let reasons = cell.reasons.as_ref();
                for reason in Reason::ALL {
                    let count = reasons.and_then(|r| r.get(&reason)).copied().unwrap_or(0);
                    let _ = write!(csv, ",{count}");
                }
            } else {
                csv.push_str(&",".repeat(8 + Reason::ALL.len()));
            }
            csv.push('\n');
        }
        csv
    }

    /// The cell for `task` × `tool`, if it has reports.
    pub fn cell(&self, task: &str, tool: &str) -> Option<&PublishedCell> {
        self.cells
            .iter()
            .find(|cell| cell.task == task && cell.tool == tool)
    }
}

impl PublishedCell {
    /// A cell of a view: its counts when shown; only its ids when hidden.
    pub(crate) fn of(task: &str, tool: &str, counts: &CellCounts, hidden: bool) -> PublishedCell {
        if hidden {
            return PublishedCell {
                task: task.to_owned(),
                tool: tool.to_owned(),
                n: None,
                outcomes: None,
                helped: None,
                reasons: None,
            };
        }
        PublishedCell {
            task: task.to_owned(),
            tool: tool.to_owned(),
            n: Some(counts.n()),
            outcomes: Some(counts.outcomes),
            helped: counts.helped(),
            reasons: Some(counts.reasons.clone()),
        }
    }
}

/// Stored counts held in memory, grouped by everything a filter can ask.
///
/// A server answering `GET /aggregate` from a million reports must not
/// walk a million rows per request (SPEC §8: p99 ≤ 50 ms). Grouping by
/// week, task, tool and the filterable answers folds outcome and reasons
/// into sums, so the number of groups depends on the taxonomy and the
/// weeks, not on how many reports there are.
#[derive(Debug, Default)]
pub struct CountIndex {
    pub(crate) names: Vec<String>,
    pub(crate) ids: HashMap<String, u32>,
    pub(crate) groups: HashMap<GroupKey, GroupSums>,
    reports: u64,
    /// The closed weeks as views read them, resolved for the last current
    /// week asked; a server reads far more often than a closed week's counts
    /// change, and every reader would otherwise resolve its own copy.
    closed: Mutex<Option<Arc<ClosedGroups>>>,
}

impl Clone for CountIndex {
    fn clone(&self) -> CountIndex {
        CountIndex {
            names: self.names.clone(),
            ids: self.ids.clone(),
            groups: self.groups.clone(),
            reports: self.reports,
            closed: Mutex::new(self.closed_cache().clone()),
        }
    }
}

/// What a filter can ask about a group, with names interned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct GroupKey {
    pub(crate) week: IsoWeek,
    pub(crate) task: u32,
    pub(crate) tool: u32,
    pub(crate) team: Option<u32>,
    pub(crate) complexity: Option<Complexity>,
    pub(crate) mandated: Option<bool>,
    pub(crate) effort: Option<Effort>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct GroupSums {
    pub(crate) outcomes: [u64; 5],
    pub(crate) reasons: [u64; Reason::ALL.len()],
}

impl GroupSums {
    /// Reports in the group: every report has exactly one outcome.
    pub(crate) fn n(&self) -> u64 {
        self.outcomes.iter().sum()
    }
}

impl CountIndex {
    /// An empty index.
    pub fn new() -> CountIndex {
        CountIndex::default()
    }

    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = u32::try_from(self.names.len()).expect("fewer than 2^32 distinct ids");
        self.names.push(name.to_owned());
        self.ids.insert(name.to_owned(), id);
        id
    }

    /// Counts `count.n` more reports of that content in.
    pub fn add(&mut self, count: &StoredCount) {
        let key = GroupKey {
            week: count.week,
            task: self.intern(&count.task),
            tool: self.intern(&count.tool),
            team: count.team.as_deref().map(|team| self.intern(team)),
            complexity: count.complexity,
            mandated: count.mandated,
            effort: count.effort,
        };
        let closed = self
            .closed
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        if closed
            .as_ref()
            .is_some_and(|closed| count.week < closed.current_week)
        {
            *closed = None;
        }
        let sums = self.groups.entry(key).or_default();
        sums.outcomes[outcome_index(count.outcome)] += count.n;
        for reason in &count.reasons {
            let at = Reason::ALL
                .iter()
                .position(|r| r == reason)
                .expect("ALL lists every reason");
            sums.reasons[at] += count.n;
        }
        self.reports += count.n;
    }

    /// How many reports are counted, in every week.
    pub fn len_reports(&self) -> u64 {
        self.reports
    }

    /// How many groups are held: a measure of memory, not of reports.
    pub fn len_groups(&self) -> usize {
        self.groups.len()
    }

    /// The groups of the weeks before `current_week`, resolved once and
    /// shared until a count for one of those weeks is added.
    pub(crate) fn closed_groups(&self, current_week: IsoWeek) -> Arc<ClosedGroups> {
        let mut closed = self.closed_cache();
        match &*closed {
            Some(groups) if groups.current_week == current_week => Arc::clone(groups),
            _ => {
                // Resolved under the lock, so readers arriving meanwhile wait
                // for this copy instead of each making their own.
                let groups = Arc::new(ClosedGroups::of(self, current_week));
                *closed = Some(Arc::clone(&groups));
                groups
            }
        }
    }

    fn closed_cache(&self) -> MutexGuard<'_, Option<Arc<ClosedGroups>>> {
        // The cache is replaced whole or not at all; one left by a panic is still whole.
        self.closed.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The view for `filter` of every count added, over the weeks before
    /// `current_week`, hidden where SPEC §5 says — including what a wider
    /// view would give away by difference ([`NestedViews`]).
    pub fn publish(
        &self,
        filter: &AggregateFilter,
        config: &Config,
        current_week: IsoWeek,
    ) -> Published {
        NestedViews::new(self, config, current_week).publish(filter)
    }
}

impl<'a> Extend<&'a StoredCount> for CountIndex {
    fn extend<I: IntoIterator<Item = &'a StoredCount>>(&mut self, counts: I) {
        for count in counts {
            self.add(count);
        }
    }
}

impl<'a> FromIterator<&'a StoredCount> for CountIndex {
    fn from_iter<I: IntoIterator<Item = &'a StoredCount>>(counts: I) -> CountIndex {
        let mut index = CountIndex::new();
        index.extend(counts);
        index
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ReportId;

    fn config(k: u32) -> Config {
        Config::from_json(&format!(
            r#"{{"tasks":[{{"id":"review","label":"Review"}},{{"id":"debug","label":"Debug"}}],
                "tools":[{{"id":"chat","label":"Chat"}}],
                "teams":[{{"id":"pay","label":"Payments"}}],"k":{k}}}"#
        ))
        .unwrap()
    }

    fn week(text: &str) -> IsoWeek {
        text.parse().unwrap()
    }

    fn count(week_text: &str, task: &str, tool: &str, outcome: i8, n: u64) -> StoredCount {
        StoredCount {
            week: week(week_text),
            task: task.into(),
            tool: tool.into(),
            outcome,
            effort: None,
            mandated: None,
            complexity: None,
            team: None,
            reasons: vec![],
            n,
        }
    }

    #[test]
    fn filters_parse_strictly_and_name_the_parameter() {
        let filter = AggregateFilter::from_query([
            ("period", "2026-Q1"),
            ("team", "pay"),
            ("complexity", "routine"),
            ("mandated", "false"),
            ("effort", "high"),
        ])
        .unwrap();
        assert_eq!(
            filter.to_query(),
            "period=2026-Q1&team=pay&complexity=routine&mandated=false&effort=high"
        );
        // The query string reads back as the same filter, strictly.
        assert_eq!(
            filter.to_query().parse::<AggregateFilter>(),
            Ok(filter.clone())
        );
        assert_eq!(
            "".parse::<AggregateFilter>(),
            Ok(AggregateFilter::default())
        );
        assert_eq!(
            "perod=all".parse::<AggregateFilter>().unwrap_err().code(),
            "unknown_parameter"
        );
        assert_eq!(
            "team".parse::<AggregateFilter>().unwrap_err().code(),
            "bad_parameter"
        );
        assert_eq!(
            AggregateFilter::from_query(Vec::<(&str, &str)>::new()).unwrap(),
            AggregateFilter::default()
        );
        assert_eq!(AggregateFilter::default().to_query(), "");
        for (pairs, parameter, code) in [
            (vec![("perod", "all")], "perod", "unknown_parameter"),
            (vec![("period", "2026-13")], "period", "bad_parameter"),
            (vec![("team", "Pay Roll")], "team", "bad_parameter"),
            (vec![("complexity", "hard")], "complexity", "bad_parameter"),
            (vec![("mandated", "yes")], "mandated", "bad_parameter"),
            (vec![("effort", "")], "effort", "bad_parameter"),
            (
                vec![("team", "a"), ("team", "b")],
                "team",
                "repeated_parameter",
            ),
        ] {
            let err = AggregateFilter::from_query(pairs).unwrap_err();
            assert_eq!((err.parameter(), err.code()), (parameter, code), "{err}");
            assert!(err.to_string().contains(parameter), "{err}");
        }
    }

    #[test]
    fn only_closed_weeks_count() {
        let counts = [
            count("2026-W06", "review", "none", 1, 5),
            count("2026-W07", "review", "none", 1, 5),
        ];
        let view = publish(
            &counts,
            &AggregateFilter::default(),
            &config(5),
            week("2026-W07"),
        );
        assert_eq!(view.total.n, Some(5));
        assert_eq!(
            view.weeks,
            Some(WeekRange {
                from: week("2026-W06"),
                to: week("2026-W06")
            })
        );
        let later = publish(
            &counts,
            &AggregateFilter::default(),
            &config(5),
            week("2026-W08"),
        );
        assert_eq!(later.total.n, Some(10));
    }

    #[test]
    fn a_view_reads_back_as_it_was_written() {
        let mut counts = vec![
            count("2026-W06", "review", "none", 1, 12),
            count("2026-W06", "review", "chat", -1, 2),
            count("2026-W06", "debug", "none", 0, 9),
            count("2026-W06", "debug", "chat", 2, 8),
        ];
        counts[0].reasons = vec![];
        let mut with_reason = count("2026-W06", "debug", "chat", -2, 6);
        with_reason.reasons = vec![Reason::Wrong];
        counts.push(with_reason);
        let view = publish(
            &counts,
            &AggregateFilter::default(),
            &config(5),
            week("2026-W07"),
        );
        let text = serde_json::to_string(&view).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(Published::from_value(&value).unwrap(), view);
        let through_serde: Published = serde_json::from_str(&text).unwrap();
        assert_eq!(through_serde, view);
        let broken = text.replace("\"total\"", "\"totals\"");
        let value: serde_json::Value = serde_json::from_str(&broken).unwrap();
        assert_eq!(
            Published::from_value(&value).unwrap_err(),
            "total is missing"
        );
    }

    #[test]
    fn small_groups_are_hidden_with_nothing_else_said() {
        let counts = [
            count("2026-W06", "review", "none", 1, 12),
            count("2026-W06", "review", "chat", -1, 2),
            count("2026-W06", "debug", "none", 0, 9),
            count("2026-W06", "debug", "chat", 2, 8),
        ];
        let view = publish(
            &counts,
            &AggregateFilter::default(),
            &config(5),
            week("2026-W10"),
        );
        let small = view.cell("review", "chat").unwrap();
        assert_eq!(
            (small.n, small.outcomes, small.helped, &small.reasons),
            (None, None, None, &None)
        );
        let json = serde_json::to_value(small).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"task":"review","tool":"chat","n":null})
        );
        crate::suppress::audit(&view, 5).unwrap();
        assert_eq!(view.total.n, Some(31));
        let csv = view.to_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "task,tool,n,much_worse,slowed_me,no_difference,helped,helped_a_lot,\
             helped_share,helped_low,helped_high,reason_checking,reason_context,\
             reason_wrong,reason_redo,reason_friction"
        );
        assert_eq!(lines.len(), 1 + view.cells.len());
        assert!(lines.contains(&"review,chat,,,,,,,,,,,,,,"), "{csv}");
        // One small cell in a 2 × 2 table takes the whole rectangle with it.
        assert!(view.cells.iter().all(|cell| cell.n.is_none()));
    }

    #[test]
    fn the_index_publishes_what_publish_does() {
        let mut counts = vec![
            count("2026-W05", "review", "none", 1, 7),
            count("2026-W06", "review", "chat", -1, 6),
            count("2026-W06", "debug", "retired_bot", 2, 9),
            count("2026-W09", "debug", "chat", 2, 8),
        ];
        counts[1].reasons = vec![Reason::Context, Reason::Checking];
        counts[1].team = Some("pay".into());
        counts[1].effort = Some(Effort::High);
        counts[0].mandated = Some(true);
        let index: CountIndex = counts.iter().collect();
        assert_eq!(index.len_reports(), 30);
        for query in [
            "",
            "team=pay",
            "team=nobody",
            "effort=high",
            "mandated=true",
            "period=2026-02",
        ] {
            let filter: AggregateFilter = query.parse().unwrap();
            let expected = publish(&counts, &filter, &config(5), week("2026-W09"));
            assert_eq!(
                index.publish(&filter, &config(5), week("2026-W09")),
                expected,
                "{query}"
            );
        }
        let all = index.publish(&AggregateFilter::default(), &config(5), week("2026-W09"));
        assert_eq!(
            all.tools
                .iter()
                .map(|t| t.tool.as_str())
                .collect::<Vec<_>>(),
            ["none", "chat", "retired_bot"]
        );
        let cell = all.cell("review", "chat").unwrap();
        assert_eq!(
            cell.reasons.as_ref().unwrap().get(&Reason::Checking),
            Some(&6)
        );
    }

    #[test]
    fn closed_weeks_are_resolved_once_until_their_counts_change() {
        let mut counts = vec![count("2026-W05", "review", "none", 1, 7)];
        let mut index: CountIndex = counts.iter().collect();
        let this_week = week("2026-W07");
        let all = AggregateFilter::default();
        let first = index.closed_groups(this_week);
        assert!(Arc::ptr_eq(&first, &index.closed_groups(this_week)));
        // Reports of the running week are not shown yet: nothing to resolve again.
        for late in [
            count("2026-W07", "review", "none", 1, 3),
            count("2026-W06", "debug", "none", 1, 5),
        ] {
            index.add(&late);
            counts.push(late);
        }
        let second = index.closed_groups(this_week);
        assert!(!Arc::ptr_eq(&first, &second));
        let view = index.publish(&all, &config(5), this_week);
        assert_eq!(view, publish(&counts, &all, &config(5), this_week));
        assert_eq!(view.total.n, Some(12));
        // A new week closes the running one.
        let next_week = week("2026-W08");
        let view = index.publish(&all, &config(5), next_week);
        assert_eq!(view, publish(&counts, &all, &config(5), next_week));
        assert_eq!(view.total.n, Some(15));
        // A copy starts from what was resolved, then goes its own way.
        let mut copy = index.clone();
        assert!(Arc::ptr_eq(
            &copy.closed_groups(next_week),
            &index.closed_groups(next_week)
        ));
        copy.add(&count("2026-W06", "debug", "none", 1, 1));
        assert_eq!(copy.publish(&all, &config(5), next_week).total.n, Some(16));
        assert_eq!(index.publish(&all, &config(5), next_week).total.n, Some(15));
    }

    #[test]
    fn published_json_round_trips() {
        let mut c = count("2026-W06", "review", "none", -1, 20);
        c.reasons = vec![Reason::Wrong];
        let view = publish(
            &[c],
            &AggregateFilter::default(),
            &config(5),
            week("2026-W10"),
        );
        let text = serde_json::to_string(&view).unwrap();
        assert!(text.contains(r#""reasons":{"wrong":20}"#), "{text}");
        assert!(
            text.starts_with(
                r#"{"k":5,"weeks":{"from":"2026-W06","to":"2026-W06"},"total":{"n":20}"#
            ),
            "{text}"
        );
        assert_eq!(
            view.to_csv().lines().nth(1),
            Some("review,none,20,0,20,0,0,0,0.0000,0.0000,0.1611,0,0,20,0,0")
        );
        let back: Published = serde_json::from_str(&text).unwrap();
        assert_eq!(back, view);
    }

    #[test]
    fn stored_counts_sort_reasons_and_drop_the_id() {
        let report = Report {
            id: ReportId::from_bytes([7; 16]),
            week: week("2026-W06"),
            task: "review".into(),
            tool: "chat".into(),
            outcome: -2,
            effort: Some(Effort::Low),
            mandated: Some(false),
            complexity: Some(Complexity::Complex),
            team: Some("pay".into()),
            reasons: vec![Reason::Friction, Reason::Checking],
        };
        let stored = StoredCount::of(&report);
        assert_eq!(stored.reasons, [Reason::Checking, Reason::Friction]);
        assert_eq!(stored.n, 1);
        let filter = AggregateFilter {
            mandated: Some(true),
            ..AggregateFilter::default()
        };
        assert!(!stored.matches(&filter));
        assert!(stored.matches(&AggregateFilter {
            team: Some("pay".into()),
            complexity: Some(Complexity::Complex),
            ..AggregateFilter::default()
        }));
    }
}
