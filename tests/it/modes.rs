//! One state per view and one mode at a time, through `App::update` on the real catalogue:
//! each view keeps its search and selection across F2/F3, the help overlay goes back to what
//! it was opened over, the note field keeps the keys until Enter or Esc, and every text
//! field drops control characters.

use common::type_text;
use insats::action::{Action, Context};
use insats::app::checklist::Source;
use insats::app::{App, Focus, Mode, View};
use insats::checklist::{Checklist, Rules};
use insats::keymap::Keymap;

use crate::common;

fn app() -> App {
    let catalog = insats::data::load(&insats::data::Source::Embedded).expect("embedded data");
    let mut a = App::new(catalog, Keymap::builtin().expect("keymap").help());
    a.update(Action::Resize {
        width: 100,
        height: 30,
    });
    a
}

/// In the checklist of Malmö, saved to a file.
fn in_checklist() -> App {
    let mut a = app();
    let rules = Rules::new(&a.catalog().indikatorer);
    a.checklist_mut().set_checklist(
        Checklist::new(rules, Some("Malmö".into())),
        Source::File("x.toml".into()),
        &[],
    );
    a.update(Action::ShowChecklist);
    a
}

#[test]
fn each_view_keeps_its_search_and_selection_across_view_switches() {
    let mut a = app();
    type_text(&mut a, "kontaktperson");
    a.update(Action::Down);
    a.update(Action::Down);
    let insats = a.list().selected_index();
    a.update(Action::ShowChecklist);
    a.update(Action::FocusSearch);
    type_text(&mut a, "rutin");
    a.update(Action::Open);
    a.update(Action::Down);
    let indikator = a.checklist().selected_index();
    for _ in 0..2 {
        a.update(Action::ShowCatalog);
        assert_eq!(a.list().query, "kontaktperson");
        assert_eq!(a.list().selected_index(), insats);
        // The catalogue's search box lost the keyboard to the checklist's.
        assert_eq!(a.focus(), Focus::List);
        a.update(Action::ShowChecklist);
        assert_eq!(a.checklist().list.query, "rutin");
        assert_eq!(a.checklist().selected_index(), indikator);
        assert_eq!(a.checklist().focus, Focus::List);
    }
}

#[test]
fn the_help_goes_back_to_what_it_was_opened_over() {
    let mut a = in_checklist();
    a.update(Action::EditNote);
    type_text(&mut a, "utkast");
    a.update(Action::ToggleHelp);
    assert_eq!(a.context(), Context::Help);
    assert!(a.help_open());
    assert!(a.editor().is_some(), "the note stays open under the help");
    a.update(Action::Back);
    assert_eq!(a.context(), Context::Search);
    assert_eq!(a.editor().map(|e| e.text.as_str()), Some("utkast"));

    let mut a = app();
    a.update(Action::TogglePresentation);
    a.update(Action::ToggleHelp);
    assert!(a.presentation(), "the slide shows under the help");
    a.update(Action::ToggleHelp);
    assert_eq!(a.context(), Context::Presentation);
    a.update(Action::Back);
    assert_eq!(a.mode(), &Mode::Panes);
}

#[test]
fn the_note_field_keeps_the_keys_until_enter_or_esc() {
    let mut a = in_checklist();
    a.update(Action::EditNote);
    type_text(&mut a, "Rutin ");
    a.update(Action::ShowCatalog);
    let tab = a.tabs(a.panes().tabs)[0].columns.start;
    a.update(Action::Click {
        column: tab,
        row: a.panes().tabs.y,
    });
    assert_eq!(a.view(), View::Checklist, "no view switch behind the field");
    type_text(&mut a, "saknas");
    a.update(Action::Open);
    assert!(a.editor().is_none());
    assert_eq!(a.checklist().checklist().note(1), "Rutin saknas");
}

#[test]
fn every_text_field_drops_control_characters() {
    let mut a = in_checklist();
    a.update(Action::FocusSearch);
    type_text(&mut a, "ru\x1btin\x07");
    assert_eq!(a.checklist().list.query, "rutin");
    a.update(Action::Back);
    a.update(Action::ChooseKommun);
    a.update(Action::ClearSearch);
    type_text(&mut a, "Lu\x1bnd");
    assert_eq!(a.editor().map(|e| e.text.as_str()), Some("Lund"));
    a.update(Action::Back);
    a.update(Action::ShowCatalog);
    type_text(&mut a, "h\x1bvb");
    assert_eq!(a.list().query, "hvb");
}

#[test]
fn backspace_in_an_empty_checklist_search_keeps_the_selection() {
    let mut a = in_checklist();
    a.update(Action::Down);
    a.update(Action::Down);
    let chosen = a.checklist().selected_index();
    a.update(Action::FocusSearch);
    a.update(Action::DeleteChar);
    a.update(Action::ClearSearch);
    assert_eq!(a.checklist().selected_index(), chosen);
}
