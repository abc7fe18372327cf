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
    0.7265843, // para_tag
    0.2953197, // adjacent_other
    -0.68658954, // adjacent_same
    0.41372672, // prev_in_para
    0.11570397, // actor
    -1.2314361, // actor_after
    0.32146746, // subject_before_quote
    0.9296959, // mention_before_quote
    -0.05963396, // subject_after_quote
    1.349372, // mention_after_quote
    1.261036, // answer
    -0.3345967, // alternation
    0.3223555, // narration
    1.3788582, // recency_1
    0.9488082, // recency_2
    0.38450447, // recency_3
    -0.2537995, // recency_4_6
    0.14544743, // last_speaker_in_talk
    -0.20076448, // last_speaker_after_narration
    0.45837212, // two_turns_ago
    0.25522688, // partner
    -1.615666, // addressed_here
    -1.0824947, // named_here
    -0.49756452, // addressed_in_para
    1.2912507, // prev_addressee
    -0.31981856, // prev_topic
    -0.07250927, // prev_last_sentence_subject
    0.39164537, // salience
    0.59902364, // quote_share
    1.2420028, // narrator
    0.076945305, // gender_known
    -0.35705778, // epithet
    -0.33106852, // mentioned_prev_para
    0.8164825, // cascade
    1.0891252, // intro
    1.6356871, // narrator_acts
];
