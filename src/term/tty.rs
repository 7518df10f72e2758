//! Noticing that the terminal is gone without waiting for SIGHUP.
//!
//! `poll` with no requested events still reports POLLHUP, POLLERR and
//! POLLNVAL, so a thread blocked in it costs nothing while the terminal
//! lives and wakes the moment the other side of the pty closes (an SSH link
//! dropping, a tmux pane killed), whether or not a signal is delivered.

use std::os::fd::OwnedFd;

pub struct Watch {
    fd: OwnedFd,
}

impl Watch {
    /// The terminal crossterm reads: standard input when it is one, else
    /// the controlling terminal. None when there is none to watch.
    pub fn open() -> Option<Watch> {
        use std::io::IsTerminal;
        use std::os::fd::AsFd;
        // A duplicate of standard input, so that watching never closes it.
        let fd = if std::io::stdin().is_terminal() {
            std::io::stdin().as_fd().try_clone_to_owned().ok()?
        } else {
            OwnedFd::from(std::fs::File::open("/dev/tty").ok()?)
        };
        Some(Watch { fd })
    }

    /// Blocks until the terminal hangs up; true when it did.
    pub fn wait_for_hang_up(&self) -> bool {
        use rustix::event::{PollFd, PollFlags, poll};
        loop {
            let mut fds = [PollFd::new(&self.fd, PollFlags::empty())];
            match poll(&mut fds, None) {
                Ok(_) => {}
                Err(rustix::io::Errno::INTR) => continue,
                Err(_) => return false,
            }
            let seen = fds[0].revents();
            if seen.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                return true;
            }
        }
    }
}
