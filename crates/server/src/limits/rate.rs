//! The per-source rate limits and the tower layer that applies them (SPEC §6.7).
//!
//! Each class is a `governor` keyed limiter (GCRA, which is a token bucket
//! kept as one timestamp per source) over a [`BoundedTable`]: governor's own
//! keyed tables (`DashMapStateStore`, `HashMapStateStore`) grow with every
//! new key and can only be swept, not bounded, and offer no way to ask
//! whether a key is new — so under a flood of fresh addresses they would
//! grow until the sweep. The table here refuses to grow past
//! [`MAX_SOURCES`] and sends new sources to one shared overflow entry
//! instead. Everything else — the cost of n reports (`check_key_n`), the
//! wait until the next allowance, the sweep of idle sources
//! (`retain_recent`) — is governor's.

use std::collections::hash_map::{Entry, HashMap};
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, MonotonicClock, Reference};
use governor::middleware::NoOpMiddleware;
use governor::nanos::Nanos;
use governor::state::keyed::ShrinkableKeyedStateStore;
use governor::state::StateStore;
use governor::Quota;

use super::source::{Salt, Sources};
use super::{LimitOptions, SALT_LIFETIME};
use crate::body::MAX_BATCH;
use crate::error::ApiError;

/// The most sources one class keeps at once.
///
/// A full class holds about 2 MB (24 bytes a source); measured by filling all
/// three with new addresses: 6.9 MB of RSS, against 4.7 MB for the single
/// hand-written table this replaced, which counted all classes together.
pub const MAX_SOURCES: usize = 50_000;

/// A source's key: the salted hash of its address (see [`Salt::key`]).
type SourceKey = [u8; 16];

/// Which allowance a request draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Batches,
    Reports,
    Other,
}

/// One class's limiter: governor's arithmetic over our bounded table.
type Keyed<C> =
    governor::RateLimiter<SourceKey, BoundedTable, C, NoOpMiddleware<<C as Clock>::Instant>>;

/// Each source's GCRA state (its "theoretical arrival time"), at most [`MAX_SOURCES`] of them.
#[derive(Debug, Default)]
pub struct BoundedTable(Mutex<Table>);

#[derive(Debug, Default)]
struct Table {
    sources: HashMap<SourceKey, Nanos>,
    /// Shared by every new source while `sources` is full.
    overflow: Option<Nanos>,
}

impl BoundedTable {
    fn table(&self) -> MutexGuard<'_, Table> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl StateStore for BoundedTable {
    type Key = SourceKey;

    fn measure_and_replace<T, F, E>(&self, key: &SourceKey, decide: F) -> Result<T, E>
    where
        F: Fn(Option<Nanos>) -> Result<(T, Nanos), E>,
    {
        let mut table = self.table();
        let Table { sources, overflow } = &mut *table;
        let full = sources.len() >= MAX_SOURCES;
        match sources.entry(*key) {
            Entry::Occupied(mut known) => {
                let (outcome, state) = decide(Some(*known.get()))?;
                known.insert(state);
                Ok(outcome)
            }
            Entry::Vacant(_) if full => {
                let (outcome, state) = decide(*overflow)?;
                *overflow = Some(state);
                Ok(outcome)
            }
            Entry::Vacant(new) => {
                // Only a source that was let through is remembered.
                let (outcome, state) = decide(None)?;
                new.insert(state);
                Ok(outcome)
            }
        }
    }
}

impl ShrinkableKeyedStateStore<SourceKey> for BoundedTable {
    fn retain_recent(&self, drop_below: Nanos) {
        let mut table = self.table();
        table.sources.retain(|_, state| *state > drop_below);
        if table.overflow.is_some_and(|state| state <= drop_below) {
            table.overflow = None;
        }
    }

    fn len(&self) -> usize {
        self.table().sources.len()
    }

    fn is_empty(&self) -> bool {
        self.table().sources.is_empty()
    }
}

/// One class: its limiter, the most it allows at once, and when it was last swept.
struct ClassLimit<C: Clock> {
    keyed: Keyed<C>,
    burst: NonZeroU32,
    swept_at: Mutex<Option<C::Instant>>,
}

impl<C: Clock + Clone> ClassLimit<C> {
    /// `None` when `per_minute` is 0 (no limit).
    fn new(per_minute: u32, at_least: u32, clock: &C) -> Option<ClassLimit<C>> {
        let rate = NonZeroU32::new(per_minute)?;
        let burst = rate.max(NonZeroU32::new(at_least).unwrap_or(rate));
        let quota = Quota::per_minute(rate).allow_burst(burst);
        Some(ClassLimit {
            keyed: governor::RateLimiter::new(quota, BoundedTable::default(), clock.clone()),
            burst,
            swept_at: Mutex::new(None),
        })
    }

