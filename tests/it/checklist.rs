//! The checklist state and its file format, on the real 99 indikatorer: update sequences,
//! progress per område, the TOML text read and written, and every kind of bad file.

use std::path::Path;

use insats::checklist::file::{self, Parsed};
use insats::checklist::{Checklist, ChecklistError, Rules, Scope, Status, StatusError};
use insats::data::{self, Source};
use insats::model::{Catalog, IndikatorOmrade as O};

fn catalog() -> Catalog {
    data::load(&Source::Embedded).expect("loads")
}

fn fresh() -> Checklist {
    Checklist::new(Rules::new(&catalog().indikatorer), None)
}

fn parse(text: &str) -> Result<Parsed, ChecklistError> {
    file::parse(
        text,
        Path::new("malmo.toml"),
        &Rules::new(&catalog().indikatorer),
    )
}

fn render(c: &Checklist) -> String {
    render_onto("", c)
}

/// `c` saved over the file `text` (as the store does: the document read, then edited).
fn render_onto(text: &str, c: &Checklist) -> String {
    let cat = catalog();
    let doc = parse(text).expect("parses").doc;
    file::render(&doc, c, Path::new("malmo.toml"), |n| {
        cat.indikator(n).map(|i| i.titel.clone())
    })
    .expect("renders")
    .0
}

/// Set `status` in every område of `nummer`.
fn set_all(c: &mut Checklist, nummer: u32, status: Status) -> Result<Status, StatusError> {
    c.set_status(nummer, Scope::Alla, status)
}

/// The status of `nummer` in its first område.
fn first(c: &Checklist, nummer: u32) -> Status {
    c.statuses(nummer)[0].1
}

/// The first område of `nummer` (or Ekonomiskt bistånd for a nummer outside the data).
fn area(nummer: u32) -> O {
    catalog()
        .indikator(nummer)
        .map_or(O::EkonomisktBistand, |i| i.omraden[0])
}

/// The error's text, for asserting on what the user reads.
fn error(text: &str) -> String {
    parse(text).expect_err("should fail").to_string()
}

// --- state ---------------------------------------------------------------------------------

#[test]
fn space_cycles_through_delvis_where_the_indikator_defines_it() {
    let mut c = fresh();
    // 12 (IBIC vid utredningar) defines delvis.
    let seen: Vec<Status> = (0..5)
        .map(|_| c.cycle(12, area(12)).expect("cycles"))
        .collect();
    assert_eq!(
        seen,
        [
            Status::Uppfylld,
            Status::Delvis,
            Status::EjUppfylld,
            Status::EjBedomd,
            Status::Uppfylld
        ]
    );
    assert_eq!(first(&c, 12), Status::Uppfylld);
}

#[test]
fn space_skips_delvis_where_the_indikator_does_not_define_it() {
    let mut c = fresh();
    // 30 (hushållsekonomisk rådgivning) has no delvis.
    let seen: Vec<Status> = (0..4)
        .map(|_| c.cycle(30, area(30)).expect("cycles"))
        .collect();
    assert_eq!(
        seen,
        [
            Status::Uppfylld,
            Status::EjUppfylld,
            Status::EjBedomd,
            Status::Uppfylld
        ]
    );
}

#[test]
fn delvis_is_refused_where_undefined_and_nothing_changes() {
    let mut c = fresh();
    set_all(&mut c, 30, Status::EjUppfylld).expect("allowed");
    let rev = c.revision();
    assert_eq!(
        set_all(&mut c, 30, Status::Delvis),
        Err(StatusError::DelvisUndefined(30))
    );
    assert_eq!(first(&c, 30), Status::EjUppfylld);
    assert_eq!(c.revision(), rev);
    assert_eq!(set_all(&mut c, 12, Status::Delvis), Ok(Status::Delvis));
}

