//! The plain-text reader: fics as readers save them from archives, mailing lists and e-text sites.
//!
//! It works in three passes, each linear in the input:
//! 1. **Lines into paragraphs.** Paragraphs are separated by blank lines or are one per line; hard-wrapped
//!    text (lines cut at a fixed width) is recognised statistically and rejoined. A paragraph keeps its
//!    exact source span; its text is the source slice with line breaks turned into spaces.
//! 2. **Paragraphs into roles.** Each paragraph is classified on its own: chapter heading, scene break,
//!    end marker, author's note, header field ("Rating: T"), "Title by Author" line, or story text.
//! 3. **Roles into a work.** The header block at the top gives the metadata; chapter headings cut the
//!    rest into chapters; notes at the start and end of a chapter are set apart; scene breaks cut a
//!    chapter into scenes; the last end marker ("The End", "TBC") sets the status.

use std::sync::LazyLock;

use chrono::NaiveDate;
use ficarchive_model::{
    Chapter, Note, Paragraph, Scene, SceneBreak, Series, SourceFormat, Span, Status, TagKind, Work,
};
use regex::Regex;

use crate::FormatError;

/// Reads a plain-text fic. Fails only when there is no text at all; anything else gives a work.
pub fn read_text(text: &str) -> Result<Work, FormatError> {
    let paragraphs = split_paragraphs(text);
    if paragraphs.is_empty() {
        return Err(FormatError::Empty);
    }
    let roles: Vec<Role> = classify_all(&paragraphs);
    let mut work = Work::default();
    work.source.format = Some(SourceFormat::Text);
    let body_start = read_header(&paragraphs, &roles, &mut work);
    read_body(&paragraphs[body_start..], &roles[body_start..], &mut work);
    if work.chapters.iter().all(|c| c.words() == 0) {
        return Err(FormatError::NoStory);
    }
    find_declared_relationships(&mut work);
    Ok(work)
}

// ---------------------------------------------------------------------------------------------
// Pass 1: lines into paragraphs.

/// A paragraph of the source: its span and its text (the same length, line breaks as spaces).
#[derive(Debug, Clone)]
struct Para {
    span: Span,
    text: String,
    /// Whether a blank line (or the start of the file) comes before it.
    after_blank: bool,
    /// How far its first line is indented.
    indent: usize,
    /// Whether, by the file's wrap width alone, its first line continues the line before it (the
    /// header reader uses it for a summary whose next line looked like a block of its own).
    wrapped_on: bool,
}

impl Para {
    fn trimmed(&self) -> &str {
        self.text.trim()
    }
}

/// One line of the source, terminator excluded.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    indent: usize,
    /// The indent in columns, a tab counting as four: a paragraph indent is a tab or a few
    /// spaces, while one stray space at the start of a wrapped line is not.
    columns: usize,
}

fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(make_line(text, start, i));
                start = i + 1;
            }
            b'\r' => {
                lines.push(make_line(text, start, i));
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        lines.push(make_line(text, start, bytes.len()));
    }
    lines
}

fn make_line(text: &str, start: usize, end: usize) -> Line {
    let raw = &text[start..end];
    let content = raw.trim_end();
    let indent = content.len() - content.trim_start().len();
    let columns = content[..indent]
        .chars()
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    Line {
        start,
        end: start + content.len(),
        indent,
        columns,
    }
}

impl Line {
    fn is_blank(&self) -> bool {
        self.start + self.indent >= self.end
    }
    fn content<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start + self.indent..self.end]
    }
}

/// How wide a hard-wrapped file's lines are, when the file is hard-wrapped.
fn wrap_width(text: &str, lines: &[Line]) -> Option<usize> {
    let mut lens: Vec<usize> = Vec::new();
    for l in lines.iter().filter(|l| !l.is_blank()) {
        lens.push(text[l.start..l.end].chars().count());
    }
    if lens.len() < 8 {
        return None;
    }
    let mut sorted = lens.clone();
    sorted.sort_unstable();
    let width = sorted[sorted.len() * 9 / 10];
    if !(40..=100).contains(&width) {
        return None;
    }
    let near = lens
        .iter()
        .filter(|&&n| n + 20 >= width && n <= width + 5)
        .count();
    // Wrapped lines break mid-sentence: most long lines followed by more text end without punctuation.
    let (mut long_followed, mut open_ended) = (0usize, 0usize);
    for pair in lines.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.is_blank() || b.is_blank() {
            continue;
        }
        let content = a.content(text);
        if content.chars().count() + 20 >= width {
            long_followed += 1;
            if !content.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', '…', ':']) {
                open_ended += 1;
            }
        }
    }
    let wrapped =
        near * 2 >= lens.len() && long_followed >= 4 && open_ended * 5 >= long_followed * 2;
    wrapped.then_some(width)
}

/// The indent (in columns) of a hard-wrapped file's continuation lines: the most common among lines
/// that follow a full-width line. A line indented deeper starts a new paragraph (indented first
/// lines with no blank lines between paragraphs); a file indented as a whole keeps its indent.
fn continuation_indent(text: &str, lines: &[Line], width: usize) -> usize {
    let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for pair in lines.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.is_blank() || b.is_blank() {
            continue;
        }
        if text[a.start..a.end].chars().count() + 25 >= width {
            *counts.entry(b.columns).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(indent, n)| (n, std::cmp::Reverse(indent)))
        .map_or(0, |(indent, _)| indent)
}

fn split_paragraphs(text: &str) -> Vec<Para> {
    let lines = split_lines(text);
    let width = wrap_width(text, &lines);
    let base_indent = width.map_or(0, |w| continuation_indent(text, &lines, w));
    let mut paras: Vec<Para> = Vec::new();
    // (first line, last line, after_blank, wrapped_on)
    let mut current: Option<(usize, usize, bool, bool)> = None;
    let mut previous_blank = true;
    let flush = |cur: &mut Option<(usize, usize, bool, bool)>, paras: &mut Vec<Para>| {
        if let Some((first, last, after_blank, wrapped_on)) = cur.take() {
            let start = lines[first].start + lines[first].indent;
            let end = lines[last].end;
            let text: String = text[start..end]
                .chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
                .collect();
            paras.push(Para {
                span: Span::new(start, end),
                text,
                after_blank,
                indent: lines[first].indent,
                wrapped_on,
            });
        }
    };
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            flush(&mut current, &mut paras);
            previous_blank = true;
            continue;
        }
        // By the width alone: the line before was full, and this one is not indented deeper
        // than continuation lines are.
        let wrapped_on = match (i.checked_sub(1).map(|k| lines[k]), width) {
            (Some(prev), Some(width)) if !previous_blank => {
                let prev_len = text[prev.start..prev.end].chars().count();
                prev_len + 25 >= width && line.columns <= base_indent + 1
            }
            _ => false,
        };
        let continues = wrapped_on
            && current.is_some_and(|(_, last, _, _)| {
                !starts_new_block(line.content(text)) && !ends_block(lines[last].content(text))
            });
        if continues {
            if let Some(cur) = current.as_mut() {
                cur.1 = i;
            }
        } else {
            flush(&mut current, &mut paras);
            current = Some((i, i, previous_blank, wrapped_on));
        }
        previous_blank = false;
    }
    flush(&mut current, &mut paras);
    paras
}

