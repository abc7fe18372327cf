//! Import throughput per rich format (MB/s): generated works written through ficarchive's own
//! writers (EPUB, AO3-layout HTML, JSON, TXT) and as Markdown, then read back through `read`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ficarchive_formats::{ExportFormat, Limits, read, write};
use ficarchive_model::{Chapter, Note, Paragraph, Scene, SceneBreak, TagKind, Work};

const WORKS: usize = 40;

/// A deterministic pseudo-random work of a few chapters (xorshift; no dependency needed).
fn generated_work(seed: u64) -> Work {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    const WORDS: [&str; 24] = [
        "the", "keeper", "lamp", "storm", "said", "quietly", "and", "she", "he", "light",
        "harbour", "winter", "log", "wrote", "sea", "gull", "bread", "door", "never", "again",
        "morning", "dark", "hill", "oil",
    ];
    let mut sentence = |n: usize| {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(WORDS[(next() % WORDS.len() as u64) as usize]);
        }
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str() + ".")
            .unwrap_or_default()
    };
    let mut w = Work {
        title: Some(format!("Generated Work {seed}")),
        authors: vec![format!("author{seed}")],
        summary: Some(sentence(30)),
        notes: vec![Note::new(sentence(20))],
        ..Work::default()
    };
    w.tags.add(TagKind::Rating, "Teen And Up Audiences");
    w.tags.add(TagKind::Fandom, "Original Work");
    w.tags.add(TagKind::Freeform, "Slow Burn");
    for ch in 1..=5u32 {
        let mut scenes = Vec::new();
        for s in 0..3 {
            let paragraphs: Vec<Paragraph> = (0..20)
                .map(|i| {
                    let text = sentence(40 + i % 30);
                    if i % 4 == 0 {
                        let html = format!("<p><em>{text}</em></p>");
                        Paragraph {
                            text,
                            html: Some(html),
                            span: None,
                        }
                    } else {
                        Paragraph::plain(text)
                    }
                })
                .collect();
            let kind = if s == 0 {
                SceneBreak::Start
            } else {
                SceneBreak::Explicit
            };
            scenes.push(Scene::new(kind, None, paragraphs));
        }
        let mut chapter = Chapter::from_paragraphs(ch, Some(format!("Part {ch}")), Vec::new());
        chapter.scenes = scenes;
        chapter.notes_after.push(Note::new(sentence(12)));
        w.chapters.push(chapter);
    }
    w
}

fn markdown(work: &Work) -> String {
    let mut out = format!(
        "---\ntitle: {}\nauthor: {}\n---\n\n",
        work.display_title(),
        work.authors.join(", ")
    );
    for c in &work.chapters {
        out.push_str(&format!("## {}\n\n", c.display_title()));
        for (i, s) in c.scenes.iter().enumerate() {
            if i > 0 {
                out.push_str("* * *\n\n");
            }
            for p in &s.paragraphs {
                out.push_str(&p.text);
                out.push_str("\n\n");
            }
        }
    }
    out
}

fn rich_import(c: &mut Criterion) {
    let works: Vec<Work> = (1..=WORKS as u64).map(generated_work).collect();
    let mut group = c.benchmark_group("rich_import");
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_millis(500));
    let mut inputs: Vec<(&str, &str, Vec<Vec<u8>>)> = Vec::new();
    for (name, format) in [
        ("epub", ExportFormat::Epub),
        ("ao3_html", ExportFormat::Html),
        ("json", ExportFormat::Json),
        ("txt", ExportFormat::Txt),
    ] {
        let files = works
            .iter()
            .map(|w| write(w, format).expect("generated works always write"))
            .collect();
        inputs.push((name, format.extension(), files));
    }
    inputs.push((
        "markdown",
        "md",
        works.iter().map(|w| markdown(w).into_bytes()).collect(),
    ));
    let limits = Limits::default();
    for (name, ext, files) in &inputs {
        let bytes: usize = files.iter().map(Vec::len).sum();
        eprintln!("{name}: {WORKS} works, {:.2} MB", bytes as f64 / 1e6);
        let file_name = format!("work.{ext}");
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::new(*name, WORKS), files, |b, files| {
            b.iter(|| {
                files
                    .iter()
                    .filter_map(|f| read(f, Some(&file_name), &limits).ok())
                    .map(|r| r.work.chapters.len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, rich_import);
criterion_main!(benches);
