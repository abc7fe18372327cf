//! Router tests: every page, the API, errors, escaping and the security headers, driven in
//! process with `tower::ServiceExt::oneshot`.
#![allow(missing_docs)]

mod common;

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use ficarchive_web::{AppState, CONTENT_SECURITY_POLICY, router};
use tower::ServiceExt;

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
    /// Bytes on the wire (compressed when gzip was asked for).
    bytes: usize,
    /// The body as sent.
    raw: axum::body::Bytes,
}

async fn get_with(app: &axum::Router, uri: &str, accept_gzip: bool) -> Reply {
    let mut req = Request::builder().uri(uri);
    if accept_gzip {
        req = req.header(header::ACCEPT_ENCODING, "gzip");
    }
    let resp = app
        .clone()
        .oneshot(req.body(Body::empty()).expect("request"))
        .await
        .expect("router never fails");
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = to_bytes(resp.into_body(), 16 * 1024 * 1024)
        .await
        .expect("body");
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes: bytes.len(),
        raw: bytes,
    }
}

async fn get(app: &axum::Router, uri: &str) -> Reply {
    get_with(app, uri, false).await
}

fn app(extra: u32) -> axum::Router {
    router(AppState::new(common::sample_store(extra), None))
}

fn assert_no_raw_script(body: &str) {
    // Only our own external script may appear; nothing from a work.
    let scripts = body.matches("<script").count();
    let ours = body.matches("<script src=\"/static/app.js").count();
    assert_eq!(
        scripts, ours,
        "a <script> from data leaked into the page:\n{body}"
    );
    assert!(!body.contains("<img src=x"), "an author name leaked raw");
    assert!(!body.contains("<i>Evil Fandom</i>"), "a fandom leaked raw");
}

#[tokio::test]
async fn home_lists_recent_works_and_fandoms() {
    let app = app(3);
    let r = get(&app, "/").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Bloody Soul"));
    assert!(r.body.contains("Drabble 3"));
    assert!(r.body.contains("Angel: the Series"));
    assert!(r.body.contains("<main id=\"main\""));
    assert!(r.body.contains("role=\"search\""));
    assert_no_raw_script(&r.body);
}

#[tokio::test]
async fn works_index_shows_blurbs_with_symbols_and_pages() {
    let app = app(25);
    let r = get(&app, "/works").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("1 – 20 of 27 works"), "{}", r.body);
    assert!(r.body.contains("aria-label=\"Pages\""));
    assert!(r.body.contains("href=\"/works?page=2\""));
    let r = get(&app, "/works?page=2").await;
    assert!(r.body.contains("21 – 27 of 27 works"));
    // Blurb of the long work: symbols with text alternatives, chapter fraction, tags in order.
    assert!(r.body.contains("Rating: Teen And Up Audiences"));
    assert!(r.body.contains("Work in progress"));
    assert!(r.body.contains("<dd>3/?</dd>"));
    let rel = r
        .body
        .find("Buffy Summers/Spike")
        .expect("relationship tag");
    let free = r.body.find(">Angst<").expect("freeform tag");
    assert!(rel < free, "tags are in AO3's order of kind");
    assert!(
        r.body
            .contains("Part 2 of <a href=\"/series/Souls%20%26%20Stakes\">")
    );
    assert_no_raw_script(&r.body);
}

#[tokio::test]
async fn works_index_filters_by_fandom_rating_and_words() {
    let app = app(3);
    let r = get(&app, "/works?include=Angel%3A+the+Series").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("of 3 works"));
    assert!(!r.body.contains("Bloody Soul"));
    let r = get(&app, "/works?exclude=Angel%3A+the+Series").await;
    assert!(r.body.contains("Bloody Soul"));
    assert!(!r.body.contains("Drabble 1"));
    let r = get(&app, "/works?rating=Teen+And+Up+Audiences").await;
    assert!(r.body.contains("of 1 work"));
    let r = get(&app, "/works?complete=complete&sort=title").await;
    assert!(!r.body.contains(">Bloody Soul<"));
    let r = get(&app, "/works?words_from=5000").await;
    assert!(r.body.contains("No works found"));
    // Facet counts beside the checkboxes, and the checked state kept.
    let r = get(&app, "/works?include=Angel%3A+the+Series").await;
    assert!(r.body.contains("value=\"Angel: the Series\" checked"));
}

