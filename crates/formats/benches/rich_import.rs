//! Import throughput per format (MB/s) on a generated corpus: the same works written through
//! ficarchive's own writers (EPUB 3 and HTML in AO3's layout, JSON, TXT), in FanFicFare's three
//! layouts (EPUB 2, HTML, TXT), as generic HTML and generic EPUB 2, and as Markdown; each read
//! through the front door `read` (detection included).
//!
//! `cargo test --benches` runs it once on 2 works; the figures come from
//! `FORMATS_BENCH_WORKS=40 cargo bench -p ficarchive-formats --bench rich_import`.

use std::io::Write as _;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ficarchive_formats::{ExportFormat, Limits, read, write};
use ficarchive_model::{Chapter, Note, Paragraph, Scene, SceneBreak, TagKind, Work};

/// How many works the corpus holds: small unless `FORMATS_BENCH_WORKS` asks for more.
fn works_count() -> usize {
    std::env::var("FORMATS_BENCH_WORKS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2)
}

/// A deterministic pseudo-random work of a few chapters (xorshift; no dependency needed).
fn generated_work(seed: u64) -> Work {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    const WORDS: [&str; 24] = [
        "the", "keeper", "lamp", "storm", "said", "quietly", "and", "she", "he", "light",
        "harbour", "winter", "log", "wrote", "sea", "gull", "bread", "door", "never", "again",
        "morning", "dark", "hill", "oil",
    ];
    let mut sentence = |n: usize| {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(WORDS[(next() % WORDS.len() as u64) as usize]);
        }
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str() + ".")
            .unwrap_or_default()
    };
    let mut w = Work {
        title: Some(format!("Generated Work {seed}")),
        authors: vec![format!("author{seed}")],
        summary: Some(sentence(30)),
        notes: vec![Note::new(sentence(20))],
        ..Work::default()
    };
    w.tags.add(TagKind::Rating, "Teen And Up Audiences");
    w.tags.add(TagKind::Fandom, "Original Work");
    w.tags.add(TagKind::Freeform, "Slow Burn");
    for ch in 1..=5u32 {
        let mut scenes = Vec::new();
        for s in 0..3 {
            let paragraphs: Vec<Paragraph> = (0..20)
                .map(|i| {
                    let text = sentence(40 + i % 30);
                    if i % 4 == 0 {
                        let html = format!("<p><em>{text}</em></p>");
                        Paragraph {
                            text,
                            html: Some(html),
                            span: None,
                        }
                    } else {
                        Paragraph::plain(text)
                    }
                })
                .collect();
            let kind = if s == 0 {
                SceneBreak::Start
            } else {
                SceneBreak::Explicit
            };
            scenes.push(Scene::new(kind, None, paragraphs));
        }
        let mut chapter = Chapter::from_paragraphs(ch, Some(format!("Part {ch}")), Vec::new());
        chapter.scenes = scenes;
        chapter.notes_after.push(Note::new(sentence(12)));
        w.chapters.push(chapter);
    }
    w
}

fn markdown(work: &Work) -> String {
    let mut out = format!(
        "---\ntitle: {}\nauthor: {}\n---\n\n",
        work.display_title(),
        work.authors.join(", ")
    );
    for c in &work.chapters {
        out.push_str(&format!("## {}\n\n", c.display_title()));
        for (i, s) in c.scenes.iter().enumerate() {
            if i > 0 {
                out.push_str("* * *\n\n");
            }
            for p in &s.paragraphs {
                out.push_str(&p.text);
                out.push_str("\n\n");
            }
        }
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The story as XHTML paragraphs, scenes parted by `<hr/>`.
fn body_html(c: &Chapter) -> String {
    let mut out = String::new();
    for (i, s) in c.scenes.iter().enumerate() {
        if i > 0 {
            out.push_str("<hr/>\n");
        }
        for p in &s.paragraphs {
            out.push_str(&format!("<p>{}</p>\n", esc(&p.text)));
        }
    }
    out
}

/// FanFicFare's title-page lines ("<b>Label:</b> value<br />").
fn fff_labels(w: &Work) -> String {
    format!(
        "<b>Category:</b> Original Work<br />\n<b>Genre:</b> Slow Burn<br />\n<b>Status:</b> In-Progress<br />\n<b>Published:</b> 2021-02-14<br />\n<b>Rating:</b> Teen And Up Audiences<br />\n<b>Summary:</b> {}<br />\n",
        esc(w.summary.as_deref().unwrap_or(""))
    )
}

/// FanFicFare's HTML layout: heading, metadata table, TOC anchor, `section` anchors.
fn fff_html(w: &Work) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html><head><title>{t} by {a}</title></head><body>\n<h1><a href=\"http://test1.com?sid=1\">{t}</a> by <a class='authorlink' href='http://test1.com?authid=1'>{a}</a></h1>\n<table class=\"full\">\n<tr><td><b>Category:</b></td><td>Original Work</td></tr>\n<tr><td><b>Status:</b></td><td>In-Progress</td></tr>\n</table>\n<a name=\"TOCTOP\"><h2>Table of Contents</h2></a>\n",
        t = esc(w.display_title()),
        a = esc(&w.authors.join(", "))
    );
    for (i, c) in w.chapters.iter().enumerate() {
        out.push_str(&format!(
            "<a name=\"section{:04}\"><h2>{}</h2></a>\n<div>{}</div>\n",
            i + 1,
            esc(&c.display_title()),
            body_html(c)
        ));
    }
    out.push_str("</body></html>\n");
    out
}

