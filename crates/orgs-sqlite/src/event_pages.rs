//! A page of the audit log, read as one JSON array that SQLite builds. Row by row, sqlx's
//! SQLite driver copied each of an event's 13 values with `sqlite3_value_dup`, every
//! copy an allocation under SQLite's memory mutex, and handed each row across a
//! channel: a page of 100 events ran at 0.37 of PostgreSQL's rate, while SQLite itself
//! answers the statement in 0.4 ms (docs/benchmarks.md). As one value the page crosses
//! once, as the whole lists do (`whole_lists.rs`).

use crate::rows::{EventColumnsRead, corrupt, event_of, from_millis, map_error, uuid_from_hex as uuid};
use orgs_ports::{LoggedEvent, StoreError};
use serde::Deserialize;
use sqlx::sqlite::SqliteArguments;
use sqlx::{Sqlite, SqliteConnection, query::Query};
use std::borrow::Cow;

/// `page` selects the event columns in their table order; the array keeps its order.
pub(crate) fn wrap(page: String) -> String {
    format!(
        "SELECT json_group_array(json_array(hex(id), hex(organization_id), action, occurred_at, actor_kind,
                                            actor_id, actor_email, target_kind, target_id, data, request_id,
                                            ip_address, user_agent)
                                 ORDER BY occurred_at DESC, id DESC)
         FROM ({page})"
    )
}

/// One event, its columns in the order `wrap` writes them.
#[derive(Deserialize)]
struct EventEntry<'a>(
    &'a str,
    &'a str,
    #[serde(borrow)] Cow<'a, str>,
    i64,
    #[serde(borrow)] Cow<'a, str>,
    Option<String>,
    #[serde(borrow)] Option<Cow<'a, str>>,
    #[serde(borrow)] Cow<'a, str>,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

pub(crate) async fn read<'q>(
    conn: &mut SqliteConnection,
    page: Query<'q, Sqlite, SqliteArguments<'q>>,
) -> Result<Vec<LoggedEvent>, StoreError> {
    let row = page.fetch_one(conn).await.map_err(map_error)?;
    let text: String = sqlx::Row::try_get(&row, 0).map_err(map_error)?;
    let entries: Vec<EventEntry> = serde_json::from_str(&text).map_err(|_| corrupt("event page"))?;
    entries
        .into_iter()
        .map(|entry| {
            let EventEntry(
                id,
                organization_id,
                action,
                occurred_at,
                actor_kind,
                actor_id,
                actor_email,
                target_kind,
                target_id,
                data,
                request_id,
                ip_address,
                user_agent,
            ) = entry;
            event_of(EventColumnsRead {
                id: uuid(id)?,
                organization_id: uuid(organization_id)?,
                action: &action,
                occurred_at: from_millis(occurred_at)?,
                actor_kind: &actor_kind,
                actor_id,
                actor_email: actor_email.as_deref(),
                target_kind: &target_kind,
                target_id,
                data,
                request_id,
                ip_address,
                user_agent,
            })
        })
        .collect()
}
