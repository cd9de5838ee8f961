//! The shared aggregate as published (SPEC §4 `GET /aggregate`, §5): the document a sync server sends.
//!
//! A [`Published`] view lists counts by task × tool for the closed weeks it
//! covers; a group whose `n` is `null` is hidden and says nothing else. The
//! server writes it with the derived `Serialize`; the app reads it with the
//! hand-written [`Published::from_value`], beside it. Deciding what is hidden
//! is not done here: see [`crate::suppress`](mod@crate::suppress) and [`crate::nested`].

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use serde::{Deserialize, Serialize};

use crate::aggregate::{CellCounts, Share};
use crate::config::Config;
use crate::ids::NO_AI;
use crate::report::Reason;
use crate::week::IsoWeek;

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
                        // Inserted one by one: collecting would link a stable
                        // sort into the app for a map of at most five entries.
                        let mut reasons = BTreeMap::new();
                        for (reason, n) in counts {
                            if let (Some(reason), Some(n)) = (Reason::parse(reason), n.as_u64()) {
                                reasons.insert(reason, n);
                            }
                        }
                        reasons
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

impl Published {
    /// The view as CSV: a header row, then one row per listed cell; a hidden cell's numbers are empty.
    ///
    /// Columns: `task, tool, n`; reports per outcome `much_worse,
    /// slowed_me, no_difference, helped, helped_a_lot` (−2 to 2);
    /// `helped_share, helped_low, helped_high` (share with outcome > 0 and
    /// its Wilson 95% interval, 4 decimals); then the reports giving each
    /// reason, `reason_checking` … `reason_friction`. Ids never need quoting.
    pub fn to_csv(&self) -> String {
        self.write_csv(None)
    }

    /// [`Published::to_csv`] with each id's label beside it, as people read
    /// it in the language shown (SPEC §9): columns `task, task_label, tool,
    /// tool_label, n, …`, labels from `config` (after
    /// [`Config::in_language`]), an id the config no longer lists labelled
    /// with itself. Labels are quoted as RFC 4180 says.
    pub fn to_csv_with_labels(&self, config: &Config) -> String {
        self.write_csv(Some(config))
    }

    fn write_csv(&self, labels: Option<&Config>) -> String {
        let mut csv = String::from(if labels.is_some() {
            "task,task_label,tool,tool_label,"
        } else {
            "task,tool,"
        });
        csv.push_str(
            "n,much_worse,slowed_me,no_difference,helped,helped_a_lot,\
             helped_share,helped_low,helped_high",
        );
        for reason in Reason::ALL {
            csv.push_str(",reason_");
            csv.push_str(reason.as_str());
        }
        csv.push('\n');
        for cell in &self.cells {
            match labels {
                None => {
                    let _ = write!(csv, "{},{},", cell.task, cell.tool);
                }
                Some(config) => {
                    let task = config.task(&cell.task).map_or(&cell.task, |c| &c.label);
                    let tool = if cell.tool == NO_AI {
                        &config.no_ai[0]
                    } else {
                        config.tool(&cell.tool).map_or(&cell.tool, |c| &c.label)
                    };
                    let _ = write!(
                        csv,
                        "{},{},{},{},",
                        cell.task,
                        Quoted(task),
                        cell.tool,
                        Quoted(tool)
                    );
                }
            }
            if let (Some(n), Some(outcomes)) = (cell.n, cell.outcomes) {
                let _ = write!(csv, "{n}");
                for count in outcomes {
                    let _ = write!(csv, ",{count}");
                }
                match cell.helped {
                    Some(h) => {
                        for share in [h.share, h.low, h.high] {
                            let _ = write!(csv, ",{}", FourDecimals(share));
                        }
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

/// A CSV field in quotes, its quotes doubled (RFC 4180).
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\"", self.0.replace('"', "\"\""))
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

/// A share from 0 to 1 with four decimals, e.g. `0.4833`, written from
/// integer ten-thousandths: `{:.4}` would bring the float formatter into the
/// browser app (about 2 KB gzip, measured with twiggy; SPEC §8).
struct FourDecimals(f64);

impl std::fmt::Display for FourDecimals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let units = (self.0.clamp(0.0, 1.0) * 10_000.0).round() as u32;
        write!(f, "{}.{:04}", units / 10_000, units % 10_000)
    }
}

#[cfg(test)]
mod four_decimals {
    use super::FourDecimals;

    #[test]
    fn shares_are_written_as_fixed_four_decimals() {
        for (share, text) in [
            (0.0, "0.0000"),
            (1.0, "1.0000"),
            (0.48333, "0.4833"),
            (0.06249, "0.0625"),
        ] {
            assert_eq!(FourDecimals(share).to_string(), text);
            assert_eq!(format!("{share:.4}"), text);
        }
    }
}
