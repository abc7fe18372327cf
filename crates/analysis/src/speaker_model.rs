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
    -0.4889628, // para_tag
    0.115592815, // adjacent_other
    -0.97868925, // adjacent_same
    1.3356407, // prev_in_para
    0.09784788, // actor
    -0.5852332, // actor_after
    -0.3317914, // subject_before_quote
    0.7193751, // mention_before_quote
    0.78817713, // subject_after_quote
    0.18846741, // mention_after_quote
    0.58155596, // answer
    0.54893416, // alternation
    0.6875803, // narration
    1.0403166, // recency_1
    0.868712, // recency_2
    0.13531679, // recency_3
    -1.3579513, // recency_4_6
    0.3858353, // last_speaker_in_talk
    0.051347572, // last_speaker_after_narration
    -0.5257336, // two_turns_ago
    0.10344557, // partner
    -1.2892638, // addressed_here
    0.91912454, // addressed_in_para
    0.6506786, // prev_addressee
    -0.5987782, // prev_topic
    0.5011367, // prev_last_sentence_subject
    -0.3835702, // salience
    0.36476064, // quote_share
    0.76292336, // narrator
    0.1511464, // gender_known
    0.38165182, // epithet
    -0.052482843, // mentioned_prev_para
    0.5203958, // cascade
];
