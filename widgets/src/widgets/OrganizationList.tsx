// The caller's memberships with roles, for a landing page.
import type { Organization } from "@orgs/client";
import { useOrgs } from "../context.js";
import { Empty, ErrorNotice, Frame, formatDate, Loading, RoleBadge, type WidgetProps } from "../ui.js";
import { widget } from "../widget.js";

export interface OrganizationListProps extends WidgetProps {
  /** Called after an organization is opened (made active). */
  onOpen?: (organization: Organization) => void;
}

export const OrganizationList = widget("OrganizationList", function OrganizationList(props: OrganizationListProps) {
  const { memberships, activeOrganizationId, setActiveOrganizationId } = useOrgs();
  return (
    <Frame title={props.title ?? "Your organizations"} name="organization-list" className={props.className}>
      {memberships.status === "loading" && <Loading what="organizations" />}
      {memberships.status === "error" && <ErrorNotice error={memberships.error} onRetry={memberships.reload} />}
      {memberships.status === "ready" && memberships.data.length === 0 && (
        <Empty>You are not in any organization yet.</Empty>
      )}
      {memberships.status === "ready" && memberships.data.length > 0 && (
        <ul className="orgs-list">
          {memberships.data.map(({ organization, role }) => {
            const current = organization.id === activeOrganizationId;
            return (
              <li key={organization.id} className="orgs-list-item" aria-current={current || undefined}>
                <span className="orgs-grow">
                  <strong>{organization.name}</strong>
                  <span className="orgs-hint"> since {formatDate(organization.createdAt)}</span>
                </span>
                <RoleBadge role={role} />
                <button
                  type="button"
                  className="orgs-button orgs-secondary"
                  aria-label={current ? `Current: ${organization.name}` : `Open ${organization.name}`}
                  disabled={current}
                  onClick={() => {
                    setActiveOrganizationId(organization.id);
                    props.onOpen?.(organization);
                  }}
                >
                  {current ? "Current" : "Open"}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Frame>
  );
});