    /// Takes `cost` from `key`'s allowance; `Err` holds how long to wait.
    fn check(&self, key: &SourceKey, cost: u32, clock: &C) -> Result<(), Duration> {
        // More than the burst can never be had; ask for all of it instead.
        let Some(cost) = NonZeroU32::new(cost.min(self.burst.get())) else {
            return Ok(());
        };
        if self.keyed.len() >= MAX_SOURCES {
            self.sweep(clock.now());
        }
        match self.keyed.check_key_n(key, cost) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(not_until)) => Err(not_until.wait_time_from(clock.now())),
            // Cannot happen: the cost is at most the burst.
            Err(_insufficient_capacity) => Err(Duration::from_secs(60)),
        }
    }

    /// Drops sources whose allowance is whole again, at most once a second,
    /// so a flood of new sources cannot make every request scan the table.
    fn sweep(&self, now: C::Instant) {
        let mut swept_at = self.swept_at.lock().unwrap_or_else(|p| p.into_inner());
        let recently = swept_at
            .is_some_and(|at| Duration::from(now.duration_since(at)) < Duration::from_secs(1));
        if !recently {
            *swept_at = Some(now);
            self.keyed.retain_recent();
        }
    }
}

/// The allowances of one salt's lifetime; a new salt starts all of them afresh.
struct Salted<C: Clock> {
    salt: Salt,
    made_at: C::Instant,
    batches: Option<ClassLimit<C>>,
    reports: Option<ClassLimit<C>>,
    other: Option<ClassLimit<C>>,
}

/// The per-source limits, shared by every request.
pub struct RateLimiter<C: Clock = MonotonicClock> {
    options: LimitOptions,
    sources: Sources,
    clock: C,
    salted: RwLock<Salted<C>>,
}

impl<C: Clock> std::fmt::Debug for RateLimiter<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the tables: their keys are derived from addresses.
        f.debug_struct("RateLimiter")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl RateLimiter {
    /// Limits as set by `options`, with a fresh random salt.
    pub fn new(options: LimitOptions) -> RateLimiter {
        RateLimiter::with_clock(options, MonotonicClock)
    }
}

impl<C: Clock + Clone> RateLimiter<C> {
    /// Limits as set by `options`, timed by `clock` (tests use a fake one).
    pub fn with_clock(options: LimitOptions, clock: C) -> RateLimiter<C> {
        let salted = RwLock::new(Self::fresh(&options, &clock));
        RateLimiter {
            sources: Sources::new(options.trusted_proxies.clone()),
            options,
            clock,
            salted,
        }
    }

    fn fresh(options: &LimitOptions, clock: &C) -> Salted<C> {
        let batch = u32::try_from(MAX_BATCH).unwrap_or(u32::MAX);
        Salted {
            salt: Salt::fresh(),
            made_at: clock.now(),
            batches: ClassLimit::new(options.batches_per_minute, 1, clock),
            reports: ClassLimit::new(options.reports_per_minute, batch, clock),
            other: ClassLimit::new(options.requests_per_minute, 1, clock),
        }
    }

    /// The address a request counts against: the peer, or what a trusted proxy says it forwards.
    pub fn client_address(&self, peer: IpAddr, headers: &axum::http::HeaderMap) -> IpAddr {
        self.sources.client_address(peer, headers)
    }

    /// Takes `cost` from `client`'s allowance of `class`; `Err` holds how long to wait.
    fn check(&self, class: Class, client: IpAddr, cost: u32) -> Result<(), Duration> {
        if client.is_loopback() && !self.options.limit_loopback {
            return Ok(());
        }
        self.rotate_if_due();
        let salted = self.salted.read().unwrap_or_else(|p| p.into_inner());
        let limit = match class {
            Class::Batches => &salted.batches,
            Class::Reports => &salted.reports,
            Class::Other => &salted.other,
        };
        match limit {
            Some(limit) => limit.check(&salted.salt.key(client), cost, &self.clock),
            None => Ok(()),
        }
    }

    /// After [`SALT_LIFETIME`]: a new salt, and every allowance forgotten.
    fn rotate_if_due(&self) {
        let due = |salted: &Salted<C>| {
            Duration::from(self.clock.now().duration_since(salted.made_at)) >= SALT_LIFETIME
        };
        if due(&self.salted.read().unwrap_or_else(|p| p.into_inner())) {
            let mut salted = self.salted.write().unwrap_or_else(|p| p.into_inner());
            if due(&salted) {
                *salted = Self::fresh(&self.options, &self.clock);
            }
        }
    }

