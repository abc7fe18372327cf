/// Counts words the way AO3 does for English-like text: runs of letters, digits, apostrophes and
/// hyphens inside a word count as one word; punctuation and dashes between words do not.
pub fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        let wordish = c.is_alphanumeric() || (in_word && matches!(c, '\'' | '’' | '-'));
        if wordish && !in_word {
            words += 1;
        }
        in_word = wordish;
    }
    words
}

/// A key for recognising the same title or name written differently: lower case, letters and
/// digits only, single spaces ("The  Slayer's Gift!" and "the slayers gift" give the same key).
pub fn normalize_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() || matches!(c, '-' | '_' | '/' | '&') {
            pending_space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_ignore_punctuation_and_keep_contractions() {
        assert_eq!(count_words("Don't stop – it's well-known. 42 times!"), 6);
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("\"...\" -- ***"), 0);
    }

    #[test]
    fn keys_fold_case_space_and_punctuation() {
        assert_eq!(normalize_key("The  Slayer's Gift!"), "the slayers gift");
        assert_eq!(normalize_key("Buffy/Spike"), "buffy spike");
    }
}
