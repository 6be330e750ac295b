//! Colours and text styles. Only the 16 ANSI colours, on the terminal's own background, so
//! that dark and light themes, projectors and plain xterms all read well; `NO_COLOR` keeps
//! the bold/reverse/underline cues and drops every colour.

use ratatui::style::{Color, Modifier, Style};

use crate::app::detail::Tone;

/// Styles for everything drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
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
}

impl Theme {
    /// The coloured theme.
    #[must_use]
    pub fn color() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
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
        }
    }

    /// The same cues without any colour, for `NO_COLOR`.
    #[must_use]
    pub fn plain() -> Self {
        let strip = |s: Style| Style {
            fg: None,
            bg: None,
            ..s
        };
        let c = Theme::color();
        Theme {
            border: strip(c.border),
            border_focus: strip(c.border_focus).add_modifier(Modifier::BOLD),
            pane_title: strip(c.pane_title),
            selected: strip(c.selected),
            selected_unfocused: strip(c.selected_unfocused),
            matched: strip(c.matched),
            dim: strip(c.dim),
            title: strip(c.title),
            heading: strip(c.heading),
            path: strip(c.path),
            bar_fill: strip(c.bar_fill),
            bar_track: strip(c.bar_track),
            figure: strip(c.figure),
            key: strip(c.key),
            warning: strip(c.warning),
        }
    }

    /// The theme the environment asks for: plain when `NO_COLOR` is set and not empty
    /// (see no-color.org).
    #[must_use]
    pub fn from_env() -> Self {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::plain(),
            _ => Theme::color(),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_theme_has_no_colours_but_keeps_cues() {
        let p = Theme::plain();
        for s in [
            p.border_focus,
            p.matched,
            p.heading,
            p.bar_fill,
            p.key,
            p.warning,
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert!(p.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(p.matched.add_modifier.contains(Modifier::UNDERLINED));
    }
}
