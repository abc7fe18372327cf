//! Scene segmentation and point of view: a Viterbi pass over paragraphs, first on grammatical person
//! and then on the focal character, with a cost for every switch. Linear in the paragraph count.

use std::borrow::Cow;

use crate::hash::HashMap;

use crate::characters::Cluster;
use crate::engine::{
    Evidence, Para, ParaEvidence, ParaPlaces, Paras, PovEvidence, PovList, present_of,
};
use crate::lexicon::is_cognition_verb;
use crate::tokens::{tokenize, words};
use crate::{Person, SceneAnalysis};

/// Cost of switching person between paragraphs: high, since a first-person narrator tells whole
/// paragraphs about others without an "I", and a real switch of narrating person brings dozens of
/// pronouns (or a third-person mind entered, see `person_cost`).
const PERSON_SWITCH: f32 = 6.0;
/// Cost of switching point-of-view character between paragraphs.
const POV_SWITCH: f32 = 3.5;
/// Cost of switching point-of-view character into a paragraph that reads as a scene opening.
const OPENING_SWITCH: f32 = 1.0;
/// A first- or second-person run beside third-person narration tells the story only when this
/// share of its narration words are its pronouns (a first-person narrator says "I" about once in
/// every 10 to 20 words; an author's aside in a third-person text, once in 100 or more).
const PERSON_DENSITY: f32 = 0.03;
/// A paragraph alone in its person shorter than this (narration words) is an aside, not a scene:
/// a scene of one paragraph is rare, and an author's aside in the first person runs to a hundred
/// words or more.
const LONE_ASIDE_WORDS: u32 = 200;
/// Shortest run of paragraphs kept as a scene of its own point of view.
const MIN_POV_RUN: usize = 5;
/// A reader scene whose point of view switches this often without a break is head-hopping…
const OMNISCIENT_SWITCHES: usize = 2;
/// …and, with this many group or nobody minds in its narration ("no one knew"), omniscient.
const OMNISCIENT_COLLECTIVE_MINDS: usize = 2;
/// At most this many candidate point-of-view characters per run.
const POV_CANDIDATES: usize = 6;

/// Cheapest state sequence for `n` steps over `k` states, `cost(step, state)`, `penalty` per switch.
/// `k` is at most 256 (the callers have 3 persons or `POV_CANDIDATES`): the back pointers, `n * k`
/// of them, are bytes.
fn viterbi(n: usize, k: usize, cost: impl Fn(usize, usize) -> f32, penalty: f32) -> Vec<u8> {
    viterbi_with(n, k, cost, |_| penalty)
}

/// `viterbi` with a switch penalty that depends on the step switched into.
fn viterbi_with(
    n: usize,
    k: usize,
    cost: impl Fn(usize, usize) -> f32,
    penalty: impl Fn(usize) -> f32,
) -> Vec<u8> {
    if n == 0 || k == 0 {
        return vec![0; n];
    }
    let mut score: Vec<f32> = (0..k).map(|s| cost(0, s)).collect();
    debug_assert!(k <= 256);
    let mut back: Vec<u8> = Vec::with_capacity(n * k);
    back.extend((0..k).map(|s| s as u8));
    let mut next = vec![0f32; k];
    for i in 1..n {
        let (best_s, best) =
            score.iter().enumerate().fold(
                (0, f32::INFINITY),
                |acc, (s, &v)| if v < acc.1 { (s, v) } else { acc },
            );
        let penalty = penalty(i);
        for s in 0..k {
            let stay = score[s];
            let (prev, v) = if stay <= best + penalty {
                (s, stay)
            } else {
                (best_s, best + penalty)
            };
            next[s] = v + cost(i, s);
            back.push(prev as u8);
        }
        std::mem::swap(&mut score, &mut next);
    }
    let mut s = score
        .iter()
        .enumerate()
        .fold(
            (0, f32::INFINITY),
            |acc, (s, &v)| if v < acc.1 { (s, v) } else { acc },
        )
        .0;
    // the path is bytes too: the persons of a text of short lines are one a paragraph
    let mut path = vec![0u8; n];
    for i in (0..n).rev() {
        path[i] = s as u8;
        s = back[i * k + s] as usize;
    }
    path
}

/// A paragraph's evidence for the grammatical person of its narration (12 bytes: one is kept
/// per paragraph of a reader scene, which can be every paragraph of the text).
#[derive(Clone, Copy, Default, Debug)]
struct PersonEvidence {
    first: u16,
    second: u16,
    /// "we", "us", "our": a first-person narrator's, or an author's ("as we shall see").
    plural_first: u16,
    words: u16,
    /// Minds of characters entered in the third person ("she thought", "he wondered").
    minds: f32,
}

impl PersonEvidence {
    /// A paragraph that opens with a dash is a turn of dash dialogue: the speech runs on after
    /// its tag ("— God, is n't he dreadful? he said frankly. He thinks you 're not a
    /// gentleman.") with no mark to close it, so its "I" and "you" are the speaker's, not the
    /// narration's. It says nothing about the person of the narration.
    fn of(p: &Para<'_>, e: &ParaEvidence, minds: &[(usize, f32)]) -> Self {
        if opens_with_dash(p.text) {
            return Self::default();
        }
        Self {
            first: e.first,
            second: e.second,
            plural_first: e.plural_first,
            words: e.words,
            minds: minds.iter().map(|m| m.1).sum(),
        }
    }
}

/// Whether a paragraph opens with a dash (a dash-dialogue turn: "— Tell me, Mulligan, Stephen
/// said quietly.").
fn opens_with_dash(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with(['—', '–', '―']) || t.starts_with("--")
}

fn person_cost(ev: &PersonEvidence, state: usize) -> f32 {
    let (f, s) = (ev.first.min(4) as f32, ev.second.min(4) as f32);
    let len = (ev.words as f32 / 30.0).min(1.0);
    // a paragraph with "we" but no "I" still fits a first-person narrator (one who tells what
    // "we" did, or describes a companion in "our" party); it is no evidence for the first person
    // either, since an author says "we" too
    let no_first = ev.first == 0 && ev.plural_first == 0;
    // a third-person mind entered ("she thought") is what a first-person narrator cannot tell
    let minds = 0.75 * ev.minds.min(2.0);
    match state {
        0 => 1.5 * (f + s),                                              // third
        1 => (if no_first { 2.0 * len } else { 0.0 }) + 0.5 * s + minds, // first
        _ => (if ev.second == 0 { 2.0 * len } else { 0.0 }) + 0.75 * f,  // second
    }
}

/// Splits each reader scene into scenes of one person and one point-of-view character. Also
/// returns, per paragraph, the narrator of a first-person scene (who "I" is in a speech tag), as
/// runs (`Narrators`): a text of short lines has very many paragraphs.
///
/// A paragraph without a first-person narrator in `Narrators` (a u32, not an `Option`).
pub(crate) const NO_NARRATOR: u32 = u32::MAX;

/// The narrator of each paragraph (`NO_NARRATOR` for none), kept as runs, not per paragraph (4
/// bytes a paragraph in a text of short lines): (first paragraph, narrator) ascending, each run
/// lasting to the next; none before the first.
#[derive(Debug, Default)]
pub(crate) struct Narrators {
    runs: Vec<(usize, u32)>,
}

impl Narrators {
    /// Gives paragraphs `r` the narrator `n`; ranges come in order and do not overlap.
    pub(crate) fn fill(&mut self, r: std::ops::Range<usize>, n: u32) {
        if r.is_empty() {
            return;
        }
        if self.runs.last().is_some_and(|&(s, _)| s == r.start) {
            self.runs.pop();
        }
        if self.of(r.start) != n {
            self.runs.push((r.start, n));
        }
        if self.of(r.end) != NO_NARRATOR {
            self.runs.push((r.end, NO_NARRATOR));
        }
    }

    /// The narrator of paragraph `k`.
    pub(crate) fn of(&self, k: usize) -> u32 {
        match self.runs.partition_point(|&(s, _)| s <= k) {
            0 => NO_NARRATOR,
            i => self.runs[i - 1].1,
        }
    }

    /// Replaces every narrator by `f` of it (`NO_NARRATOR` stays itself).
    pub(crate) fn map(&mut self, f: impl Fn(u32) -> u32) {
        for (_, n) in &mut self.runs {
            if *n != NO_NARRATOR {
                *n = f(*n);
            }
        }
    }
}

/// A scene with its first and last paragraph in the list the analysis keeps: its source span
/// is left for the caller to fill from the work (the paragraph list keeps no source offsets).
pub(crate) type Placing = (SceneAnalysis, [usize; 2]);

