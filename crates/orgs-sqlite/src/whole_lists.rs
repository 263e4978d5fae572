//! Whole lists, without pages, read as one value. sqlx's SQLite driver copies every row
//! value by value on its worker thread and hands each row across a channel to the
//! runtime, a wake-up and often a thread switch a row: for a list of thousands of rows
//! that, not SQLite, was most of the time (docs/benchmarks.md). SQLite builds the whole
//! list as one JSON array instead, which crosses once and decodes in one pass.

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

pub(crate) async fn members(conn: &mut SqliteConnection, organization: OrgId) -> Result<Vec<Member>, StoreError> {
    // The same order as the paged list: join time, then id.
    let sql = "SELECT json_group_array(json_array(hex(m.user_id), u.email, m.role, m.joined_at)
                                       ORDER BY m.joined_at, m.user_id)
               FROM memberships m JOIN users u ON u.id = m.user_id
               WHERE m.organization_id = $1";
    let text = one_value(conn, sql, organization.as_uuid()).await?;
    let entries: Vec<MemberEntry> = serde_json::from_str(&text).map_err(|_| corrupt("member list"))?;
    entries
        .into_iter()
        .map(|MemberEntry(id, email, role, joined_at)| {
            Ok(Member {
                user_id: UserId::from_uuid(uuid(id)?),
                email: Email::parse(&email).map_err(|_| corrupt("email"))?,
                role: self::role(role)?,
                joined_at: millis(joined_at)?,
            })
        })
        .collect()
}

pub(crate) async fn memberships(conn: &mut SqliteConnection, user: UserId) -> Result<Vec<Membership>, StoreError> {
    let sql = "SELECT json_group_array(json_array(hex(o.id), o.name, o.created_at, o.updated_at, m.role, m.joined_at)
                                       ORDER BY m.joined_at, m.organization_id)
               FROM memberships m JOIN organizations o ON o.id = m.organization_id
               WHERE m.user_id = $1";
    let text = one_value(conn, sql, user.as_uuid()).await?;
    let entries: Vec<MembershipEntry> = serde_json::from_str(&text).map_err(|_| corrupt("membership list"))?;
    entries
        .into_iter()
        .map(|MembershipEntry(id, name, created_at, updated_at, role, joined_at)| {
            Ok(Membership {
                organization: Organization {
                    id: OrgId::from_uuid(uuid(id)?),
                    name: OrgName::parse(&name).map_err(|_| corrupt("organization name"))?,
                    created_at: millis(created_at)?,
                    updated_at: millis(updated_at)?,
                },
                role: self::role(role)?,
                joined_at: millis(joined_at)?,
            })
        })
        .collect()
}

async fn one_value(conn: &mut SqliteConnection, sql: &str, id: Uuid) -> Result<String, StoreError> {
    sqlx::query_scalar(sql)
        .bind(id)
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
