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
    0.9534288, // para_tag
    0.324039, // adjacent_other
    -0.68233997, // adjacent_same
    0.5431448, // prev_in_para
    0.06979212, // actor
    -1.1340642, // actor_after
    0.41434893, // subject_before_quote
    0.8914714, // mention_before_quote
    0.18143542, // subject_after_quote
    1.1987195, // mention_after_quote
    1.2098384, // answer
    -0.4842355, // alternation
    0.45505452, // narration
    0.97437304, // recency_1
    0.670432, // recency_2
    0.12083228, // recency_3
    -0.43229365, // recency_4_6
    0.22256246, // last_speaker_in_talk
    -0.12703319, // last_speaker_after_narration
    0.5093343, // two_turns_ago
    0.40389323, // partner
    -1.3769114, // addressed_here
    -0.2522409, // named_here
    -0.38173842, // addressed_in_para
    1.2098384, // prev_addressee
    -0.43110836, // prev_topic
    -0.058660366, // prev_last_sentence_subject
    0.5308922, // salience
    0.16767341, // quote_share
    0.9731988, // narrator
    0.076987505, // gender_known
    -0.5511951, // epithet
    -0.43003216, // mentioned_prev_para
    0.9659458, // cascade
    1.144539, // intro
    1.4028978, // narrator_acts
    -0.7178424, // never_tagged
    -0.57169676, // speech_before_quote
];
