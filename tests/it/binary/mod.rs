//! Running the real `insats` binary from the integration tests.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// `insats ARGS` with stdout and stderr captured (so stdout is a pipe, not a terminal),
/// stdin closed, and without `NO_COLOR` or `COLUMNS` from the machine running the tests
/// (clap wraps `--help` to a terminal on any of the three streams, else to `COLUMNS`).
pub fn insats(args: &[&str]) -> Output {
    insats_env(args, &[])
}

/// `insats ARGS` with extra environment variables.
pub fn insats_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_insats"));
    cmd.args(args)
        .stdin(Stdio::null())
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("runs insats")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// A data directory with the shipped files, `data/insatser.csv` replaced by `insatser`
/// and the Skåne and Lägesrapport files cut to their header (their rows link to ids).
pub fn data_dir(insatser: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for entry in std::fs::read_dir(shipped).expect("data/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "csv") {
            let text = std::fs::read_to_string(&path).expect("read");
            let header = text.lines().next().unwrap_or("");
            let name = path.file_name().expect("name");
            std::fs::write(dir.path().join(name), format!("{header}\n")).expect("write");
        }
    }
    std::fs::write(dir.path().join("insatser.csv"), insatser).expect("write");
    dir
}
