//! Keymap: defaults, key-by-key merge, resolution order, and errors naming file, table, key.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insats::action::{Action, Context};
use insats::keymap::{DEFAULT_KEYMAP, KeyCombo, Keymap};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/keymaps")
        .join(name)
}

fn key(s: &str) -> KeyEvent {
    let combo: KeyCombo = s.parse().expect("key name");
    KeyEvent::new(combo.code, combo.modifiers)
}

fn error(name: &str) -> String {
    Keymap::load(&[fixture(name)])
        .expect_err("bad keymap is an error")
        .to_string()
}

#[test]
fn defaults_resolve_per_context_with_global_fallback() {
    let k = Keymap::builtin().expect("default keymap");
    assert_eq!(k.resolve(Context::List, &key("ctrl-c")), Some(Action::Quit));
    assert_eq!(
        k.resolve(Context::Tree, &key("right")),
        Some(Action::Expand)
    );
    assert_eq!(
        k.resolve(Context::List, &key("right")),
        Some(Action::NextPane)
    );
    assert_eq!(
        k.resolve(Context::Detail, &key("end")),
        Some(Action::Bottom)
    );
    assert_eq!(
        k.resolve(Context::List, &key("/")),
        Some(Action::FocusSearch)
    );
    assert_eq!(
        k.resolve(Context::List, &key("f1")),
        Some(Action::ToggleHelp)
    );
    assert_eq!(
        k.resolve(Context::List, &key("f3")),
        Some(Action::ShowChecklist)
    );
    assert_eq!(
        k.resolve(Context::List, &key("alt-2")),
        Some(Action::ShowChecklist)
    );
    assert_eq!(
        k.resolve(Context::Tree, &key("pagedown")),
        Some(Action::PageDown)
    );
    assert_eq!(k.resolve(Context::List, &key("ctrl-n")), Some(Action::Down));
    // Shift-Tab arrives as BackTab with SHIFT.
    let backtab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(k.resolve(Context::List, &backtab), Some(Action::PrevPane));
}

#[test]
fn in_the_catalogue_typed_characters_search_from_every_pane() {
    let k = Keymap::builtin().expect("default keymap");
    for context in [Context::Tree, Context::List, Context::Detail] {
        // The letters that were commands before, and Shift-G as the terminal sends it.
        for c in "qpctajkgGhl?12 åÖ".chars() {
            let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            assert_eq!(
                k.resolve(context, &ev),
                Some(Action::InsertChar(c)),
                "{context:?} {c:?}"
            );
        }
        let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(k.resolve(context, &shift_g), Some(Action::InsertChar('G')));
        // Ctrl-C quits everywhere.
        assert_eq!(k.resolve(context, &key("ctrl-c")), Some(Action::Quit));
    }
    // The checklist and the presentation keep their letters.
    assert_eq!(k.resolve(Context::Checklist, &key("q")), Some(Action::Quit));
    assert_eq!(
        k.resolve(Context::Presentation, &key("q")),
        Some(Action::Quit)
    );
    // In the help overlay q, Esc and F1 close it.
    assert_eq!(
        k.resolve(Context::Help, &key("q")),
        Some(Action::ToggleHelp)
    );
    assert_eq!(k.resolve(Context::Help, &key("esc")), Some(Action::Back));
    assert_eq!(
        k.resolve(Context::Help, &key("f1")),
        Some(Action::ToggleHelp)
    );
    assert_eq!(k.resolve(Context::Help, &key("ctrl-c")), Some(Action::Quit));
}

#[test]
fn the_vi_profile_brings_the_letters_back() {
    let mut k = Keymap::builtin().expect("default keymap");
    k.merge_str(insats::keymap::VI_PROFILE, std::path::Path::new("vi.toml"))
        .expect("the vi profile is a valid keymap");
    for context in [Context::Tree, Context::List, Context::Detail] {
        for (name, action) in [
            ("q", Action::Quit),
            ("?", Action::ToggleHelp),
            ("j", Action::Down),
            ("k", Action::Up),
            ("g", Action::Top),
            ("G", Action::Bottom),
            ("/", Action::FocusSearch),
            ("p", Action::TogglePresentation),
            ("c", Action::Copy),
            ("t", Action::FocusTree),
            ("2", Action::ShowChecklist),
        ] {
            assert_eq!(k.resolve(context, &key(name)), Some(action), "{name}");
        }
    }
    assert_eq!(k.resolve(Context::Tree, &key("l")), Some(Action::Expand));
    assert_eq!(
        k.resolve(Context::List, &key("a")),
        Some(Action::ToggleScope)
    );
    // In the search box letters stay text.
    assert_eq!(
        k.resolve(Context::Search, &key("q")),
        Some(Action::InsertChar('q'))
    );
}

