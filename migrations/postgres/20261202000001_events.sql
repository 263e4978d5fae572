-- The audit log and the webhook outbox. Events carry no foreign key to their
-- organization: the log outlives it (organization.deleted is an event too), and only
-- retention removes events. Each delivery is one event owed to one endpoint, written in
-- the transaction of the change, so a committed change is always owed and a rolled-back
-- one never is.

CREATE TABLE audit_events (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL,
    action          text NOT NULL,
    occurred_at     timestamptz NOT NULL,
    actor_kind      text NOT NULL CHECK (actor_kind IN ('user', 'organization_token', 'operator')),
    -- A user's id or a token's key; null for the operator.
    actor_id        text,
    actor_email     text,
    target_kind     text NOT NULL,
    target_id       text NOT NULL,
    -- A JSON object, as orgs-events encoded it.
    data            text NOT NULL,
    request_id      text,
    ip_address      text,
    user_agent      text
);

-- organizations.auditLog.list pages newest first within one organization. Ids are
-- UUIDv7 made from the event's own time (orgs-core `EventId::at`), so retention deletes
-- by a range of the primary key and needs no index of its own.
CREATE INDEX audit_events_by_org ON audit_events (organization_id, occurred_at DESC, id DESC);

CREATE TABLE webhook_endpoints (
    id          uuid PRIMARY KEY,
    url         text NOT NULL,
    -- ',a,b,' for some actions, '' for every one: one LIKE decides at the change.
    events      text NOT NULL,
    secret      text NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE webhook_deliveries (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id     uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id        uuid NOT NULL REFERENCES audit_events (id) ON DELETE CASCADE,
    state           text NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    -- Which worker holds it until when; an expired lease is anyone's again.
    lease           text,
    leased_until    timestamptz,
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz
);

-- What the workers poll: only pending rows are in it.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id);
CREATE INDEX webhook_deliveries_by_lease ON webhook_deliveries (lease) WHERE lease IS NOT NULL;

-- Every endpoint that wants an event is owed it, in the statement that writes the event,
-- as on SQLite, so one statement (one round trip) writes a change's events and their
-- deliveries whatever the store.
CREATE FUNCTION audit_events_owe_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO webhook_deliveries (endpoint_id, event_id, state, attempts, next_attempt_at, created_at)
    SELECT id, NEW.id, 'pending', 0, NEW.occurred_at, NEW.occurred_at FROM webhook_endpoints
    WHERE events = '' OR events LIKE '%,' || NEW.action || ',%';
    RETURN NULL;
END
$$;

CREATE TRIGGER audit_events_owe_deliveries AFTER INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_owe_deliveries();

CREATE TABLE webhook_attempts (
    delivery_id bigint NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    number      integer NOT NULL,
    started_at  timestamptz NOT NULL,
    status      integer,
    error       text,
    duration_ms integer NOT NULL,
    PRIMARY KEY (delivery_id, number)
);
