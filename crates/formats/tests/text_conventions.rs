//! The conventions real plain-text fics use, one small hand-made sample each, read through the
//! library's front door (`read`) so that decoding is exercised too.

use ficarchive_formats::{FormatError, Limits, read};
use ficarchive_model::{Rating, SceneBreak, Status, Work};

fn read_bytes(bytes: &[u8]) -> (Work, String) {
    let r = read(bytes, Some("sample.txt"), &Limits::default())
        .unwrap_or_else(|e| panic!("reads {:?}: {e}", String::from_utf8_lossy(bytes)));
    let text = r.source_text.expect("text reader keeps the source");
    (r.work, text)
}

fn read_str(text: &str) -> Work {
    read_bytes(text.as_bytes()).0
}

fn story(work: &Work) -> Vec<String> {
    work.chapters
        .iter()
        .flat_map(|c| c.paragraphs())
        .map(|p| p.text.clone())
        .collect()
}

fn chapters(work: &Work) -> Vec<(u32, Option<String>)> {
    work.chapters
        .iter()
        .map(|c| (c.number, c.title.clone()))
        .collect()
}

fn note_texts(notes: &[ficarchive_model::Note]) -> String {
    notes
        .iter()
        .map(|n| n.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

const PROSE: &str = "She walked along the river until the lights of the town were gone.\n\n\
                     \"Wait for me,\" he called, but she did not turn around.\n";

// ----- header lines ------------------------------------------------------------------------

#[test]
fn title_by_author_line() {
    let w = read_str(&format!("The Silent Road by moonlitmuse\n\n{PROSE}"));
    assert_eq!(w.title.as_deref(), Some("The Silent Road"));
    assert_eq!(w.authors, vec!["moonlitmuse"]);
    assert_eq!(story(&w).len(), 2);
}

#[test]
fn field_block_each_field_to_its_kind() {
    let w = read_str(&format!(
        "Title: Ashes of Dawn\nAuthor: RavenQuill\nFandom: Buffy the Vampire Slayer\nRating: NC-17\n\
         Pairing: Buffy/Angel, Spike/Buffy\nWarnings: Character death, Violence\nCategory: F/M\n\
         Characters: Buffy, Spike, Angel\nGenre: Angst\nLanguage: English\n\
         Series: Dark Roads, Part 2\nSummary: Buffy makes a choice.\nDisclaimer: Joss owns them.\n\n{PROSE}"
    ));
    assert_eq!(w.title.as_deref(), Some("Ashes of Dawn"));
    assert_eq!(w.authors, vec!["RavenQuill"]);
    assert_eq!(w.tags.fandoms, vec!["Buffy the Vampire Slayer"]);
    assert_eq!(w.tags.rating, Some(Rating::Explicit));
    assert_eq!(w.tags.relationships, vec!["Buffy/Angel", "Spike/Buffy"]);
    assert_eq!(w.tags.warnings, vec!["Character death", "Violence"]);
    assert_eq!(w.tags.categories, vec!["F/M"]);
    assert_eq!(w.tags.characters, vec!["Buffy", "Spike", "Angel"]);
    assert_eq!(w.tags.freeform, vec!["Angst"]);
    assert_eq!(w.language.as_deref(), Some("English"));
    assert_eq!(w.series.len(), 1);
    assert_eq!(w.series[0].name, "Dark Roads");
    assert_eq!(w.series[0].part, Some(2));
    assert_eq!(w.summary.as_deref(), Some("Buffy makes a choice."));
    assert!(note_texts(&w.notes).contains("Joss owns them."));
    assert_eq!(story(&w).len(), 2, "header lines are not story text");
}

#[test]
fn field_block_with_status_and_notes() {
    let w = read_str(&format!(
        "Title: Waiting\nAuthor: Elspeth\nStatus: In progress\nNotes: Written for the winter exchange.\n\n{PROSE}"
    ));
    assert_eq!(w.status, Status::InProgress);
    assert!(note_texts(&w.notes).contains("winter exchange"));
}

#[test]
fn by_line_under_the_title() {
    for by in [
        "By: Anne Author",
        "by Anne Author",
        "Written by Anne Author",
    ] {
        let w = read_str(&format!("The Gift\n{by}\n\n{PROSE}"));
        assert_eq!(w.title.as_deref(), Some("The Gift"), "{by}");
        assert_eq!(w.authors, vec!["Anne Author"], "{by}");
        assert_eq!(story(&w).len(), 2, "{by}");
    }
}

#[test]
fn markdown_title_heading() {
    let w = read_str(&format!("# Holding On\n\nby starfall\n\n{PROSE}"));
    assert_eq!(w.title.as_deref(), Some("Holding On"));
    assert_eq!(w.authors, vec!["starfall"]);
    assert_eq!(story(&w).len(), 2);
}

#[test]
fn prose_that_starts_like_a_header_is_story() {
    let w = read_str(
        "By the time she reached the crypt, the fight was already over and done with.\n\n\
         Part of him wanted to stay; the rest wanted to run and never look back.\n\n\
         Chapter and verse, he could have quoted every mistake she had ever made.\n",
    );
    assert_eq!(w.title, None);
    assert!(w.authors.is_empty());
    assert_eq!(w.chapters.len(), 1);
    assert_eq!(story(&w).len(), 3);
}

// ----- chapter headings --------------------------------------------------------------------

#[test]
fn chapter_number_colon_title() {
    let w = read_str("Chapter 1: Poisons\n\nOne.\n\nChapter 2: Free to Love\n\nTwo.\n");
    assert_eq!(
        chapters(&w),
        vec![
            (1, Some("Poisons".into())),
            (2, Some("Free to Love".into()))
        ]
    );
    assert_eq!(story(&w), vec!["One.", "Two."]);
}

#[test]
fn chapter_number_in_words_with_dash_title() {
    let w = read_str(
        "Chapter Twenty-Four - Old Wounds\n\nOne.\n\nChapter Twenty-Five - Poisons\n\nTwo.\n",
    );
    assert_eq!(
        chapters(&w),
        vec![
            (24, Some("Old Wounds".into())),
            (25, Some("Poisons".into()))
        ]
    );
}

#[test]
fn chapter_in_capitals_with_roman_numerals() {
    let w = read_str("CHAPTER XXIV\n\nOne.\n\nCHAPTER XXV\n\nTwo.\n");
    assert_eq!(chapters(&w), vec![(24, None), (25, None)]);
}

#[test]
fn roman_numerals_with_subtraction() {
    let text: String = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XIV",
    ]
    .iter()
    .map(|r| format!("CHAPTER {r}\n\nText of chapter {r}.\n\n"))
    .collect();
    let w = read_str(&text);
    assert_eq!(
        w.chapters.iter().map(|c| c.number).collect::<Vec<_>>(),
        vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14]
    );
}

