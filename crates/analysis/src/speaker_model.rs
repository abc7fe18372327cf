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
    -0.530162, // para_tag
    0.4223572, // adjacent_other
    -1.4607074, // adjacent_same
    1.2079699, // prev_in_para
    0.0787937, // actor
    -0.03945102, // actor_after
    -0.17105886, // subject_before_quote
    0.8331644, // mention_before_quote
    0.5404542, // subject_after_quote
    0.15948017, // mention_after_quote
    0.76839364, // answer
    0.19697641, // alternation
    0.30198702, // narration
    1.7877487, // recency_1
    1.5430759, // recency_2
    0.78980684, // recency_3
    -0.22900203, // recency_4_6
    0.20292142, // last_speaker_in_talk
    -0.10442398, // last_speaker_after_narration
    -0.36457732, // two_turns_ago
    0.20098335, // partner
    -1.5649261, // addressed_here
    -1.0754421, // named_here
    0.65347904, // addressed_in_para
    1.0926472, // prev_addressee
    -0.54645795, // prev_topic
    0.3079062, // prev_last_sentence_subject
    -0.17114529, // salience
    0.44550443, // quote_share
    1.1638861, // narrator
    0.0036292786, // gender_known
    0.09927078, // epithet
    0.021926053, // mentioned_prev_para
    0.757273, // cascade
];
