//! The integration tests, one crate with a module per subject: one test binary links the
//! library once, where a crate per file linked it thirty times over (the layout cargo's
//! documentation recommends for larger suites).
//!
//! Snapshots live in `snapshots/` beside this file, named `it__MODULE__NAME.snap`.
//!
//! `tests/pty.rs` and `tests/pty_input.rs` stay crates of their own: they drive the binary in a
//! pseudo-terminal and send it signals, and they time what a person would see. In this
//! binary, the many `insats` processes other modules spawn in parallel could inherit a pty's
//! master and keep a closed terminal open, and their load would skew the waits.

mod binary;
mod common;

mod app;
mod app_checklist;
mod bad_data;
mod checklist;
mod checklist_files;
mod checklist_store;
mod cli_analytiker;
mod cli_checklista;
mod cli_checklista_excel;
mod cli_conventions;
mod cli_examples;
mod cli_export;
mod cli_indikatorer;
mod cli_kommun;
mod cli_kopplingar;
mod cli_render;
mod cli_search;
mod cli_show;
mod cli_stats;
mod compare_mouse;
mod data_fixes;
mod dataset;
mod hostile_text;
mod indikatorer;
mod indikatorer_loader;
mod keymap;
mod kommun_svar;
mod layers;
mod loader;
mod modes;
mod narrowing;
mod properties;
mod render;
mod render_checklist;
mod render_kommun;
mod search;
mod synth;
mod trainers;
mod tui_checklist;
