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
    -0.43935597, // para_tag
    0.4187138, // adjacent_other
    -1.3403813, // adjacent_same
    1.1427873, // prev_in_para
    0.14837009, // actor
    -0.044884026, // actor_after
    -0.400128, // subject_before_quote
    0.78974664, // mention_before_quote
    0.76262176, // subject_after_quote
    0.12569387, // mention_after_quote
    0.5820454, // answer
    -0.2889081, // alternation
    0.5097702, // narration
    1.5943832, // recency_1
    1.2972739, // recency_2
    0.45760706, // recency_3
    -0.6151028, // recency_4_6
    0.50912565, // last_speaker_in_talk
    0.23440388, // last_speaker_after_narration
    0.10609321, // two_turns_ago
    0.29625434, // partner
    -1.3455807, // addressed_here
    0.8037271, // addressed_in_para
    0.6591376, // prev_addressee
    -0.5856761, // prev_topic
    0.41765577, // prev_last_sentence_subject
    -0.29328856, // salience
    -0.105303235, // quote_share
    0.85129577, // narrator
    -0.07155147, // gender_known
    0.37538958, // epithet
    0.091939144, // mentioned_prev_para
    0.5450645, // cascade
];
