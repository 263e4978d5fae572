//! What every store must do for the audit log and its webhook outbox: events commit or
//! vanish with their change, each endpoint is owed exactly the events it asked for, a
//! lease keeps a claim to one worker until it expires, and retention deletes the old.

use crate::{acting, seed_organization, seed_user};
use chrono::TimeDelta;
use orgs_auth::SystemClock;
use orgs_core::{Action, AuditEvent, Change, EventId, OrgId, OrgName, Timestamp, WebhookId};
use orgs_ports::{
    Attempt, AttemptOutcome, Clock, DeliveryState, EventFilter, OwedDelivery, Store, TxMode, WebhookEndpoint,
};
use std::collections::HashSet;
use std::sync::Arc;

fn renamed(organization: OrgId, at: Timestamp, n: usize) -> AuditEvent {
    AuditEvent {
        id: EventId::at(at),
        organization,
        occurred_at: at,
        actor: orgs_core::Actor::Operator,
        change: Change::OrganizationUpdated {
            old_name: OrgName::parse(&format!("n{n}")).unwrap(),
            new_name: OrgName::parse(&format!("n{}", n + 1)).unwrap(),
        },
        request: Default::default(),
    }
}

async fn endpoint(store: &Arc<dyn Store>, events: Vec<Action>) -> WebhookEndpoint {
    let endpoint = WebhookEndpoint {
        id: WebhookId::generate(),
        url: "http://127.0.0.1:9/hook".into(),
        events,
        created_at: SystemClock.now(),
    };
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    tx.insert_webhook(&endpoint, "whsec_c2VjcmV0").await.unwrap();
    tx.commit().await.unwrap();
    endpoint
}

/// Commits the events in one transaction; returns how many deliveries they owe.
async fn append(store: &Arc<dyn Store>, events: &[AuditEvent]) -> u64 {
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    tx.commit_with_events(events).await.unwrap()
}

async fn claim(store: &Arc<dyn Store>, now: Timestamp, lease: &str, limit: u32) -> Vec<OwedDelivery> {
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    let claimed = tx
        .claim_deliveries(now, lease, now + TimeDelta::seconds(30), limit)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    claimed
}

async fn finish(store: &Arc<dyn Store>, owed: &OwedDelivery, lease: &str, outcome: AttemptOutcome) -> bool {
    let attempt = Attempt {
        delivery: owed.id,
        number: owed.attempts + 1,
        started_at: SystemClock.now(),
        status: Some(500),
        error: Some("the receiver did not answer 2xx".into()),
        duration_ms: 3,
    };
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    let done = tx.finish_attempt(&attempt, lease, outcome).await.unwrap();
    tx.commit().await.unwrap();
    done
}

pub async fn events_commit_or_vanish_with_their_change(store: Arc<dyn Store>) {
    let owner = seed_user(&store).await;
    let organization = seed_organization(&store, &[(owner.id, orgs_core::Role::OWNER)])
        .await
        .id;
    endpoint(&store, vec![]).await;
    let now = SystemClock.now();
    let page = orgs_core::Page { limit: 10, after: None };
    let kept = renamed(organization, now, 1);
    assert_eq!(append(&store, std::slice::from_ref(&kept)).await, 1);

    // A commit whose events cannot be written (one reuses an id) keeps neither them nor
    // the change they describe.
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    let new_name = OrgName::parse("Renamed").unwrap();
    tx.rename_organization(organization, &new_name, now).await.unwrap();
    let clash = [renamed(organization, now, 5), kept.clone()];
    assert!(tx.commit_with_events(&clash).await.is_err());
    drop(tx);
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let found = tx
        .find_organization(organization, orgs_ports::RowLock::None)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(found.name, new_name, "the change went with its events");
    drop(tx);

    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let listed = tx
        .list_events(organization, &EventFilter::default(), page)
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    let event = &listed[0];
    assert_eq!(
        (event.id, event.organization, event.action),
        (kept.id, organization, Action::OrganizationUpdated)
    );
    assert_eq!(event.occurred_at, now);
    assert_eq!(event.actor, orgs_core::Actor::Operator);
    let data: serde_json::Value = serde_json::from_str(&event.data).unwrap();
    assert_eq!(data, serde_json::json!({"oldName": "n1", "newName": "n2"}));
    let status = tx.outbox_status().await.unwrap();
    assert_eq!(
        (status.owed, status.oldest_owed_at),
        (1, Some(now)),
        "the failed commit owes no one"
    );
    // Another organization's log is its own.
    let elsewhere = tx
        .list_events(OrgId::generate(), &EventFilter::default(), page)
        .await
        .unwrap();
    assert!(elsewhere.is_empty());
    // The log keeps the user's email as it was, and outlives the organization.
    drop(tx);
    let me = acting(&owner);
    let added = AuditEvent {
        actor: me.actor.clone(),
        ..renamed(organization, now + TimeDelta::milliseconds(1), 2)
    };
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    tx.delete_organization(organization).await.unwrap();
    tx.commit_with_events(&[added]).await.unwrap();
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let listed = tx
        .list_events(organization, &EventFilter::default(), page)
        .await
        .unwrap();
    assert_eq!(listed.len(), 2, "the log outlives the organization");
    assert_eq!(listed[0].actor, me.actor);
}

