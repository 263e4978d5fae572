// The caller's organizations with their roles: pick the active one, or create one inline.
import { useEffect, useId, useRef, useState } from "react";
import { useOrgs } from "../context.js";
import { Empty, ErrorNotice, Frame, Loading, RoleBadge, type WidgetProps } from "../ui.js";
import { widget } from "../widget.js";
import { CreateOrganizationForm } from "./CreateOrganization.js";

export const OrganizationSwitcher = widget("OrganizationSwitcher", function OrganizationSwitcher(props: WidgetProps) {
  const { memberships, activeOrganizationId, setActiveOrganizationId } = useOrgs();
  const [creating, setCreating] = useState(false);
  const [closedForm, setClosedForm] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!creating && closedForm) newButton.current?.focus();
  }, [creating, closedForm]);
  const closeForm = () => {
    setCreating(false);
    setClosedForm(true);
  };
  const selectId = useId();
  const active = memberships.data?.find((m) => m.organization.id === activeOrganizationId);
  return (
    <Frame
      title={props.title ?? "Organization"}
      name="organization-switcher"
      className={props.className}
      actions={
        !creating && (
          <button
            ref={newButton}
            type="button"
            className="orgs-button orgs-secondary"
            onClick={() => setCreating(true)}
          >
            New organization
          </button>
        )
      }
    >
      {memberships.status === "loading" && <Loading what="organizations" />}
      {memberships.status === "error" && <ErrorNotice error={memberships.error} onRetry={memberships.reload} />}
      {memberships.status === "ready" && memberships.data.length === 0 && !creating && (
        <Empty>You are not in any organization yet. Create one to get started.</Empty>
      )}
      {memberships.status === "ready" && memberships.data.length > 0 && (
        <div className="orgs-row">
          <span className="orgs-field orgs-grow">
            <label htmlFor={selectId} className="orgs-visually-hidden">
              Active organization
            </label>
            <select
              id={selectId}
              className="orgs-select"
              value={activeOrganizationId ?? ""}
              onChange={(event) => setActiveOrganizationId(event.target.value || null)}
            >
              {memberships.data.map(({ organization, role }) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name} ({role})
                </option>
              ))}
            </select>
          </span>
          {active && <RoleBadge role={active.role} />}
        </div>
      )}
      {creating && <CreateOrganizationForm autoFocus onCreated={closeForm} onCancel={closeForm} />}
    </Frame>
  );
});
