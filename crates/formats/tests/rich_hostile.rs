//! Hostile and broken input: every case gives a clear error or a best-effort work with warnings,
//! never a panic or unbounded memory.

mod common;

use common::{CONTAINER, build, opf};
use ficarchive_formats::epub::{read_epub, read_epub_with};
use ficarchive_formats::{FormatError, Limits, ZipLimits, read};
use proptest::prelude::*;

const CHAPTER: &str =
    "<html><body><h1>Chapter 1</h1><p>Once there was a keeper who kept a light.</p></body></html>";

fn good_epub() -> Vec<u8> {
    let opf = opf(&["ch1.xhtml"]);
    build(&[
        ("mimetype", b"application/epub+zip"),
        ("META-INF/container.xml", CONTAINER.as_bytes()),
        ("content.opf", opf.as_bytes()),
        ("ch1.xhtml", CHAPTER.as_bytes()),
    ])
}

fn is_bomb_error(e: &FormatError) -> bool {
    matches!(e, FormatError::Malformed { format: "EPUB", reason } if reason.contains("zip bomb"))
}

#[test]
fn a_plain_generic_epub_reads() {
    let w = read_epub(&good_epub()).unwrap();
    assert_eq!(w.title.as_deref(), Some("Hostile"));
    assert_eq!(w.authors, vec!["Ann"]);
    assert_eq!(w.chapters.len(), 1);
    assert!(w.warnings.is_empty(), "{:?}", w.warnings);
}

#[test]
fn zip_bomb_entry_is_refused_by_bytes_actually_read() {
    let zeros = vec![0u8; 40 * 1024 * 1024];
    let opf = opf(&["ch1.xhtml"]);
    let bytes = build(&[
        ("META-INF/container.xml", CONTAINER.as_bytes()),
        ("content.opf", opf.as_bytes()),
        ("ch1.xhtml", &zeros),
    ]);
    assert!(bytes.len() < 1024 * 1024, "the bomb is small on disk");
    let err = read_epub(&bytes).unwrap_err();
    assert!(is_bomb_error(&err), "{err}");
}

#[test]
fn compression_ratio_limit() {
    let mut page = String::from("<html><body>");
    page.push_str(&"<p>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</p>".repeat(60_000));
    page.push_str("</body></html>");
    let opf = opf(&["ch1.xhtml"]);
    let bytes = build(&[
        ("META-INF/container.xml", CONTAINER.as_bytes()),
        ("content.opf", opf.as_bytes()),
        ("ch1.xhtml", page.as_bytes()),
    ]);
    let limits = ZipLimits {
        max_ratio: 20,
        ..ZipLimits::default()
    };
    let err = read_epub_with(&bytes, limits).unwrap_err();
    assert!(is_bomb_error(&err), "{err}");
}

#[test]
fn total_bytes_limit_across_entries() {
    let page = format!(
        "<html><body>{}</body></html>",
        "<p>word word word.</p>".repeat(5_000)
    );
    let names: Vec<String> = (0..20).map(|i| format!("c{i}.xhtml")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let opf = opf(&refs);
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("META-INF/container.xml", CONTAINER.as_bytes()),
        ("content.opf", opf.as_bytes()),
    ];
    for n in &refs {
        entries.push((n, page.as_bytes()));
    }
    let bytes = build(&entries);
    let limits = ZipLimits {
        max_total_bytes: 500_000,
        ..ZipLimits::default()
    };
    let err = read_epub_with(&bytes, limits).unwrap_err();
    assert!(is_bomb_error(&err), "{err}");
}

#[test]
fn too_many_entries() {
    let names: Vec<String> = (0..50).map(|i| format!("f{i}.txt")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    let bytes = build(&entries);
    let limits = ZipLimits {
        max_entries: 10,
        ..ZipLimits::default()
    };
    let err = read_epub_with(&bytes, limits).unwrap_err();
    assert!(err.to_string().contains("entries"), "{err}");
}

#[test]
fn path_traversal_entries_are_skipped_with_a_warning() {
    let opf = opf(&["ch1.xhtml", "../../etc/evil.xhtml"]);
    let bytes = build(&[
        ("META-INF/container.xml", CONTAINER.as_bytes()),
        ("content.opf", opf.as_bytes()),
        ("ch1.xhtml", CHAPTER.as_bytes()),
        ("../../etc/evil.xhtml", CHAPTER.as_bytes()),
        ("/abs/evil.xhtml", CHAPTER.as_bytes()),
    ]);
    let w = read_epub(&bytes).unwrap();
    assert_eq!(w.chapters.len(), 1);
    let warnings: Vec<&str> = w.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        warnings.iter().any(|m| m.contains("leaves the archive")),
        "{warnings:?}"
    );
}

