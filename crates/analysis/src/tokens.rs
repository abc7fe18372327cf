//! Splitting a paragraph into words and punctuation, and finding its quotations.

/// What a token is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    /// A run of letters and digits (with inner apostrophes and hyphens).
    Word,
    /// One punctuation character.
    Punct(char),
}

/// One token of a paragraph: byte range in the paragraph text and a few flags.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    /// First byte.
    pub start: u32,
    /// One past the last byte (the possessive 's excluded).
    pub end: u32,
    /// Word or punctuation.
    pub kind: Kind,
    /// First letter is upper case.
    pub cap: bool,
    /// Followed by a possessive 's.
    pub possessive: bool,
    /// Starts a sentence (after . ! ? or at the start of the paragraph or a quotation).
    pub sentence_start: bool,
    /// Index of the quotation the token lies in, if any.
    pub quote: Option<u32>,
}

impl Token {
    /// The token's text in its paragraph.
    pub fn text<'a>(&self, para: &'a str) -> &'a str {
        para.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }

    /// True for a punctuation token of the given character.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The character at byte `i` of `text` (a character boundary) and its length in bytes; an ASCII
/// byte is its own character, without decoding.
#[inline(always)]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        (c, c.len_utf8())
    }
}

/// Whether `text` holds `needle` (ASCII letters) in any ASCII case: a cheap test that rules out
/// a paragraph before it is tokenized. Only where the needle's letter at `pivot` (its rarest)
/// stands, in either case, is the needle compared: one pass over the bytes, with no searcher
/// to set up (a text of short turns asks this of a million paragraphs of a dozen bytes).
pub(crate) fn contains_ascii_ignore_case(text: &str, needle: &str, pivot: usize) -> bool {
    let n = needle.as_bytes();
    debug_assert!(pivot < n.len() && n.iter().all(u8::is_ascii_alphabetic));
    let (lo, up) = (n[pivot].to_ascii_lowercase(), n[pivot].to_ascii_uppercase());
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        (b == lo || b == up)
            && i >= pivot
            && bytes
                .get(i - pivot..i - pivot + n.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(n))
    })
}

/// Whether the character at byte `i` of `text` (a character boundary) is white space, and its
/// length in bytes.
#[inline(always)]
fn space_at(text: &str, i: usize) -> (bool, usize) {
    let (c, len) = char_at(text, i);
    (c.is_whitespace(), len)
}

/// The words of `text` as [`str::split_whitespace`] gives them, walked by bytes and decoding
/// only non-ASCII characters: names and first sentences are split for every character and
/// paragraph, and the standard iterator decodes every character of them.
pub(crate) fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// The iterator of [`words`].
pub(crate) struct Words<'a> {
    text: &'a str,
    /// The byte where the next search for a word starts.
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let text = self.text;
        let bytes = text.as_bytes();
        let len = text.len();
        let mut i = self.at;
        while i < len {
            // a plain space, the common case, without the general test
            if bytes[i] == b' ' {
                i += 1;
                continue;
            }
            let (space, n) = space_at(text, i);
            if !space {
                break;
            }
            i += n;
        }
        if i >= len {
            self.at = len;
            return None;
        }
        let start = i;
        while i < len {
            // a printable ASCII byte, the common case, is no white space
            if (b'!'..0x80).contains(&bytes[i]) {
                i += 1;
                continue;
            }
            let (space, n) = space_at(text, i);
            if space {
                break;
            }
            i += n;
        }
        self.at = i;
        Some(&text[start..i])
    }
}

