//! Trains the learned speaker scorer on every LitBank document and writes its weights as Rust:
//! `cargo run --release -p ficarchive-analysis --example train_speaker -- /work/shared/eval/litbank
//! crates/analysis/src/speaker_model.rs`. Deterministic: the same data give the same file.

use std::path::PathBuf;

use ficarchive_analysis::eval::{FOLDS, L2, ROUNDS, train_speaker};
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
    let (weights, docs) = train_speaker(&litbank);
    if docs == 0 {
        eprintln!("no LitBank documents under {}", litbank.display());
        std::process::exit(1);
    }
    let provenance = format!(
        "Trained on all {docs} LitBank documents with quotations (L2 = {L2}, {ROUNDS} rounds: the\n\
         cascade's run, then a run with the first weights), by\n\
         `cargo run --release -p ficarchive-analysis --example train_speaker -- /work/shared/eval/litbank crates/analysis/src/speaker_model.rs`.\n\
         The eval's LitBank speaker figure is {FOLDS}-fold cross-validated by document, never these\n\
         in-sample weights."
    );
    if let Err(e) = std::fs::write(&out, render_model(&weights, &provenance)) {
        eprintln!("cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
    println!(
        "wrote {} ({} weights from {docs} documents)",
        out.display(),
        weights.len()
    );
}
