//! Verifying JWTs from external identity providers: one or several issuers, each with
//! an HS256 secret, a JWKS file or a JWKS URL, and each key used only with its own
//! algorithm.

use crate::jwks::{KeySet, RemoteKeySet};
use base64::Engine;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation, decode, decode_header};
use orgs_core::{Email, ExternalIdentity};
use orgs_ports::{IdentityError, IdentityVerifier};
use serde::Deserialize;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// One issuer as the `ORGS_JWT_*` variables describe it.
#[derive(Clone, Default)]
pub struct JwtSettings {
    pub hs256_secret: Option<String>,
    pub jwks_file: Option<PathBuf>,
    pub jwks_url: Option<String>,
    pub issuer: Option<String>,
    pub audience: Option<String>,
}

/// Where one issuer's keys come from.
#[derive(Clone)]
pub enum KeySource {
    Hs256Secret(String),
    JwksFile(PathBuf),
    JwksUrl(String),
}

/// Shows where the keys come from, never an HS256 secret.
impl std::fmt::Debug for KeySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeySource::Hs256Secret(_) => f.write_str("Hs256Secret(<redacted>)"),
            KeySource::JwksFile(path) => f.debug_tuple("JwksFile").field(path).finish(),
            KeySource::JwksUrl(url) => f.debug_tuple("JwksUrl").field(url).finish(),
        }
    }
}

/// One trusted issuer. With several, each names its `issuer`, which a token's `iss`
/// picks; a lone issuer without one takes every token.
#[derive(Clone, Debug)]
pub struct IssuerSettings {
    pub issuer: Option<String>,
    pub audience: Option<String>,
    pub keys: KeySource,
}

enum Keys {
    Hs256(DecodingKey),
    Fixed(KeySet),
    Remote(Arc<RemoteKeySet>),
}

struct Issuer {
    issuer: Option<String>,
    audience: Option<String>,
    keys: Keys,
}

pub struct JwtVerifier {
    issuers: Vec<Issuer>,
}

#[derive(Debug, thiserror::Error)]
pub enum JwtSetupError {
    #[error("cannot read the JWKS file {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("the JWKS file {path} is not a valid JWK set: {source}")]
    Parse { path: PathBuf, source: serde_json::Error },
    #[error("the HS256 secret cannot be used as a key")]
    Secret,
    #[error("the JWKS file {0} holds no RS256 or ES256 key")]
    NoKeys(PathBuf),
    #[error("the JWKS URL {0:?} is not an https:// URL (http:// only to this machine)")]
    Url(String),
    #[error("set exactly one of jwt_hs256_secret, jwt_jwks_file and jwt_jwks_url")]
    SeveralSources,
    #[error("with several JWT issuers, each must name its issuer, and no two the same")]
    Unnamed,
}

#[derive(Deserialize)]
struct Claims {
    sub: String,
    email: String,
    iss: Option<String>,
    #[serde(default)]
    email_verified: bool,
}

#[derive(Deserialize)]
struct UnverifiedIssuer {
    iss: Option<String>,
}

impl JwtSettings {
    /// The one issuer these settings describe, if any key source is set.
    pub fn issuer(&self) -> Result<Option<IssuerSettings>, JwtSetupError> {
        let sources = [
            self.hs256_secret.clone().map(KeySource::Hs256Secret),
            self.jwks_file.clone().map(KeySource::JwksFile),
            self.jwks_url.clone().map(KeySource::JwksUrl),
        ];
        let mut given = sources.into_iter().flatten();
        let Some(keys) = given.next() else { return Ok(None) };
        if given.next().is_some() {
            return Err(JwtSetupError::SeveralSources);
        }
        Ok(Some(IssuerSettings {
            issuer: self.issuer.clone(),
            audience: self.audience.clone(),
            keys,
        }))
    }
}

