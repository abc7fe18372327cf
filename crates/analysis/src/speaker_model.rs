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
    1.0633036, // para_tag
    -0.18953358, // adjacent_other
    -0.46199587, // adjacent_same
    0.077330105, // prev_in_para
    -0.047272004, // actor
    -1.178243, // actor_after
    0.41576508, // subject_before_quote
    0.53162515, // mention_before_quote
    -0.15705223, // subject_after_quote
    1.0894903, // mention_after_quote
    1.2225249, // answer
    0.05527469, // alternation
    0.3465422, // narration
    1.6684963, // recency_1
    1.152317, // recency_2
    0.63219696, // recency_3
    -0.23352039, // recency_4_6
    0.1564927, // last_speaker_in_talk
    -0.24623501, // last_speaker_after_narration
    0.10142859, // two_turns_ago
    0.23292994, // partner
    -1.4394163, // addressed_here
    -1.0161014, // named_here
    -0.432832, // addressed_in_para
    1.2511764, // prev_addressee
    -0.2755291, // prev_topic
    -0.34379265, // prev_last_sentence_subject
    0.3100284, // salience
    0.62965345, // quote_share
    1.0822177, // narrator
    0.28128597, // gender_known
    -0.046198376, // epithet
    -0.28151065, // mentioned_prev_para
    0.84403193, // cascade
    1.0365626, // intro
    1.8757463, // narrator_acts
];
