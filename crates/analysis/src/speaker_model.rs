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
    0.85061014, // para_tag
    0.31875026, // adjacent_other
    -0.67725766, // adjacent_same
    0.45783794, // prev_in_para
    0.0072546764, // actor
    -1.0767304, // actor_after
    0.4963118, // subject_before_quote
    0.9641202, // mention_before_quote
    0.13967544, // subject_after_quote
    1.2571149, // mention_after_quote
    1.1387038, // answer
    -0.4141436, // alternation
    0.40228775, // narration
    0.9817921, // recency_1
    0.68841004, // recency_2
    0.13533668, // recency_3
    -0.38694102, // recency_4_6
    0.22979194, // last_speaker_in_talk
    -0.10992605, // last_speaker_after_narration
    0.467376, // two_turns_ago
    0.3974449, // partner
    -1.266343, // addressed_here
    -0.24813731, // named_here
    -0.39211777, // addressed_in_para
    1.1387038, // prev_addressee
    -0.4578601, // prev_topic
    -0.038186613, // prev_last_sentence_subject
    0.52525496, // salience
    0.08773271, // quote_share
    1.0810345, // narrator
    0.09486194, // gender_known
    -0.48100606, // epithet
    -0.3170392, // mentioned_prev_para
    0.9607702, // cascade
    1.12616, // intro
    1.4506238, // narrator_acts
    -0.7604978, // never_tagged
    -0.5034689, // speech_before_quote
];
