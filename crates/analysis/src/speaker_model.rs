//! Weights of the learned speaker scorer (`speaker_rank.rs`). GENERATED: do not edit.
//! Trained on all 100 LitBank documents with quotations (L2 = 1, 2 rounds: the
//! cascade's run, then a run with the first weights), by
//! `cargo run --release -p ficarchive-analysis --example train_speaker -- /work/shared/eval/litbank crates/analysis/src/speaker_model.rs`.
//! The eval's LitBank speaker figure is 10-fold cross-validated by document, never these
//! in-sample weights.

use crate::speaker_rank::NW;

/// One weight per cue, in `speaker_rank::FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NW] = [
    -0.42866635, // para_tag
    0.42425215, // adjacent_other
    -1.3321369, // adjacent_same
    1.1353166, // prev_in_para
    0.1570259, // actor
    -0.043801185, // actor_after
    -0.40182617, // subject_before_quote
    0.7868048, // mention_before_quote
    0.73088205, // subject_after_quote
    0.101572596, // mention_after_quote
    0.6005241, // answer
    -0.2938856, // alternation
    0.51249486, // narration
    1.6024721, // recency_1
    1.2984391, // recency_2
    0.44628525, // recency_3
    -0.6312542, // recency_4_6
    0.50702494, // last_speaker_in_talk
    0.2355274, // last_speaker_after_narration
    0.10105222, // two_turns_ago
    0.2964765, // partner
    -1.3545595, // addressed_here
    0.7988058, // addressed_in_para
    0.67707354, // prev_addressee
    -0.5805042, // prev_topic
    0.42312855, // prev_last_sentence_subject
    -0.32340512, // salience
    -0.09946886, // quote_share
    0.8281398, // narrator
    -0.057780966, // gender_known
    0.3720187, // epithet
    0.08410367, // mentioned_prev_para
    0.5379974, // cascade
];
