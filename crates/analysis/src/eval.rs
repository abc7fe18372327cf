//! Evaluation against the hand-annotated seeds (`expected.json`) and LitBank.
//!
//! Seeds: paragraphs are the non-empty lines of each file numbered from 1; predicted spans are
//! mapped back to those numbers. LitBank: measured on **rejoined text** — the tokenised sentences
//! of `quotations/tsv/*_brat.txt` are detokenised into running text (punctuation attached, quote
//! marks paired) and cut into paragraphs where the printed book has them (`data/
//! litbank_paragraphs.tsv`, derived from LitBank's `original/` texts; a printed chapter heading
//! starts a chapter), or, for the three documents without an original, where dialogue turns
//! begin; gold offsets are mapped onto the rejoined text token by token. A predicted
//! speaker is right when one of its character's names equals a proper-name mention of the gold
//! speaker's coreference chain.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use ficarchive_model::{Chapter, Paragraph, Span, Work};

use crate::characters::name_key;
use crate::lexicon::{is_number_word, is_speech_verb};
use crate::{Analysis, analyze, plain};

/// Counts behind one precision/recall style score.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Ratio {
    /// Successes.
    pub hit: usize,
    /// Trials.
    pub total: usize,
}

impl Ratio {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.hit += usize::from(ok);
    }

    /// The ratio, or None when there were no trials.
    pub fn value(&self) -> Option<f64> {
        (self.total > 0).then(|| self.hit as f64 / self.total as f64)
    }
}

/// B-cubed over quotations grouped by speaker (BookNLP's speaker figure is this score): for each
/// quotation, the share of the quotations given its predicted speaker that have its gold speaker
/// (precision) and the share of its gold speaker's quotations given its predicted one (recall).
/// A quotation without a predicted speaker is a group of its own.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct BCubed {
    precision_sum: f64,
    recall_sum: f64,
    quotations: usize,
}

impl BCubed {
    /// Adds one document's quotations: (predicted speaker, gold speaker) each.
    fn add_document<P: PartialEq, G: PartialEq>(&mut self, items: &[(Option<P>, G)]) {
        for (i, (pred, gold)) in items.iter().enumerate() {
            let same_pred = |j: usize| j == i || (pred.is_some() && items[j].0 == *pred);
            let predicted = (0..items.len()).filter(|&j| same_pred(j)).count();
            let annotated = items.iter().filter(|x| x.1 == *gold).count();
            let both = (0..items.len())
                .filter(|&j| same_pred(j) && items[j].1 == *gold)
                .count();
            self.precision_sum += both as f64 / predicted as f64;
            self.recall_sum += both as f64 / annotated as f64;
            self.quotations += 1;
        }
    }

    /// The F1 of the mean precision and recall, or None without quotations.
    pub fn f1(&self) -> Option<f64> {
        (self.quotations > 0).then(|| {
            let n = self.quotations as f64;
            let (p, r) = (self.precision_sum / n, self.recall_sum / n);
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            }
        })
    }
}

fn f1(p: Ratio, r: Ratio) -> Option<f64> {
    match (p.value(), r.value()) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    }
}

/// Scores on one data set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Predicted characters that are real characters.
    pub character_precision: Ratio,
    /// Annotated characters found.
    pub character_recall: Ratio,
    /// Annotated (name, alias) pairs, present in the text, grouped into one predicted character.
    pub alias_grouping: Ratio,
    /// Predicted quotations that are annotated quotations.
    pub quote_precision: Ratio,
    /// Annotated quotations found.
    pub quote_recall: Ratio,
    /// Right speaker among found quotations.
    pub speaker_accuracy: Ratio,
    /// Right speaker among all annotated quotations (end to end).
    pub speaker_end_to_end: Ratio,
    /// Found quotations whose gold speaker some predicted character stands for: the most any
    /// choice among the characters could get right.
    pub speaker_reachable: Ratio,
    /// Predicted scene boundaries that are annotated ones.
    pub boundary_precision: Ratio,
    /// Annotated scene boundaries found.
    pub boundary_recall: Ratio,
    /// Annotated scenes whose point-of-view character is right.
    pub pov_accuracy: Ratio,
    /// Annotated scenes whose grammatical person is right.
    pub person_accuracy: Ratio,
    /// Annotated relationships found among the predicted ones scoring at least 0.5.
    pub relationship_recall: Ratio,
    /// Speaker B-cubed over found quotations with a gold speaker (the measure BookNLP reports).
    pub speaker_b3: BCubed,
    /// Speaker accuracy among found quotations, split by the rule that chose the speaker.
    pub speaker_by_rule: std::collections::BTreeMap<&'static str, Ratio>,
    /// Scene boundaries found in text with none (LitBank's excerpts are the opening ~2,000 words
    /// of novels, nearly all one continuous scene): a proxy for boundary precision.
    pub continuous_boundaries: usize,
    /// Words of that continuous text.
    pub continuous_words: usize,
    /// Scene boundary precision on the same texts with their scene-break lines removed: every
    /// boundary must then be found from the text (a stripped break).
    pub stripped_precision: Ratio,
    /// Scene boundary recall on the texts with their scene-break lines removed.
    pub stripped_recall: Ratio,
}

/// The evaluation result: scores per data set, notes and the individual misses.
#[derive(Debug, Clone, Default)]
pub struct EvalReport {
    /// Scores on the seeds.
    pub seeds: Scores,
    /// Scores on LitBank, the learned speaker scorer cross-validated by document.
    pub litbank: Scores,
    /// Files read, what was skipped and why.
    pub notes: Vec<String>,
    /// One line per miss on the seeds, for reading.
    pub misses: Vec<String>,
}

fn pct(r: &Ratio) -> String {
    match r.value() {
        Some(v) => format!("{:5.1}% ({}/{})", v * 100.0, r.hit, r.total),
        None => "n/a".into(),
    }
}

fn pct_f1(p: &Ratio, r: &Ratio) -> String {
    f1(*p, *r).map_or("n/a".into(), |v| format!("{:5.1}%", v * 100.0))
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (s, l) = (&self.seeds, &self.litbank);
        writeln!(f, "| metric | seeds | LitBank |")?;
        writeln!(f, "|---|---|---|")?;
        let rows: [(&str, &Ratio, &Ratio); 13] = [
            (
                "character precision",
                &s.character_precision,
                &l.character_precision,
            ),
            ("character recall", &s.character_recall, &l.character_recall),
            ("alias grouping", &s.alias_grouping, &l.alias_grouping),
            ("quote precision", &s.quote_precision, &l.quote_precision),
            ("quote recall", &s.quote_recall, &l.quote_recall),
            (
                "speaker accuracy (found quotes)",
                &s.speaker_accuracy,
                &l.speaker_accuracy,
            ),
            (
                "speaker accuracy (end to end)",
                &s.speaker_end_to_end,
                &l.speaker_end_to_end,
            ),
            (
                "speaker reachable (found quotes)",
                &s.speaker_reachable,
                &l.speaker_reachable,
            ),
            (
                "scene boundary precision",
                &s.boundary_precision,
                &l.boundary_precision,
            ),
            (
                "scene boundary recall",
                &s.boundary_recall,
                &l.boundary_recall,
            ),
            ("POV accuracy", &s.pov_accuracy, &l.pov_accuracy),
            ("person accuracy", &s.person_accuracy, &l.person_accuracy),
            (
                "relationship recall",
                &s.relationship_recall,
                &l.relationship_recall,
            ),
        ];
        for (name, a, b) in rows {
            writeln!(f, "| {name} | {} | {} |", pct(a), pct(b))?;
        }
        writeln!(
            f,
            "| quote F1 | {} | {} |",
            pct_f1(&s.quote_precision, &s.quote_recall),
            pct_f1(&l.quote_precision, &l.quote_recall)
        )?;
        let b3 = |b: &BCubed| {
            b.f1()
                .map_or("n/a".into(), |v| format!("{:5.1}%", v * 100.0))
        };
        writeln!(
            f,
            "| speaker B³ F1 (found quotes) | {} | {} |",
            b3(&s.speaker_b3),
            b3(&l.speaker_b3)
        )?;
        writeln!(
            f,
            "| scene boundary F1 | {} | {} |",
            pct_f1(&s.boundary_precision, &s.boundary_recall),
            pct_f1(&l.boundary_precision, &l.boundary_recall)
        )?;
        let per_10k = |s: &Scores| {
            if s.continuous_words == 0 {
                "n/a".to_string()
            } else {
                format!(
                    "{:.2} ({} in {} words)",
                    s.continuous_boundaries as f64 * 10_000.0 / s.continuous_words as f64,
                    s.continuous_boundaries,
                    s.continuous_words
                )
            }
        };
        writeln!(
            f,
            "| scene boundaries per 10k words of continuous text | {} | {} |",
            per_10k(s),
            per_10k(l)
        )?;
        for (name, a, b) in [
            (
                "scene boundary precision, break lines removed",
                &s.stripped_precision,
                &l.stripped_precision,
            ),
            (
                "scene boundary recall, break lines removed",
                &s.stripped_recall,
                &l.stripped_recall,
            ),
        ] {
            writeln!(f, "| {name} | {} | {} |", pct(a), pct(b))?;
        }
        for n in &self.notes {
            writeln!(f, "note: {n}")?;
        }
        if !l.speaker_by_rule.is_empty() {
            writeln!(
                f,
                "LitBank speaker accuracy by the rule that chose the speaker ({FOLDS}-fold cross-validation):"
            )?;
            for (rule, r) in &l.speaker_by_rule {
                writeln!(f, "  {rule:<14} {}", pct(r))?;
            }
        }
        Ok(())
    }
}

