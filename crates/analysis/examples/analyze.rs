//! Prints the analysis of a plain-text file as JSON: `cargo run -p ficarchive-analysis --example analyze FILE`.
//! The file is read as `ficarchive import` and the eval read it (its header, notes and chapter
//! headings recognised), so what this prints is what the eval scores.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: analyze FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let work = match ficarchive_formats::text::read_text(&text) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let start = std::time::Instant::now();
    let analysis = ficarchive_analysis::analyze(&work);
    let took = start.elapsed();
    match serde_json::to_string_pretty(&analysis) {
        Ok(j) => println!("{j}"),
        Err(e) => eprintln!("cannot serialise: {e}"),
    }
    eprintln!("{} words in {took:?}", work.words());
}
