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
    0.82465637, // para_tag
    0.32252976, // adjacent_other
    -0.68320197, // adjacent_same
    0.5403445, // prev_in_para
    0.029078962, // actor
    -1.0712364, // actor_after
    0.48537156, // subject_before_quote
    0.95572037, // mention_before_quote
    0.17628442, // subject_after_quote
    1.2164253, // mention_after_quote
    1.145711, // answer
    -0.41239196, // alternation
    0.42492384, // narration
    0.91544133, // recency_1
    0.61775106, // recency_2
    0.10554414, // recency_3
    -0.4394229, // recency_4_6
    0.27663204, // last_speaker_in_talk
    -0.081178136, // last_speaker_after_narration
    0.48788604, // two_turns_ago
    0.42545238, // partner
    -1.3628709, // addressed_here
    -0.23523386, // named_here
    -0.38954598, // addressed_in_para
    1.145711, // prev_addressee
    -0.45176178, // prev_topic
    -0.036907535, // prev_last_sentence_subject
    0.54370236, // salience
    0.037755284, // quote_share
    1.0150056, // narrator
    0.080047816, // gender_known
    -0.48176152, // epithet
    -0.3287108, // mentioned_prev_para
    0.9398885, // cascade
    1.1260315, // intro
    1.4462016, // narrator_acts
    -0.74853045, // never_tagged
    -0.5152722, // speech_before_quote
];
