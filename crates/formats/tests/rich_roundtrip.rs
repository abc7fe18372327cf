//! Round trips: read(write(work)) gives back the same work for every export format, and every
//! exported EPUB passes `epubcheck` with no errors and no warnings.

use std::process::Command;

use chrono::NaiveDate;
use ficarchive_formats::{ExportFormat, Limits, read, write};
use ficarchive_model::{
    Chapter, Note, Paragraph, Scene, SceneBreak, Series, Status, TagKind, Work,
};

fn para(text: &str, html: Option<&str>) -> Paragraph {
    Paragraph {
        text: text.into(),
        html: html.map(str::to_string),
        span: None,
    }
}

/// A work that uses every field the writers carry, with characters that need escaping.
fn sample() -> Work {
    let mut w = Work {
        title: Some("Salt & Light: \"A <Winter>\" Tale".into()),
        authors: vec!["quietharbour".into(), "Zoë O'Brien".into()],
        summary: Some("Two keepers & one log.\n\nA second paragraph.".into()),
        notes: vec![
            Note::new("Written for the exchange."),
            Note::new("Beta: M."),
        ],
        end_notes: vec![Note::new("Thanks for reading!")],
        language: Some("English".into()),
        status: Status::InProgress,
        series: vec![Series {
            name: "Harbour Lights".into(),
            part: Some(2),
        }],
        collections: vec!["Sea Stories".into()],
        ..Work::default()
    };
    w.dates.published = NaiveDate::from_ymd_opt(2021, 2, 14);
    w.dates.updated = NaiveDate::from_ymd_opt(2021, 3, 7);
    w.source.url = Some("https://example.org/works/1?x=1&y=2".into());
    for (kind, tag) in [
        (TagKind::Rating, "Mature"),
        (TagKind::Warning, "No Archive Warnings Apply"),
        (TagKind::Category, "F/M"),
        (TagKind::Fandom, "Original Work"),
        (TagKind::Fandom, "Lighthouses (Documentary)"),
        (TagKind::Relationship, "Mara/Tomas"),
        (TagKind::Relationship, "Mara & Ines"),
        (TagKind::Character, "Mara"),
        (TagKind::Freeform, "Slow Burn"),
        (TagKind::Freeform, "<script>alert(1)</script>"),
    ] {
        w.tags.add(kind, tag);
    }
    let mut c1 = Chapter::from_paragraphs(
        1,
        Some("Oil & Grudges".into()),
        vec![
            para("The lamp was dark.", None),
            para(
                "\"You could have asked,\" he said.",
                Some("<p>\"You could have <em>asked</em>,\" he said.</p>"),
            ),
        ],
    );
    c1.summary = Some("Mara climbs the hill.".into());
    c1.notes_before.push(Note::new("Short chapter."));
    c1.notes_after.push(Note::new("More soon."));
    c1.scenes.push(Scene::new(
        SceneBreak::Explicit,
        Some("* * *".into()),
        vec![para("By evening it was lit. 5 < 6 & 7 > 3.", None)],
    ));
    let mut c2 = Chapter::from_paragraphs(
        2,
        None,
        vec![
            para(
                "The first line of the song,\nand the second line of it.",
                None,
            ),
            para("Zoë's café — naïve.", None),
        ],
    );
    c2.scenes.push(Scene::new(
        SceneBreak::Explicit,
        None,
        vec![para(
            "After the rule.",
            Some("<p>After the <strong>rule</strong>.</p>"),
        )],
    ));
    w.chapters = vec![c1, c2];
    w
}

fn story(work: &Work) -> Vec<(u32, Option<String>, Vec<Vec<String>>)> {
    work.chapters
        .iter()
        .map(|c| {
            (
                c.number,
                c.title.clone(),
                c.scenes
                    .iter()
                    .map(|s| s.paragraphs.iter().map(|p| p.text.clone()).collect())
                    .collect(),
            )
        })
        .collect()
}

fn notes(notes: &[Note]) -> Vec<String> {
    notes.iter().map(|n| n.text.clone()).collect()
}

