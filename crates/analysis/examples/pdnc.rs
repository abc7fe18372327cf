//! Quotation speaker attribution on full novels of the Project Dialogism Novel Corpus (PDNC,
//! github.com/Priya22/project-dialogism-novel-corpus), a check nobody tunes on:
//! `cargo run --release -p ficarchive-analysis --example pdnc -- /work/pdnc`.
//!
//! The directory holds one folder per novel with PDNC's `novel_text.txt`, `quotation_info.csv` and
//! `character_info.csv`, copied unchanged (they are not in this repository: the annotations carry no
//! licence). Each text is read as `ficarchive import` reads a plain-text file (paragraphs are blocks
//! between blank lines, line breaks read as spaces, chapter headings recognised), so every
//! paragraph keeps its byte span in the file and every quotation found keeps its span too.
//!
//! Scoring. PDNC's `quoteByteSpans` are *character* offsets into `novel_text.txt`; ours are bytes,
//! converted with a byte-to-character table. A gold quotation is found when one of our quotations
//! overlaps its first sub-quotation (the largest overlap wins). Our speaker is mapped to a PDNC
//! character by names: our speaker's name and its character's aliases against each PDNC
//! character's main name and aliases, case-insensitive. A PDNC character matched by our speaker's
//! own name wins; otherwise the one matched by the most of our aliases; a tie between PDNC
//! characters is ambiguous and the speaker counts as mapping to none (so the quotation is wrong).
//! A found quotation is right when its speaker maps to the gold speaker; one with no speaker is
//! wrong. Nothing here feeds back into the engine: it is a measurement only.
//!
//! With `PDNC_VERBOSE=1` it also prints how each of our speakers maps and the commonest pairs of
//! gold speaker and our speaker, to check the matching.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use ficarchive_analysis::Analysis;

/// Quotation types PDNC annotates, in the order printed.
const TYPES: [&str; 3] = ["Explicit", "Anaphoric", "Implicit"];

/// One gold quotation: its first sub-quotation in characters, its speaker and its type.
struct Gold {
    span: (usize, usize),
    speaker: String,
    kind: String,
}

/// A PDNC character: its main name and aliases, lower-cased.
struct GoldCharacter {
    main: String,
    names: Vec<String>,
}

/// Counts for one novel or for the total.
#[derive(Default)]
struct Tally {
    gold: usize,
    found: usize,
    /// Found quotations whose speaker maps to a PDNC character.
    mapped: usize,
    correct: usize,
    /// Per quotation type: gold, found, correct.
    by_type: BTreeMap<String, [usize; 3]>,
    /// Distinct speaker names among our quotations, and how many map to no PDNC character.
    speakers: usize,
    unmapped_speakers: usize,
    ambiguous_speakers: usize,
    /// Found quotations given a speaker that maps to no PDNC character.
    unmapped_found: usize,
    /// Our quotations, and how many have a span that reads back their text.
    ours: usize,
    spans_ok: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.gold += o.gold;
        self.found += o.found;
        self.mapped += o.mapped;
        self.correct += o.correct;
        for (k, v) in &o.by_type {
            let e = self.by_type.entry(k.clone()).or_default();
            for i in 0..3 {
                e[i] += v[i];
            }
        }
        self.speakers += o.speakers;
        self.unmapped_speakers += o.unmapped_speakers;
        self.ambiguous_speakers += o.ambiguous_speakers;
        self.unmapped_found += o.unmapped_found;
        self.ours += o.ours;
        self.spans_ok += o.spans_ok;
    }

    fn print(&self, name: &str) {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                "  -  ".to_string()
            } else {
                format!("{:5.1}%", 100.0 * a as f64 / b as f64)
            }
        };
        println!("{name}");
        println!(
            "  gold quotations {:5}   found {:5} ({} recall)",
            self.gold,
            self.found,
            pct(self.found, self.gold)
        );
        println!(
            "  speaker right   {:5}   {} of found   {} end to end   {} where our speaker maps ({} found quotations map)",
            self.correct,
            pct(self.correct, self.found),
            pct(self.correct, self.gold),
            pct(self.correct, self.mapped),
            self.mapped
        );
        for t in TYPES {
            let [g, f, c] = self.by_type.get(t).copied().unwrap_or_default();
            println!(
                "  {t:<9} gold {g:5}   found {f:5} ({})   right {c:5}   {} of found   {} end to end",
                pct(f, g),
                pct(c, f),
                pct(c, g)
            );
        }
        println!(
            "  our speakers    {:5}   mapping to no PDNC character {} ({} of them ambiguous); found quotations so spoken {}",
            self.speakers, self.unmapped_speakers, self.ambiguous_speakers, self.unmapped_found
        );
        println!(
            "  our quotations  {:5}   spans reading back their text {}",
            self.ours, self.spans_ok
        );
    }
}

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!(
            "usage: pdnc DIR   (DIR holds one folder per PDNC novel with novel_text.txt, quotation_info.csv, character_info.csv)"
        );
        std::process::exit(2);
    };
    match run(&dir) {
        Ok(()) => {}
        Err(e) => {
            eprintln!("pdnc: {e}");
            std::process::exit(1);
        }
    }
}

