//! A city on one PostgreSQL database (issue 27): every unit's plans side
//! by side, each in its own schema, made by the same commands as a plan
//! file; a unit's planners write only their unit's plans — through the
//! command line and in plain SQL alike — and the city reads them all.

use crate::common::{Sandbox, pg};

const LEDGER: &str = "方向,工程,方面,项目,目标任务,类型,目标值,单位,基数,完成时限,责任单位,责任人,原文
新产业,产业发展强基工程,,专精特新产业园,园区入驻企业达到30家,定量,30,家,10,2024-12-31,经济发展局,李四,
新城市,,,旧村改造,完成改造2个村,定量,2,个,0,2024-06-30,城建局,王五,
";

/// A sandbox whose `--db` is the test's database on the server.
fn on_server(db: &pg::TestDb) -> Sandbox {
    let mut sb = Sandbox::new();
    sb.db = db.url.clone().into();
    sb
}

/// A sandbox whose `--db` is an empty folder of plans.
fn folder_of_plans() -> Sandbox {
    let mut sb = Sandbox::new();
    sb.db = sb.path("plans");
    std::fs::create_dir(&sb.db).unwrap();
    sb
}

/// The unit and city roles of docs/postgres-units.sql, and one person in
/// each (roles belong to the whole server: made once, kept).
fn city_roles(c: &mut postgres::Client) {
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    c.batch_execute(include_str!("../../docs/postgres-units.sql"))
        .unwrap();
    for (person, group) in [
        ("dc_wang", "dongchengjiedao_planner"),
        ("nc_li", "nanchengjiedao_planner"),
        ("city_zhou", "plan_city"),
    ] {
        c.batch_execute(&format!(
            "DO $$ BEGIN CREATE ROLE {person} LOGIN IN ROLE {group};
             EXCEPTION WHEN duplicate_object THEN NULL; END $$;"
        ))
        .unwrap();
    }
}

