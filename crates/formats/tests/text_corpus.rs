//! Round trip over generated fics: the reader must recover the structure the generator put in
//! (`ficarchive-corpus`), across header styles, heading styles, layouts, encodings and line ends.
//! A failure names the fic's index so it can be regenerated with `TextCorpus::new(SEED).fic(i)`.

use ficarchive_corpus::{Expected, GeneratedFic, TextCorpus};
use ficarchive_formats::{Limits, read};
use ficarchive_model::Work;

const SEED: u64 = 0x0F1C;
const FICS: usize = 300;

/// What differs between the reader's work and the generator's truth, one line per field.
fn differences(fic: &GeneratedFic, work: &Work, source: &str) -> Vec<String> {
    let e: &Expected = &fic.expected;
    let mut out = Vec::new();
    let mut check = |what: &str, ok: bool, detail: String| {
        if !ok {
            // Long values (a summary that swallowed the story) are cut to keep the report readable.
            let detail: String = detail.chars().take(240).collect();
            out.push(format!("{what}: {detail}"));
        }
    };
    check(
        "title",
        work.title == e.title,
        format!("{:?} != {:?}", work.title, e.title),
    );
    check(
        "authors",
        work.authors == e.authors,
        format!("{:?} != {:?}", work.authors, e.authors),
    );
    check(
        "summary",
        work.summary == e.summary,
        format!("{:?} != {:?}", work.summary, e.summary),
    );
    if let Some(f) = &e.fandom {
        check(
            "fandom",
            work.tags.fandoms.contains(f),
            format!("{:?} lacks {f:?}", work.tags.fandoms),
        );
    }
    let mut got_rel = work.tags.relationships.clone();
    let mut want_rel = e.relationships.clone();
    got_rel.sort();
    want_rel.sort();
    check(
        "relationships",
        got_rel == want_rel,
        format!("{got_rel:?} != {want_rel:?}"),
    );
    check(
        "rating",
        e.rating.is_none() || work.tags.rating.is_some(),
        format!("{:?} not recognised", e.rating),
    );
    check(
        "status",
        work.status == e.status,
        format!("{:?} != {:?}", work.status, e.status),
    );
    check(
        "excerpt",
        work.excerpt_of_chapters == e.excerpt_of_chapters,
        format!(
            "{:?} != {:?}",
            work.excerpt_of_chapters, e.excerpt_of_chapters
        ),
    );
    check(
        "work notes",
        work.notes.is_empty() != e.work_notes,
        format!(
            "{} notes, expected some: {}",
            work.notes.len(),
            e.work_notes
        ),
    );
    let got: Vec<(u32, Option<&str>)> = work
        .chapters
        .iter()
        .map(|c| (c.number, c.title.as_deref()))
        .collect();
    let want: Vec<(u32, Option<&str>)> = e
        .chapters
        .iter()
        .map(|c| (c.number, c.title.as_deref()))
        .collect();
    check("chapters", got == want, format!("{got:?} != {want:?}"));
    if got.len() == want.len() {
        for (c, x) in work.chapters.iter().zip(&e.chapters) {
            let scenes: Vec<usize> = c.scenes.iter().map(|s| s.paragraphs.len()).collect();
            check(
                &format!("chapter {} paragraphs per scene", x.number),
                scenes == x.scene_paragraphs,
                format!("{scenes:?} != {:?}", x.scene_paragraphs),
            );
            let markers: Vec<&str> = c
                .scenes
                .iter()
                .skip(1)
                .filter_map(|s| s.marker.as_deref())
                .collect();
            check(
                &format!("chapter {} scene markers", x.number),
                markers == x.scene_markers,
                format!("{markers:?} != {:?}", x.scene_markers),
            );
            check(
                &format!("chapter {} notes before", x.number),
                c.notes_before.is_empty() != x.notes_before,
                format!("{:?}, expected some: {}", c.notes_before, x.notes_before),
            );
            check(
                &format!("chapter {} notes after", x.number),
                c.notes_after.is_empty() != x.notes_after,
                format!("{:?}, expected some: {}", c.notes_after, x.notes_after),
            );
        }
    }
    // No note sentence may leak into story text (curly quotes aside, notes are ASCII).
    let story: String = work
        .chapters
        .iter()
        .flat_map(|c| c.paragraphs())
        .map(|p| p.text.replace('’', "'"))
        .collect::<Vec<_>>()
        .join("\n");
    for note in &e.note_texts {
        let probe: String = note.chars().take(40).collect();
        check(
            "note in story",
            !story.contains(&probe),
            format!("{probe:?}"),
        );
    }
    for p in work.chapters.iter().flat_map(|c| c.paragraphs()) {
        let ok = p.span.is_some_and(|s| {
            s.slice(source)
                .is_some_and(|t| t.replace(['\r', '\n'], " ") == p.text)
        });
        check("paragraph span", ok, format!("{:?}", p.text));
    }
    out
}

#[test]
fn generated_fics_read_back_to_their_structure() {
    let corpus = TextCorpus::new(SEED);
    let mut failures: Vec<String> = Vec::new();
    let mut by_field: std::collections::BTreeMap<String, usize> = Default::default();
    for (i, fic) in corpus.iter(FICS).enumerate() {
        let r = match read(&fic.bytes, Some(&fic.file_name), &Limits::default()) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("fic {i} ({}): refused: {e}", fic.file_name));
                continue;
            }
        };
        let source = r.source_text.unwrap_or_default();
        let diffs = differences(&fic, &r.work, &source);
        for d in &diffs {
            let field = d.split(':').next().unwrap_or("").to_string();
            let field = field
                .trim_start_matches("chapter ")
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
                .to_string();
            *by_field.entry(field).or_default() += 1;
        }
        if !diffs.is_empty() {
            let e = &fic.expected;
            failures.push(format!(
                "fic {i} ({}; {:?} header, {:?} headings, {:?} layout, {}{}):\n    {}",
                fic.file_name,
                e.header,
                e.heading,
                e.layout,
                e.encoding,
                if e.crlf { ", CRLF" } else { "" },
                diffs.join("\n    ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {FICS} generated fics read wrong; failures by field: {by_field:?}\n{}",
        failures.len(),
        failures
            .iter()
            .take(25)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
