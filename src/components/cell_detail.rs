//! One team-map cell opened: its outcome distribution, reasons, checking
//! effort and trend, under the same rules as the map (SPEC §5.7).
//!
//! The distribution and reasons come with the published cell (SPEC §5.1
//! shows a published group's distribution). Effort is a filter, so its
//! counts are the cells of the effort-filtered views, hidden where those are.

use candor_core::{Reason, OUTCOME_LABELS};
use leptos::prelude::*;

use crate::components::heatmap::{colour_for_mean, escape, format_mean, percent};
use crate::language::{t, tf, Arg, Msg};
use crate::state::team_map::{CellFacts, EffortCounts};

/// The outcome distribution as horizontal bars, in SVG (no inline styles under the CSP).
fn distribution_markup(outcomes: [u64; 5]) -> String {
    let most = outcomes.iter().copied().max().unwrap_or(0).max(1);
    let mut svg = String::from(
        "<svg class=\"distribution\" viewBox=\"0 0 360 130\" width=\"360\" role=\"img\" aria-label=\"",
    );
    svg.push_str(&escape(t(Msg::CellDistribution)));
    svg.push_str("\">");
    for (at, (label, count)) in OUTCOME_LABELS.iter().zip(outcomes).enumerate() {
        let y = at as i32 * 26;
        let width = (count * 180 / most) as i32;
        let mean = at as f64 - 2.0;
        let [r, g, b] = colour_for_mean(mean);
        svg.push_str(&format!(
            "<text x=\"110\" y=\"{}\" text-anchor=\"end\">{label}</text>\
             <rect x=\"120\" y=\"{}\" width=\"{width}\" height=\"18\" fill=\"#{r:02x}{g:02x}{b:02x}\" stroke=\"#888\"></rect>\
             <text x=\"{}\" y=\"{}\">{count}</text>",
            y + 14,
            y + 1,
            126 + width,
            y + 14,
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// The opened cell.
#[component]
pub fn CellDetail(
    /// The cell and its context.
    facts: CellFacts,
    /// Checking effort in this cell, once loaded.
    #[prop(into)]
    efforts: Signal<Option<EffortCounts>>,
    /// Closes the panel.
    on_close: Callback<()>,
) -> impl IntoView {
    let title = tf(
        Msg::CellWith,
        &[Arg::Text(&facts.task), Arg::Text(&facts.tool)],
    );
    let body = match (facts.cell.n, facts.cell.outcomes) {
        (Some(n), Some(outcomes)) => {
            let helped = facts.cell.helped.map(|share| {
                let (share, low, high) = (
                    percent(share.share),
                    percent(share.low),
                    percent(share.high),
                );
                tf(
                    Msg::CellHelped,
                    &[Arg::Text(&share), Arg::Text(&low), Arg::Text(&high)],
                )
            });
            let baseline = facts
                .vs_baseline
                .map(|diff| tf(Msg::CellVsBaseline, &[Arg::Text(&format_mean(diff))]));
            let reasons = facts.cell.reasons.clone().unwrap_or_default();
            let reasons = if reasons.is_empty() {
                view! { <p>{t(Msg::CellNoReasons)}</p> }.into_any()
            } else {
                let items = Reason::ALL
                    .iter()
                    .filter_map(|reason| {
                        let count = reasons.get(reason)?;
                        let line = tf(
                            Msg::CellLine,
                            &[Arg::Text(reason.label()), Arg::Count(*count)],
                        );
                        Some(view! { <li>{line}</li> })
                    })
                    .collect_view();
                view! { <ul>{items}</ul> }.into_any()
            };
            let trend = (!facts.trend.is_empty()).then(|| {
                let items = facts
                    .trend
                    .iter()
                    .map(|(period, mean)| {
                        let words = mean.map_or(t(Msg::CellNotEnough).to_string(), format_mean);
                        view! { <li>{tf(Msg::CellLine, &[Arg::Text(period), Arg::Text(&words)])}</li> }
                    })
                    .collect_view();
                view! { <h3>{t(Msg::CellByPeriod)}</h3><ul class="trend-list">{items}</ul> }
            });
            view! {
                <p>{tf(Msg::CellReports, &[Arg::Count(n)])} " " {helped} " " {baseline}</p>
                <h3>{t(Msg::CellOutcomes)}</h3>
                <div inner_html=distribution_markup(outcomes)></div>
                <h3>{t(Msg::CellWhyNot)}</h3>
                {reasons}
                <h3>{t(Msg::CellEffort)}</h3>
                <EffortList efforts />
                {trend}
            }
            .into_any()
        }
        _ => view! {
            <p>{t(Msg::CellHidden)}</p>
        }
        .into_any(),
    };
    view! {
        <section class="cell-detail" aria-labelledby="cell-detail-title">
            <h2 id="cell-detail-title" inner_html=escape(&title)></h2>
            {body}
            <button type="button" on:click=move |_| on_close.run(())>{t(Msg::CellClose)}</button>
        </section>
    }
}

/// Checking effort in the cell, level by level, once loaded.
#[component]
fn EffortList(efforts: Signal<Option<EffortCounts>>) -> impl IntoView {
    move || match efforts.get() {
        None => view! { <p>{t(Msg::CellLoading)}</p> }.into_any(),
        Some(levels) if levels.is_empty() => view! {
            <p>{t(Msg::CellEffortOneFilter)}</p>
        }
        .into_any(),
        Some(levels) => {
            let items = levels
                .into_iter()
                .map(|(effort, n)| {
                    let line = match n {
                        Some(n) => tf(Msg::CellLine, &[Arg::Text(effort.label()), Arg::Count(n)]),
                        None => tf(
                            Msg::CellLine,
                            &[Arg::Text(effort.label()), Arg::Text(t(Msg::CellNotEnough))],
                        ),
                    };
                    view! { <li>{line}</li> }
                })
                .collect_view();
            view! { <ul>{items}</ul> }.into_any()
        }
    }
}
