//! Each layer driven through the router as a planner would, the editing
//! keys every text field shares, Ctrl-C in every layer, and the key table
//! against what the cockpit actually does with a key.

use crate::common;

use common::{cockpit, press, reach};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use plan_cockpit::app::App;
use plan_cockpit::app::keymap::{BINDINGS, Layer, action_for};
use plan_cockpit::app::overlay::{Confirmed, Overlay};
use plan_cockpit::i18n::Lang;

use common::to_high_tech;

fn field_text(app: &App) -> String {
    match app.overlays.last() {
        Some(Overlay::Form(f)) => f.input.lines().join("\n"),
        Some(Overlay::Search(s)) => s.query(),
        Some(Overlay::Editor(e)) => e.text(),
        _ => panic!("no text field open, layer {:?}", app.layer()),
    }
}

fn caret(app: &App) -> (usize, usize) {
    let c = match app.overlays.last() {
        Some(Overlay::Form(f)) => f.input.cursor(),
        Some(Overlay::Search(s)) => s.input.cursor(),
        Some(Overlay::Editor(e)) => e.input.cursor(),
        _ => panic!("no text field open"),
    };
    (c.0, c.1)
}

#[test]
fn a_form_edits_like_readline() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    to_high_tech(&mut app);
    press(&mut app, "r<C-u>黄旗山 城市公园");
    assert_eq!(field_text(&app), "黄旗山 城市公园");
    press(&mut app, "<C-w>");
    assert_eq!(
        field_text(&app),
        "黄旗山 ",
        "Ctrl-W deletes the word before"
    );
    press(&mut app, "<C-y>");
    assert_eq!(field_text(&app), "黄旗山 城市公园", "Ctrl-Y puts it back");
    press(&mut app, "<Home><C-f><C-k>");
    assert_eq!(field_text(&app), "黄", "Home, one right, Ctrl-K");
    press(&mut app, "<C-a>东<C-e>江<Left><Backspace>");
    assert_eq!(field_text(&app), "东江");
    press(&mut app, "<C-b><C-d>");
    assert_eq!(field_text(&app), "江", "Ctrl-D deletes forward");
    press(&mut app, "<Delete>");
    assert_eq!(field_text(&app), "", "so does Delete");
    press(&mut app, "东 城<A-b><A-d>");
    assert_eq!(
        field_text(&app),
        "东 ",
        "Alt-B back a word, Alt-D deletes it"
    );
    press(&mut app, "<C-u>");
    assert_eq!(field_text(&app), "");
    press(&mut app, "<Esc>");
    assert_eq!(app.layer(), Layer::Panes);
}

#[test]
fn the_note_editor_moves_between_lines_and_ctrl_u_deletes_not_undoes() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    to_high_tech(&mut app);
    press(&mut app, "n第一行<Enter>第二行<C-j>第三行");
    assert_eq!(field_text(&app), "第一行\n第二行\n第三行");
    press(&mut app, "<Up><Up><End>。<Down><C-u>");
    assert_eq!(field_text(&app), "第一行。\n\n第三行");
    assert_eq!(caret(&app), (1, 0));
    press(&mut app, "<C-y>");
    assert_eq!(field_text(&app), "第一行。\n第二行\n第三行");
    press(&mut app, "<C-s>");
    assert_eq!(app.layer(), Layer::Panes, "saved and closed");
}

#[test]
fn search_looks_again_after_every_editing_key() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    press(&mut app, "/高新技术");
    let hits = |app: &App| match app.overlays.last() {
        Some(Overlay::Search(s)) => s.hits.len(),
        _ => panic!(),
    };
    let found = hits(&app);
    assert!(found > 0);
    press(&mut app, "<C-w>");
    assert_eq!(field_text(&app), "");
    assert_eq!(hits(&app), 0, "an empty query finds nothing");
    press(&mut app, "<C-y>");
    assert_eq!(hits(&app), found);
    press(&mut app, "<Esc>");
    assert_eq!(app.layer(), Layer::Panes);
}

