//! Whole lists, without pages, read as JSON that SQLite builds. sqlx's SQLite driver copies every row
//! value by value on its worker thread and hands each row across a channel to the
//! runtime, a wake-up and often a thread switch a row: for a list of thousands of rows
//! that, not SQLite, was most of the time (docs/benchmarks.md). SQLite builds the whole
//! list as JSON arrays of `CHUNK` rows instead, each crossing once and decoding in one
//! pass. Chunks, not one array: each SQLite connection's worker thread allocates what
//! crosses, and the C allocator keeps a thread's largest blocks for that thread, so one
//! array of a 100,000-member list (about 8 MB, twice) stayed resident on every worker
//! that ever built one. The chunks are read in one transaction, so they are one snapshot.

use crate::rows::{corrupt, from_millis, map_error, role, uuid_from_hex as uuid};
use orgs_core::{Email, Member, Membership, OrgId, OrgName, Organization, UserId};
use orgs_ports::StoreError;
use serde::Deserialize;
use sqlx::SqliteConnection;
use std::borrow::Cow;
use uuid::Uuid;

/// One member: `[user id as hex, email, role, joined at in milliseconds]`.
#[derive(Deserialize)]
struct MemberEntry<'a>(&'a str, #[serde(borrow)] Cow<'a, str>, &'a str, i64);

/// One membership: `[organization id as hex, name, created, updated, role, joined]`.
#[derive(Deserialize)]
struct MembershipEntry<'a>(&'a str, #[serde(borrow)] Cow<'a, str>, i64, i64, &'a str, i64);

/// Rows a chunk holds: a few hundred kilobytes of JSON, so no chunk is a large block.
const CHUNK: usize = 2_000;

/// Where a list stands: the last row's join time and id, the keys both lists order by.
type Cursor = (i64, Uuid);

pub(crate) async fn members(conn: &mut SqliteConnection, organization: OrgId) -> Result<Vec<Member>, StoreError> {
    // The same order as the paged list: join time, then id.
    let sql = "SELECT json_group_array(json_array(hex(m.user_id), u.email, m.role, m.joined_at)
                                       ORDER BY m.joined_at, m.user_id)
               FROM (SELECT user_id, role, joined_at FROM memberships
                     WHERE organization_id = $1 AND (joined_at, user_id) > ($2, $3)
                     ORDER BY joined_at, user_id LIMIT $4) m
               JOIN users u ON u.id = m.user_id";
    let mut members = Vec::new();
    in_chunks(conn, sql, organization.as_uuid(), |text| {
        let entries: Vec<MemberEntry> = serde_json::from_str(text).map_err(|_| corrupt("member list"))?;
        let mut last = None;
        for MemberEntry(id, email, role_name, joined_at) in &entries {
            let user_id = uuid(id)?;
            last = Some((*joined_at, user_id));
            members.push(Member {
                user_id: UserId::from_uuid(user_id),
                email: Email::parse(email).map_err(|_| corrupt("email"))?,
                role: role(role_name)?,
                joined_at: from_millis(*joined_at)?,
            });
        }
        Ok((entries.len(), last))
    })
    .await?;
    Ok(members)
}

pub(crate) async fn memberships(conn: &mut SqliteConnection, user: UserId) -> Result<Vec<Membership>, StoreError> {
    let sql = "SELECT json_group_array(json_array(hex(o.id), o.name, o.created_at, o.updated_at, m.role, m.joined_at)
                                       ORDER BY m.joined_at, m.organization_id)
               FROM (SELECT organization_id, role, joined_at FROM memberships
                     WHERE user_id = $1 AND (joined_at, organization_id) > ($2, $3)
                     ORDER BY joined_at, organization_id LIMIT $4) m
               JOIN organizations o ON o.id = m.organization_id";
    let mut memberships = Vec::new();
    in_chunks(conn, sql, user.as_uuid(), |text| {
        let entries: Vec<MembershipEntry> = serde_json::from_str(text).map_err(|_| corrupt("membership list"))?;
        let mut last = None;
        for MembershipEntry(id, name, created_at, updated_at, role_name, joined_at) in &entries {
            let organization_id = uuid(id)?;
            last = Some((*joined_at, organization_id));
            memberships.push(Membership {
                organization: Organization {
                    id: OrgId::from_uuid(organization_id),
                    name: OrgName::parse(name).map_err(|_| corrupt("organization name"))?,
                    created_at: from_millis(*created_at)?,
                    updated_at: from_millis(*updated_at)?,
                },
                role: role(role_name)?,
                joined_at: from_millis(*joined_at)?,
            });
        }
        Ok((entries.len(), last))
    })
    .await?;
    Ok(memberships)
}

/// Runs `sql` (`$1` the list's owner, `$2, $3` the cursor, `$4` the chunk's size) chunk
/// after chunk, handing each chunk's JSON to `take`, which decodes it and answers how
/// many rows it held and the last one's cursor; a chunk short of `CHUNK` is the last.
async fn in_chunks(
    conn: &mut SqliteConnection,
    sql: &str,
    owner: Uuid,
    mut take: impl FnMut(&str) -> Result<(usize, Option<Cursor>), StoreError>,
) -> Result<(), StoreError> {
    let mut after: Cursor = (i64::MIN, Uuid::nil());
    loop {
        let text: String = sqlx::query_scalar(sql)
            .bind(owner)
            .bind(after.0)
            .bind(after.1)
            .bind(CHUNK as i64)
            .fetch_one(&mut *conn)
            .await
            .map_err(map_error)?;
        match take(&text)? {
            (rows, Some(last)) if rows == CHUNK => after = last,
            _ => return Ok(()),
        }
    }
}
