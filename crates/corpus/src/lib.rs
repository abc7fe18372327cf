//! Realistic synthetic plain-text fan fiction for benchmarks and round-trip tests.
//!
//! Every fic is a pure function of `(seed, index)`: the same pair always gives the same bytes, so a
//! benchmark or a failing test can be reproduced from two numbers. Fics vary the way real files
//! do: header styles ("Title by Author", a "Title:/Author:" block, a Markdown heading, nothing),
//! 1 to 30 chapters with several heading styles, author's notes of every kind, scene breaks, end
//! markers, and layouts (blank lines, one paragraph per line, indented, hard-wrapped), with some
//! files in CRLF, Windows-1252 or with a UTF-8 byte-order mark. Lengths follow a long-tailed
//! (log-normal) distribution like an archive's.
//!
//! Each fic comes with [`Expected`]: what a correct reader should find in it.

use std::io;
use std::path::{Path, PathBuf};

use ficarchive_model::Status;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

mod generate;
mod vocab;

pub use generate::{HeaderStyle, HeadingStyle, Layout};

/// One generated fic: its file name, its bytes and what a reader should find in it.
#[derive(Debug, Clone)]
pub struct GeneratedFic {
    /// A file name such as `00042_the-long-night.txt`.
    pub file_name: String,
    /// The file's bytes in its encoding.
    pub bytes: Vec<u8>,
    /// The structure the generator put in.
    pub expected: Expected,
}

/// The structure of a generated fic, as a correct reader should recover it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// The title, when the header gives one.
    pub title: Option<String>,
    /// Authors as written.
    pub authors: Vec<String>,
    /// The summary, when the header gives one.
    pub summary: Option<String>,
    /// The fandom named in a "Fandom:" field, if any.
    pub fandom: Option<String>,
    /// Relationships declared as written: "Pairing:" values, then slash pairs in summary and notes.
    pub relationships: Vec<String>,
    /// The rating as written in a "Rating:" field, if any.
    pub rating: Option<String>,
    /// Complete, in progress or unknown, from end markers and the number of chapters.
    pub status: Status,
    /// The chapter range when the file says it holds only part of a longer work.
    pub excerpt_of_chapters: Option<(u32, u32)>,
    /// Whether there are work-level notes (a disclaimer, a note before the story).
    pub work_notes: bool,
    /// The chapters in order.
    pub chapters: Vec<ExpectedChapter>,
    /// Every note's text (one entry per note paragraph): none of it may appear as story text.
    pub note_texts: Vec<String>,
    /// Story words (notes and headings excluded), counted as whitespace-separated tokens.
    pub words: usize,
    /// The file's encoding: "UTF-8" or "windows-1252".
    pub encoding: &'static str,
    /// Whether the file starts with a UTF-8 byte-order mark.
    pub bom: bool,
    /// Whether lines end in CRLF.
    pub crlf: bool,
    /// How paragraphs are laid out.
    pub layout: Layout,
    /// How the header is written.
    pub header: HeaderStyle,
    /// How chapter headings are written (for multi-chapter fics).
    pub heading: HeadingStyle,
}

/// One chapter of a generated fic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedChapter {
    /// Its number in the whole work (positional when a prologue or epilogue is present).
    pub number: u32,
    /// Its title without the "Chapter N:" label.
    pub title: Option<String>,
    /// The number of story paragraphs in each scene, in order.
    pub scene_paragraphs: Vec<usize>,
    /// The marker before each scene after the first, as written (trimmed).
    pub scene_markers: Vec<String>,
    /// Whether author's notes come before the story text.
    pub notes_before: bool,
    /// Whether author's notes come after the story text.
    pub notes_after: bool,
}

/// A deterministic corpus of plain-text fics: fic `i` depends only on the seed and `i`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextCorpus {
    seed: u64,
}

impl TextCorpus {
    /// A corpus drawn from `seed`.
    pub fn new(seed: u64) -> Self {
        TextCorpus { seed }
    }

    /// Fic number `index`, with the structure a reader should find in it.
    pub fn fic(&self, index: usize) -> GeneratedFic {
        let mut rng = rng_for(self.seed, index);
        generate::fic(&mut rng, index)
    }

    /// The first `n` fics, generated lazily.
    pub fn iter(&self, n: usize) -> impl Iterator<Item = GeneratedFic> + '_ {
        (0..n).map(move |i| self.fic(i))
    }
}

