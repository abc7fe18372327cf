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
    0.80825466, // para_tag
    0.2939716, // adjacent_other
    -0.6723434, // adjacent_same
    0.27921918, // prev_in_para
    0.08546163, // actor
    -1.2232527, // actor_after
    0.34615538, // subject_before_quote
    0.964929, // mention_before_quote
    -0.070477635, // subject_after_quote
    1.3599055, // mention_after_quote
    1.257968, // answer
    -0.35651803, // alternation
    0.34957865, // narration
    1.3558246, // recency_1
    0.9635134, // recency_2
    0.38987887, // recency_3
    -0.24838372, // recency_4_6
    0.13770074, // last_speaker_in_talk
    -0.18323475, // last_speaker_after_narration
    0.45516604, // two_turns_ago
    0.26169437, // partner
    -1.5964212, // addressed_here
    -1.0791678, // named_here
    -0.5199522, // addressed_in_para
    1.2916446, // prev_addressee
    -0.29088414, // prev_topic
    -0.09936426, // prev_last_sentence_subject
    0.37913233, // salience
    0.5658681, // quote_share
    1.2017735, // narrator
    0.08156223, // gender_known
    -0.35932112, // epithet
    -0.3619833, // mentioned_prev_para
    0.84455705, // cascade
    1.0869917, // intro
    1.6604296, // narrator_acts
];
