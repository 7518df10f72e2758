//! The real binary in a real pseudo-terminal, driven as a planner over SSH
//! would: keys typed, the screen read back through vt100, the link dropped.
#![allow(dead_code)]

use crate::common::{BIN, NOW, Sandbox};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Session {
    pub screen: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    /// Keys go through our own copy of the master, not portable-pty's
    /// writer: dropping that writer types a newline and Ctrl-D into the
    /// program (to signal end of input), which is not what a dropped SSH
    /// link does and would edit the very note a hang-up test wants kept.
    pub writer: std::fs::File,
    pub child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    /// Tells the reader to close its copy of the master, so that dropping
    /// the master really hangs up the terminal.
    closing: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Session {
    pub fn start(sb: &Sandbox, cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        Session::start_with(sb, cols, rows, env, &[])
    }

    /// The cockpit started through `wrapper` (a command that ends by
    /// exec-ing its arguments).
    // The harness's own copies of the master, polled so that a test can
    // close every one of them (see Cargo.toml's lints).
    #[allow(unsafe_code)]
    pub fn start_with(
        sb: &Sandbox,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        wrapper: &[&str],
    ) -> Session {
        Session::open(sb, (cols, rows), env, wrapper, &[])
    }

    /// A command (not the cockpit) run on the terminal, as a planner types
    /// it at the shell.
    pub fn command(sb: &Sandbox, env: &[(&str, &str)], args: &[&str]) -> Session {
        Session::open(sb, (100, 30), env, &[], args)
    }

    #[allow(unsafe_code)]
    fn open(
        sb: &Sandbox,
        (cols, rows): (u16, u16),
        env: &[(&str, &str)],
        wrapper: &[&str],
        args: &[&str],
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = match wrapper.split_first() {
            Some((program, args)) => {
                let mut c = CommandBuilder::new(program);
                c.args(args);
                c.arg(BIN);
                c
            }
            None => CommandBuilder::new(BIN),
        };
        cmd.arg("--db");
        cmd.arg(&sb.db);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_STATE_HOME", sb.path("state"));
        cmd.env("PLAN_COCKPIT_NOW", NOW);
        cmd.env_remove("PLAN_COCKPIT_DB");
        // A UTF-8 locale unless the test says otherwise, and no settings
        // file but the sandbox's.
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_CTYPE");
        cmd.env("LANG", "C.UTF-8");
        cmd.env("XDG_CONFIG_HOME", sb.path("config"));
        cmd.env_remove("PLAN_COCKPIT_CONFIG");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        // Our own copy of the master, read with poll so it can be closed.
        // SAFETY: dup of a descriptor the master owns.
        let fd = unsafe { libc::dup(pair.master.as_raw_fd().expect("master fd")) };
        assert!(fd >= 0);
        // SAFETY: a second dup of the master, owned by the File from here on.
        let writer = unsafe {
            let w = libc::dup(pair.master.as_raw_fd().expect("master fd"));
            assert!(w >= 0);
            <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(w)
        };
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let closing = Arc::new(AtomicBool::new(false));
        let (s, r, c) = (Arc::clone(&screen), Arc::clone(&raw), Arc::clone(&closing));
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !c.load(Ordering::SeqCst) {
                let mut pfd = libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: polling and reading our own descriptor.
                let ready = unsafe { libc::poll(&mut pfd, 1, 50) };
                if ready <= 0 {
                    continue;
                }
                let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
                if n < 0 {
                    // An interrupted or spurious read is not the end; a
                    // hang-up (EIO) is.
                    let e = std::io::Error::last_os_error();
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::Interrupted | std::io::ErrorKind::WouldBlock
                    ) {
                        continue;
                    }
                    break;
                }
                // Past the check for -1 above: a count of bytes read.
                let Ok(n) = usize::try_from(n) else { break };
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
            unsafe { libc::close(fd) };
        });
        Session {
            screen,
            raw,
            writer,
            child,
            master: pair.master,
            closing,
            reader: Some(reader),
        }
    }

    /// Closes every copy of the master side, as sshd does when a link
    /// drops: the kernel hangs up the terminal. Returns the child.
    pub fn hang_up(mut self) -> Box<dyn Child + Send + Sync> {
        self.closing.store(true, Ordering::SeqCst);
        if let Some(r) = self.reader.take() {
            r.join().unwrap();
        }
        let Session {
            child,
            writer,
            master,
            ..
        } = self;
        drop(writer);
        drop(master);
        child
    }

    /// A Chinese cockpit at 80×24 that SIGHUP never reaches: perl (in every
    /// Debian, perl-base is essential) blocks the signal, which stays blocked
    /// across exec, then becomes the cockpit. Kept texts go to `state/`.
    pub fn start_without_sighup(sb: &Sandbox) -> Session {
        let state = sb.path("state");
        Session::start_with(
            sb,
            80,
            24,
            &[
                ("LANG", "zh_CN.UTF-8"),
                ("XDG_STATE_HOME", state.to_str().unwrap()),
            ],
            &[
                "perl",
                "-e",
                "use POSIX; sigprocmask(SIG_BLOCK, POSIX::SigSet->new(SIGHUP)) or die; exec @ARGV",
            ],
        )
    }

    /// Hangs up and waits for the cockpit to exit, within 2 s; returns how
    /// long it took.
    pub fn hang_up_and_wait(self) -> Duration {
        let start = Instant::now();
        let mut child = self.hang_up();
        while child.try_wait().unwrap().is_none() {
            if start.elapsed() >= Duration::from_secs(2) {
                // A cockpit that failed this test must not go on spinning
                // on the dead terminal after it.
                let _ = child.kill();
                panic!("still running 2 s after the terminal closed");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        start.elapsed()
    }

    /// Opens a new note on the high-tech milestone and types `text` into it.
    pub fn type_a_note(&mut self, text: &str) {
        self.wait_for("新城市");
        self.send("/高新技术企业突破");
        self.wait_for("[目标任务]");
        self.send("\rn");
        self.wait_for("新备注");
        self.send(text);
        self.wait_for(text);
    }

    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    pub fn wait_for(&self, what: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if self.text().contains(what) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never saw {what:?}; screen:\n{}", self.text());
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader drain the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "did not exit; screen:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal is as we found it: main screen, cursor shown.
    pub fn assert_restored(&self) {
        let p = self.screen.lock().unwrap();
        assert!(
            !p.screen().alternate_screen(),
            "still on the alternate screen"
        );
        assert!(!p.screen().hide_cursor(), "cursor still hidden");
        let raw = self.raw.lock().unwrap();
        let text = String::from_utf8_lossy(&raw);
        assert!(
            text.contains("\x1b[?1049h") && text.contains("\x1b[?1049l"),
            "alternate screen not entered and left"
        );
        assert!(
            text.rfind("\x1b[?2004l") > text.rfind("\x1b[?2004h"),
            "bracketed paste left on"
        );
        // Every frame is one synchronized update, opened and closed, so a
        // terminal that knows DEC mode 2026 never shows half a frame.
        let (open, close) = ("\x1b[?2026h", "\x1b[?2026l");
        let frames = text.matches(open).count();
        assert!(frames > 0, "no frame inside synchronized-update brackets");
        assert_eq!(frames, text.matches(close).count(), "unclosed frame");
        for frame in text.split(open).skip(1) {
            assert!(frame.contains(close), "a frame left its bracket open");
        }
    }
}
