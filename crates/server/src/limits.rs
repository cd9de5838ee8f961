//! Rate limits without identity (SPEC §6.7): token buckets per source, held in memory only.
//!
//! A source is the client's address — the peer's, or, when the peer is a
//! trusted proxy, the nearest untrusted address in `X-Forwarded-For`.
//! IPv6 addresses count by their /64, the block one machine usually holds,
//! so rotating addresses within it gains nothing. The address itself is
//! never kept: a bucket is found by SHA-256 of (salt, class, address),
//! truncated to 128 bits. The salt is 32 random bytes made at start and
//! replaced every 24 hours, when every bucket is forgotten; it is never
//! written anywhere, so after a restart or a rotation no key can be tied
//! to an address even by someone holding a memory dump and a list of
//! addresses from before.
//!
//! Three buckets per source: `POST /api/v1/reports` requests (batches),
//! the reports inside them (a batch of n takes n tokens, so packing 500
//! reports into each request gains nothing), and every other request
//! (loose). Each holds one minute's worth and refills continuously; the
//! reports bucket holds at least one full batch ([`MAX_BATCH`]), or a full
//! batch could never pass.
//!
//! Memory is bounded: at most [`MAX_SOURCES`] buckets. When the table is
//! full, buckets that have refilled (and so say nothing) are dropped; if it
//! is still full, new sources share one overflow bucket per class until
//! room frees up — under such a flood they throttle each other rather than
//! growing the table.
//!
//! Loopback is not limited unless `--limit-loopback` is given: on
//! 127.0.0.1 the only clients are this machine's own (tests, the
//! benchmark, a reverse proxy — which must then be declared with
//! `--trusted-proxy`, and a warning in the log says so when one seems to
//! be there undeclared).

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::error::{ApiError, MAX_BATCH};

/// The most buckets held at once, both classes together (a few MB at most).
pub const MAX_SOURCES: usize = 50_000;

/// How long a salt lives before every bucket is forgotten and a new salt is drawn.
pub const SALT_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

/// A network (address and prefix length) whose peers may set `X-Forwarded-For`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrustedProxy {
    network: IpAddr,
    prefix: u8,
}

/// A `--trusted-proxy` value that is not an address or a network.
#[derive(Debug, thiserror::Error)]
#[error("--trusted-proxy {0:?} is not an IP address or network; write it like 10.0.0.5, 10.0.0.0/8 or fd00::/8")]
pub struct BadProxy(pub String);

impl std::str::FromStr for TrustedProxy {
    type Err = BadProxy;

    fn from_str(text: &str) -> Result<TrustedProxy, BadProxy> {
        let bad = || BadProxy(text.to_owned());
        let (address, prefix) = match text.trim().split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text.trim(), None),
        };
        let network: IpAddr = address.parse().map_err(|_| bad())?;
        let network = network.to_canonical();
        let bits = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(prefix) => prefix
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= bits)
                .ok_or_else(bad)?,
            None => bits,
        };
        Ok(TrustedProxy { network, prefix })
    }
}

impl TrustedProxy {
    /// Whether `address` lies in this network.
    pub fn contains(&self, address: IpAddr) -> bool {
        match (self.network, address.to_canonical()) {
            (IpAddr::V4(net), IpAddr::V4(a)) => {
                same_prefix(&net.octets(), &a.octets(), self.prefix)
            }
            (IpAddr::V6(net), IpAddr::V6(a)) => {
                same_prefix(&net.octets(), &a.octets(), self.prefix)
            }
            _ => false,
        }
    }
}

fn same_prefix(a: &[u8], b: &[u8], prefix: u8) -> bool {
    let (whole, rest) = (usize::from(prefix / 8), prefix % 8);
    if a[..whole] != b[..whole] {
        return false;
    }
    rest == 0 || (a[whole] ^ b[whole]) >> (8 - rest) == 0
}

