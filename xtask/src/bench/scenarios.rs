//! The work the benchmark measures, as wrk scenarios over what the seeder made.

use serde_json::{Value, json};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Our own binary doing nearly nothing: the ceiling of this machine and stack.
    Ceiling,
    Read,
    Write,
    /// Every credential of a list used for the first time, 32 at once, then the memory
    /// the server keeps once the burst is over.
    Burst,
}

/// The files the load script reads its varying requests from.
pub struct Lists {
    pub write_members: PathBuf,
    pub joiners: PathBuf,
    pub spread_orgs: PathBuf,
    /// `organization user`, a line each.
    pub spread_members: PathBuf,
    pub spread_codes: PathBuf,
    /// One file per run: credentials that have never been presented.
    pub fresh_tokens: Vec<PathBuf>,
    pub newcomers: Vec<PathBuf>,
}

pub struct Scenario {
    /// Stable key in the JSON report and the targets.
    pub key: &'static str,
    pub label: String,
    pub kind: Kind,
    pub concurrencies: Vec<u32>,
    env: Vec<(&'static str, String)>,
    /// Variables that differ from run to run (a join code, a list of new credentials),
    /// so that every run does real work; run `n` takes entry `n` modulo their number.
    per_run: Vec<Vec<(&'static str, String)>>,
}

impl Scenario {
    /// How many runs have their own variables; a burst runs once for each.
    pub fn runs(&self) -> usize {
        self.per_run.len()
    }

    /// The script's variables for the `run`-th run of this scenario.
    pub fn env(&self, run: usize) -> Vec<(&'static str, String)> {
        let mut env = self.env.clone();
        env.push(("BENCH_RUN", run.to_string()));
        if !self.per_run.is_empty() {
            env.extend(self.per_run[run % self.per_run.len()].iter().cloned());
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
pub fn scenarios(seed: &Value, all: &[u32], lists: &Lists) -> Vec<Scenario> {
    let reader = text(seed, "readerToken");
    let many = text(seed, "manyToken");
    let (small, large, writes) = (text(seed, "smallOrg"), text(seed, "largeOrg"), text(seed, "writesOrg"));
    let (small_size, large_size, many_size) = (
        seed["smallMembers"].as_u64().unwrap_or(0),
        seed["largeMembers"].as_u64().unwrap_or(0),
        seed["manyOrgs"].as_u64().unwrap_or(0),
    );
    let members = "/v1/organizations/members/list";
    let (audit_log, auditor) = ("/v1/organizations/audit-log/list", text(seed, "auditorToken"));
    let (long_audit, long_log) = (
        text(seed, "longAuditOrg"),
        seed["longAuditEvents"].as_u64().unwrap_or(0),
    );
    let scenario = |key, label: String, kind, env| Scenario {
        key,
        label,
        kind,
        concurrencies: all.to_vec(),
        env,
        per_run: Vec::new(),
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
            "organizations.auditLog.list, first page of 1000 events".into(),
            Kind::Read,
            post(
                audit_log,
                auditor.clone(),
                json!({ "organizationId": text(seed, "shortAuditOrg") }),
            ),
        ),
        scenario(
            "audit_log_long_first",
            format!("organizations.auditLog.list, first page of {long_log} events"),
            Kind::Read,
            post(audit_log, auditor.clone(), json!({ "organizationId": long_audit })),
        ),
        scenario(
            "audit_log_long_mid",
            format!("organizations.auditLog.list, page mid-way through {long_log} events"),
            Kind::Read,
            post(
                audit_log,
                auditor.clone(),
                json!({ "organizationId": long_audit, "cursor": text(seed, "longAuditMidCursor") }),
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
                ("BENCH_LIST_FILE", file(&lists.write_members)),
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
            per_run: seed["joinCodes"]
                .as_array()
                .map(|codes| {
                    codes
                        .iter()
                        .filter_map(|c| c.as_str())
                        .map(|code| vec![("BENCH_BODY", json!({ "code": code }).to_string())])
                        .collect()
                })
                .unwrap_or_default(),
            ..scenario(
                "join",
                "joinCodes.join, every request another user, one code".into(),
                Kind::Write,
                vec![
                    ("BENCH_MODE", "join".into()),
                    ("BENCH_PATH", "/v1/organizations/join-codes/join".into()),
                    ("BENCH_LIST_FILE", file(&lists.joiners)),
                ],
            )
        },
    ]
    .into_iter()
    .chain(spread_scenarios(seed, all, lists))
    .chain(burst_scenarios(lists))
    .collect()
}

fn file(path: &Path) -> String {
    path.display().to_string()
}

/// The same writes aimed at another of many organizations each request, as real traffic
/// spreads them; creates come from another user each.
fn spread_scenarios(seed: &Value, all: &[u32], lists: &Lists) -> Vec<Scenario> {
    let organizations = seed["spreadOrgs"].as_array().map_or(0, Vec::len);
    let owner = text(seed, "spreadToken");
    let write = |key, label: &str, env: Vec<(&'static str, String)>| Scenario {
        key,
        label: format!("{label}, spread over {organizations} organizations"),
        kind: Kind::Write,
        concurrencies: all.to_vec(),
        env,
        per_run: Vec::new(),
    };
    vec![
        write(
            "org_create_spread",
            "organizations.create, another user each",
            vec![
                ("BENCH_MODE", "create_spread".into()),
                ("BENCH_PATH", "/v1/organizations/create".into()),
                ("BENCH_BODY", json!({ "name": "Spread org" }).to_string()),
                ("BENCH_LIST_FILE", file(&lists.joiners)),
            ],
        ),
        write(
            "set_role_spread",
            "members.setRole",
            vec![
                ("BENCH_MODE", "set_role_spread".into()),
                ("BENCH_PATH", "/v1/organizations/members/set-role".into()),
                ("BENCH_BEARER", owner.clone()),
                ("BENCH_LIST_FILE", file(&lists.spread_members)),
            ],
        ),
        write(
            "invite_spread",
            "invitations.create",
            vec![
                ("BENCH_MODE", "invite_spread".into()),
                ("BENCH_PATH", "/v1/organizations/invitations/create".into()),
                ("BENCH_BEARER", owner),
                ("BENCH_LIST_FILE", file(&lists.spread_orgs)),
            ],
        ),
        write(
            "join_spread",
            "joinCodes.join, another user each",
            vec![
                ("BENCH_MODE", "join_spread".into()),
                ("BENCH_PATH", "/v1/organizations/join-codes/join".into()),
                ("BENCH_LIST_FILE", file(&lists.joiners)),
                ("BENCH_CODES_FILE", file(&lists.spread_codes)),
            ],
        ),
    ]
}

/// New credentials arriving at once, each used for the first time: the memory targets'
/// worst case (docs/benchmarks.md).
fn burst_scenarios(lists: &Lists) -> Vec<Scenario> {
    let burst = |key, label: String, files: &[PathBuf]| Scenario {
        key,
        label,
        kind: Kind::Burst,
        concurrencies: vec![super::report::TARGET_CONCURRENCY],
        env: vec![("BENCH_PATH", "/v1/me".into()), ("BENCH_BODY", "{}".into())],
        per_run: files.iter().map(|path| vec![("BENCH_LIST_FILE", file(path))]).collect(),
    };
    let users = |files: &[PathBuf]| {
        files
            .first()
            .and_then(|path| std::fs::read_to_string(path).ok())
            .map_or(0, |text| text.lines().count())
    };
    vec![
        burst(
            "first_token_use",
            format!(
                "{} users each using a new personal token for the first time",
                users(&lists.fresh_tokens)
            ),
            &lists.fresh_tokens,
        ),
        burst(
            "first_jwt_use",
            format!("{} new JWT users arriving at once", users(&lists.newcomers)),
            &lists.newcomers,
        ),
    ]
}
