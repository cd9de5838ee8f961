//! The team map's filters: period, team, complexity, mandated, effort.
//!
//! Each select lists every value the server offers; a value whose view
//! would be hidden (fewer than k reports, or a wider view minus it would
//! be) is shown disabled with the reason, as good survey tools do, instead
//! of leading to an empty page.

use candor_core::{
    AggregateFilter, ChoiceState, Complexity, Config, Effort, FilterChoice, FILTER_PARAMETERS,
};
use leptos::prelude::*;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `filter` with parameter `name` set to `value`, or left out when `value` is `None`.
pub fn with_parameter(
    filter: &AggregateFilter,
    name: &str,
    value: Option<&str>,
) -> Option<AggregateFilter> {
    let query = filter.to_query();
    let mut pairs: Vec<(&str, &str)> = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(key, _)| *key != name)
        .collect();
    if let Some(value) = value {
        pairs.push((name, value));
    }
    AggregateFilter::from_query(pairs).ok()
}

/// The value `filter` gives parameter `name`, if any.
pub fn parameter(filter: &AggregateFilter, name: &str) -> Option<String> {
    filter
        .to_query()
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

/// Words for a period value: "March 2026", "Q1 2026".
pub fn period_label(value: &str) -> String {
    match value.split_once('-') {
        Some((year, quarter)) if quarter.starts_with('Q') => format!("{quarter} {year}"),
        Some((year, month)) => month
            .parse::<usize>()
            .ok()
            .and_then(|month| MONTHS.get(month.wrapping_sub(1)))
            .map_or_else(|| value.to_string(), |name| format!("{name} {year}")),
        None => value.to_string(),
    }
}

/// Words for one value of one filter; `None` is the filter left out.
pub fn value_label(config: &Config, name: &str, value: Option<&str>) -> String {
    let Some(value) = value else {
        return match name {
            "period" => "All closed weeks",
            "team" => "All teams",
            "complexity" => "Any complexity",
            "mandated" => "Told to or not",
            _ => "Any checking effort",
        }
        .to_string();
    };
    match name {
        "period" => period_label(value),
        "team" => config
            .team(value)
            .map_or_else(|| format!("{value} (retired)"), |team| team.label.clone()),
        "complexity" => Complexity::parse(value)
            .map_or(value, |c| c.label())
            .to_string(),
        "mandated" if value == "true" => "Told to use it".to_string(),
        "mandated" => "Chose to use it".to_string(),
        _ => Effort::parse(value)
            .map_or(value, |e| e.label())
            .to_string(),
    }
}

fn heading(name: &str) -> &'static str {
    match name {
        "period" => "Period",
        "team" => "Team",
        "complexity" => "Complexity",
        "mandated" => "Why AI was used",
        _ => "Checking effort",
    }
}

/// The five filter selects over the server's choices.
#[component]
pub fn FilterBar(
    /// The filter in force; changed by the selects.
    filter: RwSignal<AggregateFilter>,
    /// What each value would show, from the server.
    choices: RwSignal<Vec<FilterChoice>>,
) -> impl IntoView {
    let config = expect_context::<Config>();
    let k = config.k;
    let selects = move || {
        let current = filter.get();
        choices.with(|choices| {
            FILTER_PARAMETERS
                .into_iter()
                .filter_map(|name| {
                    let options: Vec<&FilterChoice> =
                        choices.iter().filter(|choice| choice.dimension.parameter() == name).collect();
                    // A filter with nothing to choose (e.g. no teams) is left out.
                    if options.len() < 2 {
                        return None;
                    }
                    let selected = parameter(&current, name);
                    let options = options
                        .into_iter()
                        .map(|choice| {
                            let value = choice.value.clone();
                            let is_selected = value == selected;
                            let mut words = value_label(&config, name, value.as_deref());
                            let disabled = choice.state != ChoiceState::Shown && !is_selected;
                            if disabled {
                                words.push_str(if choice.state == ChoiceState::Empty {
                                    " — no reports"
                                } else {
                                    " — too few reports to show"
                                });
                            }
                            view! {
                                <option value=value.unwrap_or_default() selected=is_selected disabled=disabled>
                                    {words}
                                </option>
                            }
                        })
                        .collect_view();
                    let id = format!("filter-{name}");
                    Some(view! {
                        <label for=id.clone()>{heading(name)}</label>
                        <select id=id on:change=move |event| {
                            let value = event_target_value(&event);
                            let value = (!value.is_empty()).then_some(value);
                            if let Some(next) = with_parameter(&filter.get_untracked(), name, value.as_deref()) {
                                filter.set(next);
                            }
                        }>{options}</select>
                    })
                })
                .collect_view()
        })
    };
    view! {
        <fieldset class="filters">
            <legend>"Show"</legend>
            <div class="filter-grid">{selects}</div>
            <p class="hint">
                {format!("Greyed-out choices would show fewer than {k} reports, or let two views be subtracted to single someone out.")}
            </p>
        </fieldset>
    }
}