#[tokio::test]
async fn bad_filters_are_explained() {
    let app = app(0);
    let r = get(&app, "/works?words_from=lots").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("words from must be a whole number"));
    let r = get(&app, "/works?sort=colour").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn work_page_shows_preface_first_chapter_and_navigation() {
    let app = app(0);
    let r = get(&app, "/works/1").await;
    assert_eq!(r.status, StatusCode::OK);
    let b = &r.body;
    assert!(b.contains("<h1 id=\"work-title\" class=\"work-title\">Bloody Soul</h1>"));
    for label in [
        "Rating:",
        "Archive Warning:",
        "Category:",
        "Fandom:",
        "Relationship:",
        "Characters:",
        "Additional Tags:",
        "Language:",
        "Series:",
        "Stats:",
    ] {
        assert!(b.contains(label), "preface lacks {label}");
    }
    assert!(b.contains("Published:</dt> <dd>2008-03-01"));
    assert!(b.contains("Kudos:</dt> <dd>1,234"));
    assert!(b.contains("Chapter 1: Poisons"));
    assert!(!b.contains("Chapter 2: Antidotes</h2>"));
    assert!(b.contains("Chapter notes"));
    assert!(b.contains("this chapter was hard to write"));
    assert!(b.contains("Chapter end notes"));
    assert!(
        b.contains("She was <em>very</em> tired."),
        "sanitised HTML renders as HTML"
    );
    assert!(b.contains("aria-label=\"Scene break\""));
    assert!(b.contains("href=\"/works/1/chapters/2\""));
    assert!(b.contains("Next chapter"));
    assert!(!b.contains("Previous chapter"));
    assert!(b.contains("/works/1/insight"));
    assert!(b.contains("/works/1/download.json"));
    assert!(b.contains("Chapter index"));
    // End notes only at the end.
    assert!(!b.contains("Thanks for reading!"));
}

#[tokio::test]
async fn chapter_pages_move_between_chapters() {
    let app = app(0);
    let r = get(&app, "/works/1/chapters/2").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Chapter 2: Antidotes"));
    assert!(r.body.contains("rel=\"prev\" href=\"/works/1/chapters/1\""));
    assert!(r.body.contains("rel=\"next\" href=\"/works/1/chapters/3\""));
    assert!(
        r.body
            .contains("aria-current=\"page\">Chapter 2: Antidotes")
    );
    let r = get(&app, "/works/1/chapters/3").await;
    assert!(
        r.body.contains("Thanks for reading!"),
        "end notes after the last chapter"
    );
    assert!(!r.body.contains("Next chapter"));
    let r = get(&app, "/works/1/chapters/9").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("has no chapter 9"));
}

#[tokio::test]
async fn entire_work_view_has_every_chapter() {
    let app = app(0);
    let r = get(&app, "/works/1?view_full_work=true").await;
    assert_eq!(r.status, StatusCode::OK);
    for h in ["Chapter 1: Poisons", "Chapter 2: Antidotes", "Chapter 3"] {
        assert!(r.body.contains(h));
    }
    assert!(r.body.contains("Thanks for reading!"));
    assert!(r.body.contains("Chapter by chapter"));
}

#[tokio::test]
async fn hostile_strings_are_escaped_everywhere() {
    let app = app(0);
    for uri in [
        "/",
        "/works",
        "/works/2",
        "/fandoms",
        "/authors/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "/tags/%3Ci%3EEvil%20Fandom%3C%2Fi%3E",
    ] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
        assert_no_raw_script(&r.body);
    }
    let r = get(&app, "/works/2").await;
    assert!(r.body.contains("<h1 id=\"work-title\" class=\"work-title\">&#60;script&#62;alert(&#39;title&#39;)&#60;/script&#62;</h1>"));
    assert!(r.body.contains(
        "<p>&#60;script&#62;alert(&#39;text&#39;)&#60;/script&#62; is only text here.</p>"
    ));
    assert!(
        r.body
            .contains("href=\"/tags/%22%3E%3Cscript%3Ealert%282%29%3C%2Fscript%3E\"")
    );
    // A one-shot has no chapter navigation.
    assert!(!r.body.contains("Chapter index"));
}

