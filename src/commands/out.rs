//! Output of the analysts' commands: the terminal check, colour, aligned tables, TSV and CSV,
//! and, through [`crate::text`], the sanitizer that keeps control characters in data from
//! reaching a terminal raw.

use std::borrow::Cow;
use std::io::IsTerminal;

use unicode_width::UnicodeWidthStr;

use crate::cli::{ColorChoice, Format};
use crate::model::Omrade;
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
    /// Width in columns: `COLUMNS` when set, else the terminal's when stdout is one.
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
        let width = columns_env().or_else(|| {
            tty.then(|| crossterm::terminal::size().ok())
                .flatten()
                .map(|(w, _)| usize::from(w))
                .filter(|&w| w > 0)
        });
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

    /// The width tables and text are fitted to: the terminal's (or `COLUMNS`), else
    /// [`DEFAULT_WIDTH`] (a pipe, `show | less`).
    #[must_use]
    pub fn text_width(&self) -> usize {
        self.width.unwrap_or(DEFAULT_WIDTH)
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

/// The width of text and tables when the terminal's is unknown (in a pipe).
pub const DEFAULT_WIDTH: usize = 80;

/// `COLUMNS` from the environment, when it is a positive number.
fn columns_env() -> Option<usize> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&w| w > 0)
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

/// What a column holds, for fitting a table to the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Plain cells.
    Plain,
    /// An insats id: left out (with a note) before a name is cut.
    Id,
    /// An område as printed everywhere (`barn och unga`): its short label
    /// ([`Omrade::short`]) where room is scarce.
    Omrade,
    /// A share as the source prints it, in whole percent (a percent cell in a spreadsheet).
    Share,
}

/// A column: its machine name (TSV and CSV header) and its title in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub key: &'static str,
    pub title: &'static str,
    pub align: Align,
    /// Shown in TSV, CSV and JSON only, not in the table for reading.
    pub machine_only: bool,
    /// A shorter title for a narrow terminal.
    pub short_title: Option<&'static str>,
    pub role: Role,
    /// A text column that may be cut with `…` to this width before the name is cut.
    pub cut_to: Option<usize>,
}

impl Column {
    #[must_use]
    pub const fn text(key: &'static str, title: &'static str) -> Self {
        Column {
            key,
            title,
            align: Align::Left,
            machine_only: false,
            short_title: None,
            role: Role::Plain,
            cut_to: None,
        }
    }

    #[must_use]
    pub const fn number(key: &'static str, title: &'static str) -> Self {
        Column {
            key,
            title,
            align: Align::Right,
            machine_only: false,
            short_title: None,
            role: Role::Plain,
            cut_to: None,
        }
    }

    /// A share column: a number, in whole percent as the source prints it.
    #[must_use]
    pub const fn share(key: &'static str, title: &'static str) -> Self {
        let mut c = Column::number(key, title);
        c.role = Role::Share;
        c
    }

    /// An insats id column (`id`, titled `Id`).
    #[must_use]
    pub const fn id() -> Self {
        let mut c = Column::text("id", "Id");
        c.role = Role::Id;
        c
    }

    /// An område column (`omrade`, titled `Område`).
    #[must_use]
    pub const fn omrade() -> Self {
        let mut c = Column::text("omrade", "Område");
        c.role = Role::Omrade;
        c
    }

    /// The same column, left out of the table for reading.
    #[must_use]
    pub const fn machine_only(mut self) -> Self {
        self.machine_only = true;
        self
    }

    /// The same column, cut with `…` to `width` on a narrow terminal before the name is.
    #[must_use]
    pub const fn cut_to(mut self, width: usize) -> Self {
        self.cut_to = Some(width);
        self
    }

    /// The same column, titled `short` on a narrow terminal.
    #[must_use]
    pub const fn short(mut self, short: &'static str) -> Self {
        self.short_title = Some(short);
        self
    }
}

/// Rows of optional cells under columns; `None` is a missing value (`-` in a table, an
/// empty field in TSV and CSV).
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Option<String>>>,
    /// The column that gives up width when a table is wider than the terminal (the name).
    pub flex: Option<usize>,
}

