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
    0.6729027, // para_tag
    -0.18570259, // adjacent_other
    -0.4747168, // adjacent_same
    0.47497046, // prev_in_para
    0.19954796, // actor
    -1.2356448, // actor_after
    0.30195758, // subject_before_quote
    0.897364, // mention_before_quote
    -0.13681239, // subject_after_quote
    1.5295074, // mention_after_quote
    1.4071041, // answer
    -0.13730155, // alternation
    0.24695104, // narration
    1.4242166, // recency_1
    0.9855777, // recency_2
    0.43651965, // recency_3
    -0.23770592, // recency_4_6
    0.1864341, // last_speaker_in_talk
    -0.2668867, // last_speaker_after_narration
    0.45999178, // two_turns_ago
    0.16067605, // partner
    -1.668403, // addressed_here
    -1.0025021, // named_here
    -0.21986952, // addressed_in_para
    1.4349766, // prev_addressee
    -0.30223256, // prev_topic
    -0.18238044, // prev_last_sentence_subject
    0.29138687, // salience
    0.66754013, // quote_share
    1.3110639, // narrator
    0.20292893, // gender_known
    -0.043875556, // epithet
    -0.22937188, // mentioned_prev_para
    0.71902144, // cascade
    1.180665, // intro
    1.6986825, // narrator_acts
];
