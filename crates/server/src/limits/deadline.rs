//! The request deadline as a tower layer (SPEC §6.7): answered in time, or 408.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use tower::{Layer, Service};

use crate::error::ApiError;

/// A request must arrive and be answered within the deadline, or it gets 408 `request_timeout`.
///
/// This bounds how long a slow or stalled client (one trickling its body,
/// or sending nothing after its headers) holds the server's attention.
/// It covers reading the body and handling, not sending the answer, nor
/// reading the headers: the connection times those ([`crate::serve`]).
#[derive(Debug, Clone, Copy)]
pub struct DeadlineLayer {
    limit: Duration,
}

impl DeadlineLayer {
    /// Requests get `limit` from when their headers are in.
    pub fn new(limit: Duration) -> DeadlineLayer {
        DeadlineLayer { limit }
    }
}

impl<S> Layer<S> for DeadlineLayer {
    type Service = Deadline<S>;

    fn layer(&self, inner: S) -> Deadline<S> {
        Deadline {
            inner,
            limit: self.limit,
        }
    }
}

/// The service [`DeadlineLayer`] wraps around a route.
#[derive(Debug, Clone)]
pub struct Deadline<S> {
    inner: S,
    limit: Duration,
}

type Answer = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

impl<S> Service<Request> for Deadline<S>
where
    S: Service<Request, Response = Response, Error = Infallible>,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Answer;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Answer {
        let answer = tokio::time::timeout(self.limit, self.inner.call(request));
        Box::pin(async move {
            match answer.await {
                Ok(response) => response,
                Err(_elapsed) => Ok(ApiError::Timeout.into_response()),
            }
        })
    }
}
