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
    0.6878453, // para_tag
    0.39071205, // adjacent_other
    -0.766383, // adjacent_same
    0.54916376, // prev_in_para
    0.11292501, // actor
    -0.9410771, // actor_after
    0.21615551, // subject_before_quote
    0.95692354, // mention_before_quote
    -0.030850668, // subject_after_quote
    1.3370633, // mention_after_quote
    1.1220989, // answer
    -0.43298614, // alternation
    0.2494326, // narration
    0.9719507, // recency_1
    0.6222889, // recency_2
    0.17609827, // recency_3
    -0.4307597, // recency_4_6
    0.048793614, // last_speaker_in_talk
    -0.07599122, // last_speaker_after_narration
    0.3600536, // two_turns_ago
    0.3792875, // partner
    -1.4286176, // addressed_here
    -0.30748266, // named_here
    -0.4785264, // addressed_in_para
    1.1220989, // prev_addressee
    -0.30870673, // prev_topic
    0.03194048, // prev_last_sentence_subject
    0.5443919, // salience
    0.05862799, // quote_share
    0.72087455, // narrator
    -0.011309969, // gender_known
    -0.65664256, // epithet
    -0.38874033, // mentioned_prev_para
    0.9500234, // cascade
    1.1267107, // intro
    1.5426258, // narrator_acts
    -0.9306957, // never_tagged
];
