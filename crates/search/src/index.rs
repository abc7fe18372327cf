//! The tantivy index: schema, incremental updates, rebuilds, searches and tag suggestions.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{Datelike, NaiveDate};
use ficarchive_model::{Rating, Status, TagKind, Taxonomy, normalize_key, tag_key};
use serde::{Deserialize, Serialize};
use tantivy::indexer::{LogMergePolicy, NoMergePolicy};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query,
    RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, Schema, SchemaBuilder, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::TokenStream;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::cache::{AllFacets, GenerationCache, TagEntry, TagTable, TaxonomyTable};
use crate::collect::{FacetCounts, SortSource, SortValue, TopByKey};
use crate::doc::IndexDoc;
use crate::query::{
    Completion, Crossover, MAX_PER_PAGE, MAX_TAG_CHARS, MAX_TAG_FILTERS, QueryError, SortField,
    SortOrder, TextClause, TextField, WorkQuery, parse_into,
};
use crate::tokens::MemoTokenizer;

pub(crate) const F_ID: &str = "id";
const F_TITLE: &str = "title";
const F_AUTHORS: &str = "authors";
const F_SUMMARY: &str = "summary";
const F_NOTES: &str = "notes";
const F_SERIES: &str = "series";
const F_BODY: &str = "body";
const F_TAGTEXT: &str = "tagtext";
const F_TAG: &str = "tag";
const F_LANGUAGE: &str = "language";
const F_STATUS: &str = "status";
const F_WORDS: &str = "words";
const F_CHAPTERS: &str = "chapters";
const F_KUDOS: &str = "kudos";
const F_HITS: &str = "hits";
const F_COMMENTS: &str = "comments";
const F_BOOKMARKS: &str = "bookmarks";
const F_PUBLISHED: &str = "published";
const F_UPDATED: &str = "updated";
const F_FANDOMS: &str = "fandoms";
const F_TITLE_SORT: &str = "title_sort";
const F_AUTHOR_SORT: &str = "author_sort";
const F_APPEARS: &str = "a_appears";
const F_SPEAKS: &str = "a_speaks";
const F_POV: &str = "a_pov";
const F_POV_CHARACTER: &str = "a_pov_character";
const F_INFERRED: &str = "a_relationship";

/// The analyzer of tag names as text: `en_stem`, remembered per name ([`MemoTokenizer`]).
const TAG_TEXT_TOKENIZER: &str = "en_stem_memo";

/// The facet (canonical tag) field of each kind.
fn facet_field(kind: TagKind) -> &'static str {
    match kind {
        TagKind::Fandom => "f_fandom",
        TagKind::Relationship => "f_relationship",
        TagKind::Character => "f_character",
        TagKind::Freeform => "f_freeform",
        TagKind::Rating => "f_rating",
        TagKind::Warning => "f_warning",
        TagKind::Category => "f_category",
    }
}

/// The stored status code: complete is what filters test.
fn status_code(status: Status) -> u64 {
    match status {
        Status::Unknown => 0,
        Status::Complete => 1,
        Status::InProgress => 2,
    }
}

/// Days since 0001-01-01, so dates sort and range as integers; 0 means no date.
fn day_number(date: Option<NaiveDate>) -> u64 {
    date.and_then(|d| u64::try_from(d.num_days_from_ce()).ok())
        .unwrap_or(0)
}

/// The most names one tag filter expands to; beyond it the index-time ancestor keys (every
/// work carries its tags' canonicals and their ancestors) still make the filter correct for
/// relations that existed when the work was indexed.
const MAX_EXPANSION: usize = 1024;
/// The most tokens one clause contributes per field.
const MAX_TOKENS_PER_CLAUSE: usize = 32;

/// What went wrong in the search index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query cannot be run.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// tantivy failed (I/O, corruption, lock held by another process).
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index folder could not be created or read.
    #[error("search index folder {path}: {source}")]
    Io {
        /// The folder.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The index on disk was built by another version with another schema.
    #[error(
        "the search index in {0} was built with another schema: run `ficarchive reindex` \
         (it recreates the index)"
    )]
    SchemaChanged(PathBuf),
    /// The writer's lock was poisoned by a panic in another thread.
    #[error("search index writer is unusable after a panic in another thread")]
    Poisoned,
}

/// Tuning for the index writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexOptions {
    /// Indexing threads (tantivy caps it at 8).
    pub writer_threads: usize,
    /// Writer memory budget in bytes, shared by the threads (at least 15 MB each).
    pub writer_memory: usize,
    /// [`SearchIndex::upsert`] commits by itself after this many pending changes.
    pub commit_every: usize,
}

impl Default for IndexOptions {
    fn default() -> Self {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, 4);
        IndexOptions {
            writer_threads: threads,
            writer_memory: threads * 64 * 1024 * 1024,
            commit_every: 10_000,
        }
    }
}

/// One page of results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    /// How many works match (no cap).
    pub total: u64,
    /// Work ids of the requested page, in order.
    pub ids: Vec<u64>,
    /// Facet counts on the whole result set: tag kind name -> (canonical tag, works), most
    /// frequent first.
    pub facets: BTreeMap<String, Vec<(String, u64)>>,
    /// The sort applied.
    pub sort: SortField,
    /// Its direction.
    pub order: SortOrder,
}

/// An autocomplete suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagSuggestion {
    /// Canonical tag name.
    pub name: String,
    /// Its kind.
    pub kind: TagKind,
    /// Works in the index carrying it.
    pub works: u64,
}

