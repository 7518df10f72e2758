//! A Chinese planner reads Chinese: every layer of the cockpit and every
//! command, under a Chinese locale, in success and in refusal, is scanned
//! for Latin words. What may stay Latin is listed: codes (status codes,
//! flags, format names, paths, commands to type), units, key names, and the
//! names in the plan's own data.

use crate::common;

use common::{Sandbox, cockpit, press, reach, to_high_tech};
use plan_cockpit::app::keymap::Layer;
use plan_cockpit::i18n::Lang;
use std::collections::BTreeSet;

/// Words that are codes or names, not sentences.
const ALLOWED: &[&str] = &[
    // The program, products, formats and standards.
    "plan",
    "cockpit",
    "Windows",
    "SQLite",
    "JSON",
    "CSV",
    "Markdown",
    "json",
    "csv",
    "markdown",
    "zh",
    "en",
    "UTF",
    "GBK",
    "GB",
    "MiB",
    "WAL",
    "wal",
    "quick_check",
    "application_id",
    "journal_mode",
    "uid",
    "YYYY",
    "MM",
    "DD",
    "TZ",
    "XDG_DATA_HOME",
    "XDG_STATE_HOME",
    "HOME",
    "PLAN_COCKPIT_NOW",
    "bak",
    "db",
    "lock",
    // Key names, as help and the hint bar write them.
    "Enter",
    "Esc",
    "Ctrl",
    "Alt",
    "Tab",
    "Shift",
    "Backspace",
    "Del",
    "Home",
    "End",
    "PgUp",
    "PgDn",
    // Status and kind codes a planner may type.
    "planned",
    "active",
    "at_risk",
    "blocked",
    "done",
    "dropped",
    "kind",
    "numeric",
    "yes_no",
    // The test's author.
    "planner",
];

/// Latin words in `text` that are not codes, units or names.
fn latin_words(text: &str, names: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    // What a planner types or copies stays as it is: `commands`, paths,
    // --flags, JSON paths.
    let mut plain = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            plain.push_str(part);
            plain.push(' ');
        }
    }
    for token in
        plain.split(|c: char| c.is_whitespace() || "(),;:、,;:()“”\"'《》[]<>|".contains(c))
    {
        // A sheet's 导出校验 (`PC-` and hex digits) is a code, not words.
        if token.contains('/')
            || token.starts_with("--")
            || token.contains('.')
            || token.starts_with("PC-")
        {
            continue;
        }
        let mut word = String::new();
        for c in token.chars().chain([' ']) {
            if c.is_ascii_alphabetic() || (c == '_' && !word.is_empty()) {
                word.push(c);
            } else {
                let w = std::mem::take(&mut word);
                let w = w.trim_end_matches('_');
                if w.len() >= 2 && !ALLOWED.contains(&w) && !names.contains(w) {
                    found.insert(w.to_owned());
                }
            }
        }
    }
    found
}

/// Latin words in the plan's own data: names a planner wrote.
fn names_in_the_plan() -> BTreeSet<String> {
    let doc = plan_cockpit::seed::plan_2023("2023-02-01T00:00:00Z", "planner");
    let json = plan_cockpit::formats::json::write(&doc);
    let mut names = BTreeSet::new();
    for word in json.split(|c: char| !c.is_ascii_alphabetic()) {
        if word.len() >= 2 {
            names.insert(word.to_owned());
        }
    }
    // JSON keys are in that text too; they are codes of the file format.
    names
}

/// The screen as a planner sees it: each cell's text, row by row.
fn screen(app: &plan_cockpit::app::App, w: u16, h: u16) -> String {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| plan_cockpit::ui::render(app, f)).unwrap();
    let buf = t.backend().buffer();
    let mut text = String::new();
    for y in 0..h {
        // The cell after a wide character holds nothing of its own.
        let mut skip = false;
        for x in 0..w {
            let symbol = buf[(x, y)].symbol();
            if !std::mem::take(&mut skip) {
                text.push_str(symbol);
                skip = unicode_width::UnicodeWidthStr::width(symbol) == 2;
            }
        }
        text.push('\n');
    }
    text
}

/// The Latin words of what the planner typed: echoed back, they are
/// theirs.
fn typed(words: &[&str]) -> BTreeSet<String> {
    words
        .iter()
        .flat_map(|w| w.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| w.len() >= 2)
        .map(str::to_owned)
        .collect()
}