#[test]
fn in_the_search_box_characters_are_text_before_global_keys() {
    let k = Keymap::builtin().expect("default keymap");
    for c in ['q', '?', '/', 'j', '1', 'å', 'Ö', ' '] {
        let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(k.resolve(Context::Search, &ev), Some(Action::InsertChar(c)));
    }
    assert_eq!(
        k.resolve(Context::Search, &key("ctrl-c")),
        Some(Action::Quit)
    );
    assert_eq!(
        k.resolve(Context::Search, &key("tab")),
        Some(Action::NextPane)
    );
    assert_eq!(k.resolve(Context::Search, &key("esc")), Some(Action::Back));
    assert_eq!(
        k.resolve(Context::Search, &key("backspace")),
        Some(Action::DeleteChar)
    );
    assert_eq!(
        k.resolve(Context::Search, &key("ctrl-t")),
        Some(Action::ToggleScope)
    );
    // AltGr reported as Ctrl+Alt still types.
    let altgr = KeyEvent::new(
        KeyCode::Char('@'),
        KeyModifiers::CONTROL | KeyModifiers::ALT,
    );
    assert_eq!(
        k.resolve(Context::Search, &altgr),
        Some(Action::InsertChar('@'))
    );
}

#[test]
fn no_default_key_needs_altgr_on_a_swedish_keyboard() {
    let doc: toml::Table = toml::from_str(DEFAULT_KEYMAP).expect("default keymap is TOML");
    for (table, entries) in &doc {
        for name in entries.as_table().expect("table").keys() {
            let combo: KeyCombo = name.parse().expect("key name");
            if let KeyCode::Char(c) = combo.code {
                assert!(
                    !"[]{}\\|~^@$£€".contains(c),
                    "[{table}] {name} needs AltGr on a Swedish keyboard"
                );
            }
        }
    }
}

#[test]
fn user_file_merges_key_by_key() {
    let k = Keymap::load(&[fixture("good.toml")]).expect("good keymap");
    assert_eq!(k.resolve(Context::List, &key("j")), Some(Action::Up));
    assert_eq!(k.resolve(Context::List, &key("x")), Some(Action::Quit));
    // Untouched defaults stay, in the same table and elsewhere.
    assert_eq!(k.resolve(Context::List, &key("up")), Some(Action::Up));
    assert_eq!(k.resolve(Context::List, &key("enter")), Some(Action::Open));
    assert_eq!(
        k.resolve(Context::Tree, &key("j")),
        Some(Action::InsertChar('j'))
    );
    // A character in [global] is text in the catalogue's panes, a key elsewhere.
    assert_eq!(
        k.resolve(Context::Tree, &key("s")),
        Some(Action::InsertChar('s'))
    );
    assert_eq!(
        k.resolve(Context::Presentation, &key("s")),
        Some(Action::FocusSearch)
    );
    // Later files win over earlier ones.
    let k = Keymap::load(&[fixture("good.toml"), fixture("unbind.toml")]).expect("two files");
    assert_eq!(k.resolve(Context::Checklist, &key("q")), None);
    assert_eq!(k.resolve(Context::List, &key("ctrl-c")), Some(Action::Quit));
    assert_eq!(k.resolve(Context::List, &key("x")), Some(Action::Quit));
}

#[test]
fn help_shows_the_loaded_keys() {
    let k = Keymap::load(&[fixture("good.toml")]).expect("good keymap");
    let help = k.help();
    let global = &help.sections[0];
    assert_eq!(global.title, "Överallt");
    assert!(
        global.rows.contains(&("s".to_string(), "sök")),
        "{:?}",
        global.rows
    );
    assert!(
        global
            .rows
            .contains(&("Ctrl-C Ctrl-Q F10".to_string(), "avsluta")),
        "{:?}",
        global.rows
    );
    let list = help
        .sections
        .iter()
        .find(|s| s.title == "Listan")
        .expect("list section");
    assert!(list.rows.contains(&("j".to_string(), "upp")));
    assert_eq!(help.key(Some(Context::List), Action::NextPane), Some("Tab"));
    assert_eq!(
        help.key(Some(Context::Search), Action::ToggleScope),
        Some("Ctrl-T")
    );
    // Characters type in the search box, so only F1 is a hint there.
    assert_eq!(
        help.key(Some(Context::Search), Action::ToggleHelp),
        Some("F1")
    );
}

