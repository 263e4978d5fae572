//! Translating rows and driver errors at the boundary. PostgreSQL keeps `timestamptz`,
//! `integer` and `boolean`; the decoders into domain types are shared with SQLite
//! through `orgs_sql::row_decoders!`.

use orgs_core::Timestamp;
use orgs_ports::StoreError;
use sqlx::Row;
use sqlx::postgres::PgRow;

/// Connection-level failures are worth retrying; everything else is a bug or corruption.
pub fn map_error(err: sqlx::Error) -> StoreError {
    match err {
        sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Tls(_) => {
            StoreError::Unavailable(err.into())
        }
        // A deadlock or serialization failure aborted this transaction to let another
        // finish; running it again works.
        sqlx::Error::Database(db) if db.code().is_some_and(|code| code == "40P01" || code == "40001") => {
            StoreError::Unavailable(sqlx::Error::Database(db).into())
        }
        other => StoreError::Other(other.into()),
    }
}

fn corrupt(what: &'static str) -> StoreError {
    StoreError::Other(format!("corrupt row: {what}").into())
}

fn get<'r, T: sqlx::Decode<'r, sqlx::Postgres> + sqlx::Type<sqlx::Postgres>>(
    row: &'r PgRow,
    column: &str,
) -> Result<T, StoreError> {
    row.try_get(column).map_err(map_error)
}

/// The value bound for a time: `timestamptz` round-trips a `Timestamp` exactly.
pub(crate) fn time(at: Timestamp) -> Timestamp {
    at
}

fn time_column(row: &PgRow, column: &str) -> Result<Timestamp, StoreError> {
    get(row, column)
}

fn optional_time_column(row: &PgRow, column: &str) -> Result<Option<Timestamp>, StoreError> {
    get(row, column)
}

fn int_column(row: &PgRow, column: &str) -> Result<i64, StoreError> {
    get::<i32>(row, column).map(i64::from)
}

fn optional_int_column(row: &PgRow, column: &str) -> Result<Option<i64>, StoreError> {
    Ok(get::<Option<i32>>(row, column)?.map(i64::from))
}

fn bool_column(row: &PgRow, column: &str) -> Result<bool, StoreError> {
    get(row, column)
}

fn big_int_column(row: &PgRow, column: &str) -> Result<i64, StoreError> {
    get(row, column)
}

orgs_sql::row_decoders!(PgRow);
orgs_sql::event_row_decoders!(PgRow);
