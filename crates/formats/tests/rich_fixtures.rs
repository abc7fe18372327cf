//! Real files: FanFicFare's own output (made offline by `fixtures/make_fixtures.sh`) and
//! AO3-layout downloads built by following AO3's download templates. Each is read through the
//! front door, so detection is tested too.

use chrono::NaiveDate;
use ficarchive_formats::{Limits, read};
use ficarchive_model::{Rating, Series, SourceFormat, Status, Work};

fn fixture(path: &str) -> Vec<u8> {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&full).unwrap_or_else(|e| panic!("cannot read {full}: {e}"))
}

fn read_fixture(path: &str) -> Work {
    let name = path.rsplit('/').next();
    read(&fixture(path), name, &Limits::default())
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .work
}

fn texts(work: &Work, chapter: usize) -> Vec<String> {
    work.chapters[chapter]
        .paragraphs()
        .map(|p| p.text.clone())
        .collect()
}

/// What every FanFicFare rendering of "Light's Lit" must carry.
fn check_lights_lit(w: &Work, format: SourceFormat) {
    assert_eq!(w.source.format, Some(format));
    assert_eq!(w.title.as_deref(), Some("Light's Lit"));
    assert_eq!(w.authors, vec!["quietharbour"]);
    assert_eq!(w.tags.fandoms, vec!["Original Work"]);
    assert_eq!(
        w.tags.freeform,
        vec!["Fluff", "Friends to Lovers", "Hurt/Comfort", "Slow Burn"]
    );
    assert_eq!(
        w.tags.characters,
        vec!["Mara (Original Character)", "Tomas (Original Character)"]
    );
    assert_eq!(w.tags.relationships, vec!["Mara/Tomas"]);
    assert_eq!(w.tags.warnings, vec!["No Archive Warnings Apply"]);
    assert_eq!(w.tags.rating, Some(Rating::Teen));
    assert_eq!(w.status, Status::Complete);
    assert_eq!(w.language.as_deref(), Some("English"));
    assert_eq!(
        w.series,
        vec![Series {
            name: "Harbour Lights".into(),
            part: Some(2)
        }]
    );
    assert_eq!(w.dates.published, NaiveDate::from_ymd_opt(2021, 2, 14));
    assert_eq!(w.dates.updated, NaiveDate::from_ymd_opt(2021, 3, 7));
    assert_eq!(w.source.url.as_deref(), Some("http://test1.com?sid=1001"));
    assert_eq!(w.summary.as_deref(), Some("Eleven days without a light."));
    let titles: Vec<_> = w.chapters.iter().map(|c| c.title.clone()).collect();
    assert_eq!(
        titles,
        vec![
            Some("Oil and a Grudge".to_string()),
            Some("Bread".to_string()),
            Some("Epilogue".to_string())
        ]
    );
    let numbers: Vec<u32> = w.chapters.iter().map(|c| c.number).collect();
    assert_eq!(numbers, vec![1, 2, 3]);
    let ch1 = &w.chapters[0];
    assert_eq!(ch1.notes_before.len(), 1, "{:?}", ch1.notes_before);
    assert!(
        ch1.notes_before[0]
            .text
            .starts_with("A/N: This is my first story")
    );
    assert_eq!(ch1.scenes.len(), 2, "the * * * line breaks the scene");
    assert!(texts(w, 0)[0].starts_with("The lighthouse had been dark"));
    let ch2 = &w.chapters[1];
    assert_eq!(ch2.scenes.len(), 3, "<hr/> and ~~~ break scenes");
    assert_eq!(ch2.notes_after.len(), 1);
    assert!(ch2.notes_after[0].text.starts_with("End Notes: Thanks"));
    assert_eq!(w.chapters[2].scenes.len(), 2, "- - - - - breaks the scene");
}

#[test]
fn fanficfare_epub2() {
    let w = read_fixture("fanficfare/lightslit_1001.epub");
    check_lights_lit(&w, SourceFormat::FanficfareEpub);
    assert_eq!(
        w.source.uid.as_deref(),
        Some("fanficfare-uid:test1.com-uquietharbour-s1001")
    );
    // Emphasis survives as sanitised HTML.
    let asked = w.chapters[0]
        .paragraphs()
        .find(|p| p.text.contains("asked"))
        .and_then(|p| p.html.clone());
    assert_eq!(
        asked.as_deref(),
        Some(
            "<p>\"You could have <em>asked</em>,\" Tomas said from the doorway. He did not move aside.</p>"
        )
    );
}

