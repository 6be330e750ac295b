//! Update sequences on an in-memory catalogue: focus, selection, hits, scrolling, mouse.

use crate::common;

use common::{app, listed, type_text};
use insats::action::{Action, Context};
use insats::app::detail::Tone;
use insats::app::{Focus, View};
use insats::model::Omrade;
use insats::search::Scope;

fn resize(app: &mut insats::app::App, width: u16, height: u16) {
    app.update(Action::Resize { width, height });
}

fn detail_text(app: &insats::app::App, width: usize) -> Vec<String> {
    app.detail_lines(width)
        .into_iter()
        .map(|l| l.into_iter().map(|(_, s)| s).collect())
        .collect()
}

#[test]
fn starts_on_the_whole_catalogue_with_the_list_focused() {
    let a = app();
    assert_eq!(a.focus(), Focus::List);
    assert_eq!(a.context(), Context::List);
    assert_eq!(a.list().hits.len(), 41);
    assert_eq!(
        a.selected_insats().map(|i| i.namn.as_str()),
        Some("Dagverksamhet")
    );
    assert_eq!(a.scope_label(), "hela katalogen");
}

#[test]
fn typing_a_search_narrows_and_selects_the_best_hit() {
    let mut a = app();
    a.update(Action::FocusSearch);
    assert_eq!(a.context(), Context::Search);
    type_text(&mut a, "hvb");
    assert_eq!(a.list().query, "hvb");
    assert_eq!(&listed(&a)[..4], vec!["Hem för vård eller boende (HVB)"; 4]);
    assert_eq!(a.list().selected, 0);
    a.update(Action::DeleteChar);
    assert_eq!(a.list().query, "hv");
    // Esc leaves the box and keeps the hits; Esc in the list clears the search.
    a.update(Action::Back);
    assert_eq!(a.focus(), Focus::List);
    assert_eq!(a.list().query, "hv");
    a.update(Action::Back);
    assert_eq!(a.list().query, "");
    assert_eq!(a.list().hits.len(), 41);
}

#[test]
fn typing_in_any_pane_of_the_catalogue_searches() {
    for focus in [Action::FocusTree, Action::NextPane, Action::Open] {
        let mut a = app();
        a.update(focus);
        assert_ne!(a.focus(), Focus::Search);
        type_text(&mut a, "kontaktperson");
        assert_eq!(a.focus(), Focus::Search, "after {focus:?}");
        assert_eq!(a.list().query, "kontaktperson");
        assert!(!a.presentation());
        assert_eq!(a.view(), View::Catalog);
        assert!(!a.help_open());
        assert!(
            listed(&a).iter().all(|n| n.starts_with("Kontaktperson")),
            "{:?}",
            listed(&a)
        );
    }
    // A control character is never text.
    let mut a = app();
    a.update(Action::InsertChar('\u{7}'));
    assert_eq!(a.list().query, "");
}

#[test]
fn clearing_the_search_keeps_the_selected_insats_in_sight() {
    let mut a = app();
    resize(&mut a, 80, 24);
    type_text(&mut a, "hvb");
    a.update(Action::Down);
    a.update(Action::Down);
    let third = a.selected_insats().map(|i| i.id.clone());
    assert!(third.is_some());
    // Esc leaves the search box, the second Esc clears the search.
    a.update(Action::Back);
    assert_eq!(a.focus(), Focus::List);
    assert_eq!(a.selected_insats().map(|i| i.id.clone()), third);
    a.update(Action::Back);
    assert_eq!(a.list().query, "");
    assert_eq!(a.list().hits.len(), 41);
    assert_eq!(a.selected_insats().map(|i| i.id.clone()), third);
    let height = usize::from(a.panes().list.expect("list").height) - 2;
    let (offset, selected) = (a.list().offset, a.list().selected);
    assert!(
        offset <= selected && selected < offset + height,
        "{offset} {selected}"
    );
    // Ctrl-U in the box clears the same way.
    type_text(&mut a, "mi");
    a.update(Action::Down);
    let second = a.selected_insats().map(|i| i.id.clone());
    a.update(Action::ClearSearch);
    assert_eq!(a.selected_insats().map(|i| i.id.clone()), second);
}

#[test]
fn enter_moves_from_search_to_list_to_detail() {
    let mut a = app();
    a.update(Action::FocusSearch);
    type_text(&mut a, "aterfall");
    a.update(Action::Open);
    assert_eq!(a.focus(), Focus::List);
    assert_eq!(
        a.selected_insats().map(|i| i.namn.as_str()),
        Some("Återfallsprevention (ÅP)")
    );
    a.update(Action::Open);
    assert_eq!(a.focus(), Focus::Detail);
    a.update(Action::Back);
    assert_eq!(a.focus(), Focus::List);
}

