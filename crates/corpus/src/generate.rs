//! Building one fic: choose its shape, write its blocks, lay them out, encode the bytes.

use ficarchive_model::Status;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::vocab::{self, Fandom};
use crate::{Expected, ExpectedChapter, GeneratedFic};

/// How the metadata at the top of a fic is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderStyle {
    /// "Bloody Soul by Kallysten", then maybe "Summary: ..." and a disclaimer.
    TitleByAuthor,
    /// A block of "Title:", "Author:", "Fandom:", "Rating:", "Pairing:" ... lines.
    FieldBlock,
    /// A title line with "By: Author" on the line below.
    TitleThenBy,
    /// "# Title", "by Author", and "## Chapter N: Title" headings.
    Markdown,
    /// No header at all, perhaps a note first (as fics pasted from a journal are).
    Bare,
}

/// How chapter headings are written in a multi-chapter fic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingStyle {
    /// "Chapter 25: Poisons".
    ColonTitle,
    /// "Chapter 25 - Poisons".
    DashTitle,
    /// "Chapter Twenty-Five - Poisons".
    Words,
    /// "CHAPTER XXV".
    Roman,
    /// "Chapter 25" with its title on the next line.
    TitleBelow,
    /// "Part 2: Poisons".
    Part,
    /// "## Chapter 25: Poisons".
    Markdown,
    /// A one-shot: no heading at all.
    None,
}

/// How paragraphs are laid out in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Paragraphs separated by one blank line.
    BlankLines,
    /// Paragraphs separated by two blank lines.
    DoubleSpaced,
    /// One paragraph per line, no blank lines at all.
    OnePerLine,
    /// Indented first lines, one paragraph per line, no blank lines.
    Indented,
    /// Indented first lines and blank lines between paragraphs.
    IndentedBlank,
    /// Lines cut at a fixed width (68-79 columns), blank lines between paragraphs.
    Wrapped,
    /// Lines cut at a fixed width, indented first lines, no blank lines between paragraphs.
    WrappedIndented,
}

/// A unit of the file before layout.
enum Block {
    /// Header fields or a heading: lines kept exactly, never indented or wrapped.
    Lines(Vec<String>),
    /// A paragraph of story text or of a note: indented and wrapped as the layout says.
    Paragraph(String),
    /// A scene break or end marker, perhaps centred.
    Marker(String),
}

/// Everything the writer of one fic needs to keep consistent across it.
struct Style {
    fandom: &'static Fandom,
    curly: bool,
    note_label: usize,
    note_rate: f64,
    marker: Option<&'static str>,
    scene_words: f64,
    first_person_rate: f64,
    beta: &'static str,
}

