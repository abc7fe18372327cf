//! Weights of the learned speaker scorer (`speaker_rank.rs`). GENERATED: do not edit.
//! Trained on all 100 LitBank documents with quotations and the 16 fics of
//! eval/fics (L2 = 1, 2 rounds: the cascade's run, then a run with the first
//! weights), by
//! `cargo run --release -p ficarchive-analysis --example train_speaker -- /work/shared/eval/litbank crates/analysis/src/speaker_model.rs`.
//! The eval's LitBank speaker figure is 10-fold cross-validated by document and its fic
//! figure leave-one-fic-out, never these in-sample weights.

use crate::speaker_rank::NW;

/// One weight per cue, in `speaker_rank::FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NW] = [
    0.97076607, // para_tag
    0.22287154, // adjacent_other
    -0.66013, // adjacent_same
    0.19697958, // prev_in_para
    -0.1355763, // actor
    -1.2650685, // actor_after
    0.41709146, // subject_before_quote
    0.57176024, // mention_before_quote
    -0.018325165, // subject_after_quote
    1.0209942, // mention_after_quote
    1.2246046, // answer
    0.00097329053, // alternation
    0.4713081, // narration
    1.4103692, // recency_1
    0.88700444, // recency_2
    0.3194083, // recency_3
    -0.51445943, // recency_4_6
    0.40351516, // last_speaker_in_talk
    -0.07702645, // last_speaker_after_narration
    0.098335125, // two_turns_ago
    0.38356957, // partner
    -1.3923119, // addressed_here
    -1.1209507, // named_here
    -0.4113227, // addressed_in_para
    1.2471914, // prev_addressee
    -0.39339772, // prev_topic
    -0.20938203, // prev_last_sentence_subject
    0.3787296, // salience
    0.47012022, // quote_share
    0.8952651, // narrator
    0.28101036, // gender_known
    -0.24830541, // epithet
    -0.51219267, // mentioned_prev_para
    0.94255894, // cascade
    1.140545, // intro
    1.7885072, // narrator_acts
];
