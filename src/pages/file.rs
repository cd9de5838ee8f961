//! Filing a report: the first screen. Keyboard-first: with the last task and
//! tool remembered, a number key and Enter file a report.

use std::time::Duration;

use candor_core::{Choice, Complexity, Config, Effort, Reason, Report, ReportId, MAX_REASONS};
use leptos::{ev, prelude::*};
use wasm_bindgen::JsCast;

use crate::components::choice_picker::ChoicePicker;
use crate::components::outcome_picker::{outcome_for_key, OutcomePicker};
use crate::router::query_value;
use crate::store::device;
use crate::store::history::LocalStore;
use crate::store::notices::{Level, Notices};
use crate::store::sync::SyncStore;

/// How long "Saved — Undo" stays on screen.
const UNDO_WINDOW: Duration = Duration::from_secs(8);

/// What the form last said about saving.
#[derive(Debug, Clone, PartialEq)]
enum Status {
    Idle,
    Saved(ReportId),
    Undone,
    Incomplete(&'static str),
    Failed(String),
}

/// Everything the employee chose on the form.
#[derive(Clone, Copy)]
struct Form {
    task: RwSignal<Option<String>>,
    tool: RwSignal<Option<String>>,
    team: RwSignal<Option<String>>,
    outcome: RwSignal<Option<i8>>,
    effort: RwSignal<Option<String>>,
    mandated: RwSignal<Option<String>>,
    complexity: RwSignal<Option<String>>,
    reasons: RwSignal<Vec<Reason>>,
}

impl Form {
    /// Builds the report, or says what is still missing.
    fn report(&self) -> Result<Report, &'static str> {
        let task = self
            .task
            .get_untracked()
            .ok_or("Choose the kind of task first.")?;
        let tool = self
            .tool
            .get_untracked()
            .ok_or("Choose the tool you used (or No AI).")?;
        let outcome = self
            .outcome
            .get_untracked()
            .ok_or("Choose how it went: keys 1–5.")?;
        let effort = self.effort.get_untracked();
        let complexity = self.complexity.get_untracked();
        Ok(Report {
            id: device::new_report_id(),
            week: device::this_week(),
            task,
            tool,
            outcome,
            effort: Effort::ALL
                .into_iter()
                .find(|effort_level| Some(effort_level.as_str()) == effort.as_deref()),
            mandated: self
                .mandated
                .get_untracked()
                .map(|answer| answer == MANDATED),
            complexity: Complexity::ALL
                .into_iter()
                .find(|level| Some(level.as_str()) == complexity.as_deref()),
            team: self.team.get_untracked(),
            reasons: if outcome < 0 {
                self.reasons.get_untracked()
            } else {
                Vec::new()
            },
        })
    }

    /// Clears the per-report answers, keeping task, tool and team.
    fn reset_answers(&self) {
        self.outcome.set(None);
        self.effort.set(None);
        self.mandated.set(None);
        self.complexity.set(None);
        self.reasons.set(Vec::new());
    }
}

const MANDATED: &str = "told";

fn known(id: Option<String>, choices: &[Choice]) -> Option<String> {
    id.filter(|id| choices.iter().any(|choice| &choice.id == id))
}

fn is_typing_target(target: &web_sys::Element) -> bool {
    matches!(target.tag_name().as_str(), "TEXTAREA" | "SELECT")
        || (target.tag_name() == "INPUT"
            && !matches!(
                target.get_attribute("type").as_deref(),
                Some("radio" | "checkbox")
            ))
}