#[tokio::test]
async fn security_headers_and_gzip() {
    let app = app(10);
    let r = get_with(&app, "/works", true).await;
    assert_eq!(
        r.headers[header::CONTENT_SECURITY_POLICY],
        CONTENT_SECURITY_POLICY
    );
    assert_eq!(r.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(r.headers[header::X_FRAME_OPTIONS], "DENY");
    assert_eq!(r.headers[header::CONTENT_ENCODING], "gzip");
    assert!(!CONTENT_SECURITY_POLICY.contains("unsafe-inline"));
    let r = get(&app, "/works").await;
    assert!(
        !r.body.contains(" style=\""),
        "no inline styles: the CSP forbids them"
    );
    assert!(!r.body.contains("<style"), "no inline style elements");
    let r = get(&app, "/nope").await;
    assert_eq!(
        r.headers[header::CONTENT_SECURITY_POLICY],
        CONTENT_SECURITY_POLICY
    );
}

fn gunzip(raw: &[u8]) -> String {
    use std::io::Read;
    let mut out = String::new();
    flate2::read::GzDecoder::new(raw)
        .read_to_string(&mut out)
        .expect("a gzip body");
    out
}

/// A page answered from the page cache comes gzipped to a reader who accepts gzip (compressed
/// once, not per request) and plain to one who does not, with the same text and headers as the
/// first, rendered answer.
#[tokio::test]
async fn cached_pages_come_gzipped_or_plain() {
    let app = app(10);
    let rendered = get_with(&app, "/works", true).await;
    assert_eq!(rendered.headers[header::CONTENT_ENCODING], "gzip");
    let text = gunzip(&rendered.raw);
    assert!(text.contains("</html>"));
    for _ in 0..2 {
        let cached = get_with(&app, "/works", true).await;
        assert_eq!(cached.status, StatusCode::OK);
        assert_eq!(cached.headers[header::CONTENT_ENCODING], "gzip");
        assert_eq!(cached.headers[header::VARY], "accept-encoding");
        assert_eq!(
            cached.headers[header::CONTENT_SECURITY_POLICY],
            CONTENT_SECURITY_POLICY
        );
        assert_eq!(gunzip(&cached.raw), text);
    }
    let plain = get(&app, "/works").await;
    assert!(plain.headers.get(header::CONTENT_ENCODING).is_none());
    assert_eq!(plain.body, text);
    // "gzip;q=0" refuses gzip.
    let resp = app
        .clone()
        .oneshot(
            Request::builder()
                .uri("/works")
                .header(header::ACCEPT_ENCODING, "gzip;q=0")
                .body(Body::empty())
                .expect("request"),
        )
        .await
        .expect("router never fails");
    assert!(resp.headers().get(header::CONTENT_ENCODING).is_none());
}

#[tokio::test]
async fn not_found_pages_help() {
    let app = app(0);
    for (uri, says) in [
        ("/no/such/page", "Nothing lives at this address"),
        ("/works/999", "There is no work 999"),
        ("/works/abc", "is not a work number"),
        ("/works/1/whatever", "nothing called"),
        ("/works/2/insight", "has not been analysed"),
    ] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(r.body.contains(says), "{uri}: {}", r.body);
        assert!(
            r.body.contains("href=\"/works\""),
            "error pages link onwards"
        );
    }
}

#[tokio::test]
async fn insight_page_draws_svg_with_tables() {
    let app = app(0);
    let r = get(&app, "/works/1/insight").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body.matches("<svg class=\"chart\"").count(), 4);
    assert_eq!(r.body.matches("<table>").count(), 4);
    assert!(r.body.contains("Share of dialogue by character"));
    assert!(r.body.contains("Point of view across chapters and scenes"));
    assert!(r.body.contains("Who talks to whom"));
    assert!(r.body.contains("Buffy &amp; Spike"));
    assert!(r.body.contains("0.72"));
}

#[tokio::test]
async fn tag_author_series_and_fandom_pages() {
    let app = app(2);
    let r = get(&app, "/fandoms").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body
            .contains("Angel: the Series</a> <span class=\"count\">(2)</span>")
    );
    let r = get(&app, "/tags/Angel%3A%20the%20Series").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Works tagged “Angel: the Series”"));
    assert!(r.body.contains("Drabble 1"));
    assert!(!r.body.contains(">Bloody Soul<"));
    let r = get(&app, "/authors/Kallysten").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Works by Kallysten"));
    assert!(r.body.contains(">Bloody Soul<"));
    assert!(!r.body.contains("Drabble 1"));
    let r = get(&app, "/series/Souls%20%26%20Stakes").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Series: Souls &#38; Stakes"));
}

