//! End-to-end tests of the `ficarchive` binary: the acceptance criteria of the foundation issue,
//! driven through the CLI and its JSON exactly as other tools would use them.

mod common;

use std::path::Path;

use common::{bin, ok_json, run, samples};
use serde_json::Value;

fn inspect(path: &Path) -> Value {
    ok_json(bin().arg("inspect").arg(path).arg("--json"))
}

/// The seeds' hand annotation; paragraphs there are the non-empty lines of each file, from 1.
fn expected() -> Value {
    let raw = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds-expected.json"),
    )
    .expect("expected.json");
    serde_json::from_str(&raw).expect("expected.json parses")
}

fn nonempty_lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

fn story_text(work: &Value) -> String {
    let mut out = String::new();
    for ch in work["chapters"].as_array().expect("chapters") {
        for scene in ch["scenes"].as_array().expect("scenes") {
            for p in scene["paragraphs"].as_array().expect("paragraphs") {
                out.push_str(p["text"].as_str().expect("paragraph text"));
                out.push('\n');
            }
        }
    }
    out
}

/// A run of words from inside a paragraph, clear of any label such as "A/N:" at its start.
fn probe_of(para: &str) -> String {
    para.split_whitespace()
        .skip(2)
        .take(8)
        .collect::<Vec<_>>()
        .join(" ")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn seeds_give_the_annotated_structure() {
    let expected = expected();
    for exp in expected["works"].as_array().expect("works") {
        let file = samples().join(exp["file"].as_str().expect("file"));
        let source = std::fs::read_to_string(&file).expect("seed is UTF-8");
        let lines = nonempty_lines(&source);
        let got = inspect(&file);
        let name = exp["file"].as_str().unwrap_or_default();

        assert_eq!(got["title"], exp["title"], "{name}: title");
        assert_eq!(got["authors"], exp["authors"], "{name}: authors");
        assert_eq!(got["summary"], exp["summary"], "{name}: summary");
        let want_status = if exp["complete"] == true {
            "complete"
        } else {
            "in_progress"
        };
        assert_eq!(got["status"], want_status, "{name}: status");
        assert_eq!(
            got["excerpt_of_chapters"],
            exp.get("excerpt_of_chapters")
                .cloned()
                .unwrap_or(Value::Null),
            "{name}: excerpt"
        );
        assert!(got["words"].as_u64().unwrap_or(0) > 0, "{name}: words");

        let got_chapters = got["chapters"].as_array().expect("chapters");
        let exp_chapters = exp["chapters"].as_array().expect("chapters");
        assert_eq!(
            got_chapters.len(),
            exp_chapters.len(),
            "{name}: chapter count"
        );
        let story = collapse(&story_text(&got));
        for (g, e) in got_chapters.iter().zip(exp_chapters) {
            assert_eq!(g["number"], e["number"], "{name}: chapter number");
            assert_eq!(g["title"], e["title"], "{name}: chapter title");
            // Notes of a chapter are notes, not story text.
            for n in e
                .get("notes_paragraphs")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let para = collapse(lines[n.as_u64().expect("paragraph number") as usize - 1]);
                let notes: Vec<String> = g["notes_before"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .chain(g["notes_after"].as_array().into_iter().flatten())
                    .map(|n| collapse(n["text"].as_str().unwrap_or_default()))
                    .collect();
                let probe = probe_of(&para);
                assert!(
                    notes.iter().any(|n| n.contains(&probe)),
                    "{name}: note {para:?} missing from {notes:?}"
                );
                assert!(
                    !story.contains(&probe),
                    "{name}: note {para:?} leaked into the story text"
                );
            }
            // The end marker is not story text.
            if let Some(p) = e.get("end_marker_paragraph").and_then(Value::as_u64) {
                let marker = lines[p as usize - 1];
                assert!(
                    !story.trim_end().ends_with(marker),
                    "{name}: end marker {marker:?} left in the story"
                );
            }
        }
        // Work-level notes (seed 004's opening A/N).
        for n in exp
            .get("notes_paragraphs")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let para = collapse(lines[n.as_u64().expect("paragraph number") as usize - 1]);
            let probe = probe_of(&para);
            let notes = got["notes"].as_array().expect("notes");
            assert!(
                notes
                    .iter()
                    .any(|x| collapse(x["text"].as_str().unwrap_or_default()).contains(&probe)),
                "{name}: work note {para:?} missing"
            );
            assert!(
                !story.contains(&probe),
                "{name}: work note leaked into the story"
            );
        }
        // Spans point into the source.
        for ch in got_chapters {
            for scene in ch["scenes"].as_array().expect("scenes") {
                for p in scene["paragraphs"].as_array().expect("paragraphs") {
                    let span = &p["span"];
                    let (s, e) = (
                        span[0].as_u64().unwrap() as usize,
                        span[1].as_u64().unwrap() as usize,
                    );
                    let slice = source.get(s..e).expect("span on char boundaries");
                    assert_eq!(
                        collapse(slice),
                        collapse(p["text"].as_str().unwrap()),
                        "{name}: span text"
                    );
                }
            }
        }
    }
}

