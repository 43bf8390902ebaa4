//! Colours per role: a preset (dark: named ANSI colours that read on the usual dark
//! background; light: colours that read on white), the user's `[theme]` colours over it, and
//! none at all under `NO_COLOR`, where only attributes (bold, reversed) remain.

use crate::config::{ThemeConfig, ThemePreset, ThemeRole};
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
    /// The colour of each role (`ThemeRole as usize`); `None`: its attributes alone.
    colors: [Option<Color>; ThemeRole::COUNT],
}

/// A preset's colour for a role. `Label` and `Border` have none of their own: they follow `Dim`.
fn preset_color(preset: ThemePreset, role: ThemeRole) -> Option<Color> {
    use ThemeRole as R;
    match (preset, role) {
        (ThemePreset::Dark, R::Title | R::Key | R::BorderFocus) => Some(Color::Cyan),
        (ThemePreset::Dark, R::Warn) => Some(Color::Yellow),
        (ThemePreset::Dark, R::Badge) => Some(Color::Yellow),
        (ThemePreset::Light, R::Title | R::Key | R::BorderFocus) => Some(Color::Blue),
        (ThemePreset::Light, R::Warn) => Some(Color::Magenta),
        (ThemePreset::Light, R::Badge) => Some(Color::Magenta),
        (ThemePreset::Light, R::Dim) => Some(Color::DarkGray),
        (_, R::Overdue | R::Error) => Some(Color::Red),
        (_, R::Success) => Some(Color::Green),
        _ => None,
    }
}

/// Text that reads on a background colour: black on light ones, white on dark ones.
fn ink_on(bg: Color) -> Color {
    let light = match bg {
        Color::Black
        | Color::Red
        | Color::Blue
        | Color::Magenta
        | Color::DarkGray
        | Color::Indexed(0 | 1 | 4 | 5 | 8) => false,
        Color::Indexed(i @ 16..=231) => {
            let i = i - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * u32::from(v) };
            luminance(level(i / 36), level(i / 6 % 6), level(i % 6)) > 128
        }
        Color::Indexed(i @ 232..) => i >= 244,
        Color::Rgb(r, g, b) => luminance(r.into(), g.into(), b.into()) > 128,
        _ => true,
    };
    if light { Color::Black } else { Color::White }
}

fn luminance(r: u32, g: u32, b: u32) -> u32 {
    (299 * r + 587 * g + 114 * b) / 1000
}

/// Colours unless `NO_COLOR` is set and not empty (<https://no-color.org>).
fn colors_wanted(no_color: Option<&std::ffi::OsStr>) -> bool {
    no_color.is_none_or(|v| v.is_empty())
}

impl Theme {
    /// The configured theme; a non-empty `NO_COLOR` still turns every colour off.
    pub fn from_config(cfg: &ThemeConfig) -> Theme {
        Theme::new(cfg, colors_wanted(std::env::var_os("NO_COLOR").as_deref()))
    }

    /// The configured theme, with colours or without.
    pub fn new(cfg: &ThemeConfig, color: bool) -> Theme {
        let mut colors = ThemeRole::ALL.map(|r| preset_color(cfg.preset, r));
        for (role, c) in &cfg.colors {
            colors[*role as usize] = Some(*c);
        }
        Theme { color, colors }
    }

    /// The default (dark) theme, without colours under `NO_COLOR`.
    pub fn from_env() -> Theme {
        Theme::from_config(&ThemeConfig::default())
    }

    /// No colours at all.
    pub fn plain() -> Theme {
        Theme::new(&ThemeConfig::default(), false)
    }

    /// A role's colour, when colours are on.
    fn color_of(&self, role: ThemeRole) -> Option<Color> {
        if self.color {
            self.colors[role as usize]
        } else {
            None
        }
    }

    /// The role's colour (if any) as foreground, with the role's attributes.
    fn styled(&self, role: ThemeRole, modifier: Modifier) -> Style {
        let style = Style::new().add_modifier(modifier);
        match self.color_of(role) {
            Some(c) => style.fg(c),
            None => style,
        }
    }