/// Every field of every kind of actor, with characters JSON escapes, read back page by
/// page newest first; SQLite reads a page as JSON it builds (orgs-sqlite `event_pages.rs`).
pub async fn event_pages_keep_every_character_and_their_order(store: Arc<dyn Store>) {
    let owner = seed_user(&store).await;
    let organization = seed_organization(&store, &[(owner.id, orgs_core::Role::OWNER)])
        .await
        .id;
    let start = SystemClock.now();
    let awkward = "quote \" back\\slash \u{e9} \u{1f600} </script>";
    let actors = [
        orgs_core::Actor::Operator,
        acting(&owner).actor,
        orgs_core::Actor::OrganizationToken {
            key: format!("orgs_live_{awkward}"),
        },
    ];
    let mut written = Vec::new();
    for n in 0..9 {
        // Two events share each millisecond, so the id decides their order.
        let at = start + TimeDelta::milliseconds((n / 2) as i64);
        let event = AuditEvent {
            actor: actors[n % 3].clone(),
            change: Change::OrganizationUpdated {
                old_name: OrgName::parse(&format!("{awkward} {n}")).unwrap(),
                new_name: OrgName::parse("Plain").unwrap(),
            },
            request: orgs_core::RequestInfo {
                request_id: (n % 2 == 0).then(|| format!("req-{n}")),
                ip_address: (n % 3 != 0).then(|| "2001:db8::1".to_owned()),
                user_agent: (n % 4 != 0).then(|| format!("agent {awkward}\nline two")),
            },
            ..renamed(organization, at, n)
        };
        written.push(event);
    }
    append(&store, &written).await;
    written.sort_by_key(|event| std::cmp::Reverse((event.occurred_at, event.id)));

    let mut read = Vec::new();
    let mut after = None;
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    loop {
        let page = orgs_core::Page { limit: 4, after };
        let mut events = tx
            .list_events(organization, &EventFilter::default(), page)
            .await
            .unwrap();
        // A store answers one row past the limit when there is a next page.
        let more = events.len() > 4;
        events.truncate(4);
        after = events.last().map(|event| orgs_core::PageKey {
            at: event.occurred_at,
            id: event.id.as_uuid(),
        });
        read.extend(events);
        if !more {
            break;
        }
    }
    assert_eq!(read.len(), written.len());
    for (got, wrote) in read.iter().zip(&written) {
        assert_eq!(
            (got.id, got.organization, got.action, got.occurred_at),
            (wrote.id, organization, Action::OrganizationUpdated, wrote.occurred_at)
        );
        assert_eq!((&got.actor, &got.request), (&wrote.actor, &wrote.request));
        let Change::OrganizationUpdated { old_name, .. } = &wrote.change else {
            unreachable!()
        };
        let data: serde_json::Value = serde_json::from_str(&got.data).unwrap();
        assert_eq!(data["oldName"], old_name.as_str());
    }
    let tokens = EventFilter {
        actor: Some(format!("orgs_live_{awkward}")),
        ..EventFilter::default()
    };
    let page = orgs_core::Page {
        limit: 100,
        after: None,
    };
    let by_token = tx.list_events(organization, &tokens, page).await.unwrap();
    assert_eq!(by_token.len(), 3);
    assert!(by_token.iter().all(|event| event.actor == actors[2]));
}

