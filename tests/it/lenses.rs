//! Where do we stand, by any grouping: the lenses (`L`), areas linked to
//! projects (`b`), owners (`o`), the headings' light counts, what pulls a
//! whole pane down (`X`), and the agenda narrowed by direction, 工程 and
//! owner. Each as a planner would drive it, on the 2023 plan.

use crate::common;

use common::{cockpit, open_store, open_store_at, press, test_clock};
use jiff::civil::Date;
use plan_cockpit::app::App;
use plan_cockpit::app::event::Event;
use plan_cockpit::app::keymap::Layer;
use plan_cockpit::app::lights::{self, Ask};
use plan_cockpit::app::overlay::Overlay;
use plan_cockpit::domain::lens::{Group, Lens};
use plan_cockpit::domain::pace::Light;
use plan_cockpit::domain::standing::Judging;
use plan_cockpit::domain::trend::Trend;
use plan_cockpit::i18n::Lang;
use plan_cockpit::store::ListFilter;
use std::collections::HashMap;

fn pane_names(app: &App) -> Vec<String> {
    app.panes.iter().map(|p| app.pane_name(&p.group)).collect()
}

fn focused_projects(app: &App) -> Vec<String> {
    let w = &app.focused().unwrap().projects;
    (0..w.total)
        .filter_map(|i| w.get(i).map(|p| p.name.clone()))
        .collect()
}

#[test]
fn l_groups_the_panes_by_direction_program_area_and_owner() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    assert_eq!(pane_names(&app), ["新城市", "新产业", "新生态"]);
    press(&mut app, "L");
    assert_eq!(app.lens, Lens::Programs);
    assert_eq!(
        pane_names(&app),
        [
            "科技创新培优工程",
            "产业发展强基工程",
            "产业立新柱攻坚工程",
            "招商引资提升工程",
            "数字转型赋能工程"
        ]
    );
    assert!(focused_projects(&app).contains(&"“人才东城”人才引育".to_owned()));
    // The same drill-down and edits: a value recorded in the 工程 lens.
    press(&mut app, "l<Enter>");
    assert_eq!(
        app.focused().unwrap().open.as_ref().unwrap().project.name,
        "国家级高新技术企业"
    );
    press(&mut app, "e<C-u>512<Enter>");
    let m = app.focused().unwrap().selected_milestone().unwrap().clone();
    assert_eq!(m.current, Some(512.0));
    // Areas: none linked in the source; the pane says how to link one.
    press(&mut app, "<Esc>L");
    assert_eq!(app.lens, Lens::Areas);
    assert_eq!(pane_names(&app), ["就业", "教育", "医疗", "党建", "廉政"]);
    assert!(app.panes.iter().all(|p| p.projects.total == 0));
    let text = common::screen(&app, 80, 24);
    assert!(text.contains("尚无关联项目"), "{text}");
    press(&mut app, "L");
    assert_eq!(app.lens, Lens::Owners);
    assert_eq!(
        pane_names(&app),
        ["未指定责任单位"],
        "no owner in the source"
    );
    press(&mut app, "L");
    assert_eq!(app.lens, Lens::Directions);
}

#[test]
fn b_links_a_project_to_areas_and_u_takes_it_back() {
    let (sb, mut app) = cockpit(Lang::Zh);
    press(&mut app, "/人才东城<Enter>b");
    assert_eq!(app.layer(), Layer::Form);
    press(&mut app, "就业、住房<Enter>");
    let error = match app.overlays.last() {
        Some(Overlay::Form(f)) => f.error.clone().unwrap(),
        _ => panic!("the form closed on an unknown area"),
    };
    assert!(
        error.contains("住房") && error.contains("就业、教育、医疗、党建、廉政"),
        "{error}"
    );
    press(&mut app, "<C-u>就业、education<Enter>");
    assert_eq!(app.layer(), Layer::Panes);
    press(&mut app, "LL");
    assert_eq!(app.panes[0].projects.total, 1);
    assert_eq!(app.panes[1].projects.total, 1);
    let store = open_store(&sb.db);
    let groups = store.groups_of_project(Lens::Areas, 16).unwrap();
    assert_eq!(groups, [Group::Area(1), Group::Area(2)]);
    // In the history, in words.
    let out = sb.ok(&["--lang", "zh", "project", "set", "16", "--areas", "医疗"]);
    assert!(out.contains("关联方面: 就业、教育 → 医疗"), "{out}");
    // Undo of the cockpit's link is refused now: someone (the CLI) changed
    // the project since, and the version check says so.
    press(&mut app, "u");
    assert!(app.flash.as_ref().unwrap().error);
}

