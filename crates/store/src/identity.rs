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
        let identity_key = work.title.as_deref().filter(|t| !normalize_key(t).is_empty()).map(|title| {
            let mut authors: Vec<String> = work.authors.iter().map(|a| normalize_key(a)).collect();
            authors.sort();
            format!("{}|{}", normalize_key(title), authors.join("|"))
        });
        Identity {
            source_url: work.source.url.clone().filter(|u| !u.trim().is_empty()),
            source_uid: work.source.uid.clone().filter(|u| !u.trim().is_empty()),
            identity_key,
        }
    }
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
        assert_eq!(Identity::of(&work(Some("..."), &["Bob"])).identity_key, None);
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
        let new = vec![(1, "a".to_string()), (2, "c".to_string()), (3, "d".to_string())];
        assert_eq!(diff_chapters(&old, &new), (vec![3], vec![2]));
    }
}
