//! The committed spec is the generated one, it lists exactly the implemented paths, and
//! the TypeScript client's generated types were made from it.

use serde_json::Value;
use std::path::PathBuf;

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../openapi/openapi.json")
}

fn generated() -> String {
    orgs_http::openapi().to_pretty_json().expect("the spec serialises") + "\n"
}

/// Fails when `openapi/openapi.json` differs from the code, and rewrites it so the fix is
/// to commit the new file (or run `cargo xtask openapi`).
#[test]
fn the_committed_spec_is_fresh() {
    let path = committed_path();
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let fresh = generated();
    if committed != fresh {
        std::fs::write(&path, &fresh).expect("rewrite the spec");
        panic!("openapi/openapi.json was stale; it has been regenerated, review and commit it");
    }
}

/// The client's types carry the digest of the spec they came from; comparing it here means
/// a plain `cargo test` notices a spec change that skipped `cargo xtask client-types`.
/// (The client's own tests regenerate the file in full and compare every byte.)
#[test]
fn the_typescript_clients_types_come_from_the_committed_spec() {
    use sha2::{Digest, Sha256};
    let spec = std::fs::read(committed_path()).expect("read the spec");
    let digest: String = Sha256::digest(&spec).iter().map(|byte| format!("{byte:02x}")).collect();
    let types_path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../clients/typescript/src/generated/openapi.ts");
    let types = std::fs::read_to_string(types_path).expect("read the client's generated types");
    let stamp = format!("// openapi.json sha256: {digest}\n");
    assert!(
        types.contains(&stamp),
        "clients/typescript/src/generated/openapi.ts was not generated from the committed spec: run `cargo xtask client-types`"
    );
}