#[test]
fn import_is_idempotent_and_records_updates() {
    let data = tempfile::tempdir().expect("tempdir");
    let files = tempfile::tempdir().expect("tempdir");
    let fic = files.path().join("fic.txt");
    std::fs::write(
        &fic,
        "A Test Fic by Someone\n\nChapter 1: Start\n\nShe walked in.\n\nHe walked out.\n\nTBC\n",
    )
    .expect("write");

    let first = ok_json(
        bin()
            .arg("--data")
            .arg(data.path())
            .arg("import")
            .arg(&fic)
            .arg("--json"),
    );
    assert_eq!(
        first["imported"].as_array().map(Vec::len),
        Some(1),
        "{first}"
    );
    let id = first["imported"][0]["id"].clone();

    let again = ok_json(
        bin()
            .arg("--data")
            .arg(data.path())
            .arg("import")
            .arg(&fic)
            .arg("--json"),
    );
    assert_eq!(
        again["unchanged"].as_array().map(Vec::len),
        Some(1),
        "{again}"
    );
    assert_eq!(again["unchanged"][0]["id"], id);

    std::fs::write(
        &fic,
        "A Test Fic by Someone\n\nChapter 1: Start\n\nShe walked in.\n\nHe walked out.\n\n\
         Chapter 2: More\n\nThey talked.\n\nThe End\n",
    )
    .expect("write");
    let update = ok_json(
        bin()
            .arg("--data")
            .arg(data.path())
            .arg("import")
            .arg(&fic)
            .arg("--json"),
    );
    assert_eq!(
        update["updated"].as_array().map(Vec::len),
        Some(1),
        "{update}"
    );
    assert_eq!(update["updated"][0]["id"], id);
    assert_eq!(update["updated"][0]["new_chapters"], serde_json::json!([2]));

    let list = ok_json(
        bin()
            .arg("--data")
            .arg(data.path())
            .arg("list")
            .arg("--json"),
    );
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(list[0]["id"], id);
    assert_eq!(list[0]["status"], "complete");

    let exported = ok_json(bin().arg("--data").arg(data.path()).args([
        "export",
        &id.to_string(),
        "--format",
        "json",
    ]));
    assert_eq!(exported["title"], "A Test Fic");
    assert_eq!(exported["chapters"].as_array().map(Vec::len), Some(2));
}

#[test]
fn folders_import_recursively_and_bad_files_are_reported_not_fatal() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("nested")).expect("mkdir");
    std::fs::copy(
        samples().join("004_0d1bb9ae744da6fa.txt"),
        dir.path().join("nested/good.txt"),
    )
    .expect("copy");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    std::fs::write(
        dir.path().join("binary.bin"),
        [0u8, 159, 146, 150, 0, 0, 1, 2, 3, 0, 255],
    )
    .expect("write");
    // 0x81 and 0x8D are undefined in Windows-1252 and invalid as UTF-8.
    std::fs::write(
        dir.path().join("undecodable.txt"),
        b"Hello \x81\x8D\x81\x8D\x90\x9D world \x81\x8D",
    )
    .expect("w");
    std::fs::write(dir.path().join("big.txt"), "word ".repeat(2000)).expect("write");

    let out = run(bin()
        .arg("--data")
        .arg(data.path())
        .arg("import")
        .arg(dir.path())
        .arg(dir.path().join("does-not-exist"))
        .args(["--max-file-size", "5000", "--json"]));
    assert!(!out.status.success(), "failures give a non-zero exit");
    let summary: Value = serde_json::from_slice(&out.stdout).expect("summary JSON");
    assert_eq!(
        summary["imported"].as_array().map(Vec::len),
        Some(1),
        "{summary}"
    );
    let failed = summary["failed"].as_array().expect("failed");
    let reason_for = |name: &str| -> String {
        failed
            .iter()
            .find(|f| f["path"].as_str().unwrap_or_default().ends_with(name))
            .map(|f| f["reason"].as_str().unwrap_or_default().to_string())
            .unwrap_or_else(|| panic!("{name} not reported as failed: {summary}"))
    };
    assert!(reason_for("empty.txt").contains("empty"));
    assert!(reason_for("big.txt").contains("over the limit"));
    assert!(!reason_for("binary.bin").is_empty());
    assert!(reason_for("undecodable.txt").contains("UTF-8"));
    assert!(!reason_for("does-not-exist").is_empty());
    // The human report names the file and the reason too.
    let out = run(bin()
        .arg("--data")
        .arg(data.path())
        .arg("import")
        .arg(dir.path().join("empty.txt")));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("empty.txt") && text.contains("empty"),
        "{text}"
    );
}

