//! The invariants hold across processes: two `orgs-server` processes on one PostgreSQL
//! database, driven at the same time over HTTP, still never leave an organization
//! without an owner, never use a join code past `maxUses`, and never let one invitation
//! admit two users.

use crate::child::ChildServer;
use crate::helpers::{Answer, post_to, settings_from, users_on};
use orgs_postgres::test_database::TestDatabase;
use serde_json::{Value, json};
use std::net::SocketAddr;

pub(crate) fn replica(database_url: &str, dir: &std::path::Path) -> ChildServer {
    // Wrong guesses are not what these races are about; keep their limit out of the way.
    let envs = [
        ("ORGS_DATABASE_URL", database_url),
        ("ORGS_GUESS_FAILURE_LIMIT", "100000"),
    ];
    ChildServer::start(dir, &envs, None)
}

pub(crate) async fn ok(answer: Answer) -> Value {
    assert_eq!(answer.status, 200, "{answer:?}");
    answer.body
}

/// Sends every request at once, alternating between the two replicas.
pub(crate) async fn at_once(replicas: [SocketAddr; 2], calls: Vec<(&'static str, String, Value)>) -> Vec<Answer> {
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(calls.len()));
    let tasks: Vec<_> = calls
        .into_iter()
        .enumerate()
        .map(|(n, (path, bearer, body))| {
            let (addr, barrier) = (replicas[n % 2], barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                post_to(addr, path, Some(&bearer), body).await
            })
        })
        .collect();
    let mut answers = Vec::new();
    for task in tasks {
        answers.push(task.await.unwrap());
    }
    answers
}

