//! ficarchive web: the archive's pages (server-rendered HTML that works without JavaScript),
//! its JSON API and the story-insight pictures (SVG drawn on the server).
//!
//! The CLI builds an [`AppState`] from the store (and the search index when there is one) and
//! calls [`serve`]; tests call [`router`] and drive it directly.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use ficarchive_store::Store;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

mod assets;
mod blurb;
mod cache;
mod error;
mod fmt;
mod index_backend;
mod insight;
mod listing;
mod page_cache;
mod pages;
mod search;
mod warm;
mod work_view;

pub use error::WebError;
pub use index_backend::{EXCLUSIONS_DOCUMENT, IndexBackend};
pub use listing::{Completion, Listing, SortKey};
pub use search::{
    Facet, FacetValue, SearchBackend, SearchFailure, SearchPage, StoreFallback, TagHint, TagInfo,
};
pub use warm::{REWARM_EVERY, WARM_PAGES, WarmReport, warm};

/// The version string appended to static asset URLs, so browsers refetch them after an upgrade.
pub const ASSET_VERSION: u64 = assets::HASH;

/// Everything a request handler needs: the store, the optional search index, and caches.
#[derive(Clone)]
pub struct AppState {
    /// The archive's works.
    store: Arc<dyn Store>,
    /// Filters, facets and sorting: the search index, or [`StoreFallback`] without one.
    search: Arc<dyn SearchBackend>,
    /// Blurb data (tags, series, counts) of recently shown works, keyed by id and update time.
    blurbs: Arc<cache::BlurbCache>,
    /// Recently read works, so paging through chapters does not decode the work every time.
    works: Arc<cache::WorkCache>,
    /// Search results for a few seconds (see [`RESULT_TTL`]).
    results: Arc<cache::TtlCache<SearchPage>>,
    /// Searches under way for listings not in `results`, so a burst of readers on a new listing
    /// waits for one search instead of each running it.
    searches_in_flight: Arc<cache::InFlight<Result<Arc<SearchPage>, SearchFailure>>>,
    /// Rendered pages for [`WORK_RECHECK`], by path and query.
    pages: Arc<cache::TtlCache<page_cache::Page>>,
    /// The site's name shown in the header and page titles.
    site_name: Arc<str>,
}

impl AppState {
    /// State serving `store`, with `search` for filtered listings when an index is available;
    /// without one, listings come from the store newest first and the filter form says so.
    pub fn new(store: Arc<dyn Store>, search: Option<Arc<dyn SearchBackend>>) -> Self {
        let search = search.unwrap_or_else(|| Arc::new(StoreFallback::new(store.clone())));
        AppState {
            store,
            search,
            blurbs: Arc::new(cache::BlurbCache::new(20_000)),
            works: Arc::new(cache::WorkCache::new(64)),
            results: Arc::new(cache::TtlCache::new(2_000, RESULT_TTL)),
            searches_in_flight: Arc::new(cache::InFlight::default()),
            pages: Arc::new(cache::TtlCache::new(1_000, WORK_RECHECK)),
            site_name: Arc::from("ficarchive"),
        }
    }

    /// Sets the name shown in the header and page titles (default "ficarchive").
    pub fn with_site_name(mut self, name: &str) -> Self {
        self.site_name = Arc::from(name);
        self
    }
}

/// How long a listing's results (ids, total, facet counts) are reused as they are; after that
/// the next request recomputes them in the background while readers get the old ones, so new and
/// updated works appear in listings within this time plus one search.
pub const RESULT_TTL: Duration = Duration::from_secs(10);

/// How long a work or blurb confirmed current is served without asking the store again: an edited
/// work shows on its pages within this time.
pub const WORK_RECHECK: Duration = Duration::from_secs(2);

/// The strict Content-Security-Policy every response carries: no inline script or style, nothing
/// from other origins.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; \
     base-uri 'none'; frame-ancestors 'none'";

/// The whole site: pages, JSON API, static assets, security headers and gzip.
pub fn router(state: AppState) -> Router {
    let security = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "same-origin"),
        (
            HeaderName::from_static("permissions-policy"),
            "interest-cohort=(), camera=(), microphone=(), geolocation=()",
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    let mut app = pages::routes()
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            page_cache::layer,
        ))
        .with_state(state);
    for (name, value) in security {
        app = app.layer(SetResponseHeaderLayer::overriding(
            name,
            HeaderValue::from_static(value),
        ));
    }
    // Gzip at the fastest level: on a chapter page (29 KB of prose) it is about three times
    // cheaper than the default level 6, for a body 17% larger (9.0 KB instead of 7.7 KB), and
    // compression was most of a gzip-accepting reader's cost (docs/web.md).
    app.layer(
        CompressionLayer::new()
            .gzip(true)
            .quality(tower_http::CompressionLevel::Fastest),
    )
    .layer(TimeoutLayer::with_status_code(
        axum::http::StatusCode::SERVICE_UNAVAILABLE,
        Duration::from_secs(30),
    ))
}

/// Serves the site on `listen` until the process is interrupted (Ctrl-C) or terminated.
pub async fn serve(state: AppState, listen: SocketAddr) -> Result<(), WebError> {
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|source| WebError::Bind {
            addr: listen,
            source,
        })?;
    serve_on(state, listener, shutdown_signal()).await
}

/// Serves the site on an already bound listener until `shutdown` completes (tests bind port 0).
///
/// Before the first connection is accepted, [`warm`] renders the pages whose first answer is
/// slow (connections arriving meanwhile wait in the listen queue); while serving, a background
/// task asks the index the same questions every [`REWARM_EVERY`], so a commit's new index
/// generation is warmed by it rather than by a reader. A failed warm-up is logged, never fatal.
pub async fn serve_on(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), WebError> {
    let addr = listener.local_addr().map_err(WebError::Serve)?;
    warm(&state).await;
    let rewarm = tokio::spawn(warm::rewarm_forever(state.clone()));
    tracing::info!("ficarchive web listening on http://{addr}");
    let served = axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(WebError::Serve);
    rewarm.abort();
    served
}

async fn shutdown_signal() {
    let ctrl_c = async {
        // A failed handler install means no Ctrl-C handling; the server then runs until killed.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
