//! The team map's filters: period, team, complexity, mandated, effort.
//!
//! Each select lists every value the server offers; a value whose view
//! would be hidden (fewer than k reports, or a wider view minus it would
//! be) is shown disabled with the reason, as good survey tools do, instead
//! of leading to an empty page.

use candor_core::{
    AggregateFilter, ChoiceState, Complexity, Config, Dimension, Effort, FilterChoice,
};
use leptos::prelude::*;

use crate::language::{t, tf, Arg, Msg};
use crate::state::team_map::is_chosen;

/// Words for a period value: "March 2026", "Q1 2026".
pub fn period_label(value: &str) -> String {
    match value.split_once('-') {
        Some((year, quarter)) if quarter.starts_with('Q') => {
            tf(Msg::PeriodQuarter, &[Arg::Text(quarter), Arg::Text(year)])
        }
        Some((year, month)) => match month.parse::<u64>() {
            Ok(month @ 1..=12) => tf(Msg::PeriodMonth, &[Arg::Count(month), Arg::Text(year)]),
            _ => value.to_string(),
        },
        None => value.to_string(),
    }
}

/// Words for one value of one filter; `None` is the filter left out.
pub fn value_label(config: &Config, dimension: Dimension, value: Option<&str>) -> String {
    let Some(value) = value else {
        return match dimension {
            Dimension::Period => t(Msg::FilterAllPeriods),
            Dimension::Team => t(Msg::FilterAllTeams),
            Dimension::Complexity => t(Msg::FilterAnyComplexity),
            Dimension::Mandated => t(Msg::FilterAnyMandated),
            Dimension::Effort => t(Msg::FilterAnyEffort),
        }
        .to_string();
    };
    match dimension {
        Dimension::Period => period_label(value),
        Dimension::Team => config.team(value).map_or_else(
            || tf(Msg::Retired, &[Arg::Text(value)]),
            |team| team.label.clone(),
        ),
        Dimension::Complexity => Complexity::parse(value)
            .map_or(value, |c| c.label())
            .to_string(),
        Dimension::Mandated if value == "true" => t(Msg::ToldTo).to_string(),
        Dimension::Mandated => t(Msg::ChoseTo).to_string(),
        Dimension::Effort => Effort::parse(value)
            .map_or(value, |e| e.label())
            .to_string(),
    }
}

fn heading(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Period => t(Msg::FilterPeriod),
        Dimension::Team => t(Msg::FilterTeam),
        Dimension::Complexity => t(Msg::FilterComplexity),
        Dimension::Mandated => t(Msg::FilterMandated),
        Dimension::Effort => t(Msg::FilterEffort),
    }
}

/// The five filter selects over the server's choices.
#[component]
pub fn FilterBar(
    /// The filter in force.
    #[prop(into)]
    filter: Signal<AggregateFilter>,
    /// What each value would show, from the server.
    #[prop(into)]
    choices: Signal<Vec<FilterChoice>>,
    /// Called with a filter and the value chosen for it (`None`: left out).
    on_choose: Callback<(Dimension, Option<String>)>,
) -> impl IntoView {
    let config = expect_context::<Config>();
    let k = config.k;
    let selects = move || {
        let current = filter.get();
        choices.with(|choices| {
            Dimension::ALL
                .into_iter()
                .filter_map(|dimension| {
                    let options: Vec<&FilterChoice> =
                        choices.iter().filter(|choice| choice.dimension == dimension).collect();
                    // A filter with nothing to choose (e.g. no teams) is left out.
                    if options.len() < 2 {
                        return None;
                    }
                    let options = options
                        .into_iter()
                        .map(|choice| {
                            let is_selected = is_chosen(&current, choice);
                            let value = choice.value.clone();
                            let mut words = value_label(&config, dimension, value.as_deref());
                            let disabled = choice.state != ChoiceState::Shown && !is_selected;
                            if disabled {
                                words.push_str(t(if choice.state == ChoiceState::Empty {
                                    Msg::FilterNoReports
                                } else {
                                    Msg::FilterTooFew
                                }));
                            }
                            view! {
                                <option value=value.unwrap_or_default() selected=is_selected disabled=disabled>
                                    {words}
                                </option>
                            }
                        })
                        .collect_view();
                    let id = format!("filter-{}", dimension.parameter());
                    Some(view! {
                        <label for=id.clone()>{heading(dimension)}</label>
                        <select id=id on:change=move |event| {
                            let value = event_target_value(&event);
                            on_choose.run((dimension, (!value.is_empty()).then_some(value)));
                        }>{options}</select>
                    })
                })
                .collect_view()
        })
    };
    view! {
        <fieldset class="filters">
            <legend>{t(Msg::FilterLegend)}</legend>
            <div class="filter-grid">{selects}</div>
            <p class="hint">
                {tf(Msg::FilterHint, &[Arg::Count(k.into())])}
            </p>
        </fieldset>
    }
}
