//! Generic HTML: the sanitiser every HTML-bearing reader shares, the walk that turns story markup
//! into paragraphs and scenes, and the reader for HTML files with no known layout.
//!
//! Story HTML keeps emphasis, paragraphs, line breaks and simple structure; everything that can run
//! or track (scripts, styles, event attributes, frames, images) is removed by `ammonia`.

use std::collections::HashSet;
use std::sync::LazyLock;

use ego_tree::NodeRef;
use ficarchive_model::{
    Chapter, ImportWarning, Note, Paragraph, Scene, SceneBreak, SourceFormat, Work,
};
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};

use crate::FormatError;

/// Deeper nesting than this is flattened to plain text: no story needs it, and a hostile file
/// uses it to exhaust the stack of recursive tree code.
pub(crate) const MAX_DEPTH: usize = 200;

/// Builds a CSS selector from a constant string; the constants are tested below.
pub(crate) fn sel(css: &'static str) -> Selector {
    // A constant selector that fails to parse is a programming error caught by the unit tests;
    // fall back to one that matches nothing rather than panic.
    Selector::parse(css).unwrap_or_else(|_| {
        Selector::parse("ficarchive-never-matches").unwrap_or_else(|_| unreachable!())
    })
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let tags: HashSet<&'static str> = [
        "p",
        "br",
        "em",
        "i",
        "strong",
        "b",
        "u",
        "s",
        "strike",
        "del",
        "ins",
        "sup",
        "sub",
        "small",
        "big",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "hr",
        "pre",
        "code",
        "abbr",
        "cite",
        "q",
        "dl",
        "dt",
        "dd",
        "span",
        "div",
        "center",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "td",
        "th",
    ]
    .into_iter()
    .collect();
    let mut builder = ammonia::Builder::default();
    builder
        .tags(tags)
        .clean_content_tags(["script", "style", "iframe", "noscript", "template"].into())
        .generic_attributes(HashSet::new())
        .tag_attributes(
            [
                ("a", ["href"].into_iter().collect()),
                ("abbr", ["title"].into_iter().collect()),
            ]
            .into_iter()
            .collect(),
        )
        .url_schemes(["http", "https", "mailto"].into())
        .strip_comments(true);
    builder
});

/// Sanitises an HTML fragment: keeps text structure and emphasis, drops anything that can run
/// code, load remote content or track the reader.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

/// Block-level tags: they start a new paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "blockquote"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "hr"
            | "pre"
            | "table"
            | "tr"
            | "dl"
            | "dt"
            | "dd"
            | "center"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "figure"
            | "body"
            | "html"
            | "nav"
            | "address"
            | "form"
            | "fieldset"
    )
}

/// Containers: a block that is only a wrapper around other blocks is walked into.
fn is_container(name: &str) -> bool {
    matches!(
        name,
        "div"
            | "center"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "body"
            | "html"
            | "figure"
            | "form"
            | "fieldset"
            | "span"
            | "font"
    )
}

/// Elements whose content is never story text.
fn is_invisible(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "head"
            | "title"
            | "noscript"
            | "template"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "nav"
            | "button"
            | "select"
            | "textarea"
    )
}

/// Plain text of an element: line breaks from `<br>`, a blank line between blocks, other white
/// space collapsed. Iterative, so nesting depth cannot overflow the stack.
pub fn plain_text(element: ElementRef<'_>) -> String {
    plain_text_of_node(*element)
}

fn plain_text_of_node(node: NodeRef<'_, Node>) -> String {
    use ego_tree::iter::Edge;
    let mut out = String::new();
    let mut skip_depth: usize = 0;
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if skip_depth > 0 || is_invisible(name) {
                        skip_depth += 1;
                    } else if name == "br" {
                        out.push('\n');
                    } else if is_block(name) {
                        push_block_break(&mut out);
                    }
                }
                Node::Text(t) if skip_depth == 0 => push_collapsed(&mut out, t),
                _ => {}
            },
            Edge::Close(n) => {
                if let Node::Element(e) = n.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                    } else if is_block(e.name()) {
                        push_block_break(&mut out);
                    }
                }
            }
        }
    }
    tidy_text(&out)
}

