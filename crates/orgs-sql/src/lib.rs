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