/// Splits `text` into tokens; `quotes` (sorted content ranges) mark which tokens are quoted.
pub(crate) fn tokenize(text: &str, quotes: &[(u32, u32)], out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut sentence_start = true;
    let mut qi = 0usize;
    let mut in_quote_before = false;
    // the quotation of the character at `i`, the same up to byte `next_change` (where a
    // quotation opens or closes): found again only there, not at every character
    let mut quote: Option<u32> = None;
    let mut next_change = 0usize;
    // the byte position of the next character to read (the text is walked by byte positions,
    // decoding only non-ASCII characters)
    let mut i = 0usize;
    while i < len {
        let (c, c_len) = char_at(text, i);
        if i >= next_change {
            while qi < quotes.len() && quotes[qi].1 as usize <= i {
                qi += 1;
            }
            quote = (qi < quotes.len() && quotes[qi].0 as usize <= i && i < quotes[qi].1 as usize)
                .then_some(qi as u32);
            next_change = match quotes.get(qi) {
                // inside it, until it closes
                Some(&(_, e)) if quote.is_some() => e as usize,
                // before it, until it opens (or closes, for a range that ends before it starts)
                Some(&(s, e)) => s.min(e) as usize,
                None => usize::MAX,
            };
            if quote.is_some() != in_quote_before {
                sentence_start = true;
                in_quote_before = quote.is_some();
            }
        }
        if c.is_alphanumeric() {
            let start = i;
            let mut end = i + c_len;
            // the next character not yet taken into the word
            let mut j = end;
            let mut possessive = false;
            while j < len {
                // a run of ASCII letters and digits, the common case, byte by byte
                if bytes[j].is_ascii_alphanumeric() {
                    j += 1;
                    end = j;
                    continue;
                }
                let (d, d_len) = char_at(text, j);
                if d.is_alphanumeric() {
                    end = j + d_len;
                    j = end;
                } else if is_apostrophe(d) || d == '-' {
                    let after = j + d_len;
                    let next = (after < len).then(|| char_at(text, after));
                    match next {
                        Some((n, n_len)) if n.is_alphanumeric() => {
                            // "Angel's" is Angel plus a possessive; "he'd", "don't" stay whole.
                            let rest = &text[after..];
                            let tail_len = rest
                                .char_indices()
                                .find(|(_, x)| !x.is_alphanumeric())
                                .map_or(rest.len(), |(k, _)| k);
                            if is_apostrophe(d)
                                && (rest[..tail_len] == *"s" || rest[..tail_len] == *"S")
                            {
                                possessive = true;
                                j = after + n_len;
                                break;
                            }
                            end = after;
                            j = after;
                        }
                        _ => {
                            if is_apostrophe(d)
                                && (bytes[end - 1] == b's')
                                && next.is_none_or(|(n, _)| n.is_whitespace())
                                && quote.is_none()
                            {
                                // "the boys' room": a plural possessive, not a closing quote
                                possessive = true;
                            }
                            break;
                        }
                    }
                } else {
                    break;
                }
            }
            out.push(Token {
                start: start as u32,
                end: end as u32,
                kind: Kind::Word,
                cap: c.is_uppercase(),
                possessive,
                sentence_start,
                quote,
            });
            sentence_start = false;
            i = j;
        } else {
            if !c.is_whitespace() {
                out.push(Token {
                    start: i as u32,
                    end: (i + c_len) as u32,
                    kind: Kind::Punct(c),
                    cap: false,
                    possessive: false,
                    sentence_start: false,
                    quote,
                });
                if matches!(c, '.' | '!' | '?' | '…' | ':' | ';') {
                    sentence_start = true;
                }
            }
            i += c_len;
        }
    }
}

/// Which quotation marks a work uses for dialogue.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum QuoteStyle {
    /// "…" or “…”.
    Double,
    /// '…' or ‘…’ (British style).
    Single,
    /// A dash opens the speech and no mark closes it (`— Come up, Kinch!`, `-- What is your name?`),
    /// as in Joyce and in texts translated from languages that set dialogue this way.
    Dash,
    /// No dialogue marks found.
    None,
}

/// Picks the dominant dialogue style from mark counts over the whole work.
pub(crate) fn detect_style<'a>(paragraphs: impl Iterator<Item = &'a str>) -> QuoteStyle {
    let (mut double, mut single, mut dashed) = (0usize, 0usize, 0usize);
    for p in paragraphs {
        dashed += usize::from(dash_opening(p).is_some());
        let (d, s) = mark_counts(p);
        double += d;
        single += s;
    }
    // a paragraph opening with a dash is dialogue only where marks do not set it: elsewhere it is
    // an aside or an interrupted line; marks come in pairs, a dash opens one quotation
    if dashed >= 2 && dashed * 2 > double + single {
        QuoteStyle::Dash
    } else if double >= 2 && double * 2 >= single {
        QuoteStyle::Double
    } else if single >= 2 {
        QuoteStyle::Single
    } else if double > 0 {
        QuoteStyle::Double
    } else {
        QuoteStyle::None
    }
}

