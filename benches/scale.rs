//! The cockpit at city scale: every budget of issue 5, measured in release.
//!
//! `cargo bench` runs on a generated plan of 5,000 projects, 100,000
//! milestones, 1,000,000 notes and 300,000 readings, generated once and
//! cached outside the source tree (`$PLAN_COCKPIT_BENCH_CACHE`, else
//! `$XDG_CACHE_HOME/plan-cockpit-bench`, else `~/.cache/plan-cockpit-bench`).
//! `cargo test` runs each benchmark once on a small plan in a temporary
//! folder, so CI proves they work without spending minutes.
//! `PLAN_COCKPIT_BENCH_SIZE=small|large` overrides the choice.
//!
//! Criterion reports means; the budgets are per keystroke at p95, so the
//! interactive benchmarks also time every single keystroke and print
//! p50/p95/max at the end, with the bytes one `j` sends to the terminal.

// Test data and measurements are small numbers: casts here cannot wrap.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_possible_wrap
)]

mod common;
use common::{benchmarking, cache_dir, code, key, options};

use criterion::{BenchmarkId, Criterion};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use plan_cockpit::app::App;
use plan_cockpit::generate::{self, Size};
use plan_cockpit::i18n::Lang;
use plan_cockpit::store;
use plan_cockpit::term::frames::Frames;
use plan_cockpit::{domain, formats, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SEED: u64 = 2023;
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

const LARGE: Size = Size {
    projects: 5_000,
    milestones: 100_000,
    notes: 1_000_000,
    readings: 300_000,
};
const SMALL: Size = Size {
    projects: 60,
    milestones: 1_200,
    notes: 12_000,
    readings: 3_600,
};

/// Chinese substrings a planner might type, of every length the search
/// treats differently (1, 2, 3+ characters), common and absent ones, and
/// pinyin.
const QUERIES: &[&str] = &[
    "园",
    "园区",
    "协调会",
    "审批流程",
    "资金已拨付到位",
    "没有这个词语",
    // Pinyin, from Latin letters: two letters (the index's vocabulary),
    // initials, full pinyin, and letters that spell nothing there.
    "dc",
    "znzz",
    "zhinengzhizao",
    "qqqqqq",
];

/// Every single keystroke timed, by benchmark, for the percentiles.
static TIMES: Mutex<BTreeMap<String, Vec<Duration>>> = Mutex::new(BTreeMap::new());

/// Which engine the keystrokes being timed go to: "" for the file,
/// "postgres " for a server, put before each operation's name.
static ENGINE: Mutex<&str> = Mutex::new("");

fn record(name: &str, d: Duration) {
    let engine = *ENGINE.lock().unwrap();
    TIMES
        .lock()
        .unwrap()
        .entry(format!("{engine}{name}"))
        .or_default()
        .push(d);
}

fn chosen_size() -> (&'static str, Size) {
    match std::env::var("PLAN_COCKPIT_BENCH_SIZE").as_deref() {
        Ok("large") => ("large", LARGE),
        Ok("small") => ("small", SMALL),
        _ if benchmarking() => ("large", LARGE),
        _ => ("small", SMALL),
    }
}

/// The generated plan at `dir`, made if missing. Written under a temporary
/// name and renamed, so an interrupted run never leaves half a plan that a
/// later run would trust.
fn plan_in(dir: &Path, size: &Size) -> PathBuf {
    std::fs::create_dir_all(dir).expect("cache folder");
    let name = format!(
        "plan-p{}-m{}-n{}-r{}-seed{SEED}-schema{}.db",
        size.projects,
        size.milestones,
        size.notes,
        size.readings,
        store::latest_version()
    );
    let path = dir.join(name);
    if path.exists() {
        return path;
    }
    let tmp = dir.join(format!("generating-{}.db", std::process::id()));
    eprintln!("generating the benchmark plan into {} …", path.display());
    let started = Instant::now();
    {
        let mut s = store::open(&tmp, options()).expect("open the new plan");
        s.replace_plan(generate::plan(size, SEED), "the benchmark plan")
            .expect("write the plan");
    }
    std::fs::rename(&tmp, &path).expect("rename the plan");
    eprintln!("… in {:.1} s", started.elapsed().as_secs_f64());
    path
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

struct Cockpit {
    app: App,
    term: Terminal<TestBackend>,
}

impl Cockpit {
    fn open(db: &Path) -> Cockpit {
        let store = store::open(db, options()).expect("open the plan");
        let mut app = App::new(store, Lang::Zh).expect("start the cockpit");
        app.resize(WIDTH, HEIGHT);
        let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
        term.draw(|f| ui::render(&app, f)).unwrap();
        Cockpit { app, term }
    }

    /// One keystroke as the terminal loop handles it: update, then draw.
    fn press(&mut self, k: KeyEvent) {
        self.app.handle_key(k);
        self.term.draw(|f| ui::render(&self.app, f)).unwrap();
    }

    fn timed(&mut self, name: &str, k: KeyEvent) -> Duration {
        let t = Instant::now();
        self.press(k);
        let d = t.elapsed();
        record(name, d);
        d
    }

    fn at_end(&self) -> bool {
        self.app
            .focused()
            .is_some_and(|p| p.projects.sel + 1 >= p.projects.total)
    }
}

fn interactive(c: &mut Criterion, db: &Path, label: &str) {
    let mut g = c.benchmark_group(format!("cockpit-{label}"));

    g.bench_function("open_and_first_frame_120x40", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                let cockpit = Cockpit::open(db);
                let d = t.elapsed();
                record("open_and_first_frame_120x40", d);
                total += d;
                drop(cockpit);
            }
            total
        });
    });

    let mut ck = Cockpit::open(db);
    g.bench_function("j_to_frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                if ck.at_end() {
                    ck.press(key('g'));
                }
                total += ck.timed("j_to_frame", key('j'));
            }
            total
        });
    });
    // The agenda over the whole plan: two indexed range reads and an
    // undated scan, at most 500 rows a section, then the popup drawn.
    g.bench_function("agenda_open", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                total += ck.timed("agenda_open", key('A'));
                ck.press(code(KeyCode::Esc));
            }
            total
        });
    });
    g.bench_function("explain_x", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                total += ck.timed("explain_x", key('x'));
                ck.press(code(KeyCode::Esc));
            }
            total
        });
    });
    // The whole pane's weakest 200 by the stored progress, then the popup.
    g.bench_function("explain_pane_X", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                total += ck.timed("explain_pane_X", key('X'));
                ck.press(code(KeyCode::Esc));
            }
            total
        });
    });
    // L → the next lens's panes read (groups with their roll-ups, a window
    // of projects each) and drawn; four presses go round all four lenses.
    g.bench_function("lens_switch_L", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                total += ck.timed("lens_switch_L", key('L'));
            }
            total
        });
    });
    while ck.app.lens != plan_cockpit::domain::lens::Lens::Directions {
        ck.press(key('L'));
    }
    // The headings' light counts, as the worker makes them (off the
    // keyboard's path: measured for how soon they appear, not a keystroke).
    let counter = store::open(db, options()).expect("open the plan");
    g.bench_function("light_counts_worker", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let ask = plan_cockpit::app::lights::Ask {
                    lens: plan_cockpit::domain::lens::Lens::Directions,
                    today: jiff::civil::date(2023, 7, 15),
                    plan_year: 2023,
                    seen: 0,
                    wrote: 0,
                };
                let t = Instant::now();
                let counts = plan_cockpit::app::lights::count(&counter, ask).expect("count");
                let d = t.elapsed();
                assert!(!counts.by_group.is_empty());
                record("light_counts_worker", d);
                total += d;
            }
            total
        });
    });
    g.bench_function("drill_in_enter", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                total += ck.timed("drill_in_enter", code(KeyCode::Enter));
                ck.press(code(KeyCode::Esc));
                if ck.at_end() {
                    ck.press(key('g'));
                }
                ck.press(key('j'));
            }
            total
        });
    });
    g.bench_function("drill_out_esc", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                ck.press(code(KeyCode::Enter));
                total += ck.timed("drill_out_esc", code(KeyCode::Esc));
                if ck.at_end() {
                    ck.press(key('g'));
                }
                ck.press(key('j'));
            }
            total
        });
    });

    // Saving a value: `e`, the number, Enter — Enter is timed: the
    // version-checked write with its history and reading, the reload of
    // what is on screen, and the frame.
    ck.press(key('g'));
    ck.press(code(KeyCode::Enter));
    while !ck
        .app
        .focused()
        .and_then(|p| p.selected_milestone())
        .is_some_and(|m| m.kind == domain::Kind::Numeric)
    {
        // The first project's milestones hold a numeric one (the generator
        // makes most of them numeric); step to it, or to the next project.
        ck.press(key('j'));
        let stuck = ck
            .app
            .focused()
            .and_then(|p| p.open.as_ref())
            .is_none_or(|o| o.milestones.sel + 1 >= o.milestones.total);
        if stuck {
            ck.press(code(KeyCode::Esc));
            ck.press(key('j'));
            ck.press(code(KeyCode::Enter));
        }
    }
    let mut value = 0u64;
    g.bench_function("save_milestone_value", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                value += 1;
                ck.press(key('e'));
                ck.press(ctrl('u'));
                for ch in value.to_string().chars() {
                    ck.press(key(ch));
                }
                total += ck.timed("save_milestone_value", code(KeyCode::Enter));
            }
            total
        });
    });
    ck.press(code(KeyCode::Esc));

    // One search keystroke: the query's last character, with the results
    // drawn; the rest of the query is typed untimed before each.
    ck.press(key('/'));
    for q in QUERIES {
        let chars: Vec<char> = q.chars().collect();
        let (last, prefix) = chars.split_last().unwrap();
        let name = format!("search_keystroke/{q}");
        g.bench_with_input(BenchmarkId::new("search_keystroke", q), q, |b, _| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    ck.press(ctrl('u'));
                    for ch in prefix {
                        ck.press(key(*ch));
                    }
                    total += ck.timed(&name, key(*last));
                }
                total
            });
        });
    }
    ck.press(code(KeyCode::Esc));
    g.finish();
    eprintln!("bytes one j sends at {WIDTH}x{HEIGHT}: {}", bytes_for_j(db));
    eprintln!(
        "peak RSS of a cockpit session (open, 3,000 × j, G, drill in and out, search): {} KiB",
        session_peak_rss(db)
    );
}