pub(crate) fn fic(rng: &mut ChaCha8Rng, index: usize) -> GeneratedFic {
    let fandom = &vocab::FANDOMS[rng.random_range(0..vocab::FANDOMS.len())];
    let style = Style {
        fandom,
        curly: rng.random_bool(0.35),
        note_label: rng.random_range(0..5),
        note_rate: [0.0, 0.2, 0.45, 0.7][rng.random_range(0..4)],
        marker: rng
            .random_bool(0.75)
            .then(|| pick(rng, vocab::SCENE_MARKERS)),
        scene_words: log_normal(rng, 1200.0, 0.5).clamp(300.0, 5000.0),
        first_person_rate: if rng.random_bool(0.15) { 0.6 } else { 0.0 },
        beta: pick(rng, vocab::BETAS),
    };
    let header = match rng.random_range(0..100) {
        0..30 => HeaderStyle::TitleByAuthor,
        30..55 => HeaderStyle::FieldBlock,
        55..70 => HeaderStyle::TitleThenBy,
        70..80 => HeaderStyle::Markdown,
        _ => HeaderStyle::Bare,
    };
    let layout = match rng.random_range(0..100) {
        0..40 => Layout::BlankLines,
        40..48 => Layout::DoubleSpaced,
        48..60 => Layout::OnePerLine,
        60..68 => Layout::Indented,
        68..76 => Layout::IndentedBlank,
        76..92 => Layout::Wrapped,
        _ => Layout::WrappedIndented,
    };
    let encoding = if rng.random_bool(0.15) {
        "windows-1252"
    } else {
        "UTF-8"
    };
    let style = Style {
        curly: style.curly || encoding == "windows-1252",
        ..style
    };
    let bom = encoding == "UTF-8" && rng.random_bool(0.1);
    let crlf = rng.random_bool(0.2);

    // The shape: how many chapters, numbered how, ending how.
    let one_shot = rng.random_bool(0.55);
    let chapter_count = if one_shot {
        1
    } else {
        (log_normal(rng, 4.0, 0.75).round() as usize).clamp(2, 30)
    };
    let excerpt = !one_shot && rng.random_bool(0.08);
    let chapter_count = if excerpt {
        chapter_count.min(4)
    } else {
        chapter_count
    };
    let first_number: u32 = if excerpt { rng.random_range(2..40) } else { 1 };
    let heading = if one_shot {
        HeadingStyle::None
    } else if header == HeaderStyle::Markdown {
        HeadingStyle::Markdown
    } else {
        [
            HeadingStyle::ColonTitle,
            HeadingStyle::ColonTitle,
            HeadingStyle::DashTitle,
            HeadingStyle::Words,
            HeadingStyle::Roman,
            HeadingStyle::TitleBelow,
            HeadingStyle::Part,
        ][rng.random_range(0..7)]
    };
    let prologue = !excerpt && chapter_count >= 3 && rng.random_bool(0.15);
    let epilogue = !excerpt && chapter_count >= 3 && rng.random_bool(0.15);
    let ending = match rng.random_range(0..100) {
        0..50 => Some(Status::Complete),
        50..72 => Some(Status::InProgress),
        _ => None,
    };
    let status = match (ending, one_shot) {
        (Some(s), _) => s,
        (None, true) => Status::Complete,
        (None, false) => Status::Unknown,
    };
    let markers_between_chapters = ending.is_some() && rng.random_bool(0.25);

    let mut blocks: Vec<Block> = Vec::new();
    let mut expected = Expected {
        title: None,
        authors: Vec::new(),
        summary: None,
        fandom: None,
        relationships: Vec::new(),
        rating: None,
        status,
        excerpt_of_chapters: excerpt
            .then(|| (first_number, first_number + chapter_count as u32 - 1)),
        work_notes: false,
        chapters: Vec::new(),
        note_texts: Vec::new(),
        words: 0,
        encoding,
        bom,
        crlf,
        layout,
        header,
        heading,
    };

    write_header(rng, &style, header, &mut blocks, &mut expected);
    if let Some((a, b)) = expected.excerpt_of_chapters {
        blocks.push(Block::Lines(vec![format!("Chapters {a}-{b}")]));
    }
    // A note before the story (or before the first chapter heading) is a work-level note.
    if rng.random_bool(style.note_rate * 0.5)
        || (header == HeaderStyle::Bare && rng.random_bool(0.4))
    {
        let with_pairing = rng.random_bool(0.5);
        let (a, b) = two_characters(rng, style.fandom);
        let first = if with_pairing {
            let pairing = format!("{a}/{b}");
            expected.relationships.push(pairing.clone());
            format!(
                "This is a {pairing} {}, set {}.",
                pick(
                    rng,
                    &["story", "one-shot", "breakup scene", "missing scene"]
                ),
                pick(
                    rng,
                    &[
                        "after the finale",
                        "during the second season",
                        "sometime post-canon"
                    ]
                )
            )
        } else {
            {
                let template = pick(rng, vocab::NOTE_SENTENCES);
                fill(rng, &style, template, a, b)
            }
        };
        push_note(rng, &style, &mut blocks, &mut expected, first, false);
        expected.work_notes = true;
    }

    for k in 0..chapter_count {
        let is_prologue = prologue && k == 0;
        let is_epilogue = epilogue && k + 1 == chapter_count;
        let written = first_number + k as u32 - u32::from(prologue);
        let number = if prologue || epilogue {
            k as u32 + 1
        } else {
            written
        };
        let title = chapter_title(rng, heading, is_prologue, is_epilogue);
        if heading != HeadingStyle::None {
            blocks.push(Block::Lines(heading_lines(
                heading,
                written,
                title.as_deref(),
                is_prologue || is_epilogue,
            )));
        }
        let mut notes_before = rng.random_bool(style.note_rate);
        if notes_before {
            let text = note_text(rng, &style);
            push_note(rng, &style, &mut blocks, &mut expected, text, true);
            // Without a chapter heading, a note before the story belongs to the work.
            if heading == HeadingStyle::None {
                expected.work_notes = true;
                notes_before = false;
            }
        }
        let budget = if one_shot {
            log_normal(rng, 2000.0, 1.0).clamp(150.0, 40_000.0)
        } else {
            log_normal(rng, 1500.0, 0.5).clamp(150.0, 12_000.0)
        } as usize;
        let (scene_paragraphs, scene_markers, words) =
            write_story(rng, &style, budget, &mut blocks);
        expected.words += words;
        let last = k + 1 == chapter_count;
        if last {
            if let Some(end) = ending {
                blocks.push(Block::Marker(end_marker(rng, end)));
            }
        } else if markers_between_chapters {
            blocks.push(Block::Marker(end_marker(rng, Status::InProgress)));
        }
        let notes_after = rng.random_bool(style.note_rate * 0.8);
        if notes_after {
            let text = note_text(rng, &style);
            push_note(rng, &style, &mut blocks, &mut expected, text, true);
        }
        expected.chapters.push(ExpectedChapter {
            number,
            title: if heading == HeadingStyle::None {
                None
            } else {
                title
            },
            scene_paragraphs,
            scene_markers,
            notes_before,
            notes_after,
        });
    }

    let mut seen: Vec<String> = Vec::new();
    expected.relationships.retain(|r| {
        let new = !seen.iter().any(|s| s.eq_ignore_ascii_case(r));
        seen.push(r.clone());
        new
    });
    let text = layout_blocks(rng, layout, &blocks);
    let text = if crlf {
        text.replace('\n', "\r\n")
    } else {
        text
    };
    let mut bytes = Vec::with_capacity(text.len() + 3);
    if bom {
        bytes.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
    }
    if encoding == "windows-1252" {
        let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        bytes.extend_from_slice(&encoded);
    } else {
        bytes.extend_from_slice(text.as_bytes());
    }
    let file_name = format!(
        "{index:05}_{}.txt",
        slug(expected.title.as_deref().unwrap_or("untitled"))
    );
    GeneratedFic {
        file_name,
        bytes,
        expected,
    }
}

