//! The cockpit as a state machine, without a terminal: key sequences in,
//! state and database out, for every edit path and its refusal.

use crate::common;

use common::{Sandbox, cockpit, open_store, press};
use plan_cockpit::app::App;
use plan_cockpit::app::keymap::Layer;
use plan_cockpit::app::overlay::Overlay;
use plan_cockpit::app::pane::Depth;
use plan_cockpit::domain::Status;
use plan_cockpit::i18n::Lang;
use plan_cockpit::store::{HitKind, MilestoneRow};

const HIGH_TECH: &str = "国家级高新技术企业突破600家";

fn milestone(sb: &Sandbox, title: &str) -> MilestoneRow {
    let store = open_store(&sb.db);
    let rows = store
        .milestones(&plan_cockpit::store::ListFilter {
            scope: Default::default(),
            overdue_on: None,
        })
        .unwrap();
    rows.into_iter()
        .find(|m| m.title == title)
        .unwrap_or_else(|| panic!("no milestone {title}"))
}

/// Goes to the high-tech milestone through search, as a planner would.
fn to_high_tech(app: &mut App) {
    press(app, "/国家级高新技术企业突破");
    assert_eq!(app.layer(), Layer::Search);
    press(app, "<Enter>");
    assert_eq!(app.layer(), Layer::Panes);
    let pane = app.focused().unwrap();
    assert_eq!(pane.group.name, "新产业");
    assert_eq!(pane.selected_milestone().unwrap().title, HIGH_TECH);
}

/// Another planner (another connection) records a value for the
/// high-tech milestone.
fn set_elsewhere(sb: &Sandbox, value: f64) {
    let id = milestone(sb, HIGH_TECH).id;
    let change = plan_cockpit::domain::MilestoneChange {
        value: Some(plan_cockpit::domain::ValueChange::Set(value)),
        ..Default::default()
    };
    open_store(&sb.db)
        .update_milestone(id, None, change, "cli")
        .unwrap();
}

fn form_error(app: &App) -> Option<String> {
    match app.overlays.last() {
        Some(Overlay::Form(f)) => f.error.clone(),
        _ => None,
    }
}

#[test]
fn focus_selection_drill_down_and_back() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    assert_eq!(app.panes.len(), 3);
    assert_eq!(app.focus, 0);
    press(&mut app, "l");
    assert_eq!(app.focus, 1);
    press(&mut app, "<Tab><Tab>");
    assert_eq!(app.focus, 0, "focus wraps around");
    press(&mut app, "<BackTab>h<Right><Left>");
    assert_eq!(app.focus, 1);
    press(&mut app, "jjjj");
    assert_eq!(app.focused().unwrap().projects.sel, 4);
    press(&mut app, "k");
    assert_eq!(app.focused().unwrap().projects.sel, 3);
    press(&mut app, "G");
    assert_eq!(app.focused().unwrap().projects.sel, 21);
    press(&mut app, "g");
    assert_eq!(app.focused().unwrap().projects.sel, 0);
    press(&mut app, "<PageDown>");
    assert_eq!(app.focused().unwrap().projects.sel, app.page.min(21));
    press(&mut app, "g");
    // 国家级高新技术企业 is the 8th project of 新产业.
    press(&mut app, "jjjjjjj<Enter>");
    let pane = app.focused().unwrap();
    assert_eq!(pane.depth(), Depth::Milestones);
    assert_eq!(pane.selected_project().unwrap().name, "国家级高新技术企业");
    press(&mut app, "<Enter>");
    assert_eq!(app.focused().unwrap().depth(), Depth::Detail);
    assert_eq!(
        app.focused()
            .unwrap()
            .open_detail()
            .unwrap()
            .detail
            .milestone
            .title,
        HIGH_TECH
    );
    press(&mut app, "<Backspace>");
    assert_eq!(app.focused().unwrap().depth(), Depth::Milestones);
    press(&mut app, "<Esc>");
    let pane = app.focused().unwrap();
    assert_eq!(pane.depth(), Depth::Projects);
    assert_eq!(pane.projects.sel, 7, "back lands on the same project");
    // The other panes did not move.
    assert_eq!(app.panes[0].depth(), Depth::Projects);
    press(&mut app, "z");
    assert!(app.zoomed);
    press(&mut app, "z");
    assert!(!app.zoomed);
}

