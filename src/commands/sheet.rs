//! Files for spreadsheets, from the same [`Table`]s the other formats print: an Excel
//! workbook (`rust_xlsxwriter`) and CSV for Swedish Excel (UTF-8 with BOM, `;`, decimal
//! comma). `export`, `stats` and `jamfor` write them; any command with a [`Table`] can.
//!
//! Cells keep their type: counts are numbers, a share is the number the source prints as a
//! whole percent (83 → 0.83 shown as `83%`), never recomputed; text is text; a value the
//! source lacks (`-`) is an empty cell, never 0.

use rust_xlsxwriter::{Format as XlsxFormat, Workbook, XlsxError};

use super::out::{Align, Role, Table};
use crate::model::{Catalog, Omrade};

/// One sheet of a workbook: its name and its rows.
#[derive(Debug, Clone, Copy)]
pub struct Sheet<'a> {
    pub name: &'a str,
    pub table: &'a Table,
}

/// A workbook's tables for the catalogue: one per område, and the sheet "Alla" after them.
pub struct OmradeSheets {
    per_omrade: Vec<(Omrade, Table)>,
}

impl OmradeSheets {
    /// The per-område tables, `table(område)`, built only when a workbook is `wanted`.
    #[must_use]
    pub fn new(wanted: bool, table: impl Fn(Omrade) -> Table) -> Self {
        let per_omrade = if wanted {
            Omrade::ALL.into_iter().map(|o| (o, table(o))).collect()
        } else {
            Vec::new()
        };
        OmradeSheets { per_omrade }
    }

    /// The sheets: each område under its short label, then "Alla".
    #[must_use]
    pub fn sheets<'a>(&'a self, all: &'a Table) -> Vec<Sheet<'a>> {
        let mut sheets: Vec<Sheet<'a>> = self
            .per_omrade
            .iter()
            .map(|(o, t)| Sheet {
                name: o.short_label(),
                table: t,
            })
            .collect();
        sheets.push(Sheet {
            name: "Alla",
            table: all,
        });
        sheets
    }
}

/// The widest a column is made, in characters; longer texts wrap in Excel's cell view.
const MAX_COLUMN_WIDTH: usize = 60;

/// The rows of the sheet "Källa": where the figures and texts come from and when they were
/// collected, as the source documents say.
#[must_use]
pub fn kalla(catalog: &Catalog) -> Vec<[String; 2]> {
    vec![
        [
            "Insatser och siffror".into(),
            "SKR, Kartläggning av insatser i socialtjänst (resultattabellerna): antal \
             kommuner som ger insatsen, i digital form, i enskild regi och utan \
             biståndsbeslut, med andelen av de kommuner som svarade inom parentes."
                .into(),
        ],
        [
            "Förklaring och källa".into(),
            "SKR, Kartläggning av insatser i socialtjänst: listan över insatser med \
             förklaring och källa för varje insats."
                .into(),
        ],
        [
            "Period".into(),
            "Insatser som kommunerna genomfört åren 2016–2020 (enkätfrågan ”Har du \
             genomfört denna insats under 2016-2020?”, enkät 2021, enligt SKR:s \
             Inventering av socialtjänstens insatser, Skåne län, maj 2022)."
                .into(),
        ],
        [
            "Andelar".into(),
            "Så som källan trycker dem, i hela procent, av de kommuner som svarade på \
             frågan; inte omräknade. En tom cell är ett värde som källan saknar (-), inte 0."
                .into(),
        ],
        [
            "Antal insatser".into(),
            format!(
                "{} i datan, i sex verksamhetsområden",
                catalog.insatser.len()
            ),
        ],
        [
            "Skrivet av".into(),
            format!("insats {}", env!("CARGO_PKG_VERSION")),
        ],
    ]
}

