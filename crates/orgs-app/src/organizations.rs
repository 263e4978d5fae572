//! Use cases on organizations themselves: create, get, list, update, and the role matrix.

use crate::{
    App, CreateOrganizationError, Denied, GetOrganizationError, ListOrganizationsError, UpdateOrganizationError,
};
use orgs_core::{
    Acting, Caller, Change, JoinedVia, Membership, OrgId, OrgName, Organization, Page, PageKey, Paged, Permission,
    Role, RoleDefinition,
};
use orgs_ports::{RowLock, TxMode};

impl App {
    /// `organizations.create`: the calling user becomes the first owner.
    pub async fn create_organization(
        &self,
        acting: &Acting,
        name: OrgName,
    ) -> Result<Organization, CreateOrganizationError> {
        let (user, email) = acting.user().ok_or(Denied::UserRequired)?;
        let now = self.clock.now();
        let organization = Organization {
            id: OrgId::generate(),
            name,
            created_at: now,
            updated_at: now,
        };
        let mut tx = self.store.begin(TxMode::Write).await?;
        tx.insert_organization(&organization).await?;
        tx.insert_membership(organization.id, user, Role::OWNER, now).await?;
        let changes = [
            Change::OrganizationCreated {
                name: organization.name.clone(),
            },
            Change::MemberAdded {
                user,
                email: email.clone(),
                role: Role::OWNER,
                via: JoinedVia::Created,
            },
        ];
        self.commit_with_events(tx, acting, organization.id, changes).await?;
        Ok(organization)
    }

    /// `organizations.get`: needs `org:view`.
    pub async fn get_organization(&self, caller: &Caller, id: OrgId) -> Result<Organization, GetOrganizationError> {
        let mut tx = self.store.begin(TxMode::Read).await?;
        let (organization, access) = self
            .resolve_access::<GetOrganizationError>(&mut *tx, caller, id, RowLock::None)
            .await?;
        access.require(Permission::ORG_VIEW).map_err(Denied::from)?;
        tx.commit().await?;
        Ok(organization)
    }

    /// `organizations.list`: a user's memberships oldest first; an organization token
    /// sees its own organization with its admin role.
    pub async fn list_organizations(
        &self,
        caller: &Caller,
        page: Option<Page>,
    ) -> Result<Paged<Membership>, ListOrganizationsError> {
        let mut tx = self.store.begin(TxMode::Read).await?;
        let memberships = match caller {
            Caller::User(user) => tx.list_memberships(*user, page).await?,
            // A token belongs to one organization, since its creation; past that key
            // there is nothing more.
            Caller::OrganizationToken(id) => tx
                .find_organization(*id, RowLock::None)
                .await?
                .filter(|organization| {
                    page.and_then(|page| page.after)
                        .is_none_or(|after| after.id != organization.id.as_uuid())
                })
                .map(|organization| Membership {
                    joined_at: organization.created_at,
                    organization,
                    role: Caller::TOKEN_ROLE,
                })
                .into_iter()
                .collect(),
        };
        tx.commit().await?;
        Ok(Paged::cut(memberships, page, |m| PageKey {
            at: m.joined_at,
            id: m.organization.id.as_uuid(),
        }))
    }

    /// `organizations.update`: renames; needs `org:manage`. The same name again changes
    /// nothing, so it writes nothing (not even `updatedAt`) and logs nothing.
    pub async fn update_organization(
        &self,
        acting: &Acting,
        id: OrgId,
        name: OrgName,
    ) -> Result<(), UpdateOrganizationError> {
        let mut tx = self.store.begin(TxMode::Write).await?;
        let (found, access) = self
            .resolve_access::<UpdateOrganizationError>(&mut *tx, &acting.caller, id, RowLock::ForUpdate)
            .await?;
        access.require(Permission::ORG_MANAGE).map_err(Denied::from)?;
        if found.name == name {
            return Ok(());
        }
        tx.rename_organization(id, &name, self.clock.now()).await?;
        let change = Change::OrganizationUpdated {
            old_name: found.name,
            new_name: name,
        };
        self.commit_with_events(tx, acting, id, [change]).await?;
        Ok(())
    }

