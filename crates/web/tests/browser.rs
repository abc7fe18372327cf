//! Real-browser tests: serves sample works on a free port and runs `e2e/run.mjs` (playwright-core
//! driving Debian's headless Chromium, axe-core for accessibility). Screenshots go to
//! `<workspace>/artifacts/web/`. Without chromium, node or the npm packages the test prints a loud
//! SKIP, except under `CI=true`, where it fails.
#![allow(missing_docs)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use ficarchive_web::{AppState, serve_on};

fn skip_or_fail(why: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("browser test cannot run under CI=true: {why}");
    }
    eprintln!(
        "\n==================== SKIP ====================\nbrowser tests skipped: {why}\n==============================================\n"
    );
}

fn chromium() -> Option<PathBuf> {
    let from_env = std::env::var_os("CHROMIUM").map(PathBuf::from);
    from_env
        .into_iter()
        .chain(["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(PathBuf::from))
        .find(|p| p.exists())
}

fn ensure_node_modules(e2e: &Path) -> Result<(), String> {
    if e2e.join("node_modules/playwright-core").exists()
        && e2e.join("node_modules/axe-core").exists()
    {
        return Ok(());
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(e2e)
        .status()
        .map_err(|e| format!("npm is not available ({e}); install nodejs and npm"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`npm ci` in {} failed ({status})", e2e.display()))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_work_in_a_real_browser() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let e2e = crate_dir.join("e2e");
    let Some(chromium) = chromium() else {
        skip_or_fail("chromium not found: apt-get install -y chromium chromium-driver");
        return;
    };
    if Command::new("node").arg("--version").output().is_err() {
        skip_or_fail("node not found: apt-get install -y nodejs npm");
        return;
    }
    if let Err(why) = ensure_node_modules(&e2e) {
        skip_or_fail(&why);
        return;
    }

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind port 0");
    let addr = listener.local_addr().expect("local addr");
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let store = common::browser_store();
    let backend = common::index_backend(store.clone()).await;
    let state = AppState::new(store, Some(backend));
    let server = tokio::spawn(serve_on(state, listener, async {
        let _ = stop_rx.await;
    }));

    let artifacts = crate_dir.join("../../artifacts/web");
    let mut child = tokio::process::Command::new("node")
        .arg(e2e.join("run.mjs"))
        .arg(format!("http://{addr}"))
        .arg(&artifacts)
        .env("CHROMIUM", &chromium)
        .kill_on_drop(true)
        .spawn()
        .expect("start node");
    let status = tokio::time::timeout(Duration::from_secs(300), child.wait()).await;
    let _ = stop_tx.send(());
    let _ = server.await;
    match status {
        Ok(Ok(s)) => assert!(
            s.success(),
            "browser tests failed ({s}); screenshots in {}",
            artifacts.display()
        ),
        Ok(Err(e)) => panic!("waiting for node failed: {e}"),
        Err(_) => panic!("browser tests took longer than 300 s"),
    }
}
