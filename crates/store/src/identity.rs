//! How the store recognises a work it already holds, and tells what changed: pure functions shared by
//! every backend.

use ficarchive_model::{Chapter, Work, normalize_key};
use sha2::{Digest, Sha256};

/// The keys a work is matched by, strongest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Identity {
    /// The URL of the work on its home archive.
    pub source_url: Option<String>,
    /// A stable id from the source (FanFicFare's uid, an EPUB identifier).
    pub source_uid: Option<String>,
    /// Normalised title and sorted authors; `None` for an untitled work.
    pub identity_key: Option<String>,
    /// Normalised sorted authors; `None` for a work without authors.
    pub authors_key: Option<String>,
    /// A signature of the opening of the story text ([`text_signature`]); `None` when too short.
    pub text_signature: Option<String>,
}

impl Identity {
    /// The identity of a work.
    pub fn of(work: &Work) -> Identity {
        let mut authors: Vec<String> = work.authors.iter().map(|a| normalize_key(a)).collect();
        authors.sort();
        let authors = authors.join("|");
        let identity_key = work
            .title
            .as_deref()
            .filter(|t| !normalize_key(t).is_empty())
            .map(|title| format!("{}|{}", normalize_key(title), authors));
        Identity {
            source_url: work.source.url.as_deref().and_then(normalize_url),
            source_uid: work.source.uid.clone().filter(|u| !u.trim().is_empty()),
            identity_key,
            authors_key: (!authors.replace('|', "").is_empty()).then_some(authors),
            text_signature: text_signature(work),
        }
    }
}

/// Query parameters that choose a view or a chapter, or track a click: never part of a work's identity.
const VIEW_PARAMETERS: [&str; 5] = [
    "view_adult",
    "view_full_work",
    "chapter",
    "chapterid",
    "show_comments",
];

/// The form of a work's URL that two downloads of the same work share: the scheme, `www.`/`m.` and
/// letter case of the host, a trailing slash, a fragment, view and tracking parameters, and the
/// chapter part of AO3 (`/works/1/chapters/2`) and FanFiction.net (`/s/1/2/title`) addresses are
/// dropped. `None` for an empty URL.
pub(crate) fn normalize_url(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let without_fragment = raw.split('#').next().unwrap_or(raw);
    let rest = without_fragment
        .split_once("://")
        .map_or(without_fragment, |(_, rest)| rest);
    let (address, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = address.split_once('/').unwrap_or((address, ""));
    let mut host = host.to_ascii_lowercase();
    for prefix in ["www.", "m."] {
        if let Some(h) = host.strip_prefix(prefix) {
            host = h.to_string();
        }
    }
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let keep = match segments.as_slice() {
        // AO3: /works/ID/chapters/N
        ["works", _, "chapters", ..] => 2,
        // FanFiction.net and FictionPress: /s/ID/CHAPTER/slug
        ["s", _, ..] if host.contains("fanfiction.net") || host.contains("fictionpress.com") => 2,
        other => other.len(),
    };
    let segments = &segments[..keep];
    let mut params: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let name = p.split('=').next().unwrap_or("").to_ascii_lowercase();
            !VIEW_PARAMETERS.contains(&name.as_str()) && !name.starts_with("utm_")
        })
        .collect();
    params.sort_unstable();
    let mut key = host;
    for segment in segments {
        key.push('/');
        key.push_str(segment);
    }
    if !params.is_empty() {
        key.push('?');
        key.push_str(&params.join("&"));
    }
    Some(key)
}

/// Words of story text the signature is taken from: the opening survives new chapters being added.
const SIGNATURE_WORDS: usize = 2_000;
/// Words per shingle.
const SHINGLE_WORDS: usize = 5;
/// Hashes kept in a signature (the smallest ones: a bottom-k MinHash sketch).
const SIGNATURE_SIZE: usize = 64;
/// Estimated Jaccard similarity from which two works by the same authors are the same work.
pub(crate) const SAME_TEXT_SIMILARITY: f64 = 0.6;