/// Lines that nothing continues: a full-width row of break symbols, a heading, an end marker.
/// (A header field may be wrapped: "Summary: ..." goes on over the next lines.)
fn ends_block(line: &str) -> bool {
    line.len() < 120
        && (scene_break(line).is_some()
            || chapter_heading(line).is_some()
            || end_marker(line).is_some()
            || line.starts_with('#'))
}

/// Lines that are never the continuation of a wrapped paragraph.
fn starts_new_block(line: &str) -> bool {
    line.len() < 120
        && (scene_break(line).is_some()
            || chapter_heading(line).is_some()
            || end_marker(line).is_some()
            || header_field(line).is_some()
            || line.starts_with('#'))
}

// ---------------------------------------------------------------------------------------------
// Pass 2: what each paragraph is.

#[derive(Debug, Clone, PartialEq)]
enum Role {
    /// "Chapter 25: Poisons": the number when one is written, the title when one is given.
    Heading {
        number: Option<u32>,
        title: Option<String>,
        title_on_next_line: bool,
    },
    /// "Chapters 25-26": the file holds these chapters of a longer work.
    Excerpt(u32, u32),
    /// "* * *" and its kin.
    Break(String),
    /// "The End", "TBC": the status it implies (`None` for "End of chapter").
    End(Option<Status>),
    /// An author's note or disclaimer opening; the text with its "A/N:" label removed.
    NoteStart { text: String, open_paren: bool },
    /// "Rating: T" and the like, the key lower-cased.
    Field(String, String),
    /// "Title by Author".
    TitleBy(String, String),
    /// "By: Author" / "by Author".
    ByLine(String),
    /// A Markdown heading that is not a chapter heading ("# Bloody Soul").
    MdHeading(usize, String),
    /// Story text (or anything else).
    Text,
}

fn classify_all(paras: &[Para]) -> Vec<Role> {
    let mut roles: Vec<Role> = paras.iter().map(|p| classify(p.trimmed())).collect();
    // "Chapter 25" alone, then a short title-like line: the title is on the next line.
    for i in 0..roles.len().saturating_sub(1) {
        if let Role::Heading {
            number: Some(_),
            title: None,
            ..
        } = roles[i]
        {
            let next = paras[i + 1].trimmed();
            if roles[i + 1] == Role::Text && looks_like_title(next) && i + 2 < roles.len() {
                roles[i] = Role::Heading {
                    number: match roles[i] {
                        Role::Heading { number, .. } => number,
                        _ => None,
                    },
                    title: Some(next.to_string()),
                    title_on_next_line: true,
                };
            }
        }
    }
    roles
}

fn classify(line: &str) -> Role {
    if line.len() <= 160 {
        if let Some((a, b)) = excerpt_marker(line) {
            return Role::Excerpt(a, b);
        }
        if let Some((number, title)) = chapter_heading(line) {
            return Role::Heading {
                number,
                title,
                title_on_next_line: false,
            };
        }
        if let Some(marker) = scene_break(line) {
            return Role::Break(marker);
        }
        if let Some(status) = end_marker(line) {
            return Role::End(status);
        }
        if let Some(author) = by_line(line) {
            return Role::ByLine(author);
        }
        if let Some(caps) = MD_HEADING.captures(line) {
            return Role::MdHeading(caps[1].len(), caps[2].trim().to_string());
        }
    }
    if let Some((text, open_paren)) = note_start(line) {
        return Role::NoteStart { text, open_paren };
    }
    if line.len() <= 2000
        && let Some((key, value)) = header_field(line)
    {
        return Role::Field(key, value);
    }
    if line.len() <= 200
        && let Some(caps) = TITLE_BY.captures(line)
    {
        let (title, author) = (caps[1].trim(), caps[2].trim());
        if title.chars().count() <= 100 && plausible_author(author) {
            return Role::TitleBy(title.to_string(), author.to_string());
        }
    }
    Role::Text
}

static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(#{1,6})\s+(\S.*?)\s*#*\s*$").expect("valid regex"));
static TITLE_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([^.!?:;]{1,120}?[^\s.!?,;:])\s+[Bb]y:?\s+([^\s.!?].{0,78}?)\.?$")
        .expect("valid regex")
});
static BY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by|written by|author)\s*:?\s+(\S.{0,78}?)\.?$").expect("valid regex")
});
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:#{1,6}\s*)?(?:chapter|chap\.|ch\.|part|book)\s+([0-9]{1,4}|[ivxlcdm]{1,8}|[a-z]+(?:[\s-][a-z]+)?)\s*(?:(?:[:.\-–—~|]|\s[-–—]\s)\s*(.*?))?\s*$",
    )
    .expect("valid regex")
});
static SPECIAL_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:#{1,6}\s*)?(prologue|epilogue|interlude)\s*(?:[:.\-–—]\s*(.*?))?\s*$")
        .expect("valid regex")
});
static EXCERPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^chapters\s+([0-9]{1,4})\s*(?:-|–|—|to|through)\s*([0-9]{1,4})\s*$")
        .expect("valid regex")
});
static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^([(\[]?)\s*(?:\*\*)?(a/n|a\.n\.|an|author'?s'?\s+notes?|authors?\s+notes?|notes?|translator'?s\s+notes?|end\s+notes?)\s*(?:\*\*)?\s*(?::|-|–|—)\s*",
    )
    .expect("valid regex")
});
static DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[(\[]?\s*(?:disclaimer|beta(?:'?d)?(?:\s+reader)?(?:\s+by)?|thanks\s+to)\s*(?::|-|–)").expect("valid regex")
});
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Za-z][A-Za-z' ()/]{0,28}?)\s*:\s*(.*)$").expect("valid regex")
});
/// "Willow/Tara", "Rupert Giles/Jenny Calendar", "Dr. Who/Rose": capitalised names joined by
/// slashes. A name word never ends in a full stop unless it is a title such as "Dr.", so that
/// "Post-canon. Willow/Tara" gives "Willow/Tara".
static RELATIONSHIP: LazyLock<Regex> = LazyLock::new(|| {
    const NAME: &str =
        r"(?:(?:Mr|Mrs|Ms|Dr|St|Prof|Capt|Lt|Sgt)\.\s?)?[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?";
    Regex::new(&format!(r"\b({NAME}(?:\s?/\s?{NAME})+)")).expect("valid regex")
});

fn excerpt_marker(line: &str) -> Option<(u32, u32)> {
    let caps = EXCERPT.captures(line)?;
    let a: u32 = caps[1].parse().ok()?;
    let b: u32 = caps[2].parse().ok()?;
    (a <= b).then_some((a, b))
}

