//! Bounded in-memory caches: blurbs and works (used while their update time is unchanged, and
//! confirmed against the store at most every [`crate::WORK_RECHECK`]), and search results served
//! for a few seconds and then stale while one request recomputes them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use ficarchive_store::WorkId;

use ficarchive_store::StoredWork;

use crate::blurb::Blurb;

/// A cached blurb: the update time it was built from, when that was last confirmed against the
/// store, and the blurb.
type BlurbEntry = (DateTime<Utc>, Instant, Arc<Blurb>);

/// Blurbs by work id, each with the update time it was built from and when that was last
/// confirmed against the store.
pub(crate) struct BlurbCache {
    entries: RwLock<HashMap<WorkId, BlurbEntry>>,
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

    /// Remembers a value as fresh now; when full, drops the entries too old to serve, or else
    /// the oldest tenth (not everything: the pages read most keep being refreshed, so they are
    /// the young ones, and survive).
    pub(crate) fn put(&self, key: String, value: Arc<V>) {
        if let Ok(mut map) = self.entries.write() {
            if map.len() >= self.capacity && !map.contains_key(&key) {
                let limit = self.ttl * STALE_FACTOR;
                map.retain(|_, e| e.at.elapsed() < limit);
                let mut ages: Vec<Instant> = map.values().map(|e| e.at).collect();
                if map.len() >= self.capacity
                    && let Some(last) = ages.len().checked_sub(1)
                {
                    let drop = (self.capacity / 10).min(last);
                    let (_, cutoff, _) = ages.select_nth_unstable(drop);
                    let cutoff = *cutoff;
                    map.retain(|_, e| e.at > cutoff);
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

/// Computations under way by key: concurrent requests for a value nobody has yet join the one
/// computation ([`InFlight::join`], then `get_or_init` on the cell: only the first caller's
/// future runs, and if its request is dropped the next waiter takes over), and the caller that
/// finishes removes it ([`InFlight::land`]) so a later miss (after an error, or once the result
/// has left its cache) computes anew.
pub(crate) struct InFlight<V> {
    entries: Mutex<HashMap<String, Arc<tokio::sync::OnceCell<V>>>>,
}

impl<V> Default for InFlight<V> {
    fn default() -> Self {
        InFlight {
            entries: Mutex::new(HashMap::new()),
        }
    }
}

impl<V> InFlight<V> {
    /// The computation of `key` under way, or a new one.
    pub(crate) fn join(&self, key: &str) -> Arc<tokio::sync::OnceCell<V>> {
        // A panic while the lock is held cannot leave the map half-changed: it is still sound.
        let mut map = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        map.entry(key.to_string()).or_default().clone()
    }

    /// Forgets `flight` (the computation of `key` this caller joined) when it is still the one
    /// under way for `key`.
    pub(crate) fn land(&self, key: &str, flight: &Arc<tokio::sync::OnceCell<V>>) {
        let mut map = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if map.get(key).is_some_and(|f| Arc::ptr_eq(f, flight)) {
            map.remove(key);
        }
    }

    /// How many computations are under way (for tests).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
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
    fn a_full_cache_forgets_its_oldest_values_first() {
        let cache: TtlCache<u32> = TtlCache::new(20, Duration::from_secs(60));
        for i in 0..20 {
            cache.put(format!("k{i}"), Arc::new(i));
            // Distinct insertion times.
            std::thread::sleep(Duration::from_millis(1));
        }
        cache.put("new".into(), Arc::new(99));
        assert!(matches!(cache.get("new"), Cached::Fresh(_)));
        assert!(
            matches!(cache.get("k19"), Cached::Fresh(_)),
            "the young stay"
        );
        assert!(matches!(cache.get("k0"), Cached::Missing), "the oldest go");
        let held = (0..20)
            .filter(|i| matches!(cache.get(&format!("k{i}")), Cached::Fresh(_)))
            .count();
        assert!((15..20).contains(&held), "{held} of 20 kept");
    }

    #[tokio::test]
    async fn concurrent_misses_share_one_computation() {
        let flights: Arc<InFlight<u32>> = Arc::new(InFlight::default());
        let runs = Arc::new(std::sync::atomic::AtomicU32::new(0));
        let mut tasks = Vec::new();
        for _ in 0..8 {
            let (flights, runs) = (flights.clone(), runs.clone());
            tasks.push(tokio::spawn(async move {
                let flight = flights.join("k");
                let value = *flight
                    .get_or_init(|| async {
                        runs.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        // Long enough for every other task to join this flight.
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        7
                    })
                    .await;
                flights.land("k", &flight);
                value
            }));
        }
        for t in tasks {
            assert_eq!(t.await.ok(), Some(7));
        }
        assert_eq!(runs.load(std::sync::atomic::Ordering::SeqCst), 1);
        assert_eq!(flights.len(), 0, "a landed flight is forgotten");
        let again = flights.join("k");
        assert!(again.get().is_none(), "a later miss computes anew");
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
