//! The built app from `--dist`, so one process is a whole deployment (SPEC §4).
//!
//! - Client-side routes (`/history`, `/map`: no file extension) get `index.html`.
//! - Trunk's hashed assets (`candor-<hex>.js`, `candor-<hex>_bg.wasm`,
//!   `main-<hex>.css`) never change under one name: cached for a year, immutable.
//! - Everything else, `index.html` first, is `no-cache`: revalidated each
//!   time, so a new build shows up on the next load.
//! - A `NAME.gz` beside a file is sent instead to browsers that accept gzip.
//! - Without a build the API still works, and pages say how to build the app.

use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// Cache-Control for a file whose name changes with its content.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// What `/` says when `--dist` holds no built app.
pub const NOT_BUILT: &str = "The Candor app is not built, so there is nothing to show here yet.\n\
    Build it with `./candor build` and point candor-server at it with --dist (default: dist).\n\
    The sync API works meanwhile: /api/v1/health, /api/v1/openapi.json.\n";

#[derive(Debug)]
struct AppFiles {
    dist: PathBuf,
}

/// A router that serves the app in `dist`, for use as the fallback of the whole server.
pub fn router(dist: PathBuf) -> Router {
    Router::new()
        .fallback(serve)
        .with_state(Arc::new(AppFiles { dist }))
}

async fn serve(State(files): State<Arc<AppFiles>>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let index = files.dist.join("index.html");
    // Trunk's hook writes NAME.gz beside each hashed asset (scripts/precompress.mjs):
    // sent as they are, so the wasm is not compressed again on every request.
    let dir = ServeDir::new(&files.dist)
        .precompressed_gzip()
        .fallback(tower::service_fn(move |request: Request| {
            spa_fallback(index.clone(), request)
        }));
    let mut response = match dir.oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    let cache = if response.status().is_success() && is_hashed(&path) {
        IMMUTABLE
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

/// What a path with no file behind it gets: the app for a client route, else 404.
async fn spa_fallback(index: PathBuf, request: Request) -> Result<Response, Infallible> {
    let last = request.uri().path().rsplit('/').next().unwrap_or("");
    if last.contains('.') {
        return Ok(text(StatusCode::NOT_FOUND, "Not found.\n"));
    }
    if !index.is_file() {
        return Ok(text(StatusCode::SERVICE_UNAVAILABLE, NOT_BUILT));
    }
    match ServeFile::new(index).oneshot(request).await {
        Ok(response) => Ok(response.map(Body::new)),
        Err(never) => match never {},
    }
}

fn text(status: StatusCode, body: &'static str) -> Response {
    (status, [(CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

/// Whether a path names a Trunk asset with a content hash, e.g. `candor-ad293ced291a16fb_bg.wasm`.
///
/// Trunk writes the hash in lowercase hex after the last `-`, and drops
/// leading zeros, so 8 or more hex digits count as a hash.
pub fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let Some((stem, _extension)) = name.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    hash.len() >= 8 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_names_are_hashed_and_others_are_not() {
        for hashed in [
            "/candor-ad293ced291a16fb.js",
            "/candor-ad293ced291a16fb_bg.wasm",
            "/main-aacd66607991aaa.css",
            "/favicon-987132a5b5c48f21.svg",
        ] {
            assert!(is_hashed(hashed), "{hashed}");
        }
        for plain in [
            "/",
            "/index.html",
            "/candor.json",
            "/history",
            "/style-sheet.css",
            "/x-ABCDEF0123.js",
        ] {
            assert!(!is_hashed(plain), "{plain}");
        }
    }
}
