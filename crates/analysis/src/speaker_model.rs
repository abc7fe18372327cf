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
    -0.21551329, // para_tag
    0.3229919, // adjacent_other
    -1.3490834, // adjacent_same
    1.0119051, // prev_in_para
    0.12601925, // actor
    -0.08456811, // actor_after
    -0.40846357, // subject_before_quote
    0.7735767, // mention_before_quote
    0.8070488, // subject_after_quote
    -0.123178124, // mention_after_quote
    0.6204823, // answer
    0.037738673, // alternation
    0.55329865, // narration
    1.5344152, // recency_1
    1.2814432, // recency_2
    0.5122624, // recency_3
    -0.6022679, // recency_4_6
    0.33646235, // last_speaker_in_talk
    0.13467708, // last_speaker_after_narration
    -0.07941338, // two_turns_ago
    0.08807412, // partner
    -1.3669655, // addressed_here
    0.7791894, // addressed_in_para
    0.70415115, // prev_addressee
    -0.6157278, // prev_topic
    0.42393062, // prev_last_sentence_subject
    -0.41795602, // salience
    0.099657595, // quote_share
    0.9171828, // narrator
    0.101025365, // gender_known
    0.3181893, // epithet
    0.10214604, // mentioned_prev_para
    0.45184812, // cascade
];
