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
    0.4977376, // para_tag
    0.3837433, // adjacent_other
    -0.731738, // adjacent_same
    0.5846146, // prev_in_para
    0.05894171, // actor
    -1.0253462, // actor_after
    0.26406816, // subject_before_quote
    0.9980737, // mention_before_quote
    -0.16124997, // subject_after_quote
    1.402388, // mention_after_quote
    1.1752222, // answer
    -0.33297756, // alternation
    0.18851903, // narration
    1.1028093, // recency_1
    0.7363167, // recency_2
    0.2839024, // recency_3
    -0.28284678, // recency_4_6
    -0.08931436, // last_speaker_in_talk
    -0.13628176, // last_speaker_after_narration
    0.4400473, // two_turns_ago
    0.30968422, // partner
    -1.6998298, // addressed_here
    -0.8539748, // named_here
    -0.44665945, // addressed_in_para
    1.1752222, // prev_addressee
    -0.33113655, // prev_topic
    0.033137728, // prev_last_sentence_subject
    0.4827054, // salience
    0.14002334, // quote_share
    0.7919257, // narrator
    -0.037535436, // gender_known
    -0.674463, // epithet
    -0.1986453, // mentioned_prev_para
    0.8804575, // cascade
    1.0594237, // intro
    1.609864, // narrator_acts
    -0.9265336, // never_tagged
];
