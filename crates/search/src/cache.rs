//! Answers that depend only on the index contents, computed once per searcher generation: the
//! whole-archive facet counts (every listing without a filter shows them) and the table of tag
//! names that autocomplete looks prefixes up in.
//!
//! A searcher generation changes with every reload of the reader (each commit, each merge), so a
//! value cached for one generation is never served for another.

use std::cmp::Reverse;
use std::sync::{Arc, Mutex};

use std::collections::HashMap;

use ficarchive_model::{TagKind, Taxonomy, tag_key};

/// What identifies a searcher's contents: its segments and their deletes. A reader reload that
/// changes nothing (tantivy's file watcher reloads again after our own reload at commit) keeps
/// the cached values; any commit, merge or delete changes it.
pub(crate) type Contents = std::collections::BTreeMap<tantivy::index::SegmentId, Option<u64>>;

/// One value per index contents, built on first use.
pub(crate) struct GenerationCache<T, K = Contents> {
    /// (generation id, contents, value).
    slot: Mutex<Option<(u64, K, Arc<T>)>>,
}

impl<T, K> Default for GenerationCache<T, K> {
    fn default() -> Self {
        GenerationCache {
            slot: Mutex::new(None),
        }
    }
}

impl<T, K: PartialEq + Clone> GenerationCache<T, K> {
    /// The value for the searcher of generation `generation` holding `contents`, built by
    /// `build` when the cache holds another contents' value. The lock is held while building, so
    /// concurrent requests for new contents build it once; a request still holding an older
    /// searcher builds its own value without replacing the newer one.
    pub(crate) fn get_or_build<E>(
        &self,
        generation: u64,
        contents: &K,
        build: impl FnOnce() -> Result<T, E>,
    ) -> Result<Arc<T>, E> {
        // A panic while building leaves the slot as it was, so a poisoned lock is still sound.
        let mut slot = self
            .slot
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, cached, value)) = slot.as_ref()
            && cached == contents
        {
            return Ok(Arc::clone(value));
        }
        let value = Arc::new(build()?);
        if slot
            .as_ref()
            .is_none_or(|(cached, _, _)| *cached < generation)
        {
            *slot = Some((generation, contents.clone(), Arc::clone(&value)));
        }
        Ok(value)
    }
}

/// Facet name -> every (value, works) pair over the whole index, most frequent first (ties by
/// value), as [`crate::collect::FacetCounts`] orders them: a query's facets are a prefix of it.
pub(crate) type AllFacets = Vec<(String, Vec<(String, u64)>)>;

/// A canonical tag in the index, for autocomplete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TagEntry {
    pub kind: TagKind,
    pub name: String,
    /// Documents carrying it (summed document frequency over segments).
    pub works: u64,
}

/// Every canonical tag in the index, ranked, with a sorted table of the keys a prefix matches
/// (the tag's whole [`tag_key`] and each word of it), one table per kind.
#[derive(Debug, Default)]
pub(crate) struct TagTable {
    /// Entries by rank: most used first, then by lower-cased name, kind and name.
    entries: Vec<TagEntry>,
    /// Per kind (in [`TagKind::ALL`] order): (key, entry rank), sorted by key.
    keys: Vec<(TagKind, Vec<(String, u32)>)>,
    /// (kind, name) -> rank, for counts of tags the taxonomy suggests.
    by_name: HashMap<(TagKind, String), u32>,
}

