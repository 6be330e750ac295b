//! One test per kind of bad data file: the message names file, line and field.

use std::path::Path;

use insats::data::{self, DataError, Source, insatser};

const HEADER: &str = "id,omrade,sektion_nr,sektion,grupp,namn,namn_bilaga,ges_antal,ges_andel,digital_antal,digital_andel,enskild_antal,enskild_andel,utan_antal,utan_andel,forklaring,kalla,kallrad_000,kallrad_001";
const ROW: &str = "aldre-2.1-hemtjanst,äldre,2.1,Boendeformer,Hemtjänst och hemtjänstinsatser,Hemtjänst,,245,100,96,40,115,49,11,5,Bistånd,Socialstyrelsen (2008),87,29";

/// A data directory whose other files are valid but empty (header only), so each test
/// exercises `insatser.csv` alone.
fn load_dir(content: &[u8]) -> (tempfile::TempDir, Result<insats::model::Catalog, DataError>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for entry in std::fs::read_dir(shipped).expect("data/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "csv") {
            let text = std::fs::read_to_string(&path).expect("read");
            let header = text.lines().next().unwrap_or("");
            let name = path.file_name().expect("name");
            std::fs::write(dir.path().join(name), format!("{header}\n")).expect("write");
        }
    }
    std::fs::write(dir.path().join(insatser::FILE_NAME), content).expect("write");
    let r = data::load(&Source::Dir(dir.path().to_path_buf()));
    (dir, r)
}

fn message(content: &str) -> String {
    let (_d, r) = load_dir(content.as_bytes());
    r.expect_err("bad input must fail").to_string()
}

#[test]
fn a_good_file_loads() {
    let (_d, r) = load_dir(format!("{HEADER}\n{ROW}\n").as_bytes());
    let c = r.expect("loads");
    assert_eq!(c.insatser[0].ges.antal, Some(245));
    assert_eq!(c.insatser[0].namn_bilaga, None);
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let e = data::load(&Source::Dir(dir.path().to_path_buf())).expect_err("missing");
    assert!(
        e.to_string().contains("insatser.csv: kan inte läsas"),
        "{e}"
    );
}

#[test]
fn empty_file() {
    assert!(message("").contains("insatser.csv: filen är tom"));
}

#[test]
fn wrong_header() {
    let m = message(&format!(
        "{}\n{ROW}\n",
        HEADER.replace("ges_antal", "antal")
    ));
    assert!(
        m.contains("insatser.csv:1:") && m.contains("\"antal\"") && m.contains("\"ges_antal\""),
        "{m}"
    );
}

#[test]
fn wrong_type_names_line_and_field() {
    let m = message(&format!(
        "{HEADER}\n{ROW}\n{}\n",
        ROW.replace(",96,", ",nittiosex,")
            .replace("aldre-2.1-hemtjanst", "x")
    ));
    assert!(m.contains("insatser.csv:3: fältet `digital_antal`"), "{m}");
    assert!(m.contains("nittiosex"), "{m}");
}

#[test]
fn share_above_100() {
    let m = message(&format!(
        "{HEADER}\n{}\n",
        ROW.replace(",245,100,", ",245,140,")
    ));
    assert!(
        m.contains("insatser.csv:2: fältet `ges_andel`: 140 är större än 100"),
        "{m}"
    );
}

#[test]
fn unknown_omrade() {
    let m = message(&format!("{HEADER}\n{}\n", ROW.replace("äldre", "skola")));
    assert!(
        m.contains("insatser.csv:2: fältet `omrade`") && m.contains("\"skola\""),
        "{m}"
    );
}

#[test]
fn duplicate_id() {
    let m = message(&format!("{HEADER}\n{ROW}\n{ROW}\n"));
    assert!(
        m.contains("insatser.csv:3: fältet `id`") && m.contains("finns redan"),
        "{m}"
    );
}

#[test]
fn truncated_last_line() {
    let cut = &ROW[..ROW.len() - 20];
    let m = message(&format!("{HEADER}\n{ROW}\n{cut}"));
    assert!(m.contains("insatser.csv:3:") && m.contains("fält"), "{m}");
}