struct WriterState {
    writer: IndexWriter<TantivyDocument>,
    pending: usize,
}

/// Handles on the schema's fields.
struct Fields {
    id: Field,
    title: Field,
    authors: Field,
    summary: Field,
    notes: Field,
    series: Field,
    body: Field,
    tagtext: Field,
    tag: Field,
    facets: Vec<(TagKind, Field)>,
    language: Field,
    status: Field,
    numbers: Vec<(&'static str, Field)>,
    title_sort: Field,
    author_sort: Field,
    appears: Field,
    speaks: Field,
    pov: Field,
    pov_character: Field,
    inferred: Field,
}

fn build_schema() -> Schema {
    let mut b = SchemaBuilder::new();
    // Only what a query reads is built: the id is indexed for deletes and fast for results
    // (pages are rendered from the store, so nothing is stored); numbers, sort keys and facet
    // values are fast fields only (range queries and sorts read the columns); exact-match keys
    // use the raw tokenizer without frequencies or norms, as nothing scores them.
    b.add_u64_field(F_ID, INDEXED | FAST);
    let text = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let key = || {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_fieldnorms(false)
                .set_index_option(IndexRecordOption::Basic),
        )
    };
    b.add_text_field(F_TITLE, text("en_stem"));
    b.add_text_field(F_AUTHORS, text("default"));
    b.add_text_field(F_SUMMARY, text("en_stem"));
    b.add_text_field(F_NOTES, text("en_stem"));
    b.add_text_field(F_SERIES, text("en_stem"));
    b.add_text_field(F_BODY, text("en_stem"));
    b.add_text_field(F_TAGTEXT, text(TAG_TEXT_TOKENIZER));
    b.add_text_field(F_TAG, key());
    for kind in TagKind::ALL {
        // The rating is also a filter; the other kinds' values are only counted.
        let options = if kind == TagKind::Rating {
            key().set_fast("raw")
        } else {
            TextOptions::default().set_fast("raw")
        };
        b.add_text_field(facet_field(kind), options);
    }
    b.add_text_field(F_LANGUAGE, key());
    b.add_u64_field(F_STATUS, INDEXED | FAST);
    for name in [
        F_WORDS,
        F_CHAPTERS,
        F_KUDOS,
        F_HITS,
        F_COMMENTS,
        F_BOOKMARKS,
        F_PUBLISHED,
        F_UPDATED,
        F_FANDOMS,
    ] {
        b.add_u64_field(name, FAST);
    }
    b.add_text_field(F_TITLE_SORT, TextOptions::default().set_fast("raw"));
    b.add_text_field(F_AUTHOR_SORT, TextOptions::default().set_fast("raw"));
    for name in [F_APPEARS, F_SPEAKS, F_POV, F_POV_CHARACTER, F_INFERRED] {
        b.add_text_field(name, key());
    }
    b.build()
}

impl Fields {
    fn new(schema: &Schema) -> Result<Fields, SearchError> {
        let f = |name: &str| schema.get_field(name).map_err(SearchError::from);
        Ok(Fields {
            id: f(F_ID)?,
            title: f(F_TITLE)?,
            authors: f(F_AUTHORS)?,
            summary: f(F_SUMMARY)?,
            notes: f(F_NOTES)?,
            series: f(F_SERIES)?,
            body: f(F_BODY)?,
            tagtext: f(F_TAGTEXT)?,
            tag: f(F_TAG)?,
            facets: TagKind::ALL
                .into_iter()
                .map(|k| Ok((k, f(facet_field(k))?)))
                .collect::<Result<_, SearchError>>()?,
            language: f(F_LANGUAGE)?,
            status: f(F_STATUS)?,
            numbers: [
                F_WORDS,
                F_CHAPTERS,
                F_KUDOS,
                F_HITS,
                F_COMMENTS,
                F_BOOKMARKS,
                F_PUBLISHED,
                F_UPDATED,
                F_FANDOMS,
            ]
            .into_iter()
            .map(|n| Ok((n, f(n)?)))
            .collect::<Result<_, SearchError>>()?,
            title_sort: f(F_TITLE_SORT)?,
            author_sort: f(F_AUTHOR_SORT)?,
            appears: f(F_APPEARS)?,
            speaks: f(F_SPEAKS)?,
            pov: f(F_POV)?,
            pov_character: f(F_POV_CHARACTER)?,
            inferred: f(F_INFERRED)?,
        })
    }

    fn number(&self, name: &str) -> Field {
        self.numbers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)
            .unwrap_or(self.id)
    }

    fn facet(&self, kind: TagKind) -> Field {
        self.facets
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, f)| *f)
            .unwrap_or(self.tag)
    }
}

/// The search index of works: a derived cache of the store, rebuilt by `ficarchive reindex`.
/// Reading needs no lock; the writer (one per index folder, across processes) is opened on the
/// first change.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    writer: Mutex<Option<WriterState>>,
    options: IndexOptions,
    /// Facet counts of the unfiltered index, per searcher generation.
    all_facets: GenerationCache<AllFacets>,
    /// Autocomplete's table of canonical tags, per searcher generation.
    tag_table: GenerationCache<TagTable>,
    /// Autocomplete's table of taxonomy names, rebuilt when the taxonomy changes.
    taxonomy_table: Mutex<Option<Arc<TaxonomyTable>>>,
}

