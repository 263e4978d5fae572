//! The role statements of `orgs-sql`, bound to PostgreSQL.

orgs_sql::role_statements!(sqlx::PgConnection, " FOR UPDATE");
