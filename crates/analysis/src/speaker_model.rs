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
    0.8194314, // para_tag
    0.29411885, // adjacent_other
    -0.6760714, // adjacent_same
    0.22229746, // prev_in_para
    -0.17841989, // actor
    -1.166629, // actor_after
    0.35704386, // subject_before_quote
    0.81551915, // mention_before_quote
    -0.14522941, // subject_after_quote
    1.331134, // mention_after_quote
    1.3809501, // answer
    -0.13612078, // alternation
    0.47564337, // narration
    1.3457695, // recency_1
    0.9087493, // recency_2
    0.36712694, // recency_3
    -0.19661523, // recency_4_6
    0.30291888, // last_speaker_in_talk
    -0.17264421, // last_speaker_after_narration
    0.10314157, // two_turns_ago
    0.4257755, // partner
    -1.5361483, // addressed_here
    -1.0606196, // named_here
    -0.36992466, // addressed_in_para
    1.4076592, // prev_addressee
    -0.33174458, // prev_topic
    -0.30800092, // prev_last_sentence_subject
    0.6157731, // salience
    0.39427212, // quote_share
    0.87015647, // narrator
    0.17808713, // gender_known
    -0.21686053, // epithet
    -0.58463305, // mentioned_prev_para
    0.92339104, // cascade
    1.2419021, // intro
    1.928482, // narrator_acts
];
