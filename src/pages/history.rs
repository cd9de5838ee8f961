//! History: the employee's own reports by week, with export, import, erase,
//! and "don't keep history on this device" for shared machines (SPEC §6.5).
//! The page's state and words are [`crate::state::history`]; this binds them.

use candor_core::{Config, Delivery, ImportOutcome, Report};
use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::language::{t, tf, Arg, Msg};
use crate::state::history::{
    import_summary, sync_line, HistoryState, Pending, ReportLine, Shelf, EXPORT_FILE,
};
use crate::store::device::StorageError;
use crate::store::download::download;
use crate::store::history::{ImportError, LocalStore};
use crate::store::sync::{SyncStatus, SyncStore};

/// The device's two stores, as the page's [`Shelf`].
#[derive(Clone, Copy)]
struct Stores {
    local: LocalStore,
    sync: SyncStore,
}

impl Shelf for Stores {
    fn import(&self, raw: &str) -> Result<ImportOutcome, ImportError> {
        self.local.import(raw)
    }
    fn erase_all(&self) -> Result<(), StorageError> {
        self.local.erase_all()
    }
    fn stop_keeping(&self) -> Result<(), StorageError> {
        self.local.set_keep_history(false)?;
        self.sync.set_keep_sent(false);
        Ok(())
    }
}

/// The History page.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let store = expect_context::<LocalStore>();
    let keeps = move || store.prefs().with(|prefs| prefs.keep_history);
    view! {
        <main>
            <h1>{t(Msg::HistoryTitle)}</h1>
            <p class="lede">{t(Msg::HistoryLede)}</p>
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
            <p>{t(Msg::HistoryOff)}</p>
            <button
                type="button"
                on:click=move |_| {
                    match store.set_keep_history(true) {
                        Ok(()) => sync.set_keep_sent(true),
                        Err(error) => problem.set(Some(error.to_string())),
                    }
                }
            >
                {t(Msg::HistoryKeep)}
            </button>
            <p class="failed" role="alert">{move || problem.get()}</p>
        </section>
    }
}

#[component]
fn HistoryOn(store: LocalStore) -> impl IntoView {
    let stores = Stores {
        local: store,
        sync: expect_context::<SyncStore>(),
    };
    let page = RwSignal::new(HistoryState::default());
    let count = move || store.with_history(|history| history.reports.len());
    let has_reports = Signal::derive(move || count() > 0);
    let imported = Memo::new(move |_| page.with(|p| p.imported.clone()));
    view! {
        <HistoryTools stores page has_reports />
        <Show when=move || page.with(|p| p.pending != Pending::Nothing)>
            <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
                <p id="confirm-text">{move || page.with(|p| p.question(count()))}</p>
                <button type="button" class="danger" on:click=move |_| page.update(|p| p.confirm(&stores))>
                    {t(Msg::HistoryEraseYes)}
                </button>
                <button type="button" on:click=move |_| page.update(|p| p.ask(Pending::Nothing))>{t(Msg::HistoryCancel)}</button>
            </div>
        </Show>
        <p class="message" role="status" aria-live="polite">{move || page.with(|p| p.message.clone())}</p>
        {move || imported.get().map(|outcome| view! { <ImportSummary outcome /> })}
        <Show
            when=move || has_reports.get()
            fallback=|| view! { <p class="empty-state">{t(Msg::HistoryEmpty)}</p> }
        >
            <p class="summary">{move || tf(Msg::HistoryCount, &[Arg::Count(count() as u64)])}</p>
            <Weeks stores />
        </Show>
    }
}