const RSS_CHILD: &str = "PLAN_COCKPIT_BENCH_RSS_OF";

/// Peak memory of a cockpit session on the plan, in a fresh process of
/// this same binary: this one has generated plans and kept timings.
fn session_peak_rss(db: &Path) -> String {
    let out = std::env::current_exe()
        .and_then(|exe| std::process::Command::new(exe).env(RSS_CHILD, db).output());
    match out {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).trim().to_owned(),
        Ok(o) => format!("unknown ({})", String::from_utf8_lossy(&o.stderr).trim()),
        Err(e) => format!("unknown ({e})"),
    }
}

fn rss_session(db: &Path) {
    let mut ck = Cockpit::open(db);
    for _ in 0..3_000 {
        ck.press(key('j'));
    }
    ck.press(key('G'));
    for k in [
        code(KeyCode::Enter),
        code(KeyCode::Enter),
        code(KeyCode::Esc),
    ] {
        ck.press(k);
    }
    ck.press(code(KeyCode::Esc));
    ck.press(key('/'));
    for ch in "审批流程".chars() {
        ck.press(key(ch));
    }
    ck.press(code(KeyCode::Enter));
    println!("{}", peak_rss_kib());
}

/// What one `j` writes to a terminal at 120×40: ratatui's diff of two
/// frames through the crossterm backend (the running cockpit adds the two
/// 8-byte synchronized-update brackets).
/// Bytes each of up to 200 `j` presses that move the selection sends at
/// 120×40, through the cockpit's own frame writer (brackets, cursor and
/// all): median, p95 and max.
fn bytes_for_j(db: &Path) -> String {
    let store = store::open(db, options()).unwrap();
    let mut app = App::new(store, Lang::En).unwrap();
    app.resize(WIDTH, HEIGHT);
    let sent = Arc::new(AtomicUsize::new(0));
    let area = ratatui::layout::Rect::new(0, 0, WIDTH, HEIGHT);
    let mut frames = Frames::fixed(Count(sent.clone()), area).unwrap();
    frames.draw(&app).unwrap();
    let moves = app.panes[app.focus]
        .projects
        .total
        .saturating_sub(1)
        .clamp(1, 200);
    let mut each: Vec<usize> = (0..moves)
        .map(|_| {
            let before = sent.load(Ordering::Relaxed);
            app.handle_key(key('j'));
            frames.draw(&app).unwrap();
            sent.load(Ordering::Relaxed) - before
        })
        .collect();
    each.sort_unstable();
    format!(
        "median {} B, p95 {} B, max {} B",
        each[each.len() / 2],
        each[each.len() * 95 / 100],
        each[each.len() - 1]
    )
}