/// Evaluates with the built-in line splitter ([`plain::work_from_lines`]) as the seed reader.
pub fn run(seeds_dir: &Path, litbank_dir: &Path) -> EvalReport {
    run_with(seeds_dir, litbank_dir, &|t| Some(plain::work_from_lines(t)))
}

/// Evaluates with a given reader for the seed files (the CLI passes the full plain-text reader).
pub fn run_with(
    seeds_dir: &Path,
    litbank_dir: &Path,
    reader: &dyn Fn(&str) -> Option<Work>,
) -> EvalReport {
    run_full(seeds_dir, litbank_dir, Path::new(FIC_TRAINING_DIR), reader)
}

/// Where the annotated fics the speaker scorer trains on beside LitBank are, relative to the
/// workspace (the directory the eval and the CLI run from, like their other defaults).
pub const FIC_TRAINING_DIR: &str = "eval/fics";

/// [`run_with`] with the fic training set given: the learned scorer is trained on LitBank and
/// these fics. Its LitBank figure is cross-validated over LitBank's documents (every fold trains
/// on the fics too); when `seeds_dir` is the fic training set itself, each of its fics is scored
/// with weights trained without it (leave one out), never in-sample.
pub fn run_full(
    seeds_dir: &Path,
    litbank_dir: &Path,
    train_fics: &Path,
    reader: &dyn Fn(&str) -> Option<Work>,
) -> EvalReport {
    let mut report = EvalReport::default();
    let lit = litbank_docs(litbank_dir, &mut report.notes);
    let fics = fic_docs(train_fics, reader);
    if fics.is_empty() && !lit.is_empty() {
        report.notes.push(format!(
            "no fic training set at {}: the speaker scorer trains on LitBank alone",
            train_fics.display()
        ));
    }
    let same_set = seeds_dir
        .canonicalize()
        .ok()
        .is_some_and(|d| !fics.is_empty() && train_fics.canonicalize().ok() == Some(d));
    // without LitBank no fic can be left out of a retraining: the shipped weights score them
    if same_set && lit.is_empty() {
        report.notes.push(format!(
            "{}: the fic training set, scored with the shipped speaker weights (in-sample: LitBank is absent)",
            seeds_dir.display()
        ));
    }
    let loo = (same_set && !lit.is_empty()).then_some((&lit, &fics));
    seeds(seeds_dir, reader, &mut report, loo);
    litbank(&lit, &fics, &mut report);
    report
}

/// Every name of a character, as keys.
fn keys_of(name: &str, aliases: &[String]) -> HashSet<String> {
    std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .map(name_key)
        .filter(|k| !k.is_empty())
        .collect()
}

/// True when a gold mention's text is one of a character's names, or, for a descriptive name
/// ("the parson"), when the mention is that description with a modifier after it ("the parson
/// on the gray mare", "the cook, who had a grievance"): the name is the head of the phrase.
fn names_mention(keys: &HashSet<String>, mention: &str) -> bool {
    // LitBank's mention text is tokenised: "my brother ’s wife"
    let m = name_key(&mention.replace(" ’s", "’s").replace(" 's", "'s"));
    keys.contains(&m)
        || keys.iter().any(|k| {
            k.split_once(' ').is_some_and(|(det, _)| {
                matches!(
                    det,
                    "the" | "his" | "her" | "my" | "their" | "our" | "your" | "a" | "an"
                )
            }) && m.len() > k.len()
                && m.starts_with(k.as_str())
                && m.as_bytes()[k.len()] == b' '
        })
}

/// The character offsets (as the coreference annotation counts them, in the tokenised text) of
/// the tokens inside the gold quotations of `qann`.
fn quoted_char_offsets(tokenised: &str, qann: &str) -> HashSet<usize> {
    let mut starts: Vec<Vec<usize>> = Vec::new();
    let mut off = 0;
    for line in tokenised.split_inclusive('\n') {
        let mut v = Vec::new();
        let mut pos = off;
        for t in line.trim_end_matches('\n').split(' ') {
            if !t.is_empty() {
                v.push(pos);
            }
            pos += t.chars().count() + 1;
        }
        starts.push(v);
        off += line.chars().count();
    }
    let mut out = HashSet::new();
    for line in qann.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.first() != Some(&"QUOTE") || cols.len() < 6 {
            continue;
        }
        let nums: Vec<usize> = cols[2..6].iter().filter_map(|c| c.parse().ok()).collect();
        let [s0, t0, s1, t1] = nums[..] else { continue };
        for (si, toks) in starts.iter().enumerate().take(s1 + 1).skip(s0) {
            for (ti, &c) in toks.iter().enumerate() {
                if (si, ti) >= (s0, t0) && (si, ti) <= (s1, t1) {
                    out.insert(c);
                }
            }
        }
    }
    out
}

/// Maps a byte offset to its 1-based non-empty line number.
struct Lines {
    starts: Vec<(usize, usize)>,
}

impl Lines {
    fn new(text: &str) -> Self {
        let mut starts = Vec::new();
        let mut off = 0;
        for line in text.split_inclusive('\n') {
            if !line.trim().is_empty() {
                starts.push((off, off + line.len()));
            }
            off += line.len();
        }
        Lines { starts }
    }

    fn number(&self, offset: usize) -> Option<usize> {
        let i = self.starts.partition_point(|&(s, _)| s <= offset);
        (i > 0 && offset <= self.starts[i - 1].1).then_some(i)
    }
}

/// Scores the annotated texts of `dir`; with `loo` (LitBank and the fic training set, which `dir`
/// is), each text with weights trained on LitBank and the other fics.
fn seeds(
    dir: &Path,
    reader: &dyn Fn(&str) -> Option<Work>,
    report: &mut EvalReport,
    loo: Option<(&Vec<LitDoc>, &Vec<FicDoc>)>,
) {
    let path = dir.join("expected.json");
    let expected: serde_json::Value = match std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(v) => v,
        Err(e) => {
            report.notes.push(format!(
                "seeds skipped: cannot read {}: {e}",
                path.display()
            ));
            return;
        }
    };
    let empty = Vec::new();
    let mut works = Vec::new();
    for w in expected["works"].as_array().unwrap_or(&empty) {
        let file = w["file"].as_str().unwrap_or("");
        let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
            report.notes.push(format!("seed {file} missing"));
            continue;
        };
        let Some(work) = reader(&text) else {
            report
                .notes
                .push(format!("seed {file}: reader gave no work"));
            continue;
        };
        works.push((file.to_string(), text, w.clone(), work));
    }
    if loo.is_some() {
        report.notes.push(format!(
            "{}: the fic training set itself: each fic scored with speaker weights trained without it (leave one out)",
            dir.display()
        ));
    }
    for (file, text, w, work) in &works {
        let a = match loo {
            None => analyze(work),
            Some((lit, fics)) => {
                let lit: Vec<&LitDoc> = lit.iter().collect();
                let others: Vec<&FicDoc> = fics.iter().filter(|f| f.file != *file).collect();
                let w = train_on(&lit, &others);
                if std::env::var("FICARCHIVE_EVAL_DUMP").is_ok_and(|v| file.contains(&v)) {
                    dump_fic(work, &w);
                }
                crate::engine::run(work, crate::engine::Scorer::Learned(&w))
            }
        };
        seed_work(file, text, w, &a, report);
        stripped_breaks(file, text, w, reader, report);
    }
}

/// The gold scene boundaries of an annotated work: first paragraphs of scenes that do not open
/// a chapter (1-based non-empty line numbers).
fn gold_boundaries(w: &serde_json::Value) -> HashSet<usize> {
    let empty = Vec::new();
    let mut out = HashSet::new();
    for ch in w["chapters"].as_array().unwrap_or(&empty) {
        for sc in ch["scenes"].as_array().unwrap_or(&empty).iter().skip(1) {
            out.insert(sc["first"].as_u64().unwrap_or(0) as usize);
        }
    }
    out
}

/// The predicted scene boundaries: first lines of scenes that follow a scene of the same chapter.
fn predicted_boundaries(text: &str, a: &Analysis) -> HashSet<usize> {
    let lines = Lines::new(text);
    let scenes: Vec<(usize, u32)> = a
        .scenes
        .iter()
        .filter_map(|sc| Some((lines.number(sc.span?.start)?, sc.chapter)))
        .collect();
    scenes
        .windows(2)
        .filter(|p| p[0].1 == p[1].1)
        .map(|p| p[1].0)
        .collect()
}

