//! The tantivy search index ([`ficarchive_search::SearchIndex`]) as the works listings'
//! [`SearchBackend`]: every filter of the form, facet counts, autocomplete. Tags resolve through
//! the wranglers' taxonomy, read from the store's `taxonomy` document and refreshed periodically.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use ficarchive_model::Taxonomy;
use ficarchive_search::{
    DateRange, ExclusionSet, NumRange, SearchError, SearchIndex, SortField, WorkQuery,
};
use ficarchive_store::Store;
use tokio::sync::RwLock;

use crate::listing::{Completion, Listing};
use crate::search::{Facet, FacetValue, SearchBackend, SearchFailure, SearchPage, TagHint};

/// How long a loaded taxonomy or set of saved exclusions is used before it is read from the
/// store again.
const TAXONOMY_TTL: Duration = Duration::from_secs(30);

/// The store document holding the saved exclusion sets by name (`ficarchive exclusions`).
pub const EXCLUSIONS_DOCUMENT: &str = "exclusions";

/// Saved exclusion sets by name.
type ExclusionSets = BTreeMap<String, ExclusionSet>;

/// Listings answered by the tantivy index.
pub struct IndexBackend {
    index: Arc<SearchIndex>,
    store: Arc<dyn Store>,
    taxonomy: RwLock<Option<(Instant, Arc<Taxonomy>)>>,
    exclusions: RwLock<Option<(Instant, Arc<ExclusionSets>)>>,
}

impl IndexBackend {
    /// A backend over an open index; the taxonomy is read from `store` (document `taxonomy`).
    pub fn new(index: Arc<SearchIndex>, store: Arc<dyn Store>) -> Self {
        IndexBackend {
            index,
            store,
            taxonomy: RwLock::new(None),
            exclusions: RwLock::new(None),
        }
    }

    async fn exclusion_sets(&self) -> Result<Arc<ExclusionSets>, SearchFailure> {
        if let Some((at, sets)) = self.exclusions.read().await.as_ref()
            && at.elapsed() < TAXONOMY_TTL
        {
            return Ok(sets.clone());
        }
        let doc = self
            .store
            .load_document(EXCLUSIONS_DOCUMENT)
            .await
            .map_err(|e| SearchFailure::Unavailable(e.to_string()))?;
        let sets: ExclusionSets = match doc {
            Some(v) => serde_json::from_value(v).unwrap_or_else(|e| {
                tracing::warn!("the saved exclusion sets are unreadable, ignoring them: {e}");
                ExclusionSets::new()
            }),
            None => ExclusionSets::new(),
        };
        let sets = Arc::new(sets);
        *self.exclusions.write().await = Some((Instant::now(), sets.clone()));
        Ok(sets)
    }

    async fn taxonomy(&self) -> Result<Arc<Taxonomy>, SearchFailure> {
        if let Some((at, t)) = self.taxonomy.read().await.as_ref()
            && at.elapsed() < TAXONOMY_TTL
        {
            return Ok(t.clone());
        }
        let doc = self
            .store
            .load_document("taxonomy")
            .await
            .map_err(|e| SearchFailure::Unavailable(e.to_string()))?;
        let taxonomy = match doc {
            Some(v) => serde_json::from_value(v).unwrap_or_else(|e| {
                tracing::warn!("the stored taxonomy is unreadable, filtering tags unwrangled: {e}");
                Taxonomy::new()
            }),
            None => Taxonomy::new(),
        };
        let taxonomy = Arc::new(taxonomy);
        *self.taxonomy.write().await = Some((Instant::now(), taxonomy.clone()));
        Ok(taxonomy)
    }
}

