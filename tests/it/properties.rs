//! Property tests (proptest, bounded so the suite stays fast): random key sequences never
//! panic and keep every selection and scroll in range; every layout of terminal size draws;
//! the CSV loaders and the keymap parser take arbitrary input without panicking.
//!
//! More cases for a longer run: `PROPTEST_CASES=5000 cargo test --test it properties`. A
//! failure prints its shrunk input and its seed is kept in `properties.proptest-regressions`
//! (commit it: every later run tries it first); `PROPTEST_RNG_SEED=N` replays a run with the
//! same cases. In CI (`CI` set) the seed is fixed ([`common::proptest_config`]).

use crate::common;

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insats::action::{Action, Context};
use insats::app::layout::{MIN_HEIGHT, MIN_WIDTH, inner};
use insats::app::{App, View};
use insats::keymap::Keymap;
use insats::ui::{self, Theme};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRng, TestRunner};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

// ---- input -------------------------------------------------------------------------------

/// One input to the app: a key press as the terminal reports it, or an action the loop
/// makes from a mouse event or a resize, or any bindable action directly.
#[derive(Debug, Clone)]
enum Input {
    Key(KeyEvent),
    Action(Action),
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        // The keys of the default keymap, often, so that the walk moves between contexts.
        4 => prop::sample::select(vec![
            'j', 'k', 'h', 'l', 'g', 'G', 't', 'a', '/', '?', '1', '2', ' ', 'x', 'å', 'm', 'i',
        ])
        .prop_map(KeyCode::Char),
        1 => any::<char>().prop_map(KeyCode::Char),
        4 => prop::sample::select(vec![
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::F(1),
            KeyCode::F(5),
        ]),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop_oneof![
        8 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::ALT),
        1 => Just(KeyModifiers::CONTROL | KeyModifiers::ALT),
    ]
}

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        12 => (key_code(), modifiers()).prop_map(|(c, m)| Input::Key(KeyEvent::new(c, m))),
        3 => prop::sample::select(Action::bindable().collect::<Vec<_>>()).prop_map(Input::Action),
        1 => any::<char>().prop_map(|c| Input::Action(Action::InsertChar(c))),
        1 => (0u16..260, 0u16..90)
            .prop_map(|(column, row)| Input::Action(Action::Click { column, row })),
        1 => (0u16..260, 0u16..90, prop::sample::select(vec![-1i8, 1]))
            .prop_map(|(column, row, delta)| Input::Action(Action::Scroll { column, row, delta })),
        1 => (0u16..260, 0u16..90)
            .prop_map(|(width, height)| Input::Action(Action::Resize { width, height })),
    ]
}

/// Apply an input as the terminal loop does; quitting is skipped so the walk goes on.
fn apply(app: &mut App, keymap: &Keymap, input: &Input) {
    let action = match input {
        Input::Key(k) => keymap.resolve(app.context(), k),
        Input::Action(a) => Some(*a),
    };
    if let Some(a) = action.filter(|a| *a != Action::Quit) {
        app.update(a);
    }
}

/// Every selection and scroll position is within what it points into.
fn check_ranges(app: &App) -> Result<(), TestCaseError> {
    let list = app.list();
    if list.hits.is_empty() {
        prop_assert_eq!(list.selected, 0);
    } else {
        prop_assert!(list.selected < list.hits.len(), "list {}", list.selected);
        prop_assert!(list.offset <= list.selected, "list offset {}", list.offset);
        prop_assert!(
            list.hits
                .iter()
                .all(|h| h.index < app.catalog().insatser.len()),
            "hit outside the catalogue"
        );
    }
    let tree = app.tree();
    let visible = tree.visible();
    prop_assert!(visible.contains(&tree.selected()), "tree selection hidden");
    prop_assert!(
        tree.offset <= tree.selected_row(),
        "tree offset {}",
        tree.offset
    );
    let max_scroll = app.panes().detail.map_or(0, |r| {
        let r = inner(r);
        app.detail_lines(usize::from(r.width))
            .len()
            .saturating_sub(usize::from(r.height))
    });
    prop_assert!(
        app.detail_scroll() <= max_scroll,
        "detail scroll {}",
        app.detail_scroll()
    );
    prop_assert!(
        app.help_scroll() <= app.help().line_count(app.help_view()),
        "help scroll"
    );
    Ok(())
}

