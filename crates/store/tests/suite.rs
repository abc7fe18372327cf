//! One backend-agnostic test suite for the [`Store`] trait, run against both backends (the atuin
//! "story test" pattern): every case is an `async fn(&TestDb)` written only against the trait, and
//! the `backend_tests!` macro instantiates it once under `sqlite::` (a temporary data folder) and
//! once under `postgres::` (a freshly created, uniquely named database that is dropped afterwards).
//!
//! PostgreSQL is reached at `postgres://postgres@127.0.0.1:5432/test` (override with
//! `FICARCHIVE_TEST_POSTGRES`). When it is unreachable the PostgreSQL cases print a loud SKIP and
//! pass, except under `CI=true`, where they fail: CI must not silently test one backend only.
//!
//! Only the corruption case and [`TestDb`]'s set-up touch SQL directly (to damage a stored row the
//! way a hand edit or a bad disk would); everything else goes through the public API.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use ficarchive_model::{Chapter, Note, Paragraph, Rating, Status, TagKind, Work};
use ficarchive_store::{NewWork, SaveOutcome, Store, StoreError, WorkId, WorkSummary, WorkUpdate};
use serde_json::json;
use sqlx::{AssertSqlSafe, Connection, Row};

/// The maintenance database used to create and drop per-test databases.
const DEFAULT_POSTGRES_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

/// Where a test's store lives, and what is needed to reach it behind the store's back.
enum Place {
    /// A temporary data folder holding `ficarchive.sqlite3` (deleted when dropped).
    Sqlite { dir: tempfile::TempDir },
    /// A database created for this test alone on the PostgreSQL server.
    Postgres {
        /// The maintenance URL used to drop the database afterwards.
        admin_url: String,
        /// The database's name.
        name: String,
        /// The URL the store was opened with.
        url: String,
    },
}

/// A store opened on a fresh, empty database of one backend.
struct TestDb {
    /// The store under test, as callers see it.
    store: Arc<dyn Store>,
    /// Where it lives.
    place: Place,
}

impl TestDb {
    /// A store in a new temporary data folder (in a sub-folder that does not exist yet, so that
    /// every case also checks that `open` creates the data folder).
    async fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("create a temporary directory");
        let data = dir.path().join("data");
        let store = ficarchive_store::open(path_str(&data))
            .await
            .expect("open a SQLite store in a fresh data folder");
        TestDb {
            store,
            place: Place::Sqlite { dir },
        }
    }

    /// A store in a new uniquely named PostgreSQL database, or `None` (after a loud SKIP) when the
    /// server is unreachable outside CI.
    async fn postgres(case: &str) -> Option<TestDb> {
        let admin_url = std::env::var("FICARCHIVE_TEST_POSTGRES")
            .unwrap_or_else(|_| DEFAULT_POSTGRES_ADMIN_URL.to_string());
        let mut admin = match sqlx::PgConnection::connect(&admin_url).await {
            Ok(conn) => conn,
            Err(err) => {
                let ci = std::env::var("CI").is_ok_and(|v| v == "true");
                assert!(
                    !ci,
                    "PostgreSQL at {admin_url} is unreachable under CI=true: {err}"
                );
                eprintln!(
                    "\n!!!!!!!! SKIP postgres::{case}: PostgreSQL at {admin_url} is unreachable \
                     ({err}); only SQLite was tested !!!!!!!!\n"
                );
                return None;
            }
        };
        let name = unique_database_name();
        sqlx::query(AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
            .execute(&mut admin)
            .await
            .expect("create a per-test PostgreSQL database");
        let _ = admin.close().await;
        let url = with_database(&admin_url, &name);
        let store = ficarchive_store::open(&url)
            .await
            .expect("open a PostgreSQL store on a fresh database");
        Some(TestDb {
            store,
            place: Place::Postgres {
                admin_url,
                name,
                url,
            },
        })
    }

    /// The location string the store was opened with (what `open` takes).
    fn location(&self) -> String {
        match &self.place {
            Place::Sqlite { dir } => path_str(&dir.path().join("data")).to_string(),
            Place::Postgres { url, .. } => url.clone(),
        }
    }

    /// Runs one `SELECT COUNT(*) ...` directly on the database, bypassing the store.
    async fn fetch_raw_count(&self, sql: String) -> i64 {
        self.run_raw(sql)
            .await
            .expect("the statement returns a count")
    }

    /// Runs one statement directly on the database, bypassing the store (to damage a row).
    async fn execute_raw(&self, sql: String) {
        self.run_raw(sql).await;
    }

    /// Runs one statement on a connection of its own; the first column of its first row, if any.
    async fn run_raw(&self, sql: String) -> Option<i64> {
        match &self.place {
            Place::Sqlite { dir } => {
                let options = sqlx::sqlite::SqliteConnectOptions::new()
                    .filename(dir.path().join("data").join("ficarchive.sqlite3"))
                    .busy_timeout(Duration::from_secs(10));
                let mut conn = sqlx::SqliteConnection::connect_with(&options)
                    .await
                    .expect("open the SQLite file directly");
                let row = sqlx::query(AssertSqlSafe(sql))
                    .fetch_optional(&mut conn)
                    .await
                    .expect("run a raw statement on SQLite");
                let _ = conn.close().await;
                row.map(|r| r.try_get(0).expect("an integer first column"))
            }
            Place::Postgres { url, .. } => {
                let mut conn = sqlx::PgConnection::connect(url)
                    .await
                    .expect("connect to the per-test database directly");
                let row = sqlx::query(AssertSqlSafe(sql))
                    .fetch_optional(&mut conn)
                    .await
                    .expect("run a raw statement on PostgreSQL");
                let _ = conn.close().await;
                row.map(|r| r.try_get(0).expect("an integer first column"))
            }
        }
    }
}

impl Drop for TestDb {
    /// Drops the per-test PostgreSQL database even when the case panicked. `Drop` cannot await,
    /// so the drop runs on a short-lived runtime in its own thread; `WITH (FORCE)` ends the
    /// store's still-open pooled connections.
    fn drop(&mut self) {
        let Place::Postgres {
            admin_url, name, ..
        } = &self.place
        else {
            return;
        };
        let (admin_url, name) = (admin_url.clone(), name.clone());
        let dropper = std::thread::spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            runtime.block_on(async {
                if let Ok(mut admin) = sqlx::PgConnection::connect(&admin_url).await {
                    let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                    if let Err(err) = sqlx::query(AssertSqlSafe(sql)).execute(&mut admin).await {
                        eprintln!("could not drop test database {name}: {err}");
                    }
                    let _ = admin.close().await;
                }
            });
        });
        let _ = dropper.join();
    }
}

/// A database name no other test or concurrent run uses: process id, a per-process counter and
/// the clock.
fn unique_database_name() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("ficarchive_test_{}_{}_{:08x}", std::process::id(), n, nanos)
}

/// `url` with its database (the last path segment) replaced by `name`, query string kept.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let server = match base.rfind('/') {
        Some(slash) if slash > base.find("//").map_or(0, |i| i + 1) => &base[..slash],
        _ => base,
    };
    match query {
        Some(query) => format!("{server}/{name}?{query}"),
        None => format!("{server}/{name}"),
    }
}

