//! The terminal's life: raw mode and the alternate screen on entry, and the
//! terminal put back on every way out (quit, error, panic, SIGTERM, SIGHUP,
//! SIGINT). The loop draws only when something changed: an idle cockpit
//! sleeps.
//!
//! A hang-up is handled twice over, and is learnt of twice over: from
//! SIGHUP, and from the terminal itself reporting that it hung up (for when
//! the signal never arrives). The loop sees the signal within one
//! wake-up, saves the note being typed as a draft and returns. But on a dead
//! terminal crossterm can spin inside `poll` and never return, so a watchdog
//! thread gives the loop one second, then saves the draft itself (from a
//! copy kept after every key, through its own database connection),
//! restores what it can and exits.

pub mod frames;
mod input;
pub mod locale;
pub mod tty;

use crate::app::{App, DraftGuard, Event as AppEvent};
use crate::store::{self, DraftFor, OpenOptions};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use frames::Frames;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use std::io::{self, Stdout};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How often the loop wakes without input, to notice a signal or another
/// planner's commit. Nothing is drawn unless one of those happened.
const WAKE: Duration = Duration::from_millis(250);

/// While the headings' light counts are being made, the loop looks for
/// them this often (a handful of wake-ups, then back to `WAKE`).
const COUNTS_WAKE: Duration = Duration::from_millis(20);

/// How long the watchdog lets the loop handle a signal itself.
const GRACE: Duration = Duration::from_millis(1000);

type Pending = Arc<Mutex<Option<(Option<i64>, DraftFor, String, DraftGuard)>>>;

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

type Screen = Frames<Stdout>;

fn enter() -> io::Result<Screen> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    Frames::full_screen(io::stdout())
}

/// Runs the cockpit until the planner quits or a signal asks us to stop.
pub fn run(mut app: App, escape: Duration) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    let finished = Arc::new(AtomicBool::new(false));
    let pending: Pending = Arc::new(Mutex::new(None));
    watchdog(
        Arc::clone(&stop),
        Arc::clone(&finished),
        Arc::clone(&pending),
        app.db_path().to_owned(),
        app.author().to_owned(),
        app.clock().clone(),
    )?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));

    let (verdict_tx, verdict) = std::sync::mpsc::channel();
    let db = app.db_path().to_owned();
    std::thread::spawn(move || {
        let v = store::quick_check_file(&db).unwrap_or_else(|e| e.to_string());
        let _ = verdict_tx.send(v);
    });
    let lights = lights_worker(
        app.db_path().to_owned(),
        app.author().to_owned(),
        app.clock().clone(),
    );
    let reports = report_worker(
        app.db_path().to_owned(),
        app.author().to_owned(),
        app.clock().clone(),
    );
    let result = enter().and_then(|mut terminal| {
        let size = terminal.size()?;
        app.resize(size.width, size.height);
        event_loop(
            &mut terminal,
            &mut input::Input::new(escape),
            &mut app,
            &stop,
            &pending,
            &verdict,
            &lights,
            &reports,
        )
    });
    // Whatever ended the loop, typed text is kept.
    app.save_draft();
    restore();
    finished.store(true, Ordering::SeqCst);
    result
}

fn watchdog(
    stop: Arc<AtomicBool>,
    finished: Arc<AtomicBool>,
    pending: Pending,
    db: PathBuf,
    author: String,
    clock: crate::domain::Clock,
) -> io::Result<()> {
    // Two ways to learn that we must go: a signal, or the terminal itself
    // hanging up. The second matters when SIGHUP never reaches us (a parent
    // that ignores or blocks it, `nohup`, a wrapper script): a dead terminal
    // would otherwise keep crossterm spinning at half a core, forever.
    let (told, ending) = std::sync::mpsc::channel::<i32>();
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let by_signal = told.clone();
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = by_signal.send(sig);
        }
    });
    if let Some(tty) = tty::Watch::open() {
        std::thread::spawn(move || {
            if tty.wait_for_hang_up() {
                let _ = told.send(SIGHUP);
            }
        });
    }
    std::thread::spawn(move || {
        let Ok(sig) = ending.recv() else {
            return;
        };
        stop.store(true, Ordering::SeqCst);
        let deadline = Instant::now() + GRACE;
        while Instant::now() < deadline {
            if finished.load(Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        // The loop is stuck: save the draft ourselves, then leave.
        let draft = pending.lock().ok().and_then(|mut p| p.take());
        if let Some((id, target, text, guard)) = draft {
            let opts = OpenOptions {
                author,
                quick_check: false,
                read_only: false,
                seed: None,
                allow_network_fs: true,
                clock: clock.clone(),
            };
            // Only into the very file and plan the cockpit had: a file
            // deleted meanwhile must not be created again, nor a plan moved
            // or imported over it get a draft about another plan's rows.
            let same = !guard.lost && store::still_the_file(&db, guard.file);
            let saved = same
                && store::open(&db, opts).is_ok_and(|mut s| {
                    s.plan_seen().map(|p| &p.identity) == guard.plan.as_ref()
                        && s.save_draft(id, &target, &text).is_ok()
                });
            if !saved {
                // The database cannot take it (gone, replaced, full): the
                // text goes to a file in the state folder instead.
                let _ = crate::kept::keep(&clock, &guard.what, &text);
            }
        }
        restore();
        std::process::exit(128 + sig);
    });
    Ok(())
}

/// How a worker opens the plan: its own read-only connection.
fn reader(author: &str, clock: &crate::domain::Clock) -> OpenOptions<'static> {
    OpenOptions {
        author: author.to_owned(),
        quick_check: false,
        read_only: true,
        seed: None,
        allow_network_fs: true,
        clock: clock.clone(),
    }
}

