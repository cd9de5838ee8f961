//! History: the employee's own reports by week, with export, import, erase,
//! and "don't keep history on this device" for shared machines (SPEC §6.5).

use candor_core::{outcome_label, Config, Delivery, ImportOutcome, Report};
use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::store::download::download;
use crate::store::history::LocalStore;
use crate::store::sync::{SyncStatus, SyncStore};

/// The name of the file an export downloads as.
const EXPORT_FILE: &str = "candor-history.json";

/// A confirmation the page is waiting for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    Nothing,
    Erase,
    StopKeeping,
}

/// The History page.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let store = expect_context::<LocalStore>();
    let keeps = move || store.prefs().with(|prefs| prefs.keep_history);
    view! {
        <main>
            <h1>"History"</h1>
            <p class="lede">"Your own reports, kept only in this browser."</p>
            <SyncPanel />
            <Show
                when=keeps
                fallback=move || view! { <HistoryOff store /> }
            >
                <HistoryOn store />
            </Show>
        </main>
    }
}

#[component]
fn HistoryOff(store: LocalStore) -> impl IntoView {
    let sync = expect_context::<SyncStore>();
    let problem = RwSignal::new(None::<String>);
    view! {
        <section class="history-off">
            <p>"History is off on this device: reports you file are not kept here."</p>
            <button
                type="button"
                on:click=move |_| {
                    match store.set_keep_history(true) {
                        Ok(()) => sync.set_keep_sent(true),
                        Err(error) => problem.set(Some(error.to_string())),
                    }
                }
            >
                "Keep history on this device"
            </button>
            <p class="failed" role="alert">{move || problem.get()}</p>
        </section>
    }
}

#[component]
fn HistoryOn(store: LocalStore) -> impl IntoView {
    let config = StoredValue::new(expect_context::<Config>());
    let sync = expect_context::<SyncStore>();
    let pending = RwSignal::new(Pending::Nothing);
    let message = RwSignal::new(None::<String>);
    let import_result = RwSignal::new(None::<ImportOutcome>);
    let count = move || store.with_history(|history| history.reports.len());
    let has_reports = move || count() > 0;

    let weeks = move || {
        store.with_history(|history| {
            history
                .by_week()
                .into_iter()
                .map(|(week, reports)| {
                    let items = reports
                        .into_iter()
                        .map(|report| {
                            let delivery = sync.delivery(&report.id);
                            config.with_value(|config| report_line(config, report, delivery))
                        })
                        .collect_view();
                    view! {
                        <section class="week">
                            <h2>{week.to_string()}</h2>
                            <ul class="reports">{items}</ul>
                        </section>
                    }
                })
                .collect_view()
        })
    };

    let export = move |_| {
        if let Err(error) = download(EXPORT_FILE, "application/json", &store.export_json()) {
            message.set(Some(format!("Export failed: {error}")));
        }
    };

    let import = move |event: web_sys::Event| {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            let text = match JsFuture::from(file.text()).await {
                Ok(text) => text.as_string().unwrap_or_default(),
                Err(_) => {
                    message.set(Some("The file could not be read.".into()));
                    return;
                }
            };
            match store.import(&text) {
                Ok(outcome) => {
                    message.set(None);
                    import_result.set(Some(outcome));
                }
                Err(error) => {
                    import_result.set(None);
                    message.set(Some(format!("Nothing was imported: {error}.")));
                }
            }
        });
    };

    let confirm = move |_| {
        let result = match pending.get_untracked() {
            Pending::Erase => store.erase_all(),
            Pending::StopKeeping => store
                .set_keep_history(false)
                .map(|()| sync.set_keep_sent(false)),
            Pending::Nothing => Ok(()),
        };
        pending.set(Pending::Nothing);
        import_result.set(None);
        message.set(Some(match result {
            Ok(()) => "Erased: no reports are kept on this device.".into(),
            Err(error) => format!("Could not erase: {error}."),
        }));
    };

    view! {
        <div class="history-tools">
            <button type="button" on:click=export disabled=move || !has_reports()>
                "Export as JSON"
            </button>
            <label class="button" for="import-file">"Import JSON…"</label>
            <input id="import-file" class="visually-hidden" type="file" accept="application/json,.json" on:change=import />
            <button type="button" class="danger" on:click=move |_| pending.set(Pending::Erase) disabled=move || !has_reports()>
                "Erase everything…"
            </button>
            <button type="button" on:click=move |_| pending.set(Pending::StopKeeping)>
                "Don't keep history on this device…"
            </button>
        </div>
        <Show when=move || pending.get() != Pending::Nothing>
            <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
                <p id="confirm-text">
                    {move || {
                        let n = count();
                        match pending.get() {
                            Pending::StopKeeping => format!(
                                "Stop keeping history here? This erases the {n} report(s) kept on this device, and new reports will not be kept. Export first if you want a copy."
                            ),
                            _ => format!("Erase all {n} report(s) kept on this device? This cannot be undone. Export first if you want a copy."),
                        }
                    }}
                </p>
                <button type="button" class="danger" on:click=confirm>"Yes, erase"</button>
                <button type="button" on:click=move |_| pending.set(Pending::Nothing)>"Cancel"</button>
            </div>
        </Show>
        <p class="message" role="status" aria-live="polite">{move || message.get()}</p>
        {move || import_result.get().map(|outcome| view! { <ImportSummary outcome /> })}
        <Show
            when=has_reports
            fallback=|| view! { <p class="empty-state">"No reports kept on this device."</p> }
        >
            <p class="summary">{move || format!("{} report(s), newest week first.", count())}</p>
            {weeks}
        </Show>
    }
}