/// "Chapter 25: Poisons" → (Some(25), Some("Poisons")); "Prologue" → (None, Some("Prologue")).
fn chapter_heading(line: &str) -> Option<(Option<u32>, Option<String>)> {
    if line.len() > 160 {
        return None;
    }
    if let Some(caps) = HEADING.captures(line) {
        let number = parse_number(&caps[1])?;
        let title = caps
            .get(2)
            .map(|m| m.as_str().trim())
            .filter(|t| !t.is_empty())
            .map(str::to_string);
        // "Part of me wanted..." is prose: a heading's title is short and has no sentence end mid-way.
        if title.as_deref().is_some_and(|t| t.len() > 100) {
            return None;
        }
        return Some((Some(number), title));
    }
    let caps = SPECIAL_HEADING.captures(line)?;
    let label = title_case(&caps[1]);
    let title = match caps
        .get(2)
        .map(|m| m.as_str().trim())
        .filter(|t| !t.is_empty())
    {
        Some(t) => format!("{label}: {t}"),
        None => label,
    };
    Some((None, Some(title)))
}

fn title_case(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Digits, Roman numerals or English number words ("Twenty-Five") up to 9,999.
fn parse_number(raw: &str) -> Option<u32> {
    if let Ok(n) = raw.parse::<u32>() {
        return Some(n);
    }
    let lower = raw.to_ascii_lowercase();
    if lower.chars().all(|c| "ivxlcdm".contains(c)) {
        return parse_roman(&lower);
    }
    let mut total = 0u32;
    let mut any = false;
    for word in lower
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        let value = match word {
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            "hundred" => {
                total = total.max(1) * 100;
                any = true;
                continue;
            }
            "and" => continue,
            _ => return None,
        };
        total += value;
        any = true;
    }
    (any && total > 0).then_some(total)
}

fn parse_roman(s: &str) -> Option<u32> {
    let value = |c: char| match c {
        'i' => 1,
        'v' => 5,
        'x' => 10,
        'l' => 50,
        'c' => 100,
        'd' => 500,
        'm' => 1000,
        _ => 0,
    };
    let digits: Vec<i64> = s.chars().map(value).collect();
    // A smaller numeral before a larger one is subtracted ("iv" = 4, "xiv" = 14); the sum can dip
    // below zero before the larger numeral is added, so it is kept signed.
    let mut total = 0i64;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&next| next > d) {
            total -= d;
        } else {
            total += d;
        }
    }
    let total = u32::try_from(total).ok()?;
    // Reject strings like "mix" or "dim" that are words, not numerals, by round-tripping.
    (total > 0 && to_roman(total) == s).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
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

/// A line made only of break symbols: "* * *", "~*~*~", "xXx", "oOo", "---", "#", "________".
fn scene_break(line: &str) -> Option<String> {
    let t = line.trim();
    if t.is_empty() || t.chars().count() > 60 {
        return None;
    }
    let symbols = |c: char| "*~-_=#+•·°§<>|/\\.:^'`\"—–".contains(c) || c.is_whitespace();
    if t.chars().all(symbols) {
        let ink = t.chars().filter(|c| !c.is_whitespace()).count();
        // "..." alone is an ellipsis in dialogue more often than a break; three dots need company.
        let only_dots = t.chars().all(|c| c == '.' || c.is_whitespace());
        return (ink >= 1 && !(only_dots && ink < 4)).then(|| t.to_string());
    }
    // Letter-based markers: xXx, oOo, OoO, o0o0o, xxx, XXX, ~x~x~, and "Scene break".
    let letters_ok = t.chars().all(|c| "xXoO0".contains(c) || symbols(c));
    let letters = t.chars().filter(|c| "xXoO0".contains(*c)).count();
    let has_letter = t.chars().any(|c| c.is_alphabetic());
    let only_x = t.chars().all(|c| c == 'x' || c == 'X');
    // Mixed case (xXx), letters and zeros (o0o0o) or a run of x's (xxx) never spell a word.
    let patterned = (t.chars().any(char::is_uppercase) && t.chars().any(char::is_lowercase))
        || (has_letter && t.contains('0'))
        || only_x;
    if letters_ok && letters >= 3 && patterned {
        return Some(t.to_string());
    }
    if letters_ok
        && has_letter
        && t.chars().count() >= 3
        && t.chars()
            .any(|c| !c.is_alphanumeric() && !c.is_whitespace())
    {
        return Some(t.to_string());
    }
    let lower = t.to_lowercase();
    let core = lower.trim_matches(|c: char| symbols(c));
    matches!(
        core,
        "scene break" | "line break" | "break" | "time skip" | "pov change"
    )
    .then(|| t.to_string())
}

/// "The End", "Fin", "TBC", "To be continued...": the status implied.
fn end_marker(line: &str) -> Option<Option<Status>> {
    if line.chars().count() > 48 {
        return None;
    }
    let lower = line.to_lowercase();
    let core = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '?');
    let core = core.trim_end_matches('?').trim();
    let collapsed: String = core.split_whitespace().collect::<Vec<_>>().join(" ");
    match collapsed.as_str() {
        "the end" | "fin" | "finis" | "end" | "the very end" | "end of story" | "end of fic"
        | "the end for now" | "complete" | "the end (for now)" => Some(Some(Status::Complete)),
        "tbc" | "to be continued" | "continued" | "more to come" | "to be cont" | "cont"
        | "continues" => Some(Some(Status::InProgress)),
        s if s.starts_with("end of chapter")
            || s.starts_with("end chapter")
            || s == "end of part" =>
        {
            Some(None)
        }
        _ => None,
    }
}

/// "By: Author", "by Author", "Written by Author".
fn by_line(line: &str) -> Option<String> {
    let caps = BY_LINE.captures(line)?;
    let author = caps[1].trim();
    plausible_author(author).then(|| author.to_string())
}

/// An author name (or a few joined by "and"): few words, not a run of lower-case prose.
/// "By the time she arrived" and "by a violent gust of wind" are prose.
fn plausible_author(author: &str) -> bool {
    let words: Vec<&str> = author.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 6
        || author.chars().count() > 60
        || author.ends_with(['!', '?', ','])
    {
        return false;
    }
    let lowercase_words = words
        .iter()
        .filter(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                && !matches!(**w, "and" | "de" | "van" | "von")
        })
        .count();
    !(words.len() > 1 && lowercase_words * 2 >= words.len() && !author.contains(['_', '@']))
}

/// An author's note opening: "A/N: ...", "(A/N: ...)", "Author's Note: ...", "Disclaimer: ...".
fn note_start(line: &str) -> Option<(String, bool)> {
    if let Some(m) = NOTE.captures(line) {
        let open_paren = !m[1].is_empty();
        let label = m[2].to_ascii_lowercase();
        // "Notes:" and "Note:" alone are weak: accept them only when something follows.
        let rest = line[m.get(0).map_or(0, |g| g.end())..].trim();
        if (label == "an" && !line.contains(':')) || rest.is_empty() && label.starts_with("note") {
            return None;
        }
        let mut text = rest.to_string();
        if open_paren && (text.ends_with(')') || text.ends_with(']')) {
            text.pop();
        }
        return Some((text.trim().to_string(), open_paren && !closes_paren(line)));
    }
    if DISCLAIMER.is_match(line) {
        let open_paren = line.starts_with(['(', '[']);
        let mut text = line.trim_start_matches(['(', '[']).trim().to_string();
        if open_paren && text.ends_with([')', ']']) {
            text.pop();
        }
        return Some((text, open_paren && !closes_paren(line)));
    }
    None
}

