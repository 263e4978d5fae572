//! Audit log, webhook and delivery statements: the shared SQL of `orgs-sql`, bound to
//! PostgreSQL, where claimers skip each other's locked rows and one statement writes an event with its deliveries.

orgs_sql::event_statements!(sqlx::PgConnection, " FOR UPDATE SKIP LOCKED", true);
