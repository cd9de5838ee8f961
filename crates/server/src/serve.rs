//! Accepting connections: HTTP/1 with a deadline on request headers (SPEC §6.7).
//!
//! `axum::serve` gives hyper no timer, and without one hyper never times
//! out a client that sends its request headers a byte at a time
//! ("slowloris"): each such client holds a connection, its task and its
//! buffers for as long as it likes. Here each connection is served by
//! hyper's HTTP/1 builder with tokio's timer, so a request's headers must
//! be in within the header timeout (`--request-timeout`) or the connection
//! is closed; the same cuts off a keep-alive connection left idle that
//! long. Once the headers are in, [`deadline`](fn@crate::limits::deadline)
//! takes over.
//!
//! Each request carries its peer's [`ConnectInfo`], for the rate limits
//! only; nothing logs or stores it.
//!
//! After a burst of work, the heap pages its buffers used are handed back
//! ([`heap::trim`]) once no connection has opened or closed and no request
//! has come for a second ([`QUIET`]), even while connections stay open: a
//! load balancer keeps some open for good, so "when the last one closes"
//! may never come (crate::heap gives the numbers). Requests count too:
//! after a million reports sent over four kept-alive connections, resident
//! memory 3 s later was 32.4 MB without, over SPEC §8's 30.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::serve::Listener;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::ServiceExt;

use crate::heap;

/// At least this many connections opened or closed, or requests, since the last trim make a burst worth trimming after.
const BURST: usize = 64;

/// How long the server must see nothing new before a burst is over.
const QUIET: Duration = Duration::from_secs(1);

/// Connections opened or closed, and requests, since the heap was last trimmed.
#[derive(Default)]
struct Activity {
    since_trim: AtomicUsize,
}

impl Activity {
    /// A connection opened or closed, or a request came.
    fn moved(&self) {
        self.since_trim.fetch_add(1, Ordering::Relaxed);
    }

    /// Every [`QUIET`], hands the heap back if a burst has just ended: at
    /// least [`BURST`] events since the last trim, and none in the last second.
    async fn trim_after_bursts(self: Arc<Self>) {
        let mut ticks = tokio::time::interval(QUIET);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut seen = 0;
        loop {
            ticks.tick().await;
            let now = self.since_trim.load(Ordering::Relaxed);
            if now >= BURST && now == seen {
                self.since_trim.fetch_sub(now, Ordering::Relaxed);
                seen = 0;
                tokio::task::spawn_blocking(heap::trim);
            } else {
                seen = now;
            }
        }
    }
}

/// Serves `app` on `listener` until `shutdown` resolves, then finishes the requests in flight.
pub async fn serve(
    mut listener: TcpListener,
    app: Router,
    header_timeout: Duration,
    shutdown: impl Future<Output = ()>,
) {
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(header_timeout);
    let connections = GracefulShutdown::new();
    let activity = Arc::new(Activity::default());
    let trimming = tokio::spawn(Arc::clone(&activity).trim_after_bursts());
    let mut shutdown = pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = Listener::accept(&mut listener) => accepted,
            () = &mut shutdown => break,
        };
        let requests = Arc::clone(&activity);
        let app = app.clone().map_request(move |request: Request<Incoming>| {
            requests.moved();
            let mut request = request.map(Body::new);
            request
                .extensions_mut()
                .insert(ConnectInfo::<SocketAddr>(peer));
            request
        });
        let connection = http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app));
        let connection = connections.watch(connection);
        let activity = Arc::clone(&activity);
        activity.moved();
        tokio::spawn(async move {
            // A client that goes away, or is cut off, is not the server's error.
            let _ = connection.await;
            activity.moved();
        });
    }
    drop(listener);
    trimming.abort();
    connections.shutdown().await;
}
