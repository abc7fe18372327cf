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
    0.98121196, // para_tag
    -0.19814202, // adjacent_other
    -0.4552138, // adjacent_same
    0.29813018, // prev_in_para
    0.02333599, // actor
    -1.2107629, // actor_after
    0.27737454, // subject_before_quote
    0.46454364, // mention_before_quote
    0.001375065, // subject_after_quote
    0.9106436, // mention_after_quote
    1.3077523, // answer
    0.015698532, // alternation
    0.31700817, // narration
    1.7200415, // recency_1
    1.240659, // recency_2
    0.5373983, // recency_3
    -0.34321606, // recency_4_6
    0.20031631, // last_speaker_in_talk
    -0.1255148, // last_speaker_after_narration
    0.0017288646, // two_turns_ago
    0.35263178, // partner
    -1.1993601, // addressed_here
    -1.0394793, // named_here
    -0.35040638, // addressed_in_para
    1.3310369, // prev_addressee
    -0.25446665, // prev_topic
    -0.28891078, // prev_last_sentence_subject
    0.23218377, // salience
    0.56000876, // quote_share
    0.9702668, // narrator
    0.13795349, // gender_known
    -0.13126032, // epithet
    -0.45570898, // mentioned_prev_para
    0.8538628, // cascade
    1.0715456, // intro
];
