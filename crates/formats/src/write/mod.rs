//! Writers: a [`Work`] into EPUB 3, one self-contained HTML file, plain text, or the JSON contract.
//!
//! The HTML and EPUB writers lay the work out as AO3's downloads do (a preface with the metadata,
//! each chapter's summary and notes set apart before and after its text, an afterword), so the AO3
//! reader reads them back and readers used to AO3 files find everything where they expect it.

use std::fmt::Write as _;

use ficarchive_model::{Chapter, Note, SceneBreak, TagKind, Work};

use crate::FormatError;

mod epub;
mod html;
mod txt;
mod xhtml;

pub use epub::write_epub;
pub use html::write_html;
pub use txt::write_txt;

/// The "Chapters:" value: AO3's "n/m", where "n/?" means in progress; a work whose status is
/// unknown gets only its count, so reading it back does not invent a status.
pub(crate) fn chapters_stat(work: &Work) -> String {
    if work.status == ficarchive_model::Status::Unknown && work.expected_chapters.is_none() {
        return work.chapters.len().to_string();
    }
    work.chapter_fraction()
}

/// The formats a work can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// EPUB 3 (with an NCX for EPUB 2 readers).
    Epub,
    /// One self-contained HTML file.
    Html,
    /// Plain text (UTF-8).
    Txt,
    /// The JSON contract.
    Json,
}

impl ExportFormat {
    /// Every export format.
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Epub,
        ExportFormat::Html,
        ExportFormat::Txt,
        ExportFormat::Json,
    ];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Epub => "epub",
            ExportFormat::Html => "html",
            ExportFormat::Txt => "txt",
            ExportFormat::Json => "json",
        }
    }

    /// The MIME type to serve the file with.
    pub fn mime_type(self) -> &'static str {
        match self {
            ExportFormat::Epub => "application/epub+zip",
            ExportFormat::Html => "text/html; charset=utf-8",
            ExportFormat::Txt => "text/plain; charset=utf-8",
            ExportFormat::Json => "application/json",
        }
    }

    /// Parses "epub", "html", "txt"/"text", "json" (case-insensitive).
    pub fn parse(name: &str) -> Option<ExportFormat> {
        match name.trim().to_ascii_lowercase().as_str() {
            "epub" => Some(ExportFormat::Epub),
            "html" | "htm" => Some(ExportFormat::Html),
            "txt" | "text" => Some(ExportFormat::Txt),
            "json" => Some(ExportFormat::Json),
            _ => None,
        }
    }
}

/// Writes a work in the given format.
pub fn write(work: &Work, format: ExportFormat) -> Result<Vec<u8>, FormatError> {
    match format {
        ExportFormat::Epub => write_epub(work),
        ExportFormat::Html => Ok(without_controls(write_html(work)).into_bytes()),
        ExportFormat::Txt => Ok(without_controls(write_txt(work)).into_bytes()),
        ExportFormat::Json => Ok(work.to_json().into_bytes()),
    }
}

/// Whether a character may not appear in an exported file: C0 controls other than tab and line
/// ends, DEL and C1 controls, and the non-characters U+FFFE/U+FFFF. XML 1.0 forbids most of
/// them (epubcheck rejects the file) and readers take text full of them for binary data.
pub(crate) fn is_forbidden_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// The text without [`is_forbidden_control`] characters (no copy when there are none).
pub(crate) fn without_controls(text: String) -> String {
    if text.chars().any(is_forbidden_control) {
        text.chars().filter(|c| !is_forbidden_control(*c)).collect()
    } else {
        text
    }
}

/// Escapes text for HTML/XML text and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML; drop them.
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Plain text with blank-line paragraphs and single line breaks as HTML paragraphs.
pub(crate) fn text_to_html_paragraphs(text: &str) -> String {
    let mut out = String::new();
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<String> = para.lines().map(|l| escape(l.trim())).collect();
        let _ = write!(out, "<p>{}</p>", lines.join("<br/>"));
    }
    out
}