fn draw_buffer(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|f| ui::draw(f, app, &Theme::color()))
        .expect("draws");
    terminal.backend().buffer().clone()
}

/// The screen's rows as text, one symbol per cell.
fn rows(b: &Buffer) -> Vec<String> {
    (0..b.area.height)
        .map(|y| (0..b.area.width).map(|x| b[(x, y)].symbol()).collect())
        .collect()
}

/// What every drawn screen keeps: no cell holds a control character; from the smallest
/// window on, the status line (the last row) says something and, with `boxes` (no overlay
/// covering the panes' corners), every box is closed (each `┌` has its `┐` on the row, a
/// side of `│` down to its `└`, and that its `┘`).
fn screen_invariants(b: &Buffer, boxes: bool) -> Result<(), String> {
    let (w, h) = (b.area.width, b.area.height);
    for y in 0..h {
        for x in 0..w {
            let sym = b[(x, y)].symbol();
            if sym.chars().any(char::is_control) {
                return Err(format!("a control character {sym:?} at {x},{y}"));
            }
        }
    }
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        return Ok(());
    }
    let rows = rows(b);
    if rows[usize::from(h - 1)].trim().is_empty() {
        return Err("no status line".into());
    }
    let at = |x: u16, y: u16| b[(x, y)].symbol();
    for y in (0..h).filter(|_| boxes) {
        for x in 0..w {
            if at(x, y) != "┌" {
                continue;
            }
            if !(x + 1..w).any(|x2| at(x2, y) == "┐") {
                return Err(format!("the box at {x},{y} has no ┐"));
            }
            let mut y2 = y + 1;
            while y2 < h && at(x, y2) == "│" {
                y2 += 1;
            }
            if y2 == h || at(x, y2) != "└" {
                return Err(format!("the box at {x},{y} has no └ below its side"));
            }
            if !(x + 1..w).any(|x2| at(x2, y2) == "┘") {
                return Err(format!("the box at {x},{y} has no ┘"));
            }
        }
    }
    Ok(())
}

/// In the catalogue, with its list on screen and nothing over it, the selected insats is
/// drawn: exactly one row of the list pane starts with the selection mark `▸`, and it shows
/// the start of the selected insats's name or an ellipsis where the name is cut.
fn selected_row_visible(app: &App, b: &Buffer) -> Result<(), String> {
    let (w, h) = (b.area.width, b.area.height);
    let list = app.list();
    let Some(pane) = app.panes().list else {
        return Ok(());
    };
    if w < MIN_WIDTH
        || h < MIN_HEIGHT
        || app.view() != View::Catalog
        || app.help_open()
        || app.presentation()
        || list.hits.is_empty()
    {
        return Ok(());
    }
    let inside = inner(pane);
    if inside.height == 0 || inside.width < 2 {
        return Ok(());
    }
    let marked: Vec<u16> = (inside.y..inside.y + inside.height)
        .filter(|&y| b[(inside.x, y)].symbol() == "▸")
        .collect();
    let [y] = marked[..] else {
        return Err(format!(
            "{} rows of the list marked ▸ (rows {marked:?})",
            marked.len()
        ));
    };
    let text: String = (inside.x + 1..inside.x + inside.width)
        .map(|x| b[(x, y)].symbol())
        .collect();
    let name = insats::text::sanitize(&app.catalog().insatser[list.hits[list.selected].index].namn)
        .into_owned();
    let start: String = name.chars().take(3).collect();
    let text = text.trim_start_matches(['✓', ' ']);
    if !(text.starts_with(&start) || text.starts_with('…')) {
        return Err(format!("the selected row {y} shows {text:?}, not {name:?}"));
    }
    Ok(())
}

