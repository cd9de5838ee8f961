//! The app's one way to ask a server: `fetch` with no cookies and no HTTP
//! cache, for the config and the outbox's batches (SPEC §6.3), with errors
//! in words. (The team map's documents are fetched by its module.)

use gloo_net::http::Request;

use super::browser::BrowserError;

/// Why a document could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The request did not get an answer (server down, offline).
    #[error("could not be fetched from {url}: {reason}")]
    Unreachable {
        /// The address that was tried.
        url: String,
        /// What the browser said.
        reason: BrowserError,
    },
    /// The server answered with an error status.
    #[error("was not found at {url} (HTTP {status})")]
    Status {
        /// The address that was tried.
        url: String,
        /// The HTTP status.
        status: u16,
        /// The body, which may carry the server's error.
        body: String,
    },
}

/// A server's answer, whatever its status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The `Retry-After` header, if the server sent one.
    pub retry_after: Option<String>,
    /// The body as text.
    pub body: String,
}

impl Answer {
    /// Whether the status is a success (2xx).
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Sends a GET (no `body`) or a JSON POST to `url` and reads the whole answer.
///
/// Always asks the server, bypassing the HTTP cache: an operator's edit or a
/// new week must show now. No cookies go with it. Through gloo-net, as the
/// project card asks: it cost 2.6 KB gzip over a hand-written `fetch`.
pub async fn send(url: &str, json_body: Option<&str>) -> Result<Answer, BrowserError> {
    request(url, json_body, web_sys::RequestCredentials::Omit).await
}

/// POSTs JSON to `url` with the browser's credentials for this origin (the
/// single sign-on's cookie or login), for `POST /tokens` only (SPEC §6.10).
/// Reports never go this way: they are sent with [`send`], without them.
pub async fn send_signed_in(url: &str, json_body: &str) -> Result<Answer, BrowserError> {
    request(
        url,
        Some(json_body),
        web_sys::RequestCredentials::SameOrigin,
    )
    .await
}

async fn request(
    url: &str,
    json_body: Option<&str>,
    credentials: web_sys::RequestCredentials,
) -> Result<Answer, BrowserError> {
    let builder = match json_body {
        Some(_) => Request::post(url).header("content-type", "application/json"),
        None => Request::get(url),
    }
    .cache(web_sys::RequestCache::NoCache)
    .credentials(credentials);
    let request = match json_body {
        Some(body) => builder.body(body),
        None => builder.build(),
    }?;
    let response = request.send().await?;
    Ok(Answer {
        status: response.status(),
        retry_after: response.headers().get("retry-after"),
        body: response.text().await?,
    })
}

/// Fetches `url` and returns its body as text; an error status is an error.
pub async fn get_text(url: &str) -> Result<String, FetchError> {
    let answer = send(url, None)
        .await
        .map_err(|reason| FetchError::Unreachable {
            url: url.to_string(),
            reason,
        })?;
    if !answer.ok() {
        return Err(FetchError::Status {
            url: url.to_string(),
            status: answer.status,
            body: answer.body,
        });
    }
    Ok(answer.body)
}
