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
    0.98663205, // para_tag
    0.34271684, // adjacent_other
    -0.7137741, // adjacent_same
    0.44295382, // prev_in_para
    0.07412608, // actor
    -1.1034254, // actor_after
    0.46520728, // subject_before_quote
    0.93611157, // mention_before_quote
    0.21012594, // subject_after_quote
    1.187427, // mention_after_quote
    1.2168642, // answer
    -0.39999747, // alternation
    0.51256293, // narration
    0.95386904, // recency_1
    0.6528576, // recency_2
    0.07015046, // recency_3
    -0.45366576, // recency_4_6
    0.23974855, // last_speaker_in_talk
    -0.12470375, // last_speaker_after_narration
    0.5066969, // two_turns_ago
    0.38939136, // partner
    -1.3795394, // addressed_here
    -0.25591034, // named_here
    -0.50507987, // addressed_in_para
    1.2168642, // prev_addressee
    -0.42918715, // prev_topic
    -0.120676026, // prev_last_sentence_subject
    0.4555875, // salience
    0.10974616, // quote_share
    0.9577016, // narrator
    0.08866176, // gender_known
    -0.4653264, // epithet
    -0.38254598, // mentioned_prev_para
    0.91698253, // cascade
    1.1658859, // intro
    1.4300251, // narrator_acts
    -0.77017665, // never_tagged
    -0.5117335, // speech_before_quote
];
