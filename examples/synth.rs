//! `cargo run --release --example synth -- --rows 100000 --out DIR [--names FILE]`: write a
//! complete data directory with a synthetic catalogue of ROWS insatser (the real ones first,
//! then recombinations of their names and förklaringar), for `insats --data DIR` and
//! benchmarks. `--names` also writes the names, one a line, for tools such as `fzf`.

use std::path::PathBuf;
use std::process::ExitCode;

use insats::data::{self, Source};

const USAGE: &str = "användning: synth --rows N --out DIR [--names FIL]";

fn main() -> ExitCode {
    let mut rows: Option<usize> = None;
    let mut out: Option<PathBuf> = None;
    let mut names: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--rows" => match args.next().and_then(|n| n.replace('_', "").parse().ok()) {
                Some(n) => rows = Some(n),
                None => return usage("--rows behöver ett heltal"),
            },
            "--out" => match args.next() {
                Some(d) => out = Some(PathBuf::from(d)),
                None => return usage("--out behöver en katalog"),
            },
            "--names" => match args.next() {
                Some(f) => names = Some(PathBuf::from(f)),
                None => return usage("--names behöver en fil"),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => return usage(&format!("okänt argument {a:?}")),
        }
    }
    let (Some(rows), Some(out)) = (rows, out) else {
        return usage("både --rows och --out behövs");
    };
    let real = match data::load(&Source::Embedded) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("synth: {e}");
            return ExitCode::from(2);
        }
    };
    let catalog = insats::synth::catalog(&real, rows);
    if let Err(e) = data::write_dir(&out, &catalog) {
        eprintln!("synth: {e}");
        return ExitCode::from(2);
    }
    if let Some(file) = names {
        let mut text = String::new();
        for i in &catalog.insatser {
            text.push_str(&i.namn);
            text.push('\n');
        }
        if let Err(e) = std::fs::write(&file, text) {
            eprintln!("synth: {}: {e}", file.display());
            return ExitCode::from(2);
        }
    }
    eprintln!(
        "skrev {} insatser till {}",
        catalog.insatser.len(),
        out.display()
    );
    ExitCode::SUCCESS
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("synth: {msg}\n{USAGE}");
    ExitCode::from(2)
}