fn activates_on_enter(target: &web_sys::Element) -> bool {
    matches!(target.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY")
}

/// The report form.
#[component]
pub fn FilePage() -> impl IntoView {
    let config = expect_context::<Config>();
    let store = expect_context::<LocalStore>();
    let sync = expect_context::<SyncStore>();
    let notices = expect_context::<Notices>();
    let tools = config.baseline_tools();
    let prefs = store.prefs().get_untracked();
    let randomized = config.privacy.randomized_response && sync.enabled();

    // A deep link (?task=…&tool=…) wins over what was remembered.
    let linked = |name: &str, choices: &[Choice]| {
        let id = query_value(name)?;
        let found = known(Some(id.clone()), choices);
        if found.is_none() {
            notices.push(
                Level::Info,
                format!("The link asked for {name} “{id}”, which this deployment does not offer; it was ignored."),
            );
        }
        found
    };
    let linked_task = linked("task", &config.tasks);
    let linked_tool = linked("tool", &tools);

    let form = Form {
        task: RwSignal::new(linked_task.or_else(|| known(prefs.last_task, &config.tasks))),
        tool: RwSignal::new(linked_tool.or_else(|| known(prefs.last_tool, &tools))),
        team: RwSignal::new(known(prefs.last_team, &config.teams)),
        outcome: RwSignal::new(None),
        effort: RwSignal::new(None),
        mandated: RwSignal::new(None),
        complexity: RwSignal::new(None),
        reasons: RwSignal::new(Vec::new()),
    };
    let status = RwSignal::new(Status::Idle);
    let can_keep = move || store.prefs().with(|prefs| prefs.keep_history) || sync.enabled();
    let config = StoredValue::new(config);

    let save = move || {
        if !can_keep() {
            return;
        }
        let report = match form.report() {
            Ok(report) => report,
            Err(missing) => {
                status.set(Status::Incomplete(missing));
                return;
            }
        };
        let checked = report
            .validate()
            .and_then(|()| config.with_value(|config| report.check_against(config)));
        if let Err(error) = checked {
            status.set(Status::Failed(format!("Not saved: {error}.")));
            return;
        }
        let id = report.id.clone();
        // The outbox first: once it holds the report, the report will reach
        // the server even if keeping it in the history fails.
        if sync.enabled() {
            if let Err(error) = sync.enqueue(report.clone()) {
                status.set(Status::Failed(format!("Not saved: {error}.")));
                return;
            }
        }
        match store.file(report) {
            Ok(()) => {
                form.reset_answers();
                status.set(Status::Saved(id.clone()));
                // The page may be gone by then (the employee moved on), so
                // the signal is only touched if it still exists.
                set_timeout(
                    move || {
                        if status.try_get_untracked() == Some(Status::Saved(id)) {
                            status.try_set(Status::Idle);
                        }
                    },
                    UNDO_WINDOW,
                );
            }
            Err(error) if sync.enabled() => {
                form.reset_answers();
                status.set(Status::Failed(format!(
                    "Saved for sending, but not kept in your history: {error}."
                )));
            }
            Err(error) => status.set(Status::Failed(format!("Not saved: {error}."))),
        }
    };

    let shortcuts = window_event_listener(ev::keydown, move |event| {
        if event.ctrl_key() || event.alt_key() || event.meta_key() || event.is_composing() {
            return;
        }
        let Some(target) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if is_typing_target(&target) {
            return;
        }
        let key = event.key();
        if let Some(outcome) = outcome_for_key(&key) {
            event.prevent_default();
            form.outcome.set(Some(outcome));
        } else if key == "Enter" && !activates_on_enter(&target) {
            event.prevent_default();
            save();
        }
    });
    on_cleanup(move || shortcuts.remove());

    // Reasons only make sense for a negative outcome. Saving clears the
    // outcome, but the reasons stay on screen, emptied, until the next
    // outcome is picked: removing them on save would pull the Save row and
    // "Saved." up under the employee's eyes, and removing them when "Saved."
    // goes would move the form with no input at all. They go (or come) only
    // in answer to the employee's own choice.
    let reasons_shown = Memo::new(move |shown: Option<&bool>| match form.outcome.get() {
        Some(outcome) => outcome < 0,
        None => shown.copied().unwrap_or(false),
    });
    // A reason ticked and then hidden by a positive outcome must not be filed
    // with a later negative one.
    Effect::new(move |_| {
        if !reasons_shown.get() {
            form.reasons.set(Vec::new());
        }
    });
    // Effort and "told to" only when an AI tool was used.
    Effect::new(move |_| {
        if form.tool.get().as_deref() == Some(candor_core::NO_AI) {
            form.effort.set(None);
            form.mandated.set(None);
        }
    });

    let (tasks, teams) = config.with_value(|config| (config.tasks.clone(), config.teams.clone()));
    let has_teams = !teams.is_empty();
    let used_ai = move || {
        form.tool
            .get()
            .is_some_and(|tool| tool != candor_core::NO_AI)
    };

    view! {
        <main>
            <h1>"How did AI do on the task you just finished?"</h1>
            <form
                class="report-form"
                on:submit=move |event| {
                    event.prevent_default();
                    save();
                }
            >
                <ChoicePicker legend="What kind of task was it?" name="task" choices=tasks selected=form.task />
                <ChoicePicker legend="Which AI tool did you use?" name="tool" choices=tools selected=form.tool />
                <OutcomePicker selected=form.outcome />
                <Show when=move || reasons_shown.get()>
                    <ReasonPicker reasons=form.reasons />
                </Show>
                <Show when=move || has_teams>
                    <ChoicePicker legend="Your team" name="team" choices=teams.clone() selected=form.team />
                </Show>
                <details class="optional">
                    <summary>"More detail (optional)"</summary>
                    <Show when=used_ai>
                        <ChoicePicker legend="Checking and fixing the AI's output took" name="effort" choices=effort_choices() selected=form.effort />
                        <ChoicePicker legend="Why this tool?" name="mandated" choices=mandated_choices() selected=form.mandated />
                    </Show>
                    <ChoicePicker legend="The task was" name="complexity" choices=complexity_choices() selected=form.complexity />
                </details>
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || !can_keep()>
                        "Save " <kbd aria-hidden="true">"Enter"</kbd>
                    </button>
                    <StatusLine status store sync />
                </div>
                <Show when=move || !can_keep()>
                    <p class="notice problem">
                        "History is off on this device and this deployment has no sync server, so a report would be kept nowhere. "
                        "Turn history back on in History to file reports."
                    </p>
                </Show>
                <p class="privacy-note">
                    "Only the week is recorded, never the day or time. Your report has no name, account or device id."
                    {randomized.then_some(" Before it is sent, your answer is randomized on this device, so no single report can be held to what it says.")}
                </p>
            </form>
        </main>
    }
}

#[component]
fn StatusLine(status: RwSignal<Status>, store: LocalStore, sync: SyncStore) -> impl IntoView {
    let undo = move |_| {
        if let Status::Saved(id) = status.get_untracked() {
            match sync.withdraw(&id).and_then(|()| store.undo(&id)) {
                Ok(()) => status.set(Status::Undone),
                Err(error) => status.set(Status::Failed(format!("Could not undo: {error}."))),
            }
        }
    };
    view! {
        <p class="status" role="status" aria-live="polite">
            {move || match status.get() {
                Status::Idle => ().into_any(),
                Status::Saved(_) => view! {
                    <span class="saved">"Saved."</span>
                    " "
                    <button type="button" class="link" on:click=undo>"Undo"</button>
                }
                .into_any(),
                Status::Undone => view! { <span>"Undone: that report was removed."</span> }.into_any(),
                Status::Incomplete(missing) => view! { <span class="incomplete">{missing}</span> }.into_any(),
                Status::Failed(message) => view! { <span class="failed">{message}</span> }.into_any(),
            }}
        </p>
    }
}

#[component]
fn ReasonPicker(reasons: RwSignal<Vec<Reason>>) -> impl IntoView {
    let boxes = Reason::ALL
        .into_iter()
        .map(|reason| {
            let checked = move || reasons.with(|list| list.contains(&reason));
            let full =
                move || reasons.with(|list| list.len() >= MAX_REASONS && !list.contains(&reason));
            let input_id = format!("reason-{}", reason.as_str());
            let label_for = input_id.clone();
            view! {
                <label class="chip" for=label_for>
                    <input
                        type="checkbox"
                        id=input_id
                        prop:checked=checked
                        disabled=full
                        on:change=move |_| {
                            reasons.update(|list| {
                                if let Some(at) = list.iter().position(|r| *r == reason) {
                                    list.remove(at);
                                } else if list.len() < MAX_REASONS {
                                    list.push(reason);
                                }
                            })
                        }
                    />
                    <span>{reason.label()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices reasons">
            <legend>"Why didn't it help? " <span class="hint">"Up to three, optional"</span></legend>
            <div class="chips">{boxes}</div>
        </fieldset>
    }
}

fn choice(id: &str, label: &str) -> Choice {
    Choice {
        id: id.into(),
        label: label.into(),
        description: String::new(),
    }
}

fn effort_choices() -> Vec<Choice> {
    Effort::ALL
        .into_iter()
        .map(|effort| choice(effort.as_str(), effort.label()))
        .collect()
}

fn complexity_choices() -> Vec<Choice> {
    Complexity::ALL
        .into_iter()
        .map(|level| choice(level.as_str(), level.label()))
        .collect()
}

fn mandated_choices() -> Vec<Choice> {
    vec![
        choice("chosen", "My own choice"),
        choice(MANDATED, "I was told to use it"),
    ]
}
