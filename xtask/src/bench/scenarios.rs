//! The work the benchmark measures, as wrk scenarios over what the seeder made.

use serde_json::{Value, json};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Our own binary doing nearly nothing: the ceiling of this machine and stack.
    Ceiling,
    Read,
    Write,
}

pub struct Scenario {
    /// Stable key in the JSON report and the targets.
    pub key: &'static str,
    pub label: String,
    pub kind: Kind,
    pub concurrencies: Vec<u32>,
    env: Vec<(&'static str, String)>,
    /// One join code per run, so that every run makes real joins.
    join_codes: Vec<String>,
}

impl Scenario {
    /// The script's variables for the `run`-th run of this scenario.
    pub fn env(&self, run: usize) -> Vec<(&'static str, String)> {
        let mut env = self.env.clone();
        env.push(("BENCH_RUN", run.to_string()));
        if !self.join_codes.is_empty() {
            let code = &self.join_codes[run % self.join_codes.len()];
            env.push(("BENCH_BODY", json!({ "code": code }).to_string()));
        }
        env
    }
}

fn text(seed: &Value, key: &str) -> String {
    seed[key].as_str().unwrap_or_default().to_owned()
}

fn post(path: &str, bearer: String, body: Value) -> Vec<(&'static str, String)> {
    vec![
        ("BENCH_PATH", path.to_owned()),
        ("BENCH_BEARER", bearer),
        ("BENCH_BODY", body.to_string()),
    ]
}

/// `all` are the concurrencies of the sweep; whole lists of tens of thousands of rows
/// run one at a time, as an admin page or an export would ask for them.
pub fn scenarios(seed: &Value, all: &[u32], members_file: &Path, joiners_file: &Path) -> Vec<Scenario> {
    let reader = text(seed, "readerToken");
    let many = text(seed, "manyToken");
    let (small, large, writes) = (text(seed, "smallOrg"), text(seed, "largeOrg"), text(seed, "writesOrg"));
    let (small_size, large_size, many_size) = (
        seed["smallMembers"].as_u64().unwrap_or(0),
        seed["largeMembers"].as_u64().unwrap_or(0),
        seed["manyOrgs"].as_u64().unwrap_or(0),
    );
    let members = "/v1/organizations/members/list";
    let scenario = |key, label: String, kind, env| Scenario {
        key,
        label,
        kind,
        concurrencies: all.to_vec(),
        env,
        join_codes: Vec::new(),
    };
    let one_at_a_time = |mut scenario: Scenario| {
        scenario.concurrencies = vec![1];
        scenario
    };
    vec![
        scenario(
            "healthz",
            "GET /healthz".into(),
            Kind::Ceiling,
            vec![("BENCH_PATH", "/healthz".into()), ("BENCH_METHOD", "GET".into())],
        ),
        scenario(
            "org_get",
            "organizations.get, personal token".into(),
            Kind::Read,
            post(
                "/v1/organizations/get",
                reader.clone(),
                json!({ "organizationId": small }),
            ),
        ),
        scenario(
            "org_list_50",
            "organizations.list, user in 50 organizations".into(),
            Kind::Read,
            post("/v1/organizations/list", reader.clone(), json!({})),
        ),
        scenario(
            "members_small_all",
            format!("members.list, all {small_size} members"),
            Kind::Read,
            post(members, reader.clone(), json!({ "organizationId": small })),
        ),
        scenario(
            "members_small_page",
            format!("members.list, page of 100 mid-way through {small_size}"),
            Kind::Read,
            post(
                members,
                reader.clone(),
                json!({ "organizationId": small, "limit": 100, "cursor": text(seed, "smallMidCursor") }),
            ),
        ),
        scenario(
            "members_large_page",
            format!("members.list, page of 100 mid-way through {large_size}"),
            Kind::Read,
            post(
                members,
                reader.clone(),
                json!({ "organizationId": large, "limit": 100, "cursor": text(seed, "largeMidCursor") }),
            ),
        ),
        scenario(
            "orgs_many_page",
            format!("organizations.list, page of 100 mid-way through {many_size}"),
            Kind::Read,
            post(
                "/v1/organizations/list",
                many.clone(),
                json!({ "limit": 100, "cursor": text(seed, "manyMidCursor") }),
            ),
        ),
        scenario(
            "me",
            "me, personal token".into(),
            Kind::Read,
            post("/v1/me", reader.clone(), json!({})),
        ),
        scenario(
            "tokens_list",
            "organizations.tokens.list, first page".into(),
            Kind::Read,
            post(
                "/v1/organizations/tokens/list",
                reader.clone(),
                json!({ "organizationId": small }),
            ),
        ),
        scenario(
            "audit_log_page",
            "organizations.auditLog.list, first page".into(),
            Kind::Read,
            post(
                "/v1/organizations/audit-log/list",
                reader.clone(),
                json!({ "organizationId": small }),
            ),
        ),
        one_at_a_time(scenario(
            "members_large_all",
            format!("members.list, all {large_size} members"),
            Kind::Read,
            post(members, reader.clone(), json!({ "organizationId": large })),
        )),
        one_at_a_time(scenario(
            "orgs_many_all",
            format!("organizations.list, all {many_size} of a user's organizations"),
            Kind::Read,
            post("/v1/organizations/list", many, json!({})),
        )),
        scenario(
            "org_create",
            "organizations.create".into(),
            Kind::Write,
            post(
                "/v1/organizations/create",
                text(seed, "writerToken"),
                json!({ "name": "Bench org" }),
            ),
        ),
        scenario(
            "set_role",
            "members.setRole, alternating member/admin".into(),
            Kind::Write,
            vec![
                ("BENCH_MODE", "set_role".into()),
                ("BENCH_PATH", "/v1/organizations/members/set-role".into()),
                ("BENCH_BEARER", reader.clone()),
                ("BENCH_ORG", writes.clone()),
                ("BENCH_LIST_FILE", members_file.display().to_string()),
            ],
        ),
        scenario(
            "invite",
            "invitations.create, a new email each".into(),
            Kind::Write,
            vec![
                ("BENCH_MODE", "invite".into()),
                ("BENCH_PATH", "/v1/organizations/invitations/create".into()),
                ("BENCH_BEARER", reader),
                ("BENCH_ORG", writes),
            ],
        ),
        Scenario {
            join_codes: seed["joinCodes"]
                .as_array()
                .map(|codes| codes.iter().filter_map(|c| c.as_str().map(str::to_owned)).collect())
                .unwrap_or_default(),
            ..scenario(
                "join",
                "joinCodes.join, every request another user, one code".into(),
                Kind::Write,
                vec![
                    ("BENCH_MODE", "join".into()),
                    ("BENCH_PATH", "/v1/organizations/join-codes/join".into()),
                    ("BENCH_LIST_FILE", joiners_file.display().to_string()),
                ],
            )
        },
    ]
}
