//! The reproducible extractor: seed texts (PDFs turned into text) → the CSV files in `data/`.
//!
//! Each source has its own module; shared text handling lives in [`text`]. Manual decisions
//! live in `data/korrigeringar.toml`, never as hand edits of the CSV.

pub mod insatser;
pub mod text;
