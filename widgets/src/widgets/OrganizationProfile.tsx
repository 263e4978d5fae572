// The active organization: its name and dates, renamed in place by those with org:manage.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useOrgs, usePermission } from "../context.js";
import { describeError, ErrorNotice, formatDate, Loading, TextField, type WidgetProps } from "../ui.js";
import { useAction, useApi } from "../use-api.js";
import { ForActiveOrganization, widget } from "../widget.js";

export const OrganizationProfile = widget("OrganizationProfile", function OrganizationProfile(props: WidgetProps) {
  const title = props.title ?? "Organization profile";
  return (
    <ForActiveOrganization title={title} name="organization-profile" className={props.className}>
      {(organizationId) => <Profile organizationId={organizationId} />}
    </ForActiveOrganization>
  );
});

function Profile({ organizationId }: { organizationId: string }) {
  const { api, changed, revision } = useOrgs();
  const canManage = usePermission("org:manage");
  const organization = useApi(
    (signal) => api.get({ organizationId }, { signal }).then((answer) => answer.organization),
    [api, organizationId],
    revision("organizations"),
  );
  const [editing, setEditing] = useState(false);
  // After saving or cancelling, focus goes back to the button that opened the form.
  const [backToRename, setBackToRename] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!editing && backToRename) renameButton.current?.focus();
  }, [editing, backToRename]);
  const [name, setName] = useState("");
  const rename = useAction((newName: string) => api.update({ organizationId, name: newName }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await rename.run(name)) {
      setEditing(false);
      setBackToRename(true);
      changed("organizations");
    }
  };
  return (
    <>
      {organization.status === "loading" && <Loading what="the organization" />}
      {organization.status === "error" && <ErrorNotice error={organization.error} onRetry={organization.reload} />}
      {organization.status === "ready" && !editing && (
        <>
          <dl className="orgs-facts">
            <dt>Name</dt>
            <dd>{organization.data.name}</dd>
            <dt>Created</dt>
            <dd>{formatDate(organization.data.createdAt)}</dd>
            <dt>Id</dt>
            <dd className="orgs-mono">{organization.data.id}</dd>
          </dl>
          {canManage && (
            <button
              ref={renameButton}
              type="button"
              className="orgs-button orgs-secondary"
              onClick={() => {
                setName(organization.data.name);
                rename.clearError();
                setEditing(true);
              }}
            >
              Rename
            </button>
          )}
        </>
      )}
      {organization.status === "ready" && editing && (
        <form className="orgs-form" onSubmit={submit} noValidate>
          <TextField
            label="New name"
            value={name}
            onChange={setName}
            maxLength={100}
            autoFocus
            error={rename.error === undefined ? null : describeError(rename.error)}
          />
          <div className="orgs-actions">
            <button type="submit" className="orgs-button" disabled={rename.pending}>
              {rename.pending ? "Saving…" : "Save"}
            </button>
            <button
              type="button"
              className="orgs-button orgs-secondary"
              onClick={() => {
                setEditing(false);
                setBackToRename(true);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </>
  );
}