impl TagTable {
    /// Builds the table from (kind, name, works) triples, each (kind, name) once.
    pub(crate) fn new(tags: Vec<TagEntry>) -> TagTable {
        let mut ranked: Vec<(Reverse<u64>, String, TagEntry)> = tags
            .into_iter()
            .map(|t| (Reverse(t.works), t.name.to_lowercase(), t))
            .collect();
        ranked.sort_by(|a, b| {
            (a.0, &a.1, a.2.kind, &a.2.name).cmp(&(b.0, &b.1, b.2.kind, &b.2.name))
        });
        let entries: Vec<TagEntry> = ranked.into_iter().map(|(_, _, t)| t).collect();
        let mut keys: Vec<(TagKind, Vec<(String, u32)>)> =
            TagKind::ALL.into_iter().map(|k| (k, Vec::new())).collect();
        let mut by_name = HashMap::with_capacity(entries.len());
        for (rank, e) in entries.iter().enumerate() {
            let Ok(rank) = u32::try_from(rank) else {
                break;
            };
            by_name.insert((e.kind, e.name.clone()), rank);
            let Some((_, list)) = keys.iter_mut().find(|(k, _)| *k == e.kind) else {
                continue;
            };
            let key = tag_key(&e.name);
            for word in key.split([' ', '/', '&']).filter(|w| !w.is_empty()) {
                // The whole key below covers a word that is also its start.
                if !key.starts_with(word) {
                    list.push((word.to_string(), rank));
                }
            }
            if !key.is_empty() {
                list.push((key, rank));
            }
        }
        for (_, list) in &mut keys {
            list.sort_unstable();
            list.dedup();
        }
        TagTable {
            entries,
            keys,
            by_name,
        }
    }

    /// The `limit` best-ranked tags of the given kinds whose key or a word of it starts with
    /// `key` (a [`tag_key`]), best first.
    pub(crate) fn prefix(&self, key: &str, kinds: &[TagKind], limit: usize) -> Vec<&TagEntry> {
        // The best `limit` distinct ranks seen so far, ascending.
        let mut best: Vec<u32> = Vec::with_capacity(limit + 1);
        for (kind, list) in &self.keys {
            if !kinds.contains(kind) {
                continue;
            }
            let start = list.partition_point(|(k, _)| k.as_str() < key);
            for (_, rank) in list[start..].iter().take_while(|(k, _)| k.starts_with(key)) {
                if best.len() == limit && best.last().is_some_and(|worst| rank >= worst) {
                    continue;
                }
                if let Err(at) = best.binary_search(rank) {
                    best.insert(at, *rank);
                    best.truncate(limit);
                }
            }
        }
        best.iter()
            .filter_map(|&r| self.entries.get(r as usize))
            .collect()
    }

    /// Works carrying the canonical `name` of `kind` (0 when no work in the index has it).
    pub(crate) fn works(&self, kind: TagKind, name: &str) -> u64 {
        self.by_name
            .get(&(kind, name.to_string()))
            .and_then(|&r| self.entries.get(r as usize))
            .map_or(0, |e| e.works)
    }
}

/// The taxonomy's names for autocomplete: every name's [`tag_key`], sorted, pointing at its
/// canonical, with canonicals ranked by lower-cased name (the order [`Taxonomy::suggest`] gives).
pub(crate) struct TaxonomyTable {
    /// The entries it was built from, to tell whether a taxonomy is the same one.
    snapshot: Vec<ficarchive_model::TagEntry>,
    /// Canonical names by rank.
    canonicals: Vec<String>,
    /// (key of a name, the name's kind, rank of its canonical), sorted.
    keys: Vec<(String, TagKind, u32)>,
}

impl TaxonomyTable {
    pub(crate) fn new(taxonomy: &Taxonomy) -> TaxonomyTable {
        let mut canonicals: Vec<(String, &str)> = taxonomy
            .entries()
            .iter()
            .filter(|e| e.is_canonical())
            .map(|e| (e.name.to_lowercase(), e.name.as_str()))
            .collect();
        canonicals.sort_unstable();
        canonicals.dedup_by(|a, b| a.1 == b.1);
        let rank: HashMap<&str, u32> = canonicals
            .iter()
            .enumerate()
            .filter_map(|(i, (_, name))| Some((*name, u32::try_from(i).ok()?)))
            .collect();
        let mut keys: Vec<(String, TagKind, u32)> = taxonomy
            .entries()
            .iter()
            .filter_map(|e| {
                // A synonym whose chain does not end at a canonical (a hand-edited loop) is
                // left out, as the taxonomy's own suggest leaves it out.
                let canonical = taxonomy.canonical(&e.name);
                let r = *rank
                    .get(canonical)
                    .filter(|_| taxonomy.is_canonical(canonical))?;
                Some((tag_key(&e.name), e.kind, r))
            })
            .collect();
        keys.sort_unstable();
        TaxonomyTable {
            snapshot: taxonomy.entries().to_vec(),
            canonicals: canonicals.into_iter().map(|(_, n)| n.to_string()).collect(),
            keys,
        }
    }

