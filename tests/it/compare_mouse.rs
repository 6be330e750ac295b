//! The detail pane's comparison table ("Samma insats på andra ställen") by mouse, on the real
//! catalogue: a click chooses a row as ↑↓ do, a click on the chosen row (or Enter) goes
//! there, and a click on the row of the one left goes back.

use crate::common;

use common::type_text;
use insats::action::Action;
use insats::app::layout::inner;
use insats::app::{App, Focus};
use insats::keymap::Keymap;
use insats::model::Omrade;

use crate::common::screen;

/// The real catalogue at `width` × `height`, on the first HVB hit (Barn), list focused.
fn on_hvb(width: u16, height: u16) -> App {
    let catalog = insats::data::load(&insats::data::Source::Embedded).expect("embedded data");
    let mut a = App::new(catalog, Keymap::builtin().expect("keymap").help());
    a.update(Action::Resize { width, height });
    type_text(&mut a, "hvb");
    a.update(Action::Open);
    assert_eq!(a.focus(), Focus::List);
    a
}

/// Where on the screen row `k` of the comparison table is (a column inside it and the
/// line of its first row), if it is in sight.
fn row_at(a: &App, k: usize) -> Option<(u16, u16)> {
    let r = inner(a.panes().detail?);
    let rows = a.detail_view(usize::from(r.width)).rows;
    let line = rows.get(k)?.start;
    let shown = line.checked_sub(a.detail_scroll())?;
    let shown = u16::try_from(shown).ok().filter(|&n| n < r.height)?;
    Some((r.x + 4, r.y + shown))
}

fn click(a: &mut App, (column, row): (u16, u16)) {
    a.update(Action::Click { column, row });
}

fn selected_omrade(a: &App) -> Omrade {
    a.selected_insats().expect("an insats").omrade
}

#[test]
fn a_click_chooses_a_row_and_a_second_goes_there_and_back_100x30() {
    let mut a = on_hvb(100, 30);
    let barn = a.selected_insats().map(|i| i.id.clone());
    assert_eq!(selected_omrade(&a), Omrade::BarnOchUnga);
    // From the list: the click takes the detail pane and chooses the row, nothing more.
    let missbruk = row_at(&a, 1).expect("the second row in sight");
    click(&mut a, missbruk);
    assert_eq!(a.focus(), Focus::Detail);
    assert_eq!(a.compare_row(), Some(1));
    assert_eq!(a.selected_insats().map(|i| i.id.clone()), barn);
    let s = screen(&mut a, 100, 30);
    let line = s
        .lines()
        .nth(usize::from(missbruk.1))
        .expect("the clicked line");
    assert!(line.contains("› Missbr"), "{s}");
    insta::assert_snapshot!(s);
    // The same row again (the second click of a double-click): there.
    click(&mut a, missbruk);
    assert_eq!(selected_omrade(&a), Omrade::MissbrukOchBeroende);
    assert_eq!(a.focus(), Focus::Detail);
    // There, the row of the one left is chosen; a click on it goes back.
    assert_eq!(a.compare_row(), Some(0));
    let back = row_at(&a, 0).expect("the row back in sight");
    click(&mut a, back);
    assert_eq!(a.selected_insats().map(|i| i.id.clone()), barn);
}

#[test]
fn a_click_on_another_row_moves_the_choice_and_enter_goes_there_120x40() {
    let mut a = on_hvb(120, 40);
    let first = row_at(&a, 0).expect("first row");
    click(&mut a, first);
    assert_eq!(a.compare_row(), Some(0));
    let third = row_at(&a, 2).expect("third row");
    click(&mut a, third);
    assert_eq!(
        a.compare_row(),
        Some(2),
        "a click on another row chooses it"
    );
    assert_eq!(selected_omrade(&a), Omrade::BarnOchUnga, "and goes nowhere");
    // The keys go on from the row the mouse chose: ↑ then Enter.
    a.update(Action::Up);
    assert_eq!(a.compare_row(), Some(1));
    a.update(Action::Open);
    assert_eq!(selected_omrade(&a), Omrade::MissbrukOchBeroende);
}

#[test]
fn a_click_beside_the_table_only_focuses_the_detail_pane() {
    let mut a = on_hvb(100, 30);
    let r = inner(a.panes().detail.expect("detail pane"));
    // The title line, then the table's heading line just above its first row.
    click(&mut a, (r.x + 1, r.y));
    assert_eq!(a.focus(), Focus::Detail);
    assert_eq!(a.compare_row(), None);
    let (x, y) = row_at(&a, 0).expect("first row");
    click(&mut a, (x, y - 1));
    assert_eq!(a.compare_row(), None);
    // Esc leaves the table a click chose, as it leaves one chosen by keys.
    click(&mut a, (x, y));
    assert_eq!(a.compare_row(), Some(0));
    a.update(Action::Back);
    assert_eq!(a.compare_row(), None);
    assert_eq!(a.focus(), Focus::Detail);
}

#[test]
fn a_row_scrolled_into_sight_is_clicked_where_it_is_drawn_80x24() {
    let mut a = on_hvb(80, 24);
    a.update(Action::Open);
    assert_eq!(a.focus(), Focus::Detail);
    // Scroll the detail pane until the table's last row is in sight.
    let last = a
        .detail_view(usize::from(inner(a.panes().detail.expect("detail")).width))
        .rows
        .len()
        - 1;
    for _ in 0..40 {
        if row_at(&a, last).is_some() {
            break;
        }
        a.update(Action::Down);
    }
    let at = row_at(&a, last).expect("the last row in sight");
    let s = screen(&mut a, 80, 24);
    click(&mut a, at);
    assert_eq!(a.compare_row(), Some(last), "{s}");
    click(&mut a, at);
    assert_ne!(selected_omrade(&a), Omrade::BarnOchUnga);
}

#[test]
fn every_line_of_a_wrapped_row_belongs_to_it() {
    let a = on_hvb(100, 30);
    // Narrow enough that a row's label and its figures take lines of their own.
    for width in [12, 20, 30, 44, 70] {
        let view = a.detail_view(width);
        assert!(!view.rows.is_empty());
        for pair in view.rows.windows(2) {
            assert_eq!(pair[0].end, pair[1].start, "rows meet at {width}");
        }
        for r in &view.rows {
            assert!(
                r.start < r.end && r.end <= view.lines.len(),
                "{width}: {r:?}"
            );
        }
    }
}
