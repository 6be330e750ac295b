//! Every example runs and does what it says: the examples under each `--help` and the
//! commands in README.md's code blocks run against the real binary and exit 0, and the
//! answers README shows in "För analytiker" are the binary's real output at 80 columns.
//! The examples are shell lines, run by bash.
#![cfg(unix)]

use crate::binary;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use binary::{insats, stdout};

/// A shell where `insats` is the binary under test, in a fresh directory with its own home
/// (so examples that write files write them there).
struct Shell {
    dir: tempfile::TempDir,
    bin: PathBuf,
}

impl Shell {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let bin = dir.path().join("bin");
        std::fs::create_dir(&bin).expect("bin");
        let exe = Path::new(env!("CARGO_BIN_EXE_insats"));
        #[cfg(unix)]
        std::os::unix::fs::symlink(exe, bin.join("insats")).expect("symlink");
        #[cfg(not(unix))]
        std::fs::copy(exe, bin.join("insats.exe")).expect("copy");
        // Where the help's examples put completions and man pages, as on a set-up machine.
        for d in [
            ".local/share/bash-completion/completions",
            ".zfunc",
            ".config/fish/completions",
            ".local/share/man/man1",
        ] {
            std::fs::create_dir_all(dir.path().join("home").join(d)).expect("mkdir");
        }
        Shell { dir, bin }
    }

    /// `line` run by bash with `pipefail`, stderr after stdout into one stream.
    fn run(&self, line: &str) -> Output {
        let home = self.dir.path().join("home");
        let path = format!(
            "{}:{}",
            self.bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        Command::new("bash")
            .args(["-o", "pipefail", "-c", &format!("{{ {line}\n}} 2>&1")])
            .current_dir(self.dir.path())
            .env("PATH", path)
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("COLUMNS", "80")
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .env_remove("NO_COLOR")
            .stdin(Stdio::null())
            .output()
            .expect("bash runs")
    }
}

