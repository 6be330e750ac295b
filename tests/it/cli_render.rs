//! `insats render`: its text and SVG match the live app's screen, drawn through the
//! TestBackend after the same key actions; its errors and exit codes.

use crate::binary;

use binary::{insats_env, stderr, stdout};
use insats::action::Action;
use insats::app::App;
use insats::keymap::Keymap;
use insats::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// `insats render ARGS` with a home and config directory of its own (no user keymap or
/// settings from the machine running the tests).
fn render(args: &[&str]) -> std::process::Output {
    let home = tempfile::tempdir().expect("temp home");
    let h = home.path().to_str().expect("utf-8 path");
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    insats_env(
        &all,
        &[
            ("HOME", h),
            ("XDG_CONFIG_HOME", h),
            ("APPDATA", h),
            ("XDG_STATE_HOME", h),
        ],
    )
}

/// The live app: built, driven by the actions a user's keys give, drawn by the TestBackend.
fn live_screen(actions: &[Action], width: u16, height: u16) -> TestBackend {
    let catalog = insats::data::load(&insats::data::Source::Embedded).expect("embedded data");
    let mut app = App::new(catalog, Keymap::builtin().expect("keymap").help());
    app.update(Action::Resize { width, height });
    for a in actions {
        app.update(*a);
    }
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|f| ui::draw(f, &app, &Theme::color()))
        .expect("draws");
    terminal.backend().clone()
}

/// The TestBackend's own view of its buffer, one string per row (it quotes each row).
fn backend_rows(backend: &TestBackend) -> Vec<String> {
    backend
        .to_string()
        .lines()
        .map(|l| {
            assert!(!l.contains("Hidden by"), "no wide characters expected: {l}");
            l.strip_prefix('"')
                .and_then(|l| l.strip_suffix('"'))
                .expect("quoted row")
                .to_string()
        })
        .collect()
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::InsertChar).collect()
}

/// The rows of an SVG picture: the text of each `<text>` element, tags removed, entities
/// decoded.
fn svg_rows(svg: &str) -> Vec<String> {
    let mut rows = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<text ") {
        let end = rest[start..].find("</text>").expect("closed text") + start;
        let element = &rest[start..end];
        let mut row = String::new();
        let mut in_tag = false;
        for c in element.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => row.push(c),
                _ => {}
            }
        }
        rows.push(
            row.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&"),
        );
        rest = &rest[end..];
    }
    rows
}

#[test]
fn text_equals_the_live_screen_after_the_same_keys() {
    let mi = |format: &str| {
        render(&[
            "--size",
            "100x30",
            "--query",
            "mi",
            "--select",
            "missbruk-5.2-motiverande-samtal-mi",
            "--format",
            format,
        ])
    };
    let out = mi("text");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);

    // By hand: / m i Enter, then down to the third hit (the MI in missbruk).
    let mut keys = vec![Action::FocusSearch];
    keys.extend(typed("mi"));
    keys.extend([Action::Open, Action::Down, Action::Down]);
    let live = live_screen(&keys, 100, 30);
    let rows = backend_rows(&live);
    assert_eq!(rows.len(), 30);
    assert_eq!(text.lines().collect::<Vec<_>>(), rows);
    assert!(text.ends_with('\n'));
    assert!(rows[2].contains("│mi "), "{}", rows[2]);
    assert!(text.contains("Missbruk och beroende › 5.2"), "{text}");

    // The SVG of the same state has the same rows.
    let out = mi("svg");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let svg = stdout(&out);
    assert_eq!(svg_rows(&svg), rows);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\""));
}

#[test]
fn the_start_screen_and_the_checklist_view_match_too() {
    let out = render(&["--size", "80x24"]);
    assert_eq!(
        stdout(&out).lines().collect::<Vec<_>>(),
        backend_rows(&live_screen(&[], 80, 24))
    );
    let out = render(&["--size", "80x24", "--view", "checklista"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).lines().collect::<Vec<_>>(),
        backend_rows(&live_screen(&[Action::ShowChecklist], 80, 24))
    );
}

