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
    0.863397, // para_tag
    -0.18653041, // adjacent_other
    -0.47506955, // adjacent_same
    0.29093778, // prev_in_para
    0.0171098, // actor
    -1.1675612, // actor_after
    0.280615, // subject_before_quote
    0.75317883, // mention_before_quote
    -0.09021933, // subject_after_quote
    1.4239587, // mention_after_quote
    1.4470167, // answer
    0.058591235, // alternation
    0.41939062, // narration
    1.4405993, // recency_1
    0.9718324, // recency_2
    0.4227496, // recency_3
    -0.100002415, // recency_4_6
    0.16283387, // last_speaker_in_talk
    -0.218747, // last_speaker_after_narration
    0.1743486, // two_turns_ago
    0.3903453, // partner
    -1.6267767, // addressed_here
    -1.0120796, // named_here
    -0.34350747, // addressed_in_para
    1.4825139, // prev_addressee
    -0.3042336, // prev_topic
    -0.31733927, // prev_last_sentence_subject
    0.47833964, // salience
    0.3781051, // quote_share
    0.9690897, // narrator
    0.19255942, // gender_known
    -0.012419711, // epithet
    -0.37869087, // mentioned_prev_para
    0.7323444, // cascade
    1.1373765, // intro
    1.8845735, // narrator_acts
];
