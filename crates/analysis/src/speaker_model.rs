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
    0.726076, // para_tag
    0.29660684, // adjacent_other
    -0.68736655, // adjacent_same
    0.41469008, // prev_in_para
    0.11538038, // actor
    -1.2307621, // actor_after
    0.32018578, // subject_before_quote
    0.9287099, // mention_before_quote
    -0.058748454, // subject_after_quote
    1.348133, // mention_after_quote
    1.258129, // answer
    -0.33516923, // alternation
    0.32209596, // narration
    1.3866359, // recency_1
    0.95769364, // recency_2
    0.3921142, // recency_3
    -0.24501051, // recency_4_6
    0.14740686, // last_speaker_in_talk
    -0.19956757, // last_speaker_after_narration
    0.4602366, // two_turns_ago
    0.25610766, // partner
    -1.6139364, // addressed_here
    -1.082456, // named_here
    -0.4952793, // addressed_in_para
    1.2885109, // prev_addressee
    -0.31894028, // prev_topic
    -0.072188705, // prev_last_sentence_subject
    0.39944065, // salience
    0.5907614, // quote_share
    1.2419034, // narrator
    0.065977424, // gender_known
    -0.35818124, // epithet
    -0.3336149, // mentioned_prev_para
    0.8162795, // cascade
    1.0876355, // intro
    1.6360277, // narrator_acts
];