    /// True when built from a taxonomy with exactly these entries.
    pub(crate) fn built_from(&self, taxonomy: &Taxonomy) -> bool {
        self.snapshot == taxonomy.entries()
    }

    /// The first `limit` canonicals (by lower-cased name) with a name or synonym of `kind` (or
    /// any) whose key starts with `key`.
    pub(crate) fn prefix(&self, key: &str, kind: Option<TagKind>, limit: usize) -> Vec<&str> {
        let start = self.keys.partition_point(|(k, _, _)| k.as_str() < key);
        let mut best: Vec<u32> = Vec::with_capacity(limit + 1);
        for (_, _, rank) in self.keys[start..]
            .iter()
            .take_while(|(k, _, _)| k.starts_with(key))
            .filter(|(_, k, _)| kind.is_none_or(|want| want == *k))
        {
            if best.len() == limit && best.last().is_some_and(|worst| rank >= worst) {
                continue;
            }
            if let Err(at) = best.binary_search(rank) {
                best.insert(at, *rank);
                best.truncate(limit);
            }
        }
        best.iter()
            .filter_map(|&r| self.canonicals.get(r as usize).map(String::as_str))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: TagKind, name: &str, works: u64) -> TagEntry {
        TagEntry {
            kind,
            name: name.to_string(),
            works,
        }
    }

    #[test]
    fn prefix_matches_whole_keys_and_words_best_first() {
        let table = TagTable::new(vec![
            entry(TagKind::Character, "Spike (Buffy the Vampire Slayer)", 5),
            entry(TagKind::Relationship, "Buffy Summers/Spike", 9),
            entry(TagKind::Character, "Buffy Summers", 7),
            entry(TagKind::Freeform, "Alternate Universe", 2),
        ]);
        let names = |key: &str, kinds: &[TagKind], limit| -> Vec<String> {
            table
                .prefix(key, kinds, limit)
                .into_iter()
                .map(|e| e.name.clone())
                .collect()
        };
        assert_eq!(
            names("spi", &TagKind::ALL, 10),
            ["Buffy Summers/Spike", "Spike (Buffy the Vampire Slayer)"]
        );
        // "buffy" starts two keys and is a word of a third; each tag comes once.
        assert_eq!(
            names("buffy", &TagKind::ALL, 10),
            [
                "Buffy Summers/Spike",
                "Buffy Summers",
                "Spike (Buffy the Vampire Slayer)"
            ]
        );
        assert_eq!(names("buffy", &TagKind::ALL, 2).len(), 2);
        assert_eq!(
            names("buffy summers", &[TagKind::Character], 10),
            ["Buffy Summers"]
        );
        assert!(names("vampires", &TagKind::ALL, 10).is_empty());
        assert_eq!(table.works(TagKind::Character, "Buffy Summers"), 7);
        assert_eq!(table.works(TagKind::Freeform, "Buffy Summers"), 0);
    }

    #[test]
    fn a_cache_rebuilds_for_new_contents_and_keeps_the_newest() {
        let cache: GenerationCache<u64, &str> = GenerationCache::default();
        let built = |v: u64| move || Ok::<u64, ()>(v);
        // The value for a generation and contents key, building `v` if none is kept.
        let get = |generation, key: &'static str, v| {
            *cache
                .get_or_build(generation, &key, built(v))
                .expect("the build closure succeeds")
        };
        assert_eq!(get(1, "a", 10), 10);
        assert_eq!(get(1, "a", 99), 10);
        // A reload with the same contents keeps the value.
        assert_eq!(get(2, "a", 99), 10);
        assert_eq!(get(3, "b", 20), 20);
        // An older searcher gets its own value and does not evict the newer one.
        assert_eq!(get(1, "a", 11), 11);
        assert_eq!(get(3, "b", 99), 20);
        assert!(cache.get_or_build(4, &"c", || Err::<u64, ()>(())).is_err());
        assert_eq!(get(3, "b", 99), 20);
    }
}