#[test]
fn fanficfare_epub3() {
    let w = read_fixture("fanficfare/lightslit_1001_epub3.epub");
    check_lights_lit(&w, SourceFormat::FanficfareEpub);
}

#[test]
fn fanficfare_html() {
    let w = read_fixture("fanficfare/lightslit_1001.html");
    check_lights_lit(&w, SourceFormat::FanficfareHtml);
}

#[test]
fn fanficfare_txt() {
    let w = read_fixture("fanficfare/lightslit_1001.txt");
    check_lights_lit(&w, SourceFormat::FanficfareText);
    assert!(
        w.chapters[0].paragraphs().any(|p| p
            .html
            .as_deref()
            .is_some_and(|h| h.contains("<em>asked</em>"))),
        "html2text's _asked_ is emphasis again"
    );
}

#[test]
fn fanficfare_lorem_test_site_in_three_formats() {
    for (path, status) in [
        ("fanficfare/test1_sid1.epub", Status::InProgress),
        ("fanficfare/test1_sid2.html", Status::Complete),
        ("fanficfare/test1_sid3.txt", Status::InProgress),
    ] {
        let w = read_fixture(path);
        assert_eq!(w.chapters.len(), 9, "{path}");
        assert_eq!(w.status, status, "{path}");
        assert!(
            w.title
                .as_deref()
                .is_some_and(|t| t.starts_with("Test Story Title")),
            "{path}"
        );
        assert!(!w.tags.fandoms.is_empty(), "{path}");
        assert!(!w.tags.relationships.is_empty(), "{path}");
        assert!(
            w.tags.relationships.iter().any(|r| r.contains('&')),
            "{path}: {:?}",
            w.tags.relationships
        );
        assert!(
            w.tags.iter().all(|(_, t)| !t.contains("&amp;")),
            "{path}: entities are decoded once: {:?}",
            w.tags
        );
        assert_eq!(
            w.series.first().map(|s| s.name.as_str()),
            Some("The Great Test"),
            "{path}"
        );
        assert!(w.words() > 1000, "{path}");
        for c in &w.chapters {
            for p in c.paragraphs() {
                if let Some(h) = &p.html {
                    assert!(!h.contains("<script"), "{path}");
                }
            }
        }
    }
}

fn check_keeper(w: &Work) {
    assert_eq!(w.title.as_deref(), Some("The Keeper's Log"));
    assert_eq!(w.authors, vec!["quietharbour", "saltmarsh"]);
    assert_eq!(
        w.source.url.as_deref(),
        Some("http://archiveofourown.org/works/4242")
    );
    assert_eq!(w.tags.rating, Some(Rating::Teen));
    assert_eq!(
        w.tags.warnings,
        vec!["No Archive Warnings Apply", "Major Character Death"]
    );
    assert_eq!(w.tags.categories, vec!["F/M"]);
    assert_eq!(w.tags.fandoms, vec!["Original Work"]);
    assert_eq!(w.tags.relationships, vec!["Mara/Tomas", "Mara & Ines"]);
    assert_eq!(w.tags.characters.len(), 3);
    assert_eq!(
        w.tags.freeform,
        vec!["Lighthouses", "Slow Burn", "Hurt/Comfort"]
    );
    assert_eq!(w.language.as_deref(), Some("English"));
    assert_eq!(
        w.series,
        vec![
            Series {
                name: "Harbour Lights".into(),
                part: Some(2)
            },
            Series {
                name: "Coastal Winters".into(),
                part: Some(1)
            }
        ]
    );
    assert_eq!(
        w.collections,
        vec!["Sea Stories Fest 2021", "Light Exchange"]
    );
    assert_eq!(w.dates.published, NaiveDate::from_ymd_opt(2021, 2, 14));
    assert_eq!(w.dates.updated, NaiveDate::from_ymd_opt(2021, 3, 7));
    assert_eq!(w.status, Status::InProgress);
    assert_eq!(w.expected_chapters, None);
    assert_eq!(
        w.summary.as_deref(),
        Some(
            "Two keepers, one log, and a winter that will not end.\n\nSecond paragraph of the summary."
        )
    );
    assert_eq!(w.notes.len(), 1);
    assert!(
        w.notes[0]
            .text
            .starts_with("Written for the Light Exchange")
    );
    assert_eq!(w.end_notes.len(), 1);
    assert!(w.end_notes[0].text.starts_with("Thank you for reading"));
    assert_eq!(w.chapters.len(), 2);
    let c1 = &w.chapters[0];
    assert_eq!(c1.number, 1);
    assert_eq!(c1.title.as_deref(), Some("The First Entry"));
    assert_eq!(c1.summary.as_deref(), Some("Mara writes the first line."));
    assert_eq!(c1.notes_before.len(), 1);
    assert_eq!(c1.notes_after.len(), 1);
    assert_eq!(c1.notes_after[0].text, "Next chapter: the storm.");
    assert_eq!(c1.scenes.len(), 2);
    let line_breaks = c1
        .paragraphs()
        .find(|p| p.text.starts_with("Tomas read it"))
        .expect("the paragraph with line breaks");
    assert_eq!(
        line_breaks.text,
        "Tomas read it over her shoulder.\n\"That's all?\"\n\"That's all that happened.\""
    );
    for p in c1.paragraphs() {
        let h = p.html.as_deref().unwrap_or("");
        assert!(!h.contains("onclick") && !h.contains("<script") && !h.contains("<img"));
        assert!(!p.text.contains("tracking"));
    }
    let c2 = &w.chapters[1];
    assert_eq!(c2.number, 2);
    assert_eq!(c2.title, None);
    assert_eq!(c2.scenes.len(), 2);
}

