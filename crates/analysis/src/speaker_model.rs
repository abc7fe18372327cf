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
    1.0157889, // para_tag
    0.31850696, // adjacent_other
    -0.691232, // adjacent_same
    0.45460704, // prev_in_para
    0.06943129, // actor
    -1.1556942, // actor_after
    0.43084118, // subject_before_quote
    0.8927576, // mention_before_quote
    0.15843356, // subject_after_quote
    1.2611926, // mention_after_quote
    1.2090257, // answer
    -0.47654667, // alternation
    0.4458826, // narration
    1.0573689, // recency_1
    0.7520782, // recency_2
    0.14316705, // recency_3
    -0.38905063, // recency_4_6
    0.2485712, // last_speaker_in_talk
    -0.16808315, // last_speaker_after_narration
    0.5170211, // two_turns_ago
    0.35120997, // partner
    -1.258563, // addressed_here
    -0.25697383, // named_here
    -0.4618713, // addressed_in_para
    1.2090257, // prev_addressee
    -0.45689082, // prev_topic
    -0.10006828, // prev_last_sentence_subject
    0.4310174, // salience
    0.17748663, // quote_share
    1.0211351, // narrator
    0.10889438, // gender_known
    -0.5053114, // epithet
    -0.40572298, // mentioned_prev_para
    0.9819833, // cascade
    1.1796885, // intro
    1.3978254, // narrator_acts
    -0.75806445, // never_tagged
    -0.55810153, // speech_before_quote
];
