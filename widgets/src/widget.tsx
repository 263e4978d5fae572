// Wraps a widget so that `preview` gives it a provider of its own with sample data, and
// frames the widgets about one organization, which start afresh when it changes.
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

/** The widget's frame; inside it, `children` for the active organization, or a word on why there is none. */
export function ForActiveOrganization(props: {
  title: string;
  name: string;
  className?: string | undefined;
  /** Shown above the rest whatever the active organization: what the widget just did, say. */
  notice?: ReactNode;
  children: (organizationId: string) => ReactNode;
}) {
  const { activeOrganizationId, memberships } = useOrgs();
  return (
    <Frame title={props.title} name={props.name} className={props.className}>
      {props.notice}
      {activeOrganizationId ? (
        <Fragment key={activeOrganizationId}>{props.children(activeOrganizationId)}</Fragment>
      ) : (
        <>
          {memberships.status === "loading" && <Loading what="your organizations" />}
          {memberships.status === "error" && <ErrorNotice error={memberships.error} onRetry={memberships.reload} />}
          {memberships.status === "ready" && <Empty>Pick or create an organization first.</Empty>}
        </>
      )}
    </Frame>
  );
}