/// A terminal that only counts what it is sent.
struct Count(Arc<AtomicUsize>);

impl std::io::Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// Runs the command line (`plan-cockpit` itself: `cli::main`) in this
/// process, then says its peak memory on stderr: what a planner's command
/// costs, measured where no benchmark's own memory counts.
const CLI_CHILD: &str = "PLAN_COCKPIT_BENCH_CLI";

fn cli_child() -> std::process::ExitCode {
    let code = plan_cockpit::cli::main();
    eprintln!("peak-rss-kib {}", peak_rss_kib());
    code
}

/// `plan-cockpit ARGS` in a child process: its time and peak RSS (KiB).
fn cli_run(args: &[&std::ffi::OsStr]) -> (Duration, u64) {
    let t = Instant::now();
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .env(CLI_CHILD, "1")
        .env("LANG", "zh_CN.UTF-8")
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("run the command");
    let d = t.elapsed();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {said}");
    let kib = said
        .lines()
        .find_map(|l| l.strip_prefix("peak-rss-kib "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    (d, kib)
}

/// The whole-plan commands as a planner runs them, each in a process of
/// its own, with its peak memory: `export` in each format, `milestone
/// list` (every milestone, a line each), `import` of the JSON export into
/// a new file and over the plan (`--replace`, which backs it up first),
/// `backup` and `check`. Budgets: export ≤ 5 s and ≤ 200 MB, import ≤ 10 s
/// and ≤ 300 MB, list ≤ 50 MB.
fn whole_plan(c: &mut Criterion, db: &Path, scratch: &Path, label: &str) {
    let mut g = c.benchmark_group(format!("whole-plan-{label}"));
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(100));
    g.measurement_time(Duration::from_secs(1));
    let json = scratch.join("plan.json");
    let os = |s: &'static str| std::ffi::OsStr::new(s);
    let mut peaks: BTreeMap<String, u64> = BTreeMap::new();
    let mut bench = |g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
                     name: &str,
                     args: &dyn Fn(usize) -> Vec<std::ffi::OsString>,
                     after: &dyn Fn(usize)| {
        let mut n = 0;
        let mut peak = 0;
        g.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    n += 1;
                    let owned = args(n);
                    let refs: Vec<&std::ffi::OsStr> =
                        owned.iter().map(std::ffi::OsString::as_os_str).collect();
                    let (d, kib) = cli_run(&refs);
                    after(n);
                    record(name, d);
                    peak = u64::max(peak, kib);
                    total += d;
                }
                total
            });
        });
        peaks.insert(name.to_owned(), peak);
    };
    let db_args = |rest: &[&std::ffi::OsStr]| {
        let mut v: Vec<std::ffi::OsString> = vec!["--db".into(), db.as_os_str().to_owned()];
        v.extend(rest.iter().map(|a| a.to_os_string()));
        v
    };
    for (name, format, to) in [
        ("export_json", "json", json.clone()),
        ("export_csv", "csv", scratch.join("plan.csv")),
        ("export_markdown", "markdown", scratch.join("plan.md")),
    ] {
        bench(
            &mut g,
            name,
            &|_| {
                db_args(&[
                    os("export"),
                    os("--format"),
                    os(format),
                    os("-o"),
                    to.as_os_str(),
                ])
            },
            &|_| {},
        );
    }
    bench(
        &mut g,
        "milestone_list",
        &|_| db_args(&[os("milestone"), os("list")]),
        &|_| {},
    );
    bench(&mut g, "check", &|_| db_args(&[os("check")]), &|_| {});
    let copy = |n: usize| scratch.join(format!("backup-{n}.db"));
    bench(
        &mut g,
        "backup",
        &|n| db_args(&[os("backup"), copy(n).as_os_str()]),
        &|n| {
            let _ = std::fs::remove_file(copy(n));
        },
    );
    // The imports read the JSON export; made here when a filter left the
    // export's benchmark out.
    if !json.exists() {
        let args = db_args(&[os("export"), os("-o"), json.as_os_str()]);
        let refs: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsString::as_os_str).collect();
        cli_run(&refs);
    }
    let target = |n: usize| scratch.join(format!("imported-{n}.db"));
    bench(
        &mut g,
        "import_json",
        &|n| {
            vec![
                "--db".into(),
                target(n).into_os_string(),
                "import".into(),
                json.clone().into_os_string(),
                "--max-size".into(),
                "4096".into(),
            ]
        },
        &|n| {
            for suffix in ["", "-wal", "-shm", ".lock"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", target(n).display()));
            }
        },
    );
    // A planner's usual import: over the plan already there, which is
    // first backed up. The copy it replaces is made outside the timing.
    let replaced = |n: usize| scratch.join(format!("replace-{n}.db"));
    bench(
        &mut g,
        "import_json_replace",
        &|n| {
            std::fs::copy(db, replaced(n)).expect("a copy of the plan to replace");
            vec![
                "--db".into(),
                replaced(n).into_os_string(),
                "import".into(),
                "--replace".into(),
                json.clone().into_os_string(),
                "--max-size".into(),
                "4096".into(),
            ]
        },
        &|n| {
            let prefix = format!("replace-{n}.db");
            for entry in std::fs::read_dir(scratch).into_iter().flatten().flatten() {
                if entry.file_name().to_string_lossy().starts_with(&prefix) {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        },
    );
    g.finish();
    for (name, kib) in peaks {
        eprintln!("peak RSS of {name}: {kib} KiB");
    }
}

const REPORT_CHILD: &str = "PLAN_COCKPIT_BENCH_REPORT_OF";

/// One report, as `plan-cockpit report` makes it, in a fresh process of
/// this binary (its format in `PLAN_COCKPIT_BENCH_REPORT_FORMAT`, written
/// to `PLAN_COCKPIT_BENCH_REPORT_TO`); prints its time in ms and its peak
/// memory in KiB.
fn report_child(db: &Path) {
    let format = std::env::var("PLAN_COCKPIT_BENCH_REPORT_FORMAT").unwrap_or_default();
    let to = std::env::var_os("PLAN_COCKPIT_BENCH_REPORT_TO").expect("where to write");
    let t = Instant::now();
    let clock = domain::Clock::system();
    let s = store::open(db, options()).expect("open the plan");
    let today = clock.today();
    let period = domain::report::Period {
        as_of: today,
        since: today.checked_sub(jiff::Span::new().days(7)).unwrap(),
        plan_year: 2023,
        next_days: 30,
    };
    let report = s
        .snapshot(|s| {
            plan_cockpit::cli::report::build(
                s,
                Lang::Zh,
                &period,
                plan_cockpit::cli::report::By::Program,
                None,
                &clock,
            )
        })
        .expect("build the report");
    let file = std::fs::File::create(&to).expect("the report file");
    let mut out = std::io::BufWriter::new(file);
    match format.as_str() {
        "html" => formats::report_html::html(&report, Lang::Zh, &clock, &mut out).unwrap(),
        "xlsx" => formats::report_xlsx::xlsx(&report, Lang::Zh, &clock, &mut out).unwrap(),
        "docx" => formats::report_docx::docx(&report, Lang::Zh, &clock, &mut out).unwrap(),
        _ => formats::report::markdown(&report, Lang::Zh, &clock, &mut out).unwrap(),
    }
    std::io::Write::flush(&mut out).unwrap();
    println!("{} {}", t.elapsed().as_millis(), peak_rss_kib());
}

/// The weekly report of the whole plan, each in a process of its own so
/// that its peak memory is its own (budget: ≤ 10 s, ≤ 200 MB).
fn reports(c: &mut Criterion, db: &Path, scratch: &Path, label: &str) {
    let mut g = c.benchmark_group(format!("report-{label}"));
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(100));
    g.measurement_time(Duration::from_secs(1));
    for format in ["markdown", "html", "docx", "xlsx"] {
        let name = format!("report_{format}");
        let mut peak = 0u64;
        g.bench_function(&name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let out = std::process::Command::new(std::env::current_exe().unwrap())
                        .env(REPORT_CHILD, db)
                        .env("PLAN_COCKPIT_BENCH_REPORT_FORMAT", format)
                        .env(
                            "PLAN_COCKPIT_BENCH_REPORT_TO",
                            scratch.join(format!("report.{format}")),
                        )
                        .output()
                        .expect("run the report");
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                    let said = String::from_utf8_lossy(&out.stdout);
                    let mut it = said
                        .split_whitespace()
                        .map(|n| n.parse::<u64>().unwrap_or(0));
                    let (ms, kib) = (it.next().unwrap_or(0), it.next().unwrap_or(0));
                    let d = Duration::from_millis(ms);
                    record(&name, d);
                    peak = peak.max(kib);
                    total += d;
                }
                total
            });
        });
        eprintln!("peak RSS of {name}: {peak} KiB");
    }
    g.finish();
}

