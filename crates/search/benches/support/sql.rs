//! The plain-SQL baseline for the search bench: the same generated works in a SQLite database
//! shaped as a SQL-only archive would need for AO3's filters, queried through sqlx as the store
//! would, so the bench can print tantivy's latencies beside SQL's and their ratio.
//!
//! Tables: `works` (the store's listing columns plus the counts a kudos sort needs),
//! `work_filter_tags (work_id, tag)` with the same keys the index's tag filters match (AO3's
//! "filter taggings": every tag as written, its canonical and the canonical's ancestors, as
//! `tag_key`s) and an index on `(tag, work_id)`, `work_facets (work_id, kind, name)` with the
//! canonical names facets count, and for the full-text corpus an FTS5 table (porter stemming,
//! columns weighted as the index weighs its fields). One query is one SQL statement: the matching
//! works are a materialized CTE that the page, the total and the facet counts (GROUP BY) read.

use std::collections::BTreeSet;
use std::path::Path;

use ficarchive_model::{Taxonomy, tag_key};
use ficarchive_search::IndexDoc;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{AssertSqlSafe, Connection, Executor, QueryBuilder, Row, Sqlite, SqliteConnection};

/// What one SQL query answered, for comparing with the index's answer.
pub struct SqlAnswer {
    /// Matching works.
    pub total: u64,
    /// The page of ids, in order.
    pub ids: Vec<u64>,
    /// Facet rows returned (kind, name, count), all kinds together.
    pub facet_rows: usize,
}

/// A listing filter as SQL sees it.
pub struct SqlFilter {
    /// Tags every result must carry (each expanded through the taxonomy).
    pub include: Vec<String>,
    /// Tags no result may carry.
    pub exclude: Vec<String>,
    /// Inclusive word-count bounds.
    pub words: (u64, u64),
}

/// A free-text query as SQL sees it.
pub struct SqlText {
    /// An FTS5 MATCH expression.
    pub fts: String,
    /// Inclusive lower bound on words, if any.
    pub min_words: Option<u64>,
    /// Sort by kudos (descending) instead of best match.
    pub sort_kudos: bool,
}