fn load(keys: &KeySource, refresh: Duration) -> Result<Keys, JwtSetupError> {
    Ok(match keys {
        KeySource::Hs256Secret(secret) => {
            Keys::Hs256(DecodingKey::from_secret(secret.as_bytes()).map_err(|_| JwtSetupError::Secret)?)
        }
        KeySource::JwksFile(path) => {
            let text = std::fs::read_to_string(path).map_err(|source| JwtSetupError::Read {
                path: path.clone(),
                source,
            })?;
            let set: JwkSet = serde_json::from_str(&text).map_err(|source| JwtSetupError::Parse {
                path: path.clone(),
                source,
            })?;
            let keys = KeySet::of(&set);
            if keys.is_empty() {
                return Err(JwtSetupError::NoKeys(path.clone()));
            }
            Keys::Fixed(keys)
        }
        KeySource::JwksUrl(url) => {
            let uri: hyper::Uri = url.parse().map_err(|_| JwtSetupError::Url(url.clone()))?;
            let host = uri.host().unwrap_or_default();
            // Keys fetched in the clear could be swapped on the way; only a provider on
            // this machine may be reached over plain http.
            let loopback = matches!(host, "localhost" | "127.0.0.1" | "[::1]" | "::1");
            let scheme_ok = match uri.scheme_str() {
                Some("https") => true,
                Some("http") => loopback,
                _ => false,
            };
            if !scheme_ok || host.is_empty() {
                return Err(JwtSetupError::Url(url.clone()));
            }
            Keys::Remote(RemoteKeySet::new(uri, refresh))
        }
    })
}

impl JwtVerifier {
    /// Every issuer, with `refresh` between two scheduled fetches of a JWKS URL; `None`
    /// for no issuer. Call `start` inside the runtime to begin fetching.
    pub fn new(issuers: Vec<IssuerSettings>, refresh: Duration) -> Result<Option<Self>, JwtSetupError> {
        if issuers.is_empty() {
            return Ok(None);
        }
        if issuers.len() > 1 {
            let mut names: Vec<_> = issuers.iter().map(|issuer| issuer.issuer.as_deref()).collect();
            names.sort();
            names.dedup();
            if names.len() != issuers.len() || names.contains(&None) {
                return Err(JwtSetupError::Unnamed);
            }
        }
        let issuers = issuers
            .iter()
            .map(|settings| {
                Ok(Issuer {
                    issuer: settings.issuer.clone(),
                    audience: settings.audience.clone(),
                    keys: load(&settings.keys, refresh)?,
                })
            })
            .collect::<Result<_, JwtSetupError>>()?;
        Ok(Some(Self { issuers }))
    }

    /// Starts fetching every JWKS URL, and keeps them fresh.
    pub fn start(&self) {
        for set in self.remote_sets() {
            set.1.spawn_refresh();
        }
    }

    /// Each JWKS URL's set, by its issuer (empty for a lone unnamed one).
    pub fn remote_sets(&self) -> Vec<(String, Arc<RemoteKeySet>)> {
        self.issuers
            .iter()
            .filter_map(|issuer| match &issuer.keys {
                Keys::Remote(set) => Some((issuer.issuer.clone().unwrap_or_default(), set.clone())),
                _ => None,
            })
            .collect()
    }

    /// The issuer a token names, before anything of it is verified: only to choose whose
    /// keys verify it.
    fn issuer_for(&self, jwt: &str) -> Option<&Issuer> {
        if let [only] = self.issuers.as_slice()
            && only.issuer.is_none()
        {
            return Some(only);
        }
        let payload = jwt.split('.').nth(1)?;
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload).ok()?;
        let claimed = serde_json::from_slice::<UnverifiedIssuer>(&bytes).ok()?.iss?;
        self.issuers
            .iter()
            .find(|issuer| issuer.issuer.as_deref() == Some(claimed.as_str()))
    }
}

impl Issuer {
    async fn verify(&self, jwt: &str) -> Result<Claims, IdentityError> {
        let header = decode_header(jwt).map_err(refused)?;
        let kid = header.kid.as_deref();
        let claims = match &self.keys {
            Keys::Hs256(key) if header.alg == Algorithm::HS256 => self.decode(jwt, key, header.alg)?,
            Keys::Hs256(_) => return Err(refused("this issuer signs with HS256 only")),
            Keys::Fixed(set) => self.decode_with_any(jwt, set, header.alg, kid)?,
            Keys::Remote(remote) => {
                let mut set = remote.current();
                if !set.holds(header.alg, kid) && matches!(header.alg, Algorithm::RS256 | Algorithm::ES256) {
                    set = remote.refreshed_for(header.alg, kid).await;
                }
                self.decode_with_any(jwt, &set, header.alg, kid)?
            }
        };
        Ok(claims)
    }