fn read_back(bytes: &[u8], ext: &str) -> Work {
    read(bytes, Some(&format!("export.{ext}")), &Limits::default())
        .unwrap_or_else(|e| panic!("{ext}: {e}"))
        .work
}

fn assert_same_work(original: &Work, back: &Work, what: &str) {
    assert_eq!(back.title, original.title, "{what}: title");
    assert_eq!(back.authors, original.authors, "{what}: authors");
    assert_eq!(back.tags, original.tags, "{what}: tags");
    assert_eq!(back.summary, original.summary, "{what}: summary");
    assert_eq!(notes(&back.notes), notes(&original.notes), "{what}: notes");
    assert_eq!(
        notes(&back.end_notes),
        notes(&original.end_notes),
        "{what}: end notes"
    );
    assert_eq!(back.status, original.status, "{what}: status");
    assert_eq!(back.language, original.language, "{what}: language");
    assert_eq!(back.series, original.series, "{what}: series");
    assert_eq!(
        back.collections, original.collections,
        "{what}: collections"
    );
    assert_eq!(back.dates, original.dates, "{what}: dates");
    assert_eq!(back.source.url, original.source.url, "{what}: url");
    assert_eq!(story(back), story(original), "{what}: chapters");
    for (b, o) in back.chapters.iter().zip(&original.chapters) {
        assert_eq!(b.summary, o.summary, "{what}: chapter summary");
        assert_eq!(
            notes(&b.notes_before),
            notes(&o.notes_before),
            "{what}: notes before"
        );
        assert_eq!(
            notes(&b.notes_after),
            notes(&o.notes_after),
            "{what}: notes after"
        );
        for (bs, os) in b.scenes.iter().zip(&o.scenes) {
            assert_eq!(bs.break_kind, os.break_kind, "{what}: scene break");
        }
        for (bp, op) in b.paragraphs().zip(o.paragraphs()) {
            if op.html.is_some() {
                assert_eq!(bp.html, op.html, "{what}: paragraph markup");
            }
        }
    }
}

#[test]
fn html_round_trip() {
    let w = sample();
    let bytes = write(&w, ExportFormat::Html).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(!text.contains("<script>"), "tags are escaped");
    assert!(
        !text.contains("src="),
        "self-contained: nothing loaded from elsewhere"
    );
    assert_same_work(&w, &read_back(&bytes, "html"), "HTML");
}

#[test]
fn epub_round_trip() {
    let w = sample();
    let bytes = write(&w, ExportFormat::Epub).unwrap();
    assert_eq!(&bytes[30..38], b"mimetype", "mimetype is the first entry");
    assert_same_work(&w, &read_back(&bytes, "epub"), "EPUB");
}

#[test]
fn json_round_trip_is_exact() {
    let w = sample();
    let bytes = write(&w, ExportFormat::Json).unwrap();
    let back = read_back(&bytes, "json");
    let mut expected = w.clone();
    expected.source.file_name = Some("export.json".into());
    expected.source.format = Some(ficarchive_model::SourceFormat::Json);
    assert_eq!(back, expected);
}

