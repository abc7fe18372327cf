//! EPUB 2 and 3: the container is opened with limits ([`ZipLimits`]), the package file gives the
//! metadata and reading order, and the content documents are read by the reader that knows their
//! layout: AO3 (and ficarchive's own export), FanFicFare, or the generic one (Project Gutenberg
//! and anything else). A missing or lying OPF or NCX is worked around with a warning.

use std::collections::HashMap;

use chrono::NaiveDate;
use ficarchive_model::{Chapter, Series, SourceFormat, TagKind, Work, WorkDates};
use scraper::Html;

use crate::FormatError;
use crate::html::{
    Block, blocks_to_scenes, chapters_at_headings, dedup_warnings, flatten_blocks, lift_edge_notes,
    plain_text, sel,
};

mod archive;
mod xml;

pub(crate) use archive::SafeZip;
pub use archive::ZipLimits;

/// The package metadata an OPF gives.
#[derive(Debug, Default, Clone)]
pub(crate) struct OpfMeta {
    pub title: Option<String>,
    pub creators: Vec<String>,
    pub language: Option<String>,
    pub description: Option<String>,
    pub subjects: Vec<String>,
    pub identifiers: Vec<String>,
    pub source: Option<String>,
    pub published: Option<NaiveDate>,
    pub modified: Option<NaiveDate>,
    pub series: Option<Series>,
}

/// One content document in reading order.
#[derive(Debug, Clone)]
pub(crate) struct ContentDoc {
    /// Its path in the archive.
    pub path: String,
    /// Its markup.
    pub html: String,
    /// Its label in the table of contents, when it has one.
    pub toc_label: Option<String>,
}

/// An EPUB opened and its parts read.
#[derive(Debug, Default)]
pub(crate) struct Book {
    pub meta: OpfMeta,
    pub docs: Vec<ContentDoc>,
    pub warnings: Vec<String>,
}

fn malformed(reason: impl Into<String>) -> FormatError {
    FormatError::Malformed {
        format: "EPUB",
        reason: reason.into(),
    }
}