/// Appends text with runs of white space collapsed to one space (line breaks included: in HTML
/// a source line break is just a space).
fn push_collapsed(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

fn push_block_break(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with("\n\n") {
        if out.ends_with('\n') {
            out.push('\n');
        } else {
            out.push_str("\n\n");
        }
    }
}

/// Trims each line and the whole, keeps at most one blank line between paragraphs, and turns
/// non-breaking spaces used as padding into nothing.
fn tidy_text(raw: &str) -> String {
    // Control characters are debris of broken encodings, never story text.
    let cleaned;
    let raw = if raw.chars().any(crate::write::is_forbidden_control) {
        cleaned = raw
            .chars()
            .filter(|c| !crate::write::is_forbidden_control(*c))
            .collect::<String>();
        cleaned.as_str()
    } else {
        raw
    };
    let mut out = String::with_capacity(raw.len());
    let mut blank_run = 0;
    for line in raw.split('\n') {
        let line = line.trim_matches(|c: char| c.is_whitespace());
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// A line made only of break symbols ("* * *", "~~~", "- - - - -", "oOo"), as authors mark
/// scene breaks inside a paragraph.
pub(crate) fn scene_break_marker(text: &str) -> Option<&str> {
    let t = text.trim();
    let chars = t.chars().count();
    if chars == 0 || chars > 40 {
        return None;
    }
    let symbol = |c: char| "*~-_=#+•·°§<>|/\\.:^`—–o0xX".contains(c) || c.is_whitespace();
    let ink = t.chars().filter(|c| !c.is_whitespace()).count();
    let punct = t
        .chars()
        .filter(|c| !c.is_alphanumeric() && !c.is_whitespace())
        .count();
    let only_dots = t.chars().all(|c| c == '.' || c.is_whitespace());
    let letter_marker = matches!(t, "oOo" | "OoO" | "xXx" | "XxX" | "ooo" | "xxx");
    (t.chars().all(symbol) && ink >= 1 && (punct >= 1 || letter_marker) && !(only_dots && ink < 4))
        .then_some(t)
}

/// Tags whose end is implied by the next sibling: they do not deepen the tree when left open.
fn closes_itself(name: &str) -> bool {
    matches!(
        name,
        "p" | "li"
            | "dd"
            | "dt"
            | "tr"
            | "td"
            | "th"
            | "option"
            | "optgroup"
            | "thead"
            | "tbody"
            | "tfoot"
            | "colgroup"
            | "rb"
            | "rt"
            | "rp"
            | "html"
            | "head"
            | "body"
            | "br"
            | "hr"
            | "img"
            | "meta"
            | "link"
            | "input"
            | "col"
            | "wbr"
            | "area"
            | "base"
            | "source"
            | "embed"
            | "param"
            | "track"
    )
}

/// The nesting allowed before parsing: html5ever's tree building costs time proportional to the
/// depth for each element, so deeper input is flattened first.
pub(crate) const MAX_PARSE_DEPTH: usize = 512;

/// Drops start tags (and their end tags) nested deeper than [`MAX_PARSE_DEPTH`], keeping all text.
/// Returns the text unchanged when it is shallow enough; the flag says whether tags were dropped.
pub(crate) fn limit_nesting(text: &str) -> (std::borrow::Cow<'_, str>, bool) {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut dropped_open = 0usize;
    let mut out: Option<String> = None;
    let mut copied_to = 0usize;
    let mut i = 0usize;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off;
        let Some(&next) = bytes.get(start + 1) else {
            break;
        };
        if bytes[start..].starts_with(b"<!--") {
            i = text[start..]
                .find("-->")
                .map(|e| start + e + 3)
                .unwrap_or(bytes.len());
            continue;
        }
        if !(next.is_ascii_alphabetic() || next == b'/') {
            i = start + 1;
            continue;
        }
        let Some(end_off) = text[start..].find('>') else {
            break;
        };
        let end = start + end_off + 1;
        let tag = &text[start + 1..end - 1];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let self_closing = tag.ends_with('/') || closes_itself(&name);
        let mut drop = false;
        if closing {
            if !closes_itself(&name) {
                if dropped_open > 0 {
                    dropped_open -= 1;
                    drop = true;
                } else {
                    depth = depth.saturating_sub(1);
                }
            }
        } else if !self_closing {
            if depth >= MAX_PARSE_DEPTH {
                dropped_open += 1;
                drop = true;
            } else {
                depth += 1;
            }
        }
        if drop {
            let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
            buf.push_str(&text[copied_to..start]);
            copied_to = end;
        }
        i = end;
    }
    match out {
        Some(mut buf) => {
            buf.push_str(&text[copied_to..]);
            (std::borrow::Cow::Owned(buf), true)
        }
        None => (std::borrow::Cow::Borrowed(text), false),
    }
}

fn memchr_lt(haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == b'<')
}

/// Parses an HTML document after flattening excessive nesting; the warning says what was done.
pub(crate) fn parse_document_limited(text: &str) -> (Html, Option<String>) {
    let (limited, flattened) = limit_nesting(text);
    let warning = flattened.then(|| {
        format!("markup nested deeper than {MAX_PARSE_DEPTH} levels was flattened to plain text")
    });
    (Html::parse_document(&limited), warning)
}

/// What a block-level walk of story markup produced.
#[derive(Debug, Default)]
pub(crate) struct StoryBlocks {
    /// The scenes, the first one `Start`.
    pub scenes: Vec<Scene>,
    /// What was dropped.
    pub warnings: Vec<String>,
}

/// One block of a flattened body: a heading, a paragraph-like block, or a rule.
#[derive(Debug)]
pub(crate) enum Block<'a> {
    /// `h1`…`h6`: level and text.
    Heading(u8, String, ElementRef<'a>),
    /// A paragraph or other leaf block.
    Para(ElementRef<'a>),
    /// Loose inline content between blocks (text directly inside a `div`).
    Loose(String),
    /// `<hr>`.
    Rule,
}

/// Flattens the blocks under `root` in document order: containers are walked into, leaf blocks
/// and headings are emitted. Iterative with an explicit stack; depth beyond [`MAX_DEPTH`] is
/// kept as text only.
pub(crate) fn flatten_blocks<'a>(
    root: ElementRef<'a>,
    warnings: &mut Vec<String>,
) -> Vec<Block<'a>> {
    let mut out = Vec::new();
    // Stack of child iterators; loose inline text is gathered per container.
    let mut stack: Vec<(ego_tree::iter::Children<'a, Node>, String)> =
        vec![(root.children(), String::new())];
    let mut deep_warned = false;
    while let Some((iter, loose)) = stack.last_mut() {
        let Some(child) = iter.next() else {
            let (_, loose) = stack.pop().unwrap_or_else(|| unreachable!());
            flush_loose(&mut out, loose);
            continue;
        };
        match child.value() {
            Node::Text(t) => loose.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                let Some(el) = ElementRef::wrap(child) else {
                    continue;
                };
                if is_invisible(name) {
                    continue;
                }
                if name == "br" {
                    loose.push('\n');
                    continue;
                }
                if name == "img" || name == "picture" || name == "video" || name == "audio" {
                    warnings.push(format!(
                        "dropped an embedded <{name}> (remote media is not kept)"
                    ));
                    continue;
                }
                let block = is_block(name);
                let walk_in = is_container(name) && has_block_child(el);
                if !block && !walk_in {
                    // Inline element among loose text: keep its text.
                    loose.push_str(&plain_text(el));
                    continue;
                }
                let pending = std::mem::take(loose);
                flush_loose(&mut out, pending);
                if walk_in {
                    if stack.len() >= MAX_DEPTH {
                        if !deep_warned {
                            warnings.push(format!(
                                "markup nested deeper than {MAX_DEPTH} levels was flattened to plain text"
                            ));
                            deep_warned = true;
                        }
                        out.push(Block::Loose(plain_text(el)));
                        continue;
                    }
                    stack.push((el.children(), String::new()));
                    continue;
                }
                match name {
                    "hr" => out.push(Block::Rule),
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        let level = name.as_bytes()[1] - b'0';
                        out.push(Block::Heading(level, plain_text(el), el));
                    }
                    _ => out.push(Block::Para(el)),
                }
            }
            _ => {}
        }
    }
    out
}

