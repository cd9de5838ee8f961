//! `GET /api/v1/pilots` and `GET /api/v1/pilots/{id}`: the config's pilots and their results (SPEC §10).
//!
//! Results cover the pilot's closed weeks only (SPEC §5.6) and are hidden
//! under §5 by the core's [`PilotResults::compute`]. They are computed per
//! request from the counts in memory, not cached, because that is cheap:
//! measured with `tests::timing` (run by hand, in the test build, where
//! candor-core is optimised and this crate is not), the demo's pilot (144
//! of 3,130 reports) takes 0.06 ms per view and 0.06 ms for the list, and
//! a pilot without randomization whose before and after reads an index of
//! 898,560 reports of every shape 1.0 ms (median of 101).

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::Json;
use candor_core::privacy::RandomizedResponse;
use candor_core::{counted_weeks, weeks_before, BeforeAfter, ErrorBody, IsoWeek, Pilot};
use candor_core::{PilotList, PilotResults, PilotSummary, PilotView, WeekRange};

use crate::error::ApiError;
use crate::store::Ledger;
use crate::AppState;

/// The results of `pilot` over its weeks closed before `open_week`, and those weeks.
fn results(
    ledger: &Ledger,
    pilot: &Pilot,
    k: u32,
    noise: Option<&RandomizedResponse>,
    open_week: IsoWeek,
) -> (Option<WeekRange>, PilotResults) {
    let counted = counted_weeks(pilot, open_week);
    let mut counts = counted
        .map(|weeks| ledger.pilot_counts(&pilot.id, weeks))
        .unwrap_or_default();
    // Tasks are listed as the counts first name them: in the pilot's order,
    // then any the pilot no longer lists (its reports still count, SPEC §3).
    counts.sort_by_key(|count| {
        (pilot.tasks.iter())
            .position(|task| *task == count.task)
            .unwrap_or(usize::MAX)
    });
    let results = PilotResults::compute(&counts, k, pilot.randomize, noise);
    (counted, results)
}

/// The document of `GET /pilots/{id}` for `pilot`, as of `open_week`.
pub fn view(
    ledger: &Ledger,
    config: &candor_core::Config,
    pilot: &Pilot,
    open_week: IsoWeek,
) -> PilotView {
    let noise = RandomizedResponse::from_config(&config.privacy);
    let (counted, results) = results(ledger, pilot, config.k, noise.as_ref(), open_week);
    // Without a coin, the felt outcome before the pilot stands beside its own.
    let before_after = counted.filter(|_| !pilot.randomize).map(|counted| {
        let before = weeks_before(pilot, counted);
        let counts = ledger.counts_before(pilot, before);
        BeforeAfter::compute(before, &counts, config.k, noise.as_ref())
    });
    PilotView {
        pilot: pilot.id.clone(),
        label: pilot.label.clone(),
        weeks: WeekRange {
            from: pilot.from,
            to: pilot.to,
        },
        counted,
        results,
        before_after,
    }
}

/// The document of `GET /pilots`, as of `open_week`.
pub fn list(ledger: &Ledger, config: &candor_core::Config, open_week: IsoWeek) -> PilotList {
    let noise = RandomizedResponse::from_config(&config.privacy);
    let pilots = config
        .pilots
        .iter()
        .map(|pilot| {
            let (_, results) = results(ledger, pilot, config.k, noise.as_ref(), open_week);
            PilotSummary::of(pilot, results.effect.verdict)
        })
        .collect();
    PilotList {
        k: config.k,
        pilots,
    }
}

/// Every pilot of the config, in its order, with its verdict over the closed weeks so far.
#[utoipa::path(get, path = "/api/v1/pilots", tag = "candor",
    responses(
        (status = 200, description = "The config's pilots, each with its verdict so far (SPEC §10)", body = PilotList),
    ))]
pub async fn pilots(State(state): State<AppState>) -> Json<PilotList> {
    state.ledger.catch_up().await;
    Json(list(
        &state.ledger,
        &state.config.config,
        state.clock.open_week(),
    ))
}

/// One pilot's results over its closed weeks, hidden under SPEC §5.
///
/// `n: null` marks a hidden arm, which says nothing else. A pilot without
/// randomization also has `before_after`: the felt outcome of its tasks by
/// choice in as many weeks before it.
#[utoipa::path(get, path = "/api/v1/pilots/{id}", tag = "candor",
    params(("id" = String, Path, description = "A pilot id from the config's `pilots`",
        pattern = "^[a-z0-9][a-z0-9_-]{0,63}$")),
    responses(
        (status = 200, description = "The pilot's results (SPEC §10); `n: null` marks a hidden group", body = PilotView),
        (status = 404, description = "`unknown_pilot`: no pilot has this id; `field` is `id`", body = ErrorBody),
    ))]
