-- Users, identities, organizations, memberships and API tokens.
-- Ids are 16-byte UUID blobs; times are integer milliseconds since the Unix epoch, so
-- they sort and compare exactly.

CREATE TABLE users (
    id          BLOB PRIMARY KEY NOT NULL,
    email       TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    CONSTRAINT users_email_key UNIQUE (email)
) STRICT;

CREATE TABLE user_identities (
    issuer      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    user_id     BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (issuer, subject)
) STRICT;

CREATE TABLE organizations (
    id          BLOB PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE memberships (
    organization_id BLOB NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    joined_at       INTEGER NOT NULL,
    PRIMARY KEY (organization_id, user_id)
) STRICT;

CREATE INDEX memberships_by_org_joined ON memberships (organization_id, joined_at, user_id);
CREATE INDEX memberships_by_user_joined ON memberships (user_id, joined_at, organization_id);
CREATE INDEX memberships_owners ON memberships (organization_id) WHERE role = 'owner';

CREATE TABLE api_tokens (
    id              BLOB PRIMARY KEY NOT NULL,
    key             TEXT NOT NULL,
    secret_hash     TEXT NOT NULL,
    user_id         BLOB REFERENCES users (id) ON DELETE CASCADE,
    organization_id BLOB REFERENCES organizations (id) ON DELETE CASCADE,
    name            TEXT,
    env             TEXT NOT NULL CHECK (env IN ('live', 'test')),
    last_four       TEXT NOT NULL,
    created_by      BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_at      INTEGER NOT NULL,
    revoked_at      INTEGER,
    CONSTRAINT api_tokens_key_key UNIQUE (key),
    CONSTRAINT api_tokens_one_owner CHECK ((user_id IS NULL) <> (organization_id IS NULL))
) STRICT;