/// A rebuild in progress: every work is added in one commit, so searches keep answering from
/// the old index until [`Rebuild::finish`], and a crash leaves the old index whole.
pub struct Rebuild<'a> {
    index: &'a SearchIndex,
    guard: MutexGuard<'a, Option<WriterState>>,
    added: u64,
    /// Set once the new contents are committed; a rebuild dropped before that is rolled back.
    committed: bool,
}

impl Rebuild<'_> {
    /// Adds one work.
    pub fn add(&mut self, doc: &IndexDoc) -> Result<(), SearchError> {
        let state = self.guard.as_mut().ok_or(SearchError::Poisoned)?;
        state.writer.add_document(self.index.to_document(doc))?;
        self.added += 1;
        Ok(())
    }

    /// Works added so far.
    pub fn added(&self) -> u64 {
        self.added
    }

    /// Commits the new contents atomically, then merges them into one segment for fast queries.
    pub fn finish(mut self) -> Result<u64, SearchError> {
        let state = self.guard.as_mut().ok_or(SearchError::Poisoned)?;
        state.writer.commit()?;
        state.pending = 0;
        self.committed = true;
        let ids = self.index.index.searchable_segment_ids()?;
        if ids.len() > 1 {
            state.writer.merge(&ids).wait()?;
        }
        self.index.reader.reload()?;
        Ok(self.added)
    }
}

