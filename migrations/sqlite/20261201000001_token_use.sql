-- When an API token was last used, written off the request path at most once a minute
-- per token, and the order organizations.tokens.list pages in (newest first, live ones).
-- Times are integer milliseconds since the Unix epoch, as in the first migration.

ALTER TABLE api_tokens ADD COLUMN last_used_at INTEGER;

CREATE INDEX api_tokens_live_by_org_created ON api_tokens (organization_id, created_at DESC, id DESC)
    WHERE revoked_at IS NULL AND organization_id IS NOT NULL;