    /// Faint text: the role's colour when it has one, else the DIM attribute (none without
    /// colours, where faint text would vanish on some terminals).
    fn faint(&self, role: ThemeRole) -> Style {
        match self.color_of(role) {
            Some(c) => Style::new().fg(c),
            None if role != ThemeRole::Dim => self.dim(),
            None if self.color => Style::new().add_modifier(Modifier::DIM),
            None => Style::new(),
        }
    }

    pub fn title(&self) -> Style {
        self.styled(ThemeRole::Title, Modifier::BOLD)
    }
    pub fn tab_active(&self) -> Style {
        self.styled(ThemeRole::TabActive, Modifier::REVERSED | Modifier::BOLD)
    }
    pub fn dim(&self) -> Style {
        self.faint(ThemeRole::Dim)
    }
    pub fn selected(&self) -> Style {
        self.styled(ThemeRole::Selected, Modifier::REVERSED)
    }
    pub fn key(&self) -> Style {
        self.styled(ThemeRole::Key, Modifier::BOLD)
    }
    pub fn label(&self) -> Style {
        self.faint(ThemeRole::Label)
    }
    /// The figures a collector scans first.
    pub fn figure(&self) -> Style {
        self.styled(ThemeRole::Figure, Modifier::BOLD)
    }
    pub fn overdue(&self) -> Style {
        self.styled(ThemeRole::Overdue, Modifier::BOLD)
    }
    pub fn warn(&self) -> Style {
        self.styled(ThemeRole::Warn, Modifier::BOLD)
    }
    pub fn error(&self) -> Style {
        self.styled(ThemeRole::Error, Modifier::BOLD)
    }
    pub fn success(&self) -> Style {
        self.styled(ThemeRole::Success, Modifier::BOLD)
    }
    /// A badge (DEMO, counts): the role's colour is its background.
    pub fn badge(&self) -> Style {
        match self.color_of(ThemeRole::Badge) {
            Some(bg) => Style::new()
                .fg(ink_on(bg))
                .bg(bg)
                .add_modifier(Modifier::BOLD),
            None => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }
    pub fn border(&self) -> Style {
        self.faint(ThemeRole::Border)
    }
    pub fn border_focus(&self) -> Style {
        self.styled(ThemeRole::BorderFocus, Modifier::empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(t: &Theme) -> Vec<Style> {
        vec![
            t.title(),
            t.tab_active(),
            t.dim(),
            t.selected(),
            t.key(),
            t.label(),
            t.figure(),
            t.overdue(),
            t.warn(),
            t.error(),
            t.success(),
            t.badge(),
            t.border(),
            t.border_focus(),
        ]
    }

    fn light() -> ThemeConfig {
        ThemeConfig {
            preset: ThemePreset::Light,
            colors: vec![],
        }
    }

    #[test]
    fn dark_default_is_the_theme_as_it_was() {
        let t = Theme::new(&ThemeConfig::default(), true);
        let bold = Modifier::BOLD;
        assert_eq!(t.title(), Style::new().fg(Color::Cyan).add_modifier(bold));
        assert_eq!(t.key(), Style::new().fg(Color::Cyan).add_modifier(bold));
        assert_eq!(t.border_focus(), Style::new().fg(Color::Cyan));
        assert_eq!(t.overdue(), Style::new().fg(Color::Red).add_modifier(bold));
        assert_eq!(t.error(), Style::new().fg(Color::Red).add_modifier(bold));
        assert_eq!(t.warn(), Style::new().fg(Color::Yellow).add_modifier(bold));
        assert_eq!(
            t.success(),
            Style::new().fg(Color::Green).add_modifier(bold)
        );
        let dim = Style::new().add_modifier(Modifier::DIM);
        assert_eq!((t.dim(), t.label(), t.border()), (dim, dim, dim));
        assert_eq!(t.figure(), Style::new().add_modifier(bold));
        assert_eq!(t.selected(), Style::new().add_modifier(Modifier::REVERSED));
        assert_eq!(
            t.tab_active(),
            Style::new().add_modifier(Modifier::REVERSED | bold)
        );
        assert_eq!(
            t.badge(),
            Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(bold)
        );
    }

    #[test]
    fn light_preset_differs_and_avoids_pale_colours() {
        let dark = Theme::new(&ThemeConfig::default(), true);
        let light = Theme::new(&light(), true);
        assert_ne!(all(&dark), all(&light));
        assert_eq!(light.title().fg, Some(Color::Blue));
        assert_eq!(light.dim().fg, Some(Color::DarkGray));
        assert_eq!(light.label().fg, Some(Color::DarkGray), "label follows dim");
        for s in all(&light) {
            assert!(
                !matches!(
                    s.fg,
                    Some(
                        Color::Cyan
                            | Color::Yellow
                            | Color::LightCyan
                            | Color::LightYellow
                            | Color::LightGreen
                            | Color::LightBlue
                            | Color::LightMagenta
                            | Color::LightRed
                    )
                ),
                "{s:?}"
            );
        }
    }

    #[test]
    fn a_role_colour_overrides_the_preset() {
        let cfg = ThemeConfig {
            preset: ThemePreset::Light,
            colors: vec![
                (ThemeRole::Title, Color::Rgb(0xff, 0x5f, 0x5f)),
                (ThemeRole::Dim, Color::Indexed(244)),
                (ThemeRole::Border, Color::Green),
                (ThemeRole::Badge, Color::Blue),
                (ThemeRole::Selected, Color::Cyan),
            ],
        };
        let t = Theme::new(&cfg, true);
        assert_eq!(
            t.title(),
            Style::new()
                .fg(Color::Rgb(0xff, 0x5f, 0x5f))
                .add_modifier(Modifier::BOLD)
        );
        // a coloured dim is the colour, not also faint
        assert_eq!(t.dim(), Style::new().fg(Color::Indexed(244)));
        assert_eq!(t.label(), Style::new().fg(Color::Indexed(244)));
        assert_eq!(t.border(), Style::new().fg(Color::Green));
        assert_eq!(t.badge().bg, Some(Color::Blue));
        assert_eq!(t.badge().fg, Some(Color::White), "white reads on blue");
        assert_eq!(
            t.selected(),
            Style::new()
                .fg(Color::Cyan)
                .add_modifier(Modifier::REVERSED)
        );
        // the rest keep the preset
        assert_eq!(t.key().fg, Some(Color::Blue));
        assert_eq!(t.error().fg, Some(Color::Red));
    }

    #[test]
    fn without_colour_only_attributes_remain() {
        let cfg = ThemeConfig {
            preset: ThemePreset::Light,
            colors: ThemeRole::ALL.map(|r| (r, Color::Magenta)).to_vec(),
        };
        for theme in [
            Theme::new(&cfg, false),
            Theme::new(&ThemeConfig::default(), false),
            Theme::new(&light(), false),
            Theme::plain(),
        ] {
            for s in all(&theme) {
                assert_eq!((s.fg, s.bg), (None, None), "{s:?}");
            }
            assert_eq!(theme.dim(), Style::new());
            assert!(theme.title().add_modifier.contains(Modifier::BOLD));
            assert_eq!(
                theme.badge(),
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
            );
        }
    }

    #[test]
    fn a_non_empty_no_color_turns_colours_off() {
        assert!(colors_wanted(None));
        assert!(colors_wanted(Some("".as_ref())));
        assert!(!colors_wanted(Some("1".as_ref())));
    }

    #[test]
    fn badge_text_contrasts_with_its_background() {
        assert_eq!(ink_on(Color::Yellow), Color::Black);
        assert_eq!(ink_on(Color::Blue), Color::White);
        assert_eq!(ink_on(Color::Rgb(250, 250, 210)), Color::Black);
        assert_eq!(ink_on(Color::Rgb(20, 30, 90)), Color::White);
        assert_eq!(ink_on(Color::Indexed(17)), Color::White);
        assert_eq!(ink_on(Color::Indexed(230)), Color::Black);
        assert_eq!(ink_on(Color::Indexed(235)), Color::White);
    }
}
