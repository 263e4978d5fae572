-- The audit log and the webhook outbox. Events carry no foreign key to their
-- organization: the log outlives it (organization.deleted is an event too), and only
-- retention removes events. Each delivery is one event owed to one endpoint, written in
-- the transaction of the change, so a committed change is always owed and a rolled-back
-- one never is. Times are integer milliseconds since the Unix epoch, as in the first
-- migration.

CREATE TABLE audit_events (
    id              BLOB PRIMARY KEY NOT NULL,
    organization_id BLOB NOT NULL,
    action          TEXT NOT NULL,
    occurred_at     INTEGER NOT NULL,
    actor_kind      TEXT NOT NULL CHECK (actor_kind IN ('user', 'organization_token', 'operator')),
    -- A user's id or a token's key; null for the operator.
    actor_id        TEXT,
    actor_email     TEXT,
    target_kind     TEXT NOT NULL,
    target_id       TEXT NOT NULL,
    -- A JSON object, as orgs-events encoded it.
    data            TEXT NOT NULL,
    request_id      TEXT,
    ip_address      TEXT,
    user_agent      TEXT
) STRICT, WITHOUT ROWID;

-- organizations.auditLog.list pages newest first within one organization. Ids are
-- UUIDv7 made from the event's own time (orgs-core `EventId::at`), so retention deletes
-- by a range of the primary key and needs no index of its own: every index is one more
-- B-tree each change writes while it holds SQLite's one write lock.
CREATE INDEX audit_events_by_org ON audit_events (organization_id, occurred_at DESC, id DESC);

CREATE TABLE webhook_endpoints (
    id          BLOB PRIMARY KEY NOT NULL,
    url         TEXT NOT NULL,
    -- ',a,b,' for some actions, '' for every one: one LIKE decides at the change.
    events      TEXT NOT NULL,
    secret      TEXT NOT NULL,
    created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE webhook_deliveries (
    id              INTEGER PRIMARY KEY,
    endpoint_id     BLOB NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id        BLOB NOT NULL REFERENCES audit_events (id) ON DELETE CASCADE,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    -- Which worker holds it until when; an expired lease is anyone's again.
    lease           TEXT,
    leased_until    INTEGER,
    created_at      INTEGER NOT NULL,
    finished_at     INTEGER
) STRICT;

-- What the workers poll: only pending rows are in it.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id);
CREATE INDEX webhook_deliveries_by_lease ON webhook_deliveries (lease) WHERE lease IS NOT NULL;

-- Every endpoint that wants an event is owed it, in the statement that writes the event:
-- on SQLite each statement is a round trip to the connection's thread, and the write
-- lock is held meanwhile, so the outbox costs a change no statement of its own.
CREATE TRIGGER audit_events_owe_deliveries AFTER INSERT ON audit_events
BEGIN
    INSERT INTO webhook_deliveries (endpoint_id, event_id, state, attempts, next_attempt_at, created_at)
    SELECT id, NEW.id, 'pending', 0, NEW.occurred_at, NEW.occurred_at FROM webhook_endpoints
    WHERE events = '' OR events LIKE '%,' || NEW.action || ',%';
END;

CREATE TABLE webhook_attempts (
    delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    started_at  INTEGER NOT NULL,
    status      INTEGER,
    error       TEXT,
    duration_ms INTEGER NOT NULL,
    PRIMARY KEY (delivery_id, number)
) STRICT;
