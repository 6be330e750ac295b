//! insats: Swedish social services' catalogue of insatser and Socialstyrelsen's indikatorer,
//! searchable in the terminal.
//!
//! Module map (arrows point one way: `ui → app → search, checklist, data → model`):
//! - [`model`]: pure domain types, immutable after load.
//! - [`data`]: the only code that reads data files; CSV rows → model with file:line errors.
//!   The extractor that builds `data/` from the seed texts is the `insats-extract` workspace
//!   member (`extract/`), a developer tool that does not ship with the app.
//! - [`checklist`]: a kommun's indikator checklist: state, rules, its TOML file, atomic saves.
//! - [`sort`]: Swedish sort keys and diacritic folding.
//! - [`search`]: fuzzy search over the model, the one ranking for the app and the CLI.
//! - [`synth`]: larger synthetic catalogues recombined from the real one, for benchmarks.
//! - [`action`], [`keymap`]: what keys mean; `keymap.toml` parsed, merged and validated.
//! - [`app`]: the interactive app's state and its one `update(Action)`.
//! - [`text`]: data text made safe to show: control characters never reach a terminal raw.
//! - [`ui`]: drawing only; [`tui`]: the terminal loop.
//! - [`snapshot`]: a drawn screen as text, SVG or HTML (`insats render`).
//! - [`clipboard`]: an insats as plain text, OSC 52, and the file it is also saved to.
//! - [`config`]: the user's settings file (theme; its absence marks a first start).
//! - [`user_dirs`]: where each platform keeps the user's files (settings, keymap, checklists).

pub mod action;
pub mod app;
pub mod checklist;
pub mod cli;
pub mod clipboard;
pub mod commands;
pub mod config;
pub mod data;
pub mod keymap;
pub mod model;
pub mod search;
pub mod snapshot;
pub mod sort;
pub mod synth;
pub mod text;
pub mod tui;
pub mod ui;
pub mod user_dirs;