fn flush_loose(out: &mut Vec<Block<'_>>, loose: String) {
    let text = tidy_text(&loose.replace('\n', "\n\n"));
    if !text.is_empty() {
        // Loose text with blank lines or <br><br> between parts: each part is a paragraph.
        for part in text.split("\n\n") {
            out.push(Block::Loose(part.to_string()));
        }
    }
}

fn has_block_child(el: ElementRef<'_>) -> bool {
    el.children().any(|c| match c.value() {
        Node::Element(e) => is_block(e.name()) || (is_container(e.name()) && e.name() != "span"),
        _ => false,
    })
}

/// True when the element carries no markup of its own: a `<p>` holding only text (and `<br>`).
fn is_plain_paragraph(el: ElementRef<'_>) -> bool {
    el.value().name() == "p"
        && el.children().all(|c| match c.value() {
            Node::Text(_) => true,
            Node::Element(e) => e.name() == "br",
            _ => true,
        })
}

/// Builds scenes from flattened blocks. Rules and symbol-only paragraphs break scenes.
pub(crate) fn blocks_to_scenes(blocks: &[Block<'_>]) -> Vec<Scene> {
    let mut scenes: Vec<Scene> = Vec::new();
    let mut current: Vec<Paragraph> = Vec::new();
    let mut pending_break: Option<(SceneBreak, Option<String>)> = None;
    let close = |scenes: &mut Vec<Scene>,
                 current: &mut Vec<Paragraph>,
                 pending: &mut Option<(SceneBreak, Option<String>)>| {
        if !current.is_empty() {
            let (kind, marker) = if scenes.is_empty() {
                (SceneBreak::Start, None)
            } else {
                pending.take().unwrap_or((SceneBreak::Explicit, None))
            };
            scenes.push(Scene::new(kind, marker, std::mem::take(current)));
        }
    };
    for block in blocks {
        let para = match block {
            Block::Rule => {
                close(&mut scenes, &mut current, &mut pending_break);
                pending_break = Some((SceneBreak::Explicit, None));
                continue;
            }
            Block::Loose(text) => {
                if let Some(marker) = scene_break_marker(text) {
                    close(&mut scenes, &mut current, &mut pending_break);
                    pending_break = Some((SceneBreak::Explicit, Some(marker.to_string())));
                    continue;
                }
                Paragraph::plain(text.clone())
            }
            Block::Heading(_, text, el) => Paragraph {
                text: text.clone(),
                html: Some(sanitize(&el.html())),
                span: None,
            },
            Block::Para(el) => {
                let text = plain_text(*el);
                if text.is_empty() {
                    continue;
                }
                if let Some(marker) = scene_break_marker(&text) {
                    close(&mut scenes, &mut current, &mut pending_break);
                    pending_break = Some((SceneBreak::Explicit, Some(marker.to_string())));
                    continue;
                }
                let html = (!is_plain_paragraph(*el)).then(|| sanitize(&el.html()));
                Paragraph {
                    text,
                    html,
                    span: None,
                }
            }
        };
        if para.text.trim().is_empty() {
            continue;
        }
        current.push(para);
    }
    close(&mut scenes, &mut current, &mut pending_break);
    scenes
}

/// Story text under an element, as scenes.
pub(crate) fn story_from_element(el: ElementRef<'_>) -> StoryBlocks {
    let mut warnings = Vec::new();
    let blocks = flatten_blocks(el, &mut warnings);
    StoryBlocks {
        scenes: blocks_to_scenes(&blocks),
        warnings,
    }
}

static CHAPTER_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:chapter|part|ch\.?)\s+(\d{1,5})\s*(?:[:.\-–—]\s*(.*?))?\s*$")
        .unwrap_or_else(|_| unreachable!())
});

