//! Writes a generated corpus to a directory: `cargo run -p ficarchive-corpus --example write_corpus -- DIR N [SEED]`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(n)) = (
        args.first(),
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: write_corpus DIR N [SEED]");
        return ExitCode::FAILURE;
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    match ficarchive_corpus::write_text_corpus(&PathBuf::from(dir), n, seed) {
        Ok(paths) => {
            println!("wrote {} fics to {dir}", paths.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("write_corpus: {e}");
            ExitCode::FAILURE
        }
    }
}
