//! Weights of the learned speaker scorer (`speaker_rank.rs`). GENERATED: do not edit.
//! Trained on all 100 LitBank documents with quotations and the 12 fics of
//! eval/fics (L2 = 1, 2 rounds: the cascade's run, then a run with the first
//! weights), by
//! `cargo run --release -p ficarchive-analysis --example train_speaker -- /work/shared/eval/litbank crates/analysis/src/speaker_model.rs`.
//! The eval's LitBank speaker figure is 10-fold cross-validated by document and its fic
//! figure leave-one-fic-out, never these in-sample weights.

use crate::speaker_rank::NW;

/// One weight per cue, in `speaker_rank::FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NW] = [
    -0.32203, // para_tag
    0.18163939, // adjacent_other
    -1.5299106, // adjacent_same
    0.99757856, // prev_in_para
    0.15305994, // actor
    -0.051256232, // actor_after
    -0.23018847, // subject_before_quote
    0.83046806, // mention_before_quote
    0.8120358, // subject_after_quote
    -0.004223061, // mention_after_quote
    0.788799, // answer
    0.10493397, // alternation
    0.3614955, // narration
    1.469781, // recency_1
    1.2015578, // recency_2
    0.39735258, // recency_3
    -0.5279688, // recency_4_6
    0.0037097062, // last_speaker_in_talk
    -0.03399446, // last_speaker_after_narration
    -0.2626484, // two_turns_ago
    0.19058557, // partner
    -1.2728928, // addressed_here
    0.65343547, // addressed_in_para
    0.84447294, // prev_addressee
    -0.4747638, // prev_topic
    0.3613308, // prev_last_sentence_subject
    -0.13860388, // salience
    0.48002124, // quote_share
    1.0162463, // narrator
    0.097214475, // gender_known
    0.3138697, // epithet
    0.06047156, // mentioned_prev_para
    0.636913, // cascade
];
