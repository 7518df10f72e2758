//! The plan-wide change log: `plan-cockpit log` against a scripted
//! history, and `H` on a project in the cockpit.

mod common;

use common::{Sandbox, cockpit, press};
use plan_cockpit::app::keymap::Layer;
use plan_cockpit::app::overlay::Overlay;
use plan_cockpit::i18n::Lang;

fn at(sb: &Sandbox, now: &str, args: &[&str]) -> String {
    sb.ok_at(now, args)
}

#[test]
fn log_lists_every_change_newest_first_and_filters_by_day_user_and_direction() {
    let sb = Sandbox::new();
    at(
        &sb,
        "2023-11-01T09:00:00+08:00",
        &["milestone", "set", "19", "--current", "300"],
    );
    at(
        &sb,
        "2023-11-20T09:00:00+08:00",
        &["milestone", "set", "4", "--status", "active"],
    );
    at(
        &sb,
        "2023-12-01T15:30:00+08:00",
        &[
            "milestone",
            "set",
            "19",
            "--current",
            "450",
            "--note",
            "新增认定",
        ],
    );
    let all = at(&sb, "2023-12-05T10:00:00+08:00", &["--lang", "zh", "log"]);
    let lines: Vec<&str> = all.lines().collect();
    assert_eq!(lines.len(), 4, "{all}");
    assert!(
        lines[0].starts_with(
            "2023-12-01 15:30  root  国家级高新技术企业 › 国家级高新技术企业突破600家"
        ),
        "{all}"
    );
    assert!(
        lines.iter().any(|l| l.contains("完成值: 300 → 450")),
        "{all}"
    );
    assert!(lines[3].contains("完成值: — → 300"), "oldest last: {all}");
    let since = at(
        &sb,
        "2023-12-05T10:00:00+08:00",
        &["log", "--since", "2023-11-15"],
    );
    assert_eq!(since.lines().count(), 3, "{since}");
    let city = at(
        &sb,
        "2023-12-05T10:00:00+08:00",
        &["--lang", "zh", "log", "--direction", "新城市"],
    );
    assert_eq!(city.lines().count(), 1, "{city}");
    assert!(
        city.contains("国金大厦 › 动工建设") && city.contains("状态: 计划中 → 进行中"),
        "{city}"
    );
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&at(&sb, "2023-12-05T10:00:00+08:00", &["log", "--json"])).unwrap();
    assert_eq!(json.len(), 4);
    assert_eq!(json[0]["local"], "2023-12-01 15:30");
    assert_eq!(
        json[0]["field"], "body",
        "a note's text, as its own history row"
    );
    let nobody = at(
        &sb,
        "2023-12-05T10:00:00+08:00",
        &["log", "--user", "nobody"],
    );
    assert!(nobody.is_empty(), "{nobody}");
    let r = sb.run(&["--lang", "zh", "log", "--since", "2023-13-01"]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(r.stderr().contains("--since"), "{}", r.stderr());
}

#[test]
fn h_on_a_project_shows_every_change_under_it() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    press(
        &mut app,
        "/国家级高新技术企业突破<Enter>e<C-u>300<Enter>n认定中<C-s><Esc><Esc>",
    );
    press(&mut app, "o经发局<Enter>H");
    assert_eq!(app.layer(), Layer::History);
    let Some(Overlay::History(h)) = app.overlays.last() else {
        panic!()
    };
    assert_eq!(h.title, "国家级高新技术企业");
    let fields: Vec<&str> = h.rows.iter().map(|r| r.field.as_str()).collect();
    assert_eq!(fields, ["owner", "body", "current"], "newest first");
    assert!(h.rows[2].place.contains("国家级高新技术企业突破600家"));
}

#[test]
fn a_in_a_projects_history_widens_to_the_whole_pane() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    press(&mut app, "/国家级高新技术企业突破<Enter>e<C-u>300<Enter>");
    press(
        &mut app,
        "/规上工业企业完成数字化评估<Enter>e<C-u>120<Enter><Esc><Esc>H",
    );
    let Some(Overlay::History(h)) = app.overlays.last() else {
        panic!()
    };
    assert_eq!(h.rows.len(), 1, "the project's own");
    press(&mut app, "a");
    assert_eq!(app.layer(), Layer::History);
    let Some(Overlay::History(h)) = app.overlays.last() else {
        panic!()
    };
    assert_eq!(h.title, "新产业");
    assert_eq!(h.rows.len(), 2, "both projects of the pane: {:?}", h.rows);
    assert!(h.rows[0].place.contains("数字化评估"), "newest first");
    press(&mut app, "a<Esc>");
    assert_eq!(app.layer(), Layer::Panes);
}
