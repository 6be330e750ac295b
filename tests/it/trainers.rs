//! For trainers and first-time users: presentation stepping, copying (the OSC 52 bytes and
//! the status message), the first-start hint, the help grouped by what keys do, and
//! snapshots of these screens.

use crate::common;

use common::{app, type_text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insats::action::{Action, Context};
use insats::app::{App, Focus, StatusKind};
use insats::clipboard;
use insats::keymap::{HelpView, Keymap};
use insats::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::common::screen;

fn selected_name(a: &App) -> String {
    a.selected_insats().expect("a selection").namn.clone()
}

fn searched(query: &str) -> App {
    let mut a = app();
    a.update(Action::FocusSearch);
    type_text(&mut a, query);
    a.update(Action::Open);
    a
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn presentation_steps_through_the_insatser_of_the_list() {
    let mut a = searched("hvb");
    let hits: Vec<usize> = a.list().hits.iter().map(|h| h.index).collect();
    assert_eq!(hits.len(), 7);
    a.update(Action::TogglePresentation);
    assert!(a.presentation());
    assert_eq!(a.context(), Context::Presentation);
    assert_eq!(a.help_view(), HelpView::Presentation);
    assert_eq!(a.list().selected_index(), Some(hits[0]));
    a.update(Action::NextInsats);
    a.update(Action::NextInsats);
    assert_eq!(a.list().selected_index(), Some(hits[2]));
    a.update(Action::PrevInsats);
    assert_eq!(a.list().selected_index(), Some(hits[1]));
    // Arrow keys as a clicker sends them, and the ends of the list.
    a.update(Action::Down);
    assert_eq!(a.list().selected_index(), Some(hits[2]));
    a.update(Action::Bottom);
    a.update(Action::NextInsats);
    assert_eq!(
        a.list().selected_index(),
        Some(hits[6]),
        "stays on the last"
    );
    a.update(Action::Top);
    a.update(Action::PrevInsats);
    assert_eq!(
        a.list().selected_index(),
        Some(hits[0]),
        "stays on the first"
    );
    // The search is untouched; leaving keeps the insats shown last.
    a.update(Action::NextInsats);
    a.update(Action::Back);
    assert!(!a.presentation());
    assert_eq!(a.focus(), Focus::List);
    assert_eq!(a.list().query, "hvb");
    assert_eq!(a.list().selected_index(), Some(hits[1]));
}

#[test]
fn a_search_inside_the_presentation_stays_there() {
    let catalog = insats::data::load(&insats::data::Source::Embedded).expect("data");
    let mut a = App::new(catalog, Keymap::builtin().expect("keymap").help()).with_presentation();
    a.update(Action::FocusSearch);
    assert!(a.presentation_search());
    assert_eq!(a.context(), Context::Search);
    for c in "hvb".chars() {
        a.update(Action::InsertChar(c));
    }
    a.update(Action::Down);
    a.update(Action::Open);
    assert!(a.presentation(), "still presenting");
    assert!(!a.presentation_search());
    assert_eq!(a.list().selected, 0, "from the first hit");
    assert_eq!(
        a.selected_insats().map(|i| i.namn.as_str()),
        Some("Hem för vård eller boende (HVB)")
    );
    assert_eq!(a.context(), Context::Presentation);
    // A new search starts from an empty box; Esc goes back to the slide shown before.
    a.update(Action::NextInsats);
    let shown = a.selected_insats().map(|i| i.id.clone());
    a.update(Action::FocusSearch);
    assert_eq!(a.list().query, "");
    a.update(Action::InsertChar('x'));
    a.update(Action::Back);
    assert!(a.presentation() && !a.presentation_search());
    assert_eq!(a.list().query, "hvb");
    assert_eq!(a.selected_insats().map(|i| i.id.clone()), shown);
}

#[test]
fn presentation_starts_on_a_querys_hits() {
    let catalog = insats::data::load(&insats::data::Source::Embedded).expect("data");
    let a = App::new(catalog, Keymap::builtin().expect("keymap").help())
        .with_query("hvb")
        .with_presentation();
    assert!(a.presentation());
    assert_eq!(a.list().hits.len(), 8);
    assert_eq!(
        a.selected_insats().map(|i| i.namn.as_str()),
        Some("Hem för vård eller boende (HVB)")
    );
}

#[test]
fn a_long_forklaring_scrolls_before_the_next_insats_at_80x24() {
    let catalog = insats::data::load(&insats::data::Source::Embedded).expect("data");
    // The insats whose förklaring overflows most at 80x24.
    let col = insats::app::presentation::column(ratatui::layout::Rect::new(0, 0, 80, 23));
    let (w, h) = (usize::from(col.width), usize::from(col.height));
    let (index, over) = (0..catalog.insatser.len())
        .map(|n| {
            (
                n,
                insats::app::presentation::forklaring_overflow(&catalog, n, w, h),
            )
        })
        .max_by_key(|(_, o)| *o)
        .expect("insatser");
    assert!(over > 0, "some förklaring does not fit at 80x24");
    let id = catalog.insatser[index].id.clone();
    let namn = catalog.insatser[index].namn.clone();
    let mut a = App::new(catalog, Keymap::builtin().expect("keymap").help())
        .with_query(&namn)
        .with_presentation();
    a.update(Action::Resize {
        width: 80,
        height: 24,
    });
    let at = a
        .list()
        .hits
        .iter()
        .position(|hit| a.catalog().insatser[hit.index].id == id)
        .expect("a hit");
    for _ in 0..at {
        a.update(Action::NextInsats);
    }
    // The bars are on one line each: the slide fits the förklaring's start and all figures.
    let first = text_of(&a.slide(w, h));
    assert!(
        first
            .iter()
            .any(|l| l.starts_with("Ges ") && l.contains('█')),
        "{first:?}"
    );
    for _ in 0..over {
        a.update(Action::Down);
    }
    assert_eq!(a.selected_insats().map(|i| i.id.clone()), Some(id.clone()));
    let last = text_of(&a.slide(w, h));
    assert_ne!(first, last, "the förklaring scrolled");
    assert!(last.iter().any(|l| l.contains("↑ mer")), "{last:?}");
    // One more goes on to the next insats; ↑ comes back to it.
    a.update(Action::Down);
    if at + 1 < a.list().hits.len() {
        assert_ne!(a.selected_insats().map(|i| i.id.clone()), Some(id.clone()));
        a.update(Action::Up);
        assert_eq!(a.selected_insats().map(|i| i.id.clone()), Some(id));
    }
}

fn text_of(lines: &[insats::app::detail::DetailLine]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.iter().map(|(_, s)| s.as_str()).collect())
        .collect()
}

#[test]
fn presentation_keys_come_from_the_keymap() {
    let k = Keymap::builtin().expect("keymap");
    let p = Context::Presentation;
    // ↑ ↓ scroll a förklaring that does not fit first, then step (see the app tests).
    assert_eq!(k.resolve(p, &key(KeyCode::Down)), Some(Action::Down));
    assert_eq!(k.resolve(p, &key(KeyCode::Up)), Some(Action::Up));
    for code in [KeyCode::Right, KeyCode::PageDown, KeyCode::Char(' ')] {
        assert_eq!(
            k.resolve(p, &key(code)),
            Some(Action::NextInsats),
            "{code:?}"
        );
    }
    for code in [KeyCode::Left, KeyCode::PageUp] {
        assert_eq!(
            k.resolve(p, &key(code)),
            Some(Action::PrevInsats),
            "{code:?}"
        );
    }
    assert_eq!(
        k.resolve(p, &key(KeyCode::Esc)),
        Some(Action::TogglePresentation)
    );
    assert_eq!(
        k.resolve(p, &key(KeyCode::Char('p'))),
        Some(Action::TogglePresentation)
    );
    assert_eq!(
        k.resolve(Context::List, &key(KeyCode::F(5))),
        Some(Action::TogglePresentation)
    );
    assert_eq!(
        k.resolve(
            Context::Detail,
            &KeyEvent::new(KeyCode::Char('y'), KeyModifiers::CONTROL)
        ),
        Some(Action::Copy)
    );
    assert_eq!(k.resolve(p, &key(KeyCode::Char('c'))), Some(Action::Copy));
    // In the search box `c` and `p` are text.
    assert_eq!(
        k.resolve(Context::Search, &key(KeyCode::Char('c'))),
        Some(Action::InsertChar('c'))
    );
}

#[test]
fn the_mouse_steps_slides_too() {
    let mut a = searched("hvb");
    a.update(Action::Resize {
        width: 100,
        height: 30,
    });
    a.update(Action::TogglePresentation);
    let first = a.list().selected;
    a.update(Action::Scroll {
        column: 10,
        row: 10,
        delta: 1,
    });
    assert_eq!(a.list().selected, first + 1);
    a.update(Action::Click { column: 80, row: 5 });
    assert_eq!(a.list().selected, first + 2, "right half: forward");
    a.update(Action::Click { column: 10, row: 5 });
    assert_eq!(a.list().selected, first + 1, "left half: back");
}

#[test]
fn the_slide_fits_the_screen_and_keeps_the_figures() {
    let a = searched("fixar");
    let text = |w: usize, h: usize| -> Vec<String> {
        a.slide(w, h)
            .into_iter()
            .map(|l| l.into_iter().map(|(_, s)| s).collect())
            .collect()
    };
    let big = text(76, 40);
    assert!(big.len() <= 40);
    assert_eq!(big[0], "Fixarservice, fixartjänst, fixar-Malte");
    for label in ["Ges", "Digitalt", "I enskild regi", "Utan biståndsbeslut"] {
        assert!(
            big.iter().any(|l| l.starts_with(label)),
            "{label}: {big:#?}"
        );
    }
    // Roomy: bars two rows high.
    let bars = big
        .iter()
        .filter(|l| l.contains('█') || l.contains('░'))
        .count();
    assert_eq!(bars, 8, "{big:#?}");
    // Tight: one row each, and the förklaring cut with an ellipsis; figures stay.
    let small = text(40, 22);
    assert_eq!(small.len(), 22, "{small:#?}");
    assert!(small.iter().any(|l| l.ends_with(" …")), "{small:#?}");
    assert!(small.iter().any(|l| l.starts_with("Utan biståndsbeslut")));
    assert_eq!(
        small
            .iter()
            .filter(|l| l.contains('█') || l.contains('░'))
            .count(),
        4
    );
    // Too small for everything: cut at the bottom, never longer than the screen.
    assert_eq!(text(40, 10).len(), 10);
}

/// Decode standard base64, for checking what a terminal would put on its clipboard.
fn decode_base64(s: &str) -> Vec<u8> {
    let value = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("not base64: {c}"),
        }
    };
    let mut out = Vec::new();
    for chunk in s.as_bytes().chunks(4) {
        let pad = chunk.iter().filter(|&&c| c == b'=').count();
        let n = chunk
            .iter()
            .map(|&c| if c == b'=' { 0 } else { value(c) })
            .fold(0u32, |n, v| (n << 6) | v);
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..4 - pad]);
    }
    out
}