#[test]
fn bakgrundsmatt_take_a_note_but_no_status_and_unknown_numbers_nothing() {
    let mut c = fresh();
    assert_eq!(c.cycle(49, area(49)), Err(StatusError::Bakgrundsmatt(49)));
    assert_eq!(
        set_all(&mut c, 91, Status::Uppfylld),
        Err(StatusError::Bakgrundsmatt(91))
    );
    c.set_note(49, "Mäts i verksamhetssystemet").expect("note");
    assert_eq!(c.note(49), "Mäts i verksamhetssystemet");
    assert_eq!(c.cycle(100, area(100)), Err(StatusError::Unknown(100)));
    assert_eq!(c.set_note(0, "x"), Err(StatusError::Unknown(0)));
    assert_eq!(c.revision(), 1);
}

#[test]
fn revision_moves_only_on_real_changes() {
    let mut c = fresh();
    assert_eq!(c.revision(), 0);
    set_all(&mut c, 1, Status::Uppfylld).expect("ok");
    set_all(&mut c, 1, Status::Uppfylld).expect("ok");
    assert_eq!(c.revision(), 1);
    c.set_note(1, "Klar  \n").expect("ok");
    c.set_note(1, "Klar").expect("ok");
    assert_eq!(c.note(1), "Klar");
    assert_eq!(c.revision(), 2);
    c.set_note(1, "   ").expect("ok");
    assert_eq!(c.note(1), "");
    assert_eq!(c.revision(), 3);
    c.set_kommun(Some("Malmö".into()));
    c.set_kommun(Some("Malmö".into()));
    assert_eq!(c.revision(), 4);
}

#[test]
fn each_omrade_has_its_own_status_and_marking_one_marks_only_that_one() {
    let cat = catalog();
    let mut c = fresh();
    let omraden = &cat.indikator(12).expect("12").omraden;
    assert_eq!(omraden, &[O::Lss, O::Socialpsykiatri, O::Aldreomsorg]);
    c.set_status(12, Scope::Omrade(O::Lss), Status::Uppfylld)
        .expect("ok");
    c.set_status(12, Scope::Omrade(O::Aldreomsorg), Status::EjUppfylld)
        .expect("ok");
    assert_eq!(
        c.statuses(12),
        [
            (O::Lss, Status::Uppfylld),
            (O::Socialpsykiatri, Status::EjBedomd),
            (O::Aldreomsorg, Status::EjUppfylld)
        ]
    );
    for o in O::ALL {
        let want = usize::from(o == O::Lss);
        assert_eq!(c.progress(o).uppfyllda, want, "{o}");
    }
    // An område the indikator is not published in is refused, naming its områden.
    let e = c
        .set_status(12, Scope::Omrade(O::EkonomisktBistand), Status::Uppfylld)
        .expect_err("not there");
    assert!(
        matches!(e, StatusError::NotInOmrade { nummer: 12, .. }),
        "{e}"
    );
    assert!(e.to_string().contains("LSS (lss)"), "{e}");
    // `alla` sets each of them.
    set_all(&mut c, 12, Status::Delvis).expect("ok");
    assert!(c.statuses(12).iter().all(|(_, s)| *s == Status::Delvis));
    // The whole list counts an indikator once in each of its områden.
    assert_eq!(c.progress_all().delvis, 3);
    let pairs: usize = cat
        .indikatorer
        .iter()
        .filter(|i| !i.bakgrundsmatt)
        .map(|i| i.omraden.len())
        .sum();
    assert_eq!(c.progress_all().totalt(), pairs);
}

#[test]
fn the_space_key_cycles_in_one_omrade_only() {
    let mut c = fresh();
    assert_eq!(c.cycle(3, O::Missbruk), Ok(Status::Uppfylld));
    assert_eq!(c.status(3, O::Missbruk), Status::Uppfylld);
    assert_eq!(c.status(3, O::EkonomisktBistand), Status::EjBedomd);
}