proptest! {
    #![proptest_config(common::proptest_config(32))]

    /// 32 walks of up to 300 inputs each (about 5 000 inputs), drawn every 40 steps and at
    /// the end: every drawn screen keeps [`screen_invariants`] and shows the selected row.
    #[test]
    fn random_inputs_never_panic_and_keep_selections_in_range(
        inputs in prop::collection::vec(input(), 1..300)
    ) {
        let keymap = Keymap::builtin().expect("keymap");
        let mut app = App::new(common::catalog(), keymap.help());
        for (n, i) in inputs.iter().enumerate() {
            apply(&mut app, &keymap, i);
            check_ranges(&app)?;
            if n % 40 == 0 || n + 1 == inputs.len() {
                let a = app.area();
                let screen = draw_buffer(&app, a.width.max(1), a.height.max(1));
                // The checklist's overlays (the kommun chooser, the note) cover box sides.
                let boxes = app.view() == View::Catalog && !app.help_open() && !app.presentation();
                let shown = screen_invariants(&screen, boxes)
                    .and_then(|()| selected_row_visible(&app, &screen));
                if let Err(e) = shown {
                    prop_assert!(false, "after {} inputs: {}\n{}", n + 1, e, rows(&screen).join("\n"));
                }
            }
        }
    }
}

/// The same inputs reach every context and both views: the walks above test them all.
#[test]
fn random_walks_visit_every_context_and_view() {
    let keymap = Keymap::builtin().expect("keymap");
    let mut app = App::new(common::catalog(), keymap.help());
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
    );
    let strategy = input();
    let mut contexts = std::collections::BTreeSet::new();
    let (mut help, mut checklist) = (false, false);
    for _ in 0..3000 {
        let i = strategy.new_tree(&mut runner).expect("an input").current();
        apply(&mut app, &keymap, &i);
        contexts.insert(app.context());
        help |= app.help_open();
        checklist |= app.view() == View::Checklist;
    }
    assert_eq!(contexts.len(), Context::ALL.len(), "{contexts:?}");
    assert!(help && checklist, "help {help}, checklist {checklist}");
}

// ---- terminal sizes ----------------------------------------------------------------------

/// The sizes drawn. The layout changes only at its thresholds: below 40x10 a note, from 60
/// two columns, from 100 three. Drawn are every width 1..=250 at heights 10 and 24, every
/// height 1..=80 at widths 40, 60 and 100, each threshold and its neighbours with the
/// corners 1x1 and 250x80, and every 199th of the 20 000 sizes of 1x1..250x80 besides:
/// about 880 sizes. All 20 000 take minutes in a debug build on two cores; these reach
/// every layout from both sides of each threshold within a few seconds.
fn sizes() -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    for w in 1..=250 {
        out.push((w, 10));
        out.push((w, 24));
    }
    for h in 1..=80 {
        for w in [40, 60, 100] {
            out.push((w, h));
        }
    }
    for &w in &EDGE_WIDTHS {
        for h in [1, 2, 9, 10, 11, 80] {
            out.push((w, h));
        }
    }
    let mut k: u32 = 0;
    while k < 250 * 80 {
        let w = u16::try_from(k % 250).unwrap_or(0) + 1;
        let h = u16::try_from(k / 250).unwrap_or(0) + 1;
        out.push((w, h));
        k += 199;
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Widths at and around the layout's thresholds, and the extremes.
const EDGE_WIDTHS: [u16; 12] = [1, 2, 39, 40, 41, 59, 60, 61, 99, 100, 101, 250];

#[test]
fn every_layout_of_size_draws_in_every_state() {
    let keymap = Keymap::builtin().expect("keymap");
    let mut app = App::new(common::catalog(), keymap.help());
    // An insats with bullets and namesakes in the detail pane, the tree open at a group.
    app.update(Action::FocusSearch);
    common::type_text(&mut app, "motiverande");
    app.update(Action::Open);
    let states: [&[Action]; 5] = [
        &[
            Action::FocusTree,
            Action::Down,
            Action::Expand,
            Action::Expand,
        ],
        &[Action::NextPane],
        &[Action::NextPane, Action::PageDown],
        &[Action::ToggleHelp, Action::PageDown],
        &[Action::ToggleHelp, Action::ShowChecklist],
    ];
    let sizes = sizes();
    assert!(sizes.len() > 850, "{}", sizes.len());
    for (n, &(w, h)) in sizes.iter().enumerate() {
        // Each size in one state, every state at every threshold size.
        let edge = EDGE_WIDTHS.contains(&w) && [1, 2, 9, 10, 11, 80].contains(&h);
        let chosen: Vec<&[Action]> = if edge {
            states.to_vec()
        } else {
            vec![states[n % states.len()]]
        };
        for steps in chosen {
            for a in steps {
                app.update(*a);
            }
            app.update(Action::Resize {
                width: w,
                height: h,
            });
            let screen = draw_buffer(&app, w, h);
            if let Err(e) = screen_invariants(&screen, !app.help_open()) {
                panic!("{w}x{h} after {steps:?}: {e}\n{}", rows(&screen).join("\n"));
            }
            app.update(Action::ShowCatalog);
            if app.help_open() {
                app.update(Action::ToggleHelp);
            }
        }
    }
}

#[test]
fn the_screen_check_finds_an_open_box_a_control_character_and_a_missing_status_line() {
    let area = ratatui::layout::Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT);
    let style = ratatui::style::Style::default();
    let mut b = Buffer::empty(area);
    b.set_string(0, 0, "┌ Insats ┐", style);
    b.set_string(0, 1, "│        │", style);
    b.set_string(0, 2, "└────────┘", style);
    b.set_string(0, MIN_HEIGHT - 1, "F1 hjälp", style);
    assert_eq!(screen_invariants(&b, true), Ok(()));
    let mut open = b.clone();
    open.set_string(9, 2, "─", style);
    assert!(screen_invariants(&open, true).is_err_and(|e| e.contains('┘')));
    assert_eq!(screen_invariants(&open, false), Ok(()));
    let mut no_status = b.clone();
    no_status.set_string(0, MIN_HEIGHT - 1, "        ", style);
    assert_eq!(
        screen_invariants(&no_status, true),
        Err("no status line".into())
    );
    let mut control = b.clone();
    control[(3, 1)].set_symbol("\u{1b}");
    assert!(screen_invariants(&control, true).is_err_and(|e| e.contains("control")));
}