#[test]
fn a_city_keeps_every_units_plans_and_each_unit_writes_only_its_own() {
    let Some(db) = pg::test_db() else { return };
    city_roles(&mut db.client());
    let mut sb = Sandbox::new();
    let ledger = sb.write("南城台账.csv", LEDGER);
    sb.db = db.url.clone().into();
    let made = sb.ok(&["init"]);
    assert!(made.contains("[dongchengjiedao_2023]"), "{made}");
    assert!(made.contains("dongchengjiedao_planner"), "{made}");
    let carried = sb.ok(&[
        "plan",
        "new",
        "--year",
        "2024",
        "--from",
        "2023",
        "--carry-over",
    ]);
    assert!(carried.contains("[dongchengjiedao_2024]"), "{carried}");
    let imported = sb.ok(&[
        "plan",
        "import",
        ledger.to_str().unwrap(),
        "--year",
        "2024",
        "--unit",
        "南城街道",
    ]);
    assert!(imported.contains("[nanchengjiedao_2024]"), "{imported}");

    // The owner sees the three; a command without --plan is asked which.
    let listed = sb.ok(&["plan", "list"]);
    assert_eq!(listed.lines().count(), 3, "{listed}");
    let r = sb.run(&["milestone", "list"]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(r.stderr().contains("--plan"), "{}", r.stderr());
    // The carried items keep their origin in 2023's plan.
    let y2023 = sb.ok(&["--plan", "东城街道/2023", "plan", "show", "--json"]);
    let y2023: serde_json::Value = serde_json::from_str(&y2023).unwrap();
    let exported = sb.ok(&["--plan", "东城街道/2024", "export", "--format", "json"]);
    assert!(
        exported.contains(&format!("{}#", y2023["identity"].as_str().unwrap())),
        "2024's items name their origin in 2023"
    );

    // Ids are unique across the database: each plan made there took a block
    // of its own, so 南城's item is not 东城's #1.
    let task = id_of(
        &sb,
        &["--plan", "东城街道/2024"],
        "国家级高新技术企业突破600家",
    );
    let park = id_of(&sb, &["--plan", "南城街道/2024"], "园区入驻企业达到30家");
    assert_ne!(task, park);
    let r = sb.run(&[
        "--plan",
        "南城街道/2024",
        "milestone",
        "set",
        &task,
        "--current",
        "1",
    ]);
    assert_ne!(
        r.code(),
        0,
        "东城's id is no item of 南城's plan: {}",
        r.stderr()
    );

    // 东城's planner: writes 东城's plan, cannot reach 南城's at all.
    let mut dc = Sandbox::new();
    dc.db = db.as_role("dc_wang").into();
    let dc_list = dc.ok(&["plan", "list"]);
    assert_eq!(dc_list.lines().count(), 2, "{dc_list}");
    assert!(!dc_list.contains("南城"), "{dc_list}");
    dc.ok(&[
        "--plan",
        "东城街道/2024",
        "milestone",
        "set",
        &task,
        "--note",
        "东城写自己的计划",
    ]);
    let r = dc.run(&[
        "--plan",
        "南城街道/2024",
        "milestone",
        "set",
        &park,
        "--current",
        "29",
    ]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    let mut as_dc = postgres::Client::connect(&db.as_role("dc_wang"), postgres::NoTls).unwrap();
    for (sql, why) in [
        (
            "UPDATE nanchengjiedao_2024.milestone SET current = 29",
            "another unit's plan",
        ),
        (
            "DELETE FROM dongchengjiedao_2024.history",
            "the change log is append-only",
        ),
    ] {
        let refused = as_dc.execute(sql, &[]).unwrap_err();
        assert_eq!(
            refused.code(),
            Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
            "{why}: {refused}"
        );
    }

    // 南城's planner writes 南城's.
    let mut nc = Sandbox::new();
    nc.db = db.as_role("nc_li").into();
    nc.ok(&["milestone", "set", &park, "--current", "12"]);
    let current: f64 = db
        .client()
        .query_one(
            "SELECT current FROM nanchengjiedao_2024.milestone WHERE id = $1",
            &[&park.parse::<i64>().unwrap()],
        )
        .unwrap()
        .get(0);
    assert_eq!(current, 12.0);

    // The city reads all three and writes none; its 城市 view of 2024 has
    // both units, a row each.
    let mut city = Sandbox::new();
    city.db = db.as_role("city_zhou").into();
    assert_eq!(city.ok(&["plan", "list"]).lines().count(), 3);
    let meant = plan_cockpit::domain::plan_ref::PlanRef::parse("东城街道/2024").unwrap();
    let place =
        match plan_cockpit::store::postgres::choose_plan(&db.as_role("city_zhou"), Some(&meant))
            .unwrap()
        {
            plan_cockpit::store::postgres::Chosen::Plan(p) => p,
            other => panic!("{other:?}"),
        };
    let store = crate::common::open_store(std::path::Path::new(&place));
    let mut app = plan_cockpit::app::App::new(store, plan_cockpit::i18n::Lang::Zh).unwrap();
    app.resize(80, 24);
    crate::common::press(&mut app, "P");
    crate::common::answer_plans(&mut app);
    crate::common::press(&mut app, "c");
    let view = crate::common::screen(&app, 80, 24);
    assert!(view.contains("城市 · 2024年度 · 2 个单位"), "{view}");
    assert!(
        view.contains("东城街道") && view.contains("南城街道"),
        "{view}"
    );
    let r = city.run(&[
        "--plan",
        "南城街道/2024",
        "milestone",
        "set",
        &park,
        "--current",
        "1",
    ]);
    assert_ne!(r.code(), 0, "the city role writes nothing");
    let listed = city.ok(&["--plan", "南城街道/2024", "milestone", "list"]);
    assert!(listed.contains("12"), "{listed}");
}

#[test]
fn a_plan_replaced_on_the_server_is_kept_in_a_file_first() {
    let Some(db) = pg::test_db() else { return };
    let sb = on_server(&db);
    sb.ok(&["init"]);
    sb.ok(&[
        "--plan",
        "东城街道/2023",
        "milestone",
        "set",
        "1",
        "--note",
        "替换前写的备注",
    ]);
    let r = sb.run(&["init"]);
    assert_eq!(r.code(), 2, "a second init is refused: {}", r.stderr());
    let said = sb.ok(&["init", "--force"]);
    let kept = sb.path("state/plan-cockpit/replaced");
    let files = crate::common::names_in(&kept);
    assert_eq!(files.len(), 1, "{said}\n{files:?}");
    let mut old = Sandbox::new();
    old.db = kept.join(&files[0]);
    assert!(old.export_json().contains("替换前写的备注"));
    assert!(!sb.export_json().contains("替换前写的备注"));
}

/// The id of the item titled `title` in the plan `sb` (with `plan`) lists.
fn id_of(sb: &Sandbox, plan: &[&str], title: &str) -> String {
    let mut args = plan.to_vec();
    args.extend(["milestone", "list", "--json"]);
    let all: serde_json::Value = serde_json::from_str(&sb.ok(&args)).unwrap();
    all.as_array()
        .unwrap()
        .iter()
        .find(|m| m["title"] == title)
        .unwrap_or_else(|| panic!("{title} not listed"))["id"]
        .to_string()
}

/// 2023 against 2024 of one unit — two files, a folder of plans, a server —
/// from one body:
/// both years' counts, and 专精特新产业园's item in each year side by side.
#[test]
fn years_side_by_side_in_files_a_folder_and_on_a_server() {
    const PARK: &str = "谋划建设专精特新产业园";
    const TASK: &str = "国家级高新技术企业突破600家";
    let file = Sandbox::with_plan();
    let mut next = Sandbox::new();
    next.db = file.path("y2024.db");
    let mut sides = vec![(file, next, vec![], vec![])];
    // A folder of plans, a file each, named as the server names schemas.
    let (mut folder, mut next) = (Sandbox::new(), Sandbox::new());
    folder.db = folder.path("plans");
    std::fs::create_dir(&folder.db).unwrap();
    next.db = folder.db.clone();
    folder.ok(&["init"]);
    sides.push((
        folder,
        next,
        vec!["--plan", "东城街道/2023"],
        vec!["--plan", "东城街道/2024"],
    ));
    let db = pg::test_db();
    if let Some(db) = &db {
        let (mut server, mut next) = (Sandbox::new(), Sandbox::new());
        server.db = db.url.clone().into();
        next.db = db.url.clone().into();
        server.ok(&["init"]);
        sides.push((
            server,
            next,
            vec!["--plan", "东城街道/2023"],
            vec!["--plan", "东城街道/2024"],
        ));
    }
    for (before, sb, earlier, later) in &sides {
        let done = id_of(before, earlier, TASK);
        let mut set = earlier.clone();
        set.extend(["milestone", "set", &done, "--current", "560"]);
        before.ok(&set);
        let from = if earlier.is_empty() {
            before.db.to_str().unwrap().to_owned()
        } else {
            "2023".into()
        };
        let mut new = later.clone();
        new.extend([
            "plan",
            "new",
            "--year",
            "2024",
            "--from",
            &from,
            "--carry-over",
        ]);
        sb.ok(&new);
        let park = id_of(sb, later, PARK);
        let mut set = later.clone();
        set.extend(["milestone", "set", &park, "--status", "done"]);
        sb.ok(&set);
        let mut report = later.clone();
        report.extend(["--lang", "zh", "report", "--compare", &from]);
        let out = sb.ok_at("2024-03-20T10:00:00+08:00", &report);
        assert!(out.contains("2023年与2024年"), "{out}");
        let row = out
            .lines()
            .find(|l| l.contains(PARK))
            .unwrap_or_else(|| panic!("{out}"));
        // 2023: not done; 2024: done — in one row.
        assert_eq!(row.matches("未完成").count(), 2, "{row}");
        assert!(row.ends_with("| 完成 |"), "{row}");
        let task = out.lines().find(|l| l.contains(TASK)).unwrap();
        assert!(task.contains("560家"), "2023's value beside 2024's: {task}");
        let total = out.lines().find(|l| l.contains("全年合计")).unwrap();
        assert!(total.contains("| 1 |"), "one item done in 2024: {total}");
    }
}

/// `P` in the cockpit on a server: the database's plans with where each
/// stands, and Enter on another closes this cockpit to open that one.
#[test]
fn p_in_the_cockpit_opens_another_plan_of_the_database() {
    use plan_cockpit::domain::plan_ref::PlanRef;
    use plan_cockpit::store::postgres::{Chosen, choose_plan};
    let Some(db) = pg::test_db() else { return };
    let sb = on_server(&db);
    sb.ok(&["init"]);
    sb.ok(&["plan", "new", "--unit", "南城街道", "--year", "2024"]);
    let meant = PlanRef::parse("东城街道/2023").unwrap();
    let Chosen::Plan(place) = choose_plan(&db.url, Some(&meant)).unwrap() else {
        panic!("two plans: 东城街道/2023 is chosen by its schema");
    };
    let store = crate::common::open_store(std::path::Path::new(&place));
    let mut app = plan_cockpit::app::App::new(store, plan_cockpit::i18n::Lang::Zh).unwrap();
    app.resize(80, 24);
    crate::common::press(&mut app, "P");
    crate::common::answer_plans(&mut app);
    let screen = crate::common::screen(&app, 80, 24);
    assert!(screen.contains("共 2 个计划"), "{screen}");
    assert!(screen.contains("(当前)"), "{screen}");
    assert!(screen.contains("南城街道 2024"), "{screen}");
    // The city: 2023's year, so 南城's 2024 plan is not in it.
    crate::common::press(&mut app, "c");
    let city = crate::common::screen(&app, 80, 24);
    assert!(city.contains("城市 · 2023年度 · 1 个单位"), "{city}");
    assert!(
        city.contains("新城市") && !city.contains("南城街道"),
        "{city}"
    );
    crate::common::press(&mut app, "c");
    crate::common::press(&mut app, "j<Enter>");
    assert!(app.quit, "the cockpit closes to open the other plan");
    let next = app.switch_to.clone().expect("a plan to open next");
    let other = crate::common::open_store(next.path());
    assert_eq!(other.plan_title().unwrap(), "南城街道2024年发展工作计划");
}

/// A folder of plans: a file per unit and year, made, chosen and listed as
/// a server's schemas are; a plan there is never written over unasked, a
/// file that is not a plan is passed over, and `P` opens another.
#[test]
fn a_folder_keeps_every_units_plans_a_file_each() {
    let mut sb = Sandbox::new();
    let ledger = sb.write("南城台账.csv", LEDGER);
    let foreign = sb.path("plans/别的程序.db");
    sb.db = sb.path("plans");
    std::fs::create_dir(&sb.db).unwrap();
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    sb.ok(&["init"]);
    sb.ok(&[
        "plan",
        "new",
        "--year",
        "2024",
        "--from",
        "2023",
        "--carry-over",
    ]);
    sb.ok(&[
        "plan",
        "import",
        ledger.to_str().unwrap(),
        "--year",
        "2024",
        "--unit",
        "南城街道",
    ]);
    let mut names = crate::common::names_in(&sb.db);
    names.retain(|n| {
        std::path::Path::new(n)
            .extension()
            .is_some_and(|e| e == "db")
    });
    names.sort();
    assert_eq!(
        names,
        [
            "dongchengjiedao_2023.db",
            "dongchengjiedao_2024.db",
            "nanchengjiedao_2024.db",
            "别的程序.db"
        ]
    );
    assert_eq!(sb.ok(&["plan", "list"]).lines().count(), 3);
    let r = sb.run(&["milestone", "list"]);
    assert_eq!(r.code(), 2, "several plans: which? {}", r.stderr());
    let park = id_of(&sb, &["--plan", "南城街道/2024"], "园区入驻企业达到30家");
    let task = id_of(
        &sb,
        &["--plan", "东城街道/2024"],
        "国家级高新技术企业突破600家",
    );
    assert!(
        park.parse::<i64>().unwrap() > 2_000_000_000
            && task.parse::<i64>().unwrap() > 1_000_000_000,
        "each plan made in the folder has ids of its own block: {task} {park}"
    );
    sb.ok(&[
        "--plan",
        "南城街道/2024",
        "milestone",
        "set",
        &park,
        "--current",
        "12",
    ]);
    // The plan of a unit and year is there: refused, nothing changed.
    let before = std::fs::read(sb.db.join("nanchengjiedao_2024.db")).unwrap();
    let r = sb.run(&[
        "plan",
        "import",
        ledger.to_str().unwrap(),
        "--year",
        "2024",
        "--unit",
        "南城街道",
    ]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert_eq!(
        std::fs::read(sb.db.join("nanchengjiedao_2024.db")).unwrap(),
        before
    );
    assert!(
        !crate::common::names_in(&sb.db)
            .iter()
            .any(|n| n.starts_with('.')),
        "no half-made plan is left in the folder"
    );
    // `P` in the cockpit: the folder's three, and Enter opens another.
    let store = crate::common::open_store(&sb.db.join("dongchengjiedao_2024.db"));
    let mut app = plan_cockpit::app::App::new(store, plan_cockpit::i18n::Lang::Zh).unwrap();
    app.plans_folder = Some(sb.db.clone());
    app.resize(80, 24);
    crate::common::press(&mut app, "P");
    crate::common::answer_plans(&mut app);
    let screen = crate::common::screen(&app, 80, 24);
    assert!(screen.contains("共 3 个计划"), "{screen}");
    crate::common::press(&mut app, "jj<Enter>");
    let next = app.switch_to.clone().expect("another plan");
    assert_eq!(next.path(), sb.db.join("nanchengjiedao_2024.db"));
}

/// Shared indicators: a target in each unit's plan linked to one indicator,
/// summed by `plan indicators` across a folder of plans and across a
/// server's schemas alike; a target in another unit of measure stays apart.
#[test]
fn an_indicator_is_summed_across_units_in_a_folder_and_on_a_server() {
    let mut stores = Vec::new();
    let mut folder = Sandbox::new();
    folder.db = folder.path("plans");
    std::fs::create_dir(&folder.db).unwrap();
    stores.push(folder);
    let db = pg::test_db();
    if let Some(db) = &db {
        let mut server = Sandbox::new();
        server.db = db.url.clone().into();
        stores.push(server);
    }
    for sb in &stores {
        let ledger = sb.write("南城台账.csv", LEDGER);
        sb.ok(&["init"]);
        sb.ok(&[
            "plan",
            "import",
            ledger.to_str().unwrap(),
            "--year",
            "2023",
            "--unit",
            "南城街道",
        ]);
        let dc = ["--plan", "东城街道/2023"];
        let task = id_of(sb, &dc, "国家级高新技术企业突破600家");
        let park = id_of(sb, &["--plan", "南城街道/2023"], "园区入驻企业达到30家");
        sb.ok(&[
            &dc[..],
            &[
                "milestone",
                "set",
                &task,
                "--indicator",
                "国家级高新技术企业数",
                "--current",
                "560",
            ],
        ]
        .concat());
        sb.ok(&[
            "--plan",
            "南城街道/2023",
            "milestone",
            "set",
            &park,
            "--indicator",
            " 国家级高新技术企业数 ",
            "--current",
            "12",
        ]);
        let out = sb.ok(&["plan", "indicators", "--json"]);
        let all: serde_json::Value = serde_json::from_str(&out).unwrap();
        let all = all.as_array().unwrap();
        assert_eq!(all.len(), 1, "{out}");
        assert_eq!(all[0]["indicator"], "国家级高新技术企业数");
        assert_eq!(all[0]["unit"], "家");
        assert_eq!(all[0]["target"], 630.0);
        assert_eq!(all[0]["current"], 572.0);
        assert_eq!(all[0]["plans"].as_array().unwrap().len(), 2);
        let text = sb.ok(&["--lang", "zh", "plan", "indicators", "--year", "2023"]);
        assert!(text.contains("合计:目标值 630家,完成值 572家"), "{text}");
        assert_eq!(
            sb.ok(&["plan", "indicators", "--year", "2024", "--json"])
                .trim(),
            "[]"
        );
        // Unlinked again with "", and the change is in the history.
        sb.ok(&[
            "--plan",
            "南城街道/2023",
            "milestone",
            "set",
            &park,
            "--indicator",
            "",
        ]);
        let log = sb.ok(&["--plan", "南城街道/2023", "--lang", "zh", "log"]);
        assert!(log.contains("指标: 国家级高新技术企业数 → —"), "{log}");
        let out = sb.ok(&["plan", "indicators", "--json"]);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&out).unwrap()[0]["target"],
            600.0
        );
    }
}

/// `O` on an item carried into 2024: the cockpit leaves for the 2023 plan
/// of the same store and opens it at that item, where its history is; an
/// item of the plan's own says it was not carried.
#[test]
fn o_opens_a_carried_items_origin_in_the_earlier_plan() {
    let sb = folder_of_plans();
    sb.ok(&["init"]);
    sb.ok(&[
        "plan",
        "new",
        "--year",
        "2024",
        "--from",
        "2023",
        "--carry-over",
    ]);
    let earlier = id_of(
        &sb,
        &["--plan", "东城街道/2023"],
        "国家级高新技术企业突破600家",
    );
    let store = crate::common::open_store(&sb.db.join("dongchengjiedao_2024.db"));
    let mut app = plan_cockpit::app::App::new(store, plan_cockpit::i18n::Lang::Zh).unwrap();
    app.plans_folder = Some(sb.db.clone());
    app.resize(80, 24);
    // Asked at start: where each carried item stood in 2023, for the detail.
    app.ask_plans_early();
    crate::common::answer_plans(&mut app);
    crate::common::to_high_tech(&mut app);
    crate::common::press(&mut app, "<Enter>");
    let detail = crate::common::screen(&app, 80, 24);
    assert!(detail.contains("结转自"), "{detail}");
    assert!(detail.contains("2023年: 目标值 600家 · 完成值"), "{detail}");
    crate::common::press(&mut app, "<Esc>");
    crate::common::press(&mut app, "O");
    assert!(app.quit, "the cockpit closes to open the earlier plan");
    let place = app.switch_to.clone().expect("the earlier plan");
    assert_eq!(place.path(), sb.db.join("dongchengjiedao_2023.db"));
    let id = app.then_go_to.expect("at the item");
    assert_eq!(id.to_string(), earlier);
    // Opened there, at the item.
    let store = crate::common::open_store(place.path());
    let mut before = plan_cockpit::app::App::new(store, plan_cockpit::i18n::Lang::Zh).unwrap();
    before.resize(80, 24);
    before.open_at(id);
    let shown = before.focused().unwrap().selected_milestone().unwrap();
    assert_eq!(shown.id, id);
    assert_eq!(shown.title, "国家级高新技术企业突破600家");
    // An item of the 2023 plan's own was carried from nowhere.
    crate::common::press(&mut before, "O");
    assert!(!before.quit);
    let screen = crate::common::screen(&before, 80, 24);
    assert!(screen.contains("不是从上一年度结转来的"), "{screen}");
}

/// The cockpit started on a store of many plans without `--plan` opens the
/// plan last opened there; a command never does (a script names its plan);
/// a remembered plan since gone is asked about as if none was remembered.
#[test]
fn the_cockpit_opens_the_plan_last_opened_and_commands_never_guess() {
    let sb = folder_of_plans();
    sb.ok(&["init"]);
    sb.ok(&["plan", "new", "--unit", "南城街道", "--year", "2024"]);
    // No plan remembered: the bare command (the cockpit's text overview
    // when not on a terminal) asks which.
    let r = sb.run(&[]);
    assert_eq!(r.code(), 2, "{}", r.stdout());
    let show: serde_json::Value =
        serde_json::from_str(&sb.ok(&["--plan", "南城街道/2024", "plan", "show", "--json"]))
            .unwrap();
    let state = sb.path("state/plan-cockpit");
    std::fs::create_dir_all(&state).unwrap();
    let key = std::fs::canonicalize(&sb.db).unwrap();
    std::fs::write(
        state.join("last-plans"),
        format!(
            "{}\t{}\n",
            key.display(),
            show["identity"].as_str().unwrap()
        ),
    )
    .unwrap();
    let shown = sb.ok(&[]);
    assert!(shown.starts_with("南城街道2024年发展工作计划"), "{shown}");
    let r = sb.run(&["milestone", "list"]);
    assert_eq!(
        r.code(),
        2,
        "a command is never sent to the last plan: {}",
        r.stdout()
    );
    // The remembered plan replaced (a new identity): asked again.
    std::fs::write(
        state.join("last-plans"),
        format!("{}\t{}\n", key.display(), "0".repeat(32)),
    )
    .unwrap();
    assert_eq!(sb.run(&[]).code(), 2);
}
