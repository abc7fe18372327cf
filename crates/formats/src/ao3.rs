//! AO3 downloads (HTML, and the EPUB that calibre converts from the same HTML), laid out by
//! otwarchive's `downloads/` templates: a `#preface` with the tag list, stats, summary and notes;
//! `#chapters` with one header block, body and end notes per chapter; an `#afterword`.
//!
//! ficarchive's own HTML and EPUB writers use the same layout, so this reader also reads them back.

use std::sync::LazyLock;

use chrono::NaiveDate;
use ficarchive_model::{Chapter, Note, Series, SourceFormat, Status, TagKind, Work};
use regex::Regex;
use scraper::{ElementRef, Html, Node};

use crate::FormatError;
use crate::html::{dedup_warnings, parse_chapter_heading, plain_text, sel, story_from_element};

/// True when a parsed document has AO3's download layout (a preface with the tag list).
pub fn looks_like_ao3(doc: &Html) -> bool {
    doc.select(&sel("#preface")).next().is_some()
        && (doc.select(&sel("#preface dl.tags")).next().is_some()
            || doc.select(&sel("#preface p.message")).next().is_some())
}

/// Reads an AO3 HTML download (or ficarchive's HTML export, which shares the layout).
pub fn read_ao3_html(text: &str) -> Result<Work, FormatError> {
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    let (doc, warning) = crate::html::parse_document_limited(text);
    if !looks_like_ao3(&doc) {
        return Err(FormatError::Malformed {
            format: "AO3 HTML",
            reason: "no #preface with AO3's tag list".into(),
        });
    }
    let mut work = read_ao3_document(&doc, SourceFormat::Ao3Html)?;
    if let Some(message) = warning {
        work.warnings
            .push(ficarchive_model::ImportWarning { message });
    }
    Ok(work)
}

/// Reads the AO3 layout from a parsed document; `format` says which container it came in.
pub(crate) fn read_ao3_document(doc: &Html, format: SourceFormat) -> Result<Work, FormatError> {
    let mut work = Work::default();
    let mut warnings = Vec::new();
    let own_export = doc.select(&sel("meta[name=generator]")).any(|m| {
        m.value()
            .attr("content")
            .is_some_and(|c| c.starts_with("ficarchive"))
    });
    work.source.format = Some(match (own_export, format) {
        (true, SourceFormat::Ao3Html) => SourceFormat::Html,
        (true, SourceFormat::Ao3Epub) => SourceFormat::Epub,
        (_, f) => f,
    });
    if let Some(preface) = doc.select(&sel("#preface")).next() {
        read_preface(preface, &mut work);
    }
    // ficarchive's HTML export records the source's stable identifier (FanFicFare's uid) here,
    // so a work exported and imported again is still recognised as the same work.
    work.source.uid = doc
        .select(&sel("meta[name=\"dc.identifier\"]"))
        .filter_map(|m| m.value().attr("content"))
        .map(str::trim)
        .find(|c| !c.is_empty())
        .map(str::to_string);
    let mut chapters_found = false;
    for container in doc.select(&sel("#chapters")) {
        chapters_found = true;
        read_chapters(container, &mut work, &mut warnings);
    }
    if !chapters_found {
        // A preface with no chapters: there is no story to read.
        return Err(FormatError::NoStory);
    }
    if let Some(endnotes) = doc.select(&sel("#afterword #endnotes")).next() {
        work.end_notes.extend(blockquote_notes(endnotes));
    }
    // A one-shot has no chapter heading: its title is the work's.
    if work.chapters.is_empty() || work.chapters.iter().all(|c| c.words() == 0) {
        return Err(FormatError::NoStory);
    }
    if work.status == Status::Unknown && work.dates.completed.is_some() {
        work.status = Status::Complete;
    }
    dedup_warnings(&mut work, warnings);
    Ok(work)
}

static STAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(Published|Updated|Completed|Words|Chapters|Kudos|Hits|Comments|Bookmarks):\s*(\S+)",
    )
    .unwrap_or_else(|_| unreachable!())
});

static SERIES_PART: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"Part\s+(\d+)\s+of\s*$").unwrap_or_else(|_| unreachable!()));

fn parse_date(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(raw, "%d %b %Y"))
        .ok()
}

fn parse_count(raw: &str) -> Option<u64> {
    raw.chars()
        .filter(|c| *c != ',' && *c != '.' && *c != ' ')
        .collect::<String>()
        .parse()
        .ok()
}

