//! `ficarchive`: a fan-fiction archive and reader's library in one program.
//!
//! This binary is the edge of the system: it parses the command line, opens the store (SQLite in a
//! data folder by default, PostgreSQL when given a URL) and calls the library crates.

mod import;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use ficarchive_formats::Limits;

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
    /// Re-importing a work updates it instead of duplicating it; a re-import with new or edited
    /// chapters is recorded as an update. One bad file never stops the batch: it is reported at
    /// the end with its reason, and the exit code is 1 when any file failed.
    Import {
        /// Files or folders to import.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The largest file accepted, in bytes.
        #[arg(long, default_value_t = Limits::default().max_file_bytes)]
        max_file_size: u64,
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
    /// Write a work out in a file format.
    Export {
        /// The work's id (from `list`).
        id: i64,
        /// The format to write.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// The file to write (standard output when absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Serve the archive over HTTP.
    Serve {
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: std::net::SocketAddr,
    },
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// The JSON contract.
    Json,
    /// Plain text.
    Txt,
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
        command => {
            let runtime =
                tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
            runtime.block_on(run_with_store(
                &cli.data,
                cli.database_url.as_deref(),
                command,
            ))
        }
    }
}

async fn run_with_store(
    data: &Path,
    database_url: Option<&str>,
    command: Command,
) -> Result<ExitCode> {
    let location = match database_url {
        Some(url) => url.to_string(),
        None => data
            .to_str()
            .with_context(|| format!("data folder {} is not valid UTF-8", data.display()))?
            .to_string(),
    };
    let store = ficarchive_store::open(&location).await?;
    match command {
        Command::Import {
            paths,
            max_file_size,
            json,
        } => {
            let limits = Limits {
                max_file_bytes: max_file_size,
            };
            let summary = import::import_paths(store.as_ref(), &paths, &limits).await?;
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
        Command::List { json } => {
            let total = store.count_works().await?;
            let works = store.list_works(0, total).await?;
            let mut out = std::io::stdout().lock();
            if json {
                serde_json::to_writer_pretty(&mut out, &works)?;
                writeln!(out)?;
            } else {
                for w in &works {
                    writeln!(
                        out,
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
                    )?;
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
        Command::Export { id, format, output } => {
            let stored = store
                .get_work(id)
                .await?
                .with_context(|| format!("no work with id {id}"))?;
            let bytes = match format {
                ExportFormat::Json => stored.work.to_json().into_bytes(),
                ExportFormat::Txt => bail!("txt export is not available yet"),
            };
            write_output(output.as_deref(), &bytes)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve { listen } => {
            let _ = listen;
            bail!("serve is not available yet")
        }
        Command::Inspect { .. } => unreachable!("inspect runs without a store"),
    }
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
