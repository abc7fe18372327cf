//! The learned speaker scorer: a conditional logit over the characters on stage.
//!
//! A quotation that no name tag ("said Holmes") or "I" tag attributes has a small set of
//! candidate speakers: whom the paragraph's other tags name, the acting character before it, the
//! one just addressed, the other one of the conversation, the recent characters, and so on. Each
//! candidate gets a vector of cheap binary cues (`FEATURE_NAMES`); the score is linear in them and
//! the best-scoring candidate speaks, or rather the engine's beam (`Pass::beam_speakers`) picks the
//! run of turns whose summed log-probabilities under the softmax are best. The weights are learned from LitBank by maximising the
//! probability of the gold speaker under a softmax over each quotation's candidates (plus an L2
//! penalty), with Newton steps; `speaker_model.rs` ships the weights trained on every document.
//!
//! Quotations tagged with a he/she keep the cascade's `resolve_speaker`: scoring them too did
//! better on LitBank but worse on the seeds (docs/analysis-history.md has the figures).

/// Names of the per-candidate cues, in vector order.
pub const FEATURE_NAMES: [&str; NF] = [
    "para_tag",
    "adjacent_other",
    "adjacent_same",
    "prev_in_para",
    "actor",
    "actor_after",
    "subject_before_quote",
    "mention_before_quote",
    "subject_after_quote",
    "mention_after_quote",
    "answer",
    "alternation",
    "narration",
    "recency_1",
    "recency_2",
    "recency_3",
    "recency_4_6",
    "last_speaker_in_talk",
    "last_speaker_after_narration",
    "two_turns_ago",
    "partner",
    "addressed_here",
    "named_here",
    "addressed_in_para",
    "prev_addressee",
    "prev_topic",
    "prev_last_sentence_subject",
    "salience",
    "quote_share",
    "narrator",
    "gender_known",
    "epithet",
    "mentioned_prev_para",
    "cascade",
    "intro",
    "narrator_acts",
    "never_tagged",
    "speech_before_quote",
];

/// Number of cues per candidate.
pub const NF: usize = 38;
/// Number of weights: one per cue.
pub const NW: usize = NF;

/// The cue vector of one candidate.
pub type Feats = [f32; NF];

/// Index of a cue by name (panics on an unknown name: the names are a closed list).
pub(crate) const fn feature(name: &str) -> usize {
    let mut i = 0;
    while i < NF {
        if const_eq(FEATURE_NAMES[i], name) {
            return i;
        }
        i += 1;
    }
    panic!("unknown speaker feature");
}

const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A candidate's score under weights `w` (length `NW`): linear in its cues.
pub(crate) fn score(w: &[f32], x: &Feats) -> f32 {
    w.iter().zip(x).map(|(w, x)| w * x).sum()
}

/// One quotation as a training example: its candidates' cues and which of them is the gold
/// speaker (more than one when two of our characters stand for the same gold person).
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Cues of each candidate.
    pub cands: Vec<Feats>,
    /// Per candidate: is it the gold speaker.
    pub gold: Vec<bool>,
}

/// The candidate's non-zero cues: (weight index, value).
fn expand(x: &Feats) -> Vec<(usize, f64)> {
    (0..NF)
        .filter(|&k| x[k] != 0.0)
        .map(|k| (k, f64::from(x[k])))
        .collect()
}

fn dot(z: &[(usize, f64)], theta: &[f64]) -> f64 {
    z.iter().map(|&(k, v)| v * theta[k]).sum()
}

/// Negative log-likelihood of the gold candidates plus the L2 penalty.
fn loss(examples: &[Example], theta: &[f64], l2: f64) -> f64 {
    let mut total = 0.5 * l2 * theta.iter().map(|t| t * t).sum::<f64>();
    for ex in examples {
        let s: Vec<f64> = ex.cands.iter().map(|x| dot(&expand(x), theta)).collect();
        let m = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let all: f64 = s.iter().map(|v| (v - m).exp()).sum();
        let good: f64 = s
            .iter()
            .zip(&ex.gold)
            .filter(|(_, g)| **g)
            .map(|(v, _)| (v - m).exp())
            .sum();
        total -= (good / all).ln();
    }
    total
}

