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
    0.72069657, // para_tag
    0.37881276, // adjacent_other
    -0.7449747, // adjacent_same
    0.5314499, // prev_in_para
    -0.0058260756, // actor
    -1.0675315, // actor_after
    0.3192494, // subject_before_quote
    0.9264236, // mention_before_quote
    0.3146845, // subject_after_quote
    1.073733, // mention_after_quote
    1.1154823, // answer
    -0.5073352, // alternation
    0.3123193, // narration
    0.8937404, // recency_1
    0.57941556, // recency_2
    0.023193602, // recency_3
    -0.47679824, // recency_4_6
    0.19761638, // last_speaker_in_talk
    -0.15608153, // last_speaker_after_narration
    0.48511106, // two_turns_ago
    0.4791971, // partner
    -1.3515371, // addressed_here
    -0.3380544, // named_here
    -0.40322238, // addressed_in_para
    1.1154823, // prev_addressee
    -0.43933046, // prev_topic
    -0.0022058887, // prev_last_sentence_subject
    0.56016874, // salience
    0.0056434083, // quote_share
    0.8842931, // narrator
    0.058501087, // gender_known
    -0.5577481, // epithet
    -0.33489802, // mentioned_prev_para
    0.96455556, // cascade
    1.1582441, // intro
    1.4510446, // narrator_acts
    -0.76367515, // never_tagged
];
