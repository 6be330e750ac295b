//! Pictures of the screen: a drawn ratatui [`Buffer`] as plain text, SVG or HTML.
//!
//! All three read the buffer the same way, row by row, cell by cell, skipping the cells that
//! a double-width character covers (as ratatui's own `TestBackend` does), so the text of a
//! picture is exactly the text of the screen. SVG places every run of equally styled cells
//! on a fixed grid (`x` and `textLength` per run), so a font whose glyphs are a little wider
//! or narrower than the cell cannot shift the columns. Colours come from a theme's
//! [`Palette`].

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

use crate::ui::theme::Palette;

/// Width of a cell in SVG user units (0.6 of the font size, as in common monospace fonts).
pub const CELL_W: u32 = 9;
/// Height of a row in SVG user units.
pub const CELL_H: u32 = 18;
/// Font size in SVG user units.
pub const FONT_SIZE: u32 = 15;
const FONTS: &str =
    "'DejaVu Sans Mono', 'Cascadia Mono', Menlo, Consolas, 'Liberation Mono', monospace";

type Rgb = (u8, u8, u8);

/// How a run of cells looks, colours resolved through a palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub fg: Rgb,
    pub bg: Rgb,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub dim: bool,
    pub crossed: bool,
}

/// Cells of one row that look the same: their text, first column and width in columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub col: u16,
    pub width: u16,
    pub look: Look,
}

/// The visible cells of row `y`: (column, symbol, cell), skipping those hidden by a wide
/// symbol before them.
fn visible_cells(buf: &Buffer, y: u16) -> Vec<(u16, &ratatui::buffer::Cell)> {
    let area = buf.area;
    let mut out = Vec::with_capacity(usize::from(area.width));
    let mut skip = 0usize;
    for x in area.left()..area.right() {
        let cell = &buf[(x, y)];
        if skip == 0 {
            out.push((x - area.left(), cell));
        }
        skip = skip.max(cell.symbol().width()).saturating_sub(1);
    }
    out
}

/// The rows of the screen as text, one string per row, trailing spaces kept.
#[must_use]
pub fn rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            visible_cells(buf, y)
                .iter()
                .map(|(_, c)| c.symbol())
                .collect()
        })
        .collect()
}

/// The screen as plain text: its rows, each ended by a newline.
#[must_use]
pub fn to_text(buf: &Buffer) -> String {
    let mut s = String::new();
    for row in rows(buf) {
        s.push_str(&row);
        s.push('\n');
    }
    s
}

fn look(cell: &ratatui::buffer::Cell, palette: &Palette) -> Look {
    let m = cell.modifier;
    let mut fg = palette.rgb(cell.fg, true);
    let mut bg = palette.rgb(cell.bg, false);
    if m.contains(Modifier::REVERSED) {
        std::mem::swap(&mut fg, &mut bg);
    }
    if m.contains(Modifier::HIDDEN) {
        fg = bg;
    }
    Look {
        fg,
        bg,
        bold: m.contains(Modifier::BOLD),
        italic: m.contains(Modifier::ITALIC),
        underline: m.contains(Modifier::UNDERLINED),
        dim: m.contains(Modifier::DIM),
        crossed: m.contains(Modifier::CROSSED_OUT),
    }
}

/// Row `y` as runs of equally looking cells.
#[must_use]
pub fn runs(buf: &Buffer, y: u16, palette: &Palette) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for (col, cell) in visible_cells(buf, y) {
        let l = look(cell, palette);
        let sym = cell.symbol();
        let w = u16::try_from(sym.width().max(1)).unwrap_or(1);
        match out.last_mut() {
            Some(run) if run.look == l => {
                run.text.push_str(sym);
                run.width += w;
            }
            _ => out.push(Run {
                text: sym.to_string(),
                col,
                width: w,
                look: l,
            }),
        }
    }
    out
}

