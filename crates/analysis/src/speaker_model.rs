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
    0.73548716, // para_tag
    0.29334688, // adjacent_other
    -0.690421, // adjacent_same
    0.40891847, // prev_in_para
    0.09753819, // actor
    -1.227158, // actor_after
    0.33956826, // subject_before_quote
    0.9305878, // mention_before_quote
    -0.054105178, // subject_after_quote
    1.343234, // mention_after_quote
    1.2655243, // answer
    -0.34253007, // alternation
    0.28779468, // narration
    1.4220338, // recency_1
    0.97482574, // recency_2
    0.38900393, // recency_3
    -0.2381261, // recency_4_6
    0.20427191, // last_speaker_in_talk
    -0.25080717, // last_speaker_after_narration
    0.4862874, // two_turns_ago
    0.24520586, // partner
    -1.6057366, // addressed_here
    -0.47216612, // named_here
    -0.49330777, // addressed_in_para
    1.2932457, // prev_addressee
    -0.31713307, // prev_topic
    -0.04960907, // prev_last_sentence_subject
    0.37180385, // salience
    0.5836452, // quote_share
    1.2269948, // narrator
    0.054874357, // gender_known
    -0.36220896, // epithet
    -0.3689887, // mentioned_prev_para
    0.8224853, // cascade
    1.1081614, // intro
    1.6407281, // narrator_acts
];
