-- The open-invitation lookup leads with the email: an organization may hold thousands
-- of invitations, an email has few. Same rows, same guarantee: at most one usable token
-- per email and organization.

DROP INDEX invitations_one_open_per_email;
CREATE UNIQUE INDEX invitations_one_open_per_email ON invitations (email, organization_id)
    WHERE accepted_at IS NULL AND revoked_at IS NULL;
