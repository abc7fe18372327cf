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
    -0.40466496, // para_tag
    0.5296651, // adjacent_other
    -1.3177146, // adjacent_same
    1.2555, // prev_in_para
    0.10132507, // actor
    -0.04700617, // actor_after
    -0.4596766, // subject_before_quote
    0.75670135, // mention_before_quote
    0.72523874, // subject_after_quote
    0.024665875, // mention_after_quote
    0.60168606, // answer
    -0.024981389, // alternation
    0.57360095, // narration
    1.5206581, // recency_1
    1.2610228, // recency_2
    0.4179993, // recency_3
    -0.60750604, // recency_4_6
    0.5120745, // last_speaker_in_talk
    0.23862952, // last_speaker_after_narration
    -0.11795412, // two_turns_ago
    0.27628133, // partner
    -1.3576677, // addressed_here
    0.8138514, // addressed_in_para
    0.67315423, // prev_addressee
    -0.6707934, // prev_topic
    0.43174574, // prev_last_sentence_subject
    -0.38262767, // salience
    0.014256619, // quote_share
    0.87731814, // narrator
    0.03640556, // gender_known
    0.34093294, // epithet
    0.12178546, // mentioned_prev_para
    0.5099762, // cascade
];
