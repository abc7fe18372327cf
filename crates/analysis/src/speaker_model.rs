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
    0.7987056, // para_tag
    0.36346465, // adjacent_other
    -0.7344035, // adjacent_same
    0.43002412, // prev_in_para
    0.009657341, // actor
    -1.0627614, // actor_after
    0.27176914, // subject_before_quote
    0.9217857, // mention_before_quote
    0.02030802, // subject_after_quote
    1.1539099, // mention_after_quote
    1.080752, // answer
    -0.47415197, // alternation
    0.3034964, // narration
    0.93937296, // recency_1
    0.5557977, // recency_2
    0.027626337, // recency_3
    -0.46115795, // recency_4_6
    0.20672812, // last_speaker_in_talk
    -0.096183725, // last_speaker_after_narration
    0.4487402, // two_turns_ago
    0.47468752, // partner
    -1.3415583, // addressed_here
    -0.36519086, // named_here
    -0.43090418, // addressed_in_para
    1.080752, // prev_addressee
    -0.4221907, // prev_topic
    -0.053516172, // prev_last_sentence_subject
    0.4683152, // salience
    0.052004527, // quote_share
    0.8329156, // narrator
    0.028605938, // gender_known
    -0.6127199, // epithet
    -0.28153172, // mentioned_prev_para
    1.0090193, // cascade
    1.1194296, // intro
    1.4286038, // narrator_acts
    -0.80242974, // never_tagged
];
