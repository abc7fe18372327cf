//! Plain text: a "Label: value" header the text reader understands, chapters under "Chapter N:
//! Title" headings, notes marked "A/N:", scene breaks as "* * *".

use std::fmt::Write as _;

use ficarchive_model::{Note, SceneBreak, Status, TagKind, Work};

/// Writes a work as UTF-8 plain text.
pub fn write_txt(work: &Work) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Title: {}", one_line(work.display_title()));
    if !work.authors.is_empty() {
        let _ = writeln!(out, "Author: {}", one_line(&work.authors.join(", ")));
    }
    for kind in TagKind::ALL {
        let tags = work.tags.of_kind(kind);
        if tags.is_empty() {
            continue;
        }
        let label = match kind {
            TagKind::Rating => "Rating",
            TagKind::Warning => "Archive Warnings",
            TagKind::Category => "Category",
            TagKind::Fandom => "Fandom",
            TagKind::Relationship => "Relationships",
            TagKind::Character => "Characters",
            TagKind::Freeform => "Additional Tags",
        };
        let _ = writeln!(out, "{label}: {}", one_line(&tags.join(", ")));
    }
    if let Some(lang) = &work.language {
        let _ = writeln!(out, "Language: {}", one_line(lang));
    }
    for s in &work.series {
        match s.part {
            // AO3's "Part N of Name" is the spelling the text reader takes a part number from.
            Some(n) => {
                let _ = writeln!(out, "Series: Part {n} of {}", one_line(&s.name));
            }
            None => {
                let _ = writeln!(out, "Series: {}", one_line(&s.name));
            }
        }
    }
    if let Some(d) = work.dates.published {
        let _ = writeln!(out, "Published: {d}");
    }
    if let Some(d) = work.dates.updated {
        let _ = writeln!(out, "Updated: {d}");
    }
    if let Some(d) = work.dates.completed {
        let _ = writeln!(out, "Completed: {d}");
    }
    let status = match work.status {
        Status::Complete => Some("Complete"),
        Status::InProgress => Some("In Progress"),
        Status::Unknown => None,
    };
    if let Some(s) = status {
        let _ = writeln!(out, "Status: {s}");
    }
    let _ = writeln!(out, "Chapters: {}", super::chapters_stat(work));
    let _ = writeln!(out, "Words: {}", work.words());
    if let Some(summary) = &work.summary {
        let _ = writeln!(out, "Summary: {}", one_line(summary));
    }
    out.push('\n');
    write_notes(&mut out, &work.notes);
    for chapter in &work.chapters {
        let _ = write!(out, "\n{}\n\n", one_line(&chapter.display_title()));
        if let Some(s) = &chapter.summary {
            // Plain text has no place for a chapter summary: it goes with the notes.
            let _ = write!(out, "A/N: Summary: {}\n\n", one_line(s));
        }
        write_notes(&mut out, &chapter.notes_before);
        for (i, scene) in chapter.scenes.iter().enumerate() {
            if i > 0 || scene.break_kind == SceneBreak::Explicit {
                let marker = scene
                    .marker
                    .as_deref()
                    .filter(|m| crate::html::scene_break_marker(m).is_some())
                    .unwrap_or("* * *");
                let _ = write!(out, "{marker}\n\n");
            }
            for p in &scene.paragraphs {
                // One line per paragraph: a short line of its own would read as a heading.
                let _ = write!(out, "{}\n\n", one_line(&p.text));
            }
        }
        write_notes(&mut out, &chapter.notes_after);
    }
    if !work.end_notes.is_empty() {
        write_notes(&mut out, &work.end_notes);
    }
    if work.status == Status::Complete {
        out.push_str("The End\n");
    }
    out
}

fn write_notes(out: &mut String, notes: &[Note]) {
    for note in notes {
        let text = note.text.trim();
        if text.is_empty() {
            continue;
        }
        let lower = text.to_ascii_lowercase();
        if lower.starts_with("a/n")
            || lower.starts_with("author's note")
            || lower.starts_with("disclaimer")
        {
            let _ = write!(out, "{}\n\n", text);
        } else {
            let _ = write!(out, "A/N: {}\n\n", text);
        }
    }
}

/// Header values must stay on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