/// The narrowest a flexible column is cut to.
const MIN_FLEX: usize = 16;
const GAP: &str = "  ";

/// How a table is narrowed to fit: short område labels, short titles, no id column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Narrowing {
    short_omrade: bool,
    short_titles: bool,
    drop_id: bool,
}

impl Narrowing {
    const fn new(short_omrade: bool, short_titles: bool, drop_id: bool) -> Self {
        Narrowing {
            short_omrade,
            short_titles,
            drop_id,
        }
    }
}

/// The narrowings tried in order, each giving up more; the id only after the words.
const NARROWINGS: [Narrowing; 6] = [
    Narrowing::new(false, false, false),
    Narrowing::new(true, false, false),
    Narrowing::new(true, true, false),
    Narrowing::new(false, false, true),
    Narrowing::new(true, false, true),
    Narrowing::new(true, true, true),
];

/// A table laid out for one narrowing: the columns shown, their titles, cells and widths.
struct Layout {
    shown: Vec<usize>,
    titles: Vec<String>,
    cells: Vec<Vec<String>>,
    widths: Vec<usize>,
}

impl Layout {
    fn used(&self) -> usize {
        self.widths.iter().sum::<usize>() + GAP.len() * self.widths.len().saturating_sub(1)
    }
}

impl Table {
    /// The table for reading: titles in bold, columns aligned, missing values as `-`, every
    /// cell sanitized, fitted to the terminal's width (see [`Table::render_table_noted`]).
    #[must_use]
    pub fn render_table(&self, out: &Out) -> String {
        self.render_table_noted(out).0
    }

    /// The table for reading, at most [`Out::text_width`] columns wide, and notes for
    /// stderr on what was left out. To fit, in this order: the område column takes its short
    /// labels and numeric columns their short titles; the id column is left out; the name
    /// (the flexible column) is cut with `…`; last, columns are left out from the right.
    #[must_use]
    pub fn render_table_noted(&self, out: &Out) -> (String, Vec<String>) {
        let total = out.text_width();
        let mut notes = Vec::new();
        let flex_natural = |l: &Layout, f: usize| l.widths[f];
        let flex_of = |l: &Layout| self.flex.and_then(|f| l.shown.iter().position(|&c| c == f));
        // Whole names if any narrowing allows, else the narrowest with the name cut.
        let mut layout = NARROWINGS
            .iter()
            .map(|n| self.layout(*n))
            .find(|l| l.used() <= total)
            .unwrap_or_else(|| self.layout(NARROWINGS[NARROWINGS.len() - 1]));
        let dropped_id = self.columns.iter().enumerate().any(|(c, col)| {
            col.role == Role::Id && !col.machine_only && !layout.shown.contains(&c)
        });
        if dropped_id {
            notes.push(format!(
                "id får inte plats i {total} kolumner; hela id med --format tsv"
            ));
        }
        // Columns that may be cut before the name.
        for k in 0..layout.shown.len() {
            if layout.used() <= total {
                break;
            }
            if let Some(w) = self.columns[layout.shown[k]].cut_to {
                let w = w.max(layout.titles[k].width());
                let over = layout.used() - total;
                let to = layout.widths[k].saturating_sub(over).max(w);
                layout.widths[k] = layout.widths[k].min(to);
            }
        }
        let flex = flex_of(&layout);
        if layout.used() > total
            && let Some(f) = flex
        {
            let others = layout.used() - flex_natural(&layout, f);
            layout.widths[f] = total
                .saturating_sub(others)
                .max(MIN_FLEX)
                .min(layout.widths[f]);
        }
        // Still too wide (a very narrow terminal): leave out columns from the right.
        let mut left_out = Vec::new();
        while layout.used() > total && layout.shown.len() > 1 {
            let Some(k) = (0..layout.shown.len())
                .rev()
                .find(|&k| Some(k) != flex_of(&layout))
            else {
                break;
            };
            left_out.push(self.columns[layout.shown[k]].key.to_string());
            layout.shown.remove(k);
            layout.titles.remove(k);
            layout.widths.remove(k);
            for row in &mut layout.cells {
                row.remove(k);
            }
        }
        if !left_out.is_empty() {
            left_out.reverse();
            notes.push(format!(
                "får inte plats i {total} kolumner: {}; alla kolumner med --format tsv",
                left_out.join(", ")
            ));
        }
        let mut s = String::new();
        let header = self.line(&layout.shown, &layout.titles, &layout.widths);
        s.push_str(&out.bold(&header));
        s.push('\n');
        for row in &layout.cells {
            s.push_str(&self.line(&layout.shown, row, &layout.widths));
            s.push('\n');
        }
        (s, notes)
    }

