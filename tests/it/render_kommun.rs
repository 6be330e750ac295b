//! The catalogue with a kommun chosen: its answers beside the national figures, the list's
//! marks and the tree's counts, answered with the keys of the detail pane. Without a kommun
//! the catalogue is as before.

use insats::action::Action;
use insats::app::App;
use insats::app::checklist::Source;
use insats::checklist::{Checklist, Fraga, Rules, Svar};
use insats::keymap::Keymap;

use crate::common::screen;

fn app(source: Option<Source>) -> App {
    let catalog = insats::data::load(&insats::data::Source::Embedded).expect("embedded data");
    let mut a = App::new(catalog, Keymap::builtin().expect("keymap").help());
    if let Some(source) = source {
        let rules = Rules::new(&a.catalog().indikatorer);
        a.checklist_mut()
            .set_checklist(Checklist::new(rules, Some("Testby".into())), source, &[]);
    }
    a
}

fn typed(a: &mut App, text: &str) {
    for c in text.chars() {
        a.update(Action::InsertChar(c));
    }
}

/// Search for MI, answer two questions on the first hit (missbruk: 93 %) from the detail pane.
fn answered() -> App {
    let mut a = app(Some(Source::File("/tmp/testby.toml".into())));
    a.update(Action::Resize {
        width: 120,
        height: 40,
    });
    typed(&mut a, "mi");
    a.update(Action::Open);
    a.update(Action::Down);
    a.update(Action::Down);
    a.update(Action::NextPane);
    a.update(Action::AnswerGes); // ja
    a.update(Action::AnswerDigitalt); // ja
    a.update(Action::AnswerDigitalt); // nej
    a
}

#[test]
fn the_keys_answer_and_the_answers_are_kept() {
    let a = answered();
    let c = a.checklist().checklist();
    let mi = c
        .svar("missbruk-5.2-motiverande-samtal-mi")
        .expect("answered");
    assert_eq!(mi.get(Fraga::Ges), Some(Svar::Ja));
    assert_eq!(mi.get(Fraga::Digitalt), Some(Svar::Nej));
    assert_eq!(mi.get(Fraga::EnskildRegi), None);
}

#[test]
fn with_a_kommun_120x40() {
    let mut a = answered();
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("Testby: ges ja · digitalt nej"), "{s}");
    assert!(s.contains("219 kommuner (93 %) · Testby: ja"), "{s}");
    let text: Vec<String> = a
        .detail_lines(100)
        .iter()
        .map(|l| l.iter().map(|(_, t)| t.as_str()).collect())
        .collect();
    assert!(
        text.iter()
            .any(|l| l == "Testby ger insatsen, liksom 219 kommuner (93 % av de svarande)."),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|l| l.starts_with("Svara: F6 ges · F7 digitalt")),
        "{text:#?}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn with_a_kommun_80x24() {
    let mut a = answered();
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn the_tree_counts_what_the_kommun_gives() {
    let mut a = answered();
    a.update(Action::FocusTree);
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("1 av 59 ges"), "{s}");
    assert!(s.contains("0 av 75 ges"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn the_context_follows_from_the_printed_share() {
    let mut a = app(Some(Source::File("/tmp/testby.toml".into())));
    typed(&mut a, "mi");
    a.update(Action::Open);
    a.update(Action::Down);
    a.update(Action::Down);
    let line = |a: &App| -> Vec<String> {
        a.detail_lines(80)
            .iter()
            .map(|l| l.iter().map(|(_, t)| t.as_str()).collect())
            .collect()
    };
    assert!(
        line(&a).contains(
            &"93 % av de svarande kommunerna ger den; Testby har inte svarat.".to_string()
        )
    );
    a.update(Action::AnswerGes);
    a.update(Action::AnswerGes);
    assert!(line(&a).contains(&"93 % av de svarande kommunerna ger den; Testby inte.".to_string()));
    a.update(Action::AnswerDigitalt);
    assert!(
        a.checklist()
            .checklist()
            .svar("missbruk-5.2-motiverande-samtal-mi")
            .expect("ok")
            .get(Fraga::Digitalt)
            .is_none(),
        "nej on ges: digitalt stays unanswered"
    );
}

#[test]
fn without_a_kommun_the_keys_say_how_to_choose_one() {
    let mut a = app(None);
    typed(&mut a, "mi");
    a.update(Action::Open);
    a.update(Action::AnswerGes);
    let s = screen(&mut a, 120, 40);
    assert!(!s.contains("Testby"), "{s}");
    assert!(s.contains("ingen checklista vald"), "{s}");
    assert!(a.checklist().checklist().all_svar().next().is_none());
    insta::assert_snapshot!(s);
}

#[test]
fn a_read_only_file_is_not_changed() {
    let mut a = app(Some(Source::ReadOnly {
        file: "/tmp/testby.toml".into(),
        reason: "en annan insats har den öppen".into(),
    }));
    typed(&mut a, "mi");
    a.update(Action::Open);
    a.update(Action::AnswerGes);
    assert!(a.checklist().checklist().all_svar().next().is_none());
}