#[test]
fn nothing_matching_leaves_no_selection() {
    let mut a = app();
    a.update(Action::FocusSearch);
    type_text(&mut a, "xyzzy");
    assert!(a.list().hits.is_empty());
    assert!(a.selected_insats().is_none());
    a.update(Action::Down);
    assert!(a.selected_insats().is_none());
    a.update(Action::ClearSearch);
    assert_eq!(a.list().hits.len(), 41);
}

#[test]
fn tree_selection_narrows_the_list_and_scope_toggles() {
    let mut a = app();
    a.update(Action::FocusTree);
    assert_eq!(a.context(), Context::Tree);
    // Row 0 is the whole catalogue; rows 1–6 the områden.
    for _ in 0..4 {
        a.update(Action::Down);
    }
    assert_eq!(
        a.tree().scope(),
        &Scope::Omrade(Omrade::MissbrukOchBeroende)
    );
    assert_eq!(a.scope_label(), "Missbruk och beroende");
    assert_eq!(a.list().hits.len(), 11);
    a.update(Action::FocusSearch);
    type_text(&mut a, "kontaktperson");
    assert_eq!(a.list().hits.len(), 1);
    a.update(Action::ToggleScope);
    assert_eq!(a.scope_label(), "hela katalogen");
    assert_eq!(a.list().hits.len(), 6);
    // The selected insats stays selected when the scope widens.
    assert_eq!(
        a.selected_insats().map(|i| i.omrade),
        Some(Omrade::MissbrukOchBeroende)
    );
    a.update(Action::ToggleScope);
    assert_eq!(a.list().hits.len(), 1);
}

#[test]
fn tree_expands_collapses_and_counts() {
    let mut a = app();
    a.update(Action::FocusTree);
    a.update(Action::Down); // Äldre
    let aldre = a.tree().selected();
    assert_eq!(a.tree().node(aldre).count, 6);
    assert!(!a.tree().is_expanded(aldre));
    a.update(Action::Expand);
    assert!(a.tree().is_expanded(aldre));
    a.update(Action::Expand); // into the first section
    assert_eq!(a.tree().label(), "2.1 Boendeformer / insatser i boendet");
    a.update(Action::Expand);
    a.update(Action::Expand); // into its group
    assert_eq!(a.tree().label(), "Hemtjänst och hemtjänstinsatser");
    assert_eq!(
        listed(&a),
        [
            "Dagverksamhet",
            "Fixarservice, fixartjänst, fixar-Malte",
            "Förebyggande hembesök hos äldre"
        ]
    );
    a.update(Action::Collapse); // leaf: to its parent
    assert_eq!(a.tree().label(), "2.1 Boendeformer / insatser i boendet");
    a.update(Action::Collapse); // expanded: collapse
    a.update(Action::Collapse); // to Äldre
    assert_eq!(a.tree().selected(), aldre);
    a.update(Action::Open);
    assert!(!a.tree().is_expanded(aldre));
    a.update(Action::Bottom);
    assert_eq!(a.tree().label(), "Våld i nära relationer");
    a.update(Action::Open);
    assert!(a.tree().is_expanded(a.tree().selected()));
    // Enter on a leaf (section 7.3 has no groups) goes to the list.
    a.update(Action::Bottom);
    assert_eq!(a.tree().label(), "7.3 Övriga insatser");
    assert_eq!(a.focus(), Focus::Tree);
    a.update(Action::Open);
    assert_eq!(a.focus(), Focus::List);
    assert_eq!(listed(&a), ["Kontaktperson"]);
}

#[test]
fn panes_cycle_and_page_height_follows_the_window() {
    let mut a = app();
    resize(&mut a, 120, 40);
    a.update(Action::NextPane);
    assert_eq!(a.focus(), Focus::Detail);
    a.update(Action::NextPane);
    assert_eq!(a.focus(), Focus::Tree);
    a.update(Action::PrevPane);
    assert_eq!(a.focus(), Focus::Detail);
    a.update(Action::PrevPane);
    assert_eq!(a.focus(), Focus::List);
    // 40 rows: tabs 1, status 1, search box 3, list borders 2 → 33 rows a page.
    a.update(Action::PageDown);
    assert_eq!(a.list().selected, 33);
    resize(&mut a, 120, 20);
    a.update(Action::Top);
    a.update(Action::PageDown);
    assert_eq!(a.list().selected, 13);
    assert!(a.list().offset > 0, "selection kept visible");
    a.update(Action::Bottom);
    assert_eq!(a.list().selected, 40);
    assert_eq!(a.list().offset, 40 + 1 - 13);
}

