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
    0.7275729, // para_tag
    0.35529122, // adjacent_other
    -0.76025265, // adjacent_same
    0.5410281, // prev_in_para
    0.001768525, // actor
    -1.0747563, // actor_after
    0.33824745, // subject_before_quote
    0.9300827, // mention_before_quote
    0.20805834, // subject_after_quote
    1.2029997, // mention_after_quote
    1.1283507, // answer
    -0.41264516, // alternation
    0.40184438, // narration
    0.9344709, // recency_1
    0.62369937, // recency_2
    0.083125666, // recency_3
    -0.43880674, // recency_4_6
    0.24210428, // last_speaker_in_talk
    -0.10311562, // last_speaker_after_narration
    0.49929103, // two_turns_ago
    0.4111146, // partner
    -1.3342476, // addressed_here
    -0.32318273, // named_here
    -0.3812098, // addressed_in_para
    1.1283507, // prev_addressee
    -0.42816955, // prev_topic
    -0.056418333, // prev_last_sentence_subject
    0.52070785, // salience
    0.0020142077, // quote_share
    0.9886964, // narrator
    0.06366138, // gender_known
    -0.46999246, // epithet
    -0.34981102, // mentioned_prev_para
    0.9586303, // cascade
    1.1378866, // intro
    1.4413856, // narrator_acts
    -0.76915944, // never_tagged
];