/// "Chapter 25: Poisons" → (Some(25), Some("Poisons")); "Prologue" → (None, Some("Prologue")).
pub(crate) fn parse_chapter_heading(text: &str) -> (Option<u32>, Option<String>) {
    let text = text.trim();
    if let Some(c) = CHAPTER_HEADING.captures(text) {
        // "Chapter 0" (a prologue) counts as unnumbered: chapter numbers start at 1.
        let number = c
            .get(1)
            .and_then(|m| m.as_str().parse().ok())
            .filter(|&n: &u32| n > 0);
        let title = c
            .get(2)
            .map(|m| m.as_str().trim().to_string())
            .filter(|t| !t.is_empty());
        return (number, title);
    }
    (None, (!text.is_empty()).then(|| text.to_string()))
}

static NOTE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*[(\[]?\s*(?:a/n|an:|author'?s?'? ?notes?|notes?\s*:|disclaimer\s*:|end notes?\s*:)")
        .unwrap_or_else(|_| unreachable!())
});

/// Moves author's notes ("A/N: …", "Disclaimer: …") at the start and end of a chapter's text out
/// of the story into the chapter's notes.
pub(crate) fn lift_edge_notes(chapter: &mut Chapter) {
    let is_note = |p: &Paragraph| NOTE_START.is_match(&p.text);
    if let Some(first) = chapter.scenes.first_mut() {
        while first.paragraphs.first().is_some_and(is_note) && first.paragraphs.len() > 1 {
            let p = first.paragraphs.remove(0);
            chapter.notes_before.push(Note::new(p.text));
        }
    }
    if let Some(last) = chapter.scenes.last_mut() {
        let mut trailing = Vec::new();
        while last.paragraphs.last().is_some_and(is_note) && last.paragraphs.len() > 1 {
            if let Some(p) = last.paragraphs.pop() {
                trailing.push(Note::new(p.text));
            }
        }
        trailing.reverse();
        chapter.notes_after.extend(trailing);
    }
    for scene in &mut chapter.scenes {
        *scene = Scene::new(
            scene.break_kind,
            scene.marker.take(),
            std::mem::take(&mut scene.paragraphs),
        );
    }
    chapter.scenes.retain(|s| !s.paragraphs.is_empty());
    if let Some(first) = chapter.scenes.first_mut() {
        first.break_kind = SceneBreak::Start;
        first.marker = None;
    }
}

