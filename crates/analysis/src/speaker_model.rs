//! Weights of the learned speaker scorer (`speaker_rank.rs`). GENERATED: do not edit.
//! Trained on all 100 LitBank documents with quotations (L2 = 1, 2 rounds: the
//! cascade's run, then a run with the first weights), by
//! `cargo run --release -p ficarchive-analysis --example train_speaker -- /work/shared/eval/litbank crates/analysis/src/speaker_model.rs`.
//! The eval's LitBank speaker figure is 10-fold cross-validated by document, never these
//! in-sample weights.

use crate::speaker_rank::NW;

/// One weight per cue, in `speaker_rank::FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NW] = [
    -0.26222414, // para_tag
    0.09481191, // adjacent_other
    -0.9912233, // adjacent_same
    1.1869127, // prev_in_para
    -0.011264026, // actor
    -0.64398164, // actor_after
    -0.3020538, // subject_before_quote
    0.68318635, // mention_before_quote
    0.9021306, // subject_after_quote
    -0.08704488, // mention_after_quote
    0.5317049, // answer
    0.2682953, // alternation
    0.64715123, // narration
    0.9735891, // recency_1
    0.7448649, // recency_2
    0.044752184, // recency_3
    -1.3958956, // recency_4_6
    0.51536906, // last_speaker_in_talk
    0.18132715, // last_speaker_after_narration
    -0.18305746, // two_turns_ago
    0.17489955, // partner
    -1.2653383, // addressed_here
    0.7727478, // addressed_in_para
    0.5844737, // prev_addressee
    -0.74701506, // prev_topic
    0.5779324, // prev_last_sentence_subject
    -0.39795223, // salience
    0.15511537, // quote_share
    0.49286336, // narrator
    0.1038391, // gender_known
    0.31242716, // epithet
    0.061414536, // mentioned_prev_para
    0.4733327, // cascade
];
