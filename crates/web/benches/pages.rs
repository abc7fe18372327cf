//! Page rendering cost through the whole router (in-memory store, no network): a chapter of a
//! 100,000-word work, that work's entire-work page, the works index and the home page.
#![allow(missing_docs)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;

use axum::body::{Body, to_bytes};
use axum::http::Request;
use criterion::{Criterion, criterion_group, criterion_main};
use ficarchive_model::{Chapter, Paragraph, Work};
use ficarchive_web::{AppState, router};
use tower::ServiceExt;

/// 40 chapters of 2,500 words: 100,000 words.
fn big_work() -> Work {
    let sentence = "The Slayer walked the cemetery at night, stake in hand, listening for anything that moved.";
    let paragraph: String = std::iter::repeat_n(sentence, 5)
        .collect::<Vec<_>>()
        .join(" ");
    let mut w = common::long_work();
    w.title = Some("A Hundred Thousand Words".into());
    w.chapters = (1..=40)
        .map(|n| {
            let paras = (0..34)
                .map(|_| Paragraph::plain(paragraph.clone()))
                .collect();
            Chapter::from_paragraphs(n, Some(format!("Part {n}")), paras)
        })
        .collect();
    w
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let store = common::sample_store(200);
    let id = store.add(big_work(), None);
    let app = router(AppState::new(store, None));
    let fetch = |uri: String| {
        let app = app.clone();
        async move {
            let resp = app
                .oneshot(
                    Request::builder()
                        .uri(uri)
                        .body(Body::empty())
                        .expect("request"),
                )
                .await
                .expect("response");
            to_bytes(resp.into_body(), 64 << 20)
                .await
                .expect("body")
                .len()
        }
    };
    for (name, uri) in [
        (
            "chapter of a 100k-word work",
            format!("/works/{id}/chapters/20"),
        ),
        (
            "entire 100k-word work",
            format!("/works/{id}?view_full_work=true"),
        ),
        ("works index", "/works".to_string()),
        ("home", "/".to_string()),
    ] {
        let bytes = rt.block_on(fetch(uri.clone()));
        eprintln!("{name}: {bytes} bytes uncompressed");
        c.bench_function(name, |b| {
            b.iter(|| black_box(rt.block_on(fetch(uri.clone()))))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