#[tokio::test]
async fn tag_page_shows_the_taxonomy() {
    let store = common::sample_store(1);
    let mut tax = ficarchive_model::Taxonomy::new();
    tax.make_canonical(ficarchive_model::TagKind::Fandom, "Angel: the Series")
        .unwrap();
    tax.merge_synonym("Angel (TV)", "Angel: the Series")
        .unwrap();
    tax.make_canonical(ficarchive_model::TagKind::Character, "Angel")
        .unwrap();
    tax.set_parent("Angel", "Angel: the Series").unwrap();
    ficarchive_store::Store::save_document(
        &*store,
        "taxonomy",
        &serde_json::to_value(&tax).unwrap(),
    )
    .await
    .unwrap();
    let app = router(AppState::new(store, None));
    let r = get(&app, "/tags/Angel%20(TV)").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body
            .contains("is a synonym of <a href=\"/tags/Angel%3A%20the%20Series\">"),
        "{}",
        r.body
    );
    let r = get(&app, "/tags/Angel%3A%20the%20Series").await;
    assert!(r.body.contains("Also written: Angel (TV)"));
    assert!(
        r.body
            .contains("Child tags: <a href=\"/tags/Angel\">Angel</a>")
    );
}

#[tokio::test]
async fn json_api() {
    let app = app(3);
    let r = get(&app, "/api/works?per_page=2").await;
    assert_eq!(r.status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["total"], 5);
    assert_eq!(v["works"].as_array().unwrap().len(), 2);
    let r = get(&app, "/api/works/1").await;
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["id"], 1);
    assert_eq!(v["title"], "Bloody Soul");
    assert_eq!(v["chapters"].as_array().unwrap().len(), 3);
    assert!(v["analysis"]["characters"].is_array());
    let r = get(&app, "/api/works/77").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert!(v["error"].as_str().unwrap().contains("no work 77"));
    let r = get(&app, "/api/works?words_from=x").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = get(&app, "/api/tags?q=ang").await;
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["tags"][0]["name"], "Angel: the Series");
}

#[tokio::test]
async fn downloads_and_static_files() {
    let app = app(0);
    let r = get(&app, "/works/1/download.json").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("Bloody_Soul.json")
    );
    let w = ficarchive_model::Work::from_json(&r.body).unwrap();
    assert_eq!(w.chapters.len(), 3);
    for (ext, ty) in [
        ("epub", "application/epub+zip"),
        ("html", "text/html"),
        ("txt", "text/plain"),
    ] {
        let r = get(&app, &format!("/works/1/download.{ext}")).await;
        assert_eq!(r.status, StatusCode::OK, "{ext}");
        assert!(
            r.headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with(ty)
        );
        assert!(
            r.headers[header::CONTENT_DISPOSITION]
                .to_str()
                .unwrap()
                .contains(&format!("Bloody_Soul.{ext}"))
        );
    }
    let r = get(&app, "/works/1/download.txt").await;
    assert!(r.body.contains("Hello there, Spike"));
    let r = get(&app, "/works/1/download.pdf").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("EPUB, HTML, TXT and JSON"));
    for (path, ty) in [
        ("/static/style.css", "text/css"),
        ("/static/app.js", "text/javascript"),
        ("/static/favicon.svg", "image/svg+xml"),
    ] {
        let r = get(&app, path).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            r.headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with(ty)
        );
        assert!(
            r.headers[header::CACHE_CONTROL]
                .to_str()
                .unwrap()
                .contains("immutable")
        );
    }
}