#[test]
fn chapter_title_on_the_next_line() {
    let w = read_str("Chapter 1\nHomecoming\n\nOne.\n\nChapter 2\nAftermath\n\nTwo.\n");
    assert_eq!(
        chapters(&w),
        vec![
            (1, Some("Homecoming".into())),
            (2, Some("Aftermath".into()))
        ]
    );
    assert_eq!(story(&w), vec!["One.", "Two."]);
}

#[test]
fn parts_are_chapters() {
    let w = read_str("Part 1: Leaving\n\nOne.\n\nPart 2\n\nTwo.\n\nPart 3: Return\n\nThree.\n");
    assert_eq!(
        chapters(&w),
        vec![
            (1, Some("Leaving".into())),
            (2, None),
            (3, Some("Return".into()))
        ]
    );
}

#[test]
fn prologue_and_epilogue_are_numbered_in_sequence() {
    let w = read_str(
        "Prologue\n\nBefore.\n\nChapter 1: Start\n\nDuring.\n\nChapter 2\n\nLater.\n\nEpilogue\n\nAfter.\n",
    );
    let got = chapters(&w);
    assert_eq!(got.len(), 4);
    assert_eq!(
        got.iter().map(|c| c.0).collect::<Vec<_>>(),
        vec![1, 2, 3, 4],
        "numbers are positions"
    );
    assert_eq!(got[0].1.as_deref(), Some("Prologue"));
    assert_eq!(got[3].1.as_deref(), Some("Epilogue"));
    assert_eq!(story(&w), vec!["Before.", "During.", "Later.", "After."]);
}

