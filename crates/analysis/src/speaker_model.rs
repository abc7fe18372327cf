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
    0.59927964, // para_tag
    0.37326455, // adjacent_other
    -0.75000143, // adjacent_same
    0.678449, // prev_in_para
    0.09030172, // actor
    -0.9330723, // actor_after
    0.1936352, // subject_before_quote
    0.93199193, // mention_before_quote
    -0.16234767, // subject_after_quote
    1.3809408, // mention_after_quote
    1.0820608, // answer
    -0.4751768, // alternation
    0.13703325, // narration
    0.9795514, // recency_1
    0.60899705, // recency_2
    0.1643481, // recency_3
    -0.41501456, // recency_4_6
    0.026786342, // last_speaker_in_talk
    -0.14338425, // last_speaker_after_narration
    0.49315518, // two_turns_ago
    0.33372524, // partner
    -1.6365885, // addressed_here
    -0.27776468, // named_here
    -0.35778677, // addressed_in_para
    1.0820608, // prev_addressee
    -0.3385743, // prev_topic
    0.09269654, // prev_last_sentence_subject
    0.5570055, // salience
    -0.008917178, // quote_share
    0.7230092, // narrator
    0.001987592, // gender_known
    -0.66674006, // epithet
    -0.2885344, // mentioned_prev_para
    0.9305136, // cascade
    1.1216891, // intro
    1.5441802, // narrator_acts
    -0.9263252, // never_tagged
];
