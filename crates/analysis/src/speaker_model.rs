//! Weights of the learned speaker scorer (`speaker_rank.rs`). GENERATED: do not edit.
//! Trained on all 100 LitBank documents with quotations and the 16 fics of
//! eval/fics (L2 = 1, 2 rounds: the cascade's run, then a run with the first
//! weights), by
//! `cargo run --release -p ficarchive-analysis --example train_speaker -- /work/shared/eval/litbank crates/analysis/src/speaker_model.rs`.
//! The eval's LitBank speaker figure is 10-fold cross-validated by document and its fic
//! figure leave-one-fic-out, never these in-sample weights.

use crate::speaker_rank::NW;

/// One weight per cue, in `speaker_rank::FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NW] = [
    0.96293885, // para_tag
    0.23341598, // adjacent_other
    -0.65206194, // adjacent_same
    0.20053972, // prev_in_para
    -0.11600659, // actor
    -1.2877305, // actor_after
    0.4137502, // subject_before_quote
    0.52809685, // mention_before_quote
    0.022464883, // subject_after_quote
    0.9663753, // mention_after_quote
    1.6245047, // answer
    -0.0069598514, // alternation
    0.45382825, // narration
    1.4636981, // recency_1
    0.8815206, // recency_2
    0.30995023, // recency_3
    -0.45812035, // recency_4_6
    0.31236106, // last_speaker_in_talk
    -0.09188519, // last_speaker_after_narration
    0.09897641, // two_turns_ago
    0.3794552, // partner
    -1.4089286, // addressed_here
    -1.1099191, // named_here
    -0.42562398, // addressed_in_para
    0.9122807, // prev_addressee
    -0.41660994, // prev_topic
    -0.16648695, // prev_last_sentence_subject
    0.41285753, // salience
    0.5224229, // quote_share
    0.9118293, // narrator
    0.2867693, // gender_known
    -0.2749573, // epithet
    -0.5308786, // mentioned_prev_para
    0.93983823, // cascade
    1.1167166, // intro
    1.7806525, // narrator_acts
];