fn write_header(
    rng: &mut ChaCha8Rng,
    style: &Style,
    header: HeaderStyle,
    blocks: &mut Vec<Block>,
    expected: &mut Expected,
) {
    if header == HeaderStyle::Bare {
        return;
    }
    let title = work_title(rng);
    let author = pick(rng, vocab::AUTHORS).to_string();
    expected.title = Some(title.clone());
    expected.authors = vec![author.clone()];
    let summary = rng.random_bool(0.75).then(|| summary(rng, style, expected));
    match header {
        HeaderStyle::TitleByAuthor => {
            blocks.push(Block::Lines(vec![format!("{title} by {author}")]));
        }
        HeaderStyle::TitleThenBy => {
            let by = pick(rng, &["By: ", "by ", "By ", "Written by "]);
            blocks.push(Block::Lines(vec![title, format!("{by}{author}")]));
        }
        HeaderStyle::Markdown => {
            blocks.push(Block::Lines(vec![format!("# {title}")]));
            blocks.push(Block::Lines(vec![format!("by {author}")]));
        }
        HeaderStyle::FieldBlock => {
            let mut lines = vec![format!("Title: {title}"), format!("Author: {author}")];
            if rng.random_bool(0.8) {
                lines.push(format!("Fandom: {}", style.fandom.name));
                expected.fandom = Some(style.fandom.name.to_string());
            }
            if rng.random_bool(0.8) {
                let rating = pick(rng, vocab::RATINGS);
                lines.push(format!("Rating: {rating}"));
                expected.rating = Some(rating.to_string());
            }
            if rng.random_bool(0.7) {
                let n = rng.random_range(1..=2);
                let mut pairings: Vec<String> = Vec::new();
                for _ in 0..n {
                    let (a, b) = two_characters(rng, style.fandom);
                    let p = format!("{a}/{b}");
                    if !pairings.iter().any(|q| q.eq_ignore_ascii_case(&p)) {
                        pairings.push(p);
                    }
                }
                let key = pick(rng, &["Pairing", "Pairings", "Relationship", "Pairing(s)"]);
                lines.push(format!("{key}: {}", pairings.join(", ")));
                expected.relationships.splice(0..0, pairings);
            }
            if rng.random_bool(0.4) {
                lines.push(format!("Category: {}", pick(rng, vocab::CATEGORIES)));
            }
            if rng.random_bool(0.4) {
                let (a, b) = two_characters(rng, style.fandom);
                lines.push(format!("Characters: {a}, {b}"));
            }
            if rng.random_bool(0.4) {
                lines.push(format!("Genre: {}", pick(rng, vocab::GENRES)));
            }
            if rng.random_bool(0.5) {
                lines.push(format!("Warnings: {}", pick(rng, vocab::WARNINGS)));
            }
            if let Some(s) = &summary {
                lines.push(format!("Summary: {s}"));
            }
            if rng.random_bool(0.4) {
                lines.push(format!("Disclaimer: {}", disclaimer(rng, style)));
                expected.work_notes = true;
            }
            blocks.push(Block::Lines(lines));
            expected.summary = summary;
            return;
        }
        HeaderStyle::Bare => {}
    }
    if let Some(s) = &summary {
        blocks.push(Block::Lines(vec![format!("Summary: {s}")]));
    }
    expected.summary = summary;
    if rng.random_bool(0.2) {
        blocks.push(Block::Lines(vec![format!(
            "Disclaimer: {}",
            disclaimer(rng, style)
        )]));
        expected.work_notes = true;
    }
}