/// How the limits are set, from the command line.
#[derive(Debug, Clone)]
pub struct LimitOptions {
    /// `POST /api/v1/reports` requests per source per minute (also the burst); 0: no limit.
    pub batches_per_minute: u32,
    /// Reports inside those requests per source per minute; the burst is this
    /// or one full batch, whichever is more; 0: no limit.
    pub reports_per_minute: u32,
    /// Any other request per source per minute (also the burst); 0 turns the limit off.
    pub requests_per_minute: u32,
    /// Peers whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<TrustedProxy>,
    /// Limit loopback clients too (off: this machine's own clients are not limited).
    pub limit_loopback: bool,
}

impl Default for LimitOptions {
    fn default() -> LimitOptions {
        LimitOptions {
            batches_per_minute: 30,
            reports_per_minute: 120,
            requests_per_minute: 600,
            trusted_proxies: Vec::new(),
            limit_loopback: false,
        }
    }
}

/// Which bucket a request draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Class {
    Batches,
    Reports,
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

impl Bucket {
    fn full(capacity: f64, now: Instant) -> Bucket {
        Bucket {
            tokens: capacity,
            updated: now,
        }
    }

    /// Refills for the time passed, then takes `cost` tokens; `Err` holds the wait until there are enough.
    fn take(
        &mut self,
        cost: f64,
        capacity: f64,
        per_second: f64,
        now: Instant,
    ) -> Result<(), Duration> {
        let elapsed = now.saturating_duration_since(self.updated).as_secs_f64();
        self.tokens = (self.tokens + elapsed * per_second).min(capacity);
        self.updated = now;
        if self.tokens >= cost {
            self.tokens -= cost;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((cost - self.tokens) / per_second))
        }
    }

    fn is_full_at(&self, capacity: f64, per_second: f64, now: Instant) -> bool {
        let elapsed = now.saturating_duration_since(self.updated).as_secs_f64();
        self.tokens + elapsed * per_second >= capacity
    }
}

struct Table {
    salt: [u8; 32],
    salted_at: Instant,
    /// When full buckets were last swept out; sweeps are at most one a second,
    /// so a flood of new sources cannot make every request scan the table.
    swept_at: Option<Instant>,
    buckets: HashMap<(Class, [u8; 16]), Bucket>,
    overflow: HashMap<Class, Bucket>,
}

/// The per-source limits, shared by every request.
pub struct RateLimiter {
    options: LimitOptions,
    table: Mutex<Table>,
    warned_undeclared_proxy: AtomicBool,
}

impl std::fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the table: its keys are derived from addresses.
        f.debug_struct("RateLimiter")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

fn fresh_salt() -> [u8; 32] {
    let mut salt = [0; 32];
    // Without the system's randomness there is no honest salt; nothing can run without it.
    getrandom::fill(&mut salt).expect("the system's random source works");
    salt
}

impl RateLimiter {
    /// Limits as set by `options`, with a fresh random salt.
    pub fn new(options: LimitOptions) -> RateLimiter {
        RateLimiter {
            options,
            table: Mutex::new(Table {
                salt: fresh_salt(),
                salted_at: Instant::now(),
                swept_at: None,
                buckets: HashMap::new(),
                overflow: HashMap::new(),
            }),
            warned_undeclared_proxy: AtomicBool::new(false),
        }
    }

    fn rate(&self, class: Class) -> u32 {
        match class {
            Class::Batches => self.options.batches_per_minute,
            Class::Reports => self.options.reports_per_minute,
            Class::Other => self.options.requests_per_minute,
        }
    }

    /// Tokens a full bucket of `class` holds, and tokens added per second.
    fn shape(&self, class: Class) -> (f64, f64) {
        let per_minute = f64::from(self.rate(class));
        let capacity = match class {
            Class::Reports => per_minute.max(MAX_BATCH as f64),
            Class::Batches | Class::Other => per_minute,
        };
        (capacity, per_minute / 60.0)
    }