    /// `organizations.roles`: every role of the deployment, highest rank first.
    pub fn role_matrix(&self) -> &[RoleDefinition] {
        self.roles.entries()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;
    use orgs_core::RuleViolation;
    use orgs_ports::MockTx;

    #[tokio::test]
    async fn create_makes_the_caller_the_first_owner_in_one_transaction() {
        let user = orgs_core::UserId::generate();
        let mut tx = MockTx::new();
        tx.expect_insert_organization()
            .withf(|org| org.name.as_str() == "Acme")
            .times(1)
            .returning(|_| Ok(()));
        tx.expect_insert_membership()
            .withf(move |_, member, role, _| *member == user && *role == Role::OWNER)
            .times(1)
            .returning(|_, _, _, _| Ok(()));
        expect_events(
            &mut tx,
            as_user(user).actor,
            &[orgs_core::Action::OrganizationCreated, orgs_core::Action::MemberAdded],
        );
        let app = app_with_tx(tx);
        let org = app.create_organization(&as_user(user), name("Acme")).await.unwrap();
        assert_eq!(org.created_at, org.updated_at);
    }

    #[tokio::test]
    async fn create_refuses_an_organization_token_before_touching_the_store() {
        let app = app_with_store(orgs_ports::MockStore::new());
        let err = app
            .create_organization(&as_token(OrgId::generate()), name("Acme"))
            .await
            .unwrap_err();
        assert!(matches!(err, CreateOrganizationError::Denied(Denied::UserRequired)));
    }

    #[tokio::test]
    async fn create_does_not_commit_when_a_write_fails() {
        let mut tx = MockTx::new();
        tx.expect_insert_organization().returning(|_| Ok(()));
        tx.expect_insert_membership()
            .returning(|_, _, _, _| Err(store_failure()));
        tx.expect_commit().never();
        let app = app_with_tx(tx);
        let err = app
            .create_organization(&as_user(orgs_core::UserId::generate()), name("Acme"))
            .await;
        assert!(matches!(err, Err(CreateOrganizationError::Store(_))));
    }

    #[tokio::test]
    async fn get_hides_organizations_from_non_members() {
        let org = organization();
        let mut tx = MockTx::new();
        expect_access(&mut tx, &org, move |_| None);
        let err = app_with_tx(tx)
            .get_organization(&Caller::User(orgs_core::UserId::generate()), org.id)
            .await;
        assert!(matches!(err, Err(GetOrganizationError::Denied(Denied::NotFound))));
    }

    #[tokio::test]
    async fn get_hides_organizations_from_other_organizations_tokens() {
        let mut tx = MockTx::new();
        tx.expect_find_organization().never();
        let caller = Caller::OrganizationToken(OrgId::generate());
        let err = app_with_tx(tx).get_organization(&caller, OrgId::generate()).await;
        assert!(matches!(err, Err(GetOrganizationError::Denied(Denied::NotFound))));
    }

    #[tokio::test]
    async fn get_answers_a_member() {
        let org = organization();
        let mut tx = MockTx::new();
        expect_access(&mut tx, &org, move |_| Some(Role::MEMBER));
        tx.expect_commit().returning(|| Ok(()));
        let found = app_with_tx(tx)
            .get_organization(&Caller::User(orgs_core::UserId::generate()), org.id)
            .await;
        assert_eq!(found.unwrap(), org);
    }

    #[tokio::test]
    async fn update_needs_org_manage_and_locks_the_row() {
        let org = organization();
        let mut tx = MockTx::new();
        let found = org.clone();
        tx.expect_find_organization()
            .withf(|_, lock| *lock == RowLock::ForUpdate)
            .returning(move |_, _| Ok(Some(found.clone())));
        tx.expect_find_role().returning(|_, _| Ok(Some(Role::ADMIN)));
        tx.expect_rename_organization().never();
        let err = app_with_tx(tx)
            .update_organization(&as_user(orgs_core::UserId::generate()), org.id, name("New"))
            .await;
        assert!(matches!(
            err,
            Err(UpdateOrganizationError::Denied(Denied::Forbidden(
                RuleViolation::MissingPermission(Permission::ORG_MANAGE)
            )))
        ));
    }

    #[tokio::test]
    async fn update_renames_for_an_owner() {
        let org = organization();
        let mut tx = MockTx::new();
        expect_access(&mut tx, &org, move |_| Some(Role::OWNER));
        tx.expect_rename_organization()
            .withf(|_, name, _| name.as_str() == "New")
            .times(1)
            .returning(|_, _, _| Ok(()));
        tx.expect_commit_with_events().times(1).returning(|_| Ok(0));
        app_with_tx(tx)
            .update_organization(&as_user(orgs_core::UserId::generate()), org.id, name("New"))
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn list_for_a_token_is_its_own_organization_as_admin() {
        let org = organization();
        let mut tx = MockTx::new();
        expect_org(&mut tx, &org);
        tx.expect_list_memberships().never();
        tx.expect_commit().returning(|| Ok(()));
        let listed = app_with_tx(tx)
            .list_organizations(&Caller::OrganizationToken(org.id), None)
            .await
            .unwrap()
            .items;
        assert_eq!(
            listed,
            vec![Membership {
                joined_at: org.created_at,
                organization: org,
                role: Role::ADMIN
            }]
        );
    }

    #[tokio::test]
    async fn list_reports_an_unavailable_store() {
        let mut store = orgs_ports::MockStore::new();
        store.expect_begin().returning(|_| Err(store_failure()));
        let err = app_with_store(store)
            .list_organizations(&Caller::User(orgs_core::UserId::generate()), None)
            .await;
        assert!(matches!(err, Err(ListOrganizationsError::Store(_))));
    }

    #[test]
    fn the_role_matrix_is_ranked_highest_first() {
        let app = app_with_store(orgs_ports::MockStore::new());
        let roles: Vec<Role> = app.role_matrix().iter().map(|entry| entry.role).collect();
        assert_eq!(roles, vec![Role::OWNER, Role::ADMIN, Role::MEMBER]);
    }
}
