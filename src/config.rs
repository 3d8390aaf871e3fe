//! Configuration: command-line flags > environment (`PASSERELLE_*`, `DATABASE_URL`) > an optional
//! `passerelle.toml` > defaults. The CLI gathers the first two with clap; this module adds the
//! file and the defaults.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Settings that flags and the environment can give (all optional: `None` means "not given").
#[derive(Debug, Clone, Default, clap::Args, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "PASSERELLE_BIND", global = true)]
    pub bind: Option<SocketAddr>,
    /// Directory for the SQLite database and other data [default: ./passerelle-data].
    #[arg(long, env = "PASSERELLE_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Database URL: postgres://… for PostgreSQL [default: SQLite in the data directory].
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Public address of the site, used in links sent by e-mail [default: http://<bind>].
    #[arg(long, env = "PASSERELLE_BASE_URL", global = true)]
    pub base_url: Option<String>,
    /// SMTP server for e-mail, e.g. smtp://127.0.0.1:2525 [default: no e-mail].
    #[arg(long, env = "PASSERELLE_SMTP_URL", global = true)]
    pub smtp_url: Option<String>,
    /// Sender address of e-mail [default: Passerelle <noreply@passerelle.invalid>].
    #[arg(long, env = "PASSERELLE_SMTP_FROM", global = true)]
    pub smtp_from: Option<String>,
    /// Largest request body in bytes [default: 2 MiB].
    #[arg(long, env = "PASSERELLE_MAX_BODY_BYTES", global = true)]
    pub max_body_bytes: Option<usize>,
    /// LibreTranslate-compatible machine translation, e.g. http://127.0.0.1:5000 [default: off].
    #[arg(long, env = "PASSERELLE_TRANSLATE_URL", global = true)]
    pub translate_url: Option<String>,
    /// API key for the machine translation service, if it needs one.
    #[arg(long, env = "PASSERELLE_TRANSLATE_KEY", global = true)]
    pub translate_key: Option<String>,
    /// Largest uploaded file (attachments, imports) in bytes [default: 20 MB].
    #[arg(long, env = "PASSERELLE_MAX_UPLOAD_BYTES", global = true)]
    pub max_upload_bytes: Option<usize>,
    /// Addresses of reverse proxies whose X-Forwarded-For is believed, comma-separated
    /// (e.g. 127.0.0.1,::1) [default: none: the peer address is the client's].
    #[arg(long, env = "PASSERELLE_TRUSTED_PROXIES", global = true)]
    pub trusted_proxies: Option<String>,
    /// Open connections served at once; further ones wait [default: 1024].
    #[arg(long, env = "PASSERELLE_MAX_CONNECTIONS", global = true)]
    pub max_connections: Option<usize>,
    /// Days the audit log keeps each change [default: 365].
    #[arg(long, env = "PASSERELLE_AUDIT_RETENTION_DAYS", global = true)]
    pub audit_retention_days: Option<i64>,
    /// Seconds a change waits for its turn behind other writes (a large import holds the turn
    /// for its whole transaction) before it is answered "busy, try again" [default: 120].
    #[arg(long, env = "PASSERELLE_WRITE_WAIT_SECONDS", global = true)]
    pub write_wait_seconds: Option<u64>,
    /// Directory of the optional embedding model (`e5-small-q4.bin`, which
    /// `scripts/embeddings/fetch` extracts): search then also finds texts close in meaning
    /// [default: none: search is lexical].
    #[arg(long, env = "PASSERELLE_EMBEDDINGS", global = true)]
    pub embeddings: Option<PathBuf>,
}

impl Settings {
    /// Fills what `self` lacks from `other`.
    fn or(self, other: Settings) -> Settings {
        Settings {
            bind: self.bind.or(other.bind),
            data_dir: self.data_dir.or(other.data_dir),
            database_url: self.database_url.or(other.database_url),
            base_url: self.base_url.or(other.base_url),
            smtp_url: self.smtp_url.or(other.smtp_url),
            smtp_from: self.smtp_from.or(other.smtp_from),
            max_body_bytes: self.max_body_bytes.or(other.max_body_bytes),
            max_upload_bytes: self.max_upload_bytes.or(other.max_upload_bytes),
            translate_url: self.translate_url.or(other.translate_url),
            translate_key: self.translate_key.or(other.translate_key),
            trusted_proxies: self.trusted_proxies.or(other.trusted_proxies),
            max_connections: self.max_connections.or(other.max_connections),
            audit_retention_days: self.audit_retention_days.or(other.audit_retention_days),
            write_wait_seconds: self.write_wait_seconds.or(other.write_wait_seconds),
            embeddings: self.embeddings.or(other.embeddings),
        }
    }
}