#[test]
fn the_spec_lists_the_product_pages_17_operations_and_part_twos_7_each_post_only() {
    let spec: Value = serde_json::from_str(&generated()).unwrap();
    let paths = spec["paths"].as_object().unwrap();
    let mut operations: Vec<(String, String)> = Vec::new();
    for (path, item) in paths {
        let methods: Vec<&String> = item
            .as_object()
            .unwrap()
            .keys()
            .filter(|key| *key != "parameters")
            .collect();
        assert_eq!(methods, vec!["post"], "{path} must be POST only");
        let operation = &item["post"];
        operations.push((path.clone(), operation["operationId"].as_str().unwrap().to_owned()));
        for status in ["200", "400", "401", "413", "500"] {
            assert!(
                operation["responses"][status].is_object(),
                "{path} lacks a {status} answer"
            );
        }
        assert!(
            operation["requestBody"]["content"]["application/json"].is_object(),
            "{path} lacks a JSON body"
        );
    }
    operations.sort();
    let expected = [
        ("/v1/me", "me"),
        ("/v1/organizations/audit-log/list", "organizations.auditLog.list"),
        ("/v1/organizations/create", "organizations.create"),
        ("/v1/organizations/delete", "organizations.delete"),
        ("/v1/organizations/get", "organizations.get"),
        (
            "/v1/organizations/invitations/accept",
            "organizations.invitations.accept",
        ),
        (
            "/v1/organizations/invitations/create",
            "organizations.invitations.create",
        ),
        ("/v1/organizations/invitations/list", "organizations.invitations.list"),
        (
            "/v1/organizations/invitations/revoke",
            "organizations.invitations.revoke",
        ),
        ("/v1/organizations/join-codes/create", "organizations.joinCodes.create"),
        ("/v1/organizations/join-codes/join", "organizations.joinCodes.join"),
        ("/v1/organizations/join-codes/list", "organizations.joinCodes.list"),
        ("/v1/organizations/join-codes/revoke", "organizations.joinCodes.revoke"),
        ("/v1/organizations/leave", "organizations.leave"),
        ("/v1/organizations/list", "organizations.list"),
        ("/v1/organizations/members/list", "organizations.members.list"),
        ("/v1/organizations/members/remove", "organizations.members.remove"),
        ("/v1/organizations/members/set-role", "organizations.members.setRole"),
        ("/v1/organizations/roles", "organizations.roles"),
        ("/v1/organizations/tokens/create", "organizations.tokens.create"),
        ("/v1/organizations/tokens/list", "organizations.tokens.list"),
        ("/v1/organizations/tokens/revoke", "organizations.tokens.revoke"),
        (
            "/v1/organizations/transfer-ownership",
            "organizations.transferOwnership",
        ),
        ("/v1/organizations/update", "organizations.update"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(p, o)| (p.to_string(), o.to_string())).collect();
    assert_eq!(operations.len(), 17 + 7);
    assert_eq!(operations, expected);
}

#[test]
fn every_operation_needs_the_bearer_scheme_and_errors_use_the_envelope() {
    let spec: Value = serde_json::from_str(&generated()).unwrap();
    assert_eq!(spec["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
    assert_eq!(spec["security"], serde_json::json!([{"bearer": []}]));
    let envelope = &spec["paths"]["/v1/organizations/members/remove"]["post"]["responses"]["409"]["content"]["application/json"]
        ["schema"];
    assert_eq!(envelope["$ref"], "#/components/schemas/ErrorEnvelope");
    let create = &spec["components"]["schemas"]["CreateOrganizationRequest"];
    assert_eq!(
        create["additionalProperties"], false,
        "unknown fields are refused, and the spec says so"
    );
}

/// Every cursor the spec describes carries the pattern the server reads cursors by, so a
/// client (or a fuzzer) that follows the spec never sends one the server refuses.
#[test]
fn every_cursor_in_the_spec_has_the_servers_pattern() {
    let spec: Value = serde_json::from_str(&generated()).unwrap();
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    let cursors: Vec<&Value> = schemas
        .values()
        .filter_map(|schema| schema["properties"].get("cursor"))
        .collect();
    assert_eq!(cursors.len(), 4, "the four list requests");
    for cursor in cursors {
        assert_eq!(cursor["pattern"], orgs_core::CURSOR_PATTERN);
    }
}

proptest::proptest! {
    /// The pattern, compiled by a regex engine, admits exactly the cursors the server reads.
    #[test]
    fn the_cursor_pattern_admits_exactly_what_the_server_reads(
        text in "[0-9a-fA-F+]{0,17}\\.[0-9a-fA-F-]{30,36}|[0-9a-f]{1,15}\\.[0-9a-f]{32}"
    ) {
        let pattern = regex::Regex::new(orgs_core::CURSOR_PATTERN).unwrap();
        let read = orgs_core::PageKey::decode(&text).is_some();
        proptest::prop_assert_eq!(pattern.is_match(&text), read, "{}", text);
    }
}

#[test]
fn the_audit_log_filter_takes_at_most_one_of_each_action() {
    let spec: serde_json::Value = serde_json::from_str(&generated()).unwrap();
    let actions = &spec["components"]["schemas"]["ListAuditLogRequest"]["properties"]["actions"];
    assert_eq!(actions["maxItems"], serde_json::json!(orgs_core::Action::ALL.len()));
}

fn property_pattern(schema: &str, property: &str) -> regex::Regex {
    let spec: Value = serde_json::from_str(&generated()).unwrap();
    let pattern = spec["components"]["schemas"][schema]["properties"][property]["pattern"]
        .as_str()
        .unwrap();
    regex::Regex::new(pattern).unwrap()
}

proptest::proptest! {
    /// The spec's name and email patterns, compiled by a regex engine, admit exactly
    /// what orgs-core accepts (lengths aside, which maxLength states), so schemathesis
    /// can check both that valid input is taken and invalid input refused.
    #[test]
    fn the_name_and_email_patterns_admit_exactly_what_the_server_takes(
        text in "[ \\t\\n\\u{85}\\u{a0}\\u{2003}\\u{3000}\\u{1}\\u{7f}\\u{9f}\\u{feff}a-cé@.\\-]{0,12}"
    ) {
        let name = property_pattern("CreateOrganizationRequest", "name");
        proptest::prop_assert_eq!(name.is_match(&text), orgs_core::OrgName::parse(&text).is_ok(), "name {:?}", text);
        let email = property_pattern("CreateInvitationRequest", "email");
        proptest::prop_assert_eq!(email.is_match(&text), orgs_core::Email::parse(&text).is_ok(), "email {:?}", text);
    }
}
