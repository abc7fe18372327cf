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
    0.71870327, // para_tag
    0.3723831, // adjacent_other
    -0.7517342, // adjacent_same
    0.53785837, // prev_in_para
    0.0023397356, // actor
    -1.0743729, // actor_after
    0.3312129, // subject_before_quote
    0.9248275, // mention_before_quote
    0.34099635, // subject_after_quote
    1.0444796, // mention_after_quote
    1.134647, // answer
    -0.46197438, // alternation
    0.35320067, // narration
    0.91678655, // recency_1
    0.5903901, // recency_2
    0.031689167, // recency_3
    -0.47307804, // recency_4_6
    0.22757831, // last_speaker_in_talk
    -0.10768183, // last_speaker_after_narration
    0.5350224, // two_turns_ago
    0.40369394, // partner
    -1.3485873, // addressed_here
    -0.32488886, // named_here
    -0.40101317, // addressed_in_para
    1.134647, // prev_addressee
    -0.42521912, // prev_topic
    -0.025578747, // prev_last_sentence_subject
    0.5250242, // salience
    -0.004743127, // quote_share
    0.8641485, // narrator
    0.033062022, // gender_known
    -0.5303995, // epithet
    -0.34643954, // mentioned_prev_para
    0.95169127, // cascade
    1.1391622, // intro
    1.457928, // narrator_acts
    -0.7785402, // never_tagged
];
