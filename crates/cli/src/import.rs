//! `ficarchive import`: walk paths, read each file, store it; one bad file never stops the batch.

use std::collections::VecDeque;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use ficarchive_formats::{FormatError, Limits, ReadWork};
use ficarchive_model::Taxonomy;
use ficarchive_search::SearchIndex;
use ficarchive_store::{NewWork, SaveOutcome, Store, WorkId};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use tokio::task::JoinHandle;

/// A file that was imported, updated or unchanged.
#[derive(Debug, Serialize)]
pub struct Done {
    /// The file.
    pub path: PathBuf,
    /// The work's id.
    pub id: WorkId,
    /// For updates: chapters added.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub new_chapters: Vec<u32>,
    /// For updates: chapters edited.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub edited_chapters: Vec<u32>,
}

/// A file that could not be imported, and why.
#[derive(Debug, Serialize)]
pub struct Failed {
    /// The file.
    pub path: PathBuf,
    /// What is wrong.
    pub reason: String,
}

/// What an import run did, file by file.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// New works.
    pub imported: Vec<Done>,
    /// Works that were already there and changed.
    pub updated: Vec<Done>,
    /// Works that were already there unchanged.
    pub unchanged: Vec<Done>,
    /// Files that failed.
    pub failed: Vec<Failed>,
    /// Why the search index could not be updated (the works are stored; `ficarchive reindex`
    /// brings the index up to date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_error: Option<String>,
}

impl Summary {
    /// Files the batch went through successfully.
    pub fn stored(&self) -> usize {
        self.imported.len() + self.updated.len() + self.unchanged.len()
    }

    fn record(&mut self, path: PathBuf, outcome: SaveOutcome) {
        let (list, id, new_chapters, edited_chapters) = match outcome {
            SaveOutcome::Imported { id } => (&mut self.imported, id, vec![], vec![]),
            SaveOutcome::Updated {
                id,
                new_chapters,
                edited_chapters,
            } => (&mut self.updated, id, new_chapters, edited_chapters),
            SaveOutcome::Unchanged { id } => (&mut self.unchanged, id, vec![], vec![]),
        };
        list.push(Done {
            path,
            id,
            new_chapters,
            edited_chapters,
        });
    }

    /// The human-readable report printed at the end of an import.
    pub fn print(&self, out: &mut impl Write) -> std::io::Result<()> {
        for d in &self.updated {
            let mut what = Vec::new();
            if !d.new_chapters.is_empty() {
                what.push(format!("new chapters {:?}", d.new_chapters));
            }
            if !d.edited_chapters.is_empty() {
                what.push(format!("edited chapters {:?}", d.edited_chapters));
            }
            let what = if what.is_empty() {
                "metadata".to_string()
            } else {
                what.join(", ")
            };
            writeln!(
                out,
                "updated   {} (work {}): {what}",
                d.path.display(),
                d.id
            )?;
        }
        for f in &self.failed {
            writeln!(out, "failed    {}: {}", f.path.display(), f.reason)?;
        }
        if let Some(e) = &self.index_error {
            writeln!(
                out,
                "warning: the search index was not updated ({e}); run `ficarchive reindex`"
            )?;
        }
        writeln!(
            out,
            "{} imported, {} updated, {} unchanged, {} failed",
            self.imported.len(),
            self.updated.len(),
            self.unchanged.len(),
            self.failed.len()
        )
    }
}

/// Reads one file from disk and parses it, refusing files over the size limit before reading them.
pub fn read_file(path: &Path, limits: &Limits) -> Result<ReadWork> {
    let bytes = read_limited(path, limits).with_context(|| format!("{}", path.display()))?;
    let name = path.file_name().and_then(|n| n.to_str());
    ficarchive_formats::read(&bytes, name, limits).with_context(|| format!("{}", path.display()))
}

fn read_limited(path: &Path, limits: &Limits) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).context("cannot open the file")?;
    let size = file
        .metadata()
        .context("cannot read the file's metadata")?
        .len();
    if size > limits.max_file_bytes {
        return Err(FormatError::TooLarge {
            size,
            limit: limits.max_file_bytes,
        }
        .into());
    }
    // The file may grow between the size check and the read: never read past the limit.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limits.max_file_bytes + 1)
        .read_to_end(&mut bytes)
        .context("cannot read the file")?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(FormatError::TooLarge {
            size: bytes.len() as u64,
            limit: limits.max_file_bytes,
        }
        .into());
    }
    Ok(bytes)
}

