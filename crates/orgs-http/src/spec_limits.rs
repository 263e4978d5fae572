//! The limits the spec states, so that tools reading it (Spectral's OWASP ruleset,
//! schemathesis) know every bound the server keeps: the longest value of each string,
//! the most items of each bounded list, and the rate-limit and CORS headers on every
//! answer. The server refuses what the spec calls too long; the tests hold both to it.

use serde_json::{Map, Value, json};

/// The longest value of each string property, by name, wherever it appears. A string
/// property missing here (and without an enum or a format below) fails the spec's
/// generation, so a new field cannot go out without its bound.
const STRING_LIMITS: &[(&str, u64)] = &[
    // Ids are UUIDs; `id` also names a target or an actor, which may be a token's key.
    ("organizationId", 36),
    ("userId", 36),
    ("invitedBy", 36),
    ("createdBy", 36),
    ("id", 200),
    ("actorId", 200),
    // orgs-core `name.rs` and `email.rs`, counted before trimming.
    ("name", 100),
    ("email", 254),
    // The server's cursor: up to 15 hex digits, a dot, 32 hex digits.
    ("cursor", 48),
    ("nextCursor", 48),
    ("key", 64),
    ("secret", 128),
    ("bearer", 256),
    ("lastFour", 4),
    ("token", 128),
    ("code", 64),
    ("message", 1000),
    ("requestId", 200),
    ("ipAddress", 45),
    // orgs-http `extract.rs` keeps this much of a User-Agent.
    ("userAgent", 512),
    // Times in requests; the spec gives them `format: date-time` and `MAX_DATE_TIME`.
    ("since", MAX_DATE_TIME),
    ("until", MAX_DATE_TIME),
    // orgs-core `role.rs` and `role_table.rs`.
    ("role", orgs_core::role::ROLE_NAME_MAX as u64),
    ("description", orgs_core::role_table::DESCRIPTION_MAX as u64),
];

/// The first string field of a request body longer than the spec lets it be, with its
/// limit: the server refuses what the spec calls too long, from the same table.
pub fn first_too_long(body: &Value) -> Option<(&str, u64)> {
    let Value::Object(fields) = body else { return None };
    fields.iter().find_map(|(name, value)| {
        let text = value.as_str()?;
        let limit = limit_of(STRING_LIMITS, name)?;
        (text.chars().count() as u64 > limit).then_some((name.as_str(), limit))
    })
}

/// What `str::trim` takes off (Unicode White_Space), and what the server calls a
/// control character (`char::is_control`, Unicode Cc), as regular-expression classes.
macro_rules! white_space {
    () => {
        r"\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
    };
}
macro_rules! control {
    () => {
        r"\x00-\x1f\x7f-\x9f"
    };
}

/// orgs-core `name.rs` exactly: trimmed, not empty, no control character inside.
const NAME_PATTERN: &str = concat!(
    "^[",
    white_space!(),
    "]*[^",
    control!(),
    white_space!(),
    "](?:[^",
    control!(),
    "]*[^",
    control!(),
    white_space!(),
    "])?[",
    white_space!(),
    "]*$"
);

/// orgs-core `email.rs` exactly: trimmed; one `@` between a local part and a domain of
/// dot-separated labels, with no space or control character in either.
const EMAIL_PATTERN: &str = concat!(
    "^[",
    white_space!(),
    "]*[^@",
    control!(),
    white_space!(),
    "]+@[^@.",
    control!(),
    white_space!(),
    "]+(?:\\.[^@.",
    control!(),
    white_space!(),
    "]+)*[",
    white_space!(),
    "]*$"
);

const PATTERNS: &[(&str, &str)] = &[("name", NAME_PATTERN), ("email", EMAIL_PATTERN)];

/// RFC 3339 with nine fractional digits and an offset is 35 characters.
pub const MAX_DATE_TIME: u64 = 40;
const UUID: u64 = 36;

/// The most items of each list. Whole lists (members, invitations, join codes, a user's
/// organizations) answer at most `MAX_LIST_ITEMS` rows (`routes::whole_list`); the
/// paged ones at most a page.
const WHOLE: u64 = crate::routes::MAX_LIST_ITEMS as u64;
const ARRAY_LIMITS: &[(&str, u64)] = &[
    ("members", WHOLE),
    ("invitations", WHOLE),
    ("joinCodes", WHOLE),
    ("organizations", WHOLE),
    ("events", orgs_core::MAX_PAGE as u64),
    ("apiTokens", orgs_core::MAX_PAGE as u64),
    ("roles", orgs_core::role_table::MAX_ROLES as u64),
    ("permissions", orgs_core::role_table::MAX_PERMISSIONS as u64),
];

