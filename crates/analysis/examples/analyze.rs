//! Prints the analysis of a plain-text file as JSON: `cargo run -p ficarchive-analysis --example analyze FILE`.

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
    let work = ficarchive_analysis::plain::work_from_lines(&text);
    let start = std::time::Instant::now();
    let analysis = ficarchive_analysis::analyze(&work);
    let took = start.elapsed();
    match serde_json::to_string_pretty(&analysis) {
        Ok(j) => println!("{j}"),
        Err(e) => eprintln!("cannot serialise: {e}"),
    }
    eprintln!("{} words in {took:?}", work.words());
}
