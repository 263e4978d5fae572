//! Settings, layered: built-in defaults, then an optional TOML file (`--config` or
//! `ORGS_CONFIG`), then `ORGS_*` environment variables, later ones winning.

use anyhow::{Context, bail};
use config::{Config, Environment, File, FileFormat};
use serde::Deserialize;
use std::fmt;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Clone, Deserialize)]
pub struct Settings {
    /// `address:port` to listen on.
    pub listen: String,
    /// `sqlite://FILE` or `postgres://...`; the scheme picks the adapter.
    pub database_url: String,
    /// The most connections the pool opens.
    pub database_max_connections: u32,
    /// Whether `serve` and the admin commands apply pending migrations first. Turn it off
    /// behind a transaction-mode pooler and run `orgs-server migrate` directly instead.
    pub migrate_on_start: bool,
    /// Prepared statements each PostgreSQL connection keeps; `0` for a pooler such as
    /// PgBouncer in transaction mode, which cannot keep them between transactions.
    pub database_statement_cache: usize,
    /// How long a request waits for a connection (or SQLite's lock) before `503`.
    #[serde(with = "humantime_serde_shim")]
    pub database_timeout: Duration,
    pub jwt_hs256_secret: Option<String>,
    pub jwt_jwks_file: Option<PathBuf>,
    /// An identity provider's published key set, fetched and kept fresh.
    pub jwt_jwks_url: Option<String>,
    /// Between two scheduled fetches of a JWKS URL.
    #[serde(with = "humantime_serde_shim")]
    pub jwt_jwks_refresh: Duration,
    pub jwt_issuer: Option<String>,
    pub jwt_audience: Option<String>,
    /// Several identity providers at once (`[[jwt_issuers]]` in the TOML file), instead
    /// of the one the `jwt_*` settings describe.
    #[serde(default)]
    pub jwt_issuers: Vec<IssuerEntry>,
    /// The deployment's own roles (`[[roles]]` in the TOML file), beside the built-ins.
    #[serde(default)]
    pub roles: Vec<RoleEntry>,
    /// How long an invitation stays acceptable, e.g. `7d` or `90s`.
    #[serde(with = "humantime_serde_shim")]
    pub invitation_ttl: Duration,
    /// `/v1` requests served at once; more are refused with `503`.
    pub max_concurrent_requests: usize,
    /// A `/v1` request running longer is abandoned with `503`.
    #[serde(with = "humantime_serde_shim")]
    pub request_timeout: Duration,
    /// Failed authentications a client address may make per `auth_failure_window`.
    pub auth_failure_limit: u32,
    #[serde(with = "humantime_serde_shim")]
    pub auth_failure_window: Duration,
    /// Failed invitation accepts and join-code joins allowed per caller, and per client
    /// address, in each `guess_failure_window`.
    pub guess_failure_limit: u32,
    #[serde(with = "humantime_serde_shim")]
    pub guess_failure_window: Duration,
    /// The wait after a webhook delivery's first failure; it doubles after each further
    /// one, up to an hour.
    #[serde(with = "humantime_serde_shim")]
    pub webhook_retry_delay: Duration,
    /// Failed attempts after which a delivery is marked failed.
    pub webhook_max_attempts: u32,
    /// How long a receiver has to answer an attempt.
    #[serde(with = "humantime_serde_shim")]
    pub webhook_timeout: Duration,
    /// How long audit events are kept; older ones are deleted in the background.
    #[serde(with = "humantime_serde_shim")]
    pub audit_retention: Duration,
    /// Browser origins allowed to call the API, comma-separated (`https://app.example.com`).
    pub cors_origins: Option<String>,
    /// Addresses or CIDRs of the proxies whose `X-Forwarded-For` is believed,
    /// comma-separated.
    pub trusted_proxies: Option<String>,
    /// Requests a second one credential may send (bursts of twice that); off if unset.
    pub request_rate_limit: Option<NonZeroU32>,
    pub log_format: LogFormat,
    /// A tracing filter such as `info` or `orgs_http=debug,info`.
    pub log_level: String,
}