/// Trains the weights: Newton steps on the conditional log-likelihood of the gold candidates
/// with an L2 penalty `l2`, from zero, with a backtracking line search. Examples without a gold
/// candidate, or with nothing to choose, teach nothing and are skipped. Deterministic: the same
/// examples in the same order give the same weights bit for bit.
pub fn train(examples: &[Example], l2: f64) -> Vec<f32> {
    let examples: Vec<&Example> = examples
        .iter()
        .filter(|e| e.cands.len() > 1 && e.gold.iter().any(|&g| g) && !e.gold.iter().all(|&g| g))
        .collect();
    let owned: Vec<Example> = examples.into_iter().cloned().collect();
    let mut theta = vec![0.0f64; NW];
    let mut current = loss(&owned, &theta, l2);
    for _ in 0..50 {
        let mut grad: Vec<f64> = theta.iter().map(|t| l2 * t).collect();
        let mut hess = vec![0.0f64; NW * NW];
        for i in 0..NW {
            hess[i * NW + i] = l2;
        }
        let mut mean = vec![0.0f64; NW];
        for ex in &owned {
            let z: Vec<Vec<(usize, f64)>> = ex.cands.iter().map(expand).collect();
            let s: Vec<f64> = z.iter().map(|z| dot(z, &theta)).collect();
            let m = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let e: Vec<f64> = s.iter().map(|v| (v - m).exp()).collect();
            let all: f64 = e.iter().sum();
            let good: f64 = e.iter().zip(&ex.gold).filter(|p| *p.1).map(|p| p.0).sum();
            mean.iter_mut().for_each(|v| *v = 0.0);
            // the covariance of the cues under the model, E[z z'] - E[z] E[z]': the Hessian of
            // the one-gold case, and a positive semi-definite stand-in when several are gold
            for (j, zj) in z.iter().enumerate() {
                let p = e[j] / all;
                let q = if ex.gold[j] { e[j] / good } else { 0.0 };
                for &(a, va) in zj {
                    grad[a] += (p - q) * va;
                    mean[a] += p * va;
                    for &(b, vb) in zj {
                        hess[a * NW + b] += p * va * vb;
                    }
                }
            }
            let nz: Vec<(usize, f64)> = mean
                .iter()
                .enumerate()
                .filter(|x| *x.1 != 0.0)
                .map(|(k, &v)| (k, v))
                .collect();
            for &(a, ma) in &nz {
                for &(b, mb) in &nz {
                    hess[a * NW + b] -= ma * mb;
                }
            }
        }
        let Some(step) = solve(&hess, &grad) else {
            break;
        };
        let mut t = 1.0;
        let mut improved = false;
        for _ in 0..20 {
            let cand: Vec<f64> = theta.iter().zip(&step).map(|(a, s)| a - t * s).collect();
            let l = loss(&owned, &cand, l2);
            if l < current {
                theta = cand;
                improved = current - l > 1e-9;
                current = l;
                break;
            }
            t *= 0.5;
        }
        if !improved {
            break;
        }
    }
    theta.iter().map(|&t| t as f32).collect()
}

/// Solves `a x = b` for a symmetric positive definite `a` by Cholesky.
fn solve(a: &[f64], b: &[f64]) -> Option<Vec<f64>> {
    let n = b.len();
    let mut l = vec![0.0f64; n * n];
    for i in 0..n {
        for j in 0..=i {
            let mut s = a[i * n + j];
            for k in 0..j {
                s -= l[i * n + k] * l[j * n + k];
            }
            if i == j {
                if s <= 0.0 {
                    return None;
                }
                l[i * n + i] = s.sqrt();
            } else {
                l[i * n + j] = s / l[j * n + j];
            }
        }
    }
    let mut y = vec![0.0f64; n];
    for i in 0..n {
        let s: f64 = (0..i).map(|k| l[i * n + k] * y[k]).sum();
        y[i] = (b[i] - s) / l[i * n + i];
    }
    let mut x = vec![0.0f64; n];
    for i in (0..n).rev() {
        let s: f64 = (i + 1..n).map(|k| l[k * n + i] * x[k]).sum();
        x[i] = (y[i] - s) / l[i * n + i];
    }
    Some(x)
}

