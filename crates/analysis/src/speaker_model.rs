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
    0.73516345, // para_tag
    0.31951275, // adjacent_other
    -0.68979514, // adjacent_same
    0.35059103, // prev_in_para
    0.028915623, // actor
    -1.2247202, // actor_after
    0.33332834, // subject_before_quote
    0.94504416, // mention_before_quote
    -0.2562308, // subject_after_quote
    1.3775057, // mention_after_quote
    1.234368, // answer
    -0.4097138, // alternation
    0.27452874, // narration
    1.3867592, // recency_1
    0.95384413, // recency_2
    0.38440824, // recency_3
    -0.25304517, // recency_4_6
    0.07387141, // last_speaker_in_talk
    -0.25533563, // last_speaker_after_narration
    0.5543933, // two_turns_ago
    0.23068283, // partner
    -1.6198585, // addressed_here
    -1.0924242, // named_here
    -0.5281341, // addressed_in_para
    1.2672554, // prev_addressee
    -0.33230954, // prev_topic
    -0.049012728, // prev_last_sentence_subject
    0.43599966, // salience
    0.5098854, // quote_share
    1.2516668, // narrator
    0.077467784, // gender_known
    -0.34516147, // epithet
    -0.2822664, // mentioned_prev_para
    0.81996435, // cascade
    1.0621675, // intro
    1.7405993, // narrator_acts
];
