//! How the cockpit looks on this terminal: its colours and whether it draws
//! in ASCII only. Chosen at start (config, flags, environment); the drawing
//! reads it and nothing else decides it.

/// The colour scheme. Every meaning a colour carries is also carried by a
/// symbol or a word, so `Mono` loses nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    /// The 16 ANSI colours, for a dark background (PuTTY's and Xshell's).
    Dark,
    /// The 16 ANSI colours, for a light background: no yellow or grey text
    /// that vanishes on white.
    Light,
    /// No colour at all: bold, underline and reverse only.
    Mono,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub palette: Palette,
    /// Borders, bars, marks and ellipses in ASCII: for clients set to draw
    /// "ambiguous" characters two cells wide, and for fonts without them.
    pub ascii: bool,
}

impl Default for Look {
    fn default() -> Look {
        Look {
            palette: Palette::Dark,
            ascii: false,
        }
    }
}

/// What the terminal's environment says it can show.
#[derive(Debug, Default, Clone)]
pub struct TerminalEnv {
    pub no_color: Option<String>,
    pub colorterm: Option<String>,
    pub term: Option<String>,
    /// `fg;bg` colour numbers, set by rxvt, Konsole and some others.
    pub colorfgbg: Option<String>,
}

impl TerminalEnv {
    pub fn from_process() -> TerminalEnv {
        let var = |k: &str| std::env::var(k).ok();
        TerminalEnv {
            no_color: var("NO_COLOR"),
            colorterm: var("COLORTERM"),
            term: var("TERM"),
            colorfgbg: var("COLORFGBG"),
        }
    }
}

/// The palette this terminal can show, when the planner chose none:
/// `NO_COLOR` (any non-empty value) and a `dumb` terminal get no colour; a
/// light background announced through `COLORFGBG` gets the light variant;
/// everything else the 16 colours every SSH client shows. `COLORTERM` and
/// a 256-colour `TERM` need nothing more: the 16 colours are a subset.
pub fn detect(env: &TerminalEnv) -> Palette {
    if env.no_color.as_deref().is_some_and(|v| !v.is_empty()) {
        return Palette::Mono;
    }
    if matches!(env.term.as_deref(), Some("dumb")) {
        return Palette::Mono;
    }
    let light_bg = env
        .colorfgbg
        .as_deref()
        .and_then(|v| v.rsplit(';').next())
        .and_then(|bg| bg.parse::<u8>().ok())
        // 7 (light grey) and 9..=15 bright colours but 8 (dark grey).
        .is_some_and(|bg| bg == 7 || bg >= 9);
    if light_bg {
        Palette::Light
    } else {
        Palette::Dark
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(no_color: Option<&str>, term: Option<&str>, fgbg: Option<&str>) -> TerminalEnv {
        TerminalEnv {
            no_color: no_color.map(str::to_owned),
            colorterm: None,
            term: term.map(str::to_owned),
            colorfgbg: fgbg.map(str::to_owned),
        }
    }

    #[test]
    fn the_palette_follows_what_the_terminal_says() {
        assert_eq!(
            detect(&env(Some("1"), Some("xterm-256color"), None)),
            Palette::Mono
        );
        assert_eq!(detect(&env(Some(""), Some("xterm"), None)), Palette::Dark);
        assert_eq!(detect(&env(None, Some("dumb"), None)), Palette::Mono);
        assert_eq!(
            detect(&env(None, Some("xterm"), Some("0;15"))),
            Palette::Light
        );
        assert_eq!(
            detect(&env(None, Some("xterm"), Some("15;default;0"))),
            Palette::Dark
        );
        assert_eq!(
            detect(&env(None, Some("screen"), Some("15;0"))),
            Palette::Dark
        );
        assert_eq!(detect(&env(None, None, None)), Palette::Dark);
    }
}
