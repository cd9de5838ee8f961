//! Storing batches on PostgreSQL: many batches, one transaction (group commit).
//!
//! A commit waits for PostgreSQL's WAL to reach the disk, whatever it holds,
//! so batches that queue up while one commits are stored together in the
//! next transaction, as the SQLite writer does. Within it a batch costs a
//! few statements over arrays, not a round trip per report:
//!
//! 1. every id of the group in one `INSERT … SELECT unnest($1) ON CONFLICT
//!    DO NOTHING RETURNING id`: the ids it returns are the reports stored now;
//! 2. their counts, summed per content, in one `INSERT … ON CONFLICT DO
//!    UPDATE SET n = counts.n + EXCLUDED.n`, and the pilot counts likewise;
//! 3. the change counter moved once per batch that stored anything.
//!
//! Ids and counts are written in key order, so two replicas' transactions
//! take their row locks in the same order and cannot deadlock each other;
//! should PostgreSQL still report a deadlock or a serialization failure,
//! the group is stored again from the start.
//!
//! Batches that spend tokens (SPEC §6.10) take the careful way, report by
//! report (see [`super::ingest_spending_in`]); the token issuer runs on
//! SQLite only, so on PostgreSQL they are met in the store's tests alone.

use std::collections::{BTreeMap, HashSet};

use candor_core::{Report, StoredCount, StoredPilotCount};
use postgres::error::SqlState;
use postgres::{Client, Transaction};

use super::super::sqlite::{id_bytes, join_reasons};
use super::super::{Ingested, SpentToken, StoreError};

/// How often a group that met a deadlock or a serialization failure is tried in all.
const TRIES: usize = 3;

/// A row of `counts` without its `n`, in the table's key order.
type CountKey = (
    String,
    String,
    String,
    i16,
    String,
    i16,
    String,
    String,
    String,
);

/// A row of `pilot_counts` without its `n`, in the table's key order.
type PilotKey = (String, String, String, String, i32, i32, i16, i16);

/// Stores every batch of `group` in one transaction, committed before this
/// returns; one [`Ingested`] per batch. A report whose id came earlier in
/// the group, or was stored before, is a duplicate.
pub fn store(
    client: &mut Client,
    group: &[(&[Report], &[SpentToken])],
) -> Result<Vec<Ingested>, StoreError> {
    let mut tries = 0;
    loop {
        tries += 1;
        match store_once(client, group) {
            Err(StoreError::Postgres(err)) if tries < TRIES && must_retry(&err) => continue,
            done => return done,
        }
    }
}

/// A failure that says nothing about the batches: another transaction got in the way.
fn must_retry(err: &postgres::Error) -> bool {
    err.code().is_some_and(|code| {
        *code == SqlState::T_R_DEADLOCK_DETECTED || *code == SqlState::T_R_SERIALIZATION_FAILURE
    })
}

fn store_once(
    client: &mut Client,
    group: &[(&[Report], &[SpentToken])],
) -> Result<Vec<Ingested>, StoreError> {
    let mut tx = client.transaction()?;
    let mut answers = vec![Ingested::default(); group.len()];
    // Batches spending tokens first, report by report; their ids are then
    // taken, and the same id later in the group is a duplicate.
    for ((reports, tokens), answer) in group.iter().zip(answers.iter_mut()) {
        if !tokens.is_empty() {
            *answer = super::ingest_spending_in(&mut tx, reports, tokens)?;
        }
    }
    store_ids_and_counts(&mut tx, group, &mut answers)?;
    let storing = answers.iter().filter(|a| !a.stored.is_empty()).count();
    if storing > 0 {
        // Last, so the counter's row is locked only for the commit: replicas
        // see from it that the counts changed (SPEC §11). A number of
        // batches, nothing about which report or when.
        let after: i64 = tx
            .query_one(
                "UPDATE candor_changes SET generation = generation + $1 RETURNING generation",
                &[&i64::try_from(storing).unwrap_or(i64::MAX)],
            )?
            .try_get(0)?;
        let after = u64::try_from(after).unwrap_or(0);
        // Each storing batch is one change, numbered in group order.
        let mut next = after.saturating_sub(storing as u64);
        for answer in answers.iter_mut().filter(|a| !a.stored.is_empty()) {
            next += 1;
            answer.generation = Some(next);
        }
    }
    tx.commit()?;
    Ok(answers)
}

/// Stores the ids and counts of the batches that spend no token.
fn store_ids_and_counts(
    tx: &mut Transaction<'_>,
    group: &[(&[Report], &[SpentToken])],
    answers: &mut [Ingested],
) -> Result<(), StoreError> {
    // An id's first report in the group is the one that may be stored.
    let mut first = HashSet::new();
    let mut candidates: Vec<[u8; 16]> = group
        .iter()
        .filter(|(_, tokens)| tokens.is_empty())
        .flat_map(|(reports, _)| reports.iter())
        .map(|report| id_bytes(&report.id))
        .filter(|id| first.insert(*id))
        .collect();
    if candidates.is_empty() {
        return Ok(());
    }
    candidates.sort_unstable();
    let candidates: Vec<&[u8]> = candidates.iter().map(<[u8; 16]>::as_slice).collect();
    let mut new: HashSet<[u8; 16]> = HashSet::with_capacity(candidates.len());
    for row in tx.query(
        "INSERT INTO seen_ids (id) SELECT * FROM unnest($1::bytea[])
         ON CONFLICT DO NOTHING RETURNING id",
        &[&candidates],
    )? {
        let id: &[u8] = row.try_get(0)?;
        if let Ok(id) = id.try_into() {
            new.insert(id);
        }
    }
    let mut counts: BTreeMap<CountKey, i64> = BTreeMap::new();
    let mut pilots: BTreeMap<PilotKey, i64> = BTreeMap::new();
    for ((reports, tokens), answer) in group.iter().zip(answers.iter_mut()) {
        if !tokens.is_empty() {
            continue;
        }
        for report in *reports {
            // Removed once taken: a second report with the id is a duplicate.
            if !new.remove(&id_bytes(&report.id)) {
                answer.duplicates += 1;
                continue;
            }
            let stored = StoredCount::of(report);
            *counts.entry(count_key(&stored)).or_default() += 1;
            answer.stored.push(stored);
            // A pilot report counts in its pilot too, in this same transaction (SPEC §10).
            if let Some(stored) = StoredPilotCount::of(report) {
                *pilots.entry(pilot_key(&stored)).or_default() += 1;
                answer.pilots.push(stored);
            }
        }
    }
    add_counts(tx, counts)?;
    add_pilot_counts(tx, pilots)
}

