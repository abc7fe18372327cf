//! What the index holds for one work: [`IndexDoc`], built from a [`Work`], the archive's counts,
//! the analysis fields and the taxonomy.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;
use ficarchive_model::{Rating, Stats, Status, TagKind, Taxonomy, Work, tag_key};
use serde::{Deserialize, Serialize};

/// Reader counts to index: the archive's own when it has them, else the source's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkCounts {
    /// Kudos.
    pub kudos: u64,
    /// Hits.
    pub hits: u64,
    /// Comments.
    pub comments: u64,
    /// Bookmarks.
    pub bookmarks: u64,
}

impl WorkCounts {
    /// The counts a source reported (AO3's stats line), missing ones as zero.
    pub fn from_stats(stats: &Stats) -> WorkCounts {
        WorkCounts {
            kudos: stats.kudos.unwrap_or(0),
            hits: stats.hits.unwrap_or(0),
            comments: stats.comments.unwrap_or(0),
            bookmarks: stats.bookmarks.unwrap_or(0),
        }
    }
}

/// What the narrative analysis found, as plain lists of names, so that the index does not
/// depend on the analysis crate's shapes. The CLI fills it from the stored analysis JSON.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AnalysisFields {
    /// Characters who appear (named in narration or dialogue).
    pub characters_appearing: Vec<String>,
    /// Characters who speak at least one line.
    pub characters_speaking: Vec<String>,
    /// Narrative persons of the point of view: "first", "second", "third".
    pub pov_persons: Vec<String>,
    /// Point-of-view characters.
    pub pov_characters: Vec<String>,
    /// Relationships the analysis inferred, written "A/B" (romantic) or "A & B" (platonic).
    pub relationships: Vec<String>,
}

/// The score from which an inferred relationship is indexed: weaker pairings are noise in a filter.
pub const MIN_RELATIONSHIP_SCORE: f64 = 0.5;

impl AnalysisFields {
    /// The fields read from the `analysis` object of the JSON contract (what `ficarchive analyze`
    /// prints and the store keeps): characters who are mentioned or quoted, characters who speak,
    /// the persons and characters of the scenes' points of view, and relationships scoring at
    /// least [`MIN_RELATIONSHIP_SCORE`]. Missing or malformed parts are left empty.
    pub fn from_analysis_json(analysis: &serde_json::Value) -> AnalysisFields {
        fn push_unique(list: &mut Vec<String>, name: &str) {
            let name = name.trim();
            if !name.is_empty() && !list.iter().any(|n| n == name) {
                list.push(name.to_string());
            }
        }
        let items = |key: &str| {
            analysis
                .get(key)
                .and_then(serde_json::Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default()
        };
        let count = |v: &serde_json::Value, key: &str| {
            v.get(key).and_then(serde_json::Value::as_u64).unwrap_or(0)
        };
        let mut fields = AnalysisFields::default();
        for c in items("characters") {
            let Some(name) = c.get("name").and_then(serde_json::Value::as_str) else {
                continue;
            };
            // a one-off voice ("said another") is no one a reader filters by
            if c.get("voice").and_then(serde_json::Value::as_bool) == Some(true) {
                continue;
            }
            if count(c, "mentions") > 0 || count(c, "quotes") > 0 {
                push_unique(&mut fields.characters_appearing, name);
            }
            if count(c, "quotes") > 0 {
                push_unique(&mut fields.characters_speaking, name);
            }
        }
        for s in items("scenes") {
            if let Some(person) = s.get("person").and_then(serde_json::Value::as_str) {
                push_unique(&mut fields.pov_persons, person);
            }
            if let Some(pov) = s.get("pov").and_then(serde_json::Value::as_str) {
                push_unique(&mut fields.pov_characters, pov);
            }
        }
        for r in items("relationships") {
            let score = r
                .get("score")
                .and_then(serde_json::Value::as_f64)
                .unwrap_or(0.0);
            let names: Vec<&str> = r
                .get("characters")
                .and_then(serde_json::Value::as_array)
                .map(|a| a.iter().filter_map(serde_json::Value::as_str).collect())
                .unwrap_or_default();
            if score >= MIN_RELATIONSHIP_SCORE && names.len() == 2 {
                push_unique(
                    &mut fields.relationships,
                    &format!("{}/{}", names[0], names[1]),
                );
            }
        }
        fields
    }
}

/// One work as the index sees it. Fields are public so callers with metadata only (benchmarks,
/// a store listing) can fill it directly; [`IndexDoc::from_work`] is the usual way.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IndexDoc {
    /// The store's id.
    pub id: u64,
    /// Title.
    pub title: String,
    /// Authors.
    pub authors: Vec<String>,
    /// Summary.
    pub summary: String,
    /// Work and chapter notes, end notes, chapter summaries and titles.
    pub notes: String,
    /// The story text.
    pub body: String,
    /// Series names.
    pub series: Vec<String>,
    /// Tags as written, by kind (the rating is indexed from `rating`).
    pub tags: Vec<(TagKind, String)>,
    /// Rating.
    pub rating: Option<Rating>,
    /// Language as written.
    pub language: Option<String>,
    /// Completion.
    pub status: Status,
    /// Words of story text.
    pub words: u64,
    /// Chapters posted.
    pub chapters: u64,
    /// Reader counts.
    pub counts: WorkCounts,
    /// Date first posted.
    pub published: Option<NaiveDate>,
    /// Date last updated (falls back to `published`).
    pub updated: Option<NaiveDate>,
    /// Analysis fields, when the work was analysed.
    pub analysis: AnalysisFields,
    /// Canonical tag names by kind (rating included), each once: the facet values. Filled by
    /// [`IndexDoc::canonicalize`].
    pub canonical: Vec<(TagKind, String)>,
    /// Keys tag filters match: every tag as written, its canonical and the canonical's
    /// ancestors (AO3's "filter taggings"). Filled by [`IndexDoc::canonicalize`].
    pub filter_keys: Vec<String>,
    /// Distinct canonical fandoms; more than one makes a crossover.
    pub fandom_count: u64,
}