/// FanFicFare's TXT layout (html2text): header lines, TABLE OF CONTENTS, indented headings.
fn fff_txt(w: &Work) -> String {
    let mut out = format!(
        "{}\n\nby {}\n\n\nCategory: Original Work\nStatus: In-Progress\nPublished: 2021-02-14\nPackaged: 2026-11-23 15:20:00\nStory URL: http://test1.com?sid=1\n\nTABLE OF CONTENTS\n\n",
        w.display_title(),
        w.authors.join(", ")
    );
    for c in &w.chapters {
        out.push_str(&format!("{}\n\n", c.display_title()));
    }
    for c in &w.chapters {
        out.push_str(&format!("\n\n        {}\n\n", c.display_title()));
        for (i, s) in c.scenes.iter().enumerate() {
            if i > 0 {
                out.push_str("* * *\n\n");
            }
            for p in &s.paragraphs {
                out.push_str(&p.text);
                out.push_str("\n\n");
            }
        }
    }
    out.push_str("End file.\n");
    out
}

fn xhtml(title: &str, body_class: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>{}</title></head><body class=\"{body_class}\">\n{body}</body></html>\n",
        esc(title)
    )
}

/// An EPUB 2 holding `pages` (file name, XHTML) in order, with `identifier` in the OPF.
fn epub2(w: &Work, identifier: &str, pages: &[(String, String)]) -> Vec<u8> {
    let mut manifest = String::new();
    let mut spine = String::new();
    for (i, (name, _)) in pages.iter().enumerate() {
        manifest.push_str(&format!(
            "<item id=\"p{i}\" href=\"{name}\" media-type=\"application/xhtml+xml\"/>"
        ));
        spine.push_str(&format!("<itemref idref=\"p{i}\"/>"));
    }
    let opf = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"2.0\" unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:identifier id=\"id\">{identifier}</dc:identifier><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>en</dc:language></metadata><manifest>{manifest}</manifest><spine>{spine}</spine></package>",
        esc(w.display_title()),
        esc(&w.authors.join(", "))
    );
    let container = "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"content.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut add = |name: &str, data: &str, opts| {
        zip.start_file(name, opts).expect("zip in memory");
        zip.write_all(data.as_bytes()).expect("zip in memory");
    };
    add("mimetype", "application/epub+zip", stored);
    add("META-INF/container.xml", container, deflated);
    add("content.opf", &opf, deflated);
    for (name, page) in pages {
        add(name, page, deflated);
    }
    zip.finish().expect("zip in memory").into_inner()
}

