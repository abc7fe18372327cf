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
    -0.26775596, // para_tag
    0.079186335, // adjacent_other
    -1.6099088, // adjacent_same
    1.0538151, // prev_in_para
    0.2403725, // actor
    -0.061704647, // actor_after
    -0.30007195, // subject_before_quote
    0.7796326, // mention_before_quote
    0.56589377, // subject_after_quote
    -0.009262928, // mention_after_quote
    0.8342672, // answer
    0.08260692, // alternation
    0.28182778, // narration
    1.8898234, // recency_1
    1.6154866, // recency_2
    0.83550626, // recency_3
    0.010805293, // recency_4_6
    0.09737921, // last_speaker_in_talk
    -0.039805774, // last_speaker_after_narration
    -0.16100559, // two_turns_ago
    0.08818284, // partner
    -1.5455227, // addressed_here
    0.582755, // addressed_in_para
    0.94133365, // prev_addressee
    -0.45833802, // prev_topic
    0.36399043, // prev_last_sentence_subject
    -0.16393965, // salience
    0.29437906, // quote_share
    1.1044388, // narrator
    -0.099647015, // gender_known
    0.023084521, // epithet
    0.027901681, // mentioned_prev_para
    0.7095283, // cascade
];
