-- Invitations and join codes. Their secrets are stored only as SHA-256 digests.
-- Times are integer milliseconds since the Unix epoch, as in the first migration.

CREATE TABLE invitations (
    id              BLOB PRIMARY KEY NOT NULL,
    organization_id BLOB NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email           TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    token_digest    BLOB NOT NULL,
    invited_by      BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    accepted_by     BLOB REFERENCES users (id) ON DELETE SET NULL,
    accepted_at     INTEGER,
    revoked_at      INTEGER,
    CONSTRAINT invitations_token_digest_key UNIQUE (token_digest),
    CONSTRAINT invitations_one_outcome CHECK (accepted_at IS NULL OR revoked_at IS NULL)
) STRICT;

-- At most one usable token per email and organization, whatever the interleaving.
CREATE UNIQUE INDEX invitations_one_open_per_email ON invitations (organization_id, email)
    WHERE accepted_at IS NULL AND revoked_at IS NULL;
CREATE INDEX invitations_by_org_created ON invitations (organization_id, created_at, id);

CREATE TABLE join_codes (
    id              BLOB PRIMARY KEY NOT NULL,
    organization_id BLOB NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    code_digest     BLOB NOT NULL,
    max_uses        INTEGER CHECK (max_uses BETWEEN 1 AND 1000000),
    uses            INTEGER NOT NULL DEFAULT 0,
    created_by      BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_at      INTEGER NOT NULL,
    revoked_at      INTEGER,
    CONSTRAINT join_codes_code_digest_key UNIQUE (code_digest),
    -- The last line of defence for the maxUses invariant.
    CONSTRAINT join_codes_uses_within_limit CHECK (uses >= 0 AND (max_uses IS NULL OR uses <= max_uses))
) STRICT;

CREATE INDEX join_codes_by_org_created ON join_codes (organization_id, created_at, id);