/// The settings in force.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on.
    pub bind: SocketAddr,
    /// Data directory.
    pub data_dir: PathBuf,
    /// Database URL, when not the embedded SQLite file.
    pub database_url: Option<String>,
    /// Public address of the site, without a trailing slash.
    pub base_url: String,
    /// SMTP server URL.
    pub smtp_url: Option<String>,
    /// Sender address.
    pub smtp_from: String,
    /// Largest request body in bytes.
    pub max_body_bytes: usize,
    /// Largest uploaded file in bytes.
    pub max_upload_bytes: usize,
    /// Machine translation service (LibreTranslate API), when configured.
    pub translate_url: Option<String>,
    /// Its API key.
    pub translate_key: Option<String>,
    /// Whether cookies carry `Secure` (the site is served over HTTPS).
    pub secure_cookies: bool,
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Connections served at once.
    pub max_connections: usize,
    /// Days the audit log keeps each change.
    pub audit_retention_days: i64,
    /// How long a change waits for its turn to write.
    pub write_wait: std::time::Duration,
    /// The embedding model's directory, when configured.
    pub embeddings: Option<PathBuf>,
}

impl Config {
    /// Resolves `given` (flags and environment) over the file `file` (if it exists) over defaults.
    pub fn resolve(given: Settings, file: Option<&Path>) -> anyhow::Result<Config> {
        let from_file = match file {
            Some(path) if path.exists() => {
                let text = std::fs::read_to_string(path)?;
                toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
            }
            _ => Settings::default(),
        };
        let s = given.or(from_file);
        let bind = s
            .bind
            .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 8080)));
        let trusted_proxies = s
            .trusted_proxies
            .as_deref()
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse()
                    .map_err(|_| anyhow::anyhow!("trusted_proxies: {p:?} is not an IP address"))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let base_url = s
            .base_url
            .unwrap_or_else(|| format!("http://{bind}"))
            .trim_end_matches('/')
            .to_owned();
        Ok(Config {
            bind,
            data_dir: s
                .data_dir
                .unwrap_or_else(|| PathBuf::from("passerelle-data")),
            database_url: s.database_url.filter(|u| !u.is_empty()),
            secure_cookies: base_url.starts_with("https://"),
            base_url,
            smtp_url: s.smtp_url.filter(|u| !u.is_empty()),
            smtp_from: s
                .smtp_from
                .unwrap_or_else(|| "Passerelle <noreply@passerelle.invalid>".to_owned()),
            max_body_bytes: s.max_body_bytes.unwrap_or(2 * 1024 * 1024),
            max_upload_bytes: s.max_upload_bytes.unwrap_or(20 * 1000 * 1000),
            translate_url: s
                .translate_url
                .filter(|u| !u.is_empty())
                .map(|u| u.trim_end_matches('/').to_owned()),
            translate_key: s.translate_key.filter(|k| !k.is_empty()),
            trusted_proxies,
            max_connections: s.max_connections.unwrap_or(1024).max(1),
            audit_retention_days: s.audit_retention_days.unwrap_or(365).max(1),
            write_wait: std::time::Duration::from_secs(
                s.write_wait_seconds.unwrap_or(120).clamp(1, 86_400),
            ),
            embeddings: s.embeddings.filter(|d| !d.as_os_str().is_empty()),
        })
    }

    /// A configuration for tests and tools: everything default but the data directory.
    pub fn for_data_dir(data_dir: &Path) -> Config {
        let given = Settings {
            data_dir: Some(data_dir.to_owned()),
            ..Default::default()
        };
        Config::resolve(given, None).expect("defaults are valid")
    }

    /// The database URL in force: the given one, or the SQLite file in the data directory.
    pub fn database_url(&self) -> String {
        self.database_url.clone().unwrap_or_else(|| {
            format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("passerelle.db").display()
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_win_over_the_file_and_the_file_over_defaults() {
        let dir = std::env::temp_dir().join(format!("passerelle-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join("passerelle.toml");
        std::fs::write(
            &file,
            "bind = \"127.0.0.1:9000\"\nsmtp_from = \"QP <qp@example.org>\"\n",
        )
        .expect("write");
        let given = Settings {
            bind: Some("127.0.0.1:9100".parse().expect("addr")),
            ..Default::default()
        };
        let config = Config::resolve(given, Some(&file)).expect("config");
        assert_eq!(config.bind.port(), 9100);
        assert_eq!(config.smtp_from, "QP <qp@example.org>");
        assert_eq!(config.max_body_bytes, 2 * 1024 * 1024);
        assert_eq!(config.base_url, "http://127.0.0.1:9100");
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn an_unknown_key_in_the_file_is_an_error() {
        let dir =
            std::env::temp_dir().join(format!("passerelle-config-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join("passerelle.toml");
        std::fs::write(&file, "bnid = \"x\"\n").expect("write");
        assert!(Config::resolve(Settings::default(), Some(&file)).is_err());
        std::fs::remove_dir_all(dir).ok();
    }
}
