// An owner hands ownership to another member: pick them, then confirm. In one step the
// member becomes an owner and the caller an admin, and every widget showing roles reloads.
import type { OrgMember } from "@orgs/client";
import { useId, useRef, useState } from "react";
import { useActiveMembership, useMe, useMemberPages, useOrgs } from "../context.js";
import {
  Announce,
  ConfirmStep,
  Empty,
  ErrorNotice,
  Loading,
  LoadMore,
  type WidgetProps,
  useFocusWhenShown,
} from "../ui.js";
import { useAction } from "../use-api.js";
import { ForActiveOrganization, widget } from "../widget.js";

export interface TransferOwnershipProps extends WidgetProps {
  /** Members loaded per page for the picker (default 100). */
  pageSize?: number;
}

export const TransferOwnership = widget("TransferOwnership", function TransferOwnership(props: TransferOwnershipProps) {
  const title = props.title ?? "Transfer ownership";
  const [done, setDone] = useState<string | null>(null);
  return (
    <ForActiveOrganization
      title={title}
      name="transfer-ownership"
      className={props.className}
      notice={
        <Announce className="orgs-success">{done && <>{done} is now an owner, and you are now an admin.</>}</Announce>
      }
    >
      {(organizationId) => (
        <Transfer organizationId={organizationId} pageSize={props.pageSize ?? 100} onDone={setDone} />
      )}
    </ForActiveOrganization>
  );
});

function Transfer(props: { organizationId: string; pageSize: number; onDone: (email: string) => void }) {
  const { api, changed } = useOrgs();
  const { organizationId } = props;
  const membership = useActiveMembership();
  const me = useMe();
  const isOwner = membership?.role === "owner";
  const members = useMemberPages(organizationId, props.pageSize, isOwner);
  const [userId, setUserId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const transferButton = useRef<HTMLButtonElement>(null);
  const focusWhenShown = useFocusWhenShown();
  const selectId = useId();
  const transfer = useAction((member: OrgMember) => api.transferOwnership({ organizationId, userId: member.userId }));

  if (membership && !isOwner) return <Empty>Only owners can transfer ownership.</Empty>;
  if (me.status === "loading" || members.status === "loading") return <Loading what="members" />;
  if (me.status === "error") return <ErrorNotice error={me.error} onRetry={me.reload} />;
  if (members.status === "error") return <ErrorNotice error={members.error} onRetry={members.reload} />;
  if (me.data.kind !== "user") return <Empty>Only a person can transfer ownership, not an API token.</Empty>;
  const myId = me.data.user.id;
  const others = members.data.filter((m) => m.userId !== myId);
  const chosen = others.find((m) => m.userId === userId);

  const confirm = async () => {
    if (!chosen) return;
    const ok = await transfer.run(chosen);
    setConfirming(false);
    if (!ok) {
      focusWhenShown(transferButton);
      return;
    }
    setUserId("");
    props.onDone(chosen.email);
    changed("members");
    // The caller's own role changed: the memberships, and so every permission, reload.
    changed("organizations");
  };

  if (others.length === 0 && !members.hasMore)
    return <Empty>There is no other member to hand ownership to. Invite someone first.</Empty>;
  return (
    <div className="orgs-form">
      <div className="orgs-field">
        <label htmlFor={selectId}>New owner</label>
        <select
          id={selectId}
          className="orgs-select"
          value={userId}
          disabled={confirming}
          onChange={(event) => {
            setUserId(event.target.value);
            transfer.clearError();
          }}
        >
          <option value="">Choose a member…</option>
          {others.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.email} ({member.role})
            </option>
          ))}
        </select>
      </div>
      <LoadMore what="members" list={members} />
      <ErrorNotice error={transfer.error} />
      {confirming && chosen ? (
        <ConfirmStep
          label={`Confirm transferring ownership to ${chosen.email}`}
          confirm="Confirm transfer"
          busy={transfer.pending}
          onConfirm={() => void confirm()}
          onCancel={() => {
            setConfirming(false);
            focusWhenShown(transferButton);
          }}
        >
          <p>
            <strong>{chosen.email}</strong> becomes an owner of <strong>{membership?.organization.name}</strong>, and
            you become an admin: you will no longer be able to delete it or manage its API tokens.
          </p>
        </ConfirmStep>
      ) : (
        <div className="orgs-actions">
          <button
            ref={transferButton}
            type="button"
            className="orgs-button orgs-danger"
            disabled={!chosen}
            onClick={() => setConfirming(true)}
          >
            Transfer ownership
          </button>
        </div>
      )}
    </div>
  );
}