#[test]
fn ao3_html_multichapter() {
    let w = read_fixture("ao3/keeper_multichapter.html");
    assert_eq!(w.source.format, Some(SourceFormat::Ao3Html));
    check_keeper(&w);
}

#[test]
fn ao3_epub_multichapter() {
    let w = read_fixture("ao3/keeper_multichapter.epub");
    assert_eq!(w.source.format, Some(SourceFormat::Ao3Epub));
    check_keeper(&w);
}

#[test]
fn ao3_html_oneshot() {
    let w = read_fixture("ao3/gull_oneshot.html");
    assert_eq!(w.title.as_deref(), Some("Gull"));
    assert_eq!(w.authors, vec!["Anonymous"]);
    assert_eq!(w.status, Status::Complete);
    assert_eq!(w.dates.completed, NaiveDate::from_ymd_opt(2020, 6, 3));
    assert_eq!(w.tags.categories, vec!["Gen"]);
    assert_eq!(w.chapters.len(), 1);
    assert_eq!(w.chapters[0].paragraphs().count(), 2);
}

/// What every rendering of pandoc's "The Tide Clock" must carry (fixtures/pandoc, made by
/// `make_fixtures.sh pandoc` from tide_clock.md).
fn check_tide_clock(w: &Work, format: SourceFormat) {
    assert_eq!(w.source.format, Some(format));
    assert_eq!(w.title.as_deref(), Some("The Tide Clock"));
    assert_eq!(w.authors, vec!["Wren Adair", "Ollie Marsh"]);
    assert_eq!(w.language.as_deref(), Some("en-GB"));
    assert_eq!(
        w.summary.as_deref(),
        Some("A clockmaker, a tide table, and the one hour that never comes back.")
    );
    assert_eq!(w.dates.published, NaiveDate::from_ymd_opt(2019, 8, 30));
    let chapters: Vec<_> = w
        .chapters
        .iter()
        .map(|c| (c.number, c.title.clone(), c.scenes.len()))
        .collect();
    assert_eq!(
        chapters,
        vec![
            (1, Some("The Wrong Hour".to_string()), 2),
            (2, Some("Slack Water".to_string()), 1),
            (3, Some("High Water".to_string()), 1),
        ],
        "the title page and pandoc's table of contents are not chapters"
    );
    // `wc -w` of the Markdown body without its headings and the "* * *" line.
    assert_eq!(w.words(), 103, "every word of the story, and nothing else");
    let emphasis = w.chapters[0]
        .paragraphs()
        .find(|p| p.text.starts_with("Everyone except"))
        .and_then(|p| p.html.clone());
    assert_eq!(
        emphasis.as_deref(),
        Some("<p>Everyone except <em>Ines</em>, who had built it.</p>")
    );
    assert!(w.warnings.is_empty(), "{:?}", w.warnings);
}

#[test]
fn pandoc_epub2() {
    let w = read_fixture("pandoc/tide_clock_epub2.epub");
    check_tide_clock(&w, SourceFormat::Epub);
    assert_eq!(w.tags.freeform, vec!["Lighthouses"], "dc:subject");
    assert_eq!(
        w.source.url.as_deref(),
        Some("https://example.org/stories/tide-clock")
    );
}

