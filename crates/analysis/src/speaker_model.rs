//! Weights of the learned speaker scorer (`speaker_rank.rs`). GENERATED: do not edit.
//! Trained on all 100 LitBank documents with quotations and the 8 fics of
//! eval/fics (L2 = 1, 2 rounds: the cascade's run, then a run with the first
//! weights), by
//! `cargo run --release -p ficarchive-analysis --example train_speaker -- /work/shared/eval/litbank crates/analysis/src/speaker_model.rs`.
//! The eval's LitBank speaker figure is 10-fold cross-validated by document and its fic
//! figure leave-one-fic-out, never these in-sample weights.

use crate::speaker_rank::NW;

/// One weight per cue, in `speaker_rank::FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NW] = [
    -0.36159888, // para_tag
    0.21658462, // adjacent_other
    -1.5192722, // adjacent_same
    1.1018567, // prev_in_para
    0.17322674, // actor
    -0.051842097, // actor_after
    -0.18866025, // subject_before_quote
    0.8318783, // mention_before_quote
    0.91702956, // subject_after_quote
    -0.018611005, // mention_after_quote
    0.7180026, // answer
    -0.28935367, // alternation
    0.37170318, // narration
    1.6584212, // recency_1
    1.3949816, // recency_2
    0.45790076, // recency_3
    -0.57666284, // recency_4_6
    0.20532599, // last_speaker_in_talk
    0.19907871, // last_speaker_after_narration
    0.11075044, // two_turns_ago
    0.21706557, // partner
    -1.1836599, // addressed_here
    0.77306503, // addressed_in_para
    0.77977455, // prev_addressee
    -0.5192537, // prev_topic
    0.41152656, // prev_last_sentence_subject
    -0.27458405, // salience
    0.04613909, // quote_share
    1.0679473, // narrator
    0.016012844, // gender_known
    0.30565357, // epithet
    0.03215736, // mentioned_prev_para
    0.5856603, // cascade
];
