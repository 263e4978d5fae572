//! Audit log, webhook and delivery statements: the shared SQL of `orgs-sql`, bound to
//! PostgreSQL, where claimers skip each other's locked rows.

orgs_sql::event_statements!(sqlx::PgConnection, " FOR UPDATE SKIP LOCKED", owe_by_cte: true);