/// Expands folders into the regular files below them (sorted, hidden files skipped); walk errors
/// (unreadable folders, broken links) become failures.
fn collect_files(paths: &[PathBuf], failed: &mut Vec<Failed>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for root in paths {
        let walker = walkdir::WalkDir::new(root)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter();
        let walker = walker.filter_entry(|e| {
            e.depth() == 0 || !e.file_name().to_str().is_some_and(|n| n.starts_with('.'))
        });
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
                Ok(_) => {}
                Err(err) => {
                    let path = err
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| root.clone());
                    let reason = match err.io_error() {
                        Some(io) => io.to_string(),
                        None => err.to_string(),
                    };
                    failed.push(Failed { path, reason });
                }
            }
        }
    }
    files
}

/// A progress bar drawn on standard error when it is a terminal, hidden otherwise.
pub fn progress_bar(len: usize) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    if std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} files  {per_sec}  {wide_msg}")
        {
            bar.set_style(style);
        }
    } else {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar
}

/// What happens to each work besides storing it.
pub struct ImportOptions<'a> {
    /// Run the narrative analysis and store it with the work.
    pub analyze: bool,
    /// The search index to update, with the taxonomy its documents are resolved through.
    pub index: Option<(&'a SearchIndex, &'a Taxonomy)>,
}

/// A file read, parsed and analysed, ready to be stored.
struct Prepared {
    read: ReadWork,
    analysis: Option<serde_json::Value>,
}

/// Reads, parses and (optionally) analyses one file: the CPU-bound part of an import.
fn prepare(path: &Path, limits: &Limits, analyze: bool) -> Result<Prepared> {
    let read = read_file(path, limits)?;
    let analysis = if analyze {
        let analysis = ficarchive_analysis::analyze(&read.work);
        Some(serde_json::to_value(&analysis).context("cannot serialise the analysis")?)
    } else {
        None
    };
    Ok(Prepared { read, analysis })
}

/// Imports every file below `paths` into `store`. Files are parsed and analysed on every core
/// while the works are stored one by one in file order, so ids follow the sorted file names.
pub async fn import_paths(
    store: &dyn Store,
    paths: &[PathBuf],
    limits: &Limits,
    options: &ImportOptions<'_>,
) -> Result<Summary> {
    let mut summary = Summary::default();
    let files = collect_files(paths, &mut summary.failed);
    let bar = progress_bar(files.len());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut files = files.into_iter();
    let mut pending: VecDeque<(PathBuf, JoinHandle<Result<Prepared>>)> = VecDeque::new();
    let mut index_failed = false;
    loop {
        while pending.len() < workers * 2 {
            let Some(path) = files.next() else { break };
            let (task_path, limits, analyze) = (path.clone(), *limits, options.analyze);
            pending.push_back((
                path,
                tokio::task::spawn_blocking(move || prepare(&task_path, &limits, analyze)),
            ));
        }
        let Some((path, task)) = pending.pop_front() else {
            break;
        };
        bar.set_message(path.display().to_string());
        let result = match task.await {
            Ok(Ok(prepared)) => store_prepared(store, &prepared)
                .await
                .map(|o| (o, prepared)),
            Ok(Err(e)) => Err(e),
            Err(join) => Err(anyhow::anyhow!("the reader failed unexpectedly: {join}")),
        };
        match result {
            Ok((outcome, prepared)) => {
                if let (Some((index, taxonomy)), false) = (options.index, index_failed)
                    && !matches!(outcome, SaveOutcome::Unchanged { .. })
                {
                    let doc = crate::archive::doc_for(
                        outcome.id(),
                        &prepared.read.work,
                        prepared.analysis.as_ref(),
                        taxonomy,
                    );
                    if let Err(e) = index.upsert(&doc) {
                        index_failed = true;
                        summary.index_error = Some(e.to_string());
                    }
                }
                summary.record(path, outcome);
            }
            Err(err) => {
                let reason = format!("{:#}", err);
                // The error chain starts with the path; the summary prints it separately.
                let prefix = format!("{}: ", path.display());
                let reason = reason
                    .strip_prefix(&prefix)
                    .map(str::to_string)
                    .unwrap_or(reason);
                summary.failed.push(Failed { path, reason });
            }
        }
        bar.inc(1);
    }
    if let (Some((index, _)), false) = (options.index, index_failed)
        && let Err(e) = index.commit()
    {
        summary.index_error = Some(e.to_string());
    }
    bar.finish_and_clear();
    Ok(summary)
}

async fn store_prepared(store: &dyn Store, prepared: &Prepared) -> Result<SaveOutcome> {
    let outcome = store
        .save_work(NewWork {
            work: &prepared.read.work,
            source_text: prepared.read.source_text.as_deref(),
            analysis: prepared.analysis.as_ref(),
        })
        .await?;
    Ok(outcome)
}
