//! What feeds the loop's one channel: the keyboard, read on a thread of its
//! own, and the workers, each a thread that takes questions and sends its
//! answers as events — so the loop only ever waits on one receiver.

use super::input::Input;
use crate::app::event::Event as AppEvent;
use crate::store::Location;
use crate::store::{self, OpenOptions};
use crossterm::event::{Event, MouseEventKind};
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::time::Duration;

/// What arrives on the loop's channel.
pub enum Step {
    App(AppEvent),
    /// The keyboard could not be read: the loop ends with this error.
    InputFailed(io::Error),
}

/// How often the keyboard thread looks whether the loop has ended.
const INPUT_WAKE: Duration = Duration::from_millis(250);

/// Reads the keyboard (Esc held `escape` for an Alt key) and sends what it
/// reads, until the loop has `finished`.
pub fn keyboard(events: Sender<Step>, escape: Duration, finished: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        let mut input = Input::new(escape);
        while !finished.load(Ordering::Relaxed) {
            let step = match input.next(INPUT_WAKE) {
                Ok(Some(Event::Key(key))) => Step::App(AppEvent::Key(key)),
                Ok(Some(Event::Paste(text))) => Step::App(AppEvent::Paste(text)),
                Ok(Some(Event::Resize(w, h))) => Step::App(AppEvent::Resize(w, h)),
                Ok(Some(Event::Mouse(m))) => match m.kind {
                    MouseEventKind::ScrollDown => Step::App(AppEvent::Wheel(true)),
                    MouseEventKind::ScrollUp => Step::App(AppEvent::Wheel(false)),
                    _ => continue,
                },
                Ok(_) => continue,
                Err(e) => {
                    let _ = events.send(Step::InputFailed(e));
                    return;
                }
            };
            if events.send(step).is_err() {
                return;
            }
        }
    });
}

/// A worker: a thread that answers each question with an event on the
/// loop's channel; with `newest_only`, a question overtaken by a newer one
/// before it was started is dropped. Ends when the loop drops its sender.
pub fn worker<Q: Send + 'static>(
    events: Sender<Step>,
    newest_only: bool,
    answer: impl Fn(Q) -> AppEvent + Send + 'static,
) -> Sender<Q> {
    let (ask, asked) = mpsc::channel::<Q>();
    std::thread::spawn(move || {
        while let Ok(mut question) = asked.recv() {
            while let Some(newer) = newest_only.then(|| asked.try_recv().ok()).flatten() {
                question = newer;
            }
            if events.send(Step::App(answer(question))).is_err() {
                return;
            }
        }
    });
    ask
}

/// How a worker opens the plan: its own read-only connection, opened for
/// each question (so a file replaced underneath is read as it is now).
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

/// The headings' light counts: only the newest question is answered; a
/// failure leaves the headings without counts, which is all they lose.
pub fn lights(
    events: Sender<Step>,
    db: Location,
    author: String,
    clock: crate::domain::Clock,
) -> Sender<crate::app::lights::Ask> {
    worker(events, true, move |question: crate::app::lights::Ask| {
        let started = std::time::Instant::now();
        let counted = store::open(&db, reader(&author, &clock))
            .and_then(|s| s.snapshot(|s| crate::app::lights::count(s, question.clone())));
        let ms = started.elapsed().as_secs_f64() * 1e3;
        match &counted {
            Ok(_) => tracing::debug!(ms, "lights counted"),
            Err(e) => tracing::warn!(ms, error = %e, "lights not counted"),
        }
        match counted {
            Ok(counts) => AppEvent::Lights(counts),
            Err(_) => AppEvent::LightsFailed(question),
        }
    })
}

/// The plans side by side: only the newest question is answered, on a
/// store of its own kept open between questions (on a server, the first
/// reading loads every plan's tables into the connection's catalog; the
/// next ones are quick), opened again after a failure.
pub fn plans(
    events: Sender<Step>,
    db: Location,
    author: String,
    clock: crate::domain::Clock,
) -> Sender<crate::app::plans_read::PlansAsk> {
    let kept: std::sync::Mutex<Option<store::Store>> = std::sync::Mutex::new(None);
    worker(
        events,
        true,
        move |question: crate::app::plans_read::PlansAsk| {
            let mut kept = kept
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            // A file is opened for each question (one replaced underneath is
            // read as it is now); a server's connection is kept.
            if !db.is_server() {
                *kept = None;
            }
            if question.folder.is_none() && kept.is_none() {
                match store::open(&db, reader(&author, &clock)) {
                    Ok(s) => *kept = Some(s),
                    Err(e) => return AppEvent::Plans(Err(e.to_string())),
                }
            }
            let open = |place: &Location| store::open(place, reader(&author, &clock));
            let started = std::time::Instant::now();
            let read = crate::app::plans_read::answer(kept.as_ref(), &question, &open);
            let ms = started.elapsed().as_secs_f64() * 1e3;
            match &read {
                Ok(r) => tracing::debug!(ms, plans = r.all.len(), "plans read"),
                Err(e) => tracing::warn!(ms, error = %e, "plans not read"),
            }
            if read.is_err() {
                *kept = None;
            }
            AppEvent::Plans(read.map_err(|e| e.to_string()))
        },
    )
}

/// `R`'s reports, each written while the screen goes on.
pub fn reports(
    events: Sender<Step>,
    db: Location,
    author: String,
    clock: crate::domain::Clock,
) -> Sender<crate::report::ReportAsk> {
    worker(events, false, move |question: crate::report::ReportAsk| {
        let written = store::open(&db, reader(&author, &clock))
            .map_err(crate::report::ReportFailed::Store)
            .and_then(|s| crate::report::write_report(&s, &question, &clock))
            .map_err(|e| e.said(question.lang, &clock));
        AppEvent::ReportWritten(written)
    })
}

/// The background integrity check of the file: its verdict as an event.
pub fn integrity(events: Sender<Step>, db: Location) {
    std::thread::spawn(move || {
        let verdict = store::quick_check_at(&db).unwrap_or_else(|e| e.to_string());
        let _ = events.send(Step::App(AppEvent::Integrity(verdict)));
    });
}