/// One `[[jwt_issuers]]` entry: the issuer its tokens name, and exactly one key source.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuerEntry {
    pub issuer: String,
    pub audience: Option<String>,
    pub hs256_secret: Option<String>,
    pub jwks_file: Option<PathBuf>,
    pub jwks_url: Option<String>,
}

/// One `[[roles]]` entry, as CONTRACT.md spells it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleEntry {
    pub role: String,
    pub rank: i64,
    #[serde(default)]
    pub permissions: Vec<String>,
    pub description: Option<String>,
}

/// Reads durations as humantime strings (`7d`, `90s`, `1h 30m`).
mod humantime_serde_shim {
    use serde::{Deserialize, Deserializer};
    use std::time::Duration;

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Duration, D::Error> {
        let text = String::deserialize(deserializer)?;
        humantime::parse_duration(text.trim()).map_err(|err| serde::de::Error::custom(format!("{text:?}: {err}")))
    }
}

/// Beyond a year an invitation is a standing credential, not an invitation.
const MAX_INVITATION_TTL: Duration = Duration::from_secs(365 * 24 * 3600);

/// Every setting that has a default, as its TOML key and default value. The
/// configuration reference (docs/configuration.md) is checked against this list.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("listen", "127.0.0.1:8080"),
    ("database_url", "sqlite://orgs.db"),
    ("database_max_connections", "10"),
    ("database_statement_cache", "100"),
    ("migrate_on_start", "true"),
    ("database_timeout", "5s"),
    ("invitation_ttl", "7d"),
    ("jwt_jwks_refresh", "10m"),
    ("max_concurrent_requests", "512"),
    ("request_timeout", "30s"),
    ("auth_failure_limit", "30"),
    ("auth_failure_window", "1m"),
    ("guess_failure_limit", "10"),
    ("guess_failure_window", "10m"),
    ("webhook_retry_delay", "5s"),
    ("webhook_max_attempts", "20"),
    ("webhook_timeout", "10s"),
    ("audit_retention", "365d"),
    ("log_format", "pretty"),
    ("log_level", "info"),
];

/// The settings that are unset unless configured.
pub const OPTIONAL: &[&str] = &[
    "jwt_hs256_secret",
    "jwt_jwks_file",
    "jwt_jwks_url",
    "jwt_issuer",
    "jwt_audience",
    "cors_origins",
    "trusted_proxies",
    "request_rate_limit",
];

