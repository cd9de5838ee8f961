//! The outbox on this device and the background sync with the server
//! (SPEC §6.3, §7): reports leave in shuffled batches after a random delay,
//! failures back off with jitter, and a refused report stays visible with the
//! server's reason. The rules live in `candor_core::outbox`; this module only
//! stores, schedules and fetches.
//!
//! With credentials (SPEC §6.10) each report leaves with a token: the store
//! fetches tokens ahead of use ([`super::tokens`]), a report without one
//! waits for it (and says so), and a report the server refused only for
//! its token waits for a new one; none is dropped.

use std::time::Duration;

use super::device::{self, StorageError};
use super::fetch::{send, Answer};
use super::notices::{Level, Notices};
use super::tokens::{self, TokenProblem, SPARE};
use candor_core::privacy::RandomizedResponse;
use candor_core::{
    BatchAnswer, Config, Delivery, Outbox, Randomness, Report, ReportId, SendPolicy, SendQueue,
    ServerError,
};
use leptos::{prelude::*, task::spawn_local};

use crate::language::{t, tf, Arg, Msg};

/// Where the outbox lives on the device.
pub const OUTBOX_KEY: &str = "candor.outbox";

/// The browser's cryptographic random source, for delays and shuffling.
pub struct BrowserRandom;

impl Randomness for BrowserRandom {
    fn next_u32(&mut self) -> u32 {
        let mut bytes = [0u8; 4];
        device::random_bytes(&mut bytes);
        u32::from_le_bytes(bytes)
    }
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// What the sync is doing, in words the History page can show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncStatus {
    /// No sync server in this deployment: reports stay on the device.
    Off,
    /// Nothing in flight; waiting reports leave at their time.
    Idle,
    /// A batch is on its way.
    Sending,
    /// The last attempt failed; it will be retried.
    Retrying(String),
    /// Reports wait for tokens (SPEC §6.10): why, and where to sign in
    /// again when the single sign-on session has expired.
    WaitingForToken {
        /// Why no token is in hand, in words.
        reason: String,
        /// The address that renews the sign-on, when that is what is needed.
        sign_in: Option<String>,
    },
}

/// Where tokens come from, when the deployment asks for them.
#[derive(Debug, Clone)]
struct TokenIssuer {
    /// The app's base, where the token client module sits.
    base: String,
    key_url: String,
    issue_url: String,
    per_week: u32,
    sign_in: String,
}

/// How a request for a batch ended.
enum Attempt {
    Answered(BatchAnswer),
    Retry {
        reason: String,
        retry_after_ms: Option<u64>,
    },
    Refused(ServerError),
}

/// The outbox and its sender, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct SyncStore {
    outbox: RwSignal<Outbox>,
    status: RwSignal<SyncStatus>,
    queue: StoredValue<SendQueue>,
    timer: StoredValue<Option<TimeoutHandle>>,
    endpoint: StoredValue<Option<String>>,
    keep_sent: StoredValue<bool>,
    /// Set when the deployment asks for randomized response (SPEC §6.6).
    noise: StoredValue<Option<RandomizedResponse>>,
    /// Set when every report must spend a token (SPEC §6.10).
    issuer: StoredValue<Option<TokenIssuer>>,
    /// A token fetch is running.
    fetching: StoredValue<bool>,
    /// Why the last fetch of tokens failed; `None` after one succeeds.
    /// Once this week's tokens are all issued, no more are asked for until a reload.
    token_problem: StoredValue<Option<TokenProblem>>,
}