/// A workbook with `sheets` and, last, the sheet "Källa" with `kalla`'s rows.
///
/// # Errors
/// A sheet name Excel refuses, or a writer error.
pub fn xlsx(sheets: &[Sheet<'_>], kalla: &[[String; 2]]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = XlsxFormat::new().set_bold();
    let percent = XlsxFormat::new().set_num_format("0%");
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name)?;
        let table = sheet.table;
        let mut widths: Vec<usize> = table
            .columns
            .iter()
            .map(|c| c.key.chars().count())
            .collect();
        for (c, col) in table.columns.iter().enumerate() {
            ws.write_string_with_format(0, col_index(c), col.key, &bold)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, col) in table.columns.iter().enumerate() {
                let Some(value) = row.get(c).and_then(Option::as_deref) else {
                    continue;
                };
                widths[c] = widths[c].max(value.chars().count());
                let number = (col.align == Align::Right)
                    .then(|| value.parse::<f64>().ok())
                    .flatten();
                match number {
                    Some(x) if col.role == Role::Share => {
                        ws.write_number_with_format(r, col_index(c), x / 100.0, &percent)?;
                    }
                    Some(x) => {
                        ws.write_number(r, col_index(c), x)?;
                    }
                    None => {
                        ws.write_string(r, col_index(c), value)?;
                    }
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            let w = (*w).clamp(4, MAX_COLUMN_WIDTH) + 2;
            ws.set_column_width(col_index(c), u16::try_from(w).unwrap_or(u16::MAX))?;
        }
        ws.set_freeze_panes(1, 0)?;
        let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
        let last_col = col_index(table.columns.len().saturating_sub(1));
        ws.autofilter(0, 0, last_row, last_col)?;
    }
    let ws = book.add_worksheet();
    ws.set_name("Källa")?;
    ws.write_string_with_format(0, 0, "Uppgift", &bold)?;
    ws.write_string_with_format(0, 1, "Källa", &bold)?;
    for (r, [label, text]) in kalla.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        ws.write_string(r, 0, label)?;
        ws.write_string(r, 1, text)?;
    }
    ws.set_column_width(0, 20)?;
    ws.set_column_width(1, 100)?;
    book.save_to_buffer()
}

fn col_index(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// CSV for Swedish Excel: a UTF-8 byte order mark (so å, ä, ö show right), `;` between
/// fields and a decimal comma in numbers; a header of machine names. A text that Excel would
/// take for a formula gets a leading apostrophe.
///
/// # Errors
/// A CSV writer error (not expected when writing to memory).
pub fn csv_excel(table: &Table) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(table.columns.iter().map(|c| c.key))?;
    for row in &table.rows {
        w.write_record(table.columns.iter().enumerate().map(|(c, col)| {
            let field = row.get(c).and_then(Option::as_deref).unwrap_or("");
            if col.align == Align::Right && field.parse::<f64>().is_ok() {
                field.replace('.', ",")
            } else if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                // Excel runs a field that begins like a formula (a note in a shared checklist
                // could say `=HYPERLINK(…)`); a leading apostrophe makes it text.
                format!("'{field}")
            } else {
                field.to_string()
            }
        }))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::out::Column;

    fn table() -> Table {
        Table {
            columns: vec![
                Column::text("namn", "Namn"),
                Column::number("median", "Median"),
                Column::share("ges_andel", "%"),
            ],
            rows: vec![
                vec![
                    Some("Hemtjänst; dag".into()),
                    Some("17.5".into()),
                    Some("83".into()),
                ],
                vec![Some("Öppen".into()), None, None],
            ],
            flex: None,
        }
    }

    #[test]
    fn csv_for_excel_has_bom_semicolons_and_decimal_commas() {
        let bytes = csv_excel(&table()).expect("csv");
        let text = String::from_utf8(bytes).expect("utf-8");
        assert_eq!(
            text,
            "\u{feff}namn;median;ges_andel\n\"Hemtjänst; dag\";17,5;83\nÖppen;;\n"
        );
    }
}
