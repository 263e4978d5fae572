// An organization's members: role selects and remove buttons where the caller's rank
// allows, and a plain explanation when a change would leave no owner.
import type { OrgMember, OrgRole } from "@orgs/client";
import { outranksOrEquals, useActiveMembership, useOrgs, usePermission } from "../context.js";
import { Empty, ErrorNotice, Frame, formatDate, Loading, RoleBadge, RoleSelect, ROLES, TableScroller, type WidgetProps } from "../ui.js";
import { useAction, useApi } from "../use-api.js";
import { ForActiveOrganization, widget } from "../widget.js";

export const MembersTable = widget("MembersTable", function MembersTable(props: WidgetProps) {
  const title = props.title ?? "Members";
  return (
    <ForActiveOrganization title={title} name="members-table" className={props.className}>
      {(organizationId) => <Members organizationId={organizationId} title={title} className={props.className} />}
    </ForActiveOrganization>
  );
});

function Members(props: { organizationId: string; title: string; className?: string | undefined }) {
  const { api, changed, revision } = useOrgs();
  const { organizationId } = props;
  const canManage = usePermission("members:manage") ?? false;
  const callerRole = useActiveMembership()?.role;
  const members = useApi(
    (signal) => api.members.list({ organizationId }, { signal }).then((answer) => answer.members),
    [api, organizationId, revision("members")],
  );
  const change = useAction(async (member: OrgMember, role: OrgRole | "remove") => {
    if (role === "remove") await api.members.remove({ organizationId, userId: member.userId });
    else await api.members.setRole({ organizationId, userId: member.userId, role });
    changed("members");
    // The caller may have changed or removed their own membership.
    changed("organizations");
    return true;
  });
  // The rank rule: grant and touch only roles at most the caller's own.
  const mayChange = (member: OrgMember) => canManage && callerRole !== undefined && outranksOrEquals(callerRole, member.role);
  const grantable = ROLES.filter((role) => callerRole !== undefined && outranksOrEquals(callerRole, role));
  return (
    <Frame title={props.title} name="members-table" className={props.className}>
      <ErrorNotice error={change.error} />
      {members.status === "loading" && <Loading what="members" />}
      {members.status === "error" && <ErrorNotice error={members.error} onRetry={members.reload} />}
      {members.status === "ready" && members.data.length === 0 && <Empty>No members.</Empty>}
      {members.status === "ready" && members.data.length > 0 && (
        <TableScroller label={props.title}>
        <table className="orgs-table">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
              {canManage && (
                <th scope="col">
                  <span className="orgs-visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.data.map((member) => (
              <tr key={member.userId}>
                <td>{member.email}</td>
                <td>
                  {mayChange(member) ? (
                    <RoleSelect
                      label={`Role of ${member.email}`}
                      hideLabel
                      value={member.role}
                      allowed={grantable}
                      disabled={change.pending}
                      onChange={(role) => void change.run(member, role)}
                    />
                  ) : (
                    <RoleBadge role={member.role} />
                  )}
                </td>
                <td>{formatDate(member.joinedAt)}</td>
                {canManage && (
                  <td className="orgs-cell-actions">
                    {mayChange(member) && (
                      <button
                        type="button"
                        className="orgs-button orgs-danger"
                        aria-label={`Remove ${member.email}`}
                        disabled={change.pending}
                        onClick={() => void change.run(member, "remove")}
                      >
                        Remove
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroller>
      )}
    </Frame>
  );
}
