//! The analysts' command line at 80 columns: tables that fit, one spelling of each område,
//! `stats` sorting and filtering, `jamfor`, `show --format json --omrade`, machine formats
//! in pipes, and spreadsheet files that a spreadsheet library reads back.

use crate::binary;

use binary::{insats, insats_env, stderr, stdout};
use calamine::{Data, Reader, Xlsx, open_workbook};
use unicode_width::UnicodeWidthStr;

const AT_80: &[(&str, &str)] = &[("COLUMNS", "80")];

fn tsv(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|l| l.split('\t').map(String::from).collect())
        .collect()
}

#[test]
fn at_80_columns_no_table_line_is_wider_than_80() {
    let commands: &[&[&str]] = &[
        &["search", "hvb"],
        &["search", "mi"],
        &["search", "samtal"],
        &["search", ""],
        &["search", "stöd", "--omrade", "vald"],
        &["stats"],
        &["stats", "--sort", "digital-antal"],
        &["stats", "mi"],
        &["stats", "--omrade", "barn", "--sort", "utan", "--asc"],
        &["stats", "--per-omrade"],
        &["jamfor", "Motiverande samtal (MI)"],
        &["jamfor", "hvb"],
        &["jamfor", "Stödboende"],
        &["indikatorer"],
        &["indikatorer", "--omrade", "LSS"],
    ];
    for args in commands {
        let mut args = args.to_vec();
        args.extend(["--format", "table"]);
        let out = insats_env(&args, AT_80);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(text.lines().count() > 1, "{args:?}: {text}");
        for line in text.lines() {
            assert!(
                line.width() <= 80,
                "{args:?}: {} wide: {line:?}",
                line.width()
            );
        }
    }
    // Text for reading wraps to the same width: every indikator, every tenth insats (ids
    // stand whole on their own lines, so that they can be copied).
    let ids = tsv(&stdout(&insats(&["export", "--format", "tsv"])));
    let numbers: Vec<String> = (1..=99).map(|n| n.to_string()).collect();
    let pages = ids[1..]
        .iter()
        .step_by(10)
        .map(|r| vec!["show", r[0].as_str()])
        .chain(numbers.iter().map(|n| vec!["indikator", n.as_str()]));
    for args in pages {
        let out = insats_env(&args, AT_80);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        for line in stdout(&out).lines() {
            let id_alone = line.trim_start().trim_start_matches("id: ").contains(' ');
            assert!(line.width() <= 80 || !id_alone, "{args:?}: {line:?}");
        }
    }
}

#[test]
fn text_wraps_to_80_in_a_pipe_and_to_the_terminal_width_when_known() {
    let piped = stdout(&insats(&["show", "missbruk-5.2-motiverande-samtal-mi"]));
    assert!(piped.lines().all(|l| l.width() <= 80), "{piped}");
    assert!(piped.contains(
        "\n  Motiverande samtal (motivational interviewing, MI) är en samtalsmetod som\n"
    ));
    let narrow = stdout(&insats_env(
        &["show", "missbruk-5.2-motiverande-samtal-mi"],
        &[("COLUMNS", "50")],
    ));
    // Ids are never broken, so that they can be copied whole.
    assert!(
        narrow
            .lines()
            .all(|l| l.width() <= 50 || l.trim_start().starts_with("id: ")),
        "{narrow}"
    );
    assert!(narrow.lines().count() > piped.lines().count());
}

#[test]
fn a_narrow_table_drops_the_id_with_a_note_and_cuts_names_last() {
    let out = insats_env(&["search", "hvb", "--format", "table"], AT_80);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Nr  Namn                             Område                 Ges   %"
    );
    assert_eq!(
        lines[1],
        " 1  Hem för vård eller boende (HVB)  barn och unga          229  98"
    );
    assert!(text.contains("Hem för vård eller boende (HVB)  missbruk och beroende  225  96"));
    assert!(!text.contains("barn-3.2"), "no id: {text}");
    assert_eq!(
        stderr(&out),
        "insats: id får inte plats i 80 kolumner; hela id med --format tsv\n"
    );
    // Wide enough, the id stays and nothing is said.
    let wide = insats_env(
        &["search", "hvb", "--format", "table"],
        &[("COLUMNS", "200")],
    );
    assert!(stdout(&wide).contains("barn-3.2-hem-for-vard-eller-boende-hvb"));
    assert!(wide.stderr.is_empty());
    // Narrower, the område takes its short label before a name is cut.
    let stats = stdout(&insats_env(
        &[
            "stats", "--omrade", "vald", "--sort", "ges", "--top", "3", "--format", "table",
        ],
        AT_80,
    ));
    let header = stats.lines().next().expect("header");
    assert!(header.starts_with("Namn"), "{stats}");
    assert!(
        header.contains("Område  Ges   %  Dig   %  Ensk   %  Utan   %"),
        "{stats}"
    );
    assert!(
        stats.lines().skip(1).all(|l| l.contains("  Våld  ")),
        "{stats}"
    );
    assert!(stats.contains('…'), "a long name is cut: {stats}");
    // A tiny terminal: whole columns go, from the right, with a note.
    let tiny = insats_env(
        &["stats", "--top", "3", "--format", "table"],
        &[("COLUMNS", "30")],
    );
    assert!(
        stdout(&tiny).lines().all(|l| l.width() <= 30),
        "{}",
        stdout(&tiny)
    );
    assert!(
        stderr(&tiny).contains("får inte plats i 30 kolumner:"),
        "{}",
        stderr(&tiny)
    );
}

