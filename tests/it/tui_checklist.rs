//! How the app opens a checklist file: for saving, read-only when another insats holds it,
//! read-only and empty (the file untouched) when it cannot be read.

use std::fs;

use insats::app::checklist::Source;
use insats::checklist::{Status, Store};
use insats::data::{self, Source as DataSource};
use insats::model::IndikatorOmrade as O;
use insats::tui::open_checklist;

fn indikatorer() -> Vec<insats::model::Indikator> {
    data::load(&DataSource::Embedded)
        .expect("loads")
        .indikatorer
}

#[test]
fn a_good_file_opens_for_saving_and_naming_the_kommun_writes_nothing() {
    let d = tempfile::tempdir().expect("dir");
    let path = d.path().join("malmo.toml");
    let o = open_checklist(&path, Some("Malmö"), &indikatorer());
    assert_eq!(o.source, Source::File(path.display().to_string()));
    assert_eq!(o.checklist.kommun(), Some("Malmö"));
    let store = o.store.expect("a store");
    assert!(!store.is_dirty(&o.checklist), "opening is not a change");
    assert!(!path.exists());
}

#[test]
fn a_file_held_by_another_insats_opens_read_only_with_its_content() {
    let d = tempfile::tempdir().expect("dir");
    let path = d.path().join("x.toml");
    fs::write(&path, "format = 1\n[indikator.4]\nstatus = \"uppfylld\"\n").expect("write");
    let held = Store::open(&path, &indikatorer()).expect("held");
    let o = open_checklist(&path, None, &indikatorer());
    assert!(o.store.is_none());
    assert!(matches!(o.source, Source::ReadOnly { .. }));
    assert_eq!(o.checklist.status(4, O::Missbruk), Status::Uppfylld);
    assert!(
        o.warnings[0].contains("används redan av programmet insats"),
        "{:?}",
        o.warnings
    );
    drop(held);
}

#[test]
fn an_unreadable_file_opens_read_only_and_empty_and_is_kept_byte_for_byte() {
    let d = tempfile::tempdir().expect("dir");
    let path = d.path().join("x.toml");
    let bytes = b"format = 1\n[indikator.4]\nstatus = \"klar\"\n";
    fs::write(&path, bytes).expect("write");
    let o = open_checklist(&path, Some("Lund"), &indikatorer());
    assert!(o.store.is_none());
    match &o.source {
        Source::ReadOnly { reason, .. } => {
            assert!(reason.contains("--checklista NY_FIL"), "{reason}")
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(
        o.warnings[0].contains(":3: nyckeln `indikator.4.status`"),
        "{:?}",
        o.warnings
    );
    assert_eq!(o.checklist.progress_all().ej_bedomda, 180);
    assert_eq!(fs::read(&path).expect("read"), bytes);
}
