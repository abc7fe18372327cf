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
    0.73691034, // para_tag
    0.29272118, // adjacent_other
    -0.68977135, // adjacent_same
    0.4084695, // prev_in_para
    0.09910234, // actor
    -1.2273492, // actor_after
    0.33964026, // subject_before_quote
    0.9296935, // mention_before_quote
    -0.05698777, // subject_after_quote
    1.3437303, // mention_after_quote
    1.2673287, // answer
    -0.35381162, // alternation
    0.28898802, // narration
    1.4231848, // recency_1
    0.9747728, // recency_2
    0.39413267, // recency_3
    -0.24313277, // recency_4_6
    0.2019471, // last_speaker_in_talk
    -0.25377056, // last_speaker_after_narration
    0.50179636, // two_turns_ago
    0.24114798, // partner
    -1.6075687, // addressed_here
    -0.47128615, // named_here
    -0.49375248, // addressed_in_para
    1.2950106, // prev_addressee
    -0.31747976, // prev_topic
    -0.050064992, // prev_last_sentence_subject
    0.37549663, // salience
    0.58651865, // quote_share
    1.2274559, // narrator
    0.053678345, // gender_known
    -0.36237347, // epithet
    -0.37051395, // mentioned_prev_para
    0.82108366, // cascade
    1.1082366, // intro
    1.6420509, // narrator_acts
];