#[test]
fn o_names_owners_and_a_milestone_answers_to_its_projects_unless_it_names_its_own() {
    let (sb, mut app) = cockpit(Lang::Zh);
    press(&mut app, "/国家级高新技术企业<Down><Enter>");
    // On the project in the list: its owner.
    press(&mut app, "<Esc><Esc>o经发局／张三<Enter>");
    let store = open_store(&sb.db);
    let p = store.project(17).unwrap();
    assert_eq!((p.owner.as_str(), p.lead.as_str()), ("经发局", "张三"));
    // Its milestone names no one: it answers to the project's.
    press(&mut app, "<Enter><Enter>");
    let text = common::screen(&app, 120, 40);
    assert!(text.contains("经发局/张三(随项目)"), "{text}");
    press(&mut app, "o");
    match app.overlays.last() {
        Some(Overlay::Form(f)) => assert_eq!(f.text(), "", "its own owner is empty"),
        _ => panic!("no owner form"),
    }
    press(&mut app, "科技局/李四<Enter>");
    let m = store.milestone(19).unwrap();
    assert_eq!(m.responsible().unit, "科技局");
    assert!(!m.responsible().inherited);
    // The owner lens and the agenda see both.
    press(&mut app, "<Esc><Esc>LLL");
    assert_eq!(pane_names(&app), ["经发局", "未指定责任单位"]);
    press(&mut app, "LA");
    // Owners in order (by code point: 科 before 经).
    press(&mut app, "o");
    let Some(Overlay::Agenda(a)) = app.overlays.last() else {
        panic!()
    };
    assert_eq!(a.narrowed, ["科技局"]);
    assert_eq!(a.agenda.len(), 1);
    press(&mut app, "o");
    let Some(Overlay::Agenda(a)) = app.overlays.last() else {
        panic!()
    };
    assert_eq!(a.narrowed, ["经发局"]);
    assert_eq!(
        a.agenda.len(),
        0,
        "the one milestone of 经发局's project is 科技局's now"
    );
    press(&mut app, "o");
    let Some(Overlay::Agenda(a)) = app.overlays.last() else {
        panic!()
    };
    assert!(
        a.narrowed.is_empty(),
        "after the last owner, the whole plan again"
    );
    // Undo: the milestone's owner, then the project's.
    press(&mut app, "<Esc>uu");
    assert!(store.milestone(19).unwrap().responsible().inherited);
    assert_eq!(store.project(17).unwrap().owner, "");
}

#[test]
fn the_agenda_is_narrowed_by_direction_and_program_in_turn() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    let len = |app: &App| match app.overlays.last() {
        Some(Overlay::Agenda(a)) => (a.agenda.len(), a.narrowed.clone()),
        _ => panic!("no agenda"),
    };
    press(&mut app, "A");
    let (all, _) = len(&app);
    let mut by_direction = 0;
    for name in ["新城市", "新产业", "新生态"] {
        press(&mut app, "d");
        let (n, narrowed) = len(&app);
        assert_eq!(narrowed, [name]);
        by_direction += n;
    }
    assert_eq!(by_direction, all, "the directions share the agenda out");
    press(&mut app, "d");
    assert_eq!(len(&app), (all, vec![]));
    press(&mut app, "dp");
    let (n, narrowed) = len(&app);
    assert_eq!(narrowed, ["新城市", "科技创新培优工程"]);
    assert_eq!(n, 0, "no 新城市 project is in a 工程");
    // w widens "due soon": 30 → 60 → 90 → 7 days, the narrowings kept.
    let days = |app: &App| match app.overlays.last() {
        Some(Overlay::Agenda(a)) => (a.agenda.soon_days, a.narrowed.len()),
        _ => panic!("no agenda"),
    };
    for want in [60, 90, 7, 14, 30] {
        press(&mut app, "w");
        assert_eq!(days(&app), (want, 2));
    }
    press(&mut app, "<Esc>");
    assert_eq!(app.layer(), Layer::Panes);
}

