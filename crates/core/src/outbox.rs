//! The device's outbox: reports waiting for the sync server, their delivery
//! state, and the timing rules that keep the moment of sending from telling
//! when a task was filed (SPEC §6.3, §7).
//!
//! Two halves. [`Outbox`] is what is stored on the device: waiting reports,
//! rejected ones with the server's reason, and the ids of sent ones. It holds
//! no time at all: a stored send time would say roughly when a report was
//! filed. [`SendQueue`] is the schedule, kept in memory only; the clock
//! (`now`, in milliseconds) and the random source are passed in, so the
//! rules are tested without waiting and without real randomness.

use std::collections::HashSet;

use serde_json::{Map, Value};

use crate::batch::BatchAnswer;
use crate::error_body::ServerError;
use crate::report::{Report, ReportId};
use crate::token::TokenError;

/// The outbox document schema this crate writes, and the newest it reads.
pub const OUTBOX_SCHEMA: u64 = 1;

/// A source of uniformly random `u32`s (the browser's crypto in the app, a
/// seeded generator in tests).
pub trait Randomness {
    /// The next random number.
    fn next_u32(&mut self) -> u32;

    /// A number uniform in `low..=high` (`low` when the range is empty).
    fn between(&mut self, low: u64, high: u64) -> u64 {
        if high <= low {
            return low;
        }
        let span = high - low + 1;
        let wide = (u64::from(self.next_u32()) << 32) | u64::from(self.next_u32());
        low + wide % span
    }
}

impl<F: FnMut() -> u32> Randomness for F {
    fn next_u32(&mut self) -> u32 {
        self()
    }
}

/// Shuffles `items` in place (Fisher–Yates), so a batch's order says nothing
/// about the order of filing.
pub fn shuffle<T>(items: &mut [T], random: &mut impl Randomness) {
    for last in (1..items.len()).rev() {
        let pick = random.between(0, last as u64) as usize;
        items.swap(last, pick);
    }
}

/// How the outbox times its sending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SendPolicy {
    /// Shortest wait between filing (or app start) and sending, in ms.
    pub min_delay_ms: u64,
    /// Longest such wait, in ms.
    pub max_delay_ms: u64,
    /// Most reports in one request.
    pub batch_max: usize,
    /// First retry wait after a failure, in ms; it doubles per failure.
    pub base_backoff_ms: u64,
    /// Cap on the retry wait, in ms.
    pub max_backoff_ms: u64,
}

impl Default for SendPolicy {
    fn default() -> Self {
        SendPolicy {
            min_delay_ms: 20_000,
            max_delay_ms: 180_000,
            batch_max: 100,
            base_backoff_ms: 5_000,
            max_backoff_ms: 15 * 60_000,
        }
    }
}

impl SendPolicy {
    /// The random wait before a newly filed report may leave.
    pub fn send_delay(&self, random: &mut impl Randomness) -> u64 {
        random.between(self.min_delay_ms, self.max_delay_ms)
    }

    /// The wait before retry number `failures` (1 for the first failure):
    /// exponential, capped, with "equal jitter" (half fixed, half random) so
    /// that many devices coming back after an outage do not arrive together.
    pub fn retry_delay(&self, failures: u32, random: &mut impl Randomness) -> u64 {
        let exponent = failures.saturating_sub(1).min(30);
        let ceiling = self
            .base_backoff_ms
            .saturating_mul(1u64 << exponent)
            .min(self.max_backoff_ms);
        let half = ceiling / 2;
        half + random.between(0, ceiling - half)
    }
}

/// The in-memory schedule: when each waiting report may leave, and when the
/// next attempt is allowed after failures. Never stored.
#[derive(Debug, Clone, Default)]
pub struct SendQueue {
    // A list, not a map: an outbox holds a handful of reports, and a map
    // type would add kilobytes to the browser app.
    due: Vec<(ReportId, u64)>,
    retry_at: Option<u64>,
    failures: u32,
}