#[test]
fn bakgrundsmatt_are_not_counted_and_the_counts_read_as_the_issue_says() {
    let cat = catalog();
    let mut c = fresh();
    for o in O::ALL {
        let counted = cat
            .indikatorer
            .iter()
            .filter(|i| i.in_omrade(o) && !i.bakgrundsmatt)
            .count();
        assert_eq!(c.progress(o).totalt(), counted, "{o}");
        assert_eq!(c.progress(o).ej_bedomda, counted);
    }
    // Ekonomiskt bistånd: its own 30–39 and the shared ones published there.
    let eb: Vec<u32> = cat
        .indikatorer
        .iter()
        .filter(|i| i.in_omrade(O::EkonomisktBistand) && !i.bakgrundsmatt)
        .map(|i| i.nummer)
        .take(12)
        .collect();
    for n in eb {
        set_all(&mut c, n, Status::Uppfylld).expect("ok");
    }
    set_all(&mut c, 30, Status::EjUppfylld).expect("ok");
    let p = c.progress(O::EkonomisktBistand);
    assert_eq!(p.to_string(), "12 av 29 uppfyllda · 13 bedömda");
    assert_eq!((p.uppfyllda, p.ej_uppfyllda, p.ej_bedomda), (12, 1, 16));
}

#[test]
fn status_words_parse_in_file_and_command_line_spellings() {
    for (word, want) in [
        ("uppfylld", Status::Uppfylld),
        ("delvis", Status::Delvis),
        ("ej uppfylld", Status::EjUppfylld),
        ("ej-uppfylld", Status::EjUppfylld),
        ("ej bedömd", Status::EjBedomd),
        ("EJ-BEDOMD", Status::EjBedomd),
    ] {
        assert_eq!(word.parse::<Status>(), Ok(want), "{word}");
    }
    assert!("klar".parse::<Status>().is_err());
    for s in Status::ALL {
        assert_eq!(s.as_str().parse::<Status>(), Ok(s));
    }
}

// --- the file ------------------------------------------------------------------------------

#[test]
fn render_and_parse_round_trip_every_change() {
    let mut c = fresh();
    c.set_kommun(Some("Upplands Väsby".into()));
    set_all(&mut c, 12, Status::Delvis).expect("ok");
    set_all(&mut c, 30, Status::EjUppfylld).expect("ok");
    c.set_note(
        30,
        "Rutinen saknas.\nTas upp i maj \"2025\" med \\ och ''' i texten.",
    )
    .expect("ok");
    c.set_note(49, "Bakgrund").expect("ok");
    set_all(&mut c, 1, Status::Uppfylld).expect("ok");
    let text = render(&c);
    let back = parse(&text).expect("parses").checklist;
    assert_eq!(back.kommun(), Some("Upplands Väsby"));
    for n in 1..=99 {
        assert_eq!(back.statuses(n), c.statuses(n), "{n}");
        assert_eq!(back.note(n), c.note(n), "{n}");
    }
    assert_eq!(render(&back), text, "a second save writes the same bytes");
}

#[test]
fn the_file_is_readable_keyed_by_number_with_the_title_as_comment() {
    let mut c = fresh();
    c.set_kommun(Some("Malmö".into()));
    set_all(&mut c, 30, Status::EjUppfylld).expect("ok");
    c.set_note(30, "Tas upp i maj.").expect("ok");
    c.set_status(12, Scope::Omrade(O::Lss), Status::Uppfylld)
        .expect("ok");
    c.set_status(12, Scope::Omrade(O::Aldreomsorg), Status::EjUppfylld)
        .expect("ok");
    set_all(&mut c, 1, Status::EjBedomd).expect("ok");
    let text = render(&c);
    let body: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("# insats"))
        .collect();
    let body = body.join("\n");
    insta::assert_snapshot!(body, @r#"
    # Status: "uppfylld", "delvis" (där indikatorn har en regel för delvis),
    # "ej uppfylld" eller "ej bedömd". En indikator som finns i flera områden har en
    # status per område (status.KORTNAMN = "…"). Filen sparas av insats vid varje ändring.
    format = 2
    kommun = "Malmö"

    # 12 Använder IBIC (Individens behov i centrum) vid alla utredningar
    [indikator.12]
    status.lss = "uppfylld"
    status.aldreomsorg = "ej uppfylld"

    # 30 Hushållsekonomisk rådgivning erbjuds
    [indikator.30]
    status = "ej uppfylld"
    anteckning = "Tas upp i maj."
    "#);
}

