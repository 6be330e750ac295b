//! Colours and text styles, in three themes:
//!
//! - **dark** (`mork`), the default: only the 16 ANSI colours, on the terminal's own
//!   background, so the user's colour scheme decides the exact shades;
//! - **light** (`ljus`): dark text on a white screen painted by insats itself, for a borrowed
//!   laptop whose terminal colours are unknown;
//! - **high contrast** (`kontrast`): white and yellow on black, bold, for projectors, which
//!   wash out mid tones.
//!
//! Light and high contrast use fixed entries of the 256-colour palette (16–255), which
//! terminals do not re-theme, so they look the same everywhere. `NO_COLOR` (or
//! `--color never`) keeps the bold/reverse/underline cues of any theme and drops every
//! colour. Each theme also has a [`Palette`] of RGB values, used when a screen is exported
//! as SVG or HTML.

use ratatui::style::{Color, Modifier, Style};

use crate::app::detail::Tone;

pub use crate::config::ThemeName;

/// RGB colours of a theme, for exporting a screen: the default foreground and background,
/// and the 16 ANSI colours (0–7 normal, 8–15 bright).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub fg: (u8, u8, u8),
    pub bg: (u8, u8, u8),
    pub ansi: [(u8, u8, u8); 16],
}

/// The Tango palette (GNOME Terminal's long-time default), a common reading of the 16 ANSI
/// colours.
const TANGO: [(u8, u8, u8); 16] = [
    (0x2e, 0x34, 0x36),
    (0xcc, 0x00, 0x00),
    (0x4e, 0x9a, 0x06),
    (0xc4, 0xa0, 0x00),
    (0x34, 0x65, 0xa4),
    (0x75, 0x50, 0x7b),
    (0x06, 0x98, 0x9a),
    (0xd3, 0xd7, 0xcf),
    (0x55, 0x57, 0x53),
    (0xef, 0x29, 0x29),
    (0x8a, 0xe2, 0x34),
    (0xfc, 0xe9, 0x4f),
    (0x72, 0x9f, 0xcf),
    (0xad, 0x7f, 0xa8),
    (0x34, 0xe2, 0xe2),
    (0xee, 0xee, 0xec),
];

impl Palette {
    /// The RGB value of a foreground (`fg`) or background colour; `Reset` is the theme's
    /// default.
    #[must_use]
    pub fn rgb(&self, color: Color, fg: bool) -> (u8, u8, u8) {
        let ansi = |n: usize| self.ansi[n];
        match color {
            Color::Reset => {
                if fg {
                    self.fg
                } else {
                    self.bg
                }
            }
            Color::Black => ansi(0),
            Color::Red => ansi(1),
            Color::Green => ansi(2),
            Color::Yellow => ansi(3),
            Color::Blue => ansi(4),
            Color::Magenta => ansi(5),
            Color::Cyan => ansi(6),
            Color::Gray => ansi(7),
            Color::DarkGray => ansi(8),
            Color::LightRed => ansi(9),
            Color::LightGreen => ansi(10),
            Color::LightYellow => ansi(11),
            Color::LightBlue => ansi(12),
            Color::LightMagenta => ansi(13),
            Color::LightCyan => ansi(14),
            Color::White => ansi(15),
            Color::Rgb(r, g, b) => (r, g, b),
            Color::Indexed(n) => indexed(n, &self.ansi),
        }
    }
}

/// An entry of the xterm 256-colour palette: 16–231 the 6×6×6 cube, 232–255 the grey ramp.
fn indexed(n: u8, ansi: &[(u8, u8, u8); 16]) -> (u8, u8, u8) {
    match n {
        0..=15 => ansi[usize::from(n)],
        16..=231 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            let i = n - 16;
            (level(i / 36), level(i / 6 % 6), level(i % 6))
        }
        232..=255 => {
            let v = 8 + (n - 232) * 10;
            (v, v, v)
        }
    }
}