impl Drop for Rebuild<'_> {
    fn drop(&mut self) {
        if let Some(state) = self.guard.as_mut() {
            if !self.committed {
                // Abandoned (an error while reading the store): the emptied index and the works
                // added so far must not reach the next commit of an ordinary update.
                let _ = state.writer.rollback();
                state.pending = 0;
            }
            // Incremental updates go back to merging small segments as they come.
            state
                .writer
                .set_merge_policy(Box::new(LogMergePolicy::default()));
        }
    }
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (and the folder) when missing.
    pub fn open(dir: &Path) -> Result<SearchIndex, SearchError> {
        SearchIndex::open_with(dir, IndexOptions::default())
    }

    /// Opens the index in `dir` with writer options.
    pub fn open_with(dir: &Path, options: IndexOptions) -> Result<SearchIndex, SearchError> {
        std::fs::create_dir_all(dir).map_err(|source| SearchError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let schema = build_schema();
        let directory =
            tantivy::directory::MmapDirectory::open(dir).map_err(|e| SearchError::Io {
                path: dir.to_path_buf(),
                source: std::io::Error::other(e.to_string()),
            })?;
        let index = Index::open_or_create(directory, schema.clone()).map_err(|e| match e {
            tantivy::TantivyError::SchemaError(_) => SearchError::SchemaChanged(dir.to_path_buf()),
            other => SearchError::Tantivy(other),
        })?;
        if index.schema() != schema {
            return Err(SearchError::SchemaChanged(dir.to_path_buf()));
        }
        SearchIndex::from_index(index, options)
    }

    /// Deletes the index in `dir` (only if it holds a tantivy index) and creates an empty one:
    /// for `ficarchive reindex` after [`SearchError::SchemaChanged`].
    pub fn recreate(dir: &Path, options: IndexOptions) -> Result<SearchIndex, SearchError> {
        let io = |source| SearchError::Io {
            path: dir.to_path_buf(),
            source,
        };
        if dir.join("meta.json").exists() {
            std::fs::remove_dir_all(dir).map_err(io)?;
        }
        SearchIndex::open_with(dir, options)
    }

    /// An index in memory (tests, benchmarks, a CLI run without a data folder).
    pub fn open_in_ram() -> Result<SearchIndex, SearchError> {
        SearchIndex::open_in_ram_with(IndexOptions::default())
    }

    /// An index in memory with writer options.
    pub fn open_in_ram_with(options: IndexOptions) -> Result<SearchIndex, SearchError> {
        SearchIndex::from_index(Index::create_in_ram(build_schema()), options)
    }

    fn from_index(index: Index, options: IndexOptions) -> Result<SearchIndex, SearchError> {
        let en_stem = index.tokenizers().get("en_stem").ok_or_else(|| {
            SearchError::Tantivy(tantivy::TantivyError::InternalError(
                "tantivy has no en_stem analyzer".into(),
            ))
        })?;
        index
            .tokenizers()
            .register(TAG_TEXT_TOKENIZER, MemoTokenizer::new(en_stem));
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        let fields = Fields::new(&index.schema())?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            writer: Mutex::new(None),
            options,
            all_facets: GenerationCache::default(),
            tag_table: GenerationCache::default(),
            taxonomy_table: Mutex::new(None),
        })
    }

    fn writer(&self) -> Result<MutexGuard<'_, Option<WriterState>>, SearchError> {
        let mut guard = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        if guard.is_none() {
            let threads = self.options.writer_threads.clamp(1, 8);
            let memory = self.options.writer_memory.max(threads * 20_000_000);
            let writer = self.index.writer_with_num_threads(threads, memory)?;
            *guard = Some(WriterState { writer, pending: 0 });
        }
        Ok(guard)
    }

    /// Adds or replaces a work. The old version's deletion and the new version's addition go
    /// into the same commit, so a search never sees both or neither. Commits by itself every
    /// [`IndexOptions::commit_every`] changes; call [`SearchIndex::commit`] to publish the rest.
    pub fn upsert(&self, doc: &IndexDoc) -> Result<(), SearchError> {
        let mut guard = self.writer()?;
        let state = guard.as_mut().ok_or(SearchError::Poisoned)?;
        state
            .writer
            .delete_term(Term::from_field_u64(self.fields.id, doc.id));
        state.writer.add_document(self.to_document(doc))?;
        state.pending += 1;
        if state.pending >= self.options.commit_every {
            self.commit_locked(state)?;
        }
        Ok(())
    }

    /// Removes a work (takes effect at the next commit).
    pub fn delete(&self, id: u64) -> Result<(), SearchError> {
        let mut guard = self.writer()?;
        let state = guard.as_mut().ok_or(SearchError::Poisoned)?;
        state
            .writer
            .delete_term(Term::from_field_u64(self.fields.id, id));
        state.pending += 1;
        if state.pending >= self.options.commit_every {
            self.commit_locked(state)?;
        }
        Ok(())
    }

    /// Publishes pending changes atomically and makes them visible to searches.
    pub fn commit(&self) -> Result<(), SearchError> {
        let mut guard = self.writer()?;
        let state = guard.as_mut().ok_or(SearchError::Poisoned)?;
        self.commit_locked(state)
    }

    fn commit_locked(&self, state: &mut WriterState) -> Result<(), SearchError> {
        state.writer.commit()?;
        state.pending = 0;
        self.reader.reload()?;
        Ok(())
    }

    /// Starts a rebuild: the index is emptied and refilled in one commit.
    pub fn begin_rebuild(&self) -> Result<Rebuild<'_>, SearchError> {
        let mut guard = self.writer()?;
        let state = guard.as_mut().ok_or(SearchError::Poisoned)?;
        // Drop uncommitted changes from before: the rebuild replaces everything.
        state.writer.rollback()?;
        state.pending = 0;
        state.writer.delete_all_documents()?;
        // Segments are merged once, by `finish`: merging them while they are written would
        // rewrite the same postings several times.
        state.writer.set_merge_policy(Box::new(NoMergePolicy));
        Ok(Rebuild {
            index: self,
            guard,
            added: 0,
            committed: false,
        })
    }

    /// Rebuilds the index from `docs`, calling `progress(works_done)` after each work (the CLI
    /// draws its progress bar there). Returns how many works were indexed.
    pub fn rebuild<I, F>(&self, docs: I, mut progress: F) -> Result<u64, SearchError>
    where
        I: IntoIterator<Item = IndexDoc>,
        F: FnMut(u64),
    {
        let mut r = self.begin_rebuild()?;
        for doc in docs {
            r.add(&doc)?;
            progress(r.added());
        }
        r.finish()
    }

    /// Merges all segments into one (after a bulk load) and waits for it.
    pub fn optimize(&self) -> Result<(), SearchError> {
        let mut guard = self.writer()?;
        let state = guard.as_mut().ok_or(SearchError::Poisoned)?;
        self.commit_locked(state)?;
        let ids = self.index.searchable_segment_ids()?;
        if ids.len() > 1 {
            state.writer.merge(&ids).wait()?;
        }
        self.reader.reload()?;
        Ok(())
    }

    /// Works in the index (after the last commit).
    pub fn num_works(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Bytes the index takes (its files, for an index on disk; its segments' bytes in memory).
    pub fn size_bytes(&self) -> u64 {
        let searcher = self.reader.searcher();
        searcher
            .segment_readers()
            .iter()
            .filter_map(|s| s.space_usage().ok())
            .map(|u| u.total().get_bytes())
            .sum()
    }

    fn to_document(&self, d: &IndexDoc) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.id, d.id);
        doc.add_text(f.title, &d.title);
        for a in &d.authors {
            doc.add_text(f.authors, a);
        }
        if !d.summary.is_empty() {
            doc.add_text(f.summary, &d.summary);
        }
        if !d.notes.is_empty() {
            doc.add_text(f.notes, &d.notes);
        }
        for s in &d.series {
            doc.add_text(f.series, s);
        }
        if !d.body.is_empty() {
            doc.add_text(f.body, &d.body);
        }
        for (_, t) in &d.tags {
            doc.add_text(f.tagtext, t);
        }
        for (_, t) in &d.canonical {
            if !d.tags.iter().any(|(_, raw)| raw == t) {
                doc.add_text(f.tagtext, t);
            }
        }
        for key in &d.filter_keys {
            doc.add_text(f.tag, key);
        }
        for (kind, name) in &d.canonical {
            doc.add_text(f.facet(*kind), name);
        }
        if let Some(lang) = &d.language {
            doc.add_text(f.language, language_key(lang));
        }
        doc.add_u64(f.status, status_code(d.status));
        let numbers = [
            (F_WORDS, d.words),
            (F_CHAPTERS, d.chapters),
            (F_KUDOS, d.counts.kudos),
            (F_HITS, d.counts.hits),
            (F_COMMENTS, d.counts.comments),
            (F_BOOKMARKS, d.counts.bookmarks),
            (F_PUBLISHED, day_number(d.published)),
            (F_UPDATED, day_number(d.updated.or(d.published))),
            (F_FANDOMS, d.fandom_count),
        ];
        for (name, value) in numbers {
            doc.add_u64(f.number(name), value);
        }
        let title_key = normalize_key(&d.title);
        if !title_key.is_empty() {
            doc.add_text(f.title_sort, title_key);
        }
        if let Some(author_key) = d.authors.first().map(|a| normalize_key(a))
            && !author_key.is_empty()
        {
            doc.add_text(f.author_sort, author_key);
        }
        let a = &d.analysis;
        for (field, names) in [
            (f.appears, &a.characters_appearing),
            (f.speaks, &a.characters_speaking),
            (f.pov, &a.pov_persons),
            (f.pov_character, &a.pov_characters),
            (f.inferred, &a.relationships),
        ] {
            let keys: BTreeSet<String> = names
                .iter()
                .map(|n| {
                    if field == f.pov {
                        pov_key(n)
                    } else {
                        tag_key(n)
                    }
                })
                .collect();
            for k in keys.into_iter().filter(|k| !k.is_empty()) {
                doc.add_text(field, k);
            }
        }
        doc
    }

    /// Runs a query: filters, free text, sort, one page of ids and facet counts.
    pub fn search(
        &self,
        query: &WorkQuery,
        taxonomy: &Taxonomy,
    ) -> Result<SearchResults, SearchError> {
        let mut q = query.clone();
        let main = parse_into(&query.q, &mut q)?;
        let within = parse_into(&query.within, &mut q)?;
        let text_clauses: Vec<&TextClause> = main.clauses.iter().chain(&within.clauses).collect();
        validate(&q)?;

        let mut must: Vec<Box<dyn Query>> = Vec::new();
        let mut must_not: Vec<Box<dyn Query>> = Vec::new();
        let mut filters: Vec<Box<dyn Query>> = Vec::new();
        let mut has_text = false;
        for clause in &text_clauses {
            let Some(tq) = self.text_query(clause)? else {
                continue;
            };
            if clause.negated {
                must_not.push(tq);
            } else {
                has_text = true;
                must.push(tq);
            }
        }
        self.filter_queries(&q, taxonomy, &mut filters, &mut must_not)?;

        let whole_archive = must.is_empty() && filters.is_empty() && must_not.is_empty();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for m in must {
            clauses.push((Occur::Must, m));
        }
        for fq in filters {
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(fq, 0.0))));
        }
        if clauses.is_empty() {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        for n in must_not {
            clauses.push((Occur::MustNot, n));
        }
        let full = BooleanQuery::new(clauses);

        let (mut sort, order) = q.effective_sort(has_text);
        if sort == SortField::BestMatch && !has_text {
            // Best match needs text to rank by; listings fall back to AO3's default.
            sort = SortField::DateUpdated;
        }
        let source = match sort {
            SortField::BestMatch => SortSource::Score,
            SortField::Author => SortSource::Text(F_AUTHOR_SORT),
            SortField::Title => SortSource::Text(F_TITLE_SORT),
            SortField::DatePosted => SortSource::Number(F_PUBLISHED),
            SortField::DateUpdated => SortSource::Number(F_UPDATED),
            SortField::Words => SortSource::Number(F_WORDS),
            SortField::Hits => SortSource::Number(F_HITS),
            SortField::Kudos => SortSource::Number(F_KUDOS),
            SortField::Comments => SortSource::Number(F_COMMENTS),
            SortField::Bookmarks => SortSource::Number(F_BOOKMARKS),
        };
        let searcher = self.reader.searcher();
        let per_page = u64::from(q.per_page.clamp(1, MAX_PER_PAGE));
        let offset = u64::from(q.page.max(1) - 1).saturating_mul(per_page);
        let wanted = offset.saturating_add(per_page).min(searcher.num_docs());
        let top = TopByKey {
            source,
            descending: order == SortOrder::Desc,
            limit: usize::try_from(wanted).unwrap_or(usize::MAX),
        };
        let limit = q.facet_limit as usize;
        let (top, facets) = if q.facets && whole_archive {
            // Every unfiltered listing shows the same facets: count them once per generation.
            let all = self.all_facets(&searcher)?;
            let top = searcher.search(&full, &top)?;
            let facets = all
                .iter()
                .map(|(kind, values)| (kind.clone(), values.iter().take(limit).cloned().collect()))
                .collect();
            (top, Some(facets))
        } else {
            let facets = q.facets.then(|| facet_counts(&searcher, limit));
            searcher.search(&full, &(top, facets))?
        };
        let skip = usize::try_from(offset).unwrap_or(usize::MAX);
        let ids = top
            .hits
            .into_iter()
            .skip(skip)
            .map(|(_, id): (SortValue, u64)| id)
            .collect();
        Ok(SearchResults {
            total: top.count,
            ids,
            facets: facets
                .unwrap_or_default()
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .collect(),
            sort,
            order,
        })
    }

    /// Tokens of `text` as the field's analyzer produces them.
    fn tokens(&self, field: Field, text: &str) -> Result<Vec<String>, SearchError> {
        let mut analyzer = self.index.tokenizer_for_field(field)?;
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() && out.len() < MAX_TOKENS_PER_CLAUSE {
            out.push(stream.token().text.clone());
        }
        Ok(out)
    }

    /// The query for one free-text clause over its field(s), `None` when it has no words.
    fn text_query(&self, clause: &TextClause) -> Result<Option<Box<dyn Query>>, SearchError> {
        let f = &self.fields;
        // AO3 weighs title ×7 and creators ×5 over the rest.
        let fields: Vec<(Field, f32)> = match clause.field {
            None => vec![
                (f.title, 7.0),
                (f.authors, 5.0),
                (f.summary, 2.0),
                (f.notes, 1.0),
                (f.series, 1.0),
                (f.tagtext, 2.0),
                (f.body, 1.0),
            ],
            Some(TextField::Title) => vec![(f.title, 1.0)],
            Some(TextField::Author) => vec![(f.authors, 1.0)],
            Some(TextField::Summary) => vec![(f.summary, 1.0)],
            Some(TextField::Notes) => vec![(f.notes, 1.0)],
            Some(TextField::Series) => vec![(f.series, 1.0)],
            Some(TextField::Body) => vec![(f.body, 1.0)],
            Some(TextField::Tags) => vec![(f.tagtext, 1.0)],
        };
        let mut per_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, boost) in fields {
            let tokens = self.tokens(field, &clause.text)?;
            let terms: Vec<Term> = tokens
                .iter()
                .map(|t| Term::from_field_text(field, t))
                .collect();
            let q: Box<dyn Query> = match terms.len() {
                0 => continue,
                1 => Box::new(TermQuery::new(
                    terms
                        .into_iter()
                        .next()
                        .unwrap_or_else(|| Term::from_field_text(field, "")),
                    IndexRecordOption::WithFreqs,
                )),
                _ => Box::new(PhraseQuery::new(terms)),
            };
            let q: Box<dyn Query> = if (boost - 1.0).abs() > f32::EPSILON {
                Box::new(BoostQuery::new(q, boost))
            } else {
                q
            };
            per_field.push((Occur::Should, q));
        }
        Ok(match per_field.len() {
            0 => None,
            1 => per_field.pop().map(|(_, q)| q),
            _ => Some(Box::new(BooleanQuery::new(per_field))),
        })
    }

    fn filter_queries(
        &self,
        q: &WorkQuery,
        taxonomy: &Taxonomy,
        filters: &mut Vec<Box<dyn Query>>,
        must_not: &mut Vec<Box<dyn Query>>,
    ) -> Result<(), SearchError> {
        let f = &self.fields;
        let key_set = |field: Field, keys: BTreeSet<String>| -> Box<dyn Query> {
            Box::new(TermSetQuery::new(
                keys.into_iter().map(|k| Term::from_field_text(field, &k)),
            ))
        };
        for tag in q.include.iter().chain(&q.warning).chain(&q.category) {
            filters.push(key_set(f.tag, expanded_keys(tag, taxonomy)));
        }
        let mut excluded = BTreeSet::new();
        for tag in &q.exclude {
            excluded.extend(expanded_keys(tag, taxonomy));
        }
        if !excluded.is_empty() {
            must_not.push(key_set(f.tag, excluded));
        }
        let rating_terms = |names: &[String]| -> Result<Vec<Term>, QueryError> {
            names
                .iter()
                .map(|r| {
                    Rating::parse(r)
                        .map(|r| Term::from_field_text(f.facet(TagKind::Rating), r.label()))
                        .ok_or_else(|| QueryError::BadValue {
                            field: "rating".into(),
                            value: r.clone(),
                        })
                })
                .collect()
        };
        if !q.rating.is_empty() {
            filters.push(Box::new(TermSetQuery::new(rating_terms(&q.rating)?)));
        }
        if !q.exclude_rating.is_empty() {
            must_not.push(Box::new(TermSetQuery::new(rating_terms(
                &q.exclude_rating,
            )?)));
        }
        let range = |field: Field, min: Option<u64>, max: Option<u64>| -> Box<dyn Query> {
            if let (Some(a), Some(b)) = (min, max)
                && a > b
            {
                return Box::new(EmptyQuery);
            }
            let bound = |v: Option<u64>| match v {
                Some(v) => Bound::Included(Term::from_field_u64(field, v)),
                None => Bound::Unbounded,
            };
            Box::new(RangeQuery::new(bound(min), bound(max)))
        };
        match q.crossover {
            Crossover::Include => {}
            Crossover::Exclude => filters.push(range(f.number(F_FANDOMS), None, Some(1))),
            Crossover::Only => filters.push(range(f.number(F_FANDOMS), Some(2), None)),
        }
        let complete = || -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_u64(f.status, status_code(Status::Complete)),
                IndexRecordOption::Basic,
            ))
        };
        match q.complete {
            Completion::All => {}
            Completion::Complete => filters.push(complete()),
            Completion::InProgress => must_not.push(complete()),
        }
        if q.single_chapter {
            filters.push(range(f.number(F_CHAPTERS), Some(1), Some(1)));
        }
        if let Some(lang) = q.language.as_deref().filter(|l| !l.trim().is_empty()) {
            filters.push(Box::new(TermQuery::new(
                Term::from_field_text(f.language, &language_key(lang)),
                IndexRecordOption::Basic,
            )));
        }
        let numeric = [
            (F_WORDS, q.words),
            (F_CHAPTERS, q.chapters),
            (F_HITS, q.hits),
            (F_KUDOS, q.kudos),
            (F_COMMENTS, q.comments),
            (F_BOOKMARKS, q.bookmarks),
        ];
        for (name, r) in numeric {
            if let Some(r) = r
                && (r.min.is_some() || r.max.is_some())
            {
                filters.push(range(f.number(name), r.min, r.max));
            }
        }
        for (name, r) in [(F_PUBLISHED, q.published), (F_UPDATED, q.updated)] {
            if let Some(r) = r
                && (r.from.is_some() || r.to.is_some())
            {
                // Day 0 means "no date": a lower bound of day 1 keeps undated works out.
                let min = Some(r.from.map_or(1, |d| day_number(Some(d))));
                let max = r.to.map(|d| day_number(Some(d)));
                filters.push(range(f.number(name), min, max));
            }
        }
        for name in &q.appears {
            filters.push(key_set(f.appears, expanded_keys(name, taxonomy)));
        }
        for name in &q.speaks {
            filters.push(key_set(f.speaks, expanded_keys(name, taxonomy)));
        }
        for name in &q.inferred_relationship {
            filters.push(key_set(f.inferred, expanded_keys(name, taxonomy)));
        }
        if !q.pov.is_empty() {
            let keys = q.pov.iter().map(|p| pov_key(p)).collect();
            filters.push(key_set(f.pov, keys));
        }
        if !q.pov_character.is_empty() {
            let mut keys = BTreeSet::new();
            for name in &q.pov_character {
                keys.extend(expanded_keys(name, taxonomy));
            }
            filters.push(key_set(f.pov_character, keys));
        }
        Ok(())
    }

    /// Facet counts of every value over the whole index (live works only), once per generation.
    fn all_facets(&self, searcher: &tantivy::Searcher) -> Result<Arc<AllFacets>, SearchError> {
        self.all_facets.get_or_build(
            searcher.generation().generation_id(),
            searcher.generation().segments(),
            || Ok(searcher.search(&AllQuery, &facet_counts(searcher, usize::MAX))?),
        )
    }

    /// What [`Taxonomy::suggest`] answers (canonicals whose name or a synonym's key starts with
    /// `key`, the first `limit` by lower-cased name), from a sorted key table built once per
    /// taxonomy version: the table keeps a copy of the entries it was built from and is rebuilt
    /// when the taxonomy passed in differs from it in any way.
    fn taxonomy_suggestions<'t>(
        &self,
        taxonomy: &'t Taxonomy,
        key: &str,
        kind: Option<TagKind>,
        limit: usize,
    ) -> Vec<&'t str> {
        let table = {
            let mut slot = self
                .taxonomy_table
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            match slot.as_ref() {
                Some(t) if t.built_from(taxonomy) => Arc::clone(t),
                _ => {
                    let t = Arc::new(TaxonomyTable::new(taxonomy));
                    *slot = Some(Arc::clone(&t));
                    t
                }
            }
        };
        table
            .prefix(key, kind, limit)
            .into_iter()
            .filter_map(|name| taxonomy.get(name).map(|e| e.name.as_str()))
            .collect()
    }

    /// Tag autocomplete: canonical tags whose name (or a word of it, or a synonym) starts with
    /// `prefix`, of one kind or any, most used first.
    pub fn suggest_tags(
        &self,
        prefix: &str,
        kind: Option<TagKind>,
        limit: usize,
        taxonomy: &Taxonomy,
    ) -> Result<Vec<TagSuggestion>, SearchError> {
        let key = tag_key(prefix);
        if key.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let kinds: Vec<TagKind> = match kind {
            Some(k) => vec![k],
            None => TagKind::ALL.to_vec(),
        };
        let searcher = self.reader.searcher();
        let table = self.tag_table.get_or_build(
            searcher.generation().generation_id(),
            searcher.generation().segments(),
            || {
                let all = self.all_facets(&searcher)?;
                let tags = all
                    .iter()
                    .filter_map(|(facet, values)| {
                        let kind = TagKind::ALL.into_iter().find(|k| k.as_str() == facet)?;
                        Some((kind, values))
                    })
                    .flat_map(|(kind, values)| {
                        values.iter().map(move |(name, works)| TagEntry {
                            kind,
                            name: name.clone(),
                            works: *works,
                        })
                    })
                    .collect();
                Ok::<_, SearchError>(TagTable::new(tags))
            },
        )?;
        let mut out: Vec<TagSuggestion> = table
            .prefix(&key, &kinds, limit)
            .into_iter()
            .map(|e| TagSuggestion {
                name: e.name.clone(),
                kind: e.kind,
                works: e.works,
            })
            .collect();
        // Canonicals found through a synonym (or not yet used by any work) come from the
        // taxonomy, which can change between commits, so it is asked every time.
        for name in self.taxonomy_suggestions(taxonomy, &key, kind, limit.saturating_mul(4)) {
            if let Some(k) = taxonomy.kind_of(name)
                && kinds.contains(&k)
                && !out.iter().any(|s| s.kind == k && s.name == name)
            {
                out.push(TagSuggestion {
                    name: name.to_string(),
                    kind: k,
                    works: table.works(k, name),
                });
            }
        }
        out.sort_by(|a, b| {
            b.works
                .cmp(&a.works)
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
                .then_with(|| a.kind.cmp(&b.kind))
                .then_with(|| a.name.cmp(&b.name))
        });
        out.truncate(limit);
        Ok(out)
    }
}

