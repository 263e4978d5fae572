-- When an API token was last used, written off the request path at most once a minute
-- per token; and an index by organization, in the order organizations.tokens.list pages
-- in (newest first), which also serves the cascade when an organization is deleted.

ALTER TABLE api_tokens ADD COLUMN last_used_at timestamptz;

CREATE INDEX api_tokens_by_org_created ON api_tokens (organization_id, created_at DESC, id DESC);
