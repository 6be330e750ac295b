//! The kommun's own answers per insats in its checklist file: they round-trip with the
//! checklist in the same file, hand edits are kept, and a wrong word is refused with
//! file:line:key.

use std::fs;

use insats::checklist::{ChecklistError, Fraga, Scope, Status, Store, Svar};
use insats::data::{self, Source};
use insats::model::Indikator;

const MI: &str = "missbruk-5.2-motiverande-samtal-mi";
const HVB: &str = "barn-3.2-hem-for-vard-eller-boende-hvb";

fn indikatorer() -> Vec<Indikator> {
    data::load(&Source::Embedded).expect("loads").indikatorer
}

#[test]
fn answers_and_statuses_round_trip_in_one_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = dir.path().join("testby.toml");
    let ind = indikatorer();
    {
        let mut o = Store::open(&f, &ind).expect("opens");
        o.checklist
            .set_status(30, Scope::Alla, Status::Uppfylld)
            .expect("status");
        o.checklist
            .set_svar(MI, Fraga::Ges, Some(Svar::Ja))
            .expect("ok");
        o.checklist
            .set_svar(MI, Fraga::Digitalt, Some(Svar::Nej))
            .expect("ok");
        o.checklist.set_svar_note(MI, "Två behandlare.");
        o.checklist
            .set_svar(HVB, Fraga::Ges, Some(Svar::Nej))
            .expect("ok");
        assert!(o.store.save(&o.checklist).expect("saves"));
    }
    let text = fs::read_to_string(&f).expect("ok");
    assert!(text.contains("ges = \"ja\""), "{text}");
    let o = Store::open(&f, &ind).expect("reads back");
    assert_eq!(
        o.checklist.status(
            30,
            ind.iter().find(|i| i.nummer == 30).expect("ok").omraden[0]
        ),
        Status::Uppfylld
    );
    let mi = o.checklist.svar(MI).expect("MI answered");
    assert_eq!(mi.get(Fraga::Ges), Some(Svar::Ja));
    assert_eq!(mi.get(Fraga::Digitalt), Some(Svar::Nej));
    assert_eq!(mi.get(Fraga::EnskildRegi), None);
    assert_eq!(mi.note, "Två behandlare.");
    assert!(o.checklist.ger(MI));
    assert!(!o.checklist.ger(HVB));
    assert_eq!(
        o.checklist.svar(HVB).expect("ok").get(Fraga::Ges),
        Some(Svar::Nej)
    );
}

#[test]
fn hand_edits_are_kept_and_unanswering_removes_the_table() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = dir.path().join("testby.toml");
    let hand = format!(
        "format = 2\nkommun = \"Testby\"\n\n# vårt eget\n[insats.\"{MI}\"]\nges = 'ja'   # från enkäten\nfarg = \"blå\"\n\n[insats.\"okand-9.9-x\"]\nges = \"ja\"\n"
    );
    fs::write(&f, &hand).expect("ok");
    let ind = indikatorer();
    let mut o = Store::open(&f, &ind).expect("opens");
    assert!(
        o.warnings
            .iter()
            .any(|w| w.message.contains("farg") && w.line == 7),
        "{:?}",
        o.warnings
    );
    let unknown = o.checklist.unknown_svar(&f, |id| id != "okand-9.9-x");
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].line, 9);
    o.checklist
        .set_svar(MI, Fraga::UtanBistandsbeslut, Some(Svar::Ja))
        .expect("ok");
    o.store.save(&o.checklist).expect("saves");
    let text = fs::read_to_string(&f).expect("ok");
    assert!(text.contains("# vårt eget\n"), "{text}");
    assert!(text.contains("ges = 'ja'   # från enkäten\n"), "{text}");
    assert!(text.contains("farg = \"blå\""), "{text}");
    assert!(text.contains("utan_bistandsbeslut = \"ja\""), "{text}");
    assert!(
        text.contains("[insats.\"okand-9.9-x\"]\nges = \"ja\""),
        "{text}"
    );
    // Answering ges nej clears the rest; the kept unknown field keeps the table.
    o.checklist
        .set_svar(MI, Fraga::Ges, Some(Svar::Nej))
        .expect("ok");
    o.store.save(&o.checklist).expect("saves");
    let text = fs::read_to_string(&f).expect("ok");
    assert!(!text.contains("utan_bistandsbeslut"), "{text}");
    assert!(
        text.contains("ges = 'nej'") || text.contains("ges = \"nej\""),
        "{text}"
    );
}

fn refused(text: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = dir.path().join("testby.toml");
    fs::write(&f, text).expect("ok");
    let e = Store::open(&f, &indikatorer()).expect_err("refused");
    assert!(matches!(e, ChecklistError::Key { .. }), "{e}");
    assert_eq!(fs::read_to_string(&f).expect("ok"), text, "left as it was");
    e.to_string().replace(&*dir.path().to_string_lossy(), "DIR")
}

#[test]
fn an_unknown_answer_word_is_refused_with_file_line_and_key() {
    let msg = refused(&format!(
        "format = 2\n\n[insats.\"{MI}\"]\nges = \"ja\"\ndigitalt = \"kanske\"\n"
    ));
    let sep = std::path::MAIN_SEPARATOR;
    assert!(
        msg.starts_with(&format!(
            "DIR{sep}testby.toml:5: nyckeln `insats.{MI}.digitalt`"
        )),
        "{msg}"
    );
    assert!(msg.contains("\"kanske\""), "{msg}");
}

#[test]
fn an_answer_beside_ges_nej_is_refused() {
    let msg = refused(&format!(
        "format = 2\n\n[insats.\"{MI}\"]\nges = \"nej\"\nenskild_regi = \"ja\"\n"
    ));
    assert!(msg.contains(":5: nyckeln `insats."), "{msg}");
    assert!(msg.contains("enskild_regi"), "{msg}");
}

#[test]
fn a_file_without_answers_is_written_without_an_insats_table() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = dir.path().join("x.toml");
    let mut o = Store::open(&f, &indikatorer()).expect("opens");
    o.checklist
        .set_status(30, Scope::Alla, Status::Uppfylld)
        .expect("ok");
    o.store.save(&o.checklist).expect("ok");
    assert!(!fs::read_to_string(&f).expect("ok").contains("[insats"));
}