/// FNV-1a: a stable hash, so signatures stored by one build compare with another's.
fn fnv1a(words: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for b in w.bytes().chain(std::iter::once(b' ')) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// A bottom-k MinHash signature of the five-word shingles of the first 2,000 words of the story text
/// (lower-cased letters and digits), as comma-separated hex; `None` when the text is too short to tell
/// one work from another.
pub(crate) fn text_signature(work: &Work) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    'text: for p in work.chapters.iter().flat_map(|c| c.paragraphs()) {
        for w in p.text.split_whitespace() {
            let w = normalize_key(w);
            if !w.is_empty() {
                words.push(w);
                if words.len() >= SIGNATURE_WORDS {
                    break 'text;
                }
            }
        }
    }
    if words.len() < SHINGLE_WORDS * 4 {
        return None;
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut hashes: Vec<u64> = words.windows(SHINGLE_WORDS).map(fnv1a).collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes.truncate(SIGNATURE_SIZE);
    Some(
        hashes
            .iter()
            .map(|h| format!("{h:x}"))
            .collect::<Vec<_>>()
            .join(","),
    )
}

/// The Jaccard similarity of two texts estimated from their signatures (0 when unreadable).
pub(crate) fn signature_similarity(a: &str, b: &str) -> f64 {
    let parse = |s: &str| -> Vec<u64> {
        let mut v: Vec<u64> = s
            .split(',')
            .filter_map(|h| u64::from_str_radix(h, 16).ok())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (a, b) = (parse(a), parse(b));
    let k = a.len().min(b.len());
    if k == 0 {
        return 0.0;
    }
    // The k smallest hashes of the union, and how many of them both texts have.
    let mut union: Vec<u64> = a.iter().chain(&b).copied().collect();
    union.sort_unstable();
    union.dedup();
    union.truncate(k);
    let shared = union
        .iter()
        .filter(|h| a.binary_search(h).is_ok() && b.binary_search(h).is_ok())
        .count();
    shared as f64 / k as f64
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A hash of everything a reader would see change: the work without the name of the file it came from.
pub(crate) fn content_hash(work: &Work) -> String {
    let mut normalised = work.clone();
    normalised.source.file_name = None;
    sha256_hex(normalised.to_json().as_bytes())
}

/// A hash of a chapter's text and notes, blind to where it sits in a file (spans move when an earlier
/// chapter grows, which is no edit of this one).
pub(crate) fn chapter_hash(chapter: &Chapter) -> String {
    let mut hasher = Sha256::new();
    let mut feed = |part: &str| {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    };
    feed(chapter.title.as_deref().unwrap_or(""));
    feed(chapter.summary.as_deref().unwrap_or(""));
    for note in chapter.notes_before.iter().chain(&chapter.notes_after) {
        feed(&note.text);
    }
    for scene in &chapter.scenes {
        feed(scene.marker.as_deref().unwrap_or("|"));
        for p in &scene.paragraphs {
            feed(&p.text);
            feed(p.html.as_deref().unwrap_or(""));
        }
    }
    hex::encode(hasher.finalize())
}

/// Chapter numbers that are new, and those whose hash changed, going from `old` to `new`.
pub(crate) fn diff_chapters(old: &[(u32, String)], new: &[(u32, String)]) -> (Vec<u32>, Vec<u32>) {
    let mut added = Vec::new();
    let mut edited = Vec::new();
    for (number, hash) in new {
        match old.iter().find(|(n, _)| n == number) {
            None => added.push(*number),
            Some((_, old_hash)) if old_hash != hash => edited.push(*number),
            Some(_) => {}
        }
    }
    (added, edited)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ficarchive_model::Paragraph;

    fn work(title: Option<&str>, authors: &[&str]) -> Work {
        Work {
            title: title.map(str::to_string),
            authors: authors.iter().map(|a| a.to_string()).collect(),
            ..Work::default()
        }
    }

    #[test]
    fn identity_ignores_case_punctuation_and_author_order() {
        let a = Identity::of(&work(Some("The Gift!"), &["Bob", "Alice"]));
        let b = Identity::of(&work(Some("the gift"), &["alice", "BOB"]));
        assert_eq!(a.identity_key, b.identity_key);
        assert_eq!(Identity::of(&work(None, &["Bob"])).identity_key, None);
        assert_eq!(
            Identity::of(&work(Some("..."), &["Bob"])).identity_key,
            None
        );
    }

    fn story(text: &str) -> Work {
        Work {
            chapters: vec![Chapter::from_paragraphs(
                1,
                None,
                vec![Paragraph::plain(text)],
            )],
            ..Work::default()
        }
    }

    #[test]
    fn signatures_tell_the_same_text_from_another() {
        let opening = "The rain had not stopped for three days, and Willow was beginning to think \
            it never would. She sat by the window of the magic shop with a book she was not reading, \
            watching the street go grey and then black, while Giles muttered over his tea.";
        let other = "Dawn found the letter in the attic, under a box of her mother's old records. \
            It was addressed to someone she had never heard of, and the stamp was older than she was, \
            older than the house, maybe older than the town itself.";
        let a = text_signature(&story(opening)).expect("long enough");
        let edited = opening.replace("three days", "four days");
        let b = text_signature(&story(&edited)).expect("long enough");
        let c = text_signature(&story(other)).expect("long enough");
        assert!(
            signature_similarity(&a, &b) >= SAME_TEXT_SIMILARITY,
            "{}",
            signature_similarity(&a, &b)
        );
        assert!(signature_similarity(&a, &c) < 0.1);
        assert_eq!(signature_similarity(&a, &a), 1.0);
        assert_eq!(signature_similarity(&a, "not hex"), 0.0);
        assert_eq!(text_signature(&story("Too short to tell.")), None);
    }

    #[test]
    fn urls_of_one_work_share_a_key() {
        let key = normalize_url("https://archiveofourown.org/works/123");
        for same in [
            "http://archiveofourown.org/works/123/",
            "https://www.archiveofourown.org/works/123/chapters/456#workskin",
            "https://ARCHIVEofourown.org/works/123?view_adult=true&view_full_work=true",
        ] {
            assert_eq!(normalize_url(same), key, "{same}");
        }
        assert_ne!(normalize_url("https://archiveofourown.org/works/1234"), key);
        assert_eq!(
            normalize_url("https://m.fanfiction.net/s/42/3/Some-Title"),
            normalize_url("https://www.fanfiction.net/s/42/1/")
        );
        assert_eq!(
            normalize_url("http://example.org/viewstory.php?sid=7&chapter=2&utm_source=x"),
            normalize_url("https://example.org/viewstory.php?sid=7")
        );
        assert_ne!(
            normalize_url("https://example.org/viewstory.php?sid=7"),
            normalize_url("https://example.org/viewstory.php?sid=8")
        );
        assert_eq!(normalize_url("  "), None);
    }

    #[test]
    fn content_hash_ignores_the_file_name_only() {
        let mut a = work(Some("T"), &["A"]);
        let h = content_hash(&a);
        a.source.file_name = Some("x.txt".into());
        assert_eq!(content_hash(&a), h);
        a.summary = Some("new".into());
        assert_ne!(content_hash(&a), h);
    }

    #[test]
    fn chapter_hash_ignores_spans_and_diff_finds_new_and_edited() {
        let mut p = Paragraph::plain("Hello.");
        let c1 = Chapter::from_paragraphs(1, None, vec![p.clone()]);
        p.span = Some(ficarchive_model::Span::new(100, 106));
        let c1_moved = Chapter::from_paragraphs(1, None, vec![p]);
        assert_eq!(chapter_hash(&c1), chapter_hash(&c1_moved));
        let old = vec![(1, "a".to_string()), (2, "b".to_string())];
        let new = vec![
            (1, "a".to_string()),
            (2, "c".to_string()),
            (3, "d".to_string()),
        ];
        assert_eq!(diff_chapters(&old, &new), (vec![3], vec![2]));
    }
}
