//! The settings file (issue 14): `config --print-default` writes a file
//! that reads back as the defaults; a bad file is named with its line and
//! changes nothing; a rebound key drives the cockpit and help shows it.

use crate::common;

use common::{Sandbox, cockpit, press};
use plan_cockpit::i18n::Lang;

fn config_file(sb: &Sandbox, text: &str) -> std::path::PathBuf {
    let dir = sb.path("config/plan-cockpit");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("config.toml");
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn the_printed_default_file_is_every_setting_commented() {
    let sb = Sandbox::with_plan();
    let text = sb.ok(&["config", "--print-default"]);
    for setting in [
        "# language",
        "# theme",
        "# ascii",
        "# agenda_days",
        "# report_format",
        "# escape_ms",
    ] {
        assert!(text.contains(setting), "{setting} missing");
    }
    assert!(
        text.contains("# [keys.panes]") && text.contains("# quit = [\"q\"]"),
        "{text}"
    );
    // As written (all commented) it changes nothing and is no problem.
    config_file(&sb, &text);
    let out = sb.run(&["config"]);
    assert_eq!(out.code(), 0, "{}", out.stderr());
    assert!(out.stdout().contains("config.toml"), "{}", out.stdout());
}

#[test]
fn a_bad_settings_file_is_named_with_its_line() {
    let sb = Sandbox::new();
    config_file(
        &sb,
        "theme = \"dark\"\nagenda_days = 45\n[keys.panes]\nquit = [\"j\"]\n",
    );
    let out = sb.run(&["config"]);
    assert_eq!(out.code(), 2);
    let err = out.stderr();
    assert!(
        err.contains("line 2") && err.contains("agenda_days"),
        "{err}"
    );
    assert!(
        err.contains("line 4") && err.contains("[keys.panes] down"),
        "{err}"
    );
    // Not TOML at all: named, and every setting at its default.
    config_file(&sb, "theme = dark\n");
    let err = sb.run(&["config"]).stderr();
    assert!(
        err.contains("line 1") && err.contains("all settings are at their defaults"),
        "{err}"
    );
    // The commands still run.
    sb.ok(&["init"]);
}

#[test]
fn a_rebound_key_works_and_help_shows_it() {
    let sb = Sandbox::new();
    let path = config_file(
        &sb,
        "[keys.panes]\nagenda = [\"F5\"]\nquit = [\"ctrl-q\"]\n[keys.agenda]\ncancel = [\"esc\"]\n",
    );
    let (settings, problems) = plan_cockpit::config::load(&path);
    assert_eq!(problems, vec![]);
    let (_sb, mut app) = cockpit(Lang::Zh);
    app.keymap = settings.keymap;
    press(&mut app, "A");
    assert_eq!(
        app.layer(),
        plan_cockpit::app::keymap::Layer::Panes,
        "A is free now"
    );
    app.handle_key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::F(5),
        crossterm::event::KeyModifiers::NONE,
    ));
    assert_eq!(app.layer(), plan_cockpit::app::keymap::Layer::Agenda);
    press(&mut app, "q");
    assert_eq!(
        app.layer(),
        plan_cockpit::app::keymap::Layer::Agenda,
        "q no longer closes it"
    );
    press(&mut app, "<Esc>?");
    let help = common::screen(&app, 100, 60);
    assert!(help.contains("F5") && help.contains("Ctrl-Q"), "{help}");
    assert!(!app.quit);
    press(&mut app, "<Esc><C-q>");
    assert!(app.quit);
}

/// A folder, a huge file or bytes that are not text where the settings
/// file should be: named, not read into memory, the defaults used.
#[test]
fn a_settings_path_that_is_not_a_settings_file_is_named() {
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.path("config/plan-cockpit/config.toml")).unwrap();
    let err = sb.run(&["config"]).stderr();
    assert!(err.contains("cannot be read"), "{err}");
    sb.ok(&["init"]);
    std::fs::remove_dir(sb.path("config/plan-cockpit/config.toml")).unwrap();
    let big = config_file(&sb, "");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(2 * 1024 * 1024 * 1024).unwrap();
    let err = sb.run(&["config"]).stderr();
    assert!(
        err.contains("cannot be read") && err.contains("bytes"),
        "{err}"
    );
    config_file(&sb, "theme = \"\u{ff}\"");
    std::fs::write(&big, [0x74, 0x68, 0xff, 0xfe]).unwrap();
    let err = sb.run(&["config"]).stderr();
    assert!(err.contains("not UTF-8"), "{err}");
}