#[test]
fn a_last_line_cut_inside_its_last_field_is_caught() {
    // "…,87,29" cut to "…,87,2": every field is there and valid, only the line break is not.
    let cut = &ROW[..ROW.len() - 1];
    let m = message(&format!(
        "{HEADER}\n{ROW}\n{}",
        cut.replace("aldre-2.1-hemtjanst", "z")
    ));
    assert!(
        m.contains("insatser.csv:3: fältet `kallrad_001`: raden slutar utan radbrytning"),
        "{m}"
    );
    assert!(m.contains("avklippt"), "{m}");
}

#[test]
fn non_utf8_bytes_name_line_and_field() {
    let mut bytes = format!("{HEADER}\n{ROW}\n").into_bytes();
    bytes.extend_from_slice(b"x,\xff\xfe\n");
    let (_d, r) = load_dir(&bytes);
    let m = r.expect_err("not UTF-8").to_string();
    assert!(
        m.contains("insatser.csv:3: fältet `omrade`: filen är inte giltig UTF-8"),
        "{m}"
    );
}

/// `n` rows of [`ROW`], each with its own id: a file larger than the part read at a time.
fn many_rows(n: usize) -> String {
    let mut text = format!("{HEADER}\n");
    for k in 0..n {
        text.push_str(&ROW.replacen("aldre-2.1-hemtjanst", &format!("rad-{k}"), 1));
        text.push('\n');
    }
    text
}

#[test]
fn a_file_read_in_parts_loads_whole_and_names_a_late_bad_byte() {
    let text = many_rows(5000);
    assert!(text.len() > 512 * 1024, "{} bytes", text.len());
    let (_d, r) = load_dir(text.as_bytes());
    let c = r.expect("loads");
    assert_eq!(c.insatser.len(), 5000);
    assert_eq!(c.insatser[4999].id, "rad-4999");
    // A bad byte in row 4 000 (line 4 001), far past the first part read.
    let mut bytes = text.into_bytes();
    let at = bytes
        .windows(9)
        .position(|w| w == b"rad-3999,")
        .expect("row");
    let field = at
        + bytes[at..]
            .windows(5)
            .position(|w| w == b",Bist")
            .expect("förklaring");
    bytes[field + 1] = 0xff;
    let (_d, r) = load_dir(&bytes);
    let m = r.expect_err("not UTF-8").to_string();
    assert!(
        m.contains("insatser.csv:4001: fältet `forklaring`: filen är inte giltig UTF-8"),
        "{m}"
    );
    // And a file cut short far into it.
    let mut cut = many_rows(5000);
    cut.truncate(cut.len() - 2);
    let m = message(&cut);
    assert!(m.contains("insatser.csv:5001:"), "{m}");
    assert!(m.contains("utan radbrytning"), "{m}");
}

#[test]
fn the_first_error_in_the_file_is_the_one_named() {
    // A bad share on line 1 501 and a quote left open on line 1 801, in other batches of
    // the rows read on another thread: the share is named.
    let text = many_rows(2000)
        .replace(
            "rad-1499,äldre,2.1,Boendeformer,Hemtjänst och hemtjänstinsatser,Hemtjänst,,245,100,",
            "rad-1499,äldre,2.1,Boendeformer,Hemtjänst och hemtjänstinsatser,Hemtjänst,,245,140,",
        )
        .replace("rad-1799,äldre,2.1,", "rad-1799,äldre,\"2.1,");
    let m = message(&text);
    assert!(
        m.contains("insatser.csv:1501: fältet `ges_andel`: 140 är större än 100"),
        "{m}"
    );
}

#[test]
fn a_file_of_only_white_space_is_empty_however_long() {
    let m = message(&" \n".repeat(300_000));
    assert!(m.contains("insatser.csv: filen är tom"), "{m}");
    // A line of white space first, then the header: the header row is the white space.
    let m = message(&format!("{}\n{HEADER}\n{ROW}\n", " ".repeat(300_000)));
    assert!(m.contains("rubrikraden saknas"), "{m}");
}

