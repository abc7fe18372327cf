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
    0.91283435, // para_tag
    0.3344399, // adjacent_other
    -0.70006853, // adjacent_same
    0.5168434, // prev_in_para
    0.052853636, // actor
    -1.0835627, // actor_after
    0.44872218, // subject_before_quote
    0.9288849, // mention_before_quote
    0.18631196, // subject_after_quote
    1.2060328, // mention_after_quote
    1.1856748, // answer
    -0.41963658, // alternation
    0.43263817, // narration
    0.9271699, // recency_1
    0.6324039, // recency_2
    0.08060667, // recency_3
    -0.44809225, // recency_4_6
    0.24883853, // last_speaker_in_talk
    -0.0925657, // last_speaker_after_narration
    0.4843448, // two_turns_ago
    0.42727044, // partner
    -1.3881997, // addressed_here
    -0.2589409, // named_here
    -0.4028415, // addressed_in_para
    1.1856748, // prev_addressee
    -0.445342, // prev_topic
    -0.037652522, // prev_last_sentence_subject
    0.52982855, // salience
    0.079210594, // quote_share
    0.9697911, // narrator
    0.07808825, // gender_known
    -0.5068622, // epithet
    -0.34692165, // mentioned_prev_para
    0.9282265, // cascade
    1.133726, // intro
    1.4389942, // narrator_acts
    -0.74886996, // never_tagged
    -0.51004106, // speech_before_quote
];