fn assert_chinese(what: &str, text: &str, names: &BTreeSet<String>) {
    let found = latin_words(text, names);
    assert!(
        found.is_empty(),
        "{what}: Latin words {found:?} on a Chinese screen:\n{text}"
    );
}

#[test]
fn the_scan_finds_an_english_sentence() {
    let names = names_in_the_plan();
    assert_eq!(
        latin_words("不是有效数字: \"12a\" is not a number", &names),
        ["is", "not", "number"].map(String::from).into()
    );
    assert!(
        latin_words(
            "状态: 进行中 → 已完成 (Ctrl-C) `plan-cockpit --db a.db init`",
            &names
        )
        .is_empty()
    );
}

#[test]
fn every_layer_of_the_cockpit_speaks_chinese() {
    let mut names = names_in_the_plan();
    // Who saved a baseline from the command line: a login name, the
    // planner's own.
    names.extend(typed(&[&plan_cockpit::user::unix_user()]));
    for layer in Layer::ALL {
        let (_sb, app, _) = reach(layer);
        for (w, h) in [(80, 24), (160, 48)] {
            assert_chinese(
                &format!("{layer:?} at {w}×{h}"),
                &screen(&app, w, h),
                &names,
            );
        }
    }
}

#[test]
fn refusals_history_and_banners_speak_chinese() {
    let mut names = names_in_the_plan();
    names.extend(typed(&["lots"]));
    let (sb, mut app) = cockpit(Lang::Zh);
    to_high_tech(&mut app);
    // A refused value, a refused date, a refused target.
    for keys in [
        "e<C-u>12a<Enter>",
        "d<C-u>2023-02-30<Enter>",
        "t<C-u>lots<Enter>",
        "r<C-u><Enter>",
    ] {
        press(&mut app, keys);
        assert_chinese(keys, &screen(&app, 120, 40), &names);
        press(&mut app, "<Esc>");
    }
    // Changes, then the detail with its history and the history view.
    press(
        &mut app,
        "e<C-u>512<Enter>s<Down><Enter>d<C-u>2023-12-31<Enter>n一条备注<C-s><Enter>",
    );
    assert_chinese("detail with history", &screen(&app, 160, 48), &names);
    press(&mut app, "H");
    let history = screen(&app, 160, 48);
    assert!(history.contains("状态: 进行中 → 有风险"), "{history}");
    assert_chinese("history", &history, &names);
    press(&mut app, "<Esc>u");
    assert_chinese("after undo", &screen(&app, 120, 40), &names);
    // The file deleted under the cockpit: the banner.
    std::fs::remove_file(&sb.db).unwrap();
    app.refresh_if_changed();
    assert_chinese("file deleted", &screen(&app, 120, 40), &names);
}

