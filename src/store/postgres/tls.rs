//! TLS to the server, through the system's OpenSSL, with libpq's words:
//!
//! - `sslmode=disable`: never.
//! - `sslmode=prefer` (the default): when the server offers it, encrypted
//!   but not verified, as libpq does (a Unix socket never offers it).
//! - `sslmode=require`: always, and verified: the certificate must chain
//!   to a certificate the system trusts (`/etc/ssl/certs`) or to the one
//!   `PGSSLROOTCERT` names, and name the host connected to. Stricter than
//!   libpq's `require`, which checks nothing without a root certificate: a
//!   planner's password must not go to a server that only claims the name.

use crate::store::error::{Error, Result, ServerWhy};
use native_tls::{Certificate, TlsConnector};
use postgres::config::SslMode;
use postgres_native_tls::MakeTlsConnector;

/// Connects as `config` says, with TLS when `tls` holds a connector.
pub(super) fn connect(
    config: &postgres::Config,
    tls: Option<&MakeTlsConnector>,
) -> std::result::Result<postgres::Client, postgres::Error> {
    match tls {
        Some(tls) => config.connect(tls.clone()),
        None => config.connect(postgres::NoTls),
    }
}

/// The connector for `config`'s `sslmode`, or None where TLS cannot be
/// used: every host a Unix socket, or `sslmode=disable`. (Building one
/// reads the system's certificates: 40 ms, a third of a first frame.)
/// `server` names the server in a refusal.
pub(super) fn connector(
    config: &postgres::Config,
    server: &str,
) -> Result<Option<MakeTlsConnector>> {
    let over_tcp = config
        .get_hosts()
        .iter()
        .any(|h| matches!(h, postgres::config::Host::Tcp(_)));
    if !over_tcp || config.get_ssl_mode() == SslMode::Disable {
        return Ok(None);
    }
    let refused = |why: String| Error::Server {
        server: server.to_owned(),
        why: ServerWhy::Tls(why),
    };
    let mut builder = TlsConnector::builder();
    if let Some(path) = std::env::var_os("PGSSLROOTCERT").filter(|p| !p.is_empty()) {
        let pem = std::fs::read(&path).map_err(|e| {
            refused(format!(
                "PGSSLROOTCERT {}: {e}",
                std::path::Path::new(&path).display()
            ))
        })?;
        let cert = Certificate::from_pem(&pem).map_err(|e| {
            refused(format!(
                "PGSSLROOTCERT {}: {e}",
                std::path::Path::new(&path).display()
            ))
        })?;
        builder.add_root_certificate(cert);
    }
    if config.get_ssl_mode() != SslMode::Require {
        builder
            .danger_accept_invalid_certs(true)
            .danger_accept_invalid_hostnames(true);
    }
    let tls = builder.build().map_err(|e| refused(e.to_string()))?;
    Ok(Some(MakeTlsConnector::new(tls)))
}