/// Named entries of the 256-colour palette used by the light and high-contrast themes.
mod xterm {
    use ratatui::style::Color;
    pub const BLACK: Color = Color::Indexed(16);
    pub const WHITE: Color = Color::Indexed(231);
    pub const BLUE: Color = Color::Indexed(25);
    pub const GREEN: Color = Color::Indexed(28);
    pub const MAGENTA: Color = Color::Indexed(127);
    pub const RED: Color = Color::Indexed(160);
    pub const GREY: Color = Color::Indexed(244);
    pub const LIGHT_GREY: Color = Color::Indexed(252);
    pub const PALE_BLUE: Color = Color::Indexed(153);
    pub const YELLOW: Color = Color::Indexed(226);
    pub const CYAN: Color = Color::Indexed(51);
    pub const DARK_GREY: Color = Color::Indexed(240);
}

/// Styles for everything drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Which theme this is.
    pub name: ThemeName,
    /// The whole screen: the background painted first and the default text colour.
    pub base: Style,
    pub border: Style,
    pub border_focus: Style,
    pub pane_title: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub matched: Style,
    pub dim: Style,
    pub title: Style,
    pub heading: Style,
    pub path: Style,
    pub bar_fill: Style,
    pub bar_track: Style,
    pub figure: Style,
    pub key: Style,
    pub warning: Style,
    /// A status message that reports something done (a copy).
    pub message: Style,
    /// RGB values for exports.
    pub palette: Palette,
}