impl SendQueue {
    /// An empty schedule.
    pub fn new() -> SendQueue {
        SendQueue::default()
    }

    /// Gives a report its own random wait, counted from `now`; a report
    /// already scheduled keeps its time.
    pub fn hold(
        &mut self,
        id: &ReportId,
        now: u64,
        policy: &SendPolicy,
        random: &mut impl Randomness,
    ) {
        if !self.due.iter().any(|(held, _)| held == id) {
            let at = now + policy.send_delay(random);
            self.due.push((id.clone(), at));
        }
    }

    /// Forgets a report (sent, rejected or taken back).
    pub fn forget(&mut self, id: &ReportId) {
        self.due.retain(|(held, _)| held != id);
    }

    /// When the next send should be tried, if anything is scheduled.
    pub fn next_wake(&self) -> Option<u64> {
        let earliest = self.due.iter().map(|(_, at)| *at).min()?;
        Some(self.retry_at.map_or(earliest, |retry| retry.max(earliest)))
    }

    /// The reports that may leave at `now`, shuffled, at most one batch.
    /// Empty while a retry wait is running.
    pub fn due_batch(
        &self,
        now: u64,
        policy: &SendPolicy,
        random: &mut impl Randomness,
    ) -> Vec<ReportId> {
        if self.retry_at.is_some_and(|retry| retry > now) {
            return Vec::new();
        }
        let mut due: Vec<ReportId> = self
            .due
            .iter()
            .filter(|(_, at)| *at <= now)
            .map(|(id, _)| id.clone())
            .collect();
        // Shuffle before cutting, so which reports make the batch is random too.
        shuffle(&mut due, random);
        due.truncate(policy.batch_max);
        due
    }

    /// Records a failed attempt at `now`; `retry_after_ms` is the server's
    /// `Retry-After`, honoured when longer than the backoff.
    pub fn failed(
        &mut self,
        now: u64,
        retry_after_ms: Option<u64>,
        policy: &SendPolicy,
        random: &mut impl Randomness,
    ) {
        self.failures = self.failures.saturating_add(1);
        let wait = policy
            .retry_delay(self.failures, random)
            .max(retry_after_ms.unwrap_or(0));
        self.retry_at = Some(now + wait);
    }

    /// Records a successful request: the backoff starts over.
    pub fn succeeded(&mut self) {
        self.failures = 0;
        self.retry_at = None;
    }

    /// How many failures in a row so far.
    pub fn failures(&self) -> u32 {
        self.failures
    }
}

/// Where a report filed on this device stands with the sync server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// In the outbox, not yet acknowledged.
    Waiting,
    /// Acknowledged by the server.
    Sent,
    /// Refused by the server, with its reason; kept and shown, never dropped.
    Rejected(ServerError),
}

/// A report the server refused, kept with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct RejectedReport {
    /// The report as filed.
    pub report: Report,
    /// The server's reason.
    pub error: ServerError,
}

/// The device's outbox, as stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outbox {
    /// Reports not yet acknowledged, in filing order.
    pub waiting: Vec<Report>,
    /// Reports the server refused.
    pub rejected: Vec<RejectedReport>,
    /// Ids the server acknowledged (only while the device keeps history).
    pub sent: Vec<ReportId>,
}

/// Why a stored outbox document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutboxError {
    /// Not JSON, or not the shape of an outbox document.
    #[error("not a Candor outbox ({0})")]
    Foreign(String),
    /// A newer Candor wrote it; this version must not touch it.
    #[error("written by a newer Candor (schema {0}); this version reads up to {OUTBOX_SCHEMA}")]
    TooNew(u64),
}

/// An outbox read from storage, with entries that no longer read as reports.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedOutbox {
    /// What could be read.
    pub outbox: Outbox,
    /// Entries (as JSON) that failed validation, to keep aside, never drop.
    pub set_aside: Vec<String>,
}

