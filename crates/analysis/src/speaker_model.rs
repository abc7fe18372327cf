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
    0.71641594, // para_tag
    0.36999384, // adjacent_other
    -0.7497167, // adjacent_same
    0.53662443, // prev_in_para
    0.0015082208, // actor
    -1.068337, // actor_after
    0.3313486, // subject_before_quote
    0.93079484, // mention_before_quote
    0.31819224, // subject_after_quote
    1.0355424, // mention_after_quote
    1.1319432, // answer
    -0.460564, // alternation
    0.35307455, // narration
    0.91605866, // recency_1
    0.5919624, // recency_2
    0.032950558, // recency_3
    -0.4719836, // recency_4_6
    0.22329043, // last_speaker_in_talk
    -0.1079667, // last_speaker_after_narration
    0.5348235, // two_turns_ago
    0.40179828, // partner
    -1.345372, // addressed_here
    -0.32537484, // named_here
    -0.3981711, // addressed_in_para
    1.1319432, // prev_addressee
    -0.42102042, // prev_topic
    -0.02873901, // prev_last_sentence_subject
    0.51625234, // salience
    0.0063902214, // quote_share
    0.868104, // narrator
    0.031782344, // gender_known
    -0.52728343, // epithet
    -0.34121665, // mentioned_prev_para
    0.9541311, // cascade
    1.1384649, // intro
    1.4540154, // narrator_acts
    -0.7735584, // never_tagged
];
