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
    0.7114203, // para_tag
    0.37797886, // adjacent_other
    -0.74516356, // adjacent_same
    0.5321621, // prev_in_para
    -0.01215513, // actor
    -1.0661179, // actor_after
    0.33035555, // subject_before_quote
    0.92685235, // mention_before_quote
    0.31996968, // subject_after_quote
    1.0749955, // mention_after_quote
    1.1168805, // answer
    -0.47509402, // alternation
    0.3238298, // narration
    0.8896307, // recency_1
    0.5784846, // recency_2
    0.028705858, // recency_3
    -0.47609204, // recency_4_6
    0.19062965, // last_speaker_in_talk
    -0.11884499, // last_speaker_after_narration
    0.5309198, // two_turns_ago
    0.40202162, // partner
    -1.3460001, // addressed_here
    -0.33292145, // named_here
    -0.39972204, // addressed_in_para
    1.1168805, // prev_addressee
    -0.4335482, // prev_topic
    -0.0072119622, // prev_last_sentence_subject
    0.5531539, // salience
    0.008159772, // quote_share
    0.88335764, // narrator
    0.05870923, // gender_known
    -0.552323, // epithet
    -0.3347591, // mentioned_prev_para
    0.96396345, // cascade
    1.1416692, // intro
    1.4563049, // narrator_acts
    -0.76632303, // never_tagged
];