impl Outbox {
    /// Reads a stored outbox document.
    pub fn load(raw: &str) -> Result<LoadedOutbox, OutboxError> {
        let foreign = |why: &str| OutboxError::Foreign(why.to_string());
        let value: Value =
            serde_json::from_str(raw).map_err(|error| OutboxError::Foreign(error.to_string()))?;
        let object = value.as_object().ok_or_else(|| foreign("not an object"))?;
        if let Some(unknown) = object
            .keys()
            .find(|key| !["schema", "waiting", "rejected", "sent"].contains(&key.as_str()))
        {
            return Err(OutboxError::Foreign(format!("unknown field `{unknown}`")));
        }
        let schema = object
            .get("schema")
            .and_then(Value::as_u64)
            .ok_or_else(|| foreign("no schema"))?;
        if schema > OUTBOX_SCHEMA {
            return Err(OutboxError::TooNew(schema));
        }
        let list = |key: &str| -> Result<&[Value], OutboxError> {
            match object.get(key) {
                None => Ok(&[]),
                Some(Value::Array(items)) => Ok(items),
                Some(_) => Err(OutboxError::Foreign(format!("`{key}` is not a list"))),
            }
        };
        let mut set_aside = Vec::new();
        let mut waiting = Vec::new();
        for entry in list("waiting")? {
            match Report::from_value(entry) {
                Ok(report) => waiting.push(report),
                Err(_) => set_aside.push(entry.to_string()),
            }
        }
        let mut rejected = Vec::new();
        for entry in list("rejected")? {
            let report = entry.get("report").map(Report::from_value);
            let error = entry.get("error").and_then(ServerError::from_value);
            match (report, error) {
                (Some(Ok(report)), Some(error)) => rejected.push(RejectedReport { report, error }),
                _ => set_aside.push(entry.to_string()),
            }
        }
        let sent = list("sent")?
            .iter()
            .filter_map(|id| id.as_str().and_then(ReportId::parse))
            .collect();
        Ok(LoadedOutbox {
            outbox: Outbox {
                waiting,
                rejected,
                sent,
            },
            set_aside,
        })
    }

    /// The document to store.
    pub fn to_json(&self) -> String {
        let report = |report: &Report| serde_json::to_value(report).expect("reports serialise");
        let mut object = Map::new();
        object.insert("schema".into(), Value::from(OUTBOX_SCHEMA));
        object.insert(
            "waiting".into(),
            Value::Array(self.waiting.iter().map(report).collect()),
        );
        let rejected = self
            .rejected
            .iter()
            .map(|entry| {
                let mut pair = Map::new();
                pair.insert("report".into(), report(&entry.report));
                pair.insert(
                    "error".into(),
                    serde_json::to_value(&entry.error).expect("errors serialise"),
                );
                Value::Object(pair)
            })
            .collect();
        object.insert("rejected".into(), Value::Array(rejected));
        let sent = self
            .sent
            .iter()
            .map(|id| Value::from(id.as_str()))
            .collect();
        object.insert("sent".into(), Value::Array(sent));
        Value::Object(object).to_string()
    }

    /// Queues a report for sending.
    pub fn add(&mut self, report: Report) {
        if !self.waiting.iter().any(|waiting| waiting.id == report.id) {
            self.waiting.push(report);
        }
    }

    /// Takes back a report that has not been sent; false if it already left.
    pub fn withdraw(&mut self, id: &ReportId) -> bool {
        let before = self.waiting.len() + self.rejected.len();
        self.waiting.retain(|report| &report.id != id);
        self.rejected.retain(|entry| &entry.report.id != id);
        before != self.waiting.len() + self.rejected.len()
    }

    /// The waiting reports with these ids, in the given order (the batch).
    pub fn batch(&self, ids: &[ReportId]) -> Vec<Report> {
        ids.iter()
            .filter_map(|id| self.waiting.iter().find(|report| &report.id == id))
            .cloned()
            .collect()
    }