/// A temporary path as the `&str` `open` takes (temporary directories are always UTF-8 here).
fn path_str(path: &std::path::Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

// ---------------------------------------------------------------------------------------------
// Building works
// ---------------------------------------------------------------------------------------------

/// A chapter whose story text is the given paragraphs (separated by blank lines).
fn chapter(number: u32, text: &str) -> Chapter {
    Chapter::from_paragraphs(
        number,
        None,
        text.split("\n\n").map(Paragraph::plain).collect(),
    )
}

/// Deterministic, distinct text for chapter `number` of a work whose text varies with `seed`: the
/// seed stands between every two words, so two seeds never share a phrase (the store recognises a
/// retitled work by its opening text).
fn chapter_text(seed: &str, number: u32) -> String {
    let interleave = |sentence: &str| {
        sentence
            .split(' ')
            .map(|w| format!("{w} {seed}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "{}\n\n{}",
        interleave(&format!(
            "the first paragraph of chapter {number}, where Buffy patrols."
        )),
        interleave(&format!(
            "The second paragraph of chapter {number}; Spike says \"hello\" and leaves."
        ))
    )
}

/// A work with a title, authors and chapters `numbers`, text derived from `seed`.
fn work(
    title: Option<&str>,
    authors: &[&str],
    seed: &str,
    numbers: impl IntoIterator<Item = u32>,
) -> Work {
    Work {
        title: title.map(str::to_string),
        authors: authors.iter().map(|a| a.to_string()).collect(),
        chapters: numbers
            .into_iter()
            .map(|n| chapter(n, &chapter_text(seed, n)))
            .collect(),
        ..Work::default()
    }
}

/// A work with every listing field set, its own source URL, and two chapters.
fn rich_work(url: &str) -> Work {
    let mut w = work(
        Some("The Slayer's Gift"),
        &["Kallysten", "Second Author"],
        "rich",
        1..=2,
    );
    w.summary = Some("Buffy receives a gift.\n\nIt is not what she expected.".into());
    w.tags.add(TagKind::Fandom, "Buffy the Vampire Slayer");
    w.tags.add(TagKind::Fandom, "Angel: the Series");
    w.tags.add(TagKind::Rating, "Teen And Up Audiences");
    w.tags.add(TagKind::Relationship, "Buffy Summers/Spike");
    w.tags.add(TagKind::Character, "Willow Rosenberg");
    w.tags.add(TagKind::Freeform, "Angst");
    w.language = Some("English".into());
    w.status = Status::InProgress;
    w.expected_chapters = Some(5);
    w.dates.published = NaiveDate::from_ymd_opt(2004, 3, 1);
    w.dates.updated = NaiveDate::from_ymd_opt(2005, 7, 14);
    w.source.url = Some(url.to_string());
    w.chapters[0]
        .notes_before
        .push(Note::new("A/N: thanks to my beta."));
    w
}

/// Saves a work with no source text or analysis.
async fn save(store: &dyn Store, work: &Work) -> SaveOutcome {
    store
        .save_work(NewWork {
            work,
            source_text: None,
            analysis: None,
        })
        .await
        .expect("save_work")
}

/// The id of a work that must have been newly imported.
fn imported(outcome: SaveOutcome) -> WorkId {
    match outcome {
        SaveOutcome::Imported { id } => id,
        other => panic!("expected Imported, got {other:?}"),
    }
}

/// Reads a work that must exist.
async fn get(store: &dyn Store, id: WorkId) -> ficarchive_store::StoredWork {
    store
        .get_work(id)
        .await
        .expect("get_work")
        .unwrap_or_else(|| panic!("work {id} should exist"))
}

/// The one summary of `id`.
async fn summary(store: &dyn Store, id: WorkId) -> WorkSummary {
    let mut found = store.work_summaries(&[id]).await.expect("work_summaries");
    assert_eq!(found.len(), 1, "one summary for work {id}");
    found.remove(0)
}

// ---------------------------------------------------------------------------------------------
// The cases
// ---------------------------------------------------------------------------------------------

/// A saved work reads back whole: the work, its source text, its analysis and its summary.
async fn import_and_read_back(db: &TestDb) {
    let store = &*db.store;
    let w = rich_work("https://archiveofourown.org/works/1");
    let analysis = json!({"characters": [{"name": "Buffy", "mentions": 12}]});
    let before = Utc::now();
    let outcome = store
        .save_work(NewWork {
            work: &w,
            source_text: Some("The Slayer's Gift\nby Kallysten\n\n...source..."),
            analysis: Some(&analysis),
        })
        .await
        .expect("save_work");
    let id = imported(outcome);
    assert_eq!(store.count_works().await.expect("count"), 1);

    let stored = get(store, id).await;
    assert_eq!(stored.id, id);
    assert_eq!(stored.work, w, "the work round-trips through the store");
    assert_eq!(
        stored.source_text.as_deref(),
        Some("The Slayer's Gift\nby Kallysten\n\n...source...")
    );
    assert_eq!(stored.analysis.as_ref(), Some(&analysis));
    assert!(stored.created_at <= stored.updated_at);
    assert!(
        stored.created_at >= before - chrono::Duration::seconds(1)
            && stored.created_at <= Utc::now() + chrono::Duration::seconds(1),
        "created_at {} is about now",
        stored.created_at
    );

    let s = summary(store, id).await;
    assert_eq!(s.id, id);
    assert_eq!(s.title.as_deref(), Some("The Slayer's Gift"));
    assert_eq!(s.authors, vec!["Kallysten", "Second Author"]);
    assert_eq!(
        s.fandoms,
        vec!["Buffy the Vampire Slayer", "Angel: the Series"]
    );
    assert_eq!(s.rating, Some(Rating::Teen));
    assert_eq!(s.status, Status::InProgress);
    assert_eq!(s.words, w.words() as u64);
    assert_eq!(s.chapters, 2);
    assert_eq!(s.summary, w.summary);
    assert_eq!(s.created_at, stored.created_at);
    assert_eq!(s.updated_at, stored.updated_at);

    assert!(store.get_work(id + 1000).await.expect("get_work").is_none());
    assert!(
        store.work_updates(id).await.expect("updates").is_empty(),
        "a first import is not an update"
    );
}

/// Saving the very same work again changes nothing and records nothing.
async fn reimport_identical_is_unchanged(db: &TestDb) {
    let store = &*db.store;
    let w = rich_work("https://archiveofourown.org/works/2");
    let id = imported(save(store, &w).await);
    let first = get(store, id).await;
    for _ in 0..2 {
        assert_eq!(save(store, &w.clone()).await, SaveOutcome::Unchanged { id });
    }
    let again = get(store, id).await;
    assert_eq!(
        again.updated_at, first.updated_at,
        "unchanged keeps updated_at"
    );
    assert_eq!(store.count_works().await.expect("count"), 1);
    assert!(store.work_updates(id).await.expect("updates").is_empty());
}

/// A new chapter makes an update, recorded for subscribers, and keeps the work's id and creation
/// time.
async fn new_chapter_is_an_update(db: &TestDb) {
    let store = &*db.store;
    let url = "https://archiveofourown.org/works/3";
    let mut w = work(Some("Growing"), &["Author"], "grow", 1..=2);
    w.source.url = Some(url.into());
    let id = imported(save(store, &w).await);
    let first = get(store, id).await;

    w.chapters.push(chapter(3, &chapter_text("grow", 3)));
    let before = Utc::now();
    assert_eq!(
        save(store, &w).await,
        SaveOutcome::Updated {
            id,
            new_chapters: vec![3],
            edited_chapters: vec![],
        }
    );
    let after = Utc::now();

    let stored = get(store, id).await;
    assert_eq!(stored.work, w);
    assert_eq!(stored.created_at, first.created_at);
    assert!(stored.updated_at >= first.updated_at);
    assert_eq!(summary(store, id).await.chapters, 3);
    assert_eq!(store.count_works().await.expect("count"), 1);

    let updates = store.work_updates(id).await.expect("updates");
    assert_eq!(updates.len(), 1);
    let update = &updates[0];
    assert_eq!(update.work_id, id);
    assert_eq!(update.new_chapters, vec![3]);
    assert!(update.edited_chapters.is_empty());
    let slack = chrono::Duration::milliseconds(5);
    assert!(
        update.at >= before - slack && update.at <= after + slack,
        "update time {} lies within the save ({before} .. {after})",
        update.at
    );

    assert_eq!(
        save(store, &w).await,
        SaveOutcome::Unchanged { id },
        "the updated version is now the stored one"
    );
}

/// Edited chapter text or notes are reported as edited, by chapter number, newest update first.
async fn edited_chapter_is_an_update(db: &TestDb) {
    let store = &*db.store;
    let mut w = work(Some("Edited"), &["Author"], "edit", 1..=2);
    w.source.url = Some("https://example.org/story/4".into());
    let id = imported(save(store, &w).await);

    w.chapters[0] = chapter(1, "A rewritten first chapter.\n\nWith a new ending.");
    assert_eq!(
        save(store, &w).await,
        SaveOutcome::Updated {
            id,
            new_chapters: vec![],
            edited_chapters: vec![1],
        }
    );

    w.chapters[1]
        .notes_after
        .push(Note::new("Thanks for reading!"));
    w.chapters.push(chapter(3, &chapter_text("edit", 3)));
    assert_eq!(
        save(store, &w).await,
        SaveOutcome::Updated {
            id,
            new_chapters: vec![3],
            edited_chapters: vec![2],
        },
        "a changed note is an edit of its chapter"
    );

    let updates = store.work_updates(id).await.expect("updates");
    let lists: Vec<_> = updates
        .iter()
        .map(|u| (u.new_chapters.clone(), u.edited_chapters.clone()))
        .collect();
    assert_eq!(
        lists,
        vec![(vec![3], vec![2]), (vec![], vec![1])],
        "newest first"
    );
    assert!(updates[0].at >= updates[1].at);
    assert_eq!(get(store, id).await.work, w);
}

/// A metadata-only change (summary, tags, status) is stored but posts nothing to the update feed.
async fn metadata_change_updates_without_feed_entry(db: &TestDb) {
    let store = &*db.store;
    let mut w = rich_work("https://archiveofourown.org/works/5");
    let id = imported(save(store, &w).await);

    w.summary = Some("A better summary.".into());
    w.status = Status::Complete;
    w.tags.add(TagKind::Freeform, "Fluff");
    let outcome = save(store, &w).await;
    assert_eq!(
        outcome,
        SaveOutcome::Updated {
            id,
            new_chapters: vec![],
            edited_chapters: vec![],
        }
    );
    let stored = get(store, id).await;
    assert_eq!(stored.work, w, "the new metadata is stored");
    let s = summary(store, id).await;
    assert_eq!(s.summary.as_deref(), Some("A better summary."));
    assert_eq!(s.status, Status::Complete);
    assert!(
        store.work_updates(id).await.expect("updates").is_empty(),
        "no chapter changed, so no update is recorded"
    );
}

/// An excerpt (chapters 25-26) later imported whole reports chapters 1-24 as new.
async fn excerpt_then_whole_work(db: &TestDb) {
    let store = &*db.store;
    let mut excerpt = work(Some("Bloody Soul"), &["Kallysten"], "soul", 25..=26);
    excerpt.excerpt_of_chapters = Some((25, 26));
    excerpt.source.url = Some("https://archiveofourown.org/works/6".into());
    let id = imported(save(store, &excerpt).await);

    let mut whole = work(Some("Bloody Soul"), &["Kallysten"], "soul", 1..=26);
    whole.source.url = excerpt.source.url.clone();
    assert_eq!(
        save(store, &whole).await,
        SaveOutcome::Updated {
            id,
            new_chapters: (1..=24).collect(),
            edited_chapters: vec![],
        }
    );
}

/// The same source URL identifies the work even when title and authors changed.
async fn matches_by_source_url(db: &TestDb) {
    let store = &*db.store;
    let url = "https://archiveofourown.org/works/7";
    let mut w = work(Some("Old Title"), &["Old Pseud"], "url", 1..=1);
    w.source.url = Some(url.into());
    let id = imported(save(store, &w).await);

    let mut renamed = work(Some("A New Title"), &["New Pseud"], "url", 1..=1);
    renamed.source.url = Some(url.into());
    let outcome = save(store, &renamed).await;
    assert!(
        matches!(outcome, SaveOutcome::Updated { id: got, .. } if got == id),
        "same URL must update work {id}, got {outcome:?}"
    );
    assert_eq!(store.count_works().await.expect("count"), 1);
    assert_eq!(
        summary(store, id).await.title.as_deref(),
        Some("A New Title")
    );

    let mut other = renamed.clone();
    other.source.url = Some("https://archiveofourown.org/works/8".into());
    other.title = Some("Something Else Entirely".into());
    other.authors = vec!["Someone Else".into()];
    let other_id = imported(save(store, &other).await);
    assert_ne!(other_id, id);
}

/// The same source uid (FanFicFare's uid, an EPUB identifier) identifies a work without a URL.
async fn matches_by_source_uid(db: &TestDb) {
    let store = &*db.store;
    let uid = "urn:uuid:6f1c7c1e-2b1e-4c1e-9a1e-0123456789ab";
    let mut w = work(Some("Uid Story"), &["Writer"], "uid", 1..=1);
    w.source.uid = Some(uid.into());
    let id = imported(save(store, &w).await);

    let mut renamed = work(Some("Uid Story, Revised"), &["Writer2"], "uid2", 1..=2);
    renamed.source.uid = Some(uid.into());
    let outcome = save(store, &renamed).await;
    assert!(
        matches!(outcome, SaveOutcome::Updated { id: got, .. } if got == id),
        "same uid must update work {id}, got {outcome:?}"
    );

    let mut other = renamed.clone();
    other.source.uid = Some("urn:uuid:another".into());
    other.title = Some("Different".into());
    assert_ne!(imported(save(store, &other).await), id);
    assert_eq!(store.count_works().await.expect("count"), 2);
}

/// A work retitled, without URL or uid, is recognised by its authors and its opening text; a
/// different text by the same author, or the same text under another source URL, is another work.
async fn matches_a_retitled_work_by_its_text(db: &TestDb) {
    let store = &*db.store;
    let w = work(Some("First Title"), &["Same Author"], "retitled", 1..=2);
    let id = imported(save(store, &w).await);
    let mut renamed = work(Some("A New Title"), &["same author"], "retitled", 1..=3);
    renamed.summary = Some("Now with a summary.".into());
    let outcome = save(store, &renamed).await;
    assert!(
        matches!(&outcome, SaveOutcome::Updated { id: got, new_chapters, .. } if *got == id && new_chapters == &[3]),
        "a retitled work with the same text must update work {id}, got {outcome:?}"
    );
    let other = work(Some("Another Story"), &["Same Author"], "different", 1..=2);
    assert_ne!(imported(save(store, &other).await), id);
    let mut elsewhere = work(Some("Third Title"), &["Same Author"], "urls", 1..=2);
    elsewhere.source.url = Some("https://example.org/works/1".into());
    let first = imported(save(store, &elsewhere).await);
    elsewhere.source.url = Some("https://example.org/works/2".into());
    elsewhere.title = Some("Fourth Title".into());
    assert_ne!(imported(save(store, &elsewhere).await), first);
    assert_eq!(store.count_works().await.expect("count"), 4);
}

/// Without URL or uid, the normalised title and the set of authors identify a work.
async fn matches_by_title_and_authors(db: &TestDb) {
    let store = &*db.store;
    let w = work(
        Some("The Slayer's Gift"),
        &["Kallysten", "Second Author"],
        "first version",
        1..=1,
    );
    let id = imported(save(store, &w).await);

    let respelled = work(
        Some("the  slayers gift!"),
        &["second author", "KALLYSTEN"],
        "second version",
        1..=2,
    );
    let outcome = save(store, &respelled).await;
    assert!(
        matches!(outcome, SaveOutcome::Updated { id: got, .. } if got == id),
        "same normalised title and author set must update work {id}, got {outcome:?}"
    );

    let other_author = work(
        Some("The Slayer's Gift"),
        &["Kallysten"],
        "first version",
        1..=1,
    );
    let other_title = work(
        Some("The Slayer's Curse"),
        &["Kallysten", "Second Author"],
        "first version",
        1..=1,
    );
    let a = imported(save(store, &other_author).await);
    let b = imported(save(store, &other_title).await);
    assert_eq!(HashSet::from([id, a, b]).len(), 3);
    assert_eq!(store.count_works().await.expect("count"), 3);
}

/// Untitled works have no identity but their content: equal content is the same work, different
/// content is a different work (never merged into one "Untitled").
async fn untitled_works_match_by_content(db: &TestDb) {
    let store = &*db.store;
    let a = work(None, &["Anon"], "untitled a", 1..=1);
    let b = work(None, &["Anon"], "untitled b", 1..=1);
    let c = work(None, &[], "no title no author", 1..=1);
    let d = work(None, &[], "no title no author either", 1..=1);
    let ia = imported(save(store, &a).await);
    let ib = imported(save(store, &b).await);
    let ic = imported(save(store, &c).await);
    let id = imported(save(store, &d).await);
    assert_eq!(HashSet::from([ia, ib, ic, id]).len(), 4);
    assert_eq!(save(store, &a).await, SaveOutcome::Unchanged { id: ia });
    assert_eq!(save(store, &c).await, SaveOutcome::Unchanged { id: ic });
    assert_eq!(store.count_works().await.expect("count"), 4);
    assert_eq!(summary(store, ia).await.title, None, "no invented title");
}

/// Listing pages through works in id order; counting and the id cursor agree with it.
async fn list_count_and_page(db: &TestDb) {
    let store = &*db.store;
    assert_eq!(store.count_works().await.expect("count"), 0);
    assert!(store.list_works(0, 10).await.expect("list").is_empty());
    let mut ids = Vec::new();
    for i in 0..25 {
        let title = format!("Work number {i}");
        ids.push(imported(
            save(store, &work(Some(&title), &["Lister"], &title, 1..=1)).await,
        ));
    }
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "ids grow: {ids:?}");
    assert_eq!(store.count_works().await.expect("count"), 25);

    let mut listed = Vec::new();
    for offset in (0..30).step_by(10) {
        let page = store.list_works(offset, 10).await.expect("list");
        assert_eq!(page.len(), 10.min(25usize.saturating_sub(offset as usize)));
        listed.extend(page);
    }
    assert_eq!(listed.iter().map(|s| s.id).collect::<Vec<_>>(), ids);
    assert_eq!(listed[3].title.as_deref(), Some("Work number 3"));
    assert_eq!(listed[3].authors, vec!["Lister"]);
    assert!(store.list_works(0, 0).await.expect("list").is_empty());
    assert!(store.list_works(25, 10).await.expect("list").is_empty());
    assert!(store.list_works(1000, 10).await.expect("list").is_empty());

    let mut cursor = 0;
    let mut walked = Vec::new();
    loop {
        let batch = store.work_ids_after(cursor, 7).await.expect("ids after");
        assert!(batch.len() <= 7);
        let Some(&last) = batch.last() else { break };
        walked.extend(batch);
        cursor = last;
    }
    assert_eq!(walked, ids);
    assert_eq!(
        store.work_ids_after(ids[9], 3).await.expect("ids after"),
        ids[10..13].to_vec()
    );
}

/// Summaries come back in the order asked for; unknown ids are skipped.
async fn summaries_keep_requested_order(db: &TestDb) {
    let store = &*db.store;
    let a = imported(save(store, &work(Some("Alpha"), &["X"], "a", 1..=1)).await);
    let b = imported(save(store, &work(Some("Beta"), &["X"], "b", 1..=1)).await);
    let c = imported(save(store, &work(Some("Gamma"), &["X"], "c", 1..=1)).await);
    let missing = c + 10_000;
    let got = store
        .work_summaries(&[c, a, missing, b])
        .await
        .expect("summaries");
    assert_eq!(got.iter().map(|s| s.id).collect::<Vec<_>>(), vec![c, a, b]);
    let titles: Vec<_> = got.iter().map(|s| s.title.as_deref()).collect();
    assert_eq!(titles, vec![Some("Gamma"), Some("Alpha"), Some("Beta")]);
    assert!(
        store
            .work_summaries(&[])
            .await
            .expect("summaries")
            .is_empty()
    );
    assert!(
        store
            .work_summaries(&[missing])
            .await
            .expect("summaries")
            .is_empty()
    );
}

/// Deleting a work removes it, its updates and its identity; ids are not reused.
async fn delete_removes_everything(db: &TestDb) {
    let store = &*db.store;
    let mut w = rich_work("https://archiveofourown.org/works/9");
    let id = imported(save(store, &w).await);
    let keep = imported(save(store, &work(Some("Keep"), &["Me"], "keep", 1..=1)).await);
    w.chapters.push(chapter(3, "A third chapter."));
    save(store, &w).await;
    store
        .set_analysis(id, &json!({"done": true}))
        .await
        .expect("set_analysis");
    assert_eq!(store.work_updates(id).await.expect("updates").len(), 1);

    assert!(store.delete_work(id).await.expect("delete"));
    assert!(store.get_work(id).await.expect("get").is_none());
    assert!(!store.delete_work(id).await.expect("delete twice"));
    assert_eq!(store.count_works().await.expect("count"), 1);
    assert!(store.work_updates(id).await.expect("updates").is_empty());
    let feed = store
        .updates_since(DateTime::<Utc>::UNIX_EPOCH, 100)
        .await
        .expect("feed");
    assert!(feed.iter().all(|u| u.work_id != id), "feed forgets it");
    assert_eq!(store.work_ids_after(0, 10).await.expect("ids"), vec![keep]);
    assert_eq!(
        store
            .work_summaries(&[id, keep])
            .await
            .expect("summaries")
            .len(),
        1
    );

    let again = save(store, &w).await;
    let new_id = imported(again);
    assert_ne!(new_id, id, "a deleted work's id is never reused");
    assert!(
        store
            .work_updates(new_id)
            .await
            .expect("updates")
            .is_empty(),
        "the re-imported work starts a fresh history"
    );
    assert!(
        !store
            .delete_work(id + 10_000)
            .await
            .expect("delete missing")
    );
}

/// Named documents are stored, replaced and read back independently of works.
async fn documents_round_trip(db: &TestDb) {
    let store = &*db.store;
    assert_eq!(store.load_document("taxonomy").await.expect("load"), None);
    let taxonomy = json!({"tags": [{"name": "Buffy Summers/Spike", "synonyms": ["Spuffy"]}]});
    store
        .save_document("taxonomy", &taxonomy)
        .await
        .expect("save");
    assert_eq!(
        store.load_document("taxonomy").await.expect("load"),
        Some(taxonomy.clone())
    );
    let replaced = json!({"tags": []});
    store
        .save_document("taxonomy", &replaced)
        .await
        .expect("save");
    assert_eq!(
        store.load_document("taxonomy").await.expect("load"),
        Some(replaced.clone())
    );
    let name = "exclusions/ünïcödé 'quoted'";
    store
        .save_document(name, &json!(["Major Character Death", 3, null]))
        .await
        .expect("save");
    assert_eq!(
        store.load_document(name).await.expect("load"),
        Some(json!(["Major Character Death", 3, null]))
    );
    assert_eq!(
        store.load_document("taxonomy").await.expect("load"),
        Some(replaced),
        "documents are independent"
    );
    assert_eq!(store.count_works().await.expect("count"), 0);
}

/// `set_analysis` replaces the stored analysis; an unchanged re-import keeps it.
async fn set_analysis_replaces(db: &TestDb) {
    let store = &*db.store;
    let w = rich_work("https://archiveofourown.org/works/10");
    let id = imported(save(store, &w).await);
    assert_eq!(get(store, id).await.analysis, None);
    let first = json!({"version": 1, "characters": ["Buffy"]});
    store.set_analysis(id, &first).await.expect("set_analysis");
    assert_eq!(get(store, id).await.analysis, Some(first));
    let second =
        json!({"version": 2, "characters": ["Buffy", "Spike"], "note": "l'été \"quoted\""});
    store.set_analysis(id, &second).await.expect("set_analysis");
    assert_eq!(get(store, id).await.analysis, Some(second.clone()));
    assert_eq!(save(store, &w).await, SaveOutcome::Unchanged { id });
    assert_eq!(
        get(store, id).await.analysis,
        Some(second),
        "re-import keeps analysis"
    );

    // On a missing work the call may fail or do nothing, but never creates a work.
    let _ = store.set_analysis(id + 10_000, &json!({})).await;
    assert!(store.get_work(id + 10_000).await.expect("get").is_none());
    assert_eq!(store.count_works().await.expect("count"), 1);
}

/// The feed lists updates of all works oldest first, after a time, up to a limit.
async fn updates_since_is_the_feed(db: &TestDb) {
    let store = &*db.store;
    let start = Utc::now() - chrono::Duration::seconds(1);
    let mut a = work(Some("Feed A"), &["Feeder"], "feed a", 1..=1);
    let mut b = work(Some("Feed B"), &["Feeder"], "feed b", 1..=1);
    let ia = imported(save(store, &a).await);
    let ib = imported(save(store, &b).await);
    assert!(
        store
            .updates_since(start, 10)
            .await
            .expect("feed")
            .is_empty(),
        "imports are not updates"
    );

    a.chapters.push(chapter(2, "A2"));
    save(store, &a).await;
    b.chapters.push(chapter(2, "B2"));
    save(store, &b).await;
    a.chapters[0] = chapter(1, "A1 rewritten");
    save(store, &a).await;

    let feed = store.updates_since(start, 10).await.expect("feed");
    let summary: Vec<(WorkId, Vec<u32>, Vec<u32>)> = feed
        .iter()
        .map(|u| (u.work_id, u.new_chapters.clone(), u.edited_chapters.clone()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (ia, vec![2], vec![]),
            (ib, vec![2], vec![]),
            (ia, vec![], vec![1])
        ],
        "oldest first, in the order they happened"
    );
    assert!(feed.windows(2).all(|w| w[0].at <= w[1].at));

    let limited = store.updates_since(start, 2).await.expect("feed");
    assert_eq!(limited, feed[..2].to_vec());
    assert!(
        store
            .updates_since(Utc::now() + chrono::Duration::seconds(60), 10)
            .await
            .expect("feed")
            .is_empty()
    );
    assert!(
        store
            .updates_since(start, 0)
            .await
            .expect("feed")
            .is_empty()
    );

    // The per-work history holds the same records, newest first.
    let history_a: Vec<WorkUpdate> = store.work_updates(ia).await.expect("updates");
    assert_eq!(history_a, vec![feed[2].clone(), feed[0].clone()]);
}

/// Overwrites one column of one stored work behind the store's back.
async fn damage(db: &TestDb, id: WorkId, column: &str, value: &str) {
    db.execute_raw(format!(
        "UPDATE works SET {column} = '{value}' WHERE id = {id}"
    ))
    .await;
}

/// Asserts that `result` is `StoreError::Corrupt` naming work `expected`.
fn assert_corrupt<T: std::fmt::Debug>(result: Result<T, StoreError>, expected: WorkId, what: &str) {
    match result {
        Err(StoreError::Corrupt { id, reason }) => {
            assert_eq!(id, expected, "{what}: the error names the damaged work");
            assert!(!reason.is_empty(), "{what}: the reason says what is wrong");
        }
        other => panic!("{what}: expected Corrupt for work {expected}, got {other:?}"),
    }
}

/// A work whose stored JSON was damaged reads as `Corrupt` with its id, never a panic; the other
/// works stay readable and the damaged one can still be deleted.
async fn corrupt_work_json_is_an_error(db: &TestDb) {
    let store = &*db.store;
    let broken = imported(save(store, &work(Some("Broken"), &["X"], "b1", 1..=1)).await);
    let healthy = imported(save(store, &work(Some("Healthy"), &["X"], "ok", 1..=1)).await);
    damage(db, broken, "work_json", "{\"title\": [not json").await;
    assert_corrupt(store.get_work(broken).await, broken, "get_work");
    damage(db, healthy, "analysis_json", "{analysis").await;
    assert_corrupt(
        store.get_work(healthy).await,
        healthy,
        "get_work with bad analysis",
    );
    store
        .set_analysis(healthy, &json!({"fixed": true}))
        .await
        .expect("set_analysis repairs the analysis");
    assert_eq!(
        get(store, healthy).await.work.title.as_deref(),
        Some("Healthy")
    );
    assert_eq!(store.count_works().await.expect("count"), 2);
    assert!(
        store
            .delete_work(broken)
            .await
            .expect("a corrupt work can be deleted")
    );
}

/// A damaged JSON list column behind a listing is `Corrupt`, and a listing never shows the
/// damaged row as if it were fine.
async fn corrupt_summary_json_is_an_error(db: &TestDb) {
    let store = &*db.store;
    let broken = imported(save(store, &work(Some("Listed"), &["X"], "b2", 1..=1)).await);
    let healthy = imported(save(store, &work(Some("Healthy"), &["X"], "ok", 1..=1)).await);
    damage(db, broken, "authors", "not a json array").await;
    assert_corrupt(
        store.work_summaries(&[broken]).await,
        broken,
        "work_summaries",
    );
    match store.list_works(0, 10).await {
        Err(StoreError::Corrupt { id, .. }) => assert_eq!(id, broken),
        Ok(page) => assert!(
            page.iter().all(|s| s.id != broken),
            "a listing never shows a corrupt row as if it were fine"
        ),
        Err(other) => panic!("expected Corrupt or a listing, got {other:?}"),
    }
    assert_eq!(
        summary(store, healthy).await.title.as_deref(),
        Some("Healthy")
    );
}

/// A status or rating value the store never writes is `Corrupt`, not silently read as
/// "unknown" or "unrated" (which would mislead filters and hide the damage).
async fn corrupt_enum_columns_are_errors(db: &TestDb) {
    let store = &*db.store;
    let bad_status = imported(save(store, &work(Some("Status"), &["X"], "b3", 1..=1)).await);
    let mut rated = work(Some("Rated"), &["X"], "b4", 1..=1);
    rated.tags.add(TagKind::Rating, "Mature");
    let bad_rating = imported(save(store, &rated).await);
    damage(db, bad_status, "status", "half-finished").await;
    damage(db, bad_rating, "rating", "Rated Arr").await;
    assert_corrupt(
        store.work_summaries(&[bad_status]).await,
        bad_status,
        "bad status",
    );
    assert_corrupt(
        store.work_summaries(&[bad_rating]).await,
        bad_rating,
        "bad rating",
    );
}

/// Works saved at the same moment are all imported, with distinct ids.
async fn concurrent_distinct_saves(db: &TestDb) {
    let store = db.store.clone();
    let tasks: Vec<_> = (0..16)
        .map(|i| {
            let store = store.clone();
            tokio::spawn(async move {
                let mut w = work(Some(&format!("Parallel {i}")), &["Racer"], "p", 1..=2);
                w.source.url = Some(format!("https://example.org/parallel/{i}"));
                save(&*store, &w).await
            })
        })
        .collect();
    let mut ids = HashSet::new();
    for task in tasks {
        ids.insert(imported(task.await.expect("task")));
    }
    assert_eq!(ids.len(), 16);
    assert_eq!(store.count_works().await.expect("count"), 16);
}

/// Saves the same work eight times at once: exactly one save imports it, the others find it
/// unchanged, and the store holds it once.
async fn save_eight_at_once(db: &TestDb, w: Work) {
    let store = db.store.clone();
    // All tasks start their save together, so that the race is actually run.
    let start = Arc::new(tokio::sync::Barrier::new(8));
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let store = store.clone();
            let w = w.clone();
            let start = start.clone();
            tokio::spawn(async move {
                start.wait().await;
                store
                    .save_work(NewWork {
                        work: &w,
                        source_text: None,
                        analysis: None,
                    })
                    .await
                    .map_err(|e| e.to_string())
            })
        })
        .collect();
    let mut outcomes = Vec::new();
    for task in tasks {
        outcomes.push(task.await.expect("task"));
    }
    let outcomes: Vec<SaveOutcome> = outcomes
        .into_iter()
        .map(|o| o.unwrap_or_else(|e| panic!("a concurrent save of the same work failed: {e}")))
        .collect();
    let imports = outcomes
        .iter()
        .filter(|o| matches!(o, SaveOutcome::Imported { .. }))
        .count();
    assert_eq!(imports, 1, "exactly one save imports: {outcomes:?}");
    let first = outcomes[0].id();
    assert!(
        outcomes
            .iter()
            .all(|o| o.id() == first && !matches!(o, SaveOutcome::Updated { .. })),
        "the others see it unchanged: {outcomes:?}"
    );
    assert_eq!(store.count_works().await.expect("count"), 1);
}

