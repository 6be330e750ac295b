//! View 2 driven through `App::update` on the real catalogue: områden and progress, status
//! keys and their rules, notes, search, the way to a linked insats and back, read-only and
//! no-file states, and thousands of random keys.

use insats::action::{Action, Context};
use insats::app::checklist::{Editing, Source};
use insats::app::{App, Focus, View};
use insats::checklist::{Checklist, Rules, Status};
use insats::keymap::Keymap;
use insats::model::IndikatorOmrade as O;

fn app() -> App {
    let catalog = insats::data::load(&insats::data::Source::Embedded).expect("embedded data");
    App::new(catalog, Keymap::builtin().expect("keymap").help())
}

/// The app in view 2 with an empty checklist that saves to a file.
fn with_file() -> App {
    let mut a = app();
    let rules = Rules::new(&a.catalog().indikatorer);
    a.checklist_mut().set_checklist(
        Checklist::new(rules, Some("Malmö".into())),
        Source::File("malmo.toml".into()),
        &[],
    );
    a.update(Action::Resize {
        width: 120,
        height: 40,
    });
    a.update(Action::ShowChecklist);
    a
}

fn listed(a: &App) -> Vec<u32> {
    let c = a.checklist();
    c.list
        .hits
        .iter()
        .map(|h| a.catalog().indikatorer[h.index].nummer)
        .collect()
}

fn selected(a: &App) -> u32 {
    let i = a.checklist().selected_index().expect("a selection");
    a.catalog().indikatorer[i].nummer
}

fn select(a: &mut App, nummer: u32) {
    a.update(Action::FocusSearch);
    a.update(Action::ClearSearch);
    for c in nummer.to_string().chars() {
        a.update(Action::InsertChar(c));
    }
    a.update(Action::Open);
    assert_eq!(selected(a), nummer);
}

/// The status the list shows for `nummer`: in the selected område, or its only one.
fn status(a: &App, nummer: u32) -> Status {
    let ind = a.catalog().indikator(nummer).expect("in the data");
    a.checklist().shown_status(ind).expect("one status")
}

fn detail_text(a: &App, width: usize) -> Vec<String> {
    a.checklist()
        .detail_lines(a.catalog(), width)
        .into_iter()
        .map(|l| l.into_iter().map(|(_, s)| s).collect())
        .collect()
}

