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
    0.8494888, // para_tag
    0.32006538, // adjacent_other
    -0.67658395, // adjacent_same
    0.4601821, // prev_in_para
    0.010831353, // actor
    -1.0771837, // actor_after
    0.49634627, // subject_before_quote
    0.9621248, // mention_before_quote
    0.14356062, // subject_after_quote
    1.2578695, // mention_after_quote
    1.1276091, // answer
    -0.42483532, // alternation
    0.39933246, // narration
    0.97881395, // recency_1
    0.68722427, // recency_2
    0.11455134, // recency_3
    -0.3847747, // recency_4_6
    0.24153535, // last_speaker_in_talk
    -0.12963112, // last_speaker_after_narration
    0.4703297, // two_turns_ago
    0.41718197, // partner
    -1.2580651, // addressed_here
    -0.24805908, // named_here
    -0.3899612, // addressed_in_para
    1.1276091, // prev_addressee
    -0.45714557, // prev_topic
    -0.03979218, // prev_last_sentence_subject
    0.5205162, // salience
    0.062390473, // quote_share
    1.0748583, // narrator
    0.09644665, // gender_known
    -0.48140848, // epithet
    -0.31509122, // mentioned_prev_para
    0.9611558, // cascade
    1.1294616, // intro
    1.4490873, // narrator_acts
    -0.75919557, // never_tagged
    -0.5051189, // speech_before_quote
];
