//! A bounded in-memory cache of blurbs, so a listing page costs one summaries query when the works
//! on it were shown recently (a work's entry is used only while its update time is unchanged).

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use chrono::{DateTime, Utc};
use ficarchive_store::WorkId;

use ficarchive_store::StoredWork;

use crate::blurb::Blurb;

/// Blurbs by work id, each with the update time it was built from.
pub(crate) struct BlurbCache {
    entries: RwLock<HashMap<WorkId, (DateTime<Utc>, Arc<Blurb>)>>,
    capacity: usize,
}

impl BlurbCache {
    /// An empty cache holding at most `capacity` blurbs.
    pub(crate) fn new(capacity: usize) -> Self {
        BlurbCache {
            entries: RwLock::new(HashMap::new()),
            capacity,
        }
    }

    /// The cached blurb of `id` if it was built from the version updated at `updated_at`.
    pub(crate) fn get(&self, id: WorkId, updated_at: DateTime<Utc>) -> Option<Arc<Blurb>> {
        let map = self.entries.read().ok()?;
        map.get(&id)
            .filter(|(at, _)| *at == updated_at)
            .map(|(_, b)| b.clone())
    }

    /// Remembers a blurb; when full, starts over (cheap, and a listing refills what it needs).
    pub(crate) fn put(&self, id: WorkId, updated_at: DateTime<Utc>, blurb: Arc<Blurb>) {
        if let Ok(mut map) = self.entries.write() {
            if map.len() >= self.capacity {
                map.clear();
            }
            map.insert(id, (updated_at, blurb));
        }
    }
}

/// Recently read works by id, each with the update time it was loaded at: a reader paging through
/// a long work's chapters costs one summary lookup per page instead of decoding the whole work.
pub(crate) struct WorkCache {
    entries: RwLock<HashMap<WorkId, Arc<StoredWork>>>,
    capacity: usize,
}

impl WorkCache {
    /// An empty cache holding at most `capacity` works.
    pub(crate) fn new(capacity: usize) -> Self {
        WorkCache {
            entries: RwLock::new(HashMap::new()),
            capacity,
        }
    }

    /// The cached work `id` if it is the version updated at `updated_at`.
    pub(crate) fn get(&self, id: WorkId, updated_at: DateTime<Utc>) -> Option<Arc<StoredWork>> {
        let map = self.entries.read().ok()?;
        map.get(&id).filter(|w| w.updated_at == updated_at).cloned()
    }

    /// Remembers a work; when full, forgets one arbitrary other work first.
    pub(crate) fn put(&self, work: Arc<StoredWork>) {
        if let Ok(mut map) = self.entries.write() {
            if map.len() >= self.capacity && !map.contains_key(&work.id) {
                let victim = map.keys().next().copied();
                if let Some(v) = victim {
                    map.remove(&v);
                }
            }
            map.insert(work.id, work);
        }
    }
}

/// Search results by query for a few seconds: listings and facet counts are the archive's hot
/// path (AO3's outages came from them), and a burst of readers on one listing then costs one search.
pub(crate) struct ResultCache {
    entries: RwLock<HashMap<String, (std::time::Instant, Arc<crate::search::SearchPage>)>>,
    capacity: usize,
    ttl: std::time::Duration,
}

impl ResultCache {
    /// An empty cache of at most `capacity` results, each kept for `ttl`.
    pub(crate) fn new(capacity: usize, ttl: std::time::Duration) -> Self {
        ResultCache {
            entries: RwLock::new(HashMap::new()),
            capacity,
            ttl,
        }
    }

    /// A fresh cached result for `key`.
    pub(crate) fn get(&self, key: &str) -> Option<Arc<crate::search::SearchPage>> {
        let map = self.entries.read().ok()?;
        map.get(key)
            .filter(|(at, _)| at.elapsed() < self.ttl)
            .map(|(_, p)| p.clone())
    }

    /// Remembers a result; when full, drops the stale entries, or all of them if none is stale.
    pub(crate) fn put(&self, key: String, page: Arc<crate::search::SearchPage>) {
        if let Ok(mut map) = self.entries.write() {
            if map.len() >= self.capacity {
                let ttl = self.ttl;
                map.retain(|_, (at, _)| at.elapsed() < ttl);
                if map.len() >= self.capacity {
                    map.clear();
                }
            }
            map.insert(key, (std::time::Instant::now(), page));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn stored(id: WorkId, at: DateTime<Utc>) -> Arc<StoredWork> {
        Arc::new(StoredWork {
            id,
            work: ficarchive_model::Work::default(),
            source_text: None,
            analysis: None,
            created_at: at,
            updated_at: at,
        })
    }

    #[test]
    fn a_changed_work_is_not_served_from_the_cache() {
        let t0 = Utc.timestamp_opt(1_000, 0).single().unwrap_or_default();
        let t1 = Utc.timestamp_opt(2_000, 0).single().unwrap_or_default();
        let cache = WorkCache::new(2);
        cache.put(stored(1, t0));
        assert!(cache.get(1, t0).is_some());
        assert!(cache.get(1, t1).is_none());
        cache.put(stored(2, t0));
        cache.put(stored(3, t0));
        let held = [1, 2, 3]
            .iter()
            .filter(|id| cache.get(**id, t0).is_some())
            .count();
        assert_eq!(held, 2, "capacity is respected");
    }

    #[test]
    fn results_expire() {
        let cache = ResultCache::new(2, std::time::Duration::from_millis(30));
        cache.put("a".into(), Arc::new(crate::search::SearchPage::default()));
        assert!(cache.get("a").is_some());
        assert!(cache.get("b").is_none());
        std::thread::sleep(std::time::Duration::from_millis(40));
        assert!(cache.get("a").is_none());
    }
}