#[test]
fn markdown_chapter_headings() {
    let w = read_str("# The Gift\n\n## Chapter 1: Start\n\nOne.\n\n## Chapter 2: End\n\nTwo.\n");
    assert_eq!(w.title.as_deref(), Some("The Gift"));
    assert_eq!(
        chapters(&w),
        vec![(1, Some("Start".into())), (2, Some("End".into()))]
    );
}

#[test]
fn chapters_range_marks_an_excerpt() {
    let w = read_str("Chapters 7-8\n\nChapter 7\n\nSeven.\n\nChapter 8\n\nEight.\n");
    assert_eq!(w.excerpt_of_chapters, Some((7, 8)));
    assert_eq!(chapters(&w), vec![(7, None), (8, None)]);
    assert_eq!(
        w.status,
        Status::Unknown,
        "nothing says the excerpt ends the work"
    );
    assert!(!story(&w).iter().any(|p| p.contains("Chapters")));
}

#[test]
fn an_excerpt_ending_in_the_end_is_complete() {
    let w = read_str("Chapters 7-8\n\nChapter 7\n\nSeven.\n\nChapter 8\n\nEight.\n\nThe End\n");
    assert_eq!(w.status, Status::Complete);
}

// ----- author's notes ----------------------------------------------------------------------

#[test]
fn note_labels_at_chapter_start_and_end() {
    for (label, close) in [
        ("A/N: ", ""),
        ("AN: ", ""),
        ("Author's Note: ", ""),
        ("Author's Notes: ", ""),
        ("(A/N: ", ")"),
        ("[A/N: ", "]"),
    ] {
        let text = format!(
            "Chapter 1\n\n{label}Sorry for the wait!{close}\n\nShe ran into the night.\n\n\
             {label}Please review.{close}\n\nChapter 2\n\nHe followed her.\n"
        );
        let w = read_str(&text);
        let c1 = &w.chapters[0];
        assert_eq!(
            note_texts(&c1.notes_before),
            "Sorry for the wait!",
            "{label}"
        );
        assert_eq!(note_texts(&c1.notes_after), "Please review.", "{label}");
        assert_eq!(
            story(&w),
            vec!["She ran into the night.", "He followed her."],
            "{label}"
        );
    }
}

#[test]
fn a_note_over_several_paragraphs() {
    let w = read_str(
        "Chapter 1\n\nOne.\n\nChapter 2\n\nA/N: And here we are, the last chapter.\n\n\
         A last few words to thank my beta reader, and all of you who reviewed.\n\n\
         She opened the door.\n",
    );
    let notes = note_texts(&w.chapters[1].notes_before);
    assert!(notes.contains("the last chapter") && notes.contains("my beta reader"));
    assert_eq!(story(&w), vec!["One.", "She opened the door."]);
}

#[test]
fn a_parenthesised_note_over_several_paragraphs() {
    let w = read_str(
        "(A/N: This took forever to write.\n\nThanks to everyone who waited.)\n\nShe opened the door.\n",
    );
    let notes = note_texts(&w.notes);
    assert!(notes.contains("forever") && notes.contains("everyone who waited"));
    assert_eq!(story(&w), vec!["She opened the door."]);
}

#[test]
fn notes_before_the_first_heading_are_work_notes() {
    let w = read_str(
        "A/N: This story is finished and will be posted daily.\n\nChapter 1\n\nOne.\n\nChapter 2\n\nTwo.\n",
    );
    assert!(note_texts(&w.notes).contains("posted daily"));
    assert!(w.chapters[0].notes_before.is_empty());
    assert_eq!(w.chapters.len(), 2);
}

