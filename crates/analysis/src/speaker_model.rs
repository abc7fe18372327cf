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
    0.8524368, // para_tag
    0.29453182, // adjacent_other
    -0.65648353, // adjacent_same
    0.2117278, // prev_in_para
    0.056639645, // actor
    -1.146768, // actor_after
    0.39315388, // subject_before_quote
    0.9438495, // mention_before_quote
    0.003924556, // subject_after_quote
    1.2948053, // mention_after_quote
    1.2221981, // answer
    -0.29085985, // alternation
    0.3289741, // narration
    1.2769921, // recency_1
    0.9345386, // recency_2
    0.38792765, // recency_3
    -0.24931312, // recency_4_6
    0.08025691, // last_speaker_in_talk
    -0.19060381, // last_speaker_after_narration
    0.39467034, // two_turns_ago
    0.24927045, // partner
    -1.5685458, // addressed_here
    -1.0772117, // named_here
    -0.51022124, // addressed_in_para
    1.2585347, // prev_addressee
    -0.31623158, // prev_topic
    -0.08271854, // prev_last_sentence_subject
    0.42220697, // salience
    0.5817968, // quote_share
    1.2036896, // narrator
    0.0877899, // gender_known
    -0.3481536, // epithet
    -0.30999425, // mentioned_prev_para
    0.8631487, // cascade
    1.0868524, // intro
    1.6333566, // narrator_acts
];
