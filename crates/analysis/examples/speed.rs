//! Words per second of the whole analysis, per core:
//! `cargo run --release -p ficarchive-analysis --example speed [SHARED_DIR]`.
//!
//! Texts: the seeds and LitBank texts concatenated (repeated up to 1M words), a generated novel
//! (the bench's generator) at 10k, 100k, 500k and 1M words, and the bad inputs of issue 4 (one
//! 10 MB paragraph, unbalanced quotes, nothing but dialogue, dash dialogue, non-English, thousands of
//! distinct names). For each it prints the
//! wall-clock rate and the rate per CPU second of this thread (from /proc/thread-self/schedstat),
//! which stays meaningful when other jobs share the machine.
//!
//! Memory: for each text the example prints the text's size, the memory of the work model built
//! from it (paragraphs with their spans: a text of one-line paragraphs costs several times its
//! size before any analysis), and the peak resident memory one analysis adds on top of the work
//! it was given (its working set plus its result), from Linux's
//! peak-RSS mark, reset before the call. Memory the allocator kept from an earlier text can hide
//! part of a later one's peak, so measure one text per process: `--only LABEL` runs the texts
//! whose label contains LABEL.
//!
//! `--digest` adds a column with a hash of each text's analysis JSON, for checking that a speed or
//! memory change leaves the output of the stress texts unchanged.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// A field of /proc/self/status in bytes ("VmRSS", "VmHWM"), when Linux tells.
fn status_bytes(field: &str) -> Option<usize> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Runs `f` and returns its result with the peak resident memory it added: the peak-RSS mark
/// is reset first (writing 5 to /proc/self/clear_refs), so the figure is this call's own peak.
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, Option<usize>) {
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let base = status_bytes("VmRSS");
    let out = f();
    let peak = status_bytes("VmHWM");
    let added = match (reset, base, peak) {
        (true, Some(b), Some(p)) => Some(p.saturating_sub(b)),
        _ => None,
    };
    (out, added)
}

fn mb(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / 1e6)
}

use ficarchive_analysis::{analyze, plain::work_from_lines};

/// Nanoseconds this thread has spent on a CPU, when Linux tells.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

#[path = "../benches/support/novel.rs"]
mod novel;
use novel::generated;

/// Seeds and LitBank texts (LitBank detokenised crudely: one sentence a line is fine here).
fn real_texts(shared: &Path) -> String {
    let mut out = String::new();
    for dir in [
        shared.join("seeds"),
        shared.join("eval/litbank/quotations/tsv"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            out.push_str(&std::fs::read_to_string(p).unwrap_or_default());
            out.push('\n');
        }
    }
    out
}

/// Repeats `text` until it has at least `words` words, cutting at a line.
fn repeat_to(text: &str, words: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    'outer: loop {
        for line in text.split_inclusive('\n') {
            out.push_str(line);
            count += ficarchive_model::count_words(line);
            if count >= words {
                break 'outer;
            }
        }
        if text.is_empty() {
            break;
        }
    }
    out
}

fn measure(label: &str, text: &str) {
    if std::env::args()
        .skip_while(|a| a != "--only")
        .nth(1)
        .is_some_and(|only| !label.contains(&only))
    {
        return;
    }
    let (work, work_peak) = peak_of(|| work_from_lines(text));
    let words = work.words();
    // enough repetitions for about a second of work
    let reps = (2_000_000 / words.max(1)).clamp(1, 50);
    let (result, peak) = peak_of(|| analyze(&work));
    let digest = std::env::args()
        .any(|a| a == "--digest")
        .then(|| digest_of(&result));
    drop(black_box(result));
    let (cpu0, t0) = (thread_cpu_ns(), Instant::now());
    for _ in 0..reps {
        black_box(analyze(black_box(&work)));
    }
    let wall = t0.elapsed().as_secs_f64();
    let cpu = match (cpu0, thread_cpu_ns()) {
        (Some(a), Some(b)) => Some((b - a) as f64 / 1e9),
        _ => None,
    };
    let total = (words * reps) as f64;
    let cpu_rate = cpu.map_or("n/a".to_string(), |c| format!("{:>10.0}", total / c));
    println!(
        "| {label:<34} | {words:>9} | {:>10.0} | {cpu_rate} | {} | {} | {} |",
        total / wall,
        mb(text.len()),
        work_peak.map_or("n/a".into(), mb),
        peak.map_or("n/a".into(), mb)
    );
    if let Some(d) = digest {
        println!("|   digest {d:016x} |");
    }
}

