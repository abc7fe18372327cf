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
    0.584828, // para_tag
    -0.15945236, // adjacent_other
    -0.4097085, // adjacent_same
    0.37141317, // prev_in_para
    0.30806792, // actor
    -1.3809079, // actor_after
    -0.60397786, // subject_before_quote
    0.9952753, // mention_before_quote
    0.011727346, // subject_after_quote
    1.1317782, // mention_after_quote
    0.91742337, // answer
    -0.23180692, // alternation
    0.0340923, // narration
    1.6671596, // recency_1
    1.5364349, // recency_2
    0.73663175, // recency_3
    -0.259663, // recency_4_6
    -0.50920385, // last_speaker_in_talk
    -0.13650952, // last_speaker_after_narration
    -0.036608003, // two_turns_ago
    0.20692517, // partner
    -1.0749199, // addressed_here
    -1.7658262, // named_here
    -0.72519356, // addressed_in_para
    0.9373739, // prev_addressee
    -0.29761794, // prev_topic
    -0.15722315, // prev_last_sentence_subject
    0.13777867, // salience
    0.38101313, // quote_share
    1.2949829, // narrator
    0.20800504, // gender_known
    -0.17548543, // epithet
    0.19627078, // mentioned_prev_para
    1.0066034, // cascade
];
