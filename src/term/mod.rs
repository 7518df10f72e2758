//! The terminal's life: raw mode and the alternate screen on entry, the
//! one loop — receive an event on the one channel (a key, a paste, a resize,
//! a worker's answer, the integrity verdict, or a wake-up when nothing came),
//! handle it, draw if anything changed — and the terminal put back on every
//! way out (quit, error, panic, SIGTERM, SIGHUP, SIGINT). An idle cockpit
//! sleeps.
//!
//! A hang-up is handled twice over, and is learnt of twice over: from
//! SIGHUP, and from the terminal itself reporting that it hung up (for when
//! the signal never arrives). The loop sees the signal within one wake-up,
//! saves the note being typed as a draft and returns; if it is stuck, the
//! watchdog (watchdog.rs) saves the draft itself and exits.

pub mod frames;
mod input;
pub mod locale;
pub mod tty;
mod watchdog;
mod workers;

use crate::app::App;
use crate::app::event::Event as AppEvent;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use frames::Frames;
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use watchdog::{Pending, PendingDraft};
use workers::Step;

/// How often the loop wakes without input, to notice a signal or another
/// planner's commit. Nothing is drawn unless one of those happened.
const WAKE: Duration = Duration::from_millis(250);

/// How long the watchdog lets the loop handle a signal itself.
const GRACE: Duration = Duration::from_millis(1000);

/// Puts the terminal back as we found it. Safe to call more than once and
/// when the terminal is gone (errors are ignored: there is no one to tell).
pub fn restore() {
    if MOUSE.load(Ordering::Relaxed) {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
}

type Screen = Frames<Stdout>;

/// The settings' `mouse = true`: the wheel is read (and the terminal's
/// own selection needs Shift held). Off by default.
static MOUSE: AtomicBool = AtomicBool::new(false);

fn enter() -> io::Result<Screen> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    if MOUSE.load(Ordering::Relaxed) {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Frames::full_screen(io::stdout())
}

/// `y`: `text` to the terminal's clipboard (OSC 52: the terminal, not
/// this server, puts it where the planner pastes).
fn clipboard(text: &str) -> io::Result<()> {
    use base64::Engine;
    use std::io::Write;
    let coded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let mut out = io::stdout().lock();
    write!(out, "\x1b]52;c;{coded}\x07")?;
    out.flush()
}

/// Ctrl-Z: the note being typed kept as a draft, the terminal put back as
/// it was found, and the program stopped as a shell's job (SIGTSTP); on
/// `fg` the terminal is taken again and the whole screen drawn anew. With
/// no shell to return to (an orphaned process group ignores SIGTSTP), it
/// simply goes on.
fn suspend(terminal: &mut Screen, app: &mut App) -> io::Result<()> {
    app.save_draft();
    restore();
    let _ = rustix::process::kill_process(rustix::process::getpid(), rustix::process::Signal::TSTP);
    *terminal = enter()?;
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    Ok(())
}

/// The questions the loop sends its workers.
struct Workers {
    lights: Sender<crate::app::lights::Ask>,
    plans: Sender<crate::app::plans_read::PlansAsk>,
    reports: Sender<crate::report::ReportAsk>,
}

/// Runs the cockpit until the planner quits or a signal asks us to stop.
/// Where to open it again, when the planner chose another plan (`P`).
pub fn run(
    mut app: App,
    escape: Duration,
    mouse: bool,
) -> io::Result<Option<(crate::store::Location, Option<i64>)>> {
    MOUSE.store(mouse, Ordering::Relaxed);
    let stop = Arc::new(AtomicBool::new(false));
    let finished = Arc::new(AtomicBool::new(false));
    let pending: Pending = Arc::new(Mutex::new(None));
    watchdog::watchdog(
        Arc::clone(&stop),
        Arc::clone(&finished),
        Arc::clone(&pending),
        app.location().clone(),
        app.author().to_owned(),
        app.clock().clone(),
    )?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));

    // One channel into the loop: the keyboard, the workers' answers and the
    // integrity check's verdict all arrive on it as events.
    let (events, steps) = mpsc::channel::<Step>();
    let (db, author, clock) = (
        app.location().clone(),
        app.author().to_owned(),
        app.clock().clone(),
    );
    workers::integrity(events.clone(), db.clone());
    let ask = Workers {
        lights: workers::lights(events.clone(), db.clone(), author.clone(), clock.clone()),
        plans: workers::plans(events.clone(), db.clone(), author.clone(), clock.clone()),
        reports: workers::reports(events.clone(), db, author, clock),
    };
    let result = enter().and_then(|mut terminal| {
        let size = terminal.size()?;
        app.resize(size.width, size.height);
        workers::keyboard(events, escape, Arc::clone(&finished));
        event_loop(&mut terminal, &steps, &mut app, &ask, &stop, &pending)
    });
    // Whatever ended the loop, typed text is kept.
    app.save_draft();
    restore();
    finished.store(true, Ordering::SeqCst);
    // A signal (a hang-up, SIGTERM) ends the cockpit, whatever was chosen.
    result.map(|()| {
        app.switch_to
            .take()
            .filter(|_| !stop.load(Ordering::Relaxed))
            .map(|place| (place, app.then_go_to.take()))
    })
}

/// Receive, handle, draw if anything changed: until the planner quits or a
/// signal asks the loop to stop.
fn event_loop(
    terminal: &mut Screen,
    steps: &Receiver<Step>,
    app: &mut App,
    ask: &Workers,
    stop: &AtomicBool,
    pending: &Pending,
) -> io::Result<()> {
    let mut dirty = true;
    loop {
        // The frame first: the workers' questions (the lights read every
        // open milestone) go out after it, so that they do not compete
        // with the first frame for the machine or the server.
        if dirty {
            terminal.draw(app)?;
            dirty = false;
        }
        if let Some(question) = app.report_wanted() {
            let _ = ask.reports.send(question);
        }
        if let Some(question) = app.lights_wanted() {
            let _ = ask.lights.send(question);
        }
        if let Some(text) = app.clipboard_wanted() {
            clipboard(&text)?;
        }
        if let Some(question) = app.plans_wanted() {
            let _ = ask.plans.send(question);
        }
        // The watchdog's copy of the note being typed.
        if let Ok(mut p) = pending.lock() {
            *p = app
                .pending_draft()
                .map(|(draft, target, text)| PendingDraft {
                    draft,
                    target,
                    text,
                    guard: app.draft_guard(),
                });
        }
        if app.quit || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        // Wake for the draft timer if it is due before the usual wake-up.
        let timeout = app.draft_due().map_or(WAKE, |due| {
            due.saturating_duration_since(Instant::now()).min(WAKE)
        });
        let event = match steps.recv_timeout(timeout) {
            Ok(Step::App(event)) => event,
            Ok(Step::InputFailed(e)) => return Err(e),
            Err(RecvTimeoutError::Timeout) => AppEvent::Tick,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        dirty |= app.handle(event);
        if std::mem::take(&mut app.suspend) {
            suspend(terminal, app)?;
            dirty = true;
        }
    }
}
