//! Reading a CSV file with a fixed header row into field-addressable rows whose errors name
//! file, line and field.

use std::io::Read;
use std::path::Path;

use super::DataError;
use crate::model::shown;

/// Write `rows` as CSV to `out`: the header `columns`, then a record per row as `record`
/// writes it, then flush. The one CSV writer of the data files: `extract` writes data/
/// through it.
///
/// # Errors
/// Only on a failing writer.
pub fn write_csv<W: std::io::Write, T>(
    out: W,
    columns: &[&str],
    rows: impl IntoIterator<Item = T>,
    mut record: impl FnMut(&mut csv::Writer<W>, T) -> csv::Result<()>,
) -> csv::Result<()> {
    let mut w = csv::WriterBuilder::new().from_writer(out);
    w.write_record(columns)?;
    for row in rows {
        record(&mut w, row)?;
    }
    w.flush()?;
    Ok(())
}

/// Longest field accepted, in bytes. The longest real field is about 2 KB; a field hundreds
/// of times longer is a broken or foreign file, not a förklaring.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// A CSV file checked against its expected columns, read from its bytes in memory or from
/// the file a part at a time (100 000 insatser are 57 MB that need not all be in memory).
///
/// The bytes are checked to be UTF-8 one row at a time, as the rows are read, so that a
/// large file is gone through once; a bad byte is reported with its line and field.
pub struct Table<'a, R: Read = &'a [u8]> {
    reader: csv::Reader<Tracked<R>>,
    /// The whole text when it is in memory; else the file is read again to tell where a
    /// byte that is not UTF-8 is.
    whole: Option<&'a [u8]>,
    columns: &'static [&'static str],
    file: &'a Path,
}

/// A reader that remembers its last byte and whether anything but white space came.
struct Tracked<R> {
    inner: R,
    last: Option<u8>,
    content: bool,
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(&b) = buf[..n].last() {
            self.last = Some(b);
        }
        self.content = self.content || !buf[..n].trim_ascii().is_empty();
        Ok(n)
    }
}

/// The csv reader's buffer for a file: a large file is read in parts of this size.
const READ_BUFFER: usize = 256 * 1024;

impl<'a> Table<'a> {
    /// Open `bytes`, checking that the header row is exactly `columns`.
    ///
    /// # Errors
    /// [`DataError::Empty`] for an empty text, [`DataError::Encoding`] for bytes that are
    /// not UTF-8 in the header row, [`DataError::Header`] for a wrong header.
    pub fn open(
        bytes: &'a [u8],
        file: &'a Path,
        columns: &'static [&'static str],
    ) -> Result<Self, DataError> {
        Self::read(bytes, Some(bytes), file, columns)
    }
}

