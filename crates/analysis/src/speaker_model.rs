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
    0.85144883, // para_tag
    -0.18582796, // adjacent_other
    -0.5165791, // adjacent_same
    0.38732314, // prev_in_para
    0.21305616, // actor
    -1.2301328, // actor_after
    0.25945655, // subject_before_quote
    0.8518579, // mention_before_quote
    -0.13503414, // subject_after_quote
    1.4611914, // mention_after_quote
    1.4998286, // answer
    -0.110304646, // alternation
    0.3239267, // narration
    1.3726724, // recency_1
    0.9436209, // recency_2
    0.35126892, // recency_3
    -0.22213386, // recency_4_6
    0.22381248, // last_speaker_in_talk
    -0.3378233, // last_speaker_after_narration
    0.40906325, // two_turns_ago
    0.21908678, // partner
    -1.6774036, // addressed_here
    -0.9950486, // named_here
    -0.22735363, // addressed_in_para
    1.5256354, // prev_addressee
    -0.28477198, // prev_topic
    -0.29449695, // prev_last_sentence_subject
    0.57553554, // salience
    0.54698324, // quote_share
    1.3108226, // narrator
    0.17166334, // gender_known
    0.07650092, // epithet
    -0.3782039, // mentioned_prev_para
    0.68957984, // cascade
    1.2351149, // intro
    1.6695154, // narrator_acts
];
