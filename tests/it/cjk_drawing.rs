//! Chinese drawn exactly (issue 14): what a terminal shows after each
//! frame, emulated by vt100, equals what the cockpit drew, with every
//! overlay over Chinese text at odd and even columns; wrapping never splits
//! a grapheme nor begins a line with closing punctuation; the editor keeps
//! its text and caret in view across any resize; ASCII mode and the
//! palettes.

// Test sizes are small numbers: casts here cannot wrap.
#![allow(clippy::cast_possible_truncation)]

use crate::common;

use common::{cockpit, press};
use plan_cockpit::app::App;
use plan_cockpit::app::look::Palette;
use plan_cockpit::i18n::Lang;
use plan_cockpit::term::frames::Frames;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

#[derive(Default, Clone)]
struct Writes(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Writes {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The frame as the cockpit drew it (not what a terminal made of it).
fn buffer(app: &App, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| plan_cockpit::ui::render(app, f))
        .unwrap()
        .buffer
        .clone()
}

/// Each overlay, opened over a drilled pane full of Chinese names.
const OVERLAYS: &[&str] = &["?", "e", "s", "/高新", "A", "x", "o", "n第二季度新增", "R"];

/// The terminal, fed the bytes of each frame (ratatui's diffs, as a real
/// one gets them), shows every cell the frame holds: no border half
/// hidden under a wide character, no character drawn over.
#[test]
fn the_terminal_shows_every_overlay_border_over_chinese_text() {
    for w in [80u16, 81, 96, 97] {
        for (overlay, drill) in OVERLAYS
            .iter()
            .flat_map(|o| [(o, ""), (o, "<Tab>jjjjjjj<Enter>")])
        {
            let (_sb, mut app) = cockpit(Lang::Zh);
            app.resize(w, 24);
            let writes = Writes::default();
            let mut frames = Frames::fixed(writes.clone(), Rect::new(0, 0, w, 24)).unwrap();
            let mut vt = vt100::Parser::new(24, w, 0);
            for keys in ["", drill, overlay] {
                press(&mut app, keys);
                frames.draw(&app).unwrap();
                vt.process(&writes.0.take());
                let drawn = buffer(&app, w, 24);
                let screen = vt.screen();
                for y in 0..24u16 {
                    for x in 0..w {
                        let cell = screen.cell(y, x).unwrap();
                        let want = drawn[(x, y)].symbol();
                        // The second half of a wide character shows what
                        // it covers: only a blank may be there.
                        let shown = if cell.is_wide_continuation() || cell.contents().is_empty() {
                            " "
                        } else {
                            cell.contents()
                        };
                        assert_eq!(
                            shown,
                            want,
                            "{w}x24 {overlay:?} at ({x},{y}): the terminal shows {shown:?}, \
                             the frame holds {want:?}\n{}",
                            screen.contents()
                        );
                    }
                }
            }
        }
    }
}

/// The same, as the overlay's left edge moves over every column parity:
/// no cell after a wide character holds anything (it would be hidden).
#[test]
fn no_wide_character_is_cut_by_an_overlay_edge() {
    for w in 60u16..100 {
        let (_sb, mut app) = cockpit(Lang::Zh);
        app.resize(w, 24);
        press(&mut app, "<Tab>jjjjjjj<Enter>?");
        let buf = buffer(&app, w, 24);
        for y in 0..24 {
            for x in 0..w - 1 {
                if buf[(x, y)].symbol().width() == 2 {
                    let next = buf[(x + 1, y)].symbol();
                    assert!(
                        next == " " || next.is_empty(),
                        "{w}: ({x},{y}) hides {next:?}"
                    );
                }
            }
        }
    }
}

/// A planner shrinks the window to 10×3 while typing a long Chinese note
/// and grows it back: the note's start and the caret are both in view.
#[test]
fn the_editor_keeps_its_text_and_caret_in_view_across_a_resize() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    let note = "东城街道今年新增国家级高新技术企业认定工作进展顺利第二季度新增认定十二家待复核";
    press(&mut app, &format!("<Tab>jjjjjjj<Enter>n{note}"));
    for (w, h) in [(80u16, 24u16), (10, 3), (12, 5), (80, 24)] {
        app.resize(w, h);
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| plan_cockpit::ui::render(&app, f)).unwrap();
        let pos = t.get_cursor_position().unwrap();
        assert!(pos.x < w && pos.y < h, "{w}x{h}: caret at {pos:?}");
        if w == 80 {
            let text = t.backend().to_string().replace(' ', "");
            assert!(text.contains("东城街道今年新增"), "{w}x{h}:\n{text}");
            // The caret sits just after the last character typed.
            let row: String = (0..pos.x)
                .map(|x| t.backend().buffer()[(x, pos.y)].symbol().to_owned())
                .collect();
            assert!(row.replace(' ', "").ends_with("复核"), "{row:?}");
        }
    }
}

