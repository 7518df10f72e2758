//! A hostile environment (issue 23): a `TZ` that is a device or a huge file
//! is read within a bound and refused in words; `PLAN_COCKPIT_NOW` takes
//! every RFC 3339 instant and refuses impossible offsets; one bad setting
//! costs only that setting.

use crate::common;

use common::Sandbox;
use std::time::{Duration, Instant};

fn with_tz(sb: &Sandbox, tz: &str) -> (i32, String, Duration) {
    let start = Instant::now();
    let out = sb
        .cmd()
        .args(["--lang", "zh", "milestone", "list"])
        .env("TZ", tz)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        start.elapsed(),
    )
}

#[test]
fn a_tz_that_is_no_zone_is_refused_in_words_and_at_once() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let big = sb.write("huge", vec![b'x'; 3 << 20]);
    for (tz, says) in [
        ("/dev/zero", "不是普通文件"),
        ("/dev/urandom", "不是普通文件"),
        (big.to_str().unwrap(), "文件太大"),
        ("/etc/passwd", "不是时区文件"),
        ("Mars/Olympus", "不是时区名称"),
        ("../../../dev/zero", "不是时区名称"),
    ] {
        let (code, err, took) = with_tz(&sb, tz);
        assert_eq!(code, 2, "TZ={tz}: {err}");
        assert!(
            err.contains(says) && err.contains("TZ=Asia/Shanghai"),
            "TZ={tz}: {err}"
        );
        // Debug build, 2 cores: well under a second when nothing is read
        // past the bound (it used to grow to 3.8 GB in 5 s).
        assert!(took < Duration::from_secs(5), "TZ={tz} took {took:?}");
    }
    for tz in ["Asia/Shanghai", ":Asia/Shanghai", "CST-8", "UTC"] {
        let (code, err, _) = with_tz(&sb, tz);
        assert_eq!(code, 0, "TZ={tz}: {err}");
    }
}

#[test]
fn the_pinned_clock_takes_every_rfc3339_instant_and_no_impossible_offset() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    for now in [
        "9999-12-31T23:59:59Z",
        "0000-01-01T00:00:00Z",
        "2023-11-27T09:00:00.5+08:00",
        "2016-12-31T23:59:60Z",
        "2023-11-27 01:00:00z",
    ] {
        let out = sb.run_at(now, &["report"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{now}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for now in [
        "2023-11-27T09:00:00+25:00",
        "2023-11-27T09:00:00+08:60",
        "2023-02-29T00:00:00Z",
    ] {
        let out = sb.run_at(now, &["report"]);
        assert_eq!(out.status.code(), Some(2), "{now}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("PLAN_COCKPIT_NOW"));
    }
}

/// A typo, a value of the wrong type and a bad key: each is named with its
/// line, and every other setting, key bindings included, is taken.
#[test]
fn a_bad_setting_costs_only_itself() {
    let sb = Sandbox::new();
    let dir = sb.path("config/plan-cockpit");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        "languge = \"zh\"\nagenda_days = \"30\"\nlanguage = \"zh\"\n[keys.panes]\nquit = [\"Q\"]\nhelp = 5\n",
    )
    .unwrap();
    let out = sb.run(&["config"]);
    assert_eq!(out.code(), 2);
    let err = out.stderr();
    for line in ["第 1 行", "第 2 行", "第 6 行"] {
        assert!(err.contains(line), "{line}: {err}");
    }
    assert!(
        err.contains("languge") && !err.contains("已全部使用默认设置"),
        "{err}"
    );
    // The language and the rebinding were taken.
    let (settings, problems) = plan_cockpit::config::load(&dir.join("config.toml"));
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert_eq!(settings.lang, Some(plan_cockpit::i18n::Lang::Zh));
    assert_ne!(
        format!("{:?}", settings.keymap),
        format!("{:?}", plan_cockpit::app::keymap::Keymap::default()),
        "quit = [\"Q\"] is taken"
    );
}

/// An exported but empty `PLAN_COCKPIT_DB` means what an unset one does:
/// the default plan under `$XDG_DATA_HOME`, not a refusal or a file named
/// "".
#[test]
fn an_empty_plan_cockpit_db_means_the_default_plan() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let data = sb.dir.path().join("data");
    let out = std::process::Command::new(common::BIN)
        .args(["--lang", "en", "init"])
        .env("PLAN_COCKPIT_DB", "")
        .env("XDG_DATA_HOME", &data)
        .env("XDG_STATE_HOME", sb.dir.path().join("state"))
        .env("XDG_CONFIG_HOME", sb.dir.path().join("config"))
        .env("PLAN_COCKPIT_NOW", common::NOW)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let default = data.join("plan-cockpit/plan.db");
    assert!(default.is_file(), "the default plan was made");
    assert!(said.contains(&default.display().to_string()), "{said}");
}

/// A file name that is not UTF-8 (a GBK name from a Windows share) given on
/// the command line is a name like any other: said, never a panic, and the
/// help still finds the language asked for around it.
#[test]
fn an_argument_that_is_not_utf8_is_read_not_a_crash() {
    use std::os::unix::ffi::OsStrExt;
    let sb = Sandbox::new();
    let gbk = std::ffi::OsStr::from_bytes(b"/tmp/\xb6\xab\xb3\xc7.db");
    let out = std::process::Command::new(crate::common::BIN)
        .env("LANG", "zh_CN.UTF-8")
        .env("XDG_STATE_HOME", sb.path("state"))
        .env("XDG_CONFIG_HOME", sb.path("config"))
        .env_remove("PLAN_COCKPIT_DB")
        .env_remove("PLAN_COCKPIT_CONFIG")
        .args(["--db".as_ref(), gbk, "check".as_ref()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("没有计划"), "{stderr}");
    // The diagnostics log writes the command line down: lossily too.
    let out = std::process::Command::new(crate::common::BIN)
        .env("LANG", "zh_CN.UTF-8")
        .env("PLAN_COCKPIT_LOG", "debug")
        .env("XDG_STATE_HOME", sb.path("state"))
        .env("XDG_CONFIG_HOME", sb.path("config"))
        .env_remove("PLAN_COCKPIT_DB")
        .env_remove("PLAN_COCKPIT_CONFIG")
        .args(["--db".as_ref(), gbk, "check".as_ref()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let log = std::fs::read_to_string(sb.path("state/plan-cockpit/plan-cockpit.log")).unwrap();
    assert!(log.contains("started") && log.contains("check"), "{log}");
    let out = sb
        .cmd()
        .args([
            "--lang".as_ref(),
            "zh".as_ref(),
            "import".as_ref(),
            gbk,
            "--help".as_ref(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("用法:"));
}
