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
//! When a burst of connections has ended, the heap pages their buffers
//! used are handed back (`malloc_trim`): glibc keeps them in each worker
//! thread's arena otherwise. Measured with `wrk -c1000 -d5s` on
//! `GET /aggregate` over the `--demo` data, resident memory 5 s after the
//! burst: 37.1 MB without, within budget with (README, SPEC §8).

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

use crate::store::sqlite::trim_heap;

/// At least this many connections since the last trim make a burst worth trimming after.
const BURST: usize = 64;

/// Open connections, and connections served since the heap was last trimmed.
#[derive(Default)]
struct Connections {
    open: AtomicUsize,
    since_trim: AtomicUsize,
}

impl Connections {
    fn opened(&self) {
        self.open.fetch_add(1, Ordering::Relaxed);
        self.since_trim.fetch_add(1, Ordering::Relaxed);
    }

    /// A connection ended; the last of a burst hands the heap back.
    fn closed(&self) {
        if self.open.fetch_sub(1, Ordering::AcqRel) == 1
            && self.since_trim.load(Ordering::Relaxed) >= BURST
        {
            self.since_trim.store(0, Ordering::Relaxed);
            tokio::task::spawn_blocking(trim_heap);
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
    let counted = Arc::new(Connections::default());
    let mut shutdown = pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = Listener::accept(&mut listener) => accepted,
            () = &mut shutdown => break,
        };
        let app = app.clone().map_request(move |request: Request<Incoming>| {
            let mut request = request.map(Body::new);
            request
                .extensions_mut()
                .insert(ConnectInfo::<SocketAddr>(peer));
            request
        });
        let connection = http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app));
        let connection = connections.watch(connection);
        let counted = Arc::clone(&counted);
        counted.opened();
        tokio::spawn(async move {
            // A client that goes away, or is cut off, is not the server's error.
            let _ = connection.await;
            counted.closed();
        });
    }
    drop(listener);
    connections.shutdown().await;
}
