// An organization's members, a page at a time: role changes and removals where the caller's
// rank and permissions allow, each confirmed by a second step, a plain explanation when no
// owner would remain, and the caller's own row marked.
import type { OrgMember, OrgRole } from "@orgs/client";
import { useEffect, useRef, useState, type RefObject } from "react";
import { useGrantableRoles, useMayGrant, useMemberPages, useMyUserId, useOrgs, usePermission } from "../context.js";
import {
  Empty,
  ErrorNotice,
  formatDate,
  Loading,
  LoadMore,
  RoleBadge,
  RoleSelect,
  TableScroller,
  type WidgetProps,
  useFocusWhenShown,
} from "../ui.js";
import { useAction, type Action } from "../use-api.js";
import { ForActiveOrganization, widget } from "../widget.js";

export interface MembersTableProps extends WidgetProps {
  /** Members loaded per page; "Load more" fetches the next (default 100). */
  pageSize?: number;
}

export const MembersTable = widget("MembersTable", function MembersTable(props: MembersTableProps) {
  const title = props.title ?? "Members";
  return (
    <ForActiveOrganization title={title} name="members-table" className={props.className}>
      {(organizationId) => <Members organizationId={organizationId} title={title} pageSize={props.pageSize ?? 100} />}
    </ForActiveOrganization>
  );
});

type Change = { member: OrgMember; to: OrgRole | "remove" };

function Members(props: { organizationId: string; title: string; pageSize: number }) {
  const { api, changed } = useOrgs();
  const { organizationId } = props;
  const canManage = usePermission("members:manage") ?? false;
  const mayGrant = useMayGrant();
  const grantable = useGrantableRoles();
  const myUserId = useMyUserId();
  const table = useRef<HTMLDivElement>(null);
  const members = useMemberPages(organizationId, props.pageSize);
  const change = useAction(async ({ member, to }: Change) => {
    if (to === "remove") await api.members.remove({ organizationId, userId: member.userId });
    else await api.members.setRole({ organizationId, userId: member.userId, role: to });
    changed("members");
    // The caller may have changed or removed their own membership.
    changed("organizations");
    return true;
  });
  // The server's rule (mayGrant): a member's role can be changed, and the member removed,
  // only when the caller could grant the role they hold now.
  const mayChange = (member: OrgMember) => canManage && mayGrant(member.role);
  const owners = members.data?.filter((m) => m.role === "owner").length ?? 0;
  return (
    <>
      <ErrorNotice error={change.error} />
      {members.status === "loading" && <Loading what="members" />}
      {members.status === "error" && <ErrorNotice error={members.error} onRetry={members.reload} />}
      {members.status === "ready" && members.data.length === 0 && <Empty>No members.</Empty>}
      {members.status === "ready" && members.data.length > 0 && (
        <>
          <TableScroller label={props.title} ref={table}>
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
                  <MemberRow
                    key={member.userId}
                    member={member}
                    isMe={member.userId === myUserId}
                    canManage={canManage}
                    mayChange={mayChange(member)}
                    grantable={grantable}
                    change={change}
                    table={table}
                  />
                ))}
              </tbody>
            </table>
          </TableScroller>
          <LoadMore what="members" list={members} />
          {canManage && owners === 1 && !members.hasMore && (
            <p className="orgs-hint">The only owner cannot be demoted or removed until someone else is an owner too.</p>
          )}
        </>
      )}
    </>
  );
}

function MemberRow(props: {
  member: OrgMember;
  isMe: boolean;
  canManage: boolean;
  mayChange: boolean;
  grantable: readonly OrgRole[];
  change: Action<[Change], boolean>;
  table: RefObject<HTMLDivElement | null>;
}) {
  const { member, change } = props;
  const [selected, setSelected] = useState<OrgRole>(member.role);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  const focusWhenShown = useFocusWhenShown();
  const roleCell = useRef<HTMLTableCellElement>(null);
  // The list reloaded: show the role the server has now.
  useEffect(() => setSelected(member.role), [member.role]);
  const busy = change.pending;

  const saveRole = async () => {
    if (busy) return;
    const done = await change.run({ member, to: selected });
    if (!done) setSelected(member.role);
    roleCell.current?.querySelector("select")?.focus();
  };
  const remove = async () => {
    if (busy) return;
    const done = await change.run({ member, to: "remove" });
    setConfirmingRemove(false);
    // The row is gone; the table keeps the focus rather than the page losing it.
    if (done) props.table.current?.focus();
    else removeButton.current?.focus();
  };

  return (
    <tr>
      <td>
        {member.email}
        {props.isMe && (
          <>
            {" "}
            <span className="orgs-you">(you)</span>
          </>
        )}
      </td>
      <td ref={roleCell}>
        {props.canManage ? (
          // A manager sees a select on every row; on a member whose role they could not grant
          // it shows that role, disabled, since the rule forbids changing it.
          <span className="orgs-row">
            <RoleSelect
              label={`Role of ${member.email}`}
              hideLabel
              value={selected}
              options={props.mayChange ? props.grantable : []}
              onChange={setSelected}
            />
            {selected !== member.role && (
              <button type="button" className="orgs-button" aria-disabled={busy} onClick={() => void saveRole()}>
                Save role
              </button>
            )}
          </span>
        ) : (
          <RoleBadge role={member.role} />
        )}
      </td>
      <td>{formatDate(member.joinedAt)}</td>
      {props.canManage && (
        <td className="orgs-cell-actions">
          {props.mayChange && !confirmingRemove && (
            <button
              ref={removeButton}
              type="button"
              className="orgs-button orgs-danger"
              aria-label={`Remove ${member.email}`}
              onClick={() => setConfirmingRemove(true)}
            >
              Remove
            </button>
          )}
          {props.mayChange && confirmingRemove && (
            <span className="orgs-row" role="group" aria-label={`Confirm removing ${member.email}`}>
              <button
                type="button"
                className="orgs-button orgs-danger-solid"
                autoFocus
                aria-disabled={busy}
                onClick={() => void remove()}
              >
                Confirm removal
              </button>
              <button
                type="button"
                className="orgs-button orgs-secondary"
                onClick={() => {
                  setConfirmingRemove(false);
                  focusWhenShown(removeButton);
                }}
              >
                Cancel
              </button>
            </span>
          )}
        </td>
      )}
    </tr>
  );
}