/// Counts of the `limit` most frequent canonical tags of every kind.
fn facet_counts(searcher: &tantivy::Searcher, limit: usize) -> FacetCounts {
    FacetCounts {
        fields: TagKind::ALL
            .into_iter()
            .map(|k| (k.as_str().to_string(), facet_field(k)))
            .collect(),
        limit,
        single_segment: searcher.segment_readers().len() == 1,
    }
}

/// Keys a tag filter matches: the names [`Taxonomy::expand`] gives (bounded) plus the canonical.
fn expanded_keys(tag: &str, taxonomy: &Taxonomy) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    keys.insert(tag_key(taxonomy.canonical(tag.trim())));
    for name in taxonomy.expand(tag.trim()).into_iter().take(MAX_EXPANSION) {
        keys.insert(tag_key(name));
    }
    keys.remove("");
    if keys.is_empty() {
        // A tag of punctuation only matches nothing rather than everything.
        keys.insert("\u{0}".to_string());
    }
    keys
}

/// "1st", "First person", "first" all become "first".
fn pov_key(p: &str) -> String {
    let k = normalize_key(p);
    let first = k.split(' ').next().unwrap_or_default();
    match first {
        "1" | "1st" | "first" => "first".into(),
        "2" | "2nd" | "second" => "second".into(),
        "3" | "3rd" | "third" => "third".into(),
        other => other.to_string(),
    }
}