#[test]
fn pandoc_epub3() {
    let w = read_fixture("pandoc/tide_clock_epub3.epub");
    check_tide_clock(&w, SourceFormat::Epub);
    assert_eq!(w.tags.freeform, vec!["Lighthouses"], "dc:subject");
    assert_eq!(
        w.source.url.as_deref(),
        Some("https://example.org/stories/tide-clock")
    );
}

#[test]
fn pandoc_standalone_html() {
    let w = read_fixture("pandoc/tide_clock.html");
    check_tide_clock(&w, SourceFormat::Html);
}

#[test]
fn markdown_with_pandoc_metadata_block() {
    let w = read_fixture("pandoc/tide_clock.md");
    check_tide_clock(&w, SourceFormat::Markdown);
    assert_eq!(w.tags.freeform, vec!["Lighthouses"]);
    assert_eq!(
        w.source.url.as_deref(),
        Some("https://example.org/stories/tide-clock")
    );
}

/// What identity matching (crates/store identity.rs) keys on: every real file fills the source
/// URL, and FanFicFare's EPUBs their uid, so a work imported again from another format or file
/// is recognised.
#[test]
fn every_fixture_fills_source_info() {
    let lights = Some("http://test1.com?sid=1001");
    let lights_uid = Some("fanficfare-uid:test1.com-uquietharbour-s1001");
    let keeper = Some("http://archiveofourown.org/works/4242");
    let tide = Some("https://example.org/stories/tide-clock");
    for (path, url, uid) in [
        ("fanficfare/lightslit_1001.epub", lights, lights_uid),
        ("fanficfare/lightslit_1001_epub3.epub", lights, lights_uid),
        ("fanficfare/lightslit_1001.html", lights, None),
        ("fanficfare/lightslit_1001.txt", lights, None),
        (
            "fanficfare/test1_sid1.epub",
            Some("http://test1.com?sid=1"),
            Some("fanficfare-uid:test1.com-u98765-s1"),
        ),
        (
            "fanficfare/test1_sid2.html",
            Some("http://test1.com?sid=2"),
            None,
        ),
        (
            "fanficfare/test1_sid3.txt",
            Some("http://test1.com?sid=3"),
            None,
        ),
        ("ao3/keeper_multichapter.html", keeper, None),
        (
            "ao3/keeper_multichapter.epub",
            keeper,
            Some("5e0c2a8e-1b1a-4c6e-9d7a-000000004242"),
        ),
        (
            "ao3/gull_oneshot.html",
            Some("http://archiveofourown.org/works/99"),
            None,
        ),
        ("pandoc/tide_clock_epub2.epub", tide, None),
        ("pandoc/tide_clock_epub3.epub", tide, None),
        ("pandoc/tide_clock.md", tide, None),
    ] {
        let w = read_fixture(path);
        assert_eq!(w.source.url.as_deref(), url, "{path}: url");
        assert_eq!(w.source.uid.as_deref(), uid, "{path}: uid");
        assert_eq!(
            w.source.file_name.as_deref(),
            path.rsplit('/').next(),
            "{path}: file name"
        );
    }
}

/// FanFicFare's own update of a file (`-u`): the same work before and after, which identity
/// matching must take for one work with a new chapter.
#[test]
fn fanficfare_update_keeps_identity_and_adds_a_chapter() {
    let v1 = read_fixture("fanficfare/lightslit_v1.epub");
    let v2 = read_fixture("fanficfare/lightslit_v2_updated.epub");
    assert_eq!(v1.source.uid, v2.source.uid);
    assert_eq!(
        v1.source.uid.as_deref(),
        Some("fanficfare-uid:test1.com-uquietharbour-s1001")
    );
    assert_eq!(v1.source.url, v2.source.url);
    assert_eq!((v1.chapters.len(), v1.status), (2, Status::InProgress));
    assert_eq!((v2.chapters.len(), v2.status), (3, Status::Complete));
    assert_eq!(v1.dates.updated, NaiveDate::from_ymd_opt(2021, 2, 21));
    assert_eq!(v2.dates.updated, NaiveDate::from_ymd_opt(2021, 3, 7));
    for i in 0..2 {
        assert_eq!(texts(&v1, i), texts(&v2, i), "chapter {} unchanged", i + 1);
    }
    check_lights_lit(&v2, SourceFormat::FanficfareEpub);
}
