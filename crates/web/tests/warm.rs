//! The warm-up: it fills the caches the first readers would otherwise fill, the server starts
//! after it on an empty archive and when every search fails, and the background refresh asks the
//! index again while serving.
#![allow(missing_docs)]

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode};
use ficarchive_web::{
    AppState, Listing, SearchBackend, SearchFailure, SearchPage, StoreFallback, TagHint,
    WARM_PAGES, router, serve_on, warm,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower::ServiceExt;

/// A search backend that counts the questions it is asked, and answers them through `inner`
/// (or fails every one when `inner` is `None`).
struct Counting {
    inner: Option<Arc<dyn SearchBackend>>,
    asked: Arc<AtomicU32>,
}

#[async_trait]
impl SearchBackend for Counting {
    async fn search(
        &self,
        listing: &Listing,
        facet_limit: usize,
    ) -> Result<SearchPage, SearchFailure> {
        self.asked.fetch_add(1, Ordering::SeqCst);
        match &self.inner {
            Some(inner) => inner.search(listing, facet_limit).await,
            None => Err(SearchFailure::Unavailable("the index is broken".into())),
        }
    }
    async fn suggest_tags(
        &self,
        prefix: &str,
        limit: usize,
    ) -> Result<Vec<TagHint>, SearchFailure> {
        self.asked.fetch_add(1, Ordering::SeqCst);
        match &self.inner {
            Some(inner) => inner.suggest_tags(prefix, limit).await,
            None => Err(SearchFailure::Unavailable("the index is broken".into())),
        }
    }
}

/// State over `store` whose searches are counted in the returned counter.
fn counted_state(store: Arc<common::MemStore>, working: bool) -> (AppState, Arc<AtomicU32>) {
    let asked = Arc::new(AtomicU32::new(0));
    let inner =
        working.then(|| Arc::new(StoreFallback::new(store.clone())) as Arc<dyn SearchBackend>);
    let backend = Counting {
        inner,
        asked: asked.clone(),
    };
    (AppState::new(store, Some(Arc::new(backend))), asked)
}

async fn status_of(app: &axum::Router, uri: &str) -> StatusCode {
    let request = Request::builder()
        .uri(uri)
        .body(Body::empty())
        .expect("request");
    let response = app
        .clone()
        .oneshot(request)
        .await
        .expect("router never fails");
    let status = response.status();
    to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body");
    status
}

#[tokio::test]
async fn the_warm_up_fills_what_the_first_readers_would() {
    let (state, asked) = counted_state(common::sample_store(30), true);
    let report = warm(&state).await;
    assert_eq!(report.warmed, WARM_PAGES.map(String::from).to_vec());
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let after_warm = asked.load(Ordering::SeqCst);
    assert!(after_warm > 0, "the warm-up asked the index nothing");
    // The pages it warmed now answer from the caches: not one more question to the index.
    let app = router(state);
    for page in ["/", "/works", "/fandoms"] {
        assert_eq!(status_of(&app, page).await, StatusCode::OK, "{page}");
    }
    assert_eq!(asked.load(Ordering::SeqCst), after_warm);
}

/// A raw HTTP/1.1 GET against `addr`; the status line.
async fn http_get(addr: std::net::SocketAddr, path: &str) -> String {
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let request = format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).await.expect("read");
    String::from_utf8_lossy(&reply)
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}

/// Serves `state` on a free port; the address and a sender that stops the server.
async fn start(state: AppState) -> (std::net::SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(serve_on(state, listener, async {
        let _ = stopped.await;
    }));
    (addr, stop)
}

#[tokio::test]
async fn an_empty_archive_warms_and_serves() {
    let (state, asked) = counted_state(Arc::new(common::MemStore::default()), true);
    let (addr, stop) = start(state).await;
    // A static file asks the index nothing: the questions counted were the warm-up's, asked
    // before this connection was served.
    assert_eq!(
        http_get(addr, "/static/favicon.svg").await,
        "HTTP/1.1 200 OK"
    );
    assert!(asked.load(Ordering::SeqCst) > 0, "no warm-up ran");
    assert_eq!(http_get(addr, "/").await, "HTTP/1.1 200 OK");
    let _ = stop.send(());
}

#[tokio::test]
async fn a_failing_index_is_reported_and_the_server_starts_anyway() {
    let (state, _) = counted_state(common::sample_store(0), false);
    let report = warm(&state).await;
    assert!(
        report.failed.iter().any(|f| f.starts_with("/works: 500")),
        "{report:?}"
    );
    let (addr, stop) = start(state).await;
    assert_eq!(
        http_get(addr, "/static/favicon.svg").await,
        "HTTP/1.1 200 OK"
    );
    assert_eq!(
        http_get(addr, "/works/1").await,
        "HTTP/1.1 200 OK",
        "a work page needs no search"
    );
    let _ = stop.send(());
}

#[tokio::test]
async fn the_index_is_asked_again_while_serving() {
    let (state, asked) = counted_state(common::sample_store(0), true);
    let (addr, stop) = start(state).await;
    assert_eq!(
        http_get(addr, "/static/favicon.svg").await,
        "HTTP/1.1 200 OK"
    );
    let after_warm = asked.load(Ordering::SeqCst);
    let deadline = Instant::now() + ficarchive_web::REWARM_EVERY * 2 + Duration::from_secs(2);
    while asked.load(Ordering::SeqCst) == after_warm && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        asked.load(Ordering::SeqCst) > after_warm,
        "no background refresh within {:?}",
        ficarchive_web::REWARM_EVERY * 2
    );
    let _ = stop.send(());
}