/// Runs the command under a Chinese locale: stdout and stderr together.
fn zh(sb: &Sandbox, args: &[&str]) -> String {
    let out = sb
        .cmd()
        .env("LANG", "zh_CN.UTF-8")
        .args(args)
        .output()
        .expect("run plan-cockpit");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn every_command_speaks_chinese_in_success_and_refusal() {
    let names = names_in_the_plan();
    let sb = Sandbox::new();
    let bad_json = sb.write("bad.json", r#"{"format":"plan-cockpit","format_version":1,"plan":{"title":"","year":1},"directions":[]}"#);
    let broken = sb.write(
        "broken.json",
        r#"{"format":"plan-cockpit", "format_version": 1, "plan": {"#,
    );
    let typed_wrong = sb.write("typed.json", r#"{"format":"plan-cockpit","format_version":1,"plan":{"title":"t","year":"2023"},"directions":[]}"#);
    let gbk = sb.write("gbk.json", b"{\"plan\": \"\xb6\xab\xb3\xc7\"}");
    let text_db = sb.write("notes.txt", "这不是数据库\n".repeat(20));
    let export = sb.path("plan.json");
    let (backup, missing) = (sb.path("b.db"), sb.path("missing.json"));
    let folder = sb.path("a-folder");
    std::fs::create_dir(&folder).unwrap();
    let runs: Vec<Vec<&str>> = vec![
        vec!["init"],
        vec![],
        vec!["init"],
        vec!["check"],
        vec!["milestone", "list"],
        vec!["milestone", "list", "--overdue"],
        vec!["milestone", "list", "--direction", "新产业"],
        vec!["milestone", "list", "--direction", "没有这个方向"],
        vec!["milestone", "set", "1", "--current", "12"],
        vec![
            "milestone",
            "set",
            "1",
            "--status",
            "已完成",
            "--note",
            "完成了",
        ],
        vec!["milestone", "set", "1", "--current", "12a"],
        vec!["milestone", "set", "1", "--current", "1,5"],
        vec!["milestone", "set", "1", "--due", "2023-02-30"],
        vec!["milestone", "set", "1", "--status", "finished"],
        vec![
            "milestone",
            "set",
            "1",
            "--expect-version",
            "1",
            "--current",
            "3",
        ],
        vec!["milestone", "set", "999999", "--current", "3"],
        vec!["milestone", "set", "1"],
        vec!["export", "--format", "markdown"],
        vec!["export", "--format", "csv"],
        vec!["export", "-o", export.to_str().unwrap()],
        vec!["export", "-o", folder.to_str().unwrap()],
        vec!["backup", backup.to_str().unwrap()],
        vec!["backup", backup.to_str().unwrap()],
        vec!["import", export.to_str().unwrap()],
        vec!["import", "--replace", export.to_str().unwrap()],
        vec!["import", bad_json.to_str().unwrap()],
        vec!["import", broken.to_str().unwrap()],
        vec!["import", typed_wrong.to_str().unwrap()],
        vec!["import", gbk.to_str().unwrap()],
        vec!["import", folder.to_str().unwrap()],
        vec!["import", missing.to_str().unwrap()],
        vec!["import", "--max-size", "0", export.to_str().unwrap()],
        vec!["--read-only", "milestone", "set", "1", "--current", "1"],
        vec!["frobnicate"],
        vec!["milestone", "set"],
        vec!["export", "--format", "pdf"],
        vec!["--no-such-flag"],
        vec!["milestone", "set", "1", "--current", "1", "--add", "2"],
    ];
    // Who changed a row is named: here, whoever runs the tests.
    let me = plan_cockpit::user::unix_user();
    for args in &runs {
        let out = zh(&sb, args);
        let mut allowed = names.clone();
        allowed.extend(typed(&[me.trim()]));
        allowed.extend(typed(args));
        assert_chinese(&format!("plan-cockpit {}", args.join(" ")), &out, &allowed);
    }
    // A database that is not one, and a folder where one should be.
    for db in [text_db, folder] {
        let mut elsewhere = Sandbox::new();
        elsewhere.db = db;
        let out = zh(&elsewhere, &["check"]);
        assert_chinese("not a database", &out, &names);
    }
    let mut bad_now = sb.cmd();
    bad_now
        .env("LANG", "zh_CN.UTF-8")
        .env("PLAN_COCKPIT_NOW", "昨天")
        .arg("check");
    let out = bad_now.output().unwrap();
    assert_chinese(
        "PLAN_COCKPIT_NOW",
        &String::from_utf8_lossy(&out.stderr),
        &names,
    );
}

/// Every command's `--help` under a Chinese locale, and under any locale
/// with `--lang zh`: Chinese throughout, but for the commands and values
/// typed as they are; English otherwise.
#[test]
fn help_speaks_chinese() {
    use clap::CommandFactory;
    fn walk(c: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        for sub in c.get_subcommands() {
            let mut p = path.clone();
            p.push(sub.get_name().to_owned());
            walk(sub, p, out);
        }
        out.push(path);
    }
    let mut paths = Vec::new();
    walk(&plan_cockpit::cli::Cli::command(), Vec::new(), &mut paths);
    let mut names = names_in_the_plan();
    // `import-values` is read as two words.
    names.extend(
        paths
            .iter()
            .flatten()
            .flat_map(|n| n.split('-'))
            .map(str::to_owned),
    );
    names.insert("help".to_owned());
    let sb = Sandbox::new();
    for path in &paths {
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        let help = [path.as_slice(), &["--help"]].concat();
        let under_locale = zh(&sb, &help);
        assert!(under_locale.contains("用法:"), "{path:?}:\n{under_locale}");
        assert_chinese(&format!("{path:?} --help"), &under_locale, &names);
        let asked = sb.run(&[&["--lang", "zh"], help.as_slice()].concat());
        assert_eq!(asked.stdout(), under_locale, "{path:?} with --lang zh");
        let english = sb.run(&help).stdout();
        assert!(english.contains("Usage:"), "{path:?}:\n{english}");
    }
    let by_command = zh(&sb, &["help", "milestone", "set"]);
    assert!(by_command.contains("修改一个目标任务"), "{by_command}");
    assert_chinese("help milestone set", &by_command, &names);
}