/// The headings' counts are the domain's lights of every open milestone
/// with a time limit, per pane, as the detail would show each one.
#[test]
fn heading_counts_are_the_lights_of_every_milestone_under_them() {
    let (sb, mut app) = cockpit(Lang::Zh);
    // A few readings so that numeric targets have a pace to be judged by.
    for (id, value, day) in [
        (19, "150", "2023-03-31"),
        (19, "300", "2023-06-30"),
        (36, "480", "2023-06-30"),
    ] {
        sb.ok(&[
            "milestone",
            "set",
            &id.to_string(),
            "--current",
            value,
            "--as-of",
            day,
        ]);
    }
    // Judged on a day inside 2023, when some are behind and none overdue.
    let day = "2023-07-15T09:00:00+08:00";
    let clock = plan_cockpit::domain::Clock::fixed(day.parse().unwrap());
    let store = open_store_at(&sb.db, clock);
    let ask = Ask {
        lens: Lens::Directions,
        today: jiff::civil::date(2023, 7, 15),
        plan_year: 2023,
        seen: 0,
        wrote: 0,
    };
    let counts = lights::count(&store, ask).unwrap();
    let mut expect: HashMap<Group, (usize, usize)> = HashMap::new();
    let on = Judging {
        today: "2023-07-15".parse().unwrap(),
        year: 2023,
    };
    let rows = store
        .milestones(&ListFilter {
            scope: Default::default(),
            overdue_on: None,
        })
        .unwrap();
    for m in rows {
        let d = store.detail(m.id).unwrap();
        let points: Vec<(Date, f64)> = d
            .readings
            .iter()
            .map(|r| (r.as_of.parse().unwrap(), r.value))
            .collect();
        // The row's trend sums are its readings' own.
        let of_readings = Trend::of(&points);
        assert_eq!(
            (m.trend.readings, m.trend.sum_x, m.trend.sum_xx),
            (of_readings.readings, of_readings.sum_x, of_readings.sum_xx),
            "milestone {}",
            m.id
        );
        assert!((m.trend.sum_xy - of_readings.sum_xy).abs() <= 1e-6 * of_readings.sum_xy.abs());
        if m.status == plan_cockpit::domain::Status::Done || m.due.is_none() {
            continue;
        }
        let s = m.standing(on);
        let direction = store.project(m.project_id).unwrap().direction_id;
        let slot = expect.entry(Group::Direction(direction)).or_default();
        match s.light {
            Light::Red => slot.0 += 1,
            Light::Yellow => slot.1 += 1,
            _ => {}
        }
    }
    expect.retain(|_, v| *v != (0, 0));
    let mut got: HashMap<Group, (usize, usize)> = counts
        .by_group
        .iter()
        .map(|(g, c)| (g.clone(), (c.red, c.yellow)))
        .collect();
    got.retain(|_, v| *v != (0, 0));
    assert_eq!(got, expect);
    assert!(
        got.values().any(|(red, _)| *red > 0),
        "someone is behind in July: {got:?}"
    );

    // The cockpit asks once, shows the answer for what is on screen and
    // ignores one for another lens.
    let ask = app.lights_wanted().expect("a first question");
    assert!(app.lights_wanted().is_none(), "asked once");
    let other = Ask {
        lens: Lens::Areas,
        ..ask.clone()
    };
    let stale = lights::count(&open_store_at(&sb.db, test_clock()), other).unwrap();
    assert!(!app.handle(Event::Lights(stale)));
    assert!(app.light_counts(&Group::Direction(1)).is_none());
    let fresh = lights::count(&open_store_at(&sb.db, test_clock()), ask).unwrap();
    assert!(app.handle(Event::Lights(fresh)));
    // On the pinned day (2026) all 2023 work is overdue: 新城市's 16 red.
    let counts = app.light_counts(&Group::Direction(1)).unwrap();
    assert_eq!((counts.red, counts.yellow), (16, 0));
    let text = common::screen(&app, 80, 24);
    assert!(text.contains("新城市 ◉16"), "{text}");
    // A change makes the counts stale: the heading shows none until asked
    // again, rather than an old number.
    sb.ok(&["milestone", "set", "1", "--status", "done"]);
    assert!(app.handle(Event::Tick));
    assert!(app.light_counts(&Group::Direction(1)).is_none());
    let ask = app.lights_wanted().expect("asked again");
    assert!(app.lights_pending());
    // A worker that cannot count leaves the headings bare and the loop
    // back at its usual pace, not polling for an answer that won't come.
    assert!(!app.handle(Event::LightsFailed(ask)));
    assert!(!app.lights_pending());
    assert!(app.lights_wanted().is_none());
}