/// The language key: a normalised name, with common ISO 639-1 codes mapped to AO3's names.
fn language_key(lang: &str) -> String {
    let k = normalize_key(lang);
    let name = match k.as_str() {
        "en" | "eng" => "english",
        "es" | "spa" | "spanish" => "español",
        "fr" | "fra" | "french" => "français",
        "de" | "deu" | "ger" | "german" => "deutsch",
        "it" | "ita" | "italian" => "italiano",
        "pt" | "por" | "portuguese" => "português",
        "ru" | "rus" | "russian" => "русский",
        "zh" | "chi" | "zho" | "chinese" => "中文",
        "ja" | "jpn" | "japanese" => "日本語",
        "nl" | "dut" | "nld" | "dutch" => "nederlands",
        "pl" | "pol" | "polish" => "polski",
        _ => return k,
    };
    name.to_string()
}

fn validate(q: &WorkQuery) -> Result<(), QueryError> {
    let tags = q.include.len() + q.exclude.len() + q.warning.len() + q.category.len();
    if tags > MAX_TAG_FILTERS {
        return Err(QueryError::TooManyTags(tags));
    }
    for t in q
        .include
        .iter()
        .chain(&q.exclude)
        .chain(&q.warning)
        .chain(&q.category)
        .chain(&q.appears)
        .chain(&q.speaks)
        .chain(&q.pov_character)
        .chain(&q.inferred_relationship)
    {
        if t.chars().count() > MAX_TAG_CHARS {
            return Err(QueryError::TagTooLong(t.chars().take(40).collect()));
        }
    }
    let others = q.appears.len()
        + q.speaks.len()
        + q.pov.len()
        + q.pov_character.len()
        + q.inferred_relationship.len()
        + q.rating.len()
        + q.exclude_rating.len();
    if others > MAX_TAG_FILTERS {
        return Err(QueryError::TooManyTags(others));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_of_another_schema_is_reported_and_recreated() {
        let dir = tempfile::tempdir().expect("temporary folder");
        // An index as the previous schema wrote it: the id was stored.
        let mut old = SchemaBuilder::new();
        old.add_u64_field(F_ID, INDEXED | FAST | tantivy::schema::STORED);
        Index::create_in_dir(dir.path(), old.build()).expect("old index");
        assert!(matches!(
            SearchIndex::open(dir.path()),
            Err(SearchError::SchemaChanged(_))
        ));
        let index =
            SearchIndex::recreate(dir.path(), IndexOptions::default()).expect("recreated index");
        assert_eq!(index.num_works(), 0);
        drop(index);
        assert!(SearchIndex::open(dir.path()).is_ok());
    }

    #[test]
    fn taxonomy_suggestions_answer_as_the_taxonomy_does() {
        let mut tax = Taxonomy::new();
        for i in 0..40 {
            let name = format!("Character {i} (Show)");
            tax.make_canonical(TagKind::Character, &name)
                .expect("taxonomy edit");
            if i % 3 == 0 {
                tax.merge_synonym(&format!("chara {i}"), &name)
                    .expect("taxonomy edit");
            }
        }
        tax.make_canonical(TagKind::Freeform, "Chaos")
            .expect("taxonomy edit");
        tax.merge_synonym("Zany Chaos", "Chaos")
            .expect("taxonomy edit");
        tax.make_canonical(TagKind::Fandom, "Show")
            .expect("taxonomy edit");
        let index = SearchIndex::open_in_ram().expect("taxonomy edit");
        for prefix in [
            "char",
            "chara 1",
            "Character 1",
            "zany",
            "c",
            "show",
            "nothing",
        ] {
            for kind in [None, Some(TagKind::Character), Some(TagKind::Freeform)] {
                for limit in [1, 5, 100] {
                    // Twice: the second time from the cached table.
                    for _ in 0..2 {
                        assert_eq!(
                            index.taxonomy_suggestions(&tax, &tag_key(prefix), kind, limit),
                            tax.suggest(prefix, kind, limit),
                            "{prefix} {kind:?} {limit}"
                        );
                    }
                }
            }
        }
        // An edit to the taxonomy is seen at the next call.
        tax.merge_synonym("Zebra", "Chaos").expect("taxonomy edit");
        assert_eq!(index.taxonomy_suggestions(&tax, "zeb", None, 5), ["Chaos"]);
        tax.make_canonical(TagKind::Freeform, "Zebra")
            .expect("taxonomy edit");
        assert_eq!(index.taxonomy_suggestions(&tax, "zeb", None, 5), ["Zebra"]);
    }
}