impl SyncStore {
    /// Opens the outbox and, when the config names a sync server, schedules
    /// every waiting report with a fresh random delay.
    ///
    /// `base` is where the app is published (the token client sits there).
    pub fn open(config: &Config, keep_history: bool, notices: Notices, base: &str) -> SyncStore {
        let endpoint = config.sync_endpoint("reports");
        let issuer = (config.credentials.as_ref()).and_then(|credentials| {
            Some(TokenIssuer {
                base: base.to_owned(),
                key_url: config.sync_endpoint("tokens/key")?,
                issue_url: config.sync_endpoint("tokens")?,
                per_week: credentials.per_week,
                sign_in: (credentials.sign_in_url.clone()).unwrap_or_else(|| format!("{base}/")),
            })
        });
        let outbox = if endpoint.is_some() {
            open_outbox(notices)
        } else {
            Outbox::default()
        };
        let store = SyncStore {
            outbox: RwSignal::new(outbox),
            status: RwSignal::new(if endpoint.is_some() {
                SyncStatus::Idle
            } else {
                SyncStatus::Off
            }),
            queue: StoredValue::new(SendQueue::new()),
            timer: StoredValue::new(None),
            endpoint: StoredValue::new(endpoint),
            keep_sent: StoredValue::new(keep_history),
            noise: StoredValue::new(RandomizedResponse::from_config(&config.privacy)),
            issuer: StoredValue::new(issuer),
            fetching: StoredValue::new(false),
            token_problem: StoredValue::new(None),
        };
        let waiting: Vec<ReportId> = store
            .outbox
            .with_untracked(|outbox| outbox.waiting.iter().map(|r| r.id.clone()).collect());
        store.hold_all(&waiting);
        store.schedule();
        // Tokens are fetched after the form is usable, never before it.
        if store.issuer.with_value(Option::is_some) {
            let _ = set_timeout_with_handle(move || store.fetch_tokens(), Duration::from_secs(1));
        }
        store
    }

    /// Whether this deployment syncs at all.
    pub fn enabled(&self) -> bool {
        self.endpoint.with_value(Option::is_some)
    }

    /// What the sync is doing.
    pub fn status(&self) -> Signal<SyncStatus> {
        self.status.into()
    }

    fn waiting_for_token_now(&self) -> bool {
        self.status
            .with_untracked(|status| matches!(status, SyncStatus::WaitingForToken { .. }))
    }

    /// Whether waiting reports wait for tokens now (SPEC §6.10).
    pub fn waiting_for_token(&self) -> bool {
        self.status
            .with(|status| matches!(status, SyncStatus::WaitingForToken { .. }))
    }

    /// Runs `read` over the outbox.
    pub fn with_outbox<T>(&self, read: impl FnOnce(&Outbox) -> T) -> T {
        self.outbox.with(read)
    }

    /// Where a report stands with the server, if the outbox knows it.
    pub fn delivery(&self, id: &ReportId) -> Option<Delivery> {
        self.outbox.with(|outbox| outbox.delivery(id))
    }

    /// Queues a report; returns once it is stored on the device.
    ///
    /// With randomized response on, what is queued is already randomized:
    /// the true outcome is kept only in the device's own history.
    pub fn enqueue(&self, report: Report) -> Result<(), StorageError> {
        let report = match self.noise.get_value() {
            Some(noise) => noise.for_sending(&report, &mut BrowserRandom),
            None => report,
        };
        let id = report.id.clone();
        let mut outbox = self.outbox.get_untracked();
        outbox.add(report);
        device::write(OUTBOX_KEY, &outbox.to_json())?;
        self.outbox.set(outbox);
        self.hold_all(&[id]);
        self.schedule();
        self.fetch_tokens();
        Ok(())
    }

    /// Takes back a report that has not left yet.
    pub fn withdraw(&self, id: &ReportId) -> Result<(), StorageError> {
        let mut outbox = self.outbox.get_untracked();
        if outbox.withdraw(id) {
            device::write(OUTBOX_KEY, &outbox.to_json())?;
            self.outbox.set(outbox);
        }
        self.queue.update_value(|queue| queue.forget(id));
        Ok(())
    }

    /// Puts every refused report back in the queue.
    pub fn retry_rejected(&self) -> Result<usize, StorageError> {
        let mut outbox = self.outbox.get_untracked();
        let count = outbox.retry_rejected();
        device::write(OUTBOX_KEY, &outbox.to_json())?;
        let waiting: Vec<ReportId> = outbox.waiting.iter().map(|r| r.id.clone()).collect();
        self.outbox.set(outbox);
        self.hold_all(&waiting);
        self.schedule();
        Ok(count)
    }

    /// Follows the history setting: without history, sent ids are not kept.
    pub fn set_keep_sent(&self, keep: bool) {
        self.keep_sent.set_value(keep);
        if !keep {
            let mut outbox = self.outbox.get_untracked();
            outbox.sent.clear();
            if device::write(OUTBOX_KEY, &outbox.to_json()).is_ok() {
                self.outbox.set(outbox);
            }
        }
    }

