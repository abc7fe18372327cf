//! The [`Store`] over SQL: one implementation for SQLite and PostgreSQL through sqlx's `Any` driver.
//!
//! The two backends differ only in their migrations (`migrations/sqlite`, `migrations/postgres`) and
//! connection set-up; every query is written in the SQL both accept (`$1` placeholders, `RETURNING`,
//! `ON CONFLICT`), so the behaviour cannot drift apart. Times are stored as milliseconds since the
//! epoch and JSON as text, the types both backends share.

use std::path::Path;
use std::str::FromStr;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use ficarchive_model::{Chapter, Rating, Status, Work};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, AssertSqlSafe, Executor, Row};
use tokio::sync::Mutex;

use crate::identity::{
    Identity, SAME_TEXT_SIMILARITY, chapter_hash, content_hash, diff_chapters, signature_similarity,
};
use crate::{
    ChapterHead, NewWork, Result, SaveOutcome, Store, StoreError, StoredWork, WorkChapter, WorkId,
    WorkSummary, WorkUpdate, outline_of, preface_of,
};

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// The database behind a [`SqlStore`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite in a data folder: the embedded default.
    Sqlite,
    /// PostgreSQL: for several app nodes sharing one archive.
    Postgres,
}

/// A store in SQLite or PostgreSQL.
pub struct SqlStore {
    pool: AnyPool,
    /// Where writes go: for SQLite one dedicated connection, whose page cache stays warm from one
    /// write to the next (a write through another connection would empty it); for PostgreSQL
    /// the pool itself.
    write_pool: AnyPool,
    backend: Backend,
    /// SQLite has one writer at a time: writes queue here instead of failing with SQLITE_BUSY.
    write_lock: Mutex<()>,
}

/// The URL with any password replaced, for error messages.
fn redact(location: &str) -> String {
    match (location.find("://"), location.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &location[scheme_end + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!(
                    "{}{user}:***{}",
                    &location[..scheme_end + 3],
                    &location[at..]
                ),
                None => location.to_string(),
            }
        }
        _ => location.to_string(),
    }
}

impl SqlStore {
    /// Opens (creating if needed) the store at a data folder or a PostgreSQL URL, and migrates it.
    pub async fn open(location: &str) -> Result<SqlStore> {
        sqlx::any::install_default_drivers();
        let is_postgres =
            location.starts_with("postgres://") || location.starts_with("postgresql://");
        let (url, backend) = if is_postgres {
            (location.to_string(), Backend::Postgres)
        } else {
            let dir = Path::new(location);
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                path: dir.display().to_string(),
                source,
            })?;
            let file = dir.join("ficarchive.sqlite3");
            let file = std::path::absolute(&file).unwrap_or(file);
            (
                format!("sqlite://{}?mode=rwc", file.display()),
                Backend::Sqlite,
            )
        };
        let open_error = |source| StoreError::Open {
            location: redact(location),
            source,
        };
        let options = AnyConnectOptions::from_str(&url).map_err(open_error)?;
        let pool_options = |connections: u32| match backend {
            Backend::Sqlite => AnyPoolOptions::new()
                .max_connections(connections)
                .after_connect(|conn, _| {
                    Box::pin(async move {
                        conn.execute("PRAGMA busy_timeout = 10000").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                        // 64 MiB of pages per connection instead of SQLite's 2 MiB: with a large
                        // archive the indexes' inner pages stay in memory, so a bulk save or a
                        // page's read does not go to the OS for every B-tree step.
                        conn.execute("PRAGMA cache_size = -65536").await?;
                        // A multi-row INSERT keeps a statement journal; in memory it costs no
                        // temporary file per statement.
                        conn.execute("PRAGMA temp_store = MEMORY").await?;
                        // Pages read through a memory map cost no system call and no copy, and
                        // survive what the page cache does not: every write by another pooled
                        // connection, which makes SQLite drop a connection's cache.
                        conn.execute("PRAGMA mmap_size = 2147418112").await?;
                        Ok(())
                    })
                }),
            Backend::Postgres => AnyPoolOptions::new().max_connections(8),
        };
        // Eight readers: a chapter read from a large archive often waits on the disk, and with four
        // a burst of distinct chapters queued behind them (1,000,000 works, random chapters: p99
        // 685 ms with four, 201 ms with eight; docs/web.md). Each may keep a 64 MiB page cache.
        let pool = pool_options(8)
            .connect_with(options.clone())
            .await
            .map_err(open_error)?;
        match backend {
            Backend::Sqlite => {
                // WAL lets readers (the web server) go on while an import writes; it persists in the file.
                pool.execute("PRAGMA journal_mode = WAL")
                    .await
                    .map_err(open_error)?;
                SQLITE_MIGRATIONS.run(&pool).await?;
            }
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&pool).await?,
        }
        let write_pool = match backend {
            Backend::Sqlite => pool_options(1)
                .connect_with(options)
                .await
                .map_err(open_error)?,
            Backend::Postgres => pool.clone(),
        };
        Ok(SqlStore {
            pool,
            write_pool,
            backend,
            write_lock: Mutex::new(()),
        })
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A turn to write: the SQLite write lock held (none for PostgreSQL) and the pool to write
    /// through.
    async fn write_turn(&self) -> (Option<tokio::sync::MutexGuard<'_, ()>>, &AnyPool) {
        match self.backend {
            Backend::Sqlite => (Some(self.write_lock.lock().await), &self.write_pool),
            Backend::Postgres => (None, &self.write_pool),
        }
    }

    /// The connection pool, for tests and tools that need raw SQL.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }
}

