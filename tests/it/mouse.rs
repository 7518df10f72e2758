//! The mouse wheel (issue 28): off by default, so the terminal's own text
//! selection works; with `mouse = true` in the settings a turn of the wheel
//! does what ↓/↑ do where it is, and the terminal gets its mouse back on
//! the way out.

use crate::common::Sandbox;
use crate::common::pty::Session;

const WHEEL_DOWN: &str = "\x1b[<65;20;8M";
const WHEEL_UP: &str = "\x1b[<64;20;8M";
/// What crossterm writes to ask for the mouse (any-event tracking).
const MOUSE_ON: &str = "\x1b[?1000h";
const MOUSE_OFF: &str = "\x1b[?1000l";

/// Each cell's text and look: the selection is drawn by style, not by
/// text.
fn settled(s: &Session) -> Vec<(String, bool, bool, bool)> {
    std::thread::sleep(std::time::Duration::from_millis(300));
    let parser = s.screen.lock().unwrap();
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    let mut cells = Vec::new();
    for row in 0..rows {
        for col in 0..cols {
            if let Some(c) = screen.cell(row, col) {
                let text = match c.contents() {
                    "" => " ".to_owned(),
                    t => t.to_owned(),
                };
                cells.push((text, c.inverse(), c.bold(), c.underline()));
            }
        }
    }
    cells
}

#[test]
fn the_wheel_moves_through_the_list_when_the_settings_ask_for_it() {
    let sb = Sandbox::new();
    let dir = sb.path("config/plan-cockpit");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "mouse = true\n").unwrap();
    let mut s = Session::start(&sb, 80, 24, &[("LANG", "zh_CN.UTF-8")]);
    s.wait_for("新产业");
    let first = settled(&s);
    s.send(WHEEL_DOWN);
    s.send(WHEEL_DOWN);
    let wheeled = settled(&s);
    assert_ne!(wheeled, first, "the wheel moved nothing");
    // Two turns down are two ↓: back up with k, down again with j.
    s.send("kk");
    assert_eq!(settled(&s), first);
    s.send("jj");
    assert_eq!(settled(&s), wheeled);
    s.send(WHEEL_UP);
    s.send(WHEEL_UP);
    assert_eq!(settled(&s), first, "the wheel up is ↑");
    s.send("q");
    assert!(s.wait_exit().success());
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(raw.contains(MOUSE_ON), "the mouse was not asked for");
    assert!(
        raw.contains(MOUSE_OFF),
        "the mouse not given back on quitting"
    );
    s.assert_restored();
}

#[test]
fn without_the_setting_the_terminal_keeps_its_mouse() {
    let sb = Sandbox::new();
    let mut s = Session::start(&sb, 80, 24, &[("LANG", "zh_CN.UTF-8")]);
    s.wait_for("新产业");
    s.send("q");
    assert!(s.wait_exit().success());
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(!raw.contains(MOUSE_ON), "the mouse taken unasked");
}
