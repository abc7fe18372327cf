//! A small in-memory [`Store`] and sample works for the web tests.
#![allow(dead_code, missing_docs)]

use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use chrono::{DateTime, Duration, TimeZone, Utc};
use ficarchive_model::{
    Chapter, Note, Paragraph, Rating, Scene, SceneBreak, Series, Status, TagKind, Work,
};
use ficarchive_store::{
    NewWork, Result, SaveOutcome, Store, StoredWork, WorkId, WorkSummary, WorkUpdate,
};

/// Works in a vector; ids are positions + 1.
#[derive(Default)]
pub struct MemStore {
    works: Mutex<Vec<Option<StoredWork>>>,
    docs: Mutex<Vec<(String, serde_json::Value)>>,
}

fn summary(s: &StoredWork) -> WorkSummary {
    WorkSummary {
        id: s.id,
        title: s.work.title.clone(),
        authors: s.work.authors.clone(),
        fandoms: s.work.tags.fandoms.clone(),
        rating: s.work.tags.rating,
        status: s.work.status,
        words: s.work.words() as u64,
        chapters: s.work.chapters.len() as u32,
        summary: s.work.summary.clone(),
        created_at: s.created_at,
        updated_at: s.updated_at,
    }
}

fn base_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 1, 1, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

impl MemStore {
    /// Adds a work directly, with creation time `base + n days`.
    pub fn add(&self, work: Work, analysis: Option<serde_json::Value>) -> WorkId {
        let mut works = self.works.lock().unwrap();
        let id = works.len() as WorkId + 1;
        let at = base_time() + Duration::days(id);
        works.push(Some(StoredWork {
            id,
            work,
            source_text: None,
            analysis,
            created_at: at,
            updated_at: at,
        }));
        id
    }
}

#[async_trait]
impl Store for MemStore {
    async fn save_work(&self, new: NewWork<'_>) -> Result<SaveOutcome> {
        let id = self.add(new.work.clone(), new.analysis.cloned());
        Ok(SaveOutcome::Imported { id })
    }
    async fn set_analysis(&self, id: WorkId, analysis: &serde_json::Value) -> Result<()> {
        if let Some(Some(w)) = self.works.lock().unwrap().get_mut(id as usize - 1) {
            w.analysis = Some(analysis.clone());
        }
        Ok(())
    }
    async fn get_work(&self, id: WorkId) -> Result<Option<StoredWork>> {
        let works = self.works.lock().unwrap();
        Ok(usize::try_from(id - 1)
            .ok()
            .and_then(|i| works.get(i).cloned().flatten()))
    }
    async fn list_works(&self, offset: u64, limit: u64) -> Result<Vec<WorkSummary>> {
        let works = self.works.lock().unwrap();
        Ok(works
            .iter()
            .flatten()
            .skip(offset as usize)
            .take(limit as usize)
            .map(summary)
            .collect())
    }
    async fn work_summaries(&self, ids: &[WorkId]) -> Result<Vec<WorkSummary>> {
        let works = self.works.lock().unwrap();
        Ok(ids
            .iter()
            .filter_map(|id| {
                usize::try_from(id - 1)
                    .ok()
                    .and_then(|i| works.get(i))
                    .and_then(Option::as_ref)
            })
            .map(summary)
            .collect())
    }
    async fn count_works(&self) -> Result<u64> {
        Ok(self.works.lock().unwrap().iter().flatten().count() as u64)
    }
    async fn work_ids_after(&self, after: WorkId, limit: u64) -> Result<Vec<WorkId>> {
        let works = self.works.lock().unwrap();
        Ok(works
            .iter()
            .flatten()
            .map(|w| w.id)
            .filter(|id| *id > after)
            .take(limit as usize)
            .collect())
    }
    async fn delete_work(&self, id: WorkId) -> Result<bool> {
        let mut works = self.works.lock().unwrap();
        match usize::try_from(id - 1).ok().and_then(|i| works.get_mut(i)) {
            Some(slot) => Ok(slot.take().is_some()),
            None => Ok(false),
        }
    }
    async fn work_updates(&self, _id: WorkId) -> Result<Vec<WorkUpdate>> {
        Ok(Vec::new())
    }
    async fn updates_since(&self, _since: DateTime<Utc>, _limit: u64) -> Result<Vec<WorkUpdate>> {
        Ok(Vec::new())
    }
    async fn load_document(&self, name: &str) -> Result<Option<serde_json::Value>> {
        Ok(self
            .docs
            .lock()
            .unwrap()
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone()))
    }
    async fn save_document(&self, name: &str, value: &serde_json::Value) -> Result<()> {
        let mut docs = self.docs.lock().unwrap();
        docs.retain(|(n, _)| n != name);
        docs.push((name.to_string(), value.clone()));
        Ok(())
    }
}