fn now_millis() -> i64 {
    Utc::now().timestamp_millis()
}

fn time_of(millis: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

fn numbers_json(numbers: &[u32]) -> String {
    serde_json::to_string(numbers).unwrap_or_else(|_| "[]".into())
}

fn parse_status(raw: &str) -> Option<Status> {
    [Status::Complete, Status::InProgress, Status::Unknown]
        .into_iter()
        .find(|s| s.as_str() == raw)
}

/// PostgreSQL text cannot hold NUL; the decoders never produce one, but JSON input can carry it.
fn no_nul(text: &str) -> String {
    text.replace('\0', "\u{FFFD}")
}

/// Columns a summary is read from, in this order.
const SUMMARY_COLUMNS: &str = "id, title, authors, fandoms, rating, status, words, chapter_count, summary, created_at, updated_at";

fn summary_from_row(row: &AnyRow) -> Result<WorkSummary> {
    let id: i64 = row.try_get("id")?;
    let corrupt = |reason: String| StoreError::Corrupt { id, reason };
    let list = |column: &str| -> Result<Vec<String>> {
        let raw: String = row.try_get(column)?;
        serde_json::from_str(&raw).map_err(|e| corrupt(format!("column {column}: {e}")))
    };
    Ok(WorkSummary {
        id,
        title: row.try_get("title")?,
        authors: list("authors")?,
        fandoms: list("fandoms")?,
        rating: match row.try_get::<Option<String>, _>("rating")? {
            None => None,
            Some(raw) => Some(
                Rating::parse(&raw).ok_or_else(|| corrupt(format!("unknown rating {raw:?}")))?,
            ),
        },
        status: {
            let raw: String = row.try_get("status")?;
            parse_status(&raw).ok_or_else(|| corrupt(format!("unknown status {raw:?}")))?
        },
        words: row.try_get::<i64, _>("words")?.max(0) as u64,
        chapters: row
            .try_get::<i64, _>("chapter_count")?
            .clamp(0, u32::MAX as i64) as u32,
        summary: row.try_get("summary")?,
        created_at: time_of(row.try_get("created_at")?),
        updated_at: time_of(row.try_get("updated_at")?),
    })
}

fn update_from_row(row: &AnyRow) -> Result<WorkUpdate> {
    let work_id: i64 = row.try_get("work_id")?;
    let numbers = |column: &str| -> Result<Vec<u32>> {
        let raw: String = row.try_get(column)?;
        serde_json::from_str(&raw).map_err(|e| StoreError::Corrupt {
            id: work_id,
            reason: format!("{column}: {e}"),
        })
    };
    Ok(WorkUpdate {
        work_id,
        at: time_of(row.try_get("at")?),
        new_chapters: numbers("new_chapters")?,
        edited_chapters: numbers("edited_chapters")?,
    })
}

/// Placeholders `$first, $first+1, ...` for `count` values.
fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A work's outline as stored in `works.outline_json`: each chapter's number, title and words,
/// and for a row that keeps the whole work in `work_json` (`chapters_apart = 0`, saved before
/// migration 0004) the work without its chapters, so a chapter read need not decode the whole
/// work. A row with `chapters_apart = 1` has that preface in `work_json` instead.
#[derive(serde::Serialize)]
struct OutlineOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    preface: Option<&'a Work>,
    chapters: &'a [ChapterHead],
}

