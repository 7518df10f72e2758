//! Where a target stands, as the detail shows it: 序时进度, the forecast
//! from dated readings, the verdict and the light, in both languages, on a
//! day inside the plan year.

mod common;

use common::{Sandbox, press, screen, to_high_tech};
use plan_cockpit::app::App;
use plan_cockpit::i18n::Lang;

/// A cockpit on 15 July 2023, in Dongguan's zone.
fn in_july(sb: &Sandbox, lang: Lang) -> App {
    let zone = jiff::tz::TimeZone::get("Asia/Shanghai").unwrap();
    let clock =
        plan_cockpit::domain::Clock::fixed_in("2023-07-15T09:00:00+08:00".parse().unwrap(), zone);
    let store = common::open_store_at(&sb.db, clock);
    App::new(store, lang).unwrap()
}

#[test]
fn the_detail_says_where_600_high_tech_firms_stand_in_july() {
    for (lang, light, verdict, pace, forecast) in [
        (
            Lang::Zh,
            "◐ 黄灯",
            "按此趋势到期差 89家",
            "序时进度 54% · 完成 75%",
            "约 511家",
        ),
        (
            Lang::En,
            "◐ yellow",
            "at this pace 89 家 short",
            "time elapsed 54% · done 75%",
            "about 511 家",
        ),
    ] {
        let sb = Sandbox::new();
        let mut app = in_july(&sb, lang);
        to_high_tech(&mut app);
        // March's and June's figures, typed in July.
        press(
            &mut app,
            "e<C-u>420 2023-03-31<Enter>e<C-u>450 2023-06-30<Enter><Enter>",
        );
        let text = screen(&app, 160, 48);
        for want in [light, verdict, pace, forecast] {
            assert!(text.contains(want), "{lang:?}: no {want:?} in\n{text}");
        }
    }
}

#[test]
fn one_reading_gives_no_forecast_and_the_calendar_judges() {
    let sb = Sandbox::new();
    let mut app = in_july(&sb, Lang::Zh);
    to_high_tech(&mut app);
    // 50 % done against 54 % of the year: within 5 points, on track.
    press(&mut app, "e<C-u>300<Enter><Enter>");
    let text = screen(&app, 160, 48);
    assert!(text.contains("◎ 绿灯 · 符合序时进度"), "{text}");
    assert!(
        text.contains("序时进度 54% · 完成 50%(落后 4 个百分点)"),
        "{text}"
    );
    // 42 % done: 12 points behind, 71 firms short of where the year says.
    press(&mut app, "<Esc>e<C-u>250<Enter><Enter>");
    let text = screen(&app, 160, 48);
    assert!(text.contains("◐ 黄灯 · 落后序时进度 71家"), "{text}");
    assert!(text.contains("完成 42%(落后 12 个百分点)"), "{text}");
    assert!(
        !text.contains("按填报趋势"),
        "no forecast from one reading:\n{text}"
    );
}

/// A past figure is shown with the day it was true, and a target where a
/// milestone starts is refused in the cockpit's form too.
#[test]
fn a_past_figure_shows_its_day_and_a_zero_target_is_refused() {
    let (_sb, mut app) = common::cockpit(plan_cockpit::i18n::Lang::Zh);
    common::press(&mut app, "/境内外上市企业<Enter><Enter>");
    let text = common::screen(&app, 120, 40);
    assert!(text.contains("9家 (截至 2022-12-31)"), "{text}");
    common::to_high_tech(&mut app);
    common::press(&mut app, "t<C-u>0 家<Enter>");
    let Some(plan_cockpit::app::overlay::Overlay::Form(f)) = app.overlays.last() else {
        panic!("the form closed on a zero target")
    };
    assert!(f.error.as_deref().unwrap().contains("没有可完成的量"));
}