fn closes_paren(line: &str) -> bool {
    line.trim_end().ends_with([')', ']'])
}

/// Canonical header keys and the spellings authors use for them.
fn header_key(raw: &str) -> Option<&'static str> {
    let key = raw.trim().to_lowercase();
    let key = key.trim_end_matches("(s)");
    Some(match key {
        "title" | "story title" | "fic title" => "title",
        "author" | "authors" | "writer" | "written by" | "by" | "pseud" => "author",
        "fandom" | "fandoms" | "show" | "series fandom" => "fandom",
        "category" | "categories" => "category",
        "rating" | "rated" | "ratings" => "rating",
        "pairing" | "pairings" | "relationship" | "relationships" | "ship" | "ships" | "couple"
        | "couples" => "relationship",
        "character" | "characters" | "main characters" => "character",
        "warning" | "warnings" | "archive warning" | "archive warnings" | "content warning"
        | "content warnings" => "warning",
        "genre" | "genres" | "tags" | "additional tags" | "freeform" | "keywords" => "freeform",
        "summary" | "description" | "blurb" | "synopsis" => "summary",
        "disclaimer" | "disclaimers" => "disclaimer",
        "status" => "status",
        "language" => "language",
        "series" => "series",
        "chapters" => "chapters",
        "words" | "word count" | "wordcount" | "length" => "words",
        "published" | "posted" | "date" | "date posted" | "written" => "published",
        "updated" | "last updated" | "date updated" => "updated",
        "completed" => "completed",
        "spoilers" | "spoiler" | "timeline" | "setting" | "feedback" | "archive" | "dedication"
        | "beta" | "beta reader" | "betas" | "beta'd by" | "notes" | "author's notes"
        | "author's note" => "note",
        _ => return None,
    })
}

fn header_field(line: &str) -> Option<(String, String)> {
    let caps = FIELD.captures(line)?;
    let key = header_key(&caps[1])?;
    let value = caps[2].trim();
    if value.is_empty() && key != "summary" && key != "note" && key != "disclaimer" {
        return None;
    }
    Some((key.to_string(), value.to_string()))
}

/// A short line that reads as a title: no sentence punctuation at its end, not dialogue.
fn looks_like_title(line: &str) -> bool {
    let n = line.chars().count();
    (1..=80).contains(&n)
        && !line.ends_with(['.', ',', ';', '!', '?', '"', '”', '…', ':'])
        && !line.starts_with(['"', '“', '\'', '‘', '(', '['])
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && line.split_whitespace().count() <= 12
}

// ---------------------------------------------------------------------------------------------
// Pass 3: the header block.

/// Reads the metadata block at the top of the file; returns the index where the body starts.
fn read_header(paras: &[Para], roles: &[Role], work: &mut Work) -> usize {
    let mut i = 0;
    let mut last_field: Option<String> = None;
    let mut notes: Vec<(String, Span)> = Vec::new();
    while i < paras.len() {
        let p = &paras[i];
        match &roles[i] {
            Role::TitleBy(title, author) if work.title.is_none() && i < 3 => {
                work.title = Some(title.clone());
                add_authors(work, author);
                last_field = None;
            }
            Role::MdHeading(1, title) if work.title.is_none() => {
                work.title = Some(title.clone());
                last_field = None;
            }
            Role::ByLine(author) if work.authors.is_empty() && i < 4 => {
                add_authors(work, author);
                last_field = None;
            }
            Role::Excerpt(a, b) => work.excerpt_of_chapters = Some((*a, *b)),
            Role::Field(key, value) => {
                apply_field(work, key, value, p.span, &mut notes);
                last_field = Some(key.clone());
            }
            Role::Text if i == 0 && looks_like_title(p.trimmed()) && title_context(roles, 1) => {
                work.title = Some(p.trimmed().to_string());
            }
            // A summary or note that goes on over more lines of the same block.
            Role::Text
                if last_field.as_deref().is_some_and(|k| k == "summary")
                    && goes_on(&paras[i - 1], p) =>
            {
                let summary = work.summary.get_or_insert_with(String::new);
                if !summary.is_empty() {
                    summary.push(' ');
                }
                summary.push_str(p.trimmed());
            }
            Role::Text
                if matches!(last_field.as_deref(), Some("note" | "disclaimer"))
                    && goes_on(&paras[i - 1], p) =>
            {
                if let Some(last) = notes.last_mut() {
                    last.0.push('\n');
                    last.0.push_str(p.trimmed());
                    last.1 = last.1.cover(p.span);
                }
            }
            _ => break,
        }
        i += 1;
    }
    // With no header at all, nothing was consumed; a lone Field-looking first line is story text then.
    work.notes
        .extend(notes.into_iter().map(|(text, span)| Note {
            text,
            span: Some(span),
        }));
    i
}

/// Whether a line goes on with the header field above it (a summary wrapped over lines) rather
/// than starting the story, which often follows a header with no blank line: it must not be
/// indented deeper, and either the file's wrap width says so, or the field's line stopped
/// mid-sentence and the line reads as its continuation (lower-case start, or a full line above).
fn goes_on(field: &Para, line: &Para) -> bool {
    if line.after_blank || line.indent > field.indent {
        return false;
    }
    if line.wrapped_on {
        return true;
    }
    let above = field.trimmed();
    let mid_sentence =
        !above.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', ']', '…', ':', ';']);
    mid_sentence && (line.trimmed().starts_with(char::is_lowercase) || above.chars().count() >= 50)
}

/// Whether what follows a first line makes it a title: a by-line, header fields, or a chapter heading.
fn title_context(roles: &[Role], next: usize) -> bool {
    matches!(
        roles.get(next),
        Some(
            Role::ByLine(_)
                | Role::Field(..)
                | Role::Heading { .. }
                | Role::Excerpt(..)
                | Role::MdHeading(..)
        )
    )
}

fn add_authors(work: &mut Work, raw: &str) {
    for name in raw.split([',', '&']).flat_map(|s| s.split(" and ")) {
        let name = name.trim().trim_end_matches('.');
        if !name.is_empty() && !work.authors.iter().any(|a| a == name) {
            work.authors.push(name.to_string());
        }
    }
}

const AO3_CATEGORIES: [&str; 6] = ["f/f", "f/m", "gen", "m/m", "multi", "other"];