fn message(a: &App) -> String {
    a.checklist()
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn view_2_lists_the_first_omrade_with_its_progress() {
    let a = with_file();
    assert_eq!(a.view(), View::Checklist);
    assert_eq!(a.context(), Context::Checklist);
    assert_eq!(a.checklist().selected_omrade(), O::EkonomisktBistand);
    let nummer = listed(&a);
    assert_eq!(nummer.len(), 29);
    assert_eq!(&nummer[..3], &[1, 2, 3]);
    assert!((30..=39).all(|n| nummer.contains(&n)));
    assert_eq!(
        a.checklist()
            .checklist()
            .progress(O::EkonomisktBistand)
            .to_string(),
        "0 av 29 uppfyllda · 0 bedömda"
    );
}

#[test]
fn space_cycles_and_the_mark_keys_set_the_selected_indikator() {
    let mut a = with_file();
    assert_eq!(selected(&a), 1);
    a.update(Action::CycleStatus);
    assert_eq!(status(&a, 1), Status::Uppfylld);
    // 1 has no delvis: the next is ej uppfylld.
    a.update(Action::CycleStatus);
    assert_eq!(status(&a, 1), Status::EjUppfylld);
    a.update(Action::Down);
    a.update(Action::MarkUppfylld);
    assert_eq!(status(&a, 2), Status::Uppfylld);
    a.update(Action::MarkEjBedomd);
    assert_eq!(status(&a, 2), Status::EjBedomd);
    a.update(Action::MarkEjUppfylld);
    assert_eq!(status(&a, 2), Status::EjUppfylld);
    assert_eq!(a.checklist().checklist().revision(), 5);
}

#[test]
fn delvis_only_where_defined_and_bakgrundsmatt_never() {
    let mut a = with_file();
    select(&mut a, 30);
    a.update(Action::MarkDelvis);
    assert_eq!(status(&a, 30), Status::EjBedomd);
    assert_eq!(
        message(&a),
        "indikator 30 har ingen regel för delvis uppfylld"
    );
    // The message lasts until the next key.
    a.update(Action::Down);
    assert_eq!(message(&a), "");

    // 48 (Missbruk only) defines delvis: set from a search over every område.
    a.update(Action::ToggleScope);
    select(&mut a, 48);
    a.update(Action::MarkDelvis);
    assert_eq!(status(&a, 48), Status::Delvis);

    select(&mut a, 49);
    a.update(Action::CycleStatus);
    assert!(
        message(&a).starts_with("49 är ett bakgrundsmått"),
        "{}",
        message(&a)
    );
}

#[test]
fn a_shared_indikator_has_a_status_per_omrade_and_a_key_marks_only_the_omrade_shown() {
    let mut a = with_file();
    a.update(Action::Down);
    a.update(Action::Down);
    a.update(Action::Down);
    assert_eq!(selected(&a), 4);
    a.update(Action::MarkUppfylld);
    a.update(Action::FocusTree);
    assert_eq!(a.checklist().focus, Focus::Tree);
    a.update(Action::Down);
    a.update(Action::Down);
    assert_eq!(a.checklist().selected_omrade(), O::Missbruk);
    assert!(listed(&a).contains(&4));
    assert!(listed(&a).contains(&49), "bakgrundsmått are listed");
    let c = a.checklist().checklist();
    assert_eq!(c.progress(O::EkonomisktBistand).uppfyllda, 1);
    for o in [O::Missbruk, O::Aldreomsorg, O::Krisberedskap] {
        assert_eq!(c.progress(o).uppfyllda, 0, "{o}");
    }
    assert_eq!(status(&a, 4), Status::EjBedomd, "not marked in Missbruk");
    // 23 counted in Missbruk: 49 is listed but not counted.
    assert_eq!(c.progress(O::Missbruk).totalt(), 23);
    assert_eq!(listed(&a).len(), 24);

    a.update(Action::NextPane);
    select(&mut a, 4);
    a.update(Action::MarkEjUppfylld);
    let c = a.checklist().checklist();
    assert_eq!(c.status(4, O::EkonomisktBistand), Status::Uppfylld);
    assert_eq!(c.status(4, O::Missbruk), Status::EjUppfylld);
    // The detail shows each område's own status, the one the keys change marked.
    let text = detail_text(&a, 80);
    assert!(text.iter().any(|l| l == "Status per område:"), "{text:#?}");
    assert!(
        text.iter().any(|l| l == "  ✓ Ekonomiskt bistånd: uppfylld"),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|l| l == "▸ ✗ Missbruks- och beroendevården: ej uppfylld"),
        "{text:#?}"
    );
}

#[test]
fn outside_its_omraden_a_shared_indikator_is_not_marked_but_the_user_is_told_why() {
    let mut a = with_file();
    a.update(Action::ToggleScope);
    select(&mut a, 12);
    a.update(Action::MarkUppfylld);
    assert!(
        message(&a).contains("finns i flera områden"),
        "{}",
        message(&a)
    );
    assert_eq!(a.checklist().checklist().entries().count(), 0);
}

#[test]
fn a_note_is_written_in_the_text_field_and_esc_leaves_it_unchanged() {
    let mut a = with_file();
    a.update(Action::EditNote);
    assert_eq!(a.context(), Context::Search, "typed keys are text");
    let ed = a.editor().cloned().expect("editor");
    assert_eq!(ed.editing, Editing::Note(1));
    for c in "Tas upp i maj q 2".chars() {
        a.update(Action::InsertChar(c));
    }
    a.update(Action::DeleteChar);
    a.update(Action::DeleteChar);
    a.update(Action::Open);
    assert_eq!(a.checklist().checklist().note(1), "Tas upp i maj q");
    assert_eq!(a.view(), View::Checklist);
    assert!(!a.should_quit());
    assert_eq!(a.context(), Context::Checklist);

    a.update(Action::EditNote);
    assert_eq!(a.editor().map(|e| e.text.as_str()), Some("Tas upp i maj q"));
    a.update(Action::ClearSearch);
    a.update(Action::InsertChar('x'));
    a.update(Action::Back);
    assert!(a.editor().is_none());
    assert_eq!(a.checklist().checklist().note(1), "Tas upp i maj q");
}