fn run(dir: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut novels: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    novels.sort();
    let mut total = Tally::default();
    let mut done = 0;
    for novel in &novels {
        let name = novel
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let missing: Vec<&str> = ["novel_text.txt", "quotation_info.csv", "character_info.csv"]
            .into_iter()
            .filter(|f| !novel.join(f).is_file())
            .collect();
        if !missing.is_empty() {
            eprintln!("skipping {name}: missing {}", missing.join(", "));
            continue;
        }
        match evaluate(novel) {
            Ok(t) => {
                t.print(&name);
                total.add(&t);
                done += 1;
            }
            Err(e) => eprintln!("skipping {name}: {e}"),
        }
    }
    if done == 0 {
        return Err(format!(
            "no novel evaluated in {}: each novel needs a folder with novel_text.txt, quotation_info.csv and character_info.csv",
            dir.display()
        ));
    }
    total.print(&format!("TOTAL ({done} novels)"));
    Ok(())
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn evaluate(dir: &Path) -> Result<Tally, String> {
    let verbose = std::env::var_os("PDNC_VERBOSE").is_some();
    let text = read(&dir.join("novel_text.txt"))?;
    let gold = read_quotations(&read(&dir.join("quotation_info.csv"))?)?;
    let characters = read_characters(&read(&dir.join("character_info.csv"))?)?;
    let work =
        ficarchive_formats::text::read_text(&text).map_err(|e| format!("novel_text.txt: {e}"))?;
    let analysis = ficarchive_analysis::analyze(&work);

    // byte offset -> character offset (a byte inside a character maps to that character)
    let mut char_at = vec![0usize; text.len() + 1];
    let mut n = 0;
    for (b, c) in text.char_indices() {
        for slot in &mut char_at[b..b + c.len_utf8()] {
            *slot = n;
        }
        n += 1;
    }
    char_at[text.len()] = n;

    let mut t = Tally::default();
    // our quotations as character ranges, with their speakers
    let mut ours: Vec<((usize, usize), Option<&str>)> = Vec::new();
    for q in &analysis.quotes {
        t.ours += 1;
        let Some(span) = q.span else { continue };
        if span.end > text.len() {
            continue;
        }
        if text
            .get(span.start..span.end)
            .map(|s| s.replace(['\n', '\r'], " "))
            .as_deref()
            == Some(q.text)
        {
            t.spans_ok += 1;
        }
        ours.push(((char_at[span.start], char_at[span.end]), q.speaker));
    }

    // our speaker name -> PDNC character index (None: maps to none)
    let mut mapping: HashMap<&str, Option<usize>> = HashMap::new();
    for (_, s) in &ours {
        if let Some(s) = s
            && !mapping.contains_key(s)
        {
            let (m, ambiguous) = map_speaker(s, &analysis, &characters);
            t.speakers += 1;
            if m.is_none() {
                t.unmapped_speakers += 1;
                t.ambiguous_speakers += usize::from(ambiguous);
            }
            if verbose {
                let to = m.map_or(if ambiguous { "(ambiguous)" } else { "(none)" }, |i| {
                    characters[i].main.as_str()
                });
                println!("  speaker {s:?} -> {to}");
            }
            mapping.insert(s, m);
        }
    }
    // the gold speaker is a main name; an alias is accepted when no main name matches
    let gold_of = |speaker: &str| {
        let s = speaker.trim().to_lowercase();
        (characters.iter().position(|c| c.main == s))
            .or_else(|| characters.iter().position(|c| c.names.contains(&s)))
    };

    let mut confusions: HashMap<(String, String), usize> = HashMap::new();
    for g in &gold {
        t.gold += 1;
        let counts = t.by_type.entry(g.kind.clone()).or_default();
        counts[0] += 1;
        let best = ours
            .iter()
            .filter_map(|&((s, e), sp)| {
                let overlap = e.min(g.span.1).saturating_sub(s.max(g.span.0));
                (overlap > 0).then_some((overlap, sp))
            })
            .max_by_key(|&(o, _)| o);
        let Some((_, speaker)) = best else { continue };
        t.found += 1;
        counts[1] += 1;
        if verbose {
            *confusions
                .entry((g.speaker.clone(), speaker.unwrap_or("(none)").to_string()))
                .or_insert(0) += 1;
        }
        let Some(speaker) = speaker else { continue };
        let Some(m) = mapping.get(speaker).copied().flatten() else {
            t.unmapped_found += 1;
            continue;
        };
        t.mapped += 1;
        if gold_of(&g.speaker) == Some(m) {
            t.correct += 1;
            counts[2] += 1;
        }
    }
    if verbose {
        let mut pairs: Vec<_> = confusions.into_iter().collect();
        pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for ((gold_speaker, ours), n) in pairs.iter().take(25) {
            println!("  gold {gold_speaker:?} / ours {ours:?}: {n}");
        }
    }
    Ok(t)
}

/// Maps one of our speakers to a PDNC character; the flag says the names were ambiguous.
fn map_speaker(name: &str, analysis: &Analysis, gold: &[GoldCharacter]) -> (Option<usize>, bool) {
    let own = name.trim().to_lowercase();
    let aliases: Vec<String> = analysis
        .characters
        .iter()
        .find(|c| c.name == name)
        .map(|c| c.aliases.iter().map(|a| a.trim().to_lowercase()).collect())
        .unwrap_or_default();
    let by_own: Vec<usize> = (0..gold.len())
        .filter(|&i| gold[i].names.contains(&own))
        .collect();
    match by_own.as_slice() {
        [i] => return (Some(*i), false),
        [_, _, ..] => return (None, true),
        [] => {}
    }
    let scores: Vec<(usize, usize)> = (0..gold.len())
        .map(|i| {
            (
                i,
                aliases.iter().filter(|a| gold[i].names.contains(a)).count(),
            )
        })
        .filter(|&(_, n)| n > 0)
        .collect();
    let Some(best) = scores.iter().map(|&(_, n)| n).max() else {
        return (None, false);
    };
    let top: Vec<usize> = scores
        .iter()
        .filter(|&&(_, n)| n == best)
        .map(|&(i, _)| i)
        .collect();
    match top.as_slice() {
        [i] => (Some(*i), false),
        _ => (None, true),
    }
}

/// Reads `quotation_info.csv`: quoteByteSpans, speaker and quoteType of each row.
fn read_quotations(csv: &str) -> Result<Vec<Gold>, String> {
    let rows = parse_csv(csv);
    let header = rows.first().ok_or("quotation_info.csv is empty")?;
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .ok_or(format!("quotation_info.csv has no {name} column"))
    };
    let (spans, speaker, kind) = (col("quoteByteSpans")?, col("speaker")?, col("quoteType")?);
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(1) {
        let field = |c: usize| {
            row.get(c).ok_or(format!(
                "quotation_info.csv row {i} has {} fields",
                row.len()
            ))
        };
        let numbers: Vec<usize> = field(spans)?
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .filter_map(|s| s.parse().ok())
            .collect();
        let [s, e, ..] = numbers[..] else {
            return Err(format!(
                "quotation_info.csv row {i}: no span in {:?}",
                field(spans)?
            ));
        };
        out.push(Gold {
            span: (s, e),
            speaker: field(speaker)?.clone(),
            kind: field(kind)?.clone(),
        });
    }
    Ok(out)
}

