// What PendingInvitations and JoinCodesTable share: a managers-only list of one
// organization's invitations or codes, each revocable where the caller could grant its role.
import type { OrganizationsApi, OrgRole } from "@orgs/client";
import { useRef, type ReactNode } from "react";
import { useMayGrant, useOrgs, usePermission, type Topic } from "../context.js";
import { Empty, ErrorNotice, Loading, TableScroller } from "../ui.js";
import { useAction, useApi } from "../use-api.js";

export interface RevocableListProps<T extends { id: string; role: OrgRole }> {
  organizationId: string;
  /** The widget's title, naming the table for assistive technology. */
  title: string;
  /** What the rows are, in the loading and empty messages: "invitations". */
  what: string;
  topic: Topic;
  load(api: OrganizationsApi, organizationId: string, signal: AbortSignal): Promise<T[]>;
  revoke(api: OrganizationsApi, organizationId: string, item: T): Promise<unknown>;
  columns: readonly string[];
  cells(item: T): ReactNode[];
  revokeLabel(item: T): string;
}

export function RevocableList<T extends { id: string; role: OrgRole }>(props: RevocableListProps<T>) {
  const { api, changed, revision } = useOrgs();
  const { organizationId } = props;
  const mayGrant = useMayGrant();
  const canManage = usePermission("members:manage");
  const table = useRef<HTMLDivElement>(null);
  // Only managers may list these; others are told so rather than shown a refusal.
  const items = useApi(
    canManage === false ? null : (signal) => props.load(api, organizationId, signal),
    [api, organizationId, canManage === false],
    revision(props.topic),
  );
  const revoke = useAction(async (item: T) => {
    await props.revoke(api, organizationId, item);
    changed(props.topic);
    // The row goes away; the table keeps the focus rather than the page losing it.
    table.current?.focus();
  });
  return (
    <>
      <ErrorNotice error={revoke.error} />
      {canManage === false && <Empty>Only owners and admins can see {props.what}.</Empty>}
      {canManage !== false && items.status === "loading" && <Loading what={props.what} />}
      {items.status === "error" && <ErrorNotice error={items.error} onRetry={items.reload} />}
      {items.status === "ready" && items.data.length === 0 && <Empty>No {props.what}.</Empty>}
      {items.status === "ready" && items.data.length > 0 && (
        <TableScroller label={props.title} ref={table}>
          <table className="orgs-table">
            <thead>
              <tr>
                {props.columns.map((column) => (
                  <th scope="col" key={column}>
                    {column}
                  </th>
                ))}
                <th scope="col">
                  <span className="orgs-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.data.map((item) => (
                <tr key={item.id}>
                  {props.cells(item).map((cell, i) => (
                    <td key={props.columns[i]}>{cell}</td>
                  ))}
                  <td className="orgs-cell-actions">
                    {mayGrant(item.role) && (
                      <button
                        type="button"
                        className="orgs-button orgs-danger"
                        aria-label={props.revokeLabel(item)}
                        aria-disabled={revoke.pending}
                        onClick={() => void (revoke.pending || revoke.run(item))}
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
    </>
  );
}