impl<'a> Table<'a, std::fs::File> {
    /// Open the file at `file`, to be read a part at a time; as [`Table::open`].
    ///
    /// # Errors
    /// [`DataError::Io`] when the file cannot be opened or read, else as [`Table::open`].
    pub fn open_file(file: &'a Path, columns: &'static [&'static str]) -> Result<Self, DataError> {
        let f = std::fs::File::open(file).map_err(|source| DataError::Io {
            file: file.to_path_buf(),
            source,
        })?;
        Self::read(f, None, file, columns)
    }
}

impl<'a, R: Read> Table<'a, R> {
    fn read(
        inner: R,
        whole: Option<&'a [u8]>,
        file: &'a Path,
        columns: &'static [&'static str],
    ) -> Result<Self, DataError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            // A text in memory (the small files) needs no large buffer: csv's default.
            .buffer_capacity(if whole.is_some() {
                8 * 1024
            } else {
                READ_BUFFER
            })
            .from_reader(Tracked {
                inner,
                last: None,
                content: false,
            });
        let header_error = |e: csv::Error| {
            io_error(file, &e).unwrap_or_else(|| DataError::Header {
                file: file.to_path_buf(),
                message: e.to_string(),
            })
        };
        let raw = reader.byte_headers().map_err(header_error)?.clone();
        if !reader.get_ref().content {
            // Everything read so far is white space: so is the header row. The file is
            // empty if the rest is white space too (read through, not kept; a header of
            // white space is wrong whatever follows it).
            std::io::copy(reader.get_mut(), &mut std::io::sink()).map_err(|source| {
                DataError::Io {
                    file: file.to_path_buf(),
                    source,
                }
            })?;
            if !reader.get_ref().content {
                return Err(DataError::Empty {
                    file: file.to_path_buf(),
                });
            }
        }
        let Ok(text) = std::str::from_utf8(raw.as_slice()) else {
            return Err(encoding_error(file, whole));
        };
        let headers: Vec<&str> = (0..raw.len())
            .map(|i| raw.range(i).and_then(|r| text.get(r)).unwrap_or(""))
            .collect();
        if !headers.iter().any(|h| columns.contains(h)) {
            return Err(DataError::Header {
                file: file.to_path_buf(),
                message: format!(
                    "rubrikraden saknas: första raden ska vara kolumnnamnen {}, men börjar {:?}",
                    columns.join(","),
                    shown(headers.first().copied().unwrap_or(""))
                ),
            });
        }
        for (i, want) in columns.iter().enumerate() {
            match headers.get(i) {
                Some(got) if got == want => {}
                Some(got) => {
                    return Err(DataError::Header {
                        file: file.to_path_buf(),
                        message: format!(
                            "kolumn {} heter {:?}, väntade {want:?}",
                            i + 1,
                            shown(got)
                        ),
                    });
                }
                None => {
                    return Err(DataError::Header {
                        file: file.to_path_buf(),
                        message: format!("kolumnen {want:?} saknas"),
                    });
                }
            }
        }
        if headers.len() > columns.len() {
            return Err(DataError::Header {
                file: file.to_path_buf(),
                message: format!("okänd extra kolumn {:?}", shown(headers[columns.len()])),
            });
        }
        Ok(Table {
            reader,
            whole,
            columns,
            file,
        })
    }

    /// Call `f` on every data row, in order, stopping at the first error.
    ///
    /// # Errors
    /// A broken CSV row, a row with the wrong number of fields, the first error of `f`, or
    /// a last row without a line break at its end: a file cut short can still have every
    /// field, the last one shortened.
    pub fn for_each_row(
        self,
        mut f: impl FnMut(&Row<'_>) -> Result<(), DataError>,
    ) -> Result<(), DataError>
    where
        R: Send,
    {
        let Table {
            mut reader,
            whole,
            columns,
            file,
        } = self;
        let mut last_line = None;
        let mut each = |rec: &csv::ByteRecord| -> Result<(), DataError> {
            let line = rec
                .position()
                .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
            // One check of the whole row; its fields are then slices of it. simdutf8
            // checks the 57 MB of 100 000 insatser several times as fast as std, whose
            // fast path stops at every å, ä and ö; only valid or not is asked here, the
            // place of a bad byte is found again on the error path.
            let Ok(text) = simdutf8::basic::from_utf8(rec.as_slice()) else {
                return Err(encoding_error(file, whole));
            };
            check_row(rec, columns, file, line)?;
            f(&Row {
                rec,
                text,
                columns,
                file,
                line,
            })?;
            last_line = Some(line);
            Ok(())
        };
        let complete = if whole.is_some() {
            // A text in memory (the embedded files, tests): one record, refilled row after
            // row.
            let mut rec = csv::ByteRecord::new();
            while next_record(&mut reader, &mut rec, file)? {
                each(&rec)?;
            }
            reader.get_ref().last == Some(b'\n')
        } else {
            // A file: one thread reads it and splits the CSV into records, this one checks
            // them and makes the rows, a batch at a time. At 100 000 insatser the two
            // halves take about as long, so loading takes half the time on two cores.
            // The first error in file order is the one reported, as on one thread.
            std::thread::scope(|s| {
                let (full, batches) = std::sync::mpsc::sync_channel::<Vec<csv::ByteRecord>>(4);
                let (used, empty) = std::sync::mpsc::channel::<Vec<csv::ByteRecord>>();
                let reading = s.spawn(move || {
                    loop {
                        // The records of a batch come back to be filled again.
                        let mut batch = empty.try_recv().unwrap_or_default();
                        batch.resize_with(BATCH_ROWS, csv::ByteRecord::new);
                        let mut n = 0;
                        let mut end = None;
                        while n < BATCH_ROWS {
                            match next_record(&mut reader, &mut batch[n], file) {
                                Ok(true) => n += 1,
                                Ok(false) => {
                                    end = Some(Ok(reader.get_ref().last == Some(b'\n')));
                                    break;
                                }
                                Err(e) => {
                                    end = Some(Err(e));
                                    break;
                                }
                            }
                        }
                        batch.truncate(n);
                        // The rows before an error go first: one of them may hold an
                        // earlier one.
                        if !batch.is_empty() && full.send(batch).is_err() {
                            // The rows stopped at an error of their own.
                            return Ok(false);
                        }
                        if let Some(end) = end {
                            return end;
                        }
                    }
                });
                let mut failed = None;
                'batches: for batch in &batches {
                    for rec in &batch {
                        if let Err(e) = each(rec) {
                            failed = Some(e);
                            break 'batches;
                        }
                    }
                    // The reading thread may have ended; then the batch is not needed.
                    let _ = used.send(batch);
                }
                // A reading thread still at work stops at its next batch.
                drop(batches);
                let read = reading
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e));
                match failed {
                    Some(e) => Err(e),
                    None => read,
                }
            })?
        };
        // A file written whole ends with a line break.
        match last_line {
            Some(line) if !complete => Err(DataError::Field {
                file: file.to_path_buf(),
                line,
                field: columns[columns.len() - 1].to_string(),
                message: "raden slutar utan radbrytning, så filen kan vara avklippt här; \
                          är raden hel, avsluta den med en radbrytning"
                    .to_string(),
            }),
            _ => Ok(()),
        }
    }
}

