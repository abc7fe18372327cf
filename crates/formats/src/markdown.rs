//! Markdown, as authors draft: optional front matter ("---" lines around "key: value" pairs), a
//! `#` title, `##` chapter headings; the body is rendered with pulldown-cmark, then read as HTML
//! (so raw HTML in the Markdown is sanitised like any other).

use ficarchive_model::{Series, SourceFormat, Status, TagKind, Work};
use pulldown_cmark::{Options, Parser, html};

use crate::FormatError;

/// Renders Markdown to an HTML document.
pub(crate) fn markdown_to_html(text: &str) -> String {
    let parser = Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES);
    let mut out = String::from("<!DOCTYPE html><html><head></head><body>");
    html::push_html(&mut out, parser);
    out.push_str("</body></html>");
    out
}

/// Splits "---\nkey: value\n---\n" front matter off the text. A key with no value followed by
/// "- item" lines (YAML's block list, as pandoc's metadata uses) gets the items comma-joined;
/// nested mappings under a list item ("- scheme: URI\n  text: …") give their `text` value.
fn front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let t = text.trim_start_matches('\u{feff}');
    let Some(rest) = t
        .strip_prefix("---\n")
        .or_else(|| t.strip_prefix("---\r\n"))
    else {
        return (Vec::new(), t);
    };
    let Some(end) = rest.find("\n---") else {
        return (Vec::new(), t);
    };
    let block = &rest[..end];
    let after = &rest[end + 4..];
    let after = after.split_once('\n').map(|(_, b)| b).unwrap_or("");
    let unquote = |v: &str| v.trim().trim_matches('"').trim_matches('\'').to_string();
    let mut pairs: Vec<(String, String)> = Vec::new();
    for line in block.lines() {
        let indented = line.starts_with([' ', '\t']);
        let trimmed = line.trim();
        if let Some(item) = trimmed
            .strip_prefix("- ")
            .or((trimmed == "-").then_some(""))
        {
            let Some((_, value)) = pairs.last_mut() else {
                continue;
            };
            let item = match item.split_once(':') {
                // A mapping item: only its text (or name) is a value.
                Some((k, v)) if matches!(k.trim(), "text" | "name") => unquote(v),
                Some((k, _)) if !k.contains(' ') => continue,
                _ => unquote(item),
            };
            if !item.is_empty() {
                if !value.is_empty() {
                    value.push_str(", ");
                }
                value.push_str(&item);
            }
            continue;
        }
        let Some((k, v)) = trimmed.split_once(':') else {
            continue;
        };
        if indented {
            // A continuation of a mapping item ("  text: …").
            if k.trim() == "text"
                && let Some((_, value)) = pairs.last_mut()
            {
                let v = unquote(v);
                if !value.is_empty() {
                    value.push_str(", ");
                }
                value.push_str(&v);
            }
            continue;
        }
        let v = unquote(v);
        pairs.push((
            k.trim().to_ascii_lowercase(),
            // "[a, b]" is YAML's flow list; "Name [2]" is a series part and keeps its brackets.
            match v.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
                Some(inner) => inner.to_string(),
                None => v,
            },
        ));
    }
    (pairs, after)
}

/// True when the text reads as Markdown: front matter with a title, or ATX headings together
/// with Markdown emphasis or links.
pub fn looks_like_markdown(text: &str) -> bool {
    let (fm, _) = front_matter(text);
    if fm.iter().any(|(k, _)| k == "title") {
        return true;
    }
    let head: String = text.chars().take(50_000).collect();
    let headings = head
        .lines()
        .filter(|l| {
            let hashes = l.chars().take_while(|c| *c == '#').count();
            (1..=3).contains(&hashes) && l[hashes..].starts_with(' ')
        })
        .count();
    // Markup wraps words ("**bold**", "_italic_", "[link](url)"); rows of symbols such as "***"
    // or "_ _ _" are the scene breaks of plain-text fics, which use "#" headings too.
    let emphasis = head
        .lines()
        .map(|l| INLINE_MARKUP.find_iter(l).count())
        .sum::<usize>();
    headings >= 1 && emphasis >= 2
}