impl IndexDoc {
    /// Builds the document for a stored work.
    pub fn from_work(
        id: u64,
        work: &Work,
        counts: WorkCounts,
        analysis: Option<AnalysisFields>,
        taxonomy: &Taxonomy,
    ) -> IndexDoc {
        let mut notes = String::new();
        let mut push = |s: &str| {
            if !s.is_empty() {
                if !notes.is_empty() {
                    notes.push_str("\n\n");
                }
                notes.push_str(s);
            }
        };
        for n in work.notes.iter().chain(&work.end_notes) {
            push(&n.text);
        }
        for ch in &work.chapters {
            push(ch.title.as_deref().unwrap_or(""));
            push(ch.summary.as_deref().unwrap_or(""));
            for n in ch.notes_before.iter().chain(&ch.notes_after) {
                push(&n.text);
            }
        }
        let mut body = String::new();
        for p in work.chapters.iter().flat_map(|c| c.paragraphs()) {
            body.push_str(&p.text);
            body.push('\n');
        }
        let tags = TagKind::ALL
            .into_iter()
            .filter(|k| *k != TagKind::Rating)
            .flat_map(|k| {
                work.tags
                    .of_kind(k)
                    .into_iter()
                    .map(move |t| (k, t.to_string()))
            })
            .collect();
        let mut doc = IndexDoc {
            id,
            title: work.title.clone().unwrap_or_default(),
            authors: work.authors.clone(),
            summary: work.summary.clone().unwrap_or_default(),
            notes,
            body,
            series: work.series.iter().map(|s| s.name.clone()).collect(),
            tags,
            rating: work.tags.rating,
            language: work.language.clone(),
            status: work.status,
            words: work.words() as u64,
            chapters: work.chapters.len() as u64,
            counts,
            published: work.dates.published,
            updated: work.dates.updated.or(work.dates.published),
            analysis: analysis.unwrap_or_default(),
            ..IndexDoc::default()
        };
        doc.canonicalize(taxonomy);
        doc
    }

    /// Resolves tags through the taxonomy: fills `canonical`, `filter_keys` and `fandom_count`,
    /// and adds canonical names to the analysis lists. Call it again after the taxonomy changes.
    pub fn canonicalize(&mut self, taxonomy: &Taxonomy) {
        let resolved: Vec<Arc<Resolved>> = self
            .tags
            .iter()
            .map(|(_, tag)| Arc::new(Resolved::new(taxonomy, tag.trim(), None)))
            .collect();
        self.apply(taxonomy, &resolved);
    }

