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
    0.9572507, // para_tag
    -0.1748789, // adjacent_other
    -0.47329807, // adjacent_same
    0.2658342, // prev_in_para
    -0.023195583, // actor
    -1.2026637, // actor_after
    0.31493473, // subject_before_quote
    0.5031475, // mention_before_quote
    -0.031915024, // subject_after_quote
    0.9318979, // mention_after_quote
    1.5997527, // answer
    0.010236893, // alternation
    0.26206174, // narration
    1.772895, // recency_1
    1.2998528, // recency_2
    0.6859352, // recency_3
    -0.20695668, // recency_4_6
    -0.031041084, // last_speaker_in_talk
    -0.23718272, // last_speaker_after_narration
    -0.015023588, // two_turns_ago
    0.2855713, // partner
    -1.1808755, // addressed_here
    -1.020176, // named_here
    -0.35588807, // addressed_in_para
    0.8924761, // prev_addressee
    -0.2645269, // prev_topic
    -0.31767523, // prev_last_sentence_subject
    0.32747525, // salience
    0.6564021, // quote_share
    1.0791115, // narrator
    0.097652555, // gender_known
    -0.15415229, // epithet
    -0.3029313, // mentioned_prev_para
    0.8761818, // cascade
    1.0410792, // intro
];
