//! Fuzzes decoding and the plain-text reader: no panic, no hang, and every span the reader
//! returns lies inside the decoded text on character boundaries, with paragraph text the same
//! length as its span.
#![no_main]

use ficarchive_formats::encoding::decode;
use ficarchive_formats::text::read_text;
use ficarchive_model::Span;
use libfuzzer_sys::fuzz_target;

fn check(text: &str, span: Span) {
    assert!(span.start <= span.end && span.end <= text.len(), "span {span:?} out of bounds");
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "span {span:?} splits a character"
    );
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = decode(bytes) else { return };
    let Ok(work) = read_text(&decoded.text) else { return };
    let text = decoded.text.as_str();
    for note in &work.notes {
        if let Some(s) = note.span {
            check(text, s);
        }
    }
    for chapter in &work.chapters {
        for s in chapter.span.into_iter().chain(chapter.scenes.iter().filter_map(|s| s.span)) {
            check(text, s);
        }
        for note in chapter.notes_before.iter().chain(&chapter.notes_after) {
            if let Some(s) = note.span {
                check(text, s);
            }
        }
        for p in chapter.paragraphs() {
            let s = p.span.expect("text paragraphs have spans");
            check(text, s);
            assert_eq!(p.text.len(), s.len(), "paragraph text and span differ in length");
        }
    }
});
