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
    -0.4283443, // para_tag
    0.42537388, // adjacent_other
    -1.3316064, // adjacent_same
    1.1355088, // prev_in_para
    0.15801775, // actor
    -0.043852516, // actor_after
    -0.404864, // subject_before_quote
    0.78706527, // mention_before_quote
    0.7319678, // subject_after_quote
    0.10137008, // mention_after_quote
    0.6013794, // answer
    -0.29423866, // alternation
    0.5137247, // narration
    1.60214, // recency_1
    1.2979972, // recency_2
    0.44752112, // recency_3
    -0.6313968, // recency_4_6
    0.507055, // last_speaker_in_talk
    0.23787719, // last_speaker_after_narration
    0.10001526, // two_turns_ago
    0.29758906, // partner
    -1.3537977, // addressed_here
    0.8190441, // addressed_in_para
    0.67826754, // prev_addressee
    -0.57908887, // prev_topic
    0.42145652, // prev_last_sentence_subject
    -0.32199955, // salience
    -0.09886363, // quote_share
    0.82805634, // narrator
    -0.058291785, // gender_known
    0.37230122, // epithet
    0.0816348, // mentioned_prev_para
    0.5382478, // cascade
];
