-- A claim now moves a delivery's next attempt to the end of its lease, so a claimed
-- delivery leaves the due range of webhook_deliveries_due until the lease expires. A
-- claim then scans only what it can take, where it used to step over every delivery in
-- flight (and under load took over a second to do so). The lease's own end and its
-- index are no longer needed: each was one more write per claim and per attempt.
DROP INDEX webhook_deliveries_by_lease;
ALTER TABLE webhook_deliveries DROP COLUMN leased_until;
