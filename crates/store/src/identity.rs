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
}

impl Identity {
    /// The identity of a work.
    pub fn of(work: &Work) -> Identity {
        let identity_key = work
            .title
            .as_deref()
            .filter(|t| !normalize_key(t).is_empty())
            .map(|title| {
                let mut authors: Vec<String> =
                    work.authors.iter().map(|a| normalize_key(a)).collect();
                authors.sort();
                format!("{}|{}", normalize_key(title), authors.join("|"))
            });
        Identity {
            source_url: work.source.url.as_deref().and_then(normalize_url),
            source_uid: work.source.uid.clone().filter(|u| !u.trim().is_empty()),
            identity_key,
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
