//! FanFicFare's output: EPUB (a title page of "Label: value" lines, one file per chapter), HTML
//! (a metadata table, chapters under `<a name="sectionNNNN">`) and TXT (html2text's rendering of
//! the same). Labels follow FanFicFare's defaults: Category is the fandom, Genre the freeform tags.

use std::sync::LazyLock;

use chrono::NaiveDate;
use ficarchive_model::{Chapter, Series, SourceFormat, Status, TagKind, Work};
use regex::Regex;
use scraper::{ElementRef, Html, Node};

use crate::FormatError;
use crate::epub::Book;
use crate::html::{
    dedup_warnings, lift_edge_notes, parse_chapter_heading, plain_text, sel, story_from_element,
};

static SERIES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.*?)\s*\[(\d+)\]\s*$").unwrap_or_else(|_| unreachable!()));

fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(", ").map(str::trim).filter(|s| !s.is_empty())
}

fn date(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    NaiveDate::parse_from_str(v.get(..10).unwrap_or(v), "%Y-%m-%d").ok()
}

/// Applies one title-page field given as HTML (the EPUB title page, the HTML table).
fn apply_html_field(work: &mut Work, label: &str, html: &str) {
    let stripped;
    let value = if html.contains(['<', '&']) {
        // Entities too: "Harry Potter &amp; Hermione" is one ship, not two split at the ';'.
        let frag = Html::parse_fragment(html);
        stripped = plain_text(frag.root_element());
        stripped.as_str()
    } else {
        html
    };
    apply_field(work, label, value);
}

/// Applies one title-page field to the work.
fn apply_field(work: &mut Work, label: &str, value: &str) {
    let stripped;
    let value = if value.contains('<') {
        let frag = Html::parse_fragment(value);
        stripped = plain_text(frag.root_element());
        stripped.as_str()
    } else {
        value.trim()
    };
    if value.is_empty() {
        return;
    }
    match label
        .trim()
        .trim_end_matches(':')
        .to_ascii_lowercase()
        .as_str()
    {
        "category" | "fandom" | "fandoms" => {
            list(value).for_each(|t| work.tags.add(TagKind::Fandom, t))
        }
        "genre" | "additional tags" | "freeform tags" => {
            list(value).for_each(|t| work.tags.add(TagKind::Freeform, t))
        }
        "characters" => list(value).for_each(|t| work.tags.add(TagKind::Character, t)),
        "relationships" | "pairings" | "ships" => {
            list(value).for_each(|t| work.tags.add(TagKind::Relationship, t))
        }
        "warnings" => list(value).for_each(|t| work.tags.add(TagKind::Warning, t)),
        "ao3 categories" => list(value).for_each(|t| work.tags.add(TagKind::Category, t)),
        "rating" => work.tags.add(TagKind::Rating, value),
        "language" => work.language = Some(value.to_string()),
        "status" => {
            let v = value.to_ascii_lowercase();
            work.status = if v.starts_with("complete") {
                Status::Complete
            } else if v.contains("progress") {
                Status::InProgress
            } else {
                Status::Unknown
            };
        }
        "series" => {
            let series = match SERIES.captures(value) {
                Some(c) => Series {
                    name: c[1].to_string(),
                    part: c[2].parse().ok(),
                },
                None => Series {
                    name: value.to_string(),
                    part: None,
                },
            };
            work.series.push(series);
        }
        "published" => work.dates.published = date(value),
        "updated" => work.dates.updated = date(value),
        "story url" => work.source.url = Some(value.to_string()),
        "chapters" => {
            if let Some((_, total)) = value.split_once('/') {
                work.expected_chapters = total.trim().parse().ok();
            }
        }
        "summary" | "description" => {
            let frag = Html::parse_fragment(value);
            let text = plain_text(frag.root_element());
            work.summary = Some(if text.is_empty() {
                value.to_string()
            } else {
                text
            });
        }
        "kudos" => work.stats.kudos = value.replace(',', "").parse().ok(),
        "hits" => work.stats.hits = value.replace(',', "").parse().ok(),
        "comments" => work.stats.comments = value.replace(',', "").parse().ok(),
        "bookmarks" => work.stats.bookmarks = value.replace(',', "").parse().ok(),
        "collections" => work.collections.extend(list(value).map(str::to_string)),
        _ => {}
    }
}

