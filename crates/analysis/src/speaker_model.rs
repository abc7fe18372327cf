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
    0.6024334, // para_tag
    -0.19417094, // adjacent_other
    -0.46588516, // adjacent_same
    0.5920602, // prev_in_para
    0.23043379, // actor
    -1.2002597, // actor_after
    0.28379324, // subject_before_quote
    0.85925585, // mention_before_quote
    -0.07386884, // subject_after_quote
    1.5133256, // mention_after_quote
    1.4199208, // answer
    -0.083933786, // alternation
    0.28215188, // narration
    1.4148791, // recency_1
    0.9794405, // recency_2
    0.43660578, // recency_3
    -0.2324838, // recency_4_6
    0.1810789, // last_speaker_in_talk
    -0.24210338, // last_speaker_after_narration
    0.44033173, // two_turns_ago
    0.17850627, // partner
    -1.662689, // addressed_here
    -1.0032985, // named_here
    -0.16689706, // addressed_in_para
    1.4498332, // prev_addressee
    -0.2588293, // prev_topic
    -0.20736666, // prev_last_sentence_subject
    0.2641181, // salience
    0.6808941, // quote_share
    1.2169045, // narrator
    0.19183713, // gender_known
    -0.048602186, // epithet
    -0.26049906, // mentioned_prev_para
    0.717904, // cascade
    1.1779258, // intro
    1.7113028, // narrator_acts
];
