//! Rate limits without identity, and deadlines, as tower layers (SPEC §6.7).
//!
//! **Sources** ([`source`]). A source is the client's address — the
//! peer's, or, when the peer is a trusted proxy, the nearest untrusted
//! address in `X-Forwarded-For`. IPv6 addresses count by their /64, the
//! block one machine usually holds, so rotating addresses within it gains
//! nothing. The address itself is never kept: a source is known by SHA-256
//! of (salt, address), truncated to 128 bits. The salt is 32 random bytes
//! made at start and replaced every 24 hours ([`SALT_LIFETIME`]), when
//! every bucket is forgotten; it is never written anywhere, so after a
//! restart or a rotation no key can be tied to an address even by someone
//! holding a memory dump and a list of addresses from before.
//!
//! **Rates** ([`rate`]). Three classes per source, each a layer on its
//! routes: `POST /api/v1/reports` requests (batches), the reports inside
//! them (a batch of n costs n, so packing 500 reports into each request
//! gains nothing; the handler charges them through [`ReportAllowance`]),
//! and every other request (loose). Each allows one minute's worth at once
//! and refills continuously; the reports class allows at least one full
//! batch ([`MAX_BATCH`](crate::body::MAX_BATCH)) at once, or a full batch
//! could never pass. The arithmetic is `governor`'s keyed GCRA limiter;
//! only the table it keeps is ours, because governor's own tables grow
//! without bound.
//!
//! Memory is bounded: at most [`MAX_SOURCES`] sources per class. When a
//! class's table is full, sources whose allowance has been whole for a
//! refill interval (and so say nothing) are dropped, at most once a second;
//! if it is still full, new sources share one overflow allowance until room
//! frees up — under such a flood they throttle each other rather than
//! growing the table. A refusal is 429 `rate_limited` with `Retry-After`.
//!
//! Loopback is not limited unless `--limit-loopback` is given: on
//! 127.0.0.1 the only clients are this machine's own (tests, the
//! benchmark, a reverse proxy — which must then be declared with
//! `--trusted-proxy`, and a warning in the log says so when one seems to
//! be there undeclared).
//!
//! **Deadlines** ([`deadline()`]). A request has `--request-timeout` to
//! arrive and be answered once its headers are in, or it gets 408; the
//! headers themselves get the same time from the connection
//! ([`crate::serve`]).

pub mod deadline;
pub mod rate;
pub mod source;

use std::time::Duration;

pub use deadline::deadline;
pub use rate::{limit, RateLimiter, ReportAllowance, RouteLimit, MAX_SOURCES};
pub use source::{BadProxy, IdentityGate, TrustedProxy};

/// How long a salt lives before every bucket is forgotten and a new salt is drawn.
pub const SALT_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

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
