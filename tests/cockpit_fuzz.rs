//! Random key sequences at random terminal sizes never panic, whatever
//! layer they reach (forms, editor, menus, confirmations, deletes, undo).

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use plan_cockpit::app::App;
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
            draw(&app, s);
        }
        for s in &sizes {
            draw(&app, *s);
        }
    }
}