#[test]
fn one_shot_note_before_the_story_is_a_work_note() {
    let w = read_str("A/N: Written for a friend.\n\nShe opened the door.\n");
    assert_eq!(note_texts(&w.notes), "Written for a friend.");
    assert!(w.chapters[0].notes_before.is_empty());
    // Also when the header already gave a disclaimer.
    let w = read_str(
        "Title: T\nAuthor: A\nDisclaimer: Not mine.\n\nA/N: Written for a friend.\n\nShe opened the door.\n",
    );
    assert!(note_texts(&w.notes).contains("Written for a friend."));
    assert!(w.chapters[0].notes_before.is_empty());
    assert_eq!(story(&w), vec!["She opened the door."]);
}

#[test]
fn disclaimer_line_is_a_note() {
    let w = read_str("Disclaimer: I own nothing.\n\nShe opened the door.\n");
    assert!(note_texts(&w.notes).contains("I own nothing."));
    assert_eq!(story(&w), vec!["She opened the door."]);
}

#[test]
fn a_story_paragraph_mentioning_a_chapter_is_not_a_note() {
    for layout in ["\n\n", "\n"] {
        let text = [
            "Chapter 1",
            "A/N: Thanks to my beta!",
            "She closed the book at the end of the chapter and went to bed without a word.",
            "Morning came.",
        ]
        .join(layout);
        let w = read_str(&text);
        assert_eq!(
            note_texts(&w.chapters[0].notes_before),
            "Thanks to my beta!",
            "{layout:?}"
        );
        assert_eq!(w.chapters[0].paragraphs().count(), 2, "{layout:?}");
    }
}

#[test]
fn dialogue_about_notes_is_story() {
    let w = read_str(
        "\"A/N is what they call it,\" she said.\n\n\"Thanks for the review,\" he said, and thanked the reader.\n",
    );
    assert_eq!(story(&w).len(), 2);
}

// ----- scene breaks ------------------------------------------------------------------------

#[test]
fn scene_break_markers_start_new_scenes() {
    let mut missed = Vec::new();
    for marker in [
        "* * *", "***", "~~~", "~*~*~", "xXx", "oOo", "---", "#", "_______", "-x-x-", "+++",
        "o0o0o", "=====", "~o~o~", "*~*~*~*", "xxx", "XXX", "oOoOo", "0o0o0",
    ] {
        let w = read_str(&format!(
            "The first scene ends here.\n\n{marker}\n\nThe second scene begins.\n"
        ));
        let scenes = &w.chapters[0].scenes;
        let ok = scenes.len() == 2
            && scenes[0].break_kind == SceneBreak::Start
            && scenes[1].break_kind == SceneBreak::Explicit
            && scenes[1].marker.as_deref() == Some(marker)
            && story(&w).len() == 2;
        if !ok {
            missed.push(marker);
        }
    }
    assert!(
        missed.is_empty(),
        "markers not taken for scene breaks: {missed:?}"
    );
}

#[test]
fn centred_scene_break() {
    let w = read_str("One scene.\n\n                * * *\n\nAnother scene.\n");
    assert_eq!(w.chapters[0].scenes.len(), 2);
    assert_eq!(w.chapters[0].scenes[1].marker.as_deref(), Some("* * *"));
}

#[test]
fn scene_breaks_without_blank_lines() {
    let w = read_str("One scene.\n~*~*~\nAnother scene.\nAnd more of it.\n");
    let scenes = &w.chapters[0].scenes;
    assert_eq!(scenes.len(), 2);
    assert_eq!(scenes[1].paragraphs.len(), 2);
}

// ----- end markers and status --------------------------------------------------------------