/// Applies "Chapters: 3/?" to the status and expected count.
pub(crate) fn apply_chapter_fraction(work: &mut Work, raw: &str) {
    let Some((posted, total)) = raw.split_once('/') else {
        return;
    };
    let posted: Option<u32> = posted.trim().parse().ok();
    match total.trim().parse::<u32>() {
        Ok(total) => {
            work.expected_chapters = Some(total);
            work.status = if posted == Some(total) {
                Status::Complete
            } else {
                Status::InProgress
            };
        }
        Err(_) => {
            work.expected_chapters = None;
            work.status = Status::InProgress;
        }
    }
}

/// The tag names in a `<dd>`: its links, or its comma-separated text when it has none.
fn dd_values(dd: ElementRef<'_>) -> Vec<String> {
    let links: Vec<String> = dd
        .select(&sel("a"))
        .map(plain_text)
        .filter(|t| !t.is_empty())
        .collect();
    if !links.is_empty() {
        return links;
    }
    plain_text(dd)
        .split(", ")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn read_preface(preface: ElementRef<'_>, work: &mut Work) {
    if let Some(msg) = preface.select(&sel("p.message")).next() {
        if let Some(b) = msg.select(&sel("b")).next() {
            let t = plain_text(b);
            if !t.is_empty() {
                work.title = Some(t);
            }
        }
        // The work's own URL is linked with itself as the text ("at <a href=URL>URL</a>").
        if let Some(url) = msg
            .select(&sel("a[href]"))
            .filter_map(|a| {
                let href = a.value().attr("href")?;
                (plain_text(a) == href.trim()).then_some(href.trim())
            })
            .last()
        {
            work.source.url = Some(url.to_string());
        }
    }
    if let Some(dl) = preface.select(&sel("dl.tags")).next() {
        let mut label = String::new();
        for child in dl.children().filter_map(ElementRef::wrap) {
            match child.value().name() {
                "dt" => {
                    label = plain_text(child)
                        .trim_end_matches(':')
                        .trim()
                        .to_ascii_lowercase()
                }
                "dd" => apply_field(work, &label, child),
                _ => {}
            }
        }
    }
    if let Some(h1) = preface.select(&sel("h1")).next() {
        let t = plain_text(h1);
        if !t.is_empty() {
            work.title = Some(t);
        }
    }
    if let Some(byline) = preface.select(&sel(".byline")).next() {
        let links: Vec<String> = byline.select(&sel("a")).map(plain_text).collect();
        work.authors = if links.is_empty() {
            let t = plain_text(byline);
            let t = t.strip_prefix("by").unwrap_or(&t).trim().to_string();
            t.split(", ")
                .flat_map(|a| a.split(" and "))
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect()
        } else {
            links
        };
    }
    // Summary and Notes: a label paragraph, then its blockquote(s).
    if let Some(meta) = preface.select(&sel("div.meta")).next() {
        let mut label = String::new();
        for child in meta.children().filter_map(ElementRef::wrap) {
            match child.value().name() {
                "p" => label = plain_text(child).to_ascii_lowercase(),
                "blockquote" => {
                    let text = plain_text(child);
                    if text.is_empty() {
                        continue;
                    }
                    match label.as_str() {
                        "summary" => {
                            work.summary = Some(match work.summary.take() {
                                Some(s) => format!("{s}\n\n{text}"),
                                None => text,
                            })
                        }
                        _ => work.notes.push(Note::new(text)),
                    }
                }
                _ => {}
            }
        }
    }
}

fn apply_field(work: &mut Work, label: &str, dd: ElementRef<'_>) {
    let kind = match label {
        "rating" | "ratings" => Some(TagKind::Rating),
        "archive warning" | "archive warnings" => Some(TagKind::Warning),
        "category" | "categories" => Some(TagKind::Category),
        "fandom" | "fandoms" => Some(TagKind::Fandom),
        "relationship" | "relationships" => Some(TagKind::Relationship),
        "character" | "characters" => Some(TagKind::Character),
        "additional tag" | "additional tags" => Some(TagKind::Freeform),
        _ => None,
    };
    if let Some(kind) = kind {
        for tag in dd_values(dd) {
            work.tags.add(kind, &tag);
        }
        return;
    }
    match label {
        "language" => {
            let t = plain_text(dd);
            if !t.is_empty() {
                work.language = Some(t);
            }
        }
        "series" => read_series(work, dd),
        "collections" | "collection" => work.collections.extend(dd_values(dd)),
        "stats" => {
            let text = plain_text(dd);
            for c in STAT.captures_iter(&text) {
                let value = &c[2];
                match &c[1] {
                    "Published" => work.dates.published = parse_date(value),
                    "Updated" => work.dates.updated = parse_date(value),
                    "Completed" => work.dates.completed = parse_date(value),
                    "Chapters" => apply_chapter_fraction(work, value),
                    "Kudos" => work.stats.kudos = parse_count(value),
                    "Hits" => work.stats.hits = parse_count(value),
                    "Comments" => work.stats.comments = parse_count(value),
                    "Bookmarks" => work.stats.bookmarks = parse_count(value),
                    _ => {}
                }
            }
        }
        _ => {}
    }
}

/// "Part 2 of <a>Name</a>, Part 1 of <a>Other</a>".
fn read_series(work: &mut Work, dd: ElementRef<'_>) {
    let mut preceding = String::new();
    let mut found = false;
    for child in dd.children() {
        match child.value() {
            Node::Text(t) => preceding.push_str(t),
            Node::Element(_) => {
                let Some(el) = ElementRef::wrap(child) else {
                    continue;
                };
                let name = plain_text(el);
                let part = SERIES_PART
                    .captures(preceding.trim_end())
                    .and_then(|c| c[1].parse().ok());
                if !name.is_empty() {
                    work.series.push(Series { name, part });
                    found = true;
                }
                preceding.clear();
            }
            _ => {}
        }
    }
    if !found {
        // Unlinked text: "Part 2 of Name".
        let text = plain_text(dd);
        let re = Regex::new(r"Part\s+(\d+)\s+of\s+(.+)").ok();
        if let Some(c) = re.as_ref().and_then(|re| re.captures(&text)) {
            work.series.push(Series {
                name: c[2].trim().to_string(),
                part: c[1].parse().ok(),
            });
        }
    }
}

/// Each `blockquote` under an element as one note.
fn blockquote_notes(el: ElementRef<'_>) -> Vec<Note> {
    el.select(&sel("blockquote"))
        .filter(|b| {
            // Only outermost blockquotes: a quote inside a note is part of that note.
            !b.ancestors().take_while(|a| a.id() != el.id()).any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| e.name() == "blockquote")
            })
        })
        .map(plain_text)
        .filter(|t| !t.is_empty())
        .map(Note::new)
        .collect()
}

