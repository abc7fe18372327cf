//! Prints the evaluation table:
//! `cargo run --release -p ficarchive-analysis --example eval [SEEDS] [LITBANK] [-v] [--plain]`.
//! Seeds are read with the full plain-text reader of `ficarchive-formats` (as `ficarchive import`
//! does); `--plain` uses the analysis crate's minimal line splitter instead.

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let plain = args.iter().any(|a| a == "--plain");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let seeds = paths
        .first()
        .map_or(PathBuf::from("../shared/seeds"), PathBuf::from);
    let litbank = paths
        .get(1)
        .map_or(PathBuf::from("../shared/eval/litbank"), PathBuf::from);
    let report = if plain {
        ficarchive_analysis::eval::run(&seeds, &litbank)
    } else {
        ficarchive_analysis::eval::run_with(&seeds, &litbank, &|t| {
            ficarchive_formats::text::read_text(t).ok()
        })
    };
    print!("{report}");
    if verbose {
        for m in &report.misses {
            println!("miss: {m}");
        }
    }
}
