//! Organization, membership, user and API-token statements: the shared SQL of
//! `orgs-sql`, bound to PostgreSQL, which locks a row with `FOR UPDATE`.

orgs_sql::organization_statements!(sqlx::PgConnection, " FOR UPDATE");