/// At 80×24 a drilled pane keeps, for each milestone, its value, its light
/// and its time limit whole; a long list says how many follow; the hint
/// bar keeps quit and help.
#[test]
fn at_80x24_a_drilled_pane_keeps_value_light_and_time_limit() {
    for lang in [Lang::Zh, Lang::En] {
        let (_sb, mut app) = cockpit(lang);
        app.resize(80, 24);
        // 新产业's 高新技术企业 project: numeric milestones.
        press(&mut app, "<Tab>jjjjjjj<Enter>");
        let screen = common::screen(&app, 80, 24);
        assert!(screen.contains("2023-12-31"), "{screen}");
        assert!(screen.contains("600"), "{screen}");
        assert!(screen.contains('◉'), "{screen}");
        let hints = screen.lines().last().unwrap();
        let (quit, help) = match lang {
            Lang::Zh => ("q 退出", "? 帮助"),
            Lang::En => ("q quit", "? help"),
        };
        assert!(hints.contains(quit) && hints.contains(help), "{hints}");
        insta::assert_snapshot!(format!("drilled_80x24_{lang:?}").to_lowercase(), screen);
    }
    // 新产业 lists 22 projects in 18 rows: the pane says 4 more follow.
    let (_sb, mut app) = cockpit(Lang::Zh);
    app.resize(80, 24);
    press(&mut app, "<Tab>");
    let screen = common::screen(&app, 80, 24);
    assert!(screen.contains("↓ 4"), "{screen}");
    press(&mut app, "G");
    let screen = common::screen(&app, 80, 24);
    assert!(screen.contains("↑ 18"), "{screen}");
}

/// In ASCII mode no cell holds a character whose width a terminal may
/// choose (box drawing, `…`, `·`, `“”`, the marks): only ASCII and
/// characters two cells wide everywhere (Chinese).
#[test]
fn ascii_mode_draws_nothing_of_ambiguous_width() {
    for (name, keys) in [
        ("home", ""),
        ("detail", "<Tab>jjjjjjj<Enter><Enter>"),
        ("help", "?"),
        ("agenda", "A"),
    ] {
        for lang in [Lang::Zh, Lang::En] {
            let (_sb, mut app) = cockpit(lang);
            app.look.ascii = true;
            press(&mut app, keys);
            let buf = buffer(&app, 80, 24);
            for cell in &buf.content {
                let s = cell.symbol();
                assert!(s.is_ascii() || s.width() == 2, "{name}: {s:?}");
            }
            let screen = common::screen(&app, 80, 24);
            insta::assert_snapshot!(format!("ascii_{name}_{lang:?}").to_lowercase(), screen);
        }
    }
}

/// Each palette's colours, as a map of letters, per cell: what a planner
/// with 16 colours on a dark or a light background sees. Only the 16 ANSI
/// colours are used, and mono uses none.
#[test]
fn palettes_use_sixteen_colours_or_none() {
    use ratatui::style::Color;
    for palette in [Palette::Dark, Palette::Light, Palette::Mono] {
        let (_sb, mut app) = cockpit(Lang::Zh);
        app.look.palette = palette;
        press(&mut app, "<Tab>jjjjjjj<Enter>");
        let buf = buffer(&app, 80, 24);
        let mut map = String::new();
        for y in 0..24 {
            for x in 0..80 {
                let c = &buf[(x, y)];
                for colour in [c.fg, c.bg] {
                    assert!(
                        !matches!(colour, Color::Rgb(..) | Color::Indexed(_)),
                        "{palette:?}: {colour:?}"
                    );
                    if palette == Palette::Mono {
                        assert_eq!(colour, Color::Reset);
                    }
                }
                map.push(match (c.fg, c.bg) {
                    (_, Color::Yellow) => 'Y',
                    (Color::Reset, _) => '.',
                    (Color::Red, _) => 'r',
                    (Color::Green, _) => 'g',
                    (Color::Yellow, _) => 'y',
                    (Color::Cyan, _) => 'c',
                    (Color::Blue, _) => 'b',
                    (Color::DarkGray, _) => 'd',
                    _ => '?',
                });
            }
            map.push('\n');
        }
        insta::assert_snapshot!(format!("colours_{palette:?}").to_lowercase(), map);
    }
}

