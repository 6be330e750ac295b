//! Text from data files made safe to show a person: control characters never reach a terminal
//! raw.
//!
//! A data file can hold anything: ESC and whole escape sequences (CSI `ESC [ 2 J`, OSC
//! `ESC ] 0 ; … BEL`), BEL, carriage returns, C1 controls, bidirectional overrides. Printed
//! raw they would clear the screen, retitle the window, move the cursor or reorder what a
//! reader sees. Everything drawn in the app or printed for people passes through
//! [`sanitize`] (one line) or [`sanitize_lines`] (line breaks kept), which make each such
//! character visible instead. Output for programs (JSON, CSV into a pipe) keeps the exact
//! data; JSON escapes these characters as `\uXXXX`, see [`escape_json_controls`].

use std::borrow::Cow;

/// Whether `c` must never reach a terminal raw: a C0 or C1 control, DEL, or a bidirectional
/// embedding, override or isolate.
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Append the visible form of `c` to `out`.
///
/// C0 controls and DEL in caret notation (`ESC` → `^[`, BEL → `^G`, CR → `^M`, tab → `^I`,
/// NUL → `^@`, DEL → `^?`); C1 controls and bidirectional controls as `U+FFFD` (`�`); every
/// other character as itself.
pub fn push_visible(c: char, out: &mut String) {
    match c {
        '\0'..='\x1f' => {
            out.push('^');
            // `^@` for NUL up to `^_` for 0x1F: the code plus 0x40.
            out.push(char::from_u32(u32::from(c) + 0x40).unwrap_or('?'));
        }
        '\x7f' => out.push_str("^?"),
        c if is_unsafe(c) => out.push('\u{FFFD}'),
        c => out.push(c),
    }
}

/// `text` with every unsafe character made visible, line breaks included: for one line of a
/// table, a list row, a title.
///
/// ```
/// use insats::text::sanitize;
/// assert_eq!(sanitize("a\x1b[2Jb"), "a^[[2Jb");
/// assert_eq!(sanitize("\x1b]0;x\x07"), "^[]0;x^G");
/// assert_eq!(sanitize("Återfall"), "Återfall");
/// ```
#[must_use]
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_visible(c, &mut out);
    }
    Cow::Owned(out)
}

/// Like [`sanitize`], but line breaks stay: `\n` and a `\r\n` line end both become `\n`. A
/// lone `\r` is shown as `^M`. For paragraphs of text (förklaring, källa, criteria).
///
/// ```
/// use insats::text::sanitize_lines;
/// assert_eq!(sanitize_lines("ett\r\ntvå\rtre\n"), "ett\ntvå^Mtre\n");
/// ```
#[must_use]
pub fn sanitize_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\r' if chars.peek() == Some(&'\n') => {}
            c => push_visible(c, &mut out),
        }
    }
    Cow::Owned(out)
}

