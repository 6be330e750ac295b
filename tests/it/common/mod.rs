//! Shared test fixtures: a small catalogue of real rows from `data/insatser.csv`.
#![allow(dead_code)]

pub mod datadir;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use insats::action::Action;
use insats::app::App;
use insats::keymap::Keymap;
use insats::model::Catalog;

/// The seed of every property test when `CI` is set (and `PROPTEST_RNG_SEED` is not): CI
/// runs the same cases each time, so a red build is red again on a rerun and locally.
pub const CI_SEED: u64 = 19;

/// The proptest configuration of every property in tests/it: `cases` cases unless
/// `PROPTEST_CASES` says otherwise; a failure's seed persisted beside the test's source
/// (`tests/it/NAME.proptest-regressions`, kept in git and replayed first on every run);
/// random cases locally, [`CI_SEED`] in CI. `PROPTEST_RNG_SEED=N` replays a run anywhere.
pub fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    let ci = std::env::var_os("CI").is_some() && std::env::var_os("PROPTEST_RNG_SEED").is_none();
    proptest_config_for(cases, ci)
}

/// [`proptest_config`] with the seed fixed (`ci`) or as `PROPTEST_RNG_SEED` says (random
/// when unset).
pub fn proptest_config_for(cases: u32, ci: bool) -> proptest::test_runner::Config {
    use proptest::test_runner::{Config, FileFailurePersistence, RngSeed};
    let mut config = Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        // Beside the source, not proptest's default `proptest-regressions/` folder next to
        // the crate root (tests/it/main.rs), which nothing else in the tree uses.
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    };
    if ci {
        config.rng_seed = RngSeed::Fixed(CI_SEED);
    }
    config
}

/// 41 real rows: every MI, HVB and KBT row of six chosen kinds, a row with dashes, bullets.
pub const FIXTURE: &str = include_str!("../../data/catalog/insatser.csv");

pub fn catalog() -> Catalog {
    let insatser =
        insats::data::insatser::parse(FIXTURE, Path::new("tests/data/catalog/insatser.csv"))
            .expect("fixture parses");
    // Other parts of the catalogue (indikatorer, …) stay empty here.
    #[allow(clippy::needless_update)]
    Catalog {
        insatser,
        ..Default::default()
    }
}

pub fn app() -> App {
    App::new(catalog(), Keymap::builtin().expect("default keymap").help())
}

/// Names of the insatser listed, in order.
pub fn listed(app: &App) -> Vec<String> {
    app.list()
        .hits
        .iter()
        .map(|h| app.catalog().insatser[h.index].namn.clone())
        .collect()
}

/// Type text into the app as key presses would.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(insats::action::Action::InsertChar(c));
    }
}

/// The binary with its user files kept under `home`: `XDG_DATA_HOME` (and, on Windows,
/// `APPDATA`, where the checklists live there) is `home/data`, `HOME` is `home`; no input and
/// no inherited `COLUMNS`.
pub fn insats_at(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_insats"));
    c.env("XDG_DATA_HOME", home.join("data"))
        .env("APPDATA", home.join("data"))
        .env("HOME", home)
        .env_remove("COLUMNS")
        .stdin(Stdio::null());
    c
}

/// Run `insats ARGS` with its user files under `home` (see [`insats_at`]).
pub fn run_at(home: &Path, args: &[&str]) -> Output {
    insats_at(home).args(args).output().expect("runs")
}

/// Draw `app` at `width`x`height` with the plain theme (after telling it the size) and
/// return the screen as text, as a snapshot shows it.
pub fn screen(app: &mut App, width: u16, height: u16) -> String {
    app.update(Action::Resize { width, height });
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
        .expect("test terminal");
    terminal
        .draw(|f| insats::ui::draw(f, app, &insats::ui::Theme::plain()))
        .expect("draws");
    terminal.backend().to_string()
}