    fn hold_all(&self, ids: &[ReportId]) {
        let now = now_ms();
        let policy = SendPolicy::default();
        self.queue.update_value(|queue| {
            for id in ids {
                queue.hold(id, now, &policy, &mut BrowserRandom);
            }
        });
    }

    /// Sets the one timer to the next moment anything may leave.
    fn schedule(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        self.timer.set_value(None);
        if !self.enabled() || self.status.get_untracked() == SyncStatus::Sending {
            return;
        }
        let Some(wake) = self.queue.with_value(SendQueue::next_wake) else {
            return;
        };
        let wait = Duration::from_millis(wake.saturating_sub(now_ms()));
        let store = *self;
        if let Ok(handle) = set_timeout_with_handle(move || store.send_due(), wait) {
            self.timer.set_value(Some(handle));
        }
    }

    fn send_due(&self) {
        self.timer.set_value(None);
        // One batch at a time: its reports stay queued until it is settled,
        // and a second send would spend another token on each (settle
        // schedules what is due next).
        if self.status.get_untracked() == SyncStatus::Sending {
            return;
        }
        let policy = SendPolicy::default();
        let ids = self
            .queue
            .with_value(|queue| queue.due_batch(now_ms(), &policy, &mut BrowserRandom));
        let mut batch = self.outbox.with_untracked(|outbox| outbox.batch(&ids));
        let Some(url) = self.endpoint.get_value() else {
            return;
        };
        let Some(spent) = self.spend_tokens(&mut batch) else {
            self.schedule();
            return;
        };
        if batch.is_empty() {
            for id in &ids {
                self.queue.update_value(|queue| queue.forget(id));
            }
            self.schedule();
            return;
        }
        let order: Vec<ReportId> = batch.iter().map(|report| report.id.clone()).collect();
        self.status.set(SyncStatus::Sending);
        let store = *self;
        spawn_local(async move {
            let attempt = post_batch(&url, &batch, spent.as_deref()).await;
            if let (Attempt::Retry { .. }, Some(spent)) = (&attempt, &spent) {
                // Not (known to be) received: the tokens go back to be spent again.
                store.give_back_tokens(spent);
            }
            store.settle(&order, attempt);
        });
    }

    fn settle(&self, order: &[ReportId], attempt: Attempt) {
        let policy = SendPolicy::default();
        let mut outbox = self.outbox.get_untracked();
        let finished = match attempt {
            Attempt::Answered(answer) => {
                let need_token = outbox.apply_answer(order, &answer, self.keep_sent.get_value());
                if !need_token.is_empty() {
                    let store = *self;
                    let _ = set_timeout_with_handle(move || store.fetch_tokens(), Duration::ZERO);
                }
                self.queue.update_value(SendQueue::succeeded);
                self.status.set(SyncStatus::Idle);
                true
            }
            Attempt::Refused(error) => {
                outbox.reject_all(order, &error);
                self.queue.update_value(SendQueue::succeeded);
                self.status.set(SyncStatus::Idle);
                true
            }
            Attempt::Retry {
                reason,
                retry_after_ms,
            } => {
                self.queue.update_value(|queue| {
                    queue.failed(now_ms(), retry_after_ms, &policy, &mut BrowserRandom)
                });
                self.status.set(SyncStatus::Retrying(reason));
                false
            }
        };
        if finished {
            for id in order {
                self.queue.update_value(|queue| queue.forget(id));
            }
            // The outbox in memory is right either way; if the device refuses
            // the write, the batch is sent again later and counted as
            // duplicates by the server.
            let _ = device::write(OUTBOX_KEY, &outbox.to_json());
            self.outbox.set(outbox);
        }
        self.schedule();
    }
}

