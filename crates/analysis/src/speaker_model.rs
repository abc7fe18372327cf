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
    -0.29029888, // para_tag
    0.2881878, // adjacent_other
    -1.3647085, // adjacent_same
    1.0406299, // prev_in_para
    0.14656898, // actor
    -0.08597753, // actor_after
    -0.423496, // subject_before_quote
    0.7900745, // mention_before_quote
    0.74497354, // subject_after_quote
    -0.028198926, // mention_after_quote
    0.6025113, // answer
    -0.05278566, // alternation
    0.53845644, // narration
    1.5291023, // recency_1
    1.259525, // recency_2
    0.48803842, // recency_3
    -0.5944727, // recency_4_6
    0.39715153, // last_speaker_in_talk
    0.23007251, // last_speaker_after_narration
    -0.013892087, // two_turns_ago
    0.15659422, // partner
    -1.4011964, // addressed_here
    0.7737839, // addressed_in_para
    0.68912, // prev_addressee
    -0.6200452, // prev_topic
    0.41763118, // prev_last_sentence_subject
    -0.41117266, // salience
    -0.035910744, // quote_share
    0.9246024, // narrator
    0.115752965, // gender_known
    0.31602746, // epithet
    0.09579322, // mentioned_prev_para
    0.47431207, // cascade
];
