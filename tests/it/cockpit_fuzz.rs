//! Random key sequences at random terminal sizes never panic, whatever
//! layer they reach (forms, editor, menus, confirmations, deletes, undo),
//! and after every key the cockpit's state still holds together: the focus
//! on a pane that exists, every list's selection inside it, the layer with
//! the keyboard the top overlay's, and the terminal cursor — shown only for
//! a text field on top — inside the frame.

use crate::common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use plan_cockpit::app::App;
use plan_cockpit::app::keymap::{Action, Layer};
use plan_cockpit::i18n::Lang;
use plan_cockpit::ui;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn key() -> impl Strategy<Value = KeyEvent> {
    let chars: Vec<char> = "jkgGhlzeEsdtnaruDyq?/ 1２.-x中文\u{301}".chars().collect();
    prop_oneof![
        6 => prop::sample::select(chars).prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        2 => prop::sample::select(vec![
            KeyCode::Enter, KeyCode::Esc, KeyCode::Tab, KeyCode::BackTab, KeyCode::Backspace,
            KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right, KeyCode::PageUp,
            KeyCode::PageDown, KeyCode::Home, KeyCode::End, KeyCode::Delete,
        ])
        .prop_map(|c| KeyEvent::new(c, KeyModifiers::NONE)),
        1 => prop::sample::select(vec!['s', 'u', 'c', 'n', 'p']).prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    ]
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        prop::sample::select(vec![
            (0u16, 0u16),
            (1, 1),
            (2, 1),
            (500, 200),
            (80, 24),
            (59, 24),
            (3, 3)
        ]),
        (0u16..200, 0u16..70),
    ]
}

fn draw(app: &App, (w, h): (u16, u16)) {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::render(app, f)).unwrap();
    let b = t.backend();
    if b.cursor_visible() {
        let at = b.cursor_position();
        assert!(
            at.x < w.max(1) && at.y < h.max(1),
            "the caret at {at:?} outside a {w}×{h} frame"
        );
        assert!(
            matches!(app.layer(), Layer::Search | Layer::Form | Layer::Editor),
            "a cursor shown on the {:?} layer",
            app.layer()
        );
    }
}

/// What must hold after every key, whatever it did.
fn holds_together(app: &App) {
    assert!(
        app.panes.is_empty() || app.focus < app.panes.len(),
        "focus {} of {} panes",
        app.focus,
        app.panes.len()
    );
    let within = |sel: usize, total: usize| total == 0 || sel < total;
    for (n, p) in app.panes.iter().enumerate() {
        assert!(
            within(p.projects.sel, p.projects.total),
            "pane {n}: project {} of {}",
            p.projects.sel,
            p.projects.total
        );
        if let Some(open) = &p.open {
            assert!(
                within(open.milestones.sel, open.milestones.total),
                "pane {n}: milestone {} of {}",
                open.milestones.sel,
                open.milestones.total
            );
        }
    }
    // The keyboard is with the top layer, and that layer has a key bound
    // to leave it (Esc, `n`, `q`…), whatever the planner rebound.
    let top = app
        .overlays
        .last()
        .map_or(Layer::Panes, plan_cockpit::app::overlay::Overlay::layer);
    assert_eq!(app.layer(), top, "the keyboard is not with the top layer");
    let way_out = app.keymap.bindings().any(|(b, keys)| {
        !keys.is_empty()
            && b.layers.contains(&top)
            && matches!(b.action, Action::Cancel | Action::Quit)
    });
    assert!(way_out, "no key leaves the {top:?} layer");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_at_random_sizes_never_panic(
        keys in prop::collection::vec(key(), 1..60),
        sizes in prop::collection::vec(size(), 1..4),
        zh in any::<bool>(),
    ) {
        let (_sb, mut app) = common::cockpit(if zh { Lang::Zh } else { Lang::En });
        for (i, k) in keys.iter().enumerate() {
            let s = sizes[i % sizes.len()];
            app.resize(s.0, s.1);
            app.handle_key(*k);
            if app.quit {
                break;
            }
            holds_together(&app);
            draw(&app, s);
        }
        for s in &sizes {
            draw(&app, *s);
        }
    }
}
