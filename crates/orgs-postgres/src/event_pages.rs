//! A page of the audit log: PostgreSQL's rows cost little each, so the page's statement
//! runs as written and its rows are decoded one by one.

use crate::rows::logged_event;
use orgs_ports::{LoggedEvent, StoreError};
use sqlx::postgres::PgArguments;
use sqlx::{PgConnection, Postgres, query::Query};

pub(crate) fn wrap(page: String) -> String {
    page
}

pub(crate) async fn read(
    conn: &mut PgConnection,
    page: Query<'_, Postgres, PgArguments>,
) -> Result<Vec<LoggedEvent>, StoreError> {
    crate::statements::decode_each(page.fetch(conn), logged_event).await
}
