// Every widget in preview mode, named: the gallery page shows them and a test checks
// that all 19 are here and that none of them makes a request. The preview deployment
// declares roles of its own, so RoleMatrix and the role selects show them.
import * as widgets from "../../src/index.js";

export const GALLERY = [
  ["OrganizationSwitcher", <widgets.OrganizationSwitcher preview />],
  ["CreateOrganization", <widgets.CreateOrganization preview />],
  ["OrganizationList", <widgets.OrganizationList preview />],
  ["OrganizationProfile", <widgets.OrganizationProfile preview />],
  ["MembersTable", <widgets.MembersTable preview />],
  ["InviteMember", <widgets.InviteMember preview />],
  ["PendingInvitations", <widgets.PendingInvitations preview />],
  ["AcceptInvitation", <widgets.AcceptInvitation preview />],
  ["CreateJoinCode", <widgets.CreateJoinCode preview />],
  ["JoinCodesTable", <widgets.JoinCodesTable preview />],
  ["JoinWithCode", <widgets.JoinWithCode preview />],
  ["CreateApiToken", <widgets.CreateApiToken preview />],
  ["ApiTokensTable", <widgets.ApiTokensTable preview />],
  ["TransferOwnership", <widgets.TransferOwnership preview />],
  ["LeaveOrganization", <widgets.LeaveOrganization preview />],
  ["DeleteOrganization", <widgets.DeleteOrganization preview />],
  ["RoleMatrix", <widgets.RoleMatrix preview />],
  ["AuditLog", <widgets.AuditLog preview />],
  [
    "PermissionGate",
    <>
      <widgets.PermissionGate preview permission="org:manage" fallback={<p>Hidden without org:manage.</p>}>
        <p className="console-note">Shown because the sample caller owns Acme and so holds org:manage.</p>
      </widgets.PermissionGate>
      <widgets.PermissionGate preview permission="billing:manage" fallback={<p>Hidden without billing:manage.</p>}>
        <p className="console-note">
          Shown too for billing:manage, which only roles the sample deployment declares carry: an owner holds every
          permission.
        </p>
      </widgets.PermissionGate>
    </>,
  ],
] as const;
