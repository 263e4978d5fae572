//! The audit log and webhook outbox statements; their row decoders are in `event_rows.rs`.

/// Expands, inside an adapter crate, to the event, webhook and delivery statements as
/// functions taking `&mut $conn`. `$skip_locked` is the clause that lets concurrent
/// claimers pass over each other's rows (`" FOR UPDATE SKIP LOCKED"`, or `""` where
/// write transactions lock the whole database already).
#[macro_export]
#[allow(clippy::crate_in_macro_def)]
macro_rules! event_statements {
    ($conn:ty, $skip_locked:literal) => {
        use crate::rows::{self, map_error, time};
        use orgs_core::{AuditEvent, OrgId, Page, Timestamp, WebhookId};
        use orgs_ports::{
            Attempt, AttemptOutcome, DeliveryInfo, EventFilter, LoggedEvent, OutboxStatus, OwedDelivery, StoreError,
            WebhookEndpoint,
        };
        type Conn = $conn;

        /// Columns of one event row, in the order `append_events` binds them.
        const EVENT_ROW_COLUMNS: usize = 13;

        /// Writes the events in one statement, which also counts the endpoints that want
        /// each, so the caller knows whether deliveries are owed and a worker to wake: on
        /// SQLite the table's trigger, compiled into this statement, has owed them
        /// already; PostgreSQL owes them in a second statement, sent only then, since an
        /// insert into the deliveries here (a data-modifying CTE) opened that table and
        /// its indexes on every change and cost 9 to 14% of the write rate. `then` is SQL
        /// sent after it in the same message (`"; COMMIT"` where the store takes several
        /// statements at once), or `""`.
        pub(crate) async fn append_events(conn: &mut Conn, events: &[AuditEvent], then: &str) -> Result<u64, StoreError> {
            if events.is_empty() {
                return Ok(0);
            }
            let rows: Vec<String> = (0..events.len())
                .map(|row| {
                    let params: Vec<String> =
                        (1..=EVENT_ROW_COLUMNS).map(|column| format!("${}", row * EVENT_ROW_COLUMNS + column)).collect();
                    format!("({})", params.join(", "))
                })
                .collect();
            let sql = format!(
                "INSERT INTO audit_events
                   (id, organization_id, action, occurred_at, actor_kind, actor_id, actor_email, target_kind, target_id,
                    data, request_id, ip_address, user_agent)
                 VALUES {}
                 RETURNING (SELECT count(*) FROM webhook_endpoints w
                            WHERE w.events = '' OR w.events LIKE '%,' || action || ',%') AS owed{then}",
                rows.join(", ")
            );
            let mut query = sqlx::query_scalar::<_, i64>(&sql);
            for event in events {
                let row = orgs_events::EventColumns::of(event);
                query = query
                    .bind(row.id)
                    .bind(row.organization_id)
                    .bind(row.action)
                    .bind(time(row.occurred_at))
                    .bind(row.actor_kind)
                    .bind(row.actor_id)
                    .bind(row.actor_email)
                    .bind(row.target_kind)
                    .bind(row.target_id)
                    .bind(row.data)
                    .bind(row.request_id)
                    .bind(row.ip_address)
                    .bind(row.user_agent);
            }
            let owed = query.fetch_all(&mut *conn).await.map_err(map_error)?;
            Ok(owed.iter().map(|&count| u64::try_from(count).unwrap_or(0)).sum())
        }

        const EVENT_COLUMNS: &str = "e.id, e.organization_id, e.action, e.occurred_at, e.actor_kind, e.actor_id,
            e.actor_email, e.target_kind, e.target_id, e.data, e.request_id, e.ip_address, e.user_agent";

        pub(crate) async fn list_events(
            conn: &mut Conn,
            organization: OrgId,
            filter: &EventFilter,
            page: Page,
        ) -> Result<Vec<LoggedEvent>, StoreError> {
            let mut sql = format!("SELECT {EVENT_COLUMNS} FROM audit_events e WHERE e.organization_id = $1");
            let mut next = 2;
            if !filter.actions.is_empty() {
                let placeholders: Vec<String> = (0..filter.actions.len()).map(|i| format!("${}", next + i)).collect();
                sql.push_str(&format!(" AND e.action IN ({})", placeholders.join(", ")));
                next += filter.actions.len();
            }
            for (present, condition) in [
                (filter.actor.is_some(), "e.actor_id ="),
                (filter.since.is_some(), "e.occurred_at >="),
                (filter.until.is_some(), "e.occurred_at <"),
            ] {
                if present {
                    sql.push_str(&format!(" AND {condition} ${next}"));
                    next += 1;
                }
            }
            let sql = crate::event_pages::wrap(crate::statements::paged_sql_in(
                &sql,
                "e.occurred_at",
                "e.id",
                next,
                Some(page),
                crate::statements::Order::NewestFirst,
            ));
            let mut query = sqlx::query(&sql).bind(organization.as_uuid());
            for action in &filter.actions {
                query = query.bind(action.as_str());
            }
            if let Some(actor) = &filter.actor {
                query = query.bind(actor.as_str());
            }
            if let Some(since) = filter.since {
                query = query.bind(time(since));
            }
            if let Some(until) = filter.until {
                query = query.bind(time(until));
            }
            if let Some(after) = page.after {
                query = query.bind(time(after.at)).bind(after.id);
            }
            crate::event_pages::read(conn, query).await
        }

        pub(crate) async fn prune_events(conn: &mut Conn, before: Timestamp, limit: u32) -> Result<u64, StoreError> {
            // Ids are made from the event's time, so the oldest are the lowest ids.
            let sql = format!(
                "DELETE FROM audit_events WHERE id IN
                   (SELECT id FROM audit_events WHERE id < $1 ORDER BY id LIMIT {limit})"
            );
            let done = sqlx::query(&sql)
                .bind(orgs_core::EventId::floor(before).as_uuid())
                .execute(&mut *conn)
                .await
                .map_err(map_error)?;
            Ok(done.rows_affected())
        }

        pub(crate) async fn insert_webhook(conn: &mut Conn, endpoint: &WebhookEndpoint, secret: &str) -> Result<(), StoreError> {
            sqlx::query("INSERT INTO webhook_endpoints (id, url, events, secret, created_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(endpoint.id.as_uuid())
                .bind(endpoint.url.as_str())
                .bind(rows::encode_actions(&endpoint.events))
                .bind(secret)
                .bind(time(endpoint.created_at))
                .execute(&mut *conn)
                .await
                .map_err(map_error)?;
            Ok(())
        }

        pub(crate) async fn list_webhooks(conn: &mut Conn) -> Result<Vec<WebhookEndpoint>, StoreError> {
            let found = sqlx::query("SELECT id, url, events, created_at FROM webhook_endpoints ORDER BY created_at, id")
                .fetch_all(&mut *conn)
                .await
                .map_err(map_error)?;
            found.iter().map(rows::webhook_endpoint).collect()
        }

        pub(crate) async fn delete_webhook(conn: &mut Conn, id: WebhookId) -> Result<bool, StoreError> {
            let done = sqlx::query("DELETE FROM webhook_endpoints WHERE id = $1")
                .bind(id.as_uuid())
                .execute(&mut *conn)
                .await
                .map_err(map_error)?;
            Ok(done.rows_affected() > 0)
        }

        pub(crate) async fn claim_deliveries(
            conn: &mut Conn,
            now: Timestamp,
            lease: &str,
            leased_until: Timestamp,
            limit: u32,
        ) -> Result<Vec<OwedDelivery>, StoreError> {
            // The pick is a materialized CTE, evaluated once. Written as
            // `id IN (subquery)`, PostgreSQL may evaluate the subquery more than once
            // while recorders update the rows it scans, each time skipping what it has
            // just locked: under load one claim of 64 took 132. Moving the next attempt
            // to the lease's end keeps a claimed delivery out of the due range until
            // the lease expires. RETURNING names exactly the rows this statement claimed.
            let claim = format!(
                "WITH due AS MATERIALIZED
                   (SELECT id FROM webhook_deliveries
                    WHERE state = 'pending' AND next_attempt_at <= $1
                    ORDER BY next_attempt_at LIMIT {limit}{})
                 UPDATE webhook_deliveries SET lease = $2, next_attempt_at = $3
                 WHERE id IN (SELECT id FROM due)
                 RETURNING id",
                $skip_locked
            );
            let claimed: Vec<i64> = sqlx::query_scalar(&claim)
                .bind(time(now))
                .bind(lease)
                .bind(time(leased_until))
                .fetch_all(&mut *conn)
                .await
                .map_err(map_error)?;
            if claimed.is_empty() {
                return Ok(Vec::new());
            }
            let ids: Vec<String> = claimed.iter().map(i64::to_string).collect();
            let sql = format!(
                "SELECT d.id AS delivery_id, d.attempts, w.url, w.secret, {EVENT_COLUMNS}
                 FROM webhook_deliveries d
                 JOIN webhook_endpoints w ON w.id = d.endpoint_id
                 JOIN audit_events e ON e.id = d.event_id
                 WHERE d.id IN ({}) AND d.lease = $1
                 ORDER BY d.id",
                ids.join(", ")
            );
            let found = sqlx::query(&sql)
                .bind(lease)
                .fetch_all(&mut *conn)
                .await
                .map_err(map_error)?;
            found.iter().map(rows::owed_delivery).collect()
        }

        pub(crate) async fn finish_attempt(
            conn: &mut Conn,
            attempt: &Attempt,
            lease: &str,
            outcome: AttemptOutcome,
        ) -> Result<bool, StoreError> {
            let (state, next, finished) = match outcome {
                AttemptOutcome::Delivered => ("succeeded", None, Some(attempt.started_at)),
                AttemptOutcome::RetryAt(at) => ("pending", Some(at), None),
                AttemptOutcome::GaveUp => ("failed", None, Some(attempt.started_at)),
            };
            // A finished delivery's next attempt becomes its last one's start: the claim
            // had set it to the lease's end, a time at which nothing will happen.
            let moved = sqlx::query(
                "UPDATE webhook_deliveries
                 SET state = $3, attempts = attempts + 1, next_attempt_at = COALESCE($4, $5),
                     finished_at = $5, lease = NULL
                 WHERE id = $1 AND lease = $2",
            )
            .bind(attempt.delivery)
            .bind(lease)
            .bind(state)
            .bind(next.map(time))
            .bind(finished.map(time))
            .execute(&mut *conn)
            .await
            .map_err(map_error)?;
            if moved.rows_affected() == 0 {
                return Ok(false);
            }
            sqlx::query(
                "INSERT INTO webhook_attempts (delivery_id, number, started_at, status, error, duration_ms)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
            )
            .bind(attempt.delivery)
            .bind(i64::from(attempt.number))
            .bind(time(attempt.started_at))
            .bind(attempt.status.map(i64::from))
            .bind(attempt.error.as_deref())
            .bind(i64::from(attempt.duration_ms))
            .execute(&mut *conn)
            .await
            .map_err(map_error)?;
            Ok(true)
        }

        pub(crate) async fn list_deliveries(conn: &mut Conn, failed_only: bool, limit: u32) -> Result<Vec<DeliveryInfo>, StoreError> {
            let filter = if failed_only { "WHERE d.state = 'failed'" } else { "" };
            let sql = format!(
                "SELECT d.id, d.endpoint_id, d.event_id, e.action, d.state, d.next_attempt_at, d.created_at
                 FROM webhook_deliveries d JOIN audit_events e ON e.id = d.event_id
                 {filter} ORDER BY d.id DESC LIMIT {limit}"
            );
            let found = sqlx::query(&sql).fetch_all(&mut *conn).await.map_err(map_error)?;
            let mut deliveries = Vec::with_capacity(found.len());
            for row in &found {
                let mut delivery = rows::delivery_info(row)?;
                let attempts = sqlx::query(
                    "SELECT delivery_id, number, started_at, status, error, duration_ms
                     FROM webhook_attempts WHERE delivery_id = $1 ORDER BY number",
                )
                .bind(delivery.id)
                .fetch_all(&mut *conn)
                .await
                .map_err(map_error)?;
                delivery.attempts = attempts.iter().map(rows::attempt).collect::<Result<_, _>>()?;
                deliveries.push(delivery);
            }
            Ok(deliveries)
        }

        pub(crate) async fn retry_delivery(conn: &mut Conn, id: i64, now: Timestamp) -> Result<bool, StoreError> {
            let done = sqlx::query(
                "UPDATE webhook_deliveries SET state = 'pending', next_attempt_at = $2, finished_at = NULL,
                   lease = NULL
                 WHERE id = $1 AND state = 'failed'",
            )
            .bind(id)
            .bind(time(now))
            .execute(&mut *conn)
            .await
            .map_err(map_error)?;
            Ok(done.rows_affected() > 0)
        }

        pub(crate) async fn outbox_status(conn: &mut Conn) -> Result<OutboxStatus, StoreError> {
            let row = sqlx::query(
                "SELECT count(*) AS owed, min(created_at) AS oldest FROM webhook_deliveries WHERE state = 'pending'",
            )
            .fetch_one(&mut *conn)
            .await
            .map_err(map_error)?;
            rows::outbox_status(&row)
        }
    };
}
