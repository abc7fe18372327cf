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
    0.69092697, // para_tag
    0.3918555, // adjacent_other
    -0.7686313, // adjacent_same
    0.55390686, // prev_in_para
    0.09500063, // actor
    -0.9296351, // actor_after
    0.21277852, // subject_before_quote
    0.9538647, // mention_before_quote
    -0.02969397, // subject_after_quote
    1.3394958, // mention_after_quote
    1.1216892, // answer
    -0.4292373, // alternation
    0.25162607, // narration
    0.9669617, // recency_1
    0.62023634, // recency_2
    0.17421317, // recency_3
    -0.42961946, // recency_4_6
    0.05277603, // last_speaker_in_talk
    -0.07554647, // last_speaker_after_narration
    0.3589196, // two_turns_ago
    0.37907735, // partner
    -1.4301844, // addressed_here
    -0.3083124, // named_here
    -0.47626552, // addressed_in_para
    1.1216892, // prev_addressee
    -0.30933946, // prev_topic
    0.028989317, // prev_last_sentence_subject
    0.5462553, // salience
    0.05738734, // quote_share
    0.7183591, // narrator
    -0.011054343, // gender_known
    -0.65740013, // epithet
    -0.38517708, // mentioned_prev_para
    0.9480695, // cascade
    1.1285238, // intro
    1.5403581, // narrator_acts
    -0.9339881, // never_tagged
];
