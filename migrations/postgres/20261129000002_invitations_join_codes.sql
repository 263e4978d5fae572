-- Invitations and join codes. Their secrets are stored only as SHA-256 digests.

CREATE TABLE invitations (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email           text NOT NULL,
    role            text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    token_digest    bytea NOT NULL,
    invited_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    accepted_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    accepted_at     timestamptz,
    revoked_at      timestamptz,
    CONSTRAINT invitations_token_digest_key UNIQUE (token_digest),
    CONSTRAINT invitations_one_outcome CHECK (accepted_at IS NULL OR revoked_at IS NULL)
);

-- At most one usable token per email and organization, whatever the interleaving.
CREATE UNIQUE INDEX invitations_one_open_per_email ON invitations (organization_id, email)
    WHERE accepted_at IS NULL AND revoked_at IS NULL;
CREATE INDEX invitations_by_org_created ON invitations (organization_id, created_at, id);

CREATE TABLE join_codes (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    role            text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    code_digest     bytea NOT NULL,
    max_uses        integer CHECK (max_uses BETWEEN 1 AND 1000000),
    uses            integer NOT NULL DEFAULT 0,
    created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    CONSTRAINT join_codes_code_digest_key UNIQUE (code_digest),
    -- The last line of defence for the maxUses invariant.
    CONSTRAINT join_codes_uses_within_limit CHECK (uses >= 0 AND (max_uses IS NULL OR uses <= max_uses))
);

CREATE INDEX join_codes_by_org_created ON join_codes (organization_id, created_at, id);