    /// The address a request counts against: the peer, or what a trusted proxy says it forwards.
    pub fn client_address(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = peer.to_canonical();
        let trusted = |address: IpAddr| {
            self.options
                .trusted_proxies
                .iter()
                .any(|p| p.contains(address))
        };
        if !trusted(peer) {
            if peer.is_loopback()
                && headers.contains_key("x-forwarded-for")
                && !self.warned_undeclared_proxy.swap(true, Ordering::Relaxed)
            {
                tracing::warn!(
                    "a request from this machine carries X-Forwarded-For: if a reverse proxy runs \
                     here, declare it with --trusted-proxy, or every client it forwards shares its \
                     address (and loopback is not rate limited)"
                );
            }
            return peer;
        }
        // Walk from the nearest hop outwards: the first address not of a
        // trusted proxy is the client; anything further left it could have made up.
        let hops: Vec<IpAddr> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .map(|hop| hop.trim().parse::<IpAddr>().map(|a| a.to_canonical()))
            .collect::<Result<_, _>>()
            .unwrap_or_default();
        hops.iter()
            .rev()
            .copied()
            .find(|hop| !trusted(*hop))
            .or_else(|| hops.first().copied())
            .unwrap_or(peer)
    }

    /// Takes `cost` tokens of `class` from `client`'s bucket; `Err` holds how long to wait.
    fn check(&self, class: Class, client: IpAddr, cost: u32, now: Instant) -> Result<(), Duration> {
        if self.rate(class) == 0 || (client.is_loopback() && !self.options.limit_loopback) {
            return Ok(());
        }
        let (capacity, per_second) = self.shape(class);
        // More than a full bucket can never be had; ask for a full one instead.
        let cost = f64::from(cost).min(capacity);
        let mut table = self.table.lock().unwrap_or_else(|p| p.into_inner());
        if now.saturating_duration_since(table.salted_at) >= SALT_LIFETIME {
            table.salt = fresh_salt();
            table.salted_at = now;
            table.buckets = HashMap::new();
            table.overflow.clear();
        }
        let key = (class, source_key(&table.salt, class, client));
        if !table.buckets.contains_key(&key) && table.buckets.len() >= MAX_SOURCES {
            let may_sweep = table
                .swept_at
                .is_none_or(|at| now.saturating_duration_since(at) >= Duration::from_secs(1));
            if may_sweep {
                table.swept_at = Some(now);
                table.buckets.retain(|(class, _), bucket| {
                    let (capacity, per_second) = self.shape(*class);
                    !bucket.is_full_at(capacity, per_second, now)
                });
            }
            if table.buckets.len() >= MAX_SOURCES {
                return table
                    .overflow
                    .entry(class)
                    .or_insert_with(|| Bucket::full(capacity, now))
                    .take(cost, capacity, per_second, now);
            }
        }
        table
            .buckets
            .entry(key)
            .or_insert_with(|| Bucket::full(capacity, now))
            .take(cost, capacity, per_second, now)
    }

    /// How many sources have a bucket now (for tests of the memory bound).
    pub fn sources(&self) -> usize {
        self.table
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .buckets
            .len()
    }
}

/// The bucket key: SHA-256 of salt, class and address (an IPv6 one cut to its /64), first 128 bits.
fn source_key(salt: &[u8; 32], class: Class, address: IpAddr) -> [u8; 16] {
    let mut hash = Sha256::new();
    hash.update(salt);
    hash.update([class as u8]);
    match address {
        IpAddr::V4(v4) => hash.update(v4.octets()),
        IpAddr::V6(v6) => hash.update(&v6.octets()[..8]),
    }
    let digest = hash.finalize();
    let mut key = [0; 16];
    key.copy_from_slice(&digest[..16]);
    key
}