#[test]
fn non_utf8_inside_a_multi_line_field_names_its_own_line() {
    // Latin-1 "ä" on the third line of a quoted förklaring that starts on line 2.
    let row = ROW.replace(",Bistånd,", ",\"Bistånd\nrad två\nr\u{1}d tre\",");
    let mut bytes = format!("{HEADER}\n{row}\n").into_bytes();
    let at = bytes.iter().position(|&b| b == 1).expect("marker");
    bytes[at] = 0xe4;
    let (_d, r) = load_dir(&bytes);
    let m = r.expect_err("not UTF-8").to_string();
    assert!(
        m.contains("insatser.csv:4: fältet `forklaring`: filen är inte giltig UTF-8"),
        "{m}"
    );
}

#[test]
fn non_utf8_in_the_header_names_the_column() {
    let mut bytes = HEADER.replace("sektion_nr", "sektion\u{1}nr").into_bytes();
    let at = bytes.iter().position(|&b| b == 1).expect("marker");
    bytes[at] = 0xff;
    let (_d, r) = load_dir(&bytes);
    let m = r.expect_err("not UTF-8").to_string();
    assert!(
        m.contains("insatser.csv:1: fältet `kolumn 3 i rubrikraden`"),
        "{m}"
    );
}

#[test]
fn missing_header_says_so() {
    let m = message(&format!("{ROW}\n{ROW}\n"));
    assert!(
        m.contains("insatser.csv:1: fel rubrikrad: rubrikraden saknas"),
        "{m}"
    );
    assert!(m.contains("id,omrade,sektion_nr"), "names the columns: {m}");
}

#[test]
fn an_extra_column_is_named() {
    let m = message(&format!("{HEADER},extra\n{ROW},x\n"));
    assert!(
        m.contains("insatser.csv:1: fel rubrikrad: okänd extra kolumn \"extra\""),
        "{m}"
    );
}

#[test]
fn a_row_with_a_field_too_many_says_which() {
    let m = message(&format!("{HEADER}\n{ROW},x\n"));
    assert!(
        m.contains("insatser.csv:2: raden har 20 fält, väntade 19") && m.contains("fält 20"),
        "{m}"
    );
}

#[test]
fn an_error_quotes_a_long_value_cut_short() {
    let long = "x".repeat(5000);
    let m = message(&format!("{HEADER}\n{}\n", ROW.replace("äldre", &long)));
    assert!(m.contains("fältet `omrade`"), "{m}");
    assert!(
        m.len() < 600,
        "one paragraph, not the whole field: {} bytes",
        m.len()
    );
    assert!(m.contains("xxx…"), "{m}");
}

#[test]
fn required_field_empty() {
    let m = message(&format!(
        "{HEADER}\n{}\n",
        ROW.replace(",Hemtjänst,,", ",,,")
    ));
    assert!(m.contains("fältet `namn`: får inte vara tomt"), "{m}");
}

#[test]
fn the_file_name_in_messages_is_the_real_path() {
    let e = insatser::parse("", Path::new("/tmp/annan/insatser.csv")).expect_err("empty");
    assert!(e.to_string().starts_with("/tmp/annan/insatser.csv"));
}

#[test]
fn a_10_mb_field_is_an_error_naming_line_and_field() {
    let huge = "x".repeat(10 * 1024 * 1024);
    let row = ROW.replace(",Bistånd,", &format!(",\"{huge}\","));
    let m = message(&format!(
        "{HEADER}\n{ROW}\n{}\n",
        row.replace("aldre-2.1-hemtjanst", "y")
    ));
    assert!(
        m.contains("insatser.csv:3: fältet `forklaring`: 10485760 byte långt, högst 65536"),
        "{m}"
    );
    assert!(m.len() < 300, "{m}");
}

#[test]
fn a_field_at_the_limit_still_loads() {
    let long = "x".repeat(insats::data::MAX_FIELD_BYTES);
    let row = ROW.replace(",Bistånd,", &format!(",\"{long}\","));
    let (_d, r) = load_dir(format!("{HEADER}\n{row}\n").as_bytes());
    let c = r.expect("64 KiB is still data");
    assert_eq!(
        c.insatser[0].forklaring.as_deref().map(str::len),
        Some(long.len())
    );
}

#[test]
fn an_unterminated_quote_names_the_line() {
    let row = ROW.replace(",Bistånd,", ",\"Bistånd,");
    let m = message(&format!(
        "{HEADER}\n{ROW}\n{}\n",
        row.replace("aldre-2.1-hemtjanst", "y")
    ));
    assert!(m.contains("insatser.csv:3:"), "{m}");
}