fn para(text: &str) -> Paragraph {
    Paragraph::plain(text)
}

fn chapter(number: u32, title: Option<&str>, texts: &[&str]) -> Chapter {
    Chapter::from_paragraphs(
        number,
        title.map(str::to_string),
        texts.iter().map(|t| para(t)).collect(),
    )
}

/// A three-chapter work in progress with notes, a scene break, tags of every kind and a series.
pub fn long_work() -> Work {
    let mut w = Work {
        title: Some("Bloody Soul".into()),
        authors: vec!["Kallysten".into()],
        summary: Some("Spike has a soul.\n\nBuffy has questions.".into()),
        notes: vec![Note::new("Written for a challenge.")],
        end_notes: vec![Note::new("Thanks for reading!")],
        language: Some("English".into()),
        status: Status::InProgress,
        series: vec![Series {
            name: "Souls & Stakes".into(),
            part: Some(2),
        }],
        ..Work::default()
    };
    w.tags.rating = Some(Rating::Teen);
    w.tags.add(TagKind::Warning, "No Archive Warnings Apply");
    w.tags.add(TagKind::Category, "F/M");
    w.tags.add(TagKind::Fandom, "Buffy the Vampire Slayer");
    w.tags.add(TagKind::Relationship, "Buffy Summers/Spike");
    w.tags.add(TagKind::Character, "Buffy Summers");
    w.tags.add(TagKind::Character, "Spike");
    w.tags.add(TagKind::Freeform, "Angst");
    w.tags.add(TagKind::Freeform, "Hurt/Comfort");
    w.dates.published = chrono::NaiveDate::from_ymd_opt(2008, 3, 1);
    w.dates.updated = chrono::NaiveDate::from_ymd_opt(2009, 5, 2);
    w.stats.kudos = Some(1234);
    w.stats.hits = Some(56789);
    let mut c1 = chapter(
        1,
        Some("Poisons"),
        &["“Hello there, Spike,” Buffy said.", "He did not answer."],
    );
    c1.notes_before
        .push(Note::new("A/N: this chapter was hard to write."));
    c1.notes_after.push(Note::new("More soon."));
    let mut emphasised = para("She was *very* tired.");
    emphasised.html = Some("She was <em>very</em> tired.".into());
    c1.scenes.push(Scene::new(
        SceneBreak::Explicit,
        Some("~*~".into()),
        vec![emphasised, para("The night went on.")],
    ));
    let c2 = chapter(
        2,
        Some("Antidotes"),
        &["“Slayer,” Spike said to Buffy.", "Morning came."],
    );
    let c3 = chapter(3, None, &["The third chapter has no title."]);
    w.chapters = vec![c1, c2, c3];
    w.expected_chapters = None;
    w
}

/// A one-shot with a hostile title, author and summary.
pub fn hostile_work() -> Work {
    let mut w = Work {
        title: Some("<script>alert('title')</script>".into()),
        authors: vec!["<img src=x onerror=alert(1)>".into()],
        summary: Some("<b>bold</b> & \"quoted\"".into()),
        status: Status::Complete,
        ..Work::default()
    };
    w.tags.add(TagKind::Fandom, "<i>Evil Fandom</i>");
    w.tags
        .add(TagKind::Freeform, "\"><script>alert(2)</script>");
    w.chapters = vec![chapter(
        1,
        None,
        &["<script>alert('text')</script> is only text here."],
    )];
    w
}

/// A small work in another fandom.
pub fn other_work(n: u32) -> Work {
    let mut w = Work {
        title: Some(format!("Drabble {n}")),
        authors: vec!["Someone Else".into()],
        summary: Some("Short and sweet.".into()),
        status: Status::Complete,
        ..Work::default()
    };
    w.tags.rating = Some(Rating::General);
    w.tags.add(TagKind::Fandom, "Angel: the Series");
    w.tags.add(TagKind::Freeform, "Fluff");
    w.chapters = vec![chapter(
        1,
        None,
        &["A hundred words of fluff, or so it seems."],
    )];
    w
}

