//! What the works listings need from a search index ([`SearchBackend`]), and a fallback over the
//! store ([`StoreFallback`]) so the site works before an index is built.

use std::sync::Arc;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use ficarchive_model::{Rating, Status};
use ficarchive_store::{Store, WorkId, WorkSummary};
use serde::Serialize;
use tokio::sync::Mutex;

use crate::listing::{Completion, Listing, SortKey};

/// Why a search could not be answered.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SearchFailure {
    /// The query cannot be run as written (the message tells the reader how to fix it).
    #[error("{0}")]
    BadQuery(String),
    /// The index (or the store behind the fallback) failed.
    #[error("search unavailable: {0}")]
    Unavailable(String),
}

/// One value of a facet with the number of matching works.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetValue {
    /// The tag, rating or language.
    pub name: String,
    /// Works among the results that have it.
    pub count: u64,
}

/// Counts for one field over the results (the numbers beside the filter checkboxes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Facet {
    /// The field: `rating`, `warning`, `category`, `fandom`, `relationship`, `character`,
    /// `freeform` or `language`.
    pub field: String,
    /// Values, most frequent first.
    pub values: Vec<FacetValue>,
}

/// One page of results.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct SearchPage {
    /// Work ids on this page, in order.
    pub ids: Vec<WorkId>,
    /// How many works match in all.
    pub total: u64,
    /// Facet counts over all matching works.
    pub facets: Vec<Facet>,
}

impl SearchPage {
    /// The facet of a field, if counted.
    pub fn facet(&self, field: &str) -> Option<&Facet> {
        self.facets.iter().find(|f| f.field == field)
    }
}

/// A tag offered by autocomplete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagHint {
    /// The canonical tag.
    pub name: String,
    /// Its kind (`fandom`, `character`, ...).
    pub kind: String,
    /// Works tagged with it.
    pub works: u64,
}

/// What a tag page shows about a tag besides its works.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct TagInfo {
    /// The tag as asked for.
    pub name: String,
    /// Its kind, when the taxonomy knows it.
    pub kind: Option<String>,
    /// The canonical tag it resolves to (itself when canonical or unknown).
    pub canonical: String,
    /// Other names that resolve to the canonical.
    pub synonyms: Vec<String>,
    /// Canonical parents (fandom of a character, metatag of a subtag).
    pub parents: Vec<String>,
    /// Canonical children.
    pub children: Vec<String>,
}

/// The works index as the web layer uses it: a listing in, one page of ids, a total and facet
/// counts out. The tantivy index implements it; [`StoreFallback`] is used without one.
#[async_trait]
pub trait SearchBackend: Send + Sync {
    /// One page of works matching the listing, with at most `facet_limit` values counted per
    /// facet field (0: no facets).
    async fn search(
        &self,
        listing: &Listing,
        facet_limit: usize,
    ) -> Result<SearchPage, SearchFailure>;
    /// Canonical tags whose name starts with `prefix`, most used first.
    async fn suggest_tags(&self, prefix: &str, limit: usize)
    -> Result<Vec<TagHint>, SearchFailure>;
    /// Which filters this backend honours; the form leaves out the rest.
    fn capabilities(&self) -> Capabilities {
        Capabilities::ALL
    }
}

/// Which parts of the filter form a backend honours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    /// Tags of every kind can be included and excluded (else only fandoms).
    pub all_tags: bool,
    /// Warnings and categories can be filtered.
    pub warnings_and_categories: bool,
    /// Language and date ranges can be filtered.
    pub language_and_dates: bool,
}

impl Capabilities {
    /// Everything.
    pub const ALL: Capabilities = Capabilities {
        all_tags: true,
        warnings_and_categories: true,
        language_and_dates: true,
    };
}

/// How long the fallback keeps its scan of the store's summaries.
const SCAN_TTL: Duration = Duration::from_secs(30);
/// The most works the fallback scans; bigger archives need the search index.
pub const FALLBACK_SCAN_LIMIT: u64 = 100_000;

/// A cached scan of the store's summaries: when it was taken, how many works the store held then, and
/// the summaries themselves.
type Scan = (Instant, u64, Arc<Vec<WorkSummary>>);

/// Listings straight from the store, for archives without a search index: filters on what the
/// store's summaries hold (text in title, authors and summary; fandoms; rating; completion; word
/// count; author), sorted in memory over a cached scan of at most [`FALLBACK_SCAN_LIMIT`] works.
pub struct StoreFallback {
    store: Arc<dyn Store>,
    scan: Mutex<Option<Scan>>,
}

impl StoreFallback {
    /// A fallback reading `store`.
    pub fn new(store: Arc<dyn Store>) -> Self {
        StoreFallback {
            store,
            scan: Mutex::new(None),
        }
    }

    async fn summaries(&self) -> Result<Arc<Vec<WorkSummary>>, SearchFailure> {
        let unavailable =
            |e: ficarchive_store::StoreError| SearchFailure::Unavailable(e.to_string());
        let count = self.store.count_works().await.map_err(unavailable)?;
        let mut guard = self.scan.lock().await;
        if let Some((at, n, list)) = guard.as_ref()
            && *n == count
            && at.elapsed() < SCAN_TTL
        {
            return Ok(list.clone());
        }
        let mut all =
            Vec::with_capacity(usize::try_from(count.min(FALLBACK_SCAN_LIMIT)).unwrap_or(0));
        let mut offset = 0u64;
        while offset < FALLBACK_SCAN_LIMIT {
            let batch = self
                .store
                .list_works(offset, 1000)
                .await
                .map_err(unavailable)?;
            if batch.is_empty() {
                break;
            }
            offset += batch.len() as u64;
            all.extend(batch);
        }
        let list = Arc::new(all);
        *guard = Some((Instant::now(), count, list.clone()));
        Ok(list)
    }
}