/// The same work (with a source URL) saved by several importers at once is stored once.
async fn concurrent_same_url(db: &TestDb) {
    let mut w = work(Some("Same"), &["Twin"], "same", 1..=3);
    w.source.url = Some("https://example.org/same".into());
    save_eight_at_once(db, w).await;
}

/// The same work identified only by title and authors, saved at once, is stored once.
async fn concurrent_same_title(db: &TestDb) {
    save_eight_at_once(
        db,
        work(Some("Same By Title"), &["Twin"], "same title", 1..=3),
    )
    .await;
}

/// Opening the same location again (migrations already applied) finds the same works.
async fn reopen_keeps_data(db: &TestDb) {
    let w = rich_work("https://archiveofourown.org/works/11");
    let id = imported(save(&*db.store, &w).await);
    db.store
        .save_document("taxonomy", &json!({"v": 1}))
        .await
        .expect("save document");

    let mut location = db.location();
    if let Some(rest) = location.strip_prefix("postgres://") {
        // The other scheme spelling must reach the same database.
        location = format!("postgresql://{rest}");
    }
    let reopened = ficarchive_store::open(&location).await.expect("reopen");
    assert_eq!(reopened.count_works().await.expect("count"), 1);
    assert_eq!(get(&*reopened, id).await.work, w);
    assert_eq!(save(&*reopened, &w).await, SaveOutcome::Unchanged { id });
    assert_eq!(
        reopened.load_document("taxonomy").await.expect("load"),
        Some(json!({"v": 1}))
    );
}

