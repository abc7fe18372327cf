//! Decode + parse throughput of the plain-text reader over a generated corpus of 10,000 fics
//! (see `ficarchive-corpus`): MB/s and works/s.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ficarchive_corpus::TextCorpus;
use ficarchive_formats::{Limits, read};

const WORKS: usize = 10_000;
const SEED: u64 = 2026;

fn text_parse(c: &mut Criterion) {
    let files: Vec<Vec<u8>> = TextCorpus::new(SEED).iter(WORKS).map(|f| f.bytes).collect();
    let bytes: usize = files.iter().map(Vec::len).sum();
    eprintln!(
        "corpus: {WORKS} works, {:.1} MB, mean {:.1} KB per work",
        bytes as f64 / 1e6,
        bytes as f64 / 1e3 / WORKS as f64
    );
    let limits = Limits::default();
    let parse_all = |files: &[Vec<u8>]| {
        let mut chapters = 0usize;
        for f in files {
            if let Ok(r) = read(f, None, &limits) {
                chapters += r.work.chapters.len();
            }
        }
        chapters
    };

    let mut group = c.benchmark_group("text_parse");
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_millis(500));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_with_input(
        BenchmarkId::new("decode+parse MB/s", WORKS),
        &files,
        |b, f| b.iter(|| parse_all(f)),
    );
    // The same pass counted in works: a typical work is small, so this is what an import sees.
    let sample = &files[..WORKS / 10];
    group.throughput(Throughput::Elements(sample.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("decode+parse works/s", sample.len()),
        sample,
        |b, f| b.iter(|| parse_all(f)),
    );
    group.finish();
}

criterion_group!(benches, text_parse);
criterion_main!(benches);