#[test]
fn narrow_window_shows_the_tree_only_while_it_has_focus() {
    let mut a = app();
    resize(&mut a, 80, 24);
    let p = a.panes();
    assert!(p.tree.is_none() && p.list.is_some() && p.detail.is_some());
    a.update(Action::FocusTree);
    let p = a.panes();
    assert!(p.tree.is_some() && p.list.is_some() && p.detail.is_none());
    resize(&mut a, 50, 20);
    let p = a.panes();
    assert!(p.tree.is_some() && p.list.is_none() && p.detail.is_none());
    resize(&mut a, 120, 40);
    let p = a.panes();
    assert!(p.tree.is_some() && p.list.is_some() && p.detail.is_some());
}

#[test]
fn detail_scrolls_within_its_content_and_resets_on_a_new_insats() {
    let mut a = app();
    resize(&mut a, 80, 24);
    a.update(Action::FocusSearch);
    type_text(&mut a, "mi");
    a.update(Action::Open);
    a.update(Action::Open);
    assert_eq!(a.focus(), Focus::Detail);
    a.update(Action::Down);
    assert_eq!(a.detail_scroll(), 1);
    a.update(Action::Bottom);
    let max = a.detail_scroll();
    assert!(max > 5, "MI has a long detail at 80x24: {max}");
    a.update(Action::Down);
    assert_eq!(a.detail_scroll(), max, "clamped at the end");
    a.update(Action::Back);
    a.update(Action::Down);
    assert_eq!(a.detail_scroll(), 0);
}

#[test]
fn detail_shows_path_bullets_bars_and_missing_figures() {
    let mut a = app();
    a.update(Action::FocusSearch);
    type_text(&mut a, "fixar");
    let text = detail_text(&a, 60);
    assert_eq!(text[0], "Fixarservice, fixartjänst, fixar-Malte");
    assert!(
        text.iter()
            .any(|l| l == "I bilagan: Fixarservice, fixartjänst")
    );
    assert!(
        text.iter()
            .any(|l| l.starts_with("Äldre › 2.1 Boendeformer / insatser i boendet › Hemtjänst"))
    );
    assert!(text.contains(&"• Byta glödlampor och säkringar".to_string()));
    let ges = text
        .iter()
        .find(|l| l.starts_with("Ges "))
        .expect("Ges bar");
    assert!(ges.ends_with("169 kommuner (70 %)"), "{ges}");
    assert!(ges.contains('█'));

    a.update(Action::ClearSearch);
    type_text(&mut a, "bct");
    let text = detail_text(&a, 60);
    assert!(
        text.iter()
            .any(|l| l.starts_with("Ges ") && l.ends_with("0 kommuner (0 %)"))
    );
    let missing = text
        .iter()
        .filter(|l| l.ends_with("uppgift saknas"))
        .count();
    assert_eq!(missing, 3);
}

#[test]
fn detail_compares_the_same_insats_elsewhere() {
    let mut a = app();
    a.update(Action::FocusSearch);
    type_text(&mut a, "mi");
    let lines = a.detail_lines(70);
    let text: Vec<String> = lines
        .iter()
        .map(|l| l.iter().map(|(_, s)| s.as_str()).collect())
        .collect();
    let at = text
        .iter()
        .position(|l| l == "Samma insats på andra ställen")
        .expect("comparison heading");
    // Right under the källa: a row per place, with its figures and shares.
    let kalla = text.iter().position(|l| l == "Källa").expect("källa");
    assert!(at > kalla && at <= kalla + 4, "{text:?}");
    assert!(
        text[at + 1].trim_start().starts_with("Ges"),
        "{}",
        text[at + 1]
    );
    assert!(text[at + 2].starts_with("▸ Barn "), "{}", text[at + 2]);
    assert!(text[at + 2].contains("194 83%"), "{}", text[at + 2]);
    let rows: Vec<&String> = text[at + 3..at + 8].iter().collect();
    for (row, label) in rows.iter().zip([
        "Funk",
        "Missbr",
        "Socpsyk",
        "Våld › våldsutsatta vuxna",
        "Våld › våldsutövande vuxna",
    ]) {
        assert!(row.starts_with(&format!("  {label}")), "{row}");
    }
    assert!(lines[at].iter().all(|(t, _)| *t == Tone::Heading));
}

