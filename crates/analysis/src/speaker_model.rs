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
    0.78783095, // para_tag
    0.36263058, // adjacent_other
    -0.7343517, // adjacent_same
    0.4312279, // prev_in_para
    0.0022202027, // actor
    -1.0620822, // actor_after
    0.2829813, // subject_before_quote
    0.92193073, // mention_before_quote
    0.026472144, // subject_after_quote
    1.1549574, // mention_after_quote
    1.0817891, // answer
    -0.44155, // alternation
    0.31618422, // narration
    0.9350374, // recency_1
    0.55454975, // recency_2
    0.032416977, // recency_3
    -0.46040303, // recency_4_6
    0.19882719, // last_speaker_in_talk
    -0.05908831, // last_speaker_after_narration
    0.4969137, // two_turns_ago
    0.39360172, // partner
    -1.3357483, // addressed_here
    -0.35971972, // named_here
    -0.42755398, // addressed_in_para
    1.0817891, // prev_addressee
    -0.41640812, // prev_topic
    -0.05968524, // prev_last_sentence_subject
    0.46248394, // salience
    0.054227322, // quote_share
    0.8318147, // narrator
    0.029048538, // gender_known
    -0.60719687, // epithet
    -0.2817808, // mentioned_prev_para
    1.0094976, // cascade
    1.1048365, // intro
    1.4344757, // narrator_acts
    -0.80501807, // never_tagged
];