/// The singular or plural AO3 label for a tag kind.
fn tag_label(kind: TagKind, count: usize) -> &'static str {
    let one = count == 1;
    match kind {
        TagKind::Rating => {
            if one {
                "Rating"
            } else {
                "Ratings"
            }
        }
        TagKind::Warning => {
            if one {
                "Archive Warning"
            } else {
                "Archive Warnings"
            }
        }
        TagKind::Category => {
            if one {
                "Category"
            } else {
                "Categories"
            }
        }
        TagKind::Fandom => {
            if one {
                "Fandom"
            } else {
                "Fandoms"
            }
        }
        TagKind::Relationship => {
            if one {
                "Relationship"
            } else {
                "Relationships"
            }
        }
        TagKind::Character => {
            if one {
                "Character"
            } else {
                "Characters"
            }
        }
        TagKind::Freeform => {
            if one {
                "Additional Tag"
            } else {
                "Additional Tags"
            }
        }
    }
}

fn notes_blockquotes(out: &mut String, notes: &[Note]) {
    for note in notes {
        let _ = writeln!(
            out,
            "<blockquote class=\"userstuff\">{}</blockquote>",
            text_to_html_paragraphs(&note.text)
        );
    }
}

/// The metadata preface in AO3's layout (`#preface`).
pub(crate) fn preface_html(work: &Work) -> String {
    let title = escape(work.display_title());
    let mut out = String::new();
    out.push_str("<div id=\"preface\">\n<h2 class=\"toc-heading\">Preface</h2>\n");
    let _ = writeln!(out, "<p class=\"message\"><b>{title}</b><br/>");
    match &work.source.url {
        Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
            let url = escape(url);
            let _ = writeln!(
                out,
                "Exported from ficarchive; posted originally at <a href=\"{url}\">{url}</a>.</p>"
            );
        }
        _ => out.push_str("Exported from ficarchive.</p>\n"),
    }
    out.push_str("<div class=\"meta\">\n<dl class=\"tags\">\n");
    for kind in TagKind::ALL {
        let tags = work.tags.of_kind(kind);
        if tags.is_empty() {
            continue;
        }
        let list: Vec<String> = tags
            .iter()
            .map(|t| format!("<a>{}</a>", escape(t)))
            .collect();
        let _ = write!(
            out,
            "<dt>{}:</dt>\n<dd>{}</dd>\n",
            tag_label(kind, tags.len()),
            list.join(", ")
        );
    }
    if let Some(lang) = &work.language {
        let _ = write!(out, "<dt>Language:</dt>\n<dd>{}</dd>\n", escape(lang));
    }
    if !work.series.is_empty() {
        let parts: Vec<String> = work
            .series
            .iter()
            .map(|s| match s.part {
                Some(n) => format!("Part {n} of <a>{}</a>", escape(&s.name)),
                None => format!("<a>{}</a>", escape(&s.name)),
            })
            .collect();
        let _ = write!(out, "<dt>Series:</dt>\n<dd>{}</dd>\n", parts.join(", "));
    }
    if !work.collections.is_empty() {
        let list: Vec<String> = work
            .collections
            .iter()
            .map(|c| format!("<a>{}</a>", escape(c)))
            .collect();
        let _ = write!(out, "<dt>Collections:</dt>\n<dd>{}</dd>\n", list.join(", "));
    }
    out.push_str("<dt>Stats:</dt>\n<dd>");
    let mut stats = Vec::new();
    if let Some(d) = work.dates.published {
        stats.push(format!("Published: {d}"));
    }
    if let Some(d) = work.dates.completed {
        stats.push(format!("Completed: {d}"));
    } else if let Some(d) = work.dates.updated {
        stats.push(format!("Updated: {d}"));
    }
    stats.push(format!("Words: {}", work.words()));
    stats.push(format!("Chapters: {}", chapters_stat(work)));
    for (label, value) in [
        ("Comments", work.stats.comments),
        ("Kudos", work.stats.kudos),
        ("Bookmarks", work.stats.bookmarks),
        ("Hits", work.stats.hits),
    ] {
        if let Some(v) = value {
            stats.push(format!("{label}: {v}"));
        }
    }
    out.push_str(&stats.join("\n"));
    out.push_str("</dd>\n</dl>\n");
    let _ = writeln!(out, "<h1>{title}</h1>");
    let authors: Vec<String> = work
        .authors
        .iter()
        .map(|a| format!("<a rel=\"author\">{}</a>", escape(a)))
        .collect();
    if !authors.is_empty() {
        let _ = writeln!(out, "<div class=\"byline\">by {}</div>", authors.join(", "));
    }
    if let Some(summary) = &work.summary {
        let _ = write!(
            out,
            "<p>Summary</p>\n<blockquote class=\"userstuff\">{}</blockquote>\n",
            text_to_html_paragraphs(summary)
        );
    }
    if !work.notes.is_empty() || !work.end_notes.is_empty() {
        out.push_str("<p>Notes</p>\n");
        notes_blockquotes(&mut out, &work.notes);
        if !work.end_notes.is_empty() {
            out.push_str("<div class=\"endnote-link\">See the end of the work for notes.</div>\n");
        }
    }
    out.push_str("</div>\n</div>\n");
    out
}

