//! A one-click choice among a few options, drawn as a row of chips over
//! native radio buttons (so arrow keys and screen readers work as usual).

use candor_core::Choice;
use leptos::prelude::*;

/// A labelled group of radio chips showing `selected` and reporting a choice.
#[component]
pub fn ChoicePicker(
    /// The question, read as the group's legend.
    legend: &'static str,
    /// The radio group's name, unique on the page.
    name: &'static str,
    /// The options, in the order shown.
    choices: Vec<Choice>,
    /// The chosen id, if any.
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// Called with the id the user chose.
    on_choose: Callback<String>,
) -> impl IntoView {
    let chips = choices
        .into_iter()
        .map(|choice| {
            let id = choice.id.clone();
            let is_selected = {
                let id = id.clone();
                move || selected.with(|current| current.as_deref() == Some(id.as_str()))
            };
            let input_id = format!("{name}-{id}");
            let label_for = input_id.clone();
            view! {
                <label class="chip" for=label_for title=choice.description.clone()>
                    <input
                        type="radio"
                        id=input_id
                        name=name
                        value=id.clone()
                        prop:checked=is_selected
                        on:change=move |_| on_choose.run(id.clone())
                    />
                    <span>{choice.label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            <div class="chips">{chips}</div>
        </fieldset>
    }
}