fn summary(rng: &mut ChaCha8Rng, style: &Style, expected: &mut Expected) -> String {
    let mut s = pick(rng, vocab::SUMMARY_OPENINGS).to_string();
    if rng.random_bool(0.35) {
        let (a, b) = two_characters(rng, style.fandom);
        let pairing = format!("{a}/{b}");
        s.push_str(&format!(" {pairing} for part of the story."));
        expected.relationships.push(pairing);
    }
    s.push(' ');
    s.push_str(pick(rng, vocab::SUMMARY_ENDINGS));
    s
}

fn disclaimer(rng: &mut ChaCha8Rng, style: &Style) -> String {
    let name = style.fandom.name;
    let owner = style.fandom.owner;
    match rng.random_range(0..3) {
        0 => format!("I don't own {name}; {owner} does. No money is being made."),
        1 => format!("All characters belong to {owner}. I'm just playing in their sandbox."),
        _ => "Not mine, never will be.".to_string(),
    }
}

fn work_title(rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..4) {
        0 => format!(
            "{} {}",
            pick(rng, vocab::TITLE_ADJECTIVES),
            pick(rng, vocab::TITLE_NOUNS)
        ),
        1 => format!(
            "The {} {}",
            pick(rng, vocab::TITLE_ADJECTIVES),
            pick(rng, vocab::TITLE_NOUNS)
        ),
        2 => format!(
            "{} of {}",
            pick(rng, vocab::TITLE_NOUNS),
            pick(rng, vocab::TITLE_NOUNS)
        ),
        _ => pick(rng, vocab::TITLE_GERUNDS).to_string(),
    }
}

fn chapter_title(
    rng: &mut ChaCha8Rng,
    heading: HeadingStyle,
    is_prologue: bool,
    is_epilogue: bool,
) -> Option<String> {
    if is_prologue {
        return Some("Prologue".into());
    }
    if is_epilogue {
        return Some("Epilogue".into());
    }
    match heading {
        HeadingStyle::None | HeadingStyle::Roman => None,
        HeadingStyle::TitleBelow => Some(pick(rng, vocab::CHAPTER_TITLES).to_string()),
        _ => rng
            .random_bool(0.7)
            .then(|| pick(rng, vocab::CHAPTER_TITLES).to_string()),
    }
}

