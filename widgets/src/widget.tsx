// Wraps a widget so that `preview` gives it a provider of its own with sample data, and
// so that widgets about one organization start afresh when the active one changes.
import { Fragment, type ComponentType, type ReactNode } from "react";
import { OrgsProvider, useOrgs } from "./context.js";
import { Empty, ErrorNotice, Frame, Loading } from "./ui.js";

export function widget<P extends { preview?: boolean }>(name: string, Inner: ComponentType<P>) {
  function Widget(props: P) {
    if (props.preview) {
      return (
        <OrgsProvider preview>
          <Inner {...props} />
        </OrgsProvider>
      );
    }
    return <Inner {...props} />;
  }
  Widget.displayName = name;
  return Widget;
}

/** Renders `children` for the active organization, or says to pick one. */
export function ForActiveOrganization(props: {
  title: string;
  name: string;
  className?: string | undefined;
  children: (organizationId: string) => ReactNode;
}) {
  const { activeOrganizationId, memberships } = useOrgs();
  if (!activeOrganizationId) {
    return (
      <Frame title={props.title} name={props.name} className={props.className}>
        {memberships.status === "loading" && <Loading what="your organizations" />}
        {memberships.status === "error" && <ErrorNotice error={memberships.error} onRetry={memberships.reload} />}
        {memberships.status === "ready" && <Empty>Pick or create an organization first.</Empty>}
      </Frame>
    );
  }
  return <Fragment key={activeOrganizationId}>{props.children(activeOrganizationId)}</Fragment>;
}
