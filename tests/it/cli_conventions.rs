//! Conventions every subcommand keeps: exit codes, a closed pipe, colour and `NO_COLOR`,
//! control characters in data, help, version, completions and the man page.

use crate::binary;

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
#[cfg(unix)]
use std::time::Duration;

use binary::{data_dir, insats, insats_env, stderr, stdout};
#[cfg(unix)]
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Run `insats ARGS`, read the first line of stdout, close the pipe (as `| head -1` does)
/// and return the line, the exit status and stderr.
fn first_line_then_close(args: &[&str]) -> (String, std::process::ExitStatus, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_insats"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut line = String::new();
    {
        let out = child.stdout.take().expect("stdout");
        BufReader::new(out)
            .read_line(&mut line)
            .expect("first line");
        // Dropping the reader closes our end of the pipe.
    }
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    let status = child.wait().expect("wait");
    (line, status, err)
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // Each of these writes far more than a pipe buffer (64 KiB), so the write after the
    // first line really meets a closed pipe.
    for (args, first) in [
        (&["export", "--format", "csv"][..], "id,omrade,sektion_nr"),
        (&["export", "--format", "json"], "["),
        (&["stats", "--format", "json"], "["),
        (&["stats", "--format", "table"], "Namn"),
        (&["search", "", "--format", "json"], "["),
    ] {
        let (line, status, err) = first_line_then_close(args);
        assert!(line.starts_with(first), "{args:?}: {line:?}");
        assert_eq!(status.code(), Some(0), "{args:?}: {err}");
        // Only the note that a table left the id out (it is 80 columns wide in a pipe).
        assert!(
            err.lines().all(|l| l.ends_with("hela id med --format tsv")),
            "{args:?} wrote to stderr: {err}"
        );
    }
}