/// Export, import, erase and stop keeping.
#[component]
fn HistoryTools(
    stores: Stores,
    page: RwSignal<HistoryState>,
    has_reports: Signal<bool>,
) -> impl IntoView {
    let export = move |_| {
        if let Err(error) = download(EXPORT_FILE, "application/json", &stores.local.export_json()) {
            page.update(|p| p.export_failed(error));
        }
    };
    let import = move |event: web_sys::Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|text| text.as_string());
            page.update(|p| p.import(text.as_deref(), &stores));
        });
    };
    view! {
        <div class="history-tools">
            <button type="button" on:click=export disabled=move || !has_reports.get()>
                {t(Msg::HistoryExport)}
            </button>
            <label class="button" for="import-file">{t(Msg::HistoryImport)}</label>
            <input id="import-file" class="visually-hidden" type="file" accept="application/json,.json" on:change=import />
            <button type="button" class="danger" on:click=move |_| page.update(|p| p.ask(Pending::Erase)) disabled=move || !has_reports.get()>
                {t(Msg::HistoryErase)}
            </button>
            <button type="button" on:click=move |_| page.update(|p| p.ask(Pending::StopKeeping))>
                {t(Msg::HistoryStop)}
            </button>
        </div>
    }
}

/// The reports kept here, newest week first.
#[component]
fn Weeks(stores: Stores) -> impl IntoView {
    let config = StoredValue::new(expect_context::<Config>());
    move || {
        stores.local.with_history(|history| {
            history
                .by_week()
                .into_iter()
                .map(|(week, reports)| {
                    let items = reports
                        .into_iter()
                        .map(|report| {
                            let delivery = stores.sync.delivery(&report.id);
                            let for_token = stores.sync.waiting_for_token();
                            config.with_value(|config| {
                                report_item(config, report, delivery, for_token)
                            })
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
    let status_line = move || sync_line(&sync.status().get(), waiting());
    let rejected = move || {
        sync.with_outbox(|outbox| {
            outbox
                .rejected
                .iter()
                .map(|entry| {
                    let line =
                        config.with_value(|config| report_item(config, &entry.report, None, false));
                    let reason = entry.error.message.clone();
                    view! {
                        <div class="rejected-report">
                            <ul class="reports">{line}</ul>
                            <p class="failed">{tf(Msg::NotAccepted, &[Arg::Text(&reason)])}</p>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let has_rejected = move || sync.with_outbox(|outbox| !outbox.rejected.is_empty());
    let send_again = move |_| {
        message.set(Some(match sync.retry_rejected() {
            Ok(n) => tf(Msg::SentAgain, &[Arg::Count(n as u64)]),
            Err(error) => tf(Msg::SendAgainFailed, &[Arg::Text(&error.to_string())]),
        }));
    };
    view! {
        <Show when=move || sync.enabled()>
            <section class="sync-panel" aria-label=t(Msg::SyncPanel)>
                <p class="sync-status">{status_line}</p>
                {move || match sync.status().get() {
                    SyncStatus::WaitingForToken { sign_in: Some(url), .. } => Some(view! {
                        <p class="sign-in"><a href=url>{t(Msg::SignInAgain)}</a></p>
                    }),
                    _ => None,
                }}
                <Show when=has_rejected>
                    <h2>{t(Msg::NotAcceptedTitle)}</h2>
                    {rejected}
                    <button type="button" on:click=send_again>{t(Msg::SendAgain)}</button>
                </Show>
                <p class="message" role="status">{move || message.get()}</p>
            </section>
        </Show>
    }
}

#[component]
fn ImportSummary(outcome: ImportOutcome) -> impl IntoView {
    let (summary, rejected) = import_summary(&outcome);
    let rejected = rejected
        .into_iter()
        .map(|line| view! { <li>{line}</li> })
        .collect_view();
    view! {
        <section class="import-summary" aria-label=t(Msg::HistoryImportResult)>
            <p>{summary}</p>
            <ul class="rejected">{rejected}</ul>
        </section>
    }
}

fn report_item(
    config: &Config,
    report: &Report,
    delivery: Option<Delivery>,
    waiting_for_token: bool,
) -> impl IntoView {
    let mut line = ReportLine::of(config, report, delivery);
    if waiting_for_token {
        line = line.waiting_for_token();
    }
    view! {
        <li class="report">
            <span class="task">{line.task}</span>
            " · "
            <span class="tool">{line.tool}</span>
            " · "
            <span class=line.outcome_class>{line.outcome}</span>
            {line.details.map(|details| view! { <span class="details">{details}</span> })}
            {line.delivery.map(|(class, words)| view! { <span class=class>{words}</span> })}
        </li>
    }
}