#[test]
fn x_on_a_pane_lists_what_pulls_the_whole_pane_down() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    press(
        &mut app,
        "/国家级高新技术企业突破<Enter>e<C-u>300<Enter><Esc><Esc>X",
    );
    assert_eq!(app.layer(), Layer::Explain);
    let Some(Overlay::Explain(x)) = app.overlays.last() else {
        panic!()
    };
    assert!(x.pane);
    assert_eq!(x.project, "新产业");
    let rollup = app.focused().unwrap().group.rollup;
    assert_eq!(x.progress, rollup.progress);
    // Worst first: the judged before those waiting for a reading or a
    // yearly step; among them red before the rest, then the larger lag.
    assert!(x.pulls.windows(2).all(|w| {
        let (a, b) = (&w[0].standing, &w[1].standing);
        a.group() < b.group()
            || (a.group() == b.group()
                && (a.light.alarm() > b.light.alarm()
                    || (a.light == b.light && w[0].lag >= w[1].lag)))
    }));
    // On the pinned day (2026) 突破600家 is overdue at half: 50 points.
    let high_tech = x.pulls.iter().find(|p| p.row.id == 19).unwrap();
    assert_eq!(high_tech.standing.light, Light::Red);
    assert!((high_tech.lag - 50.0).abs() < 1e-9, "{high_tech:?}");
    press(&mut app, "<Enter>");
    assert_eq!(app.layer(), Layer::Panes);
    assert!(app.focused().unwrap().selected_milestone().is_some());
}

#[test]
fn a_jump_opens_the_lens_pane_that_holds_the_project() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    press(&mut app, "L/国家级高新技术企业突破<Enter>");
    assert_eq!(app.lens, Lens::Programs);
    assert_eq!(
        app.pane_name(&app.focused().unwrap().group),
        "产业发展强基工程"
    );
    // A project outside every 工程: its direction's pane, in that lens.
    press(&mut app, "/国金大厦<Enter>");
    assert_eq!(app.lens, Lens::Directions);
    assert_eq!(app.pane_name(&app.focused().unwrap().group), "新城市");
    // Adding a project happens where projects belong: in a direction.
    press(&mut app, "La");
    assert_eq!(app.layer(), Layer::Panes);
    assert!(app.flash.as_ref().unwrap().text.contains("按 L"));
}