#[test]
fn usage_errors_from_clap_exit_2_and_help_and_version_exit_0() {
    let bad = insats(&["finns-inte"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(bad.stdout.is_empty());
    let bad_flag = insats(&["stats", "--bredd"]);
    assert_eq!(bad_flag.status.code(), Some(2));
    let version = insats(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(
        stdout(&version),
        format!("insats {}\n", env!("CARGO_PKG_VERSION"))
    );
    let help = insats(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
}

#[test]
fn usage_errors_are_in_swedish_and_point_at_the_right_help() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["finns-inte"],
            &[
                "fel: okänt kommando: ”finns-inte”",
                "Mer hjälp: insats --help",
            ],
        ),
        (
            &["serch", "mi"],
            &["okänt kommando: ”serch”", "menade du ”search”?"],
        ),
        (
            &["stats", "--bredd"],
            &[
                "okänd flagga eller argument: ”--bredd”",
                "Användning: insats stats [FLAGGOR]",
                "Mer hjälp: insats stats --help",
            ],
        ),
        (
            &["stats", "--sort", "nope"],
            &[
                "ogiltigt värde ”nope” för ”--sort <KOLUMN>”",
                "möjliga värden: ges, ges-antal, digital, digital-antal, enskild, enskild-antal, utan, utan-antal",
            ],
        ),
        (
            &["search", "mi", "--limit", "x"],
            &["ogiltigt värde ”x” för ”--limit <N>”: ska vara ett heltal"],
        ),
        (
            &["search"],
            &["det här saknas: <SÖKORD>", "Användning: insats search"],
        ),
        (
            &["checklista", "set", "1", "bra"],
            &[
                "okänd status \"bra\"",
                "Mer hjälp: insats checklista set --help",
            ],
        ),
    ];
    for (args, wanted) in cases {
        let out = insats(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = stderr(&out);
        for w in *wanted {
            assert!(err.contains(w), "{args:?}: {w:?} not in\n{err}");
        }
        for english in ["error:", "Usage:", "For more information", "invalid"] {
            assert!(!err.contains(english), "{args:?}: {english:?} in\n{err}");
        }
    }
}

#[test]
fn help_is_swedish_with_examples() {
    let help = stdout(&insats(&["--help"]));
    for english in [
        "Usage:",
        "Options:",
        "Commands:",
        "Print help",
        "Print version",
    ] {
        assert!(!help.contains(english), "{english:?} in:\n{help}");
    }
    for swedish in [
        "Användning: insats [FLAGGOR] [KOMMANDO]",
        "Kommandon:",
        "Flaggor:",
        "Exempel:",
    ] {
        assert!(help.contains(swedish), "{swedish:?} missing in:\n{help}");
    }
    insta::assert_snapshot!("help", help);
    let stats = stdout(&insats(&["stats", "--help"]));
    assert!(
        stats.contains("Användning: insats stats [FLAGGOR] [SÖKORD]"),
        "{stats}"
    );
    // The values, however the help wraps them.
    let words = stats.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(
            "[värden: ges, ges-antal, digital, digital-antal, enskild, enskild-antal, utan, utan-antal]"
        ),
        "{stats}"
    );
    assert!(!stats.contains("Possible values"), "{stats}");
}

#[test]
fn color_never_and_no_color_leave_no_escape_bytes() {
    let always = insats(&[
        "--color", "always", "stats", "--top", "3", "--format", "table",
    ]);
    assert!(
        always.stdout.contains(&0x1b),
        "--color always should colour"
    );
    for (args, env) in [
        (
            &[
                "--color", "never", "stats", "--top", "3", "--format", "table",
            ][..],
            &[][..],
        ),
        (
            &["stats", "--top", "3", "--format", "table"],
            &[("NO_COLOR", "1")],
        ),
        (&["--color", "never", "show", "aldre-2.1-hemtjanst"], &[]),
        (
            &[
                "--color",
                "never",
                "stats",
                "--per-omrade",
                "--format",
                "table",
            ],
            &[],
        ),
    ] {
        let out = insats_env(args, env);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(!out.stdout.contains(&0x1b), "{args:?} {env:?}");
    }
    // The flag wins over the environment.
    let forced = insats_env(
        &["--color", "always", "show", "aldre-2.1-hemtjanst"],
        &[("NO_COLOR", "1")],
    );
    assert!(forced.stdout.contains(&0x1b));
}

/// Run `insats ARGS` in a pseudo-terminal of `cols` columns and return all it printed.
/// (Pseudo-terminal tests run on unix; Windows' ConPTY rewrites the output.)
#[cfg(unix)]
fn in_terminal(args: &[&str], env: &[(&str, &str)], cols: u16) -> String {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 50,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_insats"));
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
        }
        let _ = tx.send(all);
    });
    let status = child.wait().expect("wait");
    assert!(status.success(), "{args:?}");
    drop(pair.master);
    let bytes = rx.recv_timeout(Duration::from_secs(20)).expect("output");
    String::from_utf8(bytes).expect("UTF-8")
}

#[cfg(unix)]
#[test]
fn on_a_terminal_the_default_is_an_aligned_table_in_colour_unless_no_color() {
    let coloured = in_terminal(&["stats", "--sort", "ges", "--top", "3"], &[], 130);
    assert!(coloured.contains("\x1b[1mNamn"), "{coloured:?}");
    assert!(!coloured.contains('\t'), "a table, not TSV: {coloured:?}");
    // Lines fit the 130 columns: the id gives way first (with a note), the names stay whole.
    for line in coloured.lines() {
        let visible = line.replace("\x1b[1m", "").replace("\x1b[0m", "");
        assert!(visible.trim_end().chars().count() <= 130, "{visible:?}");
    }
    assert!(
        coloured.contains("\nSärskilt boende, vård- och omsorgsboende  äldre   245  100"),
        "{coloured}"
    );
    let plain = in_terminal(
        &["stats", "--sort", "ges", "--top", "3"],
        &[("NO_COLOR", "1")],
        130,
    );
    assert!(!plain.contains('\x1b'), "{plain:?}");
    assert!(plain.lines().any(|l| l.starts_with("Namn ")), "{plain:?}");
    assert!(
        plain.starts_with("insats: id får inte plats i 130 kolumner"),
        "{plain:?}"
    );
}