/// A name for a `field:"..."` phrase: quotes cannot be escaped in the query syntax, so they go.
fn phrase(name: &str) -> String {
    name.replace('"', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The listing as the search crate's query.
pub(crate) fn to_work_query(l: &Listing, facet_limit: usize) -> WorkQuery {
    let mut text = l.q.clone();
    for (field, value) in [("author", &l.author), ("series", &l.series)] {
        if let Some(v) = value.as_deref().map(phrase).filter(|v| !v.is_empty()) {
            text.push_str(&format!(" {field}:\"{v}\""));
        }
    }
    WorkQuery {
        q: text.trim().to_string(),
        include: l.include.clone(),
        exclude: l.exclude.clone(),
        rating: l.rating.clone(),
        warning: l.warning.clone(),
        category: l.category.clone(),
        complete: match l.complete {
            Completion::All => ficarchive_search::Completion::All,
            Completion::Complete => ficarchive_search::Completion::Complete,
            Completion::InProgress => ficarchive_search::Completion::InProgress,
        },
        language: (!l.language.is_empty()).then(|| l.language.clone()),
        words: (l.words_from.is_some() || l.words_to.is_some()).then_some(NumRange {
            min: l.words_from,
            max: l.words_to,
        }),
        updated: (l.updated_from.is_some() || l.updated_to.is_some()).then_some(DateRange {
            from: l.updated_from,
            to: l.updated_to,
        }),
        sort: l.sort.and_then(|k| SortField::parse(k.as_str())),
        page: l.page.max(1),
        per_page: l.per_page.max(1),
        facets: facet_limit > 0,
        facet_limit: u32::try_from(facet_limit).unwrap_or(u32::MAX),
        ..WorkQuery::default()
    }
}

fn failure(e: SearchError) -> SearchFailure {
    match e {
        SearchError::Query(q) => SearchFailure::BadQuery(q.to_string()),
        other => SearchFailure::Unavailable(other.to_string()),
    }
}

#[async_trait]
impl SearchBackend for IndexBackend {
    async fn search(
        &self,
        listing: &Listing,
        facet_limit: usize,
    ) -> Result<SearchPage, SearchFailure> {
        let taxonomy = self.taxonomy().await?;
        let mut query = to_work_query(listing, facet_limit);
        if !listing.exclusions.is_empty() {
            let sets = self.exclusion_sets().await?;
            for name in &listing.exclusions {
                let set = sets.get(name).ok_or_else(|| {
                    SearchFailure::BadQuery(format!(
                        "there is no saved exclusion set named {name:?}"
                    ))
                })?;
                set.apply_to(&mut query);
            }
        }
        let index = self.index.clone();
        let results = tokio::task::spawn_blocking(move || index.search(&query, &taxonomy))
            .await
            .map_err(|e| SearchFailure::Unavailable(format!("search task failed: {e}")))?
            .map_err(failure)?;
        Ok(SearchPage {
            ids: results
                .ids
                .into_iter()
                .filter_map(|id| i64::try_from(id).ok())
                .collect(),
            total: results.total,
            facets: results
                .facets
                .into_iter()
                .map(|(field, values)| Facet {
                    field,
                    values: values
                        .into_iter()
                        .map(|(name, count)| FacetValue { name, count })
                        .collect(),
                })
                .collect(),
        })
    }

    async fn suggest_tags(
        &self,
        prefix: &str,
        limit: usize,
    ) -> Result<Vec<TagHint>, SearchFailure> {
        let taxonomy = self.taxonomy().await?;
        let index = self.index.clone();
        let prefix = prefix.to_string();
        let hints = tokio::task::spawn_blocking(move || {
            index.suggest_tags(&prefix, None, limit, &taxonomy)
        })
        .await
        .map_err(|e| SearchFailure::Unavailable(format!("autocomplete task failed: {e}")))?
        .map_err(failure)?;
        Ok(hints
            .into_iter()
            .map(|h| TagHint {
                name: h.name,
                kind: h.kind.as_str().to_string(),
                works: h.works,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listing::SortKey;

    #[test]
    fn every_form_field_reaches_the_query() {
        let mut l = Listing::from_query(
            "q=vampire&include=Angst&exclude=Fluff&rating=Mature&warning=Major+Character+Death\
             &category=F%2FM&complete=in_progress&language=English&words_from=1000&words_to=5000\
             &updated_from=2020-01-01&sort=kudos&page=2&per_page=50",
        )
        .unwrap_or_else(|e| panic!("{}", e.0));
        l.author = Some("Kally \"K\" Sten".into());
        let q = to_work_query(&l, 25);
        assert_eq!(q.q, "vampire author:\"Kally K Sten\"");
        assert_eq!(q.include, vec!["Angst"]);
        assert_eq!(q.exclude, vec!["Fluff"]);
        assert_eq!(q.rating, vec!["Mature"]);
        assert_eq!(q.category, vec!["F/M"]);
        assert_eq!(q.complete, ficarchive_search::Completion::InProgress);
        assert_eq!(q.language.as_deref(), Some("English"));
        assert_eq!(
            q.words,
            Some(NumRange {
                min: Some(1000),
                max: Some(5000)
            })
        );
        assert_eq!(
            q.updated.and_then(|d| d.from),
            chrono::NaiveDate::from_ymd_opt(2020, 1, 1)
        );
        assert_eq!(q.sort, Some(SortField::Kudos));
        assert_eq!(
            (q.page, q.per_page, q.facets, q.facet_limit),
            (2, 50, true, 25)
        );
        for (key, _) in SortKey::ALL {
            assert!(
                SortField::parse(key.as_str()).is_some(),
                "{key:?} has no search sort"
            );
        }
    }
}
