//! Verifying JWTs from an external identity provider.

use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, JwkSet, KeyAlgorithm};
use jsonwebtoken::{Algorithm, DecodingKey, Validation, decode, decode_header};
use orgs_core::{Email, ExternalIdentity};
use orgs_ports::{IdentityError, IdentityVerifier};
use serde::Deserialize;
use std::path::PathBuf;

/// Where keys come from and what the tokens must say.
#[derive(Clone, Default)]
pub struct JwtSettings {
    pub hs256_secret: Option<String>,
    pub jwks_file: Option<PathBuf>,
    pub issuer: Option<String>,
    pub audience: Option<String>,
}

/// The verification keys, loaded once at start.
pub enum JwtKeys {
    Hs256(DecodingKey),
    /// (kid, algorithm, key) for every RS256 or ES256 key in the set.
    Jwks(Vec<(Option<String>, Algorithm, DecodingKey)>),
}

pub struct JwtVerifier {
    keys: JwtKeys,
    issuer: Option<String>,
    audience: Option<String>,
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
}

#[derive(Deserialize)]
struct Claims {
    sub: String,
    email: String,
    iss: Option<String>,
    #[serde(default)]
    email_verified: bool,
}

fn algorithm_of(jwk: &jsonwebtoken::jwk::Jwk) -> Option<Algorithm> {
    match (jwk.common.key_algorithm, &jwk.algorithm) {
        (Some(KeyAlgorithm::RS256), _) => Some(Algorithm::RS256),
        (Some(KeyAlgorithm::ES256), _) => Some(Algorithm::ES256),
        (Some(_), _) => None,
        (None, AlgorithmParameters::RSA(_)) => Some(Algorithm::RS256),
        (None, AlgorithmParameters::EllipticCurve(ec)) if ec.curve == EllipticCurve::P256 => Some(Algorithm::ES256),
        (None, _) => None,
    }
}

impl JwtVerifier {
    /// `None` when neither a secret nor a JWKS file is configured: JWTs are then refused.
    pub fn from_settings(settings: &JwtSettings) -> Result<Option<Self>, JwtSetupError> {
        let keys = if let Some(path) = &settings.jwks_file {
            let text = std::fs::read_to_string(path).map_err(|source| JwtSetupError::Read {
                path: path.clone(),
                source,
            })?;
            let set: JwkSet = serde_json::from_str(&text).map_err(|source| JwtSetupError::Parse {
                path: path.clone(),
                source,
            })?;
            let keys: Vec<_> = set
                .keys
                .iter()
                .filter_map(|jwk| {
                    let algorithm = algorithm_of(jwk)?;
                    let key = DecodingKey::from_jwk(jwk).ok()?;
                    Some((jwk.common.key_id.clone(), algorithm, key))
                })
                .collect();
            if keys.is_empty() {
                return Err(JwtSetupError::NoKeys(path.clone()));
            }
            JwtKeys::Jwks(keys)
        } else if let Some(secret) = &settings.hs256_secret {
            JwtKeys::Hs256(DecodingKey::from_secret(secret.as_bytes()).map_err(|_| JwtSetupError::Secret)?)
        } else {
            return Ok(None);
        };
        Ok(Some(Self {
            keys,
            issuer: settings.issuer.clone(),
            audience: settings.audience.clone(),
        }))
    }

    fn key_for(&self, algorithm: Algorithm, kid: Option<&str>) -> Option<&DecodingKey> {
        match &self.keys {
            JwtKeys::Hs256(key) => (algorithm == Algorithm::HS256).then_some(key),
            JwtKeys::Jwks(keys) => keys
                .iter()
                .find(|(key_id, key_alg, _)| *key_alg == algorithm && (kid.is_none() || key_id.as_deref() == kid))
                .map(|(_, _, key)| key),
        }
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

impl IdentityVerifier for JwtVerifier {
    fn verify(&self, jwt: &str) -> Result<ExternalIdentity, IdentityError> {
        let header = decode_header(jwt).map_err(refused)?;
        let key = self
            .key_for(header.alg, header.kid.as_deref())
            .ok_or_else(|| refused("no key for this algorithm and kid"))?;
        let claims = decode::<Claims>(jwt, key, &self.validation(header.alg))
            .map_err(refused)?
            .claims;
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

    fn verifier(issuer: Option<&str>, audience: Option<&str>) -> JwtVerifier {
        let settings = JwtSettings {
            hs256_secret: Some(SECRET.into()),
            issuer: issuer.map(Into::into),
            audience: audience.map(Into::into),
            ..JwtSettings::default()
        };
        JwtVerifier::from_settings(&settings).unwrap().unwrap()
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

    #[test]
    fn accepts_a_valid_token_and_normalises_the_email() {
        let jwt = sign(json!({"sub": "u1", "email": "Ann@Example.com", "exp": in_an_hour(), "iss": "idp"}));
        let identity = verifier(Some("idp"), None).verify(&jwt).unwrap();
        assert_eq!((identity.issuer.as_str(), identity.subject.as_str()), ("idp", "u1"));
        assert_eq!(identity.email.as_str(), "ann@example.com");
    }

    #[test]
    fn refuses_expired_missing_exp_wrong_issuer_or_audience_and_bad_signatures() {
        let v = verifier(Some("idp"), Some("orgs"));
        let good = json!({"sub": "u1", "email": "a@b.co", "exp": in_an_hour(), "iss": "idp", "aud": "orgs"});
        assert!(v.verify(&sign(good.clone())).is_ok());
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
            assert!(matches!(v.verify(&jwt), Err(IdentityError::Refused(_))), "{jwt}");
        }
    }

    #[test]
    fn no_settings_means_no_verifier() {
        assert!(JwtVerifier::from_settings(&JwtSettings::default()).unwrap().is_none());
    }
}
