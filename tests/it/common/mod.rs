//! Helpers shared by the integration tests: a throw-away database folder and
//! a way to run the real binary against it.
#![allow(dead_code)]

pub mod cluster;
pub mod pg;
pub mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_plan-cockpit");

/// The moment every test runs at: the cockpit's, the store's and, through
/// `PLAN_COCKPIT_NOW`, the binary's. No test depends on the real date.
pub const NOW: &str = "2026-11-29T09:00:00+08:00";

/// `NOW` in the planners' own zone, whatever the machine's is.
pub fn test_clock() -> plan_cockpit::domain::Clock {
    let zone = jiff::tz::TimeZone::get("Asia/Shanghai").expect("the tz database");
    plan_cockpit::domain::Clock::fixed_in(NOW.parse().unwrap(), zone)
}

pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("plan.db");
        Sandbox { dir, db }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, contents).expect("write fixture");
        p
    }

    /// The binary with `--db` pointing here, an English locale and no
    /// inherited database variable.
    pub fn cmd(&self) -> Command {
        let mut c = Command::new(BIN);
        c.arg("--db").arg(&self.db);
        c.env_remove("PLAN_COCKPIT_DB")
            .env("XDG_STATE_HOME", self.dir.path().join("state"))
            .env("PLAN_COCKPIT_NOW", NOW)
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .env_remove("LC_MESSAGES")
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env_remove("PLAN_COCKPIT_CONFIG");
        c
    }

    /// The binary at `now`, a local time in Dongguan.
    pub fn run_at(&self, now: &str, args: &[&str]) -> std::process::Output {
        self.cmd()
            .env("PLAN_COCKPIT_NOW", now)
            .env("TZ", "Asia/Shanghai")
            .args(args)
            .output()
            .expect("run plan-cockpit")
    }

    /// `run_at`, failing the test unless it succeeds; its stdout.
    pub fn ok_at(&self, now: &str, args: &[&str]) -> String {
        let out = self.run_at(now, args);
        assert!(
            out.status.success(),
            "plan-cockpit {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run(self.cmd().args(args).output().expect("run plan-cockpit"))
    }

    /// Fails the test unless the command succeeds; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(r.code(), 0, "plan-cockpit {args:?} failed:\n{}", r.stderr());
        r.stdout()
    }

    /// A sandbox holding the seeded 2023 plan (`init`): a command finds a
    /// plan there, as it must (commands never create one).
    pub fn with_plan() -> Sandbox {
        let sb = Sandbox::new();
        sb.ok(&["init"]);
        sb
    }

    pub fn export_json(&self) -> String {
        self.ok(&["export", "--format", "json"])
    }
}

pub struct Run(pub Output);

impl Run {
    pub fn code(&self) -> i32 {
        self.0.status.code().unwrap_or(-1)
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
}

/// The names in a folder, sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

pub fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_default()
}

/// No byte that could start a terminal control sequence.
pub fn assert_no_control(what: &str, s: &str) {
    for (i, c) in s.chars().enumerate() {
        let bad = (c < ' ' && c != '\n') || ('\u{7f}'..='\u{9f}').contains(&c) || c == '\u{202e}';
        assert!(!bad, "{what}: control character {c:?} at char {i} in:\n{s}");
    }
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A cockpit on a fresh database seeded with fixed times and author, so
/// screens are the same on every run.
pub fn cockpit(lang: plan_cockpit::i18n::Lang) -> (Sandbox, plan_cockpit::app::App) {
    let sb = Sandbox::new();
    let store = open_store(&sb.db);
    let app = plan_cockpit::app::App::new(store, lang).expect("app");
    (sb, app)
}

/// Text the cockpit keeps in files (when the database cannot take it) goes
/// to one temporary state folder per test binary, never the real home.
// Setting a variable is `unsafe` since edition 2024: allowed here alone.
#[allow(unsafe_code)]
pub fn state_home() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let d = tempfile::tempdir().unwrap();
        // SAFETY: set once, before any cockpit of this binary can read it.
        unsafe { std::env::set_var("XDG_STATE_HOME", d.path()) };
        d
    })
    .path()
}

pub fn open_store(db: &Path) -> plan_cockpit::store::Store {
    open_store_at(db, test_clock())
}

/// `open_store` on another day than the pinned one.
pub fn open_store_at(db: &Path, clock: plan_cockpit::domain::Clock) -> plan_cockpit::store::Store {
    state_home();
    open_with(db, true, clock).expect("open store")
}

/// A store as another planner (`who`) on `clock`'s day: two people's
/// edits in one history.
#[allow(dead_code)]
pub fn open_as(
    db: &Path,
    who: &str,
    clock: plan_cockpit::domain::Clock,
) -> plan_cockpit::store::Store {
    state_home();
    open_with_author(db, who, true, clock).expect("open store")
}

