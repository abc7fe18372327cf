//! Words per second of the whole analysis: on the seeds plus LitBank texts concatenated, and on a
//! generated novel of 10k, 100k and 1M words (the throughput should stay flat: linear cost).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ficarchive_analysis::{analyze, plain::work_from_lines};

#[path = "support/novel.rs"]
mod novel;
use novel::generated;

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