/// Any text is storable: quotes, SQL-looking titles, non-Latin scripts, a BOM, and a large
/// work (40 chapters of about 16,000 words).
async fn awkward_text_round_trips(db: &TestDb) {
    let store = &*db.store;
    let mut w = work(
        Some("Robert'); DROP TABLE works;-- «ça» 血の"),
        &["O'Brien", "山田"],
        "awkward",
        1..=1,
    );
    let long_paragraph = "Ünïcödé wörds and emoji 🧛 again and again. ".repeat(2_000);
    for n in 2..=40 {
        w.chapters
            .push(chapter(n, &format!("{long_paragraph}\n\nEnd of {n}.")));
    }
    let source = "header\r\n\u{feff}and a BOM, «quotes» and 'apostrophes'";
    let id = imported(
        store
            .save_work(NewWork {
                work: &w,
                source_text: Some(source),
                analysis: None,
            })
            .await
            .expect("save an awkward work"),
    );
    let stored = get(store, id).await;
    assert_eq!(stored.work, w);
    assert_eq!(stored.source_text.as_deref(), Some(source));
    assert_eq!(summary(store, id).await.words, w.words() as u64);
    assert_eq!(
        store.count_works().await.expect("count"),
        1,
        "works table intact"
    );
}

/// A NUL character (found in damaged or binary-ish files; PostgreSQL text cannot hold one) never
/// makes a save fail, on either backend. The work itself (stored as JSON, where NUL is escaped)
/// reads back exactly; the source text keeps its length and every other byte, so that spans
/// into it stay valid; listing columns hold no NUL but keep the rest of the text.
async fn nul_characters_are_stored_safely(db: &TestDb) {
    let store = &*db.store;
    let mut w = work(Some("Nul\0Title"), &["Au\0thor"], "nul\0text", 1..=1);
    w.summary = Some("A summary\0with a NUL.".into());
    w.source.url = Some("https://example.org/nul\0work".into());
    let source = "header\0with a NUL byte from a damaged file\0";
    let id = imported(
        store
            .save_work(NewWork {
                work: &w,
                source_text: Some(source),
                analysis: None,
            })
            .await
            .expect("save a work containing NUL characters"),
    );
    let stored = get(store, id).await;
    assert_eq!(stored.work, w, "the work JSON keeps NUL characters");
    let text = stored.source_text.expect("source text stored");
    assert_eq!(text.len(), source.len(), "spans into the source stay valid");
    assert!(
        text.bytes()
            .zip(source.bytes())
            .all(|(got, sent)| got == sent || sent == 0),
        "only NUL bytes may differ: {text:?}"
    );
    let listed = summary(store, id).await;
    for (field, value) in [("title", listed.title), ("summary", listed.summary)] {
        let value = value.unwrap_or_else(|| panic!("{field} kept"));
        assert!(!value.contains('\0'), "{field} holds no NUL: {value:?}");
        assert!(
            value.len() >= "NulTitle".len(),
            "{field} keeps its text: {value:?}"
        );
    }
    assert_eq!(
        save(store, &w).await,
        SaveOutcome::Unchanged { id },
        "the same work with NULs is recognised again"
    );
}