#[test]
fn copy_asks_for_the_insats_as_text_and_reports_in_swedish() {
    let mut a =
        searched("aterfall").with_copy_file(Some("~/.local/state/insats/urklipp.txt".into()));
    assert_eq!(selected_name(&a), "Återfallsprevention (ÅP)");
    a.update(Action::Resize {
        width: 100,
        height: 30,
    });
    a.update(Action::Copy);
    let request = a.copy_request().expect("a copy is asked for").clone();
    assert_eq!(request.name, "Återfallsprevention (ÅP)");
    let lines: Vec<&str> = request.text.lines().collect();
    assert_eq!(lines[0], "Återfallsprevention (ÅP)");
    assert_eq!(
        lines[1],
        "Missbruk och beroende › 5.2 Individ- och/eller gruppinsatser › Insatser riktade till \
         individer med missbruk"
    );
    for wanted in [
        "Förklaring",
        "Källa",
        "Ges: 224 kommuner (96 %)",
        "Digitalt: ",
    ] {
        assert!(
            lines.contains(&wanted) || request.text.contains(wanted),
            "{wanted}"
        );
    }

    // The bytes the terminal gets, and what its clipboard then holds.
    let seq = clipboard::copy_sequence(&request.text, false);
    let payload = seq
        .strip_prefix("\x1b]52;c;")
        .and_then(|s| s.strip_suffix('\x07'))
        .expect("ESC ] 52 ; c ; … BEL");
    assert_eq!(decode_base64(payload), request.text.as_bytes());
    assert!(
        payload
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
    );

    a.update(Action::Copied { saved: true });
    assert!(a.copy_request().is_none());
    let status = a.status().expect("a message");
    assert_eq!(status.kind, StatusKind::Done);
    assert_eq!(
        status.text,
        "Kopierade ”Återfallsprevention (ÅP)” · texten finns också i \
         ~/.local/state/insats/urklipp.txt"
    );
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("Kopierade ”Återfallsprevention (ÅP)”"), "{s}");
    // The next key clears it.
    a.update(Action::Down);
    assert!(a.status().is_none());

    // In a narrow window the name is shortened, never the file's place.
    let mut a =
        searched("aterfall").with_copy_file(Some("~/.local/state/insats/urklipp.txt".into()));
    a.update(Action::Resize {
        width: 90,
        height: 24,
    });
    a.update(Action::Copy);
    a.update(Action::Copied { saved: true });
    assert_eq!(
        a.status().map(|s| s.text.as_str()),
        Some(
            "Kopierade ”Återfallsprevention…” · texten finns också i ~/.local/state/insats/urklipp.txt"
        )
    );
}

