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
    0.86185026, // para_tag
    -0.186519, // adjacent_other
    -0.47507268, // adjacent_same
    0.29224148, // prev_in_para
    0.01682432, // actor
    -1.1673052, // actor_after
    0.28096026, // subject_before_quote
    0.7536161, // mention_before_quote
    -0.090151906, // subject_after_quote
    1.4239184, // mention_after_quote
    1.4471393, // answer
    0.05872789, // alternation
    0.4194891, // narration
    1.4405278, // recency_1
    0.97171736, // recency_2
    0.42249396, // recency_3
    -0.099978924, // recency_4_6
    0.16314232, // last_speaker_in_talk
    -0.21868129, // last_speaker_after_narration
    0.17452633, // two_turns_ago
    0.39039993, // partner
    -1.6268456, // addressed_here
    -1.0120654, // named_here
    -0.34318545, // addressed_in_para
    1.48265, // prev_addressee
    -0.30425298, // prev_topic
    -0.3173968, // prev_last_sentence_subject
    0.47832674, // salience
    0.37790346, // quote_share
    0.96904385, // narrator
    0.19249813, // gender_known
    -0.012354154, // epithet
    -0.37873352, // mentioned_prev_para
    0.73217094, // cascade
    1.1374866, // intro
    1.88483, // narrator_acts
];