    /// [`IndexDoc::canonicalize`] through a [`TagResolver`] that remembers what each tag string
    /// resolved to: for a rebuild, where the same popular tags come back on most works.
    pub fn canonicalize_with(&mut self, resolver: &mut TagResolver<'_>) {
        if resolver.cache.len() + self.tags.len() > RESOLVER_CAPACITY {
            resolver.cache.clear();
        }
        let resolved: Vec<Arc<Resolved>> = self
            .tags
            .iter()
            .map(|(_, tag)| resolver.resolve(tag.trim()))
            .collect();
        self.apply(resolver.taxonomy, &resolved);
    }

    /// Fills the derived fields from the resolutions of `self.tags` (in the same order).
    fn apply(&mut self, taxonomy: &Taxonomy, resolved: &[Arc<Resolved>]) {
        let mut canonical: Vec<(TagKind, &str)> = Vec::with_capacity(self.tags.len() + 1);
        let mut keys: Vec<&str> = Vec::with_capacity(self.tags.len() * 2);
        let mut fandom_keys: Vec<&str> = Vec::new();
        for ((kind, _), r) in self.tags.iter().zip(resolved) {
            keys.extend(r.keys.iter().map(String::as_str));
            if !r.canonical.is_empty() {
                canonical.push((*kind, &r.canonical));
                if *kind == TagKind::Fandom {
                    fandom_keys.push(&r.canonical_key);
                }
            }
        }
        if let Some(r) = self.rating {
            canonical.push((TagKind::Rating, r.label()));
        }
        canonical.sort_unstable();
        canonical.dedup();
        keys.sort_unstable();
        keys.dedup();
        keys.retain(|k| !k.is_empty());
        fandom_keys.sort_unstable();
        fandom_keys.dedup();
        self.fandom_count = fandom_keys.len() as u64;
        self.canonical = canonical
            .into_iter()
            .map(|(k, t)| (k, t.to_string()))
            .collect();
        self.filter_keys = keys.into_iter().map(str::to_string).collect();
        let a = &mut self.analysis;
        for list in [
            &mut a.characters_appearing,
            &mut a.characters_speaking,
            &mut a.pov_characters,
            &mut a.relationships,
        ] {
            let extra: Vec<String> = list
                .iter()
                .map(|n| taxonomy.canonical(n))
                .filter(|c| !list.iter().any(|n| n == c))
                .map(str::to_string)
                .collect();
            list.extend(extra);
        }
    }
}

/// What one tag string resolves to.
struct Resolved {
    /// The canonical name (the tag itself when the taxonomy does not know it).
    canonical: String,
    /// [`tag_key`] of the canonical.
    canonical_key: String,
    /// Filter keys: the tag's own key, its canonical's and its ancestors'.
    keys: Vec<String>,
}

impl Resolved {
    /// Resolves a trimmed tag. `known` (the keys of every taxonomy name), when given, answers
    /// for a tag the taxonomy does not know without asking it.
    fn new(taxonomy: &Taxonomy, tag: &str, known: Option<&HashSet<String>>) -> Resolved {
        let key = tag_key(tag);
        if known.is_some_and(|known| !known.contains(&key)) {
            // An unknown tag is its own canonical and has no ancestors.
            return Resolved {
                canonical: tag.to_string(),
                canonical_key: key.clone(),
                keys: vec![key],
            };
        }
        let c = taxonomy.canonical(tag);
        let canonical_key = tag_key(c);
        let mut keys = vec![key, canonical_key.clone()];
        keys.extend(taxonomy.ancestors(c).into_iter().map(tag_key));
        keys.sort_unstable();
        keys.dedup();
        Resolved {
            canonical: c.to_string(),
            canonical_key,
            keys,
        }
    }
}

/// Resolves tag strings through a taxonomy and remembers the answers, so that a rebuild pays for
/// each distinct tag once rather than once per work carrying it (tags are Zipf-distributed: the
/// popular ones are on most works). Build one per taxonomy version: it never sees later edits.
pub struct TagResolver<'t> {
    taxonomy: &'t Taxonomy,
    /// [`tag_key`] of every name the taxonomy knows.
    known: HashSet<String>,
    cache: HashMap<String, Arc<Resolved>>,
}

/// Distinct tag strings a [`TagResolver`] keeps; beyond it the cache starts over, so the
/// long tail of one-off tags cannot grow it without bound.
const RESOLVER_CAPACITY: usize = 500_000;

