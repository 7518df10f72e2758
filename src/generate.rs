//! A realistic synthetic plan for demos and for measuring the cockpit at
//! city scale: Chinese names of realistic length, units, readings over time,
//! notes of realistic length, under the three directions, five programs and
//! the areas of the 2023 plan. The same seed gives the same plan, byte for
//! byte (timestamps included).

use crate::domain::plan::{
    FORMAT, FORMAT_VERSION, Milestone, Note, PlanDoc, PlanInfo, Project, Reading,
};
use crate::domain::{Kind, Status};
use fastrand::Rng;

pub struct Size {
    pub projects: usize,
    pub milestones: usize,
    pub notes: usize,
    pub readings: usize,
}

const PLACES: &[&str] = &[
    "东城",
    "黄旗南",
    "牛山",
    "桑园",
    "主山",
    "温塘",
    "周屋",
    "火炼树",
    "柏洲边",
    "下桥",
    "上桥",
    "樟村",
    "余屋",
    "鳌峙塘",
    "立新",
    "花园新村",
    "岗贝",
    "同沙",
    "峡口",
    "東泰",
];
const SUBJECTS: &[&str] = &[
    "智能制造产业园",
    "城市更新单元",
    "街头公园景观",
    "规上企业数字化改造",
    "新能源储能基地",
    "商圈品质提升",
    "中小学学位扩容",
    "社区卫生服务中心",
    "人才公寓",
    "专精特新企业培育",
    "跨境电商园区",
    "口袋公园",
    "雨污分流改造",
    "老旧小区改造",
    "芯片封装检测集群",
    "食品产业强基",
    "夜间经济示范街区",
    "就业驿站",
    "党群服务中心",
    "廉洁文化阵地",
];
const STAGES: &[&str] = &[
    "一期",
    "二期",
    "三期",
    "提升工程",
    "建设项目",
    "攻坚行动",
    "示范项目",
];

/// (title, unit, typical target) of numeric milestones; yes/no ones below.
const MEASURES: &[(&str, &str, f64)] = &[
    ("完成固定资产投资", "亿元", 20.0),
    ("引进优质企业", "家", 30.0),
    ("新增就业岗位", "个", 800.0),
    ("完成数字化评估企业", "家", 120.0),
    ("新增绿地面积", "万平方米", 12.0),
    ("新增学位", "个", 1500.0),
    ("工业总产值", "亿元", 60.0),
    ("完成改造户数", "户", 900.0),
    ("培育高新技术企业", "家", 40.0),
    ("亩均税收", "万元", 35.0),
];
const DELIVERABLES: &[&str] = &[
    "完成规划设计方案",
    "取得施工许可",
    "主体结构封顶",
    "竣工验收",
    "正式投入运营",
    "完成招商签约",
    "开工建设",
];
const NOTE_PARTS: &[&str] = &[
    "已与街道规划办对接",
    "本周召开专题协调会",
    "施工单位进场",
    "因用地手续未完成,进度有所滞后",
    "区里要求月底前报送进展",
    "企业反映审批流程较长,已协调相关部门",
    "资金已拨付到位",
    "现场核查发现问题三项,正在整改",
    "下一步重点推进征拆工作",
    "居民意见已征集完毕",
    "与市级部门沟通后调整了时间节点",
    "第三方评估报告已提交",
    "数据来自统计部门季度报表",
    "建议纳入明年重点项目库",
    "已完成阶段性目标",
];

fn pick<'a>(rng: &mut Rng, list: &[&'a str]) -> &'a str {
    list[rng.usize(..list.len())]
}

/// Spreads `total` items over `buckets` so each gets about the same.
fn share(total: usize, buckets: usize, i: usize) -> usize {
    total / buckets + usize::from(i < total % buckets)
}

fn instant(rng: &mut Rng) -> String {
    // Somewhere in 2023–2025, to the second.
    let secs = 1_672_531_200 + rng.i64(0..3 * 365 * 86_400);
    crate::domain::dates::format_instant(jiff::Timestamp::from_second(secs).expect("in range"))
}

fn date(rng: &mut Rng) -> jiff::civil::Date {
    let start = jiff::civil::date(2023, 1, 1);
    start
        .checked_add(jiff::Span::new().days(rng.i64(0..3 * 365)))
        .expect("in range")
}

fn note_body(rng: &mut Rng) -> String {
    let n = rng.usize(2..6);
    let parts: Vec<&str> = (0..n).map(|_| pick(rng, NOTE_PARTS)).collect();
    format!("{}。", parts.join(","))
}

const AUTHORS: &[&str] = &[
    "lihua", "wangfang", "zhangwei", "chenjing", "liuyang", "huangmin",
];

fn numeric_count(milestones: usize) -> usize {
    milestones / 10 * 7 + (milestones % 10).min(7)
}

/// Builds the plan. Groups come from the embedded 2023 plan.
/// Dongguan's 32 towns and subdistricts, for a generated city.
const UNITS: &[&str] = &[
    "莞城街道",
    "南城街道",
    "东城街道",
    "万江街道",
    "石碣镇",
    "石龙镇",
    "茶山镇",
    "石排镇",
    "企石镇",
    "横沥镇",
    "桥头镇",
    "谢岗镇",
    "东坑镇",
    "常平镇",
    "寮步镇",
    "樟木头镇",
    "大朗镇",
    "黄江镇",
    "清溪镇",
    "塘厦镇",
    "凤岗镇",
    "大岭山镇",
    "长安镇",
    "虎门镇",
    "厚街镇",
    "沙田镇",
    "道滘镇",
    "洪梅镇",
    "麻涌镇",
    "望牛墩镇",
    "中堂镇",
    "高埗镇",
];

