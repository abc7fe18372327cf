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
    -0.22058912, // para_tag
    0.31884992, // adjacent_other
    -1.3676497, // adjacent_same
    0.9991743, // prev_in_para
    0.18317923, // actor
    -0.084812984, // actor_after
    -0.44291186, // subject_before_quote
    0.8089404, // mention_before_quote
    0.8151015, // subject_after_quote
    -0.09111572, // mention_after_quote
    0.64864165, // answer
    -0.0104767885, // alternation
    0.6150786, // narration
    1.5623518, // recency_1
    1.2916605, // recency_2
    0.5171122, // recency_3
    -0.60817665, // recency_4_6
    0.3915251, // last_speaker_in_talk
    0.16960952, // last_speaker_after_narration
    -0.04544819, // two_turns_ago
    0.16927972, // partner
    -1.3943977, // addressed_here
    0.75946707, // addressed_in_para
    0.7379048, // prev_addressee
    -0.65173984, // prev_topic
    0.4444253, // prev_last_sentence_subject
    -0.4575384, // salience
    0.01771527, // quote_share
    0.9079861, // narrator
    0.11521823, // gender_known
    0.34122044, // epithet
    0.0578193, // mentioned_prev_para
    0.4051023, // cascade
];