fn heading_lines(
    heading: HeadingStyle,
    number: u32,
    title: Option<&str>,
    named: bool,
) -> Vec<String> {
    if named {
        let name = title.unwrap_or("Prologue");
        return vec![match heading {
            HeadingStyle::Markdown => format!("## {name}"),
            HeadingStyle::Roman => name.to_uppercase(),
            _ => name.to_string(),
        }];
    }
    let with_title = |label: String, sep: &str| match title {
        Some(t) => format!("{label}{sep}{t}"),
        None => label,
    };
    match heading {
        HeadingStyle::ColonTitle | HeadingStyle::None => {
            vec![with_title(format!("Chapter {number}"), ": ")]
        }
        HeadingStyle::DashTitle => vec![with_title(format!("Chapter {number}"), " - ")],
        HeadingStyle::Words => vec![with_title(
            format!("Chapter {}", number_words(number)),
            " - ",
        )],
        HeadingStyle::Roman => vec![format!("CHAPTER {}", roman(number))],
        HeadingStyle::TitleBelow => {
            let mut lines = vec![format!("Chapter {number}")];
            lines.extend(title.map(str::to_string));
            lines
        }
        HeadingStyle::Part => vec![with_title(format!("Part {number}"), ": ")],
        HeadingStyle::Markdown => vec![with_title(format!("## Chapter {number}"), ": ")],
    }
}

/// Writes a chapter's story text; returns paragraphs per scene, the markers and the word count.
fn write_story(
    rng: &mut ChaCha8Rng,
    style: &Style,
    budget: usize,
    blocks: &mut Vec<Block>,
) -> (Vec<usize>, Vec<String>, usize) {
    let scenes = match style.marker {
        Some(_) => ((budget as f64 / style.scene_words).round() as usize).clamp(1, 12),
        None => 1,
    };
    let per_scene = budget / scenes;
    let mut scene_paragraphs = Vec::with_capacity(scenes);
    let mut markers = Vec::new();
    let mut words = 0;
    for s in 0..scenes {
        if s > 0 {
            let marker = style.marker.unwrap_or("* * *");
            blocks.push(Block::Marker(marker.to_string()));
            markers.push(marker.to_string());
        }
        let first_person = rng.random_bool(style.first_person_rate);
        let (a, b) = two_characters(rng, style.fandom);
        let mut scene_words = 0;
        let mut paragraphs = 0;
        while scene_words < per_scene.max(1) || paragraphs == 0 {
            let p = paragraph(rng, style, a, b, first_person);
            scene_words += p.split_whitespace().count();
            paragraphs += 1;
            blocks.push(Block::Paragraph(p));
        }
        words += scene_words;
        scene_paragraphs.push(paragraphs);
    }
    (scene_paragraphs, markers, words)
}

fn paragraph(rng: &mut ChaCha8Rng, style: &Style, a: &str, b: &str, first_person: bool) -> String {
    let (a, b) = if rng.random_bool(0.5) { (a, b) } else { (b, a) };
    let mut out = String::new();
    if rng.random_bool(0.4) {
        let u = pick(rng, vocab::UTTERANCES);
        let question = u.starts_with("Is ") || u.starts_with("What") || u.starts_with("Then why");
        let verb = if question {
            "asked"
        } else {
            pick(rng, vocab::SPEECH_VERBS)
        };
        let end = if question { '?' } else { ',' };
        match rng.random_range(0..4) {
            0 => out.push_str(&format!("\"{u}{end}\" {a} {verb}.")),
            1 => out.push_str(&format!(
                "{a} looked at {b}. \"{u}{}\"",
                if question { '?' } else { '.' }
            )),
            2 => {
                let u2 = pick(rng, vocab::UTTERANCES);
                out.push_str(&format!("\"{u}{end}\" {a} {verb}. \"{u2}...\""));
            }
            _ => out.push_str(&format!("\"{u}{}\"", if question { '?' } else { '.' })),
        }
        if rng.random_bool(0.5) {
            out.push(' ');
            out.push_str(&{
                let template = pick(rng, vocab::NARRATION);
                fill(rng, style, template, a, b)
            });
        }
    } else {
        let sentences = [1, 2, 3, 3, 4, 4, 5, 6, 8][rng.random_range(0..9)];
        for k in 0..sentences {
            if k > 0 {
                out.push(' ');
            }
            let template = if first_person && rng.random_bool(0.6) {
                pick(rng, vocab::FIRST_PERSON)
            } else if rng.random_bool(0.03) {
                pick(rng, vocab::TRICKY_NARRATION)
            } else {
                pick(rng, vocab::NARRATION)
            };
            out.push_str(&fill(rng, style, template, a, b));
            if rng.random_bool(0.05) {
                out.push_str(" -- and then nothing");
                out.push_str(if rng.random_bool(0.5) { "." } else { "..." });
            }
        }
    }
    typography(&out, style.curly)
}