#[allow(clippy::too_many_arguments)]
pub(crate) fn segment(
    paras: &Paras<'_>,
    places: &ParaPlaces,
    scene_runs: &[(u32, u32)],
    evidence: &Evidence,
    pov: &PovList,
    present_ids: &[u32],
    clusters: &[Cluster],
    mentions: &[u32],
    _no_dialogue: bool,
) -> (Vec<Placing>, Narrators) {
    let mut narrators = Narrators::default();
    let mut out = Vec::new();
    // the reader's scenes: (first paragraph, scene) in order (`engine::SceneRuns`)
    for (k, &(first, _)) in scene_runs.iter().enumerate() {
        let start = first as usize;
        let end = scene_runs
            .get(k + 1)
            .map_or(paras.len(), |&(next, _)| next as usize);
        segment_run(
            paras,
            evidence,
            pov,
            present_ids,
            clusters,
            mentions,
            start,
            end,
            &mut out,
            &mut narrators,
        );
    }
    // the scenes' chapters and paragraph indices, from where their first and last paragraphs sit
    for (scene, [first, last]) in &mut out {
        let (chapter, a) = places.of(*first);
        scene.chapter = chapter;
        scene.paragraphs = [a as usize, places.of(*last).1 as usize];
    }
    (out, narrators)
}

#[allow(clippy::too_many_arguments)]
fn segment_run(
    paras: &Paras<'_>,
    evidence: &Evidence,
    pov: &PovList,
    present_ids: &[u32],
    clusters: &[Cluster],
    mentions: &[u32],
    start: usize,
    end: usize,
    out: &mut Vec<Placing>,
    narrators: &mut Narrators,
) {
    // the person evidence is read from the paragraph evidence when it is asked for, not kept
    // in a list of its own (12 bytes a paragraph); the Viterbi asks three times a step, so the
    // last step's is remembered
    let ev = |i: usize| {
        PersonEvidence::of(
            &paras.at(start + i),
            &evidence.get(start + i),
            pov.minds(start + i),
        )
    };
    let last = std::cell::Cell::new((usize::MAX, PersonEvidence::default()));
    let cost = |i: usize, s: usize| {
        let (at, mut e) = last.get();
        if at != i {
            e = ev(i);
            last.set((i, e));
        }
        person_cost(&e, s)
    };
    let mut persons = viterbi(end - start, 3, cost, PERSON_SWITCH);
    lone_paragraphs_are_asides(&mut persons, ev);
    sparse_persons_are_asides(&mut persons, ev);
    let mut i = 0;
    while i < persons.len() {
        let mut j = i + 1;
        while j < persons.len() && persons[j] == persons[i] {
            j += 1;
        }
        match persons[i] {
            0 => third_person(
                paras,
                evidence,
                pov,
                present_ids,
                clusters,
                start + i,
                start + j,
                out,
            ),
            p => {
                // the one told "you" is the reader, not a character of the text
                let narrator = (p == 1)
                    .then(|| narrator(pov, start + i..start + j, clusters, mentions))
                    .flatten();
                narrators.fill(
                    start + i..start + j,
                    narrator
                        .and_then(|n| u32::try_from(n).ok())
                        .unwrap_or(NO_NARRATOR),
                );
                let person = if p == 1 {
                    Person::First
                } else {
                    Person::Second
                };
                let leaps = if p == 1 {
                    first_person_leaps(paras, start + i, start + j)
                } else {
                    Vec::new()
                };
                let bounds: Vec<usize> = std::iter::once(start + i)
                    .chain(leaps)
                    .chain(std::iter::once(start + j))
                    .collect();
                for b in bounds.windows(2) {
                    out.push(scene(
                        b[0],
                        b[1],
                        person,
                        narrator.map(|c| clusters[c].name.clone()),
                    ));
                }
            }
        }
        i = j;
    }
}

/// A lone paragraph in another person is a thought, a letter ("It means you belong to
/// somebody.") or an author's aside ("I have mentioned his faults because I want it
/// understood…"), not a scene, when it is shorter than `LONE_ASIDE_WORDS`: it takes the person
/// of the paragraph before it (of the one after it, at the start).
fn lone_paragraphs_are_asides(persons: &mut [u8], ev: impl Fn(usize) -> PersonEvidence) {
    for i in 0..persons.len() {
        let lone = (i == 0 || persons[i - 1] != persons[i])
            && (i + 1 == persons.len() || persons[i + 1] != persons[i]);
        if lone && u32::from(ev(i).words) < LONE_ASIDE_WORDS && persons.len() > 1 {
            persons[i] = if i > 0 {
                persons[i - 1]
            } else {
                persons[i + 1]
            };
        }
    }
}

/// A run in the first or second person inside a reader scene told partly in the third is a
/// narrator's aside ("I will assign no fictitious name to this town", "as you may imagine") unless
/// its pronouns are as dense as a narrator's who tells the story: at least `PERSON_DENSITY` of its
/// narration words. Such a run is third person. `persons` is 0 (third), 1 (first), 2 (second).
fn sparse_persons_are_asides(persons: &mut [u8], ev: impl Fn(usize) -> PersonEvidence) {
    if persons.iter().all(|&p| p == persons[0]) {
        return;
    }
    let mut i = 0;
    while i < persons.len() {
        let j = run_end(persons, i);
        if persons[i] != 0 {
            let (pronouns, words) = (i..j).map(&ev).fold((0u32, 0u32), |(p, w), e| {
                let n = if persons[i] == 1 { e.first } else { e.second };
                (p + u32::from(n), w + u32::from(e.words))
            });
            if (pronouns as f32) < PERSON_DENSITY * words as f32 {
                persons[i..j].fill(0);
            }
        }
        i = j;
    }
}