/// What the outbox holds: how many reports wait, whether the last attempt
/// failed, and every report the server refused, with its reason.
#[component]
fn SyncPanel() -> impl IntoView {
    let sync = expect_context::<SyncStore>();
    let config = StoredValue::new(expect_context::<Config>());
    let message = RwSignal::new(None::<String>);
    let waiting = move || sync.with_outbox(|outbox| outbox.waiting.len());
    let status_line = move || {
        match sync.status().get() {
        SyncStatus::Off => None,
        SyncStatus::Idle | SyncStatus::Sending => Some(match waiting() {
            0 => "Every report filed here has been sent.".to_string(),
            n => format!("{n} report(s) waiting to be sent. They leave after a random delay, in shuffled batches, so the time they arrive says nothing about when you filed them."),
        }),
        SyncStatus::Retrying(reason) => Some(format!(
            "{} report(s) waiting: {reason}. Candor will try again; nothing is lost.",
            waiting()
        )),
    }
    };
    let rejected = move || {
        sync.with_outbox(|outbox| {
            outbox
                .rejected
                .iter()
                .map(|entry| {
                    let line = config.with_value(|config| report_line(config, &entry.report, None));
                    let reason = entry.error.message.clone();
                    view! {
                        <div class="rejected-report">
                            <ul class="reports">{line}</ul>
                            <p class="failed">{format!("Not accepted by the server: {reason}")}</p>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let has_rejected = move || sync.with_outbox(|outbox| !outbox.rejected.is_empty());
    let send_again = move |_| {
        message.set(Some(match sync.retry_rejected() {
            Ok(n) => format!("{n} report(s) queued to be sent again."),
            Err(error) => format!("Could not queue them again: {error}."),
        }));
    };
    view! {
        <Show when=move || sync.enabled()>
            <section class="sync-panel" aria-label="Sending to the team map">
                <p class="sync-status">{status_line}</p>
                <Show when=has_rejected>
                    <h2>"Not accepted by the server"</h2>
                    {rejected}
                    <button type="button" on:click=send_again>"Send these again"</button>
                </Show>
                <p class="message" role="status">{move || message.get()}</p>
            </section>
        </Show>
    }
}

#[component]
fn ImportSummary(outcome: ImportOutcome) -> impl IntoView {
    let rejected = outcome
        .rejected
        .iter()
        .map(|(index, error)| view! { <li>{format!("Entry {}: {error}", index + 1)}</li> })
        .collect_view();
    view! {
        <section class="import-summary" aria-label="Import result">
            <p>
                {format!(
                    "Imported {} new report(s); {} were already here; {} rejected.",
                    outcome.added,
                    outcome.duplicates,
                    outcome.rejected.len()
                )}
            </p>
            <ul class="rejected">{rejected}</ul>
        </section>
    }
}

fn label_or_retired(label: Option<&str>, id: &str) -> String {
    label.map_or_else(|| format!("{id} (retired)"), str::to_string)
}

fn report_line(config: &Config, report: &Report, delivery: Option<Delivery>) -> impl IntoView {
    let task = label_or_retired(
        config
            .task(&report.task)
            .map(|choice| choice.label.as_str()),
        &report.task,
    );
    let tool = if report.tool == candor_core::NO_AI {
        "No AI".to_string()
    } else {
        label_or_retired(
            config
                .tool(&report.tool)
                .map(|choice| choice.label.as_str()),
            &report.tool,
        )
    };
    let mut details = Vec::new();
    if let Some(effort) = report.effort {
        details.push(effort.label().to_string());
    }
    if report.mandated == Some(true) {
        details.push("told to use it".into());
    }
    if let Some(complexity) = report.complexity {
        details.push(complexity.label().to_string());
    }
    details.extend(
        report
            .reasons
            .iter()
            .map(|reason| reason.label().to_string()),
    );
    let details = (!details.is_empty()).then(|| format!(" ({})", details.join(", ")));
    let outcome_class = match report.outcome {
        ..=-1 => "outcome negative",
        0 => "outcome neutral",
        _ => "outcome positive",
    };
    view! {
        <li class="report">
            <span class="task">{task}</span>
            " · "
            <span class="tool">{tool}</span>
            " · "
            <span class=outcome_class>{outcome_label(report.outcome)}</span>
            {details.map(|details| view! { <span class="details">{details}</span> })}
            {delivery.map(|delivery| {
                let (class, words) = match delivery {
                    Delivery::Waiting => ("delivery waiting", " — waiting to be sent".to_string()),
                    Delivery::Sent => ("delivery sent", " — sent".to_string()),
                    Delivery::Rejected(error) => ("delivery rejected", format!(" — not accepted: {}", error.message)),
                };
                view! { <span class=class>{words}</span> }
            })}
        </li>
    }
}