#[test]
fn one_spelling_of_each_omrade_in_every_command_and_format() {
    let names = [
        "äldre",
        "barn och unga",
        "funktionshinder",
        "missbruk och beroende",
        "socialpsykiatri",
        "våld i nära relationer",
    ];
    let search = tsv(&stdout(&insats(&["search", "mi"])));
    let stats = tsv(&stdout(&insats(&["stats", "mi"])));
    let jamfor = tsv(&stdout(&insats(&["jamfor", "mi"])));
    let export = tsv(&stdout(&insats(&["export", "--format", "tsv"])));
    for (rows, col) in [(&search, 2), (&stats, 1), (&jamfor, 0), (&export, 1)] {
        assert_eq!(rows[0][col], "omrade");
        for r in &rows[1..] {
            assert!(names.contains(&r[col].as_str()), "{:?}", r[col]);
        }
    }
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&insats(&["search", "hvb", "--format", "json"])))
            .expect("json");
    assert_eq!(json[0]["omrade"], "barn och unga");
    let show = stdout(&insats(&["show", "barn-3.1-motiverande-samtal-mi"]));
    assert!(show.contains("\nbarn och unga › 3.1"), "{show}");
}

#[test]
fn jamfor_mi_has_six_rows_with_all_four_measures() {
    let out = insats(&["jamfor", "Motiverande samtal (MI)", "--format", "tsv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = tsv(&stdout(&out));
    assert_eq!(
        rows[0],
        [
            "omrade",
            "grupp",
            "namn",
            "ges_antal",
            "ges_andel",
            "digital_antal",
            "digital_andel",
            "enskild_antal",
            "enskild_andel",
            "utan_antal",
            "utan_andel",
            "id"
        ]
    );
    assert_eq!(rows.len(), 7);
    for r in &rows[1..] {
        assert_eq!(r[2], "Motiverande samtal (MI)");
        for cell in &r[3..11] {
            cell.parse::<u32>().expect("a number in every measure");
        }
    }
    assert_eq!(
        rows[3][..5],
        [
            "missbruk och beroende",
            "Insatser riktade till individer med missbruk",
            "Motiverande samtal (MI)",
            "219",
            "93"
        ]
    );
    assert_eq!(
        rows[6][11],
        "vald-7.2-motiverande-samtal-mi-valdsutovande-vuxna"
    );
    // By id, by a name without capitals, and as JSON: the same six.
    let by_id = tsv(&stdout(&insats(&[
        "jamfor",
        "funk-4.2-motiverande-samtal-mi",
    ])));
    assert_eq!(by_id, rows);
    let json: serde_json::Value = serde_json::from_str(&stdout(&insats(&[
        "jamfor",
        "motiverande samtal (mi)",
        "--format",
        "json",
    ])))
    .expect("json");
    assert_eq!(json.as_array().map(Vec::len), Some(6));
    assert_eq!(json[0]["digital"]["antal"], 140);
    // A query that fits several names says so.
    let many = insats(&["jamfor", "samtal"]);
    assert_eq!(many.status.code(), Some(2));
    assert!(stderr(&many).contains("namn passar"), "{}", stderr(&many));
    assert_eq!(insats(&["jamfor", "qqqq"]).status.code(), Some(1));
}

#[test]
fn stats_sorts_by_count_filters_by_kommuner_and_by_name() {
    // "Which five insatser in äldre do most kommuner give digitally?"
    let rows = tsv(&stdout(&insats(&[
        "stats",
        "--omrade",
        "aldre",
        "--sort",
        "digital-antal",
        "--top",
        "5",
    ])));
    let names: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names[0], "Tillsyn");
    let counts: Vec<u32> = rows[1..]
        .iter()
        .map(|r| r[4].parse().expect("count"))
        .collect();
    assert_eq!(counts[0], 155);
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    // By share, one kommun at 100 % comes first; a minimum number of kommuner removes it.
    let by_share = tsv(&stdout(&insats(&[
        "stats", "--sort", "digital", "--top", "1",
    ])));
    assert_eq!(by_share[1][5], "100");
    let min = tsv(&stdout(&insats(&[
        "stats",
        "--sort",
        "digital",
        "--min-kommuner",
        "50",
    ])));
    assert!(
        min[1..]
            .iter()
            .all(|r| r[2].parse::<u32>().expect("ges") >= 50)
    );
    assert!(min.len() > 100 && min.len() < 410, "{}", min.len());
    // A name filter with the search's rules.
    let mi = tsv(&stdout(&insats(&["stats", "mi", "--sort", "ges-antal"])));
    assert_eq!(mi.len(), 7);
    assert!(mi[1..].iter().all(|r| r[0] == "Motiverande samtal (MI)"));
    let ges: Vec<u32> = mi[1..].iter().map(|r| r[2].parse().expect("ges")).collect();
    assert_eq!(ges, [219, 197, 194, 150, 149, 91]);
    let asc = tsv(&stdout(&insats(&[
        "stats",
        "mi",
        "--sort",
        "ges-antal",
        "--asc",
    ])));
    assert_eq!(asc[1][2], "91");
}

#[test]
fn show_json_and_omrade_pick_among_same_named_insatser() {
    let out = insats(&[
        "show",
        "Motiverande samtal (MI)",
        "--omrade",
        "missbruk",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(v["id"], "missbruk-5.2-motiverande-samtal-mi");
    assert_eq!(v["omrade"], "missbruk och beroende");
    assert_eq!(v["andra_omraden"].as_array().map(Vec::len), Some(5));
    // Two in våld: still ambiguous, the two listed.
    let vald = insats(&["show", "Motiverande samtal (MI)", "--omrade", "vald"]);
    assert_eq!(vald.status.code(), Some(2));
    assert!(
        stderr(&vald).starts_with("insats: 2 insatser passar"),
        "{}",
        stderr(&vald)
    );
    // Not in that område.
    let none = insats(&["show", "aldre-2.1-dagverksamhet", "--omrade", "barn"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(
        stderr(&none).contains("i barn och unga"),
        "{}",
        stderr(&none)
    );
}

#[test]
fn every_listing_is_tsv_with_a_header_in_a_pipe() {
    for (args, header) in [
        (&["indikatorer"][..], "nummer\tslag\ttyp\ttitel\tomraden"),
        (&["search", "mi"], "rang\tnamn\tomrade\t"),
        (&["stats"], "namn\tomrade\tges_antal\t"),
        (&["stats", "--per-omrade"], "omrade\tinsatser\tmatt\t"),
        (&["jamfor", "mi"], "omrade\tgrupp\tnamn\t"),
    ] {
        let out = insats(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let text = stdout(&out);
        assert!(text.starts_with(header), "{args:?}: {text}");
        let fields = text.lines().next().map(|l| l.split('\t').count());
        assert!(
            text.lines().all(|l| Some(l.split('\t').count()) == fields),
            "{args:?}"
        );
    }
    let ind = tsv(&stdout(&insats(&["indikatorer"])));
    assert_eq!(ind.len(), 100);
    assert_eq!(ind[28][0], "28");
}

fn workbook(path: &std::path::Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    open_workbook(path).expect("a workbook calamine reads")
}

#[test]
fn export_xlsx_has_a_sheet_per_omrade_alla_and_kalla_with_numbers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("insatser.xlsx");
    let out = insats(&[
        "export",
        "--format",
        "xlsx",
        "--output",
        file.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let mut book = workbook(&file);
    assert_eq!(
        book.sheet_names(),
        [
            "Äldre", "Barn", "Funk", "Missbr", "Socpsyk", "Våld", "Alla", "Källa"
        ]
    );
    let alla = book.worksheet_range("Alla").expect("Alla");
    assert_eq!(alla.height(), 410, "a header and 409 insatser");
    let header: Vec<String> = alla
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(header[..3], ["id", "omrade", "sektion_nr"]);
    assert!(
        !header.iter().any(|h| h.starts_with("kallrad")),
        "provenance only with --kallrad"
    );
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (antal, andel) = (col("ges_antal"), col("ges_andel"));
    let mut numbers = 0;
    for row in alla.rows().skip(1) {
        match (&row[antal], &row[andel]) {
            (Data::Float(a), Data::Float(p)) => {
                assert!(*a >= 0.0 && (0.0..=1.0).contains(p), "{a} {p}");
                numbers += 1;
            }
            (Data::Empty, Data::Empty) => {}
            other => panic!("not numbers: {other:?}"),
        }
    }
    assert!(numbers > 390, "{numbers}");
    let mi = alla
        .rows()
        .find(|r| r[0] == "missbruk-5.2-motiverande-samtal-mi")
        .expect("MI");
    assert_eq!(mi[antal], Data::Float(219.0));
    assert_eq!(
        mi[andel],
        Data::Float(0.93),
        "the printed 93 %, as a percent number"
    );
    assert_eq!(mi[1].to_string(), "missbruk och beroende");
    let per_sheet: usize = ["Äldre", "Barn", "Funk", "Missbr", "Socpsyk", "Våld"]
        .iter()
        .map(|s| book.worksheet_range(s).expect("sheet").height() - 1)
        .sum();
    assert_eq!(per_sheet, 409);
    let kalla = book.worksheet_range("Källa").expect("Källa");
    let text: String = kalla
        .rows()
        .flat_map(|r| r.iter().map(ToString::to_string))
        .collect();
    assert!(
        text.contains("Kartläggning av insatser i socialtjänst"),
        "{text}"
    );
    assert!(text.contains("2016–2020"), "{text}");
    assert!(text.contains("409"), "{text}");
}

#[test]
fn stats_and_jamfor_write_xlsx_and_kallrad_is_asked_for() {
    let dir = tempfile::tempdir().expect("tempdir");
    let stats = dir.path().join("stats.xlsx");
    let out = insats(&["stats", "--output", stats.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut book = workbook(&stats);
    let rows = book.worksheet_range("Insatser").expect("Insatser");
    assert_eq!(rows.height(), 410);
    assert!(
        matches!(rows.get((1, 2)), Some(Data::Float(_))),
        "{:?}",
        rows.get((1, 2))
    );
    let jamfor = dir.path().join("mi.xlsx");
    let out = insats(&[
        "jamfor",
        "mi",
        "--format",
        "xlsx",
        "-o",
        jamfor.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut book = workbook(&jamfor);
    assert_eq!(
        book.worksheet_range("Jämförelse").expect("sheet").height(),
        7
    );
    // With --kallrad the provenance columns come along, and the copy loads with --data.
    let csv = insats(&["export", "--format", "csv", "--kallrad"]);
    let shipped =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/insatser.csv"))
            .expect("data");
    assert_eq!(stdout(&csv), shipped, "export --kallrad is the data file");
    // An Excel file is never written to a terminal; to a pipe it is.
    let piped = insats(&["export", "--format", "xlsx"]);
    assert_eq!(piped.status.code(), Some(0));
    assert!(piped.stdout.starts_with(b"PK"), "a zip file");
}

#[test]
fn csv_for_excel_has_bom_semicolons_and_swedish_letters() {
    let out = insats(&["export", "--format", "csv-excel"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBFid;omrade;sektion_nr;"));
    let text = stdout(&out);
    assert!(text.contains(";äldre;"), "å ä ö as UTF-8");
    let per = stdout(&insats(&["stats", "--per-omrade", "--format", "csv-excel"]));
    // Quartiles with decimals get a decimal comma.
    assert!(
        per.lines().nth(1).is_some_and(|l| l.contains(";35,5;")),
        "{per}"
    );
}

#[test]
fn read_only_commands_create_nothing_on_disk() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path().to_str().expect("path");
    let env = [
        ("HOME", h),
        ("XDG_DATA_HOME", h),
        ("XDG_CONFIG_HOME", h),
        ("XDG_CACHE_HOME", h),
    ];
    for args in [
        &["search", "mi"][..],
        &["stats", "--per-omrade"],
        &["jamfor", "mi"],
        &["show", "aldre-2.1-dagverksamhet"],
        &["export", "--format", "csv"],
        &["indikatorer"],
        &["indikator", "28"],
    ] {
        let out = insats_env(args, &env);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let left: Vec<_> = std::fs::read_dir(home.path()).expect("dir").collect();
        assert!(left.is_empty(), "{args:?} created {left:?}");
    }
}
