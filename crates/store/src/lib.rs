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
use ficarchive_model::{Chapter, Rating, Status, Work};
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

/// One chapter's place in a work's outline: what a chapter index and previous/next links need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChapterHead {
    /// The chapter's number in the work.
    pub number: u32,
    /// Its title without the "Chapter N:" label.
    pub title: Option<String>,
    /// Words of story text in it.
    pub words: u64,
}

/// What a chapter page needs of a work, read by [`Store::get_chapter`] without decoding the
/// whole work: the preface, the outline of every chapter, and the one chapter asked for.
#[derive(Debug, Clone)]
pub struct WorkChapter {
    /// The work's id.
    pub id: WorkId,
    /// The work without its chapters (`preface.chapters` is empty): title, authors, tags,
    /// summary, notes, series, dates, stats.
    pub preface: Work,
    /// Every chapter's number, title and words, in the work's order.
    pub outline: Vec<ChapterHead>,
    /// The first chapter with the number asked for, or `None` when the work has no such chapter.
    pub chapter: Option<Chapter>,
    /// Words of story text in the whole work.
    pub words: u64,
    /// Whether an analysis is stored for the work.
    pub has_analysis: bool,
    /// When it was first stored.
    pub created_at: DateTime<Utc>,
    /// When its content last changed.
    pub updated_at: DateTime<Utc>,
}

impl WorkChapter {
    /// The chapter read of chapter `number` of a whole stored work (what [`Store::get_chapter`]
    /// returns, computed the slow way).
    pub fn of_work(stored: &StoredWork, number: u32) -> WorkChapter {
        let work = &stored.work;
        let outline = outline_of(work);
        WorkChapter {
            id: stored.id,
            preface: preface_of(work),
            words: outline.iter().map(|c| c.words).sum(),
            outline,
            chapter: work.chapters.iter().find(|c| c.number == number).cloned(),
            has_analysis: stored.analysis.is_some(),
            created_at: stored.created_at,
            updated_at: stored.updated_at,
        }
    }
}

/// Each chapter's number, title and word count, in order.
pub(crate) fn outline_of(work: &Work) -> Vec<ChapterHead> {
    work.chapters
        .iter()
        .map(|c| ChapterHead {
            number: c.number,
            title: c.title.clone(),
            words: c.words() as u64,
        })
        .collect()
}

/// The work without its chapters.
pub(crate) fn preface_of(work: &Work) -> Work {
    // Cloning the chapters only to drop them costs a copy of the text, far less than the JSON
    // round trip it saves on every chapter read.
    Work {
        chapters: Vec::new(),
        ..work.clone()
    }
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
    /// Stores many works, each exactly as [`Store::save_work`] would in turn (a later work in the
    /// batch is recognised as the same as an earlier one), and returns their outcomes in order.
    /// For bulk imports: [`SqlStore`] does the batch in one transaction (if any work fails, none
    /// is stored) with one commit, reused prepared statements and multi-row inserts; this default
    /// saves the works one by one.
    async fn save_works(&self, works: &[NewWork<'_>]) -> Result<Vec<SaveOutcome>> {
        let mut outcomes = Vec::with_capacity(works.len());
        for new in works {
            outcomes.push(self.save_work(new.clone()).await?);
        }
        Ok(outcomes)
    }
    /// Chapter `number` of a work with the work's preface and outline, without decoding the
    /// whole work; `None` when there is no such work (a missing chapter is `chapter: None`).
    async fn get_chapter(&self, id: WorkId, number: u32) -> Result<Option<WorkChapter>> {
        Ok(self
            .get_work(id)
            .await?
            .map(|stored| WorkChapter::of_work(&stored, number)))
    }
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
