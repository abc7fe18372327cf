//! A server over a large generated archive, for measuring the site with `wrk` (see docs/web.md).
//!
//! Fills a SQLite store and a tantivy index in a folder with generated works, then serves them:
//!
//! ```text
//! FICWEB_WORKS=100000 cargo run --release -p ficarchive-web --example bench_server
//! wrk -t2 -c64 -d15s --latency http://127.0.0.1:8088/works/1/chapters/3
//! ```
//!
//! Environment:
//! * `FICWEB_WORKS` (default 2,000): works in the archive. Most are metadata-light (tags, summary,
//!   1–3 short chapters); `FICWEB_TEXT_WORKS` of them (default 1,000, ids 1..) are full-size:
//!   5–20 chapters of about 3,000 words each, with notes and a stored analysis.
//! * `FICWEB_DATA` (default `$TMPDIR/ficarchive-web-bench-<works>`): the folder. A folder already
//!   filled with the same number of works is reused, so a 1,000,000-work archive is built once.
//! * `FICWEB_LISTEN` (default `127.0.0.1:8088`).
//! * `FICWEB_BATCH` (default 1,000): works per `Store::save_works` transaction while filling
//!   (1 is what saving them one by one with `save_work` costs).
//!
//! Works are a pure function of their number (a small SplitMix64 generator, no dependencies):
//! Zipf-distributed fandoms (2,000), characters and relationships per fandom, 3,000 freeforms,
//! AO3's ratings, warnings and categories, series for one work in ten.
#![allow(missing_docs)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDate;
use ficarchive_model::{
    Chapter, Note, Paragraph, Rating, Scene, SceneBreak, Series, Status, TagKind, Taxonomy, Work,
};
use ficarchive_search::{IndexDoc, IndexOptions, SearchIndex, WorkCounts};
use ficarchive_store::{NewWork, Store};
use ficarchive_web::{AppState, IndexBackend, SearchBackend};

/// SplitMix64: tiny, fast and good enough to spread generated works.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x1234_5678)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    /// Roughly Zipf over `0..n`: small indices are much more common.
    fn zipf(&mut self, n: u64) -> u64 {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        // Inverse CDF of a continuous 1/x law on [1, n+1).
        let x = ((n as f64 + 1.0).ln() * u).exp() - 1.0;
        (x as u64).min(n - 1)
    }
}

const FANDOMS: u64 = 2_000;
const FREEFORMS: u64 = 3_000;
const WORDS: [&str; 40] = [
    "the",
    "night",
    "was",
    "long",
    "and",
    "she",
    "walked",
    "through",
    "cemetery",
    "quiet",
    "stake",
    "in",
    "hand",
    "listening",
    "for",
    "anything",
    "that",
    "moved",
    "he",
    "said",
    "nothing",
    "at",
    "first",
    "then",
    "laughed",
    "softly",
    "while",
    "rain",
    "fell",
    "on",
    "old",
    "stones",
    "of",
    "town",
    "again",
    "they",
    "waited",
    "until",
    "morning",
    "came",
];
const NAMES: [&str; 16] = [
    "Buffy", "Spike", "Willow", "Xander", "Giles", "Angel", "Faith", "Tara", "Dawn", "Anya",
    "Cordelia", "Wesley", "Gunn", "Fred", "Lorne", "Oz",
];

fn fandom(i: u64) -> String {
    format!("Fandom {i:04}")
}

