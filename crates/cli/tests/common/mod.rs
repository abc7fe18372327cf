//! Helpers shared by the CLI's end-to-end tests: the binary with a clean environment, and runs
//! that must succeed (with JSON output) or must not panic.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The `ficarchive` binary with no settings taken from the environment.
pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ficarchive"));
    cmd.env_remove("FICARCHIVE_DATA")
        .env_remove("FICARCHIVE_DATABASE_URL");
    cmd
}

/// The workspace root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The sample works (the two seeds).
pub fn samples() -> PathBuf {
    repo_root().join("samples")
}

/// Runs a command, failing the test if the binary panicked.
pub fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("the ficarchive binary runs");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "the binary panicked: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Runs a command that must succeed and print JSON.
pub fn ok_json(cmd: &mut Command) -> Value {
    let out = run(cmd);
    assert!(
        out.status.success(),
        "command failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}
