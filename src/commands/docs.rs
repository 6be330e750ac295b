//! `insats completions SHELL` and `insats man`: generated from the clap definition, so they
//! never drift from `--help`.

use std::io;
use std::process::ExitCode;

use clap_complete::Shell;
use clap_mangen::Man;

use super::{USAGE_OR_DATA, emit, warn};

/// The completion script for `shell`.
#[must_use]
pub fn completion_script(shell: Shell) -> Vec<u8> {
    let mut cmd = crate::cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "insats", &mut buf);
    buf
}

/// `insats completions SHELL`.
#[must_use]
pub fn completions(shell: Shell) -> ExitCode {
    emit(&String::from_utf8_lossy(&completion_script(shell)))
}

/// `insats man`.
#[must_use]
pub fn man() -> ExitCode {
    match man_page() {
        Ok(page) => emit(&page),
        Err(e) => {
            warn(&format!("kan inte skapa manualsidan: {e}"));
            ExitCode::from(USAGE_OR_DATA)
        }
    }
}

/// Render one section with `render` and rename its `.SH` headings.
fn section(
    render: impl FnOnce(&mut Vec<u8>) -> io::Result<()>,
    rename: &dyn Fn(&str) -> String,
) -> io::Result<String> {
    let mut buf = Vec::new();
    render(&mut buf)?;
    let text = String::from_utf8_lossy(&buf);
    Ok(text
        .lines()
        .map(|line| match line.strip_prefix(".SH ") {
            Some(title) => rename(title.trim_matches('"')),
            None => line.to_string(),
        })
        .map(|line| line + "\n")
        .collect())
}

/// The page's own headings in Swedish.
fn swedish_heading(title: &str) -> String {
    let sv = match title {
        "NAME" => "NAMN",
        "DESCRIPTION" => "BESKRIVNING",
        other => other,
    };
    format!(".SH {}", sv.to_uppercase())
}

/// The man page: the program's sections, then one section per subcommand with its own
/// synopsis, description, arguments and examples, then the program's examples.
///
/// # Errors
/// An I/O error from rendering (not expected when writing to memory).
pub fn man_page() -> io::Result<String> {
    let cmd = crate::cli::command();
    let version = cmd.get_version().unwrap_or_default().to_string();
    let man = Man::new(cmd.clone())
        .title("INSATS")
        .section("1")
        .source(format!("insats {version}"))
        .manual("Användarkommandon");
    let sv: &dyn Fn(&str) -> String = &swedish_heading;
    let mut page = String::new();
    page += &section(|w| man.render_title(w), sv)?;
    page += &section(|w| man.render_name_section(w), sv)?;
    page += &section(|w| man.render_synopsis_section(w), sv)?;
    page += &section(|w| man.render_description_section(w), sv)?;
    page += &section(|w| man.render_options_section(w), sv)?;
    page += &section(|w| man.render_subcommands_section(w), sv)?;
    for sub in cmd.get_subcommands() {
        let name = format!("insats {}", sub.get_name());
        // The program's own flags are described once, above.
        let sub = sub.clone().mut_args(|a| {
            let shared = a.is_global_set() || a.get_id() == "help";
            a.hide(shared)
        });
        let sub_man = Man::new(sub.clone());
        let sub_heading: &dyn Fn(&str) -> String = &|title| match title {
            "SYNOPSIS" => format!(".SH \"{}\"", name.to_uppercase()),
            "DESCRIPTION" => ".PP".to_string(),
            other => format!(".SS {}", capitalize(other)),
        };
        page += &section(|w| sub_man.render_synopsis_section(w), sub_heading)?;
        page += &section(|w| sub_man.render_description_section(w), sub_heading)?;
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            page += &section(|w| sub_man.render_options_section(w), sub_heading)?;
        }
        if let Some(text) = sub.get_after_help() {
            page += ".PP\n";
            page += &roff_paragraphs(&text.to_string());
        }
        // The subcommands are sections of this page, not pages of their own.
        page = page.replace(
            &format!("insats\\-{}(1)", sub.get_name()),
            &format!("\\fBinsats {}\\fR", sub.get_name()),
        );
    }
    if let Some(text) = cmd.get_after_help() {
        let text = text.to_string();
        page += ".SH EXEMPEL\n";
        page += &roff_paragraphs(text.strip_prefix("Exempel:\n").unwrap_or(&text));
    }
    page += &section(|w| man.render_version_section(w), sv)?;
    Ok(tidy(&page))
}

/// Help text as roff: blank lines start paragraphs, indented lines (examples) are kept as
/// they are, one per line.
#[must_use]
pub fn roff_paragraphs(text: &str) -> String {
    let mut out = String::new();
    let mut verbatim = false;
    for line in text.lines() {
        if line.trim().is_empty() {
            if verbatim {
                out.push_str(".fi\n");
                verbatim = false;
            }
            out.push_str(".PP\n");
            continue;
        }
        let indented = line.starts_with("  ");
        if indented && !verbatim {
            out.push_str(".nf\n");
            verbatim = true;
        } else if !indented && verbatim {
            out.push_str(".fi\n");
            verbatim = false;
        }
        out.push_str(&roff_escape(line));
        out.push('\n');
    }
    if verbatim {
        out.push_str(".fi\n");
    }
    out
}

/// Escape a line of text for roff: backslashes, minus signs, and a leading `.` or `'`.
fn roff_escape(line: &str) -> String {
    let mut s = line.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with('.') || s.starts_with('\'') {
        s.insert_str(0, "\\&");
    }
    s
}

/// Keep the string-definition preamble that every rendered section repeats once, at the
/// top, and drop empty lines (roff would print them as blank lines).
fn tidy(page: &str) -> String {
    let mut seen = std::collections::HashSet::new();
    page.lines()
        .filter(|l| !l.is_empty())
        .filter(|l| !(l.starts_with(".ie ") || l.starts_with(".el ")) || seen.insert(*l))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// `FLAGGOR` → `Flaggor`.
fn capitalize(upper: &str) -> String {
    let lower = upper.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_text_becomes_roff_paragraphs_with_verbatim_examples() {
        let roff = roff_paragraphs("Text -x.\n\nExempel:\n  insats search mi\n.punkt \\ slut");
        assert_eq!(
            roff,
            "Text \\-x.\n.PP\nExempel:\n.nf\n  insats search mi\n.fi\n\\&.punkt \\e slut\n"
        );
    }
}
