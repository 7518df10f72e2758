//! A city in one store (issue 27): every unit's plans of several years in
//! a folder of plan files, and the keystrokes that cross plans — `P` with
//! the plans side by side, `c` the 城市 view, opening another plan — beside
//! the ones inside a plan of the city (first frame, `j`, a save).
//!
//! `cargo bench --bench city` runs on 32 units × 3 years × 5,000 milestones
//! and 50,000 notes a plan (480,000 milestones, 4,800,000 notes), made once
//! with `generate --units --years` and cached beside the large plan
//! (`$PLAN_COCKPIT_BENCH_CACHE`, else `~/.cache/plan-cockpit-bench`);
//! `PLAN_COCKPIT_BENCH_CITY=small` takes 8 units × 2 years × 1,000. `cargo
//! test` runs each measurement a few times on 3 × 2 tiny plans in a
//! temporary folder, so CI proves it works. Per operation p50/p95/max.

#![allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]

mod common;
use common::{benchmarking, cache_dir, code, key, options};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use plan_cockpit::app::App;
use plan_cockpit::i18n::Lang;
use plan_cockpit::store;
use plan_cockpit::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

struct City {
    label: &'static str,
    units: u32,
    years: u32,
    projects: u32,
    milestones: u32,
    notes: u32,
}

const FULL: City = City {
    label: "city",
    units: 32,
    years: 3,
    projects: 250,
    milestones: 5_000,
    notes: 50_000,
};
const SMALL: City = City {
    label: "city-small",
    units: 8,
    years: 2,
    projects: 50,
    milestones: 1_000,
    notes: 10_000,
};
const TINY: City = City {
    label: "city-tiny",
    units: 3,
    years: 2,
    projects: 5,
    milestones: 40,
    notes: 80,
};

