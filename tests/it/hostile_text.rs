//! No text in the plan can take over a planner's terminal. A plan full of
//! escape sequences, C1 bytes, bidi overrides, zero-width characters, 10,000
//! combining marks and emoji sequences, plus the dirty source text as
//! received, is imported, then shown on every screen at 80×24 and 1×1
//! through crossterm: parsing the bytes with `vte` finds nothing but our own
//! cursor moves and colours. Every CLI path is checked the same way.

// Test data and measurements are small numbers: casts here cannot wrap.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_possible_wrap
)]

use crate::common;

use common::{Sandbox, fixture, press};
use plan_cockpit::app::App;
use plan_cockpit::i18n::Lang;
use plan_cockpit::ui;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// What the bytes did, beyond printing ordinary text.
#[derive(Default, Debug)]
struct Seen {
    csi: Vec<String>,
    other: Vec<String>,
    printed_bad: Vec<char>,
}

impl vte::Perform for Seen {
    fn print(&mut self, c: char) {
        let invisible = matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}');
        if invisible || ('\u{80}'..='\u{9f}').contains(&c) {
            self.printed_bad.push(c);
        }
    }
    fn execute(&mut self, byte: u8) {
        self.other.push(format!("C0/C1 {byte:#04x}"));
    }
    fn hook(&mut self, _: &vte::Params, _: &[u8], _: bool, action: char) {
        self.other.push(format!("DCS {action}"));
    }
    fn osc_dispatch(&mut self, params: &[&[u8]], _: bool) {
        self.other.push(format!(
            "OSC {:?}",
            params
                .first()
                .map(|p| String::from_utf8_lossy(p).into_owned())
        ));
    }
    fn csi_dispatch(&mut self, params: &vte::Params, intermediates: &[u8], _: bool, action: char) {
        let p: Vec<String> = params.iter().map(|x| format!("{x:?}")).collect();
        self.csi.push(format!(
            "{}{}{action}",
            String::from_utf8_lossy(intermediates),
            p.join(";")
        ));
    }
    fn esc_dispatch(&mut self, _: &[u8], _: bool, byte: u8) {
        self.other.push(format!("ESC {}", byte as char));
    }
}

fn parse(bytes: &[u8]) -> Seen {
    let mut seen = Seen::default();
    vte::Parser::new().advance(&mut seen, bytes);
    seen
}

/// Terminal output may hold only what the renderer itself writes: cursor
/// moves (CSI H), colours and attributes (CSI m), cursor show/hide.
fn assert_only_ours(what: &str, bytes: &[u8]) {
    let seen = parse(bytes);
    assert!(seen.other.is_empty(), "{what}: {:?}", seen.other);
    assert!(
        seen.printed_bad.is_empty(),
        "{what}: printed {:?}",
        seen.printed_bad
    );
    for c in &seen.csi {
        let ours = c.ends_with('H') || c.ends_with('m') || c == "?[25]h" || c == "?[25]l";
        assert!(ours, "{what}: CSI {c} did not come from the renderer");
    }
}

/// CLI output may hold text and newlines, nothing else.
fn assert_plain(what: &str, bytes: &[u8]) {
    let seen = parse(bytes);
    let other: Vec<&String> = seen.other.iter().filter(|o| *o != "C0/C1 0x0a").collect();
    assert!(
        other.is_empty() && seen.csi.is_empty(),
        "{what}: {other:?} {:?}",
        seen.csi
    );
    assert!(
        seen.printed_bad.is_empty(),
        "{what}: printed {:?}",
        seen.printed_bad
    );
}