/// Renders weights as the Rust source of `speaker_model.rs`.
pub fn render_model(weights: &[f32], provenance: &str) -> String {
    let mut out = String::new();
    out.push_str(
        "//! Weights of the learned speaker scorer (`speaker_rank.rs`). GENERATED: do not edit.\n",
    );
    for line in provenance.lines() {
        out.push_str("//! ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("\nuse crate::speaker_rank::NW;\n\n");
    out.push_str("/// One weight per cue, in `speaker_rank::FEATURE_NAMES` order.\n");
    out.push_str("#[rustfmt::skip]\npub(crate) const WEIGHTS: [f32; NW] = [\n");
    for (w, name) in weights.iter().zip(FEATURE_NAMES) {
        out.push_str(&format!("    {w:?}, // {name}\n"));
    }
    out.push_str("];\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Scorer;

    fn cue(names: &[&str]) -> Feats {
        let mut x = [0.0; NF];
        for n in names {
            x[feature(n)] = 1.0;
        }
        x
    }

    fn toy() -> Vec<Example> {
        // the alternation partner speaks three times in four; the last speaker once
        (0..40)
            .map(|i| Example {
                cands: vec![
                    cue(&["alternation"]),
                    cue(&["last_speaker_in_talk", "recency_1"]),
                ],
                gold: vec![i % 4 != 0, i % 4 == 0],
            })
            .collect()
    }

    #[test]
    fn training_learns_the_majority_cue_and_is_deterministic() {
        let w = train(&toy(), 0.1);
        let x = toy();
        assert!(score(&w, &x[1].cands[0]) > score(&w, &x[1].cands[1]));
        // the unregularised optimum gives the partner three to one odds: ln 3 apart
        let gap = score(&w, &x[1].cands[0]) - score(&w, &x[1].cands[1]);
        assert!((gap - 3f32.ln()).abs() < 0.05, "{gap}");
        assert_eq!(w, train(&toy(), 0.1));
    }

    /// Speakers under the given scorer, "" where none.
    fn speakers_with(text: &str, scorer: crate::engine::Scorer<'_>) -> Vec<String> {
        let work = crate::plain::work_from_lines(text);
        crate::engine::run(&work, scorer)
            .quotes
            .into_iter()
            .map(|q| q.speaker.unwrap_or_default().to_string())
            .collect()
    }

    const DIALOGUE: &str = "Tom walked into the kitchen, where Mary was cooking.\n\
        \"Good morning,\" said Tom.\n\
        \"Good morning to you.\"\n\
        \"Is there any coffee?\"\n\
        Mary shrugged. \"Make it yourself.\"\n\
        Tom sighed and filled the kettle. \"Fine. I will.\"\n\
        \"Don't burn the house down, Tom.\"\n";

    #[test]
    fn shipped_weights_follow_turns_beats_and_vocatives() {
        // untagged turns alternate, an action beat names its speaker, and one addressed by name
        // is not the one speaking
        let got = speakers_with(DIALOGUE, Scorer::Learned(&crate::speaker_model::WEIGHTS));
        assert_eq!(got, ["Tom", "Mary", "Tom", "Mary", "Tom", "Mary"]);
    }

    #[test]
    fn the_dialogue_test_notices_a_broken_model() {
        // weights that reward addressing the speaker and penalise the beat must get it wrong
        let mut bad = crate::speaker_model::WEIGHTS;
        for w in &mut bad {
            *w = -*w;
        }
        let got = speakers_with(DIALOGUE, Scorer::Learned(&bad));
        assert_ne!(got, ["Tom", "Mary", "Tom", "Mary", "Tom", "Mary"]);
    }

    #[test]
    fn a_narration_paragraph_that_hands_over_the_word_names_the_speaker() {
        // "…, and Mary said:" sets up the untagged turn after it: Mary goes on, though Tom is
        // the narration's first subject and the other one of the conversation
        let text = "Mary walked into the kitchen, where Tom was cooking.\n\
            \"Good morning,\" said Mary.\n\
            Tom turned round, and Mary said:\n\
            \"Is the coffee ready?\"\n";
        let got = speakers_with(text, Scorer::Learned(&crate::speaker_model::WEIGHTS));
        assert_eq!(got, ["Mary", "Mary"]);
        // the cue is what names her: with its weight turned against her, Tom is picked (zeroing
        // it is not enough once other cues, learned with it, lean her way too)
        let mut against = crate::speaker_model::WEIGHTS;
        against[feature("intro")] = -against[feature("intro")];
        let got = speakers_with(text, Scorer::Learned(&against));
        assert_eq!(got, ["Mary", "Tom"]);
    }

    #[test]
    fn a_turn_that_ends_on_narration_may_go_on_in_the_next_paragraph() {
        // Mary's paragraph ends on her own action, not on her words: the next untagged quotation
        // is not forced to be a new turn, and the vocative shows that Mary goes on
        let text = "Tom walked into the kitchen, where Mary was cooking.\n\
            \"Good morning,\" said Tom.\n\
            \"Good morning to you,\" said Mary. Mary turned back to the stove and stirred the pot.\n\
            \"The soup is nearly ready, Tom.\"\n";
        let got = speakers_with(text, Scorer::Learned(&crate::speaker_model::WEIGHTS));
        assert_eq!(got, ["Tom", "Mary", "Mary"]);
    }

    #[test]
    fn feature_lookup_matches_names() {
        assert_eq!(FEATURE_NAMES.len(), NF);
        assert_eq!(FEATURE_NAMES[feature("partner")], "partner");
    }

    #[test]
    fn rendered_model_lists_every_weight() {
        let src = render_model(&[0.5; NW], "test");
        assert_eq!(src.matches(", //").count(), NW);
    }
}
