//! Audit log, webhook and delivery statements: the shared SQL of `orgs-sql`, bound to
//! SQLite, whose write transactions already hold the database's one write lock.

orgs_sql::event_statements!(sqlx::SqliteConnection, "");
