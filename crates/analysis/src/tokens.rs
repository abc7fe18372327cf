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

/// Splits `text` into tokens; `quotes` (sorted content ranges) mark which tokens are quoted.
pub(crate) fn tokenize(text: &str, quotes: &[(usize, usize)], out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    let mut sentence_start = true;
    let mut qi = 0usize;
    let mut in_quote_before = false;
    while let Some((i, c)) = chars.next() {
        while qi < quotes.len() && quotes[qi].1 <= i {
            qi += 1;
        }
        let quote =
            (qi < quotes.len() && quotes[qi].0 <= i && i < quotes[qi].1).then_some(qi as u32);
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

/// Which quotation marks a work uses for dialogue.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum QuoteStyle {
    /// "…" or “…”.
    Double,
    /// '…' or ‘…’ (British style).
    Single,
    /// No dialogue marks found.
    None,
}

/// Picks the dominant dialogue style from mark counts over the whole work.
pub(crate) fn detect_style<'a>(paragraphs: impl Iterator<Item = &'a str>) -> QuoteStyle {
    let (mut double, mut single) = (0usize, 0usize);
    for p in paragraphs {
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
    }
    if double >= 2 && double * 2 >= single {
        QuoteStyle::Double
    } else if single >= 2 {
        QuoteStyle::Single
    } else if double > 0 {
        QuoteStyle::Double
    } else {
        QuoteStyle::None
    }
}

/// Finds quotation content ranges (marks excluded) in one paragraph. A quotation left open runs to
/// the end of the paragraph, as in multi-paragraph speeches.
pub(crate) fn find_quotes(text: &str, style: QuoteStyle, out: &mut Vec<(usize, usize)>) {
    out.clear();
    if style == QuoteStyle::None {
        return;
    }
    let mut open: Option<usize> = None;
    let mut prev = ' ';
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map_or(' ', |&(_, n)| n);
        let after = i + c.len_utf8();
        match (style, c) {
            (QuoteStyle::Double, '“') => {
                if let Some(s) = open.take() {
                    push_quote(out, s, i);
                }
                open = Some(after);
            }
            (QuoteStyle::Double, '”') => {
                if let Some(s) = open.take() {
                    push_quote(out, s, i);
                }
            }
            (QuoteStyle::Double, '"') => {
                let can_open = !prev.is_alphanumeric() && !next.is_whitespace();
                let can_close = !prev.is_whitespace() && !next.is_alphanumeric();
                match open {
                    Some(s) if can_close || !can_open => {
                        push_quote(out, s, i);
                        open = None;
                    }
                    Some(s) => {
                        // an opener while open: the earlier quotation was never closed
                        push_quote(out, s, i);
                        open = Some(after);
                    }
                    None => open = Some(after),
                }
            }
            (QuoteStyle::Single, '‘' | '\'')
                if open.is_none()
                    && !prev.is_alphanumeric()
                    && !next.is_whitespace()
                    && next != '\'' =>
            {
                open = Some(after);
            }
            (QuoteStyle::Single, '’' | '\'') => {
                if let Some(s) = open
                    && !prev.is_whitespace()
                    && !next.is_alphanumeric()
                {
                    push_quote(out, s, i);
                    open = None;
                }
            }
            _ => {}
        }
        prev = c;
    }
    if let Some(s) = open {
        push_quote(out, s, text.len());
    }
}

fn push_quote(out: &mut Vec<(usize, usize)>, start: usize, end: usize) {
    if end > start {
        out.push((start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str, style: QuoteStyle) -> Vec<&str> {
        let mut q = Vec::new();
        find_quotes(text, style, &mut q);
        q.iter().map(|&(s, e)| &text[s..e]).collect()
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
