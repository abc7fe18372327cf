//! Search benchmark: a generated corpus with realistic shapes (Zipf-distributed fandoms and
//! tags, 1–100 chapters, 100–500,000 words with a long tail, synonyms in use), indexed and
//! queried in-process. Prints indexing throughput, index size and p50/p95/p99 latencies.
//!
//! Run: `cargo bench -p ficarchive-search --bench search`
//! Sizes: `FICSEARCH_WORKS` (default 1,000,000 metadata-only works), `FICSEARCH_TEXT_WORKS`
//! (default 100,000 works with story text), `FICSEARCH_BODY_WORDS` (longest generated body,
//! default 1,000 words), `FICSEARCH_QUERIES` (queries per case, default 400).
//! `FICSEARCH_SQL_QUERIES` (queries per case for the SQL baseline, default the same).
//! `FICSEARCH_WRITER_THREADS` (default 2) and `FICSEARCH_WRITER_MB` (default 512): the index
//! writer's threads and memory budget for the rebuilds.
//! Percentiles are printed rather than run through criterion because the targets are tail
//! latencies over many different queries, which criterion's mean-of-samples does not report.
//!
//! Baseline: the same works are loaded into SQLite (see `support/sql.rs`) and the same queries
//! run there as plain SQL through sqlx, so each case prints SQL's percentiles and the ratio
//! SQL/tantivy; the answers (totals and page ids) are checked against each other.
//! Run as a test (`cargo test --benches`, a debug build without `--bench`) it uses tiny sizes.

use std::time::{Duration, Instant};