/// One chapter in AO3's layout: header block, body, end notes.
pub(crate) fn chapter_html(chapter: &Chapter) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<div class=\"meta group\">\n<h2 class=\"heading\" id=\"chapter{}\">{}</h2>\n",
        chapter.number,
        escape(&chapter.display_title())
    );
    if let Some(summary) = &chapter.summary {
        let _ = write!(
            out,
            "<p>Chapter Summary</p>\n<blockquote class=\"userstuff\">{}</blockquote>\n",
            text_to_html_paragraphs(summary)
        );
    }
    if !chapter.notes_before.is_empty() {
        out.push_str("<p>Chapter Notes</p>\n");
        notes_blockquotes(&mut out, &chapter.notes_before);
    }
    out.push_str("</div>\n<div class=\"userstuff\">\n");
    for (i, scene) in chapter.scenes.iter().enumerate() {
        if i > 0 || scene.break_kind == SceneBreak::Explicit {
            match &scene.marker {
                Some(m) if crate::html::scene_break_marker(m).is_some() => {
                    let _ = writeln!(out, "<p class=\"scene-break\">{}</p>", escape(m));
                }
                _ => out.push_str("<hr/>\n"),
            }
        }
        for p in &scene.paragraphs {
            match &p.html {
                Some(html) => {
                    let clean = crate::html::sanitize(html);
                    if clean.trim().is_empty() {
                        let _ = writeln!(out, "<p>{}</p>", escape(&p.text));
                    } else {
                        out.push_str(&clean);
                        out.push('\n');
                    }
                }
                None => {
                    let lines: Vec<String> = p.text.lines().map(escape).collect();
                    let _ = writeln!(out, "<p>{}</p>", lines.join("<br/>"));
                }
            }
        }
    }
    out.push_str("</div>\n");
    if !chapter.notes_after.is_empty() {
        let _ = write!(
            out,
            "<div class=\"meta\" id=\"endnotes{}\">\n<p>Chapter End Notes</p>\n",
            chapter.number
        );
        notes_blockquotes(&mut out, &chapter.notes_after);
        out.push_str("</div>\n");
    }
    out
}

/// The afterword: the work's end notes.
pub(crate) fn afterword_html(work: &Work) -> String {
    let mut out =
        String::from("<div id=\"afterword\">\n<h2 class=\"toc-heading\">Afterword</h2>\n");
    if !work.end_notes.is_empty() {
        out.push_str("<div class=\"meta\">\n<div id=\"endnotes\">\n<p>End Notes</p>\n");
        notes_blockquotes(&mut out, &work.end_notes);
        out.push_str("</div>\n</div>\n");
    }
    out.push_str("</div>\n");
    out
}

/// The `<title>`: "Title - Authors - Fandoms", as AO3 writes it.
pub(crate) fn document_title(work: &Work) -> String {
    let mut parts = vec![work.display_title().to_string()];
    if !work.authors.is_empty() {
        parts.push(work.authors.join(", "));
    }
    match work.tags.fandoms.len() {
        0 => {}
        n if n > 3 => parts.push("Multifandom".into()),
        _ => parts.push(work.tags.fandoms.join(", ")),
    }
    parts.join(" - ")
}

/// The shared stylesheet: notes set apart from the story.
pub(crate) const STYLESHEET: &str = "body { font-family: serif; line-height: 1.5; margin: 0 auto; max-width: 40em; padding: 0 1em; }
h1, h2.heading { text-align: center; }
.toc-heading { display: none; }
.message { font-size: 0.9em; }
dl.tags { border: 1px solid #999; padding: 0.5em 1em; }
dl.tags dt { font-weight: bold; float: left; clear: left; margin-right: 0.5em; }
dl.tags dd { margin: 0 0 0.3em 0; }
.byline { text-align: center; }
.meta blockquote, div.meta blockquote { border-left: 3px solid #999; margin: 0.5em 0 0.5em 1em; padding-left: 1em; font-size: 0.95em; }
.meta p { font-weight: bold; margin-bottom: 0; }
p.scene-break { text-align: center; }
hr { width: 30%; margin: 1.5em auto; }
";