fn split_list(value: &str) -> impl Iterator<Item = &str> {
    value
        .split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn apply_field(
    work: &mut Work,
    key: &str,
    value: &str,
    span: Span,
    notes: &mut Vec<(String, Span)>,
) {
    match key {
        "title" => work.title = Some(value.to_string()),
        "author" => add_authors(work, value),
        "fandom" => split_list(value).for_each(|f| work.tags.add(TagKind::Fandom, f)),
        "category" => {
            for item in split_list(value) {
                if AO3_CATEGORIES.contains(&item.to_ascii_lowercase().as_str()) {
                    work.tags.add(TagKind::Category, item);
                } else {
                    // FanFiction.Net and FanFicFare call the fandom a category.
                    work.tags.add(TagKind::Fandom, item);
                }
            }
        }
        "rating" => work.tags.add(TagKind::Rating, value),
        "relationship" => split_list(value).for_each(|r| work.tags.add(TagKind::Relationship, r)),
        "character" => split_list(value).for_each(|c| work.tags.add(TagKind::Character, c)),
        "warning" => split_list(value).for_each(|w| work.tags.add(TagKind::Warning, w)),
        "freeform" => split_list(value).for_each(|t| work.tags.add(TagKind::Freeform, t)),
        "summary" => work.summary = Some(value.to_string()).filter(|s| !s.is_empty()),
        "disclaimer" => notes.push((format!("Disclaimer: {value}"), span)),
        "note" => notes.push((value.to_string(), span)),
        "language" => work.language = Some(value.to_string()),
        "status" => {
            let v = value.to_lowercase();
            if v.contains("in progress")
                || v.contains("incomplete")
                || v.contains("wip")
                || v.contains("ongoing")
            {
                work.status = Status::InProgress;
            } else if v.contains("complete") || v.contains("finished") {
                work.status = Status::Complete;
            }
        }
        "chapters" => {
            if let Some((_, planned)) = value.split_once('/') {
                match planned.trim().parse::<u32>() {
                    Ok(n) => work.expected_chapters = Some(n),
                    Err(_) if planned.trim() == "?" => work.status = Status::InProgress,
                    Err(_) => {}
                }
            }
        }
        "series" => work.series.push(parse_series(value)),
        "published" => work.dates.published = parse_date(value),
        "updated" => work.dates.updated = parse_date(value),
        "completed" => work.dates.completed = parse_date(value),
        _ => {}
    }
}

static SERIES_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:part\s+(\d+)\s+of\s+(.+)|(.+?)[,:]?\s+(?:part|book|#)\s*(\d+)\s*\.?)$")
        .expect("valid regex")
});

fn parse_series(value: &str) -> Series {
    if let Some(c) = SERIES_PART.captures(value.trim()) {
        if let (Some(n), Some(name)) = (c.get(1), c.get(2)) {
            return Series {
                name: name.as_str().trim().to_string(),
                part: n.as_str().parse().ok(),
            };
        }
        if let (Some(name), Some(n)) = (c.get(3), c.get(4)) {
            return Series {
                name: name.as_str().trim().to_string(),
                part: n.as_str().parse().ok(),
            };
        }
    }
    Series {
        name: value.trim().to_string(),
        part: None,
    }
}

fn parse_date(value: &str) -> Option<NaiveDate> {
    let v = value.trim().trim_end_matches('.');
    [
        "%Y-%m-%d",
        "%d %b %Y",
        "%d %B %Y",
        "%B %d, %Y",
        "%b %d, %Y",
        "%m/%d/%Y",
        "%Y/%m/%d",
        "%d.%m.%Y",
    ]
    .iter()
    .find_map(|f| NaiveDate::parse_from_str(v, f).ok())
}

// ---------------------------------------------------------------------------------------------
// Pass 3: chapters, notes, scenes.

/// Words that only talk about a fic ("thanks to my beta", "please review"): one of them, said to
/// the reader, makes a note.
const META_STRONG: [&str; 18] = [
    "beta",
    "betas",
    "reader",
    "readers",
    "review",
    "reviews",
    "reviewed",
    "reviewing",
    "sequel",
    "fic",
    "fanfic",
    "update",
    "updates",
    "kudos",
    "thank",
    "thanks",
    "disclaimer",
    "posted",
];

/// Words that also occur in stories ("the end of the chapter", "chapter and verse"): they count
/// only alongside others.
const META_WEAK: [&str; 9] = [
    "chapter", "chapters", "story", "enjoy", "enjoyed", "writing", "author", "comments", "feedback",
];

/// Words by which an author speaks to the reader.
const ADDRESS: [&str; 8] = ["i", "i'm", "i've", "my", "me", "you", "your", "we"];

/// Whether a paragraph is talk about the story (a note going on) rather than the story itself:
/// a word only notes use, said to the reader or with another such word, or two weaker ones said
/// to the reader. A story that mentions a chapter or a review in passing stays story.
fn is_meta_talk(text: &str) -> bool {
    if text.contains(['"', '“', '”']) {
        return false;
    }
    let (mut strong, mut weak, mut address) = (0usize, 0usize, false);
    for word in text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| w.trim_matches(['\'', '’']))
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase().replace('’', "'");
        if META_STRONG.contains(&lower.as_str()) {
            strong += 1;
        } else if META_WEAK.contains(&lower.as_str()) {
            weak += 1;
        } else if ADDRESS.contains(&lower.as_str()) {
            address = true;
        }
    }
    let short = text.split_whitespace().count() <= 4; // "Enjoy!", "On with the story!"
    (strong >= 1 && (address || strong + weak >= 2))
        || (weak >= 2 && address)
        || (weak >= 1 && short)
}

/// A chapter's raw material while it is being cut.
struct RawChapter<'a> {
    number: Option<u32>,
    title: Option<String>,
    heading_span: Option<Span>,
    paras: Vec<(&'a Para, &'a Role)>,
}

fn read_body(paras: &[Para], roles: &[Role], work: &mut Work) {
    let mut chapters: Vec<RawChapter> = Vec::new();
    let mut current = RawChapter {
        number: None,
        title: None,
        heading_span: None,
        paras: Vec::new(),
    };
    let mut skip_next = false;
    for (i, (p, role)) in paras.iter().zip(roles).enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        let heading = match role {
            Role::Heading {
                number,
                title,
                title_on_next_line,
            } => Some((*number, title.clone(), *title_on_next_line)),
            // In a file with Markdown chapter headings, each "## ..." starts a chapter.
            Role::MdHeading(_, text) => Some((None, Some(text.clone()), false)),
            Role::Excerpt(a, b) => {
                work.excerpt_of_chapters = Some((*a, *b));
                continue;
            }
            _ => None,
        };
        match heading {
            Some((number, title, title_on_next_line)) => {
                let mut span = p.span;
                if title_on_next_line {
                    span = span.cover(paras[i + 1].span);
                    skip_next = true;
                }
                if current.heading_span.is_some() || !current.paras.is_empty() {
                    chapters.push(current);
                }
                current = RawChapter {
                    number,
                    title,
                    heading_span: Some(span),
                    paras: Vec::new(),
                };
            }
            None => current.paras.push((p, role)),
        }
    }
    chapters.push(current);

    // Text before the first heading: notes go to the work; story text is a chapter of its own.
    if chapters.len() > 1 && chapters[0].heading_span.is_none() {
        let lead = &chapters[0];
        let all_notes = lead
            .paras
            .iter()
            .all(|(p, r)| matches!(r, Role::NoteStart { .. }) || is_meta_talk(p.trimmed()));
        if all_notes || lead.paras.is_empty() {
            let lead = chapters.remove(0);
            let (notes, _) = take_leading_notes(&lead.paras, true);
            work.notes.extend(notes);
        }
    }

    let numbers = assign_numbers(&chapters);
    let single = chapters.len() == 1;
    let mut last_status = None;
    let mut headed: Vec<bool> = Vec::with_capacity(chapters.len());
    for (raw, number) in chapters.into_iter().zip(numbers) {
        let has_heading = raw.heading_span.is_some();
        let (chapter, status) = build_chapter(raw, number, single && work.notes.is_empty(), work);
        if chapter.words() == 0
            && chapter.notes_before.is_empty()
            && chapter.notes_after.is_empty()
            && chapter.title.is_none()
        {
            continue;
        }
        last_status = status;
        headed.push(has_heading);
        work.chapters.push(chapter);
    }
    // In a one-shot with no chapter heading, notes before the story are the work's notes; under
    // a heading ("Chapter 1", then "A/N: ...") they stay the chapter's.
    if work.chapters.len() == 1 && headed == [false] {
        let ch = &mut work.chapters[0];
        work.notes.append(&mut ch.notes_before);
    }
    work.status = match (last_status, work.status) {
        (Some(Status::InProgress), _) => Status::InProgress,
        (Some(Status::Complete), _) => Status::Complete,
        (_, Status::Unknown) if work.chapters.len() == 1 && work.excerpt_of_chapters.is_none() => {
            Status::Complete
        }
        (_, declared) => declared,
    };
    if work.status == Status::Complete && work.expected_chapters.is_none() {
        // A finished excerpt of chapters 25-26 belongs to a work of 26 chapters.
        let total = match work.excerpt_of_chapters {
            Some((_, last)) => last,
            None => work.chapters.len() as u32,
        };
        work.expected_chapters = Some(total);
    }
}