#[test]
fn rows_with_the_same_name_say_which_is_which() {
    let a = app();
    let label = |id: &str| {
        let i = a.catalog().position(id).expect(id);
        a.label(i).map(str::to_string)
    };
    assert_eq!(
        label("barn-3.1-motiverande-samtal-mi").as_deref(),
        Some("Barn")
    );
    assert_eq!(
        label("vald-7.2-motiverande-samtal-mi-valdsutsatta-vuxna").as_deref(),
        Some("Våld › våldsutsatta vuxna")
    );
    assert_eq!(
        label("vald-7.2-motiverande-samtal-mi-valdsutovande-vuxna").as_deref(),
        Some("Våld › våldsutövande vuxna")
    );
    assert_eq!(label("missbruk-5.2-aterfallsprevention-ap"), None);
}

#[test]
fn help_overlay_opens_scrolls_and_closes() {
    let mut a = app();
    resize(&mut a, 80, 24);
    a.update(Action::ToggleHelp);
    assert!(a.help_open());
    a.update(Action::Down);
    assert_eq!(a.help_scroll(), 1);
    assert_eq!(a.list().selected, 0, "keys go to the overlay");
    a.update(Action::Bottom);
    let max = a.help_scroll();
    assert_eq!(
        max,
        a.help().line_count(insats::keymap::HelpView::Catalog) - 18
    );
    a.update(Action::Back);
    assert!(!a.help_open());
    a.update(Action::ToggleHelp);
    a.update(Action::ToggleHelp);
    assert!(!a.help_open());
}

#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    let mut a = app();
    resize(&mut a, 120, 40);
    let p = a.panes();
    let list = p.list.expect("list shown");
    // Third row inside the list's border.
    a.update(Action::Click {
        column: list.x + 3,
        row: list.y + 3,
    });
    assert_eq!(a.focus(), Focus::List);
    assert_eq!(a.list().selected, 2);
    a.update(Action::Scroll {
        column: list.x + 3,
        row: list.y + 3,
        delta: 1,
    });
    assert_eq!(a.list().selected, 5);
    let tree = p.tree.expect("tree shown");
    a.update(Action::Click {
        column: tree.x + 2,
        row: tree.y + 2,
    });
    assert_eq!(a.focus(), Focus::Tree);
    assert_eq!(a.tree().scope(), &Scope::Omrade(Omrade::Aldre));
    assert_eq!(a.list().hits.len(), 6);
    resize(&mut a, 120, 16);
    let p = a.panes();
    let detail = p.detail.expect("detail shown");
    a.update(Action::Scroll {
        column: detail.x + 2,
        row: detail.y + 2,
        delta: 1,
    });
    assert_eq!(a.focus(), Focus::Tree, "the wheel does not take the focus");
    assert_eq!(a.detail_scroll(), 3);
    a.update(Action::Click {
        column: p.search.expect("search").x + 2,
        row: p.search.expect("search").y + 1,
    });
    assert_eq!(a.focus(), Focus::Search);
}

#[test]
fn the_tab_line_names_both_views_and_a_click_switches() {
    let mut a = app();
    resize(&mut a, 80, 24);
    let line = a.panes().tabs;
    assert_eq!(line.y, 0);
    let tabs = a.tabs(line);
    let labels: Vec<&str> = tabs.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, [" F2 Katalog ", " F3 Checklista "]);
    assert!(
        tabs[0].columns.end < tabs[1].columns.start,
        "a gap between tabs"
    );
    let checklist = tabs[1].columns.clone();

    // A click beside the tabs does nothing; on the second tab it opens the checklist.
    a.update(Action::Click { column: 70, row: 0 });
    assert_eq!(a.view(), View::Catalog);
    a.update(Action::FocusSearch);
    a.update(Action::Click {
        column: checklist.start + 2,
        row: 0,
    });
    assert_eq!(a.view(), View::Checklist);
    assert_eq!(a.focus(), Focus::List, "typing is off on the checklist");
    // On the checklist the tabs are the same, and the first goes back.
    a.update(Action::Click {
        column: tabs[0].columns.start,
        row: 0,
    });
    assert_eq!(a.view(), View::Catalog);

    // In the presentation there is no tab line: a click on the left steps back instead.
    a.update(Action::Down);
    a.update(Action::TogglePresentation);
    a.update(Action::Click {
        column: checklist.start,
        row: 0,
    });
    assert!(a.presentation());
    assert_eq!(a.view(), View::Catalog);
    assert_eq!(a.list().selected, 0);
}

