//! `GET /api/v1/pilots` and `GET /api/v1/pilots/{id}`: the config's pilots and their results (SPEC §10).
//!
//! Results cover the pilot's closed weeks only (SPEC §5.6) and are hidden
//! under §5 by the core's [`PilotResults::compute`]. They are computed per
//! request from the counts in memory, not cached: over the demo's data
//! (3,000 reports, a pilot of 148) a view takes about 0.1 ms and the list
//! about 0.05 ms, a non-randomized pilot's before and after over a million
//! stored reports about 2 ms (release build; `tests::timing`, run by hand).

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
    // Tasks are listed as the counts first name them: in the pilot's order.
    counts.sort_by_key(|count| pilot.tasks.iter().position(|task| *task == count.task));
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
    Ok(Json(view(
        &state.ledger,
        config,
        pilot,
        state.clock.open_week(),
    )))
}
