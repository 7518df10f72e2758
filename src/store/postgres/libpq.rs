//! Connection settings the way libpq finds them, so that what works for
//! `psql` works for plan-cockpit: what the connection string says, then the
//! service file's entry (`service=`, `PGSERVICE`), then the environment
//! (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGPASSWORD`, `PGSSLMODE`,
//! `PGCONNECT_TIMEOUT`, `PGAPPNAME`, `PGTARGETSESSIONATTRS`), then the
//! password file (`PGPASSFILE`, else `~/.pgpass`), then libpq's defaults
//! (the Unix user; the local socket). A password in the connection string
//! itself works too, but shows in `ps` and shell history: the caller warns.

use postgres::Config;
use postgres::config::{Host, SslMode, TargetSessionAttrs};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// Where settings come from besides the string: the environment and the
/// home folder, passed in so that tests need not change the process's.
pub struct Sources<'a> {
    pub env: &'a dyn Fn(&str) -> Option<String>,
    pub home: Option<PathBuf>,
    pub unix_user: String,
}

impl Sources<'_> {
    fn var(&self, name: &str) -> Option<String> {
        (self.env)(name).filter(|v| !v.is_empty())
    }
}

/// What went wrong reading the settings; worded by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    /// The connection string does not parse (its words are not repeated:
    /// a password might be among them).
    BadString(String),
    /// `service=NAME` names no entry of any service file.
    NoService(String),
    /// A setting from the service file or the environment is not valid.
    BadSetting { key: String, from: String },
}

/// The configuration `db` means, completed as libpq would complete it.
pub fn resolve(db: &str, src: &Sources<'_>) -> Result<Config, Unresolved> {
    let (stripped, service) = take_service(db);
    let mut config =
        Config::from_str(&stripped).map_err(|e| Unresolved::BadString(e.to_string()))?;
    let said = |key: &str| mentions(&stripped, key);
    let mut from: HashMap<String, (String, String)> = HashMap::new();
    let service = service.or_else(|| src.var("PGSERVICE"));
    if let Some(name) = service {
        let entry = service_entry(&name, src).ok_or_else(|| Unresolved::NoService(name.clone()))?;
        for (k, v) in entry {
            from.insert(k, (v, format!("service {name}")));
        }
    }
    for (key, var) in [
        ("host", "PGHOST"),
        ("port", "PGPORT"),
        ("user", "PGUSER"),
        ("dbname", "PGDATABASE"),
        ("password", "PGPASSWORD"),
        ("sslmode", "PGSSLMODE"),
        ("connect_timeout", "PGCONNECT_TIMEOUT"),
        ("application_name", "PGAPPNAME"),
        ("target_session_attrs", "PGTARGETSESSIONATTRS"),
    ] {
        if let Some(v) = src.var(var) {
            from.entry(key.to_owned()).or_insert((v, var.to_owned()));
        }
    }
    let bad = |key: &str, from: &str| Unresolved::BadSetting {
        key: key.to_owned(),
        from: from.to_owned(),
    };
    if config.get_hosts().is_empty() {
        match from.get("host") {
            Some((v, src)) => {
                for h in v.split(',').map(str::trim).filter(|h| !h.is_empty()) {
                    config.host(h);
                }
                if config.get_hosts().is_empty() {
                    return Err(bad("host", src));
                }
            }
            None => {
                config.host_path(default_socket_dir());
            }
        }
    }
    if config.get_ports().is_empty()
        && let Some((v, src)) = from.get("port")
    {
        for p in v.split(',') {
            config.port(p.trim().parse().map_err(|_| bad("port", src))?);
        }
    }
    if config.get_user().is_none() {
        let user = from
            .get("user")
            .map_or_else(|| src.unix_user.clone(), |(v, _)| v.clone());
        config.user(&user);
    }
    if config.get_dbname().is_none() {
        let db = from
            .get("dbname")
            .map(|(v, _)| v.clone())
            .or_else(|| config.get_user().map(str::to_owned))
            .unwrap_or_default();
        config.dbname(&db);
    }
    if !said("sslmode")
        && let Some((v, src)) = from.get("sslmode")
    {
        config.ssl_mode(match v.as_str() {
            "disable" => SslMode::Disable,
            "allow" | "prefer" => SslMode::Prefer,
            "require" | "verify-ca" | "verify-full" => SslMode::Require,
            _ => return Err(bad("sslmode", src)),
        });
    }
    if config.get_connect_timeout().is_none()
        && let Some((v, src)) = from.get("connect_timeout")
    {
        let secs: u64 = v.trim().parse().map_err(|_| bad("connect_timeout", src))?;
        config.connect_timeout(Duration::from_secs(secs.max(2)));
    }
    if config.get_application_name().is_none()
        && let Some((v, _)) = from.get("application_name")
    {
        config.application_name(v);
    }
    if !said("target_session_attrs")
        && let Some((v, src)) = from.get("target_session_attrs")
    {
        config.target_session_attrs(match v.as_str() {
            "any" => TargetSessionAttrs::Any,
            "read-write" => TargetSessionAttrs::ReadWrite,
            _ => return Err(bad("target_session_attrs", src)),
        });
    }
    if config.get_password().is_none() {
        let password = from
            .get("password")
            .map(|(v, _)| v.clone())
            .or_else(|| password_from_file(&config, src));
        if let Some(p) = password {
            config.password(p);
        }
    }
    Ok(config)
}