/// The characters of `text` that may be quotation marks, with their byte positions: `"`, `'`
/// and every character whose UTF-8 opens with byte 0xE2 (the curly marks among them). Found by
/// bytes, without decoding the text between them (0xE2 only ever opens a character).
fn mark_candidates(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    text.as_bytes()
        .iter()
        .enumerate()
        .filter(|&(_, &b)| matches!(b, b'"' | b'\'' | 0xE2))
        .map(move |(i, _)| (i, char_at(text, i).0))
}

/// The character before byte `i` of `text` (a character boundary), a space at the start.
fn char_before(text: &str, i: usize) -> char {
    text[..i].chars().next_back().unwrap_or(' ')
}

/// The double and the single quotation marks of one paragraph, for [`detect_style`]; an
/// apostrophe after a letter or digit is no mark.
fn mark_counts(p: &str) -> (usize, usize) {
    let (mut double, mut single) = (0, 0);
    for (i, c) in mark_candidates(p) {
        match c {
            '"' | '“' | '”' => double += 1,
            '‘' => single += 1,
            '\'' if !char_before(p, i).is_alphanumeric() => single += 1,
            _ => {}
        }
    }
    (double, single)
}

/// Finds quotation content ranges (marks excluded) in one paragraph. A quotation left open runs to
/// the end of the paragraph, as in multi-paragraph speeches.
pub(crate) fn find_quotes(text: &str, style: QuoteStyle, out: &mut Vec<(usize, usize)>) {
    out.clear();
    match style {
        QuoteStyle::None => return,
        QuoteStyle::Dash => return find_dash_quotes(text, out),
        QuoteStyle::Double | QuoteStyle::Single => {}
    }
    let mut open: Option<usize> = None;
    // only a quotation mark changes what is open: the text between marks is stepped over
    for (i, c) in mark_candidates(text) {
        let next = text[i + c.len_utf8()..].chars().next().unwrap_or(' ');
        step_mark(style, c, i, char_before(text, i), next, &mut open, out);
    }
    if let Some(s) = open {
        push_quote(out, s, text.len());
    }
}

/// What the character `c` at byte `i` (between `prev` and `next`) does to the quotation open in
/// a paragraph of `style`: opens one, closes it (its range pushed to `out`), or nothing.
fn step_mark(
    style: QuoteStyle,
    c: char,
    i: usize,
    prev: char,
    next: char,
    open: &mut Option<usize>,
    out: &mut Vec<(usize, usize)>,
) {
    let after = i + c.len_utf8();
    match (style, c) {
        (QuoteStyle::Double, '“') => {
            if let Some(s) = open.take() {
                push_quote(out, s, i);
            }
            *open = Some(after);
        }
        (QuoteStyle::Double, '”') => {
            if let Some(s) = open.take() {
                push_quote(out, s, i);
            }
        }
        (QuoteStyle::Double, '"') => {
            let can_open = !prev.is_alphanumeric() && !next.is_whitespace();
            let can_close = !prev.is_whitespace() && !next.is_alphanumeric();
            match *open {
                Some(s) if can_close || !can_open => {
                    push_quote(out, s, i);
                    *open = None;
                }
                Some(s) => {
                    // an opener while open: the earlier quotation was never closed
                    push_quote(out, s, i);
                    *open = Some(after);
                }
                None => *open = Some(after),
            }
        }
        (QuoteStyle::Single, '‘' | '\'')
            if open.is_none()
                && !prev.is_alphanumeric()
                && !next.is_whitespace()
                && next != '\'' =>
        {
            *open = Some(after);
        }
        (QuoteStyle::Single, '’' | '\'') => {
            if let Some(s) = *open
                && !prev.is_whitespace()
                && !next.is_alphanumeric()
            {
                push_quote(out, s, i);
                *open = None;
            }
        }
        _ => {}
    }
}

