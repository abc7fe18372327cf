//! Weights of the learned speaker scorer (`speaker_rank.rs`). GENERATED: do not edit.
//! Trained on all 100 LitBank documents with quotations and the 16 fics of
//! eval/fics (L2 = 1, 2 rounds: the cascade's run, then a run with the first
//! weights), by
//! `cargo run --release -p ficarchive-analysis --example train_speaker -- /work/shared/eval/litbank crates/analysis/src/speaker_model.rs`.
//! The eval's LitBank speaker figure is 10-fold cross-validated by document and its fic
//! figure leave-one-fic-out, never these in-sample weights.

use crate::speaker_rank::NW;

/// One weight per cue, in `speaker_rank::FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NW] = [
    0.6731389, // para_tag
    -0.17107643, // adjacent_other
    -0.4216881, // adjacent_same
    0.30568203, // prev_in_para
    0.26257136, // actor
    -1.4126298, // actor_after
    -0.6289091, // subject_before_quote
    0.9536293, // mention_before_quote
    -0.033339653, // subject_after_quote
    1.2532582, // mention_after_quote
    0.94731474, // answer
    -0.23584269, // alternation
    -0.021983858, // narration
    1.7240467, // recency_1
    1.5376825, // recency_2
    0.7499926, // recency_3
    -0.39699727, // recency_4_6
    -0.53816646, // last_speaker_in_talk
    -0.21954277, // last_speaker_after_narration
    -0.019521177, // two_turns_ago
    0.16463195, // partner
    -1.2077208, // addressed_here
    -1.4772643, // named_here
    -0.44649863, // addressed_in_para
    0.9651327, // prev_addressee
    -0.28100058, // prev_topic
    -0.16425675, // prev_last_sentence_subject
    0.1555525, // salience
    0.56423146, // quote_share
    1.2584498, // narrator
    0.15674366, // gender_known
    -0.20116428, // epithet
    0.13890608, // mentioned_prev_para
    1.0530031, // cascade
];
