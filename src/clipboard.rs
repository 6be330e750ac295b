//! Copying an insats: its plain-text block, the OSC 52 escape sequence that puts text on the
//! clipboard of the terminal the user sits at (also over SSH), and a file as the fallback.
//!
//! The rule: insats always sends OSC 52 and always writes the same text to
//! [`fallback_path`] too. Whether a terminal honours OSC 52 cannot be asked reliably (most
//! refuse to answer a clipboard query, and one that ignores the sequence says nothing), so the
//! status message names the file as well: if the clipboard stayed empty, the text is there.
//!
//! Inside tmux (`$TMUX` set) the sequence is sent twice: as is, which tmux takes when its
//! `set-clipboard` option is `on`, and wrapped in tmux's DCS passthrough, which reaches the
//! outer terminal when `allow-passthrough` is `on` (or tmux is older than 3.3). Whichever
//! tmux refuses it drops silently; both carry the same text.

use std::path::{Path, PathBuf};

const ESC: char = '\x1b';
const BEL: char = '\x07';

/// `ESC ] 52 ; c ; <base64 of text> BEL`: put `text` on the clipboard.
///
/// ```
/// assert_eq!(insats::clipboard::osc52("hej"), "\x1b]52;c;aGVq\x07");
/// ```
#[must_use]
pub fn osc52(text: &str) -> String {
    format!("{ESC}]52;c;{}{BEL}", base64(text.as_bytes()))
}

/// `sequence` wrapped for tmux's passthrough: `ESC P tmux ; <sequence, each ESC doubled>
/// ESC \`.
#[must_use]
pub fn tmux_passthrough(sequence: &str) -> String {
    let inner = sequence.replace(ESC, "\x1b\x1b");
    format!("{ESC}Ptmux;{inner}{ESC}\\")
}

/// The bytes to write to the terminal to copy `text`: [`osc52`], and inside tmux also its
/// passthrough-wrapped form (see the module docs).
#[must_use]
pub fn copy_sequence(text: &str, in_tmux: bool) -> String {
    let seq = osc52(text);
    if in_tmux {
        let wrapped = tmux_passthrough(&seq);
        seq + &wrapped
    } else {
        seq
    }
}

/// Whether the app runs inside tmux.
#[must_use]
pub fn in_tmux() -> bool {
    std::env::var_os("TMUX").is_some_and(|v| !v.is_empty())
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 (RFC 4648, with padding), as OSC 52 wants it.
#[must_use]
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(B64[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Where copied text is also written: `urklipp.txt` in the state folder of
/// [`crate::user_dirs`] (`~/.local/state/insats` on Linux and macOS, `%APPDATA%\insats` on
/// Windows); `None` without a home directory.
#[must_use]
pub fn fallback_path() -> Option<PathBuf> {
    crate::user_dirs::state_dir()
        .ok()
        .map(|d| d.join("urklipp.txt"))
}

/// Write copied text to `file`, whole or not at all.
///
/// # Errors
/// The directory or the file cannot be written.
pub fn save(file: &Path, text: &str) -> std::io::Result<()> {
    crate::config::write_atomic(file, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain:?}");
        }
        // UTF-8 is encoded byte by byte: "Å" is C3 85.
        assert_eq!(base64("Å".as_bytes()), "w4U=");
        assert_eq!(base64(&[0xff, 0xfe, 0xfd]), "//79");
    }

    #[test]
    fn osc52_bytes_are_exact() {
        assert_eq!(
            osc52("Återfall").as_bytes(),
            b"\x1b]52;c;w4V0ZXJmYWxs\x07".as_slice()
        );
    }

    #[test]
    fn tmux_gets_the_plain_and_the_wrapped_sequence() {
        assert_eq!(copy_sequence("hej", false), "\x1b]52;c;aGVq\x07");
        assert_eq!(
            copy_sequence("hej", true).as_bytes(),
            b"\x1b]52;c;aGVq\x07\x1bPtmux;\x1b\x1b]52;c;aGVq\x07\x1b\\".as_slice()
        );
    }
}
