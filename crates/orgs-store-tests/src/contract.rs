//! What every store must do, one operation at a time.

use chrono::TimeDelta;
use orgs_auth::SystemClock;
use orgs_core::{
    ApiTokenSecretHash, Email, ExternalIdentity, NewApiToken, OrgId, OrgName, Organization, Role, TokenEnv, TokenId,
    TokenName, TokenOwner, User, UserId,
};
use orgs_core::{Membership, Page, PageKey, Paged};
use orgs_ports::{Clock, RowLock, Store, TxMode};
use std::sync::Arc;

fn now() -> orgs_core::Timestamp {
    SystemClock.now()
}

fn email(n: impl std::fmt::Display) -> Email {
    Email::parse(&format!("user-{n}-{}@example.com", UserId::generate())).unwrap()
}

pub fn new_organization(name: &str) -> Organization {
    let at = now();
    Organization {
        id: OrgId::generate(),
        name: OrgName::parse(name).unwrap(),
        created_at: at,
        updated_at: at,
    }
}

/// Stores a fresh user and returns it.
/// The user acting through the use cases, as the API's extractor would make it.
pub fn acting(user: &User) -> orgs_core::Acting {
    orgs_core::Acting::of_user(user.id, user.email.clone())
}

pub async fn seed_user(store: &Arc<dyn Store>) -> User {
    let candidate = User {
        id: UserId::generate(),
        email: email("seed"),
        created_at: now(),
    };
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    let user = tx.find_or_insert_user(&candidate).await.unwrap();
    tx.commit().await.unwrap();
    user
}

/// Stores an organization with the given members, all joining at the same instant.
pub async fn seed_organization(store: &Arc<dyn Store>, members: &[(UserId, Role)]) -> Organization {
    let organization = new_organization("Acme");
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    tx.insert_organization(&organization).await.unwrap();
    for (user, role) in members {
        tx.insert_membership(organization.id, *user, *role, organization.created_at)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    organization
}

pub async fn organization_round_trip(store: Arc<dyn Store>) {
    let organization = seed_organization(&store, &[]).await;
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    assert_eq!(
        tx.find_organization(organization.id, RowLock::None).await.unwrap(),
        Some(organization.clone())
    );
    assert_eq!(
        tx.find_organization(organization.id, RowLock::ForUpdate).await.unwrap(),
        Some(organization.clone())
    );
    let later = organization.created_at + TimeDelta::seconds(5);
    tx.rename_organization(organization.id, &OrgName::parse("Renamed").unwrap(), later)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let found = tx
        .find_organization(organization.id, RowLock::None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.name.as_str(), "Renamed");
    assert_eq!(found.created_at, organization.created_at);
    assert_eq!(found.updated_at, later);
}

pub async fn unknown_organizations_are_absent(store: Arc<dyn Store>) {
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    assert_eq!(
        tx.find_organization(OrgId::generate(), RowLock::None).await.unwrap(),
        None
    );
    assert_eq!(
        tx.find_organization(OrgId::from_wire("junk"), RowLock::None)
            .await
            .unwrap(),
        None
    );
}

pub async fn membership_lifecycle(store: Arc<dyn Store>) {
    let (owner, other) = (seed_user(&store).await, seed_user(&store).await);
    let organization = seed_organization(&store, &[(owner.id, Role::OWNER)]).await;
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    assert_eq!(tx.find_role(organization.id, other.id).await.unwrap(), None);
    tx.insert_membership(organization.id, other.id, Role::MEMBER, now())
        .await
        .unwrap();
    assert_eq!(
        tx.find_role(organization.id, other.id).await.unwrap(),
        Some(Role::MEMBER)
    );
    assert_eq!(tx.count_owners(organization.id).await.unwrap(), 1);
    tx.update_role(organization.id, other.id, Role::OWNER).await.unwrap();
    assert_eq!(tx.count_owners(organization.id).await.unwrap(), 2);
    assert!(tx.delete_membership(organization.id, other.id).await.unwrap());
    assert!(!tx.delete_membership(organization.id, other.id).await.unwrap());
    assert_eq!(tx.count_owners(organization.id).await.unwrap(), 1);
    tx.commit().await.unwrap();

    // The read path's access check: the organization with the role, or without one.
    let mut read = store.begin(TxMode::Read).await.unwrap();
    let as_owner = read
        .find_organization_with_role(organization.id, owner.id)
        .await
        .unwrap();
    assert_eq!(as_owner, Some((organization.clone(), Some(Role::OWNER))));
    let as_stranger = read
        .find_organization_with_role(organization.id, other.id)
        .await
        .unwrap();
    assert_eq!(as_stranger, Some((organization.clone(), None)));
    let unknown = read
        .find_organization_with_role(OrgId::generate(), owner.id)
        .await
        .unwrap();
    assert_eq!(unknown, None);
    read.commit().await.unwrap();
}

pub async fn members_are_listed_longest_standing_first(store: Arc<dyn Store>) {
    let users = [
        seed_user(&store).await,
        seed_user(&store).await,
        seed_user(&store).await,
    ];
    let organization = seed_organization(&store, &[]).await;
    let base = now();
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    // The third user joins first; the other two join together, ordered by user id.
    tx.insert_membership(organization.id, users[2].id, Role::OWNER, base)
        .await
        .unwrap();
    tx.insert_membership(organization.id, users[1].id, Role::MEMBER, base + TimeDelta::seconds(1))
        .await
        .unwrap();
    tx.insert_membership(organization.id, users[0].id, Role::ADMIN, base + TimeDelta::seconds(1))
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let members = tx.list_members(organization.id, None).await.unwrap();
    let listed: Vec<_> = members.iter().map(|m| (m.user_id, m.email.clone(), m.role)).collect();
    assert_eq!(
        listed,
        vec![
            (users[2].id, users[2].email.clone(), Role::OWNER),
            (users[0].id, users[0].email.clone(), Role::ADMIN),
            (users[1].id, users[1].email.clone(), Role::MEMBER),
        ]
    );
    assert_eq!(members[0].joined_at, base);
    assert_eq!(tx.list_members(OrgId::generate(), None).await.unwrap(), vec![]);
}

pub async fn memberships_are_listed_oldest_first(store: Arc<dyn Store>) {
    let user = seed_user(&store).await;
    let first = seed_organization(&store, &[]).await;
    let second = seed_organization(&store, &[]).await;
    let base = now();
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    tx.insert_membership(second.id, user.id, Role::MEMBER, base)
        .await
        .unwrap();
    tx.insert_membership(first.id, user.id, Role::OWNER, base + TimeDelta::seconds(1))
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let listed: Vec<_> = tx
        .list_memberships(user.id, None)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.organization, m.role))
        .collect();
    assert_eq!(listed, vec![(second, Role::MEMBER), (first, Role::OWNER)]);
}

