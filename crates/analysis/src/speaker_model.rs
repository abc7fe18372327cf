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
    -0.2161877, // para_tag
    0.30838868, // adjacent_other
    -1.3491849, // adjacent_same
    1.0086244, // prev_in_para
    0.13362259, // actor
    -0.087596655, // actor_after
    -0.41537955, // subject_before_quote
    0.7841609, // mention_before_quote
    0.79407597, // subject_after_quote
    -0.1263182, // mention_after_quote
    0.6165965, // answer
    0.039303914, // alternation
    0.55905974, // narration
    1.5309861, // recency_1
    1.2650211, // recency_2
    0.504296, // recency_3
    -0.60842246, // recency_4_6
    0.38200292, // last_speaker_in_talk
    0.19364119, // last_speaker_after_narration
    -0.088118464, // two_turns_ago
    0.121681824, // partner
    -1.3637134, // addressed_here
    0.7743059, // addressed_in_para
    0.70005757, // prev_addressee
    -0.6205709, // prev_topic
    0.4115747, // prev_last_sentence_subject
    -0.4336278, // salience
    0.065020286, // quote_share
    0.9120649, // narrator
    0.108670555, // gender_known
    0.31701663, // epithet
    0.10734725, // mentioned_prev_para
    0.44818333, // cascade
];
