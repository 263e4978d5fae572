//! Translating rows and driver errors at the boundary. SQLite keeps times as integer
//! milliseconds since the Unix epoch and booleans as integers; the decoders into domain
//! types are shared with PostgreSQL through `orgs_sql::row_decoders!`.

use orgs_core::Timestamp;
use orgs_ports::StoreError;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

/// Connection-level failures are worth retrying; everything else is a bug or corruption.
pub fn map_error(err: sqlx::Error) -> StoreError {
    match err {
        sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => StoreError::Unavailable(err.into()),
        // SQLITE_BUSY and its extended codes: another writer held the lock past the
        // busy timeout. Retrying later will work.
        sqlx::Error::Database(db)
            if db
                .code()
                .is_some_and(|code| code == "5" || code.parse::<u32>().is_ok_and(|c| c & 0xff == 5)) =>
        {
            StoreError::Unavailable(sqlx::Error::Database(db).into())
        }
        other => StoreError::Other(other.into()),
    }
}

pub(crate) fn corrupt(what: &'static str) -> StoreError {
    StoreError::Other(format!("corrupt row: {what}").into())
}

fn get<'r, T: sqlx::Decode<'r, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite>>(
    row: &'r SqliteRow,
    column: &str,
) -> Result<T, StoreError> {
    row.try_get(column).map_err(map_error)
}

/// The value bound for a time.
pub(crate) fn time(at: Timestamp) -> i64 {
    at.timestamp_millis()
}

/// An id as SQLite's `hex()` writes it into the JSON the whole lists and event pages read.
pub(crate) fn uuid_from_hex(hex: &str) -> Result<uuid::Uuid, StoreError> {
    uuid::Uuid::try_parse(hex).map_err(|_| corrupt("id"))
}

pub(crate) fn from_millis(millis: i64) -> Result<Timestamp, StoreError> {
    chrono::DateTime::from_timestamp_millis(millis).ok_or_else(|| corrupt("timestamp"))
}

fn time_column(row: &SqliteRow, column: &str) -> Result<Timestamp, StoreError> {
    from_millis(get(row, column)?)
}

fn optional_time_column(row: &SqliteRow, column: &str) -> Result<Option<Timestamp>, StoreError> {
    get::<Option<i64>>(row, column)?.map(from_millis).transpose()
}

fn int_column(row: &SqliteRow, column: &str) -> Result<i64, StoreError> {
    get(row, column)
}

fn optional_int_column(row: &SqliteRow, column: &str) -> Result<Option<i64>, StoreError> {
    get(row, column)
}

fn bool_column(row: &SqliteRow, column: &str) -> Result<bool, StoreError> {
    Ok(get::<i64>(row, column)? != 0)
}

fn big_int_column(row: &SqliteRow, column: &str) -> Result<i64, StoreError> {
    get(row, column)
}

orgs_sql::row_decoders!(SqliteRow);
orgs_sql::event_row_decoders!(SqliteRow);
