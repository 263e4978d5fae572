// Join codes that are not revoked, with their uses against their limits, and revoke.
import type { OrgJoinCode } from "@orgs/client";
import type { WidgetProps } from "../ui.js";
import { formatDate, RoleBadge } from "../ui.js";
import { ForActiveOrganization, widget } from "../widget.js";
import { RevocableList } from "./revocable-list.js";

export const JoinCodesTable = widget("JoinCodesTable", function JoinCodesTable(props: WidgetProps) {
  const title = props.title ?? "Join codes";
  return (
    <ForActiveOrganization title={title} name="join-codes-table" className={props.className}>
      {(organizationId) => (
        <RevocableList
          organizationId={organizationId}
          title={title}
          what="join codes"
          topic="joinCodes"
          load={(api, id, signal) => api.joinCodes.list({ organizationId: id }, { signal }).then((a) => a.joinCodes)}
          revoke={(api, id, code) => api.joinCodes.revoke({ organizationId: id, id: code.id })}
          columns={["Created", "Role", "Uses"]}
          cells={(code) => [formatDate(code.createdAt), <RoleBadge role={code.role} />, usesText(code)]}
          revokeLabel={(code) => `Revoke the ${code.role} join code created ${formatDate(code.createdAt)}`}
        />
      )}
    </ForActiveOrganization>
  );
});

function usesText(code: OrgJoinCode): string {
  if (code.maxUses === null) return `${code.uses} (no limit)`;
  return `${code.uses} of ${code.maxUses}${code.uses >= code.maxUses ? " (used up)" : ""}`;
}