#[test]
fn search_finds_chinese_substrings_and_jumps_to_notes() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    press(&mut app, "/储能");
    let Some(Overlay::Search(s)) = app.overlays.last() else {
        panic!("no search")
    };
    assert!(s.hits.len() >= 3, "{:?}", s.hits);
    assert!(
        s.hits
            .iter()
            .any(|h| h.text.contains("新能源储能工业总产值"))
    );
    press(&mut app, "<C-u>翡翠");
    let Some(Overlay::Search(s)) = app.overlays.last() else {
        panic!()
    };
    assert_eq!(s.hits[0].text, "“翡翠绿链”");

    // A project's note (its source quote): the hit after the milestone. The
    // pane opens that project, where the note is shown.
    press(&mut app, "<C-u>连山串水");
    let Some(Overlay::Search(s)) = app.overlays.last() else {
        panic!()
    };
    let kinds: Vec<HitKind> = s.hits.iter().map(|h| h.kind).collect();
    assert_eq!(kinds, [HitKind::Milestone, HitKind::Note]);
    press(&mut app, "<Down><Enter>");
    let pane = app.focused().unwrap();
    assert_eq!(pane.group.name, "新生态");
    assert_eq!(pane.depth(), Depth::Milestones);
    let open = pane.open.as_ref().unwrap();
    assert_eq!(open.project.name, "“翡翠绿链”");
    assert!(open.notes[0].body.contains("连山串水"));

    // A milestone's note: the pane opens the milestone's detail with that
    // note selected.
    to_high_tech(&mut app);
    press(
        &mut app,
        "n第一条<C-s>n第二条备注<C-s><Esc><Esc>/第一条<Enter>",
    );
    let pane = app.focused().unwrap();
    assert_eq!(pane.depth(), Depth::Detail);
    let d = pane.open_detail().unwrap();
    assert_eq!(d.detail.milestone.title, HIGH_TECH);
    assert_eq!(
        d.detail.notes[d.note_sel].body, "第一条",
        "the hit note is selected, not the newest"
    );

    press(&mut app, "/不存在的词");
    let Some(Overlay::Search(s)) = app.overlays.last() else {
        panic!()
    };
    assert!(s.hits.is_empty());
    press(&mut app, "<Enter><Esc>");
    assert_eq!(app.layer(), Layer::Panes);
}

#[test]
fn record_a_value_and_refuse_a_wrong_one() {
    let (sb, mut app) = cockpit(Lang::Zh);
    to_high_tech(&mut app);
    press(&mut app, "e");
    assert_eq!(app.layer(), Layer::Form);
    press(&mut app, "12a<Enter>");
    assert!(
        form_error(&app).unwrap().contains("不是有效数字"),
        "{:?}",
        form_error(&app)
    );
    assert_eq!(app.layer(), Layer::Form, "a refusal keeps the form open");
    assert_eq!(
        milestone(&sb, HIGH_TECH).current,
        None,
        "nothing reached the database"
    );
    press(&mut app, "<C-u>５１２<Enter>");
    assert_eq!(app.layer(), Layer::Panes);
    assert_eq!(app.flash.as_ref().unwrap().text, "已保存");
    let m = milestone(&sb, HIGH_TECH);
    assert_eq!((m.current, m.version), (Some(512.0), 2));
    // The form opens prefilled with the stored value.
    press(&mut app, "e");
    let Some(Overlay::Form(f)) = app.overlays.last() else {
        panic!()
    };
    assert_eq!(f.input.lines(), ["512"]);
    press(&mut app, "<Esc>");
    assert_eq!(milestone(&sb, HIGH_TECH).version, 2, "Esc saves nothing");
}

