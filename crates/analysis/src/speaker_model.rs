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
    0.7890909, // para_tag
    0.40097678, // adjacent_other
    -0.77555925, // adjacent_same
    0.48188034, // prev_in_para
    0.08631194, // actor
    -0.9216654, // actor_after
    0.18827952, // subject_before_quote
    0.9249856, // mention_before_quote
    -0.2782065, // subject_after_quote
    1.351239, // mention_after_quote
    0.9994249, // answer
    -0.6242428, // alternation
    0.0147301275, // narration
    1.0085918, // recency_1
    0.69997454, // recency_2
    0.08156604, // recency_3
    -0.46233138, // recency_4_6
    -0.17723349, // last_speaker_in_talk
    -0.2952573, // last_speaker_after_narration
    0.47542045, // two_turns_ago
    0.37657955, // partner
    -1.5505748, // addressed_here
    -0.34608895, // named_here
    -0.31689942, // addressed_in_para
    0.9994249, // prev_addressee
    -0.36841705, // prev_topic
    0.085887976, // prev_last_sentence_subject
    0.698436, // salience
    0.15530424, // quote_share
    1.0282638, // narrator
    0.10499609, // gender_known
    -0.57767344, // epithet
    -0.13917258, // mentioned_prev_para
    0.8773847, // cascade
    1.1379335, // intro
    1.4993018, // narrator_acts
    -0.7550627, // never_tagged
];
