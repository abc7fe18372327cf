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
    1.0691009, // para_tag
    -0.18784145, // adjacent_other
    -0.45894778, // adjacent_same
    0.08038749, // prev_in_para
    -0.045975048, // actor
    -1.1738079, // actor_after
    0.41802317, // subject_before_quote
    0.5133674, // mention_before_quote
    -0.13168688, // subject_after_quote
    1.0675434, // mention_after_quote
    1.2231257, // answer
    0.09497532, // alternation
    0.33955684, // narration
    1.7214378, // recency_1
    1.2250408, // recency_2
    0.6701093, // recency_3
    -0.21106522, // recency_4_6
    0.16677107, // last_speaker_in_talk
    -0.22351678, // last_speaker_after_narration
    0.03339555, // two_turns_ago
    0.24881457, // partner
    -1.417012, // addressed_here
    -1.0228978, // named_here
    -0.40707025, // addressed_in_para
    1.2518874, // prev_addressee
    -0.26033005, // prev_topic
    -0.3477653, // prev_last_sentence_subject
    0.26814923, // salience
    0.60567105, // quote_share
    0.8351803, // narrator
    0.19510572, // gender_known
    -0.06261308, // epithet
    -0.2878002, // mentioned_prev_para
    0.8543084, // cascade
    1.0353752, // intro
    1.8381177, // narrator_acts
];
