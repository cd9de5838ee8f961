//! Filing a report: the first screen. Keyboard-first: with the last task and
//! tool remembered, a number key and Enter file a report. The form's state
//! and rules are [`crate::state::form`]; this page binds them to the DOM.

use std::time::Duration;

use candor_core::{Choice, Config, Reason, Report, ReportId};
use leptos::{ev, prelude::*};
use wasm_bindgen::JsCast;

use crate::components::choice_picker::ChoicePicker;
use crate::components::outcome_picker::OutcomePicker;
use crate::language::{reason_words, t, tf, Arg, Msg};
use crate::router::query_value;
use crate::router::AppBase;
use crate::state::form::{
    complexity_choices, effort_choices, keep, key_action, mandated_choices, FormState, Keeper,
    Kept, KeyAction, KeyTarget, Status,
};
use crate::store::device::{self, StorageError};
use crate::store::history::LocalStore;
use crate::store::notices::{Level, Notices};
use crate::store::pilot_desk::{self, NOT_FILED};
use crate::store::sync::SyncStore;

/// How long "Saved — Undo" stays on screen.
const UNDO_WINDOW: Duration = Duration::from_secs(8);

/// The device's two stores, as the form's [`Keeper`].
#[derive(Clone, Copy)]
struct Stores {
    local: LocalStore,
    sync: SyncStore,
}

impl Keeper for Stores {
    fn syncs(&self) -> bool {
        self.sync.enabled()
    }
    fn keeps_history(&self) -> bool {
        self.local.keeps_history()
    }
    fn enqueue(&self, report: Report) -> Result<(), StorageError> {
        self.sync.enqueue(report)
    }
    fn file(&self, report: Report) -> Result<(), StorageError> {
        self.local.file(report)
    }
    fn take_back(&self, id: &ReportId) -> Result<(), StorageError> {
        self.sync.withdraw(id).and_then(|()| self.local.undo(id))
    }
}

/// The report form.
#[component]
pub fn FilePage() -> impl IntoView {
    let config = StoredValue::new(expect_context::<Config>());
    let stores = Stores {
        local: expect_context::<LocalStore>(),
        sync: expect_context::<SyncStore>(),
    };
    let prefs = stores.local.prefs().get_untracked();
    let (opened, ignored) = config.with_value(|config| {
        FormState::open(config, &prefs, query_value("task"), query_value("tool"))
    });
    let notices = expect_context::<Notices>();
    for words in ignored {
        notices.push(Level::Info, words);
    }
    let form = RwSignal::new(opened);
    let can_keep =
        move || stores.local.prefs().with(|prefs| prefs.keep_history) || stores.sync.enabled();
    let save = move || {
        let (id, week) = (device::new_report_id(), device::this_week());
        let offered = form.try_update(|f| config.with_value(|c| f.save(c, &stores, id, week)));
        if let Some(id) = offered.flatten() {
            // The page may be gone by then (the employee moved on).
            set_timeout(move || _ = form.try_update(|f| f.expire(&id)), UNDO_WINDOW);
        }
    };
    follow_shortcuts(form, save);
    let tasks = config.with_value(|config| config.tasks.clone());
    let randomized = config.with_value(|c| c.privacy.randomized_response) && stores.sync.enabled();
    view! {
        <main>
            <h1>{t(Msg::FormTitle)}</h1>
            <form class="report-form" on:submit=move |event| { event.prevent_default(); save(); }>
                <Picker legend=t(Msg::FormTask) name="task" choices=tasks form
                    read=|f| f.task.clone() write=|f, id| f.task = Some(id) />
                <Picker legend=t(Msg::FormTool) name="tool" choices=config.with_value(Config::baseline_tools) form
                    read=|f| f.tool.clone() write=FormState::choose_tool />
                <OutcomePicker selected=Signal::derive(move || form.with(|f| f.outcome))
                    on_choose=Callback::new(move |outcome| form.update(|f| f.choose_outcome(outcome))) />
                <Show when=move || form.with(|f| f.reasons_shown)>
                    <ReasonPicker form />
                </Show>
                <TeamPicker teams=config.with_value(|config| config.teams.clone()) form />
                <MoreDetail form />
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || !can_keep()>
                        {t(Msg::FormSave)} <kbd aria-hidden="true">{t(Msg::KeyEnter)}</kbd>
                    </button>
                    <StatusLine form stores />
                </div>
                <Show when=move || !can_keep()>
                    <KeptNowhere />
                </Show>
                <PrivacyNote randomized />
            </form>
            <PilotDesk stores />
        </main>
    }
}

/// Number keys choose the outcome and Enter saves, anywhere on the page
/// but in a text field; the listener goes with the page.
fn follow_shortcuts(form: RwSignal<FormState>, save: impl Fn() + 'static) {
    let shortcuts = window_event_listener(ev::keydown, move |event| {
        let Some(target) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let on = KeyTarget::of(&target.tag_name(), target.get_attribute("type").as_deref());
        let modified =
            event.ctrl_key() || event.alt_key() || event.meta_key() || event.is_composing();
        match key_action(&event.key(), modified, on) {
            KeyAction::Ignore => return,
            KeyAction::Outcome(outcome) => form.update(|f| f.choose_outcome(outcome)),
            KeyAction::Save => save(),
        }
        event.prevent_default();
    });
    on_cleanup(move || shortcuts.remove());
}

