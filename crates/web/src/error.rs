//! Errors: the server's own ([`WebError`]) and what a page request can fail with ([`PageError`]),
//! which renders as a helpful HTML page (or JSON under `/api/`).

use std::net::SocketAddr;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::search::SearchFailure;

/// What can stop the web server.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// The listen address could not be bound (in use, or not allowed).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The server stopped with an I/O error.
    #[error("web server failed: {0}")]
    Serve(#[source] std::io::Error),
}

/// Why a page could not be shown.
#[derive(Debug)]
pub(crate) enum PageError {
    /// Nothing lives at this address; the message says what was looked for.
    NotFound(String),
    /// The request itself is wrong (a bad filter value); the message says how to fix it.
    BadRequest(String),
    /// The store failed.
    Store(ficarchive_store::StoreError),
    /// The search index failed.
    Search(SearchFailure),
    /// A template failed to render (a bug).
    Render(askama::Error),
    /// Something else failed on the server; the message goes to the log only.
    Internal(String),
}

impl From<ficarchive_store::StoreError> for PageError {
    fn from(e: ficarchive_store::StoreError) -> Self {
        PageError::Store(e)
    }
}

impl From<SearchFailure> for PageError {
    fn from(e: SearchFailure) -> Self {
        match e {
            SearchFailure::BadQuery(m) => PageError::BadRequest(m),
            other => PageError::Search(other),
        }
    }
}

impl From<askama::Error> for PageError {
    fn from(e: askama::Error) -> Self {
        PageError::Render(e)
    }
}

impl PageError {
    fn status(&self) -> StatusCode {
        match self {
            PageError::NotFound(_) => StatusCode::NOT_FOUND,
            PageError::BadRequest(_) => StatusCode::BAD_REQUEST,
            PageError::Store(_)
            | PageError::Search(_)
            | PageError::Render(_)
            | PageError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The message shown to the reader: specific for their mistakes, general for ours (details
    /// go to the log, not to the page).
    fn public_message(&self) -> String {
        match self {
            PageError::NotFound(m) | PageError::BadRequest(m) => m.clone(),
            PageError::Store(_) => {
                "The archive's database could not answer. Please try again in a moment.".into()
            }
            PageError::Search(_) => {
                "The search index could not answer. Browsing by fandom or author may still work."
                    .into()
            }
            PageError::Render(_) | PageError::Internal(_) => {
                "This page could not be drawn. The problem has been logged.".into()
            }
        }
    }

    /// The same error as a JSON response, for the API.
    pub(crate) fn into_json(self) -> Response {
        self.log();
        let status = self.status();
        let body = serde_json::json!({ "error": self.public_message(), "status": status.as_u16() });
        (status, axum::Json(body)).into_response()
    }

    fn log(&self) {
        match self {
            PageError::Store(e) => tracing::error!("store error: {e}"),
            PageError::Search(e) => tracing::error!("search error: {e}"),
            PageError::Render(e) => tracing::error!("template error: {e}"),
            PageError::Internal(e) => tracing::error!("{e}"),
            PageError::NotFound(_) | PageError::BadRequest(_) => {}
        }
    }
}

/// The page shown for every error.
#[derive(Template)]
#[template(path = "error.html")]
pub(crate) struct ErrorPage {
    pub(crate) site: String,
    pub(crate) status: u16,
    pub(crate) heading: &'static str,
    pub(crate) message: String,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        self.log();
        let status = self.status();
        let heading = match status {
            StatusCode::NOT_FOUND => "Page not found",
            StatusCode::BAD_REQUEST => "That request could not be understood",
            _ => "Something went wrong",
        };
        error_response(status, heading, self.public_message())
    }
}

/// Renders the error page with a status; falls back to plain text if even that fails.
pub(crate) fn error_response(
    status: StatusCode,
    heading: &'static str,
    message: String,
) -> Response {
    let page = ErrorPage {
        site: "ficarchive".into(),
        status: status.as_u16(),
        heading,
        message,
    };
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => (status, heading).into_response(),
    }
}