/// [`OutlineOut`] read back.
#[derive(serde::Deserialize)]
struct OutlineIn {
    #[serde(default)]
    preface: Option<Work>,
    chapters: Vec<ChapterHead>,
}

/// A row of the `chapters` table: the place in the work, the number, the hash updates are
/// detected by, the body.
struct ChapterRow {
    position: usize,
    number: u32,
    content_hash: String,
    body_json: String,
}

impl ChapterRow {
    /// The rows of a work's chapters, in the work's order.
    fn of(work: &Work) -> Vec<ChapterRow> {
        work.chapters
            .iter()
            .enumerate()
            .map(|(position, c)| ChapterRow {
                position,
                number: c.number,
                content_hash: chapter_hash(c),
                body_json: serde_json::to_string(c).unwrap_or_default(),
            })
            .collect()
    }
}

/// The columns written for a work, bound in this order as `$1..$22` by [`bind_work_columns`].
struct WorkColumns {
    identity: Identity,
    content_hash: String,
    title: Option<String>,
    authors: String,
    fandoms: String,
    summary: Option<String>,
    rating: Option<String>,
    status: String,
    language: Option<String>,
    words: i64,
    chapter_count: i64,
    published: Option<String>,
    updated: Option<String>,
    work_json: String,
    source_text: Option<Vec<u8>>,
    analysis_json: Option<String>,
    outline_json: String,
}