#[test]
fn menu_help_history_and_confirm_answer_through_the_router() {
    let (_sb, mut app) = cockpit(Lang::En);
    to_high_tech(&mut app);
    press(&mut app, "s<Down><Down><Up><Esc>");
    assert_eq!(
        app.layer(),
        Layer::Panes,
        "the menu closes without a change"
    );
    press(&mut app, "?jjjk");
    match app.overlays.last() {
        Some(Overlay::Help(h)) => assert_eq!(h.scroll, 2),
        _ => panic!("help"),
    }
    press(&mut app, "q");
    assert_eq!(app.layer(), Layer::Panes);
    press(&mut app, "H");
    assert_eq!(app.layer(), Layer::History);
    press(&mut app, "H");
    assert_eq!(app.layer(), Layer::Panes);
    press(&mut app, "D");
    assert_eq!(app.layer(), Layer::Confirm);
    press(&mut app, "x");
    assert_eq!(app.layer(), Layer::Confirm, "only y or n answers");
    press(&mut app, "N");
    assert_eq!(app.layer(), Layer::Panes);
    assert!(app.focused().unwrap().selected_milestone().is_some());
}

#[test]
fn ctrl_c_quits_from_every_layer_and_asks_only_when_typed_text_would_be_lost() {
    for layer in Layer::ALL {
        let (_sb, mut app, unsaved) = reach(layer);
        press(&mut app, "<C-c>");
        if !unsaved {
            assert!(app.quit, "{layer:?}: Ctrl-C quits");
            continue;
        }
        assert!(!app.quit, "{layer:?}: typed text is not dropped unasked");
        assert!(
            matches!(app.overlays.last(), Some(Overlay::Confirm(c)) if c.on_yes == Confirmed::QuitDiscarding),
            "{layer:?}: asks first"
        );
        press(&mut app, "<C-c>");
        assert!(!app.quit, "{layer:?}: a second Ctrl-C waits for the answer");
        press(&mut app, "n");
        assert_eq!(app.layer(), layer, "{layer:?}: no → back where it was");
        assert!(app.has_unsaved_text());
        press(&mut app, "<C-c>y");
        assert!(app.quit, "{layer:?}: yes → quits");
    }
}

/// Every key and chord a planner might press in a text field.
fn every_key() -> Vec<KeyEvent> {
    let mut keys = Vec::new();
    let named = [
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Insert,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::F(1),
        KeyCode::F(5),
        KeyCode::F(12),
    ];
    let mods = [
        KeyModifiers::NONE,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL | KeyModifiers::SHIFT,
    ];
    for m in mods {
        keys.extend(named.iter().map(|c| KeyEvent::new(*c, m)));
        if m != KeyModifiers::NONE && m != KeyModifiers::SHIFT {
            keys.extend((' '..='~').map(|c| KeyEvent::new(KeyCode::Char(c), m)));
        }
    }
    keys
}

#[test]
fn every_key_in_the_table_dispatches_its_action_in_each_of_its_layers() {
    for b in BINDINGS {
        for layer in b.layers {
            for key in b.keys {
                let mods = if matches!(key.code, KeyCode::BackTab) {
                    KeyModifiers::SHIFT
                } else {
                    key.mods
                };
                assert_eq!(
                    action_for(*layer, KeyEvent::new(key.code, mods)),
                    Some(b.action),
                    "{layer:?}: {key:?}"
                );
            }
        }
    }
}

#[test]
fn a_key_the_table_does_not_know_does_nothing_in_a_text_field() {
    // A hidden shortcut would change the text or the caret, or close the
    // field: none of that may happen for a key that is not in help.
    for open in ["e", "/东城", "n备注"] {
        let (_sb, mut app) = cockpit(Lang::Zh);
        to_high_tech(&mut app);
        press(&mut app, open);
        press(&mut app, "<Left>");
        let layer = app.layer();
        let (text, at) = (field_text(&app), caret(&app));
        for key in every_key() {
            if action_for(layer, key).is_some() {
                continue;
            }
            app.handle_key(key);
            assert_eq!(app.layer(), layer, "{layer:?}: {key:?} closed the field");
            assert_eq!(
                field_text(&app),
                text,
                "{layer:?}: {key:?} changed the text"
            );
            assert_eq!(caret(&app), at, "{layer:?}: {key:?} moved the caret");
        }
    }
}

/// The README's key tables say what the key table does: every key the
/// cockpit answers to is written there, as help writes it.
#[test]
fn the_readme_names_every_key_of_the_table() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let missing: Vec<String> = BINDINGS
        .iter()
        .flat_map(|b| b.keys.iter().map(move |k| (b, k)))
        .map(|(b, key)| (b, plan_cockpit::app::keymap::key_label(key)))
        .filter(|(_, label)| !readme.contains(&format!("`{label}`")))
        .map(|(b, label)| format!("`{label}` ({:?} in {:?})", b.action, b.layers))
        .collect();
    assert!(missing.is_empty(), "README does not name {missing:#?}");
}