#[test]
fn end_markers_set_status_and_are_not_story() {
    for (marker, status) in [
        ("The End", Status::Complete),
        ("The End.", Status::Complete),
        ("THE END", Status::Complete),
        ("Fin", Status::Complete),
        ("~Fin~", Status::Complete),
        ("-The End-", Status::Complete),
        ("TBC", Status::InProgress),
        ("TBC...", Status::InProgress),
        ("(TBC)", Status::InProgress),
        ("To be continued...", Status::InProgress),
        ("To Be Continued", Status::InProgress),
    ] {
        let w = read_str(&format!(
            "Chapter 1\n\nOne.\n\nChapter 2\n\nTwo.\n\n{marker}\n"
        ));
        assert_eq!(w.status, status, "{marker:?}");
        assert_eq!(story(&w), vec!["One.", "Two."], "{marker:?}");
    }
}

#[test]
fn the_last_chapter_decides_the_status() {
    let w = read_str("Chapter 1\n\nOne.\n\nTBC\n\nChapter 2\n\nTwo.\n\nThe End\n");
    assert_eq!(w.status, Status::Complete);
    let w = read_str("Chapter 1\n\nOne.\n\nTBC\n\nChapter 2\n\nTwo.\n\nTBC\n");
    assert_eq!(w.status, Status::InProgress);
}

#[test]
fn end_marker_followed_by_a_note() {
    let w =
        read_str("Chapter 1\n\nOne.\n\nChapter 2\n\nTwo.\n\nThe End\n\nA/N: Thanks for reading!\n");
    assert_eq!(w.status, Status::Complete);
    assert_eq!(
        note_texts(&w.chapters[1].notes_after),
        "Thanks for reading!"
    );
    assert_eq!(story(&w), vec!["One.", "Two."]);
}

#[test]
fn one_shots_are_complete_unless_continued() {
    assert_eq!(read_str(PROSE).status, Status::Complete);
    assert_eq!(
        read_str(&format!("{PROSE}\nTBC\n")).status,
        Status::InProgress
    );
    assert_eq!(
        read_str("Chapter 1\n\nOne.\n\nChapter 2\n\nTwo.\n").status,
        Status::Unknown
    );
}

// ----- relationships -----------------------------------------------------------------------

#[test]
fn relationships_from_summary_and_notes_as_written() {
    let w = read_str(
        "Title: T\nAuthor: A\nSummary: Post-canon. Willow/Tara, some Xander/Anya.\n\n\
         A/N: A Giles/Jenny missing scene, w/o spoilers.\n\nShe opened the door.\n",
    );
    let mut rels = w.tags.relationships.clone();
    rels.sort();
    assert_eq!(rels, vec!["Giles/Jenny", "Willow/Tara", "Xander/Anya"]);
}

#[test]
fn a_slash_in_story_text_is_not_a_relationship() {
    let w = read_str("She read the sign: Exit/Entrance. Then she left and/or stayed.\n");
    assert!(w.tags.relationships.is_empty());
}

// ----- encodings, line ends, layouts -------------------------------------------------------

#[test]
fn utf8_bom_is_removed_and_spans_follow_the_text() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice("Title: Café\nAuthor: Zoë\n\nShe said “hello”.\n".as_bytes());
    let (w, text) = read_bytes(&bytes);
    assert!(!text.starts_with('\u{FEFF}'));
    assert_eq!(w.title.as_deref(), Some("Café"));
    let p = w.chapters[0].paragraphs().next().expect("a paragraph");
    assert_eq!(
        p.span.and_then(|s| s.slice(&text)),
        Some("She said “hello”.")
    );
}

#[test]
fn windows_1252_curly_quotes() {
    let (w, text) =
        read_bytes(b"Title: Caf\xe9 Noir\n\n\x93Hello,\x94 she said \x96 and smiled\x85\n");
    assert_eq!(w.title.as_deref(), Some("Café Noir"));
    assert_eq!(story(&w), vec!["“Hello,” she said – and smiled…"]);
    assert!(text.contains('“'));
}

#[test]
fn crlf_line_ends() {
    let w = read_str(
        "Title: T\r\nAuthor: A\r\n\r\nChapter 1: One\r\n\r\nFirst.\r\n\r\n* * *\r\n\r\nSecond.\r\n\r\nChapter 2: Two\r\n\r\nThird.\r\n\r\nThe End\r\n",
    );
    assert_eq!(w.title.as_deref(), Some("T"));
    assert_eq!(
        chapters(&w),
        vec![(1, Some("One".into())), (2, Some("Two".into()))]
    );
    assert_eq!(story(&w), vec!["First.", "Second.", "Third."]);
    assert_eq!(w.chapters[0].scenes.len(), 2);
    assert_eq!(w.status, Status::Complete);
}