impl WorkColumns {
    /// The work's columns and its chapter rows.
    fn of(new: &NewWork<'_>) -> (WorkColumns, Vec<ChapterRow>) {
        let work = new.work;
        let mut identity = Identity::of(work);
        for key in [
            &mut identity.source_url,
            &mut identity.source_uid,
            &mut identity.identity_key,
            &mut identity.authors_key,
        ] {
            *key = key.as_deref().map(no_nul);
        }
        let outline = outline_of(work);
        let outline_json = serde_json::to_string(&OutlineOut {
            preface: None,
            chapters: &outline,
        })
        .unwrap_or_default();
        let chapters = ChapterRow::of(work);
        // JSON escapes NUL as \u0000, so the JSON columns need no cleaning.
        let columns = WorkColumns {
            identity,
            content_hash: content_hash(work),
            title: work.title.as_deref().map(no_nul),
            authors: json_list(&work.authors),
            fandoms: json_list(&work.tags.fandoms),
            summary: work.summary.as_deref().map(no_nul),
            rating: work.tags.rating.map(|r| r.label().to_string()),
            status: work.status.as_str().to_string(),
            language: work.language.as_deref().map(no_nul),
            words: outline.iter().map(|c| c.words).sum::<u64>() as i64,
            chapter_count: work.chapters.len() as i64,
            published: work.dates.published.map(|d| d.to_string()),
            updated: work.dates.updated.map(|d| d.to_string()),
            // The chapters are kept in their own rows only (`chapters_apart = 1`).
            work_json: serde_json::to_string(&preface_of(work)).unwrap_or_default(),
            source_text: new.source_text.map(|t| t.as_bytes().to_vec()),
            analysis_json: new.analysis.map(|a| a.to_string()),
            outline_json,
        };
        (columns, chapters)
    }
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>;

fn bind_work_columns(query: AnyQuery<'_>, c: WorkColumns, now: i64) -> AnyQuery<'_> {
    query
        .bind(c.identity.source_url)
        .bind(c.identity.source_uid)
        .bind(c.identity.identity_key)
        .bind(c.content_hash)
        .bind(c.title)
        .bind(c.authors)
        .bind(c.fandoms)
        .bind(c.summary)
        .bind(c.rating)
        .bind(c.status)
        .bind(c.language)
        .bind(c.words)
        .bind(c.chapter_count)
        .bind(c.published)
        .bind(c.updated)
        .bind(c.work_json)
        .bind(c.source_text)
        .bind(c.analysis_json)
        .bind(c.identity.authors_key)
        .bind(c.identity.text_signature)
        .bind(c.outline_json)
        .bind(now)
}

impl SqlStore {
    /// The stored work this one is the same as, with its content hash.
    async fn find_existing(
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        identity: &Identity,
    ) -> Result<Option<(WorkId, String)>> {
        let by = [
            (
                "SELECT id, content_hash FROM works WHERE source_url = $1 ORDER BY id LIMIT 1",
                &identity.source_url,
            ),
            (
                "SELECT id, content_hash FROM works WHERE source_uid = $1 ORDER BY id LIMIT 1",
                &identity.source_uid,
            ),
            (
                "SELECT id, content_hash FROM works WHERE identity_key = $1 ORDER BY id LIMIT 1",
                &identity.identity_key,
            ),
        ];
        for (sql, key) in by {
            if let Some(key) = key
                && let Some(row) = sqlx::query(sql)
                    .bind(key.clone())
                    .fetch_optional(&mut **tx)
                    .await?
            {
                return Ok(Some((row.try_get("id")?, row.try_get("content_hash")?)));
            }
        }
        // Retitled, or from a source without a URL: the same authors and the same opening text.
        let (Some(authors), Some(signature)) = (&identity.authors_key, &identity.text_signature)
        else {
            return Ok(None);
        };
        // A work with a source URL can only be a stored work without one: the same URL matched
        // above, and a different URL is a different work. Saying so lets an index skip the
        // author's other works, which for a prolific author are thousands.
        let sql = if identity.source_url.is_some() {
            "SELECT id, content_hash, text_signature, source_url, source_uid FROM works \
             WHERE authors_key = $1 AND source_url IS NULL AND text_signature IS NOT NULL \
             ORDER BY id LIMIT 500"
        } else {
            "SELECT id, content_hash, text_signature, source_url, source_uid FROM works \
             WHERE authors_key = $1 AND source_url IS NULL AND text_signature IS NOT NULL \
             UNION ALL \
             SELECT id, content_hash, text_signature, source_url, source_uid FROM works \
             WHERE authors_key = $1 AND source_url IS NOT NULL AND text_signature IS NOT NULL \
             ORDER BY id LIMIT 500"
        };
        let candidates = sqlx::query(sql)
            .bind(authors.clone())
            .fetch_all(&mut **tx)
            .await?;
        let mut best: Option<(f64, WorkId, String)> = None;
        for row in candidates {
            // Two different addresses (or uids) on their archives are two works, however alike.
            let url: Option<String> = row.try_get("source_url")?;
            let uid: Option<String> = row.try_get("source_uid")?;
            let contradicts = |mine: &Option<String>, theirs: &Option<String>| matches!((mine, theirs), (Some(a), Some(b)) if a != b);
            if contradicts(&identity.source_url, &url) || contradicts(&identity.source_uid, &uid) {
                continue;
            }
            let stored: String = row.try_get("text_signature")?;
            let similarity = signature_similarity(signature, &stored);
            if similarity >= SAME_TEXT_SIMILARITY
                && best.as_ref().is_none_or(|(s, _, _)| similarity > *s)
            {
                best = Some((similarity, row.try_get("id")?, row.try_get("content_hash")?));
            }
        }
        Ok(best.map(|(_, id, hash)| (id, hash)))
    }

    /// Writes a work's chapter rows and tags; `fresh` when the work was just inserted (it has none
    /// to delete). Rows go in several to a statement: a work's children cost a few round trips.
    async fn write_children(
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        id: WorkId,
        work: &Work,
        chapters: Vec<ChapterRow>,
        fresh: bool,
    ) -> Result<()> {
        if !fresh {
            for sql in [
                "DELETE FROM chapters WHERE work_id = $1",
                "DELETE FROM work_tags WHERE work_id = $1",
            ] {
                sqlx::query(sql).bind(id).execute(&mut **tx).await?;
            }
        }
        for chunk in chapters.chunks(ROWS_PER_INSERT) {
            let values = (0..chunk.len())
                .map(|i| format!("($1, {})", placeholders(2 + 4 * i, 4)))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "INSERT INTO chapters (work_id, position, number, content_hash, body_json) VALUES {values}"
            );
            let mut query = sqlx::query(AssertSqlSafe(sql)).bind(id);
            for row in chunk {
                query = query
                    .bind(row.position as i64)
                    .bind(row.number as i64)
                    .bind(row.content_hash.clone())
                    .bind(row.body_json.clone());
            }
            query.execute(&mut **tx).await?;
        }
        let tags: Vec<(&'static str, String)> = work
            .tags
            .iter()
            .map(|(kind, name)| (kind.as_str(), no_nul(name)))
            .collect();
        for chunk in tags.chunks(ROWS_PER_INSERT) {
            let values = (0..chunk.len())
                .map(|i| format!("($1, {})", placeholders(2 + 2 * i, 2)))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "INSERT INTO work_tags (work_id, kind, name) VALUES {values} ON CONFLICT DO NOTHING"
            );
            let mut query = sqlx::query(AssertSqlSafe(sql)).bind(id);
            for (kind, name) in chunk {
                query = query.bind(*kind).bind(name.clone());
            }
            query.execute(&mut **tx).await?;
        }
        Ok(())
    }

    /// Saves one work inside `tx` (see [`Store::save_work`]); the caller holds the write lock.
    async fn save_in(
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        new: &NewWork<'_>,
        now: i64,
    ) -> Result<SaveOutcome> {
        let (columns, chapters) = WorkColumns::of(new);
        let chapter_hashes: Vec<(u32, String)> = chapters
            .iter()
            .map(|c| (c.number, c.content_hash.clone()))
            .collect();
        let existing = Self::find_existing(tx, &columns.identity).await?;
        let existing = match existing {
            Some(found) => Some(found),
            // An untitled work without a source is recognised only by its exact content.
            None if columns.identity.identity_key.is_none() => sqlx::query(
                "SELECT id, content_hash FROM works WHERE content_hash = $1 AND identity_key IS NULL ORDER BY id LIMIT 1",
            )
            .bind(columns.content_hash.clone())
            .fetch_optional(&mut **tx)
            .await?
            .map(|row| -> Result<(WorkId, String)> {
                Ok((row.try_get("id")?, row.try_get("content_hash")?))
            })
            .transpose()?,
            None => None,
        };
        let outcome = match existing {
            Some((id, hash)) if hash == columns.content_hash => {
                if let Some(analysis) = new.analysis {
                    sqlx::query("UPDATE works SET analysis_json = $1 WHERE id = $2")
                        .bind(analysis.to_string())
                        .bind(id)
                        .execute(&mut **tx)
                        .await?;
                }
                SaveOutcome::Unchanged { id }
            }
            Some((id, _)) => {
                let old: Vec<(u32, String)> =
                    sqlx::query(
                        "SELECT number, content_hash FROM chapters WHERE work_id = $1 ORDER BY position",
                    )
                        .bind(id)
                        .fetch_all(&mut **tx)
                        .await?
                        .iter()
                        .map(|r| -> Result<(u32, String)> {
                            Ok((
                                r.try_get::<i64, _>("number")?.clamp(0, u32::MAX as i64) as u32,
                                r.try_get("content_hash")?,
                            ))
                        })
                        .collect::<Result<_>>()?;
                let (new_chapters, edited_chapters) = diff_chapters(&old, &chapter_hashes);
                let query = sqlx::query(
                    "UPDATE works SET source_url = $1, source_uid = $2, identity_key = $3, content_hash = $4, \
                     title = $5, authors = $6, fandoms = $7, summary = $8, rating = $9, status = $10, language = $11, \
                     words = $12, chapter_count = $13, published = $14, updated = $15, work_json = $16, \
                     source_text = $17, analysis_json = $18, authors_key = $19, text_signature = $20, \
                     outline_json = $21, updated_at = $22, chapters_apart = 1 WHERE id = $23",
                );
                bind_work_columns(query, columns, now)
                    .bind(id)
                    .execute(&mut **tx)
                    .await?;
                Self::write_children(tx, id, new.work, chapters, false).await?;
                if !new_chapters.is_empty() || !edited_chapters.is_empty() {
                    sqlx::query(
                        "INSERT INTO work_updates (work_id, at, new_chapters, edited_chapters) VALUES ($1, $2, $3, $4)",
                    )
                    .bind(id)
                    .bind(now)
                    .bind(numbers_json(&new_chapters))
                    .bind(numbers_json(&edited_chapters))
                    .execute(&mut **tx)
                    .await?;
                }
                SaveOutcome::Updated {
                    id,
                    new_chapters,
                    edited_chapters,
                }
            }
            None => {
                let query = sqlx::query(
                    "INSERT INTO works (source_url, source_uid, identity_key, content_hash, title, authors, fandoms, \
                     summary, rating, status, language, words, chapter_count, published, updated, work_json, \
                     source_text, analysis_json, authors_key, text_signature, outline_json, created_at, updated_at, \
                     chapters_apart) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
                     $19, $20, $21, $22, $22, 1) \
                     RETURNING id",
                );
                let row = bind_work_columns(query, columns, now)
                    .fetch_one(&mut **tx)
                    .await?;
                let id: WorkId = row.try_get("id")?;
                Self::write_children(tx, id, new.work, chapters, true).await?;
                SaveOutcome::Imported { id }
            }
        };
        Ok(outcome)
    }

