//! Invitation and join-code statements: the shared SQL of `orgs-sql`, bound to this driver.

orgs_sql::invitation_statements!(sqlx::PgConnection, sqlx::Postgres);