/// Escape text for XML and HTML: `& < > " '`, and the few characters XML 1.0 forbids become
/// U+FFFD.
#[must_use]
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn hex((r, g, b): Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The screen as an SVG picture: a background, a rectangle under every run with its own
/// background colour, and one `<text>` per row with one `<tspan>` per run.
#[must_use]
pub fn to_svg(buf: &Buffer, palette: &Palette) -> String {
    let area = buf.area;
    let width = u32::from(area.width) * CELL_W;
    let height = u32::from(area.height) * CELL_H;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"{}\" font-size=\"{FONT_SIZE}\" \
         xml:space=\"preserve\">",
        escape_xml(FONTS)
    );
    s.push_str("<title>insats</title>\n");
    let _ = writeln!(
        s,
        "<rect width=\"{width}\" height=\"{height}\" fill=\"{}\"/>",
        hex(palette.bg)
    );
    let all: Vec<Vec<Run>> = (area.top()..area.bottom())
        .map(|y| runs(buf, y, palette))
        .collect();
    for (row, line) in all.iter().enumerate() {
        let y = u32::try_from(row).unwrap_or(0) * CELL_H;
        for run in line.iter().filter(|r| r.look.bg != palette.bg) {
            let _ = writeln!(
                s,
                "<rect x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{CELL_H}\" fill=\"{}\"/>",
                u32::from(run.col) * CELL_W,
                u32::from(run.width) * CELL_W,
                hex(run.look.bg)
            );
        }
    }
    let _ = writeln!(
        s,
        "<g fill=\"{}\" style=\"white-space:pre\">",
        hex(palette.fg)
    );
    // The baseline sits about four fifths down the row.
    let baseline = CELL_H * 4 / 5 - 1;
    for (row, line) in all.iter().enumerate() {
        let y = u32::try_from(row).unwrap_or(0) * CELL_H + baseline;
        let _ = write!(s, "<text y=\"{y}\">");
        for run in line {
            let _ = write!(
                s,
                "<tspan x=\"{}\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\"",
                u32::from(run.col) * CELL_W,
                u32::from(run.width) * CELL_W
            );
            let l = run.look;
            if l.fg != palette.fg {
                let _ = write!(s, " fill=\"{}\"", hex(l.fg));
            }
            if l.bold {
                s.push_str(" font-weight=\"bold\"");
            }
            if l.italic {
                s.push_str(" font-style=\"italic\"");
            }
            if l.dim {
                s.push_str(" fill-opacity=\"0.6\"");
            }
            match (l.underline, l.crossed) {
                (true, true) => s.push_str(" text-decoration=\"underline line-through\""),
                (true, false) => s.push_str(" text-decoration=\"underline\""),
                (false, true) => s.push_str(" text-decoration=\"line-through\""),
                (false, false) => {}
            }
            let _ = write!(s, ">{}</tspan>", escape_xml(&run.text));
        }
        s.push_str("</text>\n");
    }
    s.push_str("</g>\n</svg>\n");
    s
}

fn css(l: Look, palette: &Palette) -> String {
    let mut parts = Vec::new();
    if l.fg != palette.fg {
        parts.push(format!("color:{}", hex(l.fg)));
    }
    if l.bg != palette.bg {
        parts.push(format!("background:{}", hex(l.bg)));
    }
    if l.bold {
        parts.push("font-weight:bold".to_string());
    }
    if l.italic {
        parts.push("font-style:italic".to_string());
    }
    if l.dim {
        parts.push("opacity:0.6".to_string());
    }
    match (l.underline, l.crossed) {
        (true, true) => parts.push("text-decoration:underline line-through".to_string()),
        (true, false) => parts.push("text-decoration:underline".to_string()),
        (false, true) => parts.push("text-decoration:line-through".to_string()),
        (false, false) => {}
    }
    parts.join(";")
}