/// The `n`th unit of a generated city: Dongguan's by name, then 单位33….
pub fn unit_name(n: usize) -> String {
    UNITS
        .get(n)
        .map_or_else(|| format!("单位{}", n + 1), |u| (*u).to_owned())
}

pub fn plan(size: &Size, seed: u64) -> PlanDoc {
    let base = crate::seed::plan_2023("2023-01-01T00:00:00Z", "generator");
    let mut rng = Rng::with_seed(seed);
    let (mut note_id, mut milestone_id) = (0i64, 0i64);
    let mut projects = Vec::with_capacity(size.projects);
    let projects_n = size.projects.max(1);
    for p in 0..size.projects {
        let direction = base.directions[p % base.directions.len()].id;
        let program = (direction == 2).then(|| base.programs[rng.usize(..base.programs.len())].id);
        let name = format!(
            "{}{}{}",
            pick(&mut rng, PLACES),
            pick(&mut rng, SUBJECTS),
            pick(&mut rng, STAGES)
        );
        let created = instant(&mut rng);
        let author = pick(&mut rng, AUTHORS).to_owned();
        let mut milestones = Vec::new();
        let m_count = share(size.milestones, projects_n, p);
        for m in 0..m_count {
            milestone_id += 1;
            let global = usize::try_from(milestone_id - 1).unwrap_or(0);
            // Seven in ten are numeric, chosen by position so that the
            // number of numeric milestones, and each one's share of the
            // readings, is known before generating.
            let numeric = global % 10 < 7;
            let rank = global / 10 * 7 + global % 10;
            let due = date(&mut rng).to_string();
            let mut ms = Milestone {
                id: milestone_id,
                title: String::new(),
                kind: if numeric { Kind::Numeric } else { Kind::YesNo },
                unit: String::new(),
                baseline: None,
                target: None,
                current: None,
                due: Some(due),
                status: Status::ALL[rng.usize(..4)],
                owner: pick(&mut rng, AUTHORS).to_owned(),
                lead: String::new(),
                weight: None,
                steps: Default::default(),
                status_at: None,
                status_by: String::new(),
                origin: String::new(),
                indicator: String::new(),
                created_at: Some(created.clone()),
                created_by: Some(author.clone()),
                updated_at: Some(created.clone()),
                updated_by: Some(author.clone()),
                readings: Vec::new(),
                notes: Vec::new(),
                version: Default::default(),
            };
            if numeric {
                let (title, unit, typical) = MEASURES[rng.usize(..MEASURES.len())];
                let target = (typical * (0.5 + rng.f64())).round();
                ms.title = format!("{title}{target:.0}{unit}");
                ms.unit = unit.to_owned();
                ms.target = Some(target);
                let k = share(size.readings, numeric_count(size.milestones).max(1), rank);
                let mut value = 0.0;
                let mut day = jiff::civil::date(2023, 1, 1);
                for _ in 0..k {
                    day = day
                        .checked_add(jiff::Span::new().days(rng.i64(7..60)))
                        .expect("in range");
                    value += (target / (k as f64 + 1.0) * (0.5 + rng.f64())).round();
                    ms.readings.push(Reading {
                        as_of: day.to_string(),
                        value,
                        author: pick(&mut rng, AUTHORS).to_owned(),
                        source: "cockpit".into(),
                    });
                }
                ms.current = ms.readings.last().map(|r| r.value);
            } else {
                ms.title = format!(
                    "{}{}",
                    pick(&mut rng, DELIVERABLES),
                    if m % 3 == 0 { "(年内)" } else { "" }
                );
            }
            for _ in 0..share(size.notes, size.milestones.max(1), global) {
                note_id += 1;
                let at = instant(&mut rng);
                ms.notes.push(Note {
                    id: note_id,
                    body: note_body(&mut rng),
                    author: pick(&mut rng, AUTHORS).to_owned(),
                    created_at: Some(at.clone()),
                    updated_at: Some(at),
                    kind: Default::default(),
                    as_of: None,
                });
            }
            milestones.push(ms);
        }
        projects.push(Project {
            id: i64::try_from(p).map_or(i64::MAX, |p| p + 1),
            direction,
            program,
            areas: if rng.u8(..5) == 0 {
                vec![base.areas[rng.usize(..base.areas.len())].id]
            } else {
                Vec::new()
            },
            name,
            description: String::new(),
            owner: author.clone(),
            lead: String::new(),
            status: Status::Active,
            start: None,
            due: None,
            created_at: Some(created.clone()),
            created_by: Some(author.clone()),
            updated_at: Some(created),
            updated_by: Some(author),
            milestones,
            notes: Vec::new(),
        });
    }
    PlanDoc {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        plan: PlanInfo {
            title: format!("东莞市各镇街发展计划(生成数据,种子 {seed})"),
            year: 2023,
            unit: String::new(),
            locale: "zh-CN".into(),
            description: "由 plan-cockpit generate 生成的演示与性能测试数据。".into(),
            source: String::new(),
        },
        directions: base.directions,
        programs: base.programs,
        areas: base.areas,
        projects,
    }
}