/// Splits flattened body blocks into chapters at headings of `level`.
pub(crate) fn chapters_at_headings(blocks: &[Block<'_>], level: u8) -> Vec<Chapter> {
    let mut chapters = Vec::new();
    let mut start = 0;
    let mut heading: Option<&str> = None;
    let flush = |chapters: &mut Vec<Chapter>, heading: Option<&str>, part: &[Block<'_>]| {
        let scenes = blocks_to_scenes(part);
        if scenes.is_empty() && heading.is_none() {
            return;
        }
        let (number, title) = heading.map(parse_chapter_heading).unwrap_or((None, None));
        let number = number.unwrap_or(chapters.len() as u32 + 1);
        let mut chapter = Chapter::from_paragraphs(number, title, Vec::new());
        chapter.scenes = scenes;
        lift_edge_notes(&mut chapter);
        chapters.push(chapter);
    };
    for (i, block) in blocks.iter().enumerate() {
        if let Block::Heading(l, text, _) = block
            && *l == level
        {
            flush(&mut chapters, heading, &blocks[start..i]);
            heading = Some(text.as_str());
            start = i + 1;
        }
    }
    flush(&mut chapters, heading, &blocks[start..]);
    // Renumber when headings had no numbers ("Prologue", "Epilogue") so numbers run in order.
    let numbered_in_order = chapters.windows(2).all(|w| w[0].number < w[1].number);
    if !numbered_in_order {
        for (i, c) in chapters.iter_mut().enumerate() {
            c.number = i as u32 + 1;
        }
    }
    chapters
}

/// Reads an HTML file with no known layout: the title from `<title>` or the first `<h1>`, the
/// author from `<meta name="author">`, chapters split at the most frequent heading level.
pub fn read_html(text: &str) -> Result<Work, FormatError> {
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    let (doc, warning) = parse_document_limited(text);
    let mut work = read_html_document(&doc, SourceFormat::Html)?;
    if let Some(w) = warning {
        work.warnings.push(ImportWarning { message: w });
    }
    Ok(work)
}

/// The generic reader on a parsed document (shared by the EPUB and Markdown readers).
pub(crate) fn read_html_document(doc: &Html, format: SourceFormat) -> Result<Work, FormatError> {
    let mut work = Work::default();
    work.source.format = Some(format);
    let title_sel = sel("head > title");
    if let Some(t) = doc.select(&title_sel).next() {
        let t = plain_text(t);
        if !t.is_empty() {
            work.title = Some(t);
        }
    }
    for meta in doc.select(&sel("meta[name]")) {
        let name = meta.value().attr("name").unwrap_or("").to_ascii_lowercase();
        let content = meta.value().attr("content").unwrap_or("").trim();
        if content.is_empty() {
            continue;
        }
        match name.as_str() {
            "author" | "dc.creator" if !work.authors.iter().any(|a| a == content) => {
                work.authors.push(content.to_string());
            }
            "description" | "dc.description" if work.summary.is_none() => {
                work.summary = Some(content.to_string());
            }
            "keywords" => {
                for k in content.split(',') {
                    work.tags.add(ficarchive_model::TagKind::Freeform, k);
                }
            }
            "dcterms.date" | "dc.date" | "date" if work.dates.published.is_none() => {
                work.dates.published = parse_iso_date(content);
            }
            "dc.language" | "language" if work.language.is_none() => {
                work.language = Some(content.to_string());
            }
            _ => {}
        }
    }
    if work.language.is_none() {
        work.language = doc
            .select(&sel("html[lang]"))
            .next()
            .and_then(|h| h.value().attr("lang"))
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.eq_ignore_ascii_case("und"))
            .map(str::to_string);
    }
    let body_sel = sel("body");
    let Some(body) = doc.select(&body_sel).next() else {
        return Err(FormatError::NoStory);
    };
    // pandoc's standalone HTML puts title, authors and date in a title block before the text:
    // metadata, not story.
    let title_block = doc.select(&sel("header#title-block-header")).next();
    if let Some(header) = title_block {
        if let Some(h1) = header.select(&sel("h1.title")).next() {
            let t = plain_text(h1);
            if !t.is_empty() {
                work.title = Some(t);
            }
        }
        for a in header.select(&sel("p.author")) {
            let a = plain_text(a);
            if !a.is_empty() && !work.authors.contains(&a) {
                work.authors.push(a);
            }
        }
        if work.dates.published.is_none() {
            work.dates.published = header
                .select(&sel("p.date"))
                .next()
                .and_then(|d| parse_iso_date(&plain_text(d)));
        }
    }
    let mut warnings = Vec::new();
    let mut blocks = flatten_blocks(body, &mut warnings);
    if let Some(header) = title_block {
        let inside = |el: &ElementRef<'_>| el.ancestors().any(|a| a.id() == header.id());
        blocks.retain(|b| match b {
            Block::Heading(_, _, el) | Block::Para(el) => !inside(el),
            _ => true,
        });
    }
    // A leading h1 that repeats (or stands in for) the title is the title, not a chapter.
    if let Some(pos) = blocks
        .iter()
        .position(|b| !matches!(b, Block::Loose(t) if t.trim().is_empty()))
        && let Block::Heading(1, text, _) = &blocks[pos]
    {
        let count_h1 = blocks
            .iter()
            .filter(|b| matches!(b, Block::Heading(1, ..)))
            .count();
        // "# Chapter 1: …" as the first of several h1s is a chapter, not the title.
        let first_chapter = count_h1 > 1 && parse_chapter_heading(text).0.is_some();
        if !first_chapter
            && (count_h1 == 1
                || work.title.as_deref() == Some(text.as_str())
                || work.title.is_none())
        {
            if work.title.is_none() || count_h1 == 1 {
                work.title = Some(text.clone());
            }
            blocks.remove(pos);
            // "by Author" right under the title.
            if let Some(Block::Para(el)) = blocks.get(pos) {
                let t = plain_text(*el);
                if let Some(rest) = t.strip_prefix("by ").or_else(|| t.strip_prefix("By ")) {
                    if work.authors.is_empty() && rest.split_whitespace().count() <= 6 {
                        work.authors.push(rest.trim().to_string());
                    }
                    blocks.remove(pos);
                }
            }
        }
    }
    let level = chapter_heading_level(&blocks);
    work.chapters = match level {
        Some(level) => chapters_at_headings(&blocks, level),
        None => {
            let mut chapter = Chapter::from_paragraphs(1, None, Vec::new());
            chapter.scenes = blocks_to_scenes(&blocks);
            lift_edge_notes(&mut chapter);
            vec![chapter]
        }
    };
    work.chapters
        .retain(|c| !c.scenes.is_empty() || c.title.is_some());
    if work.chapters.iter().all(|c| c.words() == 0) {
        return Err(FormatError::NoStory);
    }
    dedup_warnings(&mut work, warnings);
    Ok(work)
}