#[test]
fn status_menu_due_date_and_target() {
    let (sb, mut app) = cockpit(Lang::En);
    to_high_tech(&mut app);
    press(&mut app, "s");
    assert_eq!(app.layer(), Layer::Menu);
    press(&mut app, "jjj<Enter>");
    assert_eq!(milestone(&sb, HIGH_TECH).status, Status::Done);
    press(&mut app, "d<C-u>2023-02-30<Enter>");
    assert!(
        form_error(&app)
            .unwrap()
            .contains("not a real calendar date")
    );
    press(&mut app, "<C-u>2023-13-01<Enter>");
    assert!(form_error(&app).is_some());
    press(&mut app, "<C-u>2024-06-30<Enter>");
    assert_eq!(
        milestone(&sb, HIGH_TECH)
            .due
            .map(|d| d.to_string())
            .as_deref(),
        Some("2024-06-30")
    );
    press(&mut app, "t<C-u>700 家<Enter>");
    let m = milestone(&sb, HIGH_TECH);
    assert_eq!((m.target, m.unit.as_str()), (Some(700.0), "家"));
    press(&mut app, "t<C-u>lots<Enter>");
    assert!(form_error(&app).unwrap().contains("not a number"));
    press(&mut app, "<Esc>");
    assert_eq!(milestone(&sb, HIGH_TECH).target, Some(700.0));
}

#[test]
fn a_yes_no_task_is_marked_done_on_the_day_it_was_done() {
    let (sb, mut app) = cockpit(Lang::Zh);
    press(&mut app, "/京东<Down><Enter>");
    let m = app.focused().unwrap().selected_milestone().unwrap().clone();
    press(&mut app, "t");
    assert_eq!(app.layer(), Layer::Panes, "a yes/no task has no target");
    assert!(app.flash.as_ref().unwrap().error);
    // `e` asks for the day it was done, today by default.
    press(&mut app, "e");
    assert_eq!(app.layer(), Layer::Form);
    match app.overlays.last() {
        Some(Overlay::Form(f)) => assert_eq!(f.text(), "2026-11-29"),
        _ => panic!("no form"),
    }
    press(&mut app, "<C-u>2026-12-01<Enter>");
    assert!(
        form_error(&app).unwrap().contains("2026-12-01"),
        "not a day to come"
    );
    press(&mut app, "<C-u>2026-03-20<Enter>");
    assert_eq!(app.layer(), Layer::Panes);
    assert_eq!(milestone(&sb, &m.title).status, Status::Done);
    let detail = open_store(&sb.db).detail(m.id).unwrap();
    assert_eq!(detail.readings.len(), 1);
    assert_eq!(detail.readings[0].as_of, "2026-03-20");
    assert!(detail.history.iter().any(|h| h.field == "done_on"));
    // Undo takes the status and the day back.
    press(&mut app, "u");
    assert_eq!(milestone(&sb, &m.title).status, m.status);
    assert!(open_store(&sb.db).detail(m.id).unwrap().readings.is_empty());
    // The status menu marks it done today.
    press(&mut app, "s<Up><Up><Up><Up><Down><Down><Down><Down><Enter>");
    assert_eq!(milestone(&sb, &m.title).status, Status::Done);
    assert_eq!(
        open_store(&sb.db).detail(m.id).unwrap().readings[0].as_of,
        "2026-11-29"
    );
}

#[test]
fn notes_are_written_edited_and_never_silently_discarded() {
    let (sb, mut app) = cockpit(Lang::Zh);
    to_high_tech(&mut app);
    press(&mut app, "n第二季度新增认定12家<Enter>待复核");
    assert_eq!(app.layer(), Layer::Editor);
    assert!(app.has_unsaved_text());
    // Esc on a changed text asks; "n" keeps editing with the text intact.
    press(&mut app, "<Esc>");
    assert_eq!(app.layer(), Layer::Confirm);
    press(&mut app, "n");
    assert_eq!(app.layer(), Layer::Editor);
    press(&mut app, "<C-s>");
    assert_eq!(app.layer(), Layer::Panes);
    let store = open_store(&sb.db);
    let d = store.detail(milestone(&sb, HIGH_TECH).id).unwrap();
    assert_eq!(d.notes[0].body, "第二季度新增认定12家\n待复核");
    assert_eq!(d.notes[0].author, "planner");

    // Edit it from the detail view.
    press(&mut app, "<Enter>E");
    assert_eq!(app.layer(), Layer::Editor);
    press(&mut app, "(已复核)<C-s>");
    let d = store.detail(d.milestone.id).unwrap();
    assert_eq!(d.notes[0].body, "第二季度新增认定12家\n待复核(已复核)");

    // An empty note is refused in place.
    press(&mut app, "n   <C-s>");
    assert_eq!(app.layer(), Layer::Editor);
    // Discarding needs a yes.
    press(&mut app, "x<Esc>y");
    assert_eq!(app.layer(), Layer::Panes);
    assert_eq!(store.detail(d.milestone.id).unwrap().notes.len(), 1);
}

