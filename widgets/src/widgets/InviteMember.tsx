// Invite an email with a role; the invitation link is shown once, with a copy button.
import type { OrgInvitation, OrgRole } from "@orgs/client";
import { useState, type FormEvent } from "react";
import { defaultRole, useGrantableRoles, useOrgs, usePermission } from "../context.js";
import {
  describeError,
  Empty,
  ErrorNotice,
  Loading,
  RoleSelect,
  SecretOnce,
  TextField,
  type WidgetProps,
} from "../ui.js";
import { useAction } from "../use-api.js";
import { ForActiveOrganization, widget } from "../widget.js";

export interface InviteMemberProps extends WidgetProps {
  /** The link that carries the token; by default this page with `?invitation=TOKEN`. */
  invitationUrl?: (token: string) => string;
  onInvited?: (invitation: OrgInvitation) => void;
}

export function defaultInvitationUrl(token: string): string {
  const url = new URL(window.location.href);
  url.search = new URLSearchParams({ invitation: token }).toString();
  url.hash = "";
  return url.toString();
}

export const InviteMember = widget("InviteMember", function InviteMember(props: InviteMemberProps) {
  const title = props.title ?? "Invite a member";
  return (
    <ForActiveOrganization title={title} name="invite-member" className={props.className}>
      {(organizationId) => <InviteForm {...props} organizationId={organizationId} />}
    </ForActiveOrganization>
  );
});

function InviteForm(props: InviteMemberProps & { organizationId: string }) {
  const { api, changed, roles } = useOrgs();
  const grantable = useGrantableRoles();
  const [email, setEmail] = useState("");
  const [picked, setPicked] = useState<OrgRole | null>(null);
  // The pick stands while the caller may grant it; until then (or after the caller's role
  // changed) the default does.
  const role = picked !== null && grantable.includes(picked) ? picked : defaultRole(grantable);
  const [link, setLink] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const canManage = usePermission("members:manage");
  const invite = useAction((input: { email: string; role: OrgRole }) =>
    api.invitations.create({ organizationId: props.organizationId, ...input }),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (role === undefined) return;
    const created = await invite.run({ email, role });
    if (!created) return;
    setEmail("");
    setLink((props.invitationUrl ?? defaultInvitationUrl)(created.token));
    changed("invitations");
    props.onInvited?.(created.invitation);
  };
  if (link) {
    return (
      <SecretOnce
        label="Invitation link"
        value={link}
        warning="Send this link to the person you invited. It is shown only once and works for their email address only."
        onDone={() => {
          setLink(null);
          setReturning(true);
        }}
      />
    );
  }
  if (canManage === false) return <Empty>Only owners and admins can invite members.</Empty>;
  if (roles.status === "loading") return <Loading what="roles" />;
  if (roles.status === "error") return <ErrorNotice error={roles.error} onRetry={roles.reload} />;
  if (role === undefined) return <Empty>Your role cannot grant any role, so it cannot invite.</Empty>;
  return (
    <form className="orgs-form" onSubmit={submit} noValidate>
      <TextField
        label="Email address"
        type="email"
        value={email}
        onChange={setEmail}
        autoComplete="off"
        autoFocus={returning}
        error={invite.error === undefined ? null : describeError(invite.error)}
      />
      <RoleSelect label="Role" value={role} options={grantable} onChange={setPicked} />
      <div className="orgs-actions">
        <button type="submit" className="orgs-button" disabled={invite.pending}>
          {invite.pending ? "Creating…" : "Create invitation link"}
        </button>
      </div>
    </form>
  );
}
