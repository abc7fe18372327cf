//! Bounded in-memory caches: blurbs and works (used while their update time is unchanged, and
//! confirmed against the store at most every [`crate::WORK_RECHECK`]), and search results served
//! for a few seconds and then stale while one request recomputes them.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use ficarchive_store::WorkId;

use ficarchive_store::StoredWork;

use crate::blurb::Blurb;

/// Blurbs by work id, each with the update time it was built from and when that was last
/// confirmed against the store.
pub(crate) struct BlurbCache {
    entries: RwLock<HashMap<WorkId, (DateTime<Utc>, Instant, Arc<Blurb>)>>,
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
            .filter(|(at, _, _)| *at == updated_at)
            .map(|(_, _, b)| b.clone())
    }

    /// The cached blurb of `id` if it was confirmed current less than `within` ago.
    pub(crate) fn fresh(&self, id: WorkId, within: Duration) -> Option<Arc<Blurb>> {
        let map = self.entries.read().ok()?;
        map.get(&id)
            .filter(|(_, checked, _)| checked.elapsed() < within)
            .map(|(_, _, b)| b.clone())
    }

    /// Remembers a blurb as current now; when full, starts over (cheap, and a listing refills
    /// what it needs).
    pub(crate) fn put(&self, id: WorkId, updated_at: DateTime<Utc>, blurb: Arc<Blurb>) {
        if let Ok(mut map) = self.entries.write() {
            if map.len() >= self.capacity && !map.contains_key(&id) {
                map.clear();
            }
            map.insert(id, (updated_at, Instant::now(), blurb));
        }
    }
}

/// Recently read works by id, each with when it was last confirmed current: a reader paging
/// through a long work's chapters costs one summary lookup every [`crate::WORK_RECHECK`] instead
/// of decoding the whole work for every page.
pub(crate) struct WorkCache {
    entries: RwLock<HashMap<WorkId, (Instant, Arc<StoredWork>)>>,
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
        map.get(&id)
            .filter(|(_, w)| w.updated_at == updated_at)
            .map(|(_, w)| w.clone())
    }

    /// The cached work `id` if it was confirmed current less than `within` ago.
    pub(crate) fn fresh(&self, id: WorkId, within: Duration) -> Option<Arc<StoredWork>> {
        let map = self.entries.read().ok()?;
        map.get(&id)
            .filter(|(checked, _)| checked.elapsed() < within)
            .map(|(_, w)| w.clone())
    }

    /// Remembers a work as current now; when full, forgets one arbitrary other work first.
    pub(crate) fn put(&self, work: Arc<StoredWork>) {
        if let Ok(mut map) = self.entries.write() {
            if map.len() >= self.capacity && !map.contains_key(&work.id) {
                let victim = map.keys().next().copied();
                if let Some(v) = victim {
                    map.remove(&v);
                }
            }
            map.insert(work.id, (Instant::now(), work));
        }
    }
}

/// What a [`TtlCache`] lookup found.
pub(crate) enum Cached<V> {
    /// A value younger than the time to live.
    Fresh(Arc<V>),
    /// An older value; the caller that gets `refresh: true` should recompute it (once: every
    /// other caller meanwhile gets `refresh: false` and the old value).
    Stale {
        /// The old value, to answer with meanwhile.
        value: Arc<V>,
        /// Whether this caller is the one to recompute it.
        refresh: bool,
    },
    /// Nothing usable.
    Missing,
}

/// Values by key for a few seconds, served stale while one caller recomputes them: listings and
/// facet counts are the archive's hot path (AO3's outages came from them), so a burst of readers
/// on one listing costs one search, and an expiring entry never makes readers wait.
pub(crate) struct TtlCache<V> {
    entries: RwLock<HashMap<String, Entry<V>>>,
    capacity: usize,
    ttl: Duration,
}

struct Entry<V> {
    at: Instant,
    value: Arc<V>,
    refreshing: bool,
}

