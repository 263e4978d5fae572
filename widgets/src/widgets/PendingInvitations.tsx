// Pending invitations with a revoke button where the caller's rank allows.
import type { OrgInvitation } from "@orgs/client";
import { outranksOrEquals, useActiveMembership, useOrgs, usePermission } from "../context.js";
import { Empty, ErrorNotice, Frame, formatDate, Loading, RoleBadge, TableScroller, type WidgetProps } from "../ui.js";
import { useRef } from "react";
import { useAction, useApi } from "../use-api.js";
import { ForActiveOrganization, widget } from "../widget.js";

export const PendingInvitations = widget("PendingInvitations", function PendingInvitations(props: WidgetProps) {
  const title = props.title ?? "Pending invitations";
  return (
    <ForActiveOrganization title={title} name="pending-invitations" className={props.className}>
      {(organizationId) => <Invitations organizationId={organizationId} title={title} className={props.className} />}
    </ForActiveOrganization>
  );
});

function Invitations(props: { organizationId: string; title: string; className?: string | undefined }) {
  const { api, changed, revision } = useOrgs();
  const { organizationId } = props;
  const callerRole = useActiveMembership()?.role;
  const canManage = usePermission("members:manage");
  const table = useRef<HTMLDivElement>(null);
  // Only managers may list invitations; others are told so rather than shown a refusal.
  const invitations = useApi(
    canManage === false ? null : (signal) => api.invitations.list({ organizationId }, { signal }).then((answer) => answer.invitations),
    [api, organizationId, canManage === false],
    revision("invitations"),
  );
  const revoke = useAction(async (invitation: OrgInvitation) => {
    await api.invitations.revoke({ organizationId, id: invitation.id });
    changed("invitations");
    table.current?.focus();
  });
  return (
    <Frame title={props.title} name="pending-invitations" className={props.className}>
      <ErrorNotice error={revoke.error} />
      {canManage === false && <Empty>Only owners and admins can see pending invitations.</Empty>}
      {canManage !== false && invitations.status === "loading" && <Loading what="invitations" />}
      {invitations.status === "error" && <ErrorNotice error={invitations.error} onRetry={invitations.reload} />}
      {invitations.status === "ready" && invitations.data.length === 0 && <Empty>No pending invitations.</Empty>}
      {invitations.status === "ready" && invitations.data.length > 0 && (
        <TableScroller label={props.title} ref={table}>
        <table className="orgs-table">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="orgs-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.data.map((invitation) => (
              <tr key={invitation.id}>
                <td>{invitation.email}</td>
                <td>
                  <RoleBadge role={invitation.role} />
                </td>
                <td>{formatDate(invitation.expiresAt)}</td>
                <td className="orgs-cell-actions">
                  {callerRole && outranksOrEquals(callerRole, invitation.role) && (
                    <button
                      type="button"
                      className="orgs-button orgs-danger"
                      aria-label={`Revoke the invitation for ${invitation.email}`}
                      aria-disabled={revoke.pending}
                      onClick={() => void (revoke.pending || revoke.run(invitation))}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroller>
      )}
    </Frame>
  );
}