use ficarchive_model::{Rating, Status, TagKind, Taxonomy};
use ficarchive_search::{
    IndexDoc, IndexOptions, NumRange, SearchIndex, SortField, TagResolver, WorkCounts, WorkQuery,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

#[path = "support/sql.rs"]
mod sql;
use sql::{SqlAnswer, SqlArchive, SqlFilter, SqlText};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// Samples ranks 0..n with probability proportional to 1/(rank+1)^s.
struct Zipf {
    cdf: Vec<f64>,
}

impl Zipf {
    fn new(n: usize, s: f64) -> Zipf {
        let mut cdf = Vec::with_capacity(n);
        let mut total = 0.0;
        for r in 0..n {
            total += 1.0 / ((r + 1) as f64).powf(s);
            cdf.push(total);
        }
        for c in &mut cdf {
            *c /= total;
        }
        Zipf { cdf }
    }

    fn sample(&self, rng: &mut impl Rng) -> usize {
        let u: f64 = rng.random();
        self.cdf.partition_point(|&c| c < u).min(self.cdf.len() - 1)
    }
}

fn normal(rng: &mut impl Rng) -> f64 {
    let u1: f64 = rng.random::<f64>().max(1e-12);
    let u2: f64 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

fn lognormal(rng: &mut impl Rng, median: f64, sigma: f64) -> f64 {
    median * (sigma * normal(rng)).exp()
}

const FANDOMS: usize = 5_000;
const CHARACTERS_PER_FANDOM: usize = 40;
const FREEFORMS: usize = 20_000;
const METATAGS: usize = 50;
const SUBTAGS_PER_META: usize = 5;
const AUTHORS: usize = 200_000;
const WARNINGS: [&str; 6] = [
    "Creator Chose Not To Use Archive Warnings",
    "No Archive Warnings Apply",
    "Graphic Depictions Of Violence",
    "Major Character Death",
    "Rape/Non-Con",
    "Underage Sex",
];
const CATEGORIES: [&str; 6] = ["Gen", "F/M", "M/M", "F/F", "Multi", "Other"];
const LANGUAGES: [&str; 5] = ["English", "Español", "Français", "Deutsch", "中文"];

fn fandom(i: usize) -> String {
    format!("Fandom {i}")
}
fn character(f: usize, c: usize) -> String {
    format!("Character {c} ({})", fandom(f))
}
fn relationship(f: usize, a: usize, b: usize) -> String {
    let (a, b) = (a.min(b), a.max(b));
    format!("{}/{}", character(f, a), character(f, b))
}
fn freeform(i: usize) -> String {
    if i < METATAGS * (SUBTAGS_PER_META + 1) && !i.is_multiple_of(SUBTAGS_PER_META + 1) {
        let meta = i / (SUBTAGS_PER_META + 1) * (SUBTAGS_PER_META + 1);
        format!("Tag {meta} - Variant {}", i % (SUBTAGS_PER_META + 1))
    } else {
        format!("Tag {i}")
    }
}

/// The taxonomy: fandom → characters/relationships, metatags over subtags, and synonyms
/// (lower-case variants and reversed relationships) for the popular tags.
fn taxonomy() -> Taxonomy {
    let mut t = Taxonomy::new();
    for f in 0..300 {
        let name = fandom(f);
        t.make_canonical(TagKind::Fandom, &name).ok();
        t.merge_synonym(&format!("F{f}"), &name).ok();
        for c in 0..CHARACTERS_PER_FANDOM {
            let ch = character(f, c);
            t.make_canonical(TagKind::Character, &ch).ok();
            t.set_parent(&ch, &name).ok();
            if c < 10 {
                t.merge_synonym(&format!("Char{c} of F{f}"), &ch).ok();
                let rel = relationship(f, c, c + 1);
                t.make_canonical(TagKind::Relationship, &rel).ok();
                t.set_parent(&rel, &name).ok();
                t.merge_synonym(&format!("Char{} of F{f}/Char{c} of F{f}", c + 1), &rel)
                    .ok();
            }
        }
    }
    for i in 0..2_000 {
        let name = freeform(i);
        t.make_canonical(TagKind::Freeform, &name).ok();
        if i < 500 {
            t.merge_synonym(&format!("tag{i} synonym"), &name).ok();
        }
    }
    for m in 0..METATAGS {
        let meta = freeform(m * (SUBTAGS_PER_META + 1));
        for s in 1..=SUBTAGS_PER_META {
            t.set_parent(&freeform(m * (SUBTAGS_PER_META + 1) + s), &meta)
                .ok();
        }
    }
    t
}

/// A work's metadata as indexes into the pools, so a million fit in memory before timing.
struct Spec {
    fandoms: Vec<u32>,
    characters: Vec<(u32, u32)>,
    relationships: Vec<(u32, u32, u32)>,
    freeforms: Vec<u32>,
    synonym_mask: u32,
    warnings: u8,
    categories: u8,
    rating: u8,
    language: u8,
    complete: bool,
    chapters: u16,
    words: u32,
    kudos: u32,
    hits: u32,
    author: u32,
    title_word: u32,
    published: u32,
    updated_after: u32,
    body_seed: u64,
    body_words: u32,
}

struct Generator {
    rng: ChaCha8Rng,
    fandoms: Zipf,
    characters: Zipf,
    freeforms: Zipf,
    authors: Zipf,
    body_words: usize,
}

impl Generator {
    fn new(seed: u64, body_words: usize) -> Generator {
        Generator {
            rng: ChaCha8Rng::seed_from_u64(seed),
            fandoms: Zipf::new(FANDOMS, 1.05),
            characters: Zipf::new(CHARACTERS_PER_FANDOM, 1.2),
            freeforms: Zipf::new(FREEFORMS, 1.0),
            authors: Zipf::new(AUTHORS, 0.8),
            body_words,
        }
    }

    fn spec(&mut self) -> Spec {
        let rng = &mut self.rng;
        let crossover = rng.random_bool(0.08);
        let mut fandoms = vec![self.fandoms.sample(rng) as u32];
        if crossover {
            fandoms.push(self.fandoms.sample(rng) as u32);
        }
        let mut characters = Vec::new();
        let mut relationships = Vec::new();
        for &f in &fandoms {
            let n = rng.random_range(1..=5);
            for _ in 0..n {
                characters.push((f, self.characters.sample(rng) as u32));
            }
            if rng.random_bool(0.7) {
                let a = self.characters.sample(rng) as u32;
                relationships.push((f, a, a + 1));
            }
        }
        let n_free = rng.random_range(2..=12);
        let freeforms = (0..n_free)
            .map(|_| self.freeforms.sample(rng) as u32)
            .collect();
        let chapters = if rng.random_bool(0.55) {
            1
        } else {
            (lognormal(rng, 8.0, 1.0) as u16).clamp(2, 100)
        };
        let words = (lognormal(rng, 3_000.0, 1.4) as u32).clamp(100, 500_000);
        let hits = (lognormal(rng, 1_500.0, 1.5) as u32).max(1);
        let kudos = (f64::from(hits) * rng.random_range(0.01..0.12)) as u32;
        Spec {
            fandoms,
            characters,
            relationships,
            freeforms,
            synonym_mask: rng.random::<u32>() & rng.random::<u32>(),
            warnings: rng.random_range(0..6),
            categories: rng.random_range(0..6),
            rating: rng.random_range(0..5),
            language: if rng.random_bool(0.9) {
                0
            } else {
                rng.random_range(1..5)
            },
            complete: rng.random_bool(0.6),
            chapters,
            words,
            kudos,
            hits,
            author: self.authors.sample(rng) as u32,
            title_word: rng.random_range(0..VOCABULARY as u32),
            published: rng.random_range(0..6_200),
            updated_after: rng.random_range(0..800),
            body_seed: rng.random(),
            body_words: (words as usize).min(self.body_words) as u32,
        }
    }
}

const VOCABULARY: usize = 20_000;

/// Pronounceable pseudo-words, so stemming and tokenizing behave as on prose.
fn vocabulary() -> Vec<String> {
    const SYL: [&str; 24] = [
        "ka", "lo", "mi", "ren", "sa", "to", "vel", "dor", "an", "is", "ur", "el", "bri", "ther",
        "wen", "ga", "cor", "li", "ne", "os", "pha", "tru", "ix", "om",
    ];
    (0..VOCABULARY)
        .map(|i| {
            let mut w = String::new();
            let mut n = i;
            loop {
                w.push_str(SYL[n % SYL.len()]);
                n /= SYL.len();
                if n == 0 {
                    break;
                }
            }
            w
        })
        .collect()
}

fn body(seed: u64, words: u32, vocab: &[String], zipf: &Zipf) -> String {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut out = String::with_capacity(words as usize * 7);
    for i in 0..words {
        out.push_str(&vocab[zipf.sample(&mut rng)]);
        out.push(if i % 12 == 11 { '.' } else { ' ' });
        if i % 12 == 11 {
            out.push(' ');
        }
    }
    out
}

fn index_doc(id: u64, s: &Spec, vocab: &[String], text: Option<&Zipf>) -> IndexDoc {
    let mut doc = raw_doc(id, s, vocab, text);
    doc.canonicalize(TAXONOMY.get_or_init(taxonomy));
    doc
}

/// The work as the store would hand it over, before the index's canonicalisation.
fn raw_doc(id: u64, s: &Spec, vocab: &[String], text: Option<&Zipf>) -> IndexDoc {
    let syn = |bit: usize| s.synonym_mask & (1 << (bit % 32)) != 0;
    let mut tags = Vec::new();
    for (i, &f) in s.fandoms.iter().enumerate() {
        let f = f as usize;
        let name = if f < 300 && syn(i) {
            format!("F{f}")
        } else {
            fandom(f)
        };
        tags.push((TagKind::Fandom, name));
    }
    for (i, &(f, a, b)) in s.relationships.iter().enumerate() {
        let (f, a, b) = (f as usize, a as usize, b as usize);
        let name = if f < 300 && a < 10 && syn(i + 4) {
            format!("Char{b} of F{f}/Char{a} of F{f}")
        } else {
            relationship(f, a, b)
        };
        tags.push((TagKind::Relationship, name));
    }
    for (i, &(f, c)) in s.characters.iter().enumerate() {
        let (f, c) = (f as usize, c as usize);
        let name = if f < 300 && c < 10 && syn(i + 8) {
            format!("Char{c} of F{f}")
        } else {
            character(f, c)
        };
        tags.push((TagKind::Character, name));
    }
    for (i, &t) in s.freeforms.iter().enumerate() {
        let t = t as usize;
        let name = if t < 500 && syn(i + 16) {
            format!("tag{t} synonym")
        } else {
            freeform(t)
        };
        tags.push((TagKind::Freeform, name));
    }
    tags.push((TagKind::Warning, WARNINGS[s.warnings as usize].to_string()));
    tags.push((
        TagKind::Category,
        CATEGORIES[s.categories as usize].to_string(),
    ));
    let base = chrono::NaiveDate::from_ymd_opt(2009, 1, 1).unwrap_or_default();
    let published = base + chrono::Days::new(u64::from(s.published));
    let title = format!("{} {}", vocab[s.title_word as usize], id % 1000);
    IndexDoc {
        id,
        title,
        authors: vec![format!("author{}", s.author)],
        summary: format!(
            "A story about {} and {}.",
            vocab[(s.title_word as usize * 7) % VOCABULARY],
            vocab[(s.title_word as usize * 13) % VOCABULARY]
        ),
        body: text
            .map(|z| body(s.body_seed, s.body_words, vocab, z))
            .unwrap_or_default(),
        tags,
        rating: Some(Rating::ALL[s.rating as usize]),
        language: Some(LANGUAGES[s.language as usize].to_string()),
        status: if s.complete {
            Status::Complete
        } else {
            Status::InProgress
        },
        words: u64::from(s.words),
        chapters: u64::from(s.chapters),
        counts: WorkCounts {
            kudos: u64::from(s.kudos),
            hits: u64::from(s.hits),
            comments: u64::from(s.kudos / 10),
            bookmarks: u64::from(s.kudos / 5),
        },
        published: Some(published),
        updated: Some(published + chrono::Days::new(u64::from(s.updated_after))),
        ..IndexDoc::default()
    }
}

/// CPU seconds (user + system, all threads) this process has used so far, from
/// `/proc/self/stat`; `None` where that is missing. On a machine shared with other builds,
/// works per CPU-second says more about the code than works per wall-clock second.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at state, field 3.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    // The kernel reports clock ticks; USER_HZ is 100 on every Linux this runs on.
    Some((utime + stime) / 100.0)
}

static TAXONOMY: std::sync::OnceLock<Taxonomy> = std::sync::OnceLock::new();

/// CPU time used so far by all of this process's threads (the SQL baseline works in sqlx's
/// worker thread, tantivy in the caller's), from `/proc/self/task/*/schedstat`; zero where
/// that is missing. On a machine shared with other builds a query waits for a core, so wall time
/// overstates what the code costs; time on CPU is what it would take on an idle machine.
/// The kernel updates a running thread's total at each tick (4 ms at `CONFIG_HZ=250`) or switch,
/// so one sample is good to about a tick; percentiles of many samples still compare well.
fn process_cpu() -> Duration {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return Duration::ZERO;
    };
    let ns: u64 = tasks
        .filter_map(Result::ok)
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum();
    Duration::from_nanos(ns)
}

