//! Publishing (SPEC §4 `GET /aggregate`, §5): stored counts in, an honest view out.
//!
//! A sync server keeps one [`StoredCount`] per distinct report content, never
//! the reports themselves (SPEC §6.4). [`publish`] turns those counts into
//! a [`Published`] view for one [`AggregateFilter`]: closed weeks only, the
//! filter applied, and hidden where [`crate::suppress`](mod@crate::suppress)
//! says for the view alone and [`crate::nested`] says across views. The
//! view's types are in [`crate::view`], the counts' in [`crate::counts`].
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

use crate::config::Config;
use crate::counts::{CountIndex, StoredCount};
use crate::filter::AggregateFilter;
use crate::nested::NestedViews;
use crate::view::Published;
use crate::week::IsoWeek;

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

impl CountIndex {
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::catalog::Lang;
    use crate::report::{Complexity, Effort, Reason, Report, ReportId};
    use crate::view::WeekRange;

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
    fn downloads_put_the_labels_of_the_language_shown_beside_the_ids() {
        let mut counts = vec![
            count("2026-W06", "review", "none", -1, 20),
            count("2026-W06", "review", "chat", 1, 20),
            count("2026-W06", "debug", "old_bot", 1, 20),
        ];
        counts[1].reasons = vec![];
        let config = Config::from_json(
            r#"{"tasks":[{"id":"review","label":{"en":"Review","de":"Prüfung, \"gründlich\""}},{"id":"debug","label":"Debug"}],
                "tools":[{"id":"chat","label":{"en":"Chat","ja":"チャット"}}],"k":5}"#,
        )
        .unwrap();
        let view = publish(
            &counts,
            &AggregateFilter::default(),
            &config,
            week("2026-W10"),
        );
        let german = config.in_language(Lang::De, ["Ohne KI".into(), String::new()]);
        let csv = view.to_csv_with_labels(&german);
        let lines: Vec<&str> = csv.lines().collect();
        assert!(
            lines[0].starts_with("task,task_label,tool,tool_label,n,much_worse,"),
            "{csv}"
        );
        assert_eq!(
            lines[0].split(',').count(),
            view.to_csv().lines().next().unwrap().split(',').count() + 2
        );
        let row = |task: &str, tool: &str| {
            lines
                .iter()
                .find(|line| {
                    line.starts_with(&format!("{task},")) && line.contains(&format!(",{tool},"))
                })
                .copied()
                .unwrap_or_else(|| panic!("no row {task} {tool} in {csv}"))
        };
        // Quotes doubled, commas kept inside the quoted label.
        assert!(
            row("review", "none")
                .starts_with(r#"review,"Prüfung, ""gründlich""",none,"Ohne KI",20,"#),
            "{csv}"
        );
        assert!(
            row("review", "chat").starts_with(r#"review,"Prüfung, ""gründlich""",chat,"Chat",20,"#),
            "{csv}"
        );
        // An id the file no longer lists is its own label.
        assert!(
            row("debug", "old_bot").starts_with(r#"debug,"Debug",old_bot,"old_bot",20,"#),
            "{csv}"
        );
        let japanese = config.in_language(Lang::Ja, ["AIなし".into(), String::new()]);
        assert!(japanese.tools[0].label == "チャット");
        assert!(view
            .to_csv_with_labels(&japanese)
            .contains(r#"review,"Review",chat,"チャット",20,"#));
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
            pilot: None,
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