/// Reads "<b>Label:</b> value<br/>" lines (the EPUB title page) or table rows (the HTML file).
fn read_label_lines(container: ElementRef<'_>, work: &mut Work) {
    let mut label: Option<String> = None;
    let mut value = String::new();
    let flush = |label: &mut Option<String>, value: &mut String, work: &mut Work| {
        if let Some(l) = label.take() {
            apply_html_field(work, &l, value);
        }
        value.clear();
    };
    for node in container.children() {
        match node.value() {
            Node::Element(e) if e.name() == "b" || e.name() == "strong" => {
                flush(&mut label, &mut value, work);
                label = ElementRef::wrap(node).map(plain_text);
            }
            Node::Element(e) if e.name() == "br" => {}
            Node::Element(_) => {
                if let Some(el) = ElementRef::wrap(node) {
                    // Summaries keep their HTML; the field handler strips it.
                    value.push_str(&el.html());
                }
            }
            // Elements go in as HTML, so text goes in escaped: the whole value is one fragment.
            Node::Text(t) => value.push_str(&crate::write::escape(t)),
            _ => {}
        }
    }
    flush(&mut label, &mut value, work);
}

/// Title, URL and author from `<h1>`/`<h3>`: "<a href=URL>Title</a> by <a class=authorlink>…".
fn read_heading(heading: ElementRef<'_>, work: &mut Work) {
    let link_sel = sel("a");
    let mut links = heading.select(&link_sel);
    if let Some(title_link) = links.next() {
        work.title = Some(plain_text(title_link));
        if let Some(href) = title_link.value().attr("href") {
            work.source.url = Some(href.to_string());
        }
    }
    for author in heading.select(&sel("a.authorlink")) {
        let name = plain_text(author);
        if !name.is_empty() && !work.authors.contains(&name) {
            work.authors.push(name);
        }
    }
}

fn finish(mut work: Work, warnings: Vec<String>) -> Result<Work, FormatError> {
    if work.chapters.iter().all(|c| c.words() == 0) {
        return Err(FormatError::NoStory);
    }
    if work.status == Status::Complete && work.expected_chapters.is_none() {
        work.expected_chapters = u32::try_from(work.chapters.len()).ok();
    }
    dedup_warnings(&mut work, warnings);
    Ok(work)
}

fn chapter_from(
    index: usize,
    heading: &str,
    body: ElementRef<'_>,
    warnings: &mut Vec<String>,
) -> Chapter {
    let (number, title) = parse_chapter_heading(heading);
    let mut chapter =
        Chapter::from_paragraphs(number.unwrap_or(index as u32 + 1), title, Vec::new());
    let story = story_from_element(body);
    warnings.extend(story.warnings);
    chapter.scenes = story.scenes;
    // AO3 notes that FanFicFare keeps inside the chapter body.
    for (selector, before) in [
        (sel("div.fff_head_notes"), true),
        (sel("div.fff_foot_notes"), false),
    ] {
        for notes in body.select(&selector) {
            let text = plain_text(notes);
            if text.is_empty() {
                continue;
            }
            // Remove the note paragraphs from the story text.
            let note_paras: Vec<String> = text.split("\n\n").map(str::to_string).collect();
            for scene in &mut chapter.scenes {
                scene.paragraphs.retain(|p| !note_paras.contains(&p.text));
            }
            let note = ficarchive_model::Note::new(text);
            if before {
                chapter.notes_before.push(note);
            } else {
                chapter.notes_after.push(note);
            }
        }
    }
    lift_edge_notes(&mut chapter);
    chapter
}

/// True when an HTML document is FanFicFare's HTML output.
pub fn looks_like_fff_html(doc: &Html) -> bool {
    doc.select(&sel("a[name=TOCTOP]")).next().is_some()
        && doc.select(&sel("table.full")).next().is_some()
}