/// Where the speech of a paragraph set with dash dialogue begins: after an opening dash (em or en
/// dash, `--`, or a horizontal bar) and the spaces after it.
fn dash_opening(text: &str) -> Option<usize> {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let dash = ["—", "–", "―", "--"]
        .into_iter()
        .find(|d| trimmed.starts_with(d))?;
    let rest = trimmed[dash.len()..].trim_start_matches(['-', ' ', '\u{a0}']);
    rest.starts_with(|c: char| c.is_alphanumeric() || c == '¿' || c == '¡' || c == '…')
        .then(|| text.len() - rest.len())
        .filter(|&s| s > lead)
}

/// Dash dialogue: a paragraph opening with a dash is one speaker's speech up to a speech tag
/// (`— Back to barracks! he said sternly.`, `— Tell me, Mulligan, Stephen said quietly.`,
/// `— I know, — she said, — but…`) or the paragraph's end; a dash after the tag resumes it.
fn find_dash_quotes(text: &str, out: &mut Vec<(usize, usize)>) {
    let Some(mut start) = dash_opening(text) else {
        return;
    };
    loop {
        let Some((end, tag)) = speech_tag_break(text, start) else {
            push_quote(out, start, text.trim_end().len());
            return;
        };
        push_quote(out, start, end);
        // the tag runs to the next dash that reopens speech, if any
        match text[tag..]
            .match_indices([' ', '\u{a0}'])
            .map(|(i, _)| tag + i + 1)
            .find_map(|i| dash_opening(&text[i..]).map(|s| i + s))
        {
            Some(resume) if resume > tag => start = resume,
            _ => return,
        }
    }
}

/// The end of a dash quotation that a speech tag follows: `(end of speech, start of tag)`. A tag is
/// a short clause after `,` `!` `?` `.` `…` or a spaced dash whose first three words, with no
/// punctuation between them, hold a speech verb after a pronoun or a capitalised name, or first.
fn speech_tag_break(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < text.len() {
        let c = text[i..].chars().next()?;
        let next_i = i + c.len_utf8();
        let breaks = matches!(c, ',' | '!' | '?' | '.' | '…' | '—' | '–')
            || (c == '-' && bytes.get(next_i) == Some(&b'-'));
        if breaks {
            let mut after = next_i;
            while after < text.len() && matches!(bytes[after], b'-' | b',') {
                after += 1;
            }
            let rest = &text[after..];
            let clause = rest.trim_start_matches([' ', '\u{a0}', '—', '–', '-']);
            let spaced = rest.len() > clause.len();
            if spaced && is_speech_tag(clause) {
                // the speech keeps its own closing punctuation, not a dash that sets the tag off
                let end = if matches!(c, '—' | '–' | '-') {
                    text[..i].trim_end().len()
                } else {
                    next_i
                };
                return Some((end.max(from), text.len() - clause.len()));
            }
        }
        i = next_i;
    }
    None
}

/// Whether a clause opens like a speech tag: `he said`, `Stephen said quietly`, `said Stephen`,
/// `she answered`, `the old man cried`. The clause ends at the first word with punctuation after it,
/// so a vocative is not a subject ("Mulligan, Stephen said": the tag begins at "Stephen").
fn is_speech_tag(clause: &str) -> bool {
    let bare = |w: &str| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let mut words = Vec::with_capacity(4);
    for w in clause.split_whitespace().take(4) {
        words.push(w);
        if w.ends_with(|c: char| !c.is_alphanumeric()) {
            break;
        }
    }
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    if crate::lexicon::is_speech_verb(&bare(first)) {
        return true;
    }
    let subject = first.starts_with(char::is_uppercase)
        || matches!(
            bare(first).as_str(),
            "he" | "she" | "i" | "they" | "we" | "you" | "it" | "the"
        );
    if !subject {
        return false;
    }
    let Some(verb) = rest
        .iter()
        .position(|w| crate::lexicon::is_speech_verb(&bare(w)))
    else {
        return false;
    };
    // a verb that goes straight on into a clause of its own reports words, it does not tag them:
    // `— Are you a wizard? Uncle Owen says there's an old wizard…` is one speech
    let verb = rest[verb];
    if verb.ends_with(|c: char| c.is_alphanumeric())
        && let Some(next) = clause
            .split_whitespace()
            .skip_while(|w| !std::ptr::eq(*w, verb))
            .nth(1)
    {
        let next = bare(next).replace('’', "'");
        let opens_clause = matches!(next.split('\'').next().unwrap_or(""), "there" | "that")
            || (next.contains('\'')
                && matches!(
                    next.split('\'').next().unwrap_or(""),
                    "he" | "she" | "i" | "we" | "they" | "you" | "it"
                ))
            || matches!(next.as_str(), "he" | "she" | "we" | "they" | "i");
        if opens_clause {
            return false;
        }
    }
    true
}

