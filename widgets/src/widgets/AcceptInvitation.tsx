// Accepts an invitation token (from the page's `?invitation=` by default) when the person
// asks to, then says where they now belong, or exactly why it failed.
import type { OrgRole } from "@orgs/client";
import { useState } from "react";
import { useOrgs } from "../context.js";
import { Empty, ErrorNotice, Frame, type WidgetProps } from "../ui.js";
import { useAction } from "../use-api.js";
import { widget } from "../widget.js";

export interface AcceptInvitationProps extends WidgetProps {
  /** The invitation token; by default the page URL's `invitation` parameter. */
  token?: string;
  onAccepted?: (result: { organizationId: string; role: OrgRole }) => void;
}

export function invitationTokenFromUrl(): string | null {
  return typeof window === "undefined" ? null : new URLSearchParams(window.location.search).get("invitation");
}

export const AcceptInvitation = widget("AcceptInvitation", function AcceptInvitation(props: AcceptInvitationProps) {
  const { api, changed, setActiveOrganizationId, preview } = useOrgs();
  const token = props.token ?? (preview ? "preview-token" : invitationTokenFromUrl());
  const [joined, setJoined] = useState<{ name: string; role: OrgRole } | null>(null);
  const accept = useAction(async (invitationToken: string) => {
    const result = await api.invitations.accept({ token: invitationToken });
    const { organization } = await api.get({ organizationId: result.organizationId });
    return { ...result, name: organization.name };
  });
  const run = async () => {
    if (!token) return;
    const result = await accept.run(token);
    if (!result) return;
    setJoined({ name: result.name, role: result.role });
    changed("organizations");
    setActiveOrganizationId(result.organizationId);
    props.onAccepted?.({ organizationId: result.organizationId, role: result.role });
  };
  return (
    <Frame title={props.title ?? "Accept invitation"} name="accept-invitation" className={props.className}>
      {!token && <Empty>There is no invitation in this link. Open the link from your invitation again.</Empty>}
      {token && joined && (
        <p className="orgs-success" role="status">
          You are now a member of <strong>{joined.name}</strong> as {joined.role}.
        </p>
      )}
      {token && !joined && (
        <>
          <p>You have been invited to join an organization.</p>
          <ErrorNotice error={accept.error} />
          <button type="button" className="orgs-button" disabled={accept.pending} onClick={() => void run()}>
            {accept.pending ? "Accepting…" : "Accept invitation"}
          </button>
        </>
      )}
    </Frame>
  );
});
