//! Rendered pages for [`crate::WORK_RECHECK`]: a burst of readers on one page (a new chapter
//! posted, a popular listing) costs one render, and an expired page is served to everyone but
//! the one request that renders it again. Only successful HTML pages of bounded size are kept;
//! downloads, the API, static files and entire-work pages pass straight through.

use std::sync::Arc;

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

fn html_response(body: Bytes) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        )],
        body,
    )
        .into_response()
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
        Cached::Fresh(body)
        | Cached::Stale {
            value: body,
            refresh: false,
        } => {
            return html_response(Bytes::clone(&body));
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
                state.pages.put(key, Arc::new(bytes.clone()));
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
