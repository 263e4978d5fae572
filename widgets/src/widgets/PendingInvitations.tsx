// Pending invitations with a revoke button where the caller could grant the role invited to.
import type { WidgetProps } from "../ui.js";
import { formatDate, RoleBadge } from "../ui.js";
import { ForActiveOrganization, widget } from "../widget.js";
import { RevocableList } from "./revocable-list.js";

export const PendingInvitations = widget("PendingInvitations", function PendingInvitations(props: WidgetProps) {
  const title = props.title ?? "Pending invitations";
  return (
    <ForActiveOrganization title={title} name="pending-invitations" className={props.className}>
      {(organizationId) => (
        <RevocableList
          organizationId={organizationId}
          title={title}
          what="pending invitations"
          topic="invitations"
          load={(api, id, signal) =>
            api.invitations.list({ organizationId: id }, { signal }).then((a) => a.invitations)
          }
          revoke={(api, id, invitation) => api.invitations.revoke({ organizationId: id, id: invitation.id })}
          columns={["Email", "Role", "Expires"]}
          cells={(invitation) => [
            invitation.email,
            <RoleBadge role={invitation.role} />,
            formatDate(invitation.expiresAt),
          ]}
          revokeLabel={(invitation) => `Revoke the invitation for ${invitation.email}`}
        />
      )}
    </ForActiveOrganization>
  );
});