/// "2019-08-30" or "2019-08-30T12:00:00Z": the date part.
fn parse_iso_date(raw: &str) -> Option<chrono::NaiveDate> {
    let raw = raw.trim();
    chrono::NaiveDate::parse_from_str(raw.get(..10).unwrap_or(raw), "%Y-%m-%d").ok()
}

/// The heading level that cuts the body into chapters: the highest level that occurs at least
/// twice, or once with a "Chapter N" text.
fn chapter_heading_level(blocks: &[Block<'_>]) -> Option<u8> {
    let mut counts = [0usize; 7];
    let mut chapterish = [false; 7];
    for b in blocks {
        if let Block::Heading(l, text, _) = b {
            let l = usize::from(*l).min(6);
            counts[l] += 1;
            if parse_chapter_heading(text).0.is_some() {
                chapterish[l] = true;
            }
        }
    }
    (1..=4u8).find(|&l| counts[usize::from(l)] >= 2 || chapterish[usize::from(l)])
}

/// Adds warnings to a work, each distinct message once with a count.
pub(crate) fn dedup_warnings(work: &mut Work, warnings: Vec<String>) {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for w in warnings {
        match seen.iter_mut().find(|(m, _)| *m == w) {
            Some((_, n)) => *n += 1,
            None => seen.push((w, 1)),
        }
    }
    for (message, n) in seen {
        let message = if n > 1 {
            format!("{message} ({n} times)")
        } else {
            message
        };
        work.warnings.push(ImportWarning { message });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizer_drops_what_runs_and_keeps_emphasis() {
        let out = sanitize(
            r#"<p onclick="x()">Hi <em>there</em><script>alert(1)</script><img src="http://t/x.gif"><iframe src="x"></iframe><style>p{}</style></p>"#,
        );
        assert_eq!(out, "<p>Hi <em>there</em></p>");
    }

    #[test]
    fn scenes_break_at_rules_and_symbol_lines() {
        let doc = Html::parse_document(
            "<body><p>One.</p><hr/><p>Two <i>x</i>.</p><p style='text-align:center'>* * *</p><p>Three.</p></body>",
        );
        let body = doc.select(&sel("body")).next().unwrap();
        let story = story_from_element(body);
        assert_eq!(story.scenes.len(), 3);
        assert_eq!(story.scenes[0].break_kind, SceneBreak::Start);
        assert_eq!(story.scenes[1].paragraphs[0].text, "Two x.");
        assert_eq!(
            story.scenes[1].paragraphs[0].html.as_deref(),
            Some("<p>Two <i>x</i>.</p>")
        );
        assert_eq!(story.scenes[0].paragraphs[0].html, None);
        assert_eq!(story.scenes[2].marker.as_deref(), Some("* * *"));
    }

    #[test]
    fn a_chapter_zero_heading_is_renumbered_from_one() {
        assert_eq!(parse_chapter_heading("Chapter 0: Before").0, None);
        let html = "<html><head><title>T</title></head><body><h1>T</h1>\
            <h2>Chapter 0</h2><p>Prologue.</p><h2>Chapter 1</h2><p>Story.</p></body></html>";
        let w = read_html(html).unwrap();
        let numbers: Vec<u32> = w.chapters.iter().map(|c| c.number).collect();
        assert_eq!(numbers, [1, 2]);
    }

    #[test]
    fn generic_html_splits_chapters_and_lifts_notes() {
        let html = "<html><head><title>T</title><meta name='author' content='Ann'></head><body>\
            <h1>T</h1><h2>Chapter 1: Start</h2><p>A/N: hello</p><p>Story one.</p>\
            <h2>Chapter 2</h2><p>Story <b>two</b>.</p><br/>loose line</body></html>";
        let w = read_html(html).unwrap();
        assert_eq!(w.title.as_deref(), Some("T"));
        assert_eq!(w.authors, vec!["Ann"]);
        assert_eq!(w.chapters.len(), 2);
        assert_eq!(w.chapters[0].title.as_deref(), Some("Start"));
        assert_eq!(w.chapters[0].notes_before[0].text, "A/N: hello");
        assert_eq!(w.chapters[1].number, 2);
        assert_eq!(w.chapters[1].paragraphs().count(), 2);
    }

    #[test]
    fn deep_nesting_is_flattened_not_a_crash() {
        let depth = 5000;
        let html = format!(
            "<body>{}<p>deep text</p>{}</body>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let w = read_html(&html).unwrap();
        assert!(
            w.chapters[0]
                .paragraphs()
                .any(|p| p.text.contains("deep text"))
        );
    }

    #[test]
    fn nesting_limit_drops_only_deep_tags() {
        let shallow = "<p>a < b</p><div><em>x</em></div>";
        assert_eq!(
            limit_nesting(shallow),
            (std::borrow::Cow::Borrowed(shallow), false)
        );
        let deep = format!("{}t{}", "<div>".repeat(600), "</div>".repeat(600));
        let (out, flat) = limit_nesting(&deep);
        assert!(flat);
        assert_eq!(out.matches("<div>").count(), MAX_PARSE_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_PARSE_DEPTH);
        let many_p = "<p>x".repeat(2000);
        assert!(!limit_nesting(&many_p).1);
    }

    #[test]
    fn plain_text_keeps_line_breaks() {
        let doc = Html::parse_fragment("<p>a<br>b  c</p><p>d</p>");
        let text = plain_text(doc.root_element());
        assert_eq!(text, "a\nb c\n\nd");
    }
}