/// Wall-clock and on-CPU time of each query of one case.
#[derive(Default, Clone)]
struct Samples {
    wall: Vec<Duration>,
    cpu: Vec<Duration>,
}

impl Samples {
    /// Runs `f`, recording both times.
    fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let c = process_cpu();
        let t = Instant::now();
        let out = f();
        self.wall.push(t.elapsed());
        self.cpu.push(process_cpu().saturating_sub(c));
        out
    }

    fn report(&self) -> String {
        let c = quantiles(&self.cpu);
        format!(
            "{}; on CPU p50 {:.2} ms  p95 {:.2} ms  p99 {:.2} ms",
            percentiles(self.wall.clone()),
            c[0],
            c[1],
            c[2]
        )
    }
}

/// p50, p95 and p99 in milliseconds.
fn quantiles(samples: &[Duration]) -> [f64; 3] {
    let mut s = samples.to_vec();
    s.sort_unstable();
    [0.5, 0.95, 0.99].map(|q| {
        let i = ((s.len() as f64 - 1.0) * q).round() as usize;
        s.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    })
}

/// Prints SQL's percentiles beside tantivy's and the ratio SQL/tantivy at each.
fn compare(label: &str, tantivy: &Samples, sql: &Samples, mismatches: usize) {
    let ratio = |t: &[Duration], q: &[Duration]| {
        let (t, q) = (quantiles(t), quantiles(q));
        format!(
            "p50 x{:.1}  p95 x{:.1}  p99 x{:.1}",
            q[0] / t[0].max(1e-9),
            q[1] / t[1].max(1e-9),
            q[2] / t[2].max(1e-9)
        )
    };
    println!(
        "  {label} as SQL (SQLite): {}\n    SQL/tantivy wall {}; on CPU {}; answers differing: {mismatches}",
        sql.report(),
        ratio(&tantivy.wall, &sql.wall),
        ratio(&tantivy.cpu, &sql.cpu),
    );
}