/// A SQLite database holding the generated works.
pub struct SqlArchive {
    rt: tokio::runtime::Runtime,
    conn: SqliteConnection,
    works: Vec<WorkRow>,
    tags: Vec<(i64, String)>,
    facets: Vec<(i64, &'static str, String)>,
    texts: Vec<(i64, String, String, String, String, String)>,
    with_text: bool,
}

struct WorkRow {
    id: i64,
    title: String,
    authors: String,
    summary: String,
    rating: String,
    status: &'static str,
    language: String,
    words: i64,
    chapters: i64,
    kudos: i64,
    hits: i64,
    published: String,
    updated: String,
}

const BATCH_ROWS: usize = 1_000;
/// bm25 weights in FTS5 column order (title, authors, summary, tags, body), as the index
/// weighs its fields for bare words.
const FTS_WEIGHTS: &str = "7.0, 5.0, 2.0, 2.0, 1.0";
/// Facet values kept per kind, as `WorkQuery::facet_limit` defaults to.
const FACET_LIMIT: u32 = 20;

impl SqlArchive {
    /// Creates the database at `path` with the store's connection settings (WAL, synchronous
    /// NORMAL) and a 256 MB page cache.
    pub fn create(path: &Path, with_text: bool) -> Result<SqlArchive, sqlx::Error> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .pragma("cache_size", "-262144")
            .pragma("temp_store", "MEMORY")
            .pragma("mmap_size", "4294967296");
        let mut conn = rt.block_on(SqliteConnection::connect_with(&options))?;
        rt.block_on(async {
            conn.execute(
                "CREATE TABLE works (
                    id INTEGER PRIMARY KEY,
                    title TEXT,
                    authors TEXT NOT NULL,
                    summary TEXT,
                    rating TEXT,
                    status TEXT NOT NULL,
                    language TEXT,
                    words BIGINT NOT NULL,
                    chapter_count BIGINT NOT NULL,
                    kudos BIGINT NOT NULL,
                    hits BIGINT NOT NULL,
                    published TEXT,
                    updated TEXT
                );
                CREATE TABLE work_filter_tags (
                    work_id BIGINT NOT NULL,
                    tag TEXT NOT NULL,
                    PRIMARY KEY (work_id, tag)
                ) WITHOUT ROWID;
                CREATE TABLE work_facets (
                    work_id BIGINT NOT NULL,
                    kind TEXT NOT NULL,
                    name TEXT NOT NULL,
                    PRIMARY KEY (work_id, kind, name)
                ) WITHOUT ROWID;",
            )
            .await?;
            if with_text {
                conn.execute(
                    "CREATE VIRTUAL TABLE works_fts USING fts5(
                        title, authors, summary, tags, body,
                        content = '', tokenize = 'porter unicode61'
                    )",
                )
                .await?;
            }
            conn.execute("BEGIN").await?;
            Ok::<_, sqlx::Error>(())
        })?;
        Ok(SqlArchive {
            rt,
            conn,
            works: Vec::new(),
            tags: Vec::new(),
            facets: Vec::new(),
            texts: Vec::new(),
            with_text,
        })
    }

    /// Adds one work (in ascending id order, inside the loading transaction).
    pub fn add(&mut self, doc: &IndexDoc) -> Result<(), sqlx::Error> {
        let id = i64::try_from(doc.id).unwrap_or(i64::MAX);
        let int = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
        self.works.push(WorkRow {
            id,
            title: doc.title.clone(),
            authors: serde_json::to_string(&doc.authors).unwrap_or_default(),
            summary: doc.summary.clone(),
            rating: doc
                .rating
                .map(|r| r.label().to_string())
                .unwrap_or_default(),
            status: if doc.status == ficarchive_model::Status::Complete {
                "complete"
            } else {
                "in_progress"
            },
            language: doc.language.clone().unwrap_or_default(),
            words: int(doc.words),
            chapters: int(doc.chapters),
            kudos: int(doc.counts.kudos),
            hits: int(doc.counts.hits),
            published: doc.published.map(|d| d.to_string()).unwrap_or_default(),
            updated: doc.updated.map(|d| d.to_string()).unwrap_or_default(),
        });
        for key in &doc.filter_keys {
            self.tags.push((id, key.clone()));
        }
        for (kind, name) in &doc.canonical {
            self.facets.push((id, kind.as_str(), name.clone()));
        }
        if self.with_text {
            let mut tags: Vec<&str> = doc.tags.iter().map(|(_, t)| t.as_str()).collect();
            tags.extend(doc.canonical.iter().map(|(_, t)| t.as_str()));
            self.texts.push((
                id,
                doc.title.clone(),
                doc.authors.join("; "),
                doc.summary.clone(),
                tags.join("; "),
                doc.body.clone(),
            ));
        }
        if self.works.len() >= BATCH_ROWS
            || self.tags.len() >= 10 * BATCH_ROWS
            || self.texts.len() >= 100
        {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), sqlx::Error> {
        let works = std::mem::take(&mut self.works);
        let tags = std::mem::take(&mut self.tags);
        let facets = std::mem::take(&mut self.facets);
        let texts = std::mem::take(&mut self.texts);
        let conn = &mut self.conn;
        self.rt.block_on(async {
            if !works.is_empty() {
                let mut b = QueryBuilder::<Sqlite>::new(
                    "INSERT INTO works (id, title, authors, summary, rating, status, language, \
                     words, chapter_count, kudos, hits, published, updated) ",
                );
                b.push_values(works, |mut row, w| {
                    row.push_bind(w.id)
                        .push_bind(w.title)
                        .push_bind(w.authors)
                        .push_bind(w.summary)
                        .push_bind(w.rating)
                        .push_bind(w.status)
                        .push_bind(w.language)
                        .push_bind(w.words)
                        .push_bind(w.chapters)
                        .push_bind(w.kudos)
                        .push_bind(w.hits)
                        .push_bind(w.published)
                        .push_bind(w.updated);
                });
                b.build().execute(&mut *conn).await?;
            }
            let mut tags = tags.into_iter().peekable();
            while tags.peek().is_some() {
                let chunk: Vec<_> = tags.by_ref().take(4 * BATCH_ROWS).collect();
                let mut b =
                    QueryBuilder::<Sqlite>::new("INSERT INTO work_filter_tags (work_id, tag) ");
                b.push_values(chunk, |mut row, (id, tag)| {
                    row.push_bind(id).push_bind(tag);
                });
                b.build().execute(&mut *conn).await?;
            }
            let mut facets = facets.into_iter().peekable();
            while facets.peek().is_some() {
                let chunk: Vec<_> = facets.by_ref().take(4 * BATCH_ROWS).collect();
                let mut b =
                    QueryBuilder::<Sqlite>::new("INSERT INTO work_facets (work_id, kind, name) ");
                b.push_values(chunk, |mut row, (id, kind, name)| {
                    row.push_bind(id).push_bind(kind).push_bind(name);
                });
                b.build().execute(&mut *conn).await?;
            }
            if !texts.is_empty() {
                let mut b = QueryBuilder::<Sqlite>::new(
                    "INSERT INTO works_fts (rowid, title, authors, summary, tags, body) ",
                );
                b.push_values(texts, |mut row, t| {
                    row.push_bind(t.0)
                        .push_bind(t.1)
                        .push_bind(t.2)
                        .push_bind(t.3)
                        .push_bind(t.4)
                        .push_bind(t.5);
                });
                b.build().execute(&mut *conn).await?;
            }
            Ok(())
        })
    }

    /// Commits the load, then builds the secondary indexes and the planner's statistics.
    pub fn finish(&mut self) -> Result<(), sqlx::Error> {
        self.flush()?;
        let with_text = self.with_text;
        let conn = &mut self.conn;
        self.rt.block_on(async {
            conn.execute("COMMIT").await?;
            conn.execute(
                "CREATE INDEX work_filter_tags_by_tag ON work_filter_tags (tag, work_id);
                 CREATE INDEX works_kudos ON works (kudos);
                 CREATE INDEX works_words ON works (words);
                 ANALYZE;",
            )
            .await?;
            if with_text {
                conn.execute("INSERT INTO works_fts (works_fts) VALUES ('optimize')")
                    .await?;
            }
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").await?;
            Ok(())
        })
    }

    /// The listing query: include (AND), exclude (any), word range, sort by kudos, page 1 of 20,
    /// facet counts.
    pub fn filter(&mut self, f: &SqlFilter, taxonomy: &Taxonomy) -> Result<SqlAnswer, sqlx::Error> {
        let mut sql = String::from(
            "WITH hits AS MATERIALIZED (SELECT id, kudos AS key FROM works WHERE words BETWEEN ? AND ?",
        );
        let mut binds: Vec<String> = Vec::new();
        for tag in &f.include {
            let keys = expanded_keys(tag, taxonomy);
            sql.push_str(" AND id IN (SELECT work_id FROM work_filter_tags WHERE tag IN (");
            push_placeholders(&mut sql, keys.len());
            sql.push_str("))");
            binds.extend(keys);
        }
        let excluded: BTreeSet<String> = f
            .exclude
            .iter()
            .flat_map(|t| expanded_keys(t, taxonomy))
            .collect();
        if !excluded.is_empty() {
            sql.push_str(" AND id NOT IN (SELECT work_id FROM work_filter_tags WHERE tag IN (");
            push_placeholders(&mut sql, excluded.len());
            sql.push_str("))");
            binds.extend(excluded);
        }
        sql.push(')');
        sql.push_str(&answer_sql("key DESC, id"));
        let conn = &mut self.conn;
        self.rt.block_on(async {
            let mut q = sqlx::query(AssertSqlSafe(sql))
                .bind(i64::try_from(f.words.0).unwrap_or(i64::MAX))
                .bind(i64::try_from(f.words.1).unwrap_or(i64::MAX));
            for b in binds {
                q = q.bind(b);
            }
            read_answer(q.fetch_all(&mut *conn).await?)
        })
    }

    /// A free-text query over the FTS5 table, best match (bm25) or kudos first, with facets.
    pub fn text(&mut self, t: &SqlText) -> Result<SqlAnswer, sqlx::Error> {
        let (select, order) = if t.sort_kudos || t.min_words.is_some() {
            (
                "SELECT works_fts.rowid AS id, w.kudos AS key, w.words AS words \
                 FROM works_fts JOIN works w ON w.id = works_fts.rowid WHERE works_fts MATCH ?"
                    .to_string(),
                if t.sort_kudos {
                    "key DESC, id"
                } else {
                    "key, id"
                },
            )
        } else {
            (
                format!(
                    "SELECT rowid AS id, bm25(works_fts, {FTS_WEIGHTS}) AS key \
                     FROM works_fts WHERE works_fts MATCH ?"
                ),
                "key, id",
            )
        };
        let mut sql = format!("WITH hits AS MATERIALIZED ({select}");
        if t.min_words.is_some() {
            sql.push_str(" AND w.words >= ?");
        }
        sql.push(')');
        sql.push_str(&answer_sql(order));
        let conn = &mut self.conn;
        self.rt.block_on(async {
            let mut q = sqlx::query(AssertSqlSafe(sql)).bind(t.fts.clone());
            if let Some(m) = t.min_words {
                q = q.bind(i64::try_from(m).unwrap_or(i64::MAX));
            }
            read_answer(q.fetch_all(&mut *conn).await?)
        })
    }
}