/// The value form takes the day a figure was true; undo takes the
/// reading back too.
#[test]
fn a_late_figure_is_entered_with_its_day_and_undone_whole() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    to_high_tech(&mut app);
    let readings = |app: &App| {
        let m = app.focused().unwrap().selected_milestone().unwrap();
        let (id, current) = (m.id, m.current);
        let store = common::open_store(app.location().path());
        let d = store.detail(id).unwrap();
        let days: Vec<(String, f64)> = d
            .readings
            .iter()
            .map(|r| (r.as_of.clone(), r.value))
            .collect();
        (current, days)
    };
    press(&mut app, "e<C-u>530<Enter>");
    press(&mut app, "e<C-u>480 2026-06-30<Enter>");
    assert_eq!(app.layer(), Layer::Panes, "saved");
    let (current, days) = readings(&app);
    assert_eq!(
        current,
        Some(530.0),
        "the newest reading stays the current value"
    );
    assert_eq!(days.len(), 2, "{days:?}");
    assert!(days.contains(&("2026-06-30".to_owned(), 480.0)), "{days:?}");
    press(&mut app, "e<C-u>1 2026-12-01<Enter>");
    assert_eq!(
        app.layer(),
        Layer::Form,
        "a day to come is refused in place"
    );
    press(&mut app, "<Esc>u");
    let (current, days) = readings(&app);
    assert_eq!(current, Some(530.0));
    assert_eq!(
        days,
        [("2026-11-29".to_owned(), 530.0)],
        "undo took June's reading back"
    );
    press(&mut app, "u");
    assert_eq!(readings(&app), (None, vec![]), "and today's with its value");
}

/// `A`: overdue first, then due soon; Enter goes to the item in its pane.
#[test]
fn the_agenda_lists_overdue_work_first_and_goes_to_an_item() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    // The pinned day is in 2026: the 2023 plan's open work is all overdue.
    press(&mut app, "A");
    assert_eq!(app.layer(), Layer::Agenda);
    let Some(Overlay::Agenda(a)) = app.overlays.last() else {
        panic!()
    };
    let a = &a.agenda;
    assert_eq!(a.total(plan_cockpit::domain::agenda::Section::Overdue), 50);
    assert!(
        a.overdue.windows(2).all(|w| w[0].due <= w[1].due),
        "by time limit"
    );
    assert!(
        a.overdue
            .iter()
            .all(|m| m.status != plan_cockpit::domain::Status::Done)
    );
    assert_eq!(
        a.overdue[0].title, "落户东城台商大厦(环球经贸中心)",
        "the Q1 task first"
    );
    let text = common::screen(&app, 80, 24);
    assert!(text.contains("已逾期 (50)"), "{text}");
    press(&mut app, "j<Enter>");
    assert_eq!(app.layer(), Layer::Panes);
    let pane = app.focused().unwrap();
    let second = pane.selected_milestone().unwrap();
    assert_eq!(
        second.due.as_ref().map(ToString::to_string).as_deref(),
        Some("2023-12-31")
    );
}

/// `x`: what holds a project back, worst first by its standing and its
/// lag behind 序时进度; Enter goes to it.
#[test]
fn x_says_what_pulls_a_project_down() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    press(&mut app, "/引育本科学历人才<Enter>");
    // One of the three 人才 targets reached: the other two hold it back.
    press(&mut app, "e<C-u>15000<Enter>x");
    assert_eq!(app.layer(), Layer::Explain);
    let Some(Overlay::Explain(x)) = app.overlays.last() else {
        panic!()
    };
    let p = x.progress.unwrap();
    assert!((p - 1.0 / 3.0).abs() < 1e-9, "{p}");
    let titles: Vec<&str> = x.pulls.iter().map(|p| p.row.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "柔性引进国内领先、国际一流的高端人才团队",
            "引育硕士以上创新创业人才"
        ]
    );
    // Red before the rest, then the larger lag first.
    assert!(x.pulls.windows(2).all(|w| {
        let (a, b) = (&w[0].standing, &w[1].standing);
        a.light.alarm() > b.light.alarm() || (a.light == b.light && w[0].lag >= w[1].lag)
    }));
    let text = common::screen(&app, 80, 24);
    assert!(text.contains("项目进度 33%"), "{text}");
    press(&mut app, "j<Enter>");
    assert_eq!(app.layer(), Layer::Panes);
    let m = app.focused().unwrap().selected_milestone().unwrap();
    assert_eq!(m.title, "引育硕士以上创新创业人才");
}