pub async fn each_endpoint_is_owed_only_what_it_asked_for(store: Arc<dyn Store>) {
    let organization = OrgId::generate();
    let all = endpoint(&store, vec![]).await;
    let some = endpoint(&store, vec![Action::MemberAdded, Action::OrganizationUpdated]).await;
    let none_of_these = endpoint(&store, vec![Action::ApiTokenRevoked]).await;
    let now = SystemClock.now();
    let created = AuditEvent {
        change: Change::OrganizationCreated {
            name: OrgName::parse("Acme").unwrap(),
        },
        ..renamed(organization, now, 0)
    };
    assert_eq!(append(&store, std::slice::from_ref(&created)).await, 1);
    assert_eq!(append(&store, &[renamed(organization, now, 1)]).await, 2);
    let again = AuditEvent {
        id: EventId::generate(),
        ..created.clone()
    };
    let together = [renamed(organization, now, 2), again, renamed(organization, now, 3)];
    assert_eq!(append(&store, &together).await, 5, "several events in one statement");
    let claimed = claim(&store, now, "lease-a", 100).await;
    assert_eq!(claimed.len(), 8, "{claimed:#?}");
    assert!(
        claimed
            .iter()
            .all(|owed| owed.secret == "whsec_c2VjcmV0" && owed.attempts == 0)
    );
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let listed = tx.list_deliveries(false, 100).await.unwrap();
    let per_endpoint = |id: WebhookId| {
        let mut actions: Vec<&str> = listed
            .iter()
            .filter(|d| d.endpoint == id)
            .map(|d| d.action.as_str())
            .collect();
        actions.sort();
        actions
    };
    assert_eq!(
        per_endpoint(all.id),
        [
            "organization.created",
            "organization.created",
            "organization.updated",
            "organization.updated",
            "organization.updated"
        ]
    );
    assert_eq!(per_endpoint(some.id), ["organization.updated"; 3]);
    assert!(per_endpoint(none_of_these.id).is_empty());
    let endpoints = tx.list_webhooks().await.unwrap();
    assert_eq!(
        endpoints.iter().map(|e| e.id).collect::<Vec<_>>(),
        [all.id, some.id, none_of_these.id]
    );
    assert_eq!(endpoints[1].events, [Action::MemberAdded, Action::OrganizationUpdated]);
    drop(tx);
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    assert!(tx.delete_webhook(all.id).await.unwrap());
    assert!(!tx.delete_webhook(all.id).await.unwrap());
    tx.commit().await.unwrap();
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    assert_eq!(
        tx.list_deliveries(false, 100).await.unwrap().len(),
        3,
        "its deliveries went with it; the other endpoint's stay"
    );
}

pub async fn a_lease_holds_a_claim_until_it_expires(store: Arc<dyn Store>) {
    let organization = OrgId::generate();
    endpoint(&store, vec![]).await;
    let now = SystemClock.now();
    let events: Vec<AuditEvent> = (0..5).map(|n| renamed(organization, now, n)).collect();
    append(&store, &events).await;
    let first = claim(&store, now, "lease-a", 3).await;
    assert_eq!(first.len(), 3);
    let second = claim(&store, now, "lease-b", 10).await;
    assert_eq!(second.len(), 2, "claimed rows are skipped");
    assert!(claim(&store, now, "lease-c", 10).await.is_empty());
    // Past the lease, a claim is anyone's again; the old holder can no longer record.
    let later = now + TimeDelta::seconds(31);
    let taken_over = claim(&store, later, "lease-d", 10).await;
    assert_eq!(taken_over.len(), 5);
    assert!(!finish(&store, &first[0], "lease-a", AttemptOutcome::Delivered).await);
    let retry_at = later + TimeDelta::seconds(5);
    assert!(finish(&store, &taken_over[0], "lease-d", AttemptOutcome::RetryAt(retry_at)).await);
    assert!(finish(&store, &taken_over[1], "lease-d", AttemptOutcome::Delivered).await);
    assert!(finish(&store, &taken_over[2], "lease-d", AttemptOutcome::GaveUp).await);
    // Not due before its retry time (the two still leased to `lease-d` are not either),
    // due after it; the attempts count on.
    assert!(
        claim(&store, later + TimeDelta::seconds(1), "lease-e", 10)
            .await
            .is_empty()
    );
    let due = claim(&store, retry_at, "lease-f", 10).await;
    let again = due.iter().find(|owed| owed.id == taken_over[0].id).expect("due again");
    assert_eq!(again.attempts, 1);
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let listed = tx.list_deliveries(false, 100).await.unwrap();
    let state_of = |id: i64| listed.iter().find(|d| d.id == id).unwrap();
    assert_eq!(state_of(taken_over[1].id).state, DeliveryState::Succeeded);
    assert_eq!(state_of(taken_over[0].id).attempts.len(), 1);
    assert_eq!(state_of(taken_over[0].id).attempts[0].status, Some(500));
    let failed = tx.list_deliveries(true, 100).await.unwrap();
    assert_eq!(failed.iter().map(|d| d.id).collect::<Vec<_>>(), [taken_over[2].id]);
    drop(tx);
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    assert!(tx.retry_delivery(taken_over[2].id, retry_at).await.unwrap());
    assert!(
        !tx.retry_delivery(taken_over[1].id, retry_at).await.unwrap(),
        "only a failed one"
    );
    tx.commit().await.unwrap();
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    assert!(tx.list_deliveries(true, 100).await.unwrap().is_empty());
}