fn push_quote(out: &mut Vec<(usize, usize)>, start: usize, end: usize) {
    if end > start {
        out.push((start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_ascii_ignore_case_finds_any_case() {
        assert!(contains_ascii_ignore_case("said THE man", "the", 1));
        assert!(contains_ascii_ignore_case("The", "the", 1));
        assert!(!contains_ascii_ignore_case("\"Yes, Anna.\"", "the", 1));
        assert!(!contains_ascii_ignore_case("th", "the", 1));
        assert!(contains_ascii_ignore_case("Her NAME was", "name", 2));
        assert!(!contains_ascii_ignore_case("Her nam was", "name", 2));
        assert!(contains_ascii_ignore_case("tHe", "the", 1));
        assert!(contains_ascii_ignore_case("über naMe", "name", 2));
        assert!(!contains_ascii_ignore_case("mmm hhh", "name", 2));
    }

    #[test]
    fn words_split_as_split_whitespace_does() {
        for text in [
            "",
            "   ",
            "Mara  Quill had\ttried.\n",
            " lead\u{0B}vertical\u{0C}feed\r\nend ",
            "non\u{A0}breaking\u{2003}em\u{85}next line",
            "O’Brien — Señora Ñúñez…  ",
            "\u{3000}ideographic\u{3000}",
        ] {
            let ours: Vec<&str> = words(text).collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    /// The tokenizer as it was before it walked the text by bytes: the reference the byte walk
    /// must agree with.
    fn tokenize_by_chars(text: &str, quotes: &[(u32, u32)], out: &mut Vec<Token>) {
        out.clear();
        let bytes = text.as_bytes();
        let mut chars = text.char_indices().peekable();
        let mut sentence_start = true;
        let mut qi = 0usize;
        let mut in_quote_before = false;
        while let Some((i, c)) = chars.next() {
            while qi < quotes.len() && quotes[qi].1 as usize <= i {
                qi += 1;
            }
            let quote =
                (qi < quotes.len() && quotes[qi].0 as usize <= i && i < quotes[qi].1 as usize)
                    .then_some(qi as u32);
            if quote.is_some() != in_quote_before {
                sentence_start = true;
                in_quote_before = quote.is_some();
            }
            if c.is_alphanumeric() {
                let start = i;
                let mut end = i + c.len_utf8();
                let mut possessive = false;
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_alphanumeric() {
                        end = j + d.len_utf8();
                        chars.next();
                    } else if is_apostrophe(d) || d == '-' {
                        let after = j + d.len_utf8();
                        let next = text[after..].chars().next();
                        match next {
                            Some(n) if n.is_alphanumeric() => {
                                // "Angel's" is Angel plus a possessive; "he'd", "don't" stay whole.
                                let rest = &text[after..];
                                let tail_len = rest
                                    .char_indices()
                                    .find(|(_, x)| !x.is_alphanumeric())
                                    .map_or(rest.len(), |(k, _)| k);
                                if is_apostrophe(d)
                                    && (rest[..tail_len] == *"s" || rest[..tail_len] == *"S")
                                {
                                    possessive = true;
                                    chars.next();
                                    chars.next();
                                    break;
                                }
                                end = after;
                                chars.next();
                            }
                            _ => {
                                if is_apostrophe(d)
                                    && (bytes[end - 1] == b's')
                                    && next.is_none_or(|n| n.is_whitespace())
                                    && quote.is_none()
                                {
                                    // "the boys' room": a plural possessive, not a closing quote
                                    possessive = true;
                                }
                                break;
                            }
                        }
                    } else {
                        break;
                    }
                }
                out.push(Token {
                    start: start as u32,
                    end: end as u32,
                    kind: Kind::Word,
                    cap: c.is_uppercase(),
                    possessive,
                    sentence_start,
                    quote,
                });
                sentence_start = false;
            } else if !c.is_whitespace() {
                out.push(Token {
                    start: i as u32,
                    end: (i + c.len_utf8()) as u32,
                    kind: Kind::Punct(c),
                    cap: false,
                    possessive: false,
                    sentence_start: false,
                    quote,
                });
                if matches!(c, '.' | '!' | '?' | '…' | ':' | ';') {
                    sentence_start = true;
                }
            }
        }
    }

    #[test]
    fn the_byte_walk_splits_as_the_character_walk() {
        let texts = [
            "Zoë’s café—the boys' naïve Ünal didn’t\u{0B}x-ray 42 Éa’S end…",
            "“Well,” said Anna’s aunt. 'The Jones' house? It's—well—theirs-'",
            "Ωμέγα λέξη. Привет, мир! 中文字 ‘quoted’ s' s’ -' a-",
            "tail apostrophe'",
            "x",
            "",
        ];
        for text in texts {
            for quotes in [vec![], vec![(0u32, 3u32)], vec![(2, 9), (12, 20)]] {
                let quotes: Vec<(u32, u32)> = quotes
                    .into_iter()
                    .filter(|&(a, b)| {
                        (b as usize) <= text.len()
                            && text.is_char_boundary(a as usize)
                            && text.is_char_boundary(b as usize)
                    })
                    .collect();
                let (mut by_bytes, mut by_chars) = (Vec::new(), Vec::new());
                tokenize(text, &quotes, &mut by_bytes);
                tokenize_by_chars(text, &quotes, &mut by_chars);
                assert_eq!(format!("{by_bytes:?}"), format!("{by_chars:?}"), "{text}");
            }
        }
    }

    #[test]
    fn the_quotation_of_each_token_is_found_again_only_where_one_opens_or_closes() {
        let texts = [
            "Kessa said, \"No. Go.\" Then: \"Now!\" and 'fine' — done. Ünal’s x-ray; “ok” end",
            "  \"  \" \"a\"\"b\" Bo's  \"c\n d\"",
        ];
        // adjacent, empty, nested, overlapping, reversed, opening or closing inside a word,
        // running past the end
        let layouts: [&[(u32, u32)]; 8] = [
            &[(2, 5), (5, 9)],
            &[(3, 3), (3, 7), (7, 7)],
            &[(2, 20), (4, 6), (8, 12)],
            &[(1, 6), (4, 10), (9, 15)],
            &[(9, 4), (10, 14)],
            &[(1, 2), (12, 13), (14, 30)],
            &[(0, 1), (2, 3), (4, 5), (6, 7), (8, 9), (10, 11)],
            &[(5, 40), (60, 200)],
        ];
        for text in texts {
            for quotes in layouts {
                let quotes: Vec<(u32, u32)> = quotes
                    .iter()
                    .map(|&(a, b)| (a, b.min(text.len() as u32)))
                    .filter(|&(a, b)| {
                        text.is_char_boundary(a as usize) && text.is_char_boundary(b as usize)
                    })
                    .collect();
                let (mut by_bytes, mut by_chars) = (Vec::new(), Vec::new());
                tokenize(text, &quotes, &mut by_bytes);
                tokenize_by_chars(text, &quotes, &mut by_chars);
                assert_eq!(
                    format!("{by_bytes:?}"),
                    format!("{by_chars:?}"),
                    "{text} {quotes:?}"
                );
            }
        }
    }

    /// The quotation finder stepping on every character instead of from mark to mark: the
    /// reference [`find_quotes`]'s mark walk must agree with.
    fn find_quotes_by_chars(text: &str, style: QuoteStyle, out: &mut Vec<(usize, usize)>) {
        out.clear();
        let mut open: Option<usize> = None;
        let mut prev = ' ';
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let next = iter.peek().map_or(' ', |&(_, n)| n);
            step_mark(style, c, i, prev, next, &mut open, out);
            prev = c;
        }
        if let Some(s) = open {
            push_quote(out, s, text.len());
        }
    }

    /// The style count as it was before it stepped from mark to mark.
    fn detect_style_by_chars(p: &str) -> (usize, usize) {
        let (mut double, mut single) = (0, 0);
        let mut prev = ' ';
        for c in p.chars() {
            match c {
                '"' | '“' | '”' => double += 1,
                '‘' => single += 1,
                '\'' if !prev.is_alphanumeric() => single += 1,
                _ => {}
            }
            prev = c;
        }
        (double, single)
    }

    #[test]
    fn quotations_are_found_from_mark_to_mark_as_by_every_character() {
        let texts = [
            "Kessa said, \"No. Go.\" Then: \"Now!\" and 'fine' — done. Ünal’s x-ray; “ok” end",
            "  \"  \" \"a\"\"b\" Bo's  \"c\n d\"",
            "‘Well,’ said Ünal, ‘it’s the boys’ room.’ 'Yes' '' ' x' 'a'b é'é “x “y” z”",
            "\"“”‘’'",
            "über\"ß\"→\"—\"…'",
            "",
        ];
        for text in texts {
            for style in [QuoteStyle::Double, QuoteStyle::Single] {
                let (mut by_marks, mut by_chars) = (Vec::new(), Vec::new());
                find_quotes(text, style, &mut by_marks);
                find_quotes_by_chars(text, style, &mut by_chars);
                assert_eq!(by_marks, by_chars, "{text} {style:?}");
            }
            assert_eq!(mark_counts(text), detect_style_by_chars(text), "{text}");
        }
    }

    fn quotes(text: &str, style: QuoteStyle) -> Vec<&str> {
        let mut q = Vec::new();
        find_quotes(text, style, &mut q);
        q.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn dash_dialogue_runs_to_its_tag() {
        let d = QuoteStyle::Dash;
        assert_eq!(
            quotes("— Back to barracks! he said sternly.", d),
            vec!["Back to barracks!"]
        );
        assert_eq!(
            quotes("— Tell me, Mulligan, Stephen said quietly.", d),
            vec!["Tell me, Mulligan,"]
        );
        // a verb that goes on into a reported clause is no tag
        assert_eq!(
            quotes(
                "— Are you a wizard? Uncle Owen says there's a wizard who eats boys.",
                d
            ),
            vec!["Are you a wizard? Uncle Owen says there's a wizard who eats boys."]
        );
        assert_eq!(
            quotes("— Go home? Mother said she would wait.", d),
            vec!["Go home? Mother said she would wait."]
        );
        assert_eq!(quotes("— Go home? said he.", d), vec!["Go home?"]);
        assert_eq!(
            quotes("-- Come up, Kinch! Come up, you fearful jesuit!", d),
            vec!["Come up, Kinch! Come up, you fearful jesuit!"]
        );
        assert_eq!(
            quotes("— I know, — she said. — But not today.", d),
            vec!["I know,", "But not today."]
        );
        assert_eq!(
            quotes("He held the bowl aloft — and sang.", d),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn dashes_set_the_style_only_without_marks() {
        let dashed = ["— Hello.", "— Who is it? she asked.", "He went in."];
        assert_eq!(detect_style(dashed.into_iter()), QuoteStyle::Dash);
        let marked = [
            "\"Hello,\" he said.",
            "-- and then nothing.",
            "\"Who?\" \"Me.\"",
            "-- or so it seemed.",
        ];
        assert_eq!(detect_style(marked.into_iter()), QuoteStyle::Double);
    }

    #[test]
    fn broken_quote_gives_two_parts() {
        let t = "\"All I know,\" he replied, \"is that you gave up.\"";
        assert_eq!(
            quotes(t, QuoteStyle::Double),
            vec!["All I know,", "is that you gave up."]
        );
    }

    #[test]
    fn curly_and_unclosed() {
        let t = "“Hello,” she said. “And then";
        assert_eq!(quotes(t, QuoteStyle::Double), vec!["Hello,", "And then"]);
    }

    #[test]
    fn single_quotes_skip_apostrophes() {
        let t = "‘I don’t know,’ said Alice, ‘it’s your turn.’";
        assert_eq!(
            quotes(t, QuoteStyle::Single),
            vec!["I don’t know,", "it’s your turn."]
        );
    }

    #[test]
    fn possessive_is_split_from_name() {
        let t = "Angel's jaw, he'd said";
        let mut toks = Vec::new();
        tokenize(t, &[], &mut toks);
        assert_eq!(toks[0].text(t), "Angel");
        assert!(toks[0].possessive);
        assert_eq!(toks[3].text(t), "he'd");
    }
}