/// The most an integer may be, by property name, where the type's own range is all.
const INTEGER_LIMITS: &[(&str, i64, i64)] = &[("uses", 0, u32::MAX as i64), ("maxUses", 1, 1_000_000)];

pub fn apply(spec: &mut Value) {
    if let Some(schemas) = spec.pointer_mut("/components/schemas").and_then(Value::as_object_mut) {
        for (name, schema) in schemas.iter_mut() {
            bound(name, "", schema);
        }
    }
    if let Some(paths) = spec.get_mut("paths").and_then(Value::as_object_mut) {
        for item in paths.values_mut() {
            let Some(responses) = item.pointer_mut("/post/responses").and_then(Value::as_object_mut) else {
                continue;
            };
            for (status, response) in responses.iter_mut() {
                if status.starts_with('2') || status.starts_with('4') {
                    response["headers"] = headers(status == "429");
                }
            }
        }
    }
}

fn types(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn limit_of(table: &[(&str, u64)], property: &str) -> Option<u64> {
    table
        .iter()
        .find(|(name, _)| *name == property)
        .map(|(_, limit)| *limit)
}

fn bound(schema_name: &str, property: &str, schema: &mut Value) {
    let kinds = types(schema);
    let (string, array, integer) = (
        kinds.contains(&"string"),
        kinds.contains(&"array"),
        kinds.contains(&"integer"),
    );
    let Some(object) = schema.as_object_mut() else { return };
    let bounded = ["maxLength", "enum", "const"]
        .iter()
        .any(|key| object.contains_key(*key));
    if string && !bounded {
        let limit = match object.get("format").and_then(Value::as_str) {
            Some("uuid") => Some(UUID),
            Some("date-time") => Some(MAX_DATE_TIME),
            _ => limit_of(STRING_LIMITS, property),
        };
        let limit = limit.unwrap_or_else(|| panic!("{schema_name}.{property}: no maxLength in spec_limits.rs"));
        object.insert("maxLength".into(), json!(limit));
    }
    if string
        && !object.contains_key("pattern")
        && let Some((_, pattern)) = PATTERNS.iter().find(|(name, _)| *name == property)
    {
        object.insert("pattern".into(), json!(pattern));
    }
    if array && !object.contains_key("maxItems") {
        let limit = limit_of(ARRAY_LIMITS, property)
            .unwrap_or_else(|| panic!("{schema_name}.{property}: no maxItems in spec_limits.rs"));
        object.insert("maxItems".into(), json!(limit));
    }
    if integer && let Some((_, minimum, maximum)) = INTEGER_LIMITS.iter().find(|(name, ..)| *name == property) {
        object.insert("minimum".into(), json!(minimum));
        object.entry("maximum").or_insert(json!(maximum));
    }
    if let Some(properties) = object.get_mut("properties").and_then(Value::as_object_mut) {
        for (name, child) in properties.iter_mut() {
            bound(schema_name, name, child);
        }
    }
    if let Some(items) = object.get_mut("items") {
        bound(schema_name, property, items);
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(Value::Array(variants)) = object.get_mut(key) {
            for variant in variants {
                bound(schema_name, property, variant);
            }
        }
    }
}

fn integer_header(description: &str, minimum: i64, maximum: i64) -> Value {
    json!({"description": description,
           "schema": {"type": "integer", "format": "int32", "minimum": minimum, "maximum": maximum}})
}

/// What every answer may carry: the quota's standing (while `ORGS_REQUEST_RATE_LIMIT`
/// is on) and, to a listed browser origin, CORS's allow-origin; a `429` also says when
/// to retry.
fn headers(too_many: bool) -> Value {
    let mut headers = Map::new();
    headers.insert(
        "RateLimit-Limit".into(),
        integer_header(
            "Requests this credential may make at once (twice its rate a second), while request quotas are on.",
            2,
            2_000_000,
        ),
    );
    headers.insert(
        "RateLimit-Remaining".into(),
        integer_header("Requests left in this credential's burst.", 0, 2_000_000),
    );
    headers.insert(
        "RateLimit-Reset".into(),
        integer_header("Seconds until the burst is whole again.", 0, 86_400),
    );
    headers.insert(
        "Access-Control-Allow-Origin".into(),
        json!({"description": "The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`.",
               "schema": {"type": "string", "maxLength": 2048}}),
    );
    if too_many {
        headers.insert(
            "Retry-After".into(),
            integer_header("Whole seconds to wait before trying again.", 1, 86_400),
        );
    }
    Value::Object(headers)
}
