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
    0.4396698, // para_tag
    -0.18110946, // adjacent_other
    -0.410104, // adjacent_same
    0.56204265, // prev_in_para
    0.32957497, // actor
    -1.2440457, // actor_after
    -0.5366123, // subject_before_quote
    1.0134271, // mention_before_quote
    0.062292922, // subject_after_quote
    1.1147896, // mention_after_quote
    0.86358994, // answer
    0.004287704, // alternation
    -0.15535066, // narration
    1.5108988, // recency_1
    1.4536399, // recency_2
    0.60815805, // recency_3
    -0.31127614, // recency_4_6
    -0.17252444, // last_speaker_in_talk
    -0.24325375, // last_speaker_after_narration
    -0.07868018, // two_turns_ago
    0.13790457, // partner
    -1.1269352, // addressed_here
    -1.733045, // named_here
    -0.7894686, // addressed_in_para
    0.881006, // prev_addressee
    -0.26339862, // prev_topic
    -0.05701579, // prev_last_sentence_subject
    0.18514848, // salience
    0.2956532, // quote_share
    1.2022702, // narrator
    0.2425853, // gender_known
    0.02699274, // epithet
    0.1224546, // mentioned_prev_para
    0.93287146, // cascade
    1.0359993, // intro
];