#[test]
fn copy_reports_a_failed_file_and_an_empty_list() {
    let mut a = searched("aterfall").with_copy_file(Some("/x/urklipp.txt".into()));
    a.update(Action::Copy);
    a.update(Action::Copied { saved: false });
    assert_eq!(
        a.status().map(|s| s.text.as_str()),
        Some("Kopierade ”Återfallsprevention (ÅP)” (kunde inte spara /x/urklipp.txt)")
    );
    let mut a = searched("qqqzzz");
    assert!(a.list().hits.is_empty());
    a.update(Action::Copy);
    assert!(a.copy_request().is_none());
    assert_eq!(a.status().map(|s| s.kind), Some(StatusKind::Problem));
    // Copying works in the presentation too.
    let mut a = searched("hvb");
    a.update(Action::TogglePresentation);
    a.update(Action::NextInsats);
    a.update(Action::Copy);
    assert_eq!(
        a.copy_request().map(|r| r.name.as_str()),
        Some("Hem för vård eller boende (HVB)")
    );
}

#[test]
fn first_start_hint_shows_until_the_first_key() {
    let mut a = app().with_first_start_hint();
    let status = a.status().expect("a hint").clone();
    assert_eq!(status.kind, StatusKind::Hint);
    assert_eq!(
        status.text,
        "Välkommen! Skriv för att söka; F1 visar alla tangenter."
    );
    a.update(Action::Resize {
        width: 80,
        height: 24,
    });
    assert!(a.status().is_some(), "a resize is not a key");
    insta::assert_snapshot!("first_start_80x24", screen(&mut a, 80, 24));
    a.update(Action::FocusSearch);
    assert!(a.status().is_none());
    // Without the hint, the status line shows the keys.
    let mut b = app();
    assert!(screen(&mut b, 80, 24).contains("skriv för att söka · F1 hjälp · Ctrl-C avsluta"));
}