fn read_chapters(container: ElementRef<'_>, work: &mut Work, warnings: &mut Vec<String>) {
    for child in container.children().filter_map(ElementRef::wrap) {
        let classes: Vec<&str> = child.value().classes().collect();
        let id = child.value().id().unwrap_or("");
        let name = child.value().name();
        if name == "div" && classes.contains(&"meta") && id.starts_with("endnotes") {
            if let Some(ch) = work.chapters.last_mut() {
                ch.notes_after.extend(blockquote_notes(child));
            }
        } else if name == "div" && classes.contains(&"meta") {
            // A chapter header block: heading, optional byline, summary and notes.
            let heading = child
                .select(&sel("h2, h3"))
                .next()
                .map(plain_text)
                .unwrap_or_default();
            let (number, title) = parse_chapter_heading(&heading);
            let number = number.unwrap_or(work.chapters.len() as u32 + 1);
            let mut chapter = Chapter::from_paragraphs(number, title, Vec::new());
            chapter.scenes.clear();
            let mut label = String::new();
            for part in child.children().filter_map(ElementRef::wrap) {
                match part.value().name() {
                    "p" if part.value().classes().any(|c| c == "byline") => {
                        let by = plain_text(part);
                        chapter.notes_before.push(Note::new(by));
                    }
                    "p" => label = plain_text(part).to_ascii_lowercase(),
                    "blockquote" => {
                        let text = plain_text(part);
                        if text.is_empty() {
                            continue;
                        }
                        if label == "chapter summary" {
                            chapter.summary = Some(match chapter.summary.take() {
                                Some(s) => format!("{s}\n\n{text}"),
                                None => text,
                            });
                        } else {
                            chapter.notes_before.push(Note::new(text));
                        }
                    }
                    _ => {}
                }
            }
            work.chapters.push(chapter);
        } else if name == "div" && classes.contains(&"userstuff") {
            let story = story_from_element(child);
            warnings.extend(story.warnings);
            if work.chapters.is_empty() {
                // A one-shot: the body sits directly in #chapters, titled by the work.
                let mut ch = Chapter::from_paragraphs(1, None, Vec::new());
                ch.scenes.clear();
                work.chapters.push(ch);
            }
            if let Some(ch) = work.chapters.last_mut() {
                ch.scenes.extend(story.scenes);
                fix_first_scene(ch);
            }
        }
    }
}

