//! Weights of the learned speaker scorer (`speaker_rank.rs`). GENERATED: do not edit.
//! Trained on all 100 LitBank documents with quotations and the 12 fics of
//! eval/fics (L2 = 1, 2 rounds: the cascade's run, then a run with the first
//! weights), by
//! `cargo run --release -p ficarchive-analysis --example train_speaker -- /work/shared/eval/litbank crates/analysis/src/speaker_model.rs`.
//! The eval's LitBank speaker figure is 10-fold cross-validated by document and its fic
//! figure leave-one-fic-out, never these in-sample weights.

use crate::speaker_rank::NW;

/// One weight per cue, in `speaker_rank::FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NW] = [
    -0.30472654, // para_tag
    0.17859128, // adjacent_other
    -1.5378022, // adjacent_same
    0.99308014, // prev_in_para
    0.16281956, // actor
    -0.051533964, // actor_after
    -0.22033456, // subject_before_quote
    0.8288783, // mention_before_quote
    0.8144135, // subject_after_quote
    -0.016731791, // mention_after_quote
    0.7965418, // answer
    -0.0029708634, // alternation
    0.36346138, // narration
    1.5161189, // recency_1
    1.2488981, // recency_2
    0.44232553, // recency_3
    -0.46339136, // recency_4_6
    -0.00031070344, // last_speaker_in_talk
    -0.009901646, // last_speaker_after_narration
    -0.15674897, // two_turns_ago
    0.19168395, // partner
    -1.2661295, // addressed_here
    0.6551831, // addressed_in_para
    0.8511188, // prev_addressee
    -0.476709, // prev_topic
    0.35839882, // prev_last_sentence_subject
    -0.1464257, // salience
    0.46804056, // quote_share
    1.084418, // narrator
    0.12456655, // gender_known
    0.30095598, // epithet
    0.062941805, // mentioned_prev_para
    0.63402414, // cascade
];