    /// How many sources are remembered now, all classes together (for tests of the memory bound).
    pub fn sources(&self) -> usize {
        let salted = self.salted.read().unwrap_or_else(|p| p.into_inner());
        [&salted.batches, &salted.reports, &salted.other]
            .into_iter()
            .flatten()
            .map(|limit| limit.keyed.len())
            .sum()
    }
}

/// The 429 for a wait of `wait`, in whole seconds rounded up: asking sooner would only be refused.
fn too_many(wait: Duration) -> ApiError {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    ApiError::RateLimited {
        retry_after: seconds.max(1),
    }
}

/// Leave for one batch to charge its reports against its source's allowance.
///
/// Put in the request by the batches layer ([`RouteLimit::batches`]);
/// its address is only ever hashed.
#[derive(Clone)]
pub struct ReportAllowance {
    limiter: Arc<RateLimiter>,
    client: IpAddr,
}

impl ReportAllowance {
    /// Takes one per report; a 429 when the source has filed too many lately.
    pub fn take(&self, reports: usize) -> Result<(), ApiError> {
        let cost = u32::try_from(reports).unwrap_or(u32::MAX);
        self.limiter
            .check(Class::Reports, self.client, cost)
            .map_err(too_many)
    }
}

/// Which allowance a route draws on: the state of the [`limit`] middleware,
/// layered on a route with `axum::middleware::from_fn_with_state`.
#[derive(Clone)]
pub struct RouteLimit {
    limiter: Arc<RateLimiter>,
    class: Class,
}

impl RouteLimit {
    /// For `POST /api/v1/reports`: one batch per request, and leave
    /// ([`ReportAllowance`]) for the handler to charge the reports inside.
    pub fn batches(limiter: &Arc<RateLimiter>) -> RouteLimit {
        RouteLimit {
            limiter: Arc::clone(limiter),
            class: Class::Batches,
        }
    }

    /// For every other request: the looser allowance.
    pub fn others(limiter: &Arc<RateLimiter>) -> RouteLimit {
        RouteLimit {
            limiter: Arc::clone(limiter),
            class: Class::Other,
        }
    }
}

