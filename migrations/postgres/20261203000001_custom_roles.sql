-- Custom roles: a membership, invitation or join code holds its role by name, any name
-- the operator may declare, so the fixed list of three gives way to a check of the
-- name's form.

ALTER TABLE memberships DROP CONSTRAINT memberships_role_check,
    ADD CONSTRAINT memberships_role_form CHECK (role ~ '^[a-z][a-z0-9_-]{0,31}$');
ALTER TABLE invitations DROP CONSTRAINT invitations_role_check,
    ADD CONSTRAINT invitations_role_form CHECK (role ~ '^[a-z][a-z0-9_-]{0,31}$');
ALTER TABLE join_codes DROP CONSTRAINT join_codes_role_check,
    ADD CONSTRAINT join_codes_role_form CHECK (role ~ '^[a-z][a-z0-9_-]{0,31}$');

-- `roles check`, the start-up check and `roles reassign` find a role's holders by name.
CREATE INDEX memberships_by_role ON memberships (role);