#[test]
fn old_mac_line_ends() {
    let w = read_str("Chapter 1\r\rFirst.\r\rChapter 2\r\rSecond.\r");
    assert_eq!(story(&w), vec!["First.", "Second."]);
}

#[test]
fn indented_paragraphs_without_blank_lines() {
    let w = read_str("    She ran.\n    He followed her down the road.\n\tThey stopped.\n");
    assert_eq!(
        story(&w),
        vec![
            "She ran.",
            "He followed her down the road.",
            "They stopped."
        ]
    );
}

#[test]
fn double_spaced_paragraphs() {
    let w =
        read_str("Chapter 1\n\n\nShe ran.\n\n\nHe followed.\n\n\nChapter 2\n\n\nThey stopped.\n");
    assert_eq!(w.chapters.len(), 2);
    assert_eq!(story(&w), vec!["She ran.", "He followed.", "They stopped."]);
}

#[test]
fn one_paragraph_per_line() {
    let w = read_str(
        "Chapter 1\nShe ran into the night, not looking back.\n\"Wait!\" he called.\nShe did not wait.\nChapter 2\nMorning came.\n",
    );
    assert_eq!(w.chapters.len(), 2);
    assert_eq!(w.chapters[0].paragraphs().count(), 3);
}

#[test]
fn one_paragraph_per_line_after_a_header() {
    let w = read_str(
        "The Gift by Anne\nSummary: A short summary.\nShe ran into the night, not looking back at all.\n\
         \"Wait!\" he called after her, but she was already gone.\nShe did not wait.\n",
    );
    assert_eq!(w.title.as_deref(), Some("The Gift"));
    assert_eq!(w.summary.as_deref(), Some("A short summary."));
    assert_eq!(w.chapters[0].paragraphs().count(), 3);
    let w = read_str(
        "Title: The Gift\nAuthor: Anne\nSummary: A short summary.\n    She ran into the night, not looking back.\n\
         \x20   \"Wait!\" he called after her.\n",
    );
    assert_eq!(w.summary.as_deref(), Some("A short summary."));
    assert_eq!(w.chapters[0].paragraphs().count(), 2);
}

#[test]
fn a_wrapped_summary_goes_on_over_lines() {
    let w = read_str(
        "Title: The Gift\nAuthor: Anne\nSummary: A summary that goes on for longer than one\n\
         line of the file, as old archives wrapped it.\n\nShe ran.\n",
    );
    assert_eq!(
        w.summary.as_deref(),
        Some(
            "A summary that goes on for longer than one line of the file, as old archives wrapped it."
        )
    );
}

fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::from(indent);
    let mut column = indent.len();
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 && column + 1 + word.len() > width {
            out.push('\n');
            column = 0;
        } else if i > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += word.len();
    }
    out
}

const LONG: &str = "It was a dark and stormy night, and the rain fell in torrents except at \
    occasional intervals, when it was checked by a violent gust of wind which swept up the \
    streets, rattling along the housetops and fiercely agitating the scanty flame of the lamps \
    that struggled against the darkness.";

#[test]
fn hard_wrapped_paragraphs_are_rejoined() {
    for width in [68, 72, 76, 79] {
        let paras: Vec<String> = (0..8)
            .map(|k| wrap(&format!("{LONG} Paragraph {k}."), width, ""))
            .collect();
        let src = format!("Chapter 1\n\n{}\n", paras.join("\n\n"));
        let (w, text) = read_bytes(src.as_bytes());
        let got = story(&w);
        assert_eq!(got.len(), 8, "width {width}");
        for (k, p) in w.chapters[0].paragraphs().enumerate() {
            assert!(p.text.ends_with(&format!("Paragraph {k}.")), "{:?}", p.text);
            assert!(!p.text.contains('\n'));
            let span = p.span.expect("span");
            assert_eq!(span.len(), p.text.len());
            assert_eq!(text[span.start..span.end].replace('\n', " "), p.text);
        }
    }
}

