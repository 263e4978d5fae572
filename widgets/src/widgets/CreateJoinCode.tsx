// Create a shareable join code with a role and an optional use limit; the code is shown once.
import type { OrgRole } from "@orgs/client";
import { useState, type FormEvent } from "react";
import { defaultRole, useGrantableRoles, useOrgs, usePermission } from "../context.js";
import { Empty, ErrorNotice, Loading, RoleSelect, SecretOnce, TextField, type WidgetProps } from "../ui.js";
import { useAction } from "../use-api.js";
import { ForActiveOrganization, widget } from "../widget.js";

export const CreateJoinCode = widget("CreateJoinCode", function CreateJoinCode(props: WidgetProps) {
  const title = props.title ?? "Create a join code";
  return (
    <ForActiveOrganization title={title} name="create-join-code" className={props.className}>
      {(organizationId) => <JoinCodeForm organizationId={organizationId} />}
    </ForActiveOrganization>
  );
});

function JoinCodeForm({ organizationId }: { organizationId: string }) {
  const { api, changed, roles } = useOrgs();
  const grantable = useGrantableRoles();
  const [picked, setPicked] = useState<OrgRole | null>(null);
  // As in InviteMember: the pick while it is grantable, else the default.
  const role = picked !== null && grantable.includes(picked) ? picked : defaultRole(grantable);
  const [maxUses, setMaxUses] = useState("");
  const [code, setCode] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const canManage = usePermission("members:manage");
  const create = useAction((input: { role: OrgRole; maxUses: number | null }) =>
    api.joinCodes.create({ organizationId, ...input }),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (role === undefined) return;
    const typed = maxUses.trim();
    // Anything but digits is refused here: a number the form could not read would travel
    // as null, which means unlimited, the opposite of what was typed.
    const limit = typed === "" ? null : /^[0-9]+$/.test(typed) ? Number(typed) : Number.NaN;
    if (limit !== null && !Number.isInteger(limit)) {
      setLocalError("Enter a whole number from 1 to 1,000,000, or leave it empty for no limit.");
      return;
    }
    setLocalError(null);
    const created = await create.run({ role, maxUses: limit });
    if (!created) return;
    setMaxUses("");
    setCode(created.code);
    changed("joinCodes");
  };
  if (code) {
    return (
      <SecretOnce
        label="Join code"
        value={code}
        warning="Share it with the people who should join. It is shown only once; anyone with it can join until it is revoked or used up."
        onDone={() => {
          setCode(null);
          setReturning(true);
        }}
      />
    );
  }
  if (canManage === false) return <Empty>Only owners and admins can create join codes.</Empty>;
  if (roles.status === "loading") return <Loading what="roles" />;
  if (roles.status === "error") return <ErrorNotice error={roles.error} onRetry={roles.reload} />;
  if (role === undefined) return <Empty>Your role cannot grant any role, so it cannot create join codes.</Empty>;
  return (
    <form className="orgs-form" onSubmit={submit} noValidate>
      <RoleSelect label="Role for people who join" value={role} options={grantable} onChange={setPicked} />
      <TextField
        label="Maximum uses"
        inputMode="numeric"
        value={maxUses}
        onChange={setMaxUses}
        autoFocus={returning}
        hint="Leave empty for no limit."
        error={localError}
      />
      <ErrorNotice error={create.error} />
      <div className="orgs-actions">
        <button type="submit" className="orgs-button" disabled={create.pending}>
          {create.pending ? "Creating…" : "Create join code"}
        </button>
      </div>
    </form>
  );
}
