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
    0.68644303, // para_tag
    -0.13941218, // adjacent_other
    -0.42248634, // adjacent_same
    0.29892692, // prev_in_para
    0.29269248, // actor
    -1.2722248, // actor_after
    -0.5654041, // subject_before_quote
    1.1046052, // mention_before_quote
    -0.015956795, // subject_after_quote
    1.2380121, // mention_after_quote
    0.9579738, // answer
    -0.16549698, // alternation
    0.04634356, // narration
    1.5142436, // recency_1
    1.5128872, // recency_2
    0.7102673, // recency_3
    -0.23795755, // recency_4_6
    -0.37953296, // last_speaker_in_talk
    -0.17821932, // last_speaker_after_narration
    -0.0138955405, // two_turns_ago
    0.20623742, // partner
    -1.0392574, // addressed_here
    -1.705401, // named_here
    -0.75230306, // addressed_in_para
    0.9762855, // prev_addressee
    -0.23977353, // prev_topic
    -0.3644379, // prev_last_sentence_subject
    0.11501985, // salience
    0.43110237, // quote_share
    1.1776547, // narrator
    0.21226904, // gender_known
    -0.14393166, // epithet
    0.13248402, // mentioned_prev_para
    0.9773871, // cascade
    1.1158626, // intro
];
