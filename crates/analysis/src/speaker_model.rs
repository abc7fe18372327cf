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
    0.6214028, // para_tag
    0.40057614, // adjacent_other
    -0.7905786, // adjacent_same
    0.6869955, // prev_in_para
    0.14174397, // actor
    -0.947102, // actor_after
    0.18823172, // subject_before_quote
    0.9205865, // mention_before_quote
    -0.1431852, // subject_after_quote
    1.3597456, // mention_after_quote
    1.1276951, // answer
    -0.47684437, // alternation
    0.14959316, // narration
    1.0254989, // recency_1
    0.610559, // recency_2
    0.14656883, // recency_3
    -0.4104212, // recency_4_6
    0.099410556, // last_speaker_in_talk
    -0.024698652, // last_speaker_after_narration
    0.46460056, // two_turns_ago
    0.42732126, // partner
    -1.441974, // addressed_here
    -0.26275694, // named_here
    -0.44372353, // addressed_in_para
    1.1276951, // prev_addressee
    -0.2614267, // prev_topic
    0.09200763, // prev_last_sentence_subject
    0.48673245, // salience
    -0.06864188, // quote_share
    0.7229039, // narrator
    0.0061933547, // gender_known
    -0.6385088, // epithet
    -0.34284645, // mentioned_prev_para
    0.90556026, // cascade
    1.1088494, // intro
    1.5366617, // narrator_acts
    -0.92437, // never_tagged
];
