// The active organization: its name and dates, renamed in place by those with org:manage.
import { useId, useState, type FormEvent } from "react";
import { useOrgs, usePermission } from "../context.js";
import { describeError, ErrorNotice, Frame, formatDate, Loading, type WidgetProps } from "../ui.js";
import { useAction, useApi } from "../use-api.js";
import { ForActiveOrganization, widget } from "../widget.js";

export const OrganizationProfile = widget("OrganizationProfile", function OrganizationProfile(props: WidgetProps) {
  const title = props.title ?? "Organization profile";
  return (
    <ForActiveOrganization title={title} name="organization-profile" className={props.className}>
      {(organizationId) => <Profile organizationId={organizationId} title={title} className={props.className} />}
    </ForActiveOrganization>
  );
});

function Profile(props: { organizationId: string; title: string; className?: string | undefined }) {
  const { api, changed, revision } = useOrgs();
  const { organizationId } = props;
  const canManage = usePermission("org:manage");
  const organization = useApi(
    (signal) => api.get({ organizationId }, { signal }).then((answer) => answer.organization),
    [api, organizationId, revision("organizations")],
  );
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState("");
  const fieldId = useId();
  const messageId = useId();
  const rename = useAction((newName: string) => api.update({ organizationId, name: newName }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await rename.run(name)) {
      setEditing(false);
      changed("organizations");
    }
  };
  return (
    <Frame title={props.title} name="organization-profile" className={props.className}>
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
          <div className="orgs-field">
            <label htmlFor={fieldId}>New name</label>
            <input
              id={fieldId}
              className="orgs-input"
              value={name}
              maxLength={100}
              aria-invalid={rename.error !== undefined || undefined}
              aria-describedby={rename.error !== undefined ? messageId : undefined}
              onChange={(event) => setName(event.target.value)}
            />
            {rename.error !== undefined && (
              <p id={messageId} className="orgs-field-error" role="alert">
                {describeError(rename.error)}
              </p>
            )}
          </div>
          <div className="orgs-actions">
            <button type="submit" className="orgs-button" disabled={rename.pending}>
              {rename.pending ? "Saving…" : "Save"}
            </button>
            <button type="button" className="orgs-button orgs-secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Frame>
  );
}
