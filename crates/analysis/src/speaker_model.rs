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
    0.88622683, // para_tag
    -0.17157282, // adjacent_other
    -0.43868455, // adjacent_same
    0.25359678, // prev_in_para
    -0.021253636, // actor
    -1.2025715, // actor_after
    0.24142691, // subject_before_quote
    0.56993324, // mention_before_quote
    -0.017879093, // subject_after_quote
    0.8149079, // mention_after_quote
    1.0739068, // answer
    -0.057163958, // alternation
    0.4306679, // narration
    1.6876138, // recency_1
    1.310364, // recency_2
    0.7302126, // recency_3
    -0.091598384, // recency_4_6
    -0.34336802, // last_speaker_in_talk
    -0.11936489, // last_speaker_after_narration
    -0.04145602, // two_turns_ago
    0.28360137, // partner
    -1.0602883, // addressed_here
    -1.248838, // named_here
    -0.56072307, // addressed_in_para
    1.123618, // prev_addressee
    -0.26774356, // prev_topic
    -0.34227753, // prev_last_sentence_subject
    0.32397404, // salience
    0.4337399, // quote_share
    1.0828646, // narrator
    0.14519061, // gender_known
    -0.1466126, // epithet
    -0.15541196, // mentioned_prev_para
    0.95774394, // cascade
];