#[test]
fn the_selected_row_check_finds_a_list_without_its_selection() {
    let mut app = common::app();
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    app.update(Action::Down);
    let screen = draw_buffer(&app, 100, 30);
    assert_eq!(selected_row_visible(&app, &screen), Ok(()));
    let list = inner(app.panes().list.expect("a list at 100x30"));
    let mut unmarked = screen.clone();
    for y in list.y..list.y + list.height {
        if unmarked[(list.x, y)].symbol() == "▸" {
            unmarked[(list.x, y)].set_symbol(" ");
        }
    }
    assert!(selected_row_visible(&app, &unmarked).is_err_and(|e| e.contains("0 rows")));
    let mut other = screen.clone();
    other.set_string(
        list.x + 1,
        list.y + 1,
        "Xyz",
        ratatui::style::Style::default(),
    );
    assert!(selected_row_visible(&app, &other).is_err_and(|e| e.contains("not")));
}

#[test]
fn failures_are_kept_beside_their_test_and_ci_runs_one_seed() {
    use proptest::test_runner::RngSeed;
    let ci = common::proptest_config_for(5, true);
    assert_eq!(ci.rng_seed, RngSeed::Fixed(common::CI_SEED));
    let local = common::proptest_config_for(5, false);
    assert_eq!(local.rng_seed, Config::default().rng_seed);
    let kept = format!("{:?}", local.failure_persistence);
    assert!(
        kept.contains("WithSource(\"proptest-regressions\")"),
        "{kept}"
    );
    // Every kept failure sits beside the test file that reads it.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it");
    for entry in std::fs::read_dir(&dir).expect("tests/it") {
        let path = entry.expect("entry").path();
        if path
            .extension()
            .is_some_and(|e| e == "proptest-regressions")
        {
            assert!(path.with_extension("rs").is_file(), "{}", path.display());
        }
    }
}

// ---- loaders and the keymap parser --------------------------------------------------------

/// Text that looks like CSV: the pieces a broken file is made of.
fn csv_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(",".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\"".to_string()),
        Just("\"\"".to_string()),
        Just("äldre".to_string()),
        Just("missbruk och beroende".to_string()),
        Just("true".to_string()),
        Just("42".to_string()),
        Just("-1".to_string()),
        Just("99999999999".to_string()),
        Just("\x1b[2J".to_string()),
        "[a-z0-9 .|-]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// A header, sometimes the right one, then CSV-like rows.
fn file_text(columns: &[&str]) -> impl Strategy<Value = String> {
    let header = columns.join(",");
    (any::<bool>(), csv_like()).prop_map(move |(real, body)| {
        if real {
            format!("{header}\n{body}")
        } else {
            body
        }
    })
}