/// The file name and bytes of fic `index` of the corpus drawn from `seed`.
pub fn generate_text_fic(seed: u64, index: usize) -> (String, Vec<u8>) {
    let fic = TextCorpus::new(seed).fic(index);
    (fic.file_name, fic.bytes)
}

/// Writes the first `n` fics of the corpus drawn from `seed` into `dir` (created if missing) and
/// returns their paths.
pub fn write_text_corpus(dir: &Path, n: usize, seed: u64) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let corpus = TextCorpus::new(seed);
    let mut paths = Vec::with_capacity(n);
    for fic in corpus.iter(n) {
        let path = dir.join(&fic.file_name);
        std::fs::write(&path, &fic.bytes)
            .map_err(|e| io::Error::new(e.kind(), format!("writing {}: {e}", path.display())))?;
        paths.push(path);
    }
    Ok(paths)
}

/// A generator per fic, so that fic `i` does not depend on how many fics came before it.
fn rng_for(seed: u64, index: usize) -> ChaCha8Rng {
    let mut seeder = ChaCha8Rng::seed_from_u64(seed);
    let base: u64 = seeder.random();
    ChaCha8Rng::seed_from_u64(base ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_from_seed_and_index() {
        let a = TextCorpus::new(7);
        let b = TextCorpus::new(7);
        for i in [0, 1, 17, 999] {
            assert_eq!(a.fic(i).bytes, b.fic(i).bytes);
            assert_eq!(a.fic(i).file_name, b.fic(i).file_name);
        }
        assert_ne!(a.fic(3).bytes, TextCorpus::new(8).fic(3).bytes);
        assert_ne!(a.fic(3).bytes, a.fic(4).bytes);
    }

    #[test]
    fn corpus_is_varied() {
        let corpus = TextCorpus::new(42);
        let fics: Vec<GeneratedFic> = corpus.iter(600).collect();
        let count = |f: &dyn Fn(&GeneratedFic) -> bool| fics.iter().filter(|x| f(x)).count();
        assert!(count(&|f| f.expected.chapters.len() == 1) > 100);
        assert!(count(&|f| f.expected.chapters.len() >= 10) > 10);
        assert!(count(&|f| f.expected.crlf) > 30);
        assert!(count(&|f| f.expected.encoding == "windows-1252") > 30);
        assert!(count(&|f| f.expected.bom) > 20);
        assert!(count(&|f| f.expected.excerpt_of_chapters.is_some()) > 5);
        assert!(
            count(&|f| matches!(f.expected.layout, Layout::Wrapped | Layout::WrappedIndented)) > 30
        );
        assert!(count(&|f| f.expected.layout == Layout::OnePerLine) > 30);
        assert!(count(&|f| f.expected.status == Status::InProgress) > 20);
        assert!(count(&|f| f.expected.title.is_none()) > 20);
        assert!(count(&|f| !f.expected.note_texts.is_empty()) > 100);
        for header in [
            HeaderStyle::TitleByAuthor,
            HeaderStyle::FieldBlock,
            HeaderStyle::TitleThenBy,
            HeaderStyle::Markdown,
            HeaderStyle::Bare,
        ] {
            assert!(count(&|f| f.expected.header == header) > 20, "{header:?}");
        }
        // A long tail: the largest fic is many times the median.
        let mut words: Vec<usize> = fics.iter().map(|f| f.expected.words).collect();
        words.sort_unstable();
        let median = words[words.len() / 2];
        let max = words[words.len() - 1];
        assert!(max > median * 8, "median {median}, max {max}");
        assert!((1_500..6_000).contains(&median), "median {median}");
    }

    #[test]
    fn encodings_are_what_they_claim() {
        for fic in TextCorpus::new(3).iter(200) {
            let e = &fic.expected;
            let body = if e.bom {
                assert!(fic.bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
                &fic.bytes[3..]
            } else {
                &fic.bytes[..]
            };
            match e.encoding {
                "UTF-8" => assert!(std::str::from_utf8(body).is_ok()),
                _ => assert!(std::str::from_utf8(body).is_err() || body.is_ascii()),
            }
            let has_crlf = fic.bytes.windows(2).any(|w| w == b"\r\n");
            assert_eq!(has_crlf, e.crlf, "{}", fic.file_name);
        }
    }

    #[test]
    fn writes_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let paths = write_text_corpus(dir.path(), 5, 1).expect("writes");
        assert_eq!(paths.len(), 5);
        for (i, p) in paths.iter().enumerate() {
            let bytes = std::fs::read(p).expect("reads back");
            assert_eq!(bytes, generate_text_fic(1, i).1);
        }
    }
}
