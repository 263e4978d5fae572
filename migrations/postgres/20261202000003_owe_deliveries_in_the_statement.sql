-- The events' deliveries are now written by the statement that writes the events, as a
-- data-modifying CTE (orgs-sql `append_events`): the trigger ran its INSERT once per
-- event through PL/pgSQL, and with the RETURNING count beside it that made each event
-- two more queries. SQLite keeps its trigger, which it compiles into the statement.
DROP TRIGGER audit_events_owe_deliveries ON audit_events;
DROP FUNCTION audit_events_owe_deliveries();
