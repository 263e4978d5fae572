// The danger zone: an owner deletes the active organization after typing its exact name.
// Its memberships reload, so it vanishes from the switcher and the lists at once.
import { useState, type FormEvent } from "react";
import { useActiveMembership, useOrgs, usePermissionState } from "../context.js";
import { Announce, Empty, ErrorNotice, Loading, TextField, type WidgetProps } from "../ui.js";
import { useAction } from "../use-api.js";
import { ForActiveOrganization, widget } from "../widget.js";

export interface DeleteOrganizationProps extends WidgetProps {
  /** Called once the organization is gone. */
  onDeleted?: (organizationId: string) => void;
}

export const DeleteOrganization = widget(
  "DeleteOrganization",
  function DeleteOrganization(props: DeleteOrganizationProps) {
    const title = props.title ?? "Delete organization";
    const [deleted, setDeleted] = useState<string | null>(null);
    return (
      <ForActiveOrganization
        title={title}
        name="delete-organization"
        className={props.className}
        notice={<Announce className="orgs-success">{deleted && <>{deleted} was deleted.</>}</Announce>}
      >
        {(organizationId) => (
          <DangerZone
            organizationId={organizationId}
            onDeleted={(name) => {
              setDeleted(name);
              props.onDeleted?.(organizationId);
            }}
          />
        )}
      </ForActiveOrganization>
    );
  },
);

function DangerZone(props: { organizationId: string; onDeleted: (name: string) => void }) {
  const { api, changed, setActiveOrganizationId, forgetOrganization, memberships, roles } = useOrgs();
  const { organizationId } = props;
  const permission = usePermissionState("org:manage");
  const name = useActiveMembership()?.organization.name ?? "";
  const [typed, setTyped] = useState("");
  const remove = useAction(() => api.delete({ organizationId }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (typed !== name || remove.pending) return;
    if (!(await remove.run())) return;
    props.onDeleted(name);
    forgetOrganization(organizationId);
    setActiveOrganizationId(null);
    changed("organizations");
  };
  if (permission === "loading") return <Loading what="your role" />;
  if (permission === "error")
    return (
      <ErrorNotice
        error={memberships.error ?? roles.error}
        onRetry={() => {
          memberships.reload();
          roles.reload();
        }}
      />
    );
  if (permission === "missing") return <Empty>Only owners can delete this organization.</Empty>;
  return (
    <form className="orgs-form orgs-danger-zone" onSubmit={submit} noValidate>
      <p>
        Deleting <strong>{name}</strong> removes it for everyone, at once: its members, invitations, join codes and API
        tokens. This cannot be undone.
      </p>
      <TextField
        label={`Type ${name} to confirm`}
        value={typed}
        onChange={setTyped}
        autoComplete="off"
        spellCheck={false}
        hint="The name exactly as shown, capitals included."
      />
      <ErrorNotice error={remove.error} />
      <div className="orgs-actions">
        <button type="submit" className="orgs-button orgs-danger-solid" disabled={typed !== name || remove.pending}>
          {remove.pending ? "Deleting…" : "Delete this organization"}
        </button>
      </div>
    </form>
  );
}
