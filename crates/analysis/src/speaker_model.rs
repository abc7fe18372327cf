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
    -0.32111198, // para_tag
    0.18118638, // adjacent_other
    -1.5292751, // adjacent_same
    0.9961991, // prev_in_para
    0.15198752, // actor
    -0.05130365, // actor_after
    -0.2289264, // subject_before_quote
    0.83087766, // mention_before_quote
    0.81120324, // subject_after_quote
    -0.0036724254, // mention_after_quote
    0.7884595, // answer
    0.10849661, // alternation
    0.36053416, // narration
    1.4704863, // recency_1
    1.2020067, // recency_2
    0.3986189, // recency_3
    -0.5281267, // recency_4_6
    0.005676662, // last_speaker_in_talk
    -0.021612925, // last_speaker_after_narration
    -0.25316072, // two_turns_ago
    0.17832583, // partner
    -1.2717372, // addressed_here
    0.65355074, // addressed_in_para
    0.8441916, // prev_addressee
    -0.47337502, // prev_topic
    0.36131144, // prev_last_sentence_subject
    -0.14212501, // salience
    0.47835085, // quote_share
    1.0183145, // narrator
    0.097342014, // gender_known
    0.31383267, // epithet
    0.06078348, // mentioned_prev_para
    0.6376467, // cascade
];
