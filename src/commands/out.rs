//! Output of the analysts' commands: the terminal check, colour, aligned tables, TSV and CSV,
//! and, through [`crate::text`], the sanitizer that keeps control characters in data from
//! reaching a terminal raw.

use std::borrow::Cow;
use std::io::IsTerminal;

use unicode_width::UnicodeWidthStr;

use crate::cli::{ColorChoice, Format};
/// Make text safe to print on a terminal: every control character becomes visible. The one
/// sanitizer of insats, shared with the terminal app: see [`crate::text`].
pub use crate::text::sanitize;
use crate::text::{is_unsafe, push_visible};

const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// What stdout is and how to write to it, decided once per run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Out {
    /// Stdout is a terminal.
    pub tty: bool,
    /// Use ANSI styles.
    pub color: bool,
    /// Terminal width in columns, when stdout is a terminal.
    pub width: Option<usize>,
}

impl Out {
    /// Look at stdout, `--color` and `NO_COLOR`.
    ///
    /// `auto` colours only on a terminal and only when `NO_COLOR` is unset or empty;
    /// `always` and `never` win over both (the command line overrides the environment).
    #[must_use]
    pub fn detect(choice: ColorChoice) -> Self {
        let tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let width = if tty {
            crossterm::terminal::size()
                .ok()
                .map(|(w, _)| usize::from(w))
                .filter(|&w| w > 0)
        } else {
            None
        };
        Out {
            tty,
            color: resolve_color(choice, tty, no_color),
            width,
        }
    }

    /// Plain output for a pipe: no colour, no width.
    #[must_use]
    pub fn plain() -> Self {
        Out {
            tty: false,
            color: false,
            width: None,
        }
    }

    /// The format to use: the one asked for, else a table on a terminal and TSV in a pipe.
    #[must_use]
    pub fn format(&self, asked: Option<Format>) -> Format {
        asked.unwrap_or(if self.tty { Format::Table } else { Format::Tsv })
    }

    /// `text` in bold when colouring.
    #[must_use]
    pub fn bold(&self, text: &str) -> String {
        if self.color {
            format!("{BOLD}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

/// Whether to colour, given `--color`, whether stdout is a terminal and whether `NO_COLOR` is
/// set to something non-empty.
#[must_use]
pub fn resolve_color(choice: ColorChoice, tty: bool, no_color: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && !no_color,
    }
}

/// One field for TSV: backslash, tab, newline and carriage return escaped as `\\`, `\t`,
/// `\n`, `\r` (so one record stays one line), other control characters made visible as in
/// [`sanitize`].
#[must_use]
pub fn tsv_field(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c == '\\' || is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => push_visible(c, &mut out),
        }
    }
    Cow::Owned(out)
}

/// Alignment of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A column: its machine name (TSV and CSV header) and its title in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub key: &'static str,
    pub title: &'static str,
    pub align: Align,
    /// Shown in TSV, CSV and JSON only, not in the table for reading.
    pub machine_only: bool,
}

impl Column {
    #[must_use]
    pub const fn text(key: &'static str, title: &'static str) -> Self {
        Column {
            key,
            title,
            align: Align::Left,
            machine_only: false,
        }
    }

    #[must_use]
    pub const fn number(key: &'static str, title: &'static str) -> Self {
        Column {
            key,
            title,
            align: Align::Right,
            machine_only: false,
        }
    }

    /// The same column, left out of the table for reading.
    #[must_use]
    pub const fn machine_only(mut self) -> Self {
        self.machine_only = true;
        self
    }
}

/// Rows of optional cells under columns; `None` is a missing value (`-` in a table, an
/// empty field in TSV and CSV).
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Option<String>>>,
    /// The column that gives up width when a table is wider than the terminal.
    pub flex: Option<usize>,
}

/// The narrowest a flexible column is cut to.
const MIN_FLEX: usize = 16;
const GAP: &str = "  ";