/// Analysis JSON in the shape the analysis crate stores.
pub fn sample_analysis() -> serde_json::Value {
    serde_json::json!({
        "characters": [
            {"name": "Buffy", "aliases": ["Buffy Summers"], "mentions": 12, "quotes": 1},
            {"name": "Spike", "aliases": ["William"], "mentions": 9, "quotes": 1}
        ],
        "relationships": [{"characters": ["Buffy", "Spike"], "score": 0.72}],
        "scenes": [
            {"chapter": 1, "span": [0, 10], "person": "third", "pov": "Buffy"},
            {"chapter": 1, "span": [10, 20], "person": "third", "pov": "Spike"},
            {"chapter": 2, "span": [20, 30], "person": "third", "pov": "Spike"},
            {"chapter": 3, "span": [30, 40], "person": "third", "pov": "Buffy"}
        ],
        "quotes": [
            {"span": [0, 5], "text": "Hello there, Spike,", "speaker": "Buffy", "addressee": "Spike"},
            {"span": [20, 25], "text": "Slayer,", "speaker": "Spike", "addressee": "Buffy"}
        ]
    })
}

/// A store holding the long work (id 1, analysed), the hostile work (id 2) and `extra` drabbles.
pub fn sample_store(extra: u32) -> Arc<MemStore> {
    let store = MemStore::default();
    store.add(long_work(), Some(sample_analysis()));
    store.add(hostile_work(), None);
    for n in 0..extra {
        store.add(other_work(n + 1), None);
    }
    Arc::new(store)
}

/// A one-chapter work long enough to scroll (for the reading-position test).
pub fn long_read() -> Work {
    let mut w = Work {
        title: Some("A Long Night".into()),
        authors: vec!["Kallysten".into()],
        status: Status::Complete,
        ..Work::default()
    };
    w.tags.rating = Some(Rating::General);
    w.tags.add(TagKind::Fandom, "Buffy the Vampire Slayer");
    let texts: Vec<String> = (1..=300)
        .map(|i| format!("Paragraph {i}: the night was long, and the Slayer walked the cemetery looking for something that would not come."))
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    w.chapters = vec![chapter(1, None, &refs)];
    w
}

/// Another work of the long work's series ("Souls & Stakes"), as part `part`.
pub fn series_work(title: &str, part: Option<u32>) -> Work {
    let mut w = Work {
        title: Some(title.into()),
        authors: vec!["Kallysten".into()],
        summary: Some("Another part of the series.".into()),
        status: Status::Complete,
        series: vec![Series {
            name: "Souls & Stakes".into(),
            part,
        }],
        ..Work::default()
    };
    w.tags.rating = Some(Rating::Teen);
    w.tags.add(TagKind::Fandom, "Buffy the Vampire Slayer");
    w.tags.add(TagKind::Freeform, "Angst");
    w.chapters = vec![chapter(1, None, &["The series goes on."])];
    w
}

/// The store the browser tests serve: ids 1 (long work, analysed, part 2 of "Souls & Stakes"),
/// 2 (hostile), 3 (long read), 4 and 5 (parts 3 and 1 of the series), then 30 drabbles.
pub fn browser_store() -> Arc<MemStore> {
    let store = MemStore::default();
    store.add(long_work(), Some(sample_analysis()));
    store.add(hostile_work(), None);
    store.add(long_read(), None);
    store.add(series_work("Souls Undone", Some(3)), None);
    store.add(series_work("Souls Begin", Some(1)), None);
    for n in 0..30 {
        store.add(other_work(n + 1), None);
    }
    Arc::new(store)
}

/// An in-RAM tantivy index of every work in `store`, as the site's search backend.
pub async fn index_backend(store: Arc<MemStore>) -> Arc<dyn ficarchive_web::SearchBackend> {
    use ficarchive_search::{IndexDoc, SearchIndex, WorkCounts};
    let index = SearchIndex::open_in_ram().expect("in-RAM index");
    let taxonomy = ficarchive_model::Taxonomy::new();
    let mut id = 1;
    while let Some(stored) = store.get_work(id).await.expect("get") {
        let doc = IndexDoc::from_work(
            id as u64,
            &stored.work,
            WorkCounts::from_stats(&stored.work.stats),
            None,
            &taxonomy,
        );
        index.upsert(&doc).expect("index a work");
        id += 1;
    }
    index.commit().expect("commit");
    Arc::new(ficarchive_web::IndexBackend::new(Arc::new(index), store))
}
