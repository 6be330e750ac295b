//! Hostile text: control characters and escape sequences in data fields never reach the
//! terminal raw, in the app (the cells ratatui writes) or in the command line's output for
//! people; they are shown as visible replacements. Machine output keeps the exact data.

use crate::common;

use common::datadir::DataDir;
use insats::action::Action;
use insats::app::App;
use insats::keymap::Keymap;
use insats::text::is_unsafe;
use insats::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// ESC alone, a CSI that clears the screen, an OSC that retitles the window (ended by BEL),
/// a carriage return, a C1 CSI, a right-to-left override, backspace, DEL and NUL.
const HOSTILE: &str =
    "Dag\x1b[2Jverksamhet \x1b]0;x\x07titel\rslut\u{9b}31m\u{202e}vänd\x08\x7f\0!";

/// The visible forms that must appear instead.
const VISIBLE: [&str; 5] = ["^[[2J", "^[]0;x^G", "titel^Mslut", "^H^?^@!", "\u{FFFD}31m"];

const FIRST_ID: &str = "aldre-2.1-dagverksamhet";

fn hostile_dir() -> DataDir {
    let d = DataDir::committed();
    d.edit("insatser.csv", |r| {
        assert_eq!(r.rows[0][r.col("id")], FIRST_ID);
        for field in [
            "namn",
            "sektion",
            "grupp",
            "forklaring",
            "kalla",
            "namn_bilaga",
        ] {
            r.set(0, field, &format!("{field} {HOSTILE}"));
        }
    });
    d.edit("skane.csv", |r| r.set(0, "andel_rubrik", HOSTILE));
    d.edit("indikatorer.csv", |r| {
        for field in ["titel", "markering", "typ", "kriterier", "syfte"] {
            r.set(0, field, &format!("{field} {HOSTILE}"));
        }
    });
    d.edit("indikator_fragor.csv", |r| {
        r.set(0, "fraga", HOSTILE);
        r.set(0, "svarsalternativ", HOSTILE);
    });
    d
}

fn raw_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| c != '\n' && is_unsafe(c))
        .collect()
}

fn assert_visible(text: &str, what: &str) {
    assert!(
        raw_controls(text).is_empty(),
        "{what}: raw controls {:?} in\n{text}",
        raw_controls(text)
    );
    for v in VISIBLE {
        assert!(text.contains(v), "{what}: {v:?} not shown in\n{text}");
    }
}

