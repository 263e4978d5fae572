// Accepts an invitation token (from the page's `?invitation=` by default) when the person
// asks to, then says where they now belong, or exactly why it failed.
import type { OrgRole } from "@orgs/client";
import { useState } from "react";
import { useOrgs } from "../context.js";
import { Announce, Empty, ErrorNotice, Frame, type WidgetProps } from "../ui.js";
import { organizationName } from "./JoinWithCode.js";
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
  // Read once: after accepting, the token is taken out of the URL, and the result must stay.
  const [tokenInUrl] = useState(invitationTokenFromUrl);
  const token = props.token ?? (preview ? "preview-token" : tokenInUrl);
  const [joined, setJoined] = useState<{ name: string | null; role: OrgRole } | null>(null);
  const accept = useAction(async (invitationToken: string) => {
    const result = await api.invitations.accept({ token: invitationToken });
    return { ...result, name: await organizationName(api, result.organizationId) };
  });
  const run = async () => {
    if (!token) return;
    const result = await accept.run(token);
    if (!result) return;
    setJoined({ name: result.name, role: result.role });
    forgetTokenInUrl();
    changed("organizations");
    setActiveOrganizationId(result.organizationId);
    props.onAccepted?.({ organizationId: result.organizationId, role: result.role });
  };
  return (
    <Frame title={props.title ?? "Accept invitation"} name="accept-invitation" className={props.className}>
      {!token && !joined && (
        <Empty>There is no invitation in this link. Open the link from your invitation again.</Empty>
      )}
      <Announce className="orgs-success">
        {joined && (
          <>
            You are now a member of {joined.name ? <strong>{joined.name}</strong> : "the organization"} as {joined.role}
            .
          </>
        )}
      </Announce>
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

/** Once used, the token has no business in the address bar, the history or a shared link. */
function forgetTokenInUrl() {
  if (typeof window === "undefined") return;
  const url = new URL(window.location.href);
  if (!url.searchParams.has("invitation")) return;
  url.searchParams.delete("invitation");
  window.history.replaceState(window.history.state, "", url);
}