/// `get_chapter` gives one chapter with the preface, the outline and the word count, equal to
/// what the whole work says; a missing chapter is `chapter: None`, a missing work `None`; an
/// update is seen at once.
async fn chapter_reads_match_the_whole_work(db: &TestDb) {
    let store = &*db.store;
    let mut w = rich_work("https://archiveofourown.org/works/70");
    w.chapters.push(chapter(3, &chapter_text("rich", 3)));
    w.chapters[1].title = Some("The Middle".into());
    w.chapters[2]
        .notes_after
        .push(Note::new("End of chapter note."));
    let analysis = json!({"characters": []});
    let id = store
        .save_work(NewWork {
            work: &w,
            source_text: None,
            analysis: Some(&analysis),
        })
        .await
        .map(|o| o.id())
        .expect("save_work");
    let stored = get(store, id).await;
    for c in &w.chapters {
        let read = store
            .get_chapter(id, c.number)
            .await
            .expect("get_chapter")
            .expect("the work exists");
        assert_eq!(read.id, id);
        assert_eq!(
            read.chapter.as_ref(),
            Some(c),
            "chapter {} reads back",
            c.number
        );
        let mut preface = w.clone();
        preface.chapters.clear();
        assert_eq!(
            read.preface, preface,
            "the preface is the work without chapters"
        );
        let outline: Vec<(u32, Option<&str>, u64)> = read
            .outline
            .iter()
            .map(|h| (h.number, h.title.as_deref(), h.words))
            .collect();
        let expected: Vec<(u32, Option<&str>, u64)> = w
            .chapters
            .iter()
            .map(|c| (c.number, c.title.as_deref(), c.words() as u64))
            .collect();
        assert_eq!(outline, expected);
        assert_eq!(read.words, w.words() as u64);
        assert!(read.has_analysis);
        assert_eq!(read.created_at, stored.created_at);
        assert_eq!(read.updated_at, stored.updated_at);
    }
    let none = store
        .get_chapter(id, 9)
        .await
        .expect("get_chapter")
        .expect("work");
    assert!(none.chapter.is_none(), "no chapter 9");
    assert_eq!(none.outline.len(), 3);
    assert!(
        store
            .get_chapter(id + 1000, 1)
            .await
            .expect("get_chapter")
            .is_none()
    );

    let plain = imported(save(store, &work(Some("Plain"), &["P"], "plain", 1..=1)).await);
    let read = store
        .get_chapter(plain, 1)
        .await
        .expect("read")
        .expect("work");
    assert!(!read.has_analysis, "no analysis stored");

    let mut longer = w.clone();
    longer.chapters.push(chapter(4, &chapter_text("rich", 4)));
    longer.chapters[0].scenes[0].paragraphs[0] = Paragraph::plain("An edited opening.");
    save(store, &longer).await;
    let read = store.get_chapter(id, 4).await.expect("read").expect("work");
    assert_eq!(read.chapter.as_ref(), Some(&longer.chapters[3]));
    assert_eq!(read.outline.len(), 4);
    assert_eq!(read.words, longer.words() as u64);
    let first = store.get_chapter(id, 1).await.expect("read").expect("work");
    assert_eq!(
        first.chapter.as_ref(),
        Some(&longer.chapters[0]),
        "the edit shows"
    );
}