/// FanFicFare's EPUB layout: `fanficfare-uid`, a `fff_titlepage`, `fff_chapter` files.
fn fff_epub(w: &Work) -> Vec<u8> {
    let mut pages = vec![(
        "OEBPS/title_page.xhtml".to_string(),
        xhtml(
            w.display_title(),
            "fff_titlepage",
            &format!(
                "<h3><a href=\"http://test1.com?sid=1\">{}</a> by <a class=\"authorlink\" href=\"http://test1.com?authid=1\">{}</a></h3>\n<div>{}</div>",
                esc(w.display_title()),
                esc(&w.authors.join(", ")),
                fff_labels(w)
            ),
        ),
    )];
    for (i, c) in w.chapters.iter().enumerate() {
        pages.push((
            format!("OEBPS/file{:04}.xhtml", i + 1),
            xhtml(
                &c.display_title(),
                "fff_chapter",
                &format!(
                    "<h3 class=\"fff_chapter_title\">{}</h3>\n<div>{}</div>",
                    esc(&c.display_title()),
                    body_html(c)
                ),
            ),
        ));
    }
    epub2(w, "fanficfare-uid:test1.com-u1-s1", &pages)
}

/// A generic EPUB 2 (as most tools write): one XHTML file per chapter with an `<h1>`.
fn generic_epub(w: &Work) -> Vec<u8> {
    let pages: Vec<(String, String)> = w
        .chapters
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                format!("text/ch{:03}.xhtml", i + 1),
                xhtml(
                    &c.display_title(),
                    "chapter",
                    &format!("<h1>{}</h1>\n{}", esc(&c.display_title()), body_html(c)),
                ),
            )
        })
        .collect();
    epub2(w, "urn:uuid:00000000-0000-4000-8000-000000000001", &pages)
}

/// Generic HTML: a title, `<h2>` chapter headings, paragraphs.
fn generic_html(w: &Work) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{t}</title><meta name=\"author\" content=\"{a}\"></head><body>\n<h1>{t}</h1>\n",
        t = esc(w.display_title()),
        a = esc(&w.authors.join(", "))
    );
    for c in &w.chapters {
        out.push_str(&format!(
            "<h2>{}</h2>\n{}",
            esc(&c.display_title()),
            body_html(c)
        ));
    }
    out.push_str("</body></html>\n");
    out
}

fn rich_import(c: &mut Criterion) {
    let count = works_count();
    let works: Vec<Work> = (1..=count as u64).map(generated_work).collect();
    let mut group = c.benchmark_group("rich_import");
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_millis(500));
    let mut inputs: Vec<(&str, &str, Vec<Vec<u8>>)> = Vec::new();
    for (name, format) in [
        ("epub", ExportFormat::Epub),
        ("ao3_html", ExportFormat::Html),
        ("json", ExportFormat::Json),
        ("txt", ExportFormat::Txt),
    ] {
        let files = works
            .iter()
            .map(|w| write(w, format).expect("generated works always write"))
            .collect();
        inputs.push((name, format.extension(), files));
    }
    inputs.push((
        "markdown",
        "md",
        works.iter().map(|w| markdown(w).into_bytes()).collect(),
    ));
    inputs.push(("fff_epub", "epub", works.iter().map(fff_epub).collect()));
    inputs.push((
        "fff_html",
        "html",
        works.iter().map(|w| fff_html(w).into_bytes()).collect(),
    ));
    inputs.push((
        "fff_txt",
        "txt",
        works.iter().map(|w| fff_txt(w).into_bytes()).collect(),
    ));
    inputs.push((
        "generic_epub",
        "epub",
        works.iter().map(generic_epub).collect(),
    ));
    inputs.push((
        "generic_html",
        "html",
        works.iter().map(|w| generic_html(w).into_bytes()).collect(),
    ));
    // Every input must read as the work it was made from, or the figures measure an error path.
    let limits = Limits::default();
    for (name, ext, files) in &inputs {
        for (f, w) in files.iter().zip(&works) {
            let back = read(f, Some(&format!("work.{ext}")), &limits)
                .unwrap_or_else(|e| panic!("{name}: {e}"))
                .work;
            assert_eq!(back.chapters.len(), w.chapters.len(), "{name}: chapters");
            assert_eq!(back.words(), w.words(), "{name}: words");
        }
    }
    for (name, ext, files) in &inputs {
        let bytes: usize = files.iter().map(Vec::len).sum();
        eprintln!("{name}: {count} works, {:.2} MB", bytes as f64 / 1e6);
        let file_name = format!("work.{ext}");
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::new(*name, count), files, |b, files| {
            b.iter(|| {
                files
                    .iter()
                    .filter_map(|f| read(f, Some(&file_name), &limits).ok())
                    .map(|r| r.work.chapters.len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, rich_import);
criterion_main!(benches);
