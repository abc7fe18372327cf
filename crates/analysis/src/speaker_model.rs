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
    0.70925933, // para_tag
    0.37555552, // adjacent_other
    -0.7431832, // adjacent_same
    0.53089005, // prev_in_para
    -0.01296187, // actor
    -1.0602098, // actor_after
    0.330498, // subject_before_quote
    0.9327024, // mention_before_quote
    0.2973035, // subject_after_quote
    1.0660526, // mention_after_quote
    1.1141611, // answer
    -0.47365415, // alternation
    0.3236075, // narration
    0.88885474, // recency_1
    0.57997054, // recency_2
    0.029948955, // recency_3
    -0.47499368, // recency_4_6
    0.18652676, // last_speaker_in_talk
    -0.11918219, // last_speaker_after_narration
    0.53073406, // two_turns_ago
    0.40012476, // partner
    -1.342747, // addressed_here
    -0.33342052, // named_here
    -0.39682263, // addressed_in_para
    1.1141611, // prev_addressee
    -0.42947704, // prev_topic
    -0.010322362, // prev_last_sentence_subject
    0.5444957, // salience
    0.01931079, // quote_share
    0.8874447, // narrator
    0.05758999, // gender_known
    -0.5491761, // epithet
    -0.32945538, // mentioned_prev_para
    0.9663661, // cascade
    1.1410289, // intro
    1.4524657, // narrator_acts
    -0.7612699, // never_tagged
];
