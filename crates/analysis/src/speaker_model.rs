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
    0.79761314, // para_tag
    0.29593438, // adjacent_other
    -0.6729043, // adjacent_same
    0.29136035, // prev_in_para
    0.07687457, // actor
    -1.2223912, // actor_after
    0.35225967, // subject_before_quote
    0.9649581, // mention_before_quote
    -0.06638514, // subject_after_quote
    1.3712219, // mention_after_quote
    1.2566844, // answer
    -0.36274725, // alternation
    0.3472483, // narration
    1.3458909, // recency_1
    0.9576579, // recency_2
    0.38638008, // recency_3
    -0.2514946, // recency_4_6
    0.14093412, // last_speaker_in_talk
    -0.18030709, // last_speaker_after_narration
    0.45746908, // two_turns_ago
    0.26222113, // partner
    -1.5948209, // addressed_here
    -1.0828042, // named_here
    -0.51378495, // addressed_in_para
    1.2901231, // prev_addressee
    -0.29029787, // prev_topic
    -0.09635638, // prev_last_sentence_subject
    0.39031303, // salience
    0.55427384, // quote_share
    1.1962905, // narrator
    0.080911584, // gender_known
    -0.36276105, // epithet
    -0.36869025, // mentioned_prev_para
    0.84968835, // cascade
    1.0858777, // intro
    1.6615108, // narrator_acts
];