impl Theme {
    /// A theme, in colour.
    #[must_use]
    pub fn new(name: ThemeName) -> Self {
        match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::HighContrast => Theme::high_contrast(),
        }
    }

    /// A theme, in colour or, when `color` is false, with its colours stripped.
    #[must_use]
    pub fn pick(name: ThemeName, color: bool) -> Self {
        let t = Theme::new(name);
        if color { t } else { t.without_color() }
    }

    /// The default theme in colour (terminal colours on the terminal's background).
    #[must_use]
    pub fn color() -> Self {
        Theme::dark()
    }

    fn dark() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            name: ThemeName::Dark,
            base: Style::new(),
            border: Style::new(),
            border_focus: Style::new().fg(Color::Cyan),
            pane_title: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED),
            selected_unfocused: bold,
            matched: Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: bold,
            heading: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            path: Style::new().add_modifier(Modifier::ITALIC),
            bar_fill: Style::new().fg(Color::Green),
            bar_track: Style::new().add_modifier(Modifier::DIM),
            figure: bold,
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            message: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            palette: Palette {
                fg: TANGO[7],
                bg: (0x1e, 0x1e, 0x1e),
                ansi: TANGO,
            },
        }
    }

    fn light() -> Self {
        let text = Style::new().fg(xterm::BLACK);
        let bold = text.add_modifier(Modifier::BOLD);
        Theme {
            name: ThemeName::Light,
            base: Style::new().fg(xterm::BLACK).bg(xterm::WHITE),
            border: Style::new().fg(xterm::GREY),
            border_focus: Style::new().fg(xterm::BLUE).add_modifier(Modifier::BOLD),
            pane_title: bold,
            // A pale bar keeps the magenta matches and grey labels readable on it.
            selected: Style::new().fg(xterm::BLACK).bg(xterm::PALE_BLUE),
            selected_unfocused: Style::new()
                .bg(xterm::LIGHT_GREY)
                .add_modifier(Modifier::BOLD),
            matched: Style::new()
                .fg(xterm::MAGENTA)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            dim: Style::new().fg(xterm::DARK_GREY),
            title: bold,
            heading: Style::new().fg(xterm::GREEN).add_modifier(Modifier::BOLD),
            path: Style::new()
                .fg(xterm::DARK_GREY)
                .add_modifier(Modifier::ITALIC),
            bar_fill: Style::new().fg(xterm::GREEN),
            bar_track: Style::new().fg(xterm::LIGHT_GREY),
            figure: bold,
            key: Style::new().fg(xterm::BLUE).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(xterm::RED).add_modifier(Modifier::BOLD),
            message: Style::new().fg(xterm::GREEN).add_modifier(Modifier::BOLD),
            palette: Palette {
                fg: (0, 0, 0),
                bg: (0xff, 0xff, 0xff),
                ansi: TANGO,
            },
        }
    }

    fn high_contrast() -> Self {
        let bold = Style::new().fg(xterm::WHITE).add_modifier(Modifier::BOLD);
        let yellow = Style::new().fg(xterm::YELLOW).add_modifier(Modifier::BOLD);
        Theme {
            name: ThemeName::HighContrast,
            base: Style::new().fg(xterm::WHITE).bg(xterm::BLACK),
            border: Style::new().fg(xterm::WHITE),
            border_focus: yellow,
            pane_title: yellow,
            selected: Style::new()
                .fg(xterm::BLACK)
                .bg(xterm::YELLOW)
                .add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new()
                .fg(xterm::YELLOW)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            // No colour of their own: matches and labels must read on the yellow selection
            // bar as well as on black.
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            // Dim text washes out on a projector: keep the text colour, only not bold.
            dim: Style::new(),
            title: yellow,
            heading: Style::new().fg(xterm::CYAN).add_modifier(Modifier::BOLD),
            path: Style::new(),
            bar_fill: Style::new().fg(xterm::YELLOW),
            bar_track: Style::new().fg(xterm::DARK_GREY),
            figure: bold,
            key: yellow,
            warning: Style::new()
                .fg(xterm::BLACK)
                .bg(xterm::YELLOW)
                .add_modifier(Modifier::BOLD),
            message: Style::new().fg(xterm::CYAN).add_modifier(Modifier::BOLD),
            palette: Palette {
                fg: (0xff, 0xff, 0xff),
                bg: (0, 0, 0),
                ansi: TANGO,
            },
        }
    }

    /// The same cues without any colour, for `NO_COLOR`.
    #[must_use]
    pub fn plain() -> Self {
        Theme::dark().without_color()
    }

    /// This theme's cues (bold, reverse, underline …) without any colour. Where a theme
    /// marks something by colour alone, a modifier takes its place.
    #[must_use]
    pub fn without_color(self) -> Self {
        let strip = |s: Style| Style {
            fg: None,
            bg: None,
            ..s
        };
        let dark = Theme::dark();
        Theme {
            name: self.name,
            base: strip(self.base),
            border: strip(self.border),
            border_focus: strip(self.border_focus).add_modifier(Modifier::BOLD),
            pane_title: strip(self.pane_title),
            // Selections are colour blocks in some themes: reverse video everywhere.
            selected: strip(dark.selected),
            selected_unfocused: strip(dark.selected_unfocused),
            matched: strip(self.matched),
            dim: strip(self.dim),
            title: strip(self.title),
            heading: strip(self.heading),
            path: strip(self.path),
            bar_fill: strip(self.bar_fill),
            bar_track: strip(self.bar_track),
            figure: strip(self.figure),
            key: strip(self.key),
            warning: strip(self.warning),
            message: strip(self.message),
            palette: self.palette,
        }
    }

    /// The plain theme when `NO_COLOR` is set and not empty (see no-color.org), else the
    /// dark theme.
    #[must_use]
    pub fn from_env() -> Self {
        Theme::pick(ThemeName::Dark, !no_color_env())
    }

    /// The style of a detail tone.
    #[must_use]
    pub fn tone(&self, tone: Tone) -> Style {
        match tone {
            Tone::Title => self.title,
            Tone::Path => self.path,
            Tone::Heading => self.heading,
            Tone::Text => Style::new(),
            Tone::Dim => self.dim,
            Tone::BarFill => self.bar_fill,
            Tone::BarTrack => self.bar_track,
            Tone::Figure => self.figure,
            Tone::Match => self.matched,
            Tone::Selected => self.selected,
        }
    }

    /// Border style for a pane, by focus.
    #[must_use]
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.border_focus
        } else {
            self.border
        }
    }
}

/// The themes of a run: one for the catalogue and one for the presentation mode, which
/// defaults to high contrast unless the user chose a theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Themes {
    pub normal: Theme,
    pub presentation: Theme,
}