/// Reads `character_info.csv`: each character's main name and its aliases (a Python set literal).
fn read_characters(csv: &str) -> Result<Vec<GoldCharacter>, String> {
    let rows = parse_csv(csv);
    let header = rows.first().ok_or("character_info.csv is empty")?;
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .ok_or(format!("character_info.csv has no {name} column"))
    };
    let (main, aliases) = (col("Main Name")?, col("Aliases")?);
    Ok(rows
        .iter()
        .skip(1)
        .filter_map(|row| {
            let main = row.get(main)?.trim().to_lowercase();
            let mut names = python_strings(row.get(aliases).map_or("", |s| s.as_str()));
            names.iter_mut().for_each(|n| *n = n.trim().to_lowercase());
            names.push(main.clone());
            Some(GoldCharacter { main, names })
        })
        .collect())
}

/// The string literals of a Python literal such as `{'Miss Miller', "Winterbourne's Friend"}`.
fn python_strings(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\'' && c != '"' {
            continue;
        }
        let mut item = String::new();
        while let Some(d) = chars.next() {
            match d {
                '\\' => item.extend(chars.next()),
                d if d == c => break,
                d => item.push(d),
            }
        }
        out.push(item);
    }
    out
}

/// A small CSV reader: fields in double quotes may hold commas, line breaks and doubled quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}