fn hostile() -> Vec<String> {
    let zalgo = format!("x{}", "\u{301}".repeat(10_000));
    vec![
        "标题\u{1b}]0;pwned\u{7}尾".into(),
        "复制\u{1b}]52;c;ZXZpbA==\u{7}".into(),
        "清屏\u{1b}[2J\u{1b}[31m红\u{1b}[0m".into(),
        "设备\u{1b}P1$r0m\u{1b}\\".into(),
        "C1\u{9b}31m\u{90}x\u{9d}0;t\u{9c}".into(),
        "铃\u{7}空\u{0}".into(),
        "反向\u{202e}文字\u{2066}隔离\u{2069}".into(),
        "零宽\u{200b}\u{feff}字".into(),
        zalgo,
        "表情👩\u{200d}💻🏳\u{fe0f}\u{200d}🌈🇨🇳".into(),
    ]
}

fn plan_json() -> String {
    let h = hostile();
    let dirty = std::fs::read_to_string(fixture("original-as-received.txt")).unwrap();
    let j = |s: &str| serde_json::to_string(s).unwrap();
    let milestones: Vec<String> = h
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                r#"{{"id":{},"title":{},"unit":{},"target":100,"current":{i},"owner":{},"notes":[{{"id":{},"body":{},"author":{}}}]}}"#,
                i + 1,
                j(t),
                j(&h[(i + 1) % h.len()]),
                j(&h[(i + 2) % h.len()]),
                i + 1,
                j(&format!("{t}\n第二行{}", h[(i + 3) % h.len()])),
                j(&h[(i + 4) % h.len()])
            )
        })
        .collect();
    format!(
        r#"{{"format":"plan-cockpit","format_version":1,
"plan":{{"title":{},"year":2023,"description":{}}},
"directions":[{{"id":1,"code":"d1","name":{},"name_en":{}}},{{"id":2,"code":"d2","name":"新产业"}}],
"programs":[{{"id":1,"code":"g","name":{}}}],
"projects":[{{"id":1,"direction":1,"program":1,"name":{},"description":{},"milestones":[{}],"notes":[{{"id":100,"body":{}}}]}}]}}"#,
        j(&h[0]),
        j(&h[2]),
        j(&h[3]),
        j(&h[4]),
        j(&h[5]),
        j(&h[6]),
        j(&h[7]),
        milestones.join(","),
        j(&dirty)
    )
}

fn imported() -> Sandbox {
    let sb = Sandbox::new();
    let file = sb.write("hostile.json", plan_json());
    let out = sb.ok(&["import", file.to_str().unwrap()]);
    assert!(
        out.contains("removed control or invisible characters"),
        "{out}"
    );
    sb
}

/// Collects what the crossterm backend writes.
#[derive(Clone, Default)]
struct Bytes(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Bytes {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn frame_bytes(app: &App, w: u16, h: u16) -> Vec<u8> {
    let out = Bytes::default();
    let backend = CrosstermBackend::new(out.clone());
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    };
    let mut t = Terminal::with_options(backend, options).unwrap();
    t.draw(|f| ui::render(app, f)).unwrap();
    drop(t);
    let bytes = out.0.lock().unwrap().clone();
    assert!(
        w < 2 || h < 2 || bytes.len() > 100,
        "nothing was drawn at {w}x{h}"
    );
    bytes
}

#[test]
fn no_screen_writes_a_control_sequence_from_the_data() {
    let sb = imported();
    let screens = [
        "",
        "<Enter>",
        "<Enter><Enter>",
        "<Enter><Enter>jjj",
        "<Enter>jjjjjjjj<Enter>",
        "/清",
        "/表情",
        "?",
        "<Enter>r<C-u>改名<Enter><Enter>H",
        "<Enter>n",
        "<Enter>e<C-u>abc<Enter>",
        "l",
    ];
    for lang in [Lang::Zh, Lang::En] {
        for keys in screens {
            for (w, h) in [(80, 24), (1, 1), (160, 48)] {
                let mut app = App::new(common::open_store(&sb.db), lang).unwrap();
                app.resize(w, h);
                press(&mut app, keys);
                let bytes = frame_bytes(&app, w, h);
                assert_only_ours(&format!("{lang:?} {keys:?} at {w}x{h}"), &bytes);
            }
        }
    }
}

/// Another program may write raw bytes into the file behind our back; the
/// cockpit and the CLI must still not pass them to the terminal.
#[test]
fn raw_control_bytes_written_behind_our_back_do_not_reach_the_terminal() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    {
        let c = rusqlite::Connection::open(&sb.db).unwrap();
        for (i, h) in hostile().iter().enumerate() {
            c.execute(
                "UPDATE project SET name = ?1 WHERE id = ?2",
                rusqlite::params![h, i as i64 + 1],
            )
            .unwrap();
            c.execute(
                "UPDATE milestone SET title = ?1, unit = ?1 WHERE id = ?2",
                rusqlite::params![h, i as i64 + 1],
            )
            .unwrap();
            c.execute(
                "UPDATE note SET body = ?1 WHERE id = ?2",
                rusqlite::params![h, i as i64 + 1],
            )
            .unwrap();
        }
        c.execute("UPDATE direction SET name = ?1", [&hostile()[0]])
            .unwrap();
    }
    for keys in ["", "<Enter>", "<Enter><Enter>", "/清", "<Enter>jjjj<Enter>"] {
        for (w, h) in [(80, 24), (160, 48)] {
            let mut app = App::new(common::open_store(&sb.db), Lang::Zh).unwrap();
            app.resize(w, h);
            press(&mut app, keys);
            assert_only_ours(&format!("raw {keys:?} {w}x{h}"), &frame_bytes(&app, w, h));
        }
    }
    for args in [
        &["milestone", "list"][..],
        &["export", "--format", "markdown"],
        &["export", "--format", "json"],
    ] {
        let r = sb.run(args);
        assert_plain(&format!("raw stdout of {args:?}"), &r.0.stdout);
    }
}