fn count_key(stored: &StoredCount) -> CountKey {
    (
        stored.week.to_string(),
        stored.task.clone(),
        stored.tool.clone(),
        i16::from(stored.outcome),
        stored.effort.map_or("", |e| e.as_str()).to_owned(),
        stored.mandated.map_or(-1, i16::from),
        stored.complexity.map_or("", |c| c.as_str()).to_owned(),
        stored.team.clone().unwrap_or_default(),
        join_reasons(&stored.reasons),
    )
}

fn pilot_key(stored: &StoredPilotCount) -> PilotKey {
    let count = &stored.count;
    let minutes = |m: u32| i32::try_from(m).unwrap_or(i32::MAX);
    (
        stored.pilot.clone(),
        stored.week.to_string(),
        count.task.clone(),
        count.arm.id().to_owned(),
        minutes(count.forecast),
        minutes(count.actual),
        i16::from(count.outcome),
        i16::from(count.against_arm),
    )
}

/// Adds `counts` (in key order) to the stored counts in one statement.
fn add_counts(tx: &mut Transaction<'_>, counts: BTreeMap<CountKey, i64>) -> Result<(), StoreError> {
    if counts.is_empty() {
        return Ok(());
    }
    let mut columns = CountColumns::default();
    for (key, n) in counts {
        columns.push(key, n);
    }
    let c = &columns;
    tx.execute(
        "INSERT INTO counts
             (week, task, tool, outcome, effort, mandated, complexity, team, reasons, n)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int2[], $5::text[],
                              $6::int2[], $7::text[], $8::text[], $9::text[], $10::int8[])
         ON CONFLICT (week, task, tool, outcome, effort, mandated, complexity, team, reasons)
         DO UPDATE SET n = counts.n + EXCLUDED.n",
        &[
            &c.week,
            &c.task,
            &c.tool,
            &c.outcome,
            &c.effort,
            &c.mandated,
            &c.complexity,
            &c.team,
            &c.reasons,
            &c.n,
        ],
    )?;
    Ok(())
}

/// Adds `pilots` (in key order) to the stored pilot counts in one statement.
fn add_pilot_counts(
    tx: &mut Transaction<'_>,
    pilots: BTreeMap<PilotKey, i64>,
) -> Result<(), StoreError> {
    if pilots.is_empty() {
        return Ok(());
    }
    let mut c = PilotColumns::default();
    for ((pilot, week, task, arm, forecast, actual, outcome, against_arm), n) in pilots {
        c.pilot.push(pilot);
        c.week.push(week);
        c.task.push(task);
        c.arm.push(arm);
        c.forecast.push(forecast);
        c.actual.push(actual);
        c.outcome.push(outcome);
        c.against_arm.push(against_arm);
        c.n.push(n);
    }
    tx.execute(
        "INSERT INTO pilot_counts
             (pilot, week, task, arm, forecast, actual, outcome, against_arm, n)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int4[],
                              $6::int4[], $7::int2[], $8::int2[], $9::int8[])
         ON CONFLICT (pilot, week, task, arm, forecast, actual, outcome, against_arm)
         DO UPDATE SET n = pilot_counts.n + EXCLUDED.n",
        &[
            &c.pilot,
            &c.week,
            &c.task,
            &c.arm,
            &c.forecast,
            &c.actual,
            &c.outcome,
            &c.against_arm,
            &c.n,
        ],
    )?;
    Ok(())
}

/// `counts` rows as one array per column, for `unnest`.
#[derive(Default)]
struct CountColumns {
    week: Vec<String>,
    task: Vec<String>,
    tool: Vec<String>,
    outcome: Vec<i16>,
    effort: Vec<String>,
    mandated: Vec<i16>,
    complexity: Vec<String>,
    team: Vec<String>,
    reasons: Vec<String>,
    n: Vec<i64>,
}

impl CountColumns {
    fn push(&mut self, key: CountKey, n: i64) {
        let (week, task, tool, outcome, effort, mandated, complexity, team, reasons) = key;
        self.week.push(week);
        self.task.push(task);
        self.tool.push(tool);
        self.outcome.push(outcome);
        self.effort.push(effort);
        self.mandated.push(mandated);
        self.complexity.push(complexity);
        self.team.push(team);
        self.reasons.push(reasons);
        self.n.push(n);
    }
}

/// `pilot_counts` rows as one array per column, for `unnest`.
#[derive(Default)]
struct PilotColumns {
    pilot: Vec<String>,
    week: Vec<String>,
    task: Vec<String>,
    arm: Vec<String>,
    forecast: Vec<i32>,
    actual: Vec<i32>,
    outcome: Vec<i16>,
    against_arm: Vec<i16>,
    n: Vec<i64>,
}
