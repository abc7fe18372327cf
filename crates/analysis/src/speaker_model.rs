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
    0.7031508, // para_tag
    -0.17819907, // adjacent_other
    -0.50930774, // adjacent_same
    0.50728077, // prev_in_para
    0.072611764, // actor
    -1.1771808, // actor_after
    0.270529, // subject_before_quote
    0.8045882, // mention_before_quote
    -0.09867394, // subject_after_quote
    1.4605087, // mention_after_quote
    1.4833604, // answer
    -0.2148387, // alternation
    0.38306206, // narration
    1.4200703, // recency_1
    0.99621195, // recency_2
    0.37337643, // recency_3
    -0.14501281, // recency_4_6
    0.14733899, // last_speaker_in_talk
    -0.31412727, // last_speaker_after_narration
    0.42246562, // two_turns_ago
    0.2697504, // partner
    -1.67997, // addressed_here
    -0.9969367, // named_here
    -0.34240395, // addressed_in_para
    1.511354, // prev_addressee
    -0.3370216, // prev_topic
    -0.26861477, // prev_last_sentence_subject
    0.6003886, // salience
    0.540912, // quote_share
    1.3491195, // narrator
    0.17990977, // gender_known
    0.0018662733, // epithet
    -0.40712216, // mentioned_prev_para
    0.70123166, // cascade
    1.2102083, // intro
    1.6597944, // narrator_acts
];
