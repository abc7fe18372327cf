//! ficarchive's domain model: a fan work as the archive understands it.
//!
//! Every reader in `ficarchive-formats` produces a [`Work`]; the analysis, the store, the search index
//! and the web layer all consume it. The types are shaped so that invalid states cannot be built:
//! a chapter's story text lives in [`Scene`]s (so a scene break can only sit between paragraphs),
//! author's notes are kept apart from story text, and spans always point into the decoded source.
//!
//! The JSON form of a work ([`Work::to_json`]) is a public contract read by other tools; its field
//! names are fixed (see `docs/json.md`).

mod span;
mod tags;
mod taxonomy;
mod text;
mod work;

pub use span::Span;
pub use tags::{Rating, TagKind, Tags};
pub use taxonomy::{TagEntry, Taxonomy, TaxonomyError, tag_key};
pub use text::{count_words, normalize_key};
pub use work::{
    Chapter, ImportWarning, Note, Paragraph, Scene, SceneBreak, Series, SourceFormat, SourceInfo,
    Stats, Status, Work, WorkDates,
};

/// An error raised while decoding a work from its JSON contract.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The JSON did not match the work contract.
    #[error("invalid work JSON: {0}")]
    Json(#[from] serde_json::Error),
}
