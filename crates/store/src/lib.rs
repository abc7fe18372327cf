//! ficarchive's database: the [`Store`] trait, the source of truth for works, and its two
//! implementations: SQLite in a data folder (the embedded default) and PostgreSQL (several app nodes).
//!
//! Callers hold an `Arc<dyn Store>` from [`open`] and never see which backend is behind it.

use std::sync::Arc;

mod identity;
mod sql;

pub use sql::{Backend, SqlStore};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use ficarchive_model::{Rating, Status, Work};
use serde::{Deserialize, Serialize};

/// A work's identifier in the store.
pub type WorkId = i64;

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened or created at the given place.
    #[error("cannot open the database at {location}: {source}")]
    Open {
        /// The data folder or database URL (password redacted).
        location: String,
        /// The underlying error.
        #[source]
        source: sqlx::Error,
    },
    /// A migration failed.
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A query failed.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A stored work could not be decoded (the database was edited by hand or is corrupt).
    #[error("stored work {id} is unreadable: {reason}")]
    Corrupt {
        /// The work.
        id: WorkId,
        /// What is wrong.
        reason: String,
    },
    /// An I/O error on the data folder.
    #[error("data folder {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

/// A result from the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A work on its way into the store.
#[derive(Debug, Clone)]
pub struct NewWork<'a> {
    /// The parsed work.
    pub work: &'a Work,
    /// The decoded source text the work's spans point into, when it came from a file.
    pub source_text: Option<&'a str>,
    /// The analysis JSON (the `analysis` object of `ficarchive analyze`), when it was run.
    pub analysis: Option<&'a serde_json::Value>,
}

/// What saving a work did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum SaveOutcome {
    /// A new work was stored.
    Imported {
        /// Its new id.
        id: WorkId,
    },
    /// An existing work (same source URL, uid, or title + authors) was replaced by a newer version.
    Updated {
        /// The existing work's id.
        id: WorkId,
        /// Chapter numbers that are new.
        new_chapters: Vec<u32>,
        /// Chapter numbers whose text or notes changed.
        edited_chapters: Vec<u32>,
    },
    /// The same work was already stored exactly as it is.
    Unchanged {
        /// The existing work's id.
        id: WorkId,
    },
}

impl SaveOutcome {
    /// The id of the work saved.
    pub fn id(&self) -> WorkId {
        match self {
            SaveOutcome::Imported { id }
            | SaveOutcome::Updated { id, .. }
            | SaveOutcome::Unchanged { id } => *id,
        }
    }
}

/// A work as stored, with the store's own bookkeeping.
#[derive(Debug, Clone)]
pub struct StoredWork {
    /// Its id.
    pub id: WorkId,
    /// The work.
    pub work: Work,
    /// The decoded source text, when it came from a file.
    pub source_text: Option<String>,
    /// The stored analysis JSON, if any.
    pub analysis: Option<serde_json::Value>,
    /// When it was first stored.
    pub created_at: DateTime<Utc>,
    /// When its content last changed.
    pub updated_at: DateTime<Utc>,
}

/// The few fields a listing needs, read without decoding whole works.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkSummary {
    /// Its id.
    pub id: WorkId,
    /// Title ("Untitled" never stored: `None` when the source had none).
    pub title: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Fandoms.
    pub fandoms: Vec<String>,
    /// Rating.
    pub rating: Option<Rating>,
    /// Status.
    pub status: Status,
    /// Words of story text.
    pub words: u64,
    /// Chapters posted.
    pub chapters: u32,
    /// Summary.
    pub summary: Option<String>,
    /// When it was first stored.
    pub created_at: DateTime<Utc>,
    /// When its content last changed.
    pub updated_at: DateTime<Utc>,
}

/// A recorded update of a work: what readers subscribed to it are told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkUpdate {
    /// The work.
    pub work_id: WorkId,
    /// When.
    pub at: DateTime<Utc>,
    /// New chapter numbers.
    pub new_chapters: Vec<u32>,
    /// Edited chapter numbers.
    pub edited_chapters: Vec<u32>,
}

/// The archive's storage. Every method is one transaction: a crash never leaves half a work.
#[async_trait]
pub trait Store: Send + Sync {
    /// Stores a work, or updates the stored work it is recognised as (same source URL, same
    /// source uid, or same normalised title and authors); records an update when chapters were
    /// added or edited.
    async fn save_work(&self, new: NewWork<'_>) -> Result<SaveOutcome>;
    /// Replaces the stored analysis of a work.
    async fn set_analysis(&self, id: WorkId, analysis: &serde_json::Value) -> Result<()>;
    /// One work, or `None` when there is no such id.
    async fn get_work(&self, id: WorkId) -> Result<Option<StoredWork>>;
    /// Summaries ordered by id, `limit` of them after `offset` rows.
    async fn list_works(&self, offset: u64, limit: u64) -> Result<Vec<WorkSummary>>;
    /// Summaries of the given ids, in the order given (missing ids are skipped).
    async fn work_summaries(&self, ids: &[WorkId]) -> Result<Vec<WorkSummary>>;
    /// How many works are stored.
    async fn count_works(&self) -> Result<u64>;
    /// Ids greater than `after`, ascending, at most `limit`: a stable cursor for reindexing.
    async fn work_ids_after(&self, after: WorkId, limit: u64) -> Result<Vec<WorkId>>;
    /// Deletes a work; `false` when there was none.
    async fn delete_work(&self, id: WorkId) -> Result<bool>;
    /// A work's recorded updates, newest first.
    async fn work_updates(&self, id: WorkId) -> Result<Vec<WorkUpdate>>;
    /// Recorded updates of all works since `since`, oldest first (the feed subscriptions read).
    async fn updates_since(&self, since: DateTime<Utc>, limit: u64) -> Result<Vec<WorkUpdate>>;
    /// A named JSON document of archive-wide state (the tag taxonomy, saved exclusion sets), if set.
    async fn load_document(&self, name: &str) -> Result<Option<serde_json::Value>>;
    /// Stores a named JSON document, replacing any previous one.
    async fn save_document(&self, name: &str, value: &serde_json::Value) -> Result<()>;
}

/// Opens the store named by `location`: a `postgres://` or `postgresql://` URL, or else a data folder
/// (created if missing) holding `ficarchive.sqlite3`. Runs pending migrations.
pub async fn open(location: &str) -> Result<Arc<dyn Store>> {
    Ok(Arc::new(SqlStore::open(location).await?))
}