    /// Saves `works` in one transaction under the write lock (SQLite) or the save lock
    /// (PostgreSQL).
    async fn save_batch(&self, works: &[NewWork<'_>]) -> Result<Vec<SaveOutcome>> {
        let (_turn, pool) = self.write_turn().await;
        let now = now_millis();
        let mut tx = pool.begin().await?;
        if self.backend == Backend::Postgres {
            // Two nodes importing the same work at once must not both insert it: saves take turns on
            // a transaction-scoped lock (SQLite's single writer gives the same for free).
            sqlx::query("SELECT pg_advisory_xact_lock(7262001)")
                .execute(&mut *tx)
                .await?;
        }
        let mut outcomes = Vec::with_capacity(works.len());
        for new in works {
            outcomes.push(Self::save_in(&mut tx, new, now).await?);
        }
        tx.commit().await?;
        Ok(outcomes)
    }

    /// The slow path of [`Store::get_chapter`], for a work stored before its outline and chapter
    /// bodies were kept (migration 0003): decode the whole work, answer from it, and store the
    /// outline and bodies so the next read is fast.
    async fn chapter_from_whole_work(
        &self,
        id: WorkId,
        number: u32,
    ) -> Result<Option<WorkChapter>> {
        let Some(row) = sqlx::query("SELECT content_hash FROM works WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let hash: String = row.try_get("content_hash")?;
        let Some(stored) = self.get_work(id).await? else {
            return Ok(None);
        };
        let read = WorkChapter::of_work(&stored, number);
        let chapters = ChapterRow::of(&stored.work);
        // This row keeps the whole work in work_json, so its outline carries the preface.
        let preface = preface_of(&stored.work);
        let outline_json = serde_json::to_string(&OutlineOut {
            preface: Some(&preface),
            chapters: &outline_of(&stored.work),
        })
        .unwrap_or_default();
        let (_turn, pool) = self.write_turn().await;
        let mut tx = pool.begin().await?;
        // Only the version read is filled in: a save in between has written its own.
        let filled =
            sqlx::query("UPDATE works SET outline_json = $1 WHERE id = $2 AND content_hash = $3")
                .bind(outline_json)
                .bind(id)
                .bind(hash)
                .execute(&mut *tx)
                .await?;
        if filled.rows_affected() > 0 {
            // Such a row has one chapter per number, the first the work gives that number.
            let mut seen = std::collections::HashSet::new();
            for row in chapters.into_iter().filter(|row| seen.insert(row.number)) {
                sqlx::query(
                    "UPDATE chapters SET body_json = $1 WHERE work_id = $2 AND number = $3",
                )
                .bind(row.body_json)
                .bind(id)
                .bind(row.number as i64)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(Some(read))
    }
}

/// Most rows one multi-row INSERT carries (at most 4 values each: far below either backend's limit on
/// bound parameters).
const ROWS_PER_INSERT: usize = 200;

#[async_trait]
impl Store for SqlStore {
    async fn save_work(&self, new: NewWork<'_>) -> Result<SaveOutcome> {
        let mut outcomes = self.save_batch(std::slice::from_ref(&new)).await?;
        outcomes.pop().ok_or_else(|| StoreError::Corrupt {
            id: 0,
            reason: "a save returned no outcome".into(),
        })
    }

    async fn save_works(&self, works: &[NewWork<'_>]) -> Result<Vec<SaveOutcome>> {
        if works.is_empty() {
            return Ok(Vec::new());
        }
        self.save_batch(works).await
    }

    async fn get_chapter(&self, id: WorkId, number: u32) -> Result<Option<WorkChapter>> {
        let Some(row) = sqlx::query(
            "SELECT w.outline_json, w.chapters_apart, CASE WHEN w.chapters_apart = 1 THEN w.work_json END AS preface_json, \
             w.words, CAST(CASE WHEN w.analysis_json IS NULL THEN 0 ELSE 1 END AS BIGINT) AS has_analysis, \
             w.created_at, w.updated_at, c.number AS chapter_number, c.body_json \
             FROM works w LEFT JOIN chapters c ON c.work_id = w.id AND c.number = $2 WHERE w.id = $1 \
             ORDER BY c.position LIMIT 1",
        )
        .bind(id)
        .bind(number as i64)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let outline: Option<String> = row.try_get("outline_json")?;
        let chapter_number: Option<i64> = row.try_get("chapter_number")?;
        let body: Option<String> = row.try_get("body_json")?;
        let body_missing = chapter_number.is_some() && body.is_none();
        let corrupt = |reason: String| StoreError::Corrupt { id, reason };
        let apart = row.try_get::<i64, _>("chapters_apart")? == 1;
        if apart && (outline.is_none() || body_missing) {
            return Err(corrupt(format!(
                "chapter {number}: outline or body missing"
            )));
        }
        let Some(outline) = outline.filter(|_| !body_missing) else {
            return self.chapter_from_whole_work(id, number).await;
        };
        let outline: OutlineIn =
            serde_json::from_str(&outline).map_err(|e| corrupt(format!("outline: {e}")))?;
        let preface = match (
            outline.preface,
            row.try_get::<Option<String>, _>("preface_json")?,
        ) {
            (Some(preface), _) => preface,
            (None, Some(raw)) => Work::from_json(&raw).map_err(|e| corrupt(e.to_string()))?,
            (None, None) => return Err(corrupt("outline without a preface".into())),
        };
        let chapter: Option<Chapter> = body
            .map(|raw| serde_json::from_str(&raw))
            .transpose()
            .map_err(|e| corrupt(format!("chapter {number}: {e}")))?;
        Ok(Some(WorkChapter {
            id,
            preface,
            outline: outline.chapters,
            chapter,
            words: row.try_get::<i64, _>("words")?.max(0) as u64,
            has_analysis: row.try_get::<i64, _>("has_analysis")? != 0,
            created_at: time_of(row.try_get("created_at")?),
            updated_at: time_of(row.try_get("updated_at")?),
        }))
    }

    async fn set_analysis(&self, id: WorkId, analysis: &serde_json::Value) -> Result<()> {
        let (_turn, pool) = self.write_turn().await;
        sqlx::query("UPDATE works SET analysis_json = $1 WHERE id = $2")
            .bind(analysis.to_string())
            .bind(id)
            .execute(pool)
            .await?;
        Ok(())
    }

    async fn get_work(&self, id: WorkId) -> Result<Option<StoredWork>> {
        // The work's row and its chapter rows are read from one snapshot, so a save in between
        // cannot mix two versions.
        let mut tx = self.pool.begin().await?;
        if self.backend == Backend::Postgres {
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                .execute(&mut *tx)
                .await?;
        }
        let Some(row) = sqlx::query(
            "SELECT id, work_json, chapters_apart, source_text, analysis_json, created_at, updated_at FROM works WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(None);
        };
        let corrupt = |reason: String| StoreError::Corrupt { id, reason };
        let work_json: String = row.try_get("work_json")?;
        let mut work = Work::from_json(&work_json).map_err(|e| corrupt(e.to_string()))?;
        if row.try_get::<i64, _>("chapters_apart")? == 1 {
            let bodies = sqlx::query(
                "SELECT number, body_json FROM chapters WHERE work_id = $1 ORDER BY position",
            )
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
            work.chapters = bodies
                .iter()
                .map(|r| -> Result<Chapter> {
                    let number: i64 = r.try_get("number")?;
                    let raw: Option<String> = r.try_get("body_json")?;
                    let raw = raw.ok_or_else(|| corrupt(format!("chapter {number}: no body")))?;
                    serde_json::from_str(&raw)
                        .map_err(|e| corrupt(format!("chapter {number}: {e}")))
                })
                .collect::<Result<_>>()?;
        }
        tx.commit().await?;
        let analysis = row
            .try_get::<Option<String>, _>("analysis_json")?
            .map(|raw| serde_json::from_str(&raw))
            .transpose()
            .map_err(|e| StoreError::Corrupt {
                id,
                reason: format!("analysis: {e}"),
            })?;
        Ok(Some(StoredWork {
            id,
            work,
            source_text: row
                .try_get::<Option<Vec<u8>>, _>("source_text")?
                .map(String::from_utf8)
                .transpose()
                .map_err(|e| StoreError::Corrupt {
                    id,
                    reason: format!("source text: {e}"),
                })?,
            analysis,
            created_at: time_of(row.try_get("created_at")?),
            updated_at: time_of(row.try_get("updated_at")?),
        }))
    }

    async fn list_works(&self, offset: u64, limit: u64) -> Result<Vec<WorkSummary>> {
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM works ORDER BY id LIMIT $1 OFFSET $2");
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(limit.min(i64::MAX as u64) as i64)
            .bind(offset.min(i64::MAX as u64) as i64)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(summary_from_row).collect()
    }

    async fn work_summaries(&self, ids: &[WorkId]) -> Result<Vec<WorkSummary>> {
        let mut found = std::collections::HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            let sql = format!(
                "SELECT {SUMMARY_COLUMNS} FROM works WHERE id IN ({})",
                placeholders(1, chunk.len())
            );
            let mut query = sqlx::query(AssertSqlSafe(sql));
            for id in chunk {
                query = query.bind(*id);
            }
            for row in query.fetch_all(&self.pool).await? {
                let summary = summary_from_row(&row)?;
                found.insert(summary.id, summary);
            }
        }
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }

    async fn count_works(&self) -> Result<u64> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM works")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get::<i64, _>("n")?.max(0) as u64)
    }

    async fn work_ids_after(&self, after: WorkId, limit: u64) -> Result<Vec<WorkId>> {
        let rows = sqlx::query("SELECT id FROM works WHERE id > $1 ORDER BY id LIMIT $2")
            .bind(after)
            .bind(limit.min(i64::MAX as u64) as i64)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok(r.try_get("id")?)).collect()
    }

    async fn delete_work(&self, id: WorkId) -> Result<bool> {
        let (_turn, pool) = self.write_turn().await;
        let mut tx = pool.begin().await?;
        // Children go first so the delete is whole even where foreign keys are not enforced.
        for sql in [
            "DELETE FROM chapters WHERE work_id = $1",
            "DELETE FROM work_tags WHERE work_id = $1",
            "DELETE FROM work_updates WHERE work_id = $1",
        ] {
            sqlx::query(sql).bind(id).execute(&mut *tx).await?;
        }
        let done = sqlx::query("DELETE FROM works WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    async fn work_updates(&self, id: WorkId) -> Result<Vec<WorkUpdate>> {
        let rows = sqlx::query(
            "SELECT work_id, at, new_chapters, edited_chapters FROM work_updates WHERE work_id = $1 ORDER BY at DESC, id DESC",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(update_from_row).collect()
    }

    async fn updates_since(&self, since: DateTime<Utc>, limit: u64) -> Result<Vec<WorkUpdate>> {
        let rows = sqlx::query(
            "SELECT work_id, at, new_chapters, edited_chapters FROM work_updates WHERE at >= $1 ORDER BY at, id LIMIT $2",
        )
        .bind(since.timestamp_millis())
        .bind(limit.min(i64::MAX as u64) as i64)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(update_from_row).collect()
    }

    async fn load_document(&self, name: &str) -> Result<Option<serde_json::Value>> {
        let Some(row) = sqlx::query("SELECT value FROM documents WHERE name = $1")
            .bind(name.to_string())
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let raw: String = row.try_get("value")?;
        serde_json::from_str(&raw)
            .map(Some)
            .map_err(|e| StoreError::Corrupt {
                id: 0,
                reason: format!("document {name}: {e}"),
            })
    }

    async fn save_document(&self, name: &str, value: &serde_json::Value) -> Result<()> {
        let (_turn, pool) = self.write_turn().await;
        sqlx::query(
            "INSERT INTO documents (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        )
        .bind(name.to_string())
        .bind(value.to_string())
        .execute(pool)
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_passwords() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("./data"), "./data");
    }
}
