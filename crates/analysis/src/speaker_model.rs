//! Weights of the learned speaker scorer (`speaker_rank.rs`). GENERATED: do not edit.
//! Trained on all 100 LitBank documents with quotations (L2 = 1, 2 rounds: the
//! cascade's run, then a run with the first weights), by
//! `cargo run --release -p ficarchive-analysis --example train_speaker -- /work/shared/eval/litbank crates/analysis/src/speaker_model.rs`.
//! The eval's LitBank speaker figure is 10-fold cross-validated by document, never these
//! in-sample weights.

use crate::speaker_rank::NW;

/// One weight per cue, in `speaker_rank::FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NW] = [
    -0.28422427, // para_tag
    0.28291562, // adjacent_other
    -1.3676687, // adjacent_same
    1.0403854, // prev_in_para
    0.14643419, // actor
    -0.08624428, // actor_after
    -0.41602445, // subject_before_quote
    0.7914104, // mention_before_quote
    0.7336619, // subject_after_quote
    -0.02728316, // mention_after_quote
    0.60119194, // answer
    -0.06257547, // alternation
    0.5363709, // narration
    1.5227118, // recency_1
    1.2560107, // recency_2
    0.48824638, // recency_3
    -0.5936278, // recency_4_6
    0.41433513, // last_speaker_in_talk
    0.3001924, // last_speaker_after_narration
    -0.01757232, // two_turns_ago
    0.18131009, // partner
    -1.3982564, // addressed_here
    0.7499985, // addressed_in_para
    0.68708456, // prev_addressee
    -0.6244598, // prev_topic
    0.4190331, // prev_last_sentence_subject
    -0.41806713, // salience
    -0.06654488, // quote_share
    0.92867297, // narrator
    0.12192016, // gender_known
    0.3123654, // epithet
    0.09823239, // mentioned_prev_para
    0.47444478, // cascade
];
