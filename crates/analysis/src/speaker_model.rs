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
    0.88725454, // para_tag
    0.33449367, // adjacent_other
    -0.70635104, // adjacent_same
    0.58338624, // prev_in_para
    0.072555, // actor
    -1.0877073, // actor_after
    0.43933603, // subject_before_quote
    0.9160018, // mention_before_quote
    0.18905656, // subject_after_quote
    1.2133319, // mention_after_quote
    1.1881711, // answer
    -0.4157193, // alternation
    0.43583623, // narration
    0.91167474, // recency_1
    0.6172379, // recency_2
    0.078750044, // recency_3
    -0.4550351, // recency_4_6
    0.2725749, // last_speaker_in_talk
    -0.076335184, // last_speaker_after_narration
    0.48827082, // two_turns_ago
    0.43638968, // partner
    -1.3907839, // addressed_here
    -0.24712561, // named_here
    -0.3777525, // addressed_in_para
    1.1881711, // prev_addressee
    -0.44445598, // prev_topic
    -0.031745244, // prev_last_sentence_subject
    0.5360032, // salience
    0.036688987, // quote_share
    0.9550763, // narrator
    0.07654846, // gender_known
    -0.5053729, // epithet
    -0.3480736, // mentioned_prev_para
    0.9213593, // cascade
    1.130868, // intro
    1.4335744, // narrator_acts
    -0.75452656, // never_tagged
    -0.51655716, // speech_before_quote
];
