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
    0.48645866, // para_tag
    0.37561318, // adjacent_other
    -0.7294948, // adjacent_same
    0.5995905, // prev_in_para
    0.039825603, // actor
    -1.0273534, // actor_after
    0.27968633, // subject_before_quote
    0.99193066, // mention_before_quote
    -0.15504783, // subject_after_quote
    1.3909858, // mention_after_quote
    1.1709076, // answer
    -0.36329725, // alternation
    0.13592605, // narration
    1.1473378, // recency_1
    0.7590687, // recency_2
    0.31622338, // recency_3
    -0.26587024, // recency_4_6
    -0.02551078, // last_speaker_in_talk
    -0.18603355, // last_speaker_after_narration
    0.47797608, // two_turns_ago
    0.2939934, // partner
    -1.6816803, // addressed_here
    -0.24958855, // named_here
    -0.4315858, // addressed_in_para
    1.1709076, // prev_addressee
    -0.33751655, // prev_topic
    0.072731026, // prev_last_sentence_subject
    0.48255005, // salience
    0.119208984, // quote_share
    0.8254943, // narrator
    -0.027193101, // gender_known
    -0.6729676, // epithet
    -0.22968806, // mentioned_prev_para
    0.89768535, // cascade
    1.0677778, // intro
    1.6104772, // narrator_acts
    -0.9108572, // never_tagged
];