impl Table {
    /// The table for reading: titles in bold, columns aligned, missing values as `-`, every
    /// cell sanitized, and the flexible column cut with `…` to fit the terminal.
    #[must_use]
    pub fn render_table(&self, out: &Out) -> String {
        let shown: Vec<usize> = (0..self.columns.len())
            .filter(|&c| !self.columns[c].machine_only)
            .collect();
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|row| {
                shown
                    .iter()
                    .map(|&c| match row.get(c).and_then(Option::as_deref) {
                        Some(v) => sanitize(v).into_owned(),
                        None => "-".to_string(),
                    })
                    .collect()
            })
            .collect();
        let mut widths: Vec<usize> = shown
            .iter()
            .map(|&c| self.columns[c].title.width())
            .collect();
        for row in &cells {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.width());
            }
        }
        let flex = self.flex.and_then(|f| shown.iter().position(|&c| c == f));
        if let (Some(f), Some(total)) = (flex, out.width) {
            let used: usize = widths.iter().sum::<usize>() + GAP.len() * (widths.len() - 1);
            if used > total {
                let others = used - widths[f];
                widths[f] = total.saturating_sub(others).max(MIN_FLEX).min(widths[f]);
            }
        }
        let mut s = String::new();
        let titles: Vec<String> = shown
            .iter()
            .map(|&c| self.columns[c].title.to_string())
            .collect();
        let header = self.line(&shown, &titles, &widths, flex);
        s.push_str(&out.bold(&header));
        s.push('\n');
        for row in &cells {
            s.push_str(&self.line(&shown, row, &widths, flex));
            s.push('\n');
        }
        s
    }

    fn line(
        &self,
        shown: &[usize],
        cells: &[String],
        widths: &[usize],
        flex: Option<usize>,
    ) -> String {
        let mut line = String::new();
        for (i, (&c, cell)) in shown.iter().zip(cells).enumerate() {
            if i > 0 {
                line.push_str(GAP);
            }
            let cell: Cow<'_, str> = if Some(i) == flex {
                truncate(cell, widths[i])
            } else {
                Cow::Borrowed(cell)
            };
            let pad = widths[i].saturating_sub(cell.width());
            match self.columns[c].align {
                Align::Left => {
                    line.push_str(&cell);
                    line.push_str(&" ".repeat(pad));
                }
                Align::Right => {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(&cell);
                }
            }
        }
        line.truncate(line.trim_end().len());
        line
    }

    /// Tab-separated, a header of machine names, fields escaped as in [`tsv_field`].
    #[must_use]
    pub fn render_tsv(&self) -> String {
        let mut s = String::new();
        let keys: Vec<&str> = self.columns.iter().map(|c| c.key).collect();
        s.push_str(&keys.join("\t"));
        s.push('\n');
        for row in &self.rows {
            let fields: Vec<Cow<'_, str>> = (0..self.columns.len())
                .map(|c| {
                    row.get(c)
                        .and_then(Option::as_deref)
                        .map_or(Cow::Borrowed(""), tsv_field)
                })
                .collect();
            s.push_str(&fields.join("\t"));
            s.push('\n');
        }
        s
    }

    /// RFC 4180 CSV with a header of machine names. Fields are written as they are (quoted
    /// where needed) for programs; only when stdout is a terminal are they sanitized.
    ///
    /// # Errors
    /// A CSV writer error (not expected when writing to memory).
    pub fn render_csv(&self, out: &Out) -> Result<String, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(self.columns.iter().map(|c| c.key))?;
        for row in &self.rows {
            w.write_record((0..self.columns.len()).map(|c| {
                let field = row.get(c).and_then(Option::as_deref).unwrap_or("");
                if out.tty {
                    sanitize(field).into_owned().into_bytes()
                } else {
                    field.as_bytes().to_vec()
                }
            }))?;
        }
        let bytes = w
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// Cut `text` to `width` terminal columns, ending in `…` when cut.
#[must_use]
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// A percentage or median for reading: at most two decimals, trailing zeros dropped, and a
/// decimal comma (`42,5`); machine formats use [`number_machine`].
#[must_use]
pub fn number_sv(x: f64) -> String {
    number_machine(x).replace('.', ",")
}

/// A number with at most two decimals, trailing zeros dropped, decimal point (`42.5`).
#[must_use]
pub fn number_machine(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_fields_keep_one_record_per_line() {
        assert_eq!(tsv_field("a\tb\nc\\d\r"), "a\\tb\\nc\\\\d\\r");
        assert_eq!(tsv_field("x\x1by"), "x^[y");
        assert_eq!(tsv_field("vanlig"), "vanlig");
    }

    #[test]
    fn color_follows_flag_then_terminal_and_no_color() {
        assert!(resolve_color(ColorChoice::Auto, true, false));
        assert!(!resolve_color(ColorChoice::Auto, true, true));
        assert!(!resolve_color(ColorChoice::Auto, false, false));
        assert!(resolve_color(ColorChoice::Always, false, true));
        assert!(!resolve_color(ColorChoice::Never, true, false));
    }

    fn sample() -> Table {
        Table {
            columns: vec![
                Column::text("namn", "Namn"),
                Column::number("antal", "Antal"),
                Column::text("id", "Id").machine_only(),
            ],
            rows: vec![
                vec![
                    Some("Hemtjänst".into()),
                    Some("245".into()),
                    Some("a".into()),
                ],
                vec![Some("Ö\x1b[2J".into()), None, Some("b".into())],
            ],
            flex: Some(0),
        }
    }

    #[test]
    fn table_aligns_sanitizes_and_marks_missing() {
        let t = sample().render_table(&Out::plain());
        assert_eq!(t, "Namn       Antal\nHemtjänst    245\nÖ^[[2J         -\n");
        assert!(!t.contains('\x1b'));
        let bold = sample().render_table(&Out {
            tty: true,
            color: true,
            width: None,
        });
        assert!(bold.starts_with("\x1b[1mNamn       Antal\x1b[0m\n"));
    }

    #[test]
    fn table_cuts_the_flexible_column_to_the_terminal() {
        let mut t = sample();
        t.rows[0][0] = Some("Dagverksamhet anpassad för personer med demenssjukdom".into());
        let out = Out {
            tty: true,
            color: false,
            width: Some(30),
        };
        let s = t.render_table(&out);
        for line in s.lines() {
            assert!(line.width() <= 30, "{line:?}");
        }
        assert!(s.contains("\nDagverksamhet anpassad…    245\n"), "{s}");
    }

    #[test]
    fn tsv_and_csv_have_machine_headers_and_empty_missing() {
        let t = sample();
        assert_eq!(
            t.render_tsv(),
            "namn\tantal\tid\nHemtjänst\t245\ta\nÖ^[[2J\t\tb\n"
        );
        let csv = t.render_csv(&Out::plain()).expect("csv");
        assert_eq!(csv, "namn,antal,id\nHemtjänst,245,a\nÖ\x1b[2J,,b\n");
        let on_terminal = Out {
            tty: true,
            color: false,
            width: None,
        };
        let csv = t.render_csv(&on_terminal).expect("csv");
        assert_eq!(csv, "namn,antal,id\nHemtjänst,245,a\nÖ^[[2J,,b\n");
    }

    #[test]
    fn numbers_have_at_most_two_decimals() {
        assert_eq!(number_sv(42.5), "42,5");
        assert_eq!(number_sv(40.0), "40");
        assert_eq!(number_machine(12.25), "12.25");
        assert_eq!(number_machine(0.0), "0");
    }
}