fn character(f: u64, c: u64) -> String {
    format!("{} ({})", NAMES[c as usize % NAMES.len()], fandom(f))
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::with_capacity(words * 6);
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        let w = WORDS[rng.below(WORDS.len() as u64) as usize];
        if i == 0 {
            let mut c = w.chars();
            if let Some(first) = c.next() {
                s.extend(first.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

fn paragraph(rng: &mut Rng, words: usize) -> Paragraph {
    let mut text = String::new();
    let mut left = words;
    while left > 0 {
        let n = left.min(8 + rng.below(10) as usize);
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&sentence(rng, n));
        left -= n;
    }
    Paragraph::plain(text)
}

/// Work number `n` (1-based); full-size text when `full`.
fn work(n: u64, full: bool) -> (Work, Option<serde_json::Value>) {
    let mut rng = Rng::new(n);
    let f = rng.zipf(FANDOMS);
    let summary_words = 25 + rng.below(30) as usize;
    let mut w = Work {
        title: Some(format!(
            "{} {}",
            sentence(&mut rng, 3).trim_end_matches('.'),
            n
        )),
        authors: vec![format!("author{}", rng.zipf(200_000))],
        summary: Some(sentence(&mut rng, summary_words)),
        language: Some(
            if rng.chance(90) {
                "English"
            } else {
                "Español"
            }
            .into(),
        ),
        status: if rng.chance(70) {
            Status::Complete
        } else {
            Status::InProgress
        },
        ..Work::default()
    };
    // Every work has its own AO3 address, as imported works do; this also lets the store's
    // retitle check skip the (Zipf-popular) author's other works.
    w.source.url = Some(format!("https://archiveofourown.org/works/{n}"));
    w.tags.rating = Some(Rating::ALL[rng.below(Rating::ALL.len() as u64) as usize]);
    w.tags.add(
        TagKind::Warning,
        [
            "No Archive Warnings Apply",
            "Creator Chose Not To Use Archive Warnings",
            "Graphic Depictions Of Violence",
            "Major Character Death",
        ][rng.zipf(4) as usize],
    );
    w.tags.add(
        TagKind::Category,
        ["Gen", "F/M", "M/M", "F/F", "Multi", "Other"][rng.zipf(6) as usize],
    );
    w.tags.add(TagKind::Fandom, &fandom(f));
    if rng.chance(10) {
        w.tags.add(TagKind::Fandom, &fandom(rng.zipf(FANDOMS)));
    }
    let (a, b) = (rng.zipf(12), rng.zipf(12));
    if a != b {
        w.tags.add(
            TagKind::Relationship,
            &format!("{}/{}", character(f, a.min(b)), character(f, a.max(b))),
        );
    }
    for _ in 0..1 + rng.below(4) {
        w.tags.add(TagKind::Character, &character(f, rng.zipf(12)));
    }
    for _ in 0..rng.below(8) {
        w.tags.add(
            TagKind::Freeform,
            &format!("Freeform {:04}", rng.zipf(FREEFORMS)),
        );
    }
    if rng.chance(10) {
        w.series.push(Series {
            name: format!("Series {}", n / 7),
            part: Some(1 + (n % 7) as u32),
        });
    }
    let year = 2008 + rng.below(17) as i32;
    let published =
        NaiveDate::from_ymd_opt(year, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32);
    w.dates.published = published;
    w.dates.updated = published.map(|d| d + chrono::Days::new(rng.below(400)));
    w.stats.kudos = Some(rng.zipf(20_000));
    w.stats.hits = Some(rng.zipf(500_000));
    w.stats.bookmarks = Some(rng.zipf(3_000));
    w.stats.comments = Some(rng.zipf(2_000));
    let (chapters, paragraphs, words) = if full {
        (5 + rng.below(16), 30, 100)
    } else {
        (1 + rng.below(3), 2, 40)
    };
    for c in 1..=chapters as u32 {
        let paras = (0..paragraphs)
            .map(|_| paragraph(&mut rng, words))
            .collect();
        let mut ch = Chapter::from_paragraphs(c, Some(sentence(&mut rng, 3)), paras);
        if full {
            ch.notes_before.push(Note::new(sentence(&mut rng, 20)));
            ch.scenes.push(Scene::new(
                SceneBreak::Explicit,
                Some("* * *".into()),
                (0..5).map(|_| paragraph(&mut rng, words)).collect(),
            ));
        }
        w.chapters.push(ch);
    }
    if full {
        w.notes.push(Note::new(sentence(&mut rng, 30)));
        w.end_notes.push(Note::new(sentence(&mut rng, 15)));
    }
    let analysis = full.then(|| {
        let a = character(f, 0);
        let b = character(f, 1);
        serde_json::json!({
            "characters": [
                {"name": a, "aliases": [], "mentions": 40 + rng.below(100), "quotes": 12},
                {"name": b, "aliases": [], "mentions": 20 + rng.below(100), "quotes": 9}
            ],
            "relationships": [{"characters": [a, b], "score": 0.7}],
            "scenes": (1..=chapters).map(|c| serde_json::json!(
                {"chapter": c, "span": null, "person": "third", "pov": if c % 2 == 0 { &a } else { &b }}
            )).collect::<Vec<_>>(),
            "quotes": (0..21).map(|q| serde_json::json!(
                {"span": null, "text": sentence(&mut rng, 8),
                 "speaker": if q % 7 < 4 { &a } else { &b }, "addressee": if q % 7 < 4 { &b } else { &a }}
            )).collect::<Vec<_>>()
        })
    });
    (w, analysis)
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace(['_', ','], "").parse().ok())
        .unwrap_or(default)
}

type Error = Box<dyn std::error::Error + Send + Sync>;

/// Works saved per `Store::save_works` call (one transaction each) unless `FICWEB_BATCH` says.
const BATCH: u64 = 1_000;

async fn fill(
    store: &Arc<dyn Store>,
    dir: &std::path::Path,
    works: u64,
    text_works: u64,
) -> Result<(), Error> {
    let started = Instant::now();
    let index = SearchIndex::recreate(&dir.join("index"), IndexOptions::default())?;
    let taxonomy = Taxonomy::new();
    let mut rebuild = index.begin_rebuild()?;
    let batch_size = env_u64("FICWEB_BATCH", BATCH).max(1);
    let mut next = 1;
    while next <= works {
        let last = (next + batch_size - 1).min(works);
        let batch: Vec<(Work, Option<serde_json::Value>)> =
            (next..=last).map(|n| work(n, n <= text_works)).collect();
        let news: Vec<NewWork<'_>> = batch
            .iter()
            .map(|(w, analysis)| NewWork {
                work: w,
                source_text: None,
                analysis: analysis.as_ref(),
            })
            .collect();
        let outcomes = store.save_works(&news).await?;
        for ((w, _), outcome) in batch.iter().zip(&outcomes) {
            let doc = IndexDoc::from_work(
                outcome.id() as u64,
                w,
                WorkCounts::from_stats(&w.stats),
                None,
                &taxonomy,
            );
            rebuild.add(&doc)?;
        }
        if last / 10_000 > (next - 1) / 10_000 {
            eprintln!(
                "  {last} works stored and indexed ({:.0} s)",
                started.elapsed().as_secs_f64()
            );
        }
        next = last + 1;
    }
    rebuild.finish()?;
    std::fs::write(dir.join("filled"), works.to_string())?;
    eprintln!(
        "filled {works} works in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let works = env_u64("FICWEB_WORKS", 2_000).max(1);
    let text_works = env_u64("FICWEB_TEXT_WORKS", 1_000).min(works);
    let dir = std::env::var_os("FICWEB_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join(format!("ficarchive-web-bench-{works}")));
    let listen: SocketAddr = std::env::var("FICWEB_LISTEN")
        .unwrap_or_else(|_| "127.0.0.1:8088".into())
        .parse()?;
    let filled = std::fs::read_to_string(dir.join("filled")).ok();
    if filled.as_deref().map(str::trim) != Some(works.to_string().as_str()) {
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        eprintln!(
            "generating {works} works ({text_works} full-size) in {}",
            dir.display()
        );
        let store = ficarchive_store::open(&dir.join("store").to_string_lossy()).await?;
        fill(&store, &dir, works, text_works).await?;
    } else {
        eprintln!("reusing {works} works in {}", dir.display());
    }
    let store = ficarchive_store::open(&dir.join("store").to_string_lossy()).await?;
    let index = Arc::new(SearchIndex::open(&dir.join("index"))?);
    let backend: Arc<dyn SearchBackend> = Arc::new(IndexBackend::new(index, store.clone()));
    let (sample, _) = work(1, text_works >= 1);
    eprintln!("serving on http://{listen}/ — try:");
    eprintln!("  wrk -t2 -c64 -d15s --latency http://{listen}/");
    eprintln!(
        "  wrk -t2 -c64 -d15s --latency 'http://{listen}/works?include={}&exclude=Freeform+0001&sort=kudos'",
        fandom(0).replace(' ', "+")
    );
    eprintln!(
        "  wrk -t2 -c64 -d15s --latency http://{listen}/works/1/chapters/{}",
        sample.chapters.len().div_ceil(2)
    );
    ficarchive_web::serve(AppState::new(store, Some(backend)), listen).await?;
    Ok(())
}