#[allow(clippy::too_many_arguments)]
fn third_person(
    paras: &Paras<'_>,
    evidence: &Evidence,
    pov: &PovList,
    present_ids: &[u32],
    clusters: &[Cluster],
    start: usize,
    end: usize,
    out: &mut Vec<Placing>,
) {
    // paragraph `start + k`'s point-of-view evidence, found by a binary search in the list of
    // the paragraphs that have some; the Viterbi asks once per state of a step, so the last
    // step's is remembered
    let cursor = std::cell::Cell::new(0);
    let last_ev = std::cell::Cell::new((usize::MAX, None));
    let ev = |k: usize| {
        let (at, e) = last_ev.get();
        if at == k {
            return e;
        }
        let e = pov.get_from(start + k, &cursor);
        last_ev.set((k, e));
        e
    };
    let pov_of = |k: usize| ev(k).map_or(&[][..], |e| &e.pov);
    // "her aunt" is named from the focal character's side: it is never the focal one itself
    let relational = |c: usize| {
        let n = &clusters[c].name;
        ["her ", "his ", "my ", "their ", "our ", "your "]
            .iter()
            .any(|d| n.starts_with(d))
    };
    // summed in a map: a long scene can have thousands of characters with evidence
    let mut by_character: HashMap<usize, f32> = HashMap::default();
    for k in 0..end - start {
        for &(c, w) in pov_of(k).iter().filter(|&&(c, _)| !relational(c)) {
            *by_character.entry(c).or_insert(0.0) += w;
        }
    }
    let mut totals: Vec<(usize, f32)> = by_character.into_iter().collect();
    totals.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    totals.truncate(POV_CANDIDATES);
    if totals.is_empty() {
        out.push(scene(start, end, Person::Third, None));
        return;
    }
    let cands: Vec<usize> = totals.iter().map(|t| t.0).collect();
    let genders: Vec<Option<bool>> = cands.iter().map(|&c| clusters[c].gender()).collect();
    // first level: unanchored pronouns go to the hypothesised focal character, so a switch
    // between characters of different genders is placed where the new one's he/she starts
    let refocused = |i: usize, s: usize| pov_cost(ev(i), cands[s], genders[s], Reading::Focal);
    let chained = |i: usize, s: usize| pov_cost(ev(i), cands[s], genders[s], Reading::Chain);
    let plain = |i: usize, s: usize| pov_cost(ev(i), cands[s], genders[s], Reading::Salience);
    // a stripped scene break: a switch is cheaper where a new scene opens
    let cand_clusters: Vec<&Cluster> = cands.iter().map(|&c| &clusters[c]).collect();
    let cand_full_names = full_names(&cand_clusters);
    let mut sentence = Sentence::default();
    let opens: Vec<bool> = (start..end)
        .map(|k| k > start && scene_opening(paras, k, &cand_full_names, &mut sentence))
        .collect();
    let penalty = |i: usize| if opens[i] { OPENING_SWITCH } else { POV_SWITCH };
    let mut path: Vec<usize> = viterbi_with(end - start, cands.len(), refocused, penalty)
        .into_iter()
        .map(usize::from)
        .collect();
    // second level: inside each run, characters of the same gender (for whom the first level's
    // pronouns are neutral) are told apart with free pronouns read as the name they follow, or as
    // the chain carried on from the previous paragraph ("…into Spike's mouth. As he sat up, …")
    let mut i = 0;
    while i < path.len() {
        let j = run_end(&path, i);
        let sub = viterbi_with(
            j - i,
            cands.len(),
            |k, s| chained(i + k, s),
            |k| penalty(i + k),
        );
        for (p, &s) in path[i..j].iter_mut().zip(&sub) {
            *p = usize::from(s);
        }
        i = j;
    }
    // third: each run is named by the evidence as salience resolved it, which knows the gender
    // of the focal character better than the chains; neighbours given the same name merge
    let mut i = 0;
    while i < path.len() {
        let j = run_end(&path, i);
        let run_cost = |state: usize| (i..j).map(|k| plain(k, state)).sum::<f32>();
        let best = (0..cands.len())
            .min_by(|&a, &b| run_cost(a).total_cmp(&run_cost(b)).then(a.cmp(&b)))
            .unwrap_or(path[i]);
        path[i..j].fill(best);
        i = j;
    }
    // a point of view held for fewer than MIN_POV_RUN paragraphs is noise in the evidence, not a
    // scene: it joins the run before it (or after it, at the start)
    let mut i = 0;
    while i < path.len() {
        let j = run_end(&path, i);
        if j - i < MIN_POV_RUN && j - i < path.len() {
            // it joins whichever neighbour its own evidence fits better
            let run_cost = |state: usize| (i..j).map(|k| plain(k, state)).sum::<f32>();
            let fill = match (i.checked_sub(1).map(|k| path[k]), path.get(j).copied()) {
                (Some(a), Some(b)) => {
                    if run_cost(b) < run_cost(a) {
                        b
                    } else {
                        a
                    }
                }
                (Some(a), None) => a,
                (None, Some(b)) => b,
                (None, None) => path[i],
            };
            path[i..j].fill(fill);
        }
        i = j;
    }
    delay_switches(&mut path, |k, s| {
        pov_of(k)
            .iter()
            .find(|p| p.0 == cands[s])
            .map_or(0.0, |p| p.1)
    });
    let minds_of = |a: usize, b: usize, s: usize| -> f32 {
        (a..b)
            .flat_map(|k| pov.minds(start + k).iter().filter(|p| p.0 == cands[s]))
            .map(|p| p.1)
            .sum()
    };
    // head-hopping is counted before the minds are asked: an omniscient narrator hops between
    // characters whose minds it does not always enter
    let hops = switches(&path);
    no_switch_inside_a_conversation(
        &mut path,
        |k| !paras.at(start + k).quotes.is_empty(),
        |k, st| {
            let c = cands[st];
            opens_on(paras.at(start + k).text, &clusters[c])
                && !present_of(evidence, start + k - 1, present_ids)
                    .iter()
                    .any(|&p| p as usize == c)
        },
    );
    let weight_of = |a: usize, b: usize, s: usize| -> f32 {
        (a..b)
            .flat_map(|k| pov_of(k).iter().filter(|p| p.0 == cands[s]))
            .map(|p| p.1)
            .sum()
    };
    confirm_switches(&mut path, minds_of, |i, j, new, old| {
        opens[i] && weight_of(i, j, new) >= OPENING_EVIDENCE * weight_of(i, j, old).max(1.0)
    });
    no_switch_with_a_description(&mut path, |st| described(&clusters[cands[st]]));
    // a stripped scene break: the switch moves to the nearest scene opening
    move_switches_to_openings(&mut path, &opens);
    // head-hopping plus a voice that knows what no one present knows is an omniscient narrator:
    // the scene has no single focal character
    if hops >= OMNISCIENT_SWITCHES && enough_collective_minds(paras.range(start..end)) {
        out.push(scene(start, end, Person::Third, None));
        return;
    }
    let mut i = 0;
    while i < path.len() {
        let j = run_end(&path, i);
        out.push(scene(
            start + i,
            start + j,
            Person::Third,
            Some(clusters[cands[path[i]]].name.clone()),
        ));
        i = j;
    }
}

/// How far (paragraphs) a switch of focal character moves to reach a scene opening.
const OPENING_REACH: usize = 6;
/// Paragraphs before a scene opening in which a quotation must stand: a scene that opens on
/// narration follows the talk that closed the last one.
const TALK_REACH: usize = 3;
/// A switch onto a scene opening stands without a mind entered when the new run's evidence for
/// the new character is this many times the old one's.
const OPENING_EVIDENCE: f32 = 6.0;
/// Fewest paragraphs of a first-person scene split off at a leap in time.
const MIN_LEAP_SCENE: usize = 4;

/// One word of a [`Sentence`]: its bytes in the sentence's buffer, whether it was capitalised
/// and whether a comma or the sentence's end followed it.
#[derive(Clone, Copy)]
struct SentenceWord {
    start: u32,
    end: u32,
    cap: bool,
    pause: bool,
}

/// The words of a paragraph's first sentence (see [`first_sentence`]), lower-cased into one
/// buffer that is reused from paragraph to paragraph (a `String` per word cost more than the
/// checks that read them on a text of many short paragraphs).
#[derive(Default)]
struct Sentence {
    text: String,
    words: Vec<SentenceWord>,
}

impl Sentence {
    /// The first sentence of `text`, in a buffer of its own.
    fn of(text: &str) -> Self {
        let mut s = Sentence::default();
        first_sentence(text, &mut s);
        s
    }

    fn len(&self) -> usize {
        self.words.len()
    }

    /// The `i`th word, lower-cased.
    fn word(&self, i: usize) -> &str {
        let w = self.words[i];
        &self.text[w.start as usize..w.end as usize]
    }

    /// The `i`th word with whether it was capitalised and whether a pause followed it.
    fn get(&self, i: usize) -> Option<(&str, bool, bool)> {
        let w = *self.words.get(i)?;
        Some((self.word(i), w.cap, w.pause))
    }
}

/// The words of a paragraph's first sentence, lower-cased, with their punctuation trimmed, and
/// whether each was capitalised and was followed by a comma or the sentence's end, into `out`.
fn first_sentence(text: &str, out: &mut Sentence) {
    out.text.clear();
    out.words.clear();
    for raw in words(text).take(60) {
        let word = trim_to_alphanumeric(raw);
        let end = raw.ends_with(['.', '!', '?']);
        if !word.is_empty() {
            let start = out.text.len();
            if word.is_ascii() {
                out.text.push_str(word);
                out.text[start..].make_ascii_lowercase();
            } else {
                out.text.extend(
                    word.chars()
                        .map(|c| if c == '’' { '\'' } else { c })
                        .flat_map(char::to_lowercase),
                );
            }
            if out.text[start..].ends_with("'s") {
                out.text.truncate(out.text.len() - "'s".len());
            }
            let pause = end || raw.ends_with([',', ';', ':']);
            out.words.push(SentenceWord {
                start: start as u32,
                end: out.text.len() as u32,
                cap: word.starts_with(char::is_uppercase),
                pause,
            });
        }
        // "Mr." and "Mrs." do not end a sentence
        if end && !matches!(word, "Mr" | "Mrs" | "Ms" | "Dr" | "St") {
            break;
        }
    }
}

/// `word` without the characters that are not letters or digits at either end, as
/// `str::trim_matches` gives it, but byte by byte for an ASCII word (most are): the first
/// sentence of every paragraph is read.
fn trim_to_alphanumeric(word: &str) -> &str {
    if !word.is_ascii() {
        return word.trim_matches(|c: char| !c.is_alphanumeric());
    }
    let b = word.as_bytes();
    match (
        b.iter().position(u8::is_ascii_alphanumeric),
        b.iter().rposition(u8::is_ascii_alphanumeric),
    ) {
        (Some(s), Some(e)) => &word[s..=e],
        _ => "",
    }
}

/// A first sentence that jumps in time: "Hours later", "an hour later", "afterwards", "the next
/// morning", "that evening", "By the time…", "at six", "o'clock", "Meanwhile".
fn jumps_in_time(words: &Sentence) -> bool {
    time_jump(words) > 0
}

/// How far a first sentence jumps in time: 2 for a leap past the scene ("Hours later", "an hour
/// later", "Later", "afterwards", "the next morning", "that evening"), 1 for a time that may go on
/// the scene as well ("By the time…", a clock time, "Meanwhile"), 0 for none.
fn time_jump(words: &Sentence) -> u8 {
    let w = |i: usize| words.get(i).map_or("", |x| x.0);
    let unit = |s: &str| {
        matches!(
            s.trim_end_matches('s'),
            "minute" | "hour" | "day" | "week" | "month" | "year" | "night" | "moment"
        )
    };
    let period = |s: &str| {
        matches!(
            s,
            "morning" | "afternoon" | "evening" | "night" | "day" | "week" | "weekend"
        )
    };
    let leap = w(0) == "later"
        || (0..words.len()).any(|i| match w(i) {
            "afterwards" | "afterward" => true,
            "later" => i > 0 && unit(w(i - 1)),
            "next" | "following" => i > 0 && w(i - 1) == "the" && period(w(i + 1)),
            "that" => matches!(w(i + 1), "morning" | "afternoon" | "evening" | "night"),
            _ => false,
        });
    if leap {
        return 2;
    }
    let time = w(0) == "meanwhile"
        || (w(0) == "by" && w(1) == "the" && w(2) == "time")
        || (0..words.len()).any(|i| match w(i) {
            "o'clock" => true,
            // a clock time: "shuts at nine, and", "at oh-six-hundred"
            "at" => words.get(i + 1).is_some_and(|(n, _, pause)| {
                let head = n.split('-').next().unwrap_or("");
                (head.starts_with(|c: char| c.is_ascii_digit())
                    || (crate::lexicon::is_number_word(head) && head != "one")
                    || head == "oh"
                    || matches!(head, "noon" | "midnight" | "dawn" | "dusk"))
                    && (pause || matches!(w(i + 2), "o'clock" | "past" | "sharp" | "in" | "on"))
            }),
            _ => false,
        });
    u8::from(time)
}

