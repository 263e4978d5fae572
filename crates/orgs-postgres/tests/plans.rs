//! Plans PostgreSQL chooses once statistics look like a real deployment's, where most
//! organizations are small and a few are huge. A prepared statement runs on a generic
//! plan after its fifth use, so the plan must not depend on the parameters' values.

use orgs_postgres::test_database::TestDatabase;
use sqlx::Row;

const SMALL_ORGANIZATIONS: i64 = 2_000;
const BUSY: &str = "01900000-0000-7000-8000-000000000000";
const BUSY_ORGANIZATION_INVITATIONS: i64 = 3_000;

#[tokio::test]
async fn finding_an_open_invitation_reads_one_row_in_an_organization_of_thousands() {
    let database = TestDatabase::create().await;
    let mut conn = database.store.pool().acquire().await.unwrap();
    for statement in [
        format!(
            "INSERT INTO organizations (id, name, created_at, updated_at)
             SELECT gen_random_uuid(), 'org ' || n, now(), now() FROM generate_series(1, {SMALL_ORGANIZATIONS}) n
             UNION ALL SELECT '{BUSY}', 'busy', now(), now()"
        ),
        "INSERT INTO invitations (id, organization_id, email, role, token_digest, created_at, expires_at)
         SELECT gen_random_uuid(), id, 'first@' || id || '.test', 'member', sha256(id::text::bytea), now(),
                now() + interval '7 days'
         FROM organizations"
            .to_owned(),
        "ANALYZE".to_owned(),
        // The busy organization grows after the statistics were taken, as between two
        // autovacuum runs.
        format!(
            "INSERT INTO invitations (id, organization_id, email, role, token_digest, created_at, expires_at)
             SELECT gen_random_uuid(), '{BUSY}', 'invitee-' || n || '@busy.test',
                    'member', sha256(n::text::bytea), now(), now() + interval '7 days'
             FROM generate_series(1, {BUSY_ORGANIZATION_INVITATIONS}) n"
        ),
        "SET plan_cache_mode = force_generic_plan".to_owned(),
        format!(
            "PREPARE find_open (uuid, text) AS SELECT id FROM invitations WHERE {}",
            orgs_sql::OPEN_INVITATION_FILTER
        ),
    ] {
        sqlx::raw_sql(&statement).execute(&mut *conn).await.unwrap();
    }

    // The simple protocol sends the plan as text; its column is typed `json`.
    let explain = format!("EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE find_open ('{BUSY}', 'invitee-1500@busy.test')");
    let plan: String = sqlx::raw_sql(&explain)
        .fetch_one(&mut *conn)
        .await
        .unwrap()
        .try_get_unchecked(0)
        .unwrap();
    let plan: serde_json::Value = serde_json::from_str(&plan).unwrap();
    let root = &plan[0]["Plan"];
    assert_eq!(root["Actual Rows"], 1, "the invitation is found: {plan:#}");
    assert_eq!(root["Index Name"], "invitations_one_open_per_email", "{plan:#}");
    let discarded = root["Rows Removed by Filter"].as_i64().unwrap_or(0);
    assert!(discarded <= 1, "{discarded} rows read and thrown away: {plan:#}");

    drop(conn);
    database.drop_database().await;
}