fn open_with(
    db: &Path,
    seed: bool,
    clock: plan_cockpit::domain::Clock,
) -> plan_cockpit::store::Result<plan_cockpit::store::Store> {
    open_with_author(db, "planner", seed, clock)
}

fn open_with_author(
    db: &Path,
    author: &str,
    seed: bool,
    clock: plan_cockpit::domain::Clock,
) -> plan_cockpit::store::Result<plan_cockpit::store::Store> {
    let plan = || plan_cockpit::seed::plan_2023("2023-02-01T00:00:00Z", "planner");
    plan_cockpit::store::open(
        db,
        plan_cockpit::store::OpenOptions {
            author: author.into(),
            quick_check: false,
            read_only: false,
            seed: if seed { Some(&plan) } else { None },
            allow_network_fs: false,
            clock,
        },
    )
}

/// Answers the cockpit's questions to the plans worker, as the worker
/// would, until it has none (after `P`, or at start on a store of many).
pub fn answer_plans(app: &mut plan_cockpit::app::App) {
    while let Some(ask) = app.plans_wanted() {
        let store = open_store(&ask.open);
        let open = |place: &plan_cockpit::store::Location| Ok(open_store(place.path()));
        let read = plan_cockpit::app::plans_read::answer(Some(&store), &ask, &open);
        app.handle(plan_cockpit::app::event::Event::Plans(
            read.map_err(|e| e.to_string()),
        ));
    }
}

/// Types keys: plain characters, or names in angle brackets such as
/// `<Enter>`, `<Esc>`, `<Tab>`, `<BackTab>`, `<Down>`, `<Up>`, `<Home>`,
/// `<C-Left>`, `<C-s>` (Ctrl), `<A-b>` (Alt).
pub fn press(app: &mut plan_cockpit::app::App, keys: &str) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut chars = keys.chars().peekable();
    while let Some(c) = chars.next() {
        let ev = if c == '<' && chars.peek().is_some_and(char::is_ascii_alphabetic) {
            let name: String = chars.by_ref().take_while(|c| *c != '>').collect();
            named_key(&name)
        } else {
            let mods = if c.is_ascii_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            KeyEvent::new(KeyCode::Char(c), mods)
        };
        app.handle_key(ev);
    }
}

/// `<Enter>`, `<BackTab>`, `<C-Left>`, `<A-b>`: read by crokey, as the
/// settings file's keys are (`C-`/`A-` being its `ctrl-`/`alt-`), into the
/// event crossterm would deliver.
fn named_key(name: &str) -> crossterm::event::KeyEvent {
    let notation = match name.split_at_checked(2) {
        Some(("C-", key)) => format!("ctrl-{key}"),
        Some(("A-", key)) => format!("alt-{key}"),
        _ => name.to_ascii_lowercase(),
    };
    let combo = crokey::parse(&notation).unwrap_or_else(|_| panic!("unknown key <{name}>"));
    combo.into()
}

/// The screen the cockpit draws at `w`×`h`, as text.
#[allow(dead_code)]
pub fn screen(app: &plan_cockpit::app::App, w: u16, h: u16) -> String {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| plan_cockpit::ui::render(app, f)).unwrap();
    t.backend().to_string()
}

/// Goes to the high-tech milestone through search.
#[allow(dead_code)]
pub fn to_high_tech(app: &mut plan_cockpit::app::App) {
    press(app, "/国家级高新技术企业突破<Enter>");
    assert_eq!(app.layer(), plan_cockpit::app::keymap::Layer::Panes);
}

/// Brings a fresh cockpit to `layer`; returns whether it holds text the
/// planner typed and has not saved.
#[allow(dead_code)]
pub fn reach(layer: plan_cockpit::app::keymap::Layer) -> (Sandbox, plan_cockpit::app::App, bool) {
    use plan_cockpit::app::keymap::Layer;
    use plan_cockpit::i18n::Lang;
    state_home();
    let (sb, mut app) = cockpit(Lang::Zh);
    to_high_tech(&mut app);
    let unsaved = match layer {
        Layer::Panes => false,
        Layer::Search => {
            press(&mut app, "/东城");
            false
        }
        Layer::Form => {
            press(&mut app, "e<C-u>612");
            true
        }
        Layer::Menu => {
            press(&mut app, "s");
            false
        }
        Layer::Editor => {
            press(&mut app, "n半句备注");
            true
        }
        Layer::Confirm => {
            press(&mut app, "D");
            false
        }
        Layer::Explain => {
            press(&mut app, "x");
            false
        }
        Layer::Agenda => {
            press(&mut app, "A");
            false
        }
        Layer::Plans => {
            press(&mut app, "P");
            false
        }
        Layer::Log => {
            press(&mut app, "C");
            false
        }
        Layer::Compare => {
            sb.ok(&["baseline", "save", "年初"]);
            sb.ok(&["milestone", "set", "19", "--target", "620"]);
            press(&mut app, "B");
            false
        }
        Layer::Help => {
            press(&mut app, "?");
            false
        }
        Layer::History => {
            press(&mut app, "H");
            false
        }
        Layer::Conflict => {
            press(&mut app, "e<C-u>300");
            let mut other = open_store(&sb.db);
            let id = app.focused().unwrap().selected_milestone().unwrap().id;
            let change = plan_cockpit::domain::MilestoneChange {
                value: Some(plan_cockpit::domain::ValueChange::Set(280.0)),
                ..Default::default()
            };
            other.update_milestone(id, None, change, "cli").unwrap();
            press(&mut app, "<Enter>");
            true
        }
        Layer::Replaced => {
            press(&mut app, "n半句备注");
            let doc = plan_cockpit::seed::plan_2023("2023-03-01T00:00:00Z", "other");
            open_store(&sb.db)
                .replace_plan(doc.clone(), "test")
                .unwrap();
            app.refresh_if_changed();
            // The text went to a kept file; nothing is left to lose.
            false
        }
    };
    assert_eq!(app.layer(), layer);
    (sb, app, unsaved)
}