/// Every cell's symbol, row by row.
fn cells(app: &mut App, width: u16, height: u16) -> String {
    app.update(Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|f| ui::draw(f, app, &Theme::color()))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    let mut s = String::new();
    for y in 0..height {
        for x in 0..width {
            s.push_str(buffer[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

fn app(keymap: &Keymap) -> App {
    let d = hostile_dir();
    let catalog = insats::data::load(&insats::data::Source::Dir(d.path().to_path_buf()))
        .expect("hostile text is still data");
    App::new(catalog, keymap.help())
}

#[test]
fn the_app_shows_controls_visibly_in_list_detail_and_tree() {
    let mut a = app(&Keymap::builtin().expect("keymap"));
    assert_eq!(a.selected_insats().map(|i| i.id.as_str()), Some(FIRST_ID));
    // List and detail (name, path, bilaga, förklaring, källa).
    let screen = cells(&mut a, 200, 60);
    assert_visible(&screen, "start");
    assert!(screen.contains("forklaring Dag^[[2J"), "{screen}");
    assert!(screen.contains("kalla Dag^[[2J"), "{screen}");

    // The tree with the hostile section and group expanded.
    a.update(Action::FocusTree);
    for step in [Action::Down, Action::Expand, Action::Expand, Action::Expand] {
        a.update(step);
    }
    let screen = cells(&mut a, 200, 60);
    assert!(screen.contains("sektion Dag^[[2J"), "{screen}");
    assert!(raw_controls(&screen).is_empty(), "{screen}");

    // Search: the highlighted name, and a control character typed is not text.
    a.update(Action::FocusSearch);
    for c in "dag\x1b\x07".chars() {
        a.update(Action::InsertChar(c));
    }
    assert_eq!(a.list().query, "dag");
    let screen = cells(&mut a, 120, 40);
    assert!(screen.contains("namn Dag^[[2J"), "{screen}");
    assert!(raw_controls(&screen).is_empty(), "{screen}");
}

#[test]
fn every_pane_and_size_is_free_of_raw_controls() {
    let mut a = app(&Keymap::builtin().expect("keymap"));
    for (w, h) in [(40, 10), (59, 20), (80, 24), (100, 30), (250, 80)] {
        for step in [
            Action::FocusTree,
            Action::NextPane,
            Action::NextPane,
            Action::ToggleHelp,
        ] {
            a.update(step);
            let screen = cells(&mut a, w, h);
            assert!(raw_controls(&screen).is_empty(), "{w}x{h}\n{screen}");
        }
        a.update(Action::ToggleHelp);
    }
}

#[test]
fn skane_figures_in_the_detail_pane_are_shown_visibly() {
    let mut a = app(&Keymap::builtin().expect("keymap"));
    let id = a.catalog().skane[0].insats_id.clone();
    let namn = a.catalog().get(&id).expect("linked insats").namn.clone();
    a.update(Action::FocusSearch);
    common::type_text(&mut a, &namn);
    for _ in 0..a.list().hits.len() {
        if a.selected_insats().is_some_and(|i| i.id == id) {
            break;
        }
        a.update(Action::Down);
    }
    assert_eq!(a.selected_insats().map(|i| i.id.clone()), Some(id));
    let text: String = a
        .detail_lines(80)
        .iter()
        .flat_map(|l| l.iter().map(|(_, s)| s.clone()))
        .collect::<Vec<_>>()
        .join("\n");
    assert_visible(&text, "Skåne");
}

#[test]
fn a_key_named_by_a_control_character_shows_visibly_in_help() {
    let mut k = Keymap::builtin().expect("keymap");
    k.merge_str(
        "[list]\n\"\\u001b\" = \"quit\"\n",
        std::path::Path::new("ctrl.toml"),
    )
    .expect("any character is a key");
    let mut a = app(&k);
    a.update(Action::ToggleHelp);
    for _ in 0..10 {
        a.update(Action::PageDown);
    }
    let screen = cells(&mut a, 100, 60);
    assert!(raw_controls(&screen).is_empty(), "{screen}");
    assert!(screen.contains("^["), "{screen}");
}

fn stdout(d: &DataDir, args: &[&str]) -> String {
    let out = d.run(args);
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn show_and_indikator_print_controls_visibly() {
    let d = hostile_dir();
    assert_visible(&stdout(&d, &["show", FIRST_ID]), "show");
    let ind = stdout(&d, &["indikator", "1"]);
    assert_visible(&ind, "indikator 1");
    assert!(ind.contains("titel Dag^[[2J"), "{ind}");
    assert!(ind.contains("kriterier Dag^[[2J"), "{ind}");
    let table = stdout(&d, &["indikatorer", "--format", "table"]);
    assert!(raw_controls(&table).is_empty(), "{table}");
    assert!(table.contains("titel Dag^[[2Jverksamhet"), "{table}");
}

#[test]
fn json_keeps_the_exact_data_without_raw_controls() {
    let d = hostile_dir();
    let json = stdout(&d, &["export", "--format", "json"]);
    assert!(raw_controls(&json).is_empty());
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(v[0]["namn"], format!("namn {HOSTILE}"));

    let json = stdout(&d, &["indikatorer", "--format", "json"]);
    assert!(raw_controls(&json).is_empty());
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(v[0]["titel"], format!("titel {HOSTILE}"));
    assert_eq!(v[0]["fragor"][0]["fraga"], HOSTILE);
}

#[test]
fn csv_into_a_pipe_keeps_the_exact_data() {
    let d = hostile_dir();
    let csv_text = stdout(&d, &["export", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let first = r.records().next().expect("a row").expect("valid CSV");
    assert_eq!(&first[5], format!("namn {HOSTILE}"));
}

#[test]
fn a_data_error_quoting_controls_prints_them_visibly() {
    let d = DataDir::committed();
    d.edit("insatser.csv", |r| {
        r.set(3, "omrade", "\x1b[2J\x1b]0;x\x07")
    });
    let out = d.run(&["export"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(raw_controls(&err).is_empty(), "{err:?}");
    assert!(err.contains("insatser.csv:5: fältet `omrade`"), "{err}");
}