/// The screen as an HTML page: one `<pre>`, a `<span>` per run that is not in the default
/// look.
#[must_use]
pub fn to_html(buf: &Buffer, palette: &Palette) -> String {
    let area = buf.area;
    let mut s = String::from(
        "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>insats</title>\n</head>\n",
    );
    let _ = writeln!(
        s,
        "<body style=\"margin:0;background:{bg}\">\n<pre style=\"margin:0;padding:1em;\
         font-family:{fonts};line-height:1.2;color:{fg};background:{bg}\">",
        bg = hex(palette.bg),
        fg = hex(palette.fg),
        fonts = escape_xml(FONTS),
    );
    for y in area.top()..area.bottom() {
        for run in runs(buf, y, palette) {
            let style = css(run.look, palette);
            if style.is_empty() {
                s.push_str(&escape_xml(&run.text));
            } else {
                let _ = write!(
                    s,
                    "<span style=\"{style}\">{}</span>",
                    escape_xml(&run.text)
                );
            }
        }
        s.push('\n');
    }
    s.push_str("</pre>\n</body>\n</html>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::{Theme, ThemeName};
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    fn buffer() -> Buffer {
        let mut b = Buffer::empty(Rect::new(0, 0, 8, 2));
        b.set_string(0, 0, "a<b", Style::new().fg(Color::Indexed(196)));
        b.set_string(3, 0, "&c", Style::new().add_modifier(Modifier::BOLD));
        b.set_string(0, 1, "漢å", Style::new().add_modifier(Modifier::REVERSED));
        b
    }

    fn palette() -> Palette {
        Theme::new(ThemeName::Light).palette
    }

    #[test]
    fn text_skips_cells_covered_by_wide_characters() {
        assert_eq!(rows(&buffer()), vec!["a<b&c   ", "漢å     "]);
        assert_eq!(to_text(&buffer()), "a<b&c   \n漢å     \n");
    }

    #[test]
    fn runs_group_equal_looks_and_count_columns() {
        let r = runs(&buffer(), 1, &palette());
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].text.as_str(), r[0].col, r[0].width), ("漢å", 0, 3));
        // Reversed: the light theme's white background becomes the text colour.
        assert_eq!(r[0].look.fg, (255, 255, 255));
        assert_eq!(r[0].look.bg, (0, 0, 0));
        assert_eq!((r[1].col, r[1].width), (3, 5));
    }

    #[test]
    fn svg_escapes_places_runs_on_the_grid_and_colours_them() {
        let svg = to_svg(&buffer(), &palette());
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"72\""));
        assert!(
            svg.contains(
                "<tspan x=\"0\" textLength=\"27\" lengthAdjust=\"spacingAndGlyphs\" \
                 fill=\"#ff0000\">a&lt;b</tspan>"
            ),
            "{svg}"
        );
        assert!(svg.contains("font-weight=\"bold\">&amp;c</tspan>"), "{svg}");
        // The reversed run gets a black rectangle 3 cells wide on row 2.
        assert!(
            svg.contains("<rect x=\"0\" y=\"18\" width=\"27\" height=\"18\" fill=\"#000000\"/>"),
            "{svg}"
        );
        assert_eq!(svg.matches("<text ").count(), 2);
        assert!(!svg.contains("a<b"));
    }

    #[test]
    fn html_wraps_styled_runs_in_spans() {
        let html = to_html(&buffer(), &palette());
        assert!(
            html.contains("<span style=\"color:#ff0000\">a&lt;b</span>"),
            "{html}"
        );
        assert!(html.contains("<span style=\"font-weight:bold\">&amp;c</span>   \n"));
        assert!(html.contains("<pre "));
        assert!(html.ends_with("</pre>\n</body>\n</html>\n"));
    }

    #[test]
    fn xml_escaping_covers_quotes_and_forbidden_characters() {
        assert_eq!(
            escape_xml("\"x\" & 'y'"),
            "&quot;x&quot; &amp; &apos;y&apos;"
        );
        assert_eq!(escape_xml("a\u{1}b\u{FFFF}"), "a\u{FFFD}b\u{FFFD}");
        assert_eq!(escape_xml("Återfall › ÅP"), "Återfall › ÅP");
    }
}