/// A work stored before chapters were kept apart (no outline, no chapter bodies) reads the same
/// through the whole work, and is filled in by that read: afterwards its chapters read even with
/// the whole-work JSON damaged.
async fn chapter_reads_fill_in_older_rows(db: &TestDb) {
    let store = &*db.store;
    let w = rich_work("https://archiveofourown.org/works/71");
    let id = imported(save(store, &w).await);
    let fresh = store.get_chapter(id, 2).await.expect("read").expect("work");
    // A row saved before migration 0004 keeps the whole work in work_json; one saved before 0003
    // has no outline and no chapter bodies either.
    let whole = serde_json::to_string(&w)
        .expect("work JSON")
        .replace('\'', "''");
    db.execute_raw(format!(
        "UPDATE works SET outline_json = NULL, chapters_apart = 0, work_json = '{whole}' WHERE id = {id}"
    ))
    .await;
    db.execute_raw(format!(
        "UPDATE chapters SET body_json = NULL WHERE work_id = {id}"
    ))
    .await;
    let old = store.get_chapter(id, 2).await.expect("read").expect("work");
    assert_eq!(old.chapter, fresh.chapter);
    assert_eq!(old.preface, fresh.preface);
    assert_eq!(old.outline, fresh.outline);
    assert_eq!(old.words, fresh.words);
    assert_eq!(
        get(store, id).await.work,
        w,
        "an older row reads whole from work_json"
    );
    damage(db, id, "work_json", "{not json").await;
    for number in [1, 2] {
        let read = store
            .get_chapter(id, number)
            .await
            .expect("filled in")
            .expect("work");
        assert_eq!(
            read.chapter.as_ref(),
            Some(&w.chapters[number as usize - 1])
        );
    }
    assert_corrupt(
        store.get_work(id).await,
        id,
        "the whole work is still damaged",
    );
}

