//! Whole lists, without pages, read as one value. sqlx's SQLite driver copies every row
//! value by value on its worker thread and hands each row across a channel to the
//! runtime, a wake-up and often a thread switch a row: for a list of thousands of rows
//! that, not SQLite, was most of the time (docs/benchmarks.md). SQLite builds the whole
//! list as JSON arrays of `CHUNK` rows instead, each crossing once and decoding in one
//! pass. Chunks, not one array: each SQLite connection's worker thread allocates what
//! crosses, and the C allocator keeps a thread's largest blocks for that thread, so one
//! array of a 100,000-member list (about 8 MB, twice) stayed resident on every worker
//! that ever built one. The chunks are read in one transaction, so they are one snapshot.

use crate::rows::map_error;
use chrono::DateTime;
use orgs_core::{Email, Member, Membership, OrgId, OrgName, Organization, Role, Timestamp, UserId};
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

pub(crate) async fn members(conn: &mut SqliteConnection, organization: OrgId) -> Result<Vec<Member>, StoreError> {
    // The same order as the paged list: join time, then id.
    let sql = "SELECT json_group_array(json_array(hex(m.user_id), u.email, m.role, m.joined_at)
                                       ORDER BY m.joined_at, m.user_id)
               FROM (SELECT user_id, role, joined_at FROM memberships
                     WHERE organization_id = $1 AND (joined_at, user_id) > ($2, $3)
                     ORDER BY joined_at, user_id LIMIT $4) m
               JOIN users u ON u.id = m.user_id";
    let mut members = Vec::new();
    let mut after = (i64::MIN, Uuid::nil());
    loop {
        let text = chunk(conn, sql, organization.as_uuid(), after).await?;
        let entries: Vec<MemberEntry> = serde_json::from_str(&text).map_err(|_| corrupt("member list"))?;
        let full = entries.len() == CHUNK;
        for MemberEntry(id, email, role, joined_at) in entries {
            let user_id = uuid(id)?;
            after = (joined_at, user_id);
            members.push(Member {
                user_id: UserId::from_uuid(user_id),
                email: Email::parse(&email).map_err(|_| corrupt("email"))?,
                role: self::role(role)?,
                joined_at: millis(joined_at)?,
            });
        }
        if !full {
            return Ok(members);
        }
    }
}

pub(crate) async fn memberships(conn: &mut SqliteConnection, user: UserId) -> Result<Vec<Membership>, StoreError> {
    let sql = "SELECT json_group_array(json_array(hex(o.id), o.name, o.created_at, o.updated_at, m.role, m.joined_at)
                                       ORDER BY m.joined_at, m.organization_id)
               FROM (SELECT organization_id, role, joined_at FROM memberships
                     WHERE user_id = $1 AND (joined_at, organization_id) > ($2, $3)
                     ORDER BY joined_at, organization_id LIMIT $4) m
               JOIN organizations o ON o.id = m.organization_id";
    let mut memberships = Vec::new();
    let mut after = (i64::MIN, Uuid::nil());
    loop {
        let text = chunk(conn, sql, user.as_uuid(), after).await?;
        let entries: Vec<MembershipEntry> = serde_json::from_str(&text).map_err(|_| corrupt("membership list"))?;
        let full = entries.len() == CHUNK;
        for MembershipEntry(id, name, created_at, updated_at, role, joined_at) in entries {
            let organization_id = uuid(id)?;
            after = (joined_at, organization_id);
            memberships.push(Membership {
                organization: Organization {
                    id: OrgId::from_uuid(organization_id),
                    name: OrgName::parse(&name).map_err(|_| corrupt("organization name"))?,
                    created_at: millis(created_at)?,
                    updated_at: millis(updated_at)?,
                },
                role: self::role(role)?,
                joined_at: millis(joined_at)?,
            });
        }
        if !full {
            return Ok(memberships);
        }
    }
}

/// The chunk of rows after `(joined_at, id)` as one JSON array.
async fn chunk(conn: &mut SqliteConnection, sql: &str, owner: Uuid, after: (i64, Uuid)) -> Result<String, StoreError> {
    sqlx::query_scalar(sql)
        .bind(owner)
        .bind(after.0)
        .bind(after.1)
        .bind(CHUNK as i64)
        .fetch_one(&mut *conn)
        .await
        .map_err(map_error)
}

fn uuid(hex: &str) -> Result<Uuid, StoreError> {
    Uuid::try_parse(hex).map_err(|_| corrupt("id"))
}

fn role(text: &str) -> Result<Role, StoreError> {
    Role::parse(text).map_err(|_| corrupt("role"))
}

fn millis(at: i64) -> Result<Timestamp, StoreError> {
    DateTime::from_timestamp_millis(at).ok_or_else(|| corrupt("timestamp"))
}

fn corrupt(what: &'static str) -> StoreError {
    StoreError::Other(format!("corrupt row: {what}").into())
}