#[test]
fn pasted_text_is_cleaned_before_it_is_stored() {
    let sb = imported();
    let mut app = App::new(common::open_store(&sb.db), Lang::Zh).unwrap();
    press(&mut app, "<Enter>n");
    for h in hostile() {
        app.paste(&h);
    }
    press(&mut app, "<C-s>");
    let store = common::open_store(&sb.db);
    let d = store.detail(1).unwrap();
    let newest = &d.notes[0].body;
    assert!(plan_cockpit::domain::text::is_clean(newest), "{newest:?}");
    assert!(newest.contains("标题]0;pwned尾"), "{newest}");
    assert!(!newest.contains('\u{202e}'));
    assert!(newest.chars().filter(|c| *c == '\u{301}').count() <= 4);
}

#[test]
fn no_cli_path_leaks_a_control_sequence() {
    let sb = imported();
    for args in [
        &["milestone", "list"][..],
        &["--lang", "zh", "milestone", "list"],
        &["milestone", "list", "--json"],
        &["export", "--format", "json"],
        &["export", "--format", "csv"],
        &["export", "--format", "markdown"],
        &["check"],
        &["milestone", "list", "--direction", "\u{1b}]0;x\u{7}"],
        &["milestone", "set", "1", "--status", "\u{1b}[2J\u{9b}31m"],
        &[
            "milestone",
            "set",
            "1",
            "--note",
            "\u{1b}]52;c;ZXZpbA==\u{7}好",
        ],
        &["--db", "/nonexistent/\u{1b}[31mred/plan.db", "check"],
    ] {
        let r = sb.run(args);
        // CSV starts with a byte-order mark on purpose (Excel and WPS need it).
        let stdout =
            r.0.stdout
                .strip_prefix("\u{feff}".as_bytes())
                .unwrap_or(&r.0.stdout);
        assert_plain(&format!("stdout of {args:?}"), stdout);
        assert_plain(&format!("stderr of {args:?}"), &r.0.stderr);
    }
    // A hostile key in an import file is named safely, too.
    let file = sb.write("bad.json", r#"{"format":"plan-cockpit","format_version":1,"plan":{"title":"t","year":2023,"\u001b]0;x\u0007":1},"directions":[]}"#);
    let r = sb.run(&["import", "--replace", file.to_str().unwrap()]);
    assert_eq!(r.code(), 2);
    assert_plain("import error", &r.0.stderr);
}