#[test]
fn txt_round_trip_keeps_what_plain_text_carries() {
    let w = sample();
    let bytes = write(&w, ExportFormat::Txt).unwrap();
    let back = read_back(&bytes, "txt");
    assert_eq!(back.title, w.title, "title");
    assert_eq!(back.authors, w.authors, "authors");
    assert_eq!(back.tags.fandoms, w.tags.fandoms, "fandoms");
    assert_eq!(
        back.tags.relationships, w.tags.relationships,
        "relationships"
    );
    assert_eq!(back.tags.rating, w.tags.rating, "rating");
    assert_eq!(back.status, w.status, "status");
    let titles: Vec<_> = back
        .chapters
        .iter()
        .map(|c| (c.number, c.title.clone()))
        .collect();
    assert_eq!(titles, vec![(1, Some("Oil & Grudges".into())), (2, None)]);
    let text = |w: &Work| -> Vec<String> {
        w.chapters
            .iter()
            .flat_map(|c| c.paragraphs())
            .map(|p| p.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    assert_eq!(text(&back), text(&w), "story text");
}

#[test]
fn every_fixture_survives_html_and_epub_export() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    for path in fixture_paths(&dir) {
        let bytes = std::fs::read(&path).unwrap();
        let original = read(&bytes, Some(&path), &Limits::default()).unwrap().work;
        for format in [ExportFormat::Html, ExportFormat::Epub] {
            let out = write(&original, format).unwrap();
            let what = format!("{path} via {format:?}");
            let back = read(
                &out,
                Some(&format!("x.{}", format.extension())),
                &Limits::default(),
            )
            .unwrap_or_else(|e| panic!("{what}: {e}"))
            .work;
            assert_eq!(back.title, original.title, "{what}");
            assert_eq!(back.authors, original.authors, "{what}");
            assert_eq!(back.tags, original.tags, "{what}");
            assert_eq!(back.summary, original.summary, "{what}");
            assert_eq!(back.status, original.status, "{what}");
            assert_eq!(story(&back), story(&original), "{what}");
        }
    }
}

fn fixture_paths(dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    for sub in ["ao3", "fanficfare"] {
        let Ok(entries) = std::fs::read_dir(format!("{dir}/{sub}")) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if matches!(
                p.extension().and_then(|x| x.to_str()),
                Some("html" | "epub" | "txt")
            ) {
                out.push(p.to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    out
}

/// How to run epubcheck here: Debian installs it as an executable jar, which runs directly only
/// where binfmt_misc knows jars, so `java -jar` on the jar is tried first.
fn epubcheck_command() -> Option<Vec<String>> {
    let candidates: Vec<Vec<String>> = vec![
        vec![
            "java".into(),
            "-jar".into(),
            "/usr/share/java/epubcheck.jar".into(),
        ],
        vec!["epubcheck".into()],
    ];
    candidates.into_iter().find(|c| {
        (c.len() == 1 || std::path::Path::new(&c[2]).exists())
            && Command::new(&c[0])
                .args(&c[1..])
                .arg("--version")
                .output()
                .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("EPUBCheck"))
    })
}

/// Runs epubcheck on every exported fixture and on the sample. Loud SKIP when epubcheck is not
/// installed; a failure under CI=true.
#[test]
fn exported_epubs_pass_epubcheck() {
    let Some(epubcheck) = epubcheck_command() else {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("epubcheck is not installed (apt-get install epubcheck) and CI=true");
        }
        eprintln!(
            "\n*** SKIP exported_epubs_pass_epubcheck: epubcheck is not installed (apt-get install epubcheck) ***\n"
        );
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut works = vec![("sample".to_string(), sample())];
    for path in fixture_paths(&dir) {
        let bytes = std::fs::read(&path).unwrap();
        works.push((
            path.clone(),
            read(&bytes, Some(&path), &Limits::default()).unwrap().work,
        ));
    }
    let mut files = Vec::new();
    for (i, (name, work)) in works.iter().enumerate() {
        let file = tmp.path().join(format!("export{i}.epub"));
        std::fs::write(&file, write(work, ExportFormat::Epub).unwrap()).unwrap();
        files.push((name.clone(), file));
    }
    for (name, file) in files {
        let out = Command::new(&epubcheck[0])
            .args(&epubcheck[1..])
            .arg(&file)
            .output()
            .unwrap();
        let report = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.status.success(),
            "epubcheck failed on the export of {name}:\n{report}"
        );
        assert!(
            !report.contains("WARNING") && !report.contains("ERROR"),
            "epubcheck reported problems on the export of {name}:\n{report}"
        );
    }
}

#[test]
#[ignore = "debugging aid: prints the TXT export and what the text reader makes of it"]
fn show_txt_export() {
    let w = sample();
    let bytes = write(&w, ExportFormat::Txt).unwrap();
    println!("{}", String::from_utf8_lossy(&bytes));
    let back = read_back(&bytes, "txt");
    println!("{}", back.to_json());
}
