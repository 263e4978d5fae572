//! Organization, membership, user and API-token statements: the shared SQL of
//! `orgs-sql`, bound to SQLite. Its write transactions (`BEGIN IMMEDIATE`) hold the
//! database's one write lock already, so no row lock clause is needed.

orgs_sql::organization_statements!(sqlx::SqliteConnection, "");
