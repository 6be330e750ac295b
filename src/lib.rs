//! insats: Swedish social services' catalogue of insatser and Socialstyrelsen's indikatorer,
//! searchable in the terminal.
//!
//! Module map. Arrows point one way, down: `cli, commands, tui → ui → app → search,
//! checklist, data → model`, with `config`, `clipboard`, `screen`, `sort`, `text` and
//! `user_dirs` below `app` for everyone to use.
//!
//! **The layer rule**: `model`, `data`, `search`, `checklist`, `sort`, `text`, `config`,
//! `clipboard`, `screen` and `user_dirs` never import from `app`, `ui`, `commands`, `tui` or
//! `cli`. What both sides need sits in the lower module (the theme names in `config`, the
//! smallest window in `screen`; the app builds the text to copy and hands it to `clipboard`).
//! `tests/it/layers.rs` fails on an import that breaks the rule.
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
//! - [`screen`]: the smallest window insats draws in.
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
pub mod screen;
pub mod search;
pub mod snapshot;
pub mod sort;
pub mod synth;
pub mod text;
pub mod tui;
pub mod ui;
pub mod user_dirs;