fn check_error(e: &insats::data::DataError, file: &str) -> Result<(), TestCaseError> {
    let m = e.to_string();
    prop_assert!(m.contains(file), "names the file: {m}");
    prop_assert!(!m.contains('\n'), "one line: {m}");
    prop_assert!(m.len() < 2000, "short: {m}");
    Ok(())
}

proptest! {
    #![proptest_config(common::proptest_config(96))]

    #[test]
    fn the_csv_loaders_take_any_text(
        insatser in file_text(&insats::data::insatser::COLUMNS),
        skane in file_text(&insats::data::skane::COLUMNS),
        lages in file_text(&insats::data::lagesrapport::COLUMNS),
        ind in file_text(&insats::data::indikatorer::COLUMNS),
        fragor in file_text(&insats::data::indikatorer::FRAGOR_COLUMNS),
        kopplingar in file_text(&insats::data::kopplingar::COLUMNS),
    ) {
        use insats::data::{indikatorer, insatser as ins, kopplingar as kop, lagesrapport, skane as sk};
        let p = |n: &str| Path::new(n).to_path_buf();
        let real = common::catalog().insatser;
        match ins::parse(&insatser, &p("insatser.csv")) {
            Ok(v) => prop_assert!(v.iter().all(|i| !i.id.trim().is_empty())),
            Err(e) => check_error(&e, "insatser.csv")?,
        }
        if let Err(e) = sk::parse(&skane, &p("skane.csv"), &real) {
            check_error(&e, "skane.csv")?;
        }
        if let Err(e) = lagesrapport::parse(&lages, &p("lagesrapport.csv")) {
            check_error(&e, "lagesrapport.csv")?;
        }
        let parsed = indikatorer::parse((&ind, &p("indikatorer.csv")), (&fragor, &p("indikator_fragor.csv")));
        match &parsed {
            Ok(_) => {}
            Err(e) => {
                let m = e.to_string();
                prop_assert!(m.contains("indikatorer.csv") || m.contains("indikator_fragor.csv"), "{m}");
            }
        }
        let indikatorer = parsed.unwrap_or_default();
        if let Err(e) = kop::parse(&kopplingar, &p("kopplingar.csv"), &real, &indikatorer) {
            check_error(&e, "kopplingar.csv")?;
        }
    }

    /// Arbitrary bytes as a data file: read (UTF-8 checked, the field of a bad byte found)
    /// and parsed through the same path as `--data`.
    #[test]
    fn any_bytes_as_a_data_file(bytes in prop::collection::vec(any::<u8>(), 0..400), with_header in any::<bool>()) {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("lagesrapport.csv");
        let mut content = if with_header { b"id,kapitel,punkt,omraden,text,kallrad\n".to_vec() } else { Vec::new() };
        content.extend_from_slice(&bytes);
        std::fs::write(&file, &content).expect("write");
        match insats::data::read_text(&file) {
            Ok(text) => {
                if let Err(e) = insats::data::lagesrapport::parse(&text, &file) {
                    check_error(&e, "lagesrapport.csv")?;
                }
            }
            Err(e) => check_error(&e, "lagesrapport.csv")?,
        }
    }

    #[test]
    fn the_checklist_parser_takes_any_text(
        text in prop_oneof![
            any::<String>(),
            "(format = [0-9]\n)?(kommun = \"[a-zå]{0,8}\"\n)?(\\[indikator\\.[0-9]{1,3}\\]\nstatus = \"(uppfylld|delvis|ej uppfylld|klar)\"\n(anteckning = \"[a-z ]{0,10}\"\n)?){0,4}",
        ]
    ) {
        let catalog = common::catalog();
        let rules = insats::checklist::Rules::new(&catalog.indikatorer);
        if let Err(e) = insats::checklist::file::parse(&text, Path::new("lista.toml"), &rules) {
            prop_assert!(e.to_string().contains("lista.toml"), "{e}");
        }
    }

    #[test]
    fn the_keymap_parser_takes_any_text(text in any::<String>()) {
        let mut k = Keymap::builtin().expect("keymap");
        if let Err(e) = k.merge_str(&text, Path::new("egen.toml")) {
            prop_assert!(e.to_string().contains("egen.toml"));
        }
    }

    /// A valid keymap (known tables, key names with modifiers, every bindable action) always
    /// merges, and afterwards each of its keys does what it says in its table; a key spelled
    /// twice in one table (`G` and `shift-g`) is refused naming the file.
    #[test]
    fn a_valid_keymap_merges_and_binds_what_it_says(
        entries in prop::collection::vec((
            prop::sample::select(vec!["global", "tree", "list", "detail", "search", "presentation", "checklist", "help"]),
            prop::sample::select(vec!["", "ctrl-", "alt-", "shift-", "ctrl-alt-"]),
            prop_oneof![
                "[a-zA-Z0-9åäö,.;:/?+*-]".prop_map(String::from),
                prop::sample::select(vec!["up", "down", "left", "right", "enter", "esc", "tab", "backtab", "backspace", "delete", "home", "end", "pageup", "pgdn", "space", "f1", "f5", "f12"]).prop_map(String::from),
            ],
            prop::sample::select(Action::bindable().collect::<Vec<_>>()),
        ), 0..20)
    ) {
        use insats::keymap::KeyCombo;
        let mut doc = toml::Table::new();
        let mut bound: Vec<(&str, KeyCombo, Action)> = Vec::new();
        let mut twice = false;
        for (table, modifier, key, action) in entries {
            let name = format!("{modifier}{key}");
            let combo: KeyCombo = name.parse().expect("a valid key name");
            let t = doc
                .entry(table.to_string())
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            let toml::Value::Table(t) = t else { continue };
            let value = toml::Value::String(action.name().expect("bindable").to_string());
            if t.insert(name, value).is_some() {
                // The same spelling again: TOML keeps one, the last.
                bound.retain(|(tb, c, _)| !(*tb == table && *c == combo));
            } else if bound.iter().any(|(tb, c, _)| *tb == table && *c == combo) {
                twice = true;
            }
            bound.push((table, combo, action));
        }
        let text = toml::to_string(&doc).expect("serializes");
        let mut k = Keymap::builtin().expect("keymap");
        match k.merge_str(&text, Path::new("egen.toml")) {
            Ok(()) => {
                prop_assert!(!twice, "a key spelled twice in a table was taken:\n{}", text);
                for (table, combo, action) in bound {
                    let got = match Context::ALL.iter().find(|c| c.table() == table) {
                        Some(&c) => k.lookup(c, combo),
                        None => k.lookup_global(combo),
                    };
                    prop_assert_eq!(got, Some(action), "[{}] {}\n{}", table, combo, text);
                }
                let _ = k.help();
            }
            Err(e) => {
                prop_assert!(twice, "a valid keymap refused: {}\n{}", e, text);
                prop_assert!(e.to_string().contains("egen.toml"));
            }
        }
    }

    /// TOML that parses, with tables, key names and values from the right and wrong sets:
    /// either an error naming the file or a keymap that resolves every key.
    #[test]
    fn the_keymap_parser_takes_any_table(
        entries in prop::collection::vec((
            prop::sample::select(vec!["global", "tree", "list", "detail", "search", "lista"]),
            prop_oneof![
                prop::sample::select(vec!["j", "G", "shift-g", "ctrl-c", "pgdn", "pagedown", "f13", "hyper-x", "space", " ", "ctrl-", "\u{1b}", "enter", "return"]).prop_map(String::from),
                "[a-zA-Z0-9-]{1,10}",
                any::<String>(),
            ],
            prop_oneof![
                prop::sample::select(vec!["up", "down", "quit", "none", "open", "fly", "insert_char", ""]).prop_map(|s| toml::Value::String(s.to_string())),
                any::<i64>().prop_map(toml::Value::Integer),
                Just(toml::Value::Boolean(true)),
            ],
        ), 0..12)
    ) {
        let mut doc = toml::Table::new();
        for (table, key, value) in entries {
            let t = doc
                .entry(table.to_string())
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            if let toml::Value::Table(t) = t {
                t.insert(key, value);
            }
        }
        let text = toml::to_string(&doc).expect("serializes");
        let mut k = Keymap::builtin().expect("keymap");
        match k.merge_str(&text, Path::new("egen.toml")) {
            Ok(()) => {
                for c in Context::ALL {
                    for code in [KeyCode::Char('j'), KeyCode::Enter, KeyCode::Char('\u{1b}')] {
                        let _ = k.resolve(c, &KeyEvent::new(code, KeyModifiers::NONE));
                    }
                }
                let _ = k.help();
            }
            Err(e) => prop_assert!(e.to_string().contains("egen.toml")),
        }
    }
}