/// The PostgreSQL database the benchmarks also run on: the one
/// `PLAN_COCKPIT_BENCH_PG` names (`cargo bench`), or, in a test run with a
/// test server (`PLAN_COCKPIT_TEST_PG`, CI), a database made for this run
/// and dropped after it. None: the file only.
struct BenchServer {
    url: String,
    /// (server, database) to drop at the end, for a database made here.
    made: Option<(String, String)>,
}

impl BenchServer {
    fn find() -> Option<BenchServer> {
        let given = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        if let Some(url) = given("PLAN_COCKPIT_BENCH_PG") {
            return Some(BenchServer { url, made: None });
        }
        let admin = given("PLAN_COCKPIT_TEST_PG").filter(|_| !benchmarking())?;
        let name = format!("pc_bench_{}", std::process::id());
        let mut c = postgres::Client::connect(&admin, postgres::NoTls).expect("the test server");
        c.batch_execute(&format!(
            "CREATE DATABASE {name} LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0"
        ))
        .expect("a database for the benchmarks");
        let kept: Vec<&str> = admin
            .split_whitespace()
            .filter(|w| !w.starts_with("dbname="))
            .collect();
        let url = format!("{} dbname={name}", kept.join(" "));
        Some(BenchServer {
            url,
            made: Some((admin, name)),
        })
    }