fn fix_first_scene(chapter: &mut Chapter) {
    if let Some(first) = chapter.scenes.first_mut() {
        first.break_kind = ficarchive_model::SceneBreak::Start;
        first.marker = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r##"<!DOCTYPE html><html><head><meta charset="utf-8"><title>Poisons - Kally - Buffy</title></head><body>
<div id="preface"><h2 class="toc-heading">Preface</h2>
<p class="message"><b>Bloody Soul</b><br/>Posted originally on the <a href="http://archiveofourown.org/">Archive of Our Own</a> at <a href="http://archiveofourown.org/works/123">http://archiveofourown.org/works/123</a>.</p>
<div class="meta"><dl class="tags">
<dt>Rating:</dt><dd><a href="x">Teen And Up Audiences</a></dd>
<dt>Archive Warning:</dt><dd><a href="x">No Archive Warnings Apply</a></dd>
<dt>Relationships:</dt><dd><a href="x">Buffy/Angel</a>, <a href="x">Buffy &amp; Willow</a></dd>
<dt>Language:</dt><dd>English</dd>
<dt>Series:</dt><dd>Part 2 of
<a href="s">Souls</a></dd>
<dt>Stats:</dt><dd>
 Published: 2008-03-01
 Updated: 2009-05-02
 Words: 1,234
 Chapters: 2/?
</dd></dl>
<h1>Bloody Soul</h1><div class="byline">by <a rel="author" href="a">Kally</a></div>
<p>Summary</p><blockquote class="userstuff"><p>A summary.</p></blockquote>
<p>Notes</p><blockquote class="userstuff"><p>Work note.</p></blockquote>
</div></div>
<div id="chapters" class="userstuff">
<div class="meta group"><h2 class="heading">Chapter 1: Poisons</h2>
<p>Chapter Summary</p><blockquote class="userstuff"><p>Ch sum.</p></blockquote>
<p>Chapter Notes</p><blockquote class="userstuff"><p>Ch note.</p></blockquote></div>
<!--chapter content--><div class="userstuff"><p>Hello <em>there</em>.</p><hr/><p>Later.</p></div><!--/chapter content-->
<div class="meta" id="endnotes1"><p>Chapter End Notes</p><blockquote class="userstuff"><p>Ch end.</p></blockquote></div>
<div class="meta group"><h2 class="heading">Chapter 2</h2></div>
<div class="userstuff"><p>Second.</p></div>
</div>
<div id="afterword"><h2 class="toc-heading">Afterword</h2><div class="meta"><div id="endnotes"><p>End Notes</p><blockquote class="userstuff"><p>Bye.</p></blockquote></div></div></div>
</body></html>"##;

    #[test]
    fn reads_every_preface_field_and_chapter_part() {
        let w = read_ao3_html(SAMPLE).unwrap();
        assert_eq!(w.title.as_deref(), Some("Bloody Soul"));
        assert_eq!(w.authors, vec!["Kally"]);
        assert_eq!(
            w.source.url.as_deref(),
            Some("http://archiveofourown.org/works/123")
        );
        assert_eq!(w.tags.relationships, vec!["Buffy/Angel", "Buffy & Willow"]);
        assert_eq!(w.tags.rating, Some(ficarchive_model::Rating::Teen));
        assert_eq!(w.language.as_deref(), Some("English"));
        assert_eq!(
            w.series,
            vec![Series {
                name: "Souls".into(),
                part: Some(2)
            }]
        );
        assert_eq!(w.status, Status::InProgress);
        assert_eq!(w.dates.updated, NaiveDate::from_ymd_opt(2009, 5, 2));
        assert_eq!(w.summary.as_deref(), Some("A summary."));
        assert_eq!(w.notes[0].text, "Work note.");
        assert_eq!(w.end_notes[0].text, "Bye.");
        assert_eq!(w.chapters.len(), 2);
        let c = &w.chapters[0];
        assert_eq!(c.title.as_deref(), Some("Poisons"));
        assert_eq!(c.summary.as_deref(), Some("Ch sum."));
        assert_eq!(c.notes_before[0].text, "Ch note.");
        assert_eq!(c.notes_after[0].text, "Ch end.");
        assert_eq!(c.scenes.len(), 2);
        assert_eq!(w.chapters[1].number, 2);
    }
}