#[test]
fn hard_wrapped_with_indented_first_lines_and_no_blank_lines() {
    let paras: Vec<String> = (0..8)
        .map(|k| wrap(&format!("{LONG} Paragraph {k}."), 74, "    "))
        .collect();
    let src = format!("{}\n", paras.join("\n"));
    let w = read_str(&src);
    let got = story(&w);
    assert_eq!(got.len(), 8);
    assert!(got[3].starts_with("It was") && got[3].ends_with("Paragraph 3."));
}

#[test]
fn hard_wrapped_one_line_paragraphs_between_indented_ones() {
    let mut src = String::new();
    for k in 0..6 {
        src.push_str(&wrap(&format!("{LONG} Paragraph {k}."), 74, "    "));
        src.push('\n');
        src.push_str(&format!("    \"Short line {k},\" she said.\n"));
    }
    let w = read_str(&src);
    let got = story(&w);
    assert_eq!(got.len(), 12, "{got:#?}");
    assert_eq!(got[1], "\"Short line 0,\" she said.");
}

#[test]
fn short_lines_of_dialogue_are_not_taken_for_wrapping() {
    let src = "\"Hello.\"\n\"Hi.\"\n\"How are you?\"\n\"Fine.\"\nShe left.\n";
    assert_eq!(read_str(src).chapters[0].paragraphs().count(), 5);
}

// ----- bad input ---------------------------------------------------------------------------

#[test]
fn bad_input_is_refused_with_a_clear_error() {
    let limits = Limits::default();
    assert!(matches!(read(b"", None, &limits), Err(FormatError::Empty)));
    assert!(matches!(
        read(b"  \r\n\t\n ", None, &limits),
        Err(FormatError::Empty)
    ));
    assert!(matches!(
        read(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00", None, &limits),
        Err(FormatError::Unrecognised(_))
    ));
    let noise: Vec<u8> = (0..2000u32).map(|i| (i * 7 % 31 + 1) as u8).collect();
    assert!(matches!(
        read(&noise, None, &limits),
        Err(FormatError::Unrecognised(_))
    ));
    assert!(matches!(
        read(b"Some text \x81\x8d\x90 here", None, &limits),
        Err(FormatError::Encoding(_))
    ));
    let small = Limits { max_file_bytes: 10 };
    assert!(matches!(
        read(b"a story that is too long", None, &small),
        Err(FormatError::TooLarge { .. })
    ));
    let err = read(b"abc \x9d", None, &limits).expect_err("undecodable");
    assert!(
        err.to_string().contains("0x9D"),
        "the message says which byte: {err}"
    );
}

#[test]
fn headings_without_story_are_no_story() {
    assert!(matches!(
        read(b"Chapter 1\n\nChapter 2\n", None, &Limits::default()),
        Err(FormatError::NoStory)
    ));
}

#[test]
fn markdown_headings_with_symbol_breaks_stay_plain_text() {
    // "***" and "_ _ _" are scene breaks here, not Markdown emphasis: the text reader keeps spans.
    let (w, source) = read_bytes(
        b"# The Gift\n\nby Anne\n\n## Chapter 1: Start\n\nShe ran.\n\n***\n\nHe ran.\n\n _ _ _\n\nThey met.\n\n## Chapter 2: End\n\nThey stopped.\n",
    );
    assert_eq!(w.title.as_deref(), Some("The Gift"));
    assert_eq!(
        chapters(&w),
        vec![(1, Some("Start".into())), (2, Some("End".into()))]
    );
    assert_eq!(w.chapters[0].scenes.len(), 3);
    for p in w.chapters.iter().flat_map(|c| c.paragraphs()) {
        let span = p.span.expect("a span");
        assert_eq!(&source[span.start..span.end], p.text);
    }
}
