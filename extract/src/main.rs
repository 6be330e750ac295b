//! `extract SEEDS_DIR [--out DIR] [--check]`: build the CSV files of `data/` from the seed texts.
//!
//! With `--check`, nothing is written; the command fails when a file in `data/` differs from
//! what the seeds produce (used by CI to catch a stale dataset).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut seeds: Option<PathBuf> = None;
    let mut out = PathBuf::from("data");
    let mut check = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--check" => check = true,
            "--out" => match args.next() {
                Some(d) => out = PathBuf::from(d),
                None => return usage("--out behöver en katalog"),
            },
            "-h" | "--help" => {
                println!("användning: extract SEEDS_DIR [--out DIR] [--check]");
                return ExitCode::SUCCESS;
            }
            _ if seeds.is_none() && !a.starts_with('-') => seeds = Some(PathBuf::from(a)),
            _ => return usage(&format!("okänt argument {a:?}")),
        }
    }
    let Some(seeds) = seeds else {
        return usage("SEEDS_DIR saknas");
    };
    let files = match insats_extract::run_all(&seeds, &out) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("extract: {e}");
            return ExitCode::from(2);
        }
    };
    let mut stale = Vec::new();
    for (name, content) in &files {
        let path = out.join(name);
        if check {
            let current = std::fs::read_to_string(&path).unwrap_or_default();
            if current != *content {
                stale.push(path.display().to_string());
            }
        } else if let Err(e) = std::fs::write(&path, content) {
            eprintln!("extract: {}: {e}", path.display());
            return ExitCode::from(2);
        } else {
            eprintln!("skrev {}", path.display());
        }
    }
    if stale.is_empty() {
        if check {
            eprintln!("data/ stämmer med källorna ({} filer)", files.len());
        }
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "extract --check: inaktuella filer (kör `cargo run --bin extract -- {}`): {}",
            seeds.display(),
            stale.join(", ")
        );
        ExitCode::FAILURE
    }
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("extract: {msg}\nanvändning: extract SEEDS_DIR [--out DIR] [--check]");
    ExitCode::from(2)
}
