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
    0.52235377, // para_tag
    0.39488465, // adjacent_other
    -0.7366031, // adjacent_same
    0.5195829, // prev_in_para
    0.05100031, // actor
    -1.1177324, // actor_after
    0.23625708, // subject_before_quote
    1.0546534, // mention_before_quote
    -0.27241358, // subject_after_quote
    1.510545, // mention_after_quote
    1.2062886, // answer
    -0.4050475, // alternation
    0.26845902, // narration
    1.1588098, // recency_1
    0.75816983, // recency_2
    0.28692105, // recency_3
    -0.2846655, // recency_4_6
    -0.10999408, // last_speaker_in_talk
    -0.1643451, // last_speaker_after_narration
    0.44408646, // two_turns_ago
    0.35663515, // partner
    -1.725497, // addressed_here
    -0.86801517, // named_here
    -0.4996374, // addressed_in_para
    1.2062886, // prev_addressee
    -0.35098988, // prev_topic
    0.009750032, // prev_last_sentence_subject
    0.47347543, // salience
    0.14028531, // quote_share
    0.8037812, // narrator
    -0.030180013, // gender_known
    -0.6799014, // epithet
    -0.27129415, // mentioned_prev_para
    0.8736916, // cascade
    1.0545468, // intro
    1.6514478, // narrator_acts
    -0.9035559, // never_tagged
];
