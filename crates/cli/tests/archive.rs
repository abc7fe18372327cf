//! End-to-end tests of the archive commands built on the foundation: analysis, search, tag
//! wrangling, saved exclusions, exports in every format, deletion, reindexing and serving.

mod common;

use std::path::Path;
use std::process::Command;

use common::{bin, ok_json, repo_root, run, samples};
use serde_json::Value;

/// The binary with `--data` set to `data`.
fn cmd(data: &Path) -> Command {
    let mut cmd = bin();
    cmd.arg("--data").arg(data);
    cmd
}

fn ok(cmd: &mut Command) -> String {
    let out = run(cmd);
    assert!(
        out.status.success(),
        "command failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// Runs a command that must fail cleanly, and returns its standard error.
fn fails(cmd: &mut Command) -> String {
    let out = run(cmd);
    assert!(!out.status.success(), "the command should have failed");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A data folder with the two sample works and the starter taxonomy.
fn archive_with_samples() -> tempfile::TempDir {
    let data = tempfile::tempdir().expect("tempdir");
    ok(cmd(data.path())
        .args(["tags", "import"])
        .arg(repo_root().join("data/taxonomy.toml")));
    ok(cmd(data.path()).arg("import").arg(samples()));
    data
}

fn search(data: &Path, args: &[&str]) -> Value {
    ok_json(cmd(data).arg("search").args(args).arg("--json"))
}

fn ids(result: &Value) -> Vec<i64> {
    result["works"]
        .as_array()
        .expect("works")
        .iter()
        .map(|w| w["id"].as_i64().expect("id"))
        .collect()
}

fn id_titled(data: &Path, title: &str) -> i64 {
    let list = ok_json(cmd(data).args(["list", "--json"]));
    list.as_array()
        .expect("list")
        .iter()
        .find(|w| w["title"] == title)
        .and_then(|w| w["id"].as_i64())
        .unwrap_or_else(|| panic!("no work titled {title}: {list}"))
}

#[test]
fn analyze_prints_the_contract_with_an_analysis_object() {
    let seed = samples().join("000_7cb14aa93ae2de92.txt");
    let source = std::fs::read_to_string(&seed).expect("seed");
    let json = ok_json(
        cmd(Path::new("unused"))
            .arg("analyze")
            .arg(&seed)
            .arg("--json"),
    );
    assert!(json["chapters"].as_array().is_some_and(|c| !c.is_empty()));
    let analysis = &json["analysis"];
    let characters = analysis["characters"].as_array().expect("characters");
    let names: Vec<&str> = characters
        .iter()
        .flat_map(|c| {
            std::iter::once(&c["name"])
                .chain(c["aliases"].as_array().into_iter().flatten())
                .filter_map(Value::as_str)
        })
        .collect();
    for c in characters {
        assert!(c["mentions"].is_u64() && c["quotes"].is_u64(), "{c}");
    }
    let quotes = analysis["quotes"].as_array().expect("quotes");
    assert!(quotes.len() > 10, "the seed is full of dialogue");
    for q in quotes {
        let [s, e] = [&q["span"][0], &q["span"][1]].map(|v| v.as_u64().expect("span") as usize);
        assert_eq!(
            &source[s..e],
            q["text"].as_str().expect("text"),
            "a quote's span points at its text in the source"
        );
        if let Some(speaker) = q["speaker"].as_str() {
            assert!(
                characters.iter().any(|c| c["name"] == speaker),
                "speaker {speaker} is a character name"
            );
        }
    }
    for s in analysis["scenes"].as_array().expect("scenes") {
        assert!(["first", "second", "third"].contains(&s["person"].as_str().unwrap_or("")));
        if let Some(pov) = s["pov"].as_str() {
            assert!(names.contains(&pov), "pov {pov} is a character");
        }
    }
    for r in analysis["relationships"].as_array().expect("relationships") {
        let score = r["score"].as_f64().expect("score");
        assert!((0.0..=1.0).contains(&score));
        assert_eq!(r["characters"].as_array().map(Vec::len), Some(2));
    }
}

#[test]
fn stored_works_are_analysed_on_import_unless_asked_not_to() {
    let data = tempfile::tempdir().expect("tempdir");
    ok(cmd(data.path())
        .arg("import")
        .arg("--no-analysis")
        .arg(samples()));
    let id = id_titled(data.path(), "Bloody Soul");
    // Analysis on demand for a work imported without it, then stored.
    let json = ok_json(cmd(data.path()).args(["analyze", &id.to_string(), "--json"]));
    assert!(
        json["analysis"]["quotes"]
            .as_array()
            .is_some_and(|q| !q.is_empty())
    );
    let text = ok(cmd(data.path()).args(["analyze", &id.to_string()]));
    assert!(text.contains("Characters"), "{text}");
    let err = fails(cmd(data.path()).args(["analyze", "4242"]));
    assert!(err.contains("4242"), "{err}");
}

#[test]
fn search_filters_through_the_taxonomy_and_saved_exclusions() {
    let data = archive_with_samples();
    let data = data.path();
    let all = search(data, &[]);
    assert_eq!(all["total"], 2, "{all}");

    // A synonym, the canonical and the tag as written all find the same work.
    let by_synonym = search(data, &["--include", "Spuffy"]);
    assert_eq!(by_synonym["total"], 1, "{by_synonym}");
    let canonical = ok(cmd(data).args(["tags", "show", "Spuffy"]));
    let canonical_name = canonical
        .lines()
        .find_map(|l| l.trim().strip_prefix("synonym of: "))
        .expect("Spuffy is a synonym")
        .to_string();
    assert_eq!(
        ids(&search(data, &["--include", &canonical_name])),
        ids(&by_synonym)
    );
    // Excluding it leaves only the other work; free text and inline filters work too.
    let excluded = search(data, &["--exclude", "Spuffy"]);
    assert_eq!(excluded["total"], 1);
    assert_ne!(ids(&excluded), ids(&by_synonym));
    assert_eq!(search(data, &["title:\"Bloody Soul\""])["total"], 1);
    assert_eq!(search(data, &["words>100000"])["total"], 0);
    assert_eq!(search(data, &["--filter", "words=<1000"])["total"], 1);
    let sorted = search(data, &["--sort", "words", "--order", "asc"]);
    assert_eq!(ids(&sorted).len(), 2);
    assert!(sorted["facets"].is_object());

    // A saved exclusion set hides what it names from any search.
    ok(cmd(data).args(["exclusions", "set", "no-spuffy", "--tag", "Spuffy"]));
    let listed = ok_json(cmd(data).args(["exclusions", "list", "--json"]));
    assert!(listed["no-spuffy"].is_object(), "{listed}");
    assert_eq!(search(data, &["--exclusions", "no-spuffy"]), excluded);
    ok(cmd(data).args(["exclusions", "delete", "no-spuffy"]));
    let err = fails(cmd(data).args(["search", "--exclusions", "no-spuffy"]));
    assert!(err.contains("no-spuffy"), "{err}");

    // Bad queries are clear errors, not panics.
    let err = fails(cmd(data).args(["search", "\"unbalanced"]));
    assert!(err.to_lowercase().contains("quote"), "{err}");
    let err = fails(cmd(data).args(["search", "--filter", "nonsense"]));
    assert!(err.contains("NAME=VALUE"), "{err}");
    let long = "word ".repeat(10_000);
    fails(cmd(data).args(["search", &long]));
    assert_eq!(
        search(data, &["--include", "A Tag Nobody Used"])["total"],
        0
    );
}

#[test]
fn tag_wrangling_commands_change_what_filters_find() {
    let data = tempfile::tempdir().expect("tempdir");
    let data = data.path();
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Title: Moonrise\nAuthor: Somebody\nFandom: Test Fandom\nPairing: Zed/Ann\n\nIt was late.\n\nThe End\n",
    )
    .expect("write");
    ok(cmd(data).arg("import").arg(dir.path()));
    assert_eq!(search(data, &["--include", "Ann/Zed"])["total"], 0);
    ok(cmd(data).args(["tags", "canonical", "relationship", "Ann/Zed"]));
    ok(cmd(data).args(["tags", "synonym", "Zed/Ann", "Ann/Zed"]));
    assert_eq!(search(data, &["--include", "Ann/Zed"])["total"], 1);
    ok(cmd(data).args(["tags", "canonical", "fandom", "Test Meta"]));
    ok(cmd(data).args(["tags", "canonical", "fandom", "Test Fandom"]));
    ok(cmd(data).args(["tags", "parent", "Test Fandom", "Test Meta"]));
    assert_eq!(search(data, &["--exclude", "Test Meta"])["total"], 0);
    let shown = ok(cmd(data).args(["tags", "show", "Test Meta"]));
    assert!(shown.contains("Test Fandom"), "{shown}");
    let err = fails(cmd(data).args(["tags", "canonical", "colour", "Blue"]));
    assert!(err.contains("colour"), "{err}");
    let err = fails(cmd(data).args(["tags", "synonym", "Nothing", "Nobody"]));
    assert!(!err.is_empty());
}

#[test]
fn every_export_format_imports_back_as_the_same_work() {
    let data = archive_with_samples();
    let data = data.path();
    let id = id_titled(data, "Bloody Soul").to_string();
    let original = ok_json(cmd(data).args(["export", &id, "--format", "json"]));
    let out = tempfile::tempdir().expect("tempdir");
    for format in ["epub", "html", "txt", "json"] {
        let file = out.path().join(format!("bloody-soul.{format}"));
        ok(cmd(data)
            .args(["export", &id, "--format", format, "-o"])
            .arg(&file));
        let back = ok_json(cmd(data).arg("inspect").arg(&file).arg("--json"));
        assert_eq!(back["title"], original["title"], "{format}");
        assert_eq!(back["authors"], original["authors"], "{format}");
        assert_eq!(
            back["chapters"].as_array().map(Vec::len),
            original["chapters"].as_array().map(Vec::len),
            "{format}"
        );
        assert_eq!(back["status"], original["status"], "{format}");
        let summary = ok_json(cmd(data).arg("import").arg(&file).arg("--json"));
        assert!(
            summary["imported"].as_array().is_some_and(Vec::is_empty),
            "a {format} export is recognised as the same work: {summary}"
        );
    }
    let list = ok_json(cmd(data).args(["list", "--json"]));
    assert_eq!(list.as_array().map(Vec::len), Some(2));
}

#[test]
fn delete_and_reindex_keep_search_in_step_with_the_store() {
    let data = archive_with_samples();
    let data = data.path();
    let id = id_titled(data, "Bloody Soul");
    std::fs::remove_dir_all(data.join("search")).expect("remove the index");
    let out = ok(cmd(data).arg("reindex"));
    assert!(out.contains("2 works indexed"), "{out}");
    assert_eq!(search(data, &[])["total"], 2);
    ok(cmd(data).args(["delete", &id.to_string()]));
    assert_eq!(search(data, &[])["total"], 1);
    assert!(!ids(&search(data, &[])).contains(&id));
    fails(cmd(data).args(["delete", &id.to_string()]));
}

#[test]
fn serve_answers_with_the_works_list_and_a_work_page() {
    let data = archive_with_samples();
    let id = id_titled(data.path(), "Bloody Soul");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let mut child = cmd(data.path())
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn serve");
    let get = |path: &str| -> Option<(u16, String)> {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .ok()?;
        let mut body = String::new();
        s.read_to_string(&mut body).ok()?;
        let status = body.split(' ').nth(1)?.parse().ok()?;
        Some((status, body))
    };
    let start = std::time::Instant::now();
    let mut home = None;
    while start.elapsed() < std::time::Duration::from_secs(30) && home.is_none() {
        home = get("/");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let result = std::panic::catch_unwind(|| {
        let (status, page) = home.expect("serve answers");
        assert_eq!(status, 200);
        assert!(
            page.contains("Bloody Soul"),
            "the home page lists the works"
        );
        let (status, page) = get(&format!("/works/{id}")).expect("work page");
        assert_eq!(status, 200);
        assert!(page.contains("Bloody Soul"));
        let (status, _) = get("/works/987654").expect("missing work");
        assert_eq!(status, 404);
        let (status, _) = get("/works?include=Spuffy").expect("filtered list");
        assert_eq!(status, 200);
    });
    child.kill().ok();
    child.wait().ok();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}
