//! The terminal's life: raw mode and the alternate screen on entry, and the
//! terminal put back on every way out (quit, error, panic, SIGTERM, SIGHUP).
//! The loop draws only when something changed: an idle cockpit sleeps.

use crate::app::App;
use crate::ui;
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the loop wakes without input, to notice a signal. Nothing is
/// drawn on these wake-ups.
const WAKE: Duration = Duration::from_millis(250);

/// Puts the terminal back as we found it. Safe to call more than once and
/// when the terminal is gone (errors are ignored: there is no one to tell).
pub fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
}

fn enter() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// Runs the cockpit until the planner quits or a signal asks us to stop.
pub fn run(mut app: App) -> io::Result<()> {
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));

    let result = enter().and_then(|mut terminal| {
        let size = terminal.size()?;
        app.resize(size.width, size.height);
        event_loop(&mut terminal, &mut app, &stop)
    });
    restore();
    result
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    stop: &AtomicBool,
) -> io::Result<()> {
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|frame| ui::render(app, frame))?;
            dirty = false;
        }
        if app.quit || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        if !event::poll(WAKE)? {
            continue;
        }
        match event::read()? {
            Event::Key(key) => {
                app.handle_key(key);
                dirty = true;
            }
            Event::Paste(text) => {
                app.paste(&text);
                dirty = true;
            }
            Event::Resize(w, h) => {
                app.resize(w, h);
                dirty = true;
            }
            _ => {}
        }
    }
}