/// Reads FanFicFare's HTML output.
pub fn read_fff_html(text: &str) -> Result<Work, FormatError> {
    let (doc, nesting_warning) = crate::html::parse_document_limited(text);
    if !looks_like_fff_html(&doc) {
        return Err(FormatError::Malformed {
            format: "FanFicFare HTML",
            reason: "no TOCTOP anchor and metadata table".into(),
        });
    }
    let mut work = Work::default();
    work.source.format = Some(SourceFormat::FanficfareHtml);
    if let Some(h1) = doc.select(&sel("body h1")).next() {
        read_heading(h1, &mut work);
    }
    for row in doc.select(&sel("table.full tr")) {
        let cells: Vec<ElementRef<'_>> = row.select(&sel("td")).collect();
        if let [label, value] = cells.as_slice() {
            apply_html_field(&mut work, &plain_text(*label), &value.inner_html());
        }
    }
    let mut warnings: Vec<String> = nesting_warning.into_iter().collect();
    let mut heading: Option<String> = None;
    let Some(body) = doc.select(&sel("body")).next() else {
        return Err(FormatError::NoStory);
    };
    for el in body.children().filter_map(ElementRef::wrap) {
        match el.value().name() {
            "a" if el
                .value()
                .attr("name")
                .is_some_and(|n| n.starts_with("section")) =>
            {
                heading = Some(plain_text(el));
            }
            "div" => {
                if let Some(h) = heading.take() {
                    let ch = chapter_from(work.chapters.len(), &h, el, &mut warnings);
                    work.chapters.push(ch);
                }
            }
            _ => {}
        }
    }
    finish(work, warnings)
}

/// Reads FanFicFare's EPUB from an opened book.
pub(crate) fn read_fff_book(book: &Book) -> Result<Work, FormatError> {
    let mut work = Work::default();
    work.source.format = Some(SourceFormat::FanficfareEpub);
    let mut warnings = Vec::new();
    for doc in &book.docs {
        let parsed = Html::parse_document(&doc.html);
        let Some(body) = parsed.select(&sel("body")).next() else {
            continue;
        };
        let class = body.value().attr("class").unwrap_or("");
        if class.contains("fff_titlepage") {
            if let Some(h) = body.select(&sel("h3")).next() {
                read_heading(h, &mut work);
            }
            if let Some(div) = body.select(&sel("div")).next() {
                read_label_lines(div, &mut work);
            }
        } else if class.contains("fff_chapter")
            || (!class.contains("fff_")
                && body.select(&sel("h3")).next().is_some()
                && !doc.path.contains("toc_page")
                && !doc.path.contains("log_page"))
        {
            let heading = body
                .select(&sel("h3"))
                .next()
                .map(plain_text)
                .or_else(|| doc.toc_label.clone())
                .unwrap_or_default();
            let content = body
                .children()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().name() == "div")
                .unwrap_or(body);
            let ch = chapter_from(work.chapters.len(), &heading, content, &mut warnings);
            work.chapters.push(ch);
        }
    }
    let meta = &book.meta;
    work.source.uid = meta
        .identifiers
        .iter()
        .find(|i| i.starts_with("fanficfare-uid:"))
        .cloned()
        .or_else(|| meta.identifiers.first().cloned());
    if work.source.url.is_none() {
        work.source.url = meta.source.clone();
    }
    if work.title.is_none() {
        work.title = meta.title.clone();
    }
    if work.authors.is_empty() {
        work.authors = meta.creators.clone();
    }
    if work.summary.is_none() {
        work.summary = meta.description.clone();
    }
    if work.series.is_empty()
        && let Some(s) = &meta.series
    {
        work.series.push(s.clone());
    }
    finish(work, warnings)
}

static TXT_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][A-Za-z0-9 ]{1,30}):\s?(.*)$").unwrap_or_else(|_| unreachable!())
});

/// True when text is FanFicFare's TXT output.
pub fn looks_like_fff_txt(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(20_000)
        .collect::<String>()
        .replace("\r\n", "\n");
    head.contains("\nTABLE OF CONTENTS\n")
        && (head.contains("\nPackaged: ") || head.contains("\nStory URL: "))
        && text.trim_end().ends_with("End file.")
}

