//! The headers every response carries, pages, files and errors alike (SPEC §6.8).
//!
//! - `Content-Security-Policy`: nothing is allowed unless listed. Scripts
//!   come from this origin only, plus `'wasm-unsafe-eval'` to compile the
//!   app's WebAssembly, plus the SHA-256 of each inline `<script>` in the
//!   served `index.html`. The app's build leaves none (scripts/csp-meta.mjs
//!   moves Trunk's loader into a file and writes this same policy, less
//!   frame-ancestors, as a meta tag), so the policy is normally exactly
//!   SPEC §6.8's; hashing any that an edited `index.html` has, rather than
//!   allowing `'unsafe-inline'`, keeps it strict.
//! - `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`.
//! - No `Set-Cookie`, ever: a cookie would be an identifier (SPEC §6.1).
//!   Nothing here sets one, and this layer removes any that slips through.
//!
//! The hashes follow the `index.html` on disk: it is read at start and read
//! again when its size or modification time changes (checked at most once a
//! second), so rebuilding the app under a running server does not lock the
//! new build out.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant, SystemTime};

use axum::extract::{Request, State};
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, SET_COOKIE, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

/// How long a computed policy is trusted before `index.html` is looked at again.
const RECHECK: Duration = Duration::from_secs(1);

/// The security headers, with a policy that follows the served `index.html`.
#[derive(Debug)]
pub struct SecurityHeaders {
    index: PathBuf,
    connect_origins: Vec<String>,
    cached: RwLock<Cached>,
}

#[derive(Debug)]
struct Cached {
    checked: Instant,
    /// Size and modification time of `index.html` when the policy was made; `None` if absent.
    stamp: Option<(u64, SystemTime)>,
    policy: HeaderValue,
}

impl SecurityHeaders {
    /// Headers for the app in `dist`; `connect_origins` are other origins the
    /// app may call (the configured sync server's, when it is not this one).
    pub fn new(dist: &Path, connect_origins: Vec<String>) -> SecurityHeaders {
        let index = dist.join("index.html");
        let stamp = stamp(&index);
        let policy = policy_header(&index, &connect_origins);
        SecurityHeaders {
            index,
            connect_origins,
            cached: RwLock::new(Cached {
                checked: Instant::now(),
                stamp,
                policy,
            }),
        }
    }

    /// The `Content-Security-Policy` value in force now.
    pub fn policy(&self) -> HeaderValue {
        {
            let cached = self.cached.read().unwrap_or_else(|p| p.into_inner());
            if cached.checked.elapsed() < RECHECK {
                return cached.policy.clone();
            }
        }
        let mut cached = self.cached.write().unwrap_or_else(|p| p.into_inner());
        cached.checked = Instant::now();
        let now = stamp(&self.index);
        if now != cached.stamp {
            cached.stamp = now;
            cached.policy = policy_header(&self.index, &self.connect_origins);
        }
        cached.policy.clone()
    }
}

fn stamp(path: &Path) -> Option<(u64, SystemTime)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

fn policy_header(index: &Path, connect_origins: &[String]) -> HeaderValue {
    let html = std::fs::read_to_string(index).ok();
    let text = content_security_policy(html.as_deref(), connect_origins);
    // Hashes are base64 and origins were checked at start: always a valid header.
    HeaderValue::from_str(&text).expect("the policy is a valid header value")
}

/// The policy text for a page whose HTML is `index_html` (or no page at all).
pub fn content_security_policy(index_html: Option<&str>, connect_origins: &[String]) -> String {
    let mut script = String::from("'self' 'wasm-unsafe-eval'");
    for hash in index_html.map(inline_script_hashes).unwrap_or_default() {
        script.push_str(&format!(" 'sha256-{hash}'"));
    }
    let mut connect = String::from("'self'");
    for origin in connect_origins {
        connect.push(' ');
        connect.push_str(origin);
    }
    format!(
        "default-src 'none'; script-src {script}; style-src 'self'; img-src 'self' data:; \
         connect-src {connect}; manifest-src 'self'; worker-src 'self'; base-uri 'none'; \
         form-action 'none'; frame-ancestors 'none'"
    )
}