    /// Applies the server's answer to a batch sent in `sent_order`:
    /// rejected indexes become rejected reports with their reason, the rest
    /// sent. `remember_sent` is false when the device keeps no history.
    ///
    /// A report refused only for its token (SPEC §6.10: `token_required`,
    /// `token_invalid`, `token_spent`) is fine in itself: it stays waiting,
    /// for a new token, and its id is returned so it can be queued again.
    pub fn apply_answer(
        &mut self,
        sent_order: &[ReportId],
        answer: &BatchAnswer,
        remember_sent: bool,
    ) -> Vec<ReportId> {
        let mut need_token = Vec::new();
        let refused = |index: usize| {
            answer
                .rejected
                .iter()
                .find(|rejected| rejected.index == index)
                .map(|rejected| &rejected.error)
        };
        for (index, id) in sent_order.iter().enumerate() {
            let Some(at) = self.waiting.iter().position(|report| &report.id == id) else {
                continue;
            };
            if refused(index).is_some_and(|error| TokenError::is_token_code(&error.code)) {
                need_token.push(id.clone());
                continue;
            }
            let report = self.waiting.remove(at);
            match refused(index) {
                Some(error) => self.rejected.push(RejectedReport {
                    report,
                    error: error.clone(),
                }),
                None if remember_sent => self.sent.push(report.id),
                None => {}
            }
        }
        need_token
    }

    /// Refuses a whole batch with one reason (the server turned the request
    /// itself down); the reports stay visible with it.
    pub fn reject_all(&mut self, sent_order: &[ReportId], error: &ServerError) {
        for id in sent_order {
            if let Some(at) = self.waiting.iter().position(|report| &report.id == id) {
                let report = self.waiting.remove(at);
                self.rejected.push(RejectedReport {
                    report,
                    error: error.clone(),
                });
            }
        }
    }

    /// Puts rejected reports back in the queue (after the operator fixed the
    /// config, say); returns how many.
    pub fn retry_rejected(&mut self) -> usize {
        let count = self.rejected.len();
        for entry in self.rejected.drain(..) {
            self.waiting.push(entry.report);
        }
        count
    }

    /// Keeps only the sent ids still in `kept` (the history), so erasing the
    /// history erases their trace here too.
    pub fn prune_sent(&mut self, kept: &HashSet<&ReportId>) {
        self.sent.retain(|id| kept.contains(id));
    }