#[test]
fn an_empty_file_is_an_empty_checklist() {
    let p = parse(" \n\n").expect("empty is fine");
    assert_eq!(p.checklist.progress_all().ej_bedomda, 180);
    assert!(p.warnings.is_empty());
}

const UNKNOWN: &str = r#"format = 1
kommun = "Lund"
skapad_av = { program = "insats", version = "9.0" }

[indikator.12]
status = "uppfylld"
granskad = 2026-01-15

[indikator.120]
status = "delvis"
anteckning = "Från en senare datamängd"
vikt = 2.5
[indikator.120.detaljer]
fragor = ["i", "ii"]
"#;

#[test]
fn unknown_numbers_and_keys_are_reported_with_their_lines() {
    let p = parse(UNKNOWN).expect("parses");
    let w: Vec<String> = p.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        w,
        [
            "malmo.toml:3: okänd nyckel `skapad_av`; den behålls i filen",
            "malmo.toml:7: okänd nyckel `indikator.12.granskad`; den behålls i filen",
            "malmo.toml:9: indikator 120 finns inte i datan; posten behålls i filen som den är",
        ]
    );
    assert_eq!(first(&p.checklist, 12), Status::Uppfylld);
    assert_eq!(
        p.checklist.unknown().iter().copied().collect::<Vec<_>>(),
        [120]
    );
}

#[test]
fn unknown_numbers_and_keys_survive_a_load_change_save_cycle() {
    let mut p = parse(UNKNOWN).expect("parses");
    set_all(&mut p.checklist, 30, Status::Uppfylld).expect("ok");
    let saved = render_onto(UNKNOWN, &p.checklist);
    // Byte for byte what it was, but for the format, 12's status (format 1's one status,
    // now per område) and the new entry for 30 in nummer order.
    let want = UNKNOWN
        .replace("format = 1", "format = 2")
        .replace(
            "[indikator.12]\nstatus = \"uppfylld\"\n",
            "[indikator.12]\nstatus.lss = \"uppfylld\"\nstatus.socialpsykiatri = \"uppfylld\"\nstatus.aldreomsorg = \"uppfylld\"\n",
        )
        .replace(
            "\n[indikator.120]",
            "\n# 30 Hushållsekonomisk rådgivning erbjuds\n[indikator.30]\nstatus = \"uppfylld\"\n\n[indikator.120]",
        );
    assert_eq!(saved, want);
    let before: toml::Table = toml::from_str(UNKNOWN).expect("toml");
    let after: toml::Table = toml::from_str(&saved).expect("toml");
    // Everything that was there is there, value for value; only indikator 30 is new.
    assert_eq!(after["skapad_av"], before["skapad_av"]);
    assert_eq!(after["kommun"], before["kommun"]);
    assert_eq!(after["indikator"]["120"], before["indikator"]["120"]);
    assert_eq!(
        after["indikator"]["30"]["status"].as_str(),
        Some("uppfylld")
    );
    let mut keys: Vec<&String> = after["indikator"].as_table().expect("t").keys().collect();
    keys.sort();
    assert_eq!(keys, ["12", "120", "30"]);
}

#[test]
fn a_wrong_status_word_names_file_line_and_key() {
    let text = "format = 1\n\n[indikator.12]\nstatus = \"klar\"\n";
    assert_eq!(
        error(text),
        "malmo.toml:4: nyckeln `indikator.12.status`: okänd status \"klar\" (giltiga: \"uppfylld\", \"delvis\", \"ej uppfylld\", \"ej bedömd\"); filen lämnas orörd"
    );
}