/// Each request draws one from its source's allowance of the route's class, or gets 429.
///
/// A request without a peer address (the router used in-process, not
/// through [`crate::serve`]) is not limited.
pub async fn limit(State(route): State<RouteLimit>, mut request: Request, next: Next) -> Response {
    let Some(ConnectInfo(peer)) = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .copied()
    else {
        return next.run(request).await;
    };
    let RouteLimit { limiter, class } = route;
    let client = limiter.client_address(peer.ip(), request.headers());
    match limiter.check(class, client, 1) {
        Ok(()) => {
            if class == Class::Batches {
                // The handler charges the reports once it knows how many there are.
                request
                    .extensions_mut()
                    .insert(ReportAllowance { limiter, client });
            }
            next.run(request).await
        }
        Err(wait) => {
            // Read the body away so the client sees the 429, not a reset connection.
            crate::body::drain(request.into_body()).await;
            too_many(wait).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use governor::clock::FakeRelativeClock;

    use super::*;

    fn limiter(per_minute: u32) -> (RateLimiter<FakeRelativeClock>, FakeRelativeClock) {
        let clock = FakeRelativeClock::default();
        let options = LimitOptions {
            batches_per_minute: per_minute,
            reports_per_minute: per_minute,
            requests_per_minute: per_minute * 10,
            trusted_proxies: Vec::new(),
            limit_loopback: false,
        };
        (RateLimiter::with_clock(options, clock.clone()), clock)
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn a_source_gets_its_burst_then_waits_for_the_refill() {
        let (limits, clock) = limiter(6);
        let client = ip("192.0.2.7");
        for _ in 0..6 {
            limits.check(Class::Batches, client, 1).unwrap();
        }
        let wait = limits.check(Class::Batches, client, 1).unwrap_err();
        assert!(
            wait > Duration::from_secs(9) && wait <= Duration::from_secs(10),
            "{wait:?}"
        );
        // Another source, and the other class, are not affected.
        limits.check(Class::Batches, ip("192.0.2.8"), 1).unwrap();
        limits.check(Class::Other, client, 1).unwrap();
        // Six a minute: one more after ten seconds.
        clock.advance(Duration::from_secs(10));
        limits.check(Class::Batches, client, 1).unwrap();
        assert!(limits.check(Class::Batches, client, 1).is_err());
    }

    #[test]
    fn reports_are_counted_one_token_each_and_a_full_batch_always_fits() {
        let (limits, clock) = limiter(60);
        let client = ip("192.0.2.9");
        // The burst is one full batch even though the rate is 60 a minute.
        limits.check(Class::Reports, client, 400).unwrap();
        let wait = limits.check(Class::Reports, client, 101).unwrap_err();
        // 100 left, one more needed at one a second.
        assert!(
            wait > Duration::from_millis(900) && wait <= Duration::from_secs(1),
            "{wait:?}"
        );
        limits.check(Class::Reports, client, 100).unwrap();
        assert!(limits.check(Class::Reports, client, 1).is_err());
        // An empty batch costs nothing.
        limits.check(Class::Reports, client, 0).unwrap();
        // A batch larger than the burst asks for all of it, not forever.
        clock.advance(Duration::from_secs(600));
        limits.check(Class::Reports, client, 10_000).unwrap();
    }

    #[test]
    fn addresses_in_one_ipv6_64_share_a_bucket() {
        let (limits, _clock) = limiter(2);
        limits
            .check(Class::Batches, ip("2001:db8:1:2::1"), 1)
            .unwrap();
        limits
            .check(Class::Batches, ip("2001:db8:1:2:ffff::9"), 1)
            .unwrap();
        assert!(limits
            .check(Class::Batches, ip("2001:db8:1:2::77"), 1)
            .is_err());
        limits
            .check(Class::Batches, ip("2001:db8:1:3::1"), 1)
            .unwrap();
    }

    #[test]
    fn loopback_is_free_unless_asked_and_zero_turns_a_limit_off() {
        let (limits, _clock) = limiter(1);
        for _ in 0..100 {
            limits.check(Class::Batches, ip("127.0.0.1"), 1).unwrap();
        }
        let strict = RateLimiter::new(LimitOptions {
            limit_loopback: true,
            batches_per_minute: 1,
            ..LimitOptions::default()
        });
        strict.check(Class::Batches, ip("127.0.0.1"), 1).unwrap();
        assert!(strict.check(Class::Batches, ip("127.0.0.1"), 1).is_err());
        let off = RateLimiter::new(LimitOptions {
            batches_per_minute: 0,
            ..LimitOptions::default()
        });
        for _ in 0..100 {
            off.check(Class::Batches, ip("192.0.2.1"), 1).unwrap();
        }
    }

    #[test]
    fn the_table_stays_bounded_under_a_flood_of_new_sources() {
        let (limits, clock) = limiter(1);
        for i in 0..(MAX_SOURCES as u32 + 1000) {
            let _ = limits.check(
                Class::Batches,
                IpAddr::from((0x0a00_0000 + i).to_be_bytes()),
                1,
            );
        }
        assert_eq!(limits.sources(), MAX_SOURCES);
        // New sources past the bound share the overflow allowance (one a minute), used up by now.
        assert!(limits.check(Class::Batches, ip("192.0.2.200"), 1).is_err());
        // A known source still has its own allowance.
        clock.advance(Duration::from_secs(60));
        limits
            .check(
                Class::Batches,
                IpAddr::from(0x0a00_0000u32.to_be_bytes()),
                1,
            )
            .unwrap();
        // Once the old sources' allowances have been whole for a refill
        // interval, the sweep makes room.
        clock.advance(Duration::from_secs(61));
        limits.check(Class::Batches, ip("192.0.2.201"), 1).unwrap();
        assert_eq!(limits.sources(), 2);
        limits.check(Class::Batches, ip("192.0.2.202"), 1).unwrap();
        assert_eq!(limits.sources(), 3);
    }

    #[test]
    fn a_new_salt_forgets_every_allowance() {
        let (limits, clock) = limiter(1);
        let (client, other) = (ip("192.0.2.7"), ip("192.0.2.8"));
        limits.check(Class::Batches, client, 1).unwrap();
        limits.check(Class::Batches, other, 1).unwrap();
        assert_eq!(limits.sources(), 2);
        let key = limits.salted.read().unwrap().salt.key(client);
        clock.advance(SALT_LIFETIME);
        limits.check(Class::Batches, client, 1).unwrap();
        // The other source is forgotten, and this one is known by another key.
        assert_eq!(limits.sources(), 1);
        assert_ne!(limits.salted.read().unwrap().salt.key(client), key);
    }
}