/// Rows read from a file are handed on in batches of this many.
const BATCH_ROWS: usize = 512;

/// Read the next record into `rec`: `false` at the end of the file.
fn next_record<R: Read>(
    reader: &mut csv::Reader<Tracked<R>>,
    rec: &mut csv::ByteRecord,
    file: &Path,
) -> Result<bool, DataError> {
    reader.read_byte_record(rec).map_err(|e| {
        io_error(file, &e).unwrap_or_else(|| DataError::Row {
            file: file.to_path_buf(),
            line: e
                .position()
                .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0)),
            message: format!("trasig CSV-rad: {e}"),
        })
    })
}

/// The error for a file that could not be read further, if that is what `e` is.
fn io_error(file: &Path, e: &csv::Error) -> Option<DataError> {
    matches!(e.kind(), csv::ErrorKind::Io(_)).then(|| DataError::Io {
        file: file.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    })
}

/// A row's shape: as many fields as columns, none longer than [`MAX_FIELD_BYTES`].
fn check_row(
    rec: &csv::ByteRecord,
    columns: &[&str],
    file: &Path,
    line: usize,
) -> Result<(), DataError> {
    if rec.len() != columns.len() {
        let which = match columns.get(rec.len()) {
            Some(missing) => format!("; fältet `{missing}` och de efter saknas"),
            None => format!("; fält {} är ett för mycket", columns.len() + 1),
        };
        return Err(DataError::Row {
            file: file.to_path_buf(),
            line,
            message: format!(
                "raden har {} fält, väntade {} (är raden avklippt?){which}",
                rec.len(),
                columns.len()
            ),
        });
    }
    if let Some((i, value)) = rec
        .iter()
        .enumerate()
        .find(|(_, v)| v.len() > MAX_FIELD_BYTES)
    {
        return Err(DataError::Field {
            file: file.to_path_buf(),
            line,
            field: columns[i].to_string(),
            message: format!(
                "{} byte långt, högst {MAX_FIELD_BYTES} byte tillåts (är filen trasig?)",
                value.len()
            ),
        });
    }
    Ok(())
}

/// The error for a byte that is not UTF-8 in `file`, whose bytes are `whole` or, when the
/// file was read a part at a time, read again.
fn encoding_error(file: &Path, whole: Option<&[u8]>) -> DataError {
    match whole {
        Some(bytes) => super::encoding_error(file, bytes),
        None => match std::fs::read(file) {
            Ok(bytes) => super::encoding_error(file, &bytes),
            Err(source) => DataError::Io {
                file: file.to_path_buf(),
                source,
            },
        },
    }
}

/// One data row; every accessor's error names file, line and field.
pub struct Row<'a> {
    rec: &'a csv::ByteRecord,
    /// The row's fields one after the other, checked to be UTF-8.
    text: &'a str,
    columns: &'static [&'static str],
    file: &'a Path,
    /// 1-based line of the row in the file.
    pub line: usize,
}