/// LF (Ctrl-J) is how a terminal without bracketed paste sends a pasted line
/// break, and how a dropped pty says goodbye; in the note editor it must
/// start a new line, never delete what was typed before it on the line.
#[test]
fn a_line_feed_in_the_note_editor_breaks_the_line_and_keeps_the_text() {
    let (sb, mut app) = cockpit(Lang::Zh);
    to_high_tech(&mut app);
    press(&mut app, "n第一行<C-j>第二行<C-j><C-j>第四行");
    assert_eq!(app.layer(), Layer::Editor);
    let Some(Overlay::Editor(e)) = app.overlays.last() else {
        panic!("no editor");
    };
    assert_eq!(e.text(), "第一行\n第二行\n\n第四行");
    assert!(app.pending_draft().is_some(), "a line break is typing too");
    press(&mut app, "<C-s>");
    let d = open_store(&sb.db)
        .detail(milestone(&sb, HIGH_TECH).id)
        .unwrap();
    assert_eq!(d.notes[0].body, "第一行\n第二行\n\n第四行");
}

/// In a one-line field LF is ignored: the typed value survives it.
#[test]
fn a_line_feed_in_a_one_line_field_changes_nothing() {
    let (sb, mut app) = cockpit(Lang::Zh);
    to_high_tech(&mut app);
    press(&mut app, "e<C-u>523<C-j><Enter>");
    assert_eq!(app.layer(), Layer::Panes, "{:?}", form_error(&app));
    assert_eq!(milestone(&sb, HIGH_TECH).current, Some(523.0));
    press(&mut app, "/高新<C-j>技术");
    let Some(Overlay::Search(s)) = app.overlays.last() else {
        panic!("no search");
    };
    assert_eq!(s.input.lines().join(""), "高新技术");
}

#[test]
fn quitting_with_unsaved_text_asks_first() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    to_high_tech(&mut app);
    press(&mut app, "n半句话<C-c>");
    assert_eq!(app.layer(), Layer::Confirm);
    assert!(!app.quit);
    press(&mut app, "n");
    assert_eq!(app.layer(), Layer::Editor);
    press(&mut app, "<C-c>y");
    assert!(app.quit);
    let (_sb, mut app) = cockpit(Lang::Zh);
    press(&mut app, "q");
    assert!(app.quit, "q quits at once when nothing is unsaved");
}

#[test]
fn add_rename_delete_and_undo() {
    let (sb, mut app) = cockpit(Lang::Zh);
    press(&mut app, "a<Enter>");
    assert!(
        form_error(&app).unwrap().contains("项目名称不能为空"),
        "an empty name is refused, in the planner's words"
    );
    press(&mut app, "城市更新示范片区<Enter>");
    let pane = app.focused().unwrap();
    assert_eq!(pane.projects.total, 12);
    assert_eq!(pane.selected_project().unwrap().name, "城市更新示范片区");
    press(&mut app, "r<C-u>城市更新示范区<Enter>");
    assert_eq!(
        app.focused().unwrap().selected_project().unwrap().name,
        "城市更新示范区"
    );
    press(&mut app, "<Enter>a完成拆迁签约<Enter>");
    assert_eq!(
        app.focused()
            .unwrap()
            .open
            .as_ref()
            .unwrap()
            .milestones
            .total,
        1
    );
    assert!(milestone(&sb, "完成拆迁签约").id > 0);

    // Undo walks back this session's changes, newest first.
    press(&mut app, "u");
    assert!(
        app.focused()
            .unwrap()
            .open
            .as_ref()
            .unwrap()
            .milestones
            .is_empty()
    );
    press(&mut app, "<Esc>u");
    assert_eq!(
        app.focused().unwrap().selected_project().unwrap().name,
        "城市更新示范片区"
    );
    press(&mut app, "u");
    assert_eq!(app.focused().unwrap().projects.total, 11);
    press(&mut app, "u");
    assert!(app.flash.as_ref().unwrap().error, "nothing left to undo");

    // Delete asks first; "n" keeps it.
    press(&mut app, "GD");
    assert_eq!(app.layer(), Layer::Confirm);
    press(&mut app, "n");
    assert_eq!(app.focused().unwrap().projects.total, 11);
    press(&mut app, "Dy");
    assert_eq!(app.focused().unwrap().projects.total, 10);
}

