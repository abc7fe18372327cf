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
    0.60707086, // para_tag
    0.3684174, // adjacent_other
    -0.73921114, // adjacent_same
    0.62249786, // prev_in_para
    0.017370889, // actor
    -1.076686, // actor_after
    0.27842277, // subject_before_quote
    0.9315897, // mention_before_quote
    0.1371316, // subject_after_quote
    1.2389477, // mention_after_quote
    1.1385539, // answer
    -0.36583334, // alternation
    0.3986949, // narration
    0.96677303, // recency_1
    0.61039275, // recency_2
    0.1860926, // recency_3
    -0.4066606, // recency_4_6
    0.14485413, // last_speaker_in_talk
    -0.17462328, // last_speaker_after_narration
    0.3227775, // two_turns_ago
    0.36119255, // partner
    -1.3940455, // addressed_here
    -0.30095974, // named_here
    -0.41952863, // addressed_in_para
    1.1385539, // prev_addressee
    -0.4912044, // prev_topic
    -0.052425377, // prev_last_sentence_subject
    0.48843938, // salience
    0.15513098, // quote_share
    0.68727607, // narrator
    -0.036878254, // gender_known
    -0.6769659, // epithet
    -0.33451712, // mentioned_prev_para
    0.99137545, // cascade
    1.159836, // intro
    1.5152462, // narrator_acts
    -0.9666707, // never_tagged
];