#[test]
fn help_lists_the_keys_of_the_current_view_grouped_by_what_they_do() {
    let help = Keymap::builtin().expect("keymap").help();
    let catalog = help.groups(HelpView::Catalog);
    let titles: Vec<&str> = catalog.iter().map(|g| g.title).collect();
    assert_eq!(
        titles,
        vec![
            "Gå runt",
            "Söka",
            "Rutor och vyer",
            "Visa och dela",
            "Kommunens svar",
            "Hjälp och avsluta"
        ]
    );
    let row = |groups: &[insats::keymap::HelpGroup], text: &str| {
        groups
            .iter()
            .flat_map(|g| g.rows.iter())
            .filter(|r| r.text == text)
            .map(|r| (r.keys.clone(), r.place.clone()))
            .collect::<Vec<_>>()
    };
    // Typing searches in every pane of the catalogue: its commands need no letters.
    assert_eq!(
        row(catalog, "visa/dölj hjälpen"),
        vec![("F1".to_string(), None)]
    );
    assert_eq!(row(catalog, "upp"), vec![("↑ Ctrl-P".to_string(), None)]);
    assert_eq!(
        row(catalog, "fäll ihop / gå till överordnad"),
        vec![("←".to_string(), Some("trädet".to_string()))]
    );
    assert_eq!(
        row(catalog, "kopiera insatsen som text"),
        vec![("Ctrl-Y".to_string(), None)]
    );
    assert_eq!(
        row(catalog, "skriv i sökrutan"),
        vec![("tecken".to_string(), None)]
    );
    // Only the presentation's keys in the presentation.
    let pres = help.groups(HelpView::Presentation);
    assert_eq!(
        row(pres, "nästa insats"),
        vec![("→ PgDn Mellanslag l j".to_string(), None)]
    );
    assert!(row(pres, "fäll ihop / gå till överordnad").is_empty());
    assert_eq!(
        row(pres, "sök bland insatserna (i presentationen)"),
        vec![("/".to_string(), None)]
    );
    assert!(row(pres, "nästa ruta").is_empty(), "Tab does nothing there");

    // The checklist's own keys, in a group of their own, and only there.
    let checklist = help.groups(HelpView::Checklist);
    let titles: Vec<&str> = checklist.iter().map(|g| g.title).collect();
    assert!(titles.contains(&"Checklistan"), "{titles:?}");
    assert_eq!(
        row(checklist, "nästa status"),
        vec![("Mellanslag".to_string(), None)]
    );
    assert_eq!(
        row(checklist, "skriv anteckning"),
        vec![("a".to_string(), None)]
    );
    assert_eq!(
        row(checklist, "visa kopplad insats i katalogen"),
        vec![("i".to_string(), None)]
    );
    assert_eq!(row(checklist, "välj kommun"), vec![("c".to_string(), None)]);
    assert_eq!(
        row(checklist, "sök i valt område / alla områden"),
        vec![("Ctrl-T".to_string(), None)]
    );
    assert!(row(catalog, "nästa status").is_empty());
    assert!(!catalog.iter().any(|g| g.title == "Checklistan"));
}

