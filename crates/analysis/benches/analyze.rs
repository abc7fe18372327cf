//! Words per second of the whole analysis: on the seeds plus LitBank texts concatenated, and on a
//! generated novel of 10k, 100k and 1M words (the throughput should stay flat: linear cost).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ficarchive_analysis::{analyze, plain::work_from_lines};

/// A deterministic novel-like text: narration with names and pronouns, tagged and untagged
/// dialogue, scene changes between characters.
fn generated(words: usize) -> String {
    const NAMES: [&str; 6] = ["Anna", "Marcus", "Helen", "Tobias", "Clara", "Edmund"];
    const SHE: [bool; 6] = [true, false, true, false, true, false];
    let mut out = String::with_capacity(words * 6);
    let mut count = 0;
    let mut i: usize = 0;
    while count < words {
        let a = i % 6;
        let b = (i / 6 + a + 1) % 6;
        let (pa, pb) = (
            if SHE[a] { "she" } else { "he" },
            if SHE[b] { "she" } else { "he" },
        );
        let para = match i % 5 {
            0 => format!(
                "{} walked into the kitchen and looked at {}. The rain had not stopped since morning, and {} wondered whether the road to the village would hold.\n\n",
                NAMES[a], NAMES[b], pa
            ),
            1 => format!(
                "\"I told you it would rain,\" {} said, setting the kettle down. \"You never listen to me, {}.\"\n\n",
                NAMES[a], NAMES[b]
            ),
            2 => format!(
                "\"Perhaps I don't,\" {} replied. \"But someone has to go before dark.\"\n\n",
                pb
            ),
            3 => "\"Then go.\"\n\n".to_string(),
            _ => format!(
                "{} thought about the letter in {} pocket. It was three days old now, and {} still had not answered it.\n\n",
                NAMES[b],
                if SHE[b] { "her" } else { "his" },
                pb
            ),
        };
        count += ficarchive_model::count_words(&para);
        out.push_str(&para);
        i += 1;
    }
    out
}

fn real_texts() -> String {
    let mut out = String::new();
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if let Ok(entries) = std::fs::read_dir(shared.join("seeds")) {
        for e in entries.flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                out.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
                out.push('\n');
            }
        }
    }
    if let Ok(entries) = std::fs::read_dir(shared.join("eval/litbank/quotations/tsv")) {
        for e in entries.flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                out.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
                out.push('\n');
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    // `cargo test --benches` runs each once in debug: only small sizes unless `cargo bench`
    // (which passes --bench) or ANALYZE_BENCH_FULL=1 asks for all
    let full = std::env::args().any(|a| a == "--bench")
        || std::env::var("ANALYZE_BENCH_FULL").is_ok_and(|v| v == "1");
    let real = if full {
        real_texts()
    } else {
        real_texts().chars().take(20_000).collect()
    };
    if real.is_empty() {
        eprintln!("SKIP real texts: ../shared/seeds and LitBank not found");
    } else {
        let work = work_from_lines(&real);
        group.throughput(Throughput::Elements(work.words() as u64));
        group.bench_function("seeds+litbank", |b| b.iter(|| analyze(black_box(&work))));
    }
    let sizes: &[usize] = if full {
        &[10_000, 100_000, 1_000_000]
    } else {
        &[10_000]
    };
    for &words in sizes {
        let work = work_from_lines(&generated(words));
        group.throughput(Throughput::Elements(work.words() as u64));
        group.bench_function(format!("generated {words} words"), |b| {
            b.iter(|| analyze(black_box(&work)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
