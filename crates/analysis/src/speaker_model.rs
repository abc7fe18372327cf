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
    0.8379244, // para_tag
    0.34647796, // adjacent_other
    -0.72608984, // adjacent_same
    0.4873759, // prev_in_para
    -0.008760744, // actor
    -1.051234, // actor_after
    0.59318745, // subject_before_quote
    0.9744388, // mention_before_quote
    0.3193879, // subject_after_quote
    1.037678, // mention_after_quote
    1.1537027, // answer
    -0.47665003, // alternation
    0.3723474, // narration
    0.90186757, // recency_1
    0.58251727, // recency_2
    0.03229757, // recency_3
    -0.47107166, // recency_4_6
    0.24993476, // last_speaker_in_talk
    -0.09922995, // last_speaker_after_narration
    0.52963567, // two_turns_ago
    0.4480293, // partner
    -1.3652198, // addressed_here
    -0.3079904, // named_here
    -0.43118125, // addressed_in_para
    1.1537027, // prev_addressee
    -0.41123295, // prev_topic
    0.002512818, // prev_last_sentence_subject
    0.5171782, // salience
    0.017204331, // quote_share
    0.8692045, // narrator
    0.04250164, // gender_known
    -0.55066395, // epithet
    -0.35543358, // mentioned_prev_para
    0.93708616, // cascade
    1.1262385, // intro
    1.5048115, // narrator_acts
    -0.746978, // never_tagged
    -0.8167356, // speech_before_quote
];