fn fill(rng: &mut ChaCha8Rng, style: &Style, template: &str, a: &str, b: &str) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let slot = &rest[open + 1..open + close];
        match slot {
            "A" => out.push_str(a),
            "B" => out.push_str(b),
            "P" => out.push_str(pick(rng, style.fandom.places)),
            "O" => out.push_str(pick(rng, vocab::OBJECTS)),
            "F" => out.push_str(pick(rng, vocab::FEELINGS)),
            "T" => out.push_str(pick(rng, vocab::TIMES)),
            "beta" => out.push_str(style.beta),
            other => out.push_str(other),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    // A place at the start of a sentence ("the crypt was ...") needs its capital.
    let mut chars = out.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => out,
    }
}

/// Curly quotes, apostrophes, dashes and ellipses, as word processors write them.
fn typography(text: &str, curly: bool) -> String {
    if !curly {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut open = true;
    let text = text.replace("...", "…").replace(" -- ", " — ");
    for c in text.chars() {
        match c {
            '"' => {
                out.push(if open { '“' } else { '”' });
                open = !open;
            }
            '\'' => out.push('’'),
            _ => out.push(c),
        }
    }
    out
}

fn note_text(rng: &mut ChaCha8Rng, style: &Style) -> String {
    let n = rng.random_range(1..=3);
    let mut parts: Vec<String> = Vec::new();
    for _ in 0..n {
        let s = {
            let template = pick(rng, vocab::NOTE_SENTENCES);
            fill(rng, style, template, "", "")
        };
        if !parts.contains(&s) {
            parts.push(s);
        }
    }
    parts.join(" ")
}

/// Pushes a note in the fic's label style, perhaps going on over a second paragraph.
fn push_note(
    rng: &mut ChaCha8Rng,
    style: &Style,
    blocks: &mut Vec<Block>,
    expected: &mut Expected,
    text: String,
    may_continue: bool,
) {
    let continuation = (may_continue && rng.random_bool(0.2)).then(|| {
        let template = pick(rng, vocab::NOTE_CONTINUATIONS);
        fill(rng, style, template, "", "")
    });
    let label = ["A/N: ", "AN: ", "Author's Note: ", "(A/N: ", "A/N: "][style.note_label];
    let parenthesised = label.starts_with('(');
    expected.note_texts.push(text.clone());
    match continuation {
        None => {
            let close = if parenthesised { ")" } else { "" };
            blocks.push(Block::Paragraph(format!("{label}{text}{close}")));
        }
        Some(more) => {
            expected.note_texts.push(more.clone());
            blocks.push(Block::Paragraph(format!("{label}{text}")));
            let close = if parenthesised { ")" } else { "" };
            blocks.push(Block::Paragraph(format!("{more}{close}")));
        }
    }
}

fn end_marker(rng: &mut ChaCha8Rng, status: Status) -> String {
    match status {
        Status::InProgress => pick(rng, vocab::CONTINUED_MARKERS).to_string(),
        _ => pick(rng, vocab::COMPLETE_MARKERS).to_string(),
    }
}

fn layout_blocks(rng: &mut ChaCha8Rng, layout: Layout, blocks: &[Block]) -> String {
    let width: usize = rng.random_range(68..=79);
    let indent = pick(rng, &["    ", "\t", "   ", "     "]);
    let centre = rng.random_bool(0.25);
    let mut out = String::new();
    let mut previous_was_paragraph = false;
    for (i, block) in blocks.iter().enumerate() {
        let is_paragraph = matches!(block, Block::Paragraph(_));
        if i > 0 {
            out.push_str(match layout {
                Layout::BlankLines | Layout::IndentedBlank | Layout::Wrapped => "\n\n",
                Layout::DoubleSpaced => "\n\n\n",
                Layout::OnePerLine | Layout::Indented => "\n",
                Layout::WrappedIndented if is_paragraph && previous_was_paragraph => "\n",
                Layout::WrappedIndented => "\n\n",
            });
        }
        match block {
            Block::Lines(lines) => out.push_str(&lines.join("\n")),
            Block::Marker(m) => {
                if centre && layout != Layout::OnePerLine {
                    let pad = (width.saturating_sub(m.chars().count())) / 2;
                    out.extend(std::iter::repeat_n(' ', pad));
                }
                out.push_str(m);
            }
            Block::Paragraph(p) => {
                let first_indent = match layout {
                    Layout::Indented | Layout::IndentedBlank | Layout::WrappedIndented => indent,
                    _ => "",
                };
                out.push_str(first_indent);
                match layout {
                    Layout::Wrapped | Layout::WrappedIndented => {
                        wrap_into(&mut out, p, width, first_indent.len())
                    }
                    _ => out.push_str(p),
                }
            }
        }
        previous_was_paragraph = is_paragraph;
    }
    out.push('\n');
    out
}

/// Appends `text` cut into lines of at most `width` columns (a longer word gets its own line).
fn wrap_into(out: &mut String, text: &str, width: usize, first_indent: usize) {
    let mut column = first_indent;
    let mut line_start = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let len = word.chars().count();
        if !line_start && column + 1 + len > width {
            out.push('\n');
            column = 0;
            line_start = true;
        }
        if !line_start {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += len;
        line_start = false;
    }
}

fn two_characters(rng: &mut ChaCha8Rng, fandom: &Fandom) -> (&'static str, &'static str) {
    let i = rng.random_range(0..fandom.cast.len());
    let mut j = rng.random_range(0..fandom.cast.len() - 1);
    if j >= i {
        j += 1;
    }
    (fandom.cast[i], fandom.cast[j])
}

fn pick<T: Copy>(rng: &mut ChaCha8Rng, items: &[T]) -> T {
    items[rng.random_range(0..items.len())]
}

/// A log-normal draw with the given median: most values near it, a long tail above.
fn log_normal(rng: &mut ChaCha8Rng, median: f64, sigma: f64) -> f64 {
    let u1: f64 = 1.0 - rng.random::<f64>();
    let u2: f64 = rng.random();
    let z = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
    median * (sigma * z).exp()
}

fn number_words(n: u32) -> String {
    match n {
        1..=19 => vocab::NUMBER_WORDS[n as usize - 1].to_string(),
        20..=59 => {
            let tens = vocab::TENS_WORDS[(n / 10 - 2) as usize];
            match n % 10 {
                0 => tens.to_string(),
                unit => format!("{tens}-{}", vocab::NUMBER_WORDS[unit as usize - 1]),
            }
        }
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words_and_roman() {
        assert_eq!(number_words(25), "Twenty-Five");
        assert_eq!(number_words(30), "Thirty");
        assert_eq!(number_words(7), "Seven");
        assert_eq!(roman(25), "XXV");
        assert_eq!(roman(49), "XLIX");
    }

    #[test]
    fn wrapping_respects_width() {
        let mut out = String::new();
        let text = "word ".repeat(100);
        wrap_into(&mut out, &text, 72, 4);
        assert!(out.lines().all(|l| l.chars().count() <= 72));
        assert_eq!(out.split_whitespace().count(), 100);
    }

    #[test]
    fn typography_pairs_quotes() {
        assert_eq!(
            typography("\"Don't,\" she said. \"Wait...\"", true),
            "“Don’t,” she said. “Wait…”"
        );
        assert_eq!(typography("\"a\"", false), "\"a\"");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("The Long Night"), "the-long-night");
        assert_eq!(slug("Coming Home!"), "coming-home");
    }
}
