//! SQL that reads and writes the same on PostgreSQL and SQLite, written once.
//!
//! Both databases take `$1`-style numbered parameters through sqlx, and each adapter
//! supplies its own `rows` module (`map_error`, `time`, row decoders) for what differs:
//! how times are stored and how driver errors are classified. The statements are macros
//! rather than generic functions because sqlx's executor bounds, spelled out for every
//! bound type, would bury the SQL.

// The macros name `crate::rows` and friends on purpose: they resolve in the adapter
// that expands them, which supplies its own database's column readers there.
mod event_rows;
mod events;
mod invitations;
mod organizations;
mod roles;
mod rows;
mod tx;

/// Finds an organization's open invitation for an email (`$1` the organization, `$2` the
/// email) through `invitations_one_open_per_email`, led by the email. The organization is
/// tested as `IS TRUE` so that no index can use it: where most organizations hold one
/// invitation, PostgreSQL's generic plan otherwise walks `invitations_by_org_created`
/// filtering on the email, which costs a row per invitation in the one organization
/// that holds thousands (see docs/benchmarks.md).
pub const OPEN_INVITATION_FILTER: &str =
    "email = $2 AND (organization_id = $1) IS TRUE AND accepted_at IS NULL AND revoked_at IS NULL";
