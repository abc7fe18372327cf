//! `ficarchive bench`: plain-text parse and import throughput on a generated corpus, measured
//! through the same code paths `ficarchive import` uses.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use ficarchive_formats::Limits;

use crate::archive::Archive;
use crate::import::{ImportOptions, import_paths};

fn rate(amount: f64, took: Duration) -> f64 {
    amount / took.as_secs_f64().max(1e-9)
}

/// Generates `works` fics, then measures (1) parsing them from memory on one core and (2) a
/// full import (read, parse, optionally analyse, store in SQLite, index) into a fresh data folder.
pub async fn import_throughput(works: usize, seed: u64, analysis: bool) -> Result<()> {
    let tmp = tempfile::tempdir().context("cannot create a temporary folder")?;
    let corpus = tmp.path().join("corpus");
    let started = Instant::now();
    let paths = ficarchive_corpus::write_text_corpus(&corpus, works, seed)
        .context("cannot write the generated corpus")?;
    println!(
        "generated {} works in {:.1?} (seed {seed})",
        paths.len(),
        started.elapsed()
    );

    let files: Vec<(String, Vec<u8>)> = paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_string();
            Ok((name, bytes))
        })
        .collect::<Result<_>>()?;
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let mb = bytes as f64 / 1e6;
    let limits = Limits::default();

    let started = Instant::now();
    let mut words = 0usize;
    let mut failed = 0usize;
    for (name, data) in &files {
        match ficarchive_formats::read(data, Some(name), &limits) {
            Ok(read) => words += read.work.words(),
            Err(_) => failed += 1,
        }
    }
    let parse = started.elapsed();
    println!(
        "corpus: {:.1} MB, {} words, {} files failed to parse",
        mb, words, failed
    );
    let print_rates = |label: &str, took: Duration| {
        println!(
            "{label:<30} {:>8.1} MB/s  {:>9.0} works/s  {:>11.0} words/s  ({took:.2?})",
            rate(mb, took),
            rate(files.len() as f64, took),
            rate(words as f64, took),
        );
    };
    print_rates("parse (1 core, from memory):", parse);

    if analysis {
        let started = Instant::now();
        for (name, data) in &files {
            if let Ok(read) = ficarchive_formats::read(data, Some(name), &limits) {
                std::hint::black_box(ficarchive_analysis::analyze(&read.work));
            }
        }
        print_rates("parse + analysis (1 core):", started.elapsed());
    }

    let data = tmp.path().join("data");
    let archive = Archive::open(&data, None).await?;
    let taxonomy = archive.taxonomy().await?;
    let index = archive.open_index()?;
    let options = ImportOptions {
        analyze: analysis,
        index: Some((&index, &taxonomy)),
    };
    let started = Instant::now();
    let summary = import_paths(archive.store.as_ref(), &[corpus], &limits, &options).await?;
    let took = started.elapsed();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "import ({} cores: read, parse{}, SQLite, index): {:>6.1} MB/s  {:>7.0} works/s  ({:.2?}; {} stored, {} failed{})",
        cores,
        if analysis { ", analyse" } else { "" },
        rate(mb, took),
        rate(summary.stored() as f64, took),
        took,
        summary.stored(),
        summary.failed.len(),
        summary
            .index_error
            .as_deref()
            .map(|e| format!("; index error: {e}"))
            .unwrap_or_default()
    );
    let db_size = std::fs::metadata(data.join("ficarchive.sqlite3")).map_or(0, |m| m.len());
    println!(
        "database {:.1} MB, index {:.1} MB",
        db_size as f64 / 1e6,
        index.size_bytes() as f64 / 1e6
    );
    Ok(())
}
