//! The layer rule of `src/lib.rs`: the lower modules never import from the interactive app,
//! the drawing or the command line.

use std::fs;
use std::path::{Path, PathBuf};

/// Modules that must stay below the app: a directory, a file, or both (`search.rs` and
/// `search/`).
const LOWER: &[&str] = &[
    "model",
    "data",
    "search",
    "checklist",
    "sort",
    "text",
    "config",
    "clipboard",
    "screen",
    "user_dirs",
];

/// What they must not reach.
const UPPER: &[&str] = &["app", "ui", "commands", "tui", "cli"];

/// Every `crate::UPPER` path in `source`'s code (comments, where doc links live, are
/// skipped), as `line: path`. Grouped imports (`use crate::{model, ui::theme}`) count too.
fn upward_paths(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or_default();
                inner.split(',').collect()
            } else {
                vec![rest]
            };
            for name in names {
                let head: String = name
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if UPPER.contains(&head.as_str()) {
                    found.push(format!("{}: crate::{}", n + 1, name.trim()));
                }
            }
        }
    }
    found
}

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in fs::read_dir(path).expect("reads the directory") {
            rust_files(&entry.expect("entry").path(), out);
        }
    } else if path.is_file() && path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn lower_modules_import_nothing_from_the_layers_above() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for module in LOWER {
        let (dir, file) = (src.join(module), src.join(format!("{module}.rs")));
        assert!(dir.is_dir() || file.is_file(), "src/{module} is gone");
        rust_files(&dir, &mut files);
        rust_files(&file, &mut files);
    }
    assert!(files.len() >= LOWER.len(), "{files:?}");
    let mut broken = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("reads the source");
        for hit in upward_paths(&text) {
            broken.push(format!("{}:{hit}", file.display()));
        }
    }
    assert!(
        broken.is_empty(),
        "imports against the layer rule (src/lib.rs):\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_check_sees_plain_grouped_and_inline_paths_but_not_comments() {
    let source = "use crate::model::Insats;\n\
                  use crate::ui::theme::ThemeName;\n\
                  use crate::{sort, app::detail};\n\
                  let w = crate::cli::args::width();\n\
                  /// See [`crate::ui::theme`].\n\
                  // crate::tui is drawn elsewhere\n\
                  use crate::uix::Other;\n";
    assert_eq!(
        upward_paths(source),
        [
            "2: crate::ui::theme::ThemeName;",
            "3: crate::app::detail",
            "4: crate::cli::args::width();",
        ]
    );
}