/// Scores scene boundaries once more on the text with its scene-break lines ("* * *") removed,
/// so that every boundary must be found from the text, as in a fic whose breaks were lost: a
/// recall check for the rules that find stripped breaks, and a precision check for the ones
/// that keep them from firing inside a scene.
fn stripped_breaks(
    file: &str,
    text: &str,
    w: &serde_json::Value,
    reader: &dyn Fn(&str) -> Option<Work>,
    report: &mut EvalReport,
) {
    let empty = Vec::new();
    let breaks: HashSet<usize> = w["chapters"]
        .as_array()
        .unwrap_or(&empty)
        .iter()
        .flat_map(|ch| ch["break_paragraphs"].as_array().unwrap_or(&empty))
        .filter_map(|b| b.as_u64().map(|b| b as usize))
        .collect();
    if breaks.is_empty() {
        return;
    }
    let mut stripped = String::with_capacity(text.len());
    let mut number = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            number += 1;
            if breaks.contains(&number) {
                continue;
            }
        }
        stripped.push_str(line);
    }
    let Some(work) = reader(&stripped) else {
        return;
    };
    let a = analyze(&work);
    // a line after a removed one moves up by the number removed before it
    let renumber = |n: usize| n - breaks.iter().filter(|&&b| b < n).count();
    let gold: HashSet<usize> = gold_boundaries(w).into_iter().map(renumber).collect();
    let pred = predicted_boundaries(&stripped, &a);
    let s = &mut report.seeds;
    for b in &pred {
        s.stripped_precision.add(gold.contains(b));
        if !gold.contains(b) {
            report.misses.push(format!(
                "{file} (break lines removed): extra scene boundary at ¶{b}"
            ));
        }
    }
    for b in &gold {
        s.stripped_recall.add(pred.contains(b));
        if !pred.contains(b) {
            report.misses.push(format!(
                "{file} (break lines removed): scene boundary missed at ¶{b}"
            ));
        }
    }
}

/// `FICARCHIVE_EVAL_DUMP=NAME`: each quotation of the matching fic with its rule, and the
/// scorer's candidates with their scores and the cues that are on.
fn dump_fic(work: &Work, w: &[f32]) {
    let (a, ex) = crate::engine::run_explained(work, crate::engine::Scorer::Learned(w));
    for (i, q) in a.quotes.iter().enumerate() {
        eprintln!(
            "Q p{} {:?} [{}] {:?}",
            q.paragraph,
            q.speaker,
            ex.how[i],
            q.text.chars().take(40).collect::<String>()
        );
        if let Some(c) = &ex.cands[i] {
            dump_cands(c, w);
        }
    }
}

/// One quotation's candidates for the dumps: score under `w`, name, and the cues that are on.
fn dump_cands(c: &crate::engine::NamedCands, w: &[f32]) {
    for (name, x) in &c.cands {
        let on: Vec<&str> = x
            .iter()
            .enumerate()
            .filter(|(_, v)| **v != 0.0)
            .map(|(k, _)| crate::speaker_rank::FEATURE_NAMES[k])
            .collect();
        eprintln!(
            "    {:>6.2} {:?} {}",
            crate::speaker_rank::score(w, x),
            name,
            on.join(" ")
        );
    }
}

