//! A minimal plain-text splitter for tests and evaluation: each non-empty line is a paragraph with
//! its exact source span; a line "Chapter N..." starts a chapter; "Summary:" lines before the first
//! chapter fill the summary. The full reader lives in `ficarchive-formats`; this one exists so the
//! analysis can be tested and evaluated without depending on it.

use ficarchive_model::{Chapter, Paragraph, Span, Work};

fn chapter_number(line: &str) -> Option<u32> {
    let rest = line.trim().strip_prefix("Chapter ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let n = digits.parse().ok()?;
    let tail = &rest[digits.len()..];
    (tail.is_empty() || tail.starts_with([':', '.', ' ', '-'])).then_some(n)
}

/// Splits `text` into a work: one paragraph per non-empty line, chapters at "Chapter N" lines.
pub fn work_from_lines(text: &str) -> Work {
    let mut work = Work::default();
    let mut current: Option<Chapter> = None;
    let mut pending: Vec<Paragraph> = Vec::new();
    let mut offset = 0;
    let has_chapters = text.lines().any(|l| chapter_number(l).is_some());
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if trimmed.is_empty() {
            continue;
        }
        let span = Span::new(start + lead, start + lead + trimmed.len());
        if let Some(n) = chapter_number(trimmed) {
            if let Some(ch) = current.take() {
                work.chapters.push(ch);
            }
            let title = trimmed
                .split_once(':')
                .map(|(_, t)| t.trim().to_string())
                .filter(|t| !t.is_empty());
            current = Some(Chapter::from_paragraphs(n, title, Vec::new()));
            if let Some(c) = current.as_mut() {
                c.scenes.clear();
            }
            continue;
        }
        let para = Paragraph {
            text: trimmed.to_string(),
            html: None,
            span: Some(span),
        };
        match current.as_mut() {
            Some(ch) => {
                if ch.scenes.is_empty() {
                    ch.scenes.push(ficarchive_model::Scene::new(
                        ficarchive_model::SceneBreak::Start,
                        None,
                        Vec::new(),
                    ));
                }
                if let Some(s) = ch.scenes.last_mut() {
                    s.paragraphs.push(para);
                }
            }
            None if has_chapters => {
                if let Some(summary) = trimmed.strip_prefix("Summary:") {
                    work.summary = Some(summary.trim().to_string());
                }
            }
            None => pending.push(para),
        }
    }
    if let Some(ch) = current.take() {
        work.chapters.push(ch);
    }
    if !pending.is_empty() {
        work.chapters
            .push(Chapter::from_paragraphs(1, None, pending));
    }
    work
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_map_back_to_lines() {
        let text = "Summary: x\nChapter 2: Go\n\n  Hello there.\nBye.\n";
        let w = work_from_lines(text);
        assert_eq!(w.summary.as_deref(), Some("x"));
        assert_eq!(w.chapters[0].number, 2);
        let p: Vec<_> = w.chapters[0].paragraphs().collect();
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].span.and_then(|s| s.slice(text)), Some("Hello there."));
    }
}
