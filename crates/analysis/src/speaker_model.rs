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
    0.82347435, // para_tag
    0.32390034, // adjacent_other
    -0.68265843, // adjacent_same
    0.5429906, // prev_in_para
    0.03266971, // actor
    -1.0711691, // actor_after
    0.4855482, // subject_before_quote
    0.953333, // mention_before_quote
    0.18056953, // subject_after_quote
    1.2168909, // mention_after_quote
    1.1346114, // answer
    -0.42286336, // alternation
    0.42193997, // narration
    0.9126382, // recency_1
    0.6167343, // recency_2
    0.08482022, // recency_3
    -0.4373268, // recency_4_6
    0.28814417, // last_speaker_in_talk
    -0.10091599, // last_speaker_after_narration
    0.49063107, // two_turns_ago
    0.4452112, // partner
    -1.3549151, // addressed_here
    -0.2351048, // named_here
    -0.3880527, // addressed_in_para
    1.1346114, // prev_addressee
    -0.45118412, // prev_topic
    -0.038261868, // prev_last_sentence_subject
    0.53877944, // salience
    0.012367671, // quote_share
    1.0089922, // narrator
    0.08175751, // gender_known
    -0.4820933, // epithet
    -0.3266671, // mentioned_prev_para
    0.9401538, // cascade
    1.1293503, // intro
    1.4445822, // narrator_acts
    -0.74723274, // never_tagged
    -0.5168543, // speech_before_quote
];
