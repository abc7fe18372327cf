//! Weights of the learned speaker scorer (`speaker_rank.rs`). GENERATED: do not edit.
//! Trained on all 100 LitBank documents with quotations and the 16 fics of
//! eval/fics (L2 = 1, 2 rounds: the cascade's run, then a run with the first
//! weights), by
//! `cargo run --release -p ficarchive-analysis --example train_speaker -- /work/shared/eval/litbank crates/analysis/src/speaker_model.rs`.
//! The eval's LitBank speaker figure is 10-fold cross-validated by document and its fic
//! figure leave-one-fic-out, never these in-sample weights.

use crate::speaker_rank::NW;

/// One weight per cue, in `speaker_rank::FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NW] = [
    1.0298251, // para_tag
    -0.17497523, // adjacent_other
    -0.49528414, // adjacent_same
    0.29715535, // prev_in_para
    -0.0562783, // actor
    -1.2040367, // actor_after
    0.24377066, // subject_before_quote
    0.55397516, // mention_before_quote
    -0.096113734, // subject_after_quote
    1.0198569, // mention_after_quote
    1.1830107, // answer
    0.054280017, // alternation
    0.274077, // narration
    1.6284711, // recency_1
    1.1216507, // recency_2
    0.62971944, // recency_3
    -0.2219435, // recency_4_6
    0.19162734, // last_speaker_in_talk
    -0.19235927, // last_speaker_after_narration
    0.059587076, // two_turns_ago
    0.29232877, // partner
    -1.3581693, // addressed_here
    -1.076455, // named_here
    -0.30685434, // addressed_in_para
    1.205273, // prev_addressee
    -0.27192396, // prev_topic
    -0.37996313, // prev_last_sentence_subject
    0.3217065, // salience
    0.55265677, // quote_share
    1.4620262, // narrator
    0.25608385, // gender_known
    -0.12806354, // epithet
    -0.25588956, // mentioned_prev_para
    0.910548, // cascade
    1.0562433, // intro
];