#[test]
fn search_finds_titles_abbreviations_and_numbers_in_the_omrade_or_everywhere() {
    let mut a = with_file();
    a.update(Action::FocusSearch);
    assert_eq!(a.context(), Context::Search);
    for c in "ibic".chars() {
        a.update(Action::InsertChar(c));
    }
    assert!(
        listed(&a).is_empty(),
        "IBIC is not published in Ekonomiskt bistånd"
    );
    a.update(Action::ToggleScope);
    assert_eq!(listed(&a), [11, 12]);
    a.update(Action::ClearSearch);
    for c in "hemlösa".chars() {
        a.update(Action::InsertChar(c));
    }
    assert!(listed(&a).contains(&27), "{:?}", listed(&a));
    // Esc leaves the box, Esc in the list clears the search, Esc again goes to the catalogue.
    a.update(Action::Back);
    assert_eq!(a.checklist().focus, Focus::List);
    a.update(Action::Back);
    assert_eq!(a.checklist().list.query, "");
    a.update(Action::Back);
    assert_eq!(a.view(), View::Catalog);
}

#[test]
fn a_linked_insats_opens_in_the_catalogue_of_the_omrade_looked_at_and_2_comes_back() {
    let mut a = with_file();
    a.update(Action::FocusTree);
    for _ in 0..5 {
        a.update(Action::Down);
    }
    assert_eq!(a.checklist().selected_omrade(), O::Socialpsykiatri);
    a.update(Action::Open);
    select(&mut a, 20);
    a.update(Action::OpenLinked);
    assert_eq!(a.view(), View::Catalog);
    assert_eq!(a.focus(), Focus::Detail);
    assert_eq!(
        a.selected_insats().map(|i| i.id.as_str()),
        Some("socpsyk-6.1-bostad-forst")
    );
    a.update(Action::ShowChecklist);
    assert_eq!(a.view(), View::Checklist);
    assert_eq!(selected(&a), 20);

    // From Missbruk the same indikator opens the insats of missbruk och beroende.
    a.update(Action::ClearSearch);
    a.update(Action::FocusTree);
    a.update(Action::Up);
    a.update(Action::Up);
    a.update(Action::Up);
    assert_eq!(a.checklist().selected_omrade(), O::Missbruk);
    select(&mut a, 20);
    a.update(Action::OpenLinked);
    assert_eq!(
        a.selected_insats().map(|i| i.id.as_str()),
        Some("missbruk-5.1-bostad-forst")
    );

    a.update(Action::ShowChecklist);
    select(&mut a, 2);
    a.update(Action::OpenLinked);
    assert_eq!(a.view(), View::Checklist);
    assert_eq!(
        message(&a),
        "indikator 2 har ingen kopplad insats i katalogen"
    );
}

#[test]
fn without_a_file_or_read_only_nothing_changes_and_the_user_is_told_why() {
    let mut a = app();
    a.update(Action::ShowChecklist);
    a.update(Action::CycleStatus);
    a.update(Action::EditNote);
    assert!(a.editor().is_none());
    assert_eq!(status(&a, 1), Status::EjBedomd);
    assert!(message(&a).starts_with("ingen checklista vald: välj kommun med c"));

    let rules = Rules::new(&a.catalog().indikatorer);
    a.checklist_mut().set_checklist(
        Checklist::new(rules, None),
        Source::ReadOnly {
            file: "x.toml".into(),
            reason: "programmet insats (process 7) har den öppen".into(),
        },
        &["x.toml: används redan".to_string()],
    );
    assert_eq!(message(&a), "x.toml: används redan");
    a.update(Action::MarkUppfylld);
    assert_eq!(status(&a, 1), Status::EjBedomd);
    assert_eq!(
        message(&a),
        "bara läsning: programmet insats (process 7) har den öppen"
    );
    assert_eq!(a.checklist().checklist().revision(), 0);
}

