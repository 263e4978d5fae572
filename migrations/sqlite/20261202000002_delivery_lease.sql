-- As on PostgreSQL: a claim moves a delivery's next attempt to the end of its lease, so
-- a claimed delivery leaves the due range of webhook_deliveries_due until the lease
-- expires, and a claim scans only what it can take. The lease's own end and its index
-- were one more write per claim and per attempt.
DROP INDEX webhook_deliveries_by_lease;
ALTER TABLE webhook_deliveries DROP COLUMN leased_until;