pub async fn users_are_unique_by_email(store: Arc<dyn Store>) {
    let address = email("unique");
    let first = User {
        id: UserId::generate(),
        email: address.clone(),
        created_at: now(),
    };
    let second = User {
        id: UserId::generate(),
        email: address.clone(),
        created_at: now(),
    };
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    assert_eq!(tx.find_user_by_email(&address).await.unwrap(), None);
    assert_eq!(tx.find_or_insert_user(&first).await.unwrap(), first);
    assert_eq!(tx.find_or_insert_user(&second).await.unwrap(), first);
    assert_eq!(tx.find_user_by_email(&address).await.unwrap(), Some(first));
    tx.commit().await.unwrap();
}

pub async fn concurrent_user_creation_yields_one_user(store: Arc<dyn Store>) {
    let address = email("race");
    let attempts = (0..8).map(|_| {
        let (store, address) = (store.clone(), address.clone());
        tokio::spawn(async move {
            let candidate = User {
                id: UserId::generate(),
                email: address,
                created_at: now(),
            };
            let mut tx = store.begin(TxMode::Write).await.unwrap();
            let user = tx.find_or_insert_user(&candidate).await.unwrap();
            tx.commit().await.unwrap();
            user.id
        })
    });
    let mut ids = Vec::new();
    for attempt in attempts.collect::<Vec<_>>() {
        ids.push(attempt.await.unwrap());
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "{ids:?}");
}