fn text_piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "东城",
        "街道",
        "。",
        ",",
        "、",
        "“",
        "”",
        "(",
        ")",
        "高新技术企业",
        "🏳️‍🌈",
        "👨‍👩‍👧",
        "🇨🇳",
        "e\u{301}",
        "abc",
        " ",
        "word ",
        "1.5万",
        "……",
    ])
    .prop_map(str::to_owned)
}

proptest! {

    /// Wrapped text keeps every grapheme whole, every line within its
    /// width (a grapheme wider than the line aside), loses nothing but the
    /// spaces it breaks at, and never begins a line with closing
    /// punctuation that follows text.
    #[test]
    fn wrapping_never_splits_a_grapheme(
        pieces in prop::collection::vec(text_piece(), 1..40),
        cells in 2usize..30,
    ) {
        use unicode_segmentation::UnicodeSegmentation;
        let text: String = pieces.concat();
        let lines = plan_cockpit::ui::width::wrap(&text, cells);
        let graphemes = |s: &str| s.graphemes(true).filter(|g| g.trim() != "").map(str::to_owned).collect::<Vec<_>>();
        let joined: Vec<String> = lines.iter().flat_map(|l| graphemes(l)).collect();
        prop_assert_eq!(joined, graphemes(&text), "{:?}", lines);
        for (i, line) in lines.iter().enumerate() {
            let one = line.graphemes(true).count() <= 1;
            prop_assert!(line.width() <= cells || one, "{}: {:?}", cells, lines);
            // Closing punctuation stays with the text before it, where a
            // character and its punctuation fit on a line at all.
            let closers = |c: char| "。,、”)".contains(c);
            let quote = |c: char| closers(c) || "“”".contains(c);
            let runs = text.chars().zip(text.chars().skip(1)).any(|(a, b)| (quote(a) || a == ' ') && quote(b));
            if i > 0 && cells >= 6 && !runs && !lines[i - 1].trim().is_empty() {
                let first = line.chars().next().unwrap_or(' ');
                prop_assert!(!closers(first), "{}: {:?}", cells, lines);
            }
        }
    }
}

/// An ASCII-mode pane, byte for byte what a client set to wide ambiguous
/// characters can lay out: the whole frame is printable ASCII and Chinese.
#[test]
fn palette_mono_and_ascii_together_keep_meaning() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    app.look.ascii = true;
    app.look.palette = Palette::Mono;
    press(&mut app, "<Tab>jjjjjjj<Enter>");
    let screen = common::screen(&app, 80, 24);
    // Red lights read as R, the focused pane as `>`, a cut name as `~`.
    assert!(screen.contains("R "), "{screen}");
    assert!(screen.contains('>'), "{screen}");
    assert!(screen.contains('~'), "{screen}");
}

/// The overlays over a drilled pane of Chinese names, at an even and an odd
/// width (the popup's left edge falls on the first or the second cell of a
/// character): each keeps its whole border.
#[test]
fn overlay_snapshots_at_even_and_odd_widths() {
    for w in [80u16, 81] {
        for (name, keys) in [("help", "?"), ("form", "e"), ("search", "/高新")] {
            let (_sb, mut app) = cockpit(Lang::Zh);
            app.resize(w, 24);
            press(&mut app, "<Tab>jjjjjjj<Enter>");
            press(&mut app, keys);
            let screen = common::screen(&app, w, 24);
            insta::assert_snapshot!(format!("overlay_{name}_{w}x24"), screen);
        }
    }
}
