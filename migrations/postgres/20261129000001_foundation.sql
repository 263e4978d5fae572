-- Users, identities, organizations, memberships and API tokens.

CREATE TABLE users (
    id          uuid PRIMARY KEY,
    email       text NOT NULL,
    created_at  timestamptz NOT NULL,
    CONSTRAINT users_email_key UNIQUE (email)
);

-- A JWT identity (issuer, subject) linked to a user on its first use.
CREATE TABLE user_identities (
    issuer      text NOT NULL,
    subject     text NOT NULL,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (issuer, subject)
);

CREATE TABLE organizations (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE memberships (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    joined_at       timestamptz NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);

-- The orders members.list and organizations.list promise, served straight from an index.
CREATE INDEX memberships_by_org_joined ON memberships (organization_id, joined_at, user_id);
CREATE INDEX memberships_by_user_joined ON memberships (user_id, joined_at, organization_id);
-- Counting owners under the organization lock stays cheap for huge organizations.
CREATE INDEX memberships_owners ON memberships (organization_id) WHERE role = 'owner';

CREATE TABLE api_tokens (
    id              uuid PRIMARY KEY,
    key             text NOT NULL,
    secret_hash     text NOT NULL,
    user_id         uuid REFERENCES users (id) ON DELETE CASCADE,
    organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
    name            text,
    env             text NOT NULL CHECK (env IN ('live', 'test')),
    last_four       text NOT NULL,
    created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    CONSTRAINT api_tokens_key_key UNIQUE (key),
    CONSTRAINT api_tokens_one_owner CHECK ((user_id IS NULL) <> (organization_id IS NULL))
);
