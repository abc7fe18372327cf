//! Works saved per second into the embedded SQLite store.
//!
//! Three paths a bulk import takes, each measured one `save_work` per iteration on a store that
//! grows as the bench runs (so index maintenance is included):
//! - `new_small`: a one-chapter work of about 1,000 words (a drabble or one-shot);
//! - `new_medium`: a ten-chapter work of about 30,000 words (a typical multi-chapter fic);
//! - `unchanged_medium`: re-importing a stored medium work byte for byte (hash compare only);
//! - `new_chapter_medium`: re-importing a stored work with one more chapter (an update).
//!
//! Criterion reports throughput in elements per second, i.e. works saved per second.
//! Run: `cargo bench -p ficarchive-store --bench save`.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use ficarchive_model::{Chapter, Paragraph, Status, TagKind, Work};
use ficarchive_store::{NewWork, Store};

/// Sentences cycled through to make story text of a given length.
const SENTENCES: [&str; 6] = [
    "Buffy walked the perimeter of the cemetery, stake in hand, listening for anything that moved.",
    "Spike lit a cigarette and watched her from the shadow of a crypt, saying nothing for once.",
    "The wind carried the smell of rain and something older, something that did not belong here.",
    "Willow's spell had worked, mostly, which was the part that worried all of them.",
    "\"You're late,\" she said, without turning around, and he laughed the way he always did.",
    "Somewhere across town the Bronze was still open, music leaking out into the empty street.",
];

/// A chapter of roughly `words` words of story text, varied by `seed` so hashes differ.
fn chapter(number: u32, words: usize, seed: u64) -> Chapter {
    let mut paragraphs = Vec::new();
    let mut written = 0;
    // Offsets into SENTENCES only: wrap rather than overflow for large seeds.
    let mut i = (seed % 1_000_003) as usize;
    while written < words {
        let mut text = format!("[{seed}:{number}:{i}] ");
        for _ in 0..4 {
            text.push_str(SENTENCES[i % SENTENCES.len()]);
            text.push(' ');
            i += 1;
        }
        written += ficarchive_model::count_words(&text);
        paragraphs.push(Paragraph::plain(text));
    }
    Chapter::from_paragraphs(number, Some(format!("Part {number}")), paragraphs)
}

/// A distinct work `seed` with `chapters` chapters of `words_per_chapter` words.
fn work(seed: u64, chapters: u32, words_per_chapter: usize) -> Work {
    let mut w = Work {
        title: Some(format!("Bench Work {seed}")),
        authors: vec![format!("Author {}", seed % 97)],
        summary: Some("A work generated for the store bench.".into()),
        status: Status::InProgress,
        language: Some("English".into()),
        ..Work::default()
    };
    w.tags.add(TagKind::Fandom, "Buffy the Vampire Slayer");
    w.tags.add(TagKind::Rating, "Teen And Up Audiences");
    w.tags.add(
        TagKind::Relationship,
        &format!("Buffy/Character {}", seed % 13),
    );
    w.tags.add(TagKind::Freeform, "Angst");
    w.source.url = Some(format!("https://example.org/works/{seed}"));
    w.chapters = (1..=chapters)
        .map(|n| chapter(n, words_per_chapter, seed))
        .collect();
    w
}

/// Saves one work, failing the bench loudly on a store error.
async fn save(store: &dyn Store, w: &Work) {
    let outcome = store
        .save_work(NewWork {
            work: w,
            source_text: None,
            analysis: None,
        })
        .await;
    if let Err(err) = outcome {
        panic!("bench save failed: {err}");
    }
    black_box(outcome.ok());
}

/// Opens a store in a fresh temporary data folder (kept alive by the returned guard).
fn fresh_store(runtime: &tokio::runtime::Runtime) -> (tempfile::TempDir, Arc<dyn Store>) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary directory: {e}"));
    let data = dir.path().join("data");
    let location = data.to_string_lossy().into_owned();
    let store = runtime
        .block_on(ficarchive_store::open(&location))
        .unwrap_or_else(|e| panic!("open the bench store: {e}"));
    (dir, store)
}

/// The benchmarks: one group, throughput in works.
fn bench_save(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("tokio runtime: {e}"));
    let mut group = c.benchmark_group("save");
    group.throughput(Throughput::Elements(1));

    let (_dir, store) = fresh_store(&runtime);
    let mut next_seed = 0u64;
    group.bench_function("new_small", |b| {
        b.iter_batched(
            || {
                next_seed += 1;
                work(next_seed, 1, 1_000)
            },
            |w| runtime.block_on(save(&*store, &w)),
            BatchSize::SmallInput,
        )
    });

    let (_dir, store) = fresh_store(&runtime);
    group.bench_function("new_medium", |b| {
        b.iter_batched(
            || {
                next_seed += 1;
                work(next_seed, 10, 3_000)
            },
            |w| runtime.block_on(save(&*store, &w)),
            BatchSize::SmallInput,
        )
    });

    let stored = work(u64::MAX, 10, 3_000);
    runtime.block_on(save(&*store, &stored));
    group.bench_function("unchanged_medium", |b| {
        b.iter(|| runtime.block_on(save(&*store, &stored)))
    });

    // Each iteration stores a new work, then times saving it again with an eleventh chapter.
    group.bench_function("new_chapter_medium", |b| {
        b.iter_batched(
            || {
                next_seed += 1;
                let mut w = work(next_seed, 10, 3_000);
                runtime.block_on(save(&*store, &w));
                w.chapters.push(chapter(11, 3_000, next_seed));
                w
            },
            |w| runtime.block_on(save(&*store, &w)),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group! {
    name = benches;
    // Saves hit the disk: keep the run short on a shared 2-core machine.
    config = Criterion::default()
        .sample_size(20)
        .measurement_time(std::time::Duration::from_secs(8));
    targets = bench_save
}
criterion_main!(benches);
