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
    0.74096143, // para_tag
    -0.1657004, // adjacent_other
    -0.4689564, // adjacent_same
    0.43868375, // prev_in_para
    0.37994546, // actor
    -1.3213289, // actor_after
    -0.6112428, // subject_before_quote
    0.9445481, // mention_before_quote
    -0.039965235, // subject_after_quote
    1.2583463, // mention_after_quote
    1.0790505, // answer
    -0.026879935, // alternation
    -0.03263812, // narration
    1.6702837, // recency_1
    1.5042754, // recency_2
    0.67966276, // recency_3
    -0.39758205, // recency_4_6
    -0.12789142, // last_speaker_in_talk
    -0.2683646, // last_speaker_after_narration
    -0.045459323, // two_turns_ago
    0.17436391, // partner
    -1.2700136, // addressed_here
    -1.5094175, // named_here
    -0.5256767, // addressed_in_para
    1.0957146, // prev_addressee
    -0.21912403, // prev_topic
    -0.1909323, // prev_last_sentence_subject
    0.13920914, // salience
    0.60498977, // quote_share
    1.2691323, // narrator
    0.20098442, // gender_known
    -0.043232225, // epithet
    0.0362855, // mentioned_prev_para
    0.87253875, // cascade
    0.99414825, // intro
];
