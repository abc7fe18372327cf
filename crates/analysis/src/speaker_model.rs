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
    0.7012363, // para_tag
    0.25661024, // adjacent_other
    -0.6670999, // adjacent_same
    0.32827872, // prev_in_para
    0.024154631, // actor
    -1.2359556, // actor_after
    0.38873363, // subject_before_quote
    0.969343, // mention_before_quote
    -0.10172003, // subject_after_quote
    1.435347, // mention_after_quote
    1.3282135, // answer
    -0.29537484, // alternation
    0.31461522, // narration
    1.2685517, // recency_1
    0.86224335, // recency_2
    0.33455536, // recency_3
    -0.3614415, // recency_4_6
    0.23709959, // last_speaker_in_talk
    -0.18613103, // last_speaker_after_narration
    0.4289885, // two_turns_ago
    0.20890863, // partner
    -1.5896578, // addressed_here
    -1.0505137, // named_here
    -0.23536985, // addressed_in_para
    1.3544307, // prev_addressee
    -0.32324612, // prev_topic
    -0.1487942, // prev_last_sentence_subject
    0.42285514, // salience
    0.627264, // quote_share
    1.197867, // narrator
    0.18545076, // gender_known
    -0.22202753, // epithet
    -0.39606154, // mentioned_prev_para
    0.88020605, // cascade
    1.2685227, // intro
    1.7144896, // narrator_acts
];