impl<'t> TagResolver<'t> {
    /// A resolver over `taxonomy` with nothing remembered yet (it reads every taxonomy name once).
    pub fn new(taxonomy: &'t Taxonomy) -> TagResolver<'t> {
        TagResolver {
            taxonomy,
            known: taxonomy
                .entries()
                .iter()
                .map(|e| tag_key(&e.name))
                .collect(),
            cache: HashMap::new(),
        }
    }

    /// The resolution of a trimmed tag, from the cache or computed and remembered.
    fn resolve(&mut self, tag: &str) -> Arc<Resolved> {
        if let Some(r) = self.cache.get(tag) {
            return Arc::clone(r);
        }
        let r = Arc::new(Resolved::new(self.taxonomy, tag, Some(&self.known)));
        self.cache.insert(tag.to_string(), Arc::clone(&r));
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analysis_fields_come_from_the_analysis_json() {
        let json = serde_json::json!({
            "characters": [
                {"name": "Buffy Summers", "aliases": ["Buffy"], "mentions": 40, "quotes": 12},
                {"name": "Spike", "aliases": [], "mentions": 30, "quotes": 0},
                {"name": "Ghost", "aliases": [], "mentions": 0, "quotes": 0},
                {"name": "another", "aliases": [], "mentions": 0, "quotes": 2, "voice": true},
                {"aliases": [], "mentions": 3}
            ],
            "scenes": [
                {"chapter": 1, "person": "third", "pov": "Buffy Summers"},
                {"chapter": 1, "person": "first", "pov": "Spike"},
                {"chapter": 2, "person": "third", "pov": null}
            ],
            "relationships": [
                {"characters": ["Buffy Summers", "Spike"], "score": 0.9},
                {"characters": ["Buffy Summers", "Ghost"], "score": 0.1}
            ],
            "quotes": []
        });
        let f = AnalysisFields::from_analysis_json(&json);
        assert_eq!(f.characters_appearing, ["Buffy Summers", "Spike"]);
        assert_eq!(f.characters_speaking, ["Buffy Summers"]);
        assert_eq!(f.pov_persons, ["third", "first"]);
        assert_eq!(f.pov_characters, ["Buffy Summers", "Spike"]);
        assert_eq!(f.relationships, ["Buffy Summers/Spike"]);
        assert_eq!(
            AnalysisFields::from_analysis_json(&serde_json::json!("not an object")),
            AnalysisFields::default()
        );
    }

    #[test]
    fn a_resolver_gives_what_canonicalize_gives() {
        let mut tax = Taxonomy::new();
        tax.make_canonical(TagKind::Fandom, "Buffy the Vampire Slayer (TV)")
            .expect("taxonomy edit");
        tax.merge_synonym("BtVS", "Buffy the Vampire Slayer (TV)")
            .expect("taxonomy edit");
        tax.make_canonical(TagKind::Fandom, "Buffyverse")
            .expect("taxonomy edit");
        tax.set_parent("Buffy the Vampire Slayer (TV)", "Buffyverse")
            .expect("taxonomy edit");
        let doc = |tags: &[(TagKind, &str)]| IndexDoc {
            tags: tags.iter().map(|(k, t)| (*k, t.to_string())).collect(),
            rating: Some(Rating::Mature),
            ..IndexDoc::default()
        };
        let docs = [
            doc(&[(TagKind::Fandom, " BtVS "), (TagKind::Freeform, "Fluff")]),
            doc(&[
                (TagKind::Fandom, "Buffy the Vampire Slayer (TV)"),
                (TagKind::Fandom, "btvs"),
                (TagKind::Fandom, "Sherlock"),
            ]),
            doc(&[(TagKind::Freeform, "Fluff"), (TagKind::Freeform, "")]),
        ];
        let mut resolver = TagResolver::new(&tax);
        // Twice over, so the second round is answered from the cache.
        for _ in 0..2 {
            for d in &docs {
                let (mut plain, mut cached) = (d.clone(), d.clone());
                plain.canonicalize(&tax);
                cached.canonicalize_with(&mut resolver);
                assert_eq!(plain, cached);
            }
        }
        let mut first = docs[0].clone();
        first.canonicalize_with(&mut resolver);
        assert_eq!(
            first.filter_keys,
            ["btvs", "buffy the vampire slayer tv", "buffyverse", "fluff"]
        );
        assert_eq!(first.fandom_count, 1);
        let mut second = docs[1].clone();
        second.canonicalize_with(&mut resolver);
        assert_eq!(second.fandom_count, 2);
    }
}
