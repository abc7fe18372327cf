//! Small formatting helpers shared by the pages.

/// "180,000": a number with thousands separators, as AO3 shows counts.
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Paragraphs of a note or summary: split at blank lines, single line breaks kept as spaces.
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// "1 word" / "2 words": a count with its noun in the right number.
pub(crate) fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", thousands(n))
    }
}

/// A URL path segment: percent-encodes everything but unreserved characters, so tag and author
/// names with `/`, `?`, `#` or spaces link safely.
pub(crate) fn path_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(180_000), "180,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(paragraphs("a\nb\n\n\nc  d\n\n"), vec!["a b", "c d"]);
        assert!(paragraphs("  \n\n ").is_empty());
    }

    #[test]
    fn segments_escape_slashes_and_unicode() {
        assert_eq!(path_segment("Buffy/Spike"), "Buffy%2FSpike");
        assert_eq!(path_segment("a b?#"), "a%20b%3F%23");
        assert_eq!(path_segment("é"), "%C3%A9");
        assert_eq!(plural(1, "word", "words"), "1 word");
        assert_eq!(plural(1200, "word", "words"), "1,200 words");
    }
}
