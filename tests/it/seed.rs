//! The embedded 2023 plan models every fact of the source document
//! (tests/fixtures/dongcheng-2023-plan.zh.txt, a copy of shared/seed/).

use crate::common;

use common::{Sandbox, fixture};
use plan_cockpit::domain::plan::{Milestone, PlanDoc, Project};
use plan_cockpit::domain::{Kind, Status};
use plan_cockpit::seed::plan_2023;

fn plan() -> PlanDoc {
    plan_2023("2026-01-01T00:00:00Z", "tester")
}

fn source() -> String {
    std::fs::read_to_string(fixture("dongcheng-2023-plan.zh.txt")).unwrap()
}

fn project<'a>(doc: &'a PlanDoc, name: &str) -> &'a Project {
    doc.projects
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no project named {name}"))
}

fn direction_of(doc: &PlanDoc, p: &Project) -> String {
    doc.directions
        .iter()
        .find(|d| d.id == p.direction)
        .unwrap()
        .name
        .clone()
}

fn program_of(doc: &PlanDoc, p: &Project) -> Option<String> {
    p.program.map(|g| {
        doc.programs
            .iter()
            .find(|x| x.id == g)
            .unwrap()
            .name
            .clone()
    })
}

fn milestones(doc: &PlanDoc) -> impl Iterator<Item = (&Project, &Milestone)> {
    doc.projects
        .iter()
        .flat_map(|p| p.milestones.iter().map(move |m| (p, m)))
}

#[test]
fn three_directions_five_programs_and_the_n_areas() {
    let doc = plan();
    let names = |v: Vec<&str>| v.join(" ");
    assert_eq!(
        names(doc.directions.iter().map(|d| d.name.as_str()).collect()),
        "新城市 新产业 新生态"
    );
    assert_eq!(
        names(doc.programs.iter().map(|d| d.name.as_str()).collect()),
        "科技创新培优工程 产业发展强基工程 产业立新柱攻坚工程 招商引资提升工程 数字转型赋能工程"
    );
    assert_eq!(
        names(doc.areas.iter().map(|d| d.name.as_str()).collect()),
        "就业 教育 医疗 党建 廉政"
    );
    for d in doc.directions.iter().chain(doc.areas.iter()) {
        assert!(!d.name_en.is_empty(), "{} has no English name", d.name);
    }
    assert_eq!(doc.plan.year, 2023);
    assert!(doc.plan.description.contains("示范镇街"));
    assert!(doc.plan.source.contains("刘林宏"));
}

/// Every numeric target in the source, with unit and the digest's due date.
#[test]
fn every_numeric_target_is_a_numeric_milestone() {
    let doc = plan();
    let expected: &[(&str, &str, f64, &str, Option<&str>)] = &[
        (
            "产业发展强基工程",
            "国家级高新技术企业",
            600.0,
            "家",
            Some("2023-12-31"),
        ),
        (
            "产业发展强基工程",
            "食品工业总产值",
            100.0,
            "亿元",
            Some("2025-12-31"),
        ),
        (
            "产业立新柱攻坚工程",
            "50亿量级储能电池",
            50.0,
            "亿元",
            Some("2023-12-31"),
        ),
        (
            "产业立新柱攻坚工程",
            "新能源储能工业总产值",
            100.0,
            "亿元",
            Some("2025-12-31"),
        ),
        (
            "科技创新培优工程",
            "高端人才团队",
            1.0,
            "个",
            Some("2025-12-31"),
        ),
        (
            "科技创新培优工程",
            "硕士以上",
            300.0,
            "名",
            Some("2025-12-31"),
        ),
        (
            "科技创新培优工程",
            "本科学历",
            15000.0,
            "名",
            Some("2025-12-31"),
        ),
        (
            "招商引资提升工程",
            "市级制造业重大项目",
            20.0,
            "个",
            Some("2023-12-31"),
        ),
        (
            "招商引资提升工程",
            "10个市级重大工业项目",
            10.0,
            "个",
            Some("2023-12-31"),
        ),
        (
            "数字转型赋能工程",
            "数字化评估",
            500.0,
            "家",
            Some("2023-12-31"),
        ),
        (
            "数字转型赋能工程",
            "数字化改造项目",
            200.0,
            "个",
            Some("2023-12-31"),
        ),
    ];
    for (program, title, target, unit, due) in expected {
        let (p, m) = milestones(&doc)
            .find(|(_, m)| m.title.contains(title))
            .unwrap_or_else(|| panic!("no milestone for {title}"));
        assert_eq!(m.kind, Kind::Numeric, "{title}");
        assert_eq!(m.target, Some(*target), "{title}");
        assert_eq!(m.unit, *unit, "{title}");
        assert_eq!(m.due.as_deref(), *due, "{title}");
        assert_eq!(program_of(&doc, p).as_deref(), Some(*program), "{title}");
        assert_eq!(direction_of(&doc, p), "新产业", "{title}");
    }
}

