//! Screen snapshots of the cockpit (ratatui's TestBackend): home, a drilled
//! pane, a milestone's detail, the note editor, search, help, an error, the
//! agenda and what pulls a project down,
//! at 80×24 and 160×48, in Chinese and English. Plus the cursor and colour
//! rules that snapshots cannot show.

// Test data and measurements are small numbers: casts here cannot wrap.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_possible_wrap
)]

use crate::common;

use common::{cockpit, press};
use plan_cockpit::app::App;
use plan_cockpit::i18n::Lang;
use plan_cockpit::ui;
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::style::Color;

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::render(app, f)).unwrap();
    t
}

const STATES: &[(&str, &str)] = &[
    ("home", ""),
    ("drilled", "<Tab>jjjjjjj<Enter>"),
    ("detail", "<Tab>jjjjjjj<Enter><Enter>"),
    (
        "editor",
        "<Tab>jjjjjjj<Enter>n第二季度新增认定12家<Enter>待复核",
    ),
    ("search", "/高新"),
    ("help", "?"),
    ("error", "<Tab>jjjjjjj<Enter>e12a<Enter>"),
    ("narrow", "<Tab>jjjjjjj<Enter>"),
    // The pinned day is in 2026: the 2023 plan's open work is overdue, red.
    ("agenda", "A"),
    ("explain", "<Tab>jjjjjjj<Enter>x"),
    // The lenses, with an owner and an area set first so that each has
    // something to show; their heading counts of red and yellow.
    (
        "lens_programs",
        "<Tab>jjjjjjjo经发局/张三<Enter>b就业<Enter>L",
    ),
    (
        "lens_areas",
        "<Tab>jjjjjjjo经发局/张三<Enter>b就业<Enter>LL",
    ),
    (
        "lens_owners",
        "<Tab>jjjjjjjo经发局/张三<Enter>b就业<Enter>LLL",
    ),
    ("explain_pane", "<Tab>X"),
    ("agenda_narrowed", "Add"),
    // A form's help with its examples, wrapped whole at 80 columns.
    ("form_help", "<Tab>jjjjjjj<Enter>e"),
    // `R`: the weekly report, the 领导版 and the year-end 考核 to choose.
    ("report_menu", "R"),
    // `P`: the plans of the database side by side (a file: its one plan).
    ("plans", "P"),
    // `c` there: the city, this year unit by unit (a file: its one unit).
    ("plans_city", "Pc"),
    // Esc on a typed note: the question drawn over the editor it asks
    // about, the note still in sight.
    (
        "discard_over_editor",
        "<Tab>jjjjjjj<Enter>n第二季度新增认定12家<Esc>",
    ),
];

/// States drawn at 80×24 and 120×40 (the rest at 80×24 and 160×48).
const MIDDLE: &[&str] = &[
    "lens_programs",
    "lens_areas",
    "lens_owners",
    "explain_pane",
    "agenda_narrowed",
    "form_help",
    "report_menu",
    "plans",
    "plans_city",
    "discard_over_editor",
];

#[test]
fn screens() {
    for lang in [Lang::Zh, Lang::En] {
        for (name, keys) in STATES {
            let sizes: &[(u16, u16)] = if *name == "narrow" {
                &[(50, 20)]
            } else if MIDDLE.contains(name) {
                &[(80, 24), (120, 40)]
            } else {
                &[(80, 24), (160, 48)]
            };
            for (w, h) in sizes {
                let (sb, mut app) = cockpit(lang);
                app.resize(*w, *h);
                press(&mut app, keys);
                // The headings' counts, as the worker would bring them.
                // The plans side by side, as their worker would read them.
                common::answer_plans(&mut app);
                while let Some(ask) = app.lights_wanted() {
                    let store = common::open_store_at(&sb.db, common::test_clock());
                    let counts = plan_cockpit::app::lights::count(&store, ask).unwrap();
                    app.handle(plan_cockpit::app::event::Event::Lights(counts));
                }
                let screen = draw(&app, *w, *h).backend().to_string();
                insta::assert_snapshot!(format!("{name}_{lang:?}_{w}x{h}").to_lowercase(), screen);
            }
        }
    }
}

/// In a text field the real cursor sits on the caret, counted in cells, so
/// that an input method's window opens there.
#[test]
fn the_terminal_cursor_follows_the_caret_through_cjk_text() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    press(&mut app, "/");
    let mut t = draw(&app, 80, 24);
    let empty = t.backend_mut().get_cursor_position().unwrap();
    press(&mut app, "高新");
    let mut t2 = draw(&app, 80, 24);
    let after = t2.backend_mut().get_cursor_position().unwrap();
    assert_eq!(
        (after.x, after.y),
        (empty.x + 4, empty.y),
        "two CJK characters are four cells"
    );
    press(&mut app, "<Left>");
    let mut t3 = draw(&app, 80, 24);
    assert_eq!(
        t3.backend_mut().get_cursor_position().unwrap().x,
        empty.x + 2
    );
}

