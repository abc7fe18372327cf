//! Tag wrangling as AO3 does it: canonical tags, synonyms that resolve to them, and parent/child
//! relations (a fandom's characters and relationships, metatags over subtags).
//!
//! The taxonomy is plain data. The store keeps it as one JSON document (its serde form); the search
//! index reads it to canonicalise tags when indexing and to expand filters when querying. A starter
//! taxonomy can be written by hand in TOML ([`Taxonomy::from_toml`], format in `docs/search.md`).

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::{TagKind, normalize_key};

/// The key two spellings of one tag share: [`normalize_key`] applied to each side of the
/// relationship separators, which are kept, so "Buffy Summers / Spike" and "buffy summers/spike"
/// meet while a romantic "A/B" never meets a platonic "A & B".
pub fn tag_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut part = String::new();
    for c in name.chars() {
        if c == '/' || c == '&' {
            out.push_str(&normalize_key(&part));
            out.push(c);
            part.clear();
        } else {
            part.push(c);
        }
    }
    out.push_str(&normalize_key(&part));
    out
}

/// What went wrong while changing or loading a taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TaxonomyError {
    /// A tag name was empty (or only punctuation).
    #[error("empty tag name")]
    EmptyName,
    /// The operation needs a tag the taxonomy does not know.
    #[error("unknown tag {0:?}: make it canonical first")]
    UnknownTag(String),
    /// A tag was asked to become a synonym of itself (or of its own synonym).
    #[error("{0:?} cannot be a synonym of itself")]
    SelfSynonym(String),
    /// A parent link would make a tag its own ancestor.
    #[error("making {parent:?} a parent of {child:?} would create a cycle")]
    Cycle {
        /// The would-be child.
        child: String,
        /// The would-be parent.
        parent: String,
    },
    /// The two tags of an operation have different kinds.
    #[error("{name:?} is a {found} tag, not a {expected} tag")]
    KindMismatch {
        /// The tag.
        name: String,
        /// Its kind.
        found: &'static str,
        /// The kind the operation needed.
        expected: &'static str,
    },
    /// The starter TOML file could not be read.
    #[error("taxonomy TOML: {0}")]
    Toml(String),
    /// A section of the starter TOML file is not a tag kind.
    #[error("taxonomy TOML: unknown tag kind [[{0}]]")]
    UnknownKind(String),
}

/// One tag the wranglers know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagEntry {
    /// The tag as it is displayed.
    pub name: String,
    /// Its kind.
    pub kind: TagKind,
    /// For a synonym, the name of the canonical tag it resolves to; `None` for a canonical tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synonym_of: Option<String>,
    /// Names of canonical parent tags (a character's fandom, a subtag's metatag).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<String>,
}

impl TagEntry {
    /// True for a canonical tag (shown in filters), false for a synonym.
    pub fn is_canonical(&self) -> bool {
        self.synonym_of.is_none()
    }
}

/// The serialised form: a flat list, so the JSON document stays readable and hand-editable.
#[derive(Serialize, Deserialize)]
struct TaxonomyDoc {
    tags: Vec<TagEntry>,
}

/// Canonical tags, their synonyms and their parents. Lookups are by [`tag_key`], so spelling,
/// case and punctuation variants of a known tag resolve to it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "TaxonomyDoc", into = "TaxonomyDoc")]
pub struct Taxonomy {
    entries: Vec<TagEntry>,
    by_key: HashMap<String, usize>,
    /// Canonical index -> indexes of its synonyms.
    synonyms: HashMap<usize, Vec<usize>>,
    /// Canonical index -> indexes of its canonical children.
    children: HashMap<usize, Vec<usize>>,
}

impl From<TaxonomyDoc> for Taxonomy {
    fn from(doc: TaxonomyDoc) -> Self {
        let mut t = Taxonomy {
            entries: doc.tags,
            ..Taxonomy::default()
        };
        t.rebuild();
        t
    }
}