    /// Copies the file's plan in, unless the server holds it already (the
    /// same identity: the large plan is copied once, in about 25 s).
    fn holding(&self, db: &Path) -> &Path {
        let file = store::open(db, options()).expect("open the plan");
        let same = store::open(Path::new(&self.url), options())
            .ok()
            .is_some_and(|s| s.plan_seen() == file.plan_seen());
        drop(file);
        if !same {
            let (d, _) = cli_run(&[
                "migrate".as_ref(),
                "--from".as_ref(),
                db.as_os_str(),
                "--to".as_ref(),
                self.url.as_ref(),
                "--replace".as_ref(),
            ]);
            eprintln!("copied the plan to PostgreSQL in {d:.1?}");
        }
        Path::new(&self.url)
    }
}

impl Drop for BenchServer {
    fn drop(&mut self) {
        if let Some((admin, name)) = &self.made
            && let Ok(mut c) = postgres::Client::connect(admin, postgres::NoTls)
        {
            let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

fn percentiles() {
    let times = TIMES.lock().unwrap();
    eprintln!(
        "\nper single operation ({} measurements kept):",
        times.len()
    );
    eprintln!(
        "{:<40} {:>8} {:>10} {:>10} {:>10}",
        "operation", "n", "p50 ms", "p95 ms", "max ms"
    );
    for (name, ds) in times.iter() {
        let mut ms: Vec<f64> = ds.iter().map(|d| d.as_secs_f64() * 1e3).collect();
        ms.sort_by(f64::total_cmp);
        let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
        eprintln!(
            "{} {:>8} {:>10.3} {:>10.3} {:>10.3}",
            plan_cockpit::ui::width::pad(name, 40),
            ms.len(),
            at(0.5),
            at(0.95),
            ms[ms.len() - 1]
        );
    }
}

fn main() -> std::process::ExitCode {
    if std::env::var_os(CLI_CHILD).is_some() {
        return cli_child();
    }
    if let Some(db) = std::env::var_os(RSS_CHILD) {
        rss_session(Path::new(&db));
        return std::process::ExitCode::SUCCESS;
    }
    if let Some(db) = std::env::var_os(REPORT_CHILD) {
        report_child(Path::new(&db));
        return std::process::ExitCode::SUCCESS;
    }
    let (label, size) = chosen_size();
    // Benchmarks reuse the cached plan; a test run keeps everything in a
    // temporary folder.
    let scratch = tempfile::tempdir().expect("temporary folder");
    let dir = if benchmarking() {
        cache_dir()
    } else {
        scratch.path().to_owned()
    };
    let db = plan_in(&dir, &size);
    let mut c = Criterion::default().configure_from_args();
    interactive(&mut c, &db, label);
    // The same keystrokes on PostgreSQL over a local socket (issue 16).
    if let Some(server) = BenchServer::find() {
        let on_server = server.holding(&db);
        *ENGINE.lock().unwrap() = "postgres ";
        interactive(&mut c, on_server, &format!("{label}-postgres"));
        *ENGINE.lock().unwrap() = "";
    }
    whole_plan(&mut c, &db, scratch.path(), label);
    reports(&mut c, &db, scratch.path(), label);
    c.final_summary();
    percentiles();
    std::process::ExitCode::SUCCESS
}
