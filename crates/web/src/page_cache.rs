//! Rendered pages for [`crate::WORK_RECHECK`]: a burst of readers on one page (a new chapter
//! posted, a popular listing) costs one render, and an expired page is served to everyone but
//! the one request that renders it again. Only successful HTML pages of bounded size are kept;
//! downloads, the API, static files and entire-work pages pass straight through.

use std::io::Write;
use std::sync::{Arc, OnceLock};

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::cache::Cached;

/// Pages larger than this are rendered every time (they are rare, and would crowd the cache).
const MAX_CACHED_PAGE: usize = 256 * 1024;

/// Whether the page at `path?query` may be cached.
fn cacheable(path: &str, query: &str) -> bool {
    !(path.starts_with("/api/")
        || path.starts_with("/static/")
        || path.contains("/download.")
        || query.contains("view_full_work"))
}

/// A rendered page, and the same gzipped, made on the first gzip-accepting request for it: most
/// readers' browsers accept gzip, and compressing a cached page on every request cost more than
/// serving it.
pub(crate) struct Page {
    plain: Bytes,
    gzip: OnceLock<Option<Bytes>>,
}

impl Page {
    /// A page not compressed yet.
    pub(crate) fn new(plain: Bytes) -> Page {
        Page {
            plain,
            gzip: OnceLock::new(),
        }
    }

    /// The page gzipped at the fastest level (as the compression layer would), or `None` if
    /// compressing failed (the plain page is served then).
    fn gzipped(&self) -> Option<&Bytes> {
        self.gzip
            .get_or_init(|| {
                let mut encoder = flate2::write::GzEncoder::new(
                    Vec::with_capacity(self.plain.len() / 3),
                    flate2::Compression::fast(),
                );
                encoder.write_all(&self.plain).ok()?;
                encoder.finish().ok().map(Bytes::from)
            })
            .as_ref()
    }
}

/// Whether the request's `Accept-Encoding` allows gzip (a `q=0` refuses it).
fn accepts_gzip(request: &Request) -> bool {
    request
        .headers()
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or("");
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

fn html_response(page: &Page, gzip: bool) -> Response {
    let html = (
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    let vary = (header::VARY, HeaderValue::from_static("accept-encoding"));
    match page.gzipped().filter(|_| gzip) {
        // The compression layer passes a response that already has a Content-Encoding.
        Some(body) => (
            [
                html,
                vary,
                (header::CONTENT_ENCODING, HeaderValue::from_static("gzip")),
            ],
            Bytes::clone(body),
        )
            .into_response(),
        None => ([html, vary], Bytes::clone(&page.plain)).into_response(),
    }
}

/// The middleware: answers from the cache or renders and remembers.
pub(crate) async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let uri = request.uri();
    let (path, query) = (uri.path(), uri.query().unwrap_or(""));
    if !cacheable(path, query) {
        return next.run(request).await;
    }
    let key = format!("{path}?{query}");
    match state.pages.get(&key) {
        Cached::Fresh(page)
        | Cached::Stale {
            value: page,
            refresh: false,
        } => {
            return html_response(&page, accepts_gzip(&request));
        }
        Cached::Stale { refresh: true, .. } | Cached::Missing => {}
    }
    let response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if response.status() != StatusCode::OK || !is_html {
        state.pages.release(&key);
        return response;
    }
    let (parts, body) = response.into_parts();
    // The page is already in memory (askama renders to a string): collecting it costs a copy.
    match to_bytes(body, usize::MAX).await {
        Ok(bytes) => {
            if bytes.len() <= MAX_CACHED_PAGE {
                state.pages.put(key, Arc::new(Page::new(bytes.clone())));
            } else {
                state.pages.release(&key);
            }
            Response::from_parts(parts, Body::from(bytes))
        }
        Err(e) => {
            state.pages.release(&key);
            tracing::warn!("reading a rendered page failed: {e}");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "the page could not be read",
            )
                .into_response()
        }
    }
}
