//! What the hardware does without us, measured in the same run: pgbench's one-read and
//! small-write transactions, psql reading the rows a whole list returns, and the plans
//! PostgreSQL picks for the hot queries.

use serde_json::Value;
use std::process::Command;
use std::time::Instant;

pub const PG_HOST: &str = "127.0.0.1";
pub const PG_USER: &str = "postgres";

fn psql(database: &str) -> Command {
    let mut command = Command::new("psql");
    command.args([
        "-X",
        "-q",
        "-v",
        "ON_ERROR_STOP=1",
        "-h",
        PG_HOST,
        "-U",
        PG_USER,
        "-d",
        database,
    ]);
    command
}

fn checked(mut command: Command) -> Result<String, String> {
    let output = command
        .output()
        .map_err(|err| format!("cannot run {command:?}: {err}"))?;
    if !output.status.success() {
        return Err(format!("{command:?}: {}", String::from_utf8_lossy(&output.stderr)));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The server's value of one setting, as `SHOW` prints it.
pub fn setting(name: &str) -> Result<String, String> {
    let mut command = psql("postgres");
    command.args(["-At", "-c", &format!("SHOW {name}")]);
    checked(command).map(|value| value.trim().to_owned())
}

/// Drops and creates `name`, so every run starts from the same empty database.
pub fn fresh_database(name: &str) -> Result<(), String> {
    let mut drop = psql("postgres");
    drop.args(["-c", &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")]);
    checked(drop)?;
    let mut create = psql("postgres");
    create.args(["-c", &format!("CREATE DATABASE {name}")]);
    checked(create).map(|_| ())
}

/// What autovacuum does on a user's server after a bulk load and between bursts of
/// writes: clears the dead rows the last load left and gathers planner statistics, which
/// also makes every connection replan its cached statements. Without statistics
/// PostgreSQL misjudges the keyset condition and sorts every row after the cursor instead
/// of reading 101 in index order; the PostgreSQL on these machines runs with autovacuum
/// off, so without this each scenario would also inherit the last one's debris.
pub fn vacuum(database: &str) -> Result<(), String> {
    let mut vacuum = psql(database);
    vacuum.args(["-c", "VACUUM (ANALYZE)"]);
    checked(vacuum).map(|_| ())
}

pub fn pgbench_init(database: &str, scale: u32) -> Result<(), String> {
    fresh_database(database)?;
    let mut init = Command::new("pgbench");
    init.args([
        "-i",
        "-q",
        "-s",
        &scale.to_string(),
        "-h",
        PG_HOST,
        "-U",
        PG_USER,
        database,
    ]);
    checked(init).map(|_| ())
}

/// Transactions a second of one pgbench run: `-S` (one indexed read), `-N` (a small
/// write transaction) or `-f SCRIPT`, with prepared statements as our server uses them.
pub fn pgbench(database: &str, workload: &[&str], clients: u32, seconds: u32) -> Result<f64, String> {
    let mut run = Command::new("pgbench");
    run.arg("-n")
        .args(workload)
        .args(["-M", "prepared", "-c", &clients.to_string()])
        .args(["-j", &clients.min(2).to_string(), "-T", &seconds.to_string()])
        .args(["-h", PG_HOST, "-U", PG_USER, database]);
    let output = checked(run)?;
    output
        .lines()
        .find_map(|line| line.strip_prefix("tps = "))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|tps| tps.parse().ok())
        .ok_or_else(|| format!("no tps in pgbench output:\n{output}"))
}

/// The server's statements (crates/orgs-sql), written once here with pgbench's `:name`
/// parameters: bound as parameters by pgbench, filled in as literals for psql and
/// `EXPLAIN` by `with_values`.
const TOKEN: &str = "SELECT id, key, secret_hash, user_id, organization_id, revoked_at IS NOT NULL AS revoked \
                     FROM api_tokens WHERE key = :token_key";
const ACCESS: &str = "SELECT o.id, o.name, o.created_at, o.updated_at, m.role FROM organizations o \
                      LEFT JOIN memberships m ON m.organization_id = o.id AND m.user_id = :user_id WHERE o.id = :org_id";
const MEMBERSHIPS: &str = "SELECT o.id, o.name, o.created_at, o.updated_at, m.role, m.joined_at FROM memberships m \
                           JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = :user_id \
                           ORDER BY m.joined_at, m.organization_id";
const MEMBERS: &str = "SELECT m.user_id, u.email, m.role, m.joined_at FROM memberships m JOIN users u ON u.id = m.user_id \
                       WHERE m.organization_id = :org_id ORDER BY m.joined_at, m.user_id";
const MEMBERS_PAGE: &str = "SELECT m.user_id, u.email, m.role, m.joined_at FROM (SELECT organization_id, user_id, role, \
                            joined_at FROM memberships WHERE organization_id = :org_id AND (joined_at, user_id) > \
                            (to_timestamp(:micros::float8 / 1000000), :after) ORDER BY joined_at, user_id LIMIT 101) m \
                            JOIN users u ON u.id = m.user_id ORDER BY m.joined_at, m.user_id";

/// `sql` with each `:name` replaced by the quoted value (no name is a prefix of another).
fn with_values(sql: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(sql.to_owned(), |sql, (name, value)| {
        sql.replace(&format!(":{name}"), &format!("'{value}'"))
    })
}

/// The seed's values the statements take.
struct Ids {
    token_key: String,
    reader: String,
    small: String,
    large: String,
    many_user: String,
    large_mid_cursor: String,
}

impl Ids {
    fn from(seed: &Value) -> Self {
        let id = |key: &str| seed[key].as_str().unwrap_or_default().to_owned();
        Self {
            token_key: id("readerToken").split(':').next().unwrap_or_default().to_owned(),
            reader: id("readerUserId"),
            small: id("smallOrg"),
            large: id("largeOrg"),
            many_user: id("manyUserId"),
            large_mid_cursor: id("largeMidCursor"),
        }
    }
}

/// The statements one request makes, as pgbench scripts: what PostgreSQL alone does
/// with exactly the work the server gives it, the ceiling for any server in front. The
/// values are pgbench variables (`-D`), so with `-M prepared` they are bound parameters
/// and PostgreSQL plans them as it plans the server's statements.
pub struct Script {
    pub key: &'static str,
    pub text: String,
    pub variables: Vec<String>,
}

pub fn same_statements(seed: &Value) -> Vec<Script> {
    let ids = Ids::from(seed);
    let variables = vec![
        format!("token_key={}", ids.token_key),
        format!("user_id={}", ids.reader),
        format!("org_id={}", ids.small),
    ];
    let script = |key, statements: &[&str]| Script {
        key,
        text: statements.iter().map(|sql| format!("{sql};\n")).collect(),
        variables: variables.clone(),
    };
    vec![
        script("org_get", &[TOKEN, ACCESS]),
        script("org_list_50", &[TOKEN, MEMBERSHIPS]),
        script("members_small_all", &[TOKEN, ACCESS, MEMBERS]),
    ]
}

/// Milliseconds psql takes, process start to exit, to read a query's rows into
/// /dev/null: what any client pays at least for the same rows.
pub fn psql_millis(database: &str, sql: &str) -> Result<f64, String> {
    let mut read = psql(database);
    // Unaligned and without headers: the least work psql can do with the rows.
    read.args(["-A", "-t", "-o", "/dev/null", "-c", sql]);
    let started = Instant::now();
    checked(read)?;
    Ok(started.elapsed().as_secs_f64() * 1e3)
}

/// The whole lists as the store reads them, with the seeded ids written in.
pub fn whole_list_sql(seed: &Value) -> [(&'static str, String); 2] {
    let ids = Ids::from(seed);
    [
        ("members_large_all", with_values(MEMBERS, &[("org_id", &ids.large)])),
        (
            "orgs_many_all",
            with_values(MEMBERSHIPS, &[("user_id", &ids.many_user)]),
        ),
    ]
}

/// The statements behind the hot paths, with the bench's ids, for `EXPLAIN ANALYZE`.
pub fn hot_queries(seed: &Value) -> Vec<(&'static str, String)> {
    let ids = Ids::from(seed);
    let (micros, after) = cursor_parts(&ids.large_mid_cursor);
    let [members_all, orgs_all] = whole_list_sql(seed);
    let page = [
        ("org_id", ids.large.as_str()),
        ("micros", &micros.to_string()),
        ("after", &after),
    ];
    vec![
        (
            "every request with an API token: the token by key",
            with_values(TOKEN, &[("token_key", &ids.token_key)]),
        ),
        (
            "organizations.get: the organization with the caller's role",
            with_values(ACCESS, &[("user_id", &ids.reader), ("org_id", &ids.small)]),
        ),
        (
            "organizations.list: a user's memberships",
            with_values(MEMBERSHIPS, &[("user_id", &ids.reader)]),
        ),
        (
            "members.list: a page of 100 mid-way through the large organization",
            with_values(MEMBERS_PAGE, &page),
        ),
        ("members.list: the whole large organization", members_all.1),
        ("organizations.list: all of a user's organizations", orgs_all.1),
    ]
}

/// A cursor is hex microseconds, a dot, and a UUID in simple form.
fn cursor_parts(cursor: &str) -> (i64, String) {
    let (micros, id) = cursor.split_once('.').unwrap_or_default();
    (i64::from_str_radix(micros, 16).unwrap_or_default(), id.to_owned())
}

pub fn explain(database: &str, sql: &str) -> Result<String, String> {
    let mut plan = psql(database);
    plan.args(["-c", &format!("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql}")]);
    checked(plan)
}
