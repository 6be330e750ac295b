//! A `--data` directory in a temporary folder: the committed CSV files, then edited per test.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Header and records of a CSV file.
pub struct Records {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Records {
    /// The position of a column.
    pub fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }

    /// Set a field of a data row (0 is the first row after the header).
    pub fn set(&mut self, row: usize, column: &str, value: &str) {
        let c = self.col(column);
        self.rows[row][c] = value.to_string();
    }

    /// The CSV text, quoted where needed.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&self.header).expect("header");
        for r in &self.rows {
            w.write_record(r).expect("row");
        }
        w.into_inner().expect("flush")
    }
}

pub struct DataDir {
    pub dir: tempfile::TempDir,
}

/// The committed `data/` folder.
pub fn committed_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// The data files of a `--data` directory.
pub const FILES: [&str; 6] = [
    "insatser.csv",
    "skane.csv",
    "lagesrapport.csv",
    "indikatorer.csv",
    "indikator_fragor.csv",
    "kopplingar.csv",
];

impl DataDir {
    /// A copy of the committed data files.
    pub fn committed() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        for f in FILES {
            std::fs::copy(committed_data().join(f), dir.path().join(f)).expect("copy");
        }
        DataDir { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, name: &str, bytes: &[u8]) {
        std::fs::write(self.dir.path().join(name), bytes).expect("write");
    }

    pub fn remove(&self, name: &str) {
        std::fs::remove_file(self.dir.path().join(name)).expect("remove");
    }

    /// The committed file's text.
    pub fn text(name: &str) -> String {
        std::fs::read_to_string(committed_data().join(name)).expect("read")
    }

    /// The committed file's records.
    pub fn records(name: &str) -> Records {
        let text = Self::text(name);
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let header = r
            .headers()
            .expect("header")
            .iter()
            .map(String::from)
            .collect();
        let rows = r
            .records()
            .map(|rec| rec.expect("record").iter().map(String::from).collect())
            .collect();
        Records { header, rows }
    }

    /// Replace a file by the committed one changed by `f`.
    pub fn edit(&self, name: &str, f: impl FnOnce(&mut Records)) {
        let mut r = Self::records(name);
        f(&mut r);
        self.write(name, &r.to_csv());
    }

    /// Run the real binary on this directory.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_insats"))
            .arg("--data")
            .arg(self.path())
            .args(args)
            .env("XDG_CONFIG_HOME", self.path())
            .env("APPDATA", self.path())
            .env("HOME", self.path())
            .output()
            .expect("runs insats")
    }
}
