//! The analyzer of the tag-name text field: `en_stem`'s tokens, remembered per tag name.
//!
//! Every work carries some thirty tag names and the popular ones come back on most works, so a
//! rebuild would otherwise split, lower-case and stem the same few thousand strings millions of
//! times. The tokens are exactly the inner analyzer's, so the index is the same as without it.

use std::collections::HashMap;

use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

/// Distinct names remembered by one analyzer (each indexing thread has its own copy); beyond it
/// the memo starts over, so a long tail of one-off names cannot grow it without bound.
const MEMO_CAPACITY: usize = 100_000;

/// Wraps an analyzer and remembers the tokens of every text it has seen.
#[derive(Clone)]
pub(crate) struct MemoTokenizer {
    inner: TextAnalyzer,
    memo: HashMap<String, Vec<Token>>,
    current: Token,
}

impl MemoTokenizer {
    /// Remembers what `inner` makes of each text.
    pub(crate) fn new(inner: TextAnalyzer) -> MemoTokenizer {
        MemoTokenizer {
            inner,
            memo: HashMap::new(),
            current: Token::default(),
        }
    }
}

/// The remembered tokens of one text, handed out one at a time through a reused token.
pub(crate) struct MemoTokenStream<'a> {
    tokens: &'a [Token],
    next: usize,
    current: &'a mut Token,
}

impl Tokenizer for MemoTokenizer {
    type TokenStream<'a> = MemoTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> MemoTokenStream<'a> {
        if !self.memo.contains_key(text) {
            if self.memo.len() >= MEMO_CAPACITY {
                self.memo.clear();
            }
            let mut tokens = Vec::new();
            self.inner
                .token_stream(text)
                .process(&mut |t: &Token| tokens.push(t.clone()));
            self.memo.insert(text.to_string(), tokens);
        }
        MemoTokenStream {
            tokens: self.memo.get(text).map_or(&[], Vec::as_slice),
            next: 0,
            current: &mut self.current,
        }
    }
}

impl TokenStream for MemoTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(t) = self.tokens.get(self.next) else {
            return false;
        };
        self.next += 1;
        // Copied into a token the stream owns, so a consumer changing it cannot change the memo.
        self.current.text.clear();
        self.current.text.push_str(&t.text);
        self.current.offset_from = t.offset_from;
        self.current.offset_to = t.offset_to;
        self.current.position = t.position;
        self.current.position_length = t.position_length;
        true
    }

    fn token(&self) -> &Token {
        self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TokenizerManager;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        analyzer
            .token_stream(text)
            .process(&mut |t: &Token| out.push(t.clone()));
        out
    }

    #[test]
    fn remembered_tokens_are_the_inner_analyzers() {
        let mut en_stem = TokenizerManager::default()
            .get("en_stem")
            .expect("tantivy registers en_stem");
        let mut memo = TextAnalyzer::from(MemoTokenizer::new(en_stem.clone()));
        let texts = [
            "Alternate Universe - Vampires",
            "Spike/Buffy Summers",
            "",
            "Hurt/Comfort & Running Jokes",
            "Alternate Universe - Vampires",
        ];
        // Twice over, so the second round comes from the memo.
        for _ in 0..2 {
            for text in texts {
                assert_eq!(
                    tokens(&mut memo, text),
                    tokens(&mut en_stem, text),
                    "{text}"
                );
            }
        }
        let words: Vec<String> = tokens(&mut memo, "Alternate Universe - Vampires")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(words, ["altern", "univers", "vampir"]);
    }
}