/// The page (with its rank), the total and the top facet values per kind, as rows of
/// (part, name, n, rank) from the materialized `hits`.
fn answer_sql(order: &str) -> String {
    format!(
        " SELECT 'page' AS part, NULL AS name, id AS n, rn FROM \
           (SELECT id, row_number() OVER (ORDER BY {order}) AS rn FROM hits ORDER BY {order} LIMIT 20)
         UNION ALL SELECT 'total', NULL, count(*), 0 FROM hits
         UNION ALL SELECT kind, name, n, rn FROM
           (SELECT f.kind AS kind, f.name AS name, count(*) AS n,
                   row_number() OVER (PARTITION BY f.kind ORDER BY count(*) DESC, f.name) AS rn
            FROM hits JOIN work_facets f ON f.work_id = hits.id GROUP BY f.kind, f.name)
           WHERE rn <= {FACET_LIMIT}"
    )
}

fn read_answer(rows: Vec<sqlx::sqlite::SqliteRow>) -> Result<SqlAnswer, sqlx::Error> {
    let mut page = Vec::new();
    let mut total = 0;
    let mut facet_rows = 0;
    for row in rows {
        let part: String = row.try_get(0)?;
        let n: i64 = row.try_get(2)?;
        let rank: i64 = row.try_get(3)?;
        match part.as_str() {
            "page" => page.push((rank, u64::try_from(n).unwrap_or(0))),
            "total" => total = u64::try_from(n).unwrap_or(0),
            _ => facet_rows += 1,
        }
    }
    page.sort_unstable();
    Ok(SqlAnswer {
        total,
        ids: page.into_iter().map(|(_, id)| id).collect(),
        facet_rows,
    })
}

fn push_placeholders(sql: &mut String, n: usize) {
    for i in 0..n {
        sql.push_str(if i == 0 { "?" } else { ", ?" });
    }
}

/// The keys a tag filter matches, as the index expands them: the canonical, its synonyms and
/// every descendant with theirs.
fn expanded_keys(tag: &str, taxonomy: &Taxonomy) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    keys.insert(tag_key(taxonomy.canonical(tag.trim())));
    for name in taxonomy.expand(tag.trim()).into_iter().take(1_024) {
        keys.insert(tag_key(name));
    }
    keys.remove("");
    keys
}