    /// Where the report with this id stands, if the outbox knows it.
    pub fn delivery(&self, id: &ReportId) -> Option<Delivery> {
        if self.waiting.iter().any(|report| &report.id == id) {
            return Some(Delivery::Waiting);
        }
        if let Some(entry) = self.rejected.iter().find(|entry| &entry.report.id == id) {
            return Some(Delivery::Rejected(entry.error.clone()));
        }
        self.sent
            .iter()
            .any(|sent| sent == id)
            .then_some(Delivery::Sent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::RejectedIndex;
    use crate::week::IsoWeek;

    /// A small deterministic generator (xorshift), the injected randomness.
    fn seeded(seed: u32) -> impl FnMut() -> u32 {
        let mut state = seed.max(1);
        move || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state
        }
    }

    fn report(n: u8) -> Report {
        Report {
            id: ReportId::from_bytes([n; 16]),
            week: IsoWeek::new(2026, 40).unwrap(),
            task: "debugging".into(),
            tool: "chat".into(),
            outcome: 1,
            effort: None,
            mandated: None,
            complexity: None,
            team: None,
            pilot: None,
            reasons: Vec::new(),
        }
    }

    #[test]
    fn a_new_report_waits_a_random_time_within_the_policy() {
        let policy = SendPolicy::default();
        let mut random = seeded(7);
        let mut waits = HashSet::new();
        for n in 0..50u8 {
            let mut queue = SendQueue::new();
            queue.hold(&report(n).id, 1_000, &policy, &mut random);
            let wake = queue.next_wake().unwrap();
            assert!((1_000 + policy.min_delay_ms..=1_000 + policy.max_delay_ms).contains(&wake));
            waits.insert(wake);
        }
        assert!(waits.len() > 40, "delays must vary: {waits:?}");
    }

    #[test]
    fn nothing_leaves_before_its_time_and_everything_after() {
        let policy = SendPolicy::default();
        let mut random = seeded(3);
        let mut queue = SendQueue::new();
        let ids: Vec<ReportId> = (0..5).map(|n| report(n).id).collect();
        for id in &ids {
            queue.hold(id, 0, &policy, &mut random);
        }
        assert!(queue
            .due_batch(policy.min_delay_ms - 1, &policy, &mut random)
            .is_empty());
        let all = queue.due_batch(policy.max_delay_ms, &policy, &mut random);
        assert_eq!(all.len(), 5);
    }

    #[test]
    fn batches_are_shuffled_and_capped() {
        let policy = SendPolicy {
            batch_max: 10,
            ..SendPolicy::default()
        };
        let mut random = seeded(11);
        let mut queue = SendQueue::new();
        let ids: Vec<ReportId> = (0..30).map(|n| report(n).id).collect();
        for id in &ids {
            queue.hold(id, 0, &policy, &mut random);
        }
        let first = queue.due_batch(policy.max_delay_ms, &policy, &mut random);
        let second = queue.due_batch(policy.max_delay_ms, &policy, &mut random);
        assert_eq!(first.len(), 10);
        assert_ne!(first, second, "two draws give different batches");
        let mut sorted = first.clone();
        sorted.sort();
        assert_ne!(first, sorted, "a batch is not in id (or filing) order");
    }

    #[test]
    fn shuffle_moves_every_position_over_many_runs() {
        let mut random = seeded(5);
        let mut seen_first = HashSet::new();
        for _ in 0..200 {
            let mut items = [0, 1, 2, 3, 4];
            shuffle(&mut items, &mut random);
            seen_first.insert(items[0]);
            let mut sorted = items;
            sorted.sort();
            assert_eq!(sorted, [0, 1, 2, 3, 4]);
        }
        assert_eq!(seen_first.len(), 5);
    }

    #[test]
    fn failures_back_off_exponentially_with_jitter_and_a_cap() {
        let policy = SendPolicy::default();
        let mut random = seeded(9);
        let mut previous_ceiling = 0;
        for failures in 1..=12 {
            let ceiling = (policy.base_backoff_ms << (failures - 1)).min(policy.max_backoff_ms);
            let wait = policy.retry_delay(failures, &mut random);
            assert!(wait >= ceiling / 2 && wait <= ceiling, "{failures}: {wait}");
            assert!(ceiling >= previous_ceiling);
            previous_ceiling = ceiling;
        }
        assert_eq!(previous_ceiling, policy.max_backoff_ms);
    }

    #[test]
    fn a_failure_holds_the_queue_and_retry_after_is_honoured() {
        let policy = SendPolicy::default();
        let mut random = seeded(1);
        let mut queue = SendQueue::new();
        let id = report(1).id;
        queue.hold(&id, 0, &policy, &mut random);
        let now = policy.max_delay_ms;
        queue.failed(now, Some(60_000), &policy, &mut random);
        assert!(queue
            .due_batch(now + 59_999, &policy, &mut random)
            .is_empty());
        assert_eq!(queue.next_wake(), Some(now + 60_000));
        assert_eq!(
            queue.due_batch(now + 60_000, &policy, &mut random),
            vec![id.clone()]
        );
        queue.succeeded();
        assert_eq!(queue.failures(), 0);
    }

    #[test]
    fn the_answer_marks_sent_and_rejected_by_batch_index() {
        let mut outbox = Outbox::default();
        for n in 1..=3 {
            outbox.add(report(n));
        }
        let order = vec![report(3).id, report(1).id, report(2).id];
        let answer = BatchAnswer {
            accepted: 1,
            duplicates: 1,
            rejected: vec![RejectedIndex {
                index: 1,
                error: ServerError {
                    code: "unknown_task".into(),
                    message: "task is not in the config".into(),
                    field: Some("task".into()),
                },
            }],
        };
        outbox.apply_answer(&order, &answer, true);
        assert!(outbox.waiting.is_empty());
        assert_eq!(outbox.delivery(&report(3).id), Some(Delivery::Sent));
        assert_eq!(outbox.delivery(&report(2).id), Some(Delivery::Sent));
        match outbox.delivery(&report(1).id) {
            Some(Delivery::Rejected(error)) => assert_eq!(error.code, "unknown_task"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_report_refused_for_its_token_waits_for_another() {
        let mut outbox = Outbox::default();
        for n in 1..=3 {
            outbox.add(report(n));
        }
        let order = vec![report(1).id, report(2).id, report(3).id];
        let refused = |index, code: &str| RejectedIndex {
            index,
            error: ServerError {
                code: code.into(),
                message: "m".into(),
                field: Some(format!("tokens[{index}]")),
            },
        };
        let answer = BatchAnswer {
            accepted: 1,
            duplicates: 0,
            rejected: vec![refused(1, "token_spent"), refused(2, "token_required")],
        };
        let again = outbox.apply_answer(&order, &answer, true);
        assert_eq!(again, [report(2).id, report(3).id]);
        assert_eq!(outbox.delivery(&report(1).id), Some(Delivery::Sent));
        for n in [2, 3] {
            assert_eq!(outbox.delivery(&report(n).id), Some(Delivery::Waiting));
        }
        assert!(
            outbox.rejected.is_empty(),
            "never shown as refused, never dropped"
        );
    }

    #[test]
    fn without_history_sent_reports_leave_no_trace() {
        let mut outbox = Outbox::default();
        outbox.add(report(1));
        let answer = BatchAnswer {
            accepted: 1,
            duplicates: 0,
            rejected: vec![],
        };
        outbox.apply_answer(&[report(1).id], &answer, false);
        assert_eq!(outbox, Outbox::default());
    }

    #[test]
    fn the_stored_document_round_trips_and_keeps_bad_entries_aside() {
        let mut outbox = Outbox::default();
        outbox.add(report(1));
        outbox.reject_all(
            &[],
            &ServerError {
                code: "x".into(),
                message: "y".into(),
                field: None,
            },
        );
        outbox.sent.push(report(9).id);
        let loaded = Outbox::load(&outbox.to_json()).unwrap();
        assert_eq!(loaded.outbox, outbox);
        assert!(loaded.set_aside.is_empty());

        let damaged = r#"{"schema":1,"waiting":[{"v":1,"oops":true}],"sent":[]}"#;
        let loaded = Outbox::load(damaged).unwrap();
        assert!(loaded.outbox.waiting.is_empty());
        assert_eq!(loaded.set_aside.len(), 1);
        assert!(matches!(
            Outbox::load(r#"{"schema":9}"#),
            Err(OutboxError::TooNew(9))
        ));
        assert!(matches!(
            Outbox::load("[1,2]"),
            Err(OutboxError::Foreign(_))
        ));
    }

    #[test]
    fn the_stored_document_holds_no_time() {
        let mut outbox = Outbox::default();
        outbox.add(report(1));
        let json: Value = serde_json::from_str(&outbox.to_json()).unwrap();
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["rejected", "schema", "sent", "waiting"]);
        // A waiting entry is the report itself, nothing added.
        assert_eq!(json["waiting"][0], serde_json::to_value(report(1)).unwrap());
    }
}