#[test]
fn a_wrong_status_word_on_an_unknown_number_is_an_error_too() {
    let text = "format = 1\n[indikator.300]\nstatus = \"nja\"\n";
    assert!(error(text).starts_with("malmo.toml:3: nyckeln `indikator.300.status`: okänd status"));
}

#[test]
fn delvis_where_undefined_and_a_status_on_a_bakgrundsmatt_are_errors() {
    assert_eq!(
        error("format = 1\n[indikator.30]\nstatus = \"delvis\"\n"),
        "malmo.toml:3: nyckeln `indikator.30.status`: indikator 30 har ingen regel för delvis uppfylld; filen lämnas orörd"
    );
    assert!(
        error("format = 1\n[indikator.49]\nstatus = \"uppfylld\"\n")
            .starts_with("malmo.toml:3: nyckeln `indikator.49.status`: 49 är ett bakgrundsmått")
    );
}

#[test]
fn bad_toml_names_the_line() {
    let text = "format = 1\n[indikator.12]\nstatus = \"uppfylld\nanteckning = \"x\"\n";
    let e = error(text);
    assert!(e.starts_with("malmo.toml:3: inte giltig TOML: "), "{e}");
    assert!(e.ends_with("; filen lämnas orörd"), "{e}");
}

#[test]
fn wrong_types_and_keys_are_errors_naming_the_key() {
    for (text, want) in [
        (
            "format = 1\n[indikator.12]\nstatus = 3\n",
            "malmo.toml:3: nyckeln `indikator.12.status`: ska vara text, inte integer",
        ),
        (
            "format = 1\n[indikator.12]\nanteckning = [\"a\"]\n",
            "malmo.toml:3: nyckeln `indikator.12.anteckning`: ska vara text, inte array",
        ),
        (
            "format = 1\n\n[indikator.tolv]\nstatus = \"uppfylld\"\n",
            "malmo.toml:3: nyckeln `indikator.tolv`: \"tolv\" är inget indikatornummer",
        ),
        (
            "format = 1\nindikator = 5\n",
            "malmo.toml:2: nyckeln `indikator`: ska vara en tabell",
        ),
        (
            "format = 1\nindikator = { 12 = \"uppfylld\" }\n",
            "malmo.toml:2: nyckeln `indikator.12`: ska vara en tabell",
        ),
        (
            "format = 1\nkommun = 7\n",
            "malmo.toml:2: nyckeln `kommun`: ska vara text",
        ),
    ] {
        let e = error(text);
        assert!(e.starts_with(want), "{text:?}\n  got: {e}\n want: {want}");
    }
}

#[test]
fn the_format_version_is_required_and_a_newer_one_is_refused() {
    assert_eq!(
        error("kommun = \"Lund\"\n"),
        "malmo.toml:1: nyckeln `format`: saknas (ska vara `format = 2`); filen lämnas orörd"
    );
    assert_eq!(
        error("kommun = \"Lund\"\nformat = 3\n"),
        "malmo.toml:2: nyckeln `format`: format 3 är skrivet av en nyare version av insats; den här versionen läser format 1 och 2; filen lämnas orörd"
    );
    assert!(error("format = \"1\"\n").starts_with("malmo.toml:1: nyckeln `format`: ska vara 2"));
}

#[test]
fn inline_and_dotted_forms_read_the_same_as_tables() {
    let text = "format = 1\nindikator.12.status = \"uppfylld\"\nindikator.30 = { status = \"ej uppfylld\", anteckning = \"x\" }\n";
    let c = parse(text).expect("parses").checklist;
    assert_eq!(first(&c, 12), Status::Uppfylld);
    assert_eq!(first(&c, 30), Status::EjUppfylld);
    assert_eq!(c.note(30), "x");
}