#[test]
fn tabs_that_do_not_fit_are_left_out_and_the_first_is_cut() {
    use insats::app::layout::tabs;
    use ratatui::layout::Rect;
    let labels = || {
        vec![
            (View::Catalog, " 1 Katalog ".to_string()),
            (View::Checklist, " 2 Checklista · Malmö ".to_string()),
        ]
    };
    let wide = tabs(Rect::new(0, 0, 40, 1), labels());
    assert_eq!(wide.len(), 2);
    assert_eq!(wide[1].columns, 12..34);
    let narrow = tabs(Rect::new(0, 0, 20, 1), labels());
    assert_eq!(narrow.len(), 1);
    assert_eq!(narrow[0].columns, 0..11);
    let tiny = tabs(Rect::new(0, 0, 5, 1), labels());
    assert_eq!(tiny.len(), 1);
    assert_eq!(tiny[0].columns, 0..5);
}

#[test]
fn view_two_is_the_checklist_placeholder_and_quit_quits() {
    let mut a = app();
    a.update(Action::FocusSearch);
    a.update(Action::ShowChecklist);
    assert_eq!(a.view(), View::Checklist);
    assert_eq!(a.focus(), Focus::List, "typing is off on the checklist");
    a.update(Action::Down);
    assert_eq!(a.list().selected, 0);
    a.update(Action::ShowCatalog);
    assert_eq!(a.view(), View::Catalog);
    assert!(!a.should_quit());
    a.update(Action::Quit);
    assert!(a.should_quit());
}

#[test]
fn detail_shows_skane_figures_apart_as_another_measure() {
    let catalog = insats::data::load(&insats::data::Source::Embedded).expect("embedded data");
    let index = catalog
        .position("missbruk-5.2-aterfallsprevention-ap")
        .expect("ÅP in the catalogue");
    let text: Vec<String> = insats::app::detail::lines(&catalog, index, 80)
        .into_iter()
        .map(|l| l.into_iter().map(|(_, s)| s).collect())
        .collect();
    let at = text
        .iter()
        .position(|l| l.starts_with("Skåne län 2016–2020 (ett annat mått)"))
        .expect("Skåne heading");
    let national = text
        .iter()
        .position(|l| l.starts_with("Ges "))
        .expect("national figures");
    assert!(national < at, "national figures first");
    assert!(
        text[at..]
            .iter()
            .any(|l| l.contains("De tio vanligaste av de kartlagda insatserna (plats 2)"))
    );
    assert!(
        text[at..]
            .iter()
            .any(|l| l.contains("96 % (24 av 25 kommuner)"))
    );
}

#[test]
fn detail_lists_the_indikatorer_linked_to_the_insats() {
    let catalog = insats::data::load(&insats::data::Source::Embedded).expect("embedded data");
    let index = catalog
        .position("missbruk-5.2-kognitiv-beteendeterapi-kbt")
        .expect("KBT in the catalogue");
    let text: Vec<String> = insats::app::detail::lines(&catalog, index, 80)
        .into_iter()
        .map(|l| l.into_iter().map(|(_, s)| s).collect())
        .collect();
    let at = text
        .iter()
        .position(|l| l == "Indikatorer, öppna jämförelser 2019")
        .expect("indikator heading");
    assert!(text[at + 1].starts_with("46 "), "{:?}", &text[at..]);
    // An insats without links has no such heading.
    let plain = catalog
        .position("aldre-2.1-dagverksamhet")
        .expect("Dagverksamhet");
    assert!(
        insats::app::detail::lines(&catalog, plain, 80)
            .iter()
            .all(|l| l.iter().all(|(_, s)| !s.starts_with("Indikatorer,")))
    );
}

#[test]
fn backspace_and_ctrl_u_edit_the_search_from_any_pane() {
    let k = insats::keymap::Keymap::builtin().expect("keymap");
    for context in [
        Context::Tree,
        Context::List,
        Context::Detail,
        Context::Search,
    ] {
        let key = |s: &str| {
            let c: insats::keymap::KeyCombo = s.parse().expect("key");
            crossterm::event::KeyEvent::new(c.code, c.modifiers)
        };
        assert_eq!(
            k.resolve(context, &key("backspace")),
            Some(Action::DeleteChar)
        );
        assert_eq!(
            k.resolve(context, &key("ctrl-u")),
            Some(Action::ClearSearch)
        );
    }
    let mut a = app();
    type_text(&mut a, "hvb");
    a.update(Action::Back);
    assert_eq!(a.focus(), Focus::List);
    a.update(Action::DeleteChar);
    assert_eq!(a.list().query, "hv");
    a.update(Action::ClearSearch);
    assert_eq!(a.list().query, "");
}