/// Two planners name an owner for the same project: the second is shown
/// the first one's, and overwrites only by choice.
#[test]
fn two_planners_naming_an_owner_meet_in_the_conflict_view() {
    let (sb, mut app) = cockpit(Lang::Zh);
    press(&mut app, "/国家级高新技术企业<Enter>o经发局/张三");
    sb.ok(&["project", "set", "17", "--owner", "科技局/李四"]);
    press(&mut app, "<Enter>");
    assert_eq!(app.layer(), Layer::Conflict);
    let text = common::screen(&app, 120, 40);
    assert!(
        text.contains("科技局/李四") && text.contains("经发局/张三"),
        "{text}"
    );
    assert_eq!(
        open_store(&sb.db).project(17).unwrap().owner,
        "科技局",
        "nothing overwritten yet"
    );
    press(&mut app, "o");
    assert_eq!(app.layer(), Layer::Panes);
    let p = open_store(&sb.db).project(17).unwrap();
    assert_eq!((p.owner.as_str(), p.lead.as_str()), ("经发局", "张三"));
}

/// The owner lens: the units with most red and yellow first (the one
/// naming none last), the focus kept on its unit, each heading with the
/// items it answers for, and the lens's totals in the title bar.
#[test]
fn the_owner_lens_puts_the_units_most_behind_first_with_totals() {
    let (sb, mut app) = cockpit(Lang::Zh);
    // 科技局 sorts before 经发局 by name; 经发局 answers for more (on the
    // pinned day every 2023 item is overdue, so red).
    sb.ok(&["project", "set", "21", "--owner", "科技局/李四"]);
    sb.ok(&["project", "set", "22", "--owner", "经发局/张三"]);
    sb.ok(&["project", "set", "39", "--owner", "经发局/张三"]);
    app.reload().unwrap();
    press(&mut app, "LLL");
    assert_eq!(app.lens, Lens::Owners);
    assert_eq!(
        pane_names(&app)[..2],
        ["科技局", "经发局"],
        "by name until counted"
    );
    press(&mut app, "l");
    assert_eq!(app.pane_name(&app.focused().unwrap().group), "经发局");
    let ask = app.lights_wanted().expect("counts asked for the lens");
    let counts = lights::count(&open_store_at(&sb.db, test_clock()), ask).unwrap();
    assert!(app.handle(Event::Lights(counts)));
    let names = pane_names(&app);
    assert_eq!(names[..2], ["经发局", "科技局"], "most behind first");
    assert_eq!(names.last().unwrap(), "未指定责任单位");
    assert_eq!(
        app.pane_name(&app.focused().unwrap().group),
        "经发局",
        "the focus moved with its pane"
    );
    let alarms = |app: &App, i: usize| {
        let c = app.light_counts(&app.panes[i].group.group).unwrap();
        c.red + c.yellow
    };
    let named = app.panes.len() - 1;
    assert!((1..named).all(|i| alarms(&app, i - 1) >= alarms(&app, i)));
    let total = app.light_totals().unwrap();
    let text = common::screen(&app, 120, 40);
    assert!(
        text.contains(&format!("[按责任单位 · 合计 ◉{}", total.red)),
        "{text}"
    );
    assert!(text.contains("经发局"), "{text}");
    let items = app.panes[0].group.rollup.milestones;
    let c = app.light_counts(&app.panes[0].group.group).unwrap();
    let mut heading = "▶ 经发局".to_owned();
    for (n, mark) in [(c.red, "◉"), (c.yellow, "◐"), (c.waiting, "◌")] {
        if n > 0 {
            heading.push_str(&format!(" {mark}{n}"));
        }
    }
    heading.push_str(&format!(" · {items} 项"));
    assert!(text.contains(&heading), "{heading} in {text}");
    // A reload (another planner's save) keeps the order and the focus.
    app.reload().unwrap();
    assert_eq!(pane_names(&app)[..2], ["经发局", "科技局"]);
    assert_eq!(app.focus, 0);
    // This cockpit's own save changes lights too: the counts are asked
    // again (the data version moves only for other connections).
    assert!(app.lights_wanted().is_none());
    press(&mut app, "/国家级高新技术企业突破<Enter>e600<Enter>");
    assert!(app.lights_wanted().is_some(), "an own save asks again");
}
