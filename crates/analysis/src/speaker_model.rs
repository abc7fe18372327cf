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
    0.91807586, // para_tag
    0.19232807, // adjacent_other
    -0.6732092, // adjacent_same
    0.20753331, // prev_in_para
    -0.19323216, // actor
    -1.1867126, // actor_after
    0.4537169, // subject_before_quote
    0.54327404, // mention_before_quote
    -0.03102615, // subject_after_quote
    1.033484, // mention_after_quote
    1.2607063, // answer
    0.09269428, // alternation
    0.29984504, // narration
    1.4597605, // recency_1
    0.9305983, // recency_2
    0.3700621, // recency_3
    -0.4575669, // recency_4_6
    0.41777775, // last_speaker_in_talk
    -0.11659147, // last_speaker_after_narration
    0.1737385, // two_turns_ago
    0.2926223, // partner
    -1.4138027, // addressed_here
    -1.0705811, // named_here
    -0.3701144, // addressed_in_para
    1.2848397, // prev_addressee
    -0.25914115, // prev_topic
    -0.17942049, // prev_last_sentence_subject
    0.29360297, // salience
    0.48409402, // quote_share
    0.8335896, // narrator
    0.25921574, // gender_known
    -0.1073389, // epithet
    -0.40808937, // mentioned_prev_para
    0.90361893, // cascade
    0.97254735, // intro
    1.8553026, // narrator_acts
];