/// `text` as by [`sanitize`], with character positions in `text` (for match highlighting)
/// moved to the characters of their visible forms. Positions must be sorted.
///
/// ```
/// use insats::text::sanitize_with_positions;
/// let (s, p) = sanitize_with_positions("a\x1bb", &[1, 2]);
/// assert_eq!(s, "a^[b");
/// assert_eq!(p, [1, 2, 3]);
/// ```
#[must_use]
pub fn sanitize_with_positions(text: &str, positions: &[usize]) -> (String, Vec<usize>) {
    if !text.chars().any(is_unsafe) {
        return (text.to_string(), positions.to_vec());
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut moved = Vec::with_capacity(positions.len());
    let mut at = 0;
    for (i, c) in text.chars().enumerate() {
        let before = out.len();
        push_visible(c, &mut out);
        let added = out[before..].chars().count();
        if positions.binary_search(&i).is_ok() {
            moved.extend(at..at + added);
        }
        at += added;
    }
    (out, moved)
}

/// JSON text with every unsafe character outside the ASCII escapes that JSON requires (DEL,
/// C1 controls, bidirectional controls) written as a `\uXXXX` escape. The JSON value is the
/// same: a program reads exactly the data; a terminal never sees those characters raw.
///
/// C0 controls are left alone: JSON escapes them inside strings already, and outside strings
/// only its own whitespace (line breaks of pretty output) occurs.
///
/// ```
/// use insats::text::escape_json_controls;
/// assert_eq!(escape_json_controls("\"a\u{9b}b\""), "\"a\\u009bb\"");
/// ```
#[must_use]
pub fn escape_json_controls(json: &str) -> Cow<'_, str> {
    let escape = |c: char| c > '\x1f' && is_unsafe(c);
    if !json.chars().any(escape) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if escape(c) {
            // JSON escapes are UTF-16 code units; every unsafe character is in the BMP.
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` cut to at most `width` columns, ending in `…` when something was cut (nothing
/// is left for width 0). Wide characters count two columns and are never split; the one
/// truncation of the app, its panes and the command line's tables.
///
/// ```
/// use insats::text::truncate;
/// assert_eq!(truncate("Kontaktperson", 20), "Kontaktperson");
/// assert_eq!(truncate("Kontaktperson", 8), "Kontakt…");
/// assert_eq!(truncate("Kontaktperson", 0), "");
/// ```
#[must_use]
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    use unicode_truncate::UnicodeTruncateStr as _;
    use unicode_width::UnicodeWidthStr as _;
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let (kept, _) = text.unicode_truncate(width - 1);
    Cow::Owned(format!("{kept}…"))
}

/// `text` word-wrapped to `width` columns: the first line starts with `first`, the others
/// with `rest` (a hanging indent for bullets and labels). The one wrapping of the app's panes
/// and the command line's text, on `textwrap`.
///
/// One paragraph: line breaks and runs of whitespace in `text` are one space. Lines break
/// only between words, never at a hyphen nor at a no-break space (U+00A0, U+2007, U+202F:
/// `Ges 91 (45 %)` written with them stays on one line); a word longer than a line is cut
/// at the line's end (wide characters are never split). Control characters are made visible first
/// ([`sanitize_lines`]), so the widths are those of what is shown. A width too narrow for
/// the indents counts as one column past them.
///
/// ```
/// use insats::text::wrap;
/// assert_eq!(wrap("ett två tre", 7, "• ", "  "), ["• ett", "  två", "  tre"]);
/// assert_eq!(wrap("KBT-behandling", 6, "", ""), ["KBT-be", "handli", "ng"]);
/// assert_eq!(wrap("", 10, "• ", "  "), ["• "]);
/// ```
#[must_use]
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    use unicode_width::UnicodeWidthStr as _;
    let text = sanitize_lines(text);
    let breaks = |c: char| c.is_whitespace() && !is_no_break_space(c);
    let words: Vec<&str> = text.split(breaks).filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return vec![first.to_string()];
    }
    let paragraph = words.join(" ");
    let width = width.max(first.width() + 1).max(rest.width() + 1);
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(true)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    textwrap::wrap(&paragraph, &options)
        .into_iter()
        .map(Cow::into_owned)
        .collect()
}