/// Whether `line` needs a tool this machine lacks (`jq`, `man`): such an example is left
/// out here, as the rest of it is the same as in the others.
fn needs_missing_tool(line: &str) -> bool {
    ["jq", "man"].iter().any(|tool| {
        let used = line
            .split(['|', '&', ';'])
            .any(|part| part.split_whitespace().next() == Some(tool));
        used && !Command::new("bash")
            .args(["-c", &format!("command -v {tool}")])
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// The commands under `Exempel:` in a help text: each line that starts with `insats`, up to
/// the description written after three or more spaces.
fn help_examples(help: &str) -> Vec<String> {
    let mut in_examples = false;
    let mut found = Vec::new();
    for line in help.lines() {
        if line.trim_end() == "Exempel:" || line.ends_with(" Exempel:") {
            in_examples = true;
            continue;
        }
        // Groups of examples under headings (`För analytiker:`) belong to them too; other
        // text ends them.
        if in_examples && !line.is_empty() && !line.starts_with(' ') && !line.ends_with(':') {
            in_examples = false;
        }
        if !in_examples {
            continue;
        }
        let text = line.trim_start();
        if text.starts_with("insats") {
            let command = text.split("   ").next().unwrap_or(text).trim_end();
            found.push(command.to_string());
        }
    }
    found
}

/// Every subcommand path: `[]`, `["search"]`, `["checklista", "set"]`, ….
fn command_paths() -> Vec<Vec<String>> {
    let help = stdout(&insats(&["--help"]));
    let mut paths = vec![Vec::new()];
    let names: Vec<String> = help
        .lines()
        .skip_while(|l| !l.starts_with("Kommandon:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(String::from))
        .collect();
    for n in names {
        let sub = stdout(&insats(&[&n, "--help"]));
        let nested: Vec<String> = sub
            .lines()
            .skip_while(|l| !l.starts_with("Kommandon:"))
            .skip(1)
            .take_while(|l| !l.trim().is_empty())
            .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
            .filter_map(|l| l.split_whitespace().next().map(String::from))
            .collect();
        for m in nested {
            paths.push(vec![n.clone(), m]);
        }
        paths.push(vec![n]);
    }
    paths
}

#[test]
fn every_example_in_every_help_runs() {
    let shell = Shell::new();
    // The examples with a kommun's checklist presume one, as a user who has begun it has.
    let begun = shell.run("insats checklista set 12 uppfylld --omrade alla --kommun Malmö");
    assert_eq!(begun.status.code(), Some(0), "{begun:?}");
    let mut count = 0;
    for path in command_paths() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let help = stdout(&insats(&args));
        for example in help_examples(&help) {
            if needs_missing_tool(&example) {
                continue;
            }
            let out = shell.run(&example);
            assert_eq!(
                out.status.code(),
                Some(0),
                "`{example}` (from {args:?}):\n{}",
                String::from_utf8_lossy(&out.stdout)
            );
            count += 1;
        }
    }
    assert!(count >= 20, "only {count} examples found");
}

#[test]
fn the_help_examples_of_show_pick_one_insats() {
    let help = stdout(&insats(&["show", "--help"]));
    let shell = Shell::new();
    for example in help_examples(&help) {
        let out = shell.run(&example);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("Förklaring") || text.contains("\"forklaring\""),
            "`{example}` shows an insats:\n{text}"
        );
    }
}

/// The commands in README's `sh` and `console` blocks, in order, without their comments.
fn readme_commands(readme: &str) -> Vec<String> {
    let mut in_block = None;
    let mut found = Vec::new();
    for line in readme.lines() {
        match (in_block, line.trim_end()) {
            (None, "```sh") => in_block = Some(false),
            (None, "```console") => in_block = Some(true),
            (Some(_), "```") => in_block = None,
            (Some(console), l) => {
                let command = if console {
                    l.strip_prefix("$ ")
                } else {
                    Some(l)
                };
                if let Some(c) = command.filter(|c| c.starts_with("insats")) {
                    let c = c.split(" # ").next().unwrap_or(c).trim_end();
                    let c = c.split("   ").next().unwrap_or(c).trim_end();
                    found.push(c.to_string());
                }
            }
            _ => {}
        }
    }
    found
}

#[test]
fn every_insats_command_in_readme_runs() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let shell = Shell::new();
    let commands = readme_commands(&readme);
    assert!(commands.len() > 20, "{commands:?}");
    for c in commands {
        // `--data KATALOG …` is a form, not a command.
        if c.contains('…') || needs_missing_tool(&c) {
            continue;
        }
        let out = shell.run(&c);
        assert_eq!(
            out.status.code(),
            Some(0),
            "`{c}`:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn readme_for_analytiker_shows_real_output() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let section: String = readme
        .split("\n## ")
        .find(|s| s.starts_with("För analytiker"))
        .expect("section För analytiker")
        .to_string();
    let shell = Shell::new();
    let mut checked = 0;
    let mut lines = section.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim_end() != "```console" {
            continue;
        }
        let mut block: Vec<&str> = Vec::new();
        for l in lines.by_ref() {
            if l.trim_end() == "```" {
                break;
            }
            block.push(l);
        }
        let mut k = 0;
        while k < block.len() {
            let command = block[k].strip_prefix("$ ").expect("a block starts with $");
            let mut expected = String::new();
            k += 1;
            while k < block.len() && !block[k].starts_with("$ ") {
                expected.push_str(block[k]);
                expected.push('\n');
                k += 1;
            }
            if needs_missing_tool(command) {
                continue;
            }
            let out = shell.run(command);
            assert_eq!(
                String::from_utf8_lossy(&out.stdout),
                expected,
                "README's output of `{command}`"
            );
            checked += 1;
        }
    }
    assert!(checked >= 8, "{checked}");
}

#[test]
fn each_help_lists_only_the_flags_that_act_there() {
    let help = |args: &[&str]| stdout(&insats(args));
    let export = help(&["export", "--help"]);
    for idle in ["--keymap", "--theme", "--kommun", "--checklista", "--color"] {
        assert!(!export.contains(idle), "{idle} in export --help:\n{export}");
    }
    assert!(export.contains("--data"), "{export}");
    let render = help(&["render", "--help"]);
    for acting in [
        "--keymap",
        "--theme",
        "--kommun",
        "--checklista",
        "--color",
        "--data",
    ] {
        assert!(render.contains(acting), "{acting} missing in render --help");
    }
    let completions = help(&["completions", "--help"]);
    assert!(!completions.contains("--data"), "{completions}");
    let stats = help(&["stats", "--help"]);
    assert!(
        stats.contains("--color") && !stats.contains("--keymap"),
        "{stats}"
    );
    // A flag left out of the help is still accepted, as before.
    assert_eq!(
        insats(&["search", "mi", "--keymap", "x.toml"])
            .status
            .code(),
        Some(0)
    );
}
