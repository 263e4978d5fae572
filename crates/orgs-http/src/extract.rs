//! Extractors that answer every rejection with the JSON error envelope: the bearer
//! credential, and a JSON body that names the offending field.

use crate::{AppState, MAX_BODY_BYTES, error::ApiError};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::{HeaderMap, StatusCode, header, request::Parts};
use orgs_core::{Acting, RequestInfo};
use serde::de::DeserializeOwned;
use std::net::{IpAddr, SocketAddr};

/// The verified caller, with what the audit log records of its request. Runs before the
/// body is read, so a missing credential is answered `401` whatever the body holds.
pub struct Authenticated(pub Acting);

impl FromRequestParts<AppState> for Authenticated {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        // No credential at all is a client bug, not a guess; it costs no budget.
        let credential = bearer(&parts.headers).ok_or(ApiError::Unauthenticated)?;
        let mut acting = state.auth.authenticate(credential, &client_address(parts)).await?;
        crate::observe::record_caller(&acting.caller);
        if let Some(quotas) = &state.quotas {
            quotas.spend(&acting.actor, parts.extensions.get::<crate::quota::StandingSlot>())?;
        }
        acting.request = request_info(parts);
        Ok(Self(acting))
    }
}

/// The longest user agent the audit log keeps; browsers send about 150 bytes.
const MAX_USER_AGENT: usize = 512;

fn request_info(parts: &Parts) -> RequestInfo {
    let user_agent = parts
        .headers
        .get(header::USER_AGENT)
        .and_then(|value| value.to_str().ok())
        .map(|agent| {
            let mut end = agent.len().min(MAX_USER_AGENT);
            while !agent.is_char_boundary(end) {
                end -= 1;
            }
            agent[..end].to_owned()
        });
    RequestInfo {
        request_id: parts
            .extensions
            .get::<crate::observe::RequestId>()
            .map(|id| id.0.clone()),
        ip_address: client_ip(parts).map(|ip| ip.to_string()),
        user_agent,
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, credential) = value.split_once(' ')?;
    let credential = credential.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !credential.is_empty()).then_some(credential)
}

/// The public key of an API token credential (`<key>:<secret>`); call only once
/// `Authenticated` has verified it.
pub fn token_key(headers: &HeaderMap) -> Option<&str> {
    bearer(headers)?.split_once(':').map(|(key, _)| key)
}

/// The client's address, for rate limits.
pub struct ClientAddress(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        Ok(Self(client_address(parts)))
    }
}

/// The client's IP address: the peer's, or as a trusted proxy forwarded it
/// (`edge::resolve_client`).
fn client_ip(parts: &Parts) -> Option<IpAddr> {
    match parts.extensions.get::<crate::ClientIp>() {
        Some(crate::ClientIp(ip)) => Some(*ip),
        None => parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip().to_canonical()),
    }
}

/// The client's address as the failure limits count it.
fn client_address(parts: &Parts) -> String {
    client_ip(parts).map_or_else(|| "unknown".to_owned(), limit_key)
}

/// One IPv6 host usually holds a whole /64 and can rotate through it at will, so the
/// /64 is what gets counted; IPv4 addresses count one by one.
fn limit_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let segments = v6.segments();
                format!(
                    "{:x}:{:x}:{:x}:{:x}::/64",
                    segments[0], segments[1], segments[2], segments[3]
                )
            }
        },
    }
}

/// A JSON request body. An empty body reads as `{}`, so endpoints without input accept
/// both, and endpoints with required fields name the first one missing. Anything else
/// must be one JSON object; whitespace alone is not one.
pub struct JsonBody<T>(pub T);

fn is_json(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/json")
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        // A body announced past the limit is refused before a byte of it is read.
        let announced = request
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok());
        if announced
            .and_then(|length| length.parse::<u64>().ok())
            .is_some_and(|length| length > MAX_BODY_BYTES as u64)
        {
            return Err(ApiError::PayloadTooLarge);
        }
        let content_type = request.headers().get(header::CONTENT_TYPE).cloned();
        let bytes = Bytes::from_request(request, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge
            } else {
                ApiError::InvalidRequest("The request body could not be read.".into())
            }
        })?;
        crate::observe::record_organization(&bytes);
        if bytes.is_empty() {
            return parse(b"{}").map(Self);
        }
        let declared = content_type.as_ref().map(|value| value.to_str().unwrap_or_default());
        if declared.is_some_and(|value| !is_json(value)) {
            return Err(ApiError::InvalidRequest(
                "Content-Type must be application/json.".into(),
            ));
        }
        parse(&bytes).map(Self)
    }
}

fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    // Every body is an object. serde would also read a struct from an array of its
    // fields in order (`[]` as `{}`), which the spec does not allow.
    if bytes.iter().find(|byte| !byte.is_ascii_whitespace()) != Some(&b'{') {
        return Err(ApiError::InvalidRequest("Invalid body: expected a JSON object.".into()));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let crate::strict_json::StrictValue(value) = serde::Deserialize::deserialize(&mut deserializer)
        .map_err(|err| ApiError::InvalidRequest(format!("Invalid body: {}.", strip_position(&err.to_string()))))?;
    deserializer
        .end()
        .map_err(|_| ApiError::InvalidRequest("Invalid body: unexpected data after the JSON value.".into()))?;
    let value = whole_numbers_as_integers(value);
    // The spec's maxLength of each field, from the table that writes it into the spec.
    if let Some((field, limit)) = crate::spec_limits::first_too_long(&value) {
        return Err(ApiError::InvalidRequest(format!(
            "Invalid field `{field}`: at most {limit} characters."
        )));
    }
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        let text = inner.to_string();
        let detail = strip_position(&text);
        let message = if path == "." || path == "?" {
            format!("Invalid body: {detail}.")
        } else {
            format!("Invalid field `{path}`: {detail}.")
        };
        ApiError::InvalidRequest(message)
    })
}

