//! The learned speaker scorer: a conditional logit over the characters on stage.
//!
//! A quotation that no name tag ("said Holmes") or "I" tag attributes has a small set of
//! candidate speakers: whom the paragraph's other tags name, the acting character before it, the
//! one just addressed, the other one of the conversation, the recent characters, and so on. Each
//! candidate gets a vector of cheap binary cues (`FEATURE_NAMES`); the score is linear in them and
//! the best-scoring candidate speaks. The weights are learned from LitBank by maximising the
//! probability of the gold speaker under a softmax over each quotation's candidates (plus an L2
//! penalty), with Newton steps; `speaker_model.rs` ships the weights trained on every document.
//!
//! A cue may weigh differently where the tag is a he/she, which already narrowed the choice to
//! one gender. So a quotation has contexts (`CONTEXTS`), and a cue's weight is the shared weight
//! plus a correction for each context the quotation is in (`NW = NF * (1 + CONTEXTS.len())`). The
//! L2 penalty keeps the corrections small unless the data insist. (Three more contexts, opening a
//! paragraph after a turn, after narration, or inside a paragraph, lowered the cross-validated
//! accuracy: 67.1% -> 65.6%; see docs/analysis.md.)

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
    "last_speaker_opens_para",
    "last_speaker_after_narration",
    "two_turns_ago",
    "partner",
    "addressed_here",
    "addressed_in_para",
    "prev_addressee",
    "prev_topic",
    "prev_last_sentence_subject",
    "salience",
    "quote_share",
    "narrator",
    "gender_known",
    "epithet",
    "pronoun_gender_agrees",
    "pronoun_local_subject",
    "pronoun_salience_pick",
    "mentioned_prev_para",
    "cascade",
];

/// Number of cues per candidate.
pub const NF: usize = 37;
/// Contexts of a quotation, each with its block of weight corrections (bit `k` of a context mask
/// is `CONTEXTS[k]`).
pub const CONTEXTS: [&str; 1] = ["pronoun tag"];
/// Number of weights: the shared block, then one correction block per context.
pub const NW: usize = NF * (1 + CONTEXTS.len());

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

/// A candidate's score under weights `w` (length `NW`) for a quotation with context mask `context`.
pub(crate) fn score(w: &[f32], x: &Feats, context: u8) -> f32 {
    let mut s = 0.0;
    for k in 0..NF {
        if x[k] != 0.0 {
            let mut wk = w[k];
            for b in 0..CONTEXTS.len() {
                if context & (1 << b) != 0 {
                    wk += w[NF * (1 + b) + k];
                }
            }
            s += x[k] * wk;
        }
    }
    s
}

/// One quotation as a training example: its candidates' cues and which of them is the gold
/// speaker (more than one when two of our characters stand for the same gold person).
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Cues of each candidate.
    pub cands: Vec<Feats>,
    /// The quotation's contexts, a bit mask over `CONTEXTS`.
    pub context: u8,
    /// Per candidate: is it the gold speaker.
    pub gold: Vec<bool>,
}

/// The candidate's non-zero inputs to the weight vector: (weight index, value).
fn expand(x: &Feats, context: u8) -> Vec<(usize, f64)> {
    let mut z = Vec::new();
    for b in 0..=CONTEXTS.len() {
        if b > 0 && context & (1 << (b - 1)) == 0 {
            continue;
        }
        for k in 0..NF {
            if x[k] != 0.0 {
                z.push((NF * b + k, f64::from(x[k])));
            }
        }
    }
    z
}

fn dot(z: &[(usize, f64)], theta: &[f64]) -> f64 {
    z.iter().map(|&(k, v)| v * theta[k]).sum()
}

/// Negative log-likelihood of the gold candidates plus the L2 penalty.
fn loss(examples: &[Example], theta: &[f64], l2: f64) -> f64 {
    let mut total = 0.5 * l2 * theta.iter().map(|t| t * t).sum::<f64>();
    for ex in examples {
        let s: Vec<f64> = ex
            .cands
            .iter()
            .map(|x| dot(&expand(x, ex.context), theta))
            .collect();
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
            let z: Vec<Vec<(usize, f64)>> =
                ex.cands.iter().map(|x| expand(x, ex.context)).collect();
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
    out.push_str(
        "/// Shared weights, then the corrections of each context (`speaker_rank::CONTEXTS`).\n",
    );
    out.push_str("#[rustfmt::skip]\npub(crate) const WEIGHTS: [f32; NW] = [\n");
    for block in 0..=CONTEXTS.len() {
        let label = match block {
            0 => String::new(),
            b => format!("{} + ", CONTEXTS[b - 1]),
        };
        for (k, name) in FEATURE_NAMES.iter().enumerate() {
            let w = weights[block * NF + k];
            out.push_str(&format!("    {w:?}, // {label}{name}\n"));
        }
    }
    out.push_str("];\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(names: &[&str]) -> Feats {
        let mut x = [0.0; NF];
        for n in names {
            x[FEATURE_NAMES.iter().position(|f| f == n).unwrap()] = 1.0;
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
                context: 0,
                gold: vec![i % 4 != 0, i % 4 == 0],
            })
            .collect()
    }

    #[test]
    fn training_learns_the_majority_cue_and_is_deterministic() {
        let w = train(&toy(), 0.1);
        let x = toy();
        assert!(score(&w, &x[1].cands[0], 0) > score(&w, &x[1].cands[1], 0));
        // the unregularised optimum gives the partner three to one odds: ln 3 apart
        let gap = score(&w, &x[1].cands[0], 0) - score(&w, &x[1].cands[1], 0);
        assert!((gap - 3f32.ln()).abs() < 0.05, "{gap}");
        assert_eq!(w, train(&toy(), 0.1));
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