/// The listed-company facts are current values, not targets.
#[test]
fn listed_company_facts_are_recorded_as_current_values() {
    let doc = plan();
    let p = project(&doc, "东城上市金融板块");
    let value = |needle: &str| {
        p.milestones
            .iter()
            .find(|m| m.title.contains(needle))
            .unwrap()
            .current
    };
    assert_eq!(value("境内外上市企业"), Some(9.0));
    assert_eq!(value("2021年和2022年"), Some(7.0));
    assert_eq!(value("市值"), Some(600.0));
    for fact in ["全市第二", "超1/3", "600亿元"] {
        assert!(p.description.contains(fact), "{fact}");
    }
}

/// Named projects sit under the right direction and program; deliverables
/// without a number are yes/no milestones with the digest's dates.
#[test]
fn named_projects_and_deliverables() {
    let doc = plan();
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("黄旗南片区规划建设", "新城市", None),
        ("国金大厦", "新城市", None),
        ("黄旗一号", "新城市", None),
        ("火炼树城市更新", "新城市", None),
        ("黄旗山城市公园整体提升", "新城市", None),
        ("系列街头公园景观提升", "新城市", None),
        (
            "东莞市国际技术转移中心(清华创新中心)",
            "新产业",
            Some("科技创新培优工程"),
        ),
        ("莞驿智造城", "新产业", Some("科技创新培优工程")),
        ("牛山兴华产业园", "新产业", Some("科技创新培优工程")),
        ("桑园中集国际智能数科城", "新产业", Some("科技创新培优工程")),
        ("专精特新产业园", "新产业", Some("产业发展强基工程")),
        (
            "上市及上市后备企业总部基地园区",
            "新产业",
            Some("产业发展强基工程"),
        ),
        ("生益电子四期", "新产业", Some("招商引资提升工程")),
        ("博力威总部", "新产业", Some("招商引资提升工程")),
        ("京东MALL", "新产业", Some("招商引资提升工程")),
        ("利扬芯片检测项目", "新产业", Some("招商引资提升工程")),
        ("镇街一级数字赋能分中心", "新产业", Some("数字转型赋能工程")),
        (
            "跨境电商嵌入式清单式监管服务体系",
            "新产业",
            Some("数字转型赋能工程"),
        ),
        ("东城公园城市试点", "新生态", None),
        ("东莞大道时代发展轴和鸿福路山水文化轴", "新生态", None),
        ("黄旗南生态科创区", "新生态", None),
        ("“翡翠绿链”", "新生态", None),
        ("商圈融合发展", "新生态", None),
        ("首店经济、夜间经济", "新生态", None),
    ];
    for (name, direction, program) in cases {
        let p = project(&doc, name);
        assert_eq!(direction_of(&doc, p), *direction, "{name}");
        assert_eq!(program_of(&doc, p).as_deref(), *program, "{name}");
        assert!(!p.milestones.is_empty(), "{name} has no milestone");
    }
    let mall = &project(&doc, "京东MALL").milestones[0];
    assert_eq!(
        (mall.kind, mall.due.as_deref()),
        (Kind::YesNo, Some("2023-03-31"))
    );
    assert_eq!(
        project(&doc, "专精特新产业园").milestones[0].due.as_deref(),
        Some("2023-12-31")
    );
    let cross_border = project(&doc, "跨境电商嵌入式清单式监管服务体系");
    assert!(
        cross_border
            .milestones
            .iter()
            .all(|m| m.status == Status::Done)
    );
    let shops = &project(&doc, "商圈融合发展").milestones[0].title;
    for district in ["国贸", "东城万达", "33文创园", "星河城"] {
        assert!(shops.contains(district), "{district}");
    }
}