pub async fn api_tokens_round_trip(store: Arc<dyn Store>) {
    let user = seed_user(&store).await;
    let organization = seed_organization(&store, &[(user.id, Role::OWNER)]).await;
    let personal = NewApiToken {
        id: TokenId::generate(),
        key: format!("orgs_user_{}", TokenId::generate()),
        secret_hash: ApiTokenSecretHash("$argon2id$personal".into()),
        owner: TokenOwner::User(user.id),
        name: None,
        env: TokenEnv::Live,
        last_four: "abcd".into(),
        created_by: Some(user.id),
        created_at: now(),
    };
    let owned = NewApiToken {
        id: TokenId::generate(),
        key: format!("orgs_test_{}", TokenId::generate()),
        owner: TokenOwner::Organization(organization.id),
        name: Some(TokenName::parse("ci").unwrap()),
        env: TokenEnv::Test,
        ..personal.clone()
    };
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    tx.insert_api_token(&personal).await.unwrap();
    tx.insert_api_token(&owned).await.unwrap();
    tx.commit().await.unwrap();

    for token in [&personal, &owned] {
        let found = store.find_api_token(&token.key).await.unwrap().unwrap();
        assert_eq!(
            (found.id, found.owner, &found.secret_hash, found.revoked),
            (token.id, token.owner, &token.secret_hash, false)
        );
    }
    assert_eq!(store.find_api_token("orgs_live_unknown").await.unwrap(), None);
}

pub async fn an_identity_stays_linked_to_its_first_user(store: Arc<dyn Store>) {
    let (first, second) = (seed_user(&store).await, seed_user(&store).await);
    let identity = ExternalIdentity {
        issuer: "https://idp.example".into(),
        subject: UserId::generate().to_string(),
        email: first.email.clone(),
        email_verified: true,
    };
    assert_eq!(
        store
            .find_user_by_identity(&identity.issuer, &identity.subject)
            .await
            .unwrap(),
        None
    );
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    assert_eq!(tx.link_identity(&identity, first.id).await.unwrap(), first.id);
    assert_eq!(tx.link_identity(&identity, second.id).await.unwrap(), first.id);
    tx.commit().await.unwrap();
    assert_eq!(
        store
            .find_user_by_identity(&identity.issuer, &identity.subject)
            .await
            .unwrap(),
        Some(first.id)
    );
    assert_eq!(
        store.find_user_by_identity("other", &identity.subject).await.unwrap(),
        None
    );
}

pub async fn an_uncommitted_transaction_leaves_nothing(store: Arc<dyn Store>) {
    let user = seed_user(&store).await;
    let organization = new_organization("Half done");
    {
        let mut tx = store.begin(TxMode::Write).await.unwrap();
        tx.insert_organization(&organization).await.unwrap();
        tx.insert_membership(organization.id, user.id, Role::OWNER, now())
            .await
            .unwrap();
        // Dropped here, as a use case does when a later step fails.
    }
    let mut tx = store.begin(TxMode::Read).await.unwrap();
    assert_eq!(
        tx.find_organization(organization.id, RowLock::None).await.unwrap(),
        None
    );
    assert_eq!(tx.list_memberships(user.id, None).await.unwrap(), vec![]);
}

/// Walks a list page by page and returns every row seen, in order.
/// An organization's members read `limit` at a time, each page in a transaction of its own.
async fn members_page_by_page(store: &Arc<dyn Store>, organization: OrgId, limit: u32) -> Vec<orgs_core::Member> {
    walk(
        limit,
        |m: &orgs_core::Member| PageKey {
            at: m.joined_at,
            id: m.user_id.as_uuid(),
        },
        |page| {
            let store = store.clone();
            async move {
                store
                    .begin(TxMode::Read)
                    .await
                    .unwrap()
                    .list_members(organization, Some(page))
                    .await
                    .unwrap()
            }
        },
    )
    .await
}

async fn walk<T: Clone, F, Fut>(limit: u32, key: impl Fn(&T) -> PageKey, mut fetch: F) -> Vec<T>
where
    F: FnMut(Page) -> Fut,
    Fut: std::future::Future<Output = Vec<T>>,
{
    let mut seen = Vec::new();
    let mut after = None;
    for _ in 0..100 {
        let page = Page { limit, after };
        let rows = fetch(page).await;
        assert!(
            rows.len() <= limit as usize + 1,
            "a page returns at most one look-ahead row"
        );
        let cut = Paged::cut(rows, Some(page), &key);
        seen.extend(cut.items);
        match cut.next {
            Some(next) => after = Some(next),
            None => return seen,
        }
    }
    panic!("a hundred pages and still a next key: the pages repeat");
}

