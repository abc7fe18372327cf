//! Weights of the learned speaker scorer (`speaker_rank.rs`). GENERATED: do not edit.
//! Trained on all 100 LitBank documents with quotations and the 12 fics of
//! eval/fics (L2 = 1, 2 rounds: the cascade's run, then a run with the first
//! weights), by
//! `cargo run --release -p ficarchive-analysis --example train_speaker -- /work/shared/eval/litbank crates/analysis/src/speaker_model.rs`.
//! The eval's LitBank speaker figure is 10-fold cross-validated by document and its fic
//! figure leave-one-fic-out, never these in-sample weights.

use crate::speaker_rank::NW;

/// One weight per cue, in `speaker_rank::FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NW] = [
    -0.2817711, // para_tag
    0.20695753, // adjacent_other
    -1.5426525, // adjacent_same
    1.012603, // prev_in_para
    0.1476165, // actor
    -0.056378387, // actor_after
    -0.24779136, // subject_before_quote
    0.82004124, // mention_before_quote
    0.8508494, // subject_after_quote
    -0.03796978, // mention_after_quote
    0.8090942, // answer
    -0.09108283, // alternation
    0.3517939, // narration
    1.4676272, // recency_1
    1.1939472, // recency_2
    0.36494178, // recency_3
    -0.53752226, // recency_4_6
    0.072341606, // last_speaker_in_talk
    -0.06968523, // last_speaker_after_narration
    -0.026144067, // two_turns_ago
    0.16357292, // partner
    -1.2499093, // addressed_here
    0.76590896, // addressed_in_para
    0.8584724, // prev_addressee
    -0.49175233, // prev_topic
    0.40825137, // prev_last_sentence_subject
    -0.09702636, // salience
    0.34145802, // quote_share
    1.0384139, // narrator
    0.1540508, // gender_known
    0.30824474, // epithet
    0.01210658, // mentioned_prev_para
    0.63200533, // cascade
];