#[test]
fn xml_entity_expansion_and_external_entities_are_not_expanded() {
    let lol = r#"<?xml version="1.0"?>
<!DOCTYPE package [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T&d;&xxe;</dc:title></metadata><manifest><item id="c" href="ch1.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>"#;
    let page = "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><html><body><p>Story &x; text goes on.</p></body></html>";
    let bytes = build(&[
        ("META-INF/container.xml", CONTAINER.as_bytes()),
        ("content.opf", lol.as_bytes()),
        ("ch1.xhtml", page.as_bytes()),
    ]);
    let w = read_epub(&bytes).unwrap();
    assert_eq!(w.title.as_deref(), Some("T"));
    assert!(!w.to_json().contains("root:"), "no file contents leak in");
    assert!(
        w.warnings
            .iter()
            .any(|m| m.message.contains("not expanded")),
        "{:?}",
        w.warnings
    );
}

#[test]
fn missing_container_and_opf_fall_back() {
    // No container.xml: the first .opf is used.
    let opf = opf(&["ch1.xhtml"]);
    let bytes = build(&[
        ("content.opf", opf.as_bytes()),
        ("ch1.xhtml", CHAPTER.as_bytes()),
    ]);
    let w = read_epub(&bytes).unwrap();
    assert_eq!(w.title.as_deref(), Some("Hostile"));
    assert!(!w.warnings.is_empty());
    // No OPF at all: the HTML files in archive order.
    let bytes = build(&[("ch1.xhtml", CHAPTER.as_bytes())]);
    let w = read_epub(&bytes).unwrap();
    assert_eq!(w.chapters.len(), 1);
    assert!(
        w.warnings
            .iter()
            .any(|m| m.message.contains("no package file"))
    );
}

#[test]
fn lying_opf_and_ncx() {
    let opf = r#"<package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata/><manifest><item id="a" href="ch1.xhtml" media-type="application/xhtml+xml"/><item id="ghost" href="missing.xhtml" media-type="application/xhtml+xml"/><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest><spine toc="ncx"><itemref idref="ghost"/><itemref idref="nobody"/><itemref idref="a"/></spine></package>"#;
    let ncx = r#"<ncx><navMap><navPoint><navLabel><text>Wrong</text></navLabel><content src="../../../x"/></navPoint><navPoint><content/></navPoint></navMap></ncx>"#;
    let bytes = build(&[
        ("META-INF/container.xml", CONTAINER.as_bytes()),
        ("content.opf", opf.as_bytes()),
        ("toc.ncx", ncx.as_bytes()),
        ("ch1.xhtml", CHAPTER.as_bytes()),
    ]);
    let w = read_epub(&bytes).unwrap();
    assert_eq!(w.chapters.len(), 1);
    let msgs: Vec<&str> = w.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        msgs.iter().any(|m| m.contains("not in the archive")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter().any(|m| m.contains("manifest lacks")),
        "{msgs:?}"
    );
}

#[test]
fn truncated_archives_give_errors() {
    let bytes = good_epub();
    for cut in [10, 40, bytes.len() / 2, bytes.len() - 30, bytes.len() - 1] {
        match read(&bytes[..cut], Some("x.epub"), &Limits::default()) {
            Ok(w) => assert!(!w.work.chapters.is_empty()),
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
}

#[test]
fn corrupted_entry_data_is_an_error_not_a_panic() {
    let mut bytes = good_epub();
    // Flip bytes in the middle (compressed data of some entry).
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 40] {
        *b ^= 0x5a;
    }
    let _ = read(&bytes, Some("x.epub"), &Limits::default());
}

#[test]
fn deeply_nested_html_is_flattened_with_a_warning() {
    let depth = 100_000;
    let html = format!(
        "<html><body>{}<p>The story at the bottom.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let w = read(html.as_bytes(), Some("deep.html"), &Limits::default())
        .unwrap()
        .work;
    assert!(
        w.chapters[0]
            .paragraphs()
            .any(|p| p.text.contains("story at the bottom"))
    );
    assert!(
        w.warnings
            .iter()
            .any(|m| m.message.contains("nested deeper")),
        "{:?}",
        w.warnings
    );
    // Inline nesting too.
    let html = format!(
        "<html><body><p>{}deep{}</p><p>More text here.</p></body></html>",
        "<em>".repeat(50_000),
        "</em>".repeat(50_000)
    );
    let w = read(html.as_bytes(), Some("deep.html"), &Limits::default())
        .unwrap()
        .work;
    assert!(w.words() >= 3);
}

#[test]
fn huge_attributes_are_dropped() {
    let attr = "x".repeat(5 * 1024 * 1024);
    let html = format!(
        "<html><body><p title=\"{attr}\" data-x=\"{attr}\">Short story text here.</p></body></html>"
    );
    let w = read(html.as_bytes(), Some("a.html"), &Limits::default())
        .unwrap()
        .work;
    let json = w.to_json();
    assert!(json.len() < 10_000, "attributes do not survive sanitising");
}

#[test]
fn broken_encodings_in_html() {
    let mut bytes = b"<!DOCTYPE html><html><body><p>Caf".to_vec();
    bytes.extend_from_slice(&[0xe9, 0xff, 0xfe, 0x80]);
    bytes.extend_from_slice(b" story text with broken bytes.</p></body></html>");
    match read(&bytes, Some("a.html"), &Limits::default()) {
        Ok(w) => assert!(w.work.words() > 0),
        Err(e) => assert!(matches!(e, FormatError::Encoding(_))),
    }
}

#[test]
fn scripts_and_trackers_never_survive() {
    let html = r#"<html><body><p>Good <a href="javascript:alert(1)">link</a> <span onmouseover="x()">text</span>.</p>
<iframe src="https://evil.example/"></iframe><img src="https://tracker.example/p.gif"><object data="x"></object>
<p><svg><script>alert(2)</script></svg>More story.</p><style>body{background:url(https://t.example/)}</style></body></html>"#;
    let w = read(html.as_bytes(), Some("x.html"), &Limits::default())
        .unwrap()
        .work;
    let json = w.to_json();
    for bad in [
        "javascript:",
        "onmouseover",
        "iframe",
        "tracker",
        "<script",
        "alert",
        "evil.example",
        "t.example",
    ] {
        assert!(!json.contains(bad), "{bad} survived: {json}");
    }
}

#[test]
fn empty_and_garbage_inputs() {
    for input in [
        &b""[..],
        b"   \n",
        b"PK\x03\x04",
        b"{not json",
        b"<html></html>",
        b"\x00\x01\x02\x03",
    ] {
        let _ = read(input, None, &Limits::default());
    }
    assert!(matches!(
        read(b"", None, &Limits::default()),
        Err(FormatError::Empty)
    ));
    assert!(read(b"{\"title\": 5, \"chapters\": 1}", None, &Limits::default()).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn read_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read(&bytes, None, &Limits::default());
    }

    #[test]
    fn read_never_panics_on_tag_soup(parts in proptest::collection::vec(
        prop_oneof![
            Just("<p>".to_string()), Just("</p>".to_string()), Just("<div>".to_string()),
            Just("</div>".to_string()), Just("<h2>Chapter 3: X</h2>".to_string()), Just("<hr>".to_string()),
            Just("<br>".to_string()), Just("* * *".to_string()), Just("<em>".to_string()),
            Just("<blockquote>".to_string()), Just("<table><tr><td>".to_string()),
            Just("<div id=\"preface\"><dl class=\"tags\"><dt>Stats:</dt><dd>Chapters: 3/?".to_string()),
            Just("<div id=\"chapters\">".to_string()), Just("<a name=\"TOCTOP\">".to_string()),
            "[a-zA-Z .,\"']{0,40}",
        ], 0..60)) {
        let html = format!("<!DOCTYPE html><html><body>{}</body></html>", parts.concat());
        if let Ok(w) = read(html.as_bytes(), Some("x.html"), &Limits::default()) {
            for c in &w.work.chapters {
                prop_assert!(c.scenes.iter().all(|s| !s.paragraphs.is_empty()));
            }
        }
    }

    #[test]
    fn mutated_epubs_never_panic(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = good_epub();
        let len = bytes.len();
        for (i, v) in flips {
            bytes[i.index(len)] = v;
        }
        let _ = read(&bytes, Some("x.epub"), &Limits::default());
    }

    #[test]
    fn written_epubs_read_back(title in "[A-Za-z][A-Za-z &<>'\"]{0,30}", text in "[A-Za-z][a-z ,.&<>]{5,80}") {
        let mut w = ficarchive_model::Work { title: Some(title.trim().to_string()), ..Default::default() };
        w.chapters.push(ficarchive_model::Chapter::from_paragraphs(1, None, vec![ficarchive_model::Paragraph::plain(text.trim())]));
        let bytes = ficarchive_formats::write(&w, ficarchive_formats::ExportFormat::Epub).unwrap();
        let back = read(&bytes, None, &Limits::default()).unwrap().work;
        let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assert_eq!(back.title.map(|t| squash(&t)), w.title.map(|t| squash(&t)));
        let para: Vec<String> = back.chapters[0].paragraphs().map(|p| p.text.clone()).collect();
        prop_assert_eq!(para, vec![text.split_whitespace().collect::<Vec<_>>().join(" ")]);
    }
}

/// Found by fuzzing: control characters in a file's text went into the work, then into its
/// exports, which the front door took for binary data (and which are not well-formed XML).
#[test]
fn control_characters_never_reach_an_export() {
    // Few enough control characters among the text that the file is not taken for binary data.
    let filler = "<p>The keeper climbed the hill with a can of oil and a grudge.</p>".repeat(20);
    let html = format!(
        "<!DOCTYPE html><html><head><title>Ti\u{1}tle</title></head><body><h2>Chapter 1</h2><p>Sto\u{1}ry \u{8}text with \u{1b}debris.</p>{filler}<h2>Chapter 2</h2><p>More\u{7f} text.</p>{filler}</body></html>"
    );
    let w = read(html.as_bytes(), Some("x.html"), &Limits::default())
        .unwrap()
        .work;
    assert!(
        w.chapters
            .iter()
            .flat_map(|c| c.paragraphs())
            .all(|p| !p.text.chars().any(|c| c.is_control() && c != '\n')),
        "{w:?}"
    );
    let mut dirty = w.clone();
    dirty.title = Some("A\u{1}B\u{fffe}".into());
    dirty.chapters[0].scenes[0].paragraphs[0].text = "x\u{2}y z.".into();
    for format in [
        ficarchive_formats::ExportFormat::Epub,
        ficarchive_formats::ExportFormat::Html,
        ficarchive_formats::ExportFormat::Txt,
    ] {
        let bytes = ficarchive_formats::write(&dirty, format).unwrap();
        let back = read(
            &bytes,
            Some(&format!("x.{}", format.extension())),
            &Limits::default(),
        )
        .unwrap_or_else(|e| panic!("{format:?}: {e}"))
        .work;
        assert_eq!(back.title.as_deref(), Some("AB"), "{format:?}");
    }
}

/// Found by fuzzing: `[]` deserialised as an empty work; an AO3 preface with no chapters was
/// "malformed" rather than "no story".
#[test]
fn json_that_is_not_an_object_and_prefaces_without_chapters() {
    assert!(matches!(
        ficarchive_formats::json::read_json("[]"),
        Err(FormatError::Malformed { format: "JSON", .. })
    ));
    let preface = r#"<html><body><div id="preface"><p class="message">Posted originally</p><dl class="tags"><dt>Rating:</dt><dd>Mature</dd></dl></div></body></html>"#;
    assert!(matches!(
        ficarchive_formats::ao3::read_ao3_html(preface),
        Err(FormatError::NoStory)
    ));
}