impl Settings {
    /// Loads the layers. `file` wins over `ORGS_CONFIG` for naming the TOML file.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Self> {
        Self::load_from(file, Environment::with_prefix("ORGS").ignore_empty(true))
    }

    pub fn load_from(file: Option<&Path>, environment: Environment) -> anyhow::Result<Self> {
        let mut builder = Config::builder();
        for (key, value) in DEFAULTS {
            builder = builder.set_default(*key, *value)?;
        }
        let named = file
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os("ORGS_CONFIG").map(PathBuf::from));
        if let Some(path) = named {
            let path_text = path.to_str().context("the config path is not UTF-8")?;
            builder = builder.add_source(File::new(path_text, FileFormat::Toml).required(true));
        }
        let settings: Settings = builder
            .add_source(environment)
            .build()
            .context("reading settings")?
            .try_deserialize()
            .context("invalid settings")?;
        settings.validate()?;
        Ok(settings)
    }

    fn validate(&self) -> anyhow::Result<()> {
        if self.max_concurrent_requests == 0 || self.request_timeout.is_zero() {
            bail!("max_concurrent_requests and request_timeout must be positive");
        }
        if self.database_max_connections == 0 {
            bail!("database_max_connections must be at least 1");
        }
        if self.invitation_ttl.is_zero() || self.invitation_ttl > MAX_INVITATION_TTL {
            bail!("invitation_ttl must be positive and at most 365 days");
        }
        if self.webhook_retry_delay.is_zero() || self.webhook_retry_delay > Duration::from_secs(3600) {
            bail!("webhook_retry_delay must be positive and at most an hour");
        }
        if self.webhook_timeout.is_zero() || self.webhook_timeout > Duration::from_secs(60) {
            bail!("webhook_timeout must be positive and at most a minute");
        }
        if !(1..=100).contains(&self.webhook_max_attempts) {
            bail!("webhook_max_attempts must be between 1 and 100");
        }
        if self.audit_retention < Duration::from_secs(3600) {
            bail!("audit_retention must be at least an hour");
        }
        if self.jwt_jwks_refresh < Duration::from_secs(1) || self.jwt_jwks_refresh > Duration::from_secs(24 * 3600) {
            bail!("jwt_jwks_refresh must be between 1s and 24h");
        }
        // Checks the key sources of every issuer, read no file and fetch nothing.
        self.jwt_issuers()?;
        if self.request_rate_limit.is_some_and(|rate| rate.get() > 1_000_000) {
            bail!("request_rate_limit must be at most 1000000 requests a second");
        }
        cors_origins(self.cors_origins.as_deref())?;
        trusted_proxies(self.trusted_proxies.as_deref())?;
        self.roles()?;
        Ok(())
    }

    /// The role table: the built-ins and every `[[roles]]` entry, checked.
    pub fn roles(&self) -> anyhow::Result<orgs_core::Roles> {
        let declared: Vec<orgs_core::DeclaredRole> = self
            .roles
            .iter()
            .map(|entry| orgs_core::DeclaredRole {
                role: entry.role.clone(),
                rank: entry.rank,
                permissions: entry.permissions.clone(),
                description: entry.description.clone(),
            })
            .collect();
        orgs_core::Roles::with_declared(&declared).map_err(|err| anyhow::anyhow!("roles: {err}"))
    }

    /// The trusted issuers: the `[[jwt_issuers]]` list, or the one the `jwt_*` settings
    /// describe; both at once is refused.
    pub fn jwt_issuers(&self) -> anyhow::Result<Vec<orgs_auth::IssuerSettings>> {
        let single = orgs_auth::JwtSettings {
            hs256_secret: self.jwt_hs256_secret.clone(),
            jwks_file: self.jwt_jwks_file.clone(),
            jwks_url: self.jwt_jwks_url.clone(),
            issuer: self.jwt_issuer.clone(),
            audience: self.jwt_audience.clone(),
        };
        let single_set = [
            single.hs256_secret.is_some(),
            single.jwks_file.is_some(),
            single.jwks_url.is_some(),
            single.issuer.is_some(),
            single.audience.is_some(),
        ]
        .contains(&true);
        if self.jwt_issuers.is_empty() {
            return Ok(single.issuer()?.into_iter().collect());
        }
        if single_set {
            bail!("set either [[jwt_issuers]] or the jwt_* settings (ORGS_JWT_*), not both");
        }
        self.jwt_issuers
            .iter()
            .map(|entry| {
                let one = orgs_auth::JwtSettings {
                    hs256_secret: entry.hs256_secret.clone(),
                    jwks_file: entry.jwks_file.clone(),
                    jwks_url: entry.jwks_url.clone(),
                    issuer: Some(entry.issuer.clone()),
                    audience: entry.audience.clone(),
                };
                one.issuer()?.with_context(|| {
                    format!(
                        "jwt_issuers: {:?} needs hs256_secret, jwks_file or jwks_url",
                        entry.issuer
                    )
                })
            })
            .collect()
    }

    /// The network edge the router applies; `validate` has checked both lists.
    pub fn edge(&self) -> orgs_http::Edge {
        orgs_http::Edge {
            cors_origins: cors_origins(self.cors_origins.as_deref()).unwrap_or_default(),
            trusted_proxies: trusted_proxies(self.trusted_proxies.as_deref()).unwrap_or_default(),
        }
    }
}