pub async fn lists_page_in_order_without_gaps_or_repeats(store: Arc<dyn Store>) {
    let organization = seed_organization(&store, &[]).await;
    let user = seed_user(&store).await;
    let base = now();
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    for n in 0..7 {
        // Three at a time share a join time, so the id must break ties across pages.
        let member = User {
            id: UserId::generate(),
            email: email(n),
            created_at: base,
        };
        let member = tx.find_or_insert_user(&member).await.unwrap();
        tx.insert_membership(
            organization.id,
            member.id,
            Role::MEMBER,
            base + TimeDelta::seconds(n / 3),
        )
        .await
        .unwrap();
        let other = new_organization("Other");
        tx.insert_organization(&other).await.unwrap();
        tx.insert_membership(other.id, user.id, Role::ADMIN, base + TimeDelta::seconds(n / 3))
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();

    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let all_members = tx.list_members(organization.id, None).await.unwrap();
    let all_memberships = tx.list_memberships(user.id, None).await.unwrap();
    drop(tx);
    for limit in [1, 2, 3, 7, 50] {
        let walked = members_page_by_page(&store, organization.id, limit).await;
        assert_eq!(walked, all_members, "members by {limit}");
        let walked = walk(
            limit,
            |m: &Membership| PageKey {
                at: m.joined_at,
                id: m.organization.id.as_uuid(),
            },
            |page| {
                let store = store.clone();
                async move {
                    store
                        .begin(TxMode::Read)
                        .await
                        .unwrap()
                        .list_memberships(user.id, Some(page))
                        .await
                        .unwrap()
                }
            },
        )
        .await;
        assert_eq!(walked, all_memberships, "memberships by {limit}");
    }
    assert_eq!(all_members.len(), 7);
    assert_eq!(all_memberships.len(), 7);
}

/// A whole list may travel differently from a page (SQLite builds it as one JSON value),
/// so names and addresses that text formats escape must come back as they went in, and
/// both ways of reading must agree.
pub async fn whole_lists_keep_every_character(store: Arc<dyn Store>) {
    let names = [
        "Quote \" and \\ backslash",
        "Slash / <tag> & 'apostrophe'",
        "Ünïcødé ✓ 組織 🚀",
    ];
    let user = seed_user(&store).await;
    let base = now();
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    let organization = new_organization("Acme");
    tx.insert_organization(&organization).await.unwrap();
    for (n, name) in names.iter().enumerate() {
        let other = new_organization(name);
        tx.insert_organization(&other).await.unwrap();
        tx.insert_membership(other.id, user.id, Role::MEMBER, base + TimeDelta::seconds(n as i64))
            .await
            .unwrap();
        let address = format!("o'brien+{n}.\"x\"-{}@example.com", UserId::generate());
        let member = User {
            id: UserId::generate(),
            email: Email::parse(&address).unwrap_or_else(|_| email(n)),
            created_at: base,
        };
        let member = tx.find_or_insert_user(&member).await.unwrap();
        tx.insert_membership(organization.id, member.id, Role::ADMIN, base)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();

    let mut tx = store.begin(TxMode::Read).await.unwrap();
    let page = Some(Page { limit: 50, after: None });
    let memberships = tx.list_memberships(user.id, None).await.unwrap();
    assert_eq!(memberships, tx.list_memberships(user.id, page).await.unwrap());
    let listed: Vec<&str> = memberships.iter().map(|m| m.organization.name.as_str()).collect();
    assert_eq!(listed, names);
    let members = tx.list_members(organization.id, None).await.unwrap();
    assert_eq!(members, tx.list_members(organization.id, page).await.unwrap());
    assert_eq!(members.len(), names.len());
    assert!(members.iter().all(|m| m.role == Role::ADMIN));
}

/// Thousands of rows, many sharing a join time: a store that reads a whole list in parts
/// (SQLite, 2,000 rows at a time) must stitch them with no gap or repeat at the seams.
pub async fn whole_lists_of_thousands_match_their_pages(store: Arc<dyn Store>) {
    let organization = seed_organization(&store, &[]).await;
    let base = now();
    let mut tx = store.begin(TxMode::Write).await.unwrap();
    for n in 0..4_321 {
        let member = User {
            id: UserId::generate(),
            email: email(n),
            created_at: base,
        };
        let member = tx.find_or_insert_user(&member).await.unwrap();
        let joined = base + TimeDelta::milliseconds(n / 7);
        tx.insert_membership(organization.id, member.id, Role::MEMBER, joined)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let whole = store
        .begin(TxMode::Read)
        .await
        .unwrap()
        .list_members(organization.id, None)
        .await
        .unwrap();
    let walked = members_page_by_page(&store, organization.id, 1_000).await;
    assert_eq!(whole.len(), 4_321);
    assert_eq!(whole, walked);
}