impl From<Taxonomy> for TaxonomyDoc {
    fn from(t: Taxonomy) -> Self {
        TaxonomyDoc { tags: t.entries }
    }
}

/// One tag in the starter TOML file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlTag {
    name: String,
    #[serde(default)]
    synonyms: Vec<String>,
    #[serde(default)]
    parents: Vec<String>,
}

impl Taxonomy {
    /// An empty taxonomy: every tag is its own canonical.
    pub fn new() -> Self {
        Taxonomy::default()
    }

    /// How many tags (canonical and synonyms) are known.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no tag is known.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every known tag, in the order they were added.
    pub fn entries(&self) -> &[TagEntry] {
        &self.entries
    }

    /// The entry for a tag name written any way that shares its [`tag_key`].
    pub fn get(&self, name: &str) -> Option<&TagEntry> {
        self.index_of(name).map(|i| &self.entries[i])
    }

    /// The kind of a known tag.
    pub fn kind_of(&self, name: &str) -> Option<TagKind> {
        self.get(name).map(|e| e.kind)
    }

    /// The canonical name a tag resolves to; an unknown tag is its own canonical (returned as given).
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        match self.canonical_index(name) {
            Some(i) => &self.entries[i].name,
            None => name,
        }
    }

    /// True when the tag is known and canonical.
    pub fn is_canonical(&self, name: &str) -> bool {
        self.get(name).is_some_and(TagEntry::is_canonical)
    }

    /// The synonyms of a tag's canonical (not including the canonical itself).
    pub fn synonyms_of(&self, name: &str) -> Vec<&str> {
        self.canonical_index(name)
            .and_then(|c| self.synonyms.get(&c))
            .map(|s| s.iter().map(|&i| self.entries[i].name.as_str()).collect())
            .unwrap_or_default()
    }

    /// The canonical parents of a tag's canonical.
    pub fn parents_of(&self, name: &str) -> Vec<&str> {
        self.canonical_index(name)
            .map(|c| self.entries[c].parents.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// Every ancestor of a tag's canonical (parents, their parents, ...), nearest first, each once.
    pub fn ancestors(&self, name: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        let mut queue: Vec<usize> = self.canonical_index(name).into_iter().collect();
        let mut head = 0;
        while head < queue.len() {
            let i = queue[head];
            head += 1;
            for p in &self.entries[i].parents {
                if let Some(pi) = self.canonical_index(p)
                    && seen.insert(pi)
                {
                    out.push(self.entries[pi].name.as_str());
                    queue.push(pi);
                }
            }
        }
        out
    }

    /// Every name that filtering on `tag` must match: the tag as given, its canonical, the
    /// canonical's synonyms, every descendant (children, their children, ...) and their synonyms.
    /// Excluding a metatag or fandom therefore hides works tagged only with a subtag or child.
    pub fn expand<'a>(&'a self, tag: &'a str) -> Vec<&'a str> {
        let Some(root) = self.canonical_index(tag) else {
            return vec![tag];
        };
        let mut out = vec![tag];
        let mut seen = HashSet::from([root]);
        let mut queue = vec![root];
        let mut head = 0;
        while head < queue.len() {
            let c = queue[head];
            head += 1;
            out.push(self.entries[c].name.as_str());
            if let Some(syns) = self.synonyms.get(&c) {
                out.extend(syns.iter().map(|&s| self.entries[s].name.as_str()));
            }
            if let Some(kids) = self.children.get(&c) {
                for &k in kids {
                    if seen.insert(k) {
                        queue.push(k);
                    }
                }
            }
        }
        out
    }

    /// Canonical tags of `kind` whose key starts with the key of `prefix`, alphabetically, at most
    /// `limit` (synonyms that match suggest their canonical).
    pub fn suggest(&self, prefix: &str, kind: Option<TagKind>, limit: usize) -> Vec<&str> {
        let key = tag_key(prefix);
        let mut found: Vec<&str> = Vec::new();
        let mut seen = HashSet::new();
        for e in &self.entries {
            if kind.is_some_and(|k| k != e.kind) || !tag_key(&e.name).starts_with(&key) {
                continue;
            }
            if let Some(c) = self.canonical_index(&e.name)
                && seen.insert(c)
            {
                found.push(self.entries[c].name.as_str());
            }
        }
        found.sort_by_key(|n| n.to_lowercase());
        found.truncate(limit);
        found
    }

    /// Makes a tag canonical: adds it when unknown, or detaches it from the canonical it was a
    /// synonym of. Fails when the tag is known under another kind.
    pub fn make_canonical(&mut self, kind: TagKind, name: &str) -> Result<(), TaxonomyError> {
        let name = name.trim();
        if tag_key(name).chars().all(|c| c == '/' || c == '&') {
            return Err(TaxonomyError::EmptyName);
        }
        match self.index_of(name) {
            Some(i) => {
                self.check_kind(i, kind)?;
                self.entries[i].synonym_of = None;
            }
            None => {
                // A new tag has no links yet: only the key lookup changes.
                self.by_key.insert(tag_key(name), self.entries.len());
                self.entries.push(TagEntry {
                    name: name.to_string(),
                    kind,
                    synonym_of: None,
                    parents: Vec::new(),
                });
                return Ok(());
            }
        }
        self.rebuild();
        Ok(())
    }

    /// Makes `synonym` resolve to `canonical`'s canonical. An unknown synonym is added with the
    /// canonical's kind. When `synonym` was itself canonical, its synonyms, children and parents
    /// move to the new canonical (as AO3 does when wranglers merge two canonicals).
    pub fn merge_synonym(&mut self, synonym: &str, canonical: &str) -> Result<(), TaxonomyError> {
        let synonym = synonym.trim();
        if tag_key(synonym).chars().all(|c| c == '/' || c == '&') {
            return Err(TaxonomyError::EmptyName);
        }
        let target = self
            .canonical_index(canonical)
            .ok_or_else(|| TaxonomyError::UnknownTag(canonical.to_string()))?;
        let target_name = self.entries[target].name.clone();
        let target_kind = self.entries[target].kind;
        let Some(s) = self.index_of(synonym) else {
            let i = self.entries.len();
            self.by_key.insert(tag_key(synonym), i);
            self.synonyms.entry(target).or_default().push(i);
            self.entries.push(TagEntry {
                name: synonym.to_string(),
                kind: target_kind,
                synonym_of: Some(target_name),
                parents: Vec::new(),
            });
            return Ok(());
        };
        self.check_kind(s, target_kind)?;
        let old = self.canonical_index(synonym).unwrap_or(s);
        if old == target {
            if s == target {
                return Err(TaxonomyError::SelfSynonym(synonym.to_string()));
            }
            return Ok(());
        }
        if s == old {
            // A canonical becomes a synonym: hand over everything that pointed at it.
            if self.ancestor_indexes(target).contains(&s) {
                return Err(TaxonomyError::Cycle {
                    child: target_name,
                    parent: self.entries[s].name.clone(),
                });
            }
            let old_key = tag_key(&self.entries[s].name);
            let moved_parents = std::mem::take(&mut self.entries[s].parents);
            for e in &mut self.entries {
                if e.synonym_of
                    .as_deref()
                    .is_some_and(|n| tag_key(n) == old_key)
                {
                    e.synonym_of = Some(target_name.clone());
                }
                for p in &mut e.parents {
                    if tag_key(p) == old_key {
                        p.clone_from(&target_name);
                    }
                }
            }
            let target_entry = &mut self.entries[target];
            for p in moved_parents {
                if tag_key(&p) != tag_key(&target_entry.name)
                    && !target_entry
                        .parents
                        .iter()
                        .any(|q| tag_key(q) == tag_key(&p))
                {
                    target_entry.parents.push(p);
                }
            }
            for e in &mut self.entries {
                let mut seen = HashSet::new();
                e.parents.retain(|p| seen.insert(tag_key(p)));
            }
        }
        self.entries[s].synonym_of = Some(target_name);
        self.rebuild();
        Ok(())
    }

    /// Makes `parent`'s canonical a parent of `child`'s canonical (both must be known).
    pub fn set_parent(&mut self, child: &str, parent: &str) -> Result<(), TaxonomyError> {
        let c = self
            .canonical_index(child)
            .ok_or_else(|| TaxonomyError::UnknownTag(child.to_string()))?;
        let p = self
            .canonical_index(parent)
            .ok_or_else(|| TaxonomyError::UnknownTag(parent.to_string()))?;
        if c == p || self.ancestor_indexes(p).contains(&c) {
            return Err(TaxonomyError::Cycle {
                child: child.to_string(),
                parent: parent.to_string(),
            });
        }
        let parent_name = self.entries[p].name.clone();
        let entry = &mut self.entries[c];
        if !entry
            .parents
            .iter()
            .any(|q| tag_key(q) == tag_key(&parent_name))
        {
            entry.parents.push(parent_name);
            self.children.entry(p).or_default().push(c);
        }
        Ok(())
    }

    /// Removes a parent link; `false` when there was none.
    pub fn remove_parent(&mut self, child: &str, parent: &str) -> bool {
        let Some(c) = self.canonical_index(child) else {
            return false;
        };
        let key = tag_key(self.canonical(parent));
        let before = self.entries[c].parents.len();
        self.entries[c].parents.retain(|q| tag_key(q) != key);
        let removed = self.entries[c].parents.len() != before;
        self.rebuild();
        removed
    }

    /// Reads the starter TOML format: one array of tables per kind (`[[fandom]]`, `[[character]]`,
    /// `[[relationship]]`, `[[freeform]]`, ...), each with `name`, optional `synonyms` and `parents`.
    /// Parents may be declared later in the file than their children.
    pub fn from_toml(text: &str) -> Result<Taxonomy, TaxonomyError> {
        let sections: BTreeMap<String, Vec<TomlTag>> =
            toml::from_str(text).map_err(|e| TaxonomyError::Toml(e.to_string()))?;
        let mut t = Taxonomy::new();
        let mut parent_links = Vec::new();
        for (section, tags) in &sections {
            let kind = TagKind::parse(section)
                .ok_or_else(|| TaxonomyError::UnknownKind(section.clone()))?;
            for tag in tags {
                t.make_canonical(kind, &tag.name)?;
                // A "synonym" spelled like its canonical (same key) already resolves to it.
                for s in tag
                    .synonyms
                    .iter()
                    .filter(|s| tag_key(s) != tag_key(&tag.name))
                {
                    t.merge_synonym(s, &tag.name)?;
                }
                parent_links.extend(tag.parents.iter().map(|p| (tag.name.clone(), p.clone())));
            }
        }
        for (child, parent) in parent_links {
            t.set_parent(&child, &parent)?;
        }
        Ok(t)
    }

    /// Adds everything from `other` (its canonicals, synonyms and parents) to this taxonomy.
    pub fn import(&mut self, other: &Taxonomy) -> Result<(), TaxonomyError> {
        for e in other.entries.iter().filter(|e| e.is_canonical()) {
            if self.index_of(&e.name).is_none() {
                self.make_canonical(e.kind, &e.name)?;
            }
        }
        for e in &other.entries {
            if let Some(c) = &e.synonym_of {
                self.merge_synonym(&e.name, c)?;
            }
        }
        for e in &other.entries {
            for p in &e.parents {
                self.set_parent(&e.name, p)?;
            }
        }
        Ok(())
    }

    fn index_of(&self, name: &str) -> Option<usize> {
        self.by_key.get(&tag_key(name)).copied()
    }

    fn canonical_index(&self, name: &str) -> Option<usize> {
        let mut i = self.index_of(name)?;
        // Bounded walk: a hand-edited document could hold a synonym loop.
        for _ in 0..8 {
            match &self.entries[i].synonym_of {
                None => return Some(i),
                Some(c) => i = self.index_of(c)?,
            }
        }
        None
    }

    fn ancestor_indexes(&self, start: usize) -> HashSet<usize> {
        let mut seen = HashSet::new();
        let mut queue = vec![start];
        while let Some(i) = queue.pop() {
            for p in &self.entries[i].parents {
                if let Some(pi) = self.canonical_index(p)
                    && seen.insert(pi)
                {
                    queue.push(pi);
                }
            }
        }
        seen
    }

    fn check_kind(&self, i: usize, kind: TagKind) -> Result<(), TaxonomyError> {
        let found = self.entries[i].kind;
        if found == kind {
            Ok(())
        } else {
            Err(TaxonomyError::KindMismatch {
                name: self.entries[i].name.clone(),
                found: found.as_str(),
                expected: kind.as_str(),
            })
        }
    }

    /// Rebuilds the lookup tables after a change; later duplicates of a key are dropped.
    fn rebuild(&mut self) {
        let mut seen = HashSet::new();
        self.entries.retain(|e| seen.insert(tag_key(&e.name)));
        self.by_key = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (tag_key(&e.name), i))
            .collect();
        self.synonyms.clear();
        self.children.clear();
        for i in 0..self.entries.len() {
            if self.entries[i].synonym_of.is_some() {
                if let Some(c) = self.canonical_index(&self.entries[i].name) {
                    self.synonyms.entry(c).or_default().push(i);
                }
            } else {
                for p in &self.entries[i].parents {
                    if let Some(pi) = self.canonical_index(p) {
                        self.children.entry(pi).or_default().push(i);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STARTER: &str = r#"
[[fandom]]
name = "Buffy the Vampire Slayer"
synonyms = ["BtVS", "Buffy"]
parents = ["Buffyverse"]

[[fandom]]
name = "Buffyverse"

[[character]]
name = "Spike (Buffy the Vampire Slayer)"
synonyms = ["Spike", "William the Bloody"]
parents = ["Buffy the Vampire Slayer"]

[[relationship]]
name = "Buffy Summers/Spike"
synonyms = ["Spuffy", "Spike/Buffy"]
parents = ["Buffy the Vampire Slayer"]

[[freeform]]
name = "Alternate Universe"
synonyms = ["AU"]

[[freeform]]
name = "Alternate Universe - Vampire"
parents = ["Alternate Universe"]
"#;

    fn starter() -> Taxonomy {
        Taxonomy::from_toml(STARTER).unwrap()
    }

    #[test]
    fn keys_keep_relationship_separators() {
        assert_eq!(tag_key("Buffy Summers / Spike"), "buffy summers/spike");
        assert_ne!(tag_key("Buffy/Willow"), tag_key("Buffy & Willow"));
        assert_eq!(tag_key("SPUFFY!"), "spuffy");
    }

    #[test]
    fn synonyms_resolve_to_canonical() {
        let t = starter();
        assert_eq!(t.canonical("spuffy"), "Buffy Summers/Spike");
        assert_eq!(t.canonical("spike / buffy"), "Buffy Summers/Spike");
        assert_eq!(t.canonical("Buffy Summers/Spike"), "Buffy Summers/Spike");
        assert_eq!(t.canonical("Unknown Tag"), "Unknown Tag");
        assert!(t.is_canonical("buffy summers/spike"));
        assert!(!t.is_canonical("Spuffy"));
        assert_eq!(t.kind_of("au"), Some(TagKind::Freeform));
    }

    #[test]
    fn expand_covers_synonyms_and_descendants() {
        let t = starter();
        let names = t.expand("BtVS");
        for n in [
            "Buffy the Vampire Slayer",
            "Buffy",
            "Spike (Buffy the Vampire Slayer)",
            "William the Bloody",
            "Spuffy",
            "Spike/Buffy",
        ] {
            assert!(names.contains(&n), "{n} missing from {names:?}");
        }
        assert!(!names.contains(&"Alternate Universe"));
        let au = t.expand("AU");
        assert!(au.contains(&"Alternate Universe - Vampire"));
        assert_eq!(t.expand("Nothing"), vec!["Nothing"]);
        assert!(t.expand("Buffyverse").contains(&"Spuffy"));
        assert_eq!(
            t.ancestors("Spike"),
            vec!["Buffy the Vampire Slayer", "Buffyverse"]
        );
    }

    #[test]
    fn merging_canonicals_moves_synonyms_and_children() {
        let mut t = starter();
        t.make_canonical(TagKind::Freeform, "AU - Vampires")
            .unwrap();
        t.merge_synonym("Vampire AU", "AU - Vampires").unwrap();
        t.merge_synonym("AU - Vampires", "Alternate Universe - Vampire")
            .unwrap();
        assert_eq!(t.canonical("vampire au"), "Alternate Universe - Vampire");
        assert!(t.expand("AU").contains(&"Vampire AU"));
        assert_eq!(t.merge_synonym("AU", "Alternate Universe"), Ok(()));
        assert_eq!(
            t.merge_synonym("Alternate Universe", "AU"),
            Err(TaxonomyError::SelfSynonym("Alternate Universe".into()))
        );
        assert!(matches!(
            t.merge_synonym("Spike", "Alternate Universe"),
            Err(TaxonomyError::KindMismatch { .. })
        ));
        assert!(matches!(
            t.merge_synonym("x", "No Such Tag"),
            Err(TaxonomyError::UnknownTag(_))
        ));
    }

    #[test]
    fn make_canonical_detaches_a_synonym() {
        let mut t = starter();
        t.make_canonical(TagKind::Fandom, "Buffy").unwrap();
        assert_eq!(t.canonical("Buffy"), "Buffy");
        assert!(!t.expand("Buffy the Vampire Slayer").contains(&"Buffy"));
        assert_eq!(
            t.make_canonical(TagKind::Fandom, " / "),
            Err(TaxonomyError::EmptyName)
        );
    }

    #[test]
    fn parents_refuse_cycles() {
        let mut t = starter();
        assert!(matches!(
            t.set_parent("Buffyverse", "Spike"),
            Err(TaxonomyError::Cycle { .. })
        ));
        assert!(matches!(
            t.set_parent("BtVS", "BtVS"),
            Err(TaxonomyError::Cycle { .. })
        ));
        assert!(t.remove_parent("Spike", "Buffy the Vampire Slayer"));
        assert!(!t.expand("BtVS").contains(&"William the Bloody"));
    }

    #[test]
    fn json_round_trip_rebuilds_lookups() {
        let t = starter();
        let json = serde_json::to_value(&t).unwrap();
        assert!(json["tags"].is_array());
        let back: Taxonomy = serde_json::from_value(json).unwrap();
        assert_eq!(back, t);
        assert_eq!(back.canonical("spuffy"), "Buffy Summers/Spike");
    }

    #[test]
    fn bad_toml_is_an_error() {
        assert!(matches!(
            Taxonomy::from_toml("[[planet]]\nname = \"Mars\""),
            Err(TaxonomyError::UnknownKind(_))
        ));
        assert!(matches!(
            Taxonomy::from_toml("[[fandom]]\nname = "),
            Err(TaxonomyError::Toml(_))
        ));
        assert!(matches!(
            Taxonomy::from_toml("[[fandom]]\nname = \"A\"\nparents = [\"B\"]"),
            Err(TaxonomyError::UnknownTag(_))
        ));
    }

    #[test]
    fn suggest_finds_canonicals_by_prefix() {
        let t = starter();
        assert_eq!(t.suggest("spu", None, 10), vec!["Buffy Summers/Spike"]);
        assert_eq!(
            t.suggest("alt", Some(TagKind::Freeform), 10),
            vec!["Alternate Universe", "Alternate Universe - Vampire"]
        );
    }
}
