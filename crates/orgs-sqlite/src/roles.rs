//! The role statements of `orgs-sql`, bound to SQLite, whose write transactions hold the
//! database's one write lock already.

orgs_sql::role_statements!(sqlx::SqliteConnection, "");