/// The light counts' worker: questions in, answers out. It answers only
/// the newest question waiting, on a connection of its own opened for each
/// (so a file replaced underneath is read as it is now); a failure leaves
/// the headings without counts, which is all they would lose.
struct LightsWorker {
    ask: std::sync::mpsc::Sender<crate::app::lights::Ask>,
    answer: std::sync::mpsc::Receiver<AppEvent>,
}

fn lights_worker(db: PathBuf, author: String, clock: crate::domain::Clock) -> LightsWorker {
    let (ask, asked) = std::sync::mpsc::channel::<crate::app::lights::Ask>();
    let (answer_tx, answer) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        while let Ok(mut question) = asked.recv() {
            while let Ok(newer) = asked.try_recv() {
                question = newer;
            }
            let opts = reader(&author, &clock);
            let counted = store::open(&db, opts)
                .and_then(|s| s.snapshot(|s| crate::app::lights::count(s, question.clone())));
            let event = match counted {
                Ok(counts) => AppEvent::Lights(counts),
                Err(_) => AppEvent::LightsFailed(question),
            };
            if answer_tx.send(event).is_err() {
                return;
            }
        }
    });
    LightsWorker { ask, answer }
}

/// The report worker: `R`'s questions in, where each report was written
/// (or why not) out, on a read-only connection of its own, so the screen
/// never waits for a report to be laid out.
struct ReportWorker {
    ask: std::sync::mpsc::Sender<crate::report::ReportAsk>,
    answer: std::sync::mpsc::Receiver<AppEvent>,
}

fn report_worker(db: PathBuf, author: String, clock: crate::domain::Clock) -> ReportWorker {
    let (ask, asked) = std::sync::mpsc::channel::<crate::report::ReportAsk>();
    let (answer_tx, answer) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        while let Ok(question) = asked.recv() {
            let opts = reader(&author, &clock);
            let written = store::open(&db, opts)
                .map_err(crate::report::ReportFailed::Store)
                .and_then(|s| crate::report::write_report(&s, &question, &clock))
                .map_err(|e| e.said(question.lang, &clock));
            if answer_tx.send(AppEvent::ReportWritten(written)).is_err() {
                return;
            }
        }
    });
    ReportWorker { ask, answer }
}

#[allow(clippy::too_many_arguments)]
fn event_loop(
    terminal: &mut Screen,
    input: &mut input::Input,
    app: &mut App,
    stop: &AtomicBool,
    pending: &Pending,
    verdict: &std::sync::mpsc::Receiver<String>,
    lights: &LightsWorker,
    reports: &ReportWorker,
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
        if let Some(ask) = app.report_wanted() {
            let _ = reports.ask.send(ask);
        }
        while let Ok(answer) = reports.answer.try_recv() {
            dirty |= app.handle(answer);
        }
        if let Some(ask) = app.lights_wanted() {
            let _ = lights.ask.send(ask);
        }
        while let Ok(answer) = lights.answer.try_recv() {
            dirty |= app.handle(answer);
        }
        if let Ok(mut p) = pending.lock() {
            *p = app
                .pending_draft()
                .map(|(id, target, text)| (id, target, text, app.draft_guard()));
        }
        if let Ok(v) = verdict.try_recv() {
            dirty |= app.handle(AppEvent::Integrity(v));
        }
        if dirty {
            terminal.draw(app)?;
            dirty = false;
        }
        if app.quit || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        // Wake for the draft timer if it is due before the usual wake-up.
        let now = Instant::now();
        let wake = if app.lights_pending() {
            COUNTS_WAKE
        } else {
            WAKE
        };
        let timeout = app
            .draft_due()
            .map_or(wake, |due| due.saturating_duration_since(now).min(wake));
        let event = match input.next(timeout)? {
            Some(Event::Key(key)) => AppEvent::Key(key),
            Some(Event::Paste(text)) => AppEvent::Paste(text),
            Some(Event::Resize(w, h)) => AppEvent::Resize(w, h),
            Some(_) => continue,
            None => AppEvent::Tick,
        };
        dirty |= app.handle(event);
    }
}