/// Whether the connection string itself carries a password.
pub fn password_in_string(db: &str) -> bool {
    let (stripped, _) = take_service(db);
    Config::from_str(&stripped).is_ok_and(|c| c.get_password().is_some())
}

/// Whether `key` is set in the string (`key=` in either form).
pub(super) fn mentions(db: &str, key: &str) -> bool {
    db.split(['?', '&', ' '])
        .any(|p| p.trim_start().starts_with(&format!("{key}=")))
}

/// The string without its `service=NAME` (which the driver does not know),
/// and the name.
fn take_service(db: &str) -> (String, Option<String>) {
    if db.starts_with("postgres://") || db.starts_with("postgresql://") {
        let Some((base, query)) = db.split_once('?') else {
            return (db.to_owned(), None);
        };
        let mut service = None;
        let rest: Vec<&str> = query
            .split('&')
            .filter(|p| match p.strip_prefix("service=") {
                Some(name) => {
                    service = Some(name.to_owned());
                    false
                }
                None => true,
            })
            .collect();
        let s = if rest.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{}", rest.join("&"))
        };
        return (s, service);
    }
    // Rebuilt only when there is a service to take out: a quoted value
    // (`password='a  b'`) must otherwise reach the driver as typed.
    if !db.split_whitespace().any(|w| w.starts_with("service=")) {
        return (db.to_owned(), None);
    }
    let mut service = None;
    let rest: Vec<&str> = db
        .split_whitespace()
        .filter(|w| match w.strip_prefix("service=") {
            Some(name) => {
                service = Some(name.trim_matches('\'').to_owned());
                false
            }
            None => true,
        })
        .collect();
    (rest.join(" "), service)
}

/// The local socket folder libpq was built with: Debian's, else upstream's.
fn default_socket_dir() -> PathBuf {
    let debian = Path::new("/var/run/postgresql");
    if debian.is_dir() {
        debian.to_owned()
    } else {
        PathBuf::from("/tmp")
    }
}

/// The settings of service `name`: the user's file (`PGSERVICEFILE`, else
/// `~/.pg_service.conf`) first, then the system's (`PGSYSCONFDIR`, else
/// Debian's `/etc/postgresql-common`).
fn service_entry(name: &str, src: &Sources<'_>) -> Option<Vec<(String, String)>> {
    let user_file = src
        .var("PGSERVICEFILE")
        .map(PathBuf::from)
        .or_else(|| src.home.as_ref().map(|h| h.join(".pg_service.conf")));
    let system = src
        .var("PGSYSCONFDIR")
        .map_or_else(|| PathBuf::from("/etc/postgresql-common"), PathBuf::from)
        .join("pg_service.conf");
    [user_file, Some(system)]
        .into_iter()
        .flatten()
        .find_map(|f| section(&read_bounded(&f)?, name))
}

/// A settings file of at most 1 MiB (a device or a huge file is not one).
fn read_bounded(path: &Path) -> Option<String> {
    use std::io::Read;
    let f = std::fs::File::open(path).ok()?;
    if !f.metadata().ok()?.is_file() {
        return None;
    }
    let mut text = String::new();
    f.take(1 << 20).read_to_string(&mut text).ok()?;
    Some(text)
}

fn section(text: &str, name: &str) -> Option<Vec<(String, String)>> {
    let mut inside = false;
    let mut found = None;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = header.trim() == name;
            if inside {
                found = Some(Vec::new());
            } else if found.is_some() {
                break;
            }
            continue;
        }
        if inside
            && let Some((k, v)) = line.split_once('=')
            && let Some(entries) = found.as_mut()
        {
            entries.push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    found
}

/// The password file's password for the first host, as libpq matches it:
/// `host:port:database:user:password`, `*` matching anything, `\` escaping
/// `:` and `\`; `localhost` matching the default socket too. A file that
/// others may read is ignored, as libpq ignores it.
fn password_from_file(config: &Config, src: &Sources<'_>) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let path = src
        .var("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| src.home.as_ref().map(|h| h.join(".pgpass")))?;
    let meta = std::fs::metadata(&path).ok()?;
    if meta.permissions().mode() & 0o077 != 0 {
        return None;
    }
    let text = read_bounded(&path)?;
    let host = match config.get_hosts().first()? {
        Host::Tcp(h) => h.clone(),
        Host::Unix(p) if *p == default_socket_dir() => "localhost".to_owned(),
        Host::Unix(p) => p.display().to_string(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let db = config.get_dbname().unwrap_or("");
    let user = config.get_user().unwrap_or("");
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .find_map(|line| {
            let f = fields(line);
            let fits = |i: usize, want: &str| f.get(i).is_some_and(|v| v == "*" || v == want);
            (f.len() >= 5 && fits(0, &host) && fits(1, &port) && fits(2, db) && fits(3, user))
                .then(|| f[4].clone())
        })
}

/// A password file line's fields, with `\:` and `\\` unescaped.
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(n), Some(s)) = (chars.next(), out.last_mut()) {
                    s.push(n);
                }
            }
            ':' if out.len() < 5 => out.push(String::new()),
            c => {
                if let Some(s) = out.last_mut() {
                    s.push(c);
                }
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "libpq_tests.rs"]
mod tests;