fn percentiles(mut samples: Vec<Duration>) -> String {
    samples.sort_unstable();
    let p = |q: f64| {
        let i = ((samples.len() as f64 - 1.0) * q).round() as usize;
        samples[i].as_secs_f64() * 1000.0
    };
    format!(
        "p50 {:.2} ms  p95 {:.2} ms  p99 {:.2} ms  max {:.2} ms  (n={})",
        p(0.5),
        p(0.95),
        p(0.99),
        p(1.0),
        samples.len()
    )
}

fn dir_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn build(
    n: usize,
    seed: u64,
    with_text: bool,
    body_words: usize,
    dir: &std::path::Path,
) -> (SearchIndex, Vec<Spec>) {
    let vocab = vocabulary();
    let text_zipf = Zipf::new(VOCABULARY, 1.05);
    let mut generator = Generator::new(seed, body_words);
    let t = Instant::now();
    let specs: Vec<Spec> = (0..n).map(|_| generator.spec()).collect();
    println!(
        "  generated {n} work specs in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let tax = TAXONOMY.get_or_init(taxonomy);
    println!("  taxonomy: {} tags", tax.len());
    let options = IndexOptions {
        writer_threads: env_usize("FICSEARCH_WRITER_THREADS", 2),
        writer_memory: env_usize("FICSEARCH_WRITER_MB", 512) * 1024 * 1024,
        commit_every: 100_000,
    };
    println!(
        "  writer: {} threads, {} MB",
        options.writer_threads,
        options.writer_memory / (1024 * 1024)
    );
    let t = Instant::now();
    let built = specs
        .iter()
        .take(20_000)
        .enumerate()
        .map(|(i, s)| index_doc(i as u64 + 1, s, &vocab, with_text.then_some(&text_zipf)))
        .count();
    println!(
        "  generating + canonicalising {built} IndexDocs alone: {:.0} docs/s",
        built as f64 / t.elapsed().as_secs_f64()
    );
    let index = SearchIndex::recreate(dir, options).expect("index");
    let cpu0 = cpu_seconds();
    let t = Instant::now();
    let mut rebuild = index.begin_rebuild().expect("rebuild");
    let mut bytes = 0usize;
    let mut generating = Duration::ZERO;
    let mut resolver = TagResolver::new(tax);
    for (i, s) in specs.iter().enumerate() {
        let g = Instant::now();
        let mut doc = raw_doc(i as u64 + 1, s, &vocab, with_text.then_some(&text_zipf));
        generating += g.elapsed();
        doc.canonicalize_with(&mut resolver);
        bytes += doc.body.len();
        rebuild.add(&doc).expect("add");
    }
    let added = t.elapsed();
    let t2 = Instant::now();
    rebuild.finish().expect("finish");
    let finished = t.elapsed();
    let cpu = cpu0.zip(cpu_seconds()).map(|(a, b)| b - a);
    println!(
        "  indexed {n} works: add {:.1} s (of which the generator making raw IndexDocs {:.1} s), commit+merge {:.1} s; {:.0} works/s overall, {:.0} works/s without the generator; CPU {} ",
        added.as_secs_f64(),
        generating.as_secs_f64(),
        t2.elapsed().as_secs_f64(),
        n as f64 / finished.as_secs_f64(),
        n as f64 / (finished - generating).as_secs_f64(),
        cpu.map_or("n/a".to_string(), |c| format!(
            "{c:.1} s = {:.0} works per CPU-second",
            n as f64 / c
        )),
    );
    println!(
        "  {}",
        if with_text {
            format!(
                "{:.1} MB of text, {:.1} MB/s",
                bytes as f64 / 1e6,
                bytes as f64 / 1e6 / finished.as_secs_f64()
            )
        } else {
            "metadata only".to_string()
        }
    );
    println!(
        "  index size on disk {:.1} MB ({} works)",
        dir_size(dir) as f64 / 1e6,
        index.num_works()
    );
    (index, specs)
}

/// Loads the same works into SQLite, timed as a SQL archive's import would be.
fn load_sql(
    specs: &[Spec],
    with_text: bool,
    body_words: usize,
    path: &std::path::Path,
) -> SqlArchive {
    let vocab = vocabulary();
    let text_zipf = Zipf::new(VOCABULARY, 1.05);
    let _ = body_words;
    let t = Instant::now();
    let mut db = SqlArchive::create(path, with_text).expect("sqlite");
    for (i, s) in specs.iter().enumerate() {
        let doc = index_doc(i as u64 + 1, s, &vocab, with_text.then_some(&text_zipf));
        db.add(&doc).expect("sql insert");
    }
    let loaded = t.elapsed();
    db.finish().expect("sql indexes");
    let size: u64 = ["", "-wal"]
        .iter()
        .filter_map(|suffix| {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            std::fs::metadata(p).ok().map(|m| m.len())
        })
        .sum();
    println!(
        "  SQL baseline: loaded {} works into SQLite in {:.1} s, indexes + ANALYZE {:.1} s ({:.0} works/s overall); database {:.1} MB",
        specs.len(),
        loaded.as_secs_f64(),
        (t.elapsed() - loaded).as_secs_f64(),
        specs.len() as f64 / t.elapsed().as_secs_f64(),
        size as f64 / 1e6
    );
    db
}

/// The SQL form of a listing query (tags, word range; kudos sort, page 1 and facets implied).
fn sql_filter(q: &WorkQuery) -> SqlFilter {
    let words = q.words.unwrap_or_default();
    SqlFilter {
        include: q.include.clone(),
        exclude: q.exclude.clone(),
        words: (words.min.unwrap_or(0), words.max.unwrap_or(i64::MAX as u64)),
    }
}

/// Times the SQL form of each listing query and counts answers that differ from the index's.
fn time_sql_filters(
    db: &mut SqlArchive,
    index: &SearchIndex,
    queries: &[WorkQuery],
) -> (Samples, usize) {
    let tax = TAXONOMY.get_or_init(taxonomy);
    let mut samples = Samples::default();
    let mut answers: Vec<SqlAnswer> = Vec::with_capacity(queries.len());
    for q in queries {
        let f = sql_filter(q);
        let a = samples.time(|| db.filter(&f, tax).expect("sql filter"));
        answers.push(a);
    }
    let mismatches = queries
        .iter()
        .zip(&answers)
        .filter(|(q, a)| {
            let r = index.search(q, tax).expect("search");
            let differs =
                r.total != a.total || r.ids != a.ids || (a.total > 0 && a.facet_rows == 0);
            if differs && std::env::var_os("FICSEARCH_VERBOSE").is_some() {
                eprintln!(
                    "differs: {:?} tantivy {} {:?} sql {} {:?}",
                    q.include, r.total, r.ids, a.total, a.ids
                );
            }
            differs
        })
        .count();
    (samples, mismatches)
}

/// The headline filter query: 3 include tags (a fandom, one of its popular characters and a
/// popular freeform), 10 excludes, a word-count range, facets, sort by kudos.
fn filter_query(rng: &mut ChaCha8Rng, specs: &[Spec]) -> WorkQuery {
    let s = &specs[rng.random_range(0..specs.len())];
    let f = s.fandoms[0] as usize;
    let include = vec![
        if rng.random_bool(0.3) && f < 300 {
            format!("F{f}")
        } else {
            fandom(f)
        },
        character(f, rng.random_range(0..3)),
        freeform(rng.random_range(0..40)),
    ];
    let exclude = (0..10)
        .map(|i| match i {
            0 => WARNINGS[3].to_string(),
            1 => WARNINGS[4].to_string(),
            _ => freeform(rng.random_range(40..400)),
        })
        .collect();
    WorkQuery {
        include,
        exclude,
        words: Some(NumRange {
            min: Some(1_000),
            max: Some(100_000),
        }),
        sort: Some(SortField::Kudos),
        facets: true,
        ..WorkQuery::default()
    }
}

fn time_queries(index: &SearchIndex, queries: &[WorkQuery]) -> (Samples, u64) {
    let tax = TAXONOMY.get_or_init(taxonomy);
    let mut samples = Samples::default();
    let mut total_hits = 0;
    for q in queries {
        let r = samples.time(|| index.search(q, tax).expect("search"));
        total_hits += r.total;
    }
    (samples, total_hits)
}

fn main() {
    // `cargo bench` passes "--bench"; `cargo test --benches` runs a debug build without it, and
    // gets small sizes (env vars still win).
    let quick = cfg!(debug_assertions) || std::env::args().all(|a| a != "--bench");
    let works = env_usize("FICSEARCH_WORKS", if quick { 2_000 } else { 1_000_000 });
    let text_works = env_usize("FICSEARCH_TEXT_WORKS", if quick { 500 } else { 100_000 });
    let body_words = env_usize("FICSEARCH_BODY_WORDS", 1_000);
    let n_queries = env_usize("FICSEARCH_QUERIES", if quick { 20 } else { 400 });
    let n_sql = env_usize("FICSEARCH_SQL_QUERIES", n_queries).min(n_queries);
    let tmp = tempfile::tempdir().expect("tempdir");

    println!("== metadata-only corpus: {works} works");
    let (index, specs) = build(works, 7, false, 0, &tmp.path().join("meta"));
    let mut rng = ChaCha8Rng::seed_from_u64(99);
    let queries: Vec<WorkQuery> = (0..n_queries)
        .map(|_| filter_query(&mut rng, &specs))
        .collect();
    let _ = time_queries(&index, &queries[..queries.len().min(20)]);
    let (samples, hits) = time_queries(&index, &queries);
    println!(
        "  filter query (3 include, 10 exclude, words 1000-100000, facets, sort kudos): {}; mean {} results",
        samples.report(),
        hits / queries.len().max(1) as u64
    );
    let filter_samples = samples;
    let single: Vec<WorkQuery> = queries
        .iter()
        .map(|q| WorkQuery {
            include: q.include[..1].to_vec(),
            exclude: Vec::new(),
            words: None,
            ..q.clone()
        })
        .collect();
    let (samples, hits) = time_queries(&index, &single);
    println!(
        "  fandom listing (1 include tag, facets, sort kudos): {}; mean {} results",
        samples.report(),
        hits / single.len().max(1) as u64
    );
    let single_samples = samples;
    let tax = TAXONOMY.get_or_init(taxonomy);
    let everything: Vec<WorkQuery> = (1..=n_queries.min(50) as u32)
        .map(|page| WorkQuery {
            page,
            ..WorkQuery::default()
        })
        .collect();
    // The first unfiltered query after a commit counts the whole-archive facets (then cached
    // for that searcher generation), and the first autocomplete builds the tag table from them.
    let mut first = Samples::default();
    first.time(|| index.search(&everything[0], tax).expect("search"));
    first.time(|| index.suggest_tags("x", None, 10, tax).expect("suggest"));
    println!(
        "  first whole-archive query after the commit (counts every facet once) {:.1} ms wall, {:.1} ms on CPU; first autocomplete (builds the tag table) {:.1} ms wall, {:.1} ms on CPU",
        first.wall[0].as_secs_f64() * 1e3,
        first.cpu[0].as_secs_f64() * 1e3,
        first.wall[1].as_secs_f64() * 1e3,
        first.cpu[1].as_secs_f64() * 1e3,
    );
    let (samples, _) = time_queries(&index, &everything);
    println!(
        "  whole archive (no filter, facets, sort updated): {}",
        samples.report()
    );
    let no_facets: Vec<WorkQuery> = everything
        .iter()
        .map(|q| WorkQuery {
            facets: false,
            ..q.clone()
        })
        .collect();
    let (samples, _) = time_queries(&index, &no_facets);
    println!("  whole archive without facets: {}", samples.report());
    let mut suggest = Samples::default();
    for p in ["tag 1", "char", "fandom 4", "tag1", "f1"] {
        for _ in 0..5 {
            let _ = suggest.time(|| index.suggest_tags(p, None, 10, tax).expect("suggest"));
        }
    }
    println!("  tag autocomplete: {}", suggest.report());
    // FICSEARCH_SQL_QUERIES=0 skips the SQL baseline (and its load) altogether.
    if n_sql > 0 {
        let mut db = load_sql(&specs, false, 0, &tmp.path().join("meta.sqlite"));
        let _ = time_sql_filters(&mut db, &index, &queries[..n_sql.min(10)]);
        let (sql_samples, mismatches) = time_sql_filters(&mut db, &index, &queries[..n_sql]);
        compare("filter query", &filter_samples, &sql_samples, mismatches);
        let (sql_samples, mismatches) = time_sql_filters(&mut db, &index, &single[..n_sql]);
        compare("fandom listing", &single_samples, &sql_samples, mismatches);
    }
    drop(index);
    drop(specs);

    println!("== full-text corpus: {text_works} works, bodies up to {body_words} words");
    let (index, specs) = build(text_works, 11, true, body_words, &tmp.path().join("text"));
    let db =
        (n_sql > 0).then(|| load_sql(&specs, true, body_words, &tmp.path().join("text.sqlite")));
    drop(specs);
    let vocab = vocabulary();
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    // Each query in the index's inline syntax and as an FTS5 MATCH (terms quoted so FTS5 reads
    // no operator into a pseudo-word).
    let (text_queries, sql_text): (Vec<WorkQuery>, Vec<SqlText>) = (0..n_queries)
        .map(|i| {
            // Mid-frequency words (ranks 50..2000), as a reader's distinctive words would be.
            let w = |rng: &mut ChaCha8Rng| vocab[rng.random_range(50..2_000)].clone();
            let (q, fts, min_words, sort_kudos) = match i % 4 {
                0 => {
                    let (a, b) = (w(&mut rng), w(&mut rng));
                    (format!("{a} {b}"), format!("\"{a}\" \"{b}\""), None, false)
                }
                1 => {
                    let a = &vocab[rng.random_range(0..30)];
                    let b = &vocab[rng.random_range(0..30)];
                    (format!("\"{a} {b}\""), format!("\"{a} {b}\""), None, false)
                }
                2 => {
                    let (a, b) = (w(&mut rng), w(&mut rng));
                    (
                        format!("text:{a} -{b}"),
                        format!("body : \"{a}\" NOT \"{b}\""),
                        None,
                        false,
                    )
                }
                _ => {
                    let a = w(&mut rng);
                    (
                        format!("{a} words>5000 sort:kudos"),
                        format!("\"{a}\""),
                        Some(5_001),
                        true,
                    )
                }
            };
            (
                WorkQuery {
                    q,
                    facets: true,
                    ..WorkQuery::default()
                },
                SqlText {
                    fts,
                    min_words,
                    sort_kudos,
                },
            )
        })
        .unzip();
    let _ = time_queries(&index, &text_queries[..text_queries.len().min(20)]);
    let (samples, hits) = time_queries(&index, &text_queries);
    println!(
        "  free-text queries (terms, phrases, field+negation, text+filter; facets): {}; mean {} results",
        samples.report(),
        hits / text_queries.len().max(1) as u64
    );
    let Some(mut db) = db else {
        return;
    };
    let tax = TAXONOMY.get_or_init(taxonomy);
    for t in sql_text.iter().take(10) {
        let _ = db.text(t).expect("sql text");
    }
    let mut sql_samples = Samples::default();
    let mut sql_totals = Vec::with_capacity(n_sql);
    for t in &sql_text[..n_sql] {
        let a = sql_samples.time(|| db.text(t).expect("sql text"));
        sql_totals.push(a.total);
    }
    // Best-match order differs between bm25 implementations, so only totals are compared.
    let mismatches = text_queries[..n_sql]
        .iter()
        .zip(&sql_text)
        .zip(&sql_totals)
        .filter(|((q, t), total)| {
            let r = index.search(q, tax).expect("search");
            let differs = r.total != **total;
            if differs && std::env::var_os("FICSEARCH_VERBOSE").is_some() {
                eprintln!(
                    "differs: {:?} tantivy {} sql {} ({})",
                    q.q, r.total, total, t.fts
                );
            }
            differs
        })
        .count();
    compare("free-text queries", &samples, &sql_samples, mismatches);
}
