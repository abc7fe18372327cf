//! Property tests, one group per reader: generated works survive export and import exactly
//! (EPUB, HTML/AO3, JSON), generated FanFicFare, Markdown and generic HTML files give back what
//! they were made from, and mutated real files never panic any reader.

use chrono::NaiveDate;
use ficarchive_formats::{ExportFormat, Limits, read, write};
use ficarchive_model::{
    Chapter, Note, Paragraph, Rating, Scene, SceneBreak, Series, Status, TagKind, Work,
};
use proptest::prelude::*;

/// A few words of prose: letters, with characters that need escaping in HTML and XML.
fn words(min: usize, max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec("[a-z]{1,7}|&|<b>|\"q\"|l'été|x>y", min..=max)
        .prop_map(|w| w.join(" "))
}

/// A sentence: capitalised, ending in a full stop, so no reader takes it for a heading.
fn sentence() -> impl Strategy<Value = String> {
    ("[A-Z][a-z]{1,7}", words(1, 12)).prop_map(|(first, rest)| format!("{first} {rest}."))
}

/// A name-like label (tags, titles, series): capitalised words.
fn label() -> impl Strategy<Value = String> {
    proptest::collection::vec("[A-Z][a-z]{2,8}", 1..=3).prop_map(|w| w.join(" "))
}

fn note() -> impl Strategy<Value = Note> {
    sentence().prop_map(Note::new)
}

/// A paragraph, plain or with emphasis in its markup.
fn paragraph() -> impl Strategy<Value = Paragraph> {
    (
        sentence(),
        proptest::option::of(("[A-Z][a-z]{1,7}", "[a-z]{1,7}", "[a-z]{1,7}")),
    )
        .prop_map(|(text, emphasis)| match emphasis {
            None => Paragraph::plain(text),
            Some((a, b, c)) => Paragraph {
                text: format!("{a} {b} {c}."),
                html: Some(format!("<p>{a} <em>{b}</em> {c}.</p>")),
                span: None,
            },
        })
}

fn scene(first: bool) -> impl Strategy<Value = Scene> {
    (
        proptest::collection::vec(paragraph(), 1..4),
        proptest::option::of(Just("* * *".to_string())),
    )
        .prop_map(move |(paragraphs, marker)| {
            if first {
                Scene::new(SceneBreak::Start, None, paragraphs)
            } else {
                Scene::new(SceneBreak::Explicit, marker, paragraphs)
            }
        })
}

