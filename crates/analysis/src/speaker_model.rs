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
    0.690734, // para_tag
    0.3786593, // adjacent_other
    -0.76309586, // adjacent_same
    0.550692, // prev_in_para
    0.03216996, // actor
    -1.0931385, // actor_after
    0.26025784, // subject_before_quote
    0.9015247, // mention_before_quote
    0.025260238, // subject_after_quote
    1.2013009, // mention_after_quote
    1.0587906, // answer
    -0.49759775, // alternation
    0.2786392, // narration
    1.0521151, // recency_1
    0.71327835, // recency_2
    0.10895661, // recency_3
    -0.48477963, // recency_4_6
    0.026061088, // last_speaker_in_talk
    -0.2522685, // last_speaker_after_narration
    0.33039826, // two_turns_ago
    0.4059943, // partner
    -1.3054618, // addressed_here
    -0.33548993, // named_here
    -0.36342067, // addressed_in_para
    1.0587906, // prev_addressee
    -0.48912048, // prev_topic
    -0.059156016, // prev_last_sentence_subject
    0.53568214, // salience
    0.22936502, // quote_share
    0.97838223, // narrator
    0.06381472, // gender_known
    -0.6084745, // epithet
    -0.20376363, // mentioned_prev_para
    0.94598097, // cascade
    1.1470499, // intro
    1.468678, // narrator_acts
    -0.78643423, // never_tagged
];