/// An organization with two owners, made through both processes: its id, and the
/// owners' user ids (Alice's first).
pub(crate) async fn two_owners(
    replicas: [SocketAddr; 2],
    alice: &(String, String),
    bob: &(String, String),
) -> (Value, Vec<Value>) {
    let created = ok(post_to(
        replicas[0],
        "/v1/organizations/create",
        Some(&alice.1),
        json!({"name": "Race"}),
    )
    .await)
    .await;
    let org = created["organization"]["id"].clone();
    let invite = json!({"organizationId": org, "email": bob.0, "role": "owner"});
    let invited = ok(post_to(
        replicas[1],
        "/v1/organizations/invitations/create",
        Some(&alice.1),
        invite,
    )
    .await)
    .await;
    let accept = json!({"token": invited["token"]});
    ok(post_to(
        replicas[0],
        "/v1/organizations/invitations/accept",
        Some(&bob.1),
        accept,
    )
    .await)
    .await;
    let listing = json!({"organizationId": org});
    let members = ok(post_to(replicas[1], "/v1/organizations/members/list", Some(&alice.1), listing).await).await;
    let ids = members["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["userId"].clone())
        .collect();
    (org, ids)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn invariants_hold_across_two_server_processes_on_one_database() {
    let database = TestDatabase::create().await;
    let dir = std::env::temp_dir();
    let (one, two) = (replica(&database.url, &dir), replica(&database.url, &dir));
    let replicas = [one.addr, two.addr];
    let people = users_on(&settings_from(&[("ORGS_DATABASE_URL", &database.url)]), 24).await;
    let (alice, bob) = (&people[0], &people[1]);

    // The last owner: two owners demote each other through different processes.
    for round in 0..10 {
        let (org, ids) = two_owners(replicas, alice, bob).await;
        let demote = |bearer: &String, target: &Value| {
            (
                "/v1/organizations/members/set-role",
                bearer.clone(),
                json!({"organizationId": org, "userId": target, "role": "member"}),
            )
        };
        let answers = at_once(replicas, vec![demote(&alice.1, &ids[1]), demote(&bob.1, &ids[0])]).await;
        // Whoever lost is a plain member now, which still may list.
        let listing = json!({"organizationId": org});
        let after = ok(post_to(replicas[0], "/v1/organizations/members/list", Some(&alice.1), listing).await).await;
        let owners = after["members"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["role"] == "owner")
            .count();
        assert_eq!(owners, 1, "round {round}: {answers:?}");
        assert_eq!(
            answers.iter().filter(|a| a.status == 200).count(),
            1,
            "round {round}: {answers:?}"
        );
    }

    // The last owner, sharper: both owners step down at once through different
    // processes; without the lock both would see two owners and both succeed.
    for round in 0..10 {
        let (org, ids) = two_owners(replicas, alice, bob).await;
        let step_down = |bearer: &String, me: &Value| {
            (
                "/v1/organizations/members/set-role",
                bearer.clone(),
                json!({"organizationId": org, "userId": me, "role": "admin"}),
            )
        };
        let answers = at_once(replicas, vec![step_down(&alice.1, &ids[0]), step_down(&bob.1, &ids[1])]).await;
        let codes: Vec<(u16, &str)> = answers.iter().map(|a| (a.status, a.code())).collect();
        assert!(
            codes.contains(&(200, "")) && codes.contains(&(409, "last_owner")),
            "round {round}: {answers:?}"
        );
    }

    // An accept racing a revoke through different processes ends in one outcome.
    for round in 0..10 {
        let created = ok(post_to(
            replicas[0],
            "/v1/organizations/create",
            Some(&alice.1),
            json!({"name": "Revokes"}),
        )
        .await)
        .await;
        let org = created["organization"]["id"].clone();
        let invited = ok(post_to(
            replicas[1],
            "/v1/organizations/invitations/create",
            Some(&alice.1),
            json!({"organizationId": org, "email": bob.0}),
        )
        .await)
        .await;
        let answers = at_once(
            replicas,
            vec![
                (
                    "/v1/organizations/invitations/accept",
                    bob.1.clone(),
                    json!({"token": invited["token"]}),
                ),
                (
                    "/v1/organizations/invitations/revoke",
                    alice.1.clone(),
                    json!({"organizationId": org, "id": invited["invitation"]["id"]}),
                ),
            ],
        )
        .await;
        assert_eq!(answers[1].status, 200, "round {round}: revoking is always fine");
        let members = ok(post_to(
            replicas[1],
            "/v1/organizations/members/list",
            Some(&alice.1),
            json!({"organizationId": org}),
        )
        .await)
        .await;
        let joined = members["members"].as_array().unwrap().len() == 2;
        match (answers[0].status, answers[0].code()) {
            (200, _) => assert!(joined, "round {round}: accepted but not a member"),
            (404, "invalid_invitation") => assert!(!joined, "round {round}: refused but a member"),
            other => panic!("round {round}: {other:?}"),
        }
    }

    // Join codes: twenty joins split across both processes on a code good for three.
    let created = ok(post_to(
        replicas[0],
        "/v1/organizations/create",
        Some(&alice.1),
        json!({"name": "Codes"}),
    )
    .await)
    .await;
    let org = created["organization"]["id"].clone();
    let code = ok(post_to(
        replicas[1],
        "/v1/organizations/join-codes/create",
        Some(&alice.1),
        json!({"organizationId": org, "maxUses": 3}),
    )
    .await)
    .await;
    let joins = people[2..22]
        .iter()
        .map(|(_, bearer)| {
            (
                "/v1/organizations/join-codes/join",
                bearer.clone(),
                json!({"code": code["code"]}),
            )
        })
        .collect();
    let answers = at_once(replicas, joins).await;
    assert_eq!(answers.iter().filter(|a| a.status == 200).count(), 3);
    assert!(
        answers
            .iter()
            .filter(|a| a.status != 200)
            .all(|a| a.code() == "join_code_exhausted")
    );
    let listed = ok(post_to(
        replicas[0],
        "/v1/organizations/join-codes/list",
        Some(&alice.1),
        json!({"organizationId": org}),
    )
    .await)
    .await;
    assert_eq!(listed["joinCodes"][0]["uses"], 3);

    // One invitation, twelve accepts by its invitee across both processes, one membership.
    let invitee = &people[22];
    let invited = ok(post_to(
        replicas[0],
        "/v1/organizations/invitations/create",
        Some(&alice.1),
        json!({"organizationId": org, "email": invitee.0, "role": "admin"}),
    )
    .await)
    .await;
    let accepts = (0..12)
        .map(|_| {
            (
                "/v1/organizations/invitations/accept",
                invitee.1.clone(),
                json!({"token": invited["token"]}),
            )
        })
        .collect();
    let answers = at_once(replicas, accepts).await;
    assert!(
        answers.iter().all(|a| a.status == 200 && a.body == answers[0].body),
        "{answers:?}"
    );
    let members = ok(post_to(
        replicas[1],
        "/v1/organizations/members/list",
        Some(&alice.1),
        json!({"organizationId": org}),
    )
    .await)
    .await;
    assert_eq!(members["members"].as_array().unwrap().len(), 1 + 3 + 1);
    let stranger = &people[23];
    let used = post_to(
        replicas[1],
        "/v1/organizations/invitations/accept",
        Some(&stranger.1),
        json!({"token": invited["token"]}),
    )
    .await;
    assert_eq!((used.status, used.code()), (404, "invalid_invitation"));

    drop((one, two));
    database.drop_database().await;
}
