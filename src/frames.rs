//! How a frame reaches the terminal: only the cells that changed (ratatui's
//! diff), inside synchronized-update brackets (DEC mode 2026), in one write.
//! A terminal that knows the mode shows each frame whole, never half-drawn
//! over a slow link; others ignore the brackets. One write also means one
//! packet on an SSH link rather than one per buffer-full.
//!
//! The cockpit draws through this, and so does the benchmark that counts
//! the bytes a keystroke costs, so the figure is the real one.

use crate::app::App;
use crate::ui;
use crossterm::queue;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::Cell;
use std::io::{self, BufWriter, Write};
use std::rc::Rc;

/// Room for a whole frame of a large terminal, so that it leaves in one
/// write (a 200×60 screen of CJK text with colours is about 100 KB).
const FRAME_BUFFER: usize = 1 << 18;

/// Keeps a frame's bytes until the whole frame can leave: ratatui flushes
/// at the end of a draw, before the closing bracket can be added, so its
/// flush is held back until `release` is set.
pub struct Held<W: Write> {
    out: BufWriter<W>,
    release: Rc<Cell<bool>>,
}

impl<W: Write> Write for Held<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        if self.release.get() {
            self.out.flush()
        } else {
            Ok(())
        }
    }
}

/// A terminal that draws the cockpit a frame at a time.
pub struct Frames<W: Write> {
    terminal: Terminal<CrosstermBackend<Held<W>>>,
    release: Rc<Cell<bool>>,
}

impl<W: Write> Frames<W> {
    /// Full screen, sized from the terminal (the cockpit).
    pub fn full_screen(out: W) -> io::Result<Self> {
        Self::with(out, Viewport::Fullscreen)
    }

    /// A fixed area, for a writer that is not a terminal (benchmarks, tests).
    pub fn fixed(out: W, area: Rect) -> io::Result<Self> {
        Self::with(out, Viewport::Fixed(area))
    }

    fn with(out: W, viewport: Viewport) -> io::Result<Self> {
        let release = Rc::new(Cell::new(false));
        let held = Held {
            out: BufWriter::with_capacity(FRAME_BUFFER, out),
            release: Rc::clone(&release),
        };
        let terminal =
            Terminal::with_options(CrosstermBackend::new(held), TerminalOptions { viewport })?;
        Ok(Frames { terminal, release })
    }

    pub fn size(&self) -> io::Result<ratatui::layout::Size> {
        self.terminal.size()
    }

    /// Draws `app` as it is now: one write, bracketed.
    pub fn draw(&mut self, app: &App) -> io::Result<()> {
        queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        self.terminal.draw(|frame| ui::render(app, frame))?;
        queue!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        self.release.set(true);
        let sent = Backend::flush(self.terminal.backend_mut());
        self.release.set(false);
        sent
    }
}
