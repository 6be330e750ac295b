//! Text safe to show on a terminal: control characters in data or in what a user typed into
//! a file never reach the terminal raw.

use std::borrow::Cow;

/// `text` with every control character except the line break in caret notation (`ESC` →
/// `^[`, tab → `^I`, carriage return → `^M`, DEL → `^?`), and C1 controls and the
/// bidirectional overrides, which can reorder what a reader sees, as `U+FFFD`.
///
/// ```
/// use insats::visible::visible;
/// assert_eq!(visible("a\x1b[31mb\nc"), "a^[[31mb\nc");
/// assert_eq!(visible("Återfall"), "Återfall");
/// ```
#[must_use]
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push('\n'),
            '\0'..='\x1f' => {
                out.push('^');
                out.push(char::from_u32(u32::from(c) + 0x40).unwrap_or('?'));
            }
            '\x7f' => out.push_str("^?"),
            c if is_unsafe(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `text` on one line: line breaks shown as ` ⏎ `, the rest as in [`visible`].
#[must_use]
pub fn one_line(text: &str) -> String {
    visible(text).replace('\n', " ⏎ ")
}

fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}
