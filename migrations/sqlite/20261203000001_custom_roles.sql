-- Custom roles: a membership, invitation or join code holds its role by name, any name
-- the operator may declare, so the fixed list of three gives way to a check of the
-- name's form. SQLite cannot drop a CHECK constraint, so each table is rebuilt with its
-- rows, constraints and indexes; nothing references these tables, so dropping the old
-- ones removes nothing else.

CREATE TABLE memberships_next (
    organization_id BLOB NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 32 AND role GLOB '[a-z]*'
                                         AND role NOT GLOB '*[^a-z0-9_-]*'),
    joined_at       INTEGER NOT NULL,
    PRIMARY KEY (organization_id, user_id)
) STRICT;
INSERT INTO memberships_next (organization_id, user_id, role, joined_at)
    SELECT organization_id, user_id, role, joined_at FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_next RENAME TO memberships;
CREATE INDEX memberships_by_org_joined ON memberships (organization_id, joined_at, user_id);
CREATE INDEX memberships_by_user_joined ON memberships (user_id, joined_at, organization_id);
CREATE INDEX memberships_owners ON memberships (organization_id) WHERE role = 'owner';
-- `roles check`, the start-up check and `roles reassign` find a role's holders by name.
CREATE INDEX memberships_by_role ON memberships (role);

CREATE TABLE invitations_next (
    id              BLOB PRIMARY KEY NOT NULL,
    organization_id BLOB NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email           TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 32 AND role GLOB '[a-z]*'
                                         AND role NOT GLOB '*[^a-z0-9_-]*'),
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
INSERT INTO invitations_next
    (id, organization_id, email, role, token_digest, invited_by, created_at, expires_at, accepted_by,
     accepted_at, revoked_at)
    SELECT id, organization_id, email, role, token_digest, invited_by, created_at, expires_at, accepted_by,
           accepted_at, revoked_at
    FROM invitations;
DROP TABLE invitations;
ALTER TABLE invitations_next RENAME TO invitations;
CREATE UNIQUE INDEX invitations_one_open_per_email ON invitations (organization_id, email)
    WHERE accepted_at IS NULL AND revoked_at IS NULL;
CREATE INDEX invitations_by_org_created ON invitations (organization_id, created_at, id);

CREATE TABLE join_codes_next (
    id              BLOB PRIMARY KEY NOT NULL,
    organization_id BLOB NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 32 AND role GLOB '[a-z]*'
                                         AND role NOT GLOB '*[^a-z0-9_-]*'),
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
INSERT INTO join_codes_next (id, organization_id, role, code_digest, max_uses, uses, created_by, created_at, revoked_at)
    SELECT id, organization_id, role, code_digest, max_uses, uses, created_by, created_at, revoked_at FROM join_codes;
DROP TABLE join_codes;
ALTER TABLE join_codes_next RENAME TO join_codes;
CREATE INDEX join_codes_by_org_created ON join_codes (organization_id, created_at, id);