impl Themes {
    /// The themes for a choice (`--theme`, else the settings file; `None` if neither says),
    /// in colour or not.
    #[must_use]
    pub fn choose(chosen: Option<ThemeName>, color: bool) -> Self {
        Themes {
            normal: Theme::pick(chosen.unwrap_or(ThemeName::Dark), color),
            presentation: Theme::pick(chosen.unwrap_or(ThemeName::HighContrast), color),
        }
    }
}

/// Whether `NO_COLOR` is set to something non-empty.
#[must_use]
pub fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_styles(t: &Theme) -> Vec<Style> {
        vec![
            t.base,
            t.border,
            t.border_focus,
            t.pane_title,
            t.selected,
            t.selected_unfocused,
            t.matched,
            t.dim,
            t.title,
            t.heading,
            t.path,
            t.bar_fill,
            t.bar_track,
            t.figure,
            t.key,
            t.warning,
            t.message,
        ]
    }

    #[test]
    fn plain_theme_has_no_colours_but_keeps_cues() {
        for name in ThemeName::ALL {
            let p = Theme::pick(name, false);
            for s in all_styles(&p) {
                assert_eq!(s.fg, None, "{name:?}");
                assert_eq!(s.bg, None, "{name:?}");
            }
            assert!(p.selected.add_modifier.contains(Modifier::REVERSED));
            assert!(p.matched.add_modifier.contains(Modifier::UNDERLINED));
            assert!(p.border_focus.add_modifier.contains(Modifier::BOLD));
        }
    }

    #[test]
    fn presentation_defaults_to_high_contrast_unless_a_theme_is_chosen() {
        let t = Themes::choose(None, true);
        assert_eq!(t.normal.name, ThemeName::Dark);
        assert_eq!(t.presentation.name, ThemeName::HighContrast);
        let t = Themes::choose(Some(ThemeName::Light), true);
        assert_eq!(t.presentation.name, ThemeName::Light);
        let t = Themes::choose(None, false);
        assert_eq!(t.presentation.base.bg, None);
    }

    #[test]
    fn names_and_aliases_parse() {
        assert_eq!(ThemeName::parse("ljus"), Some(ThemeName::Light));
        assert_eq!(ThemeName::parse("Mörk"), Some(ThemeName::Dark));
        assert_eq!(
            ThemeName::parse("high-contrast"),
            Some(ThemeName::HighContrast)
        );
        assert_eq!(ThemeName::parse("kontrast"), Some(ThemeName::HighContrast));
        assert_eq!(ThemeName::parse("rosa"), None);
        for t in ThemeName::ALL {
            assert_eq!(ThemeName::parse(t.name()), Some(t));
        }
    }

    #[test]
    fn painted_themes_use_only_fixed_palette_entries() {
        // Entries 0–15 follow the user's colour scheme; the painted themes must not.
        for name in [ThemeName::Light, ThemeName::HighContrast] {
            for s in all_styles(&Theme::new(name)) {
                for c in [s.fg, s.bg].into_iter().flatten() {
                    assert!(matches!(c, Color::Indexed(n) if n >= 16), "{name:?}: {c:?}");
                }
            }
        }
        assert_eq!(Theme::new(ThemeName::Dark).base, Style::new());
    }

    #[test]
    fn palette_maps_the_256_colour_cube_and_ramp() {
        let p = Theme::new(ThemeName::Light).palette;
        assert_eq!(p.rgb(Color::Indexed(16), true), (0, 0, 0));
        assert_eq!(p.rgb(Color::Indexed(231), true), (255, 255, 255));
        assert_eq!(p.rgb(Color::Indexed(25), true), (0, 0x5f, 0xaf));
        assert_eq!(p.rgb(Color::Indexed(226), true), (255, 255, 0));
        assert_eq!(p.rgb(Color::Indexed(232), true), (8, 8, 8));
        assert_eq!(p.rgb(Color::Indexed(255), true), (0xee, 0xee, 0xee));
        assert_eq!(p.rgb(Color::Reset, true), (0, 0, 0));
        assert_eq!(p.rgb(Color::Reset, false), (255, 255, 255));
        assert_eq!(p.rgb(Color::Cyan, true), TANGO[6]);
        assert_eq!(p.rgb(Color::Rgb(1, 2, 3), false), (1, 2, 3));
    }
}
