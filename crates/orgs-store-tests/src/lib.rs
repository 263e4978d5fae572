//! The store contract: one suite, written once against the `Store` port, that every
//! adapter runs through `store_contract_tests!`. An adapter passes when it behaves
//! exactly like the others, concurrency included.

mod abandon;
mod contract;
mod events;
mod invites;
mod lifecycle;
mod model;
mod model_roles;
mod model_world;
mod races;
mod races_invites;
mod races_lifecycle;
mod races_roles;

pub use abandon::*;
pub use contract::*;
pub use events::*;
pub use invites::*;
pub use lifecycle::*;
pub use model::*;
pub use model_roles::RoleSetup;
pub use races::*;
pub use races_invites::*;
pub use races_lifecycle::*;
pub use races_roles::*;

use orgs_ports::Store;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

type Teardown = Box<dyn FnOnce() -> Pin<Box<dyn Future<Output = ()> + Send>> + Send>;

/// A store made fresh for one test, and how to throw it away afterwards.
pub struct TestStore {
    pub store: Arc<dyn Store>,
    teardown: Teardown,
}

impl TestStore {
    pub fn new<F, Fut>(store: Arc<dyn Store>, teardown: F) -> Self
    where
        F: FnOnce() -> Fut + Send + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        Self {
            store,
            teardown: Box::new(move || Box::pin(teardown())),
        }
    }

    pub async fn teardown(self) {
        (self.teardown)().await;
    }
}

/// Expands to one `#[tokio::test]` per contract test, each on a fresh store from
/// `$make: async fn() -> TestStore`.
#[macro_export]
macro_rules! store_contract_tests {
    ($make:path) => {
        $crate::store_contract_tests!(@each $make;
            organization_round_trip,
            unknown_organizations_are_absent,
            membership_lifecycle,
            members_are_listed_longest_standing_first,
            memberships_are_listed_oldest_first,
            users_are_unique_by_email,
            concurrent_user_creation_yields_one_user,
            api_tokens_round_trip,
            an_identity_stays_linked_to_its_first_user,
            an_uncommitted_transaction_leaves_nothing,
            racing_owners_demoting_each_other_leave_one_owner,
            racing_owners_removing_each_other_leave_one_owner,
            racing_owners_stepping_down_leave_one_owner,
            invitations_round_trip,
            one_open_invitation_per_email,
            join_codes_count_uses_up_to_their_limit,
            an_owner_demoting_while_the_other_removes_leaves_one_owner,
            racing_joins_never_pass_max_uses,
            racing_accepts_of_one_token_admit_one_user,
            an_accept_racing_a_revoke_ends_in_one_outcome,
            a_reinvite_racing_an_accept_never_leaves_two_usable_tokens,
            random_operations_agree_with_the_model,
            random_operations_agree_with_the_model_under_custom_roles,
            two_owners_changing_a_members_role_at_once_leave_one_history,
            a_reassign_racing_a_role_change_leaves_one_history,
            a_reassignment_moves_every_live_holder_in_one_go,
            lists_page_in_order_without_gaps_or_repeats,
            whole_lists_keep_every_character,
            whole_lists_of_thousands_match_their_pages,
            abandoned_transactions_leave_every_connection_usable,
            deleting_an_organization_takes_everything_it_holds,
            organization_tokens_page_newest_first_without_revoked_ones,
            a_tokens_use_is_recorded_at_most_once_an_interval,
            racing_owners_leaving_leave_one_owner,
            an_owner_handing_over_while_the_other_leaves_leaves_one_owner,
            owners_handing_over_to_each_other_leave_one_owner,
            a_delete_racing_joins_accepts_and_mints_leaves_nothing_behind,
            a_delete_racing_the_last_use_writer_fails_neither,
            events_commit_or_vanish_with_their_change,
            event_pages_keep_every_character_and_their_order,
            each_endpoint_is_owed_only_what_it_asked_for,
            a_lease_holds_a_claim_until_it_expires,
            concurrent_claims_never_share_a_delivery,
            retention_deletes_old_events_with_their_deliveries,
        );
    };
    (@each $make:path; $($test:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn $test() {
                let fixture = $make().await;
                $crate::$test(fixture.store.clone()).await;
                fixture.teardown().await;
            }
        )*
    };
}