#[test]
fn control_characters_in_data_never_reach_the_terminal_raw() {
    let shipped =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/insatser.csv"))
            .expect("data/insatser.csv");
    let poisoned = shipped.replacen(
        ",Hemtjänst,,245,100,",
        ",Hemtjänst\x1b]0;hej\x07\x1b[2J,,245,100,",
        1,
    );
    assert_ne!(poisoned, shipped, "the row to poison was found");
    let dir = data_dir(&poisoned);
    let data = dir.path().to_str().expect("utf8 path");
    for args in [
        &[
            "--data", data, "stats", "--omrade", "aldre", "--format", "table",
        ][..],
        &[
            "--data", data, "stats", "--omrade", "aldre", "--format", "tsv",
        ],
        &["--data", data, "search", "hemtjanst", "--format", "table"],
        &["--data", data, "show", "aldre-2.1-hemtjanst"],
    ] {
        let out = insats(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(!text.contains('\x1b') && !text.contains('\x07'), "{args:?}");
        assert!(
            text.contains("Hemtjänst^[]0;hej^G^[[2J"),
            "{args:?}:\n{text}"
        );
    }
    // CSV and JSON into a pipe are data for programs: kept exactly (JSON escapes it).
    let csv = insats(&[
        "--data", data, "stats", "--omrade", "aldre", "--format", "csv",
    ]);
    assert!(stdout(&csv).contains("Hemtjänst\x1b]0;hej\x07\x1b[2J"));
    let json = insats(&[
        "--data", data, "stats", "--omrade", "aldre", "--format", "json",
    ]);
    assert!(stdout(&json).contains("Hemtjänst\\u001b]0;hej\\u0007\\u001b[2J"));
}

#[test]
fn completions_for_bash_zsh_and_fish() {
    let bash = insats(&["completions", "bash"]);
    assert_eq!(bash.status.code(), Some(0));
    let script = stdout(&bash);
    assert!(script.contains("_insats()"), "{script}");
    assert!(script.contains("complete -F _insats"), "{script}");
    for word in [
        "search",
        "stats",
        "show",
        "--per-omrade",
        "--omrade",
        "missbruk",
    ] {
        assert!(script.contains(word), "{word} not completed");
    }
    insta::assert_snapshot!("completions_bash", script);
    let zsh = insats(&["completions", "zsh"]);
    assert_eq!(zsh.status.code(), Some(0));
    assert!(stdout(&zsh).starts_with("#compdef insats"));
    let fish = insats(&["completions", "fish"]);
    assert_eq!(fish.status.code(), Some(0));
    assert!(stdout(&fish).contains("complete -c insats"));
    assert_eq!(insats(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn man_page_from_the_clap_definition() {
    let out = insats(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out);
    assert!(page.contains(".TH INSATS 1"), "{page}");
    for heading in [
        ".SH NAMN",
        ".SH BESKRIVNING",
        ".SH FLAGGOR",
        ".SH KOMMANDON",
        ".SH \"INSATS STATS\"",
        ".SH EXEMPEL",
    ] {
        assert!(page.contains(heading), "{heading} missing");
    }
    for english in [".SH NAME", ".SH OPTIONS", ".SH EXTRA", "Print help"] {
        assert!(!page.contains(english), "{english} left in the page");
    }
    // Every flag of stats is described.
    for flag in ["per\\-omrade", "\\-\\-sort", "\\-\\-asc", "\\-\\-top"] {
        assert!(page.contains(flag), "{flag} missing");
    }
    insta::assert_snapshot!("man", page);
}
