//! Audit log, webhook and delivery statements: the shared SQL of `orgs-sql`, bound to
//! PostgreSQL, where claimers skip each other's locked rows.

orgs_sql::event_statements!(sqlx::PgConnection, " FOR UPDATE SKIP LOCKED");

/// Owes the events just written to every endpoint that wants them: the second statement
/// of a change, sent only when `append_events` counted an endpoint that wants one, so a
/// deployment without webhooks never opens the deliveries table on a write. It runs in
/// the change's transaction, so the deliveries commit with their events or not at all.
pub(crate) async fn owe_deliveries(conn: &mut Conn, events: &[AuditEvent]) -> Result<(), StoreError> {
    let ids: Vec<uuid::Uuid> = events.iter().map(|event| event.id.as_uuid()).collect();
    sqlx::query(
        "INSERT INTO webhook_deliveries (endpoint_id, event_id, state, attempts, next_attempt_at, created_at)
         SELECT w.id, e.id, 'pending', 0, e.occurred_at, e.occurred_at
         FROM audit_events e JOIN webhook_endpoints w
           ON w.events = '' OR w.events LIKE '%,' || e.action || ',%'
         WHERE e.id = ANY($1)",
    )
    .bind(ids)
    .execute(conn)
    .await
    .map_err(map_error)?;
    Ok(())
}
