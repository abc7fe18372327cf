//! Acceptance: the two reference fics in `samples/` read into the structure of their hand
//! annotation (`expected.json` in the shared seeds). Paragraph numbers below are the annotation's:
//! the non-empty lines of the file, numbered from 1.

use std::path::PathBuf;

use ficarchive_formats::{Limits, ReadWork, read};
use ficarchive_model::{Status, Work};

fn sample(name: &str) -> (ReadWork, String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../samples")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let read_work = read(&bytes, Some(name), &Limits::default())
        .unwrap_or_else(|e| panic!("{name} must read: {e}"));
    let text = read_work
        .source_text
        .clone()
        .expect("the text reader returns its source text");
    (read_work, text)
}

/// The annotation's paragraphs: the non-empty lines of the source, trimmed, numbered from 1.
fn annotated_paragraphs(source: &str) -> Vec<&str> {
    std::iter::once("")
        .chain(source.lines().map(str::trim).filter(|l| !l.is_empty()))
        .collect()
}

fn story_paragraphs(work: &Work, chapter: usize) -> Vec<&str> {
    work.chapters[chapter]
        .paragraphs()
        .map(|p| p.text.trim())
        .collect()
}

fn all_story_text(work: &Work) -> Vec<&str> {
    (0..work.chapters.len())
        .flat_map(|c| story_paragraphs(work, c))
        .collect()
}

/// Every relationship the reader found must name the same characters as one the annotators
/// gave ("Buffy/Angel" as written for "Angel/Buffy Summers"): first names, in any order.
fn relationships_agree(found: &[String], annotated: &[&str]) {
    let names = |r: &str| {
        let mut v: Vec<String> = r
            .split('/')
            .map(|n| n.split_whitespace().next().unwrap_or("").to_lowercase())
            .collect();
        v.sort();
        v
    };
    assert!(!found.is_empty(), "the declared pairing is found");
    for r in found {
        assert!(
            annotated.iter().any(|a| names(a) == names(r)),
            "relationship {r:?} is not among {annotated:?}"
        );
    }
}

#[test]
fn seed_000_excerpt_of_two_chapters() {
    let (read_work, source) = sample("000_7cb14aa93ae2de92.txt");
    let work = &read_work.work;
    let paras = annotated_paragraphs(&source);

    assert_eq!(work.title.as_deref(), Some("Bloody Soul"));
    assert_eq!(work.authors, vec!["Kallysten".to_string()]);
    assert_eq!(
        work.summary.as_deref(),
        Some(
            "Story goes AU at the end of Becoming 2. Rewrite of season 3. Buffy/Angel for part of \
             the story, spuffy undertones throughout."
        )
    );
    assert_eq!(work.excerpt_of_chapters, Some((25, 26)));
    assert_eq!(
        work.status,
        Status::Complete,
        "an excerpt ending in \"The End.\""
    );
    relationships_agree(
        &work.tags.relationships,
        &["Angel/Buffy Summers", "Buffy Summers/Spike"],
    );

    let chapters: Vec<(u32, Option<&str>)> = work
        .chapters
        .iter()
        .map(|c| (c.number, c.title.as_deref()))
        .collect();
    assert_eq!(
        chapters,
        vec![(25, Some("Poisons")), (26, Some("Free to Love"))]
    );

    // Story text: exactly the annotated scene ranges, in order, per chapter.
    for (chapter, (first, last)) in [(0, (5, 62)), (1, (66, 116))] {
        let expected: Vec<&str> = paras[first..=last].to_vec();
        assert_eq!(
            story_paragraphs(work, chapter),
            expected,
            "story paragraphs of chapter {}",
            work.chapters[chapter].number
        );
    }

    // Chapter 26's two A/N paragraphs are its notes, not story text.
    let ch26 = &work.chapters[1];
    assert!(ch26.notes_after.is_empty());
    let notes: String = ch26
        .notes_before
        .iter()
        .map(|n| n.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(notes.contains("And here we are. Already the last chapter."));
    assert!(notes.contains("my beta reader Kumi"));
    assert!(!notes.contains("A/N:"), "the label is not part of the note");
    let story = all_story_text(work);
    for n in [64, 65, 117, 1, 2, 3, 4, 63] {
        assert!(
            !story.contains(&paras[n]),
            "paragraph {n} ({:?}) is not story text",
            paras[n]
        );
    }
    assert!(work.chapters[0].notes_before.is_empty() && work.chapters[0].notes_after.is_empty());

    // Spans map back into the decoded source.
    for p in work.chapters.iter().flat_map(|c| c.paragraphs()) {
        let span = p.span.expect("a text paragraph has a span");
        assert_eq!(span.slice(&source), Some(p.text.as_str()));
    }
}

#[test]
fn seed_004_one_shot_with_a_note_and_no_blank_lines() {
    let (read_work, source) = sample("004_0d1bb9ae744da6fa.txt");
    let work = &read_work.work;
    let paras = annotated_paragraphs(&source);

    assert_eq!(work.title, None);
    assert!(work.authors.is_empty());
    assert_eq!(work.summary, None);
    assert_eq!(work.status, Status::Complete, "a one-shot is complete");
    assert_eq!(work.excerpt_of_chapters, None);
    assert_eq!(
        work.notes
            .iter()
            .map(|n| n.text.as_str())
            .collect::<Vec<_>>(),
        vec!["This is a Buffy/Spike breakup scene, set sometime post-Season 10 of the comics."]
    );
    relationships_agree(&work.tags.relationships, &["Buffy Summers/Spike"]);

    assert_eq!(work.chapters.len(), 1);
    assert_eq!(work.chapters[0].number, 1);
    assert_eq!(work.chapters[0].title, None);
    assert!(work.chapters[0].notes_before.is_empty());
    assert_eq!(story_paragraphs(work, 0), paras[2..=22].to_vec());
    for p in work.chapters[0].paragraphs() {
        let span = p.span.expect("a text paragraph has a span");
        assert_eq!(span.slice(&source), Some(p.text.as_str()));
    }
}