fn list(text: Option<&str>) -> impl Iterator<Item = &str> {
    text.unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// Each origin is a scheme, host and optional port, as a browser sends it in `Origin`.
fn cors_origins(text: Option<&str>) -> anyhow::Result<Vec<axum::http::HeaderValue>> {
    list(text)
        .map(|origin| {
            let (scheme, rest) = origin.split_once("://").unwrap_or_default();
            let valid =
                matches!(scheme, "http" | "https") && !rest.is_empty() && !rest.contains(['/', '?', '#', '*', ' ']);
            if !valid {
                bail!("cors_origins: {origin:?} is not an origin such as https://app.example.com");
            }
            // Browsers send the scheme and host in lower case.
            Ok(axum::http::HeaderValue::from_str(&origin.to_ascii_lowercase())?)
        })
        .collect()
}

/// Each entry is an address (one host) or a CIDR block.
fn trusted_proxies(text: Option<&str>) -> anyhow::Result<Vec<ipnet::IpNet>> {
    list(text)
        .map(|entry| {
            entry
                .parse::<ipnet::IpNet>()
                .or_else(|_| entry.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| anyhow::anyhow!("trusted_proxies: {entry:?} is not an address or a CIDR block"))
        })
        .collect()
}

/// Hides the JWT secret and any password in the database URL.
impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("listen", &self.listen)
            .field("database_url", &redact_url(&self.database_url))
            .field("database_max_connections", &self.database_max_connections)
            .field("jwt_jwks_url", &self.jwt_jwks_url.as_deref().map(redact_url))
            .field("jwt_jwks_refresh", &self.jwt_jwks_refresh)
            .field(
                "jwt_issuers",
                &self
                    .jwt_issuers
                    .iter()
                    .map(|entry| entry.issuer.as_str())
                    .collect::<Vec<_>>(),
            )
            .field(
                "roles",
                &self.roles.iter().map(|entry| entry.role.as_str()).collect::<Vec<_>>(),
            )
            .field("cors_origins", &self.cors_origins)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("request_rate_limit", &self.request_rate_limit)
            .field("database_statement_cache", &self.database_statement_cache)
            .field("migrate_on_start", &self.migrate_on_start)
            .field("database_timeout", &self.database_timeout)
            .field(
                "jwt_hs256_secret",
                &self.jwt_hs256_secret.as_ref().map(|_| "<redacted>"),
            )
            .field("jwt_jwks_file", &self.jwt_jwks_file)
            .field("jwt_issuer", &self.jwt_issuer)
            .field("jwt_audience", &self.jwt_audience)
            .field("invitation_ttl", &self.invitation_ttl)
            .field("max_concurrent_requests", &self.max_concurrent_requests)
            .field("request_timeout", &self.request_timeout)
            .field("auth_failure_limit", &self.auth_failure_limit)
            .field("auth_failure_window", &self.auth_failure_window)
            .field("guess_failure_limit", &self.guess_failure_limit)
            .field("guess_failure_window", &self.guess_failure_window)
            .field("webhook_retry_delay", &self.webhook_retry_delay)
            .field("webhook_max_attempts", &self.webhook_max_attempts)
            .field("webhook_timeout", &self.webhook_timeout)
            .field("audit_retention", &self.audit_retention)
            .field("log_format", &self.log_format)
            .field("log_level", &self.log_level)
            .finish()
    }
}

