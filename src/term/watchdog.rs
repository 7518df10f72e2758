//! The dead terminal's watchdog: told of a signal or of the terminal
//! hanging up, it gives the loop a second to save the note being typed and
//! leave; if the loop is stuck (crossterm can spin inside a read on a dead
//! terminal), it saves the draft itself, from the copy the loop keeps after
//! every key, through its own connection, restores what it can and exits.

use super::{GRACE, restore, tty};
use crate::app::guard::DraftGuard;
use crate::store::Location;
use crate::store::{self, DraftFor, OpenOptions};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The note being typed, as the loop last saw it: what the watchdog saves
/// when the loop cannot.
pub struct PendingDraft {
    /// The draft's row, once it has one.
    pub draft: Option<i64>,
    pub target: DraftFor,
    pub text: String,
    /// Where it may be saved: only into the very file and plan it was typed
    /// for.
    pub guard: DraftGuard,
}

pub type Pending = Arc<Mutex<Option<PendingDraft>>>;

pub fn watchdog(
    stop: Arc<AtomicBool>,
    finished: Arc<AtomicBool>,
    pending: Pending,
    db: Location,
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
        if let Some(PendingDraft {
            draft: id,
            target,
            text,
            guard,
        }) = draft
        {
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
            let same = !guard.lost && store::still_the_place(&db, guard.file);
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