/// A space that joins what it stands between: no line break there.
fn is_no_break_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_character_becomes_visible() {
        assert_eq!(sanitize("\x1b]0;titel\x07"), "^[]0;titel^G");
        assert_eq!(sanitize("a\tb\nc\rd\0"), "a^Ib^Jc^Md^@");
        assert_eq!(sanitize("del\x7f"), "del^?");
        assert_eq!(sanitize("c1\u{9b}31m"), "c1\u{FFFD}31m");
        assert_eq!(sanitize("abc\u{202E}fed"), "abc\u{FFFD}fed");
        assert_eq!(sanitize("x\u{2066}y"), "x\u{FFFD}y");
        let plain = "Återfallsprevention (ÅP) – 12-stegs • é";
        assert!(matches!(sanitize(plain), Cow::Borrowed(_)));
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let s = sanitize(&c.to_string()).into_owned();
            assert!(!s.chars().any(is_unsafe), "{c:?} stays unsafe as {s:?}");
        }
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let plain = "Återfallsprevention (ÅP) – 12-stegs • é ”citat”";
        assert!(matches!(sanitize(plain), Cow::Borrowed(_)));
        assert!(matches!(
            sanitize_lines("rad ett\nrad två"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            escape_json_controls("{\"a\":1}"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn lines_keep_their_breaks_only() {
        assert_eq!(sanitize_lines("a\nb"), "a\nb");
        assert_eq!(sanitize_lines("a\r\nb\r"), "a\nb^M");
        assert_eq!(sanitize_lines("\x1b[2J\n\x07"), "^[[2J\n^G");
    }

    #[test]
    fn positions_follow_their_characters() {
        let (s, p) = sanitize_with_positions("\x1b[2J", &[0, 1]);
        assert_eq!(s, "^[[2J");
        assert_eq!(p, [0, 1, 2]);
        let (s, p) = sanitize_with_positions("abc", &[2]);
        assert_eq!((s.as_str(), p.as_slice()), ("abc", &[2][..]));
    }

    #[test]
    fn json_escapes_keep_the_value() {
        let raw = "a\u{7f}\u{85}\u{202e}b\x1b\n";
        let json = serde_json::to_string_pretty(&[raw]).expect("json");
        let safe = escape_json_controls(&json);
        assert!(!safe.chars().any(|c| c != '\n' && is_unsafe(c)), "{safe}");
        assert!(safe.starts_with("[\n"), "pretty line breaks stay: {safe}");
        let back: Vec<String> = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, [raw]);
    }

    #[test]
    fn wrap_breaks_between_words_with_a_hanging_indent() {
        let l = wrap("ett två tre fyra fem", 10, "• ", "  ");
        assert_eq!(l, ["• ett två", "  tre fyra", "  fem"]);
        // Line breaks and runs of spaces are one space; a hyphen is no place to break.
        let l = wrap("ett\n  två\r\ntre HVB-hem", 8, "", "");
        assert_eq!(l, ["ett två", "tre", "HVB-hem"]);
        // No break at a no-break space: the figure stays whole.
        let l = wrap(
            "Ges 91 (45\u{a0}%) · Enskild\u{a0}regi\u{a0}7\u{a0}(8\u{a0}%)",
            24,
            "",
            "",
        );
        assert_eq!(
            l,
            [
                "Ges 91 (45\u{a0}%) ·",
                "Enskild\u{a0}regi\u{a0}7\u{a0}(8\u{a0}%)"
            ]
        );
    }

    #[test]
    fn wrap_cuts_only_words_longer_than_a_line() {
        let l = wrap("Haschavvänjningsprogrammet", 10, "", "");
        assert_eq!(l, ["Haschavvän", "jningsprog", "rammet"]);
        // A long word after others starts a line of its own, then is cut.
        let l = wrap("en Haschavvänjningsprogrammet", 10, "• ", "  ");
        assert_eq!(
            l,
            ["• en", "  Haschavv", "  änjnings", "  programm", "  et"]
        );
        // Wide characters count two columns and are never split.
        let l = wrap("一二三四五", 5, "", "");
        assert_eq!(l, ["一二", "三四", "五"]);
    }

    #[test]
    fn wrap_never_makes_a_line_wider_than_asked_nor_loses_a_word() {
        use unicode_width::UnicodeWidthStr as _;
        let text = "Motiverande samtal (MI) är en samtalsmetod: Återfallsprevention, \
                    KBT-behandling och 12-stegsprogrammet i öppenvård 一二三 \x1b[2J slut";
        for width in 6..60 {
            let lines = wrap(text, width, "  • ", "    ");
            assert!(
                lines.iter().all(|l| l.width() <= width),
                "{width}: {lines:?}"
            );
            assert!(lines[0].starts_with("  • "));
            assert!(lines[1..].iter().all(|l| l.starts_with("    ")));
            let again: String = lines
                .iter()
                .map(|l| l.trim_start_matches([' ', '•']))
                .collect();
            let words: String = sanitize(text).split_whitespace().collect();
            assert_eq!(again.replace(' ', ""), words, "{width}");
        }
    }

    #[test]
    fn wrap_shows_control_characters_and_keeps_an_empty_line() {
        assert_eq!(wrap("a\x1b[2Jb", 20, "", ""), ["a^[[2Jb"]);
        assert_eq!(wrap("   ", 20, "• ", "  "), ["• "]);
        // Narrower than the indents: one column past them.
        assert_eq!(wrap("abc", 1, "> ", "> "), ["> a", "> b", "> c"]);
    }
}