/// A hash of the analysis JSON (FNV-1a: stable across runs and builds, unlike std's hasher).
fn digest_of(result: &ficarchive_analysis::Analysis) -> u64 {
    let json = serde_json::to_vec(result).expect("an analysis serialises");
    json.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn main() {
    let shared = std::env::args()
        .nth(1)
        .filter(|a| !a.starts_with("--"))
        .map_or_else(
            || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")),
            PathBuf::from,
        );
    println!(
        "| text | words | words/s (wall) | words/s (CPU of the thread) | text MB | work MB | analysis peak MB |"
    );
    println!("|---|---|---|---|---|---|---|");
    let real = real_texts(&shared);
    if real.is_empty() {
        println!(
            "SKIP real texts: no seeds or LitBank under {}",
            shared.display()
        );
    } else {
        for n in [10_000, 100_000, 1_000_000] {
            measure(&format!("seeds+LitBank {n}"), &repeat_to(&real, n));
        }
    }
    for n in [10_000, 100_000, 500_000, 1_000_000] {
        measure(&format!("generated novel {n}"), &generated(n));
    }
    let para = "Anna said, \"Hello there, Marcus, how are you?\" and he smiled. ";
    measure("one 10 MB paragraph", &ten_mb(para));
    let open = "\"Where is it? she asked. He did not answer at all.\n";
    measure("unbalanced quotes 10 MB", &ten_mb(open));
    let talk = "\"Yes, Anna.\"\n\"No, Marcus.\"\n";
    measure("nothing but dialogue 10 MB", &ten_mb(talk));
    let dashed = "— Come up, Kinch! Anna said. — No, — he said, — not today, Anna.\n";
    measure("dash dialogue 10 MB", &ten_mb(dashed));
    let dashed_para = "— Come up, Kinch! Anna said. — No, — he said, — not today, Anna. ";
    measure(
        "one 10 MB dash paragraph",
        &format!("— {}", ten_mb(dashed_para)),
    );
    let foreign =
        "Der Wind wehte über die Hügel. Он сказал: «Привет». 彼は言った「こんにちは」。\n";
    measure("non-English 10 MB", &ten_mb(foreign));
    let plain = "The wind blew over the hills and nobody came to the house by the river.\n";
    measure("no quotes 10 MB", &ten_mb(plain));
    for n in [5_000, 50_000] {
        measure(&format!("{n} distinct names"), &crowd_of_names(n));
    }
}

/// A text of `n` people with distinct surnames, each named in full, by surname and in a tag: the
/// steps that compare names with characters must stay linear when characters run to thousands.
fn crowd_of_names(n: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "ra", "ten", "dor", "vel", "quin", "sar", "bel", "tor", "nim", "pes",
        "gal", "rud", "fen",
    ];
    const GIVEN: [&str; 6] = ["John", "Mary", "Anna", "Peter", "Margaret", "Thomas"];
    let mut text = String::new();
    for i in 0..n {
        let mut surname: String = (0..4).map(|d| SYLLABLES[(i >> (4 * d)) & 15]).collect();
        surname[..1].make_ascii_uppercase();
        let given = GIVEN[i % GIVEN.len()];
        text.push_str(&format!(
            "{given} {surname} walked into the room and sat down. \"Hello,\" said {surname}. \
             {given} {surname} smiled, and {surname} nodded.\n\n"
        ));
    }
    text
}

/// `unit` repeated to about 10 MB: the bad-input texts.
fn ten_mb(unit: &str) -> String {
    unit.repeat(10_000_000 / unit.len())
}
