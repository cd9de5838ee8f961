//! The outcome scale −2..2, in words, with number keys 1–5 as shortcuts
//! (the keys themselves are read in [`crate::state::form::key_action`]).

use leptos::prelude::*;

use crate::language::{outcome_words, t, Msg};

/// The five outcomes as radio buttons bound to `selected`.
#[component]
pub fn OutcomePicker(
    /// The chosen outcome, if any.
    #[prop(into)]
    selected: Signal<Option<i8>>,
    /// Called with the outcome the user chose.
    on_choose: Callback<i8>,
) -> impl IntoView {
    let options = (-2i8..=2)
        .map(|outcome| {
            let key = outcome + 3;
            let input_id = format!("outcome-{key}");
            let label_for = input_id.clone();
            let (negative, positive) = (outcome < 0, outcome > 0);
            let label = outcome_words(outcome);
            view! {
                <label class="chip outcome" class:negative=negative class:positive=positive for=label_for>
                    <input
                        type="radio"
                        id=input_id
                        name="outcome"
                        value=outcome.to_string()
                        prop:checked=move || selected.get() == Some(outcome)
                        on:change=move |_| on_choose.run(outcome)
                    />
                    <kbd aria-hidden="true">{key}</kbd>
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices outcome-scale">
            <legend>
                {t(Msg::OutcomeLegend)}
                <span class="hint">{t(Msg::OutcomeHint)}</span>
            </legend>
            <div class="chips">{options}</div>
        </fieldset>
    }
}
