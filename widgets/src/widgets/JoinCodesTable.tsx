// Join codes that are not revoked, with their uses against their limits, and revoke.
import type { OrgJoinCode } from "@orgs/client";
import { outranksOrEquals, useActiveMembership, useOrgs, usePermission } from "../context.js";
import { Empty, ErrorNotice, Frame, formatDate, Loading, RoleBadge, TableScroller, type WidgetProps } from "../ui.js";
import { useRef } from "react";
import { useAction, useApi } from "../use-api.js";
import { ForActiveOrganization, widget } from "../widget.js";

export const JoinCodesTable = widget("JoinCodesTable", function JoinCodesTable(props: WidgetProps) {
  const title = props.title ?? "Join codes";
  return (
    <ForActiveOrganization title={title} name="join-codes-table" className={props.className}>
      {(organizationId) => <JoinCodes organizationId={organizationId} title={title} className={props.className} />}
    </ForActiveOrganization>
  );
});

function usesText(code: OrgJoinCode): string {
  if (code.maxUses === null) return `${code.uses} (no limit)`;
  return `${code.uses} of ${code.maxUses}${code.uses >= code.maxUses ? " (used up)" : ""}`;
}

function JoinCodes(props: { organizationId: string; title: string; className?: string | undefined }) {
  const { api, changed, revision } = useOrgs();
  const { organizationId } = props;
  const callerRole = useActiveMembership()?.role;
  const canManage = usePermission("members:manage");
  const table = useRef<HTMLDivElement>(null);
  // Only managers may list join codes; others are told so rather than shown a refusal.
  const codes = useApi(
    canManage === false ? null : (signal) => api.joinCodes.list({ organizationId }, { signal }).then((answer) => answer.joinCodes),
    [api, organizationId, canManage === false],
    revision("joinCodes"),
  );
  const revoke = useAction(async (code: OrgJoinCode) => {
    await api.joinCodes.revoke({ organizationId, id: code.id });
    changed("joinCodes");
    table.current?.focus();
  });
  return (
    <Frame title={props.title} name="join-codes-table" className={props.className}>
      <ErrorNotice error={revoke.error} />
      {canManage === false && <Empty>Only owners and admins can see join codes.</Empty>}
      {canManage !== false && codes.status === "loading" && <Loading what="join codes" />}
      {codes.status === "error" && <ErrorNotice error={codes.error} onRetry={codes.reload} />}
      {codes.status === "ready" && codes.data.length === 0 && <Empty>No join codes.</Empty>}
      {codes.status === "ready" && codes.data.length > 0 && (
        <TableScroller label={props.title} ref={table}>
        <table className="orgs-table">
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">Role</th>
              <th scope="col">Uses</th>
              <th scope="col">
                <span className="orgs-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {codes.data.map((code) => (
              <tr key={code.id}>
                <td>{formatDate(code.createdAt)}</td>
                <td>
                  <RoleBadge role={code.role} />
                </td>
                <td>{usesText(code)}</td>
                <td className="orgs-cell-actions">
                  {callerRole && outranksOrEquals(callerRole, code.role) && (
                    <button
                      type="button"
                      className="orgs-button orgs-danger"
                      aria-label={`Revoke the ${code.role} join code created ${formatDate(code.createdAt)}`}
                      aria-disabled={revoke.pending}
                      onClick={() => void (revoke.pending || revoke.run(code))}
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
