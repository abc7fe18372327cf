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
    0.6352259, // para_tag
    -0.15720892, // adjacent_other
    -0.45163277, // adjacent_same
    0.50020504, // prev_in_para
    0.39297044, // actor
    -1.2806015, // actor_after
    -0.59115344, // subject_before_quote
    1.004709, // mention_before_quote
    -0.0018214285, // subject_after_quote
    1.1584544, // mention_after_quote
    1.0396565, // answer
    0.003306583, // alternation
    0.007237123, // narration
    1.5907736, // recency_1
    1.4936588, // recency_2
    0.6622281, // recency_3
    -0.24522114, // recency_4_6
    -0.08116759, // last_speaker_in_talk
    -0.30273086, // last_speaker_after_narration
    0.0004842932, // two_turns_ago
    0.12971748, // partner
    -1.1468147, // addressed_here
    -1.7543439, // named_here
    -0.82608575, // addressed_in_para
    1.0578487, // prev_addressee
    -0.23617162, // prev_topic
    -0.18122111, // prev_last_sentence_subject
    0.12718414, // salience
    0.49356017, // quote_share
    1.2874407, // narrator
    0.23789501, // gender_known
    -0.02671891, // epithet
    0.08656258, // mentioned_prev_para
    0.8595572, // cascade
    1.0698367, // intro
];