#[test]
fn value_edits_and_notes_undo() {
    let (sb, mut app) = cockpit(Lang::Zh);
    to_high_tech(&mut app);
    press(&mut app, "e<C-u>100<Enter>e<C-u>150<Enter>");
    assert_eq!(milestone(&sb, HIGH_TECH).current, Some(150.0));
    press(&mut app, "u");
    assert_eq!(milestone(&sb, HIGH_TECH).current, Some(100.0));
    press(&mut app, "u");
    assert_eq!(milestone(&sb, HIGH_TECH).current, None);
    press(&mut app, "n备注<C-s><Enter>");
    press(&mut app, "Dy");
    let store = open_store(&sb.db);
    assert!(
        store
            .detail(milestone(&sb, HIGH_TECH).id)
            .unwrap()
            .notes
            .is_empty()
    );
    press(&mut app, "u");
    assert_eq!(
        store.detail(milestone(&sb, HIGH_TECH).id).unwrap().notes[0].body,
        "备注",
        "a deleted note comes back"
    );
    press(&mut app, "u");
    assert!(
        store
            .detail(milestone(&sb, HIGH_TECH).id)
            .unwrap()
            .notes
            .is_empty(),
        "then the added note goes"
    );
}

#[test]
fn another_planners_save_is_not_overwritten_silently() {
    let (sb, mut app) = cockpit(Lang::En);
    to_high_tech(&mut app);
    let set = |value: f64| set_elsewhere(&sb, value);
    press(&mut app, "e<C-u>300");
    set(280.0); // meanwhile, someone else records a value
    press(&mut app, "<Enter>");
    assert_eq!(
        app.layer(),
        Layer::Conflict,
        "a conflict view, not a silent overwrite"
    );
    let Some(Overlay::Conflict(c)) = app.overlays.last() else {
        panic!()
    };
    assert_eq!(
        (c.theirs.as_str(), c.mine.as_str(), c.by.as_str()),
        ("280", "300", "planner")
    );
    assert_eq!(milestone(&sb, HIGH_TECH).current, Some(280.0));

    // Edit again: back in the form, with my text.
    press(&mut app, "e");
    let Some(Overlay::Form(f)) = app.overlays.last() else {
        panic!("form")
    };
    assert_eq!(f.input.lines(), ["300"]);
    // Having seen theirs, saving from here replaces it, knowingly.
    press(&mut app, "<Enter>");
    assert_eq!(app.layer(), Layer::Panes);
    assert_eq!(milestone(&sb, HIGH_TECH).current, Some(300.0));

    // Keep theirs: my text is dropped only on that explicit choice.
    press(&mut app, "e<C-u>310");
    set(305.0);
    press(&mut app, "<Enter>t");
    assert_eq!(app.layer(), Layer::Panes);
    assert_eq!(milestone(&sb, HIGH_TECH).current, Some(305.0));

    // Overwrite straight from the conflict view.
    press(&mut app, "e<C-u>320");
    set(315.0);
    press(&mut app, "<Enter>o");
    assert_eq!(app.layer(), Layer::Panes);
    assert_eq!(milestone(&sb, HIGH_TECH).current, Some(320.0));
}

#[test]
fn a_note_edited_by_two_planners_shows_both_texts() {
    let (sb, mut a) = cockpit(Lang::Zh);
    to_high_tech(&mut a);
    press(&mut a, "n原始备注<C-s>");
    let mut b = App::new(open_store(&sb.db), Lang::Zh).unwrap();
    to_high_tech(&mut b);
    press(&mut b, "<Enter>E,B的补充");
    press(&mut a, "<Enter>E,A的补充<C-s>");
    press(&mut b, "<C-s>");
    assert_eq!(b.layer(), Layer::Conflict);
    let Some(Overlay::Conflict(c)) = b.overlays.last() else {
        panic!()
    };
    assert_eq!(c.theirs, "原始备注,A的补充");
    assert_eq!(c.mine, "原始备注,B的补充");
    press(&mut b, "<Esc>");
    assert_eq!(b.layer(), Layer::Editor, "B's text survives in the editor");
    let Some(Overlay::Editor(e)) = b.overlays.last() else {
        panic!()
    };
    assert_eq!(e.text(), "原始备注,B的补充");
}

