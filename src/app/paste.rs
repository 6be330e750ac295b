//! Pasted text (bracketed paste): always text for the field it lands in, never keys.
//!
//! A one-line field (a search box, the kommun's name) takes a paste's line breaks as spaces;
//! a note keeps them. Control characters other than line breaks and tabs are dropped: a
//! paste cannot smuggle escape sequences into a note or a search.

/// The longest search a paste makes, in characters: a search box is for a few words, and a
/// longer pattern only slows the fuzzy search (a 100 KB paste is cut here, not refused).
pub const MAX_LINE: usize = 200;

/// `text` for a one-line field: each line break (CR LF, CR or LF) and tab becomes one space,
/// other control characters are dropped, and at most `room` characters are kept.
#[must_use]
pub fn as_line(text: &str, room: usize) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .take(room)
        .collect()
}

/// `text` for a note: line breaks kept (CR LF and CR become LF), tabs kept, other control
/// characters dropped.
#[must_use]
pub fn as_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' => Some('\n'),
            '\n' | '\t' => Some(c),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_takes_line_breaks_as_spaces_and_drops_escapes() {
        assert_eq!(as_line("hem\r\ntjänst\nMI\rKBT", 100), "hem tjänst MI KBT");
        assert_eq!(as_line("a\x1b[2Jb\u{9b}c", 100), "a[2Jbc");
        assert_eq!(as_line("åäöåäö", 4), "åäöå");
    }

    #[test]
    fn a_note_keeps_its_line_breaks() {
        assert_eq!(as_text("rad 1\r\nrad 2\rrad 3\n"), "rad 1\nrad 2\nrad 3\n");
        assert_eq!(as_text("a\x07\x1bb\tc"), "ab\tc");
    }
}