/// The app's side of credentials (SPEC §6.10).
impl SyncStore {
    /// Fetches tokens in the background when fewer are held than the
    /// waiting reports need plus [`SPARE`]; on success every waiting
    /// report is queued again.
    fn fetch_tokens(&self) {
        let Some(issuer) = self.issuer.get_value() else {
            return;
        };
        let quota_used = self
            .token_problem
            .with_value(|problem| matches!(problem, Some(TokenProblem::QuotaUsed(_))));
        if self.fetching.get_value() || quota_used {
            return;
        }
        let waiting = self.outbox.with_untracked(|outbox| outbox.waiting.len());
        let week = device::this_week();
        let held = tokens::held(week);
        let wanted = (waiting + SPARE).min(issuer.per_week as usize);
        if held >= wanted {
            return;
        }
        self.fetching.set_value(true);
        let store = *self;
        spawn_local(async move {
            let count = u32::try_from(wanted - held).unwrap_or(1);
            let fetched = tokens::fetch(
                &issuer.base,
                &issuer.key_url,
                &issuer.issue_url,
                count,
                week,
            )
            .await;
            store.fetching.set_value(false);
            match fetched {
                Ok(_) => {
                    store.token_problem.set_value(None);
                    if store.waiting_for_token_now() {
                        store.status.set(SyncStatus::Idle);
                    }
                    let waiting: Vec<ReportId> = store.outbox.with_untracked(|outbox| {
                        outbox.waiting.iter().map(|r| r.id.clone()).collect()
                    });
                    store.hold_all(&waiting);
                    store.schedule();
                }
                Err(problem) => {
                    if matches!(problem, TokenProblem::Unavailable(_)) {
                        let _ = set_timeout_with_handle(
                            move || store.fetch_tokens(),
                            Duration::from_secs(30),
                        );
                    }
                    store.token_problem.set_value(Some(problem));
                    // A batch in flight keeps its status until it is settled;
                    // the next report without a token shows this.
                    if store.status.get_untracked() != SyncStatus::Sending {
                        store.status.set(store.waiting_status(&issuer));
                    }
                }
            }
        });
    }

    /// With credentials, as many reports of `batch` leave as there are
    /// tokens, and the tokens they spend are taken off the device (their
    /// JSON text); the others wait again, each with a new random delay,
    /// while tokens are fetched. `None` when none can leave now.
    fn spend_tokens(&self, batch: &mut Vec<Report>) -> Option<Option<String>> {
        let Some(issuer) = self.issuer.get_value() else {
            return Some(None);
        };
        if batch.is_empty() {
            return Some(None);
        }
        let week = device::this_week();
        let leaving = tokens::held(week).min(batch.len());
        let spent = if leaving > 0 {
            tokens::take(week, leaving)
        } else {
            None
        };
        // Without tokens taken off the device, none of the batch can leave.
        let leaving = if spent.is_some() { leaving } else { 0 };
        let left: Vec<ReportId> = batch.drain(leaving..).map(|report| report.id).collect();
        if !left.is_empty() {
            // A fresh random wait: they come due again (and say they wait
            // for a token if there is still none), or leave once tokens come.
            for id in &left {
                self.queue.update_value(|queue| queue.forget(id));
            }
            self.hold_all(&left);
            self.fetch_tokens();
        }
        if spent.is_none() {
            let wait = self.waiting_status(&issuer);
            if self.status.get_untracked() != wait {
                self.status.set(wait);
            }
        }
        spent.map(Some)
    }

    /// What reports waiting for a token say: why the last fetch failed, or
    /// that tokens are being fetched.
    fn waiting_status(&self, issuer: &TokenIssuer) -> SyncStatus {
        match self.token_problem.get_value() {
            None => SyncStatus::WaitingForToken {
                reason: t(Msg::TokensFetching).into(),
                sign_in: None,
            },
            Some(problem) => SyncStatus::WaitingForToken {
                sign_in: (problem == TokenProblem::SignIn).then(|| issuer.sign_in.clone()),
                reason: problem.words(),
            },
        }
    }

    /// Puts back the tokens of a batch the server may not have received.
    fn give_back_tokens(&self, spent: &str) {
        tokens::give_back(device::this_week(), spent);
    }
}

/// Sends `batch`, with `tokens[i]` spent by report `i` when there are
/// tokens (`tokens` is the JSON text of their array).
async fn post_batch(url: &str, batch: &[Report], tokens: Option<&str>) -> Attempt {
    // Written directly rather than through `json!`, which would pull a
    // second serializer into the app for one line.
    let reports: Vec<String> = batch
        .iter()
        .map(|report| serde_json::to_string(report).expect("reports serialise"))
        .collect();
    let body = match tokens {
        None => format!("{{\"reports\":[{}]}}", reports.join(",")),
        Some(tokens) => format!(
            "{{\"reports\":[{}],\"tokens\":{tokens}}}",
            reports.join(",")
        ),
    };
    match send(url, Some(&body)).await {
        Ok(answer) => attempt_of(answer),
        Err(error) => Attempt::Retry {
            reason: tf(Msg::SyncUnreachable, &[Arg::Text(&error.to_string())]),
            retry_after_ms: None,
        },
    }
}