/// Joins a relative href to the directory of the file it appears in, resolving "." and "..";
/// `None` when it would leave the archive.
fn resolve(base_dir: &str, href: &str) -> Option<String> {
    let href = href.split(['#', '?']).next().unwrap_or("");
    let href = percent_decode(href);
    if href.is_empty() || href.contains("://") {
        return None;
    }
    let mut parts: Vec<&str> = if href.starts_with('/') {
        Vec::new()
    } else {
        base_dir.split('/').filter(|p| !p.is_empty()).collect()
    };
    for part in href.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(v) = u8::from_str_radix(s.get(i + 1..i + 3).unwrap_or("zz"), 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
}

fn parse_date(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    let day = raw.get(..10).unwrap_or(raw);
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .or_else(|| NaiveDate::parse_from_str(&format!("{}-01-01", raw.get(..4)?), "%Y-%m-%d").ok())
}

/// Opens an EPUB and reads its metadata and content documents in reading order.
pub(crate) fn open_book(bytes: &[u8], limits: ZipLimits) -> Result<Book, FormatError> {
    let mut zip = SafeZip::open(bytes, limits)?;
    let mut book = Book::default();
    for name in &zip.unsafe_names {
        book.warnings.push(format!(
            "skipped the entry {name:?}: its path leaves the archive"
        ));
    }
    match zip.read("mimetype") {
        Ok(m) if m.trim_ascii() == b"application/epub+zip" => {}
        Ok(_) => book
            .warnings
            .push("the mimetype entry is not application/epub+zip".into()),
        Err(_) => book
            .warnings
            .push("the archive has no mimetype entry".into()),
    }
    // container.xml names the package file; without it, take the first .opf in the archive.
    let mut opf_path = None;
    if zip.contains("META-INF/container.xml") {
        let text = zip.read_text("META-INF/container.xml")?;
        let (doc, err) = xml::parse(&text);
        if let Some(err) = err {
            book.warnings
                .push(format!("META-INF/container.xml is malformed: {err}"));
        }
        opf_path = doc
            .find_all("rootfile")
            .filter_map(|n| doc.attr(n, "full-path"))
            .filter_map(|p| resolve("", p))
            .find(|p| zip.contains(p));
    }
    if opf_path.is_none() {
        opf_path = zip.names().iter().find(|n| n.ends_with(".opf")).cloned();
        if opf_path.is_some() {
            book.warnings
                .push("META-INF/container.xml is missing or names no package file; used the first .opf found".into());
        }
    }
    let mut spine_paths: Vec<String> = Vec::new();
    let mut toc_labels: HashMap<String, String> = HashMap::new();
    if let Some(opf_path) = &opf_path {
        let text = zip.read_text(opf_path)?;
        let (doc, err) = xml::parse(&text);
        if let Some(err) = err {
            book.warnings
                .push(format!("the package file is malformed: {err}"));
        }
        if doc.dropped_entities > 0 {
            book.warnings.push(format!(
                "{} entity references in the package file were not expanded",
                doc.dropped_entities
            ));
        }
        let base = dir_of(opf_path).to_string();
        book.meta = read_opf_meta(&doc);
        let mut manifest: HashMap<String, (String, String, String)> = HashMap::new();
        let mut nav_path = None;
        let mut ncx_path = None;
        for item in doc.find_all("item") {
            let (Some(id), Some(href)) = (doc.attr(item, "id"), doc.attr(item, "href")) else {
                continue;
            };
            let Some(path) = resolve(&base, href) else {
                book.warnings.push(format!(
                    "skipped the manifest item {href:?}: its path leaves the archive"
                ));
                continue;
            };
            let media = doc.attr(item, "media-type").unwrap_or("").to_string();
            let props = doc.attr(item, "properties").unwrap_or("").to_string();
            if props.split_whitespace().any(|p| p == "nav") {
                nav_path = Some(path.clone());
            }
            if media == "application/x-dtbncx+xml" {
                ncx_path = Some(path.clone());
            }
            manifest.insert(id.to_string(), (path, media, props));
        }
        for itemref in doc.find_all("itemref") {
            let Some(idref) = doc.attr(itemref, "idref") else {
                continue;
            };
            match manifest.get(idref) {
                Some((path, _, _)) if zip.contains(path) => {
                    if Some(path) != nav_path.as_ref() {
                        spine_paths.push(path.clone());
                    }
                }
                Some((path, _, _)) => book.warnings.push(format!(
                    "the reading order names {path:?}, which is not in the archive"
                )),
                None => book.warnings.push(format!(
                    "the reading order names {idref:?}, which the manifest lacks"
                )),
            }
        }
        if let Some(ncx) = ncx_path.filter(|p| zip.contains(p)) {
            match zip.read_text(&ncx) {
                Ok(text) => {
                    let (doc, _) = xml::parse(&text);
                    let base = dir_of(&ncx).to_string();
                    for point in doc.find_all("navPoint") {
                        let label = doc
                            .descendants_named(point, "text")
                            .first()
                            .map(|&t| doc.deep_text(t))
                            .unwrap_or_default();
                        if let Some(src) = doc
                            .descendants_named(point, "content")
                            .first()
                            .and_then(|&c| doc.attr(c, "src"))
                            .and_then(|s| resolve(&base, s))
                            && !label.is_empty()
                        {
                            toc_labels.entry(src).or_insert(label);
                        }
                    }
                }
                Err(e) => book
                    .warnings
                    .push(format!("the NCX could not be read: {e}")),
            }
        }
        if let Some(nav) = nav_path.filter(|p| zip.contains(p))
            && let Ok(text) = zip.read_text(&nav)
        {
            let html = Html::parse_document(&crate::html::limit_nesting(&text).0);
            let base = dir_of(&nav).to_string();
            for a in html.select(&sel("nav a[href]")) {
                if let Some(path) = a.value().attr("href").and_then(|h| resolve(&base, h)) {
                    let label = plain_text(a);
                    if !label.is_empty() {
                        toc_labels.entry(path).or_insert(label);
                    }
                }
            }
        }
    } else {
        book.warnings
            .push("the archive has no package file (OPF)".into());
    }
    if spine_paths.is_empty() {
        // No usable reading order: take every HTML document in archive order.
        spine_paths = zip
            .names()
            .iter()
            .filter(|n| {
                let l = n.to_ascii_lowercase();
                (l.ends_with(".xhtml") || l.ends_with(".html") || l.ends_with(".htm"))
                    && !l.ends_with("nav.xhtml")
            })
            .cloned()
            .collect();
        if spine_paths.is_empty() {
            return Err(malformed("no content documents found"));
        }
        book.warnings.push(
            "the reading order is missing or empty; read the HTML files in archive order".into(),
        );
    }
    let mut seen = std::collections::HashSet::new();
    for path in spine_paths {
        if !seen.insert(path.clone()) {
            continue;
        }
        match zip.read_text(&path) {
            Ok(html) => book.docs.push(ContentDoc {
                html: {
                    let (limited, flattened) = crate::html::limit_nesting(&html);
                    if flattened {
                        book.warnings.push(format!(
                            "markup in {path:?} nested deeper than {} levels was flattened",
                            crate::html::MAX_PARSE_DEPTH
                        ));
                    }
                    limited.into_owned()
                },
                toc_label: toc_labels.get(&path).cloned(),
                path,
            }),
            Err(e @ FormatError::Malformed { .. }) if e.to_string().contains("zip bomb") => {
                return Err(e);
            }
            Err(e) => book.warnings.push(format!("skipped {path:?}: {e}")),
        }
    }
    if book.docs.is_empty() {
        return Err(malformed("none of the content documents could be read"));
    }
    Ok(book)
}

fn read_opf_meta(doc: &xml::XmlDoc) -> OpfMeta {
    let mut meta = OpfMeta::default();
    let Some(metadata) = doc.find("metadata") else {
        return meta;
    };
    let mut series_name = None;
    let mut series_index = None;
    let mut collection: Option<(String, Option<String>)> = None;
    let mut group_position = None;
    let nodes = doc
        .nodes
        .get(metadata)
        .map(|n| n.children.clone())
        .unwrap_or_default();
    for n in nodes {
        let Some(node) = doc.nodes.get(n) else {
            continue;
        };
        let text = doc.deep_text(n);
        match node.name.as_str() {
            "title" if meta.title.is_none() && !text.is_empty() => meta.title = Some(text),
            "creator" if !text.is_empty() => {
                let role = doc.attr(n, "role").unwrap_or("aut");
                if role == "aut" && !meta.creators.contains(&text) {
                    meta.creators.push(text);
                }
            }
            "language" if meta.language.is_none() && !text.is_empty() => meta.language = Some(text),
            "description" if !text.is_empty() => {
                // Descriptions are often escaped HTML.
                let frag = Html::parse_fragment(&text);
                let plain = plain_text(frag.root_element());
                meta.description = Some(if plain.is_empty() { text } else { plain });
            }
            "subject" if !text.is_empty() => meta.subjects.push(text),
            "identifier" if !text.is_empty() => meta.identifiers.push(text),
            "source" if !text.is_empty() => meta.source = Some(text),
            "date" => {
                let event = doc.attr(n, "event").unwrap_or("publication");
                match event {
                    "publication" | "original-publication" => meta.published = parse_date(&text),
                    "modification" => meta.modified = parse_date(&text),
                    _ => {}
                }
            }
            "meta" => {
                let name = doc.attr(n, "name").unwrap_or("");
                let content = doc.attr(n, "content").unwrap_or("").trim().to_string();
                let property = doc.attr(n, "property").unwrap_or("");
                match (name, property) {
                    ("calibre:series", _) if !content.is_empty() => series_name = Some(content),
                    ("calibre:series_index", _) => series_index = content.parse::<f64>().ok(),
                    (_, "belongs-to-collection") => {
                        collection = Some((text, doc.attr(n, "id").map(str::to_string)))
                    }
                    (_, "group-position") => group_position = text.parse::<f64>().ok(),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    let to_part = |f: f64| (1.0..1e6).contains(&f).then_some(f as u32);
    if let Some(name) = series_name {
        meta.series = Some(Series {
            name,
            part: series_index.and_then(to_part),
        });
    } else if let Some((name, _)) = collection.filter(|(n, _)| !n.is_empty()) {
        meta.series = Some(Series {
            name,
            part: group_position.and_then(to_part),
        });
    }
    meta
}

/// The body markup of every content document joined into one HTML document.
fn joined_document(book: &Book) -> Html {
    let mut html = String::from("<!DOCTYPE html><html><head>");
    for doc in &book.docs {
        let parsed = Html::parse_document(&doc.html);
        for meta in parsed.select(&sel("head meta[name=generator]")) {
            html.push_str(&meta.html());
        }
    }
    html.push_str("</head><body>");
    for doc in &book.docs {
        let parsed = Html::parse_document(&doc.html);
        if let Some(body) = parsed.select(&sel("body")).next() {
            html.push_str(&body.inner_html());
        }
    }
    html.push_str("</body></html>");
    Html::parse_document(&html)
}

/// Fills what the content left empty from the OPF metadata.
fn merge_opf(work: &mut Work, meta: &OpfMeta, subjects_as_tags: bool) {
    if work.title.is_none() {
        work.title = meta.title.clone();
    }
    if work.authors.is_empty() {
        work.authors = meta.creators.clone();
    }
    if work.language.is_none() {
        // "und" is BCP 47 for "undetermined": what a writer puts when the language is unknown.
        work.language = meta
            .language
            .clone()
            .filter(|l| !l.eq_ignore_ascii_case("und"));
    }
    if work.summary.is_none() {
        work.summary = meta.description.clone();
    }
    if work.source.url.is_none() {
        work.source.url = meta
            .source
            .clone()
            .filter(|s| s.starts_with("http"))
            .or_else(|| {
                meta.identifiers
                    .iter()
                    .find(|i| i.starts_with("http"))
                    .cloned()
            });
    }
    if work.source.uid.is_none() {
        // An identifier that only repeats the URL adds nothing, and `urn:ficarchive:` is the hash
        // our writer derives from title and authors when the work had no identifier of its own.
        work.source.uid = meta
            .identifiers
            .iter()
            .find(|i| {
                !i.starts_with("urn:ficarchive:")
                    && Some(i.as_str()) != work.source.url.as_deref()
                    && Some(i.as_str()) != meta.source.as_deref()
            })
            .cloned();
    }
    // Dates from the OPF only when the pages gave none: a title page or preface that lists the
    // dates is the author-facing record, the OPF's dates are often the packaging time.
    if work.dates == WorkDates::default() {
        work.dates.published = meta.published;
        work.dates.updated = meta.modified.filter(|m| Some(*m) != meta.published);
    }
    if work.series.is_empty()
        && let Some(s) = &meta.series
    {
        work.series.push(s.clone());
    }
    if subjects_as_tags && work.tags.is_empty() {
        for s in &meta.subjects {
            work.tags.add(TagKind::Freeform, s);
        }
    }
}

/// Reads an EPUB with the default limits.
pub fn read_epub(bytes: &[u8]) -> Result<Work, FormatError> {
    read_epub_with(bytes, ZipLimits::default())
}

/// Reads an EPUB with the given ZIP limits.
pub fn read_epub_with(bytes: &[u8], limits: ZipLimits) -> Result<Work, FormatError> {
    let book = open_book(bytes, limits)?;
    let fff_markup = book
        .docs
        .iter()
        .any(|d| d.html.contains("fff_titlepage") || d.html.contains("fff_chapter"));
    let fff_id = book
        .meta
        .identifiers
        .iter()
        .any(|i| i.starts_with("fanficfare-uid:"));
    let joined = joined_document(&book);
    let mut work = if fff_markup {
        crate::fanficfare::read_fff_book(&book)?
    } else if crate::ao3::looks_like_ao3(&joined) {
        let mut w = crate::ao3::read_ao3_document(&joined, SourceFormat::Ao3Epub)?;
        merge_opf(&mut w, &book.meta, false);
        w
    } else {
        let fff = if fff_id {
            crate::fanficfare::read_fff_book(&book).ok()
        } else {
            None
        };
        match fff {
            Some(w) => w,
            None => {
                let mut w = read_generic(&book)?;
                merge_opf(&mut w, &book.meta, true);
                w
            }
        }
    };
    let mut warnings = book.warnings.clone();
    warnings.extend(work.warnings.drain(..).map(|w| w.message));
    dedup_warnings(&mut work, warnings);
    Ok(work)
}

/// A table of contents kept in the reading order (pandoc's EPUB 2 `nav.xhtml`, calibre's
/// inline TOC): nearly every word is a link inside the book.
fn is_contents_page(body: scraper::ElementRef<'_>) -> bool {
    let words = |t: String| t.split_whitespace().count();
    let total = words(plain_text(body));
    let linked: usize = body
        .select(&sel("a[href]"))
        .filter(|a| {
            a.value()
                .attr("href")
                .is_some_and(|h| !h.starts_with("http:") && !h.starts_with("https:"))
        })
        .map(|a| words(plain_text(a)))
        .sum();
    total > 0 && linked > 0 && linked * 10 >= total * 8
}

/// The generic layout: each content document is a chapter, unless it holds several chapter
/// headings (then it is split at them); front matter with no story text is skipped.
fn read_generic(book: &Book) -> Result<Work, FormatError> {
    let mut work = Work::default();
    work.source.format = Some(SourceFormat::Epub);
    let mut warnings = Vec::new();
    let title_key = book
        .meta
        .title
        .as_deref()
        .map(ficarchive_model::normalize_key);
    for (i, doc) in book.docs.iter().enumerate() {
        let parsed = Html::parse_document(&doc.html);
        let Some(body) = parsed.select(&sel("body")).next() else {
            continue;
        };
        if is_contents_page(body) {
            continue;
        }
        let mut blocks = flatten_blocks(body, &mut warnings);
        let headings: Vec<(u8, String)> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(l, t, _) => Some((*l, t.clone())),
                _ => None,
            })
            .collect();
        let split_level = (1..=4u8).find(|&l| {
            headings
                .iter()
                .filter(|(hl, t)| *hl == l && crate::html::parse_chapter_heading(t).0.is_some())
                .count()
                >= 2
        });
        if let Some(level) = split_level {
            // Text before the first chapter heading is front matter of that document.
            let first = blocks
                .iter()
                .position(|b| matches!(b, Block::Heading(l, ..) if *l == level))
                .unwrap_or(0);
            let chapters = chapters_at_headings(&blocks[first..], level);
            work.chapters.extend(chapters);
            continue;
        }
        // One chapter: its title is the TOC label or the first heading.
        let mut title = doc.toc_label.clone();
        if let Some(pos) = blocks.iter().position(|b| matches!(b, Block::Heading(..))) {
            let only_headings_before = blocks[..pos].iter().all(|b| matches!(b, Block::Rule));
            if only_headings_before && let Block::Heading(_, t, _) = &blocks[pos] {
                if title.is_none() {
                    title = Some(t.clone());
                }
                blocks.remove(pos);
            }
        }
        let scenes = blocks_to_scenes(&blocks);
        let words: usize = scenes.iter().map(|s| s.words()).sum();
        let is_front_matter = i == 0
            && book.docs.len() > 1
            && (words < 60
                && title_key.as_ref().is_some_and(|k| {
                    ficarchive_model::normalize_key(&plain_text(body)).contains(k.as_str())
                }));
        if words == 0 || is_front_matter {
            continue;
        }
        let (number, chapter_title) = title
            .as_deref()
            .map(crate::html::parse_chapter_heading)
            .unwrap_or((None, None));
        let mut chapter = Chapter::from_paragraphs(
            number.unwrap_or(work.chapters.len() as u32 + 1),
            chapter_title,
            Vec::new(),
        );
        chapter.scenes = scenes;
        lift_edge_notes(&mut chapter);
        work.chapters.push(chapter);
    }
    let in_order = work.chapters.windows(2).all(|w| w[0].number < w[1].number);
    if !in_order {
        for (i, c) in work.chapters.iter_mut().enumerate() {
            c.number = i as u32 + 1;
        }
    }
    if work.chapters.is_empty() {
        return Err(FormatError::NoStory);
    }
    dedup_warnings(&mut work, warnings);
    Ok(work)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_resolve_inside_the_archive_only() {
        assert_eq!(
            resolve("OEBPS", "text/ch1.xhtml#x").as_deref(),
            Some("OEBPS/text/ch1.xhtml")
        );
        assert_eq!(
            resolve("OEBPS/text", "../style.css").as_deref(),
            Some("OEBPS/style.css")
        );
        assert_eq!(resolve("OEBPS", "../../etc/passwd"), None);
        assert_eq!(resolve("", "a%20b.xhtml").as_deref(), Some("a b.xhtml"));
    }
}