fn chapter() -> impl Strategy<Value = Chapter> {
    (
        proptest::option::of(label()),
        proptest::option::of(sentence()),
        proptest::collection::vec(note(), 0..2),
        proptest::collection::vec(note(), 0..2),
        scene(true),
        proptest::collection::vec(scene(false), 0..2),
    )
        .prop_map(|(title, summary, before, after, first, rest)| {
            let mut c = Chapter::from_paragraphs(0, title, Vec::new());
            c.summary = summary;
            c.notes_before = before;
            c.notes_after = after;
            c.scenes = std::iter::once(first).chain(rest).collect();
            c
        })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (2000i32..2030, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
}

prop_compose! {
    /// A work as a reader hands it over: every field the writers carry, in the shapes AO3 uses.
    fn work()(
        title in label(),
        authors in proptest::collection::btree_set("[a-z][a-z0-9_]{2,10}", 1..3),
        summary in proptest::option::of(proptest::collection::vec(sentence(), 1..3)),
        notes in proptest::collection::vec(note(), 0..2),
        end_notes in proptest::collection::vec(note(), 0..2),
        tags in proptest::collection::vec((0usize..6, label()), 0..8),
        rating in proptest::option::of(proptest::sample::select(Rating::ALL.to_vec())),
        english in any::<bool>(),
        status in proptest::sample::select(vec![Status::Complete, Status::InProgress, Status::Unknown]),
        more_planned in 1u32..5,
        series in proptest::collection::vec((label(), proptest::option::of(1u32..60)), 0..3),
        collections in proptest::collection::btree_set(label(), 0..3),
        published in proptest::option::of(date()),
        later in proptest::option::of(date()),
        stats in proptest::collection::vec(proptest::option::of(0u64..1_000_000), 4),
        url in proptest::option::of("[0-9]{1,7}"),
        uid in proptest::option::of("[a-z0-9]{6,12}"),
        chapters in proptest::collection::vec(chapter(), 1..4),
    ) -> Work {
        let mut w = Work {
            title: Some(title),
            authors: authors.into_iter().collect(),
            summary: summary.map(|s| s.join("\n\n")),
            notes,
            end_notes,
            language: english.then(|| "English".to_string()),
            status,
            collections: collections.into_iter().collect(),
            ..Work::default()
        };
        // Series names are unique (AO3 lists a work once per series).
        for (name, part) in series {
            if !w.series.iter().any(|s: &Series| s.name == name) {
                w.series.push(Series { name, part });
            }
        }
        let kinds = [
            TagKind::Warning,
            TagKind::Category,
            TagKind::Fandom,
            TagKind::Relationship,
            TagKind::Character,
            TagKind::Freeform,
        ];
        for (k, tag) in tags {
            w.tags.add(kinds[k], &tag);
        }
        w.tags.rating = rating;
        w.chapters = chapters
            .into_iter()
            .enumerate()
            .map(|(i, mut c)| {
                c.number = i as u32 + 1;
                c
            })
            .collect();
        let n = w.chapters.len() as u32;
        // AO3's "Chapters: n/m": complete means m = n; "n/?" is in progress with no plan.
        w.expected_chapters = match status {
            Status::Complete => Some(n),
            Status::InProgress => (more_planned > 2).then_some(n + more_planned),
            Status::Unknown => None,
        };
        w.dates.published = published;
        // AO3 shows "Completed:" for a complete work and "Updated:" otherwise, never both.
        match status {
            Status::Complete => w.dates.completed = later,
            _ => w.dates.updated = later,
        }
        w.stats.kudos = stats[0];
        w.stats.hits = stats[1];
        w.stats.comments = stats[2];
        w.stats.bookmarks = stats[3];
        w.source.url = url.map(|n| format!("https://example.org/works/{n}"));
        w.source.uid = uid.map(|u| format!("fanficfare-uid:example.org-u1-s{u}"));
        w
    }
}

/// The work with what no file carries cleared (spans, warnings, where this copy came from).
fn normalised(work: &Work) -> Work {
    let mut w = work.clone();
    w.warnings.clear();
    w.source.format = None;
    w.source.file_name = None;
    for c in &mut w.chapters {
        c.span = None;
        for s in &mut c.scenes {
            s.span = None;
            for p in &mut s.paragraphs {
                p.span = None;
            }
        }
    }
    w
}

fn round_trip(w: &Work, format: ExportFormat) -> Result<Work, TestCaseError> {
    let bytes = write(w, format).map_err(|e| TestCaseError::fail(format!("{format:?}: {e}")))?;
    let name = format!("x.{}", format.extension());
    read(&bytes, Some(&name), &Limits::default())
        .map(|r| r.work)
        .map_err(|e| TestCaseError::fail(format!("{format:?} does not read back: {e}")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// EPUB reader: import(export(work)) == work.
    #[test]
    fn epub_round_trip_is_exact(w in work()) {
        prop_assert_eq!(normalised(&round_trip(&w, ExportFormat::Epub)?), normalised(&w));
    }

    /// AO3 HTML reader (ficarchive's HTML export uses AO3's layout): import(export(work)) == work.
    #[test]
    fn html_round_trip_is_exact(w in work()) {
        prop_assert_eq!(normalised(&round_trip(&w, ExportFormat::Html)?), normalised(&w));
    }

    /// JSON reader: exact, including spans and warnings.
    #[test]
    fn json_round_trip_is_exact(w in work()) {
        let back = round_trip(&w, ExportFormat::Json)?;
        let mut expected = w.clone();
        expected.source.file_name = Some("x.json".into());
        expected.source.format = Some(ficarchive_model::SourceFormat::Json);
        prop_assert_eq!(back, expected);
    }

    /// TXT export read by the text reader: title, authors, status, chapter count and every word.
    #[test]
    fn txt_round_trip_keeps_the_text(w in work()) {
        let back = round_trip(&w, ExportFormat::Txt)?;
        prop_assert_eq!(&back.title, &w.title);
        prop_assert_eq!(&back.authors, &w.authors);
        // The text reader takes a lone chapter with no status for a finished one-shot.
        if !(w.status == Status::Unknown && w.chapters.len() == 1) {
            prop_assert_eq!(back.status, w.status);
        }
        let text = |w: &Work| -> Vec<String> {
            w.chapters.iter().flat_map(|c| c.paragraphs())
                .flat_map(|p| p.text.split_whitespace().map(str::to_string)).collect()
        };
        prop_assert_eq!(text(&back), text(&w));
    }

    /// FanFicFare HTML reader on generated FanFicFare-layout files.
    #[test]
    fn fanficfare_html_fields(
        title in label(), author in "[a-z]{3,10}", fandom in label(), ships in proptest::collection::btree_set(label(), 1..3),
        status in any::<bool>(), part in 1u32..30, chapters in proptest::collection::vec((label(), proptest::collection::vec(sentence(), 1..4)), 1..4),
    ) {
        let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        let ships: Vec<String> = ships.into_iter().map(|s| format!("{s}/{s}")).collect();
        let mut html = format!(
            "<html><head><title>{t} by {author}</title></head><body>\n<h1><a href=\"http://test1.com?sid=7\">{t}</a> by <a class='authorlink' href='http://test1.com?authid=1'>{author}</a></h1>\n<table class=\"full\">\n<tr><td><b>Category:</b></td><td>{f}</td></tr>\n<tr><td><b>Relationships:</b></td><td>{s}</td></tr>\n<tr><td><b>Series:</b></td><td>Saga [{part}]</td></tr>\n<tr><td><b>Status:</b></td><td>{st}</td></tr>\n</table>\n<a name=\"TOCTOP\"><h2>Table of Contents</h2></a>\n",
            t = esc(&title), f = esc(&fandom), s = esc(&ships.join(", ")),
            st = if status { "Completed" } else { "In-Progress" },
        );
        for (i, (ct, paras)) in chapters.iter().enumerate() {
            html.push_str(&format!("<a name=\"section{:04}\"><h2>{}</h2></a>\n<div>", i + 1, esc(ct)));
            for p in paras {
                html.push_str(&format!("<p>{}</p>", esc(p)));
            }
            html.push_str("</div>\n");
        }
        html.push_str("</body></html>\n");
        let w = read(html.as_bytes(), Some("x.html"), &Limits::default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?.work;
        prop_assert_eq!(w.source.format, Some(ficarchive_model::SourceFormat::FanficfareHtml));
        prop_assert_eq!(w.title.as_deref(), Some(title.as_str()));
        prop_assert_eq!(&w.authors, &vec![author]);
        prop_assert_eq!(&w.tags.fandoms, &vec![fandom]);
        prop_assert_eq!(&w.tags.relationships, &ships);
        prop_assert_eq!(&w.series, &vec![Series { name: "Saga".into(), part: Some(part) }]);
        prop_assert_eq!(w.status, if status { Status::Complete } else { Status::InProgress });
        prop_assert_eq!(w.source.url.as_deref(), Some("http://test1.com?sid=7"));
        let got: Vec<Vec<String>> = w.chapters.iter().map(|c| c.paragraphs().map(|p| p.text.clone()).collect()).collect();
        let want: Vec<Vec<String>> = chapters.iter().map(|(_, p)| p.clone()).collect();
        prop_assert_eq!(got, want);
    }

    /// FanFicFare TXT reader on generated FanFicFare-layout text.
    #[test]
    fn fanficfare_txt_fields(
        title in label(), author in "[a-z]{3,10}", fandom in label(), status in any::<bool>(),
        chapters in proptest::collection::vec((label(), proptest::collection::vec(sentence(), 1..4)), 1..4),
    ) {
        let mut txt = format!(
            "{title}\n\nby {author}\n\n\nCategory: {fandom}\nStatus: {st}\nPublished: 2021-02-14\nPackaged: 2026-11-23 15:20:00\nStory URL: http://test1.com?sid=9\n\nTABLE OF CONTENTS\n\n",
            st = if status { "Completed" } else { "In-Progress" },
        );
        // html2text's output is Markdown, which the reader renders: no raw angle brackets.
        let chapters: Vec<(String, Vec<String>)> = chapters
            .into_iter()
            .map(|(t, ps)| (t, ps.into_iter().map(|p| p.replace(['<', '>'], "")).collect()))
            .collect();
        for (ct, _) in &chapters {
            txt.push_str(&format!("{ct}\n\n"));
        }
        for (ct, paras) in &chapters {
            txt.push_str(&format!("\n\n        {ct}\n\n"));
            for p in paras {
                txt.push_str(&format!("{p}\n\n"));
            }
        }
        txt.push_str("End file.\n");
        let w = read(txt.as_bytes(), Some("x.txt"), &Limits::default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?.work;
        prop_assert_eq!(w.source.format, Some(ficarchive_model::SourceFormat::FanficfareText));
        prop_assert_eq!(w.title.as_deref(), Some(title.as_str()));
        prop_assert_eq!(&w.authors, &vec![author]);
        prop_assert_eq!(&w.tags.fandoms, &vec![fandom]);
        prop_assert_eq!(w.status, if status { Status::Complete } else { Status::InProgress });
        prop_assert_eq!(w.source.url.as_deref(), Some("http://test1.com?sid=9"));
        prop_assert_eq!(w.dates.published, NaiveDate::from_ymd_opt(2021, 2, 14));
        let words = |v: Vec<String>| v.join(" ").split_whitespace().map(str::to_string).collect::<Vec<_>>();
        let got = words(w.chapters.iter().flat_map(|c| c.paragraphs().map(|p| p.text.clone())).collect());
        let want = words(chapters.iter().flat_map(|(_, p)| p.clone()).collect());
        prop_assert_eq!(got, want);
        prop_assert_eq!(w.chapters.len(), chapters.len());
    }

    /// Markdown reader: front matter and `##` chapters.
    #[test]
    fn markdown_fields(
        title in label(), authors in proptest::collection::btree_set("[A-Z][a-z]{2,8}", 1..3),
        chapters in proptest::collection::vec((label(), proptest::collection::vec(sentence(), 1..4)), 2..4),
    ) {
        let authors: Vec<String> = authors.into_iter().collect();
        let mut md = format!("---\ntitle: {title}\nauthor:\n{}\nlang: en\n---\n\n", authors.iter().map(|a| format!("- {a}\n")).collect::<String>());
        for (i, (ct, paras)) in chapters.iter().enumerate() {
            md.push_str(&format!("## Chapter {}: {ct}\n\n", i + 1));
            for p in paras {
                // Markdown would read "<b>" as markup: write it as the entity.
                md.push_str(&format!("{}\n\n", p.replace('&', "&amp;").replace('<', "&lt;")));
            }
        }
        let w = read(md.as_bytes(), Some("x.md"), &Limits::default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?.work;
        prop_assert_eq!(w.title.as_deref(), Some(title.as_str()));
        prop_assert_eq!(&w.authors, &authors);
        prop_assert_eq!(w.language.as_deref(), Some("en"));
        let got: Vec<(u32, Option<String>, Vec<String>)> = w.chapters.iter()
            .map(|c| (c.number, c.title.clone(), c.paragraphs().map(|p| p.text.clone()).collect())).collect();
        let want: Vec<(u32, Option<String>, Vec<String>)> = chapters.iter().enumerate()
            .map(|(i, (t, p))| (i as u32 + 1, Some(t.clone()), p.clone())).collect();
        prop_assert_eq!(got, want);
    }

    /// Generic HTML reader: `<h2>` chapters with paragraphs and `<hr>` scene breaks.
    #[test]
    fn generic_html_chapters(
        title in label(),
        chapters in proptest::collection::vec(proptest::collection::vec(proptest::collection::vec(sentence(), 1..3), 1..3), 2..4),
    ) {
        let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        let mut html = format!("<!DOCTYPE html><html><head><title>{}</title></head><body><h1>{}</h1>", esc(&title), esc(&title));
        for (i, scenes) in chapters.iter().enumerate() {
            html.push_str(&format!("<h2>Chapter {}</h2>", i + 1));
            let parts: Vec<String> = scenes.iter()
                .map(|ps| ps.iter().map(|p| format!("<p>{}</p>", esc(p))).collect())
                .collect();
            html.push_str(&parts.join("<hr/>"));
        }
        html.push_str("</body></html>");
        let w = read(html.as_bytes(), Some("x.html"), &Limits::default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?.work;
        prop_assert_eq!(w.source.format, Some(ficarchive_model::SourceFormat::Html));
        prop_assert_eq!(w.title.as_deref(), Some(title.as_str()));
        let got: Vec<Vec<Vec<String>>> = w.chapters.iter()
            .map(|c| c.scenes.iter().map(|s| s.paragraphs.iter().map(|p| p.text.clone()).collect()).collect())
            .collect();
        prop_assert_eq!(&got, &chapters);
    }
}

/// Every real fixture, with bytes flipped, truncated or spliced, through the front door.
fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for sub in ["ao3", "fanficfare", "pandoc"] {
        for e in std::fs::read_dir(format!("{dir}/{sub}"))
            .into_iter()
            .flatten()
            .flatten()
        {
            if let Ok(bytes) = std::fs::read(e.path()) {
                out.push((e.path().to_string_lossy().into_owned(), bytes));
            }
        }
    }
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Mutated real files never panic any reader, and a work read from them exports to every
    /// format.
    #[test]
    fn mutated_fixtures_never_panic(
        pick in any::<prop::sample::Index>(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..16),
        cut in proptest::option::of(any::<prop::sample::Index>()),
    ) {
        let all = fixtures();
        let (name, mut bytes) = all[pick.index(all.len())].clone();
        let len = bytes.len();
        for (i, v) in flips {
            bytes[i.index(len)] = v;
        }
        if let Some(c) = cut {
            bytes.truncate(c.index(len));
        }
        if let Ok(r) = read(&bytes, Some(&name), &Limits::default()) {
            for format in ExportFormat::ALL {
                prop_assert!(write(&r.work, format).is_ok());
            }
        }
    }
}
