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
    0.95342237, // para_tag
    0.32255977, // adjacent_other
    -0.68127555, // adjacent_same
    0.5424976, // prev_in_para
    0.068810485, // actor
    -1.1367023, // actor_after
    0.4144815, // subject_before_quote
    0.89177793, // mention_before_quote
    0.18250999, // subject_after_quote
    1.198394, // mention_after_quote
    1.2094412, // answer
    -0.48269093, // alternation
    0.4547091, // narration
    0.9753443, // recency_1
    0.6712096, // recency_2
    0.12095781, // recency_3
    -0.43218875, // recency_4_6
    0.21949941, // last_speaker_in_talk
    -0.13031694, // last_speaker_after_narration
    0.50700617, // two_turns_ago
    0.40216413, // partner
    -1.377662, // addressed_here
    -0.25220948, // named_here
    -0.38203034, // addressed_in_para
    1.2094412, // prev_addressee
    -0.43188474, // prev_topic
    -0.058878988, // prev_last_sentence_subject
    0.5277113, // salience
    0.18358737, // quote_share
    0.9733867, // narrator
    0.07588375, // gender_known
    -0.5505695, // epithet
    -0.4289511, // mentioned_prev_para
    0.96688336, // cascade
    1.1454599, // intro
    1.4028825, // narrator_acts
    -0.71564466, // never_tagged
    -0.5720943, // speech_before_quote
];
