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
    1.0158414, // para_tag
    0.3184878, // adjacent_other
    -0.6908679, // adjacent_same
    0.45415425, // prev_in_para
    0.0683104, // actor
    -1.1550615, // actor_after
    0.43115145, // subject_before_quote
    0.8921585, // mention_before_quote
    0.1583794, // subject_after_quote
    1.2606915, // mention_after_quote
    1.2089279, // answer
    -0.47669142, // alternation
    0.44566295, // narration
    1.0578375, // recency_1
    0.7522627, // recency_2
    0.14323218, // recency_3
    -0.38870692, // recency_4_6
    0.24805202, // last_speaker_in_talk
    -0.16822988, // last_speaker_after_narration
    0.5171572, // two_turns_ago
    0.35108528, // partner
    -1.2583525, // addressed_here
    -0.2568031, // named_here
    -0.46191528, // addressed_in_para
    1.2089279, // prev_addressee
    -0.4566553, // prev_topic
    -0.09990058, // prev_last_sentence_subject
    0.43086126, // salience
    0.17747574, // quote_share
    1.0208236, // narrator
    0.10855029, // gender_known
    -0.50544786, // epithet
    -0.40599912, // mentioned_prev_para
    0.9821672, // cascade
    1.1795318, // intro
    1.3975303, // narrator_acts
    -0.7576656, // never_tagged
    -0.55869013, // speech_before_quote
];