#[test]
fn help_lists_every_binding_of_the_key_table() {
    for lang in [Lang::Zh, Lang::En] {
        let (_sb, mut app) = cockpit(lang);
        press(&mut app, "?");
        assert_eq!(app.layer(), Layer::Help);
        // Tall enough for every line of help at once.
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 160)).unwrap();
        t.draw(|f| plan_cockpit::ui::render(&app, f)).unwrap();
        let screen = t.backend().to_string();
        for b in plan_cockpit::app::keymap::BINDINGS {
            let line = plan_cockpit::app::keymap::keys_label(b.keys);
            let desc = plan_cockpit::ui::describe(lang, b);
            assert!(
                screen
                    .lines()
                    .any(|l| l.contains(&line) && l.contains(desc)),
                "{lang:?}: help lacks {line} {desc}"
            );
        }
        press(&mut app, "jjk<Esc>");
        assert_eq!(app.layer(), Layer::Panes);
    }
}

#[test]
fn another_planners_commit_shows_with_the_selection_kept() {
    let (sb, mut app) = cockpit(Lang::Zh);
    to_high_tech(&mut app);
    assert!(!app.refresh_if_changed(), "nothing changed yet");
    // Someone adds a project above ours and records a value.
    let direction = match app.focused().unwrap().group.group {
        plan_cockpit::domain::lens::Group::Direction(d) => d,
        _ => unreachable!(),
    };
    open_store(&sb.db)
        .add_project(direction, "新增的项目")
        .unwrap();
    set_elsewhere(&sb, 333.0);
    assert!(app.refresh_if_changed());
    let pane = app.focused().unwrap();
    let m = pane.selected_milestone().unwrap();
    assert_eq!(
        (m.title.as_str(), m.current),
        (HIGH_TECH, Some(333.0)),
        "same item, new value"
    );
    assert_eq!(pane.projects.total, 23);
    assert!(!app.refresh_if_changed(), "quiet again");
    // Our own writes do not count as someone else's.
    press(&mut app, "e<C-u>334<Enter>");
    assert!(!app.refresh_if_changed());
}

#[test]
fn a_draft_survives_the_session_and_is_offered_on_the_next_start() {
    let (sb, mut app) = cockpit(Lang::Zh);
    to_high_tech(&mut app);
    press(&mut app, "n断线前写了一半");
    assert!(app.draft_due().is_some(), "typing schedules a draft");
    app.save_draft();
    assert!(app.draft_due().is_none());
    drop(app); // the session dies without saving the note

    let mut next = App::new(open_store(&sb.db), Lang::Zh).unwrap();
    assert_eq!(next.layer(), Layer::Confirm, "the draft is offered");
    press(&mut next, "y");
    let Some(Overlay::Editor(e)) = next.overlays.last() else {
        panic!("no editor")
    };
    assert_eq!(e.input.lines(), ["断线前写了一半"]);
    press(&mut next, ",已补全<C-s>");
    let store = open_store(&sb.db);
    let d = store.detail(milestone(&sb, HIGH_TECH).id).unwrap();
    assert_eq!(d.notes[0].body, "断线前写了一半,已补全");
    assert!(
        store.drafts().unwrap().is_empty(),
        "a saved note leaves no draft"
    );

    // Declining an offered draft discards it.
    let mut app = App::new(open_store(&sb.db), Lang::Zh).unwrap();
    to_high_tech(&mut app);
    press(&mut app, "n不要了");
    app.save_draft();
    drop(app);
    let mut next = App::new(open_store(&sb.db), Lang::Zh).unwrap();
    press(&mut next, "n");
    assert_eq!(next.layer(), Layer::Panes);
    assert!(open_store(&sb.db).drafts().unwrap().is_empty());
}

