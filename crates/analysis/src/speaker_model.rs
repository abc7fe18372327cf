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
    0.8136914, // para_tag
    0.33911276, // adjacent_other
    -0.6641755, // adjacent_same
    0.5359008, // prev_in_para
    0.03629096, // actor
    -1.0682008, // actor_after
    0.47846752, // subject_before_quote
    0.95364636, // mention_before_quote
    0.27450472, // subject_after_quote
    1.0793177, // mention_after_quote
    1.1447475, // answer
    -0.48082674, // alternation
    0.39508975, // narration
    0.9045625, // recency_1
    0.5935084, // recency_2
    0.03745589, // recency_3
    -0.46891025, // recency_4_6
    0.24642783, // last_speaker_in_talk
    -0.096622206, // last_speaker_after_narration
    0.5257061, // two_turns_ago
    0.44422835, // partner
    -1.3672093, // addressed_here
    -0.23804583, // named_here
    -0.40688604, // addressed_in_para
    1.1447475, // prev_addressee
    -0.44894466, // prev_topic
    0.0036934188, // prev_last_sentence_subject
    0.51799315, // salience
    0.023305899, // quote_share
    0.8860375, // narrator
    0.045724034, // gender_known
    -0.547167, // epithet
    -0.34382275, // mentioned_prev_para
    0.93826675, // cascade
    1.1230751, // intro
    1.4543403, // narrator_acts
    -0.73991627, // never_tagged
    -0.52862203, // speech_before_quote
];
