// The package's public surface: the provider, its hooks, and the 19 widgets.
import "./styles.css";
export {
  grantableRoles,
  mayGrant,
  OrgsProvider,
  permissionsOf,
  useActiveMembership,
  useGrantableRoles,
  useMayGrant,
  useMe,
  useMyUserId,
  useOrgs,
  usePermission,
  usePermissionState,
} from "./context.js";
export type { OrgsContextValue, OrgsProviderProps, PermissionState, Topic } from "./context.js";
export { createPreviewApi, createPreviewClient } from "./preview.js";
export { describeError, type WidgetProps } from "./ui.js";
export { ApiTokensTable, type ApiTokensTableProps } from "./widgets/ApiTokensTable.js";
export { AuditLog, type AuditLogProps } from "./widgets/AuditLog.js";
export { DeleteOrganization, type DeleteOrganizationProps } from "./widgets/DeleteOrganization.js";
export { LeaveOrganization, type LeaveOrganizationProps } from "./widgets/LeaveOrganization.js";
export { TransferOwnership, type TransferOwnershipProps } from "./widgets/TransferOwnership.js";
export { AcceptInvitation, invitationTokenFromUrl, type AcceptInvitationProps } from "./widgets/AcceptInvitation.js";
export { CreateApiToken } from "./widgets/CreateApiToken.js";
export { CreateJoinCode } from "./widgets/CreateJoinCode.js";
export { CreateOrganization, type CreateOrganizationProps } from "./widgets/CreateOrganization.js";
export { defaultInvitationUrl, InviteMember, type InviteMemberProps } from "./widgets/InviteMember.js";
export { JoinCodesTable } from "./widgets/JoinCodesTable.js";
export { JoinWithCode, type JoinWithCodeProps } from "./widgets/JoinWithCode.js";
export { MembersTable, type MembersTableProps } from "./widgets/MembersTable.js";
export { OrganizationList, type OrganizationListProps } from "./widgets/OrganizationList.js";
export { OrganizationProfile } from "./widgets/OrganizationProfile.js";
export { OrganizationSwitcher } from "./widgets/OrganizationSwitcher.js";
export { PendingInvitations } from "./widgets/PendingInvitations.js";
export { PermissionGate, type PermissionGateProps } from "./widgets/PermissionGate.js";
export { RoleMatrix } from "./widgets/RoleMatrix.js";