pub async fn pilot(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<PilotView>, ApiError> {
    // An id that is not even text (bad percent-encoding) names no pilot either.
    let Ok(Path(id)) = id else {
        return Err(ApiError::UnknownPilot);
    };
    let config = &state.config.config;
    let pilot = config.pilot(&id).ok_or(ApiError::UnknownPilot)?;
    state.ledger.catch_up().await;
    Ok(Json(view(
        &state.ledger,
        config,
        pilot,
        state.clock.open_week(),
    )))
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use candor_core::{Complexity, Config, Effort, StoredCount, StoredPilotCount};

    use super::*;
    use crate::store::{Ingested, ReportStore, SqliteStore, StoreError};

    /// Median time of `work` over `runs`, in milliseconds.
    fn median_ms(runs: usize, mut work: impl FnMut()) -> f64 {
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let started = Instant::now();
                work();
                started.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times[runs / 2]
    }

    /// Counts of every shape in 52 weeks, as a big deployment's index holds them.
    struct EveryShape(Config);

    impl ReportStore for EveryShape {
        fn ingest_spending(
            &self,
            _: &[candor_core::Report],
            _: &[crate::store::SpentToken],
        ) -> Result<Ingested, StoreError> {
            Err(StoreError::Writer("read only".into()))
        }

        fn scan(&self, visit: &mut dyn FnMut(StoredCount)) -> Result<(), StoreError> {
            let mut week: IsoWeek = "2026-W01".parse().unwrap();
            for _ in 0..52 {
                for task in &self.0.tasks {
                    for tool in self.0.baseline_tools() {
                        for complexity in
                            [None, Some(Complexity::Routine), Some(Complexity::Complex)]
                        {
                            for mandated in [None, Some(false), Some(true)] {
                                for effort in [
                                    None,
                                    Some(Effort::Low),
                                    Some(Effort::Medium),
                                    Some(Effort::High),
                                ] {
                                    for outcome in -2..=2 {
                                        visit(StoredCount {
                                            week,
                                            task: task.id.clone(),
                                            tool: tool.id.clone(),
                                            outcome,
                                            effort,
                                            mandated,
                                            complexity,
                                            team: None,
                                            reasons: vec![],
                                            n: 3,
                                        });
                                    }
                                }
                            }
                        }
                    }
                }
                week = week.next();
            }
            Ok(())
        }

        fn scan_pilots(&self, _: &mut dyn FnMut(StoredPilotCount)) -> Result<(), StoreError> {
            Ok(())
        }
    }

    /// What a view and the list cost, measured by hand:
    /// `cargo test -p candor-server --lib pilots::tests::timing -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement, run by hand"]
    fn timing() {
        let served = crate::config::ServedConfig::load(None).unwrap();
        let open: IsoWeek = "2026-W40".parse().unwrap();
        let pilot = crate::demo::pilot(&served.config, open).unwrap();
        let mut choice = pilot.clone();
        choice.id = "choice".into();
        choice.randomize = false;
        let served = served
            .with_pilot(pilot)
            .unwrap()
            .with_pilot(choice)
            .unwrap();
        let config = &served.config;

        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
        let ledger = Ledger::load(Box::new(store)).unwrap();
        let seeded = crate::demo::seed(&ledger, config, open).unwrap();
        let demo = config.pilot(crate::demo::PILOT).unwrap();
        let view_ms = median_ms(1001, || {
            std::hint::black_box(view(&ledger, config, demo, open));
        });
        let choice = config.pilot("choice").unwrap();
        let choice_ms = median_ms(1001, || {
            std::hint::black_box(view(&ledger, config, choice, open));
        });
        let list_ms = median_ms(1001, || {
            std::hint::black_box(list(&ledger, config, open));
        });
        println!(
            "demo data ({seeded} reports): view {view_ms:.3} ms, view with before_after {choice_ms:.3} ms, list {list_ms:.3} ms"
        );

        let big = Ledger::load(Box::new(EveryShape(config.clone()))).unwrap();
        let reports = big.len_reports();
        let big_ms = median_ms(101, || {
            std::hint::black_box(view(&big, config, choice, open));
        });
        println!("{reports} reports of every shape: view with before_after {big_ms:.3} ms");
    }
}