/// Two chapters a source numbered alike are both kept, in order; a chapter read by that number
/// gives the first. The chapter text is stored once: the work's own row holds no chapter text.
async fn chapters_numbered_alike_are_both_kept(db: &TestDb) {
    let store = &*db.store;
    let mut w = work(Some("Twice One"), &["Numbers"], "alike", 1..=2);
    let mut again = chapter(
        1,
        "A second chapter that also calls itself one, with its own words.",
    );
    again.title = Some("Also One".into());
    w.chapters.insert(1, again);
    let id = imported(save(store, &w).await);
    assert_eq!(get(store, id).await.work, w);
    let read = store.get_chapter(id, 1).await.expect("read").expect("work");
    assert_eq!(read.chapter.as_ref(), Some(&w.chapters[0]));
    assert_eq!(read.outline.len(), 3);
    assert_eq!(read.outline[1].title.as_deref(), Some("Also One"));
    let stored_once = db
        .fetch_raw_count(format!(
            "SELECT COUNT(*) FROM works WHERE id = {id} AND work_json LIKE '%second chapter that also%'"
        ))
        .await;
    assert_eq!(stored_once, 0, "chapter text is not repeated in work_json");
}

/// `save_works` stores a batch as `save_work` would one by one: later works in the batch are
/// recognised as earlier ones (same URL, new chapter; same text retitled with a URL), outcomes
/// come in order, and everything reads back.
async fn save_works_is_save_work_in_turn(db: &TestDb) {
    let store = &*db.store;
    assert!(store.save_works(&[]).await.expect("empty batch").is_empty());
    let a = rich_work("https://archiveofourown.org/works/80");
    let b = work(Some("Second"), &["Batch Author"], "batch-b", 1..=2);
    let mut a_longer = a.clone();
    a_longer.chapters.push(chapter(3, &chapter_text("rich", 3)));
    let mut b_retitled = b.clone();
    b_retitled.title = Some("Second, Retitled".into());
    b_retitled.source.url = Some("https://example.org/b".into());
    let c = work(Some("Third"), &["Batch Author"], "batch-c", 1..=1);
    let analysis = json!({"characters": [{"name": "Buffy"}]});
    let batch = [&a, &b, &a_longer, &b_retitled, &c, &c];
    let news: Vec<NewWork<'_>> = batch
        .iter()
        .map(|w| NewWork {
            work: w,
            source_text: None,
            analysis: Some(&analysis),
        })
        .collect();
    let outcomes = store.save_works(&news).await.expect("save_works");
    assert_eq!(outcomes.len(), 6);
    let (a_id, b_id, c_id) = (outcomes[0].id(), outcomes[1].id(), outcomes[4].id());
    assert!(matches!(outcomes[0], SaveOutcome::Imported { .. }));
    assert!(matches!(outcomes[1], SaveOutcome::Imported { .. }));
    assert_eq!(
        outcomes[2],
        SaveOutcome::Updated {
            id: a_id,
            new_chapters: vec![3],
            edited_chapters: vec![]
        }
    );
    assert!(
        matches!(&outcomes[3], SaveOutcome::Updated { id, .. } if *id == b_id),
        "the retitled work with a URL is the stored one without: {:?}",
        outcomes[3]
    );
    assert!(matches!(outcomes[4], SaveOutcome::Imported { .. }));
    assert_eq!(outcomes[5], SaveOutcome::Unchanged { id: c_id });
    assert_eq!(store.count_works().await.expect("count"), 3);
    assert_eq!(get(store, a_id).await.work, a_longer);
    assert_eq!(get(store, b_id).await.work, b_retitled);
    assert_eq!(get(store, c_id).await.analysis.as_ref(), Some(&analysis));
    let read = store
        .get_chapter(a_id, 3)
        .await
        .expect("read")
        .expect("work");
    assert_eq!(read.chapter.as_ref(), Some(&a_longer.chapters[2]));
    assert_eq!(
        summary(store, b_id).await.title.as_deref(),
        Some("Second, Retitled")
    );

    // A big batch: many works, each with many tags, in one call.
    let many: Vec<Work> = (0..300)
        .map(|i| {
            let mut w = work(
                Some(&format!("Bulk {i}")),
                &["Bulk"],
                &format!("bulk{i}"),
                1..=3,
            );
            w.source.url = Some(format!("https://example.org/bulk/{i}"));
            for t in 0..12 {
                w.tags.add(TagKind::Freeform, &format!("Tag {t}"));
            }
            w
        })
        .collect();
    let news: Vec<NewWork<'_>> = many
        .iter()
        .map(|w| NewWork {
            work: w,
            source_text: None,
            analysis: None,
        })
        .collect();
    let outcomes = store.save_works(&news).await.expect("bulk save");
    let ids: HashSet<WorkId> = outcomes
        .iter()
        .map(|o| match o {
            SaveOutcome::Imported { id } => *id,
            other => panic!("expected Imported, got {other:?}"),
        })
        .collect();
    assert_eq!(ids.len(), 300);
    assert_eq!(store.count_works().await.expect("count"), 303);
    let last = outcomes[299].id();
    assert_eq!(get(store, last).await.work, many[299]);
    // Saving the same batch again changes nothing.
    let again = store.save_works(&news).await.expect("bulk again");
    assert!(
        again
            .iter()
            .zip(&outcomes)
            .all(|(a, o)| *a == SaveOutcome::Unchanged { id: o.id() })
    );
}