#[test]
fn unknown_action_names_file_table_key_and_action() {
    let msg = error("unknown_action.toml");
    assert!(msg.contains("unknown_action.toml"), "{msg}");
    assert!(msg.contains("tabell [list]"), "{msg}");
    assert!(msg.contains("tangent \"j\""), "{msg}");
    assert!(msg.contains("okänd åtgärd \"fly\""), "{msg}");
    assert!(
        msg.contains("focus_search"),
        "lists the valid actions: {msg}"
    );
}

#[test]
fn unknown_key_name_names_file_table_and_key() {
    let msg = error("unknown_key.toml");
    assert!(msg.contains("unknown_key.toml"), "{msg}");
    assert!(msg.contains("tabell [tree]"), "{msg}");
    assert!(msg.contains("tangent \"hyper-x\""), "{msg}");
    assert!(msg.contains("okänt tangentnamn"), "{msg}");
}

#[test]
fn other_bad_files_are_errors_too() {
    let msg = error("unknown_table.toml");
    assert!(
        msg.contains("unknown_table.toml") && msg.contains("okänd tabell [lista]"),
        "{msg}"
    );
    let msg = error("bad_toml.toml");
    assert!(
        msg.contains("bad_toml.toml") && msg.contains("inte giltig TOML"),
        "{msg}"
    );
    assert!(msg.contains("line 2"), "TOML errors carry the line: {msg}");
    let msg = error("not_a_string.toml");
    assert!(
        msg.contains("tabell [detail]") && msg.contains("tangent \"j\""),
        "{msg}"
    );
    let msg = error("typed_text.toml");
    assert!(msg.contains("okänd åtgärd \"insert_char\""), "{msg}");
    let msg = error("does_not_exist.toml");
    assert!(
        msg.contains("kan inte läsa tangentbordsfilen") && msg.contains("does_not_exist.toml"),
        "{msg}"
    );
}

#[test]
fn cli_prints_the_default_keymap() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_insats"))
        .arg("keymap")
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), DEFAULT_KEYMAP);
}

#[test]
fn cli_stops_on_a_bad_keymap_before_starting() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_insats"))
        .arg("--keymap")
        .arg(fixture("unknown_action.toml"))
        .env("XDG_CONFIG_HOME", env!("CARGO_MANIFEST_DIR"))
        .env("APPDATA", env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("insats: tangentbordsfilen"), "{err}");
    assert!(err.contains("tabell [list], tangent \"j\""), "{err}");
    assert!(out.stdout.is_empty(), "nothing drawn");
}

#[test]
fn user_keymap_is_read_from_xdg_config_home() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("insats")).expect("mkdir");
    std::fs::write(
        dir.path().join("insats/keymap.toml"),
        "[list]\nj = \"jump\"\n",
    )
    .expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_insats"))
        .env("XDG_CONFIG_HOME", dir.path())
        .env("APPDATA", dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            &std::path::Path::new("insats")
                .join("keymap.toml")
                .display()
                .to_string()
        ) && err.contains("okänd åtgärd \"jump\""),
        "{err}"
    );
}

#[test]
fn two_spellings_of_one_key_in_a_table_name_both() {
    let msg = error("duplicate.toml");
    assert!(msg.contains("duplicate.toml"), "{msg}");
    assert!(msg.contains("tabell [list]"), "{msg}");
    assert!(
        msg.contains("som \"G\" och \"shift-g\""),
        "names both spellings: {msg}"
    );
    // Spellings that normalise alike are caught too; other tables are separate.
    let mut k = Keymap::builtin().expect("default keymap");
    let e = k
        .merge_str(
            "[tree]\npgdn = \"down\"\nPageDown = \"up\"\n",
            std::path::Path::new("x.toml"),
        )
        .expect_err("same key twice");
    assert!(e.to_string().contains("\"pgdn\" och \"PageDown\""), "{e}");
    k.merge_str(
        "[tree]\nx = \"down\"\n[list]\nx = \"up\"\n",
        std::path::Path::new("y.toml"),
    )
    .expect("one key per table is fine");
    // Nothing changed by the failed merge.
    assert_eq!(
        k.resolve(Context::Tree, &key("pagedown")),
        Some(Action::PageDown)
    );
}