/// `postgres://user:secret@host/db?password=x` becomes
/// `postgres://user:<redacted>@host/db?password=<redacted>`. The last `@` ends the user
/// part, since a password may itself contain `@`.
pub fn redact_url(url: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let base = match base.split_once("://") {
        Some((scheme, rest)) => match rest.rsplit_once('@') {
            Some((userinfo, host)) => match userinfo.split_once(':') {
                Some((user, _)) => format!("{scheme}://{user}:<redacted>@{host}"),
                None => base.to_owned(),
            },
            None => base.to_owned(),
        },
        None => base.to_owned(),
    };
    let Some(query) = query else { return base };
    let query: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((key, _)) if key.eq_ignore_ascii_case("password") || key.to_ascii_lowercase().contains("secret") => {
                format!("{key}=<redacted>")
            }
            _ => pair.to_owned(),
        })
        .collect();
    format!("{base}?{}", query.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> Environment {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Environment::with_prefix("ORGS").ignore_empty(true).source(Some(map))
    }

    #[test]
    fn defaults_need_no_configuration() {
        let settings = Settings::load_from(None, env(&[])).unwrap();
        assert_eq!(settings.listen, "127.0.0.1:8080");
        assert_eq!(settings.database_url, "sqlite://orgs.db");
        assert_eq!(settings.invitation_ttl, Duration::from_secs(7 * 24 * 3600));
        assert_eq!(settings.log_format, LogFormat::Pretty);
        assert!(settings.jwt_hs256_secret.is_none());
    }

    #[test]
    fn the_environment_wins_over_the_file() {
        let dir = std::env::temp_dir().join(format!("orgs-settings-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("orgs.toml");
        std::fs::write(
            &file,
            "listen = \"0.0.0.0:9000\"\ninvitation_ttl = \"90s\"\nlog_format = \"json\"\n",
        )
        .unwrap();
        let settings = Settings::load_from(
            Some(&file),
            env(&[("ORGS_LISTEN", "127.0.0.1:7000"), ("ORGS_JWT_ISSUER", "idp")]),
        )
        .unwrap();
        assert_eq!(settings.listen, "127.0.0.1:7000");
        assert_eq!(settings.invitation_ttl, Duration::from_secs(90));
        assert_eq!(settings.log_format, LogFormat::Json);
        assert_eq!(settings.jwt_issuer.as_deref(), Some("idp"));
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn bad_values_are_refused_with_a_reason() {
        for pairs in [
            &[("ORGS_INVITATION_TTL", "soon")][..],
            &[("ORGS_INVITATION_TTL", "400d")][..],
            &[("ORGS_LOG_FORMAT", "xml")][..],
            &[("ORGS_DATABASE_MAX_CONNECTIONS", "0")][..],
            &[("ORGS_WEBHOOK_MAX_ATTEMPTS", "0")][..],
            &[("ORGS_WEBHOOK_RETRY_DELAY", "2h")][..],
            &[("ORGS_AUDIT_RETENTION", "1s")][..],
            &[("ORGS_JWT_HS256_SECRET", "s"), ("ORGS_JWT_JWKS_FILE", "/k.json")][..],
        ] {
            assert!(Settings::load_from(None, env(pairs)).is_err(), "{pairs:?}");
        }
    }

    #[test]
    fn urls_lose_their_passwords_wherever_they_are() {
        assert_eq!(
            redact_url("postgres://app:p@ss@db:5432/orgs"),
            "postgres://app:<redacted>@db:5432/orgs"
        );
        assert_eq!(
            redact_url("postgres://db/orgs?user=app&password=hunter2&sslmode=require"),
            "postgres://db/orgs?user=app&password=<redacted>&sslmode=require"
        );
        assert_eq!(redact_url("sqlite://orgs.db"), "sqlite://orgs.db");
        assert_eq!(redact_url("postgres://app@db/orgs"), "postgres://app@db/orgs");
    }

    #[test]
    fn debug_output_redacts_secrets() {
        let settings = Settings::load_from(
            None,
            env(&[
                ("ORGS_JWT_HS256_SECRET", "topsecret"),
                ("ORGS_DATABASE_URL", "postgres://app:hunter2@db/orgs"),
            ]),
        )
        .unwrap();
        let shown = format!("{settings:?}");
        assert!(!shown.contains("topsecret") && !shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("postgres://app:<redacted>@db/orgs"));
    }
}