#[test]
fn choosing_a_kommun_leaves_a_request_for_the_loop() {
    let mut a = app();
    a.update(Action::ShowChecklist);
    a.update(Action::ChooseKommun);
    assert_eq!(a.editor().map(|e| e.editing), Some(Editing::Kommun));
    for c in " Lund ".chars() {
        a.update(Action::InsertChar(c));
    }
    a.update(Action::Open);
    assert_eq!(
        a.checklist_mut().take_kommun_request().as_deref(),
        Some("Lund")
    );
    assert_eq!(a.checklist_mut().take_kommun_request(), None);
}

#[test]
fn the_detail_puts_status_note_and_rule_before_the_questions() {
    let mut a = with_file();
    a.update(Action::FocusTree);
    for _ in 0..4 {
        a.update(Action::Down);
    }
    assert_eq!(a.checklist().selected_omrade(), O::Lss);
    select(&mut a, 12);
    a.update(Action::MarkUppfylld);
    a.update(Action::EditNote);
    for c in "Sedan 2018".chars() {
        a.update(Action::InsertChar(c));
    }
    a.update(Action::Open);
    let text: Vec<String> = a
        .checklist()
        .detail_lines(a.catalog(), 60)
        .into_iter()
        .map(|l| l.into_iter().map(|(_, s)| s).collect())
        .collect();
    let at = |needle: &str| {
        text.iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not in {text:#?}"))
    };
    assert_eq!(text[0], "Indikator 12");
    assert!(at("Status per område:") < at("▸ ✓ LSS: uppfylld"));
    assert!(at("▸ ✓ LSS: uppfylld") < at("Sedan 2018"));
    assert!(at("Sedan 2018") < at("Så uppnår kommunen indikatorn"));
    assert!(at("Så uppnår kommunen indikatorn") < at("Delvis uppnådd"));
    assert!(at("Delvis uppnådd") < at("Enkätfrågor"));
    assert!(at("Enkätfrågor") < at("Kvalitetsdimension"));
    assert!(
        text.iter()
            .all(|l| unicode_width::UnicodeWidthStr::width(l.as_str()) <= 60)
    );
}

#[test]
fn thousands_of_random_keys_never_panic_and_keep_every_selection_in_range() {
    let actions = [
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::NextPane,
        Action::PrevPane,
        Action::FocusTree,
        Action::FocusSearch,
        Action::Open,
        Action::Back,
        Action::ToggleScope,
        Action::DeleteChar,
        Action::ClearSearch,
        Action::CycleStatus,
        Action::MarkDelvis,
        Action::MarkEjBedomd,
        Action::EditNote,
        Action::OpenLinked,
        Action::ChooseKommun,
        Action::ShowChecklist,
        Action::ShowCatalog,
        Action::ToggleHelp,
        Action::InsertChar('a'),
        Action::InsertChar('1'),
        Action::InsertChar('ö'),
        Action::Click { column: 10, row: 5 },
        Action::Click { column: 60, row: 8 },
        Action::Scroll {
            column: 100,
            row: 10,
            delta: 1,
        },
    ];
    let mut a = with_file();
    // A small linear congruential generator: the same sequence on every run.
    let mut seed: u64 = 0x5eed;
    for step in 0..5_000 {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let pick = usize::try_from(seed >> 33).unwrap_or(0) % (actions.len() + 1);
        let action = if pick == actions.len() {
            let w = u16::try_from((seed >> 20) % 200).unwrap_or(0) + 1;
            let h = u16::try_from((seed >> 40) % 60).unwrap_or(0) + 1;
            Action::Resize {
                width: w,
                height: h,
            }
        } else {
            actions[pick]
        };
        a.update(action);
        if a.should_quit() {
            break;
        }
        let c = a.checklist();
        assert!(c.omrade < 9, "step {step}");
        assert!(
            c.list.hits.is_empty() || c.list.selected < c.list.hits.len(),
            "step {step}: {action:?}"
        );
        assert!(
            c.list.offset <= c.list.selected.max(c.list.offset),
            "step {step}"
        );
    }
}

#[test]
fn a_warning_from_opening_shows_in_the_catalogue_until_the_first_key_there() {
    let mut a = app();
    let rules = Rules::new(&a.catalog().indikatorer);
    a.checklist_mut().set_checklist(
        Checklist::new(rules, None),
        Source::ReadOnly {
            file: "x.toml".into(),
            reason: "filen kunde inte läsas".into(),
        },
        &["x.toml:4: nyckeln `indikator.12.status`: okänd status".to_string()],
    );
    assert_eq!(a.view(), View::Catalog);
    a.update(Action::Resize {
        width: 80,
        height: 24,
    });
    assert!(message(&a).starts_with("x.toml:4:"));
    a.update(Action::Down);
    assert_eq!(message(&a), "");
}

#[test]
fn a_click_on_an_omrade_selects_it_even_when_the_pane_is_scrolled() {
    let mut a = with_file();
    a.update(Action::Click { column: 5, row: 6 });
    assert_eq!(a.checklist().focus, Focus::Tree);
    assert_eq!(a.checklist().selected_omrade(), O::Missbruk);
    assert!(listed(&a).contains(&44));
    a.update(Action::Resize {
        width: 120,
        height: 14,
    });
    a.update(Action::Bottom);
    assert_eq!(a.checklist().selected_omrade(), O::HalsoOchSjukvard);
    // Under the tab line, 10 rows show rows 8–17: the second is the progress line of
    // område 4.
    a.update(Action::Click { column: 5, row: 3 });
    assert_eq!(a.checklist().selected_omrade(), O::Lss);
    // A click in the list selects that row: the list's first row is screen row 5.
    a.update(Action::Click { column: 40, row: 7 });
    assert_eq!(a.checklist().focus, Focus::List);
    assert_eq!(a.checklist().list.selected, 2);
}

#[test]
fn a_resize_in_the_checklist_keeps_the_catalogues_detail_scroll_in_range() {
    let mut a = app();
    a.update(Action::Resize {
        width: 120,
        height: 12,
    });
    a.update(Action::Open);
    a.update(Action::Bottom);
    assert!(a.detail_scroll() > 0);
    a.update(Action::ShowChecklist);
    a.update(Action::Resize {
        width: 120,
        height: 80,
    });
    // Still in view 2: the catalogue's state must fit the new size already.
    assert_eq!(a.view(), View::Checklist);
    let r = insats::app::layout::inner(a.panes().detail.expect("detail"));
    let max = a
        .detail_lines(usize::from(r.width))
        .len()
        .saturating_sub(usize::from(r.height));
    assert!(a.detail_scroll() <= max, "{} > {max}", a.detail_scroll());
}

#[test]
fn a_read_only_checklist_shows_its_statuses_and_the_status_line_says_why() {
    let d = tempfile::tempdir().expect("dir");
    let f = d.path().join("x.toml");
    std::fs::write(&f, "format = 2\n[indikator.30]\nstatus = \"uppfylld\"\n").expect("write");
    let mut perms = std::fs::metadata(&f).expect("meta").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&f, perms).expect("read-only");
    let mut a = app();
    let o = insats::tui::open_checklist(&f, None, &a.catalog().indikatorer);
    assert!(o.store.is_none(), "never saved");
    a.checklist_mut()
        .set_checklist(o.checklist, o.source, &o.warnings);
    assert!(
        message(&a).starts_with("bara läsning: filen"),
        "{}",
        message(&a)
    );
    a.update(Action::ShowChecklist);
    select(&mut a, 30);
    assert_eq!(
        status(&a, 30),
        Status::Uppfylld,
        "the file's status, not ej bedömd"
    );
    // Opening says why it is read-only; a change is refused with the same reason.
    a.update(Action::MarkEjUppfylld);
    assert!(message(&a).contains("bara läsning"), "{}", message(&a));
    assert!(message(&a).contains("skrivskyddad"), "{}", message(&a));
    assert_eq!(status(&a, 30), Status::Uppfylld);
}