/// JSON Schema's `integer` takes `3.0` as well as `3`; serde only the second. A number
/// with no fraction becomes an integer before the fields are read.
fn whole_numbers_as_integers(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Number(number) if number.is_f64() => match number.as_f64() {
            Some(float) if float.fract() == 0.0 && float.abs() < 9.0e15 => Value::from(float as i64),
            _ => Value::Number(number),
        },
        Value::Array(items) => Value::Array(items.into_iter().map(whole_numbers_as_integers).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(name, value)| (name, whole_numbers_as_integers(value)))
                .collect(),
        ),
        other => other,
    }
}

/// serde_json appends " at line 1 column 9"; the field path already says where.
fn strip_position(message: &str) -> &str {
    message.rsplit_once(" at line ").map_or(message, |(head, _)| head)
}

/// Parses a field with a domain parser, naming the field in the error.
pub fn field<T, E: std::fmt::Display>(name: &str, parsed: Result<T, E>) -> Result<T, ApiError> {
    parsed.map_err(|err| ApiError::InvalidRequest(format!("Invalid field `{name}`: {err}.")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    #[allow(dead_code)]
    struct Probe {
        organization_id: String,
        max_uses: Option<u32>,
    }

    fn message(body: &str) -> String {
        match parse::<Probe>(body.as_bytes()) {
            Err(ApiError::InvalidRequest(message)) => message,
            other => panic!("{body} gave {other:?}"),
        }
    }

    #[test]
    fn errors_name_the_offending_field() {
        assert!(message(r#"{"organizationId": 7}"#).contains("`organizationId`"));
        assert!(message(r#"{}"#).contains("missing field `organizationId`"));
        assert!(message(r#"{"organizationId": "o", "bogus": 1}"#).contains("unknown field `bogus`"));
        assert!(message(r#"{"organizationId": "o", "maxUses": -1}"#).contains("`maxUses`"));
    }

    #[test]
    fn a_field_longer_than_the_spec_says_is_refused_by_name() {
        let long = format!(r#"{{"organizationId": "{}"}}"#, "0".repeat(37));
        assert_eq!(message(&long), "Invalid field `organizationId`: at most 36 characters.");
        assert!(parse::<Probe>(format!(r#"{{"organizationId": "{}"}}"#, "0".repeat(36)).as_bytes()).is_ok());
    }

    #[test]
    fn a_field_named_twice_is_refused() {
        let twice = message(r#"{"organizationId": "a", "organizationId": "b"}"#);
        assert!(twice.contains("duplicate field `organizationId`"), "{twice}");
        assert!(message(r#"{"organizationId": "o", "maxUses": {"a": 1, "a": 2}}"#).contains("duplicate"));
    }

    #[test]
    fn whole_numbers_written_with_a_fraction_are_integers() {
        assert!(parse::<Probe>(br#"{"organizationId": "o", "maxUses": 3.0}"#).is_ok());
        assert!(message(r#"{"organizationId": "o", "maxUses": 3.5}"#).contains("`maxUses`"));
    }

    #[test]
    fn malformed_json_and_trailing_data_are_refused() {
        let eof = message("{");
        assert!(eof.starts_with("Invalid body"), "{eof}");
        assert!(message(r#"{"organizationId": "o"} {}"#).contains("after the JSON value"));
        assert!(!message("[1,").contains("line 1"));
    }

    #[test]
    fn ipv6_hosts_count_by_their_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(limit_key(a), limit_key(b));
        assert_ne!(limit_key(a), limit_key(c));
        assert_eq!(limit_key("::ffff:192.0.2.7".parse().unwrap()), "192.0.2.7");
        assert_eq!(limit_key("192.0.2.7".parse().unwrap()), "192.0.2.7");
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_parse_or_are_refused_without_panicking(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..256)) {
            match parse::<Probe>(&bytes) {
                Ok(_) => {}
                Err(ApiError::InvalidRequest(message)) => proptest::prop_assert!(!message.is_empty()),
                Err(other) => proptest::prop_assert!(false, "{other:?}"),
            }
        }

        #[test]
        fn unknown_fields_are_always_named(field in "[a-z]{1,12}", value in "[a-z0-9]{0,8}") {
            proptest::prop_assume!(field != "maxuses");
            let body = format!(r#"{{"organizationId": "o", "{field}": "{value}"}}"#);
            let refused = message(&body);
            proptest::prop_assert!(refused.contains(&format!("`{field}`")), "{refused}");
        }

        #[test]
        fn any_authorization_header_is_read_without_panicking(value in "\\PC{0,80}") {
            let request = axum::http::Request::builder().header(header::AUTHORIZATION, value.as_str()).body(()).unwrap();
            let (parts, ()) = request.into_parts();
            if let Some(credential) = bearer(&parts.headers) {
                proptest::prop_assert!(value.to_ascii_lowercase().starts_with("bearer "));
                proptest::prop_assert!(!credential.is_empty() && credential.trim() == credential);
            }
        }
    }

    #[test]
    fn only_an_object_is_a_body() {
        for body in ["[]", "[null, null]", "[\"o\"]", "null", "1", "\"o\"", " ", "\n\t"] {
            let refused = message(body);
            assert_eq!(refused, "Invalid body: expected a JSON object.", "{body}");
        }
    }

    #[test]
    fn json_content_types_are_recognised() {
        assert!(is_json("application/json"));
        assert!(is_json("Application/JSON; charset=utf-8"));
        assert!(!is_json("text/plain"));
        assert!(!is_json("application/x-www-form-urlencoded"));
    }
}
