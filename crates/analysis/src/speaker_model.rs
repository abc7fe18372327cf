//! Weights of the learned speaker scorer (`speaker_rank.rs`). GENERATED: do not edit.
//! Trained on all 100 LitBank documents with quotations and the 24 fics of
//! eval/fics (L2 = 1, 2 rounds: the cascade's run, then a run with the first
//! weights), by
//! `cargo run --release -p ficarchive-analysis --example train_speaker -- /work/shared/eval/litbank crates/analysis/src/speaker_model.rs`.
//! The eval's LitBank speaker figure is 10-fold cross-validated by document and its fic
//! figure leave-one-fic-out, never these in-sample weights.

use crate::speaker_rank::NW;

/// One weight per cue, in `speaker_rank::FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NW] = [
    0.5267802, // para_tag
    0.38960257, // adjacent_other
    -0.746827, // adjacent_same
    0.5830658, // prev_in_para
    0.1146779, // actor
    -1.1531422, // actor_after
    0.22375748, // subject_before_quote
    1.0587659, // mention_before_quote
    -0.05072657, // subject_after_quote
    1.5274771, // mention_after_quote
    1.2153018, // answer
    -0.29263103, // alternation
    0.2877873, // narration
    1.1215053, // recency_1
    0.73610693, // recency_2
    0.29196057, // recency_3
    -0.27250552, // recency_4_6
    -0.059603956, // last_speaker_in_talk
    -0.104107164, // last_speaker_after_narration
    0.42301807, // two_turns_ago
    0.36486977, // partner
    -1.683928, // addressed_here
    -0.8652236, // named_here
    -0.4513093, // addressed_in_para
    1.2153018, // prev_addressee
    -0.35508743, // prev_topic
    0.026062135, // prev_last_sentence_subject
    0.40001884, // salience
    0.20642287, // quote_share
    0.75603795, // narrator
    -0.043210417, // gender_known
    -0.681037, // epithet
    -0.25587466, // mentioned_prev_para
    0.8484045, // cascade
    1.0776348, // intro
    1.5210505, // narrator_acts
    -0.8761577, // never_tagged
];
