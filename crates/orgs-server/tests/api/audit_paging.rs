//! `organizations.auditLog.list` pages by key over thousands of events, newest first,
//! with every filter, and refuses bad filters with the field they came in.

use crate::audit::ok;
use crate::helpers::{Db, spawn};
use crate::on_both_stores;
use orgs_core::{Acting, AuditEvent, Change, EventId, OrgId, OrgName, Role};
use serde_json::{Value, json};

on_both_stores!(the_log_pages_by_key_and_filters);

async fn the_log_pages_by_key_and_filters(db: Db) {
    const EVENTS: usize = 2500;
    let app = spawn(db).await;
    let (owner, member) = (app.someone().await, app.someone().await);
    let org = app.organization(&owner).await;
    let organization = OrgId::from_wire(&org);
    // Written straight through the store, as thousands of API calls would; alternate
    // actors and actions so the filters have something to tell apart, and give many
    // events the same instant so the id breaks ties.
    let start = chrono::Utc::now() - chrono::TimeDelta::hours(1);
    let member_email = orgs_core::Email::parse("member@example.com").unwrap();
    let mut events = Vec::with_capacity(EVENTS);
    for n in 0..EVENTS {
        let acting = if n % 3 == 0 {
            Acting::of_user(member.id, member_email.clone())
        } else {
            Acting::of_organization_token(organization, "orgs_live_pager")
        };
        let change = if n % 2 == 0 {
            Change::OrganizationUpdated {
                old_name: OrgName::parse(&format!("n{n}")).unwrap(),
                new_name: OrgName::parse(&format!("n{}", n + 1)).unwrap(),
            }
        } else {
            Change::JoinCodeCreated {
                code: orgs_core::JoinCodeId::generate(),
                role: Role::MEMBER,
                max_uses: None,
            }
        };
        let at = start + chrono::TimeDelta::milliseconds((n / 5) as i64);
        let event = AuditEvent {
            id: EventId::at(at),
            organization,
            occurred_at: at,
            actor: acting.actor,
            change,
            request: Default::default(),
        };
        events.push(event);
    }
    // A statement takes at most 32,766 parameters on SQLite, 13 an event.
    for batch in events.chunks(1000) {
        let mut tx = app.store.begin(orgs_ports::TxMode::Write).await.unwrap();
        tx.commit_with_events(batch).await.unwrap();
    }

    let page_through = |filter: Value, limit: Option<u64>| {
        let (app, org, bearer) = (&app, org.clone(), owner.bearer.clone());
        async move {
            let mut seen: Vec<Value> = Vec::new();
            let mut cursor = Value::Null;
            loop {
                let mut request = filter.clone();
                request["organizationId"] = json!(org);
                if let Some(limit) = limit {
                    request["limit"] = json!(limit);
                }
                if !cursor.is_null() {
                    request["cursor"] = cursor.clone();
                }
                let page = ok(app
                    .post("/v1/organizations/audit-log/list", Some(&bearer), request)
                    .await)
                .await;
                let events = page["events"].as_array().unwrap();
                assert!(events.len() <= limit.unwrap_or(100) as usize);
                seen.extend(events.iter().cloned());
                cursor = page["nextCursor"].clone();
                if cursor.is_null() {
                    return seen;
                }
            }
        }
    };
    let all = page_through(json!({}), Some(1000)).await;
    // The seeded events and the two of `organizations.create`.
    assert_eq!(all.len(), EVENTS + 2);
    let keys: Vec<(String, String)> = all
        .iter()
        .map(|event| {
            (
                event["occurredAt"].as_str().unwrap().to_owned(),
                event["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    sorted.reverse();
    sorted.dedup();
    assert_eq!(keys, sorted, "newest first, by time then id, nothing twice");
    assert_eq!(page_through(json!({}), None).await, all, "pages of 100 by default");

    let updates = page_through(json!({"actions": ["organization.updated"]}), Some(333)).await;
    assert_eq!(updates.len(), EVENTS / 2);
    assert!(updates.iter().all(|event| event["action"] == "organization.updated"));
    let by_member = page_through(json!({"actorId": member.id.to_string()}), Some(500)).await;
    assert_eq!(by_member.len(), EVENTS.div_ceil(3));
    let by_token = page_through(
        json!({"actorId": "orgs_live_pager", "actions": ["join_code.created"]}),
        None,
    )
    .await;
    assert_eq!(by_token.len(), (0..EVENTS).filter(|n| n % 3 != 0 && n % 2 == 1).count());
    let since = orgs_http::wire_time(start + chrono::TimeDelta::milliseconds(100));
    let until = orgs_http::wire_time(start + chrono::TimeDelta::milliseconds(200));
    let window = page_through(json!({"since": since, "until": until}), None).await;
    assert_eq!(window.len(), 100 * 5, "five events a millisecond, 100 milliseconds");

    for (bad, field) in [
        (json!({"actions": ["member.deleted"]}), "actions"),
        (json!({"since": "yesterday"}), "since"),
        (json!({"limit": 1001}), "limit"),
        (json!({"cursor": "zz"}), "cursor"),
        (json!({"actorId": "x".repeat(201)}), "actorId"),
        // One more than the spec's maxItems, repeats counted (found by schemathesis).
        (
            json!({"actions": vec!["member.added"; orgs_core::Action::ALL.len() + 1]}),
            "actions",
        ),
    ] {
        let mut request = bad;
        request["organizationId"] = json!(org);
        let answer = app
            .post("/v1/organizations/audit-log/list", Some(&owner.bearer), request)
            .await;
        assert_eq!((answer.status, answer.code()), (400, "invalid_request"), "{answer:?}");
        assert!(
            answer.body["error"]["message"].as_str().unwrap().contains(field),
            "{answer:?}"
        );
    }
}
