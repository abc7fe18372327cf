//! The archive as the commands see it: the store (source of truth), the search index in the data
//! folder (a derived cache) and the tag taxonomy kept as a store document.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};
use ficarchive_model::{Taxonomy, Work};
use ficarchive_search::{AnalysisFields, IndexDoc, SearchError, SearchIndex, WorkCounts};
use ficarchive_store::{Store, StoredWork, WorkId};
use indicatif::ProgressBar;

/// The store document holding the tag taxonomy (the web layer reads the same one).
pub const TAXONOMY_DOCUMENT: &str = "taxonomy";

/// Works read from the store per batch while reindexing.
const REINDEX_BATCH: u64 = 256;

/// An open archive: its store and where its search index lives.
pub struct Archive {
    /// The works.
    pub store: Arc<dyn Store>,
    /// The data folder (the SQLite database, unless a PostgreSQL URL was given, and the index).
    pub data: PathBuf,
}

impl Archive {
    /// Opens the store at `database_url` or, without one, the SQLite database in `data`.
    pub async fn open(data: &Path, database_url: Option<&str>) -> Result<Archive> {
        let location = match database_url {
            Some(url) => url.to_string(),
            None => data
                .to_str()
                .with_context(|| format!("data folder {} is not valid UTF-8", data.display()))?
                .to_string(),
        };
        let store = ficarchive_store::open(&location).await?;
        Ok(Archive {
            store,
            data: data.to_path_buf(),
        })
    }

    /// The folder of the search index.
    pub fn index_dir(&self) -> PathBuf {
        self.data.join("search")
    }

    /// Opens the search index; an index built by another version is reported with the remedy.
    pub fn open_index(&self) -> Result<SearchIndex> {
        let dir = self.index_dir();
        SearchIndex::open(&dir)
            .with_context(|| format!("cannot open the search index in {}", dir.display()))
    }

    /// Opens the search index, rebuilding it from the store when it was built with another
    /// schema or does not hold as many works as the store (an import was interrupted between
    /// the store and the index, or the index folder was deleted).
    pub async fn open_index_consistent(&self, bar: &ProgressBar) -> Result<SearchIndex> {
        let dir = self.index_dir();
        let index = match SearchIndex::open(&dir) {
            Ok(index) => index,
            Err(SearchError::SchemaChanged(_)) => {
                tracing::warn!("the search index has an old schema; rebuilding it");
                SearchIndex::recreate(&dir, Default::default()).with_context(|| {
                    format!("cannot recreate the search index in {}", dir.display())
                })?
            }
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("cannot open the search index in {}", dir.display()));
            }
        };
        self.ensure_index_complete(&index, bar).await?;
        Ok(index)
    }

    /// Rebuilds `index` when it does not hold as many works as the store: an import killed
    /// between storing works and committing them to the index leaves it behind. Returns whether
    /// it rebuilt.
    pub async fn ensure_index_complete(
        &self,
        index: &SearchIndex,
        bar: &ProgressBar,
    ) -> Result<bool> {
        let stored = self.store.count_works().await?;
        if index.num_works() == stored {
            return Ok(false);
        }
        tracing::warn!(
            "the search index holds {} works and the store {stored}; rebuilding the index",
            index.num_works()
        );
        self.rebuild_index(index, bar).await?;
        Ok(true)
    }

    /// The tag taxonomy (empty when no wrangling was done yet).
    pub async fn taxonomy(&self) -> Result<Taxonomy> {
        match self.store.load_document(TAXONOMY_DOCUMENT).await? {
            Some(value) => serde_json::from_value(value)
                .context("the stored tag taxonomy is unreadable (store document `taxonomy`)"),
            None => Ok(Taxonomy::new()),
        }
    }

    /// Stores the tag taxonomy.
    pub async fn save_taxonomy(&self, taxonomy: &Taxonomy) -> Result<()> {
        let value = serde_json::to_value(taxonomy).context("cannot serialise the taxonomy")?;
        self.store.save_document(TAXONOMY_DOCUMENT, &value).await?;
        Ok(())
    }

    /// Rebuilds `index` from every work in the store, in one commit: searches keep answering
    /// from the old contents until it is done, and a crash leaves the old index whole.
    pub async fn rebuild_index(&self, index: &SearchIndex, bar: &ProgressBar) -> Result<u64> {
        let taxonomy = self.taxonomy().await?;
        bar.set_length(self.store.count_works().await?);
        let mut rebuild = index.begin_rebuild()?;
        let mut after: WorkId = 0;
        loop {
            let ids = self.store.work_ids_after(after, REINDEX_BATCH).await?;
            let Some(&last) = ids.last() else { break };
            for id in ids {
                // A work deleted since the id was listed is simply skipped.
                if let Some(stored) = self.store.get_work(id).await? {
                    rebuild.add(&index_doc(&stored, &taxonomy))?;
                }
                bar.inc(1);
            }
            after = last;
        }
        Ok(rebuild.finish()?)
    }
}

/// The index document of a stored work, with its analysis when one is stored.
pub fn index_doc(stored: &StoredWork, taxonomy: &Taxonomy) -> IndexDoc {
    doc_for(stored.id, &stored.work, stored.analysis.as_ref(), taxonomy)
}

/// The index document of work `id`.
pub fn doc_for(
    id: WorkId,
    work: &Work,
    analysis: Option<&serde_json::Value>,
    taxonomy: &Taxonomy,
) -> IndexDoc {
    IndexDoc::from_work(
        u64::try_from(id).unwrap_or_default(),
        work,
        WorkCounts::from_stats(&work.stats),
        analysis.map(AnalysisFields::from_analysis_json),
        taxonomy,
    )
}
