//! How a frame reaches the terminal: only the cells that changed (ratatui's
//! diff), inside synchronized-update brackets (DEC mode 2026), in one write;
//! a frame in which nothing changed is not sent at all. A terminal that
//! knows the mode shows each frame whole, never half-drawn over a slow link;
//! others ignore the brackets. One write also means one packet on an SSH
//! link rather than one per buffer-full.
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
use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

/// Room for a whole frame of a large terminal, reserved once (a 200×60
/// screen of CJK text with colours is about 100 KB).
const FRAME_BUFFER: usize = 1 << 18;

/// Keeps a frame's bytes: ratatui flushes at the end of a draw, before the
/// closing bracket can be added, so what it writes is held here until
/// `Frames::draw` has looked at the whole frame.
#[derive(Clone, Default)]
struct Held(Rc<RefCell<Vec<u8>>>);

impl Write for Held {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A terminal that draws the cockpit a frame at a time.
pub struct Frames<W: Write> {
    terminal: Terminal<CrosstermBackend<Held>>,
    frame: Held,
    out: W,
    /// What ratatui writes after the changed cells, even when there are
    /// none (colours and attributes reset), asked of ratatui itself.
    reset: Vec<u8>,
    /// The cursor commands that ended the last frame sent.
    cursor: Vec<u8>,
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
        let frame = Held::default();
        frame.0.borrow_mut().reserve(FRAME_BUFFER);
        let terminal = Terminal::with_options(
            CrosstermBackend::new(frame.clone()),
            TerminalOptions { viewport },
        )?;
        let reset = Held::default();
        CrosstermBackend::new(reset.clone()).draw(std::iter::empty())?;
        let reset = reset.0.take();
        Ok(Frames {
            terminal,
            frame,
            out,
            reset,
            cursor: Vec::new(),
        })
    }

    pub fn size(&self) -> io::Result<ratatui::layout::Size> {
        self.terminal.size()
    }

    /// Draws `app` as it is now: one write, bracketed, of what changed. A
    /// frame in which nothing changed, neither a cell nor the cursor, is not
    /// sent at all: a key that moves nothing costs the link nothing.
    pub fn draw(&mut self, app: &App) -> io::Result<()> {
        // Anything ratatui wrote since the last frame (a clear after a
        // resize) goes out ahead of this one.
        let pending = self.frame.0.borrow().len();
        queue!(self.frame, BeginSynchronizedUpdate)?;
        let start = self.frame.0.borrow().len();
        self.terminal.draw(|frame| ui::render(app, frame))?;
        let mut buf = self.frame.0.take();
        let body = &buf[start..];
        // ratatui ends every frame with its reset, then the cursor; cell
        // text never holds an escape (stored text is cleaned), so the last
        // reset is ratatui's own.
        let tail = rfind(body, &self.reset).map_or(0, |at| at + self.reset.len());
        let unchanged = pending == 0 && tail == self.reset.len() && body[tail..] == self.cursor[..];
        if !unchanged {
            self.cursor.clear();
            self.cursor.extend_from_slice(&body[tail..]);
            queue!(buf, EndSynchronizedUpdate)?;
            self.out.write_all(&buf)?;
            self.out.flush()?;
        }
        // The buffer keeps its room for the next frame.
        buf.clear();
        *self.frame.0.borrow_mut() = buf;
        Ok(())
    }
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&i| haystack[i..].starts_with(needle))
}