/// A batch that fails partway stores nothing: the works saved before the failing one are rolled
/// back with it, and the same batch saves whole once the cause is gone.
async fn failing_batch_stores_nothing(db: &TestDb) {
    let store = &*db.store;
    let a = rich_work("https://archiveofourown.org/works/81");
    let a_id = imported(save(store, &a).await);
    let fresh = work(Some("Fresh"), &["Batch Author"], "failing-fresh", 1..=2);
    let mut a_longer = a.clone();
    a_longer.chapters.push(chapter(3, &chapter_text("rich", 3)));
    let news: Vec<NewWork<'_>> = [&fresh, &a_longer]
        .iter()
        .map(|w| NewWork {
            work: w,
            source_text: None,
            analysis: None,
        })
        .collect();
    // The update's feed entry is the batch's last write: without its table the save fails there.
    db.execute_raw("ALTER TABLE work_updates RENAME TO work_updates_away".into())
        .await;
    let failed = store.save_works(&news).await;
    db.execute_raw("ALTER TABLE work_updates_away RENAME TO work_updates".into())
        .await;
    assert!(
        failed.is_err(),
        "the batch cannot write its feed entry: {failed:?}"
    );
    assert_eq!(
        store.count_works().await.expect("count"),
        1,
        "the new work was rolled back"
    );
    assert_eq!(
        get(store, a_id).await.work,
        a,
        "the stored work is as it was"
    );
    let read = store
        .get_chapter(a_id, 3)
        .await
        .expect("read")
        .expect("work");
    assert_eq!(read.chapter, None, "no chapter 3 was kept");
    assert!(store.work_updates(a_id).await.expect("updates").is_empty());

    let outcomes = store
        .save_works(&news)
        .await
        .expect("the same batch, once it can");
    assert!(matches!(outcomes[0], SaveOutcome::Imported { .. }));
    assert!(matches!(&outcomes[1], SaveOutcome::Updated { id, .. } if *id == a_id));
    assert_eq!(store.count_works().await.expect("count"), 2);
    assert_eq!(get(store, a_id).await.work, a_longer);
}

/// Instantiates every case once per backend.
macro_rules! backend_tests {
    ($($case:ident),+ $(,)?) => {
        /// The cases on SQLite in a temporary data folder.
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let db = super::TestDb::sqlite().await;
                    super::$case(&db).await;
                }
            )+
        }

        /// The cases on PostgreSQL in a fresh database each.
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let Some(db) = super::TestDb::postgres(stringify!($case)).await else {
                        return;
                    };
                    super::$case(&db).await;
                }
            )+
        }
    };
}

backend_tests!(
    import_and_read_back,
    reimport_identical_is_unchanged,
    new_chapter_is_an_update,
    edited_chapter_is_an_update,
    metadata_change_updates_without_feed_entry,
    excerpt_then_whole_work,
    matches_by_source_url,
    matches_by_source_uid,
    matches_by_title_and_authors,
    untitled_works_match_by_content,
    list_count_and_page,
    summaries_keep_requested_order,
    delete_removes_everything,
    documents_round_trip,
    set_analysis_replaces,
    updates_since_is_the_feed,
    corrupt_work_json_is_an_error,
    corrupt_summary_json_is_an_error,
    corrupt_enum_columns_are_errors,
    concurrent_distinct_saves,
    concurrent_same_url,
    concurrent_same_title,
    reopen_keeps_data,
    awkward_text_round_trips,
    nul_characters_are_stored_safely,
    matches_a_retitled_work_by_its_text,
    chapter_reads_match_the_whole_work,
    chapter_reads_fill_in_older_rows,
    save_works_is_save_work_in_turn,
    failing_batch_stores_nothing,
    chapters_numbered_alike_are_both_kept,
);

/// `open` creates a missing, nested data folder holding `ficarchive.sqlite3`.
#[tokio::test]
async fn sqlite_open_creates_the_data_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data: PathBuf = dir.path().join("a").join("b").join("data");
    let store = ficarchive_store::open(path_str(&data))
        .await
        .expect("open creates the folder");
    assert!(data.join("ficarchive.sqlite3").is_file());
    assert_eq!(store.count_works().await.expect("count"), 0);
}

/// A data folder that cannot be created is an error, not a panic.
#[tokio::test]
async fn sqlite_open_on_a_file_fails_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"plain file").expect("write a file");
    let result = ficarchive_store::open(path_str(&file)).await;
    assert!(result.is_err(), "a plain file is not a data folder");
}

/// The URL helper keeps the server and query string and swaps the database.
#[test]
fn with_database_swaps_the_last_segment() {
    assert_eq!(
        with_database("postgres://postgres@127.0.0.1:5432/test", "x"),
        "postgres://postgres@127.0.0.1:5432/x"
    );
    assert_eq!(
        with_database("postgres://u@h/test?sslmode=disable", "y"),
        "postgres://u@h/y?sslmode=disable"
    );
    assert_eq!(with_database("postgres://u@h", "z"), "postgres://u@h/z");
}
