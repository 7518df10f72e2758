//! One road: keys, paste, resize, wake-ups (another planner's commit) and
//! the integrity verdict all reach the cockpit as `Event`s through
//! `App::handle`, which says whether to draw again.

use crate::common;

use common::{cockpit, open_store};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use plan_cockpit::app::event::Event;
use plan_cockpit::app::keymap::Layer;
use plan_cockpit::i18n::Lang;

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

#[test]
fn every_kind_of_event_goes_through_handle() {
    let (sb, mut app) = cockpit(Lang::Zh);
    assert!(app.handle(key('/')), "a key redraws");
    assert_eq!(app.layer(), Layer::Search);
    assert!(app.handle(Event::Paste("高新技术".into())));
    assert!(app.handle(Event::Resize(80, 24)));
    assert!(app.handle(Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE))));
    assert_eq!(app.layer(), Layer::Panes);

    // A quiet wake-up changes nothing and asks for no frame.
    assert!(!app.handle(Event::Tick));
    // Another planner's commit is seen at the next wake-up.
    let direction = match app.focused().unwrap().group.group {
        plan_cockpit::domain::lens::Group::Direction(d) => d,
        _ => unreachable!(),
    };
    open_store(&sb.db)
        .add_project(direction, "别人新加的项目")
        .unwrap();
    assert!(app.handle(Event::Tick));
    assert_eq!(app.focused().unwrap().projects.total, 12);

    // An "ok" verdict costs no frame; damage makes the cockpit read-only.
    assert!(!app.handle(Event::Integrity("ok".into())));
    assert!(app.handle(Event::Integrity("page 7: btree damaged".into())));
    assert!(app.read_only.as_deref().unwrap().contains("page 7"));
}