    /// Verifies with the first key of the set that takes the token.
    fn decode_with_any(
        &self,
        jwt: &str,
        set: &KeySet,
        algorithm: Algorithm,
        kid: Option<&str>,
    ) -> Result<Claims, IdentityError> {
        let mut last = refused("no key for this algorithm and kid");
        for key in set.candidates(algorithm, kid) {
            match self.decode(jwt, key, algorithm) {
                Ok(claims) => return Ok(claims),
                Err(error) => last = error,
            }
        }
        Err(last)
    }

    fn decode(&self, jwt: &str, key: &DecodingKey, algorithm: Algorithm) -> Result<Claims, IdentityError> {
        Ok(decode::<Claims>(jwt, key, &self.validation(algorithm))
            .map_err(refused)?
            .claims)
    }

    fn validation(&self, algorithm: Algorithm) -> Validation {
        let mut validation = Validation::new(algorithm);
        // A configured issuer or audience must be present, not merely right when present.
        let mut required = vec!["exp", "sub"];
        match &self.issuer {
            Some(issuer) => {
                validation.set_issuer(&[issuer]);
                required.push("iss");
            }
            None => validation.iss = None,
        }
        match &self.audience {
            Some(audience) => {
                validation.set_audience(&[audience]);
                required.push("aud");
            }
            None => validation.validate_aud = false,
        }
        validation.set_required_spec_claims(&required);
        // Expired means expired: the contract leaves no grace period.
        validation.leeway = 0;
        validation.validate_nbf = true;
        validation
    }
}

fn refused(reason: impl std::fmt::Display) -> IdentityError {
    IdentityError::Refused(reason.to_string())
}

