//! Screen snapshots through ratatui's TestBackend, at 80x24 and 120x40 (and a few others).

use crate::common;

use common::type_text;
use insats::action::Action;
use insats::app::App;
use insats::keymap::Keymap;

use crate::common::screen;

fn search(app: &mut App, query: &str) {
    app.update(Action::FocusSearch);
    type_text(app, query);
}

fn real_app() -> App {
    let catalog = insats::data::load(&insats::data::Source::Embedded).expect("embedded data");
    App::new(catalog, Keymap::builtin().expect("keymap").help())
}

#[test]
fn start_120x40() {
    let mut a = common::app();
    insta::assert_snapshot!(screen(&mut a, 120, 40));
}

#[test]
fn search_motiverande_120x40() {
    let mut a = common::app();
    search(&mut a, "motiverande");
    insta::assert_snapshot!(screen(&mut a, 120, 40));
}

#[test]
fn search_hvb_80x24() {
    let mut a = common::app();
    search(&mut a, "hvb");
    a.update(Action::Open);
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn tree_focused_80x24() {
    let mut a = common::app();
    a.update(Action::FocusTree);
    a.update(Action::Down);
    a.update(Action::Expand);
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn detail_with_bullets_120x40() {
    let mut a = common::app();
    search(&mut a, "fixar");
    a.update(Action::Open);
    a.update(Action::Open);
    insta::assert_snapshot!(screen(&mut a, 120, 40));
}

#[test]
fn nothing_found_in_an_omrade_80x24() {
    let mut a = common::app();
    a.update(Action::FocusTree);
    a.update(Action::Down);
    search(&mut a, "hvb");
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn help_80x24() {
    let mut a = common::app();
    a.update(Action::ToggleHelp);
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn too_small_20x5() {
    let mut a = common::app();
    let s = screen(&mut a, 20, 5);
    assert!(s.contains("Fönstret är"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn single_column_50x16() {
    let mut a = common::app();
    search(&mut a, "aterfall");
    insta::assert_snapshot!(screen(&mut a, 50, 16));
}

#[test]
fn real_catalogue_start_120x40() {
    let mut a = real_app();
    insta::assert_snapshot!(screen(&mut a, 120, 40));
}

#[test]
fn real_catalogue_motiverande_80x24() {
    let mut a = real_app();
    search(&mut a, "motiverande");
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

/// The list rows of a screen: the text between the list's borders, below its title.
fn list_rows(screen: &str) -> Vec<String> {
    let lines: Vec<Vec<char>> = screen
        .lines()
        .map(|l| l.trim_matches('"').chars().collect())
        .collect();
    let (top, left) = lines
        .iter()
        .enumerate()
        .find_map(|(y, l)| {
            let s: String = l.iter().collect();
            let at = s.find("┌ Insatser")?;
            Some((y, s[..at].chars().count()))
        })
        .expect("the list shows");
    lines[top + 1..]
        .iter()
        .take_while(|l| l.get(left) != Some(&'└'))
        .map(|l| {
            let inner: String = l.iter().skip(left + 1).collect();
            inner.split('│').next().unwrap_or("").trim().to_string()
        })
        .filter(|r| !r.is_empty())
        .collect()
}

#[test]
fn typing_kontaktperson_without_a_slash_searches_80x24() {
    let mut a = real_app();
    // Straight from the start, no `/` first.
    type_text(&mut a, "kontaktperson");
    let s = screen(&mut a, 80, 24);
    let rows = list_rows(&s);
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| r.to_lowercase().contains("kontaktperson")),
        "{rows:?}"
    );
    assert!(!a.presentation());
    insta::assert_snapshot!(s);
}

#[test]
fn every_hvb_row_shows_hvb() {
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        let mut a = real_app();
        type_text(&mut a, "hvb");
        let s = screen(&mut a, w, h);
        let rows = list_rows(&s);
        let hvb: Vec<&String> = rows
            .iter()
            .filter(|r| r.contains("vård eller boende"))
            .collect();
        assert_eq!(hvb.len(), 4, "{w}x{h}: {rows:?}");
        for r in hvb {
            assert!(r.contains("(HVB)"), "{w}x{h}: {r}");
        }
    }
}

#[test]
fn search_hvb_real_80x24() {
    let mut a = real_app();
    type_text(&mut a, "hvb");
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn search_hvb_real_100x30() {
    let mut a = real_app();
    type_text(&mut a, "hvb");
    insta::assert_snapshot!(screen(&mut a, 100, 30));
}

#[test]
fn the_two_act_rows_read_differently_100x30() {
    let mut a = real_app();
    type_text(&mut a, "act");
    let s = screen(&mut a, 100, 30);
    let rows = list_rows(&s);
    let act: Vec<&String> = rows.iter().filter(|r| r.contains("(ACT)-")).collect();
    assert_eq!(act.len(), 2, "{rows:?}");
    assert!(act.iter().any(|r| r.contains("-modellen")), "{act:?}");
    assert!(act.iter().any(|r| r.contains("-team")), "{act:?}");
    insta::assert_snapshot!(s);
}

#[test]
fn esc_twice_keeps_the_third_hit_selected_80x24() {
    let mut a = real_app();
    type_text(&mut a, "hvb");
    a.update(Action::Down);
    a.update(Action::Down);
    let third = a.selected_insats().map(|i| i.id.clone());
    a.update(Action::Back);
    a.update(Action::Back);
    assert_eq!(a.list().query, "");
    assert_eq!(a.selected_insats().map(|i| i.id.clone()), third);
    let s = screen(&mut a, 80, 24);
    // The selected row is on screen.
    assert!(
        s.lines()
            .any(|l| l.contains("▸…") || l.contains("▸Hem för vård")),
        "{s}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn every_size_draws_without_panicking() {
    let mut a = real_app();
    search(&mut a, "mi");
    for (w, h) in [
        (1, 1),
        (10, 3),
        (39, 9),
        (40, 10),
        (59, 12),
        (60, 12),
        (99, 20),
        (100, 30),
        (200, 60),
    ] {
        for focus in [
            Action::FocusTree,
            Action::FocusSearch,
            Action::NextPane,
            Action::NextPane,
        ] {
            a.update(focus);
            let _ = screen(&mut a, w, h);
            a.update(Action::ToggleHelp);
            let _ = screen(&mut a, w, h);
            a.update(Action::ToggleHelp);
        }
    }
}

#[test]
fn the_detail_pane_marks_the_searched_words_in_the_forklaring() {
    let mut a = real_app();
    type_text(&mut a, "hvb");
    let stella = a
        .list()
        .hits
        .iter()
        .position(|h| a.catalog().insatser[h.index].namn == "Stella")
        .expect("Stella is a hit");
    a.update(Action::Top);
    for _ in 0..stella {
        a.update(Action::Down);
    }
    assert_eq!(a.selected_insats().map(|i| i.namn.as_str()), Some("Stella"));
    let marked: Vec<String> = a
        .detail_lines(60)
        .into_iter()
        .flatten()
        .filter(|(t, _)| *t == insats::app::detail::Tone::Match)
        .map(|(_, s)| s)
        .collect();
    assert!(!marked.is_empty());
    assert!(marked.iter().all(|w| w.contains("HVB")), "{marked:?}");
    // Without a search nothing is marked.
    a.update(Action::Back);
    a.update(Action::Back);
    assert!(
        a.detail_lines(60)
            .into_iter()
            .flatten()
            .all(|(t, _)| t != insats::app::detail::Tone::Match)
    );
}

#[test]
fn weak_hits_are_said_to_be_the_nearest_in_the_list_title() {
    let mut a = real_app();
    type_text(&mut a, "fit");
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("Inga träffar på hela ord; närmaste:"), "{s}");
    assert!(s.contains("Fixartjänster"), "{s}");
    assert!(screen(&mut a, 80, 24).contains("Inga hela ord; närmaste:"));
    // A query with whole-word hits has the usual title.
    a.update(Action::ClearSearch);
    type_text(&mut a, "fixar");
    assert!(screen(&mut a, 100, 30).contains("┌ Insatser"));
}

#[test]
fn the_comparison_sits_under_the_kalla_and_enter_jumps_there_and_back_100x30() {
    let mut a = real_app();
    type_text(&mut a, "hvb");
    a.update(Action::Open); // to the list
    a.update(Action::Open); // to the detail pane
    let barn = a.selected_insats().map(|i| i.id.clone());
    let s = screen(&mut a, 100, 30);
    let at = |s: &str, text: &str| s.lines().position(|l| l.contains(text));
    let kalla = at(&s, "│Källa").expect("källa");
    let compare = at(&s, "Samma insats på andra ställen").expect("comparison");
    assert!(compare > kalla && compare <= kalla + 3, "{s}");
    // Enter chooses the first other row, Enter again goes there.
    a.update(Action::Open);
    assert_eq!(a.compare_row(), Some(0));
    a.update(Action::Down);
    assert_eq!(a.compare_row(), Some(1));
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("› Missbr"), "{s}");
    insta::assert_snapshot!(s);
    a.update(Action::Open);
    let here = a.selected_insats().expect("an insats");
    assert_eq!(here.omrade, insats::model::Omrade::MissbrukOchBeroende);
    assert_eq!(a.focus(), insats::app::Focus::Detail);
    // The row of the one left is chosen: Enter goes back.
    assert_eq!(a.compare_row(), Some(0));
    a.update(Action::Open);
    assert_eq!(a.selected_insats().map(|i| i.id.clone()), barn);
    // Esc leaves the table first, then the pane.
    a.update(Action::Back);
    assert_eq!(a.compare_row(), None);
    assert_eq!(a.focus(), insats::app::Focus::Detail);
}