/// A first sentence whose subject, a name or a noun, opens it in the past perfect ("Mara had
/// rehearsed this.", "The old captain had never liked the sea."): the narration steps back to
/// open a new scene.
fn in_past_perfect(words: &Sentence) -> bool {
    (1..words.len().min(4)).any(|i| {
        // a pronoun subject ("He had been there before.") goes on from the paragraph before
        if words.word(i) != "had"
            || matches!(
                words.word(i - 1),
                "he" | "she" | "they" | "it" | "i" | "we" | "you"
            )
        {
            return false;
        }
        let mut k = i + 1;
        while words.get(k).is_some_and(|(x, _, _)| {
            matches!(x, "not" | "never" | "already" | "just" | "long")
                || (x.ends_with("ly") && x.len() > 4)
        }) {
            k += 1;
        }
        words.get(k).is_some_and(|(x, _, _)| {
            (x.ends_with("ed") && x.len() > 3)
                || matches!(
                    x,
                    "been"
                        | "gone"
                        | "done"
                        | "known"
                        | "seen"
                        | "taken"
                        | "made"
                        | "come"
                        | "found"
                        | "thought"
                        | "told"
                        | "left"
                        | "kept"
                        | "brought"
                        | "given"
                        | "spent"
                        | "heard"
                        | "felt"
                        | "got"
                        | "gotten"
                        | "begun"
                        | "run"
                        | "written"
                        | "chosen"
                        | "grown"
                        | "worn"
                        | "held"
                        | "stood"
                        | "sat"
                        | "slept"
                        | "meant"
                        | "become"
                        | "spoken"
                        | "taught"
                        | "fought"
                        | "hidden"
                        | "fallen"
                        | "forgotten"
                        | "broken"
                        | "driven"
                        | "risen"
                        | "stolen"
                        | "woken"
                        | "drawn"
                        | "thrown"
                )
        })
    })
}

/// Whether a first sentence gives one of the characters by a full name of two words or more as
/// the subject of the sentence or of a clause joined by "and" ("Mara Quill had tried…",
/// "…, and Tom Reed's house is left"), as a scene opens.
fn gives_full_name(words: &Sentence, full_names: &[Vec<&str>]) -> bool {
    // the places a subject can open are found once, not once per name: a capitalised word
    // that opens the sentence or a clause joined by "and" (few in a sentence)
    (0..words.len())
        .filter(|&i| (i == 0 || words.word(i - 1) == "and") && words.words[i].cap)
        .any(|i| {
            full_names.iter().any(|parts| {
                // a run of as many words as the name has
                i + parts.len().max(1) <= words.len()
                    && parts
                        .iter()
                        .enumerate()
                        .all(|(j, p)| words.word(i + j) == *p)
            })
        })
}

/// The full names (keys of two words or more, split into their words) of the characters that
/// are not described (see `described`), for `gives_full_name`: split once per scene, not once
/// per paragraph asked about.
fn full_names<'a>(characters: &[&'a Cluster]) -> Vec<Vec<&'a str>> {
    characters
        .iter()
        .filter(|c| !described(c))
        .flat_map(|c| &c.keys)
        .map(|key| key.split(' ').collect::<Vec<&str>>())
        .filter(|parts| parts.len() >= 2)
        .collect()
}

/// Whether a paragraph reads as a scene opening: it opens in narration, a quotation stands in one
/// of the `TALK_REACH` paragraphs before it (the talk that closed the last scene), and its first
/// sentence jumps in time, steps back into the past perfect, or gives a character's full name.
/// `words` is a buffer for the first sentence.
fn scene_opening(
    paras: &Paras<'_>,
    k: usize,
    full_names: &[Vec<&str>],
    words: &mut Sentence,
) -> bool {
    if !narration_after_talk(paras, k) {
        return false;
    }
    first_sentence(paras.at(k).text, words);
    jumps_in_time(words) || in_past_perfect(words) || gives_full_name(words, full_names)
}

/// Whether a paragraph opens in narration and a quotation stands in one of the `TALK_REACH`
/// paragraphs before it.
fn narration_after_talk(paras: &Paras<'_>, k: usize) -> bool {
    paras
        .at(k)
        .text
        .trim_start()
        .starts_with(char::is_alphabetic)
        && paras
            .range(k.saturating_sub(TALK_REACH)..k)
            .any(|q| !q.quotes.is_empty())
}

/// The scenes of a first-person run: a narrator tells every scene, so a stripped break shows no
/// switch of point of view, only a leap in time. The run is split at each paragraph of narration
/// after talk whose first sentence leaps past the scene ("that evening", "two days later",
/// "afterwards"; not "By the time…", which may go on the scene), with at least
/// `MIN_LEAP_SCENE` paragraphs on each side. Returns the starts of the scenes after the first.
fn first_person_leaps(paras: &Paras<'_>, start: usize, end: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut last = start;
    for k in start + MIN_LEAP_SCENE..end.saturating_sub(MIN_LEAP_SCENE) {
        if k >= last + MIN_LEAP_SCENE
            && narration_after_talk(paras, k)
            && time_jump(&Sentence::of(paras.at(k).text)) == 2
        {
            out.push(k);
            last = k;
        }
    }
    out
}

/// Moves each switch of focal character to the nearest scene opening within `OPENING_REACH`
/// paragraphs (see `scene_opening`): the evidence for who is focal shifts a few paragraphs
/// before or after the place where the new scene opens, and a stripped break is where a new
/// scene opens. Both runs keep at least one paragraph.
fn move_switches_to_openings(path: &mut [usize], opens: &[bool]) {
    let mut old_start = 0;
    let mut i = run_end(path, 0);
    while i < path.len() {
        let j = run_end(path, i);
        let (old, new) = (path[i - 1], path[i]);
        let lo = i.saturating_sub(OPENING_REACH).max(old_start + 1);
        let hi = (i + OPENING_REACH).min(j - 1);
        let nearest = (lo..=hi)
            .filter(|&k| opens[k])
            .min_by_key(|&k| (k.abs_diff(i), k));
        let at = match nearest {
            Some(k) if k < i => {
                path[k..i].fill(new);
                k
            }
            Some(k) => {
                path[i..k].fill(old);
                k
            }
            None => i,
        };
        old_start = at;
        i = j;
    }
}

/// Moves each switch of focal character forward past paragraphs that still speak only of the
/// old one ("When he turned round, the room was empty." closes his scene; "Sam came back…" opens
/// the next): a new point of view starts where its character first appears, not before.
/// `weight(paragraph, state)` is the state's point-of-view evidence in that paragraph.
fn delay_switches(path: &mut [usize], weight: impl Fn(usize, usize) -> f32) {
    let mut i = 1;
    while i < path.len() {
        let (old, new) = (path[i - 1], path[i]);
        if old != new {
            let end = run_end(path, i);
            let mut k = i;
            // the new run keeps at least one paragraph
            while k + 1 < end && weight(k, new) <= 0.0 && weight(k, old) > 0.0 {
                path[k] = old;
                k += 1;
            }
            i = end;
        } else {
            i += 1;
        }
    }
}

/// Keeps a switch of focal character only where the narration enters the new character's mind:
/// in the new run, the new character is the subject of a perception or cognition verb ("Sam
/// noticed", "she wondered") at least once and at least as often as the old one. A character
/// who only acts and talks for a while ("Stede came and sat next to him", a stretch of
/// dialogue) is seen from the same point of view, not a new one. A run that fails joins the
/// point of view before it, and the next switch is judged against that one.
/// `minds(first, end, state)` counts the state's minds in paragraphs `first..end`.
///
/// A switch onto a scene opening also stands when `opening(first, end, new, old)` says so: there
/// the new run's evidence for the new character outweighs the old one's `OPENING_EVIDENCE` times
/// over, though its mind may not be entered in a verb the lexicon knows ("Tom knows which day
/// she means", in the present tense).
fn confirm_switches(
    path: &mut [usize],
    minds: impl Fn(usize, usize, usize) -> f32,
    opening: impl Fn(usize, usize, usize, usize) -> bool,
) {
    let mut i = run_end(path, 0);
    while i < path.len() {
        let j = run_end(path, i);
        let (old, new) = (path[i - 1], path[i]);
        let (mine, theirs) = (minds(i, j, new), minds(i, j, old));
        if (mine < 1.0 || mine < theirs) && !opening(i, j, new, old) {
            path[i..j].fill(old);
        }
        i = j;
    }
}