/// Under NO_COLOR nothing is coloured, and meaning survives: statuses are
/// symbols, selection is reversed, progress is a text bar.
#[test]
fn no_color_means_no_colour_at_all() {
    for keys in ["", "<Tab>jjjjjjj<Enter>", "<Tab>jjjjjjj<Enter>e12a<Enter>"] {
        let (_sb, mut app) = cockpit(Lang::Zh);
        app.look.palette = plan_cockpit::app::look::Palette::Mono;
        press(&mut app, keys);
        let t = draw(&app, 80, 24);
        for cell in t.backend().buffer().content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "coloured cell {:?}",
                cell.symbol()
            );
        }
    }
}

/// CJK names are cut by display width with an ellipsis, never through a
/// glyph: no cell holds half a character.
#[test]
fn cjk_is_truncated_by_width_never_through_a_glyph() {
    for (w, h) in [(80, 24), (61, 24), (59, 24), (33, 10), (7, 5)] {
        for keys in [
            "",
            "<Tab>jjjjjjj<Enter>",
            "<Tab>jjjjjjj<Enter><Enter>",
            "/高新",
        ] {
            let (_sb, mut app) = cockpit(Lang::Zh);
            press(&mut app, keys);
            let t = draw(&app, w, h);
            let buf = t.backend().buffer();
            // The cell after a wide glyph is its continuation: blank. A
            // visible symbol there would be a glyph cut in half or drawn over.
            for y in 0..h {
                let mut x = 0;
                while x < w {
                    let cell = &buf[(x, y)];
                    let cw = unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1) as u16;
                    for k in 1..cw {
                        if x + k < w {
                            let next = buf[(x + k, y)].symbol();
                            assert!(
                                next == " " || next.is_empty(),
                                "{w}x{h} {keys}: {:?} at ({x},{y}) hides {next:?}",
                                cell.symbol()
                            );
                        }
                    }
                    x += cw;
                }
            }
        }
    }
    let (_sb, app) = cockpit(Lang::Zh);
    let text = draw(&app, 80, 24).backend().to_string();
    assert!(text.contains("融入“一主两副六片…"), "{text}");
}

/// What one `write` call of the frame writer carried.
#[derive(Clone, Default)]
struct Writes(std::rc::Rc<std::cell::RefCell<Vec<Vec<u8>>>>);

impl std::io::Write for Writes {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().push(buf.to_vec());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every frame, the first and each after a key, the editor's with its
/// cursor included, leaves in exactly one write that opens and closes a
/// synchronized update; a key that moves the selection sends only a few
/// rows, not the screen; a key or a redraw that changes nothing sends
/// nothing at all.
#[test]
fn each_frame_is_one_bracketed_write_of_what_changed() {
    use plan_cockpit::term::frames::Frames;
    use ratatui::layout::Rect;
    let (_sb, mut app) = cockpit(Lang::Zh);
    app.resize(120, 40);
    let writes = Writes::default();
    let mut frames = Frames::fixed(writes.clone(), Rect::new(0, 0, 120, 40)).unwrap();
    let mut sizes = Vec::new();
    let steps = [
        ("", true),
        ("j", true),
        ("j", true),
        ("", false),
        ("<Tab>", true),
        ("k", false),
        ("<Enter>", true),
        ("n第二季度", true),
        ("", false),
        ("度", true),
        ("<Esc>y", true),
        ("?", true),
    ];
    for (keys, changes) in steps {
        press(&mut app, keys);
        let before = writes.0.borrow().len();
        frames.draw(&app).unwrap();
        let all = writes.0.borrow();
        if !changes {
            assert_eq!(
                all.len(),
                before,
                "after {keys:?} nothing changed, nothing is sent"
            );
            continue;
        }
        assert_eq!(all.len(), before + 1, "after {keys:?}: one write per frame");
        let frame = all.last().unwrap();
        assert!(frame.starts_with(b"\x1b[?2026h"), "after {keys:?}");
        assert!(frame.ends_with(b"\x1b[?2026l"), "after {keys:?}");
        sizes.push(frame.len());
    }
    assert!(
        sizes[0] > 3_000,
        "the first frame draws the screen: {sizes:?}"
    );
    assert!(
        sizes[1] < 400 && sizes[2] < 400,
        "a j sends a few rows: {sizes:?}"
    );
}