/// Middleware: answers 429 with `Retry-After` when the request's source is out of tokens.
///
/// A request without a peer address (the router used in-process, not
/// through `main`) is not limited.
pub async fn limit(
    State(limiter): State<Arc<RateLimiter>>,
    request: Request,
    next: Next,
) -> Response {
    let Some(ConnectInfo(peer)) = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .copied()
    else {
        return next.run(request).await;
    };
    let is_batch = request.method() == Method::POST && request.uri().path() == "/api/v1/reports";
    let class = if is_batch {
        Class::Batches
    } else {
        Class::Other
    };
    let client = limiter.client_address(peer.ip(), request.headers());
    match limiter.check(class, client, 1, Instant::now()) {
        Ok(()) => {
            let mut request = request;
            if is_batch {
                // The handler charges the reports once it knows how many there are.
                request.extensions_mut().insert(ReportAllowance {
                    limiter: Arc::clone(&limiter),
                    client,
                });
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

/// The 429 for a wait of `wait`, in whole seconds rounded up: asking sooner would only be refused.
fn too_many(wait: Duration) -> ApiError {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    ApiError::RateLimited {
        retry_after: seconds.max(1),
    }
}

/// Leave for one batch to charge its reports against its source's bucket.
///
/// Put in the request by [`limit`]; its address is only ever hashed.
#[derive(Clone)]
pub struct ReportAllowance {
    limiter: Arc<RateLimiter>,
    client: IpAddr,
}

impl ReportAllowance {
    /// Takes one token per report; a 429 when the source has filed too many lately.
    pub fn take(&self, reports: usize) -> Result<(), ApiError> {
        let cost = u32::try_from(reports).unwrap_or(u32::MAX);
        self.limiter
            .check(Class::Reports, self.client, cost, Instant::now())
            .map_err(too_many)
    }
}

/// Middleware: a request must arrive and be answered within `limit`, or it gets 408.
///
/// This bounds how long a slow or stalled client (one trickling its body,
/// or sending nothing after its headers) holds the server's attention.
/// It covers reading the body and handling, not sending the answer.
pub async fn deadline(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_elapsed) => ApiError::Timeout.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(per_minute: u32) -> RateLimiter {
        RateLimiter::new(LimitOptions {
            batches_per_minute: per_minute,
            reports_per_minute: per_minute,
            requests_per_minute: per_minute * 10,
            trusted_proxies: vec!["10.0.0.0/8".parse().unwrap(), "::1".parse().unwrap()],
            limit_loopback: false,
        })
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn a_source_gets_its_burst_then_waits_for_the_refill() {
        let limits = limiter(6);
        let start = Instant::now();
        let client = ip("192.0.2.7");
        for _ in 0..6 {
            limits.check(Class::Batches, client, 1, start).unwrap();
        }
        let wait = limits.check(Class::Batches, client, 1, start).unwrap_err();
        assert!(
            wait > Duration::from_secs(9) && wait <= Duration::from_secs(10),
            "{wait:?}"
        );
        // Another source, and the other class, are not affected.
        limits
            .check(Class::Batches, ip("192.0.2.8"), 1, start)
            .unwrap();
        limits.check(Class::Other, client, 1, start).unwrap();
        // Six a minute: one more after ten seconds.
        limits
            .check(Class::Batches, client, 1, start + Duration::from_secs(10))
            .unwrap();
        assert!(limits
            .check(Class::Batches, client, 1, start + Duration::from_secs(10))
            .is_err());
    }

    #[test]
    fn reports_are_counted_one_token_each_and_a_full_batch_always_fits() {
        let limits = limiter(60);
        let start = Instant::now();
        let client = ip("192.0.2.9");
        // The burst is one full batch even though the rate is 60 a minute.
        limits.check(Class::Reports, client, 400, start).unwrap();
        let wait = limits
            .check(Class::Reports, client, 101, start)
            .unwrap_err();
        // 100 left, one more needed at one a second.
        assert!(
            wait > Duration::from_millis(900) && wait <= Duration::from_secs(1),
            "{wait:?}"
        );
        limits.check(Class::Reports, client, 100, start).unwrap();
        // A batch larger than the bucket asks for a full bucket, not forever.
        let later = start + Duration::from_secs(600);
        limits.check(Class::Reports, client, 10_000, later).unwrap();
    }

    #[test]
    fn addresses_in_one_ipv6_64_share_a_bucket() {
        let limits = limiter(2);
        let now = Instant::now();
        limits
            .check(Class::Batches, ip("2001:db8:1:2::1"), 1, now)
            .unwrap();
        limits
            .check(Class::Batches, ip("2001:db8:1:2:ffff::9"), 1, now)
            .unwrap();
        assert!(limits
            .check(Class::Batches, ip("2001:db8:1:2::77"), 1, now)
            .is_err());
        limits
            .check(Class::Batches, ip("2001:db8:1:3::1"), 1, now)
            .unwrap();
    }

    #[test]
    fn loopback_is_free_unless_asked_and_zero_turns_a_limit_off() {
        let limits = limiter(1);
        let now = Instant::now();
        for _ in 0..100 {
            limits
                .check(Class::Batches, ip("127.0.0.1"), 1, now)
                .unwrap();
        }
        let strict = RateLimiter::new(LimitOptions {
            limit_loopback: true,
            batches_per_minute: 1,
            ..LimitOptions::default()
        });
        strict
            .check(Class::Batches, ip("127.0.0.1"), 1, now)
            .unwrap();
        assert!(strict
            .check(Class::Batches, ip("127.0.0.1"), 1, now)
            .is_err());
        let off = RateLimiter::new(LimitOptions {
            batches_per_minute: 0,
            ..LimitOptions::default()
        });
        for _ in 0..100 {
            off.check(Class::Batches, ip("192.0.2.1"), 1, now).unwrap();
        }
    }

    #[test]
    fn forwarded_for_counts_only_from_a_trusted_proxy() {
        let limits = limiter(1);
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            "198.51.100.1, 203.0.113.9, 10.1.2.3".parse().unwrap(),
        );
        // From a trusted proxy: the nearest untrusted hop; the spoofable left part is ignored.
        assert_eq!(
            limits.client_address(ip("10.0.0.1"), &headers),
            ip("203.0.113.9")
        );
        assert_eq!(
            limits.client_address(ip("::1"), &headers),
            ip("203.0.113.9")
        );
        // From anyone else the header is ignored.
        assert_eq!(
            limits.client_address(ip("192.0.2.5"), &headers),
            ip("192.0.2.5")
        );
        // Garbage in the header: the proxy itself is the source.
        headers.insert("x-forwarded-for", "not-an-address".parse().unwrap());
        assert_eq!(
            limits.client_address(ip("10.0.0.1"), &headers),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn proxy_networks_parse_and_match() {
        let net: TrustedProxy = "10.0.0.0/8".parse().unwrap();
        assert!(net.contains(ip("10.255.0.1")) && !net.contains(ip("11.0.0.1")));
        assert!(net.contains(ip("::ffff:10.0.0.1")));
        let odd: TrustedProxy = "192.168.0.0/23".parse().unwrap();
        assert!(odd.contains(ip("192.168.1.200")) && !odd.contains(ip("192.168.2.1")));
        for bad in ["", "10.0.0.0/33", "example.com", "10.0.0.0/x"] {
            assert!(bad.parse::<TrustedProxy>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_table_stays_bounded_and_keys_are_not_addresses() {
        let limits = limiter(1);
        let now = Instant::now();
        for i in 0..(MAX_SOURCES as u32 + 1000) {
            let _ = limits.check(
                Class::Batches,
                IpAddr::from((0x0a00_0000 + i).to_be_bytes()),
                1,
                now,
            );
        }
        assert!(limits.sources() <= MAX_SOURCES);
        // New sources past the bound share the overflow bucket (one token a minute).
        assert!(limits
            .check(Class::Batches, ip("192.0.2.200"), 1, now)
            .is_err());
        // A minute on, the old buckets have refilled and make room.
        limits
            .check(
                Class::Batches,
                ip("192.0.2.201"),
                1,
                now + Duration::from_secs(61),
            )
            .unwrap();
        assert_eq!(limits.sources(), 1);
        let table = limits.table.lock().unwrap();
        let (_, key) = table.buckets.keys().next().unwrap();
        assert_ne!(&key[..4], &[192, 0, 2, 201]);
        assert_ne!(
            source_key(&[0; 32], Class::Batches, ip("192.0.2.201")),
            *key
        );
    }
}