/// Chapter numbers: the written ones when they increase, else 1, 2, 3 ... from the first written one.
fn assign_numbers(chapters: &[RawChapter]) -> Vec<u32> {
    let written: Vec<Option<u32>> = chapters.iter().map(|c| c.number).collect();
    // A "Chapter 0" prologue is renumbered: chapter numbers start at 1 everywhere in the model.
    let all_written_increasing = written.iter().all(|n| n.is_some_and(|n| n > 0))
        && written
            .windows(2)
            .all(|w| matches!((w[0], w[1]), (Some(a), Some(b)) if b > a));
    if all_written_increasing {
        return written.into_iter().flatten().collect();
    }
    let first = written
        .iter()
        .position(Option::is_some)
        .and_then(|i| written[i].map(|n| (i, n)));
    let start = match first {
        Some((i, n)) if n as usize > i => n - i as u32,
        _ => 1,
    };
    (0..chapters.len() as u32).map(|k| start + k).collect()
}

/// Notes at the head of a chapter: note openings and the paragraphs that continue them.
fn take_leading_notes(paras: &[(&Para, &Role)], everything: bool) -> (Vec<Note>, usize) {
    let mut notes: Vec<Note> = Vec::new();
    let mut open_paren = false;
    let mut i = 0;
    while i < paras.len() {
        let (p, role) = paras[i];
        match role {
            Role::NoteStart {
                text,
                open_paren: open,
            } => {
                notes.push(Note {
                    text: text.clone(),
                    span: Some(p.span),
                });
                open_paren = *open;
            }
            Role::Field(key, value)
                if matches!(key.as_str(), "note" | "disclaimer") && !notes.is_empty() =>
            {
                push_to_last(&mut notes, &value.to_string(), p.span);
            }
            _ if !notes.is_empty() && (open_paren || everything || is_meta_talk(p.trimmed())) => {
                let mut t = p.trimmed().to_string();
                if open_paren && closes_paren(&t) {
                    t.pop();
                    open_paren = false;
                }
                push_to_last(&mut notes, &t, p.span);
            }
            _ => break,
        }
        i += 1;
    }
    (notes, i)
}

fn push_to_last(notes: &mut [Note], text: &str, span: Span) {
    if let Some(last) = notes.last_mut() {
        if !last.text.is_empty() {
            last.text.push_str("\n\n");
        }
        last.text.push_str(text.trim());
        last.span = Some(last.span.map_or(span, |s| s.cover(span)));
    }
}

fn build_chapter(
    raw: RawChapter,
    number: u32,
    lone: bool,
    work: &mut Work,
) -> (Chapter, Option<Status>) {
    let _ = (lone, &work);
    let paras = &raw.paras;
    let (notes_before, start) = take_leading_notes(paras, false);

    // The tail: end markers, and notes that run to the end of the chapter.
    let mut end = paras.len();
    let mut status = None;
    let mut notes_after: Vec<Note> = Vec::new();
    let story_words: usize = paras[start..]
        .iter()
        .map(|(p, _)| ficarchive_model::count_words(&p.text))
        .sum();
    // Walk back over markers and breaks.
    let mut tail_start = end;
    let mut k = end;
    while k > start {
        let (p, role) = paras[k - 1];
        match role {
            Role::End(s) => {
                if status.is_none() {
                    status = *s;
                }
                tail_start = k - 1;
            }
            Role::Break(_) => tail_start = k - 1,
            Role::NoteStart { .. } => tail_start = k - 1,
            _ => {
                // A trailing note may be several paragraphs: find its opening further back.
                let opening = (start..k)
                    .rev()
                    .take(8)
                    .find(|&j| matches!(paras[j].1, Role::NoteStart { .. }));
                if let Some(j) = opening {
                    let note_words: usize = paras[j..k]
                        .iter()
                        .map(|(p, _)| ficarchive_model::count_words(&p.text))
                        .sum();
                    let clean = paras[j + 1..k]
                        .iter()
                        .all(|(_, r)| matches!(r, Role::Text | Role::Field(..)));
                    if clean && note_words * 3 <= story_words.max(1) {
                        tail_start = j;
                        k = j;
                        continue;
                    }
                }
                let _ = p;
                break;
            }
        }
        k -= 1;
    }
    // Collect the tail into notes (markers and breaks dropped).
    let mut open_paren = false;
    for &(p, role) in &paras[tail_start..end] {
        match role {
            Role::NoteStart {
                text,
                open_paren: open,
            } => {
                notes_after.push(Note {
                    text: text.clone(),
                    span: Some(p.span),
                });
                open_paren = *open;
            }
            Role::End(_) | Role::Break(_) => {}
            _ if !notes_after.is_empty() => {
                let mut t = p.trimmed().to_string();
                if open_paren && closes_paren(&t) {
                    t.pop();
                    open_paren = false;
                }
                push_to_last(&mut notes_after, &t, p.span);
            }
            _ => {}
        }
    }
    end = tail_start.max(start);

    // The story: scenes cut at breaks; stray notes inside the story are kept apart as notes.
    let mut scenes: Vec<Scene> = Vec::new();
    let mut current: Vec<Paragraph> = Vec::new();
    let mut marker: Option<String> = None;
    let mut stray_notes: Vec<Note> = Vec::new();
    for &(p, role) in &paras[start..end] {
        match role {
            Role::Break(m) => {
                if !current.is_empty() {
                    let kind = if scenes.is_empty() && marker.is_none() {
                        SceneBreak::Start
                    } else {
                        SceneBreak::Explicit
                    };
                    scenes.push(Scene::new(
                        kind,
                        marker.take(),
                        std::mem::take(&mut current),
                    ));
                }
                if !scenes.is_empty() {
                    marker = Some(m.clone());
                }
            }
            Role::NoteStart { text, .. } if p.text.len() < 600 => stray_notes.push(Note {
                text: text.clone(),
                span: Some(p.span),
            }),
            Role::End(_) => {}
            _ => current.push(Paragraph {
                text: p.text.clone(),
                html: None,
                span: Some(p.span),
            }),
        }
    }
    if !current.is_empty() {
        let kind = if scenes.is_empty() {
            SceneBreak::Start
        } else {
            SceneBreak::Explicit
        };
        scenes.push(Scene::new(
            kind,
            if kind == SceneBreak::Start {
                None
            } else {
                marker.take()
            },
            current,
        ));
    }
    if let Some(first) = scenes.first_mut() {
        first.break_kind = SceneBreak::Start;
        first.marker = None;
    }
    notes_after.splice(0..0, stray_notes);

    let mut span = raw.heading_span;
    for s in scenes.iter().filter_map(|s| s.span) {
        span = Some(span.map_or(s, |c| c.cover(s)));
    }
    for n in notes_before
        .iter()
        .chain(&notes_after)
        .filter_map(|n| n.span)
    {
        span = Some(span.map_or(n, |c| c.cover(n)));
    }
    let chapter = Chapter {
        number,
        title: raw.title,
        span,
        summary: None,
        notes_before,
        notes_after,
        scenes,
    };
    (chapter, status)
}