#[test]
fn the_help_overlay_scrolls_to_its_last_line_in_every_view() {
    for (view_key, title) in [
        (None, "Tangenter i katalogen"),
        (Some(Action::ShowChecklist), "Tangenter i checklistan"),
        (
            Some(Action::TogglePresentation),
            "Tangenter i presentationen",
        ),
    ] {
        for (width, height) in [(80, 24), (100, 30), (120, 40)] {
            let mut a = app();
            a.update(Action::Resize { width, height });
            if let Some(k) = view_key {
                a.update(k);
            }
            a.update(Action::ToggleHelp);
            a.update(Action::Bottom);
            let s = screen(&mut a, width, height);
            assert!(s.contains(title), "{s}");
            assert!(
                s.lines()
                    .any(|l| l.contains("Ctrl-C Ctrl-Q F10") && l.contains("avsluta")),
                "{width}x{height} {title}: last row shown\n{s}"
            );
            assert!(
                !s.contains("↓ mer"),
                "{width}x{height} {title}: nothing below\n{s}"
            );
            if view_key.is_none() {
                // The catalogue's keys never fit these windows: the rest is above.
                assert!(s.contains("↑ mer"), "{width}x{height}: more above\n{s}");
            }
        }
    }
}

#[test]
fn ones_own_extra_keys_show_whole_in_the_help() {
    let mut k = Keymap::builtin().expect("keymap");
    k.merge_str(
        "[presentation]\nn = \"next_insats\"\nb = \"prev_insats\"\n",
        std::path::Path::new("egen.toml"),
    )
    .expect("merges");
    let catalog = insats::data::load(&insats::data::Source::Embedded).expect("data");
    let mut a = App::new(catalog, k.help());
    a.update(Action::TogglePresentation);
    a.update(Action::ToggleHelp);
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("→ PgDn Mellanslag l j n"), "{s}");
    assert!(s.contains("← PgUp Backsteg h k b"), "{s}");
}

#[test]
fn help_overlay_in_the_presentation_80x24() {
    let mut a = searched("hvb");
    a.update(Action::TogglePresentation);
    a.update(Action::ToggleHelp);
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("Tangenter i presentationen"), "{s}");
    insta::assert_snapshot!("help_presentation_80x24", s);
    // Arrows scroll the overlay, not the slides, while it is open.
    let before = a.list().selected;
    a.update(Action::NextInsats);
    assert_eq!(a.list().selected, before);
}

#[test]
fn presentation_80x24() {
    let mut a = searched("hvb");
    a.update(Action::TogglePresentation);
    a.update(Action::NextInsats);
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn presentation_100x30_in_high_contrast_paints_the_screen() {
    let mut a = searched("hvb");
    a.update(Action::TogglePresentation);
    a.update(Action::Resize {
        width: 100,
        height: 30,
    });
    let themes = insats::ui::theme::Themes::choose(None, true);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal
        .draw(|f| ui::draw(f, &a, &themes.presentation))
        .expect("draws");
    let buf = terminal.backend().buffer();
    let black = ratatui::style::Color::Indexed(16);
    assert_eq!(buf[(99, 0)].bg, black, "the corner is painted black");
    assert_eq!(buf[(0, 29)].bg, black);
}