#[test]
fn inspect_names_the_file_on_bad_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("nothing.txt");
    std::fs::write(&empty, "  \n\n").expect("write");
    let out = run(bin().arg("inspect").arg(&empty).arg("--json"));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nothing.txt") && err.contains("empty"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "nothing half-written on stdout");
}

#[test]
fn export_to_a_file_and_unknown_ids_fail_cleanly() {
    let data = tempfile::tempdir().expect("tempdir");
    ok_json(
        bin()
            .arg("--data")
            .arg(data.path())
            .arg("import")
            .arg(samples())
            .arg("--json"),
    );
    let out = run(bin()
        .arg("--data")
        .arg(data.path())
        .args(["show", "999999"]));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("999999"));
    let target = data.path().join("out.json");
    let out = run(bin()
        .arg("--data")
        .arg(data.path())
        .args(["export", "1", "--format", "json", "-o"])
        .arg(&target));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&std::fs::read(&target).expect("written")).expect("JSON");
    assert!(v["chapters"].as_array().is_some_and(|c| !c.is_empty()));
}

/// Kills an import of many files part-way and checks that every stored work is whole.
#[test]
fn an_import_killed_midway_leaves_a_consistent_archive() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    let body = "She said hello. He said nothing at all, and the night went on.\n\n".repeat(200);
    for i in 0..400 {
        let text = format!(
            "Fic Number {i} by Author {i}\n\nChapter 1: One\n\n{body}Chapter 2: Two\n\n{body}Chapter 3: Three\n\n{body}The End\n"
        );
        std::fs::write(dir.path().join(format!("fic{i:04}.txt")), text).expect("write");
    }
    let mut child = bin()
        .arg("--data")
        .arg(data.path())
        .arg("import")
        .arg(dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    // Wait until the database exists and some works are in, then kill without warning.
    let db = data.path().join("ficarchive.sqlite3");
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(60) {
        if db.exists() && std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0) > 200_000 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let finished_early = child.try_wait().expect("try_wait").is_some();
    child.kill().ok();
    child.wait().expect("wait");

    let list = ok_json(
        bin()
            .arg("--data")
            .arg(data.path())
            .arg("list")
            .arg("--json"),
    );
    let works = list.as_array().expect("list");
    assert!(
        finished_early || works.len() < 400,
        "the import was interrupted part-way"
    );
    for w in works {
        assert_eq!(w["chapters"], 3, "a stored work is whole: {w}");
        let id = w["id"].to_string();
        let full = ok_json(
            bin()
                .arg("--data")
                .arg(data.path())
                .args(["export", &id, "--format", "json"]),
        );
        assert_eq!(full["chapters"].as_array().map(Vec::len), Some(3));
        assert_eq!(full["status"], "complete");
    }
    // Importing again completes the batch: what was stored is unchanged, the rest is imported.
    let summary = ok_json(
        bin()
            .arg("--data")
            .arg(data.path())
            .arg("import")
            .arg(dir.path())
            .arg("--json"),
    );
    assert_eq!(
        summary["unchanged"].as_array().map(Vec::len),
        Some(works.len())
    );
    assert_eq!(
        summary["imported"].as_array().map(Vec::len),
        Some(400 - works.len())
    );
}