/// The base64 SHA-256 of the text of every inline `<script>` (one without `src`) in `html`.
///
/// A plain scan, not an HTML parser: it reads what Trunk writes. Line
/// breaks are normalised to `\n` first, as the browser's parser does
/// before it hashes.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut hashes = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<script").map(|i| from + i) {
        let Some(tag_end) = lower[start..].find('>').map(|i| start + i) else {
            break;
        };
        let Some(close) = lower[tag_end..].find("</script").map(|i| tag_end + i) else {
            break;
        };
        let attributes = &lower[start + "<script".len()..tag_end];
        let external = attributes
            .split(|c: char| c.is_ascii_whitespace())
            .any(|attribute| attribute == "src" || attribute.starts_with("src="));
        if !external {
            let text = html[tag_end + 1..close]
                .replace("\r\n", "\n")
                .replace('\r', "\n");
            let digest = Sha256::digest(text.as_bytes());
            hashes.push(base64::engine::general_purpose::STANDARD.encode(digest));
        }
        from = close;
    }
    hashes
}

/// The origin (`scheme://host[:port]`) of an absolute http(s) URL, or `None` for a relative one.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme, "http" | "https") {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty() && HeaderValue::from_str(host).is_ok()).then(|| format!("{scheme}://{host}"))
}

/// Middleware: sets the security headers on every response and drops any cookie.
pub async fn apply(
    State(headers): State<Arc<SecurityHeaders>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let map = response.headers_mut();
    map.insert(CONTENT_SECURITY_POLICY, headers.policy());
    map.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    map.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    map.remove(SET_COOKIE);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_LIKE: &str = "<!doctype html><html><head>\
        <link rel=\"modulepreload\" href=\"./candor-1.js\">\
        <script type=\"module\">\nimport init from './candor-1.js';\nawait init();\n</script>\
        <SCRIPT src=\"./other.js\"></SCRIPT>\
        <script data-src=\"x\">a()</script>\
        </head></html>";

    #[test]
    fn only_inline_scripts_are_hashed() {
        let hashes = inline_script_hashes(TRUNK_LIKE);
        assert_eq!(hashes.len(), 2, "{hashes:?}");
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(
            b"\nimport init from './candor-1.js';\nawait init();\n",
        ));
        assert_eq!(hashes[0], expected);
        assert_eq!(
            hashes[1],
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"a()"))
        );
        assert_eq!(
            inline_script_hashes("<script>\r\nx\r</script>"),
            inline_script_hashes("<script>\nx\n</script>")
        );
    }

    #[test]
    fn the_policy_is_strict_and_lists_the_hashes() {
        let policy = content_security_policy(Some(TRUNK_LIKE), &["https://sync.example".into()]);
        assert!(policy.starts_with("default-src 'none'; "), "{policy}");
        for part in [
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self' https://sync.example;",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "worker-src 'self'",
            "manifest-src 'self'",
        ] {
            assert!(policy.contains(part), "{part} in {policy}");
        }
        assert_eq!(policy.matches("'sha256-").count(), 2, "{policy}");
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        let bare = content_security_policy(None, &[]);
        assert!(
            bare.contains("script-src 'self' 'wasm-unsafe-eval';"),
            "{bare}"
        );
    }

    #[test]
    fn origins_are_taken_from_absolute_urls_only() {
        assert_eq!(
            origin_of("https://sync.example:8443/api/v1").as_deref(),
            Some("https://sync.example:8443")
        );
        assert_eq!(origin_of("/api/v1"), None);
        assert_eq!(origin_of("javascript://x"), None);
        assert_eq!(origin_of("https:///x"), None);
    }

    #[test]
    fn a_rebuilt_index_changes_the_policy() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<script>one()</script>").unwrap();
        let headers = SecurityHeaders::new(dir.path(), Vec::new());
        let first = headers.policy();
        std::fs::write(dir.path().join("index.html"), "<script>two(2)</script>").unwrap();
        std::thread::sleep(RECHECK + Duration::from_millis(50));
        assert_ne!(headers.policy(), first);
    }
}