#[test]
fn history_lists_who_changed_what_from_what_to_what() {
    let (_sb, mut app) = cockpit(Lang::En);
    to_high_tech(&mut app);
    press(&mut app, "e<C-u>100<Enter>e<C-u>120<Enter>s<Down><Enter>H");
    assert_eq!(app.layer(), Layer::History);
    let Some(Overlay::History(history)) = app.overlays.last() else {
        panic!()
    };
    let rows = &history.rows;
    let changes: Vec<(&str, Option<&str>, Option<&str>)> = rows
        .iter()
        .map(|h| (h.field.as_str(), h.old.as_deref(), h.new.as_deref()))
        .collect();
    assert_eq!(
        changes,
        [
            ("status", Some("active"), Some("at_risk")),
            ("current", Some("100"), Some("120")),
            ("current", None, Some("100"))
        ]
    );
    assert!(rows.iter().all(|h| h.author == "planner"));
    press(&mut app, "jk<Esc>");
    assert_eq!(app.layer(), Layer::Panes);
}

#[test]
fn a_read_only_or_damaged_database_shows_a_banner_and_refuses_edits() {
    let sb = Sandbox::new();
    drop(open_store(&sb.db));
    let store = plan_cockpit::store::open(
        &sb.db,
        plan_cockpit::store::OpenOptions {
            author: "planner".into(),
            quick_check: true,
            read_only: true,
            seed: None,
            allow_network_fs: false,
            clock: common::test_clock(),
        },
    )
    .unwrap();
    let mut app = App::new(store, Lang::Zh).unwrap();
    assert!(app.read_only.as_deref().unwrap().contains("--read-only"));
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    t.draw(|f| plan_cockpit::ui::render(&app, f)).unwrap();
    assert!(
        t.backend()
            .to_string()
            .contains("[只读: 以只读方式打开(--read-only)]"),
        "{}",
        t.backend()
    );
    to_high_tech(&mut app);
    press(&mut app, "e<C-u>5<Enter>");
    assert_eq!(app.layer(), Layer::Form, "refused in place");
    let Some(Overlay::Form(f)) = app.overlays.last() else {
        panic!()
    };
    assert!(
        f.error.as_deref().unwrap().contains("只读"),
        "{:?}",
        f.error
    );
    assert_eq!(milestone(&sb, HIGH_TECH).current, None);
}

#[test]
fn a_failed_background_integrity_check_makes_the_cockpit_read_only() {
    let (sb, mut app) = cockpit(Lang::En);
    assert!(!app.integrity_checked("ok"), "ok needs no redraw");
    assert!(app.read_only.is_none());
    assert!(app.integrity_checked(
        "*** in database main *** Page 7: btreeInitPage() returns error code 11"
    ));
    assert!(
        app.read_only
            .as_deref()
            .unwrap()
            .starts_with("quick_check failed")
    );
    to_high_tech(&mut app);
    press(&mut app, "e<C-u>5<Enter>");
    let Some(Overlay::Form(f)) = app.overlays.last() else {
        panic!("refused in place")
    };
    assert!(
        f.error.as_deref().unwrap().contains("quick_check failed"),
        "{:?}",
        f.error
    );
    assert_eq!(milestone(&sb, HIGH_TECH).current, None);
}

/// `y` copies the selected item's line; right after `R` has written a
/// report (its path on the status line), the report's path; any other key
/// in between forgets the report.
#[test]
fn y_copies_the_item_line_or_the_report_just_written() {
    use plan_cockpit::app::event::Event;
    let (_sb, mut app) = cockpit(Lang::Zh);
    common::to_high_tech(&mut app);
    press(&mut app, "y");
    let line = app.clipboard_wanted().expect("the item's line");
    assert!(
        line.contains("国家级高新技术企业突破600家") && line.contains("600家"),
        "{line}"
    );
    let path = std::path::PathBuf::from("/tmp/工作进展报告-2023-05-10.docx");
    app.handle(Event::ReportWritten(Ok(path.clone())));
    press(&mut app, "y");
    assert_eq!(
        app.clipboard_wanted().as_deref(),
        Some(path.to_str().unwrap())
    );
    app.handle(Event::ReportWritten(Ok(path)));
    press(&mut app, "jky");
    let again = app.clipboard_wanted().expect("a line");
    assert!(again.starts_with('#'), "the report was forgotten: {again}");
}
