//! Webhooks over real HTTP: a receiver in another process verifies every delivery with
//! the Standard Webhooks reference library; receivers that fail, stall, redirect or are
//! not there are retried as the contract says, and the operator can send a failed one
//! again.

use crate::helpers::{Db, TestApp, spawn_with};
use crate::on_both_stores;
use crate::receiver::{Receiver, secret};
use orgs_core::Action;
use orgs_ports::{DeliveryInfo, DeliveryState};
use serde_json::json;
use std::time::Duration;

on_both_stores!(
    deliveries_are_signed_and_carry_the_logged_event,
    a_failing_receiver_is_retried_with_backoff_until_it_answers,
    stalls_redirects_and_refusals_fail_and_can_be_sent_again,
    an_endpoint_gets_only_what_it_asked_for_from_when_it_was_added
);

async fn add(app: &TestApp, url: String, events: Vec<Action>, secret: &str) -> orgs_ports::WebhookEndpoint {
    app.state.app.add_webhook(url, events, secret).await.unwrap()
}

async fn deliveries(app: &TestApp) -> Vec<DeliveryInfo> {
    app.state.app.list_deliveries(false, 1000).await.unwrap()
}

/// Waits until every delivery has left `pending`.
async fn settled(app: &TestApp, within: Duration) -> Vec<DeliveryInfo> {
    let started = std::time::Instant::now();
    loop {
        let all = deliveries(app).await;
        if !all.is_empty() && all.iter().all(|d| d.state != DeliveryState::Pending) {
            return all;
        }
        assert!(started.elapsed() < within, "still pending: {all:#?}");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

async fn deliveries_are_signed_and_carry_the_logged_event(db: Db) {
    let secret = secret();
    let receiver = Receiver::start(&secret, None);
    let app = spawn_with(db, &[]).await;
    add(&app, receiver.url("/ok"), vec![], &secret).await;
    let owner = app.someone().await;
    let organization = app.organization(&owner).await;
    // Well within a second on an idle server: the commit wakes the worker.
    let received = receiver.wait_for(Duration::from_secs(1), |got| got.len() == 2).await;
    let listed = app
        .post(
            "/v1/organizations/audit-log/list",
            Some(&owner.bearer),
            json!({"organizationId": organization}),
        )
        .await;
    let mut logged = listed.body["events"].as_array().unwrap().clone();
    logged.reverse();
    let mut received = received;
    received.sort_by_key(|delivery| delivery.body["data"]["id"].as_str().unwrap().to_owned());
    for (delivery, event) in received.iter().zip(&logged) {
        assert!(delivery.verified, "the reference library refused {delivery:?}");
        assert_eq!(delivery.content_type.as_deref(), Some("application/json"));
        assert_eq!(delivery.id, event["id"].as_str().unwrap(), "webhook-id is the event id");
        assert_eq!(delivery.body["type"], event["action"]);
        assert_eq!(delivery.body["timestamp"], event["occurredAt"]);
        assert_eq!(&delivery.body["data"], event, "the payload is the audit log's event");
    }
    let all = settled(&app, Duration::from_secs(2)).await;
    assert!(
        all.iter()
            .all(|d| d.state == DeliveryState::Succeeded && d.attempts.len() == 1)
    );
    assert_eq!(all[0].attempts[0].status, Some(204));
}

async fn a_failing_receiver_is_retried_with_backoff_until_it_answers(db: Db) {
    let secret = secret();
    let receiver = Receiver::start(&secret, None);
    let app = spawn_with(db, &[("ORGS_WEBHOOK_RETRY_DELAY", "200ms")]).await;
    add(
        &app,
        receiver.url("/fail/2"),
        vec![Action::OrganizationCreated],
        &secret,
    )
    .await;
    let owner = app.someone().await;
    app.organization(&owner).await;
    let received = receiver.wait_for(Duration::from_secs(5), |got| got.len() == 3).await;
    assert!(received.iter().all(|delivery| delivery.verified));
    assert!(
        received.iter().all(|delivery| delivery.id == received[0].id),
        "one event, the same id each time"
    );
    let seen: Vec<u64> = received.iter().map(|delivery| delivery.attempt).collect();
    assert_eq!(seen, [1, 2, 3], "the receiver counts the attempts too");
    let all = settled(&app, Duration::from_secs(2)).await;
    assert_eq!(all.len(), 1);
    let attempts = &all[0].attempts;
    let statuses: Vec<Option<u16>> = attempts.iter().map(|attempt| attempt.status).collect();
    assert_eq!(statuses, [Some(500), Some(500), Some(204)]);
    assert_eq!(all[0].state, DeliveryState::Succeeded);
    // 200 ms, then 400 ms: the second wait is twice the first (with room for scheduling).
    let gap = |n: usize| attempts[n + 1].started_at - attempts[n].started_at;
    assert!(gap(0) >= chrono::TimeDelta::milliseconds(200), "{:?}", gap(0));
    assert!(gap(1) >= chrono::TimeDelta::milliseconds(400), "{:?}", gap(1));
    assert!(gap(1) > gap(0));
}

async fn stalls_redirects_and_refusals_fail_and_can_be_sent_again(db: Db) {
    let secret = secret();
    let receiver = Receiver::start(&secret, None);
    let app = spawn_with(
        db,
        &[("ORGS_WEBHOOK_MAX_ATTEMPTS", "1"), ("ORGS_WEBHOOK_TIMEOUT", "500ms")],
    )
    .await;
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let stall = add(&app, receiver.url("/slow/3"), vec![], &secret).await;
    let redirect = add(&app, receiver.url("/redirect"), vec![], &secret).await;
    let down = add(&app, format!("http://{closed}/nobody"), vec![], &secret).await;
    let owner = app.someone().await;
    app.post("/v1/organizations/create", Some(&owner.bearer), json!({"name": "Solo"}))
        .await;
    let all = settled(&app, Duration::from_secs(5)).await;
    // organization.created and member.added, to each of the three.
    assert_eq!(all.len(), 6);
    let error_of = |endpoint| {
        let mut errors: Vec<(Option<u16>, String)> = all
            .iter()
            .filter(|d| d.endpoint == endpoint)
            .map(|d| {
                assert_eq!(d.state, DeliveryState::Failed);
                assert_eq!(d.attempts.len(), 1);
                (d.attempts[0].status, d.attempts[0].error.clone().unwrap_or_default())
            })
            .collect();
        errors.dedup();
        errors
    };
    assert_eq!(error_of(stall.id), [(None, "timed out".to_owned())]);
    assert_eq!(
        error_of(redirect.id),
        [(Some(302), "redirects are not followed".to_owned())]
    );
    assert_eq!(error_of(down.id), [(None, "could not connect".to_owned())]);
    let followed = receiver.received().iter().filter(|got| got.path == "/ok").count();
    assert_eq!(followed, 0, "the redirect was followed");

    let failed = app.state.app.list_deliveries(true, 100).await.unwrap();
    assert_eq!(failed.len(), 6);
    let again = failed.iter().find(|d| d.endpoint == redirect.id).unwrap();
    assert!(app.state.app.retry_delivery(again.id).await.unwrap());
    let sent_again = receiver
        .wait_for(Duration::from_secs(3), |got| {
            got.iter().filter(|g| g.path == "/redirect").count() == 3
        })
        .await;
    assert!(sent_again.iter().all(|got| got.verified));
    let retried = settled(&app, Duration::from_secs(3)).await;
    let retried = retried.iter().find(|d| d.id == again.id).unwrap();
    assert_eq!((retried.state, retried.attempts.len()), (DeliveryState::Failed, 2));
    assert!(
        !app.state.app.retry_delivery(i64::MAX).await.unwrap(),
        "an unknown delivery"
    );
}

async fn an_endpoint_gets_only_what_it_asked_for_from_when_it_was_added(db: Db) {
    let secret = secret();
    let receiver = Receiver::start(&secret, None);
    let app = spawn_with(db, &[]).await;
    let owner = app.someone().await;
    let before = app.organization(&owner).await;
    add(&app, receiver.url("/ok"), vec![Action::OrganizationUpdated], &secret).await;
    app.post(
        "/v1/organizations/update",
        Some(&owner.bearer),
        json!({"organizationId": before, "name": "Renamed"}),
    )
    .await;
    app.organization(&owner).await;
    let received = receiver.wait_for(Duration::from_secs(2), |got| !got.is_empty()).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let received = receiver.received().len().max(received.len());
    assert_eq!(received, 1, "only the rename, and nothing from before the endpoint");
    assert_eq!(receiver.received()[0].body["type"], "organization.updated");
    let removed = app.state.app.list_webhooks().await.unwrap();
    assert!(app.state.app.remove_webhook(removed[0].id).await.unwrap());
    assert!(app.state.app.list_webhooks().await.unwrap().is_empty());
}