/// Each project carries a note quoting its source sentence verbatim.
#[test]
fn every_project_quotes_its_source_sentence() {
    let doc = plan();
    let text = source();
    for p in &doc.projects {
        assert_eq!(p.notes.len(), 1, "{}", p.name);
        for line in p.notes[0].body.lines() {
            let quote = line
                .strip_prefix("原文:")
                .unwrap_or_else(|| panic!("{}: {line}", p.name));
            assert!(
                text.contains(quote),
                "{}: not in the source: {quote}",
                p.name
            );
        }
    }
    for line in doc.plan.description.lines() {
        assert!(
            text.contains(line),
            "plan description not in the source: {line}"
        );
    }
}

/// The first start creates and seeds the database; a second start does not
/// seed again.
#[test]
fn first_start_seeds_once() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let first = sb.export_json();
    let second = sb.export_json();
    assert_eq!(first, second);
    let check = sb.ok(&["check"]);
    assert!(check.contains("projects 39"), "{check}");
    assert!(check.contains("milestones 55"), "{check}");
    assert!(check.contains("quick_check:    ok"), "{check}");
    assert!(check.contains("journal mode:   wal"), "{check}");
}

/// Done-when of the store issue: the whole plan as Markdown.
#[test]
fn markdown_export_prints_the_whole_plan() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let md = sb.ok(&["--lang", "zh", "export", "--format", "markdown"]);
    let doc = plan();
    for p in &doc.projects {
        assert!(md.contains(&p.name), "markdown lacks project {}", p.name);
        for m in &p.milestones {
            assert!(
                md.contains(&m.title.replace('|', "\\|")),
                "markdown lacks milestone {}",
                m.title
            );
        }
    }
    for g in doc.directions.iter().chain(&doc.areas) {
        assert!(md.contains(&format!("### {}", g.name)), "{}", g.name);
    }
    assert!(
        md.contains("| 国家级高新技术企业突破600家 | —/600 家 | 0 |"),
        "{md}"
    );
}

/// The interview is the 2023 work plan: what it states without a time of
/// its own is due at the end of 2023. Past figures (the listed companies
/// and their market value) are indicators with no target and no time limit,
/// and what the text reports as done stays done.
#[test]
fn every_task_of_the_work_plan_has_its_time_limit() {
    let doc = plan();
    let mut undated = Vec::new();
    for (_, m) in milestones(&doc) {
        if m.due.is_none() {
            undated.push(m.title.clone());
        }
    }
    for title in &undated {
        let (_, m) = milestones(&doc).find(|(_, m)| &m.title == title).unwrap();
        let past_figure = m.kind == Kind::Numeric && m.target.is_none() && m.current.is_some();
        let done = m.status == plan_cockpit::domain::Status::Done;
        assert!(past_figure || done, "{title} has no time limit");
    }
    assert_eq!(undated.len(), 5, "{undated:?}");
    let areas: Vec<(&str, bool)> = doc
        .areas
        .iter()
        .map(|a| (a.name.as_str(), a.description.contains("制度保障")))
        .collect();
    assert_eq!(
        areas,
        [
            ("就业", false),
            ("教育", false),
            ("医疗", false),
            ("党建", true),
            ("廉政", true)
        ]
    );
}

/// The plan-wide goals of the opening and closing sentences are tasks of
/// their own, each with its source sentence; the past figures carry the
/// day they were true and are never due.
#[test]
fn plan_wide_goals_and_dated_past_figures() {
    let doc = plan();
    let text = source();
    for goal in [
        "创建高质量发展基层改革创新实验区",
        "打造高质量发展的示范镇街",
        "建立具有东城特色的综合改革创新体系",
        "拓空间先行先试",
        "提产业先行先试",
        "解决历史遗留问题先行先试",
        "为投资“松绑”先行先试",
    ] {
        let (_, m) = milestones(&doc)
            .find(|(_, m)| m.title == goal)
            .unwrap_or_else(|| panic!("{goal} is missing"));
        assert_eq!(m.kind, Kind::YesNo, "{goal}");
        assert_eq!(m.due.as_deref(), Some("2023-12-31"), "{goal}");
        let quote = m.notes[0].body.strip_prefix("原文:").unwrap();
        assert!(text.contains(quote), "{goal}: {quote}");
    }
    let p = project(&doc, "东城上市金融板块");
    for m in p
        .milestones
        .iter()
        .filter(|m| m.target.is_none() && m.kind == Kind::Numeric)
    {
        assert!(m.due.is_none(), "{}: a past figure is never due", m.title);
        assert_eq!(m.readings.len(), 1, "{}", m.title);
        assert_eq!(m.readings[0].as_of, "2022-12-31", "{}", m.title);
        assert_eq!(Some(m.readings[0].value), m.current, "{}", m.title);
    }
}
