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
    0.97719026, // para_tag
    -0.20671171, // adjacent_other
    -0.4509592, // adjacent_same
    0.22181243, // prev_in_para
    0.02130799, // actor
    -1.2251987, // actor_after
    0.25543755, // subject_before_quote
    0.6275421, // mention_before_quote
    -0.05039437, // subject_after_quote
    1.1070007, // mention_after_quote
    1.2849157, // answer
    0.12466049, // alternation
    0.3315682, // narration
    1.569252, // recency_1
    1.0553656, // recency_2
    0.48540595, // recency_3
    -0.3583558, // recency_4_6
    0.3567045, // last_speaker_in_talk
    -0.103075385, // last_speaker_after_narration
    0.14851384, // two_turns_ago
    0.33026385, // partner
    -1.4462491, // addressed_here
    -1.0739241, // named_here
    -0.38573623, // addressed_in_para
    1.3115032, // prev_addressee
    -0.2980343, // prev_topic
    -0.239146, // prev_last_sentence_subject
    0.2435761, // salience
    0.42790443, // quote_share
    0.9552541, // narrator
    0.30669522, // gender_known
    -0.07845482, // epithet
    -0.35272157, // mentioned_prev_para
    0.82391936, // cascade
    1.0374717, // intro
    1.8460323, // narrator_acts
];