/// Relationships the summary and notes declare in slash form ("Buffy/Angel"), as written.
fn find_declared_relationships(work: &mut Work) {
    let mut sources: Vec<String> = work.summary.iter().cloned().collect();
    sources.extend(work.notes.iter().map(|n| n.text.clone()));
    for text in sources {
        for m in RELATIONSHIP.find_iter(&text) {
            let pairing = m.as_str().trim_end_matches(['.', '\'', '’']);
            // "A/N" and "w/o" are not pairings: each side needs a real name.
            let names_ok = pairing
                .split('/')
                .all(|n| n.trim().chars().filter(|c| c.is_alphabetic()).count() >= 2);
            if names_ok {
                work.tags.add(TagKind::Relationship, pairing);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Work {
        read_text(text).expect("reads")
    }

    fn story(work: &Work) -> String {
        work.chapters
            .iter()
            .flat_map(|c| c.paragraphs())
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn title_by_author_summary_and_excerpt() {
        let w = read(
            "Bloody Soul by Kallysten\n\nSummary: A story. Buffy/Angel for a while.\n\nChapters 25-26\n\nChapter 25: Poisons\n\nText one.\n\nChapter 26: Free\n\nText two.\n\nThe End.\n",
        );
        assert_eq!(w.title.as_deref(), Some("Bloody Soul"));
        assert_eq!(w.authors, vec!["Kallysten"]);
        assert_eq!(
            w.summary.as_deref(),
            Some("A story. Buffy/Angel for a while.")
        );
        assert_eq!(w.excerpt_of_chapters, Some((25, 26)));
        assert_eq!(
            w.chapters.iter().map(|c| c.number).collect::<Vec<_>>(),
            vec![25, 26]
        );
        assert_eq!(w.chapters[1].title.as_deref(), Some("Free"));
        assert_eq!(w.status, Status::Complete);
        assert_eq!(w.tags.relationships, vec!["Buffy/Angel"]);
        assert!(!story(&w).contains("The End"));
    }

    #[test]
    fn header_block_fields_go_to_their_kinds() {
        let w = read(
            "Title: The Long Night\nAuthor: Someone\nFandom: Buffy the Vampire Slayer\nRating: PG-13\n\
             Pairing: Buffy/Angel, Spike/Buffy\nWarnings: Character death\nCategory: F/M\nGenre: Angst, Romance\n\
             Summary: Things happen.\nDisclaimer: Not mine.\n\nIt was dark.\n",
        );
        assert_eq!(w.title.as_deref(), Some("The Long Night"));
        assert_eq!(w.authors, vec!["Someone"]);
        assert_eq!(w.tags.fandoms, vec!["Buffy the Vampire Slayer"]);
        assert_eq!(w.tags.rating, Some(ficarchive_model::Rating::Teen));
        assert_eq!(w.tags.relationships, vec!["Buffy/Angel", "Spike/Buffy"]);
        assert_eq!(w.tags.warnings, vec!["Character death"]);
        assert_eq!(w.tags.categories, vec!["F/M"]);
        assert_eq!(w.tags.freeform, vec!["Angst", "Romance"]);
        assert_eq!(w.summary.as_deref(), Some("Things happen."));
        assert!(w.notes.iter().any(|n| n.text.contains("Not mine")));
        assert_eq!(story(&w), "It was dark.");
        assert_eq!(w.status, Status::Complete, "a one-shot is complete");
    }

    #[test]
    fn by_line_under_title_and_markdown_heading() {
        let w = read("The Gift\nBy: Anne Author\n\nShe ran.\n");
        assert_eq!(w.title.as_deref(), Some("The Gift"));
        assert_eq!(w.authors, vec!["Anne Author"]);
        let w = read(
            "# The Gift\n\nby Anne\n\n## Chapter 1: Start\n\nShe ran.\n\n## Chapter 2: End\n\nHe ran.\n",
        );
        assert_eq!(w.title.as_deref(), Some("The Gift"));
        assert_eq!(w.authors, vec!["Anne"]);
        assert_eq!(w.chapters.len(), 2);
        assert_eq!(w.chapters[1].title.as_deref(), Some("End"));
    }

    #[test]
    fn chapter_heading_styles() {
        let w = read(
            "Chapter Twenty-Five - Poisons\n\nA.\n\nCHAPTER XXVI\n\nB.\n\nChapter 27\nThe Title Below\n\nC is here.\n",
        );
        let got: Vec<_> = w
            .chapters
            .iter()
            .map(|c| (c.number, c.title.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (25, Some("Poisons".into())),
                (26, None),
                (27, Some("The Title Below".into()))
            ]
        );
        let w = read("Prologue\n\nBefore.\n\nChapter 1\n\nDuring the day.\n\nEpilogue\n\nAfter.\n");
        let got: Vec<_> = w
            .chapters
            .iter()
            .map(|c| (c.number, c.title.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, Some("Prologue".into())),
                (2, None),
                (3, Some("Epilogue".into()))
            ]
        );
        let w = read("Part 1\n\nOne.\n\nPart 2\n\nTwo.\n");
        assert_eq!(w.chapters.len(), 2);
        assert_eq!(w.chapters[1].number, 2);
    }

    #[test]
    fn prose_is_not_a_heading() {
        let w = read(
            "Part of me wanted to leave, and part of me wanted to stay forever.\n\nBy the time she came, it was over and done.\n",
        );
        assert_eq!(w.chapters.len(), 1);
        assert_eq!(w.chapters[0].paragraphs().count(), 2);
        assert!(w.authors.is_empty());
    }

    #[test]
    fn notes_in_every_style_are_kept_apart() {
        let w = read(
            "Chapter 1\n\nA/N: Thanks to my beta.\n\nThis chapter took a while to write, thank you readers.\n\n\
             She ran into the night.\n\nShe stopped.\n\nAuthor's Note: Reviews welcome!\n\nTBC\n\n\
             Chapter 2\n\n(A/N: a short one\n\nthat goes on)\n\nHe followed.\n\nAN: more soon\n",
        );
        let c1 = &w.chapters[0];
        assert_eq!(c1.notes_before.len(), 1);
        assert!(c1.notes_before[0].text.starts_with("Thanks to my beta."));
        assert!(c1.notes_before[0].text.contains("thank you readers"));
        assert_eq!(c1.notes_after[0].text, "Reviews welcome!");
        let c2 = &w.chapters[1];
        assert!(
            c2.notes_before[0].text.contains("a short one")
                && c2.notes_before[0].text.contains("that goes on")
        );
        assert_eq!(c2.notes_after[0].text, "more soon");
        assert_eq!(
            story(&w),
            "She ran into the night.\nShe stopped.\nHe followed."
        );
        assert_eq!(w.status, Status::Unknown, "the last chapter has no marker");
    }

    #[test]
    fn scene_break_markers() {
        for marker in [
            "* * *",
            "***",
            "~~~",
            "~*~*~",
            "xXx",
            "oOo",
            "---",
            "#",
            "_____",
            "-x-x-",
            "Scene Break",
        ] {
            let text = format!("One.\n\n{marker}\n\nTwo.\n");
            let w = read(&text);
            let scenes = &w.chapters[0].scenes;
            assert_eq!(scenes.len(), 2, "marker {marker:?}");
            assert_eq!(scenes[1].break_kind, SceneBreak::Explicit);
            assert_eq!(scenes[1].marker.as_deref(), Some(marker));
            assert_eq!(scenes[0].break_kind, SceneBreak::Start);
        }
        let w = read("\"Wait...\"\n\n...\n\nShe waited.\n");
        assert_eq!(
            w.chapters[0].scenes.len(),
            1,
            "a lone ellipsis is not a break"
        );
    }

    #[test]
    fn end_markers_set_status() {
        assert_eq!(
            read("Chapter 1\n\nA.\n\nChapter 2\n\nB.\n\nTo be continued...\n").status,
            Status::InProgress
        );
        assert_eq!(
            read("Chapter 1\n\nA.\n\nChapter 2\n\nB.\n\n~Fin~\n").status,
            Status::Complete
        );
        assert_eq!(
            read("Chapter 1\n\nA.\n\nChapter 2\n\nB.\n").status,
            Status::Unknown
        );
        assert_eq!(read("Just one scene.\n\nTBC\n").status, Status::InProgress);
        assert_eq!(read("Just one scene.\n").status, Status::Complete);
    }

    #[test]
    fn crlf_indent_and_spans_map_back() {
        let src = "Title: T\r\nAuthor: A\r\n\r\n    First paragraph here.\r\n    Second one.\r\n";
        let w = read(src);
        for p in w.chapters[0].paragraphs() {
            let span = p.span.expect("span");
            assert_eq!(&src[span.start..span.end], p.text);
        }
        assert_eq!(story(&w), "First paragraph here.\nSecond one.");
    }

    #[test]
    fn hard_wrapped_text_is_rejoined() {
        let para = "It was a dark and stormy night, and the rain fell in torrents except at occasional \
                    intervals, when it was checked by a violent gust of wind which swept up the streets";
        let mut src = String::new();
        for k in 0..6 {
            src.push_str(&textwrap(&format!("{para} number {k}."), 72));
            src.push_str("\n\n");
        }
        let w = read(&src);
        let paras: Vec<_> = w.chapters[0].paragraphs().collect();
        assert_eq!(paras.len(), 6);
        for p in &paras {
            let span = p.span.expect("span");
            assert_eq!(span.len(), p.text.len());
            assert!(p.text.contains("violent gust"));
        }
        // Indented first lines and no blank lines between paragraphs.
        let mut src = String::new();
        for k in 0..6 {
            let wrapped = textwrap(&format!("{para} number {k}."), 72);
            src.push_str("   ");
            src.push_str(&wrapped);
            src.push('\n');
        }
        let w = read(&src);
        assert_eq!(w.chapters[0].paragraphs().count(), 6);
    }

    #[test]
    fn wrapped_paragraph_indents_tabs_and_stray_spaces() {
        let para = "It was a dark and stormy night, and the rain fell in torrents except at occasional \
                    intervals, when it was checked by a violent gust of wind which swept up the streets";
        // Tab-indented first lines, no blank lines: each tab starts a paragraph.
        let mut src = String::new();
        for k in 0..6 {
            src.push('\t');
            src.push_str(&textwrap(&format!("{para} number {k}."), 72));
            src.push('\n');
        }
        assert_eq!(read(&src).chapters[0].paragraphs().count(), 6);
        // One stray space at the start of a wrapped line does not cut the paragraph.
        let mut src = String::new();
        for k in 0..6 {
            src.push_str(&textwrap(&format!("{para} number {k}."), 72).replacen('\n', "\n ", 1));
            src.push_str("\n\n");
        }
        let w = read(&src);
        assert_eq!(w.chapters[0].paragraphs().count(), 6);
        for p in w.chapters[0].paragraphs() {
            let span = p.span.expect("span");
            assert_eq!(&src[span.start..span.end].replace('\n', " "), &p.text);
        }
    }

    fn textwrap(text: &str, width: usize) -> String {
        let mut out = String::new();
        let mut line = String::new();
        for word in text.split(' ') {
            if !line.is_empty() && line.len() + 1 + word.len() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&line);
        out
    }

    #[test]
    fn one_paragraph_per_line_without_blank_lines() {
        let w = read(
            "(A/N: This is a Buffy/Spike scene.)\nShe sat down.\nHe stood up, and then he left the room without a word.\n",
        );
        assert_eq!(w.notes.len(), 1);
        assert_eq!(w.notes[0].text, "This is a Buffy/Spike scene.");
        assert_eq!(w.chapters[0].paragraphs().count(), 2);
        assert_eq!(w.title, None);
        assert_eq!(w.tags.relationships, vec!["Buffy/Spike"]);
        assert_eq!(w.status, Status::Complete);
    }

    #[test]
    fn a_chapter_zero_is_renumbered_from_one() {
        let w = read_text("Chapter 0\n\nA prologue.\n\nChapter 1\n\nThe story.\n").unwrap();
        let numbers: Vec<u32> = w.chapters.iter().map(|c| c.number).collect();
        assert_eq!(numbers, [1, 2]);
        let w = read_text("Chapter 0\n Aa").unwrap();
        assert!(w.chapters.iter().all(|c| c.number > 0));
    }

    #[test]
    fn numbers_in_words_and_roman() {
        assert_eq!(parse_number("Twenty-Five"), Some(25));
        assert_eq!(parse_number("thirty one"), Some(31));
        assert_eq!(parse_number("XXV"), Some(25));
        assert_eq!(parse_number("dim"), None);
        assert_eq!(parse_number("banana"), None);
    }

    #[test]
    fn nothing_but_headings_is_no_story() {
        assert!(matches!(
            read_text("Chapter 1\n\nChapter 2\n"),
            Err(FormatError::NoStory)
        ));
        assert!(matches!(read_text("\n\n  \n"), Err(FormatError::Empty)));
    }
}
