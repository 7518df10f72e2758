//! Styles. Only the 8 basic ANSI colours (PuTTY and Xshell with 16 colours
//! show them all), and with NO_COLOR none at all: every meaning colour
//! carries is also carried by a symbol or a word.

use crate::domain::Status;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }

    pub fn selected(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn focused_border(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
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

    pub fn key(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn bar(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn light(self, light: crate::domain::pace::Light) -> Style {
        match light {
            crate::domain::pace::Light::Green => self.fg(Color::Green),
            crate::domain::pace::Light::Yellow => self.fg(Color::Yellow),
            crate::domain::pace::Light::Red => self.fg(Color::Red).add_modifier(Modifier::BOLD),
        }
    }

    pub fn status(self, s: Status) -> Style {
        match s {
            Status::Done => self.fg(Color::Green),
            Status::AtRisk => self.fg(Color::Yellow),
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
