//! Trains the learned speaker scorer on every LitBank document and every fic of the annotated fic
//! development set (`eval/fics`, read as `ficarchive import` reads it) and writes its weights as
//! Rust: `cargo run --release -p ficarchive-analysis --example train_speaker --
//! /work/shared/eval/litbank crates/analysis/src/speaker_model.rs`, from the workspace.
//! Deterministic: the same data give the same file.

use std::path::PathBuf;

use ficarchive_analysis::eval::{FIC_TRAINING_DIR, FOLDS, L2, ROUNDS, train_speaker};
use ficarchive_analysis::speaker_rank::render_model;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let litbank = args
        .first()
        .map_or(PathBuf::from("../shared/eval/litbank"), PathBuf::from);
    let out = args.get(1).map_or(
        PathBuf::from("crates/analysis/src/speaker_model.rs"),
        PathBuf::from,
    );
    let fics = PathBuf::from(FIC_TRAINING_DIR);
    let (weights, docs, fic_count) = train_speaker(&litbank, &fics, &|t| {
        ficarchive_formats::text::read_text(t).ok()
    });
    if docs == 0 || fic_count == 0 {
        eprintln!(
            "no LitBank documents under {} or no fics under {} (run from the workspace)",
            litbank.display(),
            fics.display()
        );
        std::process::exit(1);
    }
    let provenance = format!(
        "Trained on all {docs} LitBank documents with quotations and the {fic_count} fics of\n\
         {FIC_TRAINING_DIR} (L2 = {L2}, {ROUNDS} rounds: the cascade's run, then a run with the first\n\
         weights), by\n\
         `cargo run --release -p ficarchive-analysis --example train_speaker -- /work/shared/eval/litbank crates/analysis/src/speaker_model.rs`.\n\
         The eval's LitBank speaker figure is {FOLDS}-fold cross-validated by document and its fic\n\
         figure leave-one-fic-out, never these in-sample weights."
    );
    if let Err(e) = std::fs::write(&out, render_model(&weights, &provenance)) {
        eprintln!("cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
    println!(
        "wrote {} ({} weights from {docs} documents and {fic_count} fics)",
        out.display(),
        weights.len()
    );
}
