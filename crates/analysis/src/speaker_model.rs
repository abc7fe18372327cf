//! Weights of the learned speaker scorer (`speaker_rank.rs`). GENERATED: do not edit.
//! Trained on all 100 LitBank documents with quotations and the 12 fics of
//! eval/fics (L2 = 1, 2 rounds: the cascade's run, then a run with the first
//! weights), by
//! `cargo run --release -p ficarchive-analysis --example train_speaker -- /work/shared/eval/litbank crates/analysis/src/speaker_model.rs`.
//! The eval's LitBank speaker figure is 10-fold cross-validated by document and its fic
//! figure leave-one-fic-out, never these in-sample weights.

use crate::speaker_rank::NW;

/// One weight per cue, in `speaker_rank::FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NW] = [
    -0.3502789, // para_tag
    0.5582385, // adjacent_other
    -1.4462898, // adjacent_same
    1.0482695, // prev_in_para
    0.07779671, // actor
    -0.06055476, // actor_after
    -0.1640318, // subject_before_quote
    0.8594485, // mention_before_quote
    0.7256038, // subject_after_quote
    0.113908045, // mention_after_quote
    0.89844567, // answer
    -0.09026479, // alternation
    0.38222784, // narration
    1.4835016, // recency_1
    1.2291752, // recency_2
    0.38292837, // recency_3
    -0.41245526, // recency_4_6
    0.1867943, // last_speaker_in_talk
    -0.019103883, // last_speaker_after_narration
    -0.006147688, // two_turns_ago
    0.18327014, // partner
    -1.271305, // addressed_here
    -0.47032633, // named_here
    0.81844234, // addressed_in_para
    0.9378111, // prev_addressee
    -0.5699337, // prev_topic
    0.40103084, // prev_last_sentence_subject
    -0.0834995, // salience
    0.26897871, // quote_share
    1.0518088, // narrator
    0.14957263, // gender_known
    0.22539867, // epithet
    -0.0044660843, // mentioned_prev_para
    0.63974124, // cascade
];
