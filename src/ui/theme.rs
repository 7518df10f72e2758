//! Styles, per palette: the 16 ANSI colours for a dark or a light
//! background (PuTTY, Xshell and every SSH client show them), or none at
//! all. Every meaning a colour carries is also carried by a symbol or a
//! word, so the monochrome palette loses nothing.

use crate::app::look::Palette;
use crate::domain::Status;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub palette: Palette,
}

impl Theme {
    /// `dark` on a dark background, `light` on a light one, none in mono.
    fn fg2(self, dark: Color, light: Color) -> Style {
        match self.palette {
            Palette::Dark => Style::default().fg(dark),
            Palette::Light => Style::default().fg(light),
            Palette::Mono => Style::default(),
        }
    }

    fn fg(self, c: Color) -> Style {
        self.fg2(c, c)
    }

    pub fn selected(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn focused_border(self) -> Style {
        self.fg2(Color::Cyan, Color::Blue)
            .add_modifier(Modifier::BOLD)
    }

    /// Secondary text: grey on dark; on light, the dark grey (ANSI 8 is
    /// too pale on many white schemes, so the plain colour there).
    pub fn dim(self) -> Style {
        match self.palette {
            Palette::Dark => Style::default().fg(Color::DarkGray),
            Palette::Light => Style::default().add_modifier(Modifier::DIM),
            Palette::Mono => Style::default(),
        }
    }

    pub fn title(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn ok(self) -> Style {
        self.fg(Color::Green)
    }

    /// Keys in the hint bar: yellow reads on black, not on white.
    pub fn key(self) -> Style {
        self.fg2(Color::Yellow, Color::Blue)
            .add_modifier(Modifier::BOLD)
    }

    /// Yellow text vanishes on white: there, black on a yellow ground.
    fn yellow(self) -> Style {
        match self.palette {
            Palette::Light => Style::default().fg(Color::Black).bg(Color::Yellow),
            _ => self.fg(Color::Yellow),
        }
    }

    pub fn bar(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn light(self, light: crate::domain::pace::Light) -> Style {
        match light {
            crate::domain::pace::Light::Green => self.fg(Color::Green),
            crate::domain::pace::Light::Yellow => self.yellow().add_modifier(Modifier::BOLD),
            crate::domain::pace::Light::Red => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            crate::domain::pace::Light::Grey | crate::domain::pace::Light::Off => self.dim(),
        }
    }

    pub fn status(self, s: Status) -> Style {
        match s {
            Status::Done => self.fg(Color::Green),
            Status::AtRisk => self.yellow(),
            Status::Blocked => self.fg(Color::Red),
            Status::Dropped => self.dim(),
            Status::Planned | Status::Active => Style::default(),
        }
    }
}

/// A symbol per status, so status reads without colour.
pub fn mark(s: Status) -> &'static str {
    match s {
        Status::Planned => "○",
        Status::Active => "●",
        Status::AtRisk => "!",
        Status::Blocked => "✕",
        Status::Done => "✓",
        Status::Dropped => "–",
    }
}

/// A light's mark: a shape per light, so it reads without colour too
/// (the word beside it says which).
pub fn light_mark(light: crate::domain::pace::Light) -> &'static str {
    match light {
        crate::domain::pace::Light::Green => "◎",
        crate::domain::pace::Light::Yellow => "◐",
        crate::domain::pace::Light::Red => "◉",
        crate::domain::pace::Light::Grey => "◌",
        crate::domain::pace::Light::Off => " ",
    }
}

/// `████░░░░ 45%` in `cells` cells; text, so it survives any terminal.
pub fn bar(progress: Option<f64>, cells: usize) -> String {
    let Some(p) = progress else {
        return String::new();
    };
    let pct = format!(" {:>3}%", crate::domain::progress::percent(p));
    let n = cells.saturating_sub(pct.len());
    // The filled part, in whole cells: the percent of `n`, rounded.
    let full = (usize::from(crate::domain::progress::percent(p)) * n + 50) / 100;
    let full = full.min(n);
    format!("{}{}{pct}", "█".repeat(full), "░".repeat(n - full))
}
