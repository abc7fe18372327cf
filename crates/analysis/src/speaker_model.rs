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
    0.92754257, // para_tag
    0.17805654, // adjacent_other
    -0.64250875, // adjacent_same
    0.19430663, // prev_in_para
    -0.20829396, // actor
    -1.1975017, // actor_after
    0.49021247, // subject_before_quote
    0.48028052, // mention_before_quote
    -0.026785271, // subject_after_quote
    1.0279311, // mention_after_quote
    1.2618022, // answer
    0.085234575, // alternation
    0.38910007, // narration
    1.4545424, // recency_1
    0.9059789, // recency_2
    0.3610582, // recency_3
    -0.46044812, // recency_4_6
    0.4153276, // last_speaker_in_talk
    -0.08866494, // last_speaker_after_narration
    0.15058301, // two_turns_ago
    0.3033306, // partner
    -1.4066728, // addressed_here
    -1.0757813, // named_here
    -0.36983496, // addressed_in_para
    1.2841251, // prev_addressee
    -0.3713919, // prev_topic
    -0.17982149, // prev_last_sentence_subject
    0.31889924, // salience
    0.5408945, // quote_share
    0.8339089, // narrator
    0.28410947, // gender_known
    -0.13353741, // epithet
    -0.43816695, // mentioned_prev_para
    0.9187998, // cascade
    1.1021893, // intro
    1.8579992, // narrator_acts
];