/// What the server's answer to a batch means for the reports in it.
fn attempt_of(answer: Answer) -> Attempt {
    let status = answer.status;
    if answer.ok() {
        return match BatchAnswer::from_json(&answer.body) {
            Some(answer) => Attempt::Answered(answer),
            None => Attempt::Retry {
                reason: t(Msg::SyncNotUnderstood).into(),
                retry_after_ms: None,
            },
        };
    }
    if status == 429 || status == 408 || status >= 500 {
        let retry_after_ms = answer
            .retry_after
            .and_then(|seconds| seconds.trim().parse::<u64>().ok())
            .map(|seconds| seconds * 1000);
        return Attempt::Retry {
            reason: tf(Msg::SyncHttp, &[Arg::Text(&status.to_string())]),
            retry_after_ms,
        };
    }
    match ServerError::from_response(&answer.body) {
        Some(error) => Attempt::Refused(error),
        // Not the server's error shape (a proxy's page, say): try again later
        // rather than mark reports refused for a reason nobody can read.
        None => Attempt::Retry {
            reason: tf(Msg::SyncHttp, &[Arg::Text(&status.to_string())]),
            retry_after_ms: None,
        },
    }
}

fn open_outbox(notices: Notices) -> Outbox {
    let raw = match device::read(OUTBOX_KEY) {
        Ok(Some(raw)) => raw,
        _ => return Outbox::default(),
    };
    match Outbox::load(&raw) {
        Ok(loaded) => {
            if !loaded.set_aside.is_empty() {
                let kept = serde_json::to_string(&loaded.set_aside).expect("json serialises");
                if let Ok(key) = device::set_aside("outbox", &kept) {
                    notices.push(
                        Level::Problem,
                        tf(
                            Msg::OutboxEntriesAside,
                            &[Arg::Count(loaded.set_aside.len() as u64), Arg::Text(&key)],
                        ),
                    );
                    let _ = device::write(OUTBOX_KEY, &loaded.outbox.to_json());
                }
            }
            loaded.outbox
        }
        Err(error) => {
            match device::set_aside("outbox", &raw) {
                Ok(key) => {
                    let _ = device::remove(OUTBOX_KEY);
                    notices.push(
                        Level::Problem,
                        tf(
                            Msg::OutboxAside,
                            &[Arg::Text(&error.to_string()), Arg::Text(&key)],
                        ),
                    );
                }
                Err(aside_error) => notices.push(
                    Level::Problem,
                    tf(
                        Msg::OutboxNotAside,
                        &[
                            Arg::Text(&error.to_string()),
                            Arg::Text(&aside_error.to_string()),
                        ],
                    ),
                ),
            }
            Outbox::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, retry_after: Option<&str>, body: &str) -> Attempt {
        attempt_of(Answer {
            status,
            retry_after: retry_after.map(str::to_string),
            body: body.into(),
        })
    }

    #[test]
    fn busy_or_failing_servers_are_retried_after_what_they_ask() {
        for status in [408, 429, 500, 503] {
            match answer(status, Some(" 7 "), "") {
                Attempt::Retry {
                    reason,
                    retry_after_ms,
                } => {
                    assert_eq!(reason, format!("the sync server answered HTTP {status}"));
                    assert_eq!(retry_after_ms, Some(7000));
                }
                _ => panic!("HTTP {status} must be retried"),
            }
        }
    }

    #[test]
    fn a_refusal_in_the_servers_words_marks_the_batch_refused() {
        let body = r#"{"error":{"code":"unknown_task","message":"no such task","field":"task"}}"#;
        match answer(422, None, body) {
            Attempt::Refused(error) => assert_eq!(error.code, "unknown_task"),
            _ => panic!("a server error must refuse"),
        }
        assert!(
            matches!(
                answer(404, None, "<html>proxy</html>"),
                Attempt::Retry {
                    retry_after_ms: None,
                    ..
                }
            ),
            "a proxy's page is not a refusal"
        );
    }

    #[test]
    fn an_answer_that_is_not_a_batch_answer_is_retried() {
        assert!(matches!(
            answer(200, None, "not json"),
            Attempt::Retry { reason, .. } if reason == "the sync server's answer was not understood"
        ));
    }
}