/// A [`ChoicePicker`] bound to one field of the form.
#[component]
fn Picker(
    legend: &'static str,
    name: &'static str,
    choices: Vec<Choice>,
    form: RwSignal<FormState>,
    read: fn(&FormState) -> Option<String>,
    write: fn(&mut FormState, String),
) -> impl IntoView {
    view! {
        <ChoicePicker legend name choices
            selected=Signal::derive(move || form.with(read))
            on_choose=Callback::new(move |id| form.update(|f| write(f, id))) />
    }
}

#[component]
fn TeamPicker(teams: Vec<Choice>, form: RwSignal<FormState>) -> impl IntoView {
    (!teams.is_empty()).then(|| {
        view! {
            <Picker legend=t(Msg::FormTeam) name="team" choices=teams form
                read=|f| f.team.clone() write=|f, id| f.team = Some(id) />
        }
    })
}

/// Effort and "why this tool?" (only for an AI tool), and complexity.
#[component]
fn MoreDetail(form: RwSignal<FormState>) -> impl IntoView {
    view! {
        <details class="optional">
            <summary>{t(Msg::FormMore)}</summary>
            <Show when=move || form.with(FormState::uses_ai)>
                <Picker legend=t(Msg::FormEffort) name="effort" choices=effort_choices() form
                    read=|f| f.effort.clone() write=|f, id| f.effort = Some(id) />
                <Picker legend=t(Msg::FormWhyTool) name="mandated" choices=mandated_choices() form
                    read=|f| f.mandated.clone() write=|f, id| f.mandated = Some(id) />
            </Show>
            <Picker legend=t(Msg::FormComplexity) name="complexity" choices=complexity_choices() form
                read=|f| f.complexity.clone() write=|f, id| f.complexity = Some(id) />
        </details>
    }
}

#[component]
fn KeptNowhere() -> impl IntoView {
    view! {
        <p class="notice problem">
            {t(Msg::FormKeptNowhere)}
        </p>
    }
}

#[component]
fn PrivacyNote(randomized: bool) -> impl IntoView {
    view! {
        <p class="privacy-note">
            {t(Msg::PrivacyNote)}
            {randomized.then(|| t(Msg::PrivacyRandomized))}
        </p>
    }
}

#[component]
fn StatusLine(form: RwSignal<FormState>, stores: Stores) -> impl IntoView {
    let status = Memo::new(move |_| form.with(|f| f.status.clone()));
    let undo = move |_| form.update(|f| f.undo(&stores));
    view! {
        <p class="status" role="status" aria-live="polite">
            {move || match status.get() {
                Status::Idle => ().into_any(),
                Status::Saved(_) => view! {
                    <span class="saved">{t(Msg::FormSaved)}</span>
                    " "
                    <button type="button" class="link" on:click=undo>{t(Msg::FormUndo)}</button>
                }
                .into_any(),
                Status::Undone => view! { <span>{t(Msg::FormUndone)}</span> }.into_any(),
                Status::Incomplete(missing) => view! { <span class="incomplete">{missing}</span> }.into_any(),
                Status::Failed(message) => view! { <span class="failed">{message}</span> }.into_any(),
            }}
        </p>
    }
}

#[component]
fn ReasonPicker(form: RwSignal<FormState>) -> impl IntoView {
    let boxes = Reason::ALL
        .into_iter()
        .map(|reason| {
            let input_id = format!("reason-{}", reason.as_str());
            let label_for = input_id.clone();
            view! {
                <label class="chip" for=label_for>
                    <input
                        type="checkbox"
                        id=input_id
                        prop:checked=move || form.with(|f| f.reasons.contains(&reason))
                        disabled=move || form.with(|f| f.reason_locked(reason))
                        on:change=move |_| form.update(|f| f.toggle_reason(reason))
                    />
                    <span>{reason_words(reason)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices reasons">
            <legend>{t(Msg::ReasonsLegend)} <span class="hint">{t(Msg::ReasonsHint)}</span></legend>
            <div class="chips">{boxes}</div>
        </fieldset>
    }
}

/// Where the pilot desk (SPEC §10) is drawn, once its module has loaded:
/// only with a sync server and pilots in the config. It files through
/// [`keep`], the form's own checks and stores, and undoes as the form does.
#[component]
fn PilotDesk(stores: Stores) -> impl IntoView {
    let config = expect_context::<Config>();
    if stores.sync.enabled() && !config.pilots.is_empty() {
        let base = expect_context::<AppBase>().0;
        let desk = move |filing: bool, text: String| {
            if !filing {
                return match ReportId::parse(&text).map(|id| stores.take_back(&id)) {
                    Some(Ok(())) => String::new(),
                    Some(Err(error)) => error.to_string(),
                    None => "that is not a report id".into(),
                };
            }
            // Through serde_json's Value, which the app parses anyway:
            // Report::from_json's own reader would add about 1 KB (SPEC §8).
            let read = serde_json::from_str(&text).map_err(|e| e.to_string());
            match read.and_then(|v| Report::from_value(&v).map_err(|e| e.to_string())) {
                Ok(report) => match keep(report, &config, &stores) {
                    Kept::Everywhere => String::new(),
                    Kept::ForSendingOnly(error) => tf(Msg::PilotNotKept, &[Arg::Text(&error)]),
                    Kept::Not(error) => format!("{NOT_FILED}{error}"),
                },
                Err(error) => format!("{NOT_FILED}{error}"),
            }
        };
        // Spawned, so it runs once the element below is on the page.
        let week = device::this_week().to_string();
        leptos::task::spawn_local(pilot_desk::open(base, week, desk));
    }
    view! { <div class="pilot-desk" id=pilot_desk::ROOT_ID></div> }
}