#[test]
fn html_is_a_page_with_the_screen_in_a_pre() {
    let out = render(&["--size", "80x24", "--query", "hvb", "--format", "html"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
    assert!(html.contains("Hem för vård eller boende (HVB)"));
    assert_eq!(html.matches("<pre ").count(), 1);
    // 24 rows inside the pre.
    let pre = &html[html.find("<pre ").expect("pre")..html.find("</pre>").expect("end")];
    assert_eq!(
        pre.lines().count(),
        25,
        "the pre's opening line and 24 rows"
    );
}

#[test]
fn themes_colour_the_svg() {
    let light = stdout(&render(&[
        "--size", "60x20", "--format", "svg", "--theme", "ljus",
    ]));
    assert!(light.contains("fill=\"#ffffff\"/>"), "white background");
    let contrast = stdout(&render(&[
        "--size", "60x20", "--format", "svg", "--theme", "kontrast",
    ]));
    assert!(contrast.contains("<rect width=\"540\" height=\"360\" fill=\"#000000\"/>"));
    assert!(contrast.contains("fill=\"#ffff00\""), "yellow accents");
    assert_ne!(light, contrast);

    // A picture is no terminal output: NO_COLOR leaves its colours, --color never removes them.
    let home = tempfile::tempdir().expect("temp home");
    let h = home.path().to_str().expect("utf-8 path");
    let env = [
        ("HOME", h),
        ("XDG_CONFIG_HOME", h),
        ("APPDATA", h),
        ("XDG_STATE_HOME", h),
        ("NO_COLOR", "1"),
    ];
    let args = [
        "render", "--size", "60x20", "--format", "svg", "--theme", "kontrast",
    ];
    let no_color = stdout(&insats_env(&args, &env));
    assert_eq!(no_color, contrast);
    let mut never = args.to_vec();
    never.extend(["--color", "never"]);
    let never = stdout(&insats_env(&never, &env));
    assert!(
        !never.contains("fill=\"#ffff00\""),
        "no yellow without colour"
    );
}

#[test]
fn select_errors_name_the_problem() {
    let out = render(&[
        "--query",
        "hvb",
        "--select",
        "missbruk-5.2-motiverande-samtal-mi",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("finns inte bland träffarna för \"hvb\""),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
    let out = render(&["--select", "Motiverande samtal (MI)"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = render(&["--select", "finns-inte-alls-xyz"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let out = render(&["--size", "120"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("BREDDxHÖJD"), "{}", stderr(&out));
    // Below the smallest window the app draws, or absurdly large: refused, nothing written.
    for size in ["39x24", "80x9", "10x2", "100000x100000", "1001x40"] {
        let out = render(&["--size", size]);
        assert_eq!(out.status.code(), Some(2), "{size}");
        assert!(out.stdout.is_empty(), "{size}");
        assert!(
            stderr(&out).contains("bredden ska vara 40–1000 och höjden 10–1000"),
            "{size}: {}",
            stderr(&out)
        );
    }
    assert_eq!(render(&["--size", "40x10"]).status.code(), Some(0));
    // Flags of the catalogue are refused in the checklist view, naming the flag.
    for flag in [&["--select", "hvb"][..], &["--presentation"][..]] {
        let mut args = vec!["--view", "checklista"];
        args.extend_from_slice(flag);
        let out = render(&args);
        assert_eq!(out.status.code(), Some(2), "{flag:?}");
        assert!(
            stderr(&out).contains(&format!("{} gäller bara vyn katalog", flag[0])),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn the_checklist_view_shows_the_kommuns_checklist_and_its_search() {
    let home = tempfile::tempdir().expect("temp home");
    let file = home.path().join("malmo.toml");
    std::fs::write(
        &file,
        "format = 1\nkommun = \"Malmö\"\n\n[indikator.1]\nstatus = \"uppfylld\"\n",
    )
    .expect("checklist file");
    let before = std::fs::read(&file).expect("read");
    let f = file.to_str().expect("utf-8 path");
    let out = render(&[
        "--view",
        "checklista",
        "--checklista",
        f,
        "--size",
        "100x30",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("F3 Checklista · Malmö"), "{text}");
    assert!(text.contains("1/29 uppf"), "{text}");
    assert!(text.contains("✓  1 Aktuell rutin"), "{text}");
    assert_eq!(std::fs::read(&file).expect("read"), before, "never written");

    // --query searches the indikatorer, as typed into the checklist's search box.
    let out = render(&[
        "--view",
        "checklista",
        "--query",
        "avhysning",
        "--size",
        "80x24",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("│avhysning"), "{text}");
    assert!(text.contains("1 träff"), "{text}");

    // A broken checklist file stops the render with its place named.
    std::fs::write(&file, "format = 1\n[indikator.1]\nstatus = \"kanske\"\n").expect("write");
    let out = render(&["--view", "checklista", "--checklista", f]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("malmo.toml"), "{}", stderr(&out));
}
