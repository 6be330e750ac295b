//! insats: Swedish social services' catalogue of insatser and Socialstyrelsen's indikatorer,
//! searchable in the terminal.
//!
//! Module map (arrows point one way: `ui → app → search, checklist, data → model`):
//! - [`model`]: pure domain types, immutable after load.
//! - [`data`]: the only code that reads data files; CSV rows → model with file:line errors.
//! - [`extract`]: the reproducible extractor that builds `data/` from the seed texts.
//! - [`checklist`]: a kommun's indikator checklist: state, rules, its TOML file, atomic saves.

pub mod checklist;
pub mod cli;
pub mod commands;
pub mod data;
pub mod extract;
pub mod model;
