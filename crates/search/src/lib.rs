//! ficarchive search: a tantivy index of works with AO3's works filter and advanced search.
//!
//! The store stays the source of truth; this index is a derived cache that `ficarchive reindex`
//! rebuilds ([`SearchIndex::rebuild`]). Tags are resolved through the wranglers'
//! [`Taxonomy`](ficarchive_model::Taxonomy): filtering on a canonical tag finds works tagged with
//! any synonym, and excluding a parent or metatag hides its children. Queries are a
//! [`WorkQuery`] (serde, built from URL parameters or [`parse_query_string`]); results are a page
//! of ids in order, the total (no cap) and facet counts per tag kind. See `docs/search.md`.

mod cache;
mod collect;
mod doc;
mod index;
mod query;
mod tokens;

pub use doc::{AnalysisFields, IndexDoc, MIN_RELATIONSHIP_SCORE, TagResolver, WorkCounts};
pub use index::{IndexOptions, Rebuild, SearchError, SearchIndex, SearchResults, TagSuggestion};
pub use query::{
    Completion, Crossover, DateRange, ExclusionSet, MAX_PER_PAGE, MAX_QUERY_BYTES, MAX_TAG_CHARS,
    MAX_TAG_FILTERS, MAX_TEXT_CLAUSES, NumRange, QueryError, SortField, SortOrder, TextClause,
    TextField, WorkQuery, parse_query_string,
};