#[tokio::test]
async fn every_control_has_a_label() {
    let app = app(3);
    for uri in ["/", "/works", "/works/1", "/works/1/insight"] {
        let body = get(&app, uri).await.body;
        for cap in body
            .split("<input")
            .skip(1)
            .chain(body.split("<select").skip(1))
        {
            let tag = &cap[..cap.find('>').unwrap_or(cap.len())];
            if tag.contains("type=\"hidden\"") {
                continue;
            }
            let id = tag
                .split("id=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or_else(|| panic!("{uri}: control without id: {tag}"));
            assert!(
                body.contains(&format!("for=\"{id}\"")),
                "{uri}: no label for #{id}"
            );
        }
    }
}

#[tokio::test]
async fn a_long_work_is_served_one_small_chapter_at_a_time() {
    let store = common::sample_store(0);
    let sentence = "The Slayer walked the cemetery at night, stake in hand, listening for anything that moved.";
    let paragraph: String = std::iter::repeat_n(sentence, 5)
        .collect::<Vec<_>>()
        .join(" ");
    let mut w = common::long_work();
    w.chapters = (1..=40)
        .map(|n| {
            let paras = (0..34)
                .map(|_| ficarchive_model::Paragraph::plain(paragraph.clone()))
                .collect();
            ficarchive_model::Chapter::from_paragraphs(n, Some(format!("Part {n}")), paras)
        })
        .collect();
    assert!(w.words() >= 100_000, "{} words", w.words());
    let id = store.add(w, None);
    let app = router(AppState::new(store, None));
    let plain = get(&app, &format!("/works/{id}/chapters/20")).await;
    let gzipped = get_with(&app, &format!("/works/{id}/chapters/20"), true).await;
    let full = get(&app, &format!("/works/{id}?view_full_work=true")).await;
    let home = get_with(&app, "/", true).await;
    let works = get_with(&app, "/works", true).await;
    eprintln!(
        "bytes: chapter {} (gzip {}), entire work {}, home gzip {}, works gzip {}",
        plain.bytes, gzipped.bytes, full.bytes, home.bytes, works.bytes
    );
    assert!(plain.body.contains("Chapter 20: Part 20"));
    assert!(!plain.body.contains("Chapter 21: Part 21</h2>"));
    assert!(
        plain.body.len() < 40_000,
        "a chapter page weighs {} bytes",
        plain.body.len()
    );
    assert!(
        gzipped.bytes < plain.bytes / 3,
        "gzip did not shrink the page"
    );
    assert!(
        full.body.len() > 20 * plain.body.len(),
        "the entire work holds every chapter"
    );
}

#[tokio::test]
async fn no_page_has_inline_script_style_or_handlers() {
    let app = app(3);
    for uri in [
        "/",
        "/works",
        "/works?include=Angst&sort=title",
        "/works/1",
        "/works/1/chapters/2",
        "/works/1?view_full_work=true",
        "/works/2",
        "/works/1/insight",
        "/fandoms",
        "/tags/Angst",
        "/authors/Kallysten",
        "/series/Souls%20%26%20Stakes",
        "/works/999",
        "/works?words_from=x",
    ] {
        let r = get(&app, uri).await;
        assert_eq!(
            r.headers[header::CONTENT_SECURITY_POLICY],
            CONTENT_SECURITY_POLICY,
            "{uri}"
        );
        let scripts: Vec<&str> = r.body.split("<script").skip(1).collect();
        assert_eq!(scripts.len(), 1, "{uri}: one script, ours");
        assert!(
            scripts[0].starts_with(" src=\"/static/app.js?v="),
            "{uri}: inline script"
        );
        assert!(!r.body.contains("<style"), "{uri}: inline style element");
        assert!(!r.body.contains(" style=\""), "{uri}: style attribute");
        // Inside real tags (escaped text has no `<`), no event handler or script URL.
        for tag in r.body.split('<').skip(1) {
            let tag = tag[..tag.find('>').unwrap_or(tag.len())].to_lowercase();
            for bad in [
                " onload=",
                " onclick=",
                " onerror=",
                " onchange=",
                "javascript:",
            ] {
                assert!(!tag.contains(bad), "{uri}: <{tag}>");
            }
        }
    }
}

/// How to run epubcheck: Debian installs an executable jar, which runs directly only where
/// binfmt_misc knows jars, so `java -jar` on it is tried first.
fn epubcheck_command() -> Option<Vec<String>> {
    let candidates: Vec<Vec<String>> = vec![
        vec![
            "java".into(),
            "-XX:TieredStopAtLevel=1".into(),
            "-jar".into(),
            "/usr/share/java/epubcheck.jar".into(),
        ],
        vec!["epubcheck".into()],
    ];
    candidates.into_iter().find(|c| {
        (c.len() == 1 || std::path::Path::new(&c[c.len() - 1]).exists())
            && std::process::Command::new(&c[0])
                .args(&c[1..])
                .arg("--version")
                .output()
                .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("EPUBCheck"))
    })
}

/// The EPUB download is a valid EPUB (epubcheck), when epubcheck is installed.
#[tokio::test]
async fn the_epub_download_passes_epubcheck() {
    let Some(epubcheck) = epubcheck_command() else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("epubcheck is required under CI=true: apt-get install -y epubcheck");
        }
        eprintln!(
            "\n========== SKIP ==========\nepubcheck not installed: the EPUB download is not validated\n==========================\n"
        );
        return;
    };
    let app = app(0);
    let resp = app
        .clone()
        .oneshot(
            Request::builder()
                .uri("/works/1/download.epub")
                .body(Body::empty())
                .expect("request"),
        )
        .await
        .expect("response");
    assert_eq!(resp.status(), StatusCode::OK);
    let bytes = to_bytes(resp.into_body(), 16 << 20).await.expect("body");
    let dir = std::env::temp_dir().join(format!("ficarchive-web-epub-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("Bloody_Soul.epub");
    std::fs::write(&path, &bytes).expect("write epub");
    let check = std::process::Command::new(&epubcheck[0])
        .args(&epubcheck[1..])
        .arg(&path)
        .output()
        .expect("run epubcheck");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        check.status.success(),
        "epubcheck rejected the download:\n{}\n{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
}