/// Reads FanFicFare's TXT output: header, table of contents, chapters under headings indented by
/// eight spaces; html2text's Markdown-like emphasis is turned back into HTML.
pub fn read_fff_txt(text: &str) -> Result<Work, FormatError> {
    let text = text.replace("\r\n", "\n");
    let Some(toc_at) = text.find("\nTABLE OF CONTENTS\n") else {
        return Err(FormatError::Malformed {
            format: "FanFicFare TXT",
            reason: "no TABLE OF CONTENTS".into(),
        });
    };
    let mut work = Work::default();
    work.source.format = Some(SourceFormat::FanficfareText);
    let header = &text[..toc_at];
    let mut lines = header.lines().map(str::trim_end).peekable();
    while lines.peek().is_some_and(|l| l.trim().is_empty()) {
        lines.next();
    }
    if let Some(title) = lines.next() {
        work.title = Some(title.trim().to_string());
    }
    let mut field: Option<(String, String)> = None;
    for line in lines {
        if work.authors.is_empty()
            && field.is_none()
            && let Some(a) = line.trim().strip_prefix("by ")
        {
            work.authors = a.split(", ").map(|s| s.trim().to_string()).collect();
            continue;
        }
        if let Some(c) = TXT_FIELD.captures(line) {
            if let Some((l, v)) = field.take() {
                apply_field(&mut work, &l, &v);
            }
            field = Some((c[1].to_string(), c[2].to_string()));
        } else if let Some((_, v)) = field.as_mut() {
            // A wrapped value, or a summary's further paragraphs.
            if line.trim().is_empty() {
                v.push_str("\n\n");
            } else {
                if !v.ends_with('\n') && !v.is_empty() {
                    v.push(' ');
                }
                v.push_str(line.trim());
            }
        }
    }
    if let Some((l, v)) = field.take() {
        apply_field(&mut work, &l, v.trim());
    }
    if let Some(summary) = work.summary.take() {
        work.summary = Some(summary.trim().to_string()).filter(|s| !s.is_empty());
    }
    // Body: chapter headings are lines indented by exactly eight spaces (wrapped onto the
    // next unindented line when long).
    let body = &text[toc_at + "\nTABLE OF CONTENTS\n".len()..];
    let body = body.trim_end();
    let body = body.strip_suffix("End file.").unwrap_or(body);
    let body_lines: Vec<&str> = body.lines().collect();
    let is_heading =
        |l: &str| l.starts_with("        ") && !l[8..].starts_with(' ') && !l[8..].is_empty();
    let mut headings: Vec<(usize, usize, String)> = Vec::new();
    let mut i = 0;
    while i < body_lines.len() {
        if is_heading(body_lines[i]) {
            let mut title = body_lines[i].trim().to_string();
            let mut end = i + 1;
            while end < body_lines.len() && !body_lines[end].trim().is_empty() {
                title.push(' ');
                title.push_str(body_lines[end].trim());
                end += 1;
            }
            headings.push((i, end, title));
            i = end;
        } else {
            i += 1;
        }
    }
    let mut warnings = Vec::new();
    for (n, (_, end, title)) in headings.iter().enumerate() {
        let stop = headings.get(n + 1).map(|h| h.0).unwrap_or(body_lines.len());
        // "~~~" and "```" lines are scene breaks here, not Markdown code fences.
        let chunk = body_lines[*end..stop]
            .iter()
            .map(|l| {
                let t = l.trim_start();
                if (t.starts_with('~') || t.starts_with('`'))
                    && crate::html::scene_break_marker(t).is_some()
                {
                    format!("\\{t}")
                } else {
                    (*l).to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let html = crate::markdown::markdown_to_html(&chunk);
        let (doc, nesting_warning) = crate::html::parse_document_limited(&html);
        warnings.extend(nesting_warning);
        let Some(b) = doc.select(&sel("body")).next() else {
            continue;
        };
        let ch = chapter_from(work.chapters.len(), title, b, &mut warnings);
        work.chapters.push(ch);
    }
    finish(work, warnings)
}
