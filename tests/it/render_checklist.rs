//! Screen snapshots of view 2 through ratatui's TestBackend: the three panes with marks and
//! progress, the note field, a search over all områden, read-only and no-file states, narrow
//! windows, and every size from 1x1 up drawing without a panic.

use insats::action::Action;
use insats::app::App;
use insats::app::checklist::Source;
use insats::checklist::{Checklist, Rules};
use insats::keymap::Keymap;

use crate::common::screen;

fn app_with(source: Source) -> App {
    let catalog = insats::data::load(&insats::data::Source::Embedded).expect("embedded data");
    let mut a = App::new(catalog, Keymap::builtin().expect("keymap").help());
    let rules = Rules::new(&a.catalog().indikatorer);
    a.checklist_mut()
        .set_checklist(Checklist::new(rules, Some("Malmö".into())), source, &[]);
    a.update(Action::ShowChecklist);
    a
}

fn typed(a: &mut App, text: &str) {
    for c in text.chars() {
        a.update(Action::InsertChar(c));
    }
}

/// The scenario: three indikatorer marked in two områden, one with a note.
fn marked() -> App {
    let mut a = app_with(Source::File("/tmp/x.toml".into()));
    a.update(Action::Resize {
        width: 120,
        height: 40,
    });
    a.update(Action::CycleStatus); // 1 uppfylld
    a.update(Action::Down);
    a.update(Action::MarkEjUppfylld); // 2
    a.update(Action::EditNote);
    typed(&mut a, "Rutin finns men följs inte upp");
    a.update(Action::Open);
    a.update(Action::FocusTree);
    a.update(Action::Down);
    a.update(Action::Open);
    a.update(Action::MarkUppfylld); // 40, Krisberedskap
    a
}

#[test]
fn marked_120x40() {
    let mut a = marked();
    insta::assert_snapshot!(screen(&mut a, 120, 40));
}

#[test]
fn marked_80x24() {
    let mut a = marked();
    let s = screen(&mut a, 80, 24);
    // A key hint that does not fit whole is left out, never cut after its key.
    let status = s
        .lines()
        .last()
        .expect("status line")
        .trim_end_matches([' ', '"']);
    assert!(status.ends_with("? hjälp"), "{status}");
    insta::assert_snapshot!(s);
}

#[test]
fn note_field_80x24() {
    let mut a = marked();
    a.update(Action::EditNote);
    typed(&mut a, "Beredskapsplanen revideras");
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn search_all_omraden_with_delvis_120x40() {
    let mut a = marked();
    a.update(Action::FocusSearch);
    typed(&mut a, "ibic");
    a.update(Action::ToggleScope);
    a.update(Action::Open);
    a.update(Action::MarkDelvis);
    insta::assert_snapshot!(screen(&mut a, 120, 40));
}

#[test]
fn read_only_refusal_80x24() {
    let mut a = app_with(Source::ReadOnly {
        file: "/tmp/x.toml".into(),
        reason: "programmet insats (process 7) har den öppen".into(),
    });
    a.update(Action::CycleStatus);
    let s = screen(&mut a, 80, 24);
    assert!(
        s.contains("bara läsning: programmet insats (process 7) har den öppen"),
        "{s}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn no_checklist_chosen_and_the_kommun_field_80x24() {
    let catalog = insats::data::load(&insats::data::Source::Embedded).expect("embedded data");
    let mut a = App::new(catalog, Keymap::builtin().expect("keymap").help());
    a.update(Action::ShowChecklist);
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("ingen kommun vald"), "{s}");
    // Before a kommun is chosen the status line leads with how to choose one.
    let last = s.lines().last().expect("a status line");
    assert!(last.starts_with("\"c välj kommun · "), "{last}");
    a.update(Action::ChooseKommun);
    typed(&mut a, "Upplands Väsby");
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn single_column_50x16() {
    let mut a = marked();
    a.update(Action::NextPane);
    insta::assert_snapshot!(screen(&mut a, 50, 16));
}

#[test]
fn hostile_note_text_is_shown_visibly() {
    // Typed, a control character never reaches the note (a terminal may report one for a
    // key), as in every text field.
    let mut a = app_with(Source::File("x.toml".into()));
    a.update(Action::EditNote);
    typed(&mut a, "röd\x1b[31mtext\x07");
    a.update(Action::Open);
    assert_eq!(a.checklist().checklist().note(1), "röd[31mtext");
    // A note read from a file may hold them: they are shown visibly.
    let mut c = Checklist::new(Rules::new(&a.catalog().indikatorer), Some("Malmö".into()));
    c.set_note(1, "röd\x1b[31mtext\x07").expect("a note");
    a.checklist_mut()
        .set_checklist(c, Source::File("x.toml".into()), &[]);
    let s = screen(&mut a, 120, 40);
    assert!(!s.contains('\x1b') && !s.contains('\x07'));
    assert!(s.contains("röd^[[31mtext^G"), "{s}");
}

#[test]
fn every_size_draws_without_panic() {
    let mut a = marked();
    a.update(Action::FocusSearch);
    typed(&mut a, "rutin");
    for w in (1..=250).step_by(11) {
        for h in (1..=80).step_by(7) {
            let _ = screen(&mut a, w, h);
        }
    }
    a.update(Action::EditNote);
    for (w, h) in [(1, 1), (40, 10), (41, 11), (250, 80)] {
        let _ = screen(&mut a, w, h);
    }
}

#[test]
fn an_opening_warning_shows_in_the_catalogues_status_line() {
    let catalog = insats::data::load(&insats::data::Source::Embedded).expect("embedded data");
    let mut a = App::new(catalog, Keymap::builtin().expect("keymap").help());
    let rules = Rules::new(&a.catalog().indikatorer);
    a.checklist_mut().set_checklist(
        Checklist::new(rules, None),
        Source::ReadOnly {
            file: "x.toml".into(),
            reason: "programmet insats (process 7) har den öppen".into(),
        },
        &["x.toml: används redan av programmet insats i process 7".to_string()],
    );
    let s = screen(&mut a, 100, 20);
    let last = s.lines().last().unwrap_or_default().to_string();
    assert!(
        last.contains("x.toml: används redan av programmet insats i process 7"),
        "{s}"
    );
}