/// Keeps a switch of focal character only between two characters the narration calls by their
/// names: one it knows only by a description ("the girl", "the doctor", "the old lady") is seen
/// from outside, by a narration that does not share their mind, or is a named character under
/// another name (an alias not grouped), and a switch to or from them is the same scene going
/// on. The run joins the point of view before it, and the next switch is judged against that
/// one. `described(state)` tells whether the state's character has only a description.
fn no_switch_with_a_description(path: &mut [usize], described: impl Fn(usize) -> bool) {
    let mut i = run_end(path, 0);
    while i < path.len() {
        let j = run_end(path, i);
        let (old, new) = (path[i - 1], path[i]);
        if described(old) || described(new) {
            path[i..j].fill(old);
        }
        i = j;
    }
}

/// Whether a character's name is a description ("the girl", "a stranger"), not a name: none of
/// its words is capitalised ("the Doctor" is a name).
fn described(c: &Cluster) -> bool {
    !c.name
        .split_whitespace()
        .any(|w| w.starts_with(char::is_uppercase))
}

/// A conversation runs on across a switch whose paragraph and the one before it both hold
/// quotations: the same people are talking in the same place, so it is the same scene, and the
/// switch goes (its run joins the point of view before it). `talk(paragraph)` tells whether the
/// paragraph holds a quotation.
///
/// Unless the new run holds the new scene's opening: a paragraph of narration that opens on the
/// new character's name ("Mara had a plan."), after a paragraph of narration without a
/// quotation that does not mention them (the beat that closed the conversation: "Tom grinned
/// so wide it hurt."). A stripped scene break between two people talking and the next scene looks
/// like that; the switch then moves there. `opens(paragraph, state)` tells whether the paragraph
/// opens on the state's name and the paragraph before it does not mention the state.
fn no_switch_inside_a_conversation(
    path: &mut [usize],
    talk: impl Fn(usize) -> bool,
    opens: impl Fn(usize, usize) -> bool,
) {
    let mut i = run_end(path, 0);
    while i < path.len() {
        let j = run_end(path, i);
        if talk(i - 1) && talk(i) {
            let (old, new) = (path[i - 1], path[i]);
            let opening = (i + 1..j).find(|&k| !talk(k - 1) && opens(k, new));
            path[i..opening.unwrap_or(j)].fill(old);
        }
        i = j;
    }
}

/// Whether a paragraph opens on one of the character's names as its first words, in narration
/// ("Mara had a plan."; not a quotation, not "The"): how a scene opens on a new character.
fn opens_on(text: &str, cluster: &Cluster) -> bool {
    let text = text.trim_start();
    if !text.starts_with(char::is_alphabetic) {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().take(3).collect();
    (1..=words.len()).any(|n| {
        let key = crate::characters::name_key(&words[..n].join(" "));
        !key.is_empty() && cluster.keys.contains(&key)
    })
}

/// Number of switches of state along a path.
fn switches(path: &[usize]) -> usize {
    path.windows(2).filter(|w| w[0] != w[1]).count()
}

/// Clauses of narration that enter a group's mind or say what nobody knows ("no one quite knew
/// why", "none of the adults could see but all of them felt"): a narrator above the characters.
/// A limited point of view tells one character's mind; these are rare in it.
fn collective_minds(p: &Para<'_>) -> usize {
    if !has_group_subject_word(p.text) {
        return 0;
    }
    let mut toks = Vec::new();
    tokenize(p.text, p.quotes, &mut toks);
    // lower-cased as `str::to_lowercase` does, but an ASCII word already in lower case is
    // borrowed, not copied (most words of narration)
    let words: Vec<Cow<'_, str>> = toks
        .iter()
        .filter(|t| t.is_word() && t.quote.is_none())
        .map(|t| {
            let w = t.text(p.text);
            if !w.is_ascii() {
                Cow::Owned(w.to_lowercase())
            } else if w.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(w.to_ascii_lowercase())
            } else {
                Cow::Borrowed(w)
            }
        })
        .collect();
    let word = |i: usize| words.get(i).map_or("", |w| w.as_ref());
    let mut count = 0;
    for i in 0..words.len() {
        // the index of the subject's last word
        let subject_end = match word(i) {
            "nobody" | "everyone" | "everybody" => Some(i),
            "no" if word(i + 1) == "one" => Some(i + 1),
            "none" | "all" | "both" | "each" | "neither" if word(i + 1) == "of" => {
                match word(i + 2) {
                    "them" | "us" => Some(i + 2),
                    "the" => Some(i + 3),
                    _ => None,
                }
            }
            _ => None,
        };
        let Some(e) = subject_end else { continue };
        // "no one quite knew", "none of the adults could see", "nobody on Tatooine remembers"
        let mind = (e + 1..e + 4).any(|k| {
            let w = word(k);
            is_cognition_verb(w)
                || matches!(
                    w,
                    "know" | "knows" | "see" | "sees" | "feel" | "feels" | "remember" | "remembers"
                )
        });
        count += usize::from(mind);
    }
    count
}

/// Whether the paragraphs say what nobody knows at least `OMNISCIENT_COLLECTIVE_MINDS` times
/// (see [`collective_minds`]); the count stops there.
fn enough_collective_minds<'w>(paras: impl Iterator<Item = Para<'w>>) -> bool {
    let mut count = 0;
    for p in paras {
        count += collective_minds(&p);
        if count >= OMNISCIENT_COLLECTIVE_MINDS {
            return true;
        }
    }
    false
}

/// Whether `text` holds a run of ASCII letters that is one of the group subjects
/// [`collective_minds`] looks for ("nobody", "no", "all"…), in any case: a paragraph without one
/// has no collective mind, and is not tokenized. A word of the tokenizer is a whole run of
/// letters and digits, so each such word is such a run (a run inside a longer word only makes
/// the paragraph be read).
fn has_group_subject_word(text: &str) -> bool {
    text.as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .any(|w| {
            matches!(w.len(), 2..=9)
                && [
                    &b"nobody"[..],
                    b"everyone",
                    b"everybody",
                    b"no",
                    b"none",
                    b"all",
                    b"both",
                    b"each",
                    b"neither",
                ]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
        })
}

/// How a he/she with no antecedent in its own paragraph is read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Reading {
    /// As salience resolved it.
    Salience,
    /// As the focal character hypothesised, if the gender fits.
    Focal,
    /// As the name it follows in the paragraph, else the previous paragraph's free chain.
    Chain,
}

/// Cost of `ch` (of gender `gender`) as the focal character of a paragraph. When `refocus` is set,
/// a he/she with no antecedent in its paragraph counts for `ch` if the gender fits: in a limited
/// third person the unanchored pronoun is the point-of-view character, whoever salience gave it to.
fn pov_cost(e: Option<&PovEvidence>, ch: usize, gender: Option<bool>, reading: Reading) -> f32 {
    let Some(e) = e else {
        return 0.0;
    };
    let total: f32 = e.pov.iter().map(|p| p.1).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let mut mine = e.pov.iter().find(|p| p.0 == ch).map_or(0.0, |p| p.1);
    for &(c, female, w, alt) in e.unanchored.iter() {
        let to = match reading {
            Reading::Focal => (gender == Some(female)).then_some(ch),
            Reading::Chain => alt,
            Reading::Salience => None,
        };
        if let Some(to) = to {
            if c == ch {
                mine -= w;
            }
            if to == ch {
                mine += w;
            }
        }
    }
    3.0 * (1.0 - mine / total).max(0.0) * (total / 6.0).min(1.0)
}

/// The narrator of a first-person run: the most prominent character the run never refers to in
/// the third person (narrators do not call themselves "he" or by name).
fn narrator(
    pov: &PovList,
    run: std::ops::Range<usize>,
    clusters: &[Cluster],
    mentions: &[u32],
) -> Option<usize> {
    let referred: Vec<usize> = run.flat_map(|k| pov.pov(k).iter().map(|p| p.0)).collect();
    let mut order: Vec<usize> = (0..clusters.len())
        .filter(|&c| !clusters[c].keys.is_empty())
        .collect();
    order.sort_by_key(|&c| std::cmp::Reverse(mentions[c]));
    order.into_iter().take(8).find(|c| !referred.contains(c))
}

fn scene(start: usize, end: usize, person: Person, pov: Option<String>) -> Placing {
    // the chapter and the paragraph indices are filled in by `segment`
    let scene = SceneAnalysis {
        chapter: 0,
        span: None,
        person,
        pov,
        paragraphs: [0, 0],
    };
    (scene, [start, end - 1])
}