fn contains_ci(haystack: &str, needle_lower: &str) -> bool {
    haystack.to_lowercase().contains(needle_lower)
}

fn rating_label(r: Option<Rating>) -> &'static str {
    r.map(Rating::label).unwrap_or("Not Rated")
}

/// Whether a summary passes the filters the fallback understands.
fn matches(s: &WorkSummary, l: &Listing, words_lower: &[String]) -> bool {
    let text_ok = words_lower.iter().all(|w| {
        s.title.as_deref().is_some_and(|t| contains_ci(t, w))
            || s.authors.iter().any(|a| contains_ci(a, w))
            || s.fandoms.iter().any(|f| contains_ci(f, w))
            || s.summary.as_deref().is_some_and(|t| contains_ci(t, w))
    });
    let has_fandom = |t: &String| s.fandoms.iter().any(|f| f.eq_ignore_ascii_case(t));
    text_ok
        && l.include.iter().all(has_fandom)
        && !l.exclude.iter().any(has_fandom)
        && (l.rating.is_empty()
            || l.rating
                .iter()
                .any(|r| r.eq_ignore_ascii_case(rating_label(s.rating))))
        && match l.complete {
            Completion::All => true,
            Completion::Complete => s.status == Status::Complete,
            Completion::InProgress => s.status != Status::Complete,
        }
        && l.words_from.is_none_or(|n| s.words >= n)
        && l.words_to.is_none_or(|n| s.words <= n)
        && l.author
            .as_ref()
            .is_none_or(|a| s.authors.iter().any(|x| x.eq_ignore_ascii_case(a)))
}

fn count_into(counts: &mut Vec<FacetValue>, name: &str) {
    match counts.iter_mut().find(|v| v.name == name) {
        Some(v) => v.count += 1,
        None => counts.push(FacetValue {
            name: name.to_string(),
            count: 1,
        }),
    }
}

fn sorted(mut values: Vec<FacetValue>, limit: usize) -> Vec<FacetValue> {
    values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    values.truncate(limit);
    values
}

#[async_trait]
impl SearchBackend for StoreFallback {
    async fn search(
        &self,
        listing: &Listing,
        facet_limit: usize,
    ) -> Result<SearchPage, SearchFailure> {
        if listing.series.is_some() {
            // Summaries carry no series; an honest empty result beats a wrong one.
            return Ok(SearchPage::default());
        }
        let all = self.summaries().await?;
        let words: Vec<String> = listing
            .q
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let mut hits: Vec<&WorkSummary> =
            all.iter().filter(|s| matches(s, listing, &words)).collect();
        match listing.effective_sort() {
            SortKey::DatePosted => {
                hits.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)))
            }
            SortKey::Title => hits.sort_by_key(|s| s.title.as_deref().unwrap_or("").to_lowercase()),
            SortKey::Author => hits.sort_by_key(|s| s.authors.first().map(|a| a.to_lowercase())),
            SortKey::Words => hits.sort_by_key(|s| std::cmp::Reverse(s.words)),
            _ => hits.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(b.id.cmp(&a.id))),
        }
        let mut page = SearchPage {
            total: hits.len() as u64,
            ..SearchPage::default()
        };
        if facet_limit > 0 {
            let mut ratings = Vec::new();
            let mut fandoms = Vec::new();
            for s in &hits {
                count_into(&mut ratings, rating_label(s.rating));
                for f in &s.fandoms {
                    count_into(&mut fandoms, f);
                }
            }
            page.facets = vec![
                Facet {
                    field: "rating".into(),
                    values: sorted(ratings, 10),
                },
                Facet {
                    field: "fandom".into(),
                    values: sorted(fandoms, facet_limit),
                },
            ];
        }
        let offset = usize::try_from(listing.offset()).unwrap_or(usize::MAX);
        page.ids = hits
            .iter()
            .skip(offset)
            .take(listing.per_page as usize)
            .map(|s| s.id)
            .collect();
        Ok(page)
    }

    async fn suggest_tags(
        &self,
        prefix: &str,
        limit: usize,
    ) -> Result<Vec<TagHint>, SearchFailure> {
        let key = prefix.trim().to_lowercase();
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let all = self.summaries().await?;
        let mut fandoms = Vec::new();
        for s in all.iter() {
            for f in &s.fandoms {
                if f.to_lowercase()
                    .split_whitespace()
                    .any(|w| w.starts_with(&key))
                    || f.to_lowercase().starts_with(&key)
                {
                    count_into(&mut fandoms, f);
                }
            }
        }
        Ok(sorted(fandoms, limit)
            .into_iter()
            .map(|v| TagHint {
                name: v.name,
                kind: "fandom".into(),
                works: v.count,
            })
            .collect())
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            all_tags: false,
            warnings_and_categories: false,
            language_and_dates: false,
        }
    }
}