#[test]
fn a_keymap_that_is_not_utf8_names_the_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("latin1.toml");
    std::fs::write(&file, b"[list]\n# V\xe4lj tangenter\nj = \"down\"\n").expect("write");
    let msg = Keymap::load(&[file]).expect_err("not UTF-8").to_string();
    assert!(
        msg.contains("latin1.toml:2: filen är inte giltig UTF-8"),
        "{msg}"
    );
}

/// Bytes, modification time and permissions of a file.
fn fingerprint(path: &std::path::Path) -> (Vec<u8>, std::time::SystemTime, std::fs::Permissions) {
    let meta = std::fs::metadata(path).expect("metadata");
    (
        std::fs::read(path).expect("read"),
        meta.modified().expect("mtime"),
        meta.permissions(),
    )
}

#[test]
fn the_users_keymap_is_never_rewritten() {
    const FILES: [&str; 7] = [
        "good.toml",
        "bad_toml.toml",
        "unknown_action.toml",
        "unknown_key.toml",
        "unknown_table.toml",
        "duplicate.toml",
        "not_a_string.toml",
    ];
    let dir = tempfile::tempdir().expect("tempdir");
    for (n, name) in FILES.into_iter().enumerate() {
        let file = dir.path().join(name);
        std::fs::copy(fixture(name), &file).expect("copy");
        // Read-only: loading must never need to write.
        let mut perms = std::fs::metadata(&file).expect("meta").permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&file, perms).expect("chmod");
        let before = fingerprint(&file);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_insats"))
            .arg("--keymap")
            .arg(&file)
            .env("XDG_CONFIG_HOME", dir.path())
            .env("APPDATA", dir.path())
            .env("HOME", dir.path())
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        if name == "good.toml" {
            assert!(out.status.success(), "{err}");
        } else {
            assert_eq!(out.status.code(), Some(2), "{name}: {err}");
            assert!(err.contains(name), "{err}");
            assert!(!err.contains("panicked"), "{err}");
        }
        assert_eq!(fingerprint(&file), before, "{name} untouched");
        let files = std::fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(files, n + 1, "no backup or temporary file beside {name}");
    }
}

#[test]
fn the_checklist_table_binds_the_status_keys_and_falls_back_to_global() {
    let k = Keymap::builtin().expect("default keymap");
    for (name, action) in [
        ("space", Action::CycleStatus),
        ("u", Action::MarkUppfylld),
        ("d", Action::MarkDelvis),
        ("n", Action::MarkEjUppfylld),
        ("x", Action::MarkEjBedomd),
        ("a", Action::EditNote),
        ("i", Action::OpenLinked),
        ("c", Action::ChooseKommun),
        ("l", Action::NextPane),
        ("q", Action::Quit),
        ("1", Action::ShowCatalog),
        ("/", Action::FocusSearch),
    ] {
        assert_eq!(
            k.resolve(Context::Checklist, &key(name)),
            Some(action),
            "{name}"
        );
    }
    // In a text field (the note) the same letters are text.
    assert_eq!(
        k.resolve(Context::Search, &key("a")),
        Some(Action::InsertChar('a'))
    );
    let mut user = Keymap::builtin().expect("default keymap");
    user.merge_str(
        "[checklist]\nspace = \"none\"\nenter = \"cycle_status\"\n",
        std::path::Path::new("mina.toml"),
    )
    .expect("merges");
    assert_eq!(user.resolve(Context::Checklist, &key("space")), None);
    assert_eq!(
        user.resolve(Context::Checklist, &key("enter")),
        Some(Action::CycleStatus)
    );
    let help = user.help();
    assert_eq!(
        help.key(Some(Context::Checklist), Action::CycleStatus),
        Some("Enter")
    );
    assert!(help.sections.iter().any(|s| s.title == "Checklistan"));
}