/// "This week's value and a one-line note for target X" in at most six
/// command keys besides the text (the README says the count): `/`, Enter
/// on the hit, `e`, Enter (the prefill is selected: typing replaces it),
/// `n`, Ctrl-S. Driven through the router, key by key.
#[test]
fn the_common_update_takes_six_command_keys() {
    let (sb, mut app) = cockpit(Lang::Zh);
    let commands = ["/", "<Enter>", "e", "<Enter>", "n", "<C-s>"];
    press(&mut app, commands[0]);
    press(&mut app, "突破600家");
    press(&mut app, commands[1]);
    press(&mut app, commands[2]);
    // Last week's value is there, selected; this week's replaces it.
    press(&mut app, "523");
    press(&mut app, commands[3]);
    press(&mut app, commands[4]);
    press(&mut app, "已认定523家,待区科技局复核");
    press(&mut app, commands[5]);
    assert_eq!(app.layer(), Layer::Panes, "every form closed");
    let m = app.focused().unwrap().selected_milestone().unwrap().clone();
    assert_eq!(m.title, "国家级高新技术企业突破600家");
    assert_eq!(m.current, Some(523.0));
    let detail = common::open_store(&sb.db).detail(m.id).unwrap();
    assert_eq!(detail.notes[0].body, "已认定523家,待区科技局复核");
    assert!(commands.len() <= 6);
    // Typing over a prefill replaces it; a caret key first keeps it.
    press(&mut app, "e5");
    assert_eq!(form_text(&app), "5");
    press(&mut app, "<Esc>y");
    press(&mut app, "e<End>0");
    assert_eq!(form_text(&app), "5230");
}

fn form_text(app: &plan_cockpit::app::App) -> String {
    match app.overlays.last() {
        Some(Overlay::Form(f)) => f.text(),
        other => panic!("no form: {}", other.is_some()),
    }
}

/// `r` in the agenda keeps only what its one standing shows red or
/// yellow; `r` again shows everything.
#[test]
fn r_in_the_agenda_keeps_red_and_yellow() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    press(&mut app, "A");
    let Some(Overlay::Agenda(all)) = app.overlays.last() else {
        panic!()
    };
    let everything = all.agenda.len();
    press(&mut app, "r");
    let Some(Overlay::Agenda(some)) = app.overlays.last() else {
        panic!()
    };
    let on = app.judging();
    assert!(some.agenda.len() <= everything);
    assert!(!some.agenda.is_empty(), "the pinned day has overdue work");
    assert!(
        some.agenda
            .items()
            .all(|(_, m)| m.standing(on).light.alarm() > 0)
    );
    let text = common::screen(&app, 80, 24);
    assert!(text.contains("只看红灯、黄灯"), "{text}");
    press(&mut app, "r");
    let Some(Overlay::Agenda(again)) = app.overlays.last() else {
        panic!()
    };
    assert_eq!(again.agenda.len(), everything);
}

/// A search for a project's name lands on the project: `e` there edits
/// its only item, and in a project of several opens it and says to choose
/// one (no form opens on an item nobody chose).
#[test]
fn e_on_a_project_hit_edits_its_only_item_or_says_to_choose() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    press(&mut app, "/国家级高新技术企业<Enter>");
    assert!(
        app.focused().unwrap().selected_milestone().is_none(),
        "on the project"
    );
    press(&mut app, "e");
    assert_eq!(app.layer(), Layer::Form, "its one item's value");
    press(&mut app, "523<Enter>");
    let m = app.focused().unwrap().selected_milestone().unwrap();
    assert_eq!((m.id, m.current), (19, Some(523.0)));
    press(&mut app, "<Esc><Esc>/储能电池产业新生态<Enter>");
    assert!(app.focused().unwrap().selected_milestone().is_none());
    press(&mut app, "e");
    assert_eq!(app.layer(), Layer::Panes, "no form on an item nobody chose");
    let text = common::screen(&app, 120, 40);
    assert!(
        text.contains("“储能电池产业新生态”是项目,有 2 项目标任务"),
        "{text}"
    );
    assert!(
        app.focused().unwrap().selected_milestone().is_some(),
        "opened to choose"
    );
}