    fn layout(&self, n: Narrowing) -> Layout {
        let shown: Vec<usize> = (0..self.columns.len())
            .filter(|&c| {
                let col = &self.columns[c];
                !(col.machine_only || (n.drop_id && col.role == Role::Id))
            })
            .collect();
        let titles: Vec<String> = shown
            .iter()
            .map(|&c| {
                let col = &self.columns[c];
                match col.short_title {
                    Some(t) if n.short_titles => t.to_string(),
                    _ => col.title.to_string(),
                }
            })
            .collect();
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|row| {
                shown
                    .iter()
                    .map(|&c| match row.get(c).and_then(Option::as_deref) {
                        Some(v) if n.short_omrade && self.columns[c].role == Role::Omrade => {
                            v.parse::<Omrade>().map_or_else(
                                |_| sanitize(v).into_owned(),
                                |o| o.short_label().to_string(),
                            )
                        }
                        Some(v) => sanitize(v).into_owned(),
                        None => "-".to_string(),
                    })
                    .collect()
            })
            .collect();
        let mut widths: Vec<usize> = titles.iter().map(|t| t.width()).collect();
        for row in &cells {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.width());
            }
        }
        Layout {
            shown,
            titles,
            cells,
            widths,
        }
    }

    fn line(&self, shown: &[usize], cells: &[String], widths: &[usize]) -> String {
        let mut line = String::new();
        for (i, (&c, cell)) in shown.iter().zip(cells).enumerate() {
            if i > 0 {
                line.push_str(GAP);
            }
            // The name, or a column cut before it.
            let cell = truncate(cell, widths[i]);
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
    crate::text::truncate(text, width)
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
    fn narrowing_gives_up_the_id_before_the_name_and_cuts_the_name_last() {
        let t = Table {
            columns: vec![
                Column::text("namn", "Namn"),
                Column::omrade(),
                Column::number("antal", "Antal").short("N"),
                Column::id(),
            ],
            rows: vec![vec![
                Some("Hem för vård eller boende (HVB)".into()),
                Some("missbruk och beroende".into()),
                Some("225".into()),
                Some("missbruk-5.1-hem-for-vard-eller-boende-hvb".into()),
            ]],
            flex: Some(0),
        };
        let at = |width| {
            t.render_table_noted(&Out {
                tty: true,
                color: false,
                width: Some(width),
            })
        };
        // Room for all: nothing changes, nothing is said.
        let (wide, notes) = at(120);
        assert!(wide.contains("missbruk-5.1-hem"), "{wide}");
        assert!(notes.is_empty());
        // The id goes first, while the names (and the område) stay whole.
        let (mid, notes) = at(70);
        assert_eq!(
            mid.lines().nth(1),
            Some("Hem för vård eller boende (HVB)  missbruk och beroende    225")
        );
        assert_eq!(notes.len(), 1, "{notes:?}");
        // Then the short område label and titles, and only then the name is cut.
        let (narrow, _) = at(45);
        assert_eq!(
            narrow.lines().nth(1),
            Some("Hem för vård eller boende (HVB)  Missbr  225")
        );
        let (tiny, _) = at(30);
        assert_eq!(tiny.lines().nth(1), Some("Hem för vård ell…  Missbr  225"));
        for line in tiny.lines() {
            assert!(line.width() <= 30, "{line:?}");
        }
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