fn str_list(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// One annotated fic of the speaker scorer's training set.
struct FicDoc {
    file: String,
    text: String,
    annotation: serde_json::Value,
    work: Work,
}

/// Reads an annotated fic set (`expected.json` beside its texts), or nothing when it is absent.
fn fic_docs(dir: &Path, reader: &dyn Fn(&str) -> Option<Work>) -> Vec<FicDoc> {
    let Some(expected) = std::fs::read_to_string(dir.join("expected.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
    else {
        return Vec::new();
    };
    let empty = Vec::new();
    let mut docs = Vec::new();
    for w in expected["works"].as_array().unwrap_or(&empty) {
        let file = w["file"].as_str().unwrap_or("").to_string();
        let Ok(text) = std::fs::read_to_string(dir.join(&file)) else {
            continue;
        };
        if let Some(work) = reader(&text) {
            docs.push(FicDoc {
                file,
                text,
                annotation: w.clone(),
                work,
            });
        }
    }
    docs
}

/// A training example from a quotation's scored candidates: which of them is the gold speaker.
fn example_of(
    c: &crate::engine::NamedCands,
    is_gold: impl Fn(&str) -> bool,
) -> crate::speaker_rank::Example {
    crate::speaker_rank::Example {
        cands: c.cands.iter().map(|x| x.1).collect(),
        gold: c
            .cands
            .iter()
            .map(|x| x.0.as_deref().is_some_and(&is_gold))
            .collect(),
    }
}

/// Whitespace runs as one space, for matching an annotation's `starts` to a quotation.
fn squeeze(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first found quotation not yet `used` that lies in annotated paragraph `para` and begins
/// with `starts` (whitespace squeezed), as the annotation of a fic set matches them.
fn matching_quote(
    a: &Analysis,
    lines: &Lines,
    used: &[bool],
    para: usize,
    starts: &str,
) -> Option<usize> {
    let starts = squeeze(starts);
    a.quotes.iter().enumerate().position(|(i, q)| {
        !used[i] && q.span.and_then(|sp| lines.number(sp.start)) == Some(para) && {
            let t = squeeze(q.text);
            t.starts_with(&starts) || (t.len() >= 3 && starts.starts_with(&t))
        }
    })
}

/// The learned scorer's training examples in one annotated fic: each found quotation the scorer
/// decided, matched to its annotated quotation, with which candidates are the annotated speaker.
fn fic_examples(
    doc: &FicDoc,
    scorer: crate::engine::Scorer<'_>,
) -> Vec<crate::speaker_rank::Example> {
    let (text, w) = (doc.text.as_str(), &doc.annotation);
    let (a, ex) = crate::engine::run_explained(&doc.work, scorer);
    let lines = Lines::new(text);
    let empty = Vec::new();
    let gold: Vec<(String, HashSet<String>)> = w["characters"]
        .as_array()
        .unwrap_or(&empty)
        .iter()
        .map(|c| {
            let name = c["name"].as_str().unwrap_or("").to_string();
            let keys = keys_of(&name, &str_list(&c["aliases"]));
            (name, keys)
        })
        .collect();
    let gold_of = |name: &str| -> Option<usize> {
        let c = a.characters.iter().find(|c| c.name == name)?;
        let keys = keys_of(&c.name, &c.aliases);
        gold.iter().position(|g| !g.1.is_disjoint(&keys))
    };
    let mut used = vec![false; a.quotes.len()];
    let mut out = Vec::new();
    for q in w["quotes"].as_array().unwrap_or(&empty) {
        let para = q["paragraph"].as_u64().unwrap_or(0) as usize;
        let starts = q["starts"].as_str().unwrap_or("");
        let speaker = q["speaker"].as_str().unwrap_or("");
        let hit = matching_quote(&a, &lines, &used, para, starts);
        let (Some(i), Some(g)) = (hit, gold.iter().position(|x| x.0 == speaker)) else {
            continue;
        };
        used[i] = true;
        if let Some(c) = &ex.cands[i] {
            out.push(example_of(c, |name| gold_of(name) == Some(g)));
        }
    }
    out
}

fn seed_work(file: &str, text: &str, w: &serde_json::Value, a: &Analysis, report: &mut EvalReport) {
    let s = &mut report.seeds;
    let lines = Lines::new(text);
    let lower_text = text.to_lowercase();
    let empty = Vec::new();
    let gold: Vec<(String, HashSet<String>, Vec<String>)> = w["characters"]
        .as_array()
        .unwrap_or(&empty)
        .iter()
        .map(|c| {
            let name = c["name"].as_str().unwrap_or("").to_string();
            let aliases = str_list(&c["aliases"]);
            (
                name.clone(),
                keys_of(&name, &aliases),
                std::iter::once(name).chain(aliases).collect(),
            )
        })
        .collect();
    let predicted: Vec<HashSet<String>> = a
        .characters
        .iter()
        .map(|c| keys_of(&c.name, &c.aliases))
        .collect();
    // predicted character index -> gold index
    let to_gold: Vec<Option<usize>> = predicted
        .iter()
        .map(|p| gold.iter().position(|g| !g.1.is_disjoint(p)))
        .collect();
    for (i, c) in a.characters.iter().enumerate() {
        // one-off voices ("said another") are listed for their quotations, not as people
        if c.voice {
            continue;
        }
        s.character_precision.add(to_gold[i].is_some());
        if to_gold[i].is_none() {
            report
                .misses
                .push(format!("{file}: not a character: {}", c.name));
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        let found = to_gold.contains(&Some(gi));
        s.character_recall.add(found);
        if !found {
            report
                .misses
                .push(format!("{file}: character missed: {}", g.0));
        }
        // alias grouping: names present in the text, all in the best predicted character
        let present: Vec<&String> =
            g.2.iter()
                .filter(|n| lower_text.contains(&n.to_lowercase()))
                .collect();
        if present.len() < 2 {
            continue;
        }
        let best = predicted
            .iter()
            .max_by_key(|p| present.iter().filter(|n| p.contains(&name_key(n))).count());
        for n in present {
            let ok = best.is_some_and(|p| p.contains(&name_key(n)));
            s.alias_grouping.add(ok);
            if !ok {
                report
                    .misses
                    .push(format!("{file}: alias not grouped with {}: {n}", g.0));
            }
        }
    }
    let gold_of_name = |name: Option<&str>| -> Option<usize> {
        let n = name?;
        a.characters
            .iter()
            .position(|c| c.name == *n)
            .and_then(|i| to_gold[i])
    };
    // quotes
    let gold_quotes: Vec<(usize, String, String)> = w["quotes"]
        .as_array()
        .unwrap_or(&empty)
        .iter()
        .map(|q| {
            (
                q["paragraph"].as_u64().unwrap_or(0) as usize,
                q["starts"].as_str().unwrap_or("").to_string(),
                q["speaker"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let mut used = vec![false; a.quotes.len()];
    for (para, starts, speaker) in &gold_quotes {
        let hit = matching_quote(a, &lines, &used, *para, starts)
            .and_then(|i| Some((i, a.quotes.get(i)?)));
        s.quote_recall.add(hit.is_some());
        let gold_idx = gold.iter().position(|g| g.0 == *speaker);
        match hit {
            Some((i, q)) => {
                used[i] = true;
                let ok = gold_idx.is_some() && gold_of_name(q.speaker) == gold_idx;
                s.speaker_accuracy.add(ok);
                s.speaker_end_to_end.add(ok);
                if !ok {
                    report.misses.push(format!(
                        "{file}: speaker of ¶{para} {starts:?}: got {:?}, want {speaker}",
                        q.speaker
                    ));
                }
            }
            None => {
                s.speaker_end_to_end.add(false);
                report
                    .misses
                    .push(format!("{file}: quote missed: ¶{para} {starts:?}"));
            }
        }
    }
    for (i, q) in a.quotes.iter().enumerate() {
        s.quote_precision.add(used[i]);
        if !used[i] {
            report.misses.push(format!(
                "{file}: extra quote {:?} at ¶{:?}",
                q.text,
                q.span.and_then(|sp| lines.number(sp.start))
            ));
        }
    }
    // scenes: boundaries are first paragraphs of scenes that do not open a chapter
    let mut gold_scenes = Vec::new();
    for ch in w["chapters"].as_array().unwrap_or(&empty) {
        for (k, sc) in ch["scenes"].as_array().unwrap_or(&empty).iter().enumerate() {
            let first = sc["first"].as_u64().unwrap_or(0) as usize;
            let last = sc["last"].as_u64().unwrap_or(0) as usize;
            gold_scenes.push((
                k == 0,
                first,
                last,
                sc["person"].as_str().unwrap_or("").to_string(),
                sc["pov"].as_str().map(str::to_string),
            ));
        }
    }
    let pred_scenes: Vec<(usize, usize, &crate::SceneAnalysis)> = a
        .scenes
        .iter()
        .filter_map(|sc| {
            let sp = sc.span?;
            Some((
                lines.number(sp.start)?,
                lines.number(sp.end.saturating_sub(1))?,
                sc,
            ))
        })
        .collect();
    let gold_bounds: HashSet<usize> = gold_scenes.iter().filter(|g| !g.0).map(|g| g.1).collect();
    let mut pred_bounds = HashSet::new();
    for (i, p) in pred_scenes.iter().enumerate() {
        if i > 0 && pred_scenes[i - 1].2.chapter == p.2.chapter {
            pred_bounds.insert(p.0);
        }
    }
    for b in &pred_bounds {
        s.boundary_precision.add(gold_bounds.contains(b));
        if !gold_bounds.contains(b) {
            report
                .misses
                .push(format!("{file}: extra scene boundary at ¶{b}"));
        }
    }
    for b in &gold_bounds {
        s.boundary_recall.add(pred_bounds.contains(b));
        if !pred_bounds.contains(b) {
            report
                .misses
                .push(format!("{file}: scene boundary missed at ¶{b}"));
        }
    }
    for (_, first, last, person, pov) in &gold_scenes {
        let best = pred_scenes
            .iter()
            .max_by_key(|p| (p.1.min(*last) + 1).saturating_sub(p.0.max(*first)));
        let person_ok = best.is_some_and(|p| {
            serde_json::to_value(p.2.person)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .as_deref()
                == Some(person.as_str())
        });
        let want = pov
            .as_ref()
            .and_then(|n| gold.iter().position(|g| g.0 == *n));
        let got = best.and_then(|p| gold_of_name(p.2.pov.as_deref()));
        s.person_accuracy.add(person_ok);
        // a scene annotated with no point-of-view character (omniscient, reader-insert) is right
        // when none is named
        let pov_ok = match pov {
            Some(_) => want == got && want.is_some(),
            None => best.is_some_and(|p| p.2.pov.is_none()),
        };
        s.pov_accuracy.add(pov_ok);
        if !pov_ok || !person_ok {
            report.misses.push(format!(
                "{file}: scene ¶{first}-{last} want {person}/{pov:?}, got {:?}",
                best.map(|p| (p.2.person, p.2.pov.clone()))
            ));
        }
    }
    // relationships
    for r in str_list(&w["relationships"]) {
        let names: Vec<Option<usize>> = r
            .split('/')
            .map(|n| gold.iter().position(|g| g.0 == n.trim()))
            .collect();
        let ok = a.relationships.iter().filter(|x| x.score >= 0.5).any(|x| {
            let got: Vec<Option<usize>> =
                x.characters.iter().map(|n| gold_of_name(Some(n))).collect();
            names.len() == 2
                && got.len() == 2
                && ((got[0] == names[0] && got[1] == names[1])
                    || (got[0] == names[1] && got[1] == names[0]))
                && names[0].is_some()
        });
        s.relationship_recall.add(ok);
        if !ok {
            report
                .misses
                .push(format!("{file}: relationship missed: {r}"));
        }
    }
}

/// A LitBank document rejoined: text, token offsets per sentence, and the work built from it.
struct Rejoined {
    text: String,
    tokens: Vec<Vec<(usize, usize)>>,
}

fn rejoin(tokenised: &str) -> Rejoined {
    let mut text = String::with_capacity(tokenised.len());
    let mut tokens = Vec::new();
    let mut open_double = false;
    let mut open_single = false;
    let mut no_space_next = true;
    // a text with no double quotation marks sets its dialogue in single ones; the tokeniser cut
    // them off as lone "'" tokens, beside the lone apostrophes of elisions ("goin '")
    let single_style = !tokenised
        .split([' ', '\n'])
        .any(|t| matches!(t, "\"" | "“" | "”" | "``" | "''"));
    for sentence in tokenised.lines() {
        let mut offs = Vec::new();
        let toks: Vec<&str> = sentence.split(' ').filter(|t| !t.is_empty()).collect();
        for (k, &tok) in toks.iter().enumerate() {
            let (tok, opener, closer) = match tok {
                "\"" => {
                    open_double = !open_double;
                    ("\"", open_double, !open_double)
                }
                "'" if single_style => {
                    let prev = text.chars().next_back().unwrap_or(' ');
                    let next = toks.get(k + 1);
                    let next_is_word = next.is_some_and(|n| n.starts_with(char::is_alphanumeric));
                    let after_punct = !prev.is_alphanumeric();
                    let opens = next_is_word
                        && (after_punct || next.is_some_and(|n| n.starts_with(char::is_uppercase)));
                    if open_single && (after_punct || !next_is_word) && !(opens && k == 0) {
                        open_single = false;
                        ("’", false, true)
                    } else if opens {
                        open_single = true;
                        ("‘", true, false)
                    } else {
                        // an elision's apostrophe: part of the word before it
                        ("'", false, true)
                    }
                }
                "“" | "‘" | "``" | "(" | "[" => (tok, true, false),
                "”" | "’" | "''" => (tok, false, true),
                _ => (tok, false, false),
            };
            let attach = closer
                || matches!(
                    tok,
                    "," | "."
                        | ";"
                        | ":"
                        | "!"
                        | "?"
                        | ")"
                        | "]"
                        | "n't"
                        | "'s"
                        | "’s"
                        | "'d"
                        | "'ll"
                        | "'re"
                        | "'ve"
                        | "'m"
                )
                || (tok.starts_with('\'') && tok.len() <= 3 && tok.len() > 1);
            if !text.is_empty() && !attach && !no_space_next {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(tok);
            offs.push((start, text.len()));
            no_space_next = opener;
        }
        // sentences are joined by a space; paragraphs are cut later
        no_space_next = false;
        tokens.push(offs);
    }
    Rejoined { text, tokens }
}

/// The byte ranges of LitBank's sentences; with dash dialogue, each cut once more where a dash
/// opens speech after a colon or a sentence's end (`He held the bowl aloft and intoned: — Introibo ad altare Dei.`), since printed dash
/// dialogue starts a paragraph there.
fn speech_units(r: &Rejoined, dash_style: bool) -> Vec<(usize, usize)> {
    let mut units = Vec::with_capacity(r.tokens.len());
    for offs in &r.tokens {
        let (Some(&(mut s, _)), Some(&(_, e))) = (offs.first(), offs.last()) else {
            continue;
        };
        for pair in offs.windows(2) {
            let (before, dash) = (&r.text[pair[0].0..pair[0].1], &r.text[pair[1].0..pair[1].1]);
            if dash_style
                && matches!(before, ":" | "." | "!" | "?")
                && matches!(dash, "—" | "–" | "--")
            {
                units.push((s, pair[0].1));
                s = pair[1].0;
            }
        }
        units.push((s, e));
    }
    units
}

/// Cuts rejoined text into paragraphs where a dialogue turn starts, and builds a work.
fn litbank_work(r: &Rejoined) -> Work {
    let mut paragraphs = Vec::new();
    let mut start: Option<usize> = None;
    let mut depth_open = false;
    let mut prev_had_quote = false;
    let mut prev_tagged = false;
    let mut prev_ends_quote = false;
    let is_dash = |t: &str| matches!(t, "—" | "–" | "--");
    // dash dialogue (Joyce): no marks at all, and speech opens with a dash
    let dash_style = !r.text.contains(['"', '“', '‘'])
        && r.tokens
            .iter()
            .flat_map(|offs| {
                offs.iter().enumerate().filter(|&(k, &(s, e))| {
                    is_dash(&r.text[s..e])
                        && (k == 0
                            || matches!(
                                &r.text[offs[k - 1].0..offs[k - 1].1],
                                ":" | "." | "!" | "?"
                            ))
                })
            })
            .count()
            >= 2;
    let units = speech_units(r, dash_style);
    let mut dash_paragraph = false;
    for &(s, e) in &units {
        let sentence = &r.text[s..e];
        if dash_style {
            // each speech is its own paragraph, and so is the narration after its tag
            let opens_speech = sentence.split(' ').next().is_some_and(is_dash);
            let cut = opens_speech || (dash_paragraph && sentence.starts_with(char::is_uppercase));
            if cut && let Some(ps) = start.take() {
                paragraphs.push((ps, s));
            }
            if start.is_none() {
                start = Some(s);
                dash_paragraph = opens_speech;
            }
            continue;
        }
        let opens = sentence.starts_with(['“', '"', '‘', '`']);
        let has_quote = sentence.contains(['“', '”', '"', '‘']);
        // `"…," said he. "Read it aloud."`: a quotation right after a tagged one continues the
        // speaker's paragraph, as printed novels set it
        // a sentence opening in lower case continues the last one: LitBank splits sentences after
        // a quotation ending in "!" or "?", so `“He’s an American man!” cried Randolph` is two
        // and `“Has anything escaped me?” I asked` likewise: a speech verb among its first two words
        let continues = sentence.starts_with(char::is_lowercase)
            || (prev_ends_quote
                && sentence
                    .split_whitespace()
                    .take(2)
                    // "I said." ends in a full stop: the verb is the word without it
                    .any(|w| {
                        is_speech_verb(
                            &w.trim_end_matches(|c: char| !c.is_alphanumeric())
                                .to_lowercase(),
                        )
                    }));
        let cut = !depth_open && !continues && if opens { !prev_tagged } else { prev_had_quote };
        if cut && let Some(ps) = start.take() {
            paragraphs.push((ps, s));
        }
        if start.is_none() {
            start = Some(s);
        }
        let mut prev = ' ';
        for c in sentence.chars() {
            match c {
                '“' | '‘' => depth_open = true,
                '”' => depth_open = false,
                // a closing single mark follows the speech's punctuation; other ’ are apostrophes
                '’' if matches!(prev, '.' | ',' | '!' | '?' | ';' | ':' | '-' | '—') => {
                    depth_open = false
                }
                _ => {}
            }
            prev = c;
        }
        if sentence.matches('"').count() % 2 == 1 {
            depth_open = !depth_open;
        }
        prev_had_quote = has_quote;
        prev_ends_quote = sentence.trim_end().ends_with(['”', '"', '’']);
        let tail = sentence.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '.' | '!' | '?' | ';' | ':')
        });
        prev_tagged = has_quote
            && !depth_open
            && !tail.ends_with(['”', '"', '’', '\''])
            && !sentence.trim_end().ends_with(':');
    }
    if let Some(ps) = start {
        paragraphs.push((ps, r.text.len()));
    }
    let paras: Vec<Paragraph> = paragraphs
        .into_iter()
        .map(|(s, e)| {
            let t = r.text[s..e].trim_end();
            Paragraph {
                text: t.to_string(),
                html: None,
                span: Some(Span::new(s, s + t.len())),
            }
        })
        .collect();
    Work {
        chapters: vec![Chapter::from_paragraphs(1, None, paras)],
        ..Work::default()
    }
}

/// A coreference mention: its character offsets in the tokenised file, and its text.
type ChainMention = ((usize, usize), String);

/// One LitBank document: its annotations and the work rejoined from its tokens.
struct LitDoc {
    stem: String,
    qann: String,
    tokenised: String,
    cann: String,
    rejoined: Rejoined,
    work: Work,
}

/// Reads every LitBank document that has quotations, sorted by name.
fn litbank_docs(dir: &Path, notes: &mut Vec<String>) -> Vec<LitDoc> {
    let qdir = dir.join("quotations/tsv");
    let cdir = dir.join("coref/brat");
    let Ok(entries) = std::fs::read_dir(&qdir) else {
        notes.push(format!("LitBank skipped: no {}", qdir.display()));
        return Vec::new();
    };
    let mut files: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    files.sort();
    let printed = if std::env::var_os("FICARCHIVE_EVAL_GUESS_PARAGRAPHS").is_some() {
        HashMap::new()
    } else {
        printed_paragraph_starts()
    };
    let mut from_print = 0;
    let mut docs = Vec::new();
    for ann in files {
        let stem = ann.trim_end_matches(".ann");
        let (Ok(qann), Ok(tokenised), Ok(cann)) = (
            std::fs::read_to_string(qdir.join(&ann)),
            std::fs::read_to_string(qdir.join(format!("{stem}.txt"))),
            std::fs::read_to_string(cdir.join(&ann)),
        ) else {
            notes.push(format!("LitBank {stem}: missing files"));
            continue;
        };
        let rejoined = rejoin(&tokenised);
        let printed = printed.get(stem.trim_end_matches("_brat"));
        if printed.is_some() {
            from_print += 1;
        }
        let work = match printed {
            Some(starts) => work_from_paragraph_starts(&rejoined, starts),
            None => litbank_work(&rejoined),
        };
        docs.push(LitDoc {
            stem: stem.to_string(),
            qann,
            tokenised,
            cann,
            rejoined,
            work,
        });
    }
    notes.push(format!(
        "LitBank paragraphs: {from_print} of the {} documents with quotations as printed (data/litbank_paragraphs.tsv), the rest guessed from dialogue turns",
        docs.iter().filter(|d| !d.qann.trim().is_empty()).count()
    ));
    docs
}

/// LitBank's printed paragraph starts, as `(sentence, token)` pairs per document stem: derived
/// from LitBank's `original/` texts by `scripts/litbank_paragraphs.py`, since its tokenised files
/// drop paragraph breaks and a guessed break misplaces dialogue turns.
fn printed_paragraph_starts() -> HashMap<&'static str, Vec<(usize, usize)>> {
    include_str!("../data/litbank_paragraphs.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (stem, starts) = l.split_once('\t')?;
            let starts = starts
                .split(' ')
                .filter_map(|p| {
                    let (s, t) = p.split_once(':')?;
                    Some((s.parse().ok()?, t.parse().ok()?))
                })
                .collect();
            Some((stem, starts))
        })
        .collect()
}

/// Cuts rejoined text into paragraphs at the given `(sentence, token)` starts, and builds a work.
fn work_from_paragraph_starts(r: &Rejoined, starts: &[(usize, usize)]) -> Work {
    let mut cuts: Vec<usize> = starts
        .iter()
        .filter_map(|&(s, t)| r.tokens.get(s)?.get(t).map(|&(b, _)| b))
        .collect();
    cuts.push(r.text.len());
    let mut from = 0;
    let mut chapters = Vec::new();
    let mut title = None;
    let mut paras = Vec::new();
    for cut in cuts {
        let (s, e) = (from, cut.max(from));
        from = e;
        let t = r.text[s..e].trim_end();
        if t.is_empty() {
            continue;
        }
        // "CHAPTER II." or "III" inside an excerpt starts a chapter, as the importer reads it
        if is_chapter_heading(t) {
            if !paras.is_empty() {
                let number = chapters.len() as u32 + 1;
                chapters.push(Chapter::from_paragraphs(
                    number,
                    title.take(),
                    std::mem::take(&mut paras),
                ));
            }
            title = Some(t.to_string());
            continue;
        }
        paras.push(Paragraph {
            text: t.to_string(),
            html: None,
            span: Some(Span::new(s, s + t.len())),
        });
    }
    let number = chapters.len() as u32 + 1;
    chapters.push(Chapter::from_paragraphs(number, title, paras));
    Work {
        chapters,
        ..Work::default()
    }
}

/// A printed chapter heading: "Chapter 2", "CHAPTER II.", "BOOK ONE" or a lone roman numeral.
fn is_chapter_heading(t: &str) -> bool {
    let t = t.trim_end_matches('.');
    let is_roman = |w: &str| !w.is_empty() && w.chars().all(|c| "IVXLC".contains(c));
    let words: Vec<&str> = t.split_whitespace().collect();
    match words.as_slice() {
        [w] => is_roman(w),
        [head, number] => {
            matches!(head.to_lowercase().as_str(), "chapter" | "book" | "part")
                && (is_roman(&number.to_uppercase())
                    || number.chars().all(|c| c.is_ascii_digit())
                    || is_number_word(&number.to_lowercase()))
        }
        _ => false,
    }
}

/// Folds of the cross-validation: document `i` (in name order) is held out in fold `i % FOLDS`.
pub const FOLDS: usize = 10;

/// The fold each of `n` documents is held out in. Seed 0 is the eval's partition (`i % FOLDS`);
/// another seed deals the documents, shuffled by a hash of (seed, index), into folds of the same
/// sizes. The cross-validated figure moves by several quotations from one partition to another
/// (docs/analysis.md): a change to the scorer is worth keeping only when it gains on several.
pub fn fold_assignment(n: usize, seed: u64) -> Vec<usize> {
    if seed == 0 {
        return (0..n).map(|i| i % FOLDS).collect();
    }
    // splitmix64: a fixed, portable shuffle key per document
    let key = |i: usize| {
        let mut z = seed
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .wrapping_add(i as u64);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (key(i), i));
    let mut fold = vec![0; n];
    for (rank, &i) in order.iter().enumerate() {
        fold[i] = rank % FOLDS;
    }
    fold
}

/// Rounds of training on features extracted with the previous round's own choices.
pub const ROUNDS: usize = 2;
/// The L2 penalty of the speaker scorer's training.
pub const L2: f64 = 1.0;

/// Training examples of the given documents, run with `scorer`.
fn examples_of(
    docs: &[&LitDoc],
    fics: &[&FicDoc],
    scorer: crate::engine::Scorer<'_>,
) -> Vec<crate::speaker_rank::Example> {
    let mut out = Vec::new();
    let mut scores = Scores::default();
    let mut misses = Vec::new();
    for d in docs {
        out.extend(litbank_doc(d, scorer, &mut scores, &mut misses, false));
    }
    for f in fics {
        out.extend(fic_examples(f, scorer));
    }
    out
}

/// Trains the speaker scorer on the given LitBank documents and fics: first on the cues the rule
/// cascade's run produces, then `ROUNDS - 1` times on the cues of a run with the previous
/// weights, so that the cues that depend on earlier decisions look as they will when it runs.
fn train_on(docs: &[&LitDoc], fics: &[&FicDoc]) -> Vec<f32> {
    use crate::engine::Scorer;
    let mut w = crate::speaker_rank::train(&examples_of(docs, fics, Scorer::Rules), L2);
    for _ in 1..ROUNDS {
        w = crate::speaker_rank::train(&examples_of(docs, fics, Scorer::Learned(&w)), L2);
    }
    w
}

/// Trains the speaker scorer on every LitBank document and every fic of `fics_dir` (what
/// `speaker_model.rs` ships), and says how many LitBank documents and fics it read.
pub fn train_speaker(
    litbank_dir: &Path,
    fics_dir: &Path,
    reader: &dyn Fn(&str) -> Option<Work>,
) -> (Vec<f32>, usize, usize) {
    let mut notes = Vec::new();
    let docs = litbank_docs(litbank_dir, &mut notes);
    let fics = fic_docs(fics_dir, reader);
    let all: Vec<&LitDoc> = docs.iter().collect();
    let all_fics: Vec<&FicDoc> = fics.iter().collect();
    (train_on(&all, &all_fics), docs.len(), fics.len())
}

fn litbank(docs: &[LitDoc], fics: &[FicDoc], report: &mut EvalReport) {
    use crate::engine::Scorer;
    if docs.is_empty() {
        return;
    }
    let fics: Vec<&FicDoc> = fics.iter().collect();
    // the learned scorer, cross-validated: each document scored with weights trained on the
    // documents of the other folds only. This is the LitBank column of the table.
    // FICARCHIVE_EVAL_FOLD_SEED=N deals the documents into other folds, to see how much of a
    // difference between two versions is the partition's luck
    let seed = std::env::var("FICARCHIVE_EVAL_FOLD_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0u64);
    if seed != 0 {
        report.notes.push(format!(
            "LitBank folds dealt with FICARCHIVE_EVAL_FOLD_SEED={seed}, not the standard i mod {FOLDS}"
        ));
    }
    let folds = fold_assignment(docs.len(), seed);
    let mut cv = Scores::default();
    for fold in 0..FOLDS {
        let train: Vec<&LitDoc> = docs
            .iter()
            .zip(&folds)
            .filter(|(_, f)| **f != fold)
            .map(|x| x.0)
            .collect();
        let w = train_on(&train, &fics);
        for (d, _) in docs.iter().zip(&folds).filter(|(_, f)| **f == fold) {
            litbank_doc(d, Scorer::Learned(&w), &mut cv, &mut report.misses, true);
        }
    }
    // for comparison: the hand cascade, and the shipped weights (trained on these very
    // documents, so in-sample: never the result)
    let mut rules = Scores::default();
    let mut shipped = Scores::default();
    let mut ignored = Vec::new();
    for d in docs {
        litbank_doc(d, Scorer::Rules, &mut rules, &mut ignored, false);
        litbank_doc(
            d,
            Scorer::Learned(&crate::speaker_model::WEIGHTS),
            &mut shipped,
            &mut ignored,
            false,
        );
    }
    report.notes.push(format!(
        "LitBank speaker figures are the learned scorer's, {FOLDS}-fold cross-validated by document (each document scored with weights trained on the other folds); hand cascade: {}; shipped weights in-sample (not a result): {}",
        pct(&rules.speaker_accuracy),
        pct(&shipped.speaker_accuracy)
    ));
    if std::env::var("FICARCHIVE_EVAL_RANKER").is_ok() {
        ranker_diagnostics(docs, &fics);
    }
    report.litbank = cv;
    report.notes.push(format!(
        "LitBank: {} documents ({} with quotations), measured on rejoined text",
        docs.len(),
        docs.iter().filter(|d| !d.qann.trim().is_empty()).count()
    ));
}

/// FICARCHIVE_EVAL_RANKER=1: the learned scorer's training set (how often the gold speaker is
/// among the candidates, in-sample accuracy), its weights, and some misses with their cues.
fn ranker_diagnostics(docs: &[LitDoc], fics: &[&FicDoc]) {
    use crate::engine::Scorer;
    let all: Vec<&LitDoc> = docs.iter().collect();
    let ex = examples_of(&all, fics, Scorer::Rules);
    let w = train_on(&all, fics);
    let ex2 = examples_of(&all, fics, Scorer::Learned(&w));
    for (label, ex) in [("rules-run", &ex), ("learned-run", &ex2)] {
        let reach = ex.iter().filter(|e| e.gold.iter().any(|&g| g)).count();
        let right = ex
            .iter()
            .filter(|e| {
                let best = e
                    .cands
                    .iter()
                    .enumerate()
                    .map(|(j, x)| (j, crate::speaker_rank::score(&w, x)))
                    .fold(None::<(usize, f32)>, |a, x| {
                        if a.is_none_or(|a| x.1 > a.1) {
                            Some(x)
                        } else {
                            a
                        }
                    });
                best.is_some_and(|b| e.gold[b.0])
            })
            .count();
        let ncand: usize = ex.iter().map(|e| e.cands.len()).sum();
        eprintln!(
            "{label}: {} examples, gold reachable {reach}, in-sample right {right}, mean cands {:.1}",
            ex.len(),
            ncand as f64 / ex.len().max(1) as f64
        );
    }
    for (k, name) in crate::speaker_rank::FEATURE_NAMES.iter().enumerate() {
        eprintln!("{name:<30} {:7.3}", w[k]);
    }
    let on = |x: &crate::speaker_rank::Feats| {
        crate::speaker_rank::FEATURE_NAMES
            .iter()
            .zip(x)
            .filter(|p| *p.1 != 0.0)
            .map(|p| format!("{}={:.2}", p.0, p.1))
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut shown = 0;
    for e in &ex2 {
        let sc: Vec<f32> = e
            .cands
            .iter()
            .map(|x| crate::speaker_rank::score(&w, x))
            .collect();
        let best = (0..sc.len()).fold(0, |b, j| if sc[j] > sc[b] { j } else { b });
        if e.gold.iter().any(|&g| g) && !e.gold[best] && shown < 40 {
            shown += 1;
            let g = e.gold.iter().position(|&g| g).unwrap_or(0);
            eprintln!(
                "{} candidates\n  GOLD {:.2} {}\n  PICK {:.2} {}",
                e.cands.len(),
                sc[g],
                on(&e.cands[g]),
                sc[best],
                on(&e.cands[best])
            );
        }
    }
}

fn litbank_doc(
    doc: &LitDoc,
    scorer: crate::engine::Scorer<'_>,
    s: &mut Scores,
    misses: &mut Vec<String>,
    dump: bool,
) -> Vec<crate::speaker_rank::Example> {
    let (stem, qann, tokenised, cann) = (
        doc.stem.as_str(),
        doc.qann.as_str(),
        doc.tokenised.as_str(),
        doc.cann.as_str(),
    );
    let r = &doc.rejoined;
    let work = &doc.work;
    let (a, ex) = crate::engine::run_explained(work, scorer);
    let how = ex.how;
    let quote_cands = ex.cands;
    // the excerpt is (nearly) one continuous scene: every boundary is a likely false one
    s.continuous_words += work
        .chapters
        .iter()
        .flat_map(|c| &c.scenes)
        .flat_map(|sc| &sc.paragraphs)
        .map(|p| p.text.split_whitespace().count())
        .sum::<usize>();
    for w in a.scenes.windows(2) {
        if w[0].chapter != w[1].chapter {
            continue;
        }
        s.continuous_boundaries += 1;
        let b = w[1].paragraphs[0];
        let text = work
            .chapters
            .iter()
            .find(|c| c.number == w[1].chapter)
            .and_then(|c| c.scenes.iter().flat_map(|sc| &sc.paragraphs).nth(b))
            .map_or("", |p| p.text.as_str());
        let end = text.floor_char_boundary(100.min(text.len()));
        misses.push(format!(
            "litbank {stem}: scene boundary in continuous text at ¶{b}: {:?}/{:?} -> {:?}/{:?}: {}…",
            w[0].person,
            w[0].pov,
            w[1].person,
            w[1].pov,
            &text[..end]
        ));
    }
    if dump && std::env::var("FICARCHIVE_EVAL_DUMP").is_ok_and(|v| stem.contains(&v)) {
        for ch in &work.chapters {
            for (i, p) in ch.scenes.iter().flat_map(|s| &s.paragraphs).enumerate() {
                eprintln!("ch{} ¶{i}: {}", ch.number, p.text);
            }
        }
        for ((q, h), c) in a.quotes.iter().zip(&how).zip(&quote_cands) {
            eprintln!(
                "Q ch{} ¶{} {:?} {h} {:?}",
                q.chapter, q.paragraph, q.speaker, q.text
            );
            // the learned scorer's candidates with their scores and cues (under the fold's weights)
            if let (Some(c), crate::engine::Scorer::Learned(w)) = (c, &scorer) {
                dump_cands(c, w);
            }
        }
    }
    // coreference: chains, proper-name mentions, PER spans
    let mut prop_per: HashSet<(usize, usize)> = HashSet::new();
    let mut per: HashSet<(usize, usize)> = HashSet::new();
    let mut chains: HashMap<String, Vec<ChainMention>> = HashMap::new();
    for line in cann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(meta), Some(text)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        if !id.starts_with('T') {
            continue;
        }
        let mut m = meta.split(' ');
        let (Some(label), Some(st), Some(en)) = (m.next(), m.next(), m.next()) else {
            continue;
        };
        let (Ok(st), Ok(en)) = (st.parse::<usize>(), en.parse::<usize>()) else {
            continue;
        };
        match label {
            "PROP_PER" => {
                prop_per.insert((st, en));
                per.insert((st, en));
            }
            l if l.ends_with("_PER") => {
                per.insert((st, en));
            }
            l if l.contains('-') && !l.contains('_')
                || l.rsplit_once('-')
                    .is_some_and(|(_, n)| n.parse::<u32>().is_ok()) =>
            {
                chains
                    .entry(l.to_string())
                    .or_default()
                    .push(((st, en), text.to_string()));
            }
            _ => {}
        }
    }
    let chain_names: HashMap<&str, HashSet<String>> = chains
        .iter()
        .map(|(id, ms)| {
            (
                id.as_str(),
                ms.iter()
                    .filter(|(sp, _)| prop_per.contains(sp))
                    .map(|(_, t)| name_key(t))
                    .collect(),
            )
        })
        .collect();
    let predicted: Vec<HashSet<String>> = a
        .characters
        .iter()
        .map(|c| keys_of(&c.name, &c.aliases))
        .collect();
    // characters: named PER chains with at least two mentions
    let gold_chars: Vec<&str> = chains
        .iter()
        .filter(|(id, ms)| {
            ms.len() >= 2
                && ms.iter().any(|(sp, _)| per.contains(sp))
                && chain_names.get(id.as_str()).is_some_and(|n| !n.is_empty())
        })
        .map(|(id, _)| id.as_str())
        .collect();
    // each predicted character stands for one gold entity: the chain with the most mentions
    // (proper or common: "Holmes", "the parson") whose text is one of the character's names
    let mut chain_ids: Vec<&str> = chains.keys().map(String::as_str).collect();
    chain_ids.sort_unstable();
    // the unnamed narrator's "I" is the narrator only in narration: inside a quotation it is the
    // speaker ("'I was a child,' said Douglas"), so a character that stands for the narrator
    // counts only first-person mentions outside the gold quotations
    let quoted = quoted_char_offsets(tokenised, qann);
    let to_chain: Vec<Option<&str>> = predicted
        .iter()
        .map(|p| {
            chain_ids
                .iter()
                .map(|id| {
                    let ms = &chains[*id];
                    let hits = ms
                        .iter()
                        .filter(|(sp, t)| {
                            names_mention(p, t) && !(name_key(t) == "i" && quoted.contains(&sp.0))
                        })
                        .count();
                    (hits, *id)
                })
                .filter(|(hits, _)| *hits > 0)
                .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(a.1)))
                .map(|(_, id)| id)
        })
        .collect();
    if dump && std::env::var("FICARCHIVE_EVAL_DUMP").is_ok_and(|v| stem.contains(&v)) {
        for (c, m) in a.characters.iter().zip(&to_chain) {
            eprintln!("C {stem}: {} {:?} -> {m:?}", c.name, c.aliases);
        }
    }
    let is_person_chain = |id: &str| chains[id].iter().any(|(sp, _)| per.contains(sp));
    // one-off voices ("said another") are listed for their quotations, not as the work's people
    for (c, ch) in to_chain.iter().zip(&a.characters) {
        if !ch.voice {
            s.character_precision.add(c.is_some_and(is_person_chain));
        }
    }
    for g in &gold_chars {
        let names = &chain_names[g];
        let found = predicted.iter().any(|p| !p.is_disjoint(names));
        s.character_recall.add(found);
        if !found {
            let mut ns: Vec<&String> = names.iter().collect();
            ns.sort();
            misses.push(format!(
                "litbank {stem}: character not found: {g} ({} mentions) {ns:?}",
                chains[*g].len()
            ));
        }
        if names.len() >= 2 {
            let best = predicted
                .iter()
                .max_by_key(|p| names.intersection(p).count());
            for n in names {
                let ok = best.is_some_and(|p| p.contains(n));
                s.alias_grouping.add(ok);
                if !ok {
                    misses.push(format!("litbank {stem}: alias not grouped: {g}: {n}"));
                }
            }
        }
    }
    let quote_spans: Vec<(
        Span,
        crate::Quote<'_>,
        &'static str,
        Option<&crate::engine::NamedCands>,
    )> = a
        .quotes
        .iter()
        .zip(&how)
        .zip(&quote_cands)
        .filter_map(|((q, h), c)| Some((q.span?, q, *h, c.as_ref())))
        .collect();
    let chain_of = |name: &str| {
        a.characters
            .iter()
            .position(|c| c.name == name)
            .and_then(|c| to_chain[c])
    };
    let mut examples = Vec::new();
    let mut pred_hit = vec![false; quote_spans.len()];
    let mut gold_by_quote: HashMap<usize, &str> = HashMap::new();
    let mut attrib: HashMap<&str, &str> = HashMap::new();
    for line in qann.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.first() == Some(&"ATTRIB") && cols.len() >= 3 {
            attrib.insert(cols[1], cols[2]);
        }
    }
    for line in qann.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.first() != Some(&"QUOTE") || cols.len() < 6 {
            continue;
        }
        let nums: Vec<usize> = cols[2..6].iter().filter_map(|c| c.parse().ok()).collect();
        if nums.len() != 4 {
            continue;
        }
        let start = r
            .tokens
            .get(nums[0])
            .and_then(|s| s.get(nums[1]))
            .map(|t| t.0);
        let end = r
            .tokens
            .get(nums[2])
            .and_then(|s| s.get(nums[3]))
            .map(|t| t.1);
        let (Some(gs), Some(ge)) = (start, end) else {
            continue;
        };
        let mut best: Option<(usize, usize)> = None;
        for (i, (sp, _, _, _)) in quote_spans.iter().enumerate() {
            let ov = sp.end.min(ge).saturating_sub(sp.start.max(gs));
            if ov * 2 >= sp.len().max(1) && ov > 0 {
                pred_hit[i] = true;
                if best.is_none_or(|b| ov > b.1) {
                    best = Some((i, ov));
                }
            }
        }
        s.quote_recall.add(best.is_some());
        if best.is_none() {
            let ctx_end = r.text.floor_char_boundary((ge + 40).min(r.text.len()));
            let ctx_start = r.text.floor_char_boundary(gs.saturating_sub(60));
            misses.push(format!(
                "litbank {stem}: quotation missed: …{}⟦{}⟧{}…",
                &r.text[ctx_start..gs],
                &r.text[gs..ge],
                &r.text[ge..ctx_end]
            ));
        }
        let gold_id = attrib.get(cols[1]).copied();
        let gold_names = gold_id.and_then(|id| chain_names.get(id));
        let ok = best.is_some_and(|(i, _)| {
            let q = quote_spans[i].1;
            let Some(sp) = &q.speaker else { return false };
            let mapped = a
                .characters
                .iter()
                .position(|c| *c.name == **sp)
                .and_then(|c| to_chain[c]);
            mapped.is_some() && mapped == gold_id
        });
        if let Some((i, _)) = best {
            if let Some(g) = gold_id {
                gold_by_quote.insert(i, g);
                if let Some(c) = quote_spans[i].3 {
                    examples.push(example_of(c, |name| chain_of(name) == Some(g)));
                }
            }
            s.speaker_accuracy.add(ok);
            s.speaker_reachable
                .add(gold_id.is_some_and(|g| to_chain.contains(&Some(g))));
            s.speaker_by_rule
                .entry(quote_spans[i].2)
                .or_default()
                .add(ok);
            if !ok {
                let q = quote_spans[i].1;
                let mut want: Vec<&String> =
                    gold_names.map(|g| g.iter().collect()).unwrap_or_default();
                want.sort();
                let ctx_start = r
                    .text
                    .floor_char_boundary(q.span.map_or(0, |sp| sp.start).saturating_sub(120));
                let q_end = q.span.map_or(0, |sp| sp.end);
                let ctx_end = r.text.floor_char_boundary((q_end + 60).min(r.text.len()));
                let ctx = r.text.get(ctx_start..q_end).unwrap_or("");
                let after = r.text.get(q_end..ctx_end).unwrap_or("");
                misses.push(format!(
                    "litbank {stem}: speaker [{}] got {:?}, want {want:?} (gold {}): …{ctx} ⟦{after}⟧",
                    quote_spans[i].2,
                    q.speaker,
                    attrib.get(cols[1]).unwrap_or(&"?")
                ));
            }
        }
        s.speaker_end_to_end.add(ok);
    }
    let mut judged: Vec<(usize, &str)> = gold_by_quote.iter().map(|(&i, &g)| (i, g)).collect();
    judged.sort_unstable();
    let groups: Vec<(Option<&str>, &str)> = judged
        .iter()
        .map(|&(i, g)| (quote_spans[i].1.speaker, g))
        .collect();
    s.speaker_b3.add_document(&groups);
    for (h, (sp, _, _, _)) in pred_hit.iter().zip(&quote_spans) {
        s.quote_precision.add(*h);
        if !h {
            let ctx_start = r.text.floor_char_boundary(sp.start.saturating_sub(60));
            let ctx_end = r.text.floor_char_boundary((sp.end + 40).min(r.text.len()));
            misses.push(format!(
                "litbank {stem}: quotation not in the annotation: …{}⟦{}⟧{}…",
                &r.text[ctx_start..sp.start],
                &r.text[sp.start..sp.end],
                &r.text[sp.end..ctx_end]
            ));
        }
    }
    // FICARCHIVE_EVAL_TSV=FILE appends one line per found quotation (paragraph, rule, speaker,
    // its gold entity, the gold speaker's entity) for offline study of the speaker rules
    if dump && let Ok(path) = std::env::var("FICARCHIVE_EVAL_TSV") {
        use std::io::Write;
        let gold_of = gold_by_quote;
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            for (c, m) in a.characters.iter().zip(&to_chain) {
                let _ = writeln!(
                    f,
                    "C\t{stem}\t{}\t{}\t{}",
                    c.name,
                    m.unwrap_or("-"),
                    c.gender.as_deref().unwrap_or("-")
                );
            }
            for (i, (_, q, h, _)) in quote_spans.iter().enumerate() {
                let pred = q.speaker.as_ref().and_then(|sp| {
                    a.characters
                        .iter()
                        .position(|c| *c.name == **sp)
                        .and_then(|c| to_chain[c])
                });
                let _ = writeln!(
                    f,
                    "Q\t{stem}\t{}\t{h}\t{}\t{}\t{}",
                    q.paragraph,
                    q.speaker.unwrap_or("-"),
                    pred.unwrap_or("-"),
                    gold_of.get(&i).copied().unwrap_or("-"),
                );
            }
        }
    }
    examples
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of a work's paragraphs, in order.
    fn paragraph_texts(w: &Work) -> Vec<&str> {
        w.chapters[0]
            .scenes
            .iter()
            .flat_map(|s| &s.paragraphs)
            .map(|p| p.text.as_str())
            .collect()
    }

    #[test]
    fn printed_paragraph_starts_cut_the_rejoined_text_mid_sentence_too() {
        let r = rejoin("He said : “ Go .\n” She went .\nThen rain .\n");
        let w = work_from_paragraph_starts(&r, &[(0, 3), (2, 0)]);
        assert_eq!(
            paragraph_texts(&w),
            ["He said:", "“Go.” She went.", "Then rain."]
        );
        // a heading paragraph starts a chapter and titles it
        let r = rejoin("He left .\nCHAPTER II .\nShe came .\n");
        let w = work_from_paragraph_starts(&r, &[(1, 0), (2, 0)]);
        assert_eq!(w.chapters.len(), 2);
        assert_eq!(w.chapters[1].title.as_deref(), Some("CHAPTER II."));
        assert!(is_chapter_heading("III") && is_chapter_heading("Chapter 2"));
        assert!(!is_chapter_heading("Chapter and verse") && !is_chapter_heading("Go."));
        // a start past the text is ignored
        let w = work_from_paragraph_starts(&r, &[(9, 0)]);
        assert_eq!(paragraph_texts(&w).len(), 1);
    }

    #[test]
    fn a_tag_sentence_after_a_quotation_stays_in_its_paragraph() {
        // LitBank splits after "?": "I said." continues the quotation's paragraph, full stop and all
        let r = rejoin("‘ What is it ? ’\nI said .\n‘ Nothing . ’\n");
        let w = litbank_work(&r);
        let texts = paragraph_texts(&w);
        assert_eq!(texts, ["‘What is it?’ I said.", "‘Nothing.’"]);
    }

    #[test]
    fn lone_single_marks_are_quotations_or_apostrophes() {
        let r = rejoin("' Lor bless her , no ! ' said the nurse .\nAn ' he was goin ' home .\n");
        assert_eq!(
            r.text,
            "‘Lor bless her, no!’ said the nurse. An' he was goin' home."
        );
    }

    #[test]
    fn dash_speech_after_a_colon_is_its_own_paragraph() {
        let r = rejoin(
            "He held the bowl aloft and intoned : — Introibo ad altare Dei .\n— Back to barracks !\nhe said sternly .\nHe came forward .\n",
        );
        let w = litbank_work(&r);
        let texts = paragraph_texts(&w);
        assert_eq!(
            texts,
            [
                "He held the bowl aloft and intoned:",
                "— Introibo ad altare Dei.",
                "— Back to barracks! he said sternly.",
                "He came forward."
            ]
        );
    }

    #[test]
    fn rejoin_attaches_punctuation_and_quotes() {
        let r = rejoin("“ Hello , Emma ! ” said he .\nShe did n't .\n");
        assert_eq!(r.text, "“Hello, Emma!” said he. She didn't.");
        let (s, e) = r.tokens[0][3];
        assert_eq!(&r.text[s..e], "Emma");
    }

    #[test]
    fn other_fold_seeds_deal_other_folds_of_the_same_sizes() {
        let standard = fold_assignment(100, 0);
        assert!(standard.iter().enumerate().all(|(i, &f)| f == i % FOLDS));
        let dealt = fold_assignment(100, 1);
        assert_ne!(dealt, standard);
        assert_ne!(dealt, fold_assignment(100, 2));
        assert_eq!(dealt, fold_assignment(100, 1));
        // a different partition, not the standard one relabelled: some two documents of one
        // standard fold are held out apart
        assert!((0..100).any(|i| (0..100).any(|j| i % FOLDS == j % FOLDS && dealt[i] != dealt[j])));
        for f in 0..FOLDS {
            assert_eq!(dealt.iter().filter(|&&x| x == f).count(), 10);
        }
        assert_eq!(fold_assignment(7, 3).iter().filter(|&&x| x == 0).count(), 1);
    }

    #[test]
    fn shipped_speaker_weights_are_what_training_gives() {
        // forgetting to retrain after changing a cue would ship weights for other cues; LitBank
        // sits in shared/ beside the repository (skipped where it does not)
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let Some(dir) = ["../shared", "../../shared"]
            .iter()
            .map(|s| root.join(s).join("eval/litbank"))
            .find(|d| d.join("quotations/tsv").is_dir())
        else {
            return;
        };
        let (weights, docs, fics) = train_speaker(&dir, &root.join(FIC_TRAINING_DIR), &|t| {
            ficarchive_formats::text::read_text(t).ok()
        });
        assert!(docs > 0 && fics > 0);
        for (k, (got, shipped)) in weights
            .iter()
            .zip(crate::speaker_model::WEIGHTS)
            .enumerate()
        {
            assert!(
                (got - shipped).abs() < 1e-4,
                "{}: trained {got}, shipped {shipped}: run the train_speaker example",
                crate::speaker_rank::FEATURE_NAMES[k]
            );
        }
    }

    #[test]
    fn quoted_offsets_cover_only_the_gold_quotation() {
        // "“ I am ” , said I ." with the quotation on tokens 0..=3 of sentence 0
        let tokenised = "“ I am ” , said I .\n";
        let qann = "QUOTE\tQ1\t0\t0\t0\t3\t“ I am ”\n";
        let q = quoted_char_offsets(tokenised, qann);
        assert!(q.contains(&2), "the quoted I");
        assert!(!q.contains(&16), "the narrator's I");
    }

    #[test]
    fn b_cubed_scores_the_grouping_not_the_names() {
        // gold: a a b; predicted: x x y is a perfect grouping whatever the names
        let mut perfect = BCubed::default();
        perfect.add_document(&[(Some("x"), "a"), (Some("x"), "a"), (Some("y"), "b")]);
        assert_eq!(perfect.f1(), Some(1.0));
        // everything to one speaker: precision (2/3+2/3+1/3)/3 = 5/9, recall 1
        let mut lumped = BCubed::default();
        lumped.add_document(&[(Some("x"), "a"), (Some("x"), "a"), (Some("x"), "b")]);
        let f = lumped.f1().unwrap_or(0.0);
        assert!((f - 2.0 * (5.0 / 9.0) / (5.0 / 9.0 + 1.0)).abs() < 1e-9);
        // no speaker at all: singletons, precision 1, recall (1/2+1/2+1)/3
        let mut none = BCubed::default();
        none.add_document(&[(None::<&str>, "a"), (None, "a"), (None, "b")]);
        let r = 2.0 / 3.0;
        assert!((none.f1().unwrap_or(0.0) - 2.0 * r / (1.0 + r)).abs() < 1e-9);
        assert_eq!(BCubed::default().f1(), None);
    }

    #[test]
    fn lines_number_non_empty_lines() {
        let l = Lines::new("a\n\nb\nc");
        assert_eq!(l.number(0), Some(1));
        assert_eq!(l.number(3), Some(2));
        assert_eq!(l.number(5), Some(3));
    }
}
