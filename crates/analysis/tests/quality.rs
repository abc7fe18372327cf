//! Quality floors the analysis must keep, checked on annotated texts: the fic development set in
//! `eval/fics` (always in the repository) and the two reference fics in `../shared/seeds` (beside the
//! repository on a developer's machine; skipped loudly where absent). The floors sit a little below
//! the figures of docs/analysis.md, so a change that costs a few quotations on one set fails here and
//! has to be weighed, not slip through.

use std::path::{Path, PathBuf};

use ficarchive_analysis::eval::{EvalReport, FIC_TRAINING_DIR, Ratio, run_full};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn score(seeds: &Path) -> EvalReport {
    // no LitBank here: its cross-validated figure takes seconds and lives in the eval example;
    // without it the fic dev set is scored with the shipped weights, which trained on it (in-sample;
    // the eval example's leave-one-out figure is the one docs/analysis.md reports)
    let reader = |t: &str| ficarchive_formats::text::read_text(t).ok();
    let fics = repo_root().join(FIC_TRAINING_DIR);
    run_full(seeds, Path::new("/nonexistent/litbank"), &fics, &reader)
}

fn at_least(what: &str, r: &Ratio, floor: f64) {
    let v = r.value().unwrap_or(0.0);
    assert!(
        v >= floor,
        "{what}: {:.1}% ({}/{}) is below the floor {:.1}%",
        v * 100.0,
        r.hit,
        r.total,
        floor * 100.0
    );
}

#[test]
fn the_fic_development_set_keeps_its_figures() {
    let report = score(&repo_root().join("eval/fics"));
    let s = &report.seeds;
    assert!(s.speaker_accuracy.total >= 1100, "{:?}", report.notes);
    at_least("fic quote recall", &s.quote_recall, 0.98);
    at_least("fic quote precision", &s.quote_precision, 0.98);
    // re-based as the set grew: 8 fics (87.6%, floor 85%), 12 with four dialogue-heavier ones
    // (85.1% with the shipped weights, floor 83%), 16 with four written to be hard (epithet
    // speakers, a first-person narrator named only by vocatives, a stripped break: 82.2%, POV 27/32,
    // boundary precision 12/16; 12/13 and POV 29/32 once a focal switch needed a mind; POV 27/32
    // once split full names joined their short forms: the Star Wars omniscient scene gets Owen);
    // 24 with eight in styles the sixteen covered thinly (a group chat, descriptive speakers named
    // later, second person, six-way banter: 77.8% with the shipped weights, then 81.6%, 922/1130,
    // after the fifth session's vocative, first-person and second-person rules, floor 80%)
    at_least("fic speaker accuracy", &s.speaker_accuracy, 0.80);
    at_least("fic character precision", &s.character_precision, 0.88);
    at_least("fic character recall", &s.character_recall, 0.62);
    at_least("fic POV accuracy", &s.pov_accuracy, 0.80);
    at_least("fic boundary precision", &s.boundary_precision, 0.85);
    // 15/19 since the set grew to 24 fics (two of the new ones strip their break)
    at_least("fic boundary recall", &s.boundary_recall, 0.75);
    at_least("fic person accuracy", &s.person_accuracy, 1.0);
    at_least("fic relationship recall", &s.relationship_recall, 0.75);
}

#[test]
fn the_reference_fics_meet_the_issue_targets() {
    let dir = ["../shared/seeds", "../../shared/seeds"]
        .iter()
        .map(|d| repo_root().join(d))
        .find(|d| d.join("expected.json").is_file());
    let Some(dir) = dir else {
        // the seeds are data beside the repository, not a tool CI installs
        eprintln!(
            "SKIP the_reference_fics_meet_the_issue_targets: ../shared/seeds/expected.json not found"
        );
        return;
    };
    let s = score(&dir).seeds;
    // the issue's targets: every scene boundary and POV right, speakers at least 95%
    at_least("seed speaker accuracy", &s.speaker_accuracy, 0.95);
    at_least("seed boundary precision", &s.boundary_precision, 1.0);
    at_least("seed boundary recall", &s.boundary_recall, 1.0);
    at_least("seed POV accuracy", &s.pov_accuracy, 1.0);
}
