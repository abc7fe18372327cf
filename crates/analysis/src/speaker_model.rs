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
    -0.35020903, // para_tag
    0.1880913, // adjacent_other
    -1.5427331, // adjacent_same
    1.1253092, // prev_in_para
    0.17417008, // actor
    -0.04710541, // actor_after
    -0.28623003, // subject_before_quote
    0.7733819, // mention_before_quote
    0.6583391, // subject_after_quote
    0.02577935, // mention_after_quote
    0.8312716, // answer
    0.044693045, // alternation
    0.29339024, // narration
    1.8087904, // recency_1
    1.5439649, // recency_2
    0.75751275, // recency_3
    -0.28750202, // recency_4_6
    0.13557076, // last_speaker_in_talk
    0.0009902664, // last_speaker_after_narration
    -0.17609519, // two_turns_ago
    0.16367353, // partner
    -1.3631206, // addressed_here
    0.66981846, // addressed_in_para
    0.9299266, // prev_addressee
    -0.48302466, // prev_topic
    0.3514818, // prev_last_sentence_subject
    -0.18943104, // salience
    0.307871, // quote_share
    1.1228517, // narrator
    0.058358643, // gender_known
    0.1561335, // epithet
    -0.01149866, // mentioned_prev_para
    0.752852, // cascade
];