/// How many times the time to live a stale value may still be served while it is recomputed.
const STALE_FACTOR: u32 = 30;

impl<V> TtlCache<V> {
    /// An empty cache of at most `capacity` values, each fresh for `ttl`.
    pub(crate) fn new(capacity: usize, ttl: Duration) -> Self {
        TtlCache {
            entries: RwLock::new(HashMap::new()),
            capacity,
            ttl,
        }
    }

    /// Looks `key` up; see [`Cached`].
    pub(crate) fn get(&self, key: &str) -> Cached<V> {
        {
            let Ok(map) = self.entries.read() else {
                return Cached::Missing;
            };
            match map.get(key) {
                None => return Cached::Missing,
                Some(e) if e.at.elapsed() < self.ttl => return Cached::Fresh(e.value.clone()),
                Some(e) if e.at.elapsed() >= self.ttl * STALE_FACTOR => return Cached::Missing,
                Some(e) if e.refreshing => {
                    return Cached::Stale {
                        value: e.value.clone(),
                        refresh: false,
                    };
                }
                Some(_) => {}
            }
        }
        let Ok(mut map) = self.entries.write() else {
            return Cached::Missing;
        };
        match map.get_mut(key) {
            Some(e) => {
                let refresh = !e.refreshing;
                e.refreshing = true;
                Cached::Stale {
                    value: e.value.clone(),
                    refresh,
                }
            }
            None => Cached::Missing,
        }
    }

    /// Remembers a value as fresh now; when full, drops the expired entries, or all of them.
    pub(crate) fn put(&self, key: String, value: Arc<V>) {
        if let Ok(mut map) = self.entries.write() {
            if map.len() >= self.capacity && !map.contains_key(&key) {
                let limit = self.ttl * STALE_FACTOR;
                map.retain(|_, e| e.at.elapsed() < limit);
                if map.len() >= self.capacity {
                    map.clear();
                }
            }
            map.insert(
                key,
                Entry {
                    at: Instant::now(),
                    value,
                    refreshing: false,
                },
            );
        }
    }

    /// Gives up a refresh claimed through [`Cached::Stale`] (it failed), so another caller may try.
    pub(crate) fn release(&self, key: &str) {
        if let Ok(mut map) = self.entries.write()
            && let Some(e) = map.get_mut(key)
        {
            e.refreshing = false;
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
    fn recently_confirmed_works_skip_the_store() {
        let t0 = Utc.timestamp_opt(1_000, 0).single().unwrap_or_default();
        let cache = WorkCache::new(2);
        cache.put(stored(1, t0));
        assert!(cache.fresh(1, Duration::from_secs(60)).is_some());
        std::thread::sleep(Duration::from_millis(20));
        assert!(cache.fresh(1, Duration::from_millis(10)).is_none());
        assert!(cache.fresh(2, Duration::from_secs(60)).is_none());
    }

    #[test]
    fn expired_values_are_served_stale_while_one_caller_refreshes() {
        let cache: TtlCache<u32> = TtlCache::new(2, Duration::from_millis(30));
        cache.put("a".into(), Arc::new(1));
        assert!(matches!(cache.get("a"), Cached::Fresh(v) if *v == 1));
        assert!(matches!(cache.get("b"), Cached::Missing));
        std::thread::sleep(Duration::from_millis(40));
        assert!(matches!(
            cache.get("a"),
            Cached::Stale { refresh: true, .. }
        ));
        assert!(matches!(
            cache.get("a"),
            Cached::Stale { refresh: false, .. }
        ));
        cache.release("a");
        assert!(matches!(
            cache.get("a"),
            Cached::Stale { refresh: true, .. }
        ));
        cache.put("a".into(), Arc::new(2));
        assert!(matches!(cache.get("a"), Cached::Fresh(v) if *v == 2));
        std::thread::sleep(Duration::from_millis(30 * u64::from(STALE_FACTOR) + 10));
        assert!(
            matches!(cache.get("a"), Cached::Missing),
            "too old to serve at all"
        );
    }
}