/// The city's folder under `dir`, generated if missing (into a folder of
/// another name, renamed when complete, so a run cut short is never
/// trusted).
fn city_in(dir: &Path, c: &City) -> PathBuf {
    let name = format!(
        "city-u{}-y{}-p{}-m{}-n{}-schema{}",
        c.units,
        c.years,
        c.projects,
        c.milestones,
        c.notes,
        store::latest_version()
    );
    let path = dir.join(name);
    if path.is_dir() {
        return path;
    }
    let tmp = dir.join(format!("generating-city-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("a folder for the city");
    eprintln!("generating the city into {} …", path.display());
    let started = Instant::now();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan-cockpit"))
        .arg("--db")
        .arg(&tmp)
        .args(["generate", "--units", &c.units.to_string()])
        .args(["--years", &c.years.to_string()])
        .args(["--projects", &c.projects.to_string()])
        .args(["--milestones", &c.milestones.to_string()])
        .args(["--notes", &c.notes.to_string()])
        .env("PLAN_COCKPIT_NOW", "2023-11-20T10:00:00+08:00")
        .output()
        .expect("run generate");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::rename(&tmp, &path).expect("rename the city");
    eprintln!("… in {:.1} s", started.elapsed().as_secs_f64());
    path
}

struct Cockpit {
    app: App,
    term: Terminal<TestBackend>,
}

impl Cockpit {
    /// A plan of the city opened as the cockpit opens it, to its first
    /// frame at 120×40.
    fn open(city: &Path, plan: &Path) -> Cockpit {
        let s = store::open(plan, options()).expect("open a plan of the city");
        let mut app = App::new(s, Lang::Zh).expect("start the cockpit");
        app.plans_folder = Some(city.to_path_buf());
        app.resize(120, 40);
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        term.draw(|f| ui::render(&app, f)).unwrap();
        Cockpit { app, term }
    }

    fn press(&mut self, k: KeyEvent) -> Duration {
        let t = Instant::now();
        self.app.handle_key(k);
        self.term.draw(|f| ui::render(&self.app, f)).unwrap();
        t.elapsed()
    }
}

#[derive(Default)]
struct Times(BTreeMap<String, Vec<Duration>>);

impl Times {
    fn add(&mut self, name: &str, d: Duration) {
        self.0.entry(name.to_owned()).or_default().push(d);
    }

    fn print(&self, label: &str) {
        eprintln!("\n{label}: per single operation");
        eprintln!(
            "{:<44} {:>6} {:>10} {:>10} {:>10}",
            "operation", "n", "p50 ms", "p95 ms", "max ms"
        );
        for (name, ds) in &self.0 {
            let mut ms: Vec<f64> = ds.iter().map(|d| d.as_secs_f64() * 1e3).collect();
            ms.sort_by(f64::total_cmp);
            let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
            eprintln!(
                "{:<44} {:>6} {:>10.3} {:>10.3} {:>10.3}",
                name,
                ms.len(),
                at(0.5),
                at(0.95),
                ms[ms.len() - 1]
            );
        }
    }
}

fn main() {
    let city = match std::env::var("PLAN_COCKPIT_BENCH_CITY").as_deref() {
        Ok("small") => &SMALL,
        Ok("tiny") => &TINY,
        _ if benchmarking() => &FULL,
        _ => &TINY,
    };
    let scratch = tempfile::tempdir().expect("temporary folder");
    let dir = if benchmarking() {
        cache_dir()
    } else {
        scratch.path().to_owned()
    };
    std::fs::create_dir_all(&dir).expect("cache folder");
    let folder = city_in(&dir, city);
    let plans: Vec<PathBuf> = store::folder_plans(&folder)
        .expect("the city's plans")
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(plans.len(), (city.units * city.years) as usize);
    let rounds = if benchmarking() { 30 } else { 3 };
    let mut t = Times::default();
    let today = "2024-03-20";

    // The plans side by side, as `P` reads them: every plan of the city —
    // each file opened and counted (a day not asked before), then again
    // (the files unchanged: what was read is kept).
    for i in 0..rounds {
        let day = format!("2024-02-{:02}", 1 + i % 28);
        let s = Instant::now();
        let all = store::folder_standings(&folder, &plans[0], &day).expect("standings");
        t.add("city: every plan's standing, first read", s.elapsed());
        assert_eq!(all.len(), plans.len());
        let s = Instant::now();
        store::folder_standings(&folder, &plans[0], &day).expect("standings");
        t.add("city: every plan's standing, again", s.elapsed());
    }
    // Opening another plan, as Enter in `P` does: the store, the cockpit,
    // its first frame.
    for plan in plans.iter().take(rounds.max(10)) {
        let s = Instant::now();
        let ck = Cockpit::open(&folder, plan);
        t.add("switch: open another plan to its first frame", s.elapsed());
        drop(ck);
    }
    let mut ck = Cockpit::open(&folder, &plans[plans.len() / 2]);
    for _ in 0..rounds {
        // `P`: the overlay at once with the last answer, then the worker's
        // fresh one (answered here as the worker answers) drawn.
        t.add("P: the plans side by side drawn", ck.press(key('P')));
        let s = Instant::now();
        while let Some(ask) = ck.app.plans_wanted() {
            let open = |place: &store::Location| store::open(place, options());
            let read = plan_cockpit::app::plans_read::answer(None, &ask, &open);
            ck.app.handle(plan_cockpit::app::event::Event::Plans(
                read.map_err(|e| e.to_string()),
            ));
        }
        ck.term.draw(|f| ui::render(&ck.app, f)).unwrap();
        t.add("P: the worker's answer drawn", s.elapsed());
        t.add("c: the 城市 view drawn", ck.press(key('c')));
        ck.press(code(KeyCode::Esc));
    }
    for _ in 0..rounds * 20 {
        t.add("j in a plan of the city", ck.press(key('j')));
    }
    // A value saved in a plan of the city: to the first milestone.
    ck.press(code(KeyCode::Enter));
    for i in 0..rounds {
        ck.press(key('e'));
        ck.press(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        for c in (i + 1).to_string().chars() {
            ck.press(key(c));
        }
        t.add(
            "save a value in a plan of the city",
            ck.press(code(KeyCode::Enter)),
        );
    }
    // The same city on PostgreSQL, when `PLAN_COCKPIT_BENCH_CITY_PG` names
    // a database holding one (`generate --units --years --db postgres://…`):
    // every plan's standing in three statements, and opening another plan.
    if let Ok(url) = std::env::var("PLAN_COCKPIT_BENCH_CITY_PG") {
        // A fresh connection each time (the first `P` of a cockpit: the
        // server loads each plan's tables into its catalog cache) …
        let mut places = Vec::new();
        for _ in 0..rounds {
            let s = Instant::now();
            let all = store::postgres::standings_on(&url, today).expect("the server's plans");
            t.add("server: every plan's standing, new connection", s.elapsed());
            places = all.into_iter().filter_map(|s| s.place).collect();
        }
        // … and on the cockpit's own connection, as `P` asks again.
        let first = places.first().expect("a plan on the server").clone();
        let on = store::open(first.path(), options()).expect("a plan on the server");
        for _ in 0..rounds {
            let s = Instant::now();
            on.plan_standings(today).expect("the server's plans");
            t.add("server: every plan's standing, again", s.elapsed());
        }
        drop(on);
        for place in places.iter().take(rounds.max(10)) {
            let s = Instant::now();
            let ck = Cockpit::open(&folder, place.path());
            t.add("server: open another plan to its first frame", s.elapsed());
            drop(ck);
        }
    }
    t.print(city.label);
}
