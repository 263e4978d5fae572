//! The lifecycle across processes: two `orgs-server` processes on one PostgreSQL
//! database. A token revoked or an organization deleted through one is refused at once
//! by the other, even where the other has just verified that token; owners leaving or
//! handing over through different processes keep an owner; and a join, an accept or a
//! mint racing a delete leaves nothing of the organization behind.

use crate::helpers::{post_to, settings_from, users_on};
use crate::processes::{at_once, ok, replica, two_owners};
use orgs_postgres::test_database::TestDatabase;
use serde_json::{Value, json};
use std::net::SocketAddr;

const ROUNDS: usize = 10;

async fn owners(replica: SocketAddr, organization: &Value, viewer: &str) -> usize {
    let listed = call(
        replica,
        "/v1/organizations/members/list",
        viewer,
        json!({"organizationId": organization}),
    )
    .await;
    listed["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["role"] == "owner")
        .count()
}

/// A call that must succeed; its answer's body.
async fn call(replica: SocketAddr, path: &str, bearer: &str, body: Value) -> Value {
    ok(post_to(replica, path, Some(bearer), body).await).await
}

/// How `me` answers this bearer: 200 while it works, 401 once refused.
async fn me_status(replica: SocketAddr, bearer: &str) -> u16 {
    post_to(replica, "/v1/me", Some(bearer), json!({})).await.status
}

async fn mint(replica: SocketAddr, organization: &Value, owner: &str) -> String {
    let made = call(
        replica,
        "/v1/organizations/tokens/create",
        owner,
        json!({"organizationId": organization}),
    )
    .await;
    made["apiToken"]["bearer"].as_str().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_lifecycle_holds_across_two_server_processes_on_one_database() {
    let database = TestDatabase::create().await;
    let dir = std::env::temp_dir();
    let (one, two) = (replica(&database.url, &dir), replica(&database.url, &dir));
    let replicas = [one.addr, two.addr];
    let people = users_on(&settings_from(&[("ORGS_DATABASE_URL", &database.url)]), 4).await;
    let (alice, bob, carol) = (&people[0], &people[1], &people[2]);

    // Revoked in one process, refused at once by the other, which had it cached.
    let created = call(
        replicas[0],
        "/v1/organizations/create",
        &alice.1,
        json!({"name": "Tokens"}),
    )
    .await;
    let org = created["organization"]["id"].clone();
    let token = mint(replicas[0], &org, &alice.1).await;
    for replica in replicas {
        assert_eq!(me_status(replica, &token).await, 200);
    }
    let key = token.split_once(':').unwrap().0;
    let revoke = json!({"organizationId": org, "key": key});
    call(replicas[0], "/v1/organizations/tokens/revoke", &alice.1, revoke).await;
    assert_eq!(me_status(replicas[1], &token).await, 401);

    // Deleted through one process: everything it held is refused by the other at once.
    let token = mint(replicas[0], &org, &alice.1).await;
    let invited = call(
        replicas[0],
        "/v1/organizations/invitations/create",
        &alice.1,
        json!({"organizationId": org, "email": bob.0}),
    )
    .await;
    let code = call(
        replicas[0],
        "/v1/organizations/join-codes/create",
        &alice.1,
        json!({"organizationId": org}),
    )
    .await;
    assert_eq!(me_status(replicas[0], &token).await, 200);
    call(
        replicas[1],
        "/v1/organizations/delete",
        &alice.1,
        json!({"organizationId": org}),
    )
    .await;
    assert_eq!(me_status(replicas[0], &token).await, 401);
    let get = post_to(
        replicas[0],
        "/v1/organizations/get",
        Some(&alice.1),
        json!({"organizationId": org}),
    )
    .await;
    assert_eq!((get.status, get.code()), (404, "not_found"));
    let accept = post_to(
        replicas[0],
        "/v1/organizations/invitations/accept",
        Some(&bob.1),
        json!({"token": invited["token"]}),
    )
    .await;
    assert_eq!((accept.status, accept.code()), (404, "invalid_invitation"));
    let join = post_to(
        replicas[0],
        "/v1/organizations/join-codes/join",
        Some(&carol.1),
        json!({"code": code["code"]}),
    )
    .await;
    assert_eq!((join.status, join.code()), (404, "invalid_join_code"));

    // Two owners leaving at once through different processes: one stays.
    for round in 0..ROUNDS {
        let (org, _) = two_owners(replicas, alice, bob).await;
        let leave = |bearer: &String| {
            (
                "/v1/organizations/leave",
                bearer.clone(),
                json!({"organizationId": org}),
            )
        };
        let answers = at_once(replicas, vec![leave(&alice.1), leave(&bob.1)]).await;
        let codes: Vec<(u16, &str)> = answers.iter().map(|a| (a.status, a.code())).collect();
        assert!(
            codes.contains(&(200, "")) && codes.contains(&(409, "last_owner")),
            "round {round}: {answers:?}"
        );
        let stayed = if answers[0].status == 200 { &bob.1 } else { &alice.1 };
        assert_eq!(owners(replicas[0], &org, stayed).await, 1, "round {round}");
    }

    // Two owners handing over to each other at once: both succeed in turn, one owner left.
    for round in 0..ROUNDS {
        let (org, ids) = two_owners(replicas, alice, bob).await;
        let hand_over = |bearer: &String, to: &Value| {
            (
                "/v1/organizations/transfer-ownership",
                bearer.clone(),
                json!({"organizationId": org, "userId": to}),
            )
        };
        let answers = at_once(replicas, vec![hand_over(&alice.1, &ids[1]), hand_over(&bob.1, &ids[0])]).await;
        assert!(answers.iter().all(|a| a.status == 200), "round {round}: {answers:?}");
        assert_eq!(owners(replicas[1], &org, &alice.1).await, 1, "round {round}");
    }

    // A join, an accept or a mint racing a delete in the other process.
    let mut came_second = 0;
    for round in 0..ROUNDS {
        for contender in ["join", "accept", "mint"] {
            let created = call(
                replicas[0],
                "/v1/organizations/create",
                &alice.1,
                json!({"name": "Doomed"}),
            )
            .await;
            let org = created["organization"]["id"].clone();
            let made = match contender {
                "join" => {
                    call(
                        replicas[0],
                        "/v1/organizations/join-codes/create",
                        &alice.1,
                        json!({"organizationId": org}),
                    )
                    .await
                }
                "accept" => {
                    call(
                        replicas[0],
                        "/v1/organizations/invitations/create",
                        &alice.1,
                        json!({"organizationId": org, "email": bob.0}),
                    )
                    .await
                }
                _ => Value::Null,
            };
            let contending = match contender {
                "join" => (
                    "/v1/organizations/join-codes/join",
                    bob.1.clone(),
                    json!({"code": made["code"]}),
                ),
                "accept" => (
                    "/v1/organizations/invitations/accept",
                    bob.1.clone(),
                    json!({"token": made["token"]}),
                ),
                _ => (
                    "/v1/organizations/tokens/create",
                    alice.1.clone(),
                    json!({"organizationId": org}),
                ),
            };
            let delete = (
                "/v1/organizations/delete",
                alice.1.clone(),
                json!({"organizationId": org}),
            );
            let answers = at_once(replicas, vec![delete, contending]).await;
            assert_eq!(answers[0].status, 200, "round {round} {contender}: {answers:?}");
            let raced = &answers[1];
            match (raced.status, raced.code()) {
                (200, _) => {}
                (404, "invalid_join_code" | "invalid_invitation" | "not_found") => came_second += 1,
                other => panic!("round {round} {contender}: {other:?} {answers:?}"),
            }
            if let Some(bearer) = raced.body["apiToken"]["bearer"].as_str() {
                for replica in replicas {
                    assert_eq!(me_status(replica, bearer).await, 401);
                }
            }
            let listed = call(replicas[1], "/v1/organizations/list", &bob.1, json!({})).await;
            assert!(
                !listed["organizations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|m| m["organization"]["id"] == org),
                "round {round} {contender}: a membership outlived its organization"
            );
        }
    }
    eprintln!("{came_second} of {} contenders came second to the delete", ROUNDS * 3);

    drop((one, two));
    database.drop_database().await;
}
