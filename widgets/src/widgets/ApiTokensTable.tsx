// The organization's live API tokens, newest first, a page at a time: name, environment,
// last four characters, when made and last used; owners revoke them after a second step.
import type { OrgApiToken } from "@orgs/client";
import { useEffect, useRef, useState, type RefObject } from "react";
import { useOrgs, usePermissionState } from "../context.js";
import {
  ConfirmStep,
  Empty,
  ErrorNotice,
  formatDate,
  Loading,
  LoadMore,
  TableScroller,
  type WidgetProps,
  useFocusWhenShown,
} from "../ui.js";
import { useAction, usePaged, type Action } from "../use-api.js";
import { ForActiveOrganization, widget } from "../widget.js";

export interface ApiTokensTableProps extends WidgetProps {
  /** Tokens loaded per page (default 100). */
  pageSize?: number;
}

export const ApiTokensTable = widget("ApiTokensTable", function ApiTokensTable(props: ApiTokensTableProps) {
  const title = props.title ?? "API tokens";
  return (
    <ForActiveOrganization title={title} name="api-tokens-table" className={props.className}>
      {(organizationId) => <Tokens organizationId={organizationId} title={title} pageSize={props.pageSize ?? 100} />}
    </ForActiveOrganization>
  );
});

function Tokens(props: { organizationId: string; title: string; pageSize: number }) {
  const { api, changed, revision } = useOrgs();
  const { organizationId } = props;
  const permission = usePermissionState("org:manage");
  const table = useRef<HTMLDivElement>(null);
  const tokens = usePaged(
    permission === "held"
      ? (page, signal) =>
          api.tokens
            .list({ organizationId, ...page }, { signal })
            .then((answer) => ({ items: answer.apiTokens, nextCursor: answer.nextCursor }))
      : null,
    [api, organizationId, permission === "held"],
    revision("apiTokens"),
    props.pageSize,
  );
  // After a revoke the list reloads, and may come back empty, replacing the table: the
  // focus follows to whatever now stands in its place rather than falling to the page.
  const refocus = useRef(false);
  const shown = tokens.data;
  useEffect(() => {
    if (!refocus.current || shown === undefined) return;
    refocus.current = false;
    table.current?.focus();
  }, [shown]);
  const revoke = useAction(async (token: OrgApiToken) => {
    await api.tokens.revoke({ organizationId, key: token.key });
    refocus.current = true;
    changed("apiTokens");
    return true;
  });
  if (permission === "missing") return <Empty>Only owners can see this organization's API tokens.</Empty>;
  if (permission === "error") return <Empty>Your role could not be loaded, so the API tokens cannot be shown.</Empty>;
  return (
    <>
      <ErrorNotice error={revoke.error} />
      {tokens.status === "loading" && <Loading what="API tokens" />}
      {tokens.status === "error" && <ErrorNotice error={tokens.error} onRetry={tokens.reload} />}
      {tokens.status === "ready" && tokens.data.length === 0 && (
        <div ref={table} tabIndex={-1} role="group" aria-label={props.title}>
          <Empty>No API tokens.</Empty>
        </div>
      )}
      {tokens.status === "ready" && tokens.data.length > 0 && (
        <TableScroller label={props.title} ref={table}>
          <table className="orgs-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Env</th>
                <th scope="col">Last four</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="orgs-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <TokenRow key={token.key} token={token} revoke={revoke} table={table} />
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
      <LoadMore what="API tokens" list={tokens} />
    </>
  );
}

/** How a token is named to people: its name, or its last four when it has none. */
export function tokenLabel(token: OrgApiToken): string {
  return token.name ? `${token.name} (…${token.lastFour})` : `the unnamed token …${token.lastFour}`;
}

function TokenRow(props: {
  token: OrgApiToken;
  revoke: Action<[OrgApiToken], boolean>;
  table: RefObject<HTMLDivElement | null>;
}) {
  const { token, revoke } = props;
  const [confirming, setConfirming] = useState(false);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const focusWhenShown = useFocusWhenShown();
  const confirm = async () => {
    const done = await revoke.run(token);
    setConfirming(false);
    // The row is gone; the table keeps the focus rather than the page losing it.
    if (done) props.table.current?.focus();
    else focusWhenShown(revokeButton);
  };
  return (
    <tr>
      <td>{token.name ?? <span className="orgs-hint">unnamed</span>}</td>
      <td>{token.env}</td>
      <td className="orgs-mono">…{token.lastFour}</td>
      <td>{formatDate(token.createdAt)}</td>
      <td>{token.lastUsedAt === null ? "never" : formatDate(token.lastUsedAt)}</td>
      <td className="orgs-cell-actions">
        {confirming ? (
          <ConfirmStep
            label={`Confirm revoking ${tokenLabel(token)}`}
            confirm="Confirm revoke"
            busy={revoke.pending}
            onConfirm={() => void confirm()}
            onCancel={() => {
              setConfirming(false);
              focusWhenShown(revokeButton);
            }}
          />
        ) : (
          <button
            ref={revokeButton}
            type="button"
            className="orgs-button orgs-danger"
            aria-label={`Revoke ${tokenLabel(token)}`}
            onClick={() => setConfirming(true)}
          >
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}
