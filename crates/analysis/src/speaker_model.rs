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
    0.707549, // para_tag
    0.2573227, // adjacent_other
    -0.66767704, // adjacent_same
    0.32807773, // prev_in_para
    0.01819211, // actor
    -1.232663, // actor_after
    0.39963147, // subject_before_quote
    0.9641025, // mention_before_quote
    -0.09127114, // subject_after_quote
    1.4342136, // mention_after_quote
    1.3282773, // answer
    -0.29699683, // alternation
    0.3123694, // narration
    1.2593358, // recency_1
    0.8591141, // recency_2
    0.33101156, // recency_3
    -0.3650311, // recency_4_6
    0.2406171, // last_speaker_in_talk
    -0.18907784, // last_speaker_after_narration
    0.42742056, // two_turns_ago
    0.20674305, // partner
    -1.5888745, // addressed_here
    -1.0535233, // named_here
    -0.22991414, // addressed_in_para
    1.3541393, // prev_addressee
    -0.32375503, // prev_topic
    -0.14687875, // prev_last_sentence_subject
    0.43027523, // salience
    0.6291416, // quote_share
    1.1947764, // narrator
    0.18431263, // gender_known
    -0.22434929, // epithet
    -0.40071258, // mentioned_prev_para
    0.8827679, // cascade
    1.2718141, // intro
    1.7113596, // narrator_acts
];