/// Bold or italic around words, or a link: "**a b**", "_a_", "[a](b)".
static INLINE_MARKUP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"\*\*[^\s*][^*]*?\*\*|(?:^|[\s(])_[^\s_][^_]*?_(?:$|[\s.,;:!?)])|\[[^\]]+\]\([^)\s]+\)",
    )
    .expect("valid regex")
});

/// Reads a Markdown work.
pub fn read_markdown(text: &str) -> Result<Work, FormatError> {
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    let (fm, body) = front_matter(text);
    let html = markdown_to_html(body);
    let (doc, warning) = crate::html::parse_document_limited(&html);
    let mut work = crate::html::read_html_document(&doc, SourceFormat::Markdown)?;
    if let Some(message) = warning {
        work.warnings
            .push(ficarchive_model::ImportWarning { message });
    }
    for (key, value) in fm {
        let items = || value.split(',').map(str::trim).filter(|s| !s.is_empty());
        match key.as_str() {
            "title" => work.title = Some(value.clone()),
            "author" | "authors" => work.authors = items().map(str::to_string).collect(),
            "summary" | "description" => work.summary = Some(value.clone()),
            "rating" => work.tags.add(TagKind::Rating, &value),
            "language" | "lang" => work.language = Some(value.clone()),
            "date" | "published" => {
                work.dates.published =
                    chrono::NaiveDate::parse_from_str(value.get(..10).unwrap_or(&value), "%Y-%m-%d")
                        .ok()
            }
            "updated" => {
                work.dates.updated =
                    chrono::NaiveDate::parse_from_str(value.get(..10).unwrap_or(&value), "%Y-%m-%d")
                        .ok()
            }
            "subject" | "keywords" => items().for_each(|t| work.tags.add(TagKind::Freeform, t)),
            "identifier" if value.starts_with("http") && work.source.url.is_none() => {
                work.source.url = Some(value.clone())
            }
            "status" => {
                let v = value.to_ascii_lowercase();
                work.status = if v.starts_with("complete") {
                    Status::Complete
                } else if v.contains("progress") || v == "wip" {
                    Status::InProgress
                } else {
                    Status::Unknown
                }
            }
            "series" => work.series.push(match value.rsplit_once('[') {
                // "Name [2]", FanFicFare's spelling.
                Some((name, part)) if part.trim_end().ends_with(']') => Series {
                    name: name.trim().to_string(),
                    part: part.trim_end().trim_end_matches(']').trim().parse().ok(),
                },
                _ => Series {
                    name: value.clone(),
                    part: None,
                },
            }),
            "url" | "source" => work.source.url = Some(value.clone()),
            other => {
                if let Some(kind) = ficarchive_model::TagKind::parse(other)
                    .or_else(|| (other == "tags").then_some(TagKind::Freeform))
                {
                    items().for_each(|t| work.tags.add(kind, t));
                }
            }
        }
    }
    Ok(work)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_title_and_chapters() {
        let md = "---\ntitle: Harbour\nauthor: Ann, Bo\nfandoms: Original Work\nstatus: complete\n---\n\n## Chapter 1: Oil\n\nShe *ran*.\n\n* * *\n\nHe walked.\n\n## Chapter 2: Bread\n\nThe end came.\n";
        assert!(looks_like_markdown(md));
        let md_bold = "# Harbour\n\n**Rating:** Teen\n\nShe was **very** tired.\n";
        assert!(looks_like_markdown(md_bold));
        // Plain text with a "#" title and "***" / "_ _ _" scene breaks is not Markdown.
        assert!(!looks_like_markdown(
            "# Harbour\n\nShe ran.\n\n***\n\nHe walked.\n\n _ _ _\n\nThey met.\n"
        ));
        let w = read_markdown(md).unwrap();
        assert_eq!(w.title.as_deref(), Some("Harbour"));
        assert_eq!(w.authors, vec!["Ann", "Bo"]);
        assert_eq!(w.tags.fandoms, vec!["Original Work"]);
        assert_eq!(w.status, Status::Complete);
        assert_eq!(w.chapters.len(), 2);
        assert_eq!(w.chapters[0].title.as_deref(), Some("Oil"));
        assert_eq!(w.chapters[0].scenes.len(), 2);
        assert_eq!(
            w.chapters[0].scenes[0].paragraphs[0].html.as_deref(),
            Some("<p>She <em>ran</em>.</p>")
        );
    }
}