/// A copy of the binary at `dest`, for a test that runs it as another
/// user. Copied by `cp`, not by this process: a file this process held
/// open for writing could be inherited by a child another test thread
/// forks at that moment, and executing the copy would then fail with
/// "Text file busy" (seen in CI).
pub fn copy_bin(dest: &Path) {
    let status = Command::new("cp")
        .arg(BIN)
        .arg(dest)
        .status()
        .expect("run cp");
    assert!(status.success(), "cp {BIN} {}", dest.display());
}

/// Whether this test can act as root (mount, another user); says why not.
pub fn is_root(needs: &str) -> bool {
    let root = rustix::process::geteuid().is_root();
    if !root {
        eprintln!("not run: {needs} needs root (CI runs as root)");
    }
    root
}

/// A tmpfs of `size` (`4k`, `64k`) mounted at `dir`: a disk that fills up.
/// Unmounted when dropped.
pub struct SmallDisk(PathBuf);

impl SmallDisk {
    pub fn mount(dir: &Path, size: &str) -> SmallDisk {
        std::fs::create_dir_all(dir).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .status()
            .unwrap()
            .success();
        assert!(
            mounted,
            "mounting a small tmpfs at {} failed",
            dir.display()
        );
        SmallDisk(dir.to_owned())
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// The binary, copied where `nobody` may run it, run as `nobody` (setpriv)
/// on `db`: what another planner's account sees. The sandbox's folder is
/// opened to everyone first.
pub fn as_nobody(sb: &Sandbox) -> Command {
    use std::os::unix::fs::PermissionsExt;
    let dir = sb.dir.path();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    let bin = dir.join("plan-cockpit");
    if !bin.exists() {
        copy_bin(&bin);
    }
    let mut c = Command::new("setpriv");
    c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&bin)
        .arg("--db")
        .arg(&sb.db)
        .env("LANG", "C.UTF-8")
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("PLAN_COCKPIT_NOW", NOW);
    c
}

/// A store on `path` at the pinned clock, seeded with the 2023 plan when
/// `seed` (and the file is empty), not seeded otherwise: one side of a
/// round trip.
pub fn open_plain(path: &Path, seed: bool) -> plan_cockpit::store::Store {
    open_with(path, seed, test_clock()).unwrap()
}

/// The plan of `s` exported to JSON, imported into a new file at `into`
/// and exported again: both texts (a round trip gives the same twice), or
/// why the first did not import.
pub fn export_import_export(
    s: &plan_cockpit::store::Store,
    into: &Path,
) -> Result<(String, String), String> {
    use plan_cockpit::formats::json;
    let first = json::write(&s.load_plan().unwrap());
    let mut doc =
        json::read(first.as_bytes()).map_err(|p| format!("export does not parse: {p}"))?;
    plan_cockpit::domain::validate::prepare(&mut doc, "2030-01-01T00:00:00Z", "importer")
        .map_err(|p| format!("export refused by import: {p:?}"))?;
    let mut b = open_plain(into, false);
    b.replace_plan(doc, "round trip").unwrap();
    let second = json::write(&b.load_plan().unwrap());
    Ok((first, second))
}

/// Takes every formula's stored result out of the workbook at `path`, as
/// a program that writes formulas without calculating them saves it.
pub fn without_results(path: &std::path::Path) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().unwrap().into_owned();
        let mut body = Vec::new();
        part.read_to_end(&mut body).unwrap();
        if name.starts_with("xl/worksheets/") {
            let text = String::from_utf8(body).unwrap();
            body = text.replace("</f><v>0</v>", "</f>").into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&body).unwrap();
    }
    std::fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}