#[async_trait::async_trait]
impl IdentityVerifier for JwtVerifier {
    async fn verify(&self, jwt: &str) -> Result<ExternalIdentity, IdentityError> {
        let issuer = self
            .issuer_for(jwt)
            .ok_or_else(|| refused("no configured issuer is this token's"))?;
        let claims = issuer.verify(jwt).await?;
        let email = Email::parse(&claims.email).map_err(|_| refused("the email claim is not an address"))?;
        if claims.sub.is_empty() {
            return Err(refused("empty sub"));
        }
        Ok(ExternalIdentity {
            issuer: claims.iss.unwrap_or_default(),
            subject: claims.sub,
            email,
            email_verified: claims.email_verified,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::{EncodingKey, Header, encode};
    use serde_json::json;

    const SECRET: &str = "a-test-secret-of-reasonable-length";

    /// The verifier the `ORGS_JWT_*` settings describe; `None` without a key source.
    fn from_settings(settings: &JwtSettings) -> Option<JwtVerifier> {
        JwtVerifier::new(
            settings.issuer().unwrap().into_iter().collect(),
            Duration::from_secs(600),
        )
        .unwrap()
    }

    fn verifier(issuer: Option<&str>, audience: Option<&str>) -> JwtVerifier {
        let settings = JwtSettings {
            hs256_secret: Some(SECRET.into()),
            issuer: issuer.map(Into::into),
            audience: audience.map(Into::into),
            ..JwtSettings::default()
        };
        from_settings(&settings).unwrap()
    }

    fn sign(claims: serde_json::Value) -> String {
        encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(SECRET.as_bytes()).unwrap(),
        )
        .unwrap()
    }

    fn in_an_hour() -> i64 {
        chrono::Utc::now().timestamp() + 3600
    }

    #[tokio::test]
    async fn accepts_a_valid_token_and_normalises_the_email() {
        let jwt = sign(json!({"sub": "u1", "email": "Ann@Example.com", "exp": in_an_hour(), "iss": "idp"}));
        let identity = verifier(Some("idp"), None).verify(&jwt).await.unwrap();
        assert_eq!((identity.issuer.as_str(), identity.subject.as_str()), ("idp", "u1"));
        assert_eq!(identity.email.as_str(), "ann@example.com");
    }

    #[tokio::test]
    async fn refuses_expired_missing_exp_wrong_issuer_or_audience_and_bad_signatures() {
        let v = verifier(Some("idp"), Some("orgs"));
        let good = json!({"sub": "u1", "email": "a@b.co", "exp": in_an_hour(), "iss": "idp", "aud": "orgs"});
        assert!(v.verify(&sign(good.clone())).await.is_ok());
        let mut cases = Vec::new();
        for (field, value) in [
            ("exp", json!(1_000_000)),
            ("iss", json!("other")),
            ("aud", json!("else")),
            ("email", json!("nope")),
        ] {
            let mut claims = good.clone();
            claims[field] = value;
            cases.push(sign(claims));
        }
        for claim in ["exp", "iss", "aud", "sub"] {
            let mut missing = good.clone();
            missing.as_object_mut().unwrap().remove(claim);
            cases.push(sign(missing));
        }
        let mut not_yet = good.clone();
        not_yet["nbf"] = json!(in_an_hour());
        cases.push(sign(not_yet));
        let forged = encode(
            &Header::new(Algorithm::HS256),
            &good,
            &EncodingKey::from_secret(b"another secret").unwrap(),
        )
        .unwrap();
        cases.push(forged);
        cases.push("not.a.jwt".into());
        for jwt in cases {
            assert!(matches!(v.verify(&jwt).await, Err(IdentityError::Refused(_))), "{jwt}");
        }
    }

    fn issuer_at(url: &str) -> Vec<IssuerSettings> {
        vec![IssuerSettings {
            issuer: None,
            audience: None,
            keys: KeySource::JwksUrl(url.into()),
        }]
    }

    #[test]
    fn a_jwks_url_is_https_unless_it_is_on_this_machine() {
        let refresh = Duration::from_secs(60);
        assert!(JwtVerifier::new(issuer_at("https://idp.example.com/.well-known/jwks.json"), refresh).is_ok());
        assert!(JwtVerifier::new(issuer_at("http://127.0.0.1:9000/jwks.json"), refresh).is_ok());
        assert!(JwtVerifier::new(issuer_at("http://localhost/jwks.json"), refresh).is_ok());
        for url in [
            "http://idp.example.com/jwks.json",
            "ftp://idp.example.com/",
            "not a url",
        ] {
            assert!(
                matches!(JwtVerifier::new(issuer_at(url), refresh), Err(JwtSetupError::Url(_))),
                "{url}"
            );
        }
    }

    #[tokio::test]
    async fn a_token_without_a_kid_is_tried_against_every_key_of_its_algorithm() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../orgs-server/tests/api/fixtures");
        let mut set: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(fixtures.join("jwks.json")).unwrap()).unwrap();
        set["keys"]
            .as_array_mut()
            .unwrap()
            .push(json!({"kty": "EC", "crv": "P-256",
            "x": "91jWTFGuM5xyjhz7C0VHqzc2vP8yHCFW7d8yzbt-IAU", "y": "wcuxyhKBta3_kbjE9UbyeV6LdWcGxI4bU7c7dlaQwtk",
            "kid": "test-es256-rotated", "alg": "ES256"}));
        let file = std::env::temp_dir().join(format!("orgs-jwks-{}.json", std::process::id()));
        std::fs::write(&file, set.to_string()).unwrap();
        let verifier = from_settings(&JwtSettings {
            jwks_file: Some(file.clone()),
            ..JwtSettings::default()
        })
        .unwrap();
        let key =
            EncodingKey::from_ec_pem(&std::fs::read(fixtures.join("es256-rotated-private.pem")).unwrap()).unwrap();
        let claims = json!({"sub": "k", "email": "k@example.com", "exp": in_an_hour()});
        let jwt = encode(&Header::new(Algorithm::ES256), &claims, &key).unwrap();
        assert!(
            verifier.verify(&jwt).await.is_ok(),
            "the second key of the set verifies it"
        );
        let _ = std::fs::remove_file(file);
    }

    #[test]
    fn an_hs256_secret_never_shows_in_debug_output() {
        let shown = format!("{:?}", KeySource::Hs256Secret("very-secret".into()));
        assert!(!shown.contains("very-secret"), "{shown}");
    }

    #[test]
    fn no_settings_means_no_verifier() {
        assert!(from_settings(&JwtSettings::default()).is_none());
    }
}