pub async fn concurrent_claims_never_share_a_delivery(store: Arc<dyn Store>) {
    const EVENTS: usize = 1000;
    const CLAIMERS: usize = 8;
    const LIMIT: u32 = 16;
    let organization = OrgId::generate();
    endpoint(&store, vec![]).await;
    let now = SystemClock.now();
    let events: Vec<AuditEvent> = (0..EVENTS).map(|n| renamed(organization, now, n)).collect();
    append(&store, &events).await;
    let barrier = Arc::new(tokio::sync::Barrier::new(CLAIMERS));
    let claimers: Vec<_> = (0..CLAIMERS)
        .map(|n| {
            let (store, barrier) = (store.clone(), barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                let lease = format!("lease-{n}");
                let mut mine = Vec::new();
                loop {
                    let claimed = claim(&store, now, &lease, LIMIT).await;
                    if claimed.is_empty() {
                        return mine;
                    }
                    // The worker has as many free slots as it asked for and no more.
                    assert!(
                        claimed.len() <= LIMIT as usize,
                        "asked for {LIMIT}, claimed {}",
                        claimed.len()
                    );
                    // Recording while others claim: a claim must not see the rows it
                    // races with as more room under its limit.
                    for owed in &claimed {
                        assert!(finish(&store, owed, &lease, AttemptOutcome::Delivered).await);
                    }
                    mine.extend(claimed.into_iter().map(|owed| owed.id));
                }
            })
        })
        .collect();
    let mut seen = HashSet::new();
    for claimer in claimers {
        for id in claimer.await.unwrap() {
            assert!(seen.insert(id), "delivery {id} was claimed twice");
        }
    }
    assert_eq!(seen.len(), EVENTS);
}

pub async fn retention_deletes_old_events_with_their_deliveries(store: Arc<dyn Store>) {
    let organization = OrgId::generate();
    endpoint(&store, vec![]).await;
    let now = SystemClock.now();
    let old: Vec<AuditEvent> = (0..25)
        .map(|n| renamed(organization, now - TimeDelta::days(400), n))
        .collect();
    let recent = renamed(organization, now, 99);
    append(&store, &old).await;
    append(&store, std::slice::from_ref(&recent)).await;
    let before = now - TimeDelta::days(365);
    let mut deleted = 0;
    loop {
        let mut tx = store.begin(TxMode::Write).await.unwrap();
        let batch = tx.prune_events(before, 10).await.unwrap();
        tx.commit().await.unwrap();
        assert!(batch <= 10);
        deleted += batch;
        if batch == 0 {
            break;
        }
    }
    assert_eq!(deleted, 25);
    let page = orgs_core::Page {
        limit: 100,
        after: None,
    };
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let left = tx
        .list_events(organization, &EventFilter::default(), page)
        .await
        .unwrap();
    assert_eq!(left.iter().map(|event| event.id).collect::<Vec<_>>(), [recent.id]);
    assert_eq!(tx.list_deliveries(false, 100).await.unwrap().len(), 1);
    assert_eq!(tx.outbox_status().await.unwrap().owed, 1);
}
