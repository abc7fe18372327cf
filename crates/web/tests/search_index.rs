//! The pages over a real (in-RAM) tantivy index: tag filters of every kind, facets, autocomplete.
#![allow(missing_docs)]

mod common;

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode};
use ficarchive_web::{AppState, router};
use tower::ServiceExt;

async fn app() -> axum::Router {
    let store = common::sample_store(4);
    let backend = common::index_backend(store.clone()).await;
    router(AppState::new(store, Some(backend)))
}

async fn get(app: &axum::Router, uri: &str) -> (StatusCode, String) {
    let resp = app
        .clone()
        .oneshot(
            Request::builder()
                .uri(uri)
                .body(Body::empty())
                .expect("request"),
        )
        .await
        .expect("router never fails");
    let status = resp.status();
    let bytes = to_bytes(resp.into_body(), 16 << 20).await.expect("body");
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

#[tokio::test]
async fn include_and_exclude_tags_of_every_kind() {
    let app = app().await;
    let (status, body) = get(&app, "/works?include=Hurt%2FComfort").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("of 1 work"), "{body}");
    assert!(body.contains(">Bloody Soul<"));
    let (_, body) = get(&app, "/works?exclude=Fluff").await;
    assert!(body.contains(">Bloody Soul<"));
    assert!(!body.contains("Drabble"));
    let (_, body) = get(&app, "/works?include=Spike&exclude=Angst").await;
    assert!(body.contains("No works found"));
}

#[tokio::test]
async fn facets_cover_every_kind_and_the_form_shows_all_fields() {
    let app = app().await;
    let (_, body) = get(&app, "/works").await;
    for legend in [
        "Ratings",
        "Fandoms",
        "Relationships",
        "Characters",
        "Additional Tags",
    ] {
        assert!(
            body.contains(&format!("<legend>{legend}</legend>")),
            "no {legend} facet"
        );
    }
    assert!(
        body.contains("Fluff <span class=\"count\">(4)</span>"),
        "{body}"
    );
    assert!(
        body.contains("name=\"updated_from\""),
        "date filters offered with an index"
    );
    assert!(!body.contains("has no search index"));
}

#[tokio::test]
async fn author_page_text_search_and_autocomplete() {
    let app = app().await;
    let (_, body) = get(&app, "/authors/Kallysten").await;
    assert!(body.contains(">Bloody Soul<"));
    assert!(!body.contains("Drabble"));
    let (_, body) = get(&app, "/works?q=drabble&sort=title").await;
    assert!(body.contains("of 4 works"), "{body}");
    let (_, body) = get(&app, "/api/tags?q=hurt").await;
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(v["tags"][0]["name"], "Hurt/Comfort");
    let (status, _) = get(&app, "/works?q=%22unclosed").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn series_navigation_links_the_previous_and_next_parts() {
    let store = common::sample_store(2);
    // Added out of order: navigation follows part numbers, not ids or dates.
    let third = store.add(common::series_work("Souls Undone", Some(3)), None);
    let first = store.add(common::series_work("Souls Begin", Some(1)), None);
    // A series whose name merely contains this one's is not part of it.
    let mut other = common::series_work("Souls & Stakes Extended", Some(1));
    other.series[0].name = "Souls & Stakes Extended".into();
    store.add(other, None);
    let backend = common::index_backend(store.clone()).await;
    let app = router(AppState::new(store, Some(backend)));

    let (status, body) = get(&app, "/works/1/chapters/2").await;
    assert_eq!(status, StatusCode::OK);
    let nav = &body[body.find("class=\"series-nav\"").expect("series nav")..];
    assert!(
        nav.contains(&format!(
            "<a rel=\"prev\" href=\"/works/{first}\">← Previous work"
        )),
        "{nav}"
    );
    assert!(nav.contains("in the series: Souls Begin"));
    assert!(nav.contains(&format!(
        "<a rel=\"next\" href=\"/works/{third}\">Next work"
    )));
    assert!(nav.contains("Part 2 of <a href=\"/series/Souls%20%26%20Stakes\">"));

    let (_, body) = get(&app, &format!("/works/{first}")).await;
    let nav = &body[body.find("class=\"series-nav\"").expect("series nav")..];
    assert!(
        !nav.contains("Previous work"),
        "the first part has no previous work"
    );
    assert!(nav.contains("<a rel=\"next\" href=\"/works/1\">"));
    let (_, body) = get(&app, &format!("/works/{third}")).await;
    let nav = &body[body.find("class=\"series-nav\"").expect("series nav")..];
    assert!(!nav.contains("Next work"), "the last part has no next work");
    assert!(!body.contains("Extended</a>"), "another series leaked in");
}

#[tokio::test]
async fn the_series_page_lists_its_works() {
    let store = common::sample_store(0);
    store.add(common::series_work("Souls Begin", Some(1)), None);
    let backend = common::index_backend(store.clone()).await;
    let app = router(AppState::new(store, Some(backend)));
    let (status, body) = get(&app, "/series/Souls%20%26%20Stakes").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("<h1>Series: Souls &#38; Stakes</h1>"),
        "{body}"
    );
    assert!(body.contains(">Bloody Soul<") && body.contains(">Souls Begin<"));
}

#[tokio::test]
async fn saved_exclusions_apply_from_the_url() {
    let store = common::sample_store(4);
    ficarchive_store::Store::save_document(
        store.as_ref(),
        ficarchive_web::EXCLUSIONS_DOCUMENT,
        &serde_json::json!({"no-fluff": {"name": "no-fluff", "tags": ["Fluff"]}}),
    )
    .await
    .expect("save the exclusion sets");
    let backend = common::index_backend(store.clone()).await;
    let app = router(AppState::new(store, Some(backend)));
    let (status, body) = get(&app, "/works?exclusions=no-fluff").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains(">Bloody Soul<"));
    assert!(!body.contains("Drabble"), "the saved set hides Fluff");
    assert!(
        body.contains(r#"name="exclusions" value="no-fluff""#),
        "the filter form keeps the set"
    );
    let (status, body) = get(&app, "/works?exclusions=nonexistent").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("nonexistent"));
}
