//! `ficarchive`: a fan-fiction archive and reader's library in one program.
//!
//! This binary is the edge of the system: it parses the command line, opens the store (SQLite in a
//! data folder by default, PostgreSQL when given a URL) and calls the library crates.

mod archive;
mod bench;
mod import;
mod search;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use archive::Archive;
use clap::{Parser, Subcommand, ValueEnum};
use ficarchive_formats::{ExportFormat, Limits};

/// A fan-fiction archive and reader's library: import fics from the files you hold, read them in the
/// browser, search them, and export them for your e-reader.
///
/// Everything lives in one data folder (default ./ficarchive-data): a SQLite database and a search
/// index. Point several app nodes at one PostgreSQL database instead with --database-url.
///
/// Start with:
///   ficarchive import ~/fics            # every file below the folder
///   ficarchive list                     # what is in the archive
///   ficarchive serve                    # read at http://127.0.0.1:8080
#[derive(Debug, Parser)]
#[command(name = "ficarchive", version, verbatim_doc_comment)]
struct Cli {
    /// The data folder holding the database and search index.
    #[arg(
        long,
        global = true,
        env = "FICARCHIVE_DATA",
        default_value = "ficarchive-data"
    )]
    data: PathBuf,

    /// A PostgreSQL URL (postgres://user@host/db) to use instead of the SQLite database in the data
    /// folder. The search index stays in the data folder.
    #[arg(long, global = true, env = "FICARCHIVE_DATABASE_URL")]
    database_url: Option<String>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Import files and folders (recursively) into the archive.
    ///
    /// Plain text (UTF-8 or Windows-1252), AO3 and FanFicFare downloads (HTML, EPUB, TXT), generic
    /// HTML and EPUB, Markdown and ficarchive JSON; the format is detected from the content.
    /// Re-importing a work updates it instead of duplicating it; a re-import with new or edited
    /// chapters is recorded as an update. Each work is analysed (characters, speakers, point of
    /// view, relationships) and indexed for search. One bad file never stops the batch: it is
    /// reported at the end with its reason, and the exit code is 1 when any file failed.
    Import {
        /// Files or folders to import.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The largest file accepted, in bytes.
        #[arg(long, default_value_t = Limits::default().max_file_bytes)]
        max_file_size: u64,
        /// Skip the narrative analysis (faster; the insight page and analysis filters stay empty).
        #[arg(long)]
        no_analysis: bool,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Parse a file without storing it and print what was understood.
    Inspect {
        /// The file to read.
        file: PathBuf,
        /// Print the work in the JSON contract (docs/json.md).
        #[arg(long)]
        json: bool,
        /// The largest file accepted, in bytes.
        #[arg(long, default_value_t = Limits::default().max_file_bytes)]
        max_file_size: u64,
    },
    /// Analyse a file or a stored work: characters, quotes and speakers, scenes and point of
    /// view, relationships (docs/analysis.md).
    Analyze {
        /// A file to read, or the id of a stored work.
        target: String,
        /// Print the work's JSON with an `analysis` object.
        #[arg(long)]
        json: bool,
        /// The largest file accepted, in bytes.
        #[arg(long, default_value_t = Limits::default().max_file_bytes)]
        max_file_size: u64,
    },
    /// Score the analysis against the annotated seeds and LitBank and print the table.
    Eval {
        /// The folder of the annotated seed fics (with expected.json).
        #[arg(long, default_value = "../shared/seeds")]
        seeds: PathBuf,
        /// The LitBank folder (with entities/, coref/ and quotations).
        #[arg(long, default_value = "../shared/eval/litbank")]
        litbank: PathBuf,
        /// Also list every miss on the seeds.
        #[arg(short, long)]
        verbose: bool,
    },
    /// List the works in the archive.
    List {
        /// Print JSON, one object per work with its `id`.
        #[arg(long)]
        json: bool,
    },
    /// Show one work's metadata and chapters.
    Show {
        /// The work's id (from `list`).
        id: i64,
    },
    /// Delete a work from the archive and the search index.
    Delete {
        /// The work's id (from `list`).
        id: i64,
    },
    /// Write a work out in a file format.
    Export {
        /// The work's id (from `list`).
        id: i64,
        /// The format to write.
        #[arg(long, value_enum, default_value_t = ExportFormatArg::Json)]
        format: ExportFormatArg,
        /// The file to write (standard output when absent). Written atomically.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Search and filter the archive, as AO3's works filter does (docs/search.md).
    ///
    /// Examples:
    ///   ficarchive search spike "bloody soul" -angel
    ///   ficarchive search --include "Buffy Summers/Spike" --exclude "Major Character Death" --sort kudos
    ///   ficarchive search 'words>10000 complete:yes sort:updated'
    ///   ficarchive search --filter rating=teen --filter words=1000-5000 --exclusions no-mcd
    #[command(verbatim_doc_comment)]
    Search(search::SearchArgs),
    /// Rebuild the search index from the store (after a crash, an upgrade or tag wrangling).
    Reindex,
    /// Tag wrangling: canonical tags, synonyms and parents, as AO3's wranglers keep them.
    #[command(subcommand)]
    Tags(TagsCommand),
    /// Saved exclusions: named sets of tags, ratings and conditions hidden from searches.
    #[command(subcommand)]
    Exclusions(ExclusionsCommand),
    /// Serve the archive over HTTP.
    Serve {
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: std::net::SocketAddr,
    },
    /// Write a generated corpus of plain-text fics (for benchmarks and trying things out).
    GenCorpus {
        /// The folder to write into (created if missing).
        dir: PathBuf,
        /// How many works.
        #[arg(long, default_value_t = 10_000)]
        works: usize,
        /// The generator's seed: the same seed gives the same files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Measure plain-text parse and import throughput on a generated corpus.
    Bench {
        /// How many generated works.
        #[arg(long, default_value_t = 10_000)]
        works: usize,
        /// The generator's seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Also run the analysis in the import, as `import` does by default.
        #[arg(long)]
        analysis: bool,
    },
}

/// Tag wrangling commands.
#[derive(Debug, Subcommand)]
enum TagsCommand {
    /// Merge a starter taxonomy (TOML, see data/taxonomy.toml) into the archive's.
    Import {
        /// The TOML file.
        file: PathBuf,
    },
    /// Make a tag canonical (or detach a synonym into its own canonical).
    Canonical {
        /// fandom, relationship, character, freeform, warning or category.
        kind: String,
        /// The tag.
        name: String,
    },
    /// Make a tag a synonym of a canonical tag (merging a canonical moves its synonyms too).
    Synonym {
        /// The tag that becomes a synonym.
        synonym: String,
        /// The canonical it resolves to.
        canonical: String,
    },
    /// Make a tag a child of another (a character of a fandom, a subtag of a metatag).
    Parent {
        /// The child tag.
        child: String,
        /// The parent tag.
        parent: String,
    },
    /// Remove a parent link.
    Unparent {
        /// The child tag.
        child: String,
        /// The parent tag.
        parent: String,
    },
    /// Show a tag: its kind, canonical, synonyms, parents and children.
    Show {
        /// The tag.
        name: String,
    },
    /// List the wrangled tags (canonicals with their synonyms).
    List {
        /// Print the taxonomy as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Saved exclusion commands.
#[derive(Debug, Subcommand)]
enum ExclusionsCommand {
    /// Create or replace a saved exclusion set.
    Set {
        /// The set's name (used with `search --exclusions NAME` and `?exclusions=NAME`).
        name: String,
        /// A tag to hide (repeatable; parents hide their children and synonyms).
        #[arg(long)]
        tag: Vec<String>,
        /// A rating to hide (repeatable).
        #[arg(long)]
        rating: Vec<String>,
        /// Hide crossovers.
        #[arg(long)]
        no_crossovers: bool,
        /// Hide works not marked complete.
        #[arg(long)]
        complete_only: bool,
        /// Hide works shorter than this.
        #[arg(long)]
        min_words: Option<u64>,
    },
    /// List the saved exclusion sets.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Delete a saved exclusion set.
    Delete {
        /// The set's name.
        name: String,
    },
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormatArg {
    /// The JSON contract (docs/json.md).
    Json,
    /// Plain text that `ficarchive import` reads back.
    Txt,
    /// One self-contained HTML file, readable offline.
    Html,
    /// EPUB 3 for e-readers (with an EPUB 2 table of contents).
    Epub,
}

impl ExportFormatArg {
    fn format(self) -> ExportFormat {
        match self {
            ExportFormatArg::Json => ExportFormat::Json,
            ExportFormatArg::Txt => ExportFormat::Txt,
            ExportFormatArg::Html => ExportFormat::Html,
            ExportFormatArg::Epub => ExportFormat::Epub,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("FICARCHIVE_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Inspect {
            file,
            json,
            max_file_size,
        } => {
            let read = import::read_file(
                &file,
                &Limits {
                    max_file_bytes: max_file_size,
                },
            )?;
            if json {
                println!("{}", read.work.to_json());
            } else {
                print_work(&read.work);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            seeds,
            litbank,
            verbose,
        } => {
            for (what, dir) in [("seeds", &seeds), ("LitBank", &litbank)] {
                if !dir.is_dir() {
                    bail!(
                        "{what} folder {} does not exist (use --{})",
                        dir.display(),
                        what.to_lowercase()
                    );
                }
            }
            let report = ficarchive_analysis::eval::run_with(&seeds, &litbank, &|text| {
                ficarchive_formats::text::read_text(text).ok()
            });
            print!("{report}");
            if verbose {
                for miss in &report.misses {
                    println!("miss: {miss}");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::GenCorpus { dir, works, seed } => {
            let paths = ficarchive_corpus::write_text_corpus(&dir, works, seed)
                .with_context(|| format!("cannot write the corpus into {}", dir.display()))?;
            println!("{} works written to {}", paths.len(), dir.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench {
            works,
            seed,
            analysis,
        } => {
            let runtime =
                tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
            runtime.block_on(bench::import_throughput(works, seed, analysis))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Analyze {
            target,
            json,
            max_file_size,
        } if Path::new(&target).exists() || target.parse::<i64>().is_err() => {
            let read = import::read_file(
                Path::new(&target),
                &Limits {
                    max_file_bytes: max_file_size,
                },
            )?;
            let analysis = ficarchive_analysis::analyze(&read.work);
            let value = serde_json::to_value(&analysis).context("cannot serialise the analysis")?;
            print_analysis(&read.work, &value, json)?;
            Ok(ExitCode::SUCCESS)
        }
        command => {
            let runtime =
                tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
            runtime.block_on(async {
                let archive = Archive::open(&cli.data, cli.database_url.as_deref()).await?;
                run_with_archive(&archive, command).await
            })
        }
    }
}

async fn run_with_archive(archive: &Archive, command: Command) -> Result<ExitCode> {
    let store = archive.store.as_ref();
    match command {
        Command::Import {
            paths,
            max_file_size,
            no_analysis,
            json,
        } => {
            let limits = Limits {
                max_file_bytes: max_file_size,
            };
            let taxonomy = archive.taxonomy().await?;
            let (index, index_error) = match archive.open_index() {
                Ok(index) => (Some(index), None),
                Err(e) => (None, Some(format!("{e:#}"))),
            };
            let options = import::ImportOptions {
                analyze: !no_analysis,
                index: index.as_ref().map(|i| (i, &taxonomy)),
            };
            let mut summary = import::import_paths(store, &paths, &limits, &options).await?;
            if summary.index_error.is_none() {
                summary.index_error = index_error;
            }
            if let (Some(index), None) = (&index, &summary.index_error) {
                let bar = import::progress_bar(0);
                if let Err(e) = archive.ensure_index_complete(index, &bar).await {
                    summary.index_error = Some(format!("{e:#}"));
                }
                bar.finish_and_clear();
            }
            if json {
                println!("{}", serde_json::to_string_pretty(&summary)?);
            } else {
                summary.print(&mut std::io::stdout())?;
            }
            Ok(if summary.failed.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Analyze { target, json, .. } => {
            let id: i64 = target
                .parse()
                .with_context(|| format!("{target} is neither a file nor a work id"))?;
            let stored = store
                .get_work(id)
                .await?
                .with_context(|| format!("no work with id {id} (and no file named {target})"))?;
            let value = match stored.analysis {
                Some(v) => v,
                None => {
                    let analysis = ficarchive_analysis::analyze(&stored.work);
                    let value = serde_json::to_value(&analysis)?;
                    store.set_analysis(id, &value).await?;
                    value
                }
            };
            print_analysis(&stored.work, &value, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::List { json } => {
            let total = store.count_works().await?;
            let works = store.list_works(0, total).await?;
            let mut out = std::io::stdout().lock();
            if json {
                serde_json::to_writer_pretty(&mut out, &works)?;
                writeln!(out)?;
            } else {
                for w in &works {
                    writeln!(out, "{}", summary_line(w))?;
                }
                writeln!(out, "{} works", works.len())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { id } => {
            let stored = store
                .get_work(id)
                .await?
                .with_context(|| format!("no work with id {id}"))?;
            print_work(&stored.work);
            Ok(ExitCode::SUCCESS)
        }
        Command::Delete { id } => {
            if !store.delete_work(id).await? {
                bail!("no work with id {id}");
            }
            let index = archive.open_index()?;
            index.delete(u64::try_from(id).unwrap_or_default())?;
            index.commit()?;
            println!("deleted work {id}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { id, format, output } => {
            let stored = store
                .get_work(id)
                .await?
                .with_context(|| format!("no work with id {id}"))?;
            let bytes = ficarchive_formats::write(&stored.work, format.format())
                .with_context(|| format!("cannot export work {id}"))?;
            write_output(output.as_deref(), &bytes)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Search(args) => {
            search::run(archive, &args).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Reindex => {
            let bar = import::progress_bar(0);
            let dir = archive.index_dir();
            let index = match archive.open_index() {
                Ok(index) => index,
                Err(_) => ficarchive_search::SearchIndex::recreate(&dir, Default::default())
                    .with_context(|| {
                        format!("cannot recreate the search index in {}", dir.display())
                    })?,
            };
            let n = archive.rebuild_index(&index, &bar).await?;
            bar.finish_and_clear();
            println!("{n} works indexed in {}", dir.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Tags(cmd) => search::tags(archive, cmd).await,
        Command::Exclusions(cmd) => search::exclusions(archive, cmd).await,
        Command::Serve { listen } => {
            let bar = import::progress_bar(0);
            bar.set_message("bringing the search index up to date");
            let index = archive.open_index_consistent(&bar).await?;
            bar.finish_and_clear();
            let backend = ficarchive_web::IndexBackend::new(Arc::new(index), archive.store.clone());
            let state =
                ficarchive_web::AppState::new(archive.store.clone(), Some(Arc::new(backend)));
            eprintln!(
                "ficarchive: serving {} on http://{listen}/ (Ctrl-C stops)",
                archive.data.display()
            );
            ficarchive_web::serve(state, listen).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Inspect { .. }
        | Command::Eval { .. }
        | Command::GenCorpus { .. }
        | Command::Bench { .. } => {
            unreachable!("these commands run without a store")
        }
    }
}

/// One line of `list` and `search`.
fn summary_line(w: &ficarchive_store::WorkSummary) -> String {
    format!(
        "{:>6}  {}  by {}  ({} words, {} chapters, {})",
        w.id,
        w.title.as_deref().unwrap_or("Untitled"),
        if w.authors.is_empty() {
            "Anonymous".to_string()
        } else {
            w.authors.join(", ")
        },
        w.words,
        w.chapters,
        w.status.as_str()
    )
}

/// Prints a work's analysis: as the JSON contract plus `analysis`, or as a readable report.
fn print_analysis(
    work: &ficarchive_model::Work,
    analysis: &serde_json::Value,
    json: bool,
) -> Result<()> {
    if json {
        let mut value = work.to_json_value();
        if let Some(obj) = value.as_object_mut() {
            obj.insert("analysis".into(), analysis.clone());
        }
        println!("{}", serde_json::to_string_pretty(&value)?);
        return Ok(());
    }
    let a: ficarchive_analysis::Analysis =
        serde_json::from_value(analysis.clone()).context("the stored analysis is unreadable")?;
    println!("{}", work.display_title());
    println!("\nCharacters (mentions, quotes):");
    for c in &a.characters {
        let aliases = if c.voice {
            "  (a one-off voice)".to_string()
        } else if c.aliases.is_empty() {
            String::new()
        } else {
            format!("  also: {}", c.aliases.join(", "))
        };
        println!(
            "  {:<28} {:>5} {:>5}{aliases}",
            c.name, c.mentions, c.quotes
        );
    }
    println!("\nRelationships:");
    for r in &a.relationships {
        println!("  {:<40} {:.2}", r.characters.join("/"), r.score);
    }
    println!("\nScenes:");
    for s in &a.scenes {
        println!(
            "  chapter {:<4} {:<7} {}",
            s.chapter,
            serde_json::to_value(s.person)?.as_str().unwrap_or("?"),
            s.pov.as_deref().unwrap_or("-")
        );
    }
    let attributed = a.quotes.iter().filter(|q| q.speaker.is_some()).count();
    println!("\n{} quotes, {attributed} with a speaker", a.quotes.len());
    Ok(())
}

/// Writes to a file atomically (a temporary file renamed into place) or to standard output.
fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match path {
        None => std::io::stdout()
            .write_all(bytes)
            .context("cannot write to standard output"),
        Some(path) => {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("cannot create a file in {}", dir.display()))?;
            tmp.write_all(bytes)
                .with_context(|| format!("cannot write {}", path.display()))?;
            tmp.persist(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            Ok(())
        }
    }
}

fn print_work(work: &ficarchive_model::Work) {
    println!("{}", work.display_title());
    if !work.authors.is_empty() {
        println!("by {}", work.authors.join(", "));
    }
    for (kind, tag) in work.tags.iter() {
        println!("  {:<12} {tag}", kind.as_str());
    }
    if let Some(summary) = &work.summary {
        println!("Summary: {summary}");
    }
    println!(
        "Status: {}   Words: {}   Chapters: {}",
        work.status.as_str(),
        work.words(),
        work.chapter_fraction()
    );
    if let Some((first, last)) = work.excerpt_of_chapters {
        println!("Excerpt of chapters {first}-{last}");
    }
    for note in &work.notes {
        println!("  Note: {}", note.text);
    }
    for ch in &work.chapters {
        println!(
            "  {}  ({} words, {} scenes, {} notes)",
            ch.display_title(),
            ch.words(),
            ch.scenes.len(),
            ch.notes_before.len() + ch.notes_after.len()
        );
    }
}