/// The end (exclusive) of the run of equal states that starts at `start`.
fn run_end<T: PartialEq>(path: &[T], start: usize) -> usize {
    path[start..]
        .iter()
        .position(|s| *s != path[start])
        .map_or(path.len(), |n| start + n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Unanchored;

    #[test]
    fn trim_to_alphanumeric_trims_as_trim_matches_does() {
        for word in [
            "",
            "...",
            "\"Hello,",
            "(x)",
            "don't.",
            "—Señor!",
            "«Ça»",
            "a",
            "--",
        ] {
            assert_eq!(
                trim_to_alphanumeric(word),
                word.trim_matches(|c: char| !c.is_alphanumeric()),
                "{word:?}"
            );
        }
    }

    #[test]
    fn gives_full_name_at_a_subject() {
        let names = [vec!["mara", "quill"]];
        assert!(gives_full_name(
            &Sentence::of("Mara Quill had tried."),
            &names
        ));
        assert!(gives_full_name(
            &Sentence::of("The rain fell, and Mara Quill left."),
            &names
        ));
        assert!(!gives_full_name(
            &Sentence::of("He saw Mara Quill."),
            &names
        ));
        assert!(!gives_full_name(&Sentence::of("Later, Mara."), &names));
    }

    fn evidence(pov: &[(usize, f32)], unanchored: &[Unanchored]) -> PovEvidence {
        PovEvidence {
            pov: pov.into(),
            unanchored: unanchored.into(),
            minds: Box::default(),
        }
    }

    #[test]
    fn narrators_are_kept_as_runs_and_read_back() {
        let mut n = Narrators::default();
        n.fill(2..4, 7);
        n.fill(4..6, 7);
        n.fill(6..7, NO_NARRATOR);
        n.fill(8..9, 3);
        let read = |n: &Narrators| (0..11).map(|k| n.of(k)).collect::<Vec<u32>>();
        let none = NO_NARRATOR;
        assert_eq!(
            read(&n),
            vec![none, none, 7, 7, 7, 7, none, none, 3, none, none]
        );
        // two touching runs of one narrator are one run, with its end
        assert_eq!(n.runs, vec![(2, 7), (6, none), (8, 3), (9, none)]);
        n.map(|c| c + 1);
        assert_eq!(
            read(&n),
            vec![none, none, 8, 8, 8, 8, none, none, 4, none, none]
        );
    }

    #[test]
    fn viterbi_switches_only_when_it_pays() {
        let costs = [[0.0, 1.0], [0.0, 1.0], [1.0, 0.0], [0.0, 1.0]];
        assert_eq!(viterbi(4, 2, |i, s| costs[i][s], 3.0), vec![0, 0, 0, 0]);
        let costs = [[0.0, 5.0], [0.0, 5.0], [5.0, 0.0], [5.0, 0.0]];
        assert_eq!(viterbi(4, 2, |i, s| costs[i][s], 3.0), vec![0, 0, 1, 1]);
    }

    /// The quotation ranges of these paragraphs, one after another (see `Paras::of`).
    fn quotes_of(paras: &[Para<'_>]) -> Vec<(u32, u32)> {
        paras
            .iter()
            .flat_map(|p| p.quotes.iter().copied())
            .collect()
    }

    fn para(text: &str) -> Para<'_> {
        Para { text, quotes: &[] }
    }

    #[test]
    fn a_switch_is_cheaper_where_a_scene_opens() {
        // state 1 fits paragraphs 2 and 3 a little better: not worth a switch of 3.5, but worth
        // one of 1.0 into paragraph 2, a scene opening
        let costs = [[0.0, 1.0], [0.0, 1.0], [1.0, 0.0], [1.0, 0.0]];
        let cost = |i: usize, s: usize| costs[i][s];
        assert_eq!(viterbi(4, 2, cost, POV_SWITCH), vec![0; 4]);
        let opening = |i: usize| if i == 2 { OPENING_SWITCH } else { POV_SWITCH };
        assert_eq!(viterbi_with(4, 2, cost, opening), vec![0, 0, 1, 1]);
    }

    #[test]
    fn a_first_sentence_reads_as_a_scene_opening() {
        let time = |t: &str| jumps_in_time(&Sentence::of(t));
        assert!(time("Two days later the harbour was quiet again."));
        assert!(time("Later, the kitchen smelled of smoke."));
        assert!(time("She came back afterwards with the key."));
        assert!(time("The next morning the rain had stopped."));
        assert!(time(
            "The market shuts at nine, and by then the street is empty."
        ));
        assert!(time("By the time the boat docked, he had slept."));
        // a time in a later sentence, or a number that is no clock time, is not a jump
        assert!(!time("He looked at two men by the door."));
        assert!(!time("She waited. Two days later it came."));
        let perfect = |t: &str| in_past_perfect(&Sentence::of(t));
        assert!(perfect("Mara had hidden the letter in the stove."));
        assert!(perfect("The old captain had never liked the sea."));
        // a pronoun subject goes on from the paragraph before; a late clause is no opening
        assert!(!perfect("He had been there before."));
        assert!(!perfect(
            "The dog barked at the gate that they had painted."
        ));
        let c = Cluster {
            name: "Mara Quill".into(),
            keys: vec!["mara quill".into(), "mara".into()],
            ..Cluster::default()
        };
        let full = |t: &str| gives_full_name(&Sentence::of(t), &full_names(&[&c]));
        assert!(full("Mara Quill's door was locked."));
        assert!(full("The lane was dark, and Mara Quill was late."));
        assert!(!full("Mara was late."));
        assert!(!full("It was the house of Mara Quill."));
    }

    #[test]
    fn a_scene_opens_in_narration_after_talk() {
        let quote = [(1u32, 6u32)];
        let talk = || Para {
            quotes: &quote,
            ..para("\"Fine.\" He left.")
        };
        let opening = || para("Two days later the harbour was quiet again.");
        let opens = |paras: &[Para<'_>], k: usize| {
            let all = quotes_of(paras);
            scene_opening(&Paras::of(paras, &all), k, &[], &mut Sentence::default())
        };
        assert!(opens(&[talk(), para("She sat down."), opening()], 2));
        // with no talk in the paragraphs before it, or opening on a quotation, it is none
        assert!(!opens(&[para("A."), para("B."), para("C."), opening()], 3));
        assert!(!opens(&[talk(), para("\"Two days later,\" she said.")], 1));
    }

    #[test]
    fn a_first_person_run_splits_at_a_leap_in_time() {
        const QUOTE: &[(u32, u32)] = &[(1, 6)];
        let talk = || Para {
            quotes: QUOTE,
            ..para("\"Fine.\" I left.")
        };
        let leap = |t: &'static str| {
            let mut paras: Vec<Para<'static>> = (0..5).map(|_| talk()).collect();
            paras.push(para(t));
            paras.extend((0..5).map(|_| para("I sat down.")));
            let all = quotes_of(&paras);
            first_person_leaps(&Paras::of(&paras, &all), 0, paras.len())
        };
        assert_eq!(leap("That evening I went down to the harbour."), vec![5]);
        assert_eq!(leap("Two days later the letter came."), vec![5]);
        // "By the time…" may go on the scene; no leap, no split
        assert!(leap("By the time I got there, they had gone.").is_empty());
        assert!(leap("I went down to the harbour.").is_empty());
        let strength = |t: &str| time_jump(&Sentence::of(t));
        assert_eq!(strength("The next morning the rain had stopped."), 2);
        assert_eq!(
            strength("The market shuts at nine, and the street empties."),
            1
        );
        assert_eq!(strength("The market was empty."), 0);
    }

    #[test]
    fn a_switch_moves_to_the_nearest_scene_opening() {
        let opens_at = |at: &[usize]| (0..10).map(|k| at.contains(&k)).collect::<Vec<bool>>();
        // an opening two paragraphs after the switch
        let mut path = vec![0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
        move_switches_to_openings(&mut path, &opens_at(&[6]));
        assert_eq!(path, vec![0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
        // before it, and the nearer of two
        let mut path = vec![0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
        move_switches_to_openings(&mut path, &opens_at(&[2, 7]));
        assert_eq!(path, vec![0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
        // none within reach: the switch stays; each run keeps a paragraph
        let mut path = vec![0, 1, 1, 1, 1, 1, 1, 1, 1, 1];
        move_switches_to_openings(&mut path, &opens_at(&[0]));
        assert_eq!(path, vec![0, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    }

    #[test]
    fn group_and_nobody_minds_are_counted() {
        let p = para(
            "Something passed across his face that none of the adults could see but all of them felt.",
        );
        assert_eq!(collective_minds(&p), 2);
        assert_eq!(
            collective_minds(&para("No one quite knew why they had let him go."),),
            1
        );
        // a group that acts, not one that knows, is no narrator's privilege
        assert_eq!(
            collective_minds(&para(
                "Both of them looked hastily away. Nobody said a word."
            )),
            0
        );
        assert_eq!(switches(&[0, 0, 1, 1, 0]), 2);
    }

    #[test]
    fn only_a_paragraph_with_a_group_subject_word_is_read_for_collective_minds() {
        // the words in any case and next to any punctuation
        assert!(has_group_subject_word("NOBODY's fault, he thought."));
        assert!(has_group_subject_word("It was\u{a0}all—over."));
        assert!(has_group_subject_word("“No one knew.”"));
        // not a group word inside a longer one
        assert!(!has_group_subject_word(
            "Nobodies knew the smallest fall; a noble tall ball."
        ));
        assert!(!has_group_subject_word("Everyones' wishes, Eachan said."));
        // the paragraphs' count stops once it is reached
        let minds = [
            para("The lamp went out."),
            para("No one quite knew why they had let him go."),
            para("Nobody could remember the day."),
        ];
        assert!(enough_collective_minds(minds.iter().copied()));
        assert!(!enough_collective_minds(minds[..2].iter().copied()));
    }

    #[test]
    fn a_switch_waits_for_the_new_character() {
        // paragraph 2 still speaks only of character 0; character 1 first appears in paragraph 3
        let weights = [
            [3.0, 0.0],
            [2.0, 0.0],
            [2.0, 0.0],
            [1.0, 3.0],
            [0.0, 2.0],
            [0.0, 0.0],
        ];
        let mut path = vec![0, 0, 1, 1, 1, 1];
        delay_switches(&mut path, |k, s| weights[k][s]);
        assert_eq!(path, vec![0, 0, 0, 1, 1, 1]);
        // a paragraph with no evidence at all (a line of dialogue) stays where the switch put it
        let weights = [[3.0, 0.0], [2.0, 0.0], [0.0, 0.0], [1.0, 3.0]];
        let mut path = vec![0, 0, 1, 1];
        delay_switches(&mut path, |k, s| weights[k][s]);
        assert_eq!(path, vec![0, 0, 1, 1]);
    }

    #[test]
    fn a_switch_stands_only_where_the_new_mind_is_entered() {
        // minds[paragraph][state]
        let minds = |m: &'static [[f32; 3]]| {
            move |a: usize, b: usize, s: usize| (a..b).map(|k| m[k][s]).sum::<f32>()
        };
        // the new run never enters 1's mind (1 only acts and talks): no switch
        let mut path = vec![0, 0, 0, 1, 1, 1];
        confirm_switches(
            &mut path,
            minds(&[
                [1.0, 0.0, 0.0],
                [0.0; 3],
                [0.0; 3],
                [0.0; 3],
                [0.0; 3],
                [0.0; 3],
            ]),
            |_, _, _, _| false,
        );
        assert_eq!(path, vec![0; 6]);
        // it does, as often as the old one's: the switch stands
        let mut path = vec![0, 0, 0, 1, 1, 1];
        confirm_switches(
            &mut path,
            minds(&[
                [1.0, 0.0, 0.0],
                [0.0; 3],
                [0.0; 3],
                [1.0, 1.0, 0.0],
                [0.0; 3],
                [0.0; 3],
            ]),
            |_, _, _, _| false,
        );
        assert_eq!(path, vec![0, 0, 0, 1, 1, 1]);
        // the old one's mind more often than the new one's: no switch
        let mut path = vec![0, 0, 0, 1, 1, 1];
        confirm_switches(
            &mut path,
            minds(&[
                [0.0; 3],
                [0.0; 3],
                [0.0; 3],
                [2.0, 1.0, 0.0],
                [0.0; 3],
                [0.0; 3],
            ]),
            |_, _, _, _| false,
        );
        assert_eq!(path, vec![0; 6]);
        // a run that fails joins the one before, and the next switch is judged against it
        let mut path = vec![0, 0, 1, 1, 2, 2];
        confirm_switches(
            &mut path,
            minds(&[
                [0.0; 3],
                [0.0; 3],
                [0.0; 3],
                [0.0; 3],
                [0.0, 0.0, 1.0],
                [0.0; 3],
            ]),
            |_, _, _, _| false,
        );
        assert_eq!(path, vec![0, 0, 0, 0, 2, 2]);
    }

    #[test]
    fn a_switch_onto_a_scene_opening_stands_on_its_evidence() {
        // the new run enters no mind the lexicon knows: no switch, unless it opens a scene and
        // its evidence says so
        let no_minds = |_: usize, _: usize, _: usize| 0.0;
        let mut path = vec![0, 0, 0, 1, 1, 1];
        confirm_switches(&mut path, no_minds, |_, _, _, _| false);
        assert_eq!(path, vec![0; 6]);
        let mut path = vec![0, 0, 0, 1, 1, 1];
        confirm_switches(&mut path, no_minds, |i, _, new, _| i == 3 && new == 1);
        assert_eq!(path, vec![0, 0, 0, 1, 1, 1]);
    }

    #[test]
    fn a_conversation_across_a_switch_keeps_the_scene() {
        // paragraphs 2 and 3 both hold quotations: the talk runs across the switch
        let talk = [false, false, true, true, false, false];
        let never = |_: usize, _: usize| false;
        let mut path = vec![0, 0, 0, 1, 1, 1];
        no_switch_inside_a_conversation(&mut path, |k| talk[k], never);
        assert_eq!(path, vec![0; 6]);
        // a switch where narration takes over (or a quotation follows narration) stands
        let mut path = vec![0, 0, 0, 0, 1, 1];
        no_switch_inside_a_conversation(&mut path, |k| talk[k], never);
        assert_eq!(path, vec![0, 0, 0, 0, 1, 1]);
        let mut path = vec![0, 0, 1, 1, 1, 1];
        no_switch_inside_a_conversation(&mut path, |k| talk[k], never);
        assert_eq!(path, vec![0, 0, 1, 1, 1, 1]);
    }

    #[test]
    fn a_switch_inside_a_conversation_moves_to_the_new_scenes_opening() {
        // talk at 2..=4, a closing beat of narration at 5, the new character named first at 6:
        // a stripped break; the switch found inside the talk moves to 6
        let talk = [false, false, true, true, true, false, false, false];
        let opens = |k: usize, s: usize| k == 6 && s == 1;
        let mut path = vec![0, 0, 0, 1, 1, 1, 1, 1];
        no_switch_inside_a_conversation(&mut path, |k| talk[k], opens);
        assert_eq!(path, vec![0, 0, 0, 0, 0, 0, 1, 1]);
        // a paragraph naming the new character right after a quotation is still the conversation
        let opens = |k: usize, s: usize| k == 5 && s == 1;
        let mut path = vec![0, 0, 0, 1, 1, 1, 1, 1];
        no_switch_inside_a_conversation(&mut path, |k| talk[k], opens);
        assert_eq!(path, vec![0; 8]);
    }

    #[test]
    fn a_paragraph_opens_on_a_name_in_narration() {
        let c = Cluster {
            name: "Mara Quill".into(),
            keys: vec!["mara quill".into(), "mara".into()],
            ..Cluster::default()
        };
        assert!(opens_on("Mara had a plan. She always had one.", &c));
        assert!(opens_on("  Mara Quill, of all people, laughed.", &c));
        assert!(!opens_on("\"Mara!\" he yelled.", &c));
        assert!(!opens_on("Then Mara moved.", &c));
        assert!(!opens_on("Tom grinned so wide it hurt.", &c));
    }

    fn person_evidence(first: u16, second: u16, words: u16) -> PersonEvidence {
        PersonEvidence {
            first,
            second,
            words,
            ..PersonEvidence::default()
        }
    }

    /// Paragraphs' person evidence from (first, second, words) triples.
    fn persons_evidence(rows: &[(u16, u16, u16)]) -> Vec<PersonEvidence> {
        rows.iter()
            .map(|&(f, s, w)| person_evidence(f, s, w))
            .collect()
    }

    /// The persons a rule over paragraphs leaves of `persons`.
    fn applied(
        rule: fn(&mut [u8], &dyn Fn(usize) -> PersonEvidence),
        persons: &[u8],
        ev: &[PersonEvidence],
    ) -> Vec<u8> {
        let mut persons = persons.to_vec();
        rule(&mut persons, &|i| ev[i]);
        persons
    }

    #[test]
    fn sparse_first_person_beside_the_third_is_an_aside() {
        // an opening of 500 words with six "I"s (an author's aside), then third-person narration
        let ev = persons_evidence(&[(6, 0, 500), (0, 0, 50), (0, 0, 60)]);
        assert_eq!(
            applied(|p, e| sparse_persons_are_asides(p, e), &[1, 0, 0], &ev),
            [0, 0, 0]
        );
        // a narrator who tells the story says "I" far more often: the switch stands
        let ev = persons_evidence(&[(0, 0, 50), (0, 0, 60), (8, 0, 90), (3, 0, 70)]);
        assert_eq!(
            applied(|p, e| sparse_persons_are_asides(p, e), &[0, 0, 1, 1], &ev),
            [0, 0, 1, 1]
        );
        // a scene all in the first person is never judged by its density
        assert_eq!(
            applied(|p, e| sparse_persons_are_asides(p, e), &[1, 1, 1], &ev[..3]),
            [1, 1, 1]
        );
        // nor is the third person: sparse "you" is an aside too
        let ev = [person_evidence(0, 2, 300), person_evidence(0, 0, 40)];
        assert_eq!(
            applied(|p, e| sparse_persons_are_asides(p, e), &[2, 0], &ev),
            [0, 0]
        );
    }

    fn first_person_path(ev: &[PersonEvidence]) -> Vec<u8> {
        viterbi(ev.len(), 3, |i, s| person_cost(&ev[i], s), PERSON_SWITCH)
    }

    #[test]
    fn a_dash_turn_says_nothing_about_the_narrations_person() {
        let e = ParaEvidence {
            first: 1,
            second: 3,
            words: 40,
            ..ParaEvidence::default()
        };
        let turn =
            para("— God, is he not dreadful? he said frankly. He thinks you are not one of us.");
        let p = PersonEvidence::of(&turn, &e, &[]);
        assert_eq!((p.first, p.second, p.words), (0, 0, 0));
        assert!((0..3).all(|s| person_cost(&p, s) == 0.0));
        let p = PersonEvidence::of(&para("-- Tell me, he said."), &e, &[]);
        assert_eq!(p.words, 0);
        // narration keeps its evidence
        let p = PersonEvidence::of(&para("He thinks you are not one of us, he said."), &e, &[]);
        assert_eq!((p.first, p.second, p.words), (1, 3, 40));
    }

    #[test]
    fn we_keeps_a_first_person_narrator() {
        // "I", then four paragraphs of what "we" did, with no "I"
        let we = PersonEvidence {
            plural_first: 2,
            words: 40,
            ..PersonEvidence::default()
        };
        let ev = [person_evidence(4, 0, 60), we, we, we, we];
        assert_eq!(first_person_path(&ev), vec![1; 5]);
        // "we" alone is no evidence for the first person: an author says it too
        assert_eq!(person_cost(&we, 0), 0.0);
    }

    #[test]
    fn a_we_narrator_describing_companions_is_one_first_person_scene() {
        // "we" in narration is counted for the scenes (and "I" appears only now and then)
        let mut text = String::from(
            "I have never told this before, and I am not sure I can tell it well now.\n",
        );
        for _ in 0..3 {
            text.push_str(
                "We had known each other for years, and we had a good deal in common. All of us \
                 were interested in science, and our talk ran on it for hours at a time.\n\
                 Terry Nichols was rich enough to do as he pleased. His great aim was exploration, \
                 and he had boats and motorcars and the best of our airmen's machines.\n\
                 We came after a while to a sort of marshy lake, very big, so that the forest \
                 looked low and dim across it, and we skirted it for another half hour.\n",
            );
        }
        text.push_str("I told the others about these stories, and they laughed at them.\n");
        let a = crate::analyze(&crate::plain::work_from_lines(&text));
        assert_eq!(a.scenes.len(), 1, "{:?}", a.scenes);
        assert_eq!(a.scenes[0].person, Person::First);
    }

    #[test]
    fn a_first_person_narrator_may_describe_others_for_a_while() {
        // after "I", four paragraphs of the others acting and talking (about 70 words, no
        // "I"): the same narrator, not a third-person scene
        let ev = persons_evidence(&[
            (5, 0, 80),
            (3, 0, 50),
            (0, 0, 6),
            (0, 0, 50),
            (0, 0, 2),
            (0, 0, 14),
        ]);
        assert_eq!(first_person_path(&ev), vec![1; 6]);
        // …unless the narration enters their minds ("she thought"), which a first-person
        // narrator cannot do: then it is a third-person section, however short
        let mut minds = ev.to_vec();
        for e in &mut minds[2..] {
            e.minds = 1.0;
        }
        assert_eq!(first_person_path(&minds)[2..], [0; 4]);
        // a third-person section of real length does switch
        let mut ev = ev.to_vec();
        ev.extend([person_evidence(0, 0, 80); 4]);
        assert_eq!(first_person_path(&ev)[6..], [0; 4]);
    }

    #[test]
    fn a_lone_paragraph_in_another_person_is_an_aside() {
        // an author's aside of a hundred words at the end of a third-person run
        let ev = persons_evidence(&[(0, 0, 90), (0, 0, 120), (6, 0, 104)]);
        assert_eq!(
            applied(|p, e| lone_paragraphs_are_asides(p, e), &[0, 0, 1], &ev),
            [0, 0, 0]
        );
        // two paragraphs are a run, and a lone paragraph of a long scene's length stands
        let ev = persons_evidence(&[(0, 0, 90), (0, 0, 120), (6, 0, 104), (5, 0, 80)]);
        assert_eq!(
            applied(|p, e| lone_paragraphs_are_asides(p, e), &[0, 0, 1, 1], &ev),
            [0, 0, 1, 1]
        );
        let ev = persons_evidence(&[(0, 0, 90), (0, 0, 120), (30, 0, 400)]);
        assert_eq!(
            applied(|p, e| lone_paragraphs_are_asides(p, e), &[0, 0, 1], &ev),
            [0, 0, 1]
        );
    }

    #[test]
    fn no_switch_to_or_from_a_described_character() {
        let named = Cluster {
            name: "Mara Quill".into(),
            ..Cluster::default()
        };
        let the_girl = Cluster {
            name: "the girl".into(),
            ..Cluster::default()
        };
        assert!(!described(&named));
        assert!(described(&the_girl));
        let the_doctor = Cluster {
            name: "the Doctor".into(),
            ..Cluster::default()
        };
        assert!(!described(&the_doctor));
        // states: 0 and 2 named, 1 described
        let desc = |s: usize| s == 1;
        let mut path = vec![0, 0, 1, 1, 1];
        no_switch_with_a_description(&mut path, desc);
        assert_eq!(path, vec![0; 5]);
        let mut path = vec![1, 1, 0, 0];
        no_switch_with_a_description(&mut path, desc);
        assert_eq!(path, vec![1; 4]);
        // between two named characters the switch stands; after a failed run, the next switch
        // is judged against the point of view before it
        let mut path = vec![0, 0, 2, 2];
        no_switch_with_a_description(&mut path, desc);
        assert_eq!(path, vec![0, 0, 2, 2]);
        let mut path = vec![0, 1, 1, 2, 2];
        no_switch_with_a_description(&mut path, desc);
        assert_eq!(path, vec![0, 0, 0, 2, 2]);
    }

    #[test]
    fn unanchored_pronouns_follow_the_hypothesised_focal_character() {
        // salience gave a free "she" (weight 4) to character 1; character 2 is also female
        let e = evidence(&[(0, 2.0), (1, 4.0)], &[(1, true, 4.0, None)]);
        // as resolved, 2 has nothing and 1 most
        assert!(
            pov_cost(Some(&e), 1, Some(true), Reading::Salience)
                < pov_cost(Some(&e), 0, Some(false), Reading::Salience)
        );
        assert_eq!(pov_cost(Some(&e), 2, Some(true), Reading::Salience), 3.0);
        // refocused, the free pronoun counts for whichever woman is hypothesised, not for a man
        assert_eq!(
            pov_cost(Some(&e), 2, Some(true), Reading::Focal),
            pov_cost(Some(&e), 1, Some(true), Reading::Focal)
        );
        assert!(
            pov_cost(Some(&e), 2, Some(true), Reading::Focal)
                < pov_cost(Some(&e), 0, Some(false), Reading::Focal)
        );
        assert_eq!(
            pov_cost(Some(&e), 0, Some(false), Reading::Focal),
            pov_cost(Some(&e), 0, Some(false), Reading::Salience)
        );
    }

    #[test]
    fn chained_pronouns_go_to_the_name_they_follow() {
        // salience gave a free "he" to 1, but it follows a mention of 0 ("into Spike's mouth, down his throat")
        let e = evidence(&[(0, 1.0), (1, 4.0)], &[(1, false, 4.0, Some(0))]);
        assert!(
            pov_cost(Some(&e), 1, Some(false), Reading::Salience)
                < pov_cost(Some(&e), 0, Some(false), Reading::Salience)
        );
        assert!(
            pov_cost(Some(&e), 0, Some(false), Reading::Chain)
                < pov_cost(Some(&e), 1, Some(false), Reading::Chain)
        );
        // without a name to follow, the pronoun stays where salience put it
        let e = evidence(&e.pov, &[(1, false, 4.0, None)]);
        assert_eq!(
            pov_cost(Some(&e), 0, Some(false), Reading::Chain),
            pov_cost(Some(&e), 0, Some(false), Reading::Salience)
        );
    }
}