impl Row<'_> {
    /// An error about `field` of this row.
    pub fn error(&self, field: &str, message: impl Into<String>) -> DataError {
        DataError::Field {
            file: self.file.to_path_buf(),
            line: self.line,
            field: field.to_string(),
            message: message.into(),
        }
    }

    /// The raw value of `field` (empty for an unknown column).
    pub fn get<'f>(&self, field: impl Field<'f>) -> &str {
        field
            .resolve(self.columns)
            .0
            .and_then(|i| self.rec.range(i))
            .and_then(|r| self.text.get(r))
            .unwrap_or("")
    }

    /// A value that must not be empty.
    ///
    /// # Errors
    /// When the field is empty.
    pub fn required<'f>(&self, field: impl Field<'f>) -> Result<String, DataError> {
        self.required_str(field).map(String::from)
    }

    /// [`Row::required`], borrowed from the row.
    ///
    /// # Errors
    /// When the field is empty.
    pub fn required_str<'f>(&self, field: impl Field<'f>) -> Result<&str, DataError> {
        let v = self.get(field);
        if v.trim().is_empty() {
            Err(self.error(field.resolve(self.columns).1, "får inte vara tomt"))
        } else {
            Ok(v)
        }
    }

    /// A value that may be empty (`None`).
    pub fn optional<'f>(&self, field: impl Field<'f>) -> Option<String> {
        self.optional_str(field).map(String::from)
    }

    /// [`Row::optional`], borrowed from the row.
    pub fn optional_str<'f>(&self, field: impl Field<'f>) -> Option<&str> {
        let v = self.get(field);
        (!v.trim().is_empty()).then_some(v)
    }

    /// [`Row::optional`] as one shared string, copied once from the row.
    pub fn optional_shared<'f>(&self, field: impl Field<'f>) -> Option<std::sync::Arc<str>> {
        self.optional_str(field).map(Into::into)
    }

    /// A whole number at most `max`, or `None` where the field is empty.
    ///
    /// # Errors
    /// When the field is not a number or above `max`.
    pub fn optional_number<'f>(
        &self,
        field: impl Field<'f>,
        max: u32,
    ) -> Result<Option<u32>, DataError> {
        let v = self.get(field).trim();
        if v.is_empty() {
            return Ok(None);
        }
        let name = field.resolve(self.columns).1;
        let n: u32 = v
            .parse()
            .map_err(|_| self.error(name, format!("{:?} är inte ett heltal", shown(v))))?;
        if n > max {
            return Err(self.error(name, format!("{n} är större än {max}")));
        }
        Ok(Some(n))
    }

    /// A whole number in `min..=max`.
    ///
    /// # Errors
    /// When the field is empty, not a number, or out of range.
    pub fn number<'f>(&self, field: impl Field<'f>, min: u32, max: u32) -> Result<u32, DataError> {
        let v = self.get(field).trim();
        let name = field.resolve(self.columns).1;
        if v.is_empty() {
            return Err(self.error(name, "får inte vara tomt"));
        }
        let n: u32 = v
            .parse()
            .map_err(|_| self.error(name, format!("{:?} är inte ett heltal", shown(v))))?;
        if n < min || n > max {
            return Err(self.error(name, format!("{n} ligger utanför {min}–{max}")));
        }
        Ok(n)
    }

    /// `true` or `false`.
    ///
    /// # Errors
    /// For any other value.
    pub fn boolean<'f>(&self, field: impl Field<'f>) -> Result<bool, DataError> {
        match self.get(field).trim() {
            "true" => Ok(true),
            "false" => Ok(false),
            v => Err(self.error(
                field.resolve(self.columns).1,
                format!("{:?} är varken true eller false", shown(v)),
            )),
        }
    }
}

/// A column of a row: its name, or its index in the table's columns, which a file read
/// row by row (100 000 insatser) looks up without comparing names.
pub trait Field<'a>: Copy {
    /// The column's index (`None` for an unknown name) and its name.
    fn resolve(self, columns: &[&'static str]) -> (Option<usize>, &'a str);
}

impl<'a> Field<'a> for &'a str {
    fn resolve(self, columns: &[&'static str]) -> (Option<usize>, &'a str) {
        (columns.iter().position(|c| *c == self), self)
    }
}

impl Field<'static> for usize {
    fn resolve(self, columns: &[&'static str]) -> (Option<usize>, &'static str) {
        (
            (self < columns.len()).then_some(self),
            columns.get(self).copied().unwrap_or(""),
        )
    }
}
